//! Turns the bytes of one input file into documents: plain text, JSON, or JSON Lines.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::LoadError;

/// Inputs larger than this are refused with [`LoadError::TooLarge`] (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 << 20;

/// One article as loaded, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from, as a person would name it: the path as given for a text file,
    /// the record's `source` field, or `FILE:LINE` for a record without one.
    pub source: String,
    /// The input's name as given plus, for a JSON record, `:LINE`. Used to build the article id.
    pub origin: String,
    /// The record's `title`, when the input had one.
    pub title: Option<String>,
    /// The article text, verbatim.
    pub text: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The record's `outlet` (or `publisher`): who published it, as the input says.
    pub outlet: Option<String>,
    /// The record's `id`: the article's id when the input gives one (made URL-safe and unique like any
    /// other), so an article keeps its id when it is analysed again with other articles.
    pub id: Option<String>,
}

impl Document {
    /// A document of text alone, named `origin` (its source too).
    pub fn from_text(origin: &str, text: &str) -> Document {
        Document {
            source: origin.to_string(),
            origin: origin.to_string(),
            title: None,
            text: text.to_string(),
            url: None,
            published: None,
            outlet: None,
            id: None,
        }
    }
}

/// How the bytes of an input are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file name asks for; `None` when the extension says nothing.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Checks an input's size before its bytes are read, so a front end can refuse a huge file early.
pub fn check_size(name: &str, bytes: usize) -> Result<(), LoadError> {
    if bytes > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge { name: name.to_string(), bytes, limit: MAX_INPUT_BYTES });
    }
    Ok(())
}

/// What one input gave: its documents, and the records that could not be read (each naming its line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<LoadError>,
}

/// Reads one input into documents, strictly: any bad record refuses the input (see [`load_lenient`]).
pub fn load(name: &str, bytes: &[u8]) -> Result<Vec<Document>, LoadError> {
    let loaded = load_lenient(name, bytes)?;
    match loaded.problems.into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(loaded.documents),
    }
}

/// Reads one input into documents. The format comes from the name's extension, else from the content.
///
/// A text input is one document. A JSON input is one record or an array of records; a JSON Lines
/// input is one record a line. Records are objects with a `text` field and optionally `title`
/// (or `headline`), `source`, `url`, `published` (or `date`, `publication_date`), `outlet` (or
/// `publisher`) and `id`. A record that does
/// not parse or has no text is a problem of its own, named by its line: the other records still load.
/// `Err` is for an input refused whole (empty, binary, not UTF-8, too large, malformed JSON, no records).
pub fn load_lenient(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    check_size(name, bytes.len())?;
    let text = decode(name, bytes)?;
    let format = Format::from_name(name).unwrap_or_else(|| sniff(&text));
    let loaded = match format {
        Format::Text => {
            Loaded { documents: vec![Document { text, ..Document::from_text(name, "") }], problems: Vec::new() }
        }
        Format::Json => load_json(name, &text)?,
        Format::JsonLines => load_json_lines(name, &text),
    };
    if loaded.documents.is_empty() && loaded.problems.is_empty() {
        return Err(LoadError::NoRecords { name: name.to_string() });
    }
    Ok(loaded)
}

/// Validates the bytes as text: not empty, not binary, UTF-8 (UTF-16 with a byte-order mark is converted).
fn decode(name: &str, bytes: &[u8]) -> Result<String, LoadError> {
    let empty = || LoadError::Empty { name: name.to_string() };
    if bytes.is_empty() {
        return Err(empty());
    }
    let text = if let Some(units) = utf16_units(bytes) {
        String::from_utf16(&units).map_err(|_| LoadError::Binary { name: name.to_string() })?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if looks_binary(bytes) {
            return Err(LoadError::Binary { name: name.to_string() });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => return Err(LoadError::InvalidUtf8 { name: name.to_string(), offset: e.valid_up_to() }),
        }
    };
    if text.trim().is_empty() {
        return Err(empty());
    }
    Ok(text)
}

