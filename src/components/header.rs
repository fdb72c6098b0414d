//! The top bar: what is loaded, text search, copy link, export.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub summary: AttrValue,
    pub query: AttrValue,
    pub on_query: Callback<String>,
    pub on_copy_link: Callback<()>,
    pub on_export: Callback<&'static str>,
    pub copied: bool,
    pub ready: bool,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_input = {
        let cb = props.on_query.clone();
        Callback::from(move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let copy = {
        let cb = props.on_copy_link.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let export = |format: &'static str| {
        let cb = props.on_export.clone();
        Callback::from(move |_| cb.emit(format))
    };
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ "newsprism" }</h1>
                <p class="summary" aria-live="polite">{ props.summary.clone() }</p>
            </div>
            <div class="search" data-area="search">
                <label for="search" class="visually-hidden">{ "Search the text" }</label>
                <input id="search" type="search" placeholder="Search the text  ( / )" value={props.query.clone()}
                    oninput={on_input} aria-keyshortcuts="/" disabled={!props.ready} />
            </div>
            <div class="actions">
                <button onclick={copy} disabled={!props.ready} aria-live="polite">{ if props.copied { "Link copied" } else { "Copy link" } }</button>
                <button onclick={export("csv")} disabled={!props.ready} aria-label="Download the shown entities, mentions and quotes as CSV">{ "CSV" }</button>
                <button onclick={export("json")} disabled={!props.ready} aria-label="Download the shown entities, mentions and quotes as JSON">{ "JSON" }</button>
            </div>
        </header>
    }
}
