//! Whether a CSS media query matches, kept up to date (the layout switches to the phone sheet with it).

use gloo::events::EventListener;
use yew::prelude::*;

/// The layout's phone breakpoint (the stylesheet uses the same width).
pub const NARROW: &str = "(max-width: 820px)";

fn matches(query: &str) -> bool {
    gloo::utils::window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}

/// True while `query` matches.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let state = use_state(|| matches(query));
    {
        let state = state.clone();
        use_effect_with(query, move |q| {
            let list = gloo::utils::window().match_media(q).ok().flatten();
            let listener = list.map(|l| {
                let q = *q;
                EventListener::new(&l, "change", move |_| state.set(matches(q)))
            });
            move || drop(listener)
        });
    }
    *state
}
