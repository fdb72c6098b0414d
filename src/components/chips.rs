//! The active filters as removable chips, and one action to clear them all.

use yew::prelude::*;

/// One active filter value.
#[derive(Clone, PartialEq)]
pub struct Chip {
    pub kind: &'static str,
    pub label: String,
    pub on_remove: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub chips: Vec<Chip>,
    pub on_clear: Callback<()>,
}

#[function_component]
pub fn Chips(props: &ChipsProps) -> Html {
    if props.chips.is_empty() {
        return html! {};
    }
    let chips = props.chips.iter().map(|c| {
        let cb = c.on_remove.clone();
        html! {
            <li><button class="chip" onclick={Callback::from(move |_| cb.emit(()))}>
                <span class="visually-hidden">{ "Remove filter: " }</span>
                <span class="chip-kind">{ c.kind }</span>{ " " }{ c.label.clone() }<span aria-hidden="true">{ " ×" }</span>
            </button></li>
        }
    });
    let clear = props.on_clear.clone();
    html! {
        <div class="chips" role="region" aria-label="Active filters">
            <ul>{ for chips }</ul>
            <button class="link-button" onclick={Callback::from(move |_| clear.emit(()))}>{ "Clear all filters" }</button>
        </div>
    }
}
