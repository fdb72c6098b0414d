//! The loader on any bytes, read as .txt, .json, .jsonl or a name with no extension (the first byte chooses).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newsprism_core_fuzz::loader(data));
