//! The analysis worker: loads the inputs it is sent, analyses them with the core, reports progress.
//! Runs in a dedicated worker so the page never freezes, whatever the size of the corpus.

use newsprism_core::analysis::analyze_with_progress;
use newsprism_core::model::InputError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{read_request, Input, Reply};

/// Installs the message handler; called once when the worker starts.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let post = |r: Reply| {
            let _ = reply_scope.post_message(&r.to_js());
        };
        match read_request(&e.data()) {
            Some((id, inputs)) => post(analyse(id, &inputs, &post)),
            None => {
                post(Reply::Failed { id: 0, message: "the worker received a message it does not understand".into() })
            }
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&Reply::Ready.to_js());
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Loads and analyses; progress goes out as it happens.
pub fn analyse(id: u32, inputs: &[Input], post: &dyn Fn(Reply)) -> Reply {
    let t0 = now();
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        post(Reply::Progress {
            id,
            fraction: 0.02 * i as f32 / inputs.len().max(1) as f32,
            stage: format!("reading {}", input.name),
        });
        match newsprism_core::load(&input.name, &input.bytes) {
            Ok(d) => docs.extend(d),
            Err(e) => errors.push(InputError::from(&e)),
        }
    }
    let mut last = -1.0f32;
    let analysis = analyze_with_progress(&docs, errors, &mut |f, stage| {
        if f - last >= 0.02 || f >= 1.0 {
            last = f;
            post(Reply::Progress { id, fraction: 0.02 + 0.96 * f, stage: stage.to_string() });
        }
    });
    match serde_json::to_string(&analysis) {
        Ok(json) => Reply::Done { id, json, millis: now() - t0 },
        Err(e) => Reply::Failed { id, message: format!("could not send the analysis to the page: {e}") },
    }
}
