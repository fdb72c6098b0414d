//! The analysis worker: analyses the inputs it is sent with the core's one entry point, reporting progress,
//! and exports views of its last analysis. Runs in a dedicated worker so the page never freezes, whatever
//! the size of the corpus; if it dies or hangs, the page replaces it (`effects/analyzer.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use newsprism_core::model::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{from_js, to_js, Content, Export, Input, Reply, Request, ToWorker};
use crate::route::View;
use crate::state::{scoped, Index};

/// The last analysis (by request id) and the index of the last view exported (its story and outlet
/// names: the query it was built for).
struct Last {
    id: u32,
    analysis: Rc<Analysis>,
    index: Option<(String, Rc<Index>)>,
}

thread_local! {
    static LAST: RefCell<Option<Last>> = const { RefCell::new(None) };
}

/// Installs the message handler; called once when the worker starts.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let post = |r: Reply| post_reply(&reply_scope, &r);
        let data = e.data();
        // The id is read on its own first, so even a request that does not parse is answered by its id.
        let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).map_or(0, |v| v as u32);
        // Browser `File`s travel beside the message (`files`), in the order of the inputs holding one.
        let files = js_sys::Reflect::get(&data, &"files".into()).ok().filter(|f| f.is_object());
        match from_js::<ToWorker>(data) {
            Ok(ToWorker::Analyse(mut request)) => {
                if let Some(files) = files {
                    let files: js_sys::Array = files.unchecked_into();
                    let mut n = 0;
                    for i in &mut request.inputs {
                        if let Content::File { file, .. } = Rc::make_mut(&mut i.content) {
                            *file = files.get(n);
                            n += 1;
                        }
                    }
                }
                // The analysis this one replaces goes first: the worker holds one at a time.
                LAST.with(|l| l.borrow_mut().take());
                let (reply, analysis) = analyse(&request, &post);
                LAST.with(|l| *l.borrow_mut() = analysis.map(|analysis| Last { id, analysis, index: None }));
                post(reply)
            }
            Ok(ToWorker::Export(request)) => match export(&request) {
                Ok((reply, blob)) => {
                    if let Ok(v) = to_js(&reply) {
                        let _ = js_sys::Reflect::set(&v, &"blob".into(), &blob);
                        let _ = reply_scope.post_message(&v);
                    }
                }
                Err(reply) => post(reply),
            },
            Err(e) => post(Reply::Failed { id, message: format!("the worker could not read the request: {e}") }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Ok(ready) = to_js(&Reply::Ready) {
        let _ = scope.post_message(&ready);
    }
}

/// Posts a reply; the bytes of an analysis's part or rest are transferred, not copied.
fn post_reply(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    let Ok(v) = to_js(reply) else { return };
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok().filter(|x| x.is_object());
    let bytes = match reply {
        Reply::Part { .. } => get(&v, "part").and_then(|p| get(&p, "json")),
        Reply::Done { .. } => get(&v, "json"),
        _ => None,
    };
    match bytes.and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()) {
        Some(b) => {
            let _ = scope.post_message_with_transfer(&v, &js_sys::Array::of1(&b.buffer()));
        }
        None => {
            let _ = scope.post_message(&v);
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Loads and analyses; progress goes out as it happens. Returns the reply and the analysis it carries.
pub fn analyse(request: &Request, post: &dyn Fn(Reply)) -> (Reply, Option<Rc<Analysis>>) {
    let t0 = now();
    let id = request.id;
    // The first answer comes before any work: the page knows the worker is alive.
    post(Reply::Progress { id, fraction: 0.0, stage: "starting".to_string() });
    let read = read_files(&request.inputs);
    let inputs: Vec<newsprism_core::Input> = read.iter().map(|i| i.to_core()).collect();
    let mut last = -1.0f32;
    let (analysis, view) = newsprism_core::analysis::open::analyze_or_open(&inputs, &mut |p| {
        if p.fraction - last >= 0.02 || p.fraction >= 1.0 {
            last = p.fraction;
            post(Reply::Progress { id, fraction: p.fraction, stage: p.stage.label().to_string() });
        }
    });
    // The parts go out as they are written: the page reads one while this writes the next.
    let sent =
        crate::protocol::encode(&analysis, crate::protocol::PART_BYTES, &mut |part| post(Reply::Part { id, part }));
    match sent {
        Ok((json, parts)) => (Reply::Done { id, json, millis: now() - t0, view, parts }, Some(Rc::new(analysis))),
        Err(e) => (Reply::Failed { id, message: format!("could not send the analysis to the page: {e}") }, None),
    }
}

/// The inputs with every browser `File` read (synchronously: this is the worker's thread).
fn read_files(inputs: &[Input]) -> Vec<Input> {
    inputs
        .iter()
        .map(|i| match &*i.content {
            Content::File { file, .. } => {
                let content = match read_file(file) {
                    Ok(bytes) => Content::Bytes { bytes },
                    Err(reason) => Content::Unreadable { reason },
                };
                Input { name: i.name.clone(), content: Rc::new(content) }
            }
            _ => i.clone(),
        })
        .collect()
}

fn read_file(file: &JsValue) -> Result<Vec<u8>, String> {
    let blob: &web_sys::Blob = file.dyn_ref().ok_or("the page sent no file")?;
    let reader = web_sys::FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let buffer = reader.read_as_array_buffer(blob).map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Exports a view of the last analysis, if it is the one the page asks about: the reply and the file as
/// a `Blob`, or the reply saying why not.
fn export(request: &Export) -> Result<(Reply, JsValue), Reply> {
    let failed = |message: String| Reply::ExportFailed { id: request.id, message };
    let (view, _) = View::from_query(&request.view);
    // The index depends on the view's scope only.
    let scope = view.scope().to_query();
    let index = LAST.with(|l| {
        let mut l = l.borrow_mut();
        let last = l.as_mut().filter(|last| last.id == request.analysis)?;
        if last.index.as_ref().is_none_or(|(s, _)| *s != scope) {
            last.index = Some((scope.clone(), Rc::new(Index::new(scoped(&last.analysis, &view).0))));
        }
        last.index.as_ref().map(|(_, ix)| ix.clone())
    });
    let index = index.ok_or_else(|| failed("this worker does not hold that analysis".into()))?;
    let derived = index.derive(&view);
    let file = crate::export::export(&index, &derived, &view, request.what, &request.when);
    let bytes = js_sys::Uint8Array::from(file.content.as_bytes());
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(file.mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(&bytes), &props)
        .map_err(|e| failed(format!("could not make the file: {e:?}")))?;
    Ok((Reply::Exported { id: request.id, name: file.name, mime: file.mime.to_string() }, blob.into()))
}
