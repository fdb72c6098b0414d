//! Pure views: each takes props and callbacks and renders; none holds analysis logic.

pub mod article;
