//! How the corpus writes each word: capitalised or lowercase in running prose (sentence starts and
//! headlines aside), and outside quoted speech or only inside it; with the tagger's lexicon where the corpus
//! is silent. A chunk's edge word is glue when it is usually lowercase.

use std::collections::HashMap;

use super::capitalised;
use crate::resolve::Doc;
use crate::tag::hash;
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};

/// Whether a word is written lowercase in ordinary prose: the corpus says so (more lowercase than
/// capitalised uses away from sentence starts), or, with no capitalised use in the corpus, the tagger's
/// lexicon does.
pub(super) struct Casing<'l> {
    /// Lowercase word → its uses in running prose.
    pub(super) counts: HashMap<u64, Uses>,
    pub(super) lexicon: &'l Lexicon,
}

impl Casing<'_> {
    pub(super) fn usually_lowercase(&self, word: &str) -> bool {
        self.lowercase_by(word, false)
    }

    /// [`Casing::usually_lowercase`], a plural that neither the prose nor the lexicon knows read as its
    /// singular ("Convoys" in a post, "convoy" in the prose): for the words of a chunk already found
    /// unreliable (in prose, a surname such as "Childs" stays a name).
    pub(super) fn usually_lowercase_or_plural(&self, word: &str) -> bool {
        self.lowercase_by(word, true)
    }

    fn lowercase_by(&self, word: &str, plural: bool) -> bool {
        if !word.chars().next().is_some_and(char::is_alphabetic) {
            return false;
        }
        let lower = word.to_lowercase();
        let singular = plural.then(|| singular(&lower)).flatten();
        let (cap, low) = self.uses(&lower, singular.as_deref());
        if cap + low > 0 {
            return low > cap;
        }
        self.lexicon_cap(&lower, singular.as_deref()).is_some_and(|cap| cap <= 1)
    }

    /// The corpus's (capitalised, lowercase) uses of a lowercase word in prose, or, when the writer never
    /// writes it outside quoted speech, those of `singular` when given.
    fn uses(&self, lower: &str, singular: Option<&str>) -> (u32, u32) {
        let of = |w: &str| self.counts.get(&hash::str(w)).copied().unwrap_or_default();
        let own = of(lower);
        let uses = match singular {
            Some(s) if own.outside_speech == 0 => of(s),
            _ => own,
        };
        (uses.capitalised, uses.lowercase)
    }

    /// The lexicon's capitalisation bucket of a lowercase word, or with none, of `singular` when given.
    fn lexicon_cap(&self, lower: &str, singular: Option<&str>) -> Option<u8> {
        let known = |w: &str| self.lexicon.get(w).map(|c| c.cap).filter(|&c| c != CAP_UNKNOWN);
        known(lower).or_else(|| singular.and_then(known))
    }
}

/// The singular of a regular English plural ("convoys", "policies"), or `None` when the word does not
/// read as one ("press", "status", "bus").
fn singular(lower: &str) -> Option<String> {
    if lower.chars().count() < 4 || ["ss", "us", "is", "'s", "’s"].iter().any(|e| lower.ends_with(e)) {
        return None;
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    lower.strip_suffix('s').map(str::to_string)
}

/// A word's uses in running prose.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Uses {
    capitalised: u32,
    lowercase: u32,
    /// Uses outside quoted speech, whose capitals are the speaker's.
    outside_speech: u32,
}

/// The uses of each word in running prose, sentence starts and headlines left out.
pub(super) fn casing_counts(docs: &[Doc], headlines: &[Vec<bool>]) -> HashMap<u64, Uses> {
    let mut counts: HashMap<u64, Uses> = HashMap::new();
    for d in docs {
        for (si, s) in d.tagged.sentences.iter().enumerate() {
            if headlines[d.index][si] {
                continue;
            }
            let mut after_start = false;
            for t in s.tokens.clone() {
                let w = d.token_text(t);
                if !w.chars().next().is_some_and(char::is_alphabetic) {
                    // Quote marks and brackets open a new start.
                    after_start &= !matches!(w, "“" | "\"" | "‘" | "(" | ":" | "—");
                    continue;
                }
                if after_start {
                    let e = counts.entry(hash::str(&w.to_lowercase())).or_default();
                    if capitalised(w) {
                        e.capitalised += 1;
                    } else {
                        e.lowercase += 1;
                    }
                    e.outside_speech += !d.in_speech(t, t + 1) as u32;
                }
                after_start = true;
            }
        }
    }
    counts
}
