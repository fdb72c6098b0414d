//! The JavaScript-facing `analyze` returns the CLI's JSON shape as plain JS objects.

use browser_task_test::test;
use wasm_bindgen::JsValue;

use crate::fixtures::SEEDS;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).expect("property readable")
}

#[test]
fn analyze_from_js_returns_articles_and_quotes() {
    let inputs = js_sys::Array::new();
    let named = js_sys::Object::new();
    js_sys::Reflect::set(&named, &"name".into(), &SEEDS[4].0.into()).expect("set");
    js_sys::Reflect::set(&named, &"text".into(), &SEEDS[4].1.into()).expect("set");
    inputs.push(&named);
    inputs.push(&JsValue::from_str("A bare string said “hello to you all” today."));
    let out = newsprism_core::wasm::analyze(inputs.into()).expect("analysis");
    let articles = js_sys::Array::from(&get(&out, "articles"));
    assert_eq!(articles.length(), 2);
    let first = articles.get(0);
    assert_eq!(get(&first, "dateline").as_string().as_deref(), Some("United Nations, Sept 28"));
    assert_eq!(get(&articles.get(1), "id").as_string().as_deref(), Some("input-2"));
    let quotes = js_sys::Array::from(&get(&out, "quotes"));
    assert!(quotes.length() >= 5);
    assert!(get(&first, "url").is_null(), "missing values are null, not undefined");
}

#[test]
fn analyze_from_js_refuses_a_wrong_shape_with_a_message() {
    let err = newsprism_core::wasm::analyze(JsValue::from_f64(3.0)).expect_err("an error");
    let message = get(&JsValue::from(err), "message").as_string().unwrap_or_default();
    assert!(message.starts_with("analyze expects an array of strings"), "{message}");
}
