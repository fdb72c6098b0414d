//! Abbreviations whose period belongs to the word ("Mr.", "Sept.", "Inc."): one list for the tokenizer,
//! which keeps the period on the word, and the sentence splitter, which asks whether one can end a sentence.

use crate::lexis::set::{words, Words};
use crate::lexis::words::MONTH_ABBREVIATIONS;

/// Whether an abbreviation can end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Titles and the like always have more to come: "Mr.", "Sen.", "Sept.".
    Never,
    /// "Inc.", "Jr.", "Calif.": a sentence may end there; the next word decides (see [`OPENERS`]).
    Maybe,
}

/// Besides the months ([`MONTH_ABBREVIATIONS`], capitalised: "Sept.").
const NEVER: Words = words![
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Gens", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Brig",
    "Cpl", "Pvt", "Sen", "Sens", "Rep", "Reps", "Gov", "Pres", "Rev", "Hon", "Fr", "Msgr", "Supt", "Insp", "Det",
    "Atty", "Amb", "St", "Mt", "Ft", "Ave", "Blvd", "No", "Nos", "Vol", "Fig", "pp", "vs", "v", "approx", "Dept",
    "Univ", "Gov't",
];

const MAYBE: Words = words![
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "etc", "Bros", "LLC", "Plc", "a.m", "p.m", "Calif", "Fla", "Mass", "Penn",
    "Wash", "Ariz",
];

/// Words that often open a sentence; after "U.S." or "Inc." they signal a boundary.
pub const OPENERS: Words = words![
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "So",
    "Yet",
    "Still",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Officials",
    "According",
    "Last",
    "Earlier",
    "Later",
    "Now",
];

/// The abbreviation `word` (without its period) and whether it can end a sentence; `None` for other words.
pub fn abbreviation(word: &str) -> Option<Ending> {
    if NEVER.has_exact(word) || MONTH_ABBREVIATIONS.has_capitalised(word) {
        Some(Ending::Never)
    } else if MAYBE.has_exact(word) {
        Some(Ending::Maybe)
    } else {
        None
    }
}
