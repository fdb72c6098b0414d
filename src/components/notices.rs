//! Messages for the reader: link values ignored, files that failed. Each can be dismissed.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_dismiss: Callback<usize>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let items = props.notices.iter().enumerate().map(|(i, n)| {
        let cb = props.on_dismiss.clone();
        html! {
            <li class="notice">
                <span>{ n.clone() }</span>
                <button class="link-button" aria-label="Dismiss this message" onclick={Callback::from(move |_| cb.emit(i))}>{ "dismiss" }</button>
            </li>
        }
    });
    html! { <div role="status" aria-live="polite"><ul class="notices">{ for items }</ul></div> }
}
