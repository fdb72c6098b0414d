//! The current view as separate tables, for download: entities, mentions and quotes as CSV, or all three
//! in one JSON document. Offsets are given twice: in bytes of the article's UTF-8 text (as the analysis
//! gives them) and in UTF-16 code units (JavaScript string indices). Runs in the analysis worker; pure
//! Rust, so it is tested natively.

use serde_json::{json, Map, Value};

use crate::route::{kind_str, View};
use crate::state::{Derived, Index};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Export {
    Entities,
    Mentions,
    Quotes,
    /// Entities, mentions and quotes in one JSON document.
    Json,
}

impl Export {
    pub const ALL: [Export; 4] = [Export::Entities, Export::Mentions, Export::Quotes, Export::Json];

    pub fn name(self) -> &'static str {
        match self {
            Export::Entities => "entities",
            Export::Mentions => "mentions",
            Export::Quotes => "quotes",
            Export::Json => "view",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            _ => "text/csv;charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Export::Json => "json",
            _ => "csv",
        }
    }
}

/// A generated file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub content: String,
}

/// The columns of each table, in order (the JSON uses the same names). `quote` is the quote's id;
/// `continues` the index (in the analysis's `quotes`) of the first part of a quote over paragraphs.
pub const ENTITY_COLUMNS: [&str; 10] =
    ["entity", "kind", "name", "country", "roles", "parent", "gender", "mentions", "articles", "aliases"];
pub const MENTION_COLUMNS: [&str; 15] = [
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
    "start_utf16",
    "end_utf16",
];
pub const QUOTE_COLUMNS: [&str; 23] = [
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
    "start_byte",
    "end_byte",
    "start_utf16",
    "end_utf16",
];

/// A CSV cell: quoted when it needs it, and neutralised when a spreadsheet would run it as a formula
/// (a leading =, +, -, @, tab or carriage return gets a leading apostrophe).
pub fn cell(s: &str) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if risky { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_line(cells: &[Value]) -> String {
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => cell(s),
        other => cell(&other.to_string()),
    };
    cells.iter().map(text).collect::<Vec<_>>().join(",") + "\r\n"
}

/// UTF-16 offsets of one article's text, by byte offset (on char boundaries).
struct Utf16 {
    article: usize,
    at: Vec<u32>,
}

impl Utf16 {
    fn new(article: usize, text: &str) -> Utf16 {
        let mut at = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            at[i] = n;
            n += c.len_utf16() as u32;
        }
        at[text.len()] = n;
        Utf16 { article, at }
    }
}

/// The rows of the three tables for a view, built once and written as CSV or JSON.
struct Rows {
    entities: Vec<Map<String, Value>>,
    mentions: Vec<Map<String, Value>>,
    quotes: Vec<Map<String, Value>>,
}

fn row(columns: &[&str], values: Vec<Value>) -> Map<String, Value> {
    columns.iter().map(|c| c.to_string()).zip(values).collect()
}

fn article_cells(ix: &Index, a: usize) -> Vec<Value> {
    let art = &ix.analysis.articles[a];
    vec![json!(art.id), json!(ix.title(a)), json!(art.outlet), json!(art.source), json!(art.url)]
}

