//! newsprism-core: turns a cluster of news articles into structure a reader can explore.
//!
//! Loading ([`load`]) is the only fallible step; [`analyze`] always returns an [`Analysis`].
//! The crate does no I/O and has no web dependency unless the `wasm` feature is on.

pub mod analysis;
pub mod attribute;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod model;
pub mod parse;
pub mod resolve;
pub mod span;
pub mod tag;
pub mod tagged;
pub mod train;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use analysis::{analyze, analyze_inputs};
pub use corpus::input::{check_size, load, Document, MAX_INPUT_BYTES};
pub use error::LoadError;
pub use model::{Analysis, Article, Quote};
pub use span::Span;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
