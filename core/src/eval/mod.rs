//! Evaluation against annotated data: CoNLL-format NER files, PolNeAR quote attributions, ECB+ entity
//! chains; hostile text for the scaling benchmark and the fuzzers; the analysis's invariants, checked.

pub mod calibration;
pub mod clusters;
pub mod conll;
pub mod entities;
pub mod gate;
pub mod hostile;
pub mod invariants;
pub mod ner;
pub mod person_check;
pub mod quotes;
pub mod sanity;
pub mod stories;