fn rows(ix: &Index, d: &Derived, view: &View, tables: &[Export]) -> Rows {
    let an = &ix.analysis;
    let mut rows = Rows { entities: Vec::new(), mentions: Vec::new(), quotes: Vec::new() };
    let mut utf16: Option<Utf16> = None;
    let mut offsets = |a: usize, start: usize, end: usize| {
        if utf16.as_ref().is_none_or(|u| u.article != a) {
            utf16 = Some(Utf16::new(a, &an.articles[a].text));
        }
        let at: &[u32] = match &utf16 {
            Some(u) => &u.at,
            None => &[],
        };
        let get = |i: usize| at.get(i).copied().unwrap_or(0);
        vec![json!(start), json!(end), json!(get(start)), json!(get(end))]
    };
    let mut shown_mentions = vec![0usize; an.entities.len()];
    let mut shown_articles: Vec<Vec<usize>> = vec![Vec::new(); an.entities.len()];
    for (u, unit) in ix.units.iter().enumerate() {
        if !d.visible[u] {
            continue;
        }
        for &(e, m) in &unit.mentions {
            let ent = &an.entities[e];
            if !view.kinds.contains(&ent.kind) {
                continue;
            }
            shown_mentions[e] += 1;
            if shown_articles[e].last() != Some(&unit.article) {
                shown_articles[e].push(unit.article);
            }
            if !tables.contains(&Export::Mentions) {
                continue;
            }
            let men = &ent.mentions[m];
            let mut values = article_cells(ix, unit.article);
            values.extend([
                json!(ent.id),
                json!(kind_str(ent.kind)),
                json!(ent.name),
                json!(men.text),
                json!(men.how.name()),
                json!(men.paragraph),
            ]);
            values.extend(offsets(unit.article, men.start, men.end));
            rows.mentions.push(row(&MENTION_COLUMNS, values));
        }
    }
    if tables.contains(&Export::Entities) {
        let name_of = |id: &Option<String>| {
            id.as_deref().and_then(|id| an.entities.iter().find(|e| e.id == id)).map(|e| e.name.clone())
        };
        for (e, ent) in an.entities.iter().enumerate() {
            if shown_mentions[e] == 0 {
                continue;
            }
            let aliases: Vec<String> = ent.aliases.iter().map(|a| format!("{} ({})", a.text, a.count)).collect();
            rows.entities.push(row(
                &ENTITY_COLUMNS,
                vec![
                    json!(ent.id),
                    json!(kind_str(ent.kind)),
                    json!(ent.name),
                    json!(name_of(&ent.country)),
                    json!(ent.roles.join("; ")),
                    json!(name_of(&ent.parent)),
                    json!(ent.gender),
                    json!(shown_mentions[e]),
                    json!(shown_articles[e].len()),
                    json!(aliases.join("; ")),
                ],
            ));
        }
    }
    if tables.contains(&Export::Quotes) {
        for &qi in &d.quotes {
            let q = &an.quotes[qi];
            let a = ix.quote_article(qi);
            let s = q.speaker.as_ref();
            let named =
                s.and_then(|s| s.mention.as_ref()).map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "));
            let mut values = article_cells(ix, a);
            values.extend([
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
                json!((q.confidence * 1000.0).round() / 1000.0),
                json!(q.continues),
                json!(q.closed),
            ]);
            values.extend(offsets(a, q.start, q.end));
            rows.quotes.push(row(&QUOTE_COLUMNS, values));
        }
    }
    rows
}

fn csv_table(columns: &[&str], rows: &[Map<String, Value>]) -> String {
    let mut out = columns.join(",") + "\r\n";
    for r in rows {
        let cells: Vec<Value> = columns.iter().map(|c| r.get(*c).cloned().unwrap_or(Value::Null)).collect();
        out += &csv_line(&cells);
    }
    out
}

/// A file name that says what and when: "newsprism-quotes-speaker-vladimir-putin-2026-11-23-2203.csv".
pub fn file_name(what: Export, view: &View, when: &str) -> String {
    let mut scope: Vec<String> = Vec::new();
    let slug = |s: &str| {
        let f = newsprism_core::lexis::fold::fold(s);
        f.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
    };
    scope.extend(view.speakers.iter().map(|s| format!("speaker-{}", slug(s))));
    scope.extend(view.countries.iter().map(|c| format!("country-{}", slug(c))));
    if let Some(a) = &view.article {
        scope.push(format!("article-{}", slug(a)));
    }
    if !view.q.trim().is_empty() {
        scope.push(format!("search-{}", slug(&view.q)));
    }
    let mut scope = if scope.is_empty() { "all".to_string() } else { scope.join("_") };
    if scope.len() > 60 {
        scope.truncate(60);
        scope = scope.trim_end_matches(['-', '_']).to_string();
    }
    let when = slug(when);
    format!("newsprism-{}-{scope}-{when}.{}", what.name(), what.extension())
}

/// One export of the view: the file's name, type and content.
pub fn export(ix: &Index, d: &Derived, view: &View, what: Export, when: &str) -> File {
    let content = match what {
        Export::Json => json_document(ix, d, view, when),
        table => {
            let r = rows(ix, d, view, &[table]);
            match table {
                Export::Entities => csv_table(&ENTITY_COLUMNS, &r.entities),
                Export::Mentions => csv_table(&MENTION_COLUMNS, &r.mentions),
                _ => csv_table(&QUOTE_COLUMNS, &r.quotes),
            }
        }
    };
    File { name: file_name(what, view, when), mime: what.mime(), content }
}

fn json_document(ix: &Index, d: &Derived, view: &View, when: &str) -> String {
    let r = rows(ix, d, view, &[Export::Entities, Export::Mentions, Export::Quotes]);
    let doc = json!({
        "generated": when,
        "view": view.to_query(),
        "offsets": "start_byte/end_byte: UTF-8 bytes into the article's text; start_utf16/end_utf16: UTF-16 code units (JavaScript string indices)",
        "entities": r.entities,
        "mentions": r.mentions,
        "quotes": r.quotes,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

#[cfg(test)]
mod tests;
