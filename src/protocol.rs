//! Messages between the page and the analysis worker, typed on both sides and carried as JavaScript
//! values by serde-wasm-bindgen (bytes as `Uint8Array`). The page sends a [`Request`]; the worker answers
//! [`Reply::Ready`] once when it can take requests (messages sent before that would be lost), then for each
//! analysis any number of [`Reply::Progress`] and one [`Reply::Done`] or [`Reply::Failed`] naming its id.
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

/// One input as the page hands it over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub name: String,
    pub content: Content,
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
            content: match &self.content {
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
    /// The analysis as JSON bytes (one `Uint8Array`: cheaper to post and to read than a tree of objects).
    /// A large one comes with its articles, quotes and entities in `parts`, which the page reads one per
    /// task so that it answers in between.
    Done {
        id: u32,
        #[serde(with = "serde_bytes")]
        json: Vec<u8>,
        millis: f64,
        /// The view saved in an opened analysis file (a link's query string).
        #[serde(default)]
        view: Option<String>,
        #[serde(default)]
        parts: Vec<Part>,
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

/// A slice of a large analysis: a JSON array of some of its `articles`, `quotes` or `entities`, in order.
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
}

/// Analyses with more articles than this are sent in parts.
pub const PARTS_FROM: usize = 2_000;

/// An analysis as the worker sends it: all in `json`, or (from [`PARTS_FROM`] articles) the small fields
/// in `json` and the articles, quotes and entities in parts of a few megabytes each.
pub fn encode(a: &newsprism_core::Analysis) -> Result<(Vec<u8>, Vec<Part>), serde_json::Error> {
    if a.articles.len() < PARTS_FROM {
        return Ok((serde_json::to_vec(a)?, Vec::new()));
    }
    let head = newsprism_core::Analysis {
        articles: Vec::new(),
        quotes: Vec::new(),
        entities: Vec::new(),
        speakers: a.speakers.clone(),
        stories: a.stories.clone(),
        quote_clusters: a.quote_clusters.clone(),
        errors: a.errors.clone(),
        corrections: a.corrections.clone(),
    };
    let mut parts = Vec::new();
    for chunk in a.articles.chunks(500) {
        parts.push(Part { field: PartField::Articles, json: serde_json::to_vec(chunk)? });
    }
    for chunk in a.quotes.chunks(4_000) {
        parts.push(Part { field: PartField::Quotes, json: serde_json::to_vec(chunk)? });
    }
    for chunk in a.entities.chunks(250) {
        parts.push(Part { field: PartField::Entities, json: serde_json::to_vec(chunk)? });
    }
    Ok((serde_json::to_vec(&head)?, parts))
}

/// Adds a part to an analysis being put together.
pub fn decode_part(a: &mut newsprism_core::Analysis, part: &Part) -> Result<(), serde_json::Error> {
    match part.field {
        PartField::Articles => {
            a.articles.extend(serde_json::from_slice::<Vec<newsprism_core::model::Article>>(&part.json)?)
        }
        PartField::Quotes => a.quotes.extend(serde_json::from_slice::<Vec<newsprism_core::model::Quote>>(&part.json)?),
        PartField::Entities => {
            a.entities.extend(serde_json::from_slice::<Vec<newsprism_core::model::Entity>>(&part.json)?)
        }
    }
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
    fn a_large_analysis_goes_in_parts_and_comes_back_whole() {
        let one = crate::builtin::analysis();
        let mut a = one.clone();
        while a.articles.len() < PARTS_FROM {
            a.articles.extend(one.articles.iter().cloned());
            a.quotes.extend(one.quotes.iter().cloned());
        }
        let (head, parts) = encode(&a).expect("encodes");
        assert!(parts.len() > 4, "{} parts", parts.len());
        let mut back: newsprism_core::Analysis = serde_json::from_slice(&head).expect("head");
        for p in &parts {
            decode_part(&mut back, p).expect("part");
        }
        assert_eq!(back, a);
        let (whole, none) = encode(&one).expect("encodes");
        assert!(none.is_empty());
        assert_eq!(serde_json::from_slice::<newsprism_core::Analysis>(&whole).expect("whole"), one);
    }
}
