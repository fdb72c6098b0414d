//! The reader's corrections, listed: one line each with its undo, what could not be applied, and the
//! corrections file to download or open (the same JSON `newsprism analyze --corrections` reads).

use std::rc::Rc;

use newsprism_core::model::{Analysis, Corrections};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::doubt::describe;

#[derive(Properties, PartialEq)]
pub struct CorrectionsProps {
    /// The analysis before corrections (the list names things as it does).
    pub full: Rc<Analysis>,
    pub corrections: Corrections,
    /// What could not be applied, one message each.
    pub problems: Vec<String>,
    pub on_undo: Callback<usize>,
    pub on_download: Callback<()>,
    pub on_open: Callback<web_sys::File>,
}

#[function_component]
pub fn CorrectionsList(props: &CorrectionsProps) -> Html {
    let list = props.corrections.list();
    let lines = describe(&props.full, &list);
    let n = lines.len();
    let items = lines.iter().enumerate().map(|(i, line)| {
        let undo = {
            let cb = props.on_undo.clone();
            Callback::from(move |_| cb.emit(i))
        };
        html! {
            <li key={format!("{i}-{line}")}>
                <span class="what">{ line.clone() }</span>
                <button type="button" class="link-button undo" onclick={undo}>
                    { "Undo" }<span class="visually-hidden">{ format!(": {line}") }</span>
                </button>
            </li>
        }
    });
    let download = {
        let cb = props.on_download.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let onchange = {
        let cb = props.on_open.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                cb.emit(f);
            }
            input.set_value("");
        })
    };
    let summary = match n {
        0 => "Corrections: none yet".to_string(),
        1 => "Corrections: 1".to_string(),
        n => format!("Corrections: {n}"),
    };
    html! {
        <details class="corrections" open={n > 0 || !props.problems.is_empty()}>
            <summary>{ summary }</summary>
            if n == 0 {
                <p class="muted">{ "Open “Who said it” under a paragraph, or select a name in an article, to give a quotation another speaker or to rename, merge, split or drop an entity. Every view, link and export follows." }</p>
            } else {
                <ol class="correction-list">{ for items }</ol>
            }
            if !props.problems.is_empty() {
                <ul class="problems" aria-label="Corrections not applied">
                    { for props.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                </ul>
            }
            <p class="actions">
                <button type="button" onclick={download} disabled={n == 0}>{ "Download corrections" }</button>
                <label class="file-button">
                    { "Open a corrections file" }
                    <input id="corrections-file" class="visually-hidden" type="file" accept=".json,application/json" {onchange} />
                </label>
            </p>
        </details>
    }
}
