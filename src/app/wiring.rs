//! The root component's side effects: the analyzer (analyses and exports), the URL, the keys, files,
//! the clipboard. Each handler the views need comes back in [`Handles`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::{focus_by_id, with_new, StoreState};
use crate::builtin;
use crate::effects::analyzer::{Analyzer, Outcome, Running};
use crate::effects::keyboard::{self, Command};
use crate::effects::tasks;
use crate::effects::{compress, download, files, url};
use crate::export::Export;
use crate::protocol::{self, Input};
use crate::route::View;
use crate::share;
use crate::state::{Builder, Index};
use crate::store::{Action, InputFile};
use newsprism_core::model::Analysis;

/// Text folded for search per task after an analysis arrives (about 5 ms).
const FOLD_BYTES_PER_TASK: usize = 512 << 10;

/// A slice of index building ends after this long, or after [`INDEX_ITEMS_PER_SLICE`] items of work.
const INDEX_SLICE_MS: f64 = 8.0;
pub const INDEX_ITEMS_PER_SLICE: usize = 16_384;

/// Builds the index of an analysis that just arrived over short tasks, giving the browser its turn in
/// between; `None` when `current` says a newer analysis has come meanwhile. `newsprismTimings` gets
/// `indexMs` (the building, waits excluded), `indexSlices`, `indexLongestMs` and `indexLongestItems`.
async fn index_in_slices(analysis: Rc<Analysis>, current: impl Fn() -> bool) -> Option<Rc<Index>> {
    let mut b = Builder::new(analysis);
    let (mut slices, mut spent, mut longest, mut most) = (0u32, 0.0f64, 0.0f64, 0usize);
    while !b.done() {
        tasks::yield_now().await;
        if !current() {
            return None;
        }
        let t0 = now();
        let mut items = 0;
        // Up to the slice's items (an item that would pass them waits for the next slice) and its time.
        while !b.done() && now() - t0 < INDEX_SLICE_MS {
            if items > 0 && items + b.next_cost() > INDEX_ITEMS_PER_SLICE {
                break;
            }
            items += b.step(512.min(INDEX_ITEMS_PER_SLICE - items));
        }
        let ms = now() - t0;
        (slices, spent, longest, most) = (slices + 1, spent + ms, longest.max(ms), most.max(items));
    }
    let t0 = now();
    let index = Rc::new(b.finish());
    let ms = now() - t0;
    record_timing("indexMs", spent + ms);
    record_timing("indexSlices", f64::from(slices));
    record_timing("indexLongestMs", longest.max(ms));
    record_timing("indexLongestItems", most as f64);
    Some(index)
}

/// The built-in corpus as inputs.
pub fn builtin_inputs() -> Vec<InputFile> {
    builtin::ARTICLES.iter().map(|(name, text)| InputFile::bytes(*name, text.as_bytes().to_vec(), true)).collect()
}

fn to_protocol(inputs: &[InputFile]) -> Vec<Input> {
    inputs.iter().map(|i| Input { name: i.name.clone(), content: i.content.clone() }).collect()
}

/// Records timings for the end-to-end tests and for curious readers: `window.newsprismTimings`.
pub fn record_timing(key: &str, value: f64) {
    let window = gloo::utils::window();
    let target =
        js_sys::Reflect::get(&window, &"newsprismTimings".into()).ok().filter(|v| v.is_object()).unwrap_or_else(|| {
            let o: wasm_bindgen::JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &"newsprismTimings".into(), &o);
            o
        });
    let _ = js_sys::Reflect::set(&target, &key.into(), &value.into());
}

