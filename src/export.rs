//! The current view's entities, mentions and quotes as CSV and as JSON, for download.

use serde_json::json;

use crate::route::View;
use crate::state::{Derived, Index};

/// Quotes a CSV field when it needs it.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(fields: &[&str]) -> String {
    fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\n"
}

/// One CSV table: a row per shown mention and per shown quote, told apart by the `record` column.
pub fn csv(ix: &Index, d: &Derived, view: &View) -> String {
    let a = &ix.analysis;
    let mut out =
        row(&["record", "article", "start", "end", "text", "entity", "kind", "name", "how", "speaker", "verb"]);
    for (u, shown) in ix.units.iter().zip(&d.visible) {
        if !*shown {
            continue;
        }
        for &(e, m) in &u.mentions {
            let ent = &a.entities[e];
            if !view.kinds.contains(&ent.kind) {
                continue;
            }
            let men = &ent.mentions[m];
            out += &row(&[
                "mention",
                &men.article,
                &men.start.to_string(),
                &men.end.to_string(),
                &men.text,
                &ent.id,
                crate::route::kind_str(ent.kind),
                &ent.name,
                men.how.name(),
                "",
                "",
            ]);
        }
    }
    for &qi in &d.quotes {
        let q = &a.quotes[qi];
        let speaker = q.speaker.as_ref().map_or("", |s| s.name.as_str());
        let entity = q.speaker.as_ref().and_then(|s| s.entity.as_deref()).unwrap_or("");
        out += &row(&[
            "quote",
            &q.article,
            &q.start.to_string(),
            &q.end.to_string(),
            &q.text,
            entity,
            "",
            "",
            "",
            speaker,
            q.verb.as_deref().unwrap_or(""),
        ]);
    }
    out
}

/// The same as JSON: the view, the entities with their shown mentions, the shown quotes.
pub fn json(ix: &Index, d: &Derived, view: &View) -> String {
    let a = &ix.analysis;
    let mut entities: Vec<serde_json::Value> = Vec::new();
    for (ei, e) in a.entities.iter().enumerate() {
        if !view.kinds.contains(&e.kind) {
            continue;
        }
        let mentions: Vec<&newsprism_core::model::Mention> = ix
            .units
            .iter()
            .zip(&d.visible)
            .filter(|(_, v)| **v)
            .flat_map(|(u, _)| u.mentions.iter().filter(|(x, _)| *x == ei).map(|&(_, m)| &e.mentions[m]))
            .collect();
        if mentions.is_empty() {
            continue;
        }
        entities.push(json!({
            "id": e.id, "kind": e.kind, "name": e.name, "country": e.country, "roles": e.roles, "mentions": mentions,
        }));
    }
    let quotes: Vec<&newsprism_core::model::Quote> = d.quotes.iter().map(|&q| &a.quotes[q]).collect();
    let doc = json!({ "view": view.to_query(), "entities": entities, "quotes": quotes });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;

    #[test]
    fn csv_and_json_follow_the_filters() {
        let analysis = crate::builtin::analysis();
        let ix = Index::new(Rc::new(analysis));
        let mut v = View::default();
        v.speakers.insert("Dilma Rousseff".into());
        let d = ix.derive(&v);
        let c = csv(&ix, &d, &v);
        let quotes: Vec<&str> = c.lines().filter(|l| l.starts_with("quote,")).collect();
        assert_eq!(quotes.len(), 2, "{c}");
        assert!(quotes.iter().all(|l| l.contains("Dilma Rousseff")));
        assert!(c.lines().next().unwrap().starts_with("record,article,start,end,text"));
        let j: serde_json::Value = serde_json::from_str(&json(&ix, &d, &v)).unwrap();
        assert_eq!(j["quotes"].as_array().unwrap().len(), 2);
        let mut brazil = View::default();
        brazil.countries.insert("Brazil".into());
        let d = ix.derive(&brazil);
        let j: serde_json::Value = serde_json::from_str(&json(&ix, &d, &brazil)).unwrap();
        let names: Vec<&str> = j["entities"].as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
        assert!(names.contains(&"Brazil") && names.contains(&"Dilma Rousseff"), "{names:?}");
        assert!(!names.contains(&"John Kerry"));
        assert_eq!(field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
