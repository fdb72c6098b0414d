//! gzip through the browser's CompressionStream and DecompressionStream (no library in the page): bytes
//! in a Blob, piped through the stream, read back by a Response.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}

async fn through(stream_class: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let global = js_sys::global();
    let class: Function = Reflect::get(&global, &stream_class.into())
        .map_err(err)?
        .dyn_into()
        .map_err(|_| format!("this browser has no {stream_class}"))?;
    let transform = Reflect::construct(&class, &Array::of1(&"gzip".into())).map_err(err)?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).map_err(err)?;
    let call = |target: &JsValue, method: &str, args: &Array| -> Result<JsValue, String> {
        let f: Function =
            Reflect::get(target, &method.into()).map_err(err)?.dyn_into().map_err(|_| format!("no {method}"))?;
        f.apply(target, args).map_err(err)
    };
    let stream = call(&blob, "stream", &Array::new())?;
    let piped = call(&stream, "pipeThrough", &Array::of1(&transform))?;
    let response_class: Function =
        Reflect::get(&global, &"Response".into()).map_err(err)?.dyn_into().map_err(|_| "no Response")?;
    let response = Reflect::construct(&response_class, &Array::of1(&piped)).map_err(err)?;
    let buffer = JsFuture::from(call(&response, "arrayBuffer", &Array::new())?.unchecked_into::<Promise>())
        .await
        .map_err(err)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

pub async fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through("CompressionStream", bytes).await
}

pub async fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    through("DecompressionStream", bytes).await
}
