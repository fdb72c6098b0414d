//! A searchable filter list (speakers or countries) with counts; several values combine with OR.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One value of the list.
#[derive(Clone, PartialEq)]
pub struct FacetItem {
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Properties, PartialEq)]
pub struct FacetProps {
    /// "speakers" or "countries": names the area for keys and tests.
    pub area: AttrValue,
    pub title: AttrValue,
    pub noun: AttrValue,
    /// Placeholder of the search box: "Find a speaker".
    pub find: AttrValue,
    pub items: Vec<FacetItem>,
    pub on_toggle: Callback<String>,
    pub on_clear: Callback<()>,
}

/// How many values show before "show all".
const SHOWN: usize = 10;

#[function_component]
pub fn Facet(props: &FacetProps) -> Html {
    let find = use_state(String::new);
    let all = use_state(|| false);
    let needle = newsprism_core::lexis::fold::fold(&find);
    let matching: Vec<&FacetItem> = props
        .items
        .iter()
        .filter(|i| needle.is_empty() || newsprism_core::lexis::fold::fold(&i.label).contains(&needle))
        .collect();
    let limit = if *all || !needle.is_empty() { matching.len() } else { SHOWN.min(matching.len()) };
    let on_input = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| find.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let n_selected = props.items.iter().filter(|i| i.selected).count();
    let items = matching[..limit].iter().map(|i| {
        let cb = props.on_toggle.clone();
        let label = i.label.clone();
        let onclick = Callback::from(move |_| cb.emit(label.clone()));
        let class = classes!("facet-item", i.selected.then_some("selected"), (i.count == 0).then_some("zero"));
        html! {
            <li key={i.label.clone()}>
                <button {class} {onclick} aria-pressed={i.selected.to_string()}
                    aria-label={format!("{} {}, {} {}", if i.selected { "Remove" } else { "Filter by" }, i.label, i.count, props.noun)}>
                    <span class="facet-label">{ i.label.clone() }</span>
                    <span class="count">{ i.count }</span>
                </button>
            </li>
        }
    });
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    let clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let id = format!("facet-{}", props.area);
    html! {
        <section class="facet" data-area={props.area.clone()} aria-labelledby={id.clone()}>
            <div class="facet-head">
                <h2 {id}>{ props.title.clone() }</h2>
                if n_selected > 0 { <button class="link-button" onclick={clear}>{ "clear" }</button> }
            </div>
            <input type="search" class="facet-search" placeholder={props.find.clone()}
                aria-label={props.find.clone()} value={(*find).clone()} oninput={on_input} />
            <ul class="facet-list">{ for items }</ul>
            if matching.len() > SHOWN && needle.is_empty() {
                <button class="link-button" onclick={toggle_all} aria-expanded={all.to_string()}>
                    { if *all { "Show fewer".to_string() } else { format!("Show all {}", matching.len()) } }
                </button>
            }
            if matching.is_empty() { <p class="muted">{ "None." }</p> }
        </section>
    }
}
