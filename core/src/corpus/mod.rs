//! Input formats: how bytes become documents.

pub mod input;
pub mod polnear;
