//! Messages between the page and the analysis worker, typed on both sides and carried as JavaScript
//! values by serde-wasm-bindgen (bytes as `Uint8Array`). The page sends a [`Request`]; the worker answers
//! [`Reply::Ready`] once when it can take requests (messages sent before that would be lost), then for each
//! analysis any number of [`Reply::Progress`], its [`Reply::Part`]s (the analysis in slices of about
//! [`PART_BYTES`] of JSON, each a message and so a task of its own on the page) and one [`Reply::Done`]
//! (the small rest, and how many parts came), or one [`Reply::Failed`], naming its id.
//! The worker keeps its last analysis, so the page can ask it for an export ([`Export`]) of a view, answered
//! by one [`Reply::Exported`] or [`Reply::ExportFailed`]: the heavy work stays off the page's thread.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Analyse these inputs; replies carry `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub inputs: Vec<Input>,
}

/// Export a view of the analysis `analysis` (the id of the request that made it) as a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub id: u32,
    pub analysis: u32,
    /// The view as its query string (`View::to_query`).
    pub view: String,
    pub what: crate::export::Export,
    /// Local date and time for the file name ("2026-11-23 22:03").
    pub when: String,
}

/// A message to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    Analyse(Request),
    Export(Export),
}

/// One input as the page hands it over (its content shared with the page's store: sending it copies the
/// bytes once, into the message).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub name: String,
    pub content: std::rc::Rc<Content>,
}

/// What the page has of an input: its bytes, or why it has none (the core words the refusal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    Bytes {
        #[serde(with = "serde_bytes")]
        bytes: Vec<u8>,
    },
    /// Over the size limit: the file was not read.
    Oversized { size: usize },
    /// A large analysis file, handed to the worker as the browser's `File` (no copy on the page's
    /// thread); the worker reads it. The `File`s travel beside the message, as its `files` array in the
    /// order of the inputs that have one.
    File {
        #[serde(skip)]
        file: JsValue,
        size: usize,
    },
    /// The browser could not read the file.
    Unreadable { reason: String },
}

impl Input {
    /// The core's view of this input.
    pub fn to_core(&self) -> newsprism_core::Input<'_> {
        newsprism_core::Input {
            name: &self.name,
            content: match &*self.content {
                Content::Bytes { bytes } => newsprism_core::Content::Bytes(bytes),
                Content::Oversized { size } => newsprism_core::Content::Oversized(*size),
                Content::Unreadable { reason } => newsprism_core::Content::Unreadable(reason),
                // The worker reads a file before analysing; one left unread cannot be analysed.
                Content::File { size, .. } => newsprism_core::Content::Oversized(*size),
            },
        }
    }
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reply {
    Ready,
    Progress {
        id: u32,
        fraction: f32,
        stage: String,
    },
    /// A slice of the analysis (see [`Part`]), sent before its [`Reply::Done`]: the page reads each one as it
    /// arrives, in the task of its message, while the worker writes the next.
    Part {
        id: u32,
        part: Part,
    },
    /// The analysis is complete: `json` holds what no part carried (an [`Analysis`] whose lists sent in
    /// parts are empty), `parts` how many parts were sent before it.
    ///
    /// [`Analysis`]: newsprism_core::Analysis
    Done {
        id: u32,
        #[serde(with = "serde_bytes")]
        json: Vec<u8>,
        millis: f64,
        /// The view saved in an opened analysis file (a link's query string).
        #[serde(default)]
        view: Option<String>,
        #[serde(default)]
        parts: u32,
    },
    Failed {
        id: u32,
        message: String,
    },
    /// An export's file. The message also carries the file as a `blob` property (a `Blob` made in the
    /// worker: passing it to the page copies nothing), which the page reads without going through Rust.
    Exported {
        id: u32,
        name: String,
        mime: String,
    },
    /// The worker has no analysis with that id (it was replaced): the page exports on its own thread.
    ExportFailed {
        id: u32,
        message: String,
    },
}

/// A slice of an analysis: a JSON array of some of its `articles`, `quotes`, `entities`, `speakers`,
/// `stories` or `quote_clusters`, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub field: PartField,
    #[serde(with = "serde_bytes")]
    pub json: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartField {
    Articles,
    Quotes,
    Entities,
    Speakers,
    Stories,
    QuoteClusters,
}

/// About this much JSON per part (a few milliseconds to read on the page's thread); one item larger than
/// this (an entity with thousands of mentions) is a part of its own.
pub const PART_BYTES: usize = 256 << 10;

