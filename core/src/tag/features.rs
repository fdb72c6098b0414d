//! Feature extraction for the tagger: per-token facts computed once per sentence, then hashed feature ids
//! (word, affixes, shape, context words, word classes, gazetteer, previous labels, document memory).
//!
//! Everything is hashed to `u64`; nothing here allocates once its buffers have grown, and plain ASCII words
//! (most of news) skip the Unicode paths.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::tag::gazetteer::Gazetteer;
use crate::tag::hash::{self, feat, feat2, feat3, Hasher};
use crate::tag::labels::Label;
use crate::tag::lexicon::{Lexicon, WordClass, NO_CLUSTER, N_GRANULARITIES};

/// Token flags.
pub mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const HAS_DIGIT: u16 = 4;
    pub const ALL_DIGIT: u16 = 8;
    pub const HAS_HYPHEN: u16 = 16;
    pub const HAS_PERIOD: u16 = 32;
    pub const PUNCT: u16 = 64;
    pub const HAS_LOWER: u16 = 128;
    pub const FIRST: u16 = 256;
    pub const QUOTE_BEFORE: u16 = 512;
}

/// What the feature templates need to know about one token.
#[derive(Debug, Clone, Copy)]
pub struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    pub flags: u16,
    pub class: WordClass,
    /// Gazetteer code: 0 none, else `kind * 4 + part` (see [`Gazetteer`]).
    pub gaz: u8,
}

const PAD: TokenInfo = TokenInfo {
    word: 0x5eed_0001,
    lower: 0x5eed_0001,
    shape: 0x5eed_0002,
    short_shape: 0x5eed_0002,
    prefix: [0; 4],
    suffix: [0; 4],
    flags: 0,
    class: WordClass::UNKNOWN,
    gaz: 0,
};

/// Reusable buffers for one sentence's facts.
#[derive(Default)]
pub struct SentenceInfo {
    pub tokens: Vec<TokenInfo>,
    /// The sentence is written in capitals (a headline).
    pub shouting: bool,
    buf: String,
    lower_buf: String,
    title_buf: String,
    /// The sentence's words as the gazetteer scans them.
    gaz: crate::tag::gazetteer::Haystack,
}

/// Normalises a word for lookups: curly quotes to straight, digits to 0.
pub fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    if word.bytes().all(|b| b.is_ascii() && b != b'`' && !b.is_ascii_digit()) {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        out.push(match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c if c.is_ascii_digit() => '0',
            c => c,
        });
    }
}

/// Hashes of the first and last one to four characters (zero where the word is shorter).
fn affixes(lower: &str) -> ([u64; 4], [u64; 4]) {
    let mut prefix = [0u64; 4];
    let mut suffix = [0u64; 4];
    if lower.is_ascii() {
        let b = lower.as_bytes();
        for k in 0..4.min(b.len()) {
            prefix[k] = hash::bytes(&b[..k + 1]);
            suffix[k] = hash::bytes(&b[b.len() - k - 1..]);
        }
        return (prefix, suffix);
    }
    let mut starts = [0usize; 5];
    let n = lower.char_indices().take(5).enumerate().map(|(k, (j, _))| starts[k] = j).count();
    for k in 0..4.min(n) {
        let end = if k + 1 < n { starts[k + 1] } else { lower.len() };
        prefix[k] = hash::str(&lower[..end]);
    }
    let mut ends = lower.char_indices().rev().take(4).map(|(j, _)| j);
    for s in suffix.iter_mut().take(n.min(4)) {
        if let Some(j) = ends.next() {
            *s = hash::str(&lower[j..]);
        }
    }
    (prefix, suffix)
}

