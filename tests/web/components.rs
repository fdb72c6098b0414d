//! Components render the right DOM for given props and state.

use std::cell::RefCell;
use std::rc::Rc;

use newsprism::components::chart::{Chart, ChartProps};
use newsprism::components::facet::{Facet, FacetItem, FacetProps};
use newsprism::components::text::{BlockText, BlockTextProps};
use newsprism::route::View;
use newsprism::state::Index;
use wasm_bindgen_test::wasm_bindgen_test as test;
use yew::Callback;

use crate::support::{elements, fresh_root, query_all, seed_index, texts, wait_until};

#[test]
async fn text_with_markup_renders_as_text_with_marks() {
    let html = "Putin said “<b>Moscow</b> is <img src=x onerror=\"window.__pwned = 1\">” today.";
    let analysis = newsprism_core::analyze_inputs(&[newsprism_core::Input::text("hostile.txt", html)], &mut |_| {});
    let index = Rc::new(Index::new(Rc::new(analysis)));
    let unit = index.units.iter().position(|u| u.span.len() > 10).expect("a paragraph");
    let root = fresh_root();
    yew::Renderer::<BlockText>::with_root_and_props(
        root.clone(),
        BlockTextProps { index, unit, view: Rc::new(View::default()), active: None },
    )
    .render();
    wait_until("the text renders", || root.text_content().is_some_and(|t| t.contains("today"))).await;
    assert!(query_all(&root, "img").is_empty() && query_all(&root, "b").is_empty(), "no element made from the text");
    assert_eq!(root.text_content().unwrap_or_default(), html, "the text comes through exactly");
    assert_eq!(query_all(&root, ".quote").len(), 1);
    root.remove();
}

#[test]
async fn highlights_explain_themselves_and_follow_kinds() {
    let index = seed_index();
    let unit = index
        .units
        .iter()
        .position(|u| {
            u.span.of(&index.analysis.articles[u.article].text).starts_with("After the session, Putin left for Moscow")
        })
        .expect("paragraph");
    let root = fresh_root();
    let mut view = View::default();
    yew::Renderer::<BlockText>::with_root_and_props(
        root.clone(),
        BlockTextProps { index: index.clone(), unit, view: Rc::new(view.clone()), active: None },
    )
    .render();
    wait_until("marks render", || !query_all(&root, "mark").is_empty()).await;
    let moscow = query_all(&root, "mark.ent-country")
        .into_iter()
        .find(|m| m.text_content().as_deref() == Some("Moscow"))
        .expect("Moscow marked");
    assert_eq!(moscow.get_attribute("data-tip").as_deref(), Some("Moscow → Russia (country), capital"));
    assert_eq!(moscow.get_attribute("tabindex").as_deref(), Some("-1"), "marks are reached by the arrow keys, not Tab");
    root.remove();
    view.kinds.remove(&newsprism_core::model::EntityKind::Country);
    let root = fresh_root();
    yew::Renderer::<BlockText>::with_root_and_props(
        root.clone(),
        BlockTextProps { index, unit, view: Rc::new(view), active: None },
    )
    .render();
    wait_until("marks render", || !query_all(&root, "mark").is_empty()).await;
    assert!(query_all(&root, "mark.ent-country").is_empty());
    root.remove();
}

#[test]
async fn facet_lists_counts_and_toggles() {
    let got = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    let items = vec![
        FacetItem { label: "Vladimir Putin".into(), count: 24, selected: true },
        FacetItem { label: "Barack Obama".into(), count: 14, selected: false },
    ];
    let props = FacetProps {
        area: "speakers".into(),
        title: "Speakers".into(),
        noun: "quotations".into(),
        find: "Find a speaker".into(),
        items: Rc::new(items),
        on_toggle: Callback::from(move |s: String| sink.borrow_mut().push(s)),
        on_clear: Callback::noop(),
    };
    let root = fresh_root();
    yew::Renderer::<Facet>::with_root_and_props(root.clone(), props).render();
    wait_until("items render", || query_all(&root, ".facet-item").len() == 2).await;
    let buttons = query_all(&root, ".facet-item");
    assert_eq!(buttons[0].get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(texts(&root, ".count"), ["24 quotations", "14 quotations"], "the count says what it counts");
    buttons[1].click();
    assert_eq!(*got.borrow(), ["Barack Obama"]);
    root.remove();
}

#[test]
async fn chart_bars_match_the_counts_and_apply_filters() {
    let index = seed_index();
    let view = Rc::new(View::default());
    let derived = Rc::new(index.derive(&view));
    let clicked = Rc::new(RefCell::new(None));
    let sink = clicked.clone();
    let props = ChartProps {
        index: index.clone(),
        derived: derived.clone(),
        view,
        on_bar: Callback::from(move |e: usize| *sink.borrow_mut() = Some(e)),
        on_kind: Callback::noop(),
    };
    let root = fresh_root();
    yew::Renderer::<Chart>::with_root_and_props(root.clone(), props).render();
    wait_until("bars render", || !elements(&root, "g.bar").is_empty()).await;
    let bars = elements(&root, "g.bar");
    assert_eq!(bars.len(), derived.bars.len());
    let first = &derived.bars[0];
    let name = &index.analysis.entities[first.entity].name;
    // A bar is named by what it shows (no aria-label to disagree with the visible text).
    let g0 = root.query_selector("g.bar").ok().flatten().expect("a bar");
    assert_eq!(g0.get_attribute("aria-label"), None);
    assert_eq!(g0.text_content().unwrap_or_default(), format!("{name}{} mentions", first.total));
    let segments = root.query_selector_all("g.bar:first-of-type rect.segment").expect("selector").length();
    // One segment per outlet mentioning it, each in its own fill.
    assert_eq!(segments as usize, newsprism::components::chart::per_outlet(&index, &first.per_article).len());
    let g: web_sys::Element = root.query_selector("g.bar").ok().flatten().expect("a bar");
    g.dispatch_event(&web_sys::MouseEvent::new("click").expect("event")).expect("dispatch");
    assert_eq!(*clicked.borrow(), Some(first.entity));
    assert!(!query_all(&root, ".table-alt table tbody tr").is_empty(), "a table alternative");
    g.dispatch_event(&web_sys::FocusEvent::new("focus").expect("event")).expect("dispatch");
    wait_until("the focused bar's numbers show", || {
        texts(&root, ".bar-detail").iter().any(|t| t.starts_with(&format!("{name}: {} mentions", first.total)))
    })
    .await;
    root.remove();
}
