//! PolNeAR records (JSON Lines of articles with annotated attributions), as evaluation and training read them.

use serde::Deserialize;

use crate::error::DataError;
use crate::span::Span;

/// One article and its annotated attributions.
#[derive(Deserialize)]
pub struct Record {
    #[serde(default)]
    pub article: String,
    pub text: String,
    #[serde(default)]
    pub attributions: Vec<Attribution>,
}

/// One attribution: who (source), by which words (cue), said what (content).
#[derive(Deserialize)]
pub struct Attribution {
    #[serde(default)]
    pub source: Vec<Part>,
    #[serde(default)]
    pub content: Vec<Part>,
    #[serde(default)]
    pub content_has_quote_marks: bool,
}

/// A span in characters (Python code points), as PolNeAR counts.
#[derive(Deserialize)]
pub struct Part {
    pub start: usize,
    pub end: usize,
}

/// Converts character offsets (Python code points, as annotated data counts) to byte spans of a text.
pub struct Offsets(Vec<usize>);

impl Offsets {
    pub fn new(text: &str) -> Offsets {
        let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        v.push(text.len());
        Offsets(v)
    }

    /// The byte span of a part (clamped to the text).
    pub fn span(&self, p: &Part) -> Span {
        self.span_of(p.start, p.end)
    }

    /// The byte span of characters `start..end` (clamped to the text).
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let last = self.0.len() - 1;
        Span::new(self.0[start.min(last)], self.0[end.min(last)])
    }
}

/// Reads the records of a JSON Lines text; `Err` names the line that does not parse.
pub fn records(jsonl: &str) -> impl Iterator<Item = Result<(usize, Record), DataError>> + '_ {
    jsonl.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, line)| {
        serde_json::from_str::<Record>(line)
            .map(|r| (i + 1, r))
            .map_err(|e| DataError::BadRecord { line: i + 1, message: e.to_string() })
    })
}
