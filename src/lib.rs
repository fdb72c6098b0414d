//! newsprism's web front end: renders the core's analysis; holds no text logic of its own.

pub mod app;
pub mod builtin;
pub mod components;
