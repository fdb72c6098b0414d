//! Where analyses run: a dedicated web worker in the page, or (in component tests) a function.
//!
//! The page always hears back: a reply names its request; a worker that dies (an error event) or goes
//! silent for [`STALL_MS`] is terminated, the request in flight fails with a message, and a fresh worker
//! takes the next one. A new request while one is running terminates the worker and starts a fresh one, so
//! a long analysis never holds up the next load.
//!
//! Exports are asked of the worker too (it keeps its last analysis); when it cannot answer (it was
//! replaced, or analyses run inline) the outcome says so and the page exports on its own thread.
//!
//! A worker that is gone without a word (closed, crashed in a way that fires no error) is found out by
//! its silence: everything posted to a ready worker is answered at once (an analysis by its first
//! progress report), so a worker that says nothing for [`ACK_MS`] is replaced and the analysis sent
//! again, once.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use newsprism_core::model::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

use crate::protocol::{from_js, to_js, Content, Export, Input, Reply, Request, ToWorker};

/// How long a worker may say nothing while analysing before it is taken for stuck.
pub const STALL_MS: u32 = 60_000;

/// How long a ready worker may take to answer a message at all (an analysis answers with a progress
/// report before any work; an export may first wait for one in progress).
pub const ACK_MS: u32 = 8_000;

/// An analysis on the page's own thread (component tests).
pub type InlineAnalysis = fn(&[Input]) -> Analysis;

/// How the page gets analyses done.
#[derive(Clone)]
pub enum Analyzer {
    /// A worker started from this script URL (relative to the page).
    Worker(String),
    /// Analyse on the page's thread (tests).
    Inline(InlineAnalysis),
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
    Progress {
        request: u32,
        fraction: f32,
        stage: String,
    },
    Done {
        request: u32,
        analysis: Rc<Analysis>,
        millis: f64,
        /// The view an opened analysis file saved.
        view: Option<String>,
    },
    Failed {
        request: u32,
        message: String,
    },
    /// An exported file; `blob` is the `Blob` the worker made.
    Exported {
        id: u32,
        name: String,
        mime: String,
        blob: JsValue,
    },
    /// The worker could not export (it lost the analysis, or died): export on the page's thread.
    ExportFailed {
        id: u32,
        message: String,
    },
    /// Something the reader should know that is not a failure ("a new worker took over").
    Notice(String),
}

/// One worker and its handlers.
struct Spawned {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

struct Inner {
    url: String,
    spawned: Option<Spawned>,
    /// The worker said it is ready; until then the latest request waits in `parked`.
    ready: bool,
    parked: Option<JsValue>,
    /// The request the worker is working on.
    in_flight: Option<u32>,
    /// The export the worker is working on.
    export_in_flight: Option<u32>,
    watchdog: Option<Timeout>,
    /// Runs out when the worker leaves a message unanswered for [`ACK_MS`].
    ack: Option<Timeout>,
    /// The analysis request in flight as posted, to send again to a new worker once; and whether it was.
    sent: Option<JsValue>,
    resent: bool,
    /// The analysis in flight as its parts arrive.
    assembly: Option<Assembly>,
    on_outcome: Callback<Outcome>,
}

/// An analysis being put together from its parts, each read in the task of its own message.
struct Assembly {
    id: u32,
    analysis: Analysis,
    parts: u32,
    /// The first part that could not be read.
    error: Option<String>,
    /// Milliseconds spent reading parts, in all and the longest one.
    read_ms: f64,
    longest_ms: f64,
}

/// A running analyzer: send it inputs, hear back through the callback given at start.
pub struct Running {
    inner: Option<Rc<RefCell<Inner>>>,
    inline: Option<(InlineAnalysis, Callback<Outcome>)>,
}

impl Running {
    pub fn start(analyzer: &Analyzer, on_outcome: Callback<Outcome>) -> Running {
        match analyzer {
            Analyzer::Inline(f) => Running { inner: None, inline: Some((*f, on_outcome)) },
            Analyzer::Worker(url) => {
                let inner = Rc::new(RefCell::new(Inner {
                    url: url.clone(),
                    spawned: None,
                    ready: false,
                    parked: None,
                    in_flight: None,
                    export_in_flight: None,
                    watchdog: None,
                    ack: None,
                    sent: None,
                    resent: false,
                    assembly: None,
                    on_outcome,
                }));
                spawn(&inner);
                Running { inner: Some(inner), inline: None }
            }
        }
    }

