//! Where analyses run: a dedicated web worker in the page, or (in component tests) a function.

use std::rc::Rc;

use newsprism_core::model::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use crate::protocol::{request, Input, Reply};

/// How the page gets analyses done.
#[derive(Clone)]
pub enum Analyzer {
    /// A worker started from this script URL (relative to the page).
    Worker(String),
    /// Analyse on the page's thread (tests).
    Inline(fn(&[Input]) -> Analysis),
}

impl PartialEq for Analyzer {
    /// The analyzer is chosen once when the page mounts; two inline analyzers count as the same.
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Analyzer::Worker(a), Analyzer::Worker(b)) => a == b,
            (Analyzer::Inline(_), Analyzer::Inline(_)) => true,
            _ => false,
        }
    }
}

/// What comes back from an analysis.
#[derive(Debug, Clone)]
pub enum Outcome {
    Progress { request: u32, fraction: f32, stage: String },
    Done { request: u32, analysis: Rc<Analysis>, millis: f64 },
    Failed { request: u32, message: String },
}

/// A running analyzer: send it inputs, hear back through the callback given at start.
pub struct Running {
    worker: Option<Worker>,
    /// Whether the worker said it is ready, and the request waiting for that.
    state: Rc<std::cell::RefCell<(bool, Option<JsValue>)>>,
    inline: Option<fn(&[Input]) -> Analysis>,
    on_outcome: Callback<Outcome>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Running {
    pub fn start(analyzer: &Analyzer, on_outcome: Callback<Outcome>) -> Running {
        match analyzer {
            Analyzer::Inline(f) => Running {
                worker: None,
                state: Default::default(),
                inline: Some(*f),
                on_outcome,
                _on_message: None,
                _on_error: None,
            },
            Analyzer::Worker(url) => {
                let worker = match Worker::new(url) {
                    Ok(w) => w,
                    Err(e) => {
                        on_outcome.emit(Outcome::Failed {
                            request: 0,
                            message: format!("could not start the analysis worker: {e:?}"),
                        });
                        return Running {
                            worker: None,
                            state: Default::default(),
                            inline: None,
                            on_outcome,
                            _on_message: None,
                            _on_error: None,
                        };
                    }
                };
                let cb = on_outcome.clone();
                let state: Rc<std::cell::RefCell<(bool, Option<JsValue>)>> = Default::default();
                let ready_state = state.clone();
                let ready_worker = worker.clone();
                let on_message =
                    Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| match Reply::from_js(&e.data()) {
                        Some(Reply::Ready) => {
                            let pending = {
                                let mut s = ready_state.borrow_mut();
                                s.0 = true;
                                s.1.take()
                            };
                            if let Some(msg) = pending {
                                let _ = ready_worker.post_message(&msg);
                            }
                        }
                        Some(reply) => {
                            if let Some(o) = outcome(reply) {
                                cb.emit(o);
                            }
                        }
                        None => {}
                    });
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                let cb = on_outcome.clone();
                let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
                    cb.emit(Outcome::Failed {
                        request: u32::MAX,
                        message: "the analysis worker stopped with an error".into(),
                    });
                });
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                Running {
                    worker: Some(worker),
                    state,
                    inline: None,
                    on_outcome,
                    _on_message: Some(on_message),
                    _on_error: Some(on_error),
                }
            }
        }
    }

    /// Asks for an analysis of `inputs`; the outcome names `id`.
    pub fn send(&self, id: u32, inputs: &[Input]) {
        if let Some(w) = &self.worker {
            let msg = request(id, inputs);
            let mut state = self.state.borrow_mut();
            if !state.0 {
                // Not ready yet: the latest request waits for the worker's "ready".
                state.1 = Some(msg);
                return;
            }
            if let Err(e) = w.post_message(&msg) {
                self.on_outcome.emit(Outcome::Failed {
                    request: id,
                    message: format!("could not reach the analysis worker: {e:?}"),
                });
            }
        } else if let Some(f) = self.inline {
            let t0 = js_sys::Date::now();
            let analysis = f(inputs);
            self.on_outcome.emit(Outcome::Done {
                request: id,
                analysis: Rc::new(analysis),
                millis: js_sys::Date::now() - t0,
            });
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(w) = &self.worker {
            w.terminate();
        }
    }
}

fn outcome(reply: Reply) -> Option<Outcome> {
    Some(match reply {
        Reply::Ready => return None,
        Reply::Progress { id, fraction, stage } => Outcome::Progress { request: id, fraction, stage },
        Reply::Failed { id, message } => Outcome::Failed { request: id, message },
        Reply::Done { id, json, millis } => match serde_json::from_str::<Analysis>(&json) {
            Ok(a) => Outcome::Done { request: id, analysis: Rc::new(a), millis },
            Err(e) => Outcome::Failed { request: id, message: format!("the analysis could not be read: {e}") },
        },
    })
}
