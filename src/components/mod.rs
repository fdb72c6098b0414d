//! Pure views: each takes props and callbacks and renders; none holds analysis logic.

pub mod chart;
pub mod chips;
pub mod facet;
pub mod header;
pub mod load;
pub mod notices;
pub mod quotes;
pub mod reader;
pub mod sheet;
pub mod story;
pub mod tabs;
pub mod text;