pub fn now() -> f64 {
    gloo::utils::window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Local date and time for file names: "2026-11-23 22:03".
fn local_time() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn move_article(step: isize) {
    let doc = gloo::utils::document();
    let Ok(list) = doc.query_selector_all("article.article") else { return };
    let articles: Vec<HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
    if articles.is_empty() {
        return;
    }
    let active = doc.active_element();
    let current = articles.iter().position(|a| active.as_ref().is_some_and(|e| a.contains(Some(e))));
    let next = match current {
        Some(i) => (i as isize + step).clamp(0, articles.len() as isize - 1) as usize,
        None if step > 0 => 0,
        None => articles.len() - 1,
    };
    let _ = articles[next].focus();
    articles[next].scroll_into_view();
}

/// The link carrying the page's own corpus (`None` for the built-in example, which needs none).
async fn corpus_link(inputs: &[InputFile], query: &str) -> Result<Option<String>, String> {
    if inputs.iter().all(|i| i.builtin) {
        return Ok(None);
    }
    let payload = share::payload(inputs).ok_or("a file too large to read is among the inputs")?;
    let packed = compress::gzip(&payload).await?;
    let location = gloo::utils::window().location();
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    Ok(Some(share::link(&base, query, &packed)))
}

async fn corpus_from_link(encoded: &str) -> Result<Vec<InputFile>, String> {
    let packed = share::from_base64url(encoded)?;
    let payload = compress::gunzip(&packed).await.map_err(|e| format!("the link's corpus is damaged ({e})"))?;
    share::inputs(&payload)
}

/// Downloads the whole analysis with the view, as a file the page opens (for a corpus too large for a
/// link).
pub fn download_analysis(full: &newsprism_core::model::Analysis, view: &View) -> Result<(), String> {
    // The file carries its corrections applied (and lists them); opening it does not apply them twice.
    let corrected =
        (!view.corrections.is_empty()).then(|| newsprism_core::analysis::corrections::apply(full, &view.corrections).0);
    let mut value = serde_json::to_value(corrected.as_ref().unwrap_or(full)).map_err(|e| e.to_string())?;
    if let Some(o) = value.as_object_mut() {
        o.insert("view".into(), view.to_query().into());
    }
    let json = serde_json::to_string(&value).map_err(|e| e.to_string())?;
    download::save(
        &format!("newsprism-corpus-{}.json", local_time().replace([' ', ':'], "-")),
        "application/json",
        &json,
    )
}

/// Downloads the view's corrections as a corrections file (what `newsprism analyze --corrections` reads).
pub fn download_corrections(c: &newsprism_core::model::Corrections) -> Result<(), String> {
    let json = serde_json::to_string_pretty(c).map_err(|e| e.to_string())?;
    download::save(
        &format!("newsprism-corrections-{}.json", local_time().replace([' ', ':'], "-")),
        "application/json",
        &json,
    )
}

/// Reads a corrections file the reader picked and adds its corrections to the view's, or says what is
/// wrong with it, naming the file.
pub fn open_corrections(file: web_sys::File, d: UseReducerDispatcher<StoreState>) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        let text = gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await;
        let read = text.map_err(|e| e.to_string()).and_then(|t| newsprism_core::model::Corrections::from_json(&t));
        match read {
            Ok(c) => d.dispatch(Action::AddCorrections(c)),
            Err(e) => d.dispatch(Action::Notice(format!("{name}: {e}"))),
        }
    });
}

/// An export asked of the worker, kept in case the page must do it itself.
struct Pending {
    index: Rc<Index>,
    view: View,
    what: Export,
    when: String,
}

fn export_here(p: &Pending) -> Result<(), String> {
    let d = p.index.derive(&p.view);
    let file = crate::export::export(&p.index, &d, &p.view, p.what, &p.when);
    download::save(&file.name, file.mime, &file.content)
}

/// What the views call.
pub struct Handles {
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
    pub on_builtin: Callback<()>,
    pub on_copy_link: Callback<()>,
    pub on_export: Callback<Export>,
    pub on_dismiss: Callback<usize>,
    pub copied: bool,
    first_ready: Rc<RefCell<bool>>,
}

/// Records when the first analysis was first drawn.
pub fn record_first_render(h: &Handles, ready: bool, analysis_ms: f64) {
    if ready && !*h.first_ready.borrow() {
        *h.first_ready.borrow_mut() = true;
        record_timing("firstRenderMs", now());
        record_timing("analysisMs", analysis_ms);
    }
}

