//! Mounting components into a fresh element and waiting for the DOM to reach a condition.

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A new `<div>` appended to the body, to render into.
pub fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body().append_child(&root).expect("append root");
    root
}

/// Polls `condition` on every turn of the event loop until it holds; panics with `what` after ~5 s.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..500 {
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

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    query_all(root, selector).iter().map(|e| e.text_content().unwrap_or_default()).collect()
}
