//! The one error type of the core: why an input file could not be loaded.

use std::fmt;

/// Why one input could not be turned into documents.
///
/// Every variant names the input (its file name or label as given) so a message can be
/// shown to a person without more context. Analysis itself never fails; only loading does.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// The input has no bytes, or only whitespace.
    Empty { name: String },
    /// The input is larger than [`crate::MAX_INPUT_BYTES`] (an analysis file: [`crate::analysis::open::MAX_ANALYSIS_BYTES`]).
    TooLarge { name: String, bytes: usize, limit: usize },
    /// The input could not be read at all (a missing file, a permission, a browser's read error).
    Unreadable { name: String, reason: String },
    /// The input looks like binary data (NUL bytes or many control characters).
    Binary { name: String },
    /// The input is not valid UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { name: String, offset: usize },
    /// A JSON or JSON Lines input does not parse; `line` and `column` are 1-based.
    MalformedJson { name: String, line: usize, column: usize, message: String },
    /// A JSON record has no string `text` field, or an empty one; `line` is 1-based.
    MissingText { name: String, line: usize },
    /// A JSON input parsed, but holds no records.
    NoRecords { name: String },
    /// A document whose text is already loaded (the same file picked twice, a record repeated); `name` is
    /// the input ("file.jsonl:7" for a record), `first` where the text was loaded first.
    Duplicate { name: String, first: String },
    /// An analysis file (one `newsprism analyze --format json` wrote) that does not hold together: a
    /// field missing or of the wrong type, a span outside its text, a reference to nothing.
    InvalidAnalysis { name: String, detail: String },
}

impl LoadError {
    /// The name of the input this error is about.
    pub fn name(&self) -> &str {
        match self {
            LoadError::Empty { name }
            | LoadError::TooLarge { name, .. }
            | LoadError::Unreadable { name, .. }
            | LoadError::Binary { name }
            | LoadError::InvalidUtf8 { name, .. }
            | LoadError::MalformedJson { name, .. }
            | LoadError::MissingText { name, .. }
            | LoadError::NoRecords { name }
            | LoadError::Duplicate { name, .. }
            | LoadError::InvalidAnalysis { name, .. } => name,
        }
    }

    /// A short machine-readable code for the kind of problem.
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Empty { .. } => "empty",
            LoadError::TooLarge { .. } => "too_large",
            LoadError::Unreadable { .. } => "unreadable",
            LoadError::Binary { .. } => "binary",
            LoadError::InvalidUtf8 { .. } => "invalid_utf8",
            LoadError::MalformedJson { .. } => "malformed_json",
            LoadError::MissingText { .. } => "missing_text",
            LoadError::NoRecords { .. } => "no_records",
            LoadError::Duplicate { .. } => "duplicate",
            LoadError::InvalidAnalysis { .. } => "invalid_analysis",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty { name } => write!(f, "{name}: the file is empty"),
            LoadError::TooLarge { name, bytes, limit } => write!(
                f,
                "{name}: the file is too large: {} bytes ({}), over the limit of {} bytes ({})",
                group_digits(*bytes),
                binary_size(*bytes),
                group_digits(*limit),
                binary_size(*limit)
            ),
            LoadError::Unreadable { name, reason } => write!(f, "{name}: the file could not be read ({reason})"),
            LoadError::Binary { name } => {
                write!(f, "{name}: this looks like binary data, not text")
            }
            LoadError::InvalidUtf8 { name, offset } => {
                write!(f, "{name}: the text is not valid UTF-8 (first bad byte at offset {offset})")
            }
            LoadError::MalformedJson { name, line, column, message } => {
                write!(f, "{name}: malformed JSON at line {line}, column {column}: {message}")
            }
            LoadError::MissingText { name, line } => {
                write!(f, "{name}: the record at line {line} has no \"text\" field with text in it")
            }
            LoadError::NoRecords { name } => write!(f, "{name}: the JSON holds no article records"),
            LoadError::Duplicate { name, first } => {
                write!(f, "{name}: the same text as {first} is already loaded, so it was not added again")
            }
            LoadError::InvalidAnalysis { name, detail } => {
                write!(f, "{name}: this newsprism analysis cannot be shown: {detail}")
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// 16777216 → "16,777,216".
fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in binary units, exact when it is a whole number of them: "16 MiB", "17.2 MiB", "900 KiB".
fn binary_size(n: usize) -> String {
    const UNITS: [(&str, usize); 3] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    for (unit, size) in UNITS {
        if n >= size {
            return if n.is_multiple_of(size) {
                format!("{} {unit}", n / size)
            } else {
                format!("{:.1} {unit}", n as f64 / size as f64)
            };
        }
    }
    format!("{n} bytes")
}

/// Why annotated data (a PolNeAR or ECB+ JSON Lines file) could not be used for training or evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataError {
    /// A line is not a record of the expected shape; `line` is 1-based.
    BadRecord { line: usize, message: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::BadRecord { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}
