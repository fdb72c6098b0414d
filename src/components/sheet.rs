//! The filters and the loading panel on a phone: a modal sheet (a native `<dialog>`, so the focus stays
//! inside, Esc closes it and the page behind is inert) opened by the "Filters" button.

use web_sys::HtmlDialogElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub open: bool,
    pub on_close: Callback<()>,
    pub children: Html,
}

#[function_component]
pub fn Sheet(props: &SheetProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.open, move |&open| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if open && !d.open() {
                    let _ = d.show_modal();
                } else if !open && d.open() {
                    d.close();
                }
            }
        });
    }
    let closed = {
        let cb = props.on_close.clone();
        Callback::from(move |_: Event| cb.emit(()))
    };
    let done = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <dialog id="sheet" class="sheet" ref={dialog} aria-labelledby="sheet-title" onclose={closed}>
            <div class="sheet-head">
                <h2 id="sheet-title">{ "Filters and articles" }</h2>
                <button class="sheet-done" onclick={done}>{ "Done" }</button>
            </div>
            { props.children.clone() }
        </dialog>
    }
}
