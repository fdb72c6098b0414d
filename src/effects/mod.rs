//! Side effects, each in its own module: the analysis worker, the URL, keys, downloads, files.

pub mod analyzer;
pub mod compress;
pub mod download;
pub mod files;
pub mod keyboard;
pub mod media;
pub mod tasks;
pub mod url;
