//! The story picker: a feed that mixes events is split into stories by the core; the reader works inside
//! one (`story=` in the link) or across all. Shown when there is more than one story.

use std::rc::Rc;

use newsprism_core::model::Analysis;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StoryPickerProps {
    /// The whole analysis (its stories).
    pub full: Rc<Analysis>,
    pub current: Option<String>,
    pub on_story: Callback<Option<String>>,
}

#[function_component]
pub fn StoryPicker(props: &StoryPickerProps) -> Html {
    let stories = &props.full.stories;
    if stories.len() < 2 {
        return html! {};
    }
    let onchange = {
        let cb = props.on_story.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            let v = select.value();
            cb.emit((!v.is_empty()).then_some(v));
        })
    };
    let options = stories.iter().map(|s| {
        let n = s.articles.len();
        let selected = props.current.as_deref() == Some(s.id.as_str());
        html! { <option value={s.id.clone()} {selected}>{ format!("{} ({n} {})", s.label, if n == 1 { "article" } else { "articles" }) }</option> }
    });
    html! {
        <div class="story-picker">
            <label for="story-select">{ "Story" }</label>
            <select id="story-select" {onchange}>
                <option value="" selected={props.current.is_none()}>{ format!("All {} stories ({} articles)", stories.len(), props.full.articles.len()) }</option>
                { for options }
            </select>
        </div>
    }
}
