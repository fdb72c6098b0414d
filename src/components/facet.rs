//! A searchable filter list (speakers or countries) with counts; several values combine with OR.
//!
//! Chosen values are always listed first, whatever the counts or the Find box say, so a choice never
//! disappears from its list. Long lists grow by pages ("Show 100 more") so that opening one stays quick. Esc
//! in the Find box clears its text; Esc in an empty Find box or on a value clears the list's choices (the
//! page's key handler does that).

use web_sys::{HtmlInputElement, KeyboardEvent};
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
    /// What the count counts: "quotations".
    pub noun: AttrValue,
    /// Label of the search box: "Find a speaker".
    pub find: AttrValue,
    /// Every value, in the order to list them.
    pub items: std::rc::Rc<Vec<FacetItem>>,
    pub on_toggle: Callback<String>,
    pub on_clear: Callback<()>,
}

/// How many values show at first, and how many more each "show more" adds.
pub const SHOWN: usize = 10;
pub const MORE: usize = 100;

#[function_component]
pub fn Facet(props: &FacetProps) -> Html {
    let find = use_state(String::new);
    let limit = use_state(|| SHOWN);
    let needle = newsprism_core::lexis::fold::fold(find.trim());
    let selected: Vec<&FacetItem> = props.items.iter().filter(|i| i.selected).collect();
    let matching: Vec<&FacetItem> = props
        .items
        .iter()
        .filter(|i| !i.selected && (needle.is_empty() || newsprism_core::lexis::fold::fold(&i.label).contains(&needle)))
        .collect();
    let room = limit.saturating_sub(selected.len()).max(if needle.is_empty() { 0 } else { SHOWN });
    let shown = room.min(matching.len());
    let on_input = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| find.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_find_key = {
        let find = find.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && !find.is_empty() {
                // Esc clears the typed text first, and nothing else (not the choices, not a dialog).
                e.prevent_default();
                e.stop_propagation();
                find.set(String::new());
                e.target_unchecked_into::<HtmlInputElement>().set_value("");
            }
        })
    };
    let item = |i: &FacetItem| {
        let cb = props.on_toggle.clone();
        let label = i.label.clone();
        let onclick = Callback::from(move |_| cb.emit(label.clone()));
        let class = classes!("facet-item", i.selected.then_some("selected"), (i.count == 0).then_some("zero"));
        html! {
            <li key={i.label.clone()}>
                <button {class} {onclick} aria-pressed={i.selected.to_string()}>
                    <span class="facet-label">{ i.label.clone() }</span>
                    <span class="count">{ i.count }<span class="visually-hidden">{ format!(" {}", props.noun) }</span></span>
                </button>
            </li>
        }
    };
    let rest = matching.len() - shown;
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + MORE))
    };
    let fewer = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(SHOWN))
    };
    let clear = {
        let cb = props.on_clear.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let id = format!("facet-{}", props.area);
    let find_id = format!("find-{}", props.area);
    html! {
        <section class="facet" data-area={props.area.clone()} aria-labelledby={id.clone()}>
            <div class="facet-head">
                <h2 {id}>{ props.title.clone() }<span class="facet-total">{ format!(" ({})", props.items.len()) }</span></h2>
                if !selected.is_empty() {
                    <button class="link-button" onclick={clear}>{ format!("Clear {}", props.title.to_lowercase()) }</button>
                }
            </div>
            <label for={find_id.clone()} class="visually-hidden">{ props.find.clone() }</label>
            <input id={find_id} type="search" class="facet-search" placeholder={props.find.clone()}
                value={(*find).clone()} oninput={on_input} onkeydown={on_find_key} />
            <ul class="facet-list">
                { for selected.iter().map(|i| item(i)) }
                { for matching[..shown].iter().map(|i| item(i)) }
            </ul>
            if rest > 0 {
                <button class="link-button" onclick={more}>
                    { format!("Show {} more of {rest}", rest.min(MORE)) }
                </button>
            } else if *limit > SHOWN && needle.is_empty() {
                <button class="link-button" onclick={fewer}>{ "Show fewer" }</button>
            }
            if matching.is_empty() && selected.is_empty() { <p class="muted">{ "None." }</p> }
        </section>
    }
}
