//! The views of the main panel.

use yew::prelude::*;

use crate::route::Tab;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub current: Tab,
    pub on_select: Callback<Tab>,
}

#[function_component]
pub fn Tabs(props: &TabsProps) -> Html {
    let tabs = Tab::ALL.into_iter().map(|t| {
        let cb = props.on_select.clone();
        let selected = t == props.current;
        html! {
            <button role="tab" id={format!("tab-{}", t.as_str())} class={classes!("tab", selected.then_some("selected"))}
                aria-selected={selected.to_string()} aria-controls="panel" onclick={Callback::from(move |_| cb.emit(t))}>
                { t.label() }
            </button>
        }
    });
    html! { <nav class="tabs" role="tablist" aria-label="Views">{ for tabs }</nav> }
}
