//! The current view as separate tables, for download: entities, mentions and quotes as CSV, or all three
//! in one JSON document. Offsets are given twice: in bytes of the article's UTF-8 text (as the analysis
//! gives them) and in UTF-16 code units (JavaScript string indices). Runs in the analysis worker; pure
//! Rust, so it is tested natively.
//!
//! CSV is written by the `csv` crate: RFC 4180, CRLF line ends, a field quoted when it needs it, after a
//! UTF-8 byte-order mark (so Excel on Windows reads the file as UTF-8). Spreadsheets read cells as more
//! than text, so two kinds of cells get a leading apostrophe, the mark spreadsheets take for "text":
//! a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
//! return), and an id (article, source, quote, entity, story) that a spreadsheet would read as a number,
//! a date or a time ("1-2" becomes 2 January, "007" becomes 7). Quoting a field does not stop either in
//! Excel, which parses quoted fields alike. Fractions (the confidence) have three decimals; the JSON
//! holds the values as they are, its numbers rounded the same way.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::{json, Map, Value};

use newsprism_core::model::quote::UNSURE;

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
pub const ENTITY_COLUMNS: [&str; 12] = [
    "entity",
    "kind",
    "name",
    "country",
    "roles",
    "parent",
    "gender",
    "mentions",
    "articles",
    "aliases",
    "story",
    "corrected",
];
pub const MENTION_COLUMNS: [&str; 16] = [
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
    "story",
];
pub const QUOTE_COLUMNS: [&str; 27] = [
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
    "story",
    "corrected",
    "unsure",
    "alternatives",
];

/// The columns that hold ids, which a spreadsheet must keep as written.
const ID_COLUMNS: [&str; 6] = ["article", "source", "quote", "entity", "speaker_entity", "story"];

/// Whether a spreadsheet would read the text as a number, a date or a time rather than as text: digits
/// with only separators, signs, a percent or currency sign around them ("1-2", "2024/03/01", "007",
/// "1.5e3", "12:30", "50%"), with at most an exponent, "am"/"pm", or a month name or its first three
/// letters ("Mar-1", "1 march") for letters.
pub fn reads_as_value(text: &str) -> bool {
    let t = text.trim();
    if !t.chars().any(|c| c.is_ascii_digit())
        || !t.chars().all(|c| c.is_ascii_alphanumeric() || " .,-/:+%$".contains(c))
    {
        return false;
    }
    let letters = t.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
    letters.is_empty()
        || ["e", "a", "p", "am", "pm"].contains(&letters.as_str())
        || newsprism_core::lexis::words::is_month(&letters)
}

/// A cell's text as a spreadsheet keeps it: with a leading apostrophe when it would run as a formula,
/// or when it is an id (its `column` one of the ids') that it would read as a number or a date.
pub fn guard<'s>(column: &str, text: &'s str) -> Cow<'s, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula || (ID_COLUMNS.contains(&column) && reads_as_value(text)) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A value as a CSV cell's text: nothing for null, a fraction with three decimals.
fn cell_text(column: &str, v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => guard(column, s).into_owned(),
        Some(Value::Number(n)) if n.is_f64() => format!("{:.3}", n.as_f64().unwrap_or_default()),
        Some(other) => guard(column, &other.to_string()).into_owned(),
    }
}

/// A fraction rounded to three decimals, as the exports give it (0.987, never 0.9869999885559082).
fn three_decimals(x: f64) -> Value {
    format!("{x:.3}").parse::<f64>().map_or(Value::Null, |x| json!(x))
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
    // The story of each article (by index), and each story's place in the analysis's order.
    let story_at: HashMap<&str, usize> =
        an.stories.iter().enumerate().flat_map(|(s, st)| st.articles.iter().map(move |a| (a.as_str(), s))).collect();
    let story_of: Vec<Option<usize>> = an.articles.iter().map(|a| story_at.get(a.id.as_str()).copied()).collect();
    let story_id = |a: usize| story_of[a].map(|s| an.stories[s].id.clone());
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
            values.push(json!(story_id(unit.article)));
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
            let mut stories: Vec<usize> = shown_articles[e].iter().filter_map(|&a| story_of[a]).collect();
            stories.sort_unstable();
            stories.dedup();
            let stories: Vec<&str> = stories.iter().map(|&s| an.stories[s].id.as_str()).collect();
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
                    json!(stories.join("; ")),
                    json!(ent.corrected),
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
                three_decimals(q.confidence),
                json!(q.continues),
                json!(q.closed),
            ]);
            values.extend(offsets(a, q.start, q.end));
            let alternatives: Vec<String> = q
                .alternatives
                .iter()
                .map(|alt| format!("{} ({} %)", alt.name, (alt.probability * 100.0).round()))
                .collect();
            values.extend([
                json!(story_id(a)),
                json!(q.corrected),
                json!(s.is_some() && q.confidence < UNSURE),
                json!(alternatives.join("; ")),
            ]);
            rows.quotes.push(row(&QUOTE_COLUMNS, values));
        }
    }
    rows
}

/// A table as CSV: a byte-order mark, the header, one line per row, CRLF line ends.
fn csv_table(columns: &[&str], rows: &[Map<String, Value>]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut result = w.write_record(columns);
    for r in rows {
        if result.is_err() {
            break;
        }
        result = w.write_record(columns.iter().map(|c| cell_text(c, r.get(*c))));
    }
    let written = result.map_err(|e| e.to_string()).and_then(|()| w.into_inner().map_err(|e| e.to_string()));
    match written.and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string())) {
        Ok(text) => format!("\u{FEFF}{text}"),
        Err(e) => format!("\u{FEFF}error\r\n{}\r\n", guard("error", &e)),
    }
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
