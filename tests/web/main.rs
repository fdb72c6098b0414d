//! The app's component tests, in headless Chromium under `wasm-pack test`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod app;
mod components;
mod keys;
mod protocol;
mod support;
