//! Token-sequence gazetteers: where known forms (country names, demonyms, capitals, seats of power,
//! organization aliases) occur in a sentence, longest match first, for the tagger's features and the resolver.

use std::sync::OnceLock;

use crate::lexis::countries::Countries;
use crate::lexis::orgs::known as known_orgs;
use crate::span::Span;
use crate::tag::features::word_key;
use crate::tag::hash::mix;
use crate::tag::table::HashIndex;
use crate::tag::token;

/// The longest form, in tokens.
const MAX_TOKENS: usize = 8;

/// Known multi-token forms, each with a small kind code (1..=15) and a payload (what the form names).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    index: HashIndex,
    kinds: Vec<u8>,
    payloads: Vec<u32>,
    hashes: Vec<u64>,
}

/// One match of a form in a sentence: tokens `start..start + len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub len: usize,
    pub kind: u8,
    pub payload: u32,
}

fn seq_step(h: u64, word: u64) -> u64 {
    mix(h.rotate_left(7) ^ word)
}

impl Gazetteer {
    /// Builds a gazetteer from `(form, kind)` pairs; each form is tokenised as text would be. Forms in
    /// capitals are added too, so headlines written in capitals still match.
    pub fn new<'a>(forms: impl IntoIterator<Item = (&'a str, u8)>) -> Gazetteer {
        let mut g = Gazetteer::default();
        for (form, kind) in forms {
            g.add(form, kind, 0);
            g.add(&form.to_uppercase(), kind, 0);
        }
        g
    }

    /// Adds one form (exactly as written) naming `payload`; the first form added for a token sequence wins.
    pub fn add(&mut self, form: &str, kind: u8, payload: u32) {
        let mut toks = Vec::new();
        token::tokenize(form, Span::new(0, form.len()), &mut toks);
        if toks.is_empty() || toks.len() > MAX_TOKENS {
            return;
        }
        if (self.kinds.len() + 1) * 2 > self.index.capacity() {
            self.rebuild((self.kinds.len() + 1) * 2);
        }
        let h = toks.iter().fold(0u64, |h, t| seq_step(h, word_key(t.text(form))));
        if self.index.insert(h, self.kinds.len() as u32) {
            self.kinds.push(kind);
            self.payloads.push(payload);
            self.hashes.push(h);
        }
    }

    fn rebuild(&mut self, n: usize) {
        let mut index = HashIndex::with_capacity(n);
        for (i, &h) in self.hashes.iter().enumerate() {
            index.insert(h, i as u32);
        }
        self.index = index;
    }

    /// The form that is exactly this sequence of word keys, as `(kind, payload)`.
    pub fn lookup(&self, words: &[u64]) -> Option<(u8, u32)> {
        if words.is_empty() || words.len() > MAX_TOKENS {
            return None;
        }
        let h = words.iter().fold(0u64, |h, &w| seq_step(h, w));
        self.index.get(h).map(|k| (self.kinds[k as usize], self.payloads[k as usize]))
    }

    /// Every non-overlapping match in a sentence of word keys, longest first from left to right.
    pub fn matches(&self, words: &[u64]) -> Vec<Match> {
        let mut out = Vec::new();
        self.each_match(words, |m| out.push(m));
        out
    }

    /// Calls `f` with each match of [`Gazetteer::matches`], without collecting them.
    pub fn each_match(&self, words: &[u64], mut f: impl FnMut(Match)) {
        if self.kinds.is_empty() {
            return;
        }
        let mut i = 0;
        while i < words.len() {
            let mut h = 0u64;
            let mut best: Option<Match> = None;
            for (j, &w) in words[i..words.len().min(i + MAX_TOKENS)].iter().enumerate() {
                h = seq_step(h, w);
                if let Some(k) = self.index.get(h) {
                    let k = k as usize;
                    best = Some(Match { start: i, len: j + 1, kind: self.kinds[k], payload: self.payloads[k] });
                }
            }
            match best {
                Some(m) => {
                    f(m);
                    i += m.len;
                }
                None => i += 1,
            }
        }
    }

    /// Calls `mark(i, code)` for each token inside a match, with `code = kind * 4 + part`
    /// (part 0 begin, 1 inside, 2 last, 3 a one-token match). Matches do not overlap; the longest wins.
    pub fn mark(&self, words: &[u64], mut mark: impl FnMut(usize, u8)) {
        self.each_match(words, |m| {
            for k in 0..m.len {
                let part = if m.len == 1 {
                    3
                } else if k == 0 {
                    0
                } else if k + 1 == m.len {
                    2
                } else {
                    1
                };
                mark(m.start + k, m.kind * 4 + part);
            }
        });
    }
}

/// Every form of the country table, exact case, its payload the form's index in [`Countries::forms`];
/// built once. Where two countries share a form, the sovereign state's wins.
pub fn country_forms() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let table = Countries::builtin();
        let mut g = Gazetteer::default();
        for i in table.forms_sovereign_first() {
            g.add(&table.forms[i].text, table.forms[i].kind.code(), i as u32);
        }
        g
    })
}

/// The tagger's country gazetteer: every form of the country table, in its case and in capitals, coded
/// by its kind.
pub fn tagger_gazetteer() -> Gazetteer {
    let table = Countries::builtin();
    Gazetteer::new(table.forms.iter().map(|f| (f.text.as_str(), f.kind.code())))
}

/// Every name and alias of the reviewed organization table ([`crate::lexis::orgs`]), exact case, its
/// payload the table's row; built once.
pub fn org_forms() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let mut g = Gazetteer::default();
        for (i, org) in known_orgs().iter().enumerate() {
            g.add(&org.name, 1, i as u32);
            for a in &org.aliases {
                g.add(a, 1, i as u32);
            }
        }
        g
    })
}