#[hook]
pub fn use_wiring(store: &UseReducerHandle<StoreState>, analyzer: &Analyzer) -> Handles {
    let running = use_mut_ref(|| None::<Running>);
    let pending = use_mut_ref(HashMap::<u32, Pending>::new);
    let next_export = use_mut_ref(|| 0u32);
    let copied = use_state(|| false);
    let first_ready = use_mut_ref(|| false);
    // The view as of the last render, for the key handler (installed once).
    let current_view = use_mut_ref(View::default);
    *current_view.borrow_mut() = store.0.view.clone();

    // Start the analyzer and analyse the built-in corpus once.
    {
        let dispatcher = store.dispatcher();
        let running = running.clone();
        let pending = pending.clone();
        let analyzer = analyzer.clone();
        use_effect_with((), move |_| {
            let d = dispatcher.clone();
            // The last analysis to arrive: an index still being built for an older one stops.
            let latest = Rc::new(std::cell::Cell::new(0u32));
            let on_outcome = Callback::from(move |o: Outcome| match o {
                Outcome::Progress { request, fraction, stage } => {
                    d.dispatch(Action::Progress { request, fraction, stage })
                }
                Outcome::Done { request, analysis, millis, view } => {
                    // Every analysis, for benchmarks: the worker's time (load, analyse, serialise).
                    record_timing("lastAnalysisMs", millis);
                    record_timing("lastAnalysisArticles", analysis.articles.len() as f64);
                    latest.set(request);
                    let (d, latest) = (d.clone(), latest.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let Some(index) = index_in_slices(analysis.clone(), || latest.get() == request).await else {
                            return;
                        };
                        // What is left for the reducer: the view checked against the index (and an index
                        // of its own when the view works on a story or on corrections).
                        tasks::yield_now().await;
                        let t0 = now();
                        d.dispatch(Action::Done { request, analysis, millis, index: Some(index) });
                        record_timing("doneMs", now() - t0);
                        if let Some(q) = view {
                            d.dispatch(Action::OpenView(q));
                        }
                    });
                }
                Outcome::Failed { request, message } => d.dispatch(Action::Failed { request, message }),
                Outcome::Notice(message) => d.dispatch(Action::Notice(message)),
                Outcome::Exported { id, name, mime, blob } => {
                    pending.borrow_mut().remove(&id);
                    if let Err(e) = download::save_part(&name, &mime, &blob) {
                        d.dispatch(Action::Notice(format!("The download failed: {e}")));
                    }
                }
                Outcome::ExportFailed { id, .. } => {
                    let job = pending.borrow_mut().remove(&id);
                    if let Some(Err(e)) = job.as_ref().map(export_here) {
                        d.dispatch(Action::Notice(format!("The download failed: {e}")));
                    }
                }
            });
            *running.borrow_mut() = Some(Running::start(&analyzer, on_outcome));
            // A link carrying its corpus opens that corpus; otherwise the built-in example.
            let hash = gloo::utils::window().location().hash().unwrap_or_default();
            match hash.strip_prefix(share::FRAGMENT) {
                Some(encoded) => {
                    let d = dispatcher.clone();
                    let encoded = encoded.to_string();
                    wasm_bindgen_futures::spawn_local(async move {
                        match corpus_from_link(&encoded).await {
                            Ok(inputs) => d.dispatch(Action::Analyse(inputs)),
                            Err(e) => {
                                d.dispatch(Action::Notice(format!(
                                    "The corpus in this link could not be opened: {e}. Showing the built-in example."
                                )));
                                d.dispatch(Action::Analyse(builtin_inputs()));
                            }
                        }
                    });
                }
                None => dispatcher.dispatch(Action::Analyse(builtin_inputs())),
            }
            move || {
                running.borrow_mut().take();
            }
        });
    }
    // Send each new request to the analyzer.
    {
        let running = running.clone();
        let inputs = store.0.inputs.clone();
        use_effect_with(store.0.request, move |&id| {
            if id > 0 {
                if let Some(r) = running.borrow().as_ref() {
                    r.send(id, to_protocol(&inputs));
                }
            }
        });
    }
    // Fold a new index's text for search a slice per task, ahead of the first search.
    use_effect_with(store.0.index.clone(), |index| {
        let stop = Rc::new(std::cell::Cell::new(false));
        if let Some(ix) = index.clone() {
            let stop = stop.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut u = 0;
                while u < ix.units.len() && !stop.get() {
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    u = ix.fold_ahead(u, FOLD_BYTES_PER_TASK);
                }
            });
        }
        move || stop.set(true)
    });
    // The URL follows the view; back and forward move between views.
    {
        let view = store.0.view.clone();
        let how = store.0.url_update;
        use_effect_with(store.0.view_version, move |_| url::write(&view, how));
    }
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = url::on_pop(move |q| {
                let (v, n) = View::from_query(&q);
                dispatcher.dispatch(Action::UrlChanged(Box::new(v), n));
            });
            move || drop(listener)
        });
    }
    // Keys.
    {
        let dispatcher = store.dispatcher();
        let current_view = current_view.clone();
        use_effect_with((), move |_| {
            let listener = keyboard::listen(move |c| {
                let v = current_view.borrow();
                match c {
                    Command::FocusSearch => focus_by_id("search"),
                    Command::NextArticle => move_article(1),
                    Command::PreviousArticle => move_article(-1),
                    // Esc clears a list's choices when it has some; otherwise it is left to the page (a
                    // dialog closes).
                    Command::Clear("speakers") if !v.speakers.is_empty() => dispatcher.dispatch(Action::ClearSpeakers),
                    Command::Clear("countries") if !v.countries.is_empty() => {
                        dispatcher.dispatch(Action::ClearCountries)
                    }
                    Command::Clear("search") if !v.q.is_empty() => dispatcher.dispatch(Action::SetQuery(String::new())),
                    Command::Clear(_) => return false,
                }
                true
            });
            move || drop(listener)
        });
    }

    let s = &store.0;
    let on_dismiss = {
        let d = store.dispatcher();
        Callback::from(move |i: usize| d.dispatch(Action::Dismiss(i)))
    };
    let on_copy_link = {
        let copied = copied.clone();
        let d = store.dispatcher();
        let inputs = s.inputs.clone();
        let query = s.view.to_query();
        Callback::from(move |_| {
            let copied = copied.clone();
            let d = d.clone();
            let inputs = inputs.clone();
            let query = query.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let href = match corpus_link(&inputs, &query).await {
                    Ok(Some(link)) if link.len() > share::LINK_LIMIT => {
                        return d.dispatch(Action::LinkTooLarge(Some(link.len())));
                    }
                    Ok(Some(link)) => link,
                    Ok(None) => gloo::utils::window().location().href().unwrap_or_default(),
                    Err(e) => return d.dispatch(Action::Notice(format!("The link could not be made: {e}"))),
                };
                let promise = gloo::utils::window().navigator().clipboard().write_text(&href);
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => {
                        copied.set(true);
                        let copied = copied.clone();
                        gloo::timers::callback::Timeout::new(2500, move || copied.set(false)).forget();
                    }
                    Err(_) => d.dispatch(Action::Notice(format!("Copy this link: {href}"))),
                }
            });
        })
    };
    let on_export = {
        let index = s.index.clone();
        let analysis = s.index_request;
        let view = s.view.clone();
        let running = running.clone();
        Callback::from(move |what: Export| {
            let Some(ix) = index.clone() else { return };
            let id = {
                let mut n = next_export.borrow_mut();
                *n += 1;
                *n
            };
            let when = local_time();
            let request = protocol::Export { id, analysis, view: view.to_query(), what, when: when.clone() };
            pending.borrow_mut().insert(id, Pending { index: ix, view: view.clone(), what, when });
            if let Some(r) = running.borrow().as_ref() {
                r.export(request);
            }
        })
    };
    let add_inputs = {
        let d = store.dispatcher();
        let current = s.inputs.clone();
        Callback::from(move |new: Vec<InputFile>| {
            if !new.is_empty() {
                url::clear_fragment();
                d.dispatch(Action::Analyse(with_new(&current, new)));
            }
        })
    };
    let on_files = {
        let add = add_inputs.clone();
        Callback::from(move |list: Vec<web_sys::File>| {
            let add = add.clone();
            wasm_bindgen_futures::spawn_local(async move { add.emit(files::read(list).await) });
        })
    };
    let on_paste = {
        let n = s.inputs.iter().filter(|i| i.name.starts_with("pasted-")).count() + 1;
        Callback::from(move |text: String| {
            add_inputs.emit(vec![InputFile::bytes(format!("pasted-{n}.txt"), text.into_bytes(), false)])
        })
    };
    let on_builtin = {
        let d = store.dispatcher();
        Callback::from(move |_| {
            url::clear_fragment();
            d.dispatch(Action::Analyse(builtin_inputs()))
        })
    };
    Handles { on_files, on_paste, on_builtin, on_copy_link, on_export, on_dismiss, copied: *copied, first_ready }
}
