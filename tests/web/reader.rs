//! The reader renders the built-in articles as text, never as HTML.

use std::rc::Rc;

use newsprism::app::App;
use newsprism::components::article::{ArticleView, ArticleViewProps};
use wasm_bindgen_test::wasm_bindgen_test as test;

use crate::support::{fresh_root, query_all, texts, wait_until};

#[test]
async fn app_renders_the_five_built_in_articles() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_until("five articles render", || query_all(&root, "article.article").len() == 5).await;
    let headlines = texts(&root, ".headline");
    assert!(headlines.iter().any(|h| h == "Putin heads for UN showdown with Obama over Syria"), "{headlines:?}");
    assert!(texts(&root, ".dateline").contains(&"United Nations, Sept 28".to_string()));
    assert!(!root.text_content().unwrap_or_default().contains("Sorry, your comment was not saved"));
}

#[test]
async fn article_text_with_markup_renders_as_text() {
    let html = "Headline\n\n<img src=x onerror=\"window.__pwned = 1\"> and <b>bold</b> said the man.";
    let analysis = newsprism_core::analyze_inputs([("hostile.txt", html.as_bytes())]);
    let props = ArticleViewProps { article: Rc::new(analysis.articles[0].clone()) };
    let root = fresh_root();
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    wait_until("the paragraph renders", || !query_all(&root, ".paragraph").is_empty()).await;
    assert!(query_all(&root, "img").is_empty(), "no element was made from the text");
    assert!(query_all(&root, "b").is_empty());
    assert_eq!(
        texts(&root, ".paragraph")[0],
        "<img src=x onerror=\"window.__pwned = 1\"> and <b>bold</b> said the man."
    );
}
