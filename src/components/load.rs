//! Bringing one's own articles: drop or pick files, paste text, or go back to the built-in corpus.

use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadProps {
    /// Names of the loaded inputs, and whether they are the built-in corpus.
    pub inputs: Vec<String>,
    pub builtin: bool,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_paste: Callback<String>,
    pub on_builtin: Callback<()>,
    /// 0..1 while analysing.
    pub progress: Option<(f32, String)>,
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
    let busy = props.progress.is_some();
    html! {
        <section class="load" aria-labelledby="load-title">
            <h2 id="load-title">{ "Articles" }</h2>
            <p class="muted">{ format!("{} loaded{}", props.inputs.len(), if props.builtin { " (built-in example: the Obama–Putin meeting at the UN, 28 Sept 2015)" } else { "" }) }</p>
            if let Some((f, stage)) = &props.progress {
                <div class="progress" role="status">
                    <progress max="1" value={f.to_string()} aria-label="Analysis progress"></progress>
                    <span>{ format!("{stage} · {:.0} %", f * 100.0) }</span>
                </div>
            }
            <label class={classes!("drop", (*over).then_some("over"))} ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <span>{ "Drop .txt, .json or .jsonl files here, or " }<u>{ "pick files" }</u></span>
                <input id="file-input" type="file" multiple=true accept=".txt,.text,.md,.json,.jsonl,.ndjson,text/plain,application/json"
                    onchange={on_change} disabled={busy} class="visually-hidden" />
            </label>
            <details class="paste">
                <summary>{ "Paste an article" }</summary>
                <label for="paste-text" class="visually-hidden">{ "Article text" }</label>
                <textarea id="paste-text" rows="6" placeholder="Headline, then the article text…" value={(*paste).clone()} oninput={on_paste_input} />
                <button onclick={analyse_paste} disabled={busy}>{ "Add this article" }</button>
            </details>
            if !props.builtin {
                <button onclick={Callback::from(move |_| builtin.emit(()))} disabled={busy}>{ "Back to the built-in corpus" }</button>
            }
        </section>
    }
}
