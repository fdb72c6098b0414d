//! Keys for the whole page: "/" search, "j" / "k" next and previous article, "Esc" clears the filter in focus
//! (the search box and a list's Find box clear their own text first, on their own).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    FocusSearch,
    NextArticle,
    PreviousArticle,
    /// Esc, with the id of the filter area holding the focus ("speakers", "countries", "search").
    Clear(&'static str),
}

fn in_text_field(target: &Option<web_sys::EventTarget>) -> bool {
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<HtmlElement>())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || e.is_content_editable())
}

/// Which filter area holds the focus.
fn focus_area() -> &'static str {
    let Some(active) = gloo::utils::document().active_element() else { return "" };
    for area in ["speakers", "countries", "search"] {
        if active.closest(&format!("[data-area=\"{area}\"]")).ok().flatten().is_some() {
            return area;
        }
    }
    ""
}

/// Listens for the page's keys and calls `f` with each command; `f` says whether it did something, and
/// only then is the key's default (a dialog closing on Esc, "/" typing itself) prevented.
pub fn listen(f: impl Fn(Command) -> bool + 'static) -> EventListener {
    // Not passive: "/" must not also type itself into the search box it focuses.
    EventListener::new_with_options(
        &gloo::utils::document(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let typing = in_text_field(&e.target());
            let command = match e.key().as_str() {
                "Escape" => Some(Command::Clear(focus_area())),
                "/" if !typing => Some(Command::FocusSearch),
                "j" if !typing => Some(Command::NextArticle),
                "k" if !typing => Some(Command::PreviousArticle),
                _ => None,
            };
            if let Some(c) = command {
                if f(c) {
                    e.prevent_default();
                }
            }
        },
    )
}
