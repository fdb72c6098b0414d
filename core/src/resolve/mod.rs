//! From tagged mentions to the entities a reader thinks in: countries, organizations, people.

pub mod countries;
