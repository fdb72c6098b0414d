//! The entity tagger: tokens, features, word classes, gazetteer, weights, decoding.

pub mod binary;
pub mod decode;
pub mod features;
pub mod gazetteer;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod table;
pub mod tagger;
pub mod token;
pub mod weights;
