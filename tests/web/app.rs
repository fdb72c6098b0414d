//! The whole page with an inline analyzer: built-in corpus, filters, and the URL ⇄ view round trip.

use newsprism::app::{App, AppProps};
use newsprism::effects::analyzer::Analyzer;
use wasm_bindgen_test::wasm_bindgen_test as test;

use crate::support::{analyse_inline, fresh_root, query, query_all, set_query, texts, wait_until};

fn mount() -> web_sys::Element {
    let root = fresh_root();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { analyzer: Analyzer::Inline(analyse_inline) })
        .render();
    root
}

#[test]
async fn the_page_shows_the_built_in_articles_and_filters_by_speaker() {
    set_query("");
    let root = mount();
    wait_until("five articles render", || query_all(&root, "article.article").len() == 5).await;
    assert!(texts(&root, ".headline").contains(&"Putin heads for UN showdown with Obama over Syria".to_string()));
    let putin = query_all(&root, "[data-area=\"speakers\"] .facet-item")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().starts_with("Vladimir Putin"));
    putin.expect("Putin is listed").click();
    wait_until("the URL names the speaker", || query().contains("speaker=Vladimir+Putin")).await;
    wait_until("the chip shows", || texts(&root, ".chip").iter().any(|c| c.contains("Vladimir Putin"))).await;
    let undimmed: Vec<String> =
        query_all(&root, ".quote:not(.dim)").iter().filter_map(|q| q.get_attribute("data-speaker")).collect();
    assert!(!undimmed.is_empty() && undimmed.iter().all(|s| s == "Vladimir Putin"), "{undimmed:?}");
    root.remove();
    set_query("");
}

#[test]
async fn a_link_reproduces_its_view() {
    set_query("country=Iran&view=quotes&kinds=person");
    let root = mount();
    wait_until("the quotes view renders", || !query_all(&root, ".speaker-group").is_empty()).await;
    assert_eq!(texts(&root, ".chip").len(), 1);
    assert!(texts(&root, ".tab.selected").contains(&"Who said what".to_string()));
    let tab = query_all(&root, "#tab-reader").pop().expect("reader tab");
    tab.click();
    wait_until("the reader shows the articles naming Iran", || query_all(&root, "article.article").len() == 5).await;
    assert!(!query_all(&root, ".folded").is_empty(), "paragraphs not about Iran are folded away");
    assert!(query_all(&root, "mark.ent-country").is_empty(), "only people are marked with kinds=person");
    assert!(!query_all(&root, "mark.ent-person").is_empty());
    root.remove();
    set_query("");
}