/// The UTF-16 code units of an input that starts with a UTF-16 byte-order mark.
fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    let (rest, big_endian) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, false),
        [0xFE, 0xFF, rest @ ..] => (rest, true),
        _ => return None,
    };
    let units = rest
        .chunks_exact(2)
        .map(|c| if big_endian { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
        .collect();
    Some(units)
}

/// True when the first 8 KiB hold a NUL byte or more than 10 % control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    controls * 10 > head.len()
}

/// Guesses the format of an input whose name has no telling extension.
fn sniff(text: &str) -> Format {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    if trimmed.starts_with('{') {
        let lines = trimmed.lines().filter(|l| !l.trim().is_empty()).take(2).count();
        let one_record = serde_json::from_str::<&RawValue>(trimmed).is_ok();
        return if lines > 1 && !one_record { Format::JsonLines } else { Format::Json };
    }
    Format::Text
}

/// The fields of a record we read; the rest are ignored.
#[derive(Deserialize)]
struct Record {
    text: Option<serde_json::Value>,
    #[serde(alias = "headline")]
    title: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    #[serde(alias = "date", alias = "publication_date")]
    published: Option<serde_json::Value>,
    #[serde(alias = "publisher")]
    outlet: Option<serde_json::Value>,
    id: Option<serde_json::Value>,
}

fn load_json(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let malformed = |e: serde_json::Error| LoadError::MalformedJson {
        name: name.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    let trimmed = text.trim_start();
    let raws: Vec<&RawValue> = if trimmed.starts_with('[') {
        serde_json::from_str(text).map_err(malformed)?
    } else {
        vec![serde_json::from_str(text).map_err(malformed)?]
    };
    let mut loaded = Loaded::default();
    for raw in raws {
        let line = line_of(text, raw.get());
        let record = serde_json::from_str::<Record>(raw.get()).map_err(|e| LoadError::MalformedJson {
            name: name.to_string(),
            line: line + e.line() - 1,
            column: e.column(),
            message: strip_position(&e.to_string()),
        });
        match record.and_then(|r| document(name, line, r)) {
            Ok(d) => loaded.documents.push(d),
            Err(e) => loaded.problems.push(e),
        }
    }
    Ok(loaded)
}

fn load_json_lines(name: &str, text: &str) -> Loaded {
    load_lines(name, text, 1)
}

/// JSON Lines records of the input `name` whose first line is line `first_line` (1-based) of that input:
/// a part of a larger file, read as [`load_lenient`] reads a whole one (a record a line, blank lines
/// skipped, each bad record a problem naming its line).
pub fn load_lines(name: &str, text: &str, first_line: usize) -> Loaded {
    let mut loaded = Loaded::default();
    for (i, line_text) in text.lines().enumerate() {
        let line = first_line + i;
        if line_text.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str::<Record>(line_text).map_err(|e| LoadError::MalformedJson {
            name: name.to_string(),
            line,
            column: e.column(),
            message: strip_position(&e.to_string()),
        });
        match record.and_then(|r| document(name, line, r)) {
            Ok(d) => loaded.documents.push(d),
            Err(e) => loaded.problems.push(e),
        }
    }
    loaded
}

fn document(name: &str, line: usize, record: Record) -> Result<Document, LoadError> {
    let text = match record.text {
        Some(serde_json::Value::String(t)) if !t.trim().is_empty() => t,
        _ => return Err(LoadError::MissingText { name: name.to_string(), line }),
    };
    let origin = format!("{name}:{line}");
    Ok(Document {
        source: string_field(record.source).unwrap_or_else(|| origin.clone()),
        origin,
        title: string_field(record.title),
        text,
        url: string_field(record.url),
        published: string_field(record.published),
        outlet: string_field(record.outlet),
        id: string_field(record.id),
    })
}

/// A non-empty string field, trimmed; numbers are accepted as their decimal text.
fn string_field(value: Option<serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The 1-based line at which `part`, a slice of `whole`, starts.
fn line_of(whole: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize).min(whole.len());
    whole.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// serde_json appends " at line L column C" to its messages; we report those as fields.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests;
