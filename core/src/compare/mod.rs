//! Comparing the articles of a corpus: which tell one story ([`stories`]), which quotations are one
//! utterance several outlets report ([`quotes`]), the speaker an uncued version takes from the others
//! ([`borrow`]) and how their words differ ([`diff`]), which outlets
//! carry each name ([`gaps`]), and an analysis narrowed to one story ([`scope`]). Near-linear: candidates
//! come from inverted indexes over a few features each, never from all pairs.

pub mod borrow;
pub mod diff;
pub mod gaps;
pub mod quotes;
pub mod scope;
pub mod stories;
