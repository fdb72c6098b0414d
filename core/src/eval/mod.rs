//! Evaluation against annotated data: CoNLL-format NER files, PolNeAR quote attributions.

pub mod conll;
pub mod hostile;
pub mod ner;
pub mod quotes;
