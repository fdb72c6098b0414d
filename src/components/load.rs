//! Bringing one's own articles: drop or pick files, paste text, or go back to the built-in corpus; and the
//! list of inputs that could not be loaded, each with its message, apart from the articles.

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadProps {
    /// How many inputs were given, how many articles they made, how many could not be loaded.
    pub n_inputs: usize,
    pub n_articles: Option<usize>,
    pub n_failed: usize,
    /// Whether the inputs are the built-in corpus.
    pub builtin: bool,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
    pub on_builtin: Callback<()>,
    /// 0..1 while analysing.
    pub progress: Option<(f32, String)>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "5 articles from 5 files", "982 articles from 1 file; 1 file not loaded (listed above the articles)".
fn load_count(p: &LoadProps) -> String {
    let files = plural(p.n_inputs, "file", "files");
    let mut s = match p.n_articles {
        Some(n) if p.builtin => format!("{}: the built-in example", plural(n, "article", "articles")),
        Some(n) => format!("{} from {files}", plural(n, "article", "articles")),
        None => format!("{files}, being analysed"),
    };
    if p.n_failed > 0 {
        s += &format!("; {} not loaded (listed with the articles)", plural(p.n_failed, "input", "inputs"));
    }
    s
}

#[derive(Properties, PartialEq)]
pub struct NotLoadedProps {
    pub errors: Vec<newsprism_core::model::InputError>,
}

/// Inputs the analysis could not load, each with its message: apart from the articles, never mixed in.
#[function_component]
pub fn NotLoaded(props: &NotLoadedProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    let n = props.errors.len();
    html! {
        <details class="not-loaded" open=true>
            <summary>{ format!("{} could not be loaded", plural(n, "input", "inputs")) }</summary>
            <ul>
                { for props.errors.iter().map(|e| {
                    // Messages start with the input's name; it is set in bold, and given when one does not.
                    let rest = e.message.strip_prefix(e.input.as_str()).map(str::to_string)
                        .unwrap_or_else(|| format!(": {}", e.message));
                    html! { <li data-code={e.code.clone()}><span class="input-name">{ e.input.clone() }</span>{ rest }</li> }
                }) }
            </ul>
        </details>
    }
}

#[function_component]
pub fn Load(props: &LoadProps) -> Html {
    let over = use_state(|| false);
    let paste = use_state(String::new);
    let on_change = {
        let cb = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(crate::effects::files::list(input.files()));
            input.set_value("");
        })
    };
    let on_drop = {
        let cb = props.on_files.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            cb.emit(crate::effects::files::list(e.data_transfer().and_then(|d| d.files())));
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_| over.set(false))
    };
    let on_paste_input = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| paste.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let analyse_paste = {
        let cb = props.on_paste.clone();
        let paste = paste.clone();
        Callback::from(move |_| {
            if !paste.trim().is_empty() {
                cb.emit((*paste).clone());
                paste.set(String::new());
            }
        })
    };
    let builtin = props.on_builtin.clone();
    html! {
        <section class="load" aria-labelledby="load-title">
            <h2 id="load-title">{ "Articles" }</h2>
            <p class="muted load-count">{ load_count(props) }</p>
            if let Some((f, stage)) = &props.progress {
                <div class="progress" role="status">
                    <progress max="1" value={f.to_string()} aria-label="Analysis progress"></progress>
                    <span>{ format!("{stage} · {:.0} %", f * 100.0) }</span>
                </div>
            }
            <label class={classes!("drop", (*over).then_some("over"))} ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <span>{ "Drop .txt, .json or .jsonl files here, or " }<u>{ "pick files" }</u>{ " (a new load stops one under way)" }</span>
                <input id="file-input" type="file" multiple=true accept=".txt,.text,.md,.json,.jsonl,.ndjson,text/plain,application/json"
                    onchange={on_change} class="visually-hidden" />
            </label>
            <details class="paste">
                <summary>{ "Paste an article" }</summary>
                <label for="paste-text" class="visually-hidden">{ "Article text" }</label>
                <textarea id="paste-text" rows="6" placeholder="Headline, then the article text…" value={(*paste).clone()} oninput={on_paste_input} />
                <button onclick={analyse_paste}>{ "Add this article" }</button>
            </details>
            if !props.builtin {
                <button onclick={Callback::from(move |_| builtin.emit(()))}>{ "Back to the built-in corpus" }</button>
            }
        </section>
    }
}
