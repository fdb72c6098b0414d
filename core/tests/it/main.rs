//! The core's integration tests, natively and (under `wasm-pack test`) in a headless browser.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod compare;
mod confidence;
mod corrections;
mod cue_patterns;
mod fixtures;
mod golden;
mod model;
mod news_entities;
mod news_organizations;
mod news_speakers;
mod open;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
mod robustness;
mod seeds_entities;
mod seeds_parse;
mod seeds_quotes;
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
mod wasm_api;
