//! Token-sequence gazetteers: marks where known forms (country names, demonyms, capitals, seats of power)
//! occur in a sentence, longest match first, for the tagger's features.

use crate::span::Span;
use crate::tag::features::word_key;
use crate::tag::hash::mix;
use crate::tag::table::HashIndex;
use crate::tag::token;

/// The longest form, in tokens.
const MAX_TOKENS: usize = 8;

/// Known multi-token forms, each with a small kind code (1..=15).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    index: HashIndex,
    kinds: Vec<u8>,
}

fn seq_step(h: u64, word: u64) -> u64 {
    mix(h.rotate_left(7) ^ word)
}

impl Gazetteer {
    /// Builds a gazetteer from `(form, kind)` pairs; each form is tokenised as text would be. Forms in
    /// capitals are added too, so headlines written in capitals still match.
    pub fn new<'a>(forms: impl IntoIterator<Item = (&'a str, u8)>) -> Gazetteer {
        let forms: Vec<(&str, u8)> = forms.into_iter().collect();
        let mut g = Gazetteer {
            index: HashIndex::with_capacity(forms.len() * 2),
            kinds: Vec::new(),
        };
        let mut toks = Vec::new();
        for (form, kind) in forms {
            for variant in [form.to_string(), form.to_uppercase()] {
                toks.clear();
                token::tokenize(&variant, Span::new(0, variant.len()), &mut toks);
                if toks.is_empty() || toks.len() > MAX_TOKENS {
                    continue;
                }
                let h = toks
                    .iter()
                    .fold(0u64, |h, t| seq_step(h, word_key(t.text(&variant))));
                if g.index.insert(h, g.kinds.len() as u32) {
                    g.kinds.push(kind);
                }
            }
        }
        g
    }

    /// Calls `mark(i, code)` for each token inside a match, with `code = kind * 4 + part`
    /// (part 0 begin, 1 inside, 2 last, 3 a one-token match). Matches do not overlap; the longest wins.
    pub fn mark(&self, words: &[u64], mut mark: impl FnMut(usize, u8)) {
        if self.kinds.is_empty() {
            return;
        }
        let mut i = 0;
        while i < words.len() {
            let mut h = 0u64;
            let mut best: Option<(usize, u8)> = None;
            for (j, &w) in words[i..words.len().min(i + MAX_TOKENS)].iter().enumerate() {
                h = seq_step(h, w);
                if let Some(k) = self.index.get(h) {
                    best = Some((j + 1, self.kinds[k as usize]));
                }
            }
            match best {
                Some((len, kind)) => {
                    for k in 0..len {
                        let part = if len == 1 {
                            3
                        } else if k == 0 {
                            0
                        } else if k + 1 == len {
                            2
                        } else {
                            1
                        };
                        mark(i + k, kind * 4 + part);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}
