//! Which common nouns can name a speaker: people and groups of people ("the official", "protesters"), an
//! organization's description ("the committee"), a document ("the lawsuit states"). Everything else
//! ("the deal", "the decision", "the embedded battery", "briefly") names no speaker, and a quote that only
//! such words could claim stays unattributed. Known by three kinds of evidence: the nouns that head
//! annotated sources in PolNeAR's training split (`core/model/source-heads.tsv`, written by `newsprism
//! train-quotes`), the word lists of roles, organizations and documents, and the shapes of agent nouns
//! ("-er", "-ist", "-ian", "-man", …).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexis::set::{words, Words};
use crate::lexis::titles::{plural_title, title_starting};
use crate::lexis::words::{DOCUMENTS, ORG_HEADS, ORG_NOUNS, SOURCE_NOUNS};

/// The committed source heads.
const HEADS: &str = include_str!("../../model/source-heads.tsv");

/// How often a noun must head an annotated source to count: fewer is chance ("the decision", "today").
const MIN_SEEN: usize = 4;

fn learned() -> &'static HashSet<&'static str> {
    static H: OnceLock<HashSet<&'static str>> = OnceLock::new();
    H.get_or_init(|| {
        HEADS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, n)| n.trim().parse::<usize>().is_ok_and(|n| n >= MIN_SEEN))
            .map(|(w, _)| w)
            .collect()
    })
}

/// What media and writings are called when they speak ("the article says", "the clip shows"), and the
/// pronouns for anyone at all ("nobody knew").
const OTHER_SPEAKERS: Words = words![
    "article",
    "articles",
    "piece",
    "clip",
    "video",
    "book",
    "column",
    "op-ed",
    "bylaws",
    "spot",
    "program",
    "programme",
    "broadcast",
    "study",
    "paper",
    "text",
    "draft",
    "resolution",
    "communique",
    "declaration",
    "manifesto",
    "proposal",
    "message",
    "note",
    "notice",
    "summary",
    "anybody",
    "anyone",
    "somebody",
    "someone",
    "nobody",
    "everyone",
    "everybody",
];

/// Endings of nouns for people who do something: "striker", "lobbyist", "historian", "immigrant",
/// "resident", "chairman", "spokesperson", "detainee". ("-er" lets "weather" through too: a wrong
/// speaker kept costs less than a right one lost.)
const AGENT_ENDINGS: &[&str] = &["er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee"];

/// Whether the folded common noun `head` can name a speaker (see the module header).
pub fn can_speak(head: &str) -> bool {
    let lower = head.to_lowercase();
    let w = lower.as_str();
    if learned().contains(w)
        || [SOURCE_NOUNS, DOCUMENTS, ORG_NOUNS, ORG_HEADS, OTHER_SPEAKERS].iter().any(|l| l.has(w))
        || title_starting(std::slice::from_ref(&lower)).is_some()
        || plural_title(w).is_some()
    {
        return true;
    }
    let singular = w.strip_suffix("men").map(|s| format!("{s}man")).or_else(|| w.strip_suffix('s').map(str::to_string));
    let singular = singular.as_deref().unwrap_or(w);
    // "-ment" names a thing ("announcement", "statement" is a document above).
    singular.len() > 4 && !singular.ends_with("ment") && AGENT_ENDINGS.iter().any(|e| singular.ends_with(e))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::can_speak;

    #[test]
    fn people_groups_bodies_and_documents_speak_and_other_things_do_not() {
        for w in [
            "official",
            "protesters",
            "committee",
            "lawsuit",
            "lobbyist",
            "historians",
            "chairmen",
            "residents",
            "nobody",
        ] {
            assert!(can_speak(w), "{w}");
        }
        for w in ["deal", "decision", "announcement", "battery", "briefly", "having", "tariffs"] {
            assert!(!can_speak(w), "{w}");
        }
    }
}
