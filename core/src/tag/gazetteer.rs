//! Token-sequence gazetteers: where known forms (country names, demonyms, capitals, seats of power,
//! organization aliases, places, the people a corpus names) occur in a sentence, longest match first, for
//! the tagger's features and the resolver. Scanning is one Aho-Corasick pass over the sentence's normalised
//! words, each between two marker bytes so a match starts and ends on word boundaries; a known token
//! sequence is also looked up whole by its hash.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexis::countries::Countries;
use crate::lexis::orgs::KnownOrg;
use crate::span::Span;
use crate::tag::features::{normalise_into, word_key};
use crate::tag::hash::mix;
use crate::tag::table::HashIndex;
use crate::tag::token;

/// The longest form, in tokens.
const MAX_TOKENS: usize = 8;
const OPEN: u8 = 1;
const CLOSE: u8 = 2;

/// Words as a gazetteer scans them: each normalised word between [`OPEN`] and [`CLOSE`].
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    bytes: Vec<u8>,
    /// Where each word's [`OPEN`] is.
    starts: Vec<u32>,
}

impl Haystack {
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.starts.clear();
    }

    /// Appends a word already normalised ([`normalise_into`]).
    pub fn push(&mut self, norm: &str) {
        self.starts.push(self.bytes.len() as u32);
        self.bytes.push(OPEN);
        self.bytes.extend(norm.bytes().map(|b| if b == OPEN || b == CLOSE { b' ' } else { b }));
        self.bytes.push(CLOSE);
    }

    /// The words of some text, normalised.
    pub fn of_words<'w>(words: impl Iterator<Item = &'w str>) -> Haystack {
        let mut h = Haystack::default();
        let mut buf = String::new();
        for w in words {
            normalise_into(w, &mut buf);
            h.push(&buf);
        }
        h
    }

    /// Words `range` (a sentence of an article's words).
    pub fn words(&self, range: std::ops::Range<usize>) -> Words<'_> {
        let end = self.starts.get(range.end).map_or(self.bytes.len(), |&e| e as usize);
        let from = self.starts.get(range.start).map_or(end, |&s| s as usize);
        Words { bytes: &self.bytes[from..end], starts: &self.starts[range], base: from as u32 }
    }

    /// All its words.
    pub fn all(&self) -> Words<'_> {
        self.words(0..self.starts.len())
    }
}

/// A run of a [`Haystack`]'s words.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    bytes: &'a [u8],
    starts: &'a [u32],
    base: u32,
}

/// Known multi-token forms, each with a small kind code (1..=15) and a payload (what the form names).
#[derive(Debug, Default)]
pub struct Gazetteer {
    index: HashIndex,
    kinds: Vec<u8>,
    payloads: Vec<u32>,
    hashes: Vec<u64>,
    lens: Vec<u8>,
    patterns: Vec<Vec<u8>>,
    /// Built on the first scan after the last form was added.
    scanner: OnceLock<Option<AhoCorasick>>,
}

impl Clone for Gazetteer {
    fn clone(&self) -> Gazetteer {
        Gazetteer {
            index: self.index.clone(),
            kinds: self.kinds.clone(),
            payloads: self.payloads.clone(),
            hashes: self.hashes.clone(),
            lens: self.lens.clone(),
            patterns: self.patterns.clone(),
            scanner: OnceLock::new(),
        }
    }
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
            self.lens.push(toks.len() as u8);
            self.patterns.push(Haystack::of_words(toks.iter().map(|t| t.text(form))).bytes);
            self.scanner = OnceLock::new();
        }
    }

    fn rebuild(&mut self, n: usize) {
        let mut index = HashIndex::with_capacity(n);
        for (i, &h) in self.hashes.iter().enumerate() {
            index.insert(h, i as u32);
        }
        self.index = index;
    }

    /// How many forms it holds.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The form that is exactly this sequence of word keys ([`word_key`]), as `(kind, payload)`.
    pub fn lookup(&self, words: &[u64]) -> Option<(u8, u32)> {
        if words.is_empty() || words.len() > MAX_TOKENS || self.kinds.is_empty() {
            return None;
        }
        let h = words.iter().fold(0u64, |h, &w| seq_step(h, w));
        self.index.get(h).map(|&k| (self.kinds[k as usize], self.payloads[k as usize]))
    }

    fn scanner(&self) -> Option<&AhoCorasick> {
        self.scanner
            .get_or_init(|| {
                if self.patterns.is_empty() {
                    return None;
                }
                AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&self.patterns).ok()
            })
            .as_ref()
    }

    /// Every non-overlapping match in a run of words, longest first from left to right.
    pub fn matches(&self, words: Words) -> Vec<Match> {
        let mut out = Vec::new();
        self.each_match(words, |m| out.push(m));
        out
    }

    /// Calls `f` with each match of [`Gazetteer::matches`], without collecting them.
    pub fn each_match(&self, words: Words, mut f: impl FnMut(Match)) {
        let Some(ac) = self.scanner() else { return };
        for m in ac.find_iter(words.bytes) {
            let at = words.base + m.start() as u32;
            // Forms open with OPEN, which only opens a word: every match starts on one.
            let Ok(start) = words.starts.binary_search(&at) else { continue };
            let k = m.pattern().as_usize();
            f(Match { start, len: self.lens[k] as usize, kind: self.kinds[k], payload: self.payloads[k] });
        }
    }

    /// Calls `mark(i, code)` for each token inside a match, with `code = kind * 4 + part`
    /// (part 0 begin, 1 inside, 2 last, 3 a one-token match). Matches do not overlap; the longest wins.
    pub fn mark(&self, words: &Haystack, mut mark: impl FnMut(usize, u8)) {
        self.each_match(words.all(), |m| {
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

/// Every form of the country table, exact case, its payload the form's index in [`Countries::forms`].
/// Where two countries share a form, the sovereign state's wins.
pub fn country_forms(table: &Countries) -> Gazetteer {
    let mut g = Gazetteer::default();
    for i in table.forms_sovereign_first() {
        g.add(&table.forms[i].text, table.forms[i].kind.code(), i as u32);
    }
    g
}

/// The tagger's country gazetteer: every form of the country table, in its case and in capitals, coded
/// by its kind.
pub fn tagger_gazetteer(table: &Countries) -> Gazetteer {
    Gazetteer::new(table.forms.iter().map(|f| (f.text.as_str(), f.kind.code())))
}

/// Every name and alias of the reviewed organization table ([`crate::lexis::orgs`]), exact case, its
/// payload the table's row.
pub fn org_forms(orgs: &[KnownOrg]) -> Gazetteer {
    let mut g = Gazetteer::default();
    for (i, org) in orgs.iter().enumerate() {
        g.add(&org.name, 1, i as u32);
        for a in &org.aliases {
            g.add(a, 1, i as u32);
        }
    }
    g
}
