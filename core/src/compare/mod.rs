//! Comparing the articles of a corpus: which tell one story ([`stories`]), and which quotations are one
//! utterance several outlets report ([`quotes`]). Near-linear: candidates come from inverted indexes over
//! a few features each, never from all pairs.

pub mod quotes;
pub mod stories;
