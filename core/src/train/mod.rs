//! Training the models: the tagger (word classes from unlabelled news, then an averaged perceptron on
//! CoNLL-2003), the attribution ranker (PolNeAR) and the quotes' confidence (PolNeAR and clusters with a
//! reader's gold). Native use only (the `newsprism train-ner` command); nothing here runs in the browser.

pub mod clusters;
pub mod confidence;
pub mod perceptron;
pub mod quotes;
pub mod unlabeled;
