//! newsprism's web front end: renders the core's analysis; holds no text logic of its own.

pub mod app;
pub mod builtin;
pub mod components;
pub mod effects;
pub mod export;
pub mod highlight;
pub mod protocol;
pub mod route;
pub mod share;
pub mod state;
pub mod store;
pub mod worker;
