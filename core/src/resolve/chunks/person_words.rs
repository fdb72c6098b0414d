//! The words of the people the corpus names, to tell a one-word person in quoted speech that the corpus
//! knows ("Klitschko" written elsewhere, or "Klistchko" one slip from it) from a speaker's capitalised word
//! that names nobody ("In the name of Heaven").

use std::collections::HashMap;

use super::key;
use crate::resolve::names::deletions;
use crate::resolve::Doc;
use crate::tag::labels::EntityType;

/// How often each word of a person chunk occurs, and every one-letter deletion of the longer words (a
/// deletion each side catches an inserted, dropped, replaced or swapped letter).
pub(super) struct PersonWords {
    counts: HashMap<u64, u32>,
    /// Deletion variant → the word it comes from, or `None` when several words share it.
    variants: HashMap<String, Option<u64>>,
}

impl PersonWords {
    pub(super) fn of(docs: &[Doc]) -> PersonWords {
        let mut words = PersonWords { counts: HashMap::new(), variants: HashMap::new() };
        for d in docs {
            for c in d.tagged.chunks.iter().filter(|c| c.ty == EntityType::Per) {
                for t in c.tokens.0..c.tokens.1 {
                    let k = key(d, t, t + 1);
                    let n = words.counts.entry(k).or_default();
                    *n += 1;
                    if *n == 1 {
                        let word = d.token_text(t).to_lowercase();
                        // A long word too: a slip that adds a letter has the word among its deletions.
                        let long = deletions(&word).next().is_some();
                        for v in deletions(&word).chain(long.then(|| word.clone())) {
                            let slot = words.variants.entry(v).or_insert(Some(k));
                            if *slot != Some(k) {
                                *slot = None;
                            }
                        }
                    }
                }
            }
        }
        words
    }

    /// Whether the corpus names a person with token `t`'s word elsewhere, or with a word one slip from it.
    pub(super) fn known_elsewhere(&self, d: &Doc, t: usize) -> bool {
        let k = key(d, t, t + 1);
        if self.counts.get(&k).is_some_and(|&n| n >= 2) {
            return true;
        }
        let word = d.token_text(t).to_lowercase();
        let slip = |v: &str| match self.variants.get(v) {
            Some(Some(source)) => *source != k,
            Some(None) => true,
            None => false,
        };
        slip(&word) || deletions(&word).any(|v| slip(&v))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::resolve::names::deletions;

    fn share_a_deletion(a: &str, b: &str) -> bool {
        let of_b: Vec<String> = deletions(b).chain(std::iter::once(b.to_string())).collect();
        deletions(a).chain(std::iter::once(a.to_string())).any(|v| of_b.contains(&v))
    }

    #[test]
    fn one_letter_slips_share_a_deletion() {
        assert!(share_a_deletion("klatovsky", "klatovksy"), "two letters swapped");
        assert!(share_a_deletion("papadakis", "papadakkis"), "a letter doubled");
        assert!(share_a_deletion("marquez", "marques"), "a letter replaced");
        assert!(!share_a_deletion("marquez", "martins"), "two names");
        assert_eq!(deletions("kova").count(), 0, "short words have no slips");
    }
}
