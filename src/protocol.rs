//! Messages between the page and the analysis worker, as plain JavaScript objects:
//! request `{id, inputs: [{name, bytes: Uint8Array}]}`; replies `{type: "progress", id, fraction, stage}`,
//! `{type: "done", id, json, millis}` (the analysis as JSON) or `{type: "failed", id, message}`; and once,
//! when the worker can take requests, `{type: "ready", id: 0}` (messages sent before that would be lost).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

/// One input as the page hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn set(o: &Object, k: &str, v: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

pub fn request(id: u32, inputs: &[Input]) -> JsValue {
    let o = Object::new();
    set(&o, "id", &JsValue::from(id));
    let arr = Array::new();
    for i in inputs {
        let x = Object::new();
        set(&x, "name", &JsValue::from_str(&i.name));
        set(&x, "bytes", &Uint8Array::from(i.bytes.as_slice()).into());
        arr.push(&x);
    }
    set(&o, "inputs", &arr.into());
    o.into()
}

/// Reads a request; `None` for a message of another shape.
pub fn read_request(v: &JsValue) -> Option<(u32, Vec<Input>)> {
    let id = get(v, "id").as_f64()? as u32;
    let inputs = Array::from(&get(v, "inputs"));
    let inputs = inputs
        .iter()
        .map(|x| Input {
            name: get(&x, "name").as_string().unwrap_or_default(),
            bytes: Uint8Array::new(&get(&x, "bytes")).to_vec(),
        })
        .collect();
    Some((id, inputs))
}

/// A reply from the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Ready,
    Progress { id: u32, fraction: f32, stage: String },
    Done { id: u32, json: String, millis: f64 },
    Failed { id: u32, message: String },
}

impl Reply {
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        match self {
            Reply::Ready => {
                set(&o, "type", &"ready".into());
                set(&o, "id", &JsValue::from(0));
            }
            Reply::Progress { id, fraction, stage } => {
                set(&o, "type", &"progress".into());
                set(&o, "id", &JsValue::from(*id));
                set(&o, "fraction", &JsValue::from(*fraction));
                set(&o, "stage", &JsValue::from_str(stage));
            }
            Reply::Done { id, json, millis } => {
                set(&o, "type", &"done".into());
                set(&o, "id", &JsValue::from(*id));
                set(&o, "json", &JsValue::from_str(json));
                set(&o, "millis", &JsValue::from(*millis));
            }
            Reply::Failed { id, message } => {
                set(&o, "type", &"failed".into());
                set(&o, "id", &JsValue::from(*id));
                set(&o, "message", &JsValue::from_str(message));
            }
        }
        o.into()
    }

    pub fn from_js(v: &JsValue) -> Option<Reply> {
        let id = get(v, "id").as_f64()? as u32;
        match get(v, "type").as_string()?.as_str() {
            "ready" => Some(Reply::Ready),
            "progress" => Some(Reply::Progress {
                id,
                fraction: get(v, "fraction").as_f64().unwrap_or(0.0) as f32,
                stage: get(v, "stage").as_string().unwrap_or_default(),
            }),
            "done" => Some(Reply::Done {
                id,
                json: get(v, "json").as_string()?,
                millis: get(v, "millis").as_f64().unwrap_or(0.0),
            }),
            "failed" => Some(Reply::Failed { id, message: get(v, "message").as_string().unwrap_or_default() }),
            _ => None,
        }
    }
}