/// The key of a word as the tagger sees it: normalised, case kept. Gazetteer forms use the same key.
pub fn word_key(word: &str) -> u64 {
    let mut buf = String::with_capacity(word.len());
    normalise_into(word, &mut buf);
    hash::str(&buf)
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

impl SentenceInfo {
    /// Computes the facts for a sentence's words.
    pub fn fill<'w>(&mut self, words: impl Iterator<Item = &'w str>, lexicon: &Lexicon, gazetteer: &Gazetteer) {
        self.tokens.clear();
        self.gaz.clear();
        let mut letters = 0usize;
        let mut upper = 0usize;
        let mut prev_quote = false;
        for (i, w) in words.enumerate() {
            normalise_into(w, &mut self.buf);
            self.gaz.push(&self.buf);
            self.lower_buf.clear();
            if self.buf.is_ascii() {
                self.lower_buf.push_str(&self.buf);
                self.lower_buf.make_ascii_lowercase();
            } else {
                self.lower_buf.extend(self.buf.chars().flat_map(char::to_lowercase));
            }
            let norm = self.buf.as_str();
            let lower = self.lower_buf.as_str();
            let mut flags = 0u16;
            let mut shape = Hasher::default();
            let mut short = Hasher::default();
            let mut last_class = '\0';
            let (mut n_digit, mut n_chars, mut n_upper, mut n_alpha) = (0, 0, 0, 0);
            for c in norm.chars() {
                n_chars += 1;
                if c.is_alphabetic() {
                    n_alpha += 1;
                    if c.is_uppercase() {
                        n_upper += 1;
                    } else {
                        flags |= flag::HAS_LOWER;
                    }
                }
                if c.is_numeric() {
                    n_digit += 1;
                }
                if c == '-' {
                    flags |= flag::HAS_HYPHEN;
                }
                if c == '.' {
                    flags |= flag::HAS_PERIOD;
                }
                let sc = shape_class(c);
                shape.char(sc);
                if sc != last_class {
                    short.char(sc);
                    last_class = sc;
                }
            }
            letters += n_alpha;
            upper += n_upper;
            if norm.chars().next().is_some_and(char::is_uppercase) {
                flags |= flag::INIT_CAP;
            }
            if n_upper > 0 && n_upper == n_alpha {
                flags |= flag::ALL_CAPS;
            }
            if n_digit > 0 {
                flags |= flag::HAS_DIGIT;
                if n_digit == n_chars {
                    flags |= flag::ALL_DIGIT;
                }
            }
            if n_alpha == 0 && n_digit == 0 {
                flags |= flag::PUNCT;
            }
            if i == 0 {
                flags |= flag::FIRST;
            }
            if prev_quote {
                flags |= flag::QUOTE_BEFORE;
            }
            prev_quote = norm == "\"" || norm == "'" || norm == "(";
            let (prefix, suffix) = affixes(lower);
            // One hash per form: the lowercase form is often the word itself.
            let word = hash::str(norm);
            let lower_hash = if norm == lower { word } else { hash::str(lower) };
            let class = match lexicon.get_hashed(word).or_else(|| lexicon.get_hashed(lower_hash)) {
                Some(c) => c,
                None => {
                    // Title case, in a reused buffer: the hot path does not allocate.
                    self.title_buf.clear();
                    let mut cs = lower.chars();
                    if let Some(f) = cs.next() {
                        self.title_buf.extend(f.to_uppercase());
                        self.title_buf.push_str(cs.as_str());
                    }
                    lexicon.get(&self.title_buf).unwrap_or(WordClass::UNKNOWN)
                }
            };
            self.tokens.push(TokenInfo {
                word,
                lower: lower_hash,
                shape: shape.finish(),
                short_shape: short.finish(),
                prefix,
                suffix,
                flags,
                class,
                gaz: 0,
            });
        }
        self.shouting = letters >= 8 && upper * 10 >= letters * 9;
        let tokens = &mut self.tokens;
        gazetteer.mark(&self.gaz, |i, code| tokens[i].gaz = code);
    }

    fn at(&self, i: isize) -> &TokenInfo {
        if i < 0 || i as usize >= self.tokens.len() {
            &PAD
        } else {
            &self.tokens[i as usize]
        }
    }
}