/// Writes `items` as JSON arrays of about `budget` bytes each, handing each to `emit`.
fn slice<T: Serialize>(
    items: &[T],
    field: PartField,
    budget: usize,
    emit: &mut dyn FnMut(Part),
) -> Result<(), serde_json::Error> {
    let mut json = Vec::with_capacity(budget + budget / 4);
    for item in items {
        json.push(if json.is_empty() { b'[' } else { b',' });
        serde_json::to_writer(&mut json, item)?;
        if json.len() >= budget {
            json.push(b']');
            emit(Part { field, json: std::mem::replace(&mut json, Vec::with_capacity(budget + budget / 4)) });
        }
    }
    if !json.is_empty() {
        json.push(b']');
        emit(Part { field, json });
    }
    Ok(())
}

/// An analysis as the worker sends it: every long list in parts of about `budget` bytes, handed to `emit`
/// as they are written (so the page reads one while the worker writes the next); returns the rest (the
/// errors and corrections, with the lists empty) as JSON, and how many parts there were.
pub fn encode(
    a: &newsprism_core::Analysis,
    budget: usize,
    emit: &mut dyn FnMut(Part),
) -> Result<(Vec<u8>, u32), serde_json::Error> {
    let mut n = 0u32;
    let mut count = |p: Part| {
        n += 1;
        emit(p)
    };
    slice(&a.articles, PartField::Articles, budget, &mut count)?;
    slice(&a.quotes, PartField::Quotes, budget, &mut count)?;
    slice(&a.entities, PartField::Entities, budget, &mut count)?;
    slice(&a.speakers, PartField::Speakers, budget, &mut count)?;
    slice(&a.stories, PartField::Stories, budget, &mut count)?;
    slice(&a.quote_clusters, PartField::QuoteClusters, budget, &mut count)?;
    let head = newsprism_core::Analysis {
        articles: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
        speakers: Vec::new(),
        stories: Vec::new(),
        quote_clusters: Vec::new(),
        errors: a.errors.clone(),
        corrections: a.corrections.clone(),
    };
    Ok((serde_json::to_vec(&head)?, n))
}

/// Adds a part to an analysis being put together (the parts in the order they were sent).
pub fn decode_part(a: &mut newsprism_core::Analysis, part: &Part) -> Result<(), serde_json::Error> {
    use serde_json::from_slice as read;
    match part.field {
        PartField::Articles => a.articles.extend(read::<Vec<_>>(&part.json)?),
        PartField::Quotes => a.quotes.extend(read::<Vec<_>>(&part.json)?),
        PartField::Entities => a.entities.extend(read::<Vec<_>>(&part.json)?),
        PartField::Speakers => a.speakers.extend(read::<Vec<_>>(&part.json)?),
        PartField::Stories => a.stories.extend(read::<Vec<_>>(&part.json)?),
        PartField::QuoteClusters => a.quote_clusters.extend(read::<Vec<_>>(&part.json)?),
    }
    Ok(())
}

/// Puts the rest sent with [`Reply::Done`] into an analysis built from its parts.
pub fn decode_head(a: &mut newsprism_core::Analysis, head: &[u8]) -> Result<(), serde_json::Error> {
    let rest: newsprism_core::Analysis = serde_json::from_slice(head)?;
    a.errors = rest.errors;
    a.corrections = rest.corrections;
    Ok(())
}

/// A message as a JavaScript value: objects for structs and maps, `Uint8Array` for bytes (one block to copy
/// between threads, not an array of numbers).
pub fn to_js<T: Serialize>(message: &T) -> Result<JsValue, String> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    message.serialize(&serializer).map_err(|e| e.to_string())
}

/// A message from a JavaScript value; `Err` says what did not fit.
pub fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysis_goes_in_parts_of_the_budget_and_comes_back_whole() {
        let one = crate::builtin::analysis();
        let mut a = one.clone();
        for _ in 0..3 {
            a.articles.extend(one.articles.iter().cloned());
            a.quotes.extend(one.quotes.iter().cloned());
        }
        let budget = 16 << 10;
        let mut parts = Vec::new();
        let (head, n) = encode(&a, budget, &mut |p| parts.push(p)).expect("encodes");
        assert_eq!(n as usize, parts.len());
        assert!(parts.len() > 8, "{} parts", parts.len());
        // A part passes the budget by one item at most.
        let largest_item = a.articles.iter().map(|x| serde_json::to_vec(x).map_or(0, |v| v.len())).max().unwrap_or(0);
        assert!(parts.iter().all(|p| p.json.len() <= budget + largest_item + 2));
        assert!(head.len() < 200, "the rest is small: {}", String::from_utf8_lossy(&head));
        let mut back = newsprism_core::Analysis::default();
        for p in &parts {
            decode_part(&mut back, p).expect("part");
        }
        decode_head(&mut back, &head).expect("head");
        assert_eq!(back, a);
    }
}
