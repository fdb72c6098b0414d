//! Article structure: blocks (headline, dateline, captions, credits, boilerplate, paragraphs), sentences, quotations.

pub mod layout;
pub mod outlet;
pub mod pairing;
pub mod quote;
pub mod sentence;