// Template ids. Changing one changes every hash: retrain after editing.
const T_BIAS: u32 = 1;
const T_WORD: u32 = 2;
const T_LOWER: u32 = 3;
const T_CTX: u32 = 4; // + offset
const T_PREFIX: u32 = 10; // + k
const T_SUFFIX: u32 = 14; // + k
const T_SHAPE: u32 = 20;
const T_SHAPE_CTX: u32 = 21;
const T_SHAPE_TRI: u32 = 22;
const T_SHORT: u32 = 23;
const T_FLAGS: u32 = 24;
const T_BIGRAM_L: u32 = 25;
const T_BIGRAM_R: u32 = 26;
const T_CLUSTER: u32 = 30; // + granularity
const T_CLUSTER_L: u32 = 34;
const T_CLUSTER_R: u32 = 38;
const T_CAP: u32 = 42;
const T_CAP_FIRST: u32 = 43;
const T_GAZ: u32 = 44;
const T_GAZ_CTX: u32 = 45;
const T_SHOUT: u32 = 46;
const T_WORD_L_SHAPE: u32 = 47;
const T_PREV: u32 = 50;
const T_PREV_WORD: u32 = 52;
const T_PREV_SHAPE: u32 = 53;
const T_HIST: u32 = 60;
const T_HIST_SHAPE: u32 = 61;
const T_CTX3: u32 = 70; // + 0 left, + 1 right
const T_SHAPE2: u32 = 72; // + 0 left, + 1 right
const T_CLUSTER_PAIR_L: u32 = 74;
const T_CLUSTER_PAIR_R: u32 = 75;
const T_WORD_FIRST: u32 = 76;
const T_GAZ_L: u32 = 77;
const T_DOC_CASE: u32 = 78;

/// Appends the label-independent features of token `i`.
pub fn static_features(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let i = i as isize;
    let t = s.at(i);
    let (l1, r1) = (s.at(i - 1), s.at(i + 1));
    out.push(feat(T_BIAS, 0));
    out.push(feat(T_WORD, t.word));
    out.push(feat(T_LOWER, t.lower));
    for (k, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
        out.push(feat(T_CTX + k as u32, s.at(i + off).lower));
    }
    for k in 0..4 {
        if t.prefix[k] != 0 {
            out.push(feat(T_PREFIX + k as u32, t.prefix[k]));
            out.push(feat(T_SUFFIX + k as u32, t.suffix[k]));
        }
    }
    out.push(feat(T_SHAPE, t.shape));
    out.push(feat2(T_SHAPE_CTX, l1.short_shape, t.short_shape));
    out.push(feat3(T_SHAPE_TRI, l1.short_shape, t.short_shape, r1.short_shape));
    out.push(feat(T_SHORT, t.short_shape));
    out.push(feat(T_FLAGS, t.flags as u64));
    out.push(feat2(T_BIGRAM_L, l1.lower, t.lower));
    out.push(feat2(T_BIGRAM_R, t.lower, r1.lower));
    out.push(feat2(T_WORD_L_SHAPE, l1.lower, t.short_shape));
    for g in 0..N_GRANULARITIES {
        let g32 = g as u32;
        if t.class.clusters[g] != NO_CLUSTER {
            out.push(feat(T_CLUSTER + g32, t.class.clusters[g] as u64));
        }
        out.push(feat(T_CLUSTER_L + g32, l1.class.clusters[g] as u64));
        out.push(feat(T_CLUSTER_R + g32, r1.class.clusters[g] as u64));
    }
    out.push(feat2(T_CAP, t.class.cap as u64, (t.flags & (flag::INIT_CAP | flag::ALL_CAPS)) as u64));
    out.push(feat3(T_CAP_FIRST, t.class.cap as u64, (t.flags & flag::FIRST) as u64, t.short_shape));
    if t.gaz != 0 {
        out.push(feat(T_GAZ, t.gaz as u64));
        out.push(feat2(T_GAZ_CTX, t.gaz as u64, r1.lower));
    }
    if s.shouting {
        out.push(feat2(T_SHOUT, t.lower, t.short_shape));
    }
    out.push(feat(T_CTX3, s.at(i - 3).lower));
    out.push(feat(T_CTX3 + 1, s.at(i + 3).lower));
    out.push(feat(T_SHAPE2, s.at(i - 2).short_shape));
    out.push(feat(T_SHAPE2 + 1, s.at(i + 2).short_shape));
    out.push(feat2(T_CLUSTER_PAIR_L, l1.class.clusters[1] as u64, t.class.clusters[1] as u64));
    out.push(feat2(T_CLUSTER_PAIR_R, t.class.clusters[1] as u64, r1.class.clusters[1] as u64));
    out.push(feat2(T_WORD_FIRST, t.lower, (t.flags & flag::FIRST) as u64));
    if l1.gaz != 0 {
        out.push(feat(T_GAZ_L, l1.gaz as u64));
    }
}

