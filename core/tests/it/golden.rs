//! The analysis JSON of the seed articles, compared with a reviewed copy (`golden/seeds.jsonl`) so every
//! change to the contract or to what the analysis finds shows up in review as a diff of that file.
//! After an intended change: `UPDATE_GOLDEN=1 cargo test -p newsprism-core --test it golden`.
//!
//! One JSON value a line: each article (its text replaced by its length), quote, entity (its mentions on
//! the lines after it), speaker and error, under a line naming the field.

use browser_task_test::test;

use serde_json::{json, Value};

const GOLDEN: &str = include_str!("golden/seeds.jsonl");

fn render(analysis: &newsprism_core::Analysis) -> String {
    let v = serde_json::to_value(analysis).expect("the analysis serialises");
    let mut out = String::new();
    let line = |out: &mut String, indent: &str, v: &Value| {
        out.push_str(indent);
        out.push_str(&serde_json::to_string(v).expect("a value serialises"));
        out.push('\n');
    };
    let Value::Object(fields) = v else { panic!("the analysis is an object") };
    for (key, value) in fields {
        out.push_str(&format!("# {key}\n"));
        for mut item in value.as_array().cloned().unwrap_or_default() {
            let mentions = item.as_object_mut().and_then(|o| o.remove("mentions"));
            if let Some(text) = item.get("text").and_then(Value::as_str).filter(|_| key == "articles") {
                item["text"] = json!(format!("<{} bytes>", text.len()));
            }
            line(&mut out, "", &item);
            for m in mentions.and_then(|m| m.as_array().cloned()).unwrap_or_default() {
                line(&mut out, "  ", &m);
            }
        }
    }
    out
}

#[test]
fn the_seeds_analysis_matches_the_reviewed_copy() {
    let actual = render(crate::fixtures::seeds());
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/golden/seeds.jsonl");
        std::fs::write(path, &actual).expect("write the golden file");
        return;
    }
    if actual != GOLDEN {
        let first = actual.lines().zip(GOLDEN.lines()).position(|(a, b)| a != b);
        let at = first.unwrap_or(actual.lines().count().min(GOLDEN.lines().count()));
        panic!(
            "the analysis of the seeds changed (line {}):\n  now:    {}\n  golden: {}\nreview it, then rerun with UPDATE_GOLDEN=1",
            at + 1,
            actual.lines().nth(at).unwrap_or("<end>"),
            GOLDEN.lines().nth(at).unwrap_or("<end>")
        );
    }
}
