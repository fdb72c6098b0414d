//! The entity tagger: tokens, features, word classes, gazetteers, weights, decoding, and an article's tagged
//! view ([`article`]) that the resolver and the attributor share.

pub mod article;
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
