//! Giving the browser its turn: long work on the page's thread is cut into slices, and between two slices
//! [`yield_now`] lets input, rendering and other tasks run.

use wasm_bindgen::JsCast;

/// Ends the current task and resumes in a new one: through `scheduler.yield()` where the browser has it
/// (the continuation goes ahead of other queued work, but after input and rendering), else a zero timeout.
pub async fn yield_now() {
    let global = js_sys::global();
    let scheduler = js_sys::Reflect::get(&global, &"scheduler".into()).ok().filter(|s| s.is_object());
    let promise = scheduler.and_then(|s| {
        let f = js_sys::Reflect::get(&s, &"yield".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
        f.call0(&s).ok()?.dyn_into::<js_sys::Promise>().ok()
    });
    match promise {
        Some(p) => {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        }
        None => gloo::timers::future::TimeoutFuture::new(0).await,
    }
}
