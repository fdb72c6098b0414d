//! Records in, the analysis out: `analyze_records` reads records as the JSON Lines input `name` (as the
//! command line reads such a file) and returns the analysis JSON; `load_file` reads one file as the
//! command line does and returns its articles as records that keep their ids and sources.

use newsprism_core::analysis::{analyze_owned, base_id, Admitted, Engine};
use newsprism_core::corpus::input::{load_lines, Format};
use newsprism_core::{Document, LoadError, MAX_INPUT_BYTES};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;

use crate::errors::load_error;

/// One article as a record, every field it has.
#[derive(Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// The record of a document under the id `id`.
    pub fn of(doc: &'a Document, id: &'a str) -> Record<'a> {
        Record {
            id,
            source: &doc.source,
            title: doc.title.as_deref(),
            text: &doc.text,
            url: doc.url.as_deref(),
            published: doc.published.as_deref(),
            outlet: doc.outlet.as_deref(),
        }
    }
}

/// Serialises to JSON; the core's types always serialise.
pub fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The analysis of the records (JSON Lines text, a record a line) read as the input `name`.
#[pyfunction]
fn analyze_records(py: Python<'_>, jsonl: String, name: String) -> PyResult<String> {
    if Format::from_name(&name) != Some(Format::JsonLines) {
        return Err(PyValueError::new_err(format!(
            "{name}: records are read as JSON Lines; the name must end in .jsonl"
        )));
    }
    Ok(py.detach(move || {
        let mut admitted = Admitted::default();
        admitted.add(Ok(load_lines(&name, &jsonl, 1)));
        drop(jsonl);
        let (docs, errors) = admitted.finish();
        json(&analyze_owned(docs, errors, Engine::builtin(), &mut |_| {}))
    }))
}

/// What the command line reads of one path: its bytes, or why not.
fn read(path: &str) -> Result<Vec<u8>, LoadError> {
    let unreadable = |reason: String| LoadError::Unreadable { name: path.to_string(), reason };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    newsprism_core::check_size(path, size)?;
    if meta.is_dir() {
        return Err(unreadable("it is a directory".into()));
    }
    debug_assert!(size <= MAX_INPUT_BYTES);
    std::fs::read(path).map_err(|e| unreadable(e.to_string()))
}

/// The articles of one file as records (JSON Lines), strictly: the first problem raises, naming the file.
#[pyfunction]
fn load_file(py: Python<'_>, path: String) -> PyResult<String> {
    let loaded = py.detach(|| -> Result<String, LoadError> {
        let bytes = read(&path)?;
        let docs = newsprism_core::load(&path, &bytes)?;
        let mut out = String::new();
        for d in &docs {
            let id = base_id(d);
            out.push_str(&json(&Record::of(d, &id)));
            out.push('\n');
        }
        Ok(out)
    });
    loaded.map_err(|e| load_error(&e))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_records, m)?)?;
    m.add_function(wrap_pyfunction!(load_file, m)?)?;
    Ok(())
}
