//! The URL's query string: read it, write it (push or replace), hear back and forward.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;

use crate::route::View;
use crate::store::UrlUpdate;

/// The current query string, without "?".
pub fn current_query() -> String {
    gloo::utils::window().location().search().unwrap_or_default().trim_start_matches('?').to_string()
}

/// Writes the view into the URL, keeping the path (relative, so any sub-path works).
pub fn write(view: &View, how: UrlUpdate) {
    let query = view.to_query();
    if query == current_query() || how == UrlUpdate::Keep {
        return;
    }
    let location = gloo::utils::window().location();
    let path = location.pathname().unwrap_or_default();
    // A corpus carried in the fragment stays with the page until other articles are loaded.
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() { format!("{path}{hash}") } else { format!("{path}?{query}{hash}") };
    let history = match gloo::utils::window().history() {
        Ok(h) => h,
        Err(_) => return,
    };
    let _ = match how {
        UrlUpdate::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        UrlUpdate::Replace | UrlUpdate::Keep => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// Calls `f` with the new query string whenever the user goes back or forward.
pub fn on_pop(f: impl Fn(String) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| f(current_query()))
}

/// Drops the fragment (a link's corpus) once the page shows other articles.
pub fn clear_fragment() {
    let window = gloo::utils::window();
    let location = window.location();
    if location.hash().unwrap_or_default().is_empty() {
        return;
    }
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