    /// Asks for an analysis of `inputs`; the outcome names `id`. A request still running is abandoned.
    pub fn send(&self, id: u32, inputs: Vec<Input>) {
        if let Some((f, on_outcome)) = &self.inline {
            let t0 = js_sys::Date::now();
            let analysis = f(&inputs);
            on_outcome.emit(Outcome::Done {
                request: id,
                analysis: Rc::new(analysis),
                millis: js_sys::Date::now() - t0,
                view: None,
            });
            return;
        }
        let Some(inner) = &self.inner else { return };
        let files = js_sys::Array::new();
        for i in &inputs {
            if let Content::File { file, .. } = &*i.content {
                files.push(file);
            }
        }
        let message = match to_js(&ToWorker::Analyse(Request { id, inputs })) {
            Ok(m) => {
                if files.length() > 0 {
                    let _ = js_sys::Reflect::set(&m, &"files".into(), &files);
                }
                m
            }
            Err(e) => {
                let cb = inner.borrow().on_outcome.clone();
                cb.emit(Outcome::Failed {
                    request: id,
                    message: format!("could not send the files to the analysis: {e}"),
                });
                return;
            }
        };
        if inner.borrow().in_flight.is_some() {
            // Cancel: the old analysis dies with its worker.
            respawn(inner);
        }
        let ready = {
            let mut s = inner.borrow_mut();
            s.in_flight = Some(id);
            s.assembly = None;
            s.sent = Some(message.clone());
            s.resent = false;
            if !s.ready {
                s.parked = Some(message.clone());
            }
            s.ready
        };
        match if ready { post(inner, &message) } else { Ok(()) } {
            Err(message) => fail(inner, message),
            Ok(()) => arm_watchdog(inner),
        }
    }
}

impl Running {
    /// Asks the worker for an export; the outcome (`Exported` or `ExportFailed`) names `request.id`.
    pub fn export(&self, request: Export) {
        let id = request.id;
        let Some(inner) = &self.inner else {
            if let Some((_, on_outcome)) = &self.inline {
                on_outcome.emit(Outcome::ExportFailed { id, message: "analyses run on this thread".into() });
            }
            return;
        };
        let idle = {
            let s = inner.borrow();
            s.ready && s.in_flight.is_none() && s.export_in_flight.is_none()
        };
        let posted = match (idle, to_js(&ToWorker::Export(request))) {
            (true, Ok(m)) => post(inner, &m).map(|()| inner.borrow_mut().export_in_flight = Some(id)),
            (false, _) => Err("the analysis worker is busy or starting".to_string()),
            (_, Err(e)) => Err(e),
        };
        if let Err(message) = posted {
            let cb = inner.borrow().on_outcome.clone();
            cb.emit(Outcome::ExportFailed { id, message });
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(inner) = &self.inner {
            let mut s = inner.borrow_mut();
            s.watchdog = None;
            s.ack = None;
            if let Some(w) = s.spawned.take() {
                w.worker.terminate();
            }
        }
    }
}

/// Posts a message to the worker and starts waiting for its answer.
fn post(inner: &Rc<RefCell<Inner>>, message: &JsValue) -> Result<(), String> {
    let worker = inner.borrow().spawned.as_ref().map(|w| w.worker.clone());
    let Some(worker) = worker else { return Err("the analysis worker is not running".to_string()) };
    worker.post_message(message).map_err(|e| format!("could not reach the analysis worker: {e:?}"))?;
    let weak = Rc::downgrade(inner);
    let timer = Timeout::new(ACK_MS, move || {
        if let Some(inner) = weak.upgrade() {
            on_silent(&inner);
        }
    });
    inner.borrow_mut().ack = Some(timer);
    Ok(())
}

/// The worker left a message unanswered: replace it, and send the analysis in flight again, once.
fn on_silent(inner: &Rc<RefCell<Inner>>) {
    let (again, resent, cb) = {
        let s = inner.borrow();
        (s.in_flight.and(s.sent.clone()), s.resent, s.on_outcome.clone())
    };
    respawn(inner);
    match again {
        Some(message) if !resent => {
            {
                let mut s = inner.borrow_mut();
                s.resent = true;
                s.parked = Some(message);
            }
            arm_watchdog(inner);
            cb.emit(Outcome::Notice("The analysis worker stopped answering; a new one took over.".into()));
        }
        Some(_) => fail(inner, "the analysis worker stopped answering twice and was stopped".into()),
        None => {}
    }
}

/// Starts a worker and installs its handlers (holding the state weakly, so dropping `Running` frees all).
fn spawn(inner: &Rc<RefCell<Inner>>) {
    let url = inner.borrow().url.clone();
    let worker = match Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            let cb = inner.borrow().on_outcome.clone();
            let request = inner.borrow_mut().in_flight.take().unwrap_or(0);
            cb.emit(Outcome::Failed { request, message: format!("could not start the analysis worker: {e:?}") });
            return;
        }
    };
    let weak = Rc::downgrade(inner);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some(inner) = weak.upgrade() {
            on_reply(&inner, e.data());
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let weak: Weak<RefCell<Inner>> = Rc::downgrade(inner);
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
        e.prevent_default();
        if let Some(inner) = weak.upgrade() {
            let detail = e.message();
            let detail = if detail.is_empty() { "no details".to_string() } else { detail };
            respawn(&inner);
            fail(&inner, format!("the analysis stopped with an error ({detail}); the files loaded before are kept"));
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let mut s = inner.borrow_mut();
    s.ready = false;
    s.spawned = Some(Spawned { worker, _on_message: on_message, _on_error: on_error });
}

/// Terminates the current worker and starts a fresh one; a parked request is dropped with it, and an
/// export in flight is reported as failed (the page then exports on its own thread).
fn respawn(inner: &Rc<RefCell<Inner>>) {
    let (export, cb) = {
        let mut s = inner.borrow_mut();
        s.watchdog = None;
        s.ack = None;
        s.parked = None;
        s.assembly = None;
        if let Some(w) = s.spawned.take() {
            w.worker.terminate();
        }
        (s.export_in_flight.take(), s.on_outcome.clone())
    };
    spawn(inner);
    if let Some(id) = export {
        cb.emit(Outcome::ExportFailed { id, message: "the analysis worker was replaced".into() });
    }
}

/// Fails the request in flight, if any, with `message`.
fn fail(inner: &Rc<RefCell<Inner>>, message: String) {
    let (request, cb) = {
        let mut s = inner.borrow_mut();
        s.watchdog = None;
        s.sent = None;
        (s.in_flight.take(), s.on_outcome.clone())
    };
    if let Some(request) = request {
        cb.emit(Outcome::Failed { request, message });
    }
}

/// (Re)starts the stall timer: if the worker says nothing for [`STALL_MS`], it is replaced.
fn arm_watchdog(inner: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(inner);
    let timer = Timeout::new(STALL_MS, move || {
        if let Some(inner) = weak.upgrade() {
            respawn(&inner);
            fail(&inner, format!("the analysis made no progress for {} s and was stopped", STALL_MS / 1000));
        }
    });
    inner.borrow_mut().watchdog = Some(timer);
}

/// An export's reply, read without copying its file into Rust.
fn on_exported(inner: &Rc<RefCell<Inner>>, data: &JsValue) {
    inner.borrow_mut().ack = None;
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let id = get("id").as_f64().unwrap_or(0.0) as u32;
    let cb = {
        let mut s = inner.borrow_mut();
        if s.export_in_flight == Some(id) {
            s.export_in_flight = None;
        }
        s.on_outcome.clone()
    };
    cb.emit(Outcome::Exported {
        id,
        name: get("name").as_string().unwrap_or_default(),
        mime: get("mime").as_string().unwrap_or_default(),
        blob: get("blob"),
    });
}

fn on_reply(inner: &Rc<RefCell<Inner>>, data: JsValue) {
    let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
    if kind.as_deref() == Some("exported") {
        return on_exported(inner, &data);
    }
    inner.borrow_mut().ack = None;
    let reply = match from_js::<Reply>(data) {
        Ok(r) => r,
        Err(e) => return fail(inner, format!("the analysis worker sent a message the page cannot read: {e}")),
    };
    if let Reply::ExportFailed { id, message } = reply {
        let cb = {
            let mut s = inner.borrow_mut();
            s.export_in_flight = None;
            s.on_outcome.clone()
        };
        return cb.emit(Outcome::ExportFailed { id, message });
    }
    if let Reply::Part { id, part } = reply {
        read_part(inner, id, &part);
        return arm_watchdog(inner);
    }
    if reply == Reply::Ready {
        let parked = {
            let mut s = inner.borrow_mut();
            s.ready = true;
            s.parked.take().map(|m| (m, s.spawned.as_ref().map(|w| w.worker.clone())))
        };
        if let Some((message, Some(_))) = parked {
            match post(inner, &message) {
                Ok(()) => arm_watchdog(inner),
                Err(e) => fail(inner, e),
            }
        }
        return;
    }
    let finished = matches!(reply, Reply::Done { .. } | Reply::Failed { .. });
    let cb = {
        let mut s = inner.borrow_mut();
        if finished {
            s.in_flight = None;
            s.sent = None;
            s.watchdog = None;
        }
        s.on_outcome.clone()
    };
    if !finished {
        arm_watchdog(inner);
    }
    let outcome = match reply {
        Reply::Ready | Reply::Exported { .. } | Reply::ExportFailed { .. } => return,
        Reply::Progress { id, fraction, stage } => Outcome::Progress { request: id, fraction, stage },
        Reply::Failed { id, message } => Outcome::Failed { request: id, message },
        Reply::Done { id, json, millis, view, parts } => {
            crate::app::record_timing("workerMs", millis);
            let assembly = inner.borrow_mut().assembly.take().filter(|a| a.id == id);
            match finish(assembly, &json, parts) {
                Ok(a) => Outcome::Done { request: id, analysis: Rc::new(a), millis, view },
                Err(e) => Outcome::Failed { request: id, message: format!("the analysis could not be read: {e}") },
            }
        }
        Reply::Part { .. } => return,
    };
    cb.emit(outcome);
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Reads one part of the analysis in flight into its assembly (in the task of the part's message, a few
/// milliseconds); a part of another request is dropped.
fn read_part(inner: &Rc<RefCell<Inner>>, id: u32, part: &crate::protocol::Part) {
    let mut s = inner.borrow_mut();
    if s.in_flight != Some(id) {
        return;
    }
    let a = s.assembly.get_or_insert_with(|| Assembly {
        id,
        analysis: Analysis::default(),
        parts: 0,
        error: None,
        read_ms: 0.0,
        longest_ms: 0.0,
    });
    if a.id != id || a.error.is_some() {
        return;
    }
    let t0 = now();
    if let Err(e) = crate::protocol::decode_part(&mut a.analysis, part) {
        a.error = Some(e.to_string());
    }
    a.parts += 1;
    let ms = now() - t0;
    a.read_ms += ms;
    a.longest_ms = a.longest_ms.max(ms);
}

/// The analysis from its parts and the rest sent with `Done`. `newsprismTimings` gets `readMs` (all the
/// reading on the page's thread), `readLongestMs` (the longest part's) and `readParts`.
fn finish(assembly: Option<Assembly>, head: &[u8], parts: u32) -> Result<Analysis, String> {
    let t0 = now();
    let (mut a, got, read_ms, longest_ms) = match assembly {
        Some(Assembly { error: Some(e), .. }) => return Err(e),
        Some(x) => (x.analysis, x.parts, x.read_ms, x.longest_ms),
        None => (Analysis::default(), 0, 0.0, 0.0),
    };
    if got != parts {
        return Err(format!("{got} of its {parts} parts arrived"));
    }
    crate::protocol::decode_head(&mut a, head).map_err(|e| e.to_string())?;
    let ms = now() - t0;
    crate::app::record_timing("readMs", read_ms + ms);
    crate::app::record_timing("readLongestMs", longest_ms.max(ms));
    crate::app::record_timing("readParts", f64::from(parts));
    Ok(a)
}
