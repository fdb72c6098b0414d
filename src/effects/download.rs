//! Saving a generated file: a Blob, an object URL, a temporary link clicked.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `content` as a download named `name`.
pub fn save(name: &str, mime: &str, content: &str) -> Result<(), String> {
    save_part(name, mime, &content.into())
}

/// Offers `part` (a string, a `Uint8Array` or a `Blob`, which is not copied) as a download named `name`.
pub fn save_part(name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let parts = js_sys::Array::of1(part);
    let props = BlobPropertyBag::new();
    props.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &props).map_err(|e| format!("{e:?}"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let doc = gloo::utils::document();
    let a: HtmlAnchorElement = doc.create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    gloo::utils::body().append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    a.remove();
    // Let the browser start the download before the URL goes.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