/// Hashes already-hashed keys by passing them through.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// What the document has shown so far about each word form: the entity types predicted for it.
#[derive(Default)]
pub struct DocMemory {
    counts: HashedMap<[u16; 5]>,
    casing: HashedMap<u8>,
}

/// Casing seen for a word form anywhere in the document, away from sentence starts.
const SEEN_CAPITALISED: u8 = 1;
const SEEN_LOWERCASE: u8 = 2;

impl DocMemory {
    pub fn clear(&mut self) {
        self.counts.clear();
        self.casing.clear();
    }

    /// Notes how a sentence capitalises its words; call for every sentence of a document before tagging it.
    pub fn observe(&mut self, s: &SentenceInfo) {
        for t in &s.tokens {
            if t.flags & (flag::FIRST | flag::PUNCT | flag::QUOTE_BEFORE) != 0 || s.shouting {
                continue;
            }
            let bit = if t.flags & flag::INIT_CAP != 0 { SEEN_CAPITALISED } else { SEEN_LOWERCASE };
            *self.casing.entry(t.lower).or_default() |= bit;
        }
    }

    /// Records the labels given to a sentence's tokens.
    pub fn remember(&mut self, s: &SentenceInfo, labels: &[Label]) {
        for (t, l) in s.tokens.iter().zip(labels) {
            if t.flags & flag::PUNCT != 0 {
                continue;
            }
            let ty = l.ty().map_or(4, |t| t as usize);
            if ty == 4 && t.flags & flag::INIT_CAP == 0 {
                continue;
            }
            let c = self.counts.entry(t.lower).or_default();
            c[ty] = c[ty].saturating_add(1);
        }
    }

    /// The entity type most often given to this word form earlier in the document (4 = none).
    fn majority(&self, lower: u64) -> Option<usize> {
        let c = self.counts.get(&lower)?;
        let (best, n) = c.iter().enumerate().max_by_key(|&(i, n)| (*n, 4 - i))?;
        (*n > 0).then_some(best)
    }
}

/// Appends the features that depend on the document memory (fixed while one sentence is tagged).
pub fn memory_features(s: &SentenceInfo, i: usize, memory: &DocMemory, out: &mut Vec<u64>) {
    let t = &s.tokens[i];
    if let Some(m) = memory.majority(t.lower) {
        out.push(feat(T_HIST, m as u64));
        out.push(feat2(T_HIST_SHAPE, m as u64, (t.flags & (flag::INIT_CAP | flag::FIRST)) as u64));
    }
    let casing = memory.casing.get(&t.lower).copied().unwrap_or(0);
    out.push(feat2(T_DOC_CASE, casing as u64, (t.flags & (flag::INIT_CAP | flag::FIRST | flag::ALL_CAPS)) as u64));
}

/// The number of features [`transition_features`] appends.
pub const N_TRANSITION_FEATURES: usize = 3;

/// Appends the features of token `i` that depend on the previous token's label.
#[inline]
pub fn transition_features(s: &SentenceInfo, i: usize, prev: Label, out: &mut [u64; N_TRANSITION_FEATURES]) {
    *out = [prev_feature(prev), prev_word_feature(s, i, prev), prev_shape_feature(s.tokens[i].short_shape, prev)];
}

/// The transition feature of the previous label alone.
#[inline]
pub fn prev_feature(prev: Label) -> u64 {
    feat(T_PREV, prev.index() as u64)
}

/// The previous label with token `i`'s word.
#[inline]
pub fn prev_word_feature(s: &SentenceInfo, i: usize, prev: Label) -> u64 {
    feat2(T_PREV_WORD, prev.index() as u64, s.tokens[i].lower)
}

/// The previous label with a token's short shape.
#[inline]
pub fn prev_shape_feature(short_shape: u64, prev: Label) -> u64 {
    feat2(T_PREV_SHAPE, prev.index() as u64, short_shape)
}
