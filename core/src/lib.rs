//! newsprism-core: turns a cluster of news articles into structure a reader can explore.
//!
//! Layers, each importing only those above it in this list (a test checks it):
//! [`lexis`], [`span`], [`error`], [`rng`], [`groups`], [`parallel`] (word lists, spans, the load error, a seeded generator,
//! union-find, per-article work over threads) → [`model`] (the contract: what the
//! analysis hands out) → [`corpus`], [`parse`] (bytes to documents, documents to blocks, sentences and
//! quotations) → [`tag`] (tokens and entity chunks) → [`resolve`] (entities merged across the corpus) →
//! [`attribute`] (who said each quote) → [`compare`] (stories, one quote across outlets) → [`analysis`] (the pipeline and its one entry point,
//! [`analyze_inputs`]) → [`eval`], [`train`] (measuring and fitting the models) → `wasm` (the JavaScript API).
//!
//! Loading is the only step that refuses input, and it says why with a [`LoadError`]; analysis always
//! returns an [`Analysis`]. The crate does no I/O and has no web dependency unless the `wasm` feature is on.

pub mod analysis;
pub mod attribute;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod groups;
pub mod lexis;
pub mod model;
pub mod parallel;
pub mod parse;
pub mod resolve;
pub mod rng;
pub mod span;
pub mod tag;
pub mod train;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use analysis::{analyze, analyze_inputs, Content, Input, Progress, Stage};
pub use corpus::input::{check_size, load, load_lenient, Document, Loaded, MAX_INPUT_BYTES};
pub use error::LoadError;
pub use model::{Analysis, Article, Quote};
pub use span::Span;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
