//! The whole analysis on one to three inputs split from the fuzz data (see `newsprism_core_fuzz::split`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsprism_core_fuzz::analysis(data));
