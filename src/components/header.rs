//! The top of the page: what this is and what is loaded, text search, the filters button (phones), copy
//! link and export.
//!
//! The search box keeps its own text and hands it on after a short pause in typing ([`DEBOUNCE_MS`]), so
//! a fast typist does not filter a large corpus once per key; Enter hands it on at once, Esc clears it.

use gloo::timers::callback::Timeout;
use web_sys::{HtmlDetailsElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::export::Export;

/// Milliseconds of quiet typing before a search runs.
pub const DEBOUNCE_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// What is loaded: "5 articles · 69 quotations · …".
    pub summary: AttrValue,
    /// What the loaded articles are, when the page knows (the built-in example).
    #[prop_or_default]
    pub intro: Option<AttrValue>,
    pub query: AttrValue,
    pub on_query: Callback<String>,
    pub on_copy_link: Callback<()>,
    pub on_export: Callback<Export>,
    pub copied: bool,
    pub ready: bool,
    /// Active filters, shown on the filters button (phones).
    #[prop_or_default]
    pub n_filters: usize,
    #[prop_or_default]
    pub filters_open: bool,
    /// A phone-sized screen: the filters live in a sheet opened by a button.
    #[prop_or_default]
    pub narrow: bool,
    /// Opens the filters sheet; `true` asks for the file picker too.
    pub on_filters: Callback<bool>,
}

fn export_label(e: Export) -> &'static str {
    match e {
        Export::Entities => "Entities (CSV)",
        Export::Mentions => "Mentions (CSV)",
        Export::Quotes => "Quotations (CSV)",
        Export::Json => "All three (JSON)",
    }
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let text = use_state(|| props.query.to_string());
    let timer = use_mut_ref(|| None::<Timeout>);
    // A query changed elsewhere (a chip removed, back and forward) shows in the box.
    {
        let text = text.clone();
        let timer = timer.clone();
        use_effect_with(props.query.clone(), move |q| {
            timer.borrow_mut().take();
            text.set(q.to_string());
        });
    }
    let on_input = {
        let text = text.clone();
        let timer = timer.clone();
        let cb = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(value.clone());
            let cb = cb.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || cb.emit(value)));
        })
    };
    let on_key = {
        let cb = props.on_query.clone();
        let text = text.clone();
        let timer = timer.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                timer.borrow_mut().take();
                cb.emit((*text).clone());
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                timer.borrow_mut().take();
                text.set(String::new());
                e.target_unchecked_into::<HtmlInputElement>().set_value("");
                cb.emit(String::new());
            }
            _ => {}
        })
    };
    let copy = {
        let cb = props.on_copy_link.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let menu = use_node_ref();
    let export = |what: Export| {
        let cb = props.on_export.clone();
        let menu = menu.clone();
        Callback::from(move |_| {
            if let Some(d) = menu.cast::<HtmlDetailsElement>() {
                d.set_open(false);
            }
            cb.emit(what)
        })
    };
    let filters = {
        let cb = props.on_filters.clone();
        Callback::from(move |_| cb.emit(false))
    };
    let load = {
        let cb = props.on_filters.clone();
        Callback::from(move |_| cb.emit(true))
    };
    let filters_label =
        if props.n_filters > 0 { format!("Filters · {}", props.n_filters) } else { "Filters".to_string() };
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ "newsprism" }</h1>
                <p class="tagline">{ "Who is quoted, and who is named, across news articles — worked out in your browser." }</p>
            </div>
            <div class="about">
                if let Some(intro) = &props.intro {
                    <p class="intro">{ intro.clone() }{ " " }
                        <button class="link-button load-own" onclick={load}>{ "Load your own articles" }</button>
                    </p>
                }
                <p class="summary" aria-live="polite">{ props.summary.clone() }</p>
            </div>
            <div class="toolbar">
                <div class="search" data-area="search">
                    <label for="search" class="visually-hidden">{ "Search the text" }</label>
                    <input id="search" type="search" placeholder="Search the text  ( / )" value={(*text).clone()}
                        oninput={on_input} onkeydown={on_key} aria-keyshortcuts="/" disabled={!props.ready} />
                </div>
                if props.narrow {
                    <button class="filters-button" onclick={filters} aria-haspopup="dialog" aria-expanded={props.filters_open.to_string()}
                        aria-controls="sheet">{ filters_label }</button>
                }
                <button onclick={copy} disabled={!props.ready} aria-live="polite">{ if props.copied { "Link copied" } else { "Copy link" } }</button>
                <details class="menu" ref={menu.clone()}>
                    <summary>{ "Export" }</summary>
                    <div class="menu-panel">
                        <p class="muted">{ "What is shown now, as tables. Offsets are in UTF-8 bytes and in UTF-16 units." }</p>
                        { for Export::ALL.into_iter().map(|e| html! {
                            <button onclick={export(e)} disabled={!props.ready}>{ format!("Download {}", export_label(e)) }</button>
                        }) }
                    </div>
                </details>
            </div>
        </header>
    }
}
