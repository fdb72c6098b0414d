//! Opening an analysis written before (`newsprism analyze --format json`, or the page's own download) to
//! show it as it is, without analysing again: told apart from article inputs by its shape, read, and
//! checked so that every span, index and id in it points at something (a front end can then slice and
//! index without a check). A file that does not hold together is refused with the first problem, by name.
//!
//! The page's downloads may carry the view they were made from (`"view"`: a link's query string).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::Engine;
use crate::compare;
use crate::error::LoadError;
use crate::model::{Analysis, Article, Entity, InputError, Quote, QuoteCluster, SpeakerCount, Story};

/// The largest analysis file opened (an analysis is about five times the size of its articles' text).
pub const MAX_ANALYSIS_BYTES: usize = 512 << 20;

/// The keys of an analysis's top-level object.
const KEYS: [&str; 9] =
    ["articles", "quotes", "entities", "places", "speakers", "stories", "quote_clusters", "errors", "view"];

/// An opened analysis, and the view saved with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub analysis: Analysis,
    /// A link's query string ("speaker=…&view=quotes"), when the file carries one.
    pub view: Option<String>,
}

/// The file as written: an analysis, perhaps with a view. Fields the analysis derives from the others
/// (speakers, stories, quote clusters) are made again when a file leaves them out.
#[derive(Deserialize)]
struct Saved {
    articles: Vec<Article>,
    quotes: Vec<Quote>,
    entities: Vec<Entity>,
    /// Places, written apart from the contract's entities (see [`Analysis`]).
    #[serde(default)]
    places: Vec<Entity>,
    #[serde(default)]
    speakers: Option<Vec<SpeakerCount>>,
    #[serde(default)]
    stories: Option<Vec<Story>>,
    #[serde(default)]
    quote_clusters: Option<Vec<QuoteCluster>>,
    #[serde(default)]
    errors: Vec<InputError>,
    #[serde(default)]
    view: Option<String>,
    #[serde(default)]
    corrections: crate::model::Corrections,
}

/// Whether bytes that begin like `prefix` (the first kilobyte is plenty) are an analysis rather than
/// article records: a JSON object whose first key is one an analysis has. Records are objects keyed
/// `text`, `title` and the like, or arrays; nothing is certain until [`open`] has read it all.
pub fn looks_like_analysis(prefix: &[u8]) -> bool {
    let s = String::from_utf8_lossy(prefix);
    let s = s.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = s.strip_prefix('{') else { return false };
    let Some(rest) = rest.trim_start().strip_prefix('"') else { return false };
    KEYS.iter().any(|k| rest.strip_prefix(k).is_some_and(|r| r.starts_with('"')))
}

/// Reads and checks an analysis file named `name`.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, LoadError> {
    if bytes.len() > MAX_ANALYSIS_BYTES {
        return Err(LoadError::TooLarge { name: name.to_string(), bytes: bytes.len(), limit: MAX_ANALYSIS_BYTES });
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let saved: Saved = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            LoadError::MalformedJson {
                name: name.to_string(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        } else {
            LoadError::InvalidAnalysis { name: name.to_string(), detail: e.to_string() }
        }
    })?;
    let mut analysis = Analysis {
        articles: saved.articles,
        quotes: saved.quotes,
        entities: saved.entities.into_iter().chain(saved.places).collect(),
        speakers: Vec::new(),
        stories: Vec::new(),
        quote_clusters: Vec::new(),
        errors: saved.errors,
        corrections: saved.corrections,
    };
    check(&analysis).map_err(|detail| LoadError::InvalidAnalysis { name: name.to_string(), detail })?;
    analysis.label_speakers();
    analysis.speakers = saved.speakers.unwrap_or_else(|| compare::scope::speaker_counts(&analysis.quotes));
    analysis.quote_clusters = match saved.quote_clusters {
        Some(c) => c,
        None => compare::quotes::cluster(&analysis.articles, &analysis.quotes),
    };
    analysis.stories = match saved.stories {
        Some(s) if !s.is_empty() || analysis.articles.is_empty() => s,
        _ => {
            let profiles = super::profile::profile_articles(&analysis.articles, &analysis.quotes, Engine::builtin());
            compare::stories::find(&analysis.articles, &profiles)
        }
    };
    check_links(&analysis).map_err(|detail| LoadError::InvalidAnalysis { name: name.to_string(), detail })?;
    Ok(Opened { analysis, view: saved.view })
}

