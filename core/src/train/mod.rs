//! Training the tagger: word classes from unlabelled news, then an averaged perceptron on CoNLL-2003.
//! Native use only (the `newsprism train-ner` command); nothing here runs in the browser.

pub mod clusters;
pub mod perceptron;
pub mod quotes;
pub mod unlabeled;
