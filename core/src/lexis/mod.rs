//! The bottom layer: word lists and reference tables every stage reads (abbreviations, function words,
//! reporting verbs, titles, countries, places, given names, known organizations) and text folding. Imports nothing of the crate.

pub mod abbreviations;
pub mod countries;
pub mod fold;
pub mod given_names;
pub mod orgs;
pub mod outlets;
pub mod places;
pub mod set;
pub mod titles;
pub mod verbs;
pub mod words;