/// A span of an article's text, checked: in order, inside the text, on character boundaries.
fn span(text: &str, start: usize, end: usize, what: &dyn Fn() -> String) -> Result<(), String> {
    if start > end || end > text.len() {
        return Err(format!("{} ({start}..{end}) is outside its article's text ({} bytes)", what(), text.len()));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!("{} ({start}..{end}) cuts a character of its article's text in two", what()));
    }
    Ok(())
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, what: &str) -> Result<HashSet<&'a str>, String> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(format!("two {what} have the id “{id}”"));
        }
    }
    Ok(seen)
}

/// Articles, quotes and entities: every span inside its text, every index and article id pointing at one.
fn check(a: &Analysis) -> Result<(), String> {
    unique(a.articles.iter().map(|x| x.id.as_str()), "articles")?;
    unique(a.quotes.iter().map(|x| x.id.as_str()), "quotes")?;
    unique(a.entities.iter().map(|x| x.id.as_str()), "entities")?;
    let article: HashMap<&str, &Article> = a.articles.iter().map(|x| (x.id.as_str(), x)).collect();
    for (i, x) in a.articles.iter().enumerate() {
        let t = &x.text;
        let at = |what: &str, j: usize| format!("articles[{i}].{what}[{j}]");
        for (j, b) in x.blocks.iter().enumerate() {
            span(t, b.start, b.end, &|| at("blocks", j))?;
        }
        for (j, s) in x.paragraphs.iter().enumerate() {
            span(t, s.start, s.end, &|| at("paragraphs", j))?;
        }
        for (j, s) in x.sentences.iter().enumerate() {
            span(t, s.start, s.end, &|| at("sentences", j))?;
        }
        for (what, list) in [("captions", &x.captions), ("credits", &x.credits)] {
            for (j, s) in list.iter().enumerate() {
                span(t, s.start, s.end, &|| at(what, j))?;
            }
        }
        for (j, s) in x.boilerplate.iter().enumerate() {
            span(t, s.start, s.end, &|| at("boilerplate", j))?;
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        let Some(x) = article.get(q.article.as_str()) else {
            return Err(format!("quotes[{i}] is in article “{}”, which the file does not have", q.article));
        };
        let at = |what: &str| format!("quotes[{i}]{what}");
        span(&x.text, q.start, q.end, &|| at(""))?;
        if q.block >= x.blocks.len() {
            return Err(format!("quotes[{i}] is in block {} of an article with {}", q.block, x.blocks.len()));
        }
        if q.paragraph.is_some_and(|p| p >= x.paragraphs.len()) {
            return Err(format!("quotes[{i}] is in a paragraph its article does not have"));
        }
        if q.continues.is_some_and(|c| c >= a.quotes.len()) {
            return Err(format!("quotes[{i}] continues a quote the file does not have"));
        }
        if let Some(c) = q.cue {
            span(&x.text, c.start, c.end, &|| at(".cue"))?;
        }
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            span(&x.text, m.start, m.end, &|| at(".speaker.mention"))?;
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        for (j, m) in e.mentions.iter().enumerate() {
            let Some(x) = article.get(m.article.as_str()) else {
                return Err(format!(
                    "entities[{i}].mentions[{j}] is in article “{}”, which the file does not have",
                    m.article
                ));
            };
            span(&x.text, m.start, m.end, &|| format!("entities[{i}].mentions[{j}]"))?;
        }
    }
    Ok(())
}

/// Stories and quote clusters: every article and quote they name is in the file.
fn check_links(a: &Analysis) -> Result<(), String> {
    let articles: HashSet<&str> = a.articles.iter().map(|x| x.id.as_str()).collect();
    let quotes: HashSet<&str> = a.quotes.iter().map(|x| x.id.as_str()).collect();
    unique(a.stories.iter().map(|s| s.id.as_str()), "stories")?;
    for s in &a.stories {
        if let Some(x) = s.articles.iter().find(|x| !articles.contains(x.as_str())) {
            return Err(format!("story “{}” names article “{x}”, which the file does not have", s.id));
        }
    }
    unique(a.quote_clusters.iter().map(|c| c.id.as_str()), "quote clusters")?;
    for c in &a.quote_clusters {
        let named = c.quotes.iter().chain([&c.longest]).chain(&c.earliest);
        if let Some(q) = named.into_iter().find(|q| !quotes.contains(q.as_str())) {
            return Err(format!("quote cluster “{}” names quote “{q}”, which the file does not have", c.id));
        }
    }
    Ok(())
}

/// One article as an input record, to analyse it again with other inputs.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    text: &'a str,
    source: &'a str,
    url: Option<&'a str>,
    published: Option<&'a str>,
    outlet: Option<&'a str>,
}

