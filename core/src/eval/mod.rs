//! Evaluation against annotated data: CoNLL-format NER files, PolNeAR quote attributions, ECB+ entity
//! chains; and hostile text for the scaling benchmark.

pub mod conll;
pub mod entities;
pub mod hostile;
pub mod ner;
pub mod person_check;
pub mod quotes;
pub mod sanity;
pub mod stories;
