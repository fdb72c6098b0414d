//! Pure views: each takes props and callbacks and renders; none holds analysis logic.

pub mod cards;
pub mod chart;
pub mod chips;
pub mod clusters;
pub mod correct;
pub mod corrections;
pub mod describe;
pub mod facet;
pub mod gaps;
pub mod header;
pub mod load;
pub mod matrix;
pub mod notices;
pub mod outlets;
pub mod quotes;
pub mod reader;
pub mod sheet;
pub mod story;
pub mod story_picker;
pub mod tabs;
pub mod text;
