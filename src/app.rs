//! The root component: analyses the built-in corpus and lists its articles.

use std::rc::Rc;

use newsprism_core::analyze_inputs;
use yew::prelude::*;

use crate::builtin;
use crate::components::article::ArticleView;

#[function_component]
pub fn App() -> Html {
    let analysis =
        use_memo((), |_| analyze_inputs(builtin::ARTICLES.iter().map(|(name, text)| (*name, text.as_bytes()))));
    let articles = analysis.articles.iter().map(|a| {
        let key = a.id.clone();
        html! { <ArticleView {key} article={Rc::new(a.clone())} /> }
    });
    html! {
        <main class="app">
            <h1>{ "newsprism" }</h1>
            <p class="summary">{ format!("{} articles, {} quotations", analysis.articles.len(), analysis.quotes.len()) }</p>
            { for articles }
        </main>
    }
}
