//! What the fuzz targets run, and the invariants they assert beyond "no panic".
//!
//! - `loader`: the first byte chooses the input's name (`fuzz.txt`, `fuzz.json`, `fuzz.jsonl`, `fuzz`), the
//!   rest are its bytes. A load either gives documents that keep what they promise (non-blank text, the input
//!   verbatim for a text file, an origin naming the input and a line of it) or an error that names the input;
//!   the lenient load refuses alike, or gives the same documents and each unreadable record as such an error.
//! - `analysis`: the first byte chooses up to three names (two bits each), the rest is split at `0xFF` bytes
//!   (never part of UTF-8 text) into one to three inputs; the analysis must list exactly the documents the
//!   lenient loader gives, in order, each text once, and input by input the loader's errors and problems and a
//!   `duplicate` error for each text loaded again, and keep every promise of
//!   `newsprism_core::eval::invariants::check` (spans on char boundaries that round-trip, indices that exist).

use newsprism_core::eval::invariants;
use newsprism_core::{analyze_inputs, load, load_lenient, Document, Input, LoadError};

/// The names the first byte chooses among: each format by extension, and one to sniff.
pub const NAMES: [&str; 4] = ["fuzz.txt", "fuzz.json", "fuzz.jsonl", "fuzz"];

/// The separator between the analysis target's inputs: never a byte of UTF-8 text.
pub const SEPARATOR: u8 = 0xFF;

/// The name the loader target gives `data`'s bytes, and those bytes.
pub fn loader_input(data: &[u8]) -> (&'static str, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (NAMES[(*first & 3) as usize], rest),
        None => (NAMES[0], data),
    }
}

/// The analysis target's inputs: names from the first byte (distinct stems, the third sharing the first's so ids
/// must be made unique), bytes split at [`SEPARATOR`] into at most three (the last keeps any further separator).
pub fn split(data: &[u8]) -> Vec<(String, &[u8])> {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    rest.splitn(3, |b| *b == SEPARATOR)
        .enumerate()
        .map(|(k, bytes)| {
            let ext = NAMES[((first >> (2 * k)) & 3) as usize].trim_start_matches("fuzz");
            (format!("{}{ext}", ["a", "b", "a"][k]), bytes)
        })
        .collect()
}

/// The loader target.
pub fn loader(data: &[u8]) {
    let (name, bytes) = loader_input(data);
    let strict = load(name, bytes);
    check_load(name, bytes, &strict);
    // The lenient load: the same refusal, or the same documents and the records it could not read.
    match load_lenient(name, bytes) {
        Err(e) => assert_eq!(strict, Err(e), "both loads refuse an input alike"),
        Ok(loaded) => {
            assert!(!loaded.documents.is_empty() || !loaded.problems.is_empty(), "a load gives something");
            if !loaded.documents.is_empty() {
                check_load(name, bytes, &Ok(loaded.documents.clone()));
            }
            for p in &loaded.problems {
                check_load(name, bytes, &Err(p.clone()));
            }
            match loaded.problems.first() {
                None => assert_eq!(strict, Ok(loaded.documents), "without problems, both loads agree"),
                Some(p) => assert_eq!(strict.as_ref(), Err(p), "the strict load refuses at the first problem"),
            }
        }
    }
}

/// The analysis target.
pub fn analysis(data: &[u8]) {
    let inputs = split(data);
    // What the analysis must list, worked out here: every input loaded leniently (a bad record is a problem of
    // its own), a document whose trimmed text came before is a duplicate, reported after its input's problems.
    let mut docs: Vec<Document> = Vec::new();
    let mut errors: Vec<(String, &str)> = Vec::new();
    for (name, bytes) in &inputs {
        match load_lenient(name, bytes) {
            Ok(loaded) => {
                for p in &loaded.problems {
                    assert_eq!(p.name(), name, "a problem names its input");
                    errors.push((p.name().to_string(), p.code()));
                }
                for d in loaded.documents {
                    if docs.iter().any(|k| k.text.trim() == d.text.trim()) {
                        errors.push((d.origin.clone(), "duplicate"));
                    } else {
                        docs.push(d);
                    }
                }
            }
            Err(e) => errors.push((e.name().to_string(), e.code())),
        }
    }
    let given: Vec<Input> = inputs.iter().map(|(name, bytes)| Input::bytes(name, bytes)).collect();
    let mut last = 0.0f32;
    let a = analyze_inputs(&given, &mut |p| {
        assert!(p.fraction >= last && p.fraction <= 1.0, "progress went from {last} to {}", p.fraction);
        last = p.fraction;
    });
    let texts: Vec<&str> = a.articles.iter().map(|x| x.text.as_str()).collect();
    let expected: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, expected, "the articles are the loaded documents, in order, each text once");
    let codes: Vec<(&str, &str)> = a.errors.iter().map(|e| (e.input.as_str(), e.code.as_str())).collect();
    let expected: Vec<(&str, &str)> = errors.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    assert_eq!(codes, expected, "the errors are the loader's problems and the duplicates");
    let problems = invariants::check(&a);
    assert!(problems.is_empty(), "broken invariants:\n{}", problems.join("\n"));
    assert!(serde_json::to_string(&a).is_ok(), "the analysis serialises");
}

/// What a load must keep, whichever way it went.
pub fn check_load(name: &str, bytes: &[u8], loaded: &Result<Vec<Document>, LoadError>) {
    // Lines as counted in the bytes: a UTF-16 input has as many or fewer once decoded.
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match loaded {
        Ok(docs) => {
            assert!(!docs.is_empty(), "a successful load gives at least one document");
            for d in docs {
                assert!(!d.text.trim().is_empty(), "a document's text is never blank");
                assert!(!d.source.trim().is_empty(), "a document has a source");
                for field in [&d.title, &d.url, &d.published].into_iter().flatten() {
                    assert!(!field.is_empty() && field.trim() == field, "fields are trimmed, never empty: {field:?}");
                }
                if name.ends_with(".txt") {
                    assert_eq!(d.origin, name);
                    if !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
                        let verbatim = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                        assert_eq!(d.text.as_bytes(), verbatim, "a text file loads verbatim");
                    }
                } else if d.origin != name {
                    let line = d.origin.strip_prefix(name).and_then(|l| l.strip_prefix(':'));
                    let line: usize = line.and_then(|l| l.parse().ok()).expect("origin NAME:LINE");
                    assert!((1..=lines).contains(&line), "line {line} of {lines}");
                }
            }
        }
        Err(e) => {
            assert_eq!(e.name(), name, "an error names its input");
            assert!(e.to_string().starts_with(name), "the message starts with the name: {e}");
            match e {
                LoadError::MalformedJson { line, .. } | LoadError::MissingText { line, .. } => {
                    assert!((1..=lines).contains(line), "line {line} of {lines}");
                }
                LoadError::InvalidUtf8 { offset, .. } => assert!(*offset < bytes.len()),
                _ => {}
            }
        }
    }
}