/// The articles of an analysis as JSON Lines records (`title`, `text`, `source`, `url`, `published`,
/// `outlet`), so they can be analysed again together with other inputs. A headline found in the text is
/// left there rather than given twice.
pub fn as_records(a: &Analysis) -> String {
    let mut out = String::new();
    for x in &a.articles {
        let in_text = x.blocks.iter().any(|b| b.kind == crate::model::BlockKind::Headline);
        let record = Record {
            title: if in_text { None } else { x.headline.as_deref() },
            text: &x.text,
            source: &x.source,
            url: x.url.as_deref(),
            published: x.published.as_deref(),
            outlet: x.outlet.as_deref(),
        };
        if let Ok(line) = serde_json::to_string(&record) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// What the page and the command line do with a set of inputs: one analysis file alone is opened as it
/// is (with its saved view); analysis files among other inputs give their articles back as records, and
/// everything is analysed together. Every input that cannot be read is listed in `errors`.
pub fn analyze_or_open(
    inputs: &[super::Input],
    progress: &mut dyn FnMut(super::Progress),
) -> (Analysis, Option<String>) {
    let is_analysis = |i: &super::Input| matches!(i.content, super::Content::Bytes(b) if looks_like_analysis(&b[..b.len().min(1024)]));
    if !inputs.iter().any(is_analysis) {
        return (super::analyze_inputs(inputs, progress), None);
    }
    if let [super::Input { name, content: super::Content::Bytes(bytes) }] = inputs {
        return match open(name, bytes) {
            Ok(opened) => (opened.analysis, opened.view),
            Err(e) => {
                let error = InputError { input: name.to_string(), code: e.code().to_string(), message: e.to_string() };
                (Analysis { errors: vec![error], ..Analysis::default() }, None)
            }
        };
    }
    let mut errors = Vec::new();
    let mut records: Vec<(String, String)> = Vec::new();
    for i in inputs.iter().filter(|i| is_analysis(i)) {
        let super::Content::Bytes(bytes) = i.content else { continue };
        match open(i.name, bytes) {
            Ok(opened) => records.push((format!("{}.jsonl", i.name), as_records(&opened.analysis))),
            Err(e) => errors.push(InputError {
                input: i.name.to_string(),
                code: e.code().to_string(),
                message: e.to_string(),
            }),
        }
    }
    let mut all: Vec<super::Input> = inputs.iter().filter(|i| !is_analysis(i)).cloned().collect();
    all.extend(records.iter().map(|(name, text)| super::Input::text(name, text)));
    let mut analysis = super::analyze_inputs(&all, progress);
    analysis.errors.extend(errors);
    (analysis, None)
}
