//! The entities, mentions and quotes tables of an analysis, column by column, with the page's export
//! columns and whether a reader's correction changed the row (`corrected`); offsets in bytes (as the
//! analysis gives them) and in characters (Python's `str` indices).

use std::collections::HashMap;

use newsprism_core::model::entity::EntityKind;
use newsprism_core::Analysis;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde_json::{json, Value};

/// Columns in order, each a name and a list of values (what a pandas `DataFrame` is made from).
pub struct Table(Vec<(&'static str, Vec<Value>)>);

impl Table {
    fn new(columns: &[&'static str]) -> Table {
        Table(columns.iter().map(|&c| (c, Vec::new())).collect())
    }

    fn push(&mut self, values: Vec<Value>) {
        for ((_, list), v) in self.0.iter_mut().zip(values) {
            list.push(v);
        }
    }

    /// The table as one JSON object, its columns in order.
    pub fn to_json(&self) -> String {
        let columns: Vec<String> = self
            .0
            .iter()
            .map(|(name, values)| format!("{}:{}", Value::from(*name), Value::from(values.clone())))
            .collect();
        format!("{{{}}}", columns.join(","))
    }
}

pub const ARTICLES: [&str; 6] = ["article", "headline", "outlet", "source", "url", "published"];
pub const ENTITIES: [&str; 11] =
    ["entity", "kind", "name", "country", "roles", "parent", "gender", "mentions", "articles", "aliases", "corrected"];
pub const MENTIONS: [&str; 15] = [
    "article",
    "headline",
    "outlet",
    "source",
    "url",
    "entity",
    "kind",
    "name",
    "text",
    "how",
    "paragraph",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
];
pub const QUOTES: [&str; 24] = [
    "article",
    "headline",
    "outlet",
    "source",
    "url",
    "quote",
    "text",
    "kind",
    "section",
    "paragraph",
    "speaker",
    "speaker_entity",
    "unnamed",
    "named_as",
    "verb",
    "rule",
    "confidence",
    "continues",
    "closed",
    "corrected",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
];

fn kind(k: EntityKind) -> &'static str {
    k.name()
}

/// Character index of each byte offset that starts a character (and of the end).
fn char_offsets(text: &str) -> Vec<u32> {
    let mut at = vec![0u32; text.len() + 1];
    let mut n = 0u32;
    for (i, _) in text.char_indices() {
        at[i] = n;
        n += 1;
    }
    at[text.len()] = n;
    at
}

/// The articles of an analysis, one row each.
pub fn articles(a: &Analysis) -> Table {
    let mut t = Table::new(&ARTICLES);
    for x in &a.articles {
        t.push(vec![
            json!(x.id),
            json!(x.display_title()),
            json!(x.outlet),
            json!(x.source),
            json!(x.url),
            json!(x.published),
        ]);
    }
    t
}

/// The three tables of an analysis.
pub fn tables(a: &Analysis) -> (Table, Table, Table) {
    let article_of: HashMap<&str, usize> = a.articles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let offsets: Vec<Vec<u32>> = a.articles.iter().map(|x| char_offsets(&x.text)).collect();
    let titles: Vec<String> = a.articles.iter().map(|x| x.display_title()).collect();
    let name_of: HashMap<&str, &str> = a.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let article_cells = |i: usize| {
        let x = &a.articles[i];
        vec![json!(x.id), json!(titles[i]), json!(x.outlet), json!(x.source), json!(x.url)]
    };
    let chars = |i: usize, start: usize, end: usize| {
        let at = &offsets[i];
        vec![json!(start), json!(end), json!(at.get(start).copied()), json!(at.get(end).copied())]
    };
    let (mut entities, mut mentions, mut quotes) = (Table::new(&ENTITIES), Table::new(&MENTIONS), Table::new(&QUOTES));
    for e in &a.entities {
        let mut seen: Vec<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        let aliases: Vec<String> = e.aliases.iter().map(|x| format!("{} ({})", x.text, x.count)).collect();
        entities.push(vec![
            json!(e.id),
            json!(kind(e.kind)),
            json!(e.name),
            json!(e.country.as_deref().and_then(|c| name_of.get(c))),
            json!(e.roles.join("; ")),
            json!(e.parent.as_deref().and_then(|p| name_of.get(p))),
            json!(e.gender),
            json!(e.mentions.len()),
            json!(seen.len()),
            json!(aliases.join("; ")),
            json!(e.corrected),
        ]);
        for m in &e.mentions {
            let Some(&i) = article_of.get(m.article.as_str()) else { continue };
            let mut row = article_cells(i);
            row.extend([
                json!(e.id),
                json!(kind(e.kind)),
                json!(e.name),
                json!(m.text),
                json!(m.how.name()),
                json!(m.paragraph),
            ]);
            row.extend(chars(i, m.start, m.end));
            mentions.push(row);
        }
    }
    for q in &a.quotes {
        let Some(&i) = article_of.get(q.article.as_str()) else { continue };
        let s = q.speaker.as_ref();
        let named = s.and_then(|s| s.mention.as_ref()).map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut row = article_cells(i);
        row.extend([
            json!(q.id),
            json!(q.text),
            json!(q.kind),
            json!(q.section),
            json!(q.paragraph),
            json!(s.map(|s| &s.name)),
            json!(s.and_then(|s| s.entity.as_ref())),
            json!(s.map(|s| s.unnamed)),
            json!(named),
            json!(q.verb),
            json!(q.rule.map(|r| r.name())),
            json!(q.confidence),
            json!(q.continues.and_then(|c| a.quotes.get(c)).map(|c| &c.id)),
            json!(q.closed),
            json!(q.corrected),
        ]);
        row.extend(chars(i, q.start, q.end));
        quotes.push(row);
    }
    (entities, mentions, quotes)
}

/// The tables of an analysis given as JSON: (entities, mentions, quotes), each columns as JSON.
#[pyfunction]
fn tables_json(py: Python<'_>, analysis: String) -> PyResult<(String, String, String)> {
    py.detach(move || {
        let a: Analysis = serde_json::from_str(&analysis).map_err(|e| e.to_string())?;
        let (e, m, q) = tables(&a);
        Ok((e.to_json(), m.to_json(), q.to_json()))
    })
    .map_err(|e: String| PyValueError::new_err(format!("not a newsprism analysis: {e}")))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(tables_json, m)?)?;
    Ok(())
}
