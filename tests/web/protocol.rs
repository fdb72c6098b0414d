//! Messages between the page and the worker as JavaScript values: tagged objects, bytes as one
//! `Uint8Array` (cheap to pass between threads), and back again unchanged.

use newsprism::protocol::{from_js, to_js, Content, Input, Reply, Request, ToWorker};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn bytes_travel_as_one_uint8array_and_messages_round_trip() {
    let request = ToWorker::Analyse(Request {
        id: 7,
        inputs: vec![Input { name: "a.txt".into(), content: Content::Bytes { bytes: b"Hello".to_vec() }.into() }],
    });
    let v = to_js(&request).expect("to js");
    let get = |v: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).expect("field");
    assert_eq!(get(&v, "type").as_string().as_deref(), Some("analyse"));
    let inputs: js_sys::Array = get(&v, "inputs").unchecked_into();
    let bytes = get(&get(&inputs.get(0), "content"), "bytes");
    assert!(bytes.is_instance_of::<js_sys::Uint8Array>(), "bytes as a Uint8Array, not an array of numbers");
    assert_eq!(from_js::<ToWorker>(v).expect("back"), request);
    let reply = Reply::Done { id: 7, json: b"{}".to_vec(), millis: 1.5, view: Some("view=gaps".into()), parts: 3 };
    assert_eq!(from_js::<Reply>(to_js(&reply).expect("to js")).expect("back"), reply);
}
