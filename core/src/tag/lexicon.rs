//! Word classes learned from unlabelled news: cluster ids at several granularities and how often a word
//! is capitalised mid-sentence. Loaded from a compact binary made by the trainer.

use crate::tag::binary::{FormatError, Reader};
use crate::tag::hash;
use crate::tag::table::HashIndex;

/// How many cluster granularities a lexicon holds.
pub const N_GRANULARITIES: usize = 3;
/// A cluster id that means "word not in the lexicon".
pub const NO_CLUSTER: u16 = u16::MAX;
/// Capitalisation buckets: 0 never capitalised mid-sentence … 4 always; 5 unknown.
pub const CAP_UNKNOWN: u8 = 5;

const MAGIC: &[u8; 4] = b"NPLX";
const VERSION: u8 = 1;

/// What the lexicon knows about one word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClass {
    pub clusters: [u16; N_GRANULARITIES],
    pub cap: u8,
}

impl WordClass {
    pub const UNKNOWN: WordClass = WordClass { clusters: [NO_CLUSTER; N_GRANULARITIES], cap: CAP_UNKNOWN };
}

/// Word form → [`WordClass`].
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    index: HashIndex,
    classes: Vec<WordClass>,
    /// The number of clusters at each granularity.
    pub sizes: [u16; N_GRANULARITIES],
}

/// The bucket of a mid-sentence capitalisation ratio.
pub fn cap_bucket(capitalised: u32, total: u32) -> u8 {
    if total == 0 {
        return CAP_UNKNOWN;
    }
    let r = capitalised as f64 / total as f64;
    match r {
        r if r < 0.02 => 0,
        r if r < 0.3 => 1,
        r if r < 0.7 => 2,
        r if r < 0.98 => 3,
        _ => 4,
    }
}

impl Lexicon {
    #[inline]
    pub fn get(&self, word: &str) -> Option<WordClass> {
        self.get_hashed(hash::str(word))
    }

    /// [`Lexicon::get`] of a word already hashed ([`hash::str`]).
    #[inline]
    pub fn get_hashed(&self, word: u64) -> Option<WordClass> {
        self.index.get(word).map(|&i| self.classes[i as usize])
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// Serialises `entries` (word, class), sorted by word for a stable, compressible file.
    pub fn encode(sizes: [u16; N_GRANULARITIES], entries: &[(String, WordClass)]) -> Vec<u8> {
        let mut sorted: Vec<&(String, WordClass)> = entries.iter().filter(|(w, _)| w.len() < 256).collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(N_GRANULARITIES as u8);
        for s in sizes {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
        // Front-coded words: bytes shared with the previous word, then the rest.
        let mut prev: &[u8] = &[];
        for (w, _) in &sorted {
            let w = w.as_bytes();
            let shared = prev.iter().zip(w).take_while(|(a, b)| a == b).count().min(255);
            out.push(shared as u8);
            out.push((w.len() - shared) as u8);
            out.extend_from_slice(&w[shared..]);
            prev = w;
        }
        // Columns, so equal bytes sit together.
        for g in 0..N_GRANULARITIES {
            for (_, c) in &sorted {
                out.extend_from_slice(&c.clusters[g].to_le_bytes());
            }
        }
        out.extend(sorted.iter().map(|(_, c)| c.cap));
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Lexicon, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(FormatError("not a newsprism lexicon (bad magic)".into()));
        }
        let version = r.u8()?;
        if version != VERSION || r.u8()? as usize != N_GRANULARITIES {
            return Err(FormatError(format!("unsupported lexicon version {version}")));
        }
        let mut sizes = [0u16; N_GRANULARITIES];
        for s in &mut sizes {
            *s = r.u16()?;
        }
        let n = r.u32()? as usize;
        let mut index = HashIndex::with_capacity(n);
        let mut word: Vec<u8> = Vec::with_capacity(64);
        for i in 0..n {
            let shared = r.u8()? as usize;
            let rest = r.u8()? as usize;
            if shared > word.len() {
                return Err(FormatError("corrupt lexicon word list".into()));
            }
            word.truncate(shared);
            word.extend_from_slice(r.take(rest)?);
            index.insert(hash::bytes(&word), i as u32);
        }
        let mut classes = vec![WordClass::UNKNOWN; n];
        for g in 0..N_GRANULARITIES {
            for c in classes.iter_mut() {
                c.clusters[g] = r.u16()?;
            }
        }
        for c in classes.iter_mut() {
            c.cap = r.u8()?;
        }
        if r.at != bytes.len() {
            return Err(FormatError("trailing bytes after the lexicon".into()));
        }
        Ok(Lexicon { index, classes, sizes })
    }
}
