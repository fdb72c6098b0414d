//! Outlets, dates and addresses for many articles at once: the articles as a small table (file, outlet,
//! date, url) to edit in place, or a CSV pasted or opened over it, applied in one go. `.jsonl` records
//! with `source`, `published` and `url` name them when loaded.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DescribeProps {
    /// The articles described: their table (CSV with a header) is made when the panel is opened, not
    /// with every analysis.
    pub index: std::rc::Rc<crate::state::Index>,
    /// The table to apply (as edited, pasted or opened).
    pub on_apply: Callback<String>,
}

#[function_component]
pub fn DescribeArticles(props: &DescribeProps) -> Html {
    let text = use_node_ref();
    let open = use_state(|| false);
    let table = use_memo((props.index.clone(), *open), |(ix, open)| {
        AttrValue::from(if *open { crate::state::metadata::table(ix) } else { String::new() })
    });
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    let apply = {
        let (text, cb) = (text.clone(), props.on_apply.clone());
        Callback::from(move |_| {
            if let Some(t) = text.cast::<HtmlTextAreaElement>() {
                cb.emit(t.value());
            }
        })
    };
    let open = {
        let cb = props.on_apply.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            input.set_value("");
            let cb = cb.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(t) = gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await {
                    cb.emit(t);
                }
            });
        })
    };
    html! {
        <details class="describe" {ontoggle}>
            <summary>{ "Outlets, dates and links in bulk" }</summary>
            <p class="muted">{ "One row per article: file, outlet, date, url. Edit the table, or paste or open a CSV (a header row may order the columns), then apply. Articles loaded from .jsonl records with " }<code>{ "source" }</code>{ ", " }<code>{ "published" }</code>{ " and " }<code>{ "url" }</code>{ " fields come named." }</p>
            <label for="describe-text" class="visually-hidden">{ "Outlet, date and link of each article (CSV)" }</label>
            <textarea id="describe-text" ref={text} rows="6" spellcheck="false" value={(*table).clone()} />
            <p class="actions">
                <button type="button" onclick={apply}>{ "Apply to the articles" }</button>
                <label class="file-button">{ "Open a CSV" }
                    <input id="describe-file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv" onchange={open} />
                </label>
            </p>
        </details>
    }
}
