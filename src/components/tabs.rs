//! The views of the main panel, as an ARIA tab list: one Tab stop (the selected tab); the arrow keys,
//! Home and End select another and move the focus to it.

use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::route::Tab;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub current: Tab,
    pub on_select: Callback<Tab>,
}

/// The tab an arrow key, Home or End leads to from `current`, wrapping around.
pub fn next_tab(current: Tab, key: &str) -> Option<Tab> {
    let n = Tab::ALL.len();
    let at = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
    let to = match key {
        "ArrowRight" | "ArrowDown" => (at + 1) % n,
        "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    Some(Tab::ALL[to])
}

#[function_component]
pub fn Tabs(props: &TabsProps) -> Html {
    let tabs = Tab::ALL.into_iter().map(|t| {
        let cb = props.on_select.clone();
        let selected = t == props.current;
        html! {
            <button role="tab" id={format!("tab-{}", t.as_str())} class={classes!("tab", selected.then_some("selected"))}
                aria-selected={selected.to_string()} aria-controls="tabpanel" tabindex={if selected { "0" } else { "-1" }}
                onclick={Callback::from(move |_| cb.emit(t))}>
                { t.label() }
            </button>
        }
    });
    let onkeydown = {
        let cb = props.on_select.clone();
        let current = props.current;
        Callback::from(move |e: KeyboardEvent| {
            let Some(t) = next_tab(current, &e.key()) else { return };
            e.prevent_default();
            cb.emit(t);
            if let Some(el) = gloo::utils::document().get_element_by_id(&format!("tab-{}", t.as_str())) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };
    html! { <div class="tabs" role="tablist" aria-label="Views" {onkeydown}>{ for tabs }</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_and_home_and_end_go_to_the_ends() {
        assert_eq!(next_tab(Tab::Reader, "ArrowRight"), Some(Tab::Quotes));
        assert_eq!(next_tab(Tab::Reader, "ArrowLeft"), Some(Tab::Gaps));
        assert_eq!(next_tab(Tab::Gaps, "ArrowDown"), Some(Tab::Reader));
        assert_eq!(next_tab(Tab::Chart, "Home"), Some(Tab::Reader));
        assert_eq!(next_tab(Tab::Quotes, "End"), Some(Tab::Gaps));
        assert_eq!(next_tab(Tab::Quotes, "x"), None);
    }
}
