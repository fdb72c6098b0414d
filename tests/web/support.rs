//! Mounting components into a fresh element, waiting for the DOM to reach a condition, seed data.

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use newsprism::protocol::Input;
use newsprism::state::Index;
use newsprism_core::model::Analysis;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A new `<div>` appended to the body, to render into.
pub fn fresh_root() -> Element {
    let root = gloo::utils::document().create_element("div").expect("create div");
    gloo::utils::body().append_child(&root).expect("append root");
    root
}

/// Polls `condition` on every turn of the event loop until it holds; panics with `what` after ~30 s
/// (analysis in an unoptimised test build takes seconds).
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..3000 {
        if condition() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

pub fn query_all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<HtmlElement>().ok()).collect()
}

/// Elements of any kind (SVG included).
pub fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    query_all(root, selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

/// Analyses inputs on this thread: the test stand-in for the worker.
pub fn analyse_inline(inputs: &[Input]) -> Analysis {
    let inputs: Vec<newsprism_core::Input> = inputs.iter().map(Input::to_core).collect();
    newsprism_core::analyze_inputs(&inputs, &mut |_| {})
}

pub fn seed_index() -> Rc<Index> {
    let a = newsprism::builtin::analysis();
    Rc::new(Index::new(Rc::new(a)))
}

/// Sets the page's query string without reloading.
pub fn set_query(q: &str) {
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    let url = if q.is_empty() { path } else { format!("{path}?{q}") };
    gloo::utils::window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .expect("replace");
}

pub fn query() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}
