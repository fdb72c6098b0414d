//! The keyboard in components: a facet's Find box and pinned choices, the tab list's arrow keys, an
//! article's roving Tab stop.

use std::cell::RefCell;
use std::rc::Rc;

use newsprism::components::facet::{Facet, FacetItem, FacetProps};
use newsprism::components::reader::{Reader, ReaderProps};
use newsprism::components::tabs::{Tabs, TabsProps};
use newsprism::route::{Tab, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test as test;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

use crate::support::{fresh_root, query_all, seed_index, texts, wait_until};

/// Sends a bubbling, cancelable keydown for `key` to `target`; returns whether a handler prevented it.
fn key(target: &HtmlElement, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    !target.dispatch_event(&e).expect("dispatch")
}

fn active_id() -> String {
    gloo::utils::document().active_element().map(|e| e.id()).unwrap_or_default()
}

fn facet_props(items: Vec<FacetItem>, cleared: Rc<RefCell<u32>>) -> FacetProps {
    FacetProps {
        area: "speakers".into(),
        title: "Speakers".into(),
        noun: "quotations".into(),
        find: "Find a speaker".into(),
        items: Rc::new(items),
        on_toggle: Callback::noop(),
        on_clear: Callback::from(move |_| *cleared.borrow_mut() += 1),
    }
}

#[test]
async fn a_chosen_value_stays_listed_and_esc_clears_the_find_text_only() {
    // Fifteen values; the chosen one has no quotation left and would sort last, past "show more".
    let mut items: Vec<FacetItem> =
        (0..14).map(|i| FacetItem { label: format!("Speaker {i:02}"), count: 20 - i, selected: false }).collect();
    items.push(FacetItem { label: "Dilma Rousseff".into(), count: 0, selected: true });
    let cleared = Rc::new(RefCell::new(0));
    let root = fresh_root();
    yew::Renderer::<Facet>::with_root_and_props(root.clone(), facet_props(items, cleared.clone())).render();
    wait_until("items render", || !query_all(&root, ".facet-item").is_empty()).await;
    let labels = texts(&root, ".facet-label");
    assert_eq!(labels[0], "Dilma Rousseff", "the choice comes first");
    assert_eq!(labels.len(), 10);
    // A Find text that matches only others: the choice is still there.
    let find: HtmlInputElement = query_all(&root, ".facet-search").remove(0).unchecked_into();
    find.set_value("speaker 03");
    find.dispatch_event(&web_sys::InputEvent::new("input").expect("event")).expect("dispatch");
    wait_until("the list follows the Find box", || texts(&root, ".facet-label").len() == 2).await;
    assert_eq!(texts(&root, ".facet-label"), ["Dilma Rousseff", "Speaker 03"]);
    // Esc clears the typed text, is not passed on, and leaves the choices alone.
    let heard = Rc::new(RefCell::new(0));
    let sink = heard.clone();
    let listener =
        gloo::events::EventListener::new(&gloo::utils::document(), "keydown", move |_| *sink.borrow_mut() += 1);
    assert!(key(&find, "Escape"), "Esc is handled");
    wait_until("the Find box is empty", || find.value().is_empty() && texts(&root, ".facet-label").len() == 10).await;
    assert_eq!(*heard.borrow(), 0, "the page's key handler does not also clear the choices");
    assert_eq!(*cleared.borrow(), 0);
    // With the box empty, Esc goes on to the page (which clears the list's choices).
    assert!(!key(&find, "Escape"));
    assert_eq!(*heard.borrow(), 1);
    drop(listener);
    root.remove();
}

#[test]
async fn arrow_keys_move_along_the_tabs_and_take_the_focus() {
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let sink = chosen.clone();
    let root = fresh_root();
    let props = TabsProps { current: Tab::Reader, on_select: Callback::from(move |t: Tab| sink.borrow_mut().push(t)) };
    yew::Renderer::<Tabs>::with_root_and_props(root.clone(), props).render();
    wait_until("tabs render", || query_all(&root, "[role=tab]").len() == Tab::ALL.len()).await;
    let tabs = query_all(&root, "[role=tab]");
    let stops: Vec<Option<String>> = tabs.iter().map(|t| t.get_attribute("tabindex")).collect();
    assert_eq!(stops[0].as_deref(), Some("0"));
    assert!(stops[1..].iter().all(|s| s.as_deref() == Some("-1")));
    tabs[0].focus().expect("focus");
    assert!(key(&tabs[0], "ArrowRight"));
    assert_eq!(active_id(), "tab-quotes");
    assert!(key(&tabs[0], "End"));
    assert!(key(&tabs[0], "ArrowLeft"), "from the current tab (Reader), left wraps to the last");
    assert!(!key(&tabs[0], "a"), "other keys pass");
    assert_eq!(*chosen.borrow(), [Tab::Quotes, Tab::Gaps, Tab::Gaps]);
    root.remove();
}

#[test]
async fn an_article_is_one_tab_stop_and_arrow_keys_rove_its_highlights() {
    let index = seed_index();
    let view = Rc::new(View::default());
    let derived = Rc::new(index.derive(&view));
    let root = fresh_root();
    let props = ReaderProps {
        index,
        derived,
        view,
        on_article: Callback::noop(),
        on_rename: Callback::noop(),
        on_correct: Callback::noop(),
    };
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    wait_until("articles render", || query_all(&root, "article.article").len() == 5).await;
    let article = query_all(&root, "article.article").remove(0);
    let stops = |a: &HtmlElement| query_all(a, "[tabindex=\"0\"]");
    assert_eq!(stops(&article).len(), 1, "one Tab stop per article");
    let button = query_all(&article, "[data-rove=\"button\"]").remove(0);
    assert_eq!(button.get_attribute("tabindex").as_deref(), Some("0"));
    button.focus().expect("focus");
    assert!(key(&button, "ArrowRight"));
    let rename: HtmlElement = gloo::utils::document().active_element().expect("focus").unchecked_into();
    assert_eq!(rename.get_attribute("data-rove").as_deref(), Some("rename"), "the outlet's rename button comes next");
    assert!(key(&rename, "ArrowRight"));
    let mark = gloo::utils::document().active_element().expect("focus");
    assert_eq!(mark.tag_name(), "MARK");
    wait_until("the mark takes the Tab stop", || mark.get_attribute("tabindex").as_deref() == Some("0")).await;
    assert_eq!(stops(&article).len(), 1);
    assert_eq!(button.get_attribute("tabindex").as_deref(), Some("-1"));
    let mark: HtmlElement = mark.unchecked_into();
    assert!(key(&mark, "End"));
    // The last roving item: a name, or the "said by" button of the article's last quoted paragraph.
    let items = query_all(&article, "[data-rove]");
    let last = items.last().expect("roving items");
    assert_eq!(gloo::utils::document().active_element().as_ref(), Some(last.unchecked_ref::<web_sys::Element>()));
    assert!(key(last, "Home"));
    assert_eq!(
        gloo::utils::document().active_element().and_then(|e| e.get_attribute("data-rove")).as_deref(),
        Some("button")
    );
    root.remove();
}
