//! The wasm-bindgen API for JavaScript callers: `analyze(inputs) -> analysis`, the same shape as the CLI's JSON.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One input from JavaScript: a bare string, or `{name, text}`.
#[derive(Deserialize)]
#[serde(untagged)]
enum JsInput {
    Text(String),
    Named { name: String, text: String },
}

/// Analyses an array of inputs (strings or `{name, text}` objects; a name ending in .json / .jsonl is read
/// as records). Returns the analysis object; inputs that fail to load are listed in its `errors`.
#[wasm_bindgen]
pub fn analyze(inputs: JsValue) -> Result<JsValue, JsError> {
    let inputs: Vec<JsInput> = serde_wasm_bindgen::from_value(inputs)
        .map_err(|e| JsError::new(&format!("analyze expects an array of strings or {{name, text}} objects: {e}")))?;
    let named: Vec<(String, String)> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| match input {
            JsInput::Text(text) => (format!("input-{}.txt", i + 1), text),
            JsInput::Named { name, text } => (name, text),
        })
        .collect();
    let inputs: Vec<crate::analysis::Input> = named.iter().map(|(n, t)| crate::analysis::Input::text(n, t)).collect();
    let analysis = crate::analysis::analyze_inputs(&inputs, &mut |_| {});
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the analysis to JavaScript: {e}")))
}
