//! The analysis worker: analyses the inputs it is sent with the core's one entry point, reporting progress.
//! Runs in a dedicated worker so the page never freezes, whatever the size of the corpus; if it dies or
//! hangs, the page replaces it (`effects/analyzer.rs`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{from_js, to_js, Reply, Request};

/// Installs the message handler; called once when the worker starts.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let post = |r: Reply| {
            if let Ok(v) = to_js(&r) {
                let _ = reply_scope.post_message(&v);
            }
        };
        let data = e.data();
        // The id is read on its own first, so even a request that does not parse is answered by its id.
        let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).map_or(0, |v| v as u32);
        match from_js::<Request>(data) {
            Ok(request) => post(analyse(&request, &post)),
            Err(e) => post(Reply::Failed { id, message: format!("the worker could not read the request: {e}") }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Ok(ready) = to_js(&Reply::Ready) {
        let _ = scope.post_message(&ready);
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Loads and analyses; progress goes out as it happens.
pub fn analyse(request: &Request, post: &dyn Fn(Reply)) -> Reply {
    let t0 = now();
    let id = request.id;
    let inputs: Vec<newsprism_core::Input> = request.inputs.iter().map(|i| i.to_core()).collect();
    let mut last = -1.0f32;
    let analysis = newsprism_core::analyze_inputs(&inputs, &mut |p| {
        if p.fraction - last >= 0.02 || p.fraction >= 1.0 {
            last = p.fraction;
            post(Reply::Progress { id, fraction: p.fraction, stage: p.stage.label().to_string() });
        }
    });
    match serde_json::to_vec(&analysis) {
        Ok(json) => Reply::Done { id, json, millis: now() - t0 },
        Err(e) => Reply::Failed { id, message: format!("could not send the analysis to the page: {e}") },
    }
}
