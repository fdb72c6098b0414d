//! Viterbi decoding over BILOU labels: label-independent features scored once per token; of the
//! previous-label features, the label alone and the label with a shape once per sentence (a sentence has
//! few shapes), the label with the word once per (token, previous label); ill-formed label sequences excluded.

use std::collections::HashMap;

use crate::tag::features::{
    memory_features, prev_feature, prev_shape_feature, prev_word_feature, static_features, DocMemory, SentenceInfo,
};
use crate::tag::labels::{Label, N_LABELS, O};

/// Anything that can add the weights of a feature to a score vector.
pub trait Scorer {
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]);
}

/// Which label may follow which, and which may end a sentence: the constraints as tables, read in the
/// innermost loop instead of worked out there.
struct Constraints {
    follows: [[bool; N_LABELS]; N_LABELS],
    ends: [bool; N_LABELS],
}

fn constraints() -> &'static Constraints {
    static C: std::sync::OnceLock<Constraints> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut c = Constraints { follows: [[false; N_LABELS]; N_LABELS], ends: [false; N_LABELS] };
        for l in 0..N_LABELS {
            c.ends[l] = Label::from_index(l).can_end();
            for p in 0..N_LABELS {
                c.follows[p][l] = Label::from_index(l).can_follow(Label::from_index(p));
            }
        }
        c
    })
}

/// Buffers for decoding, reused across sentences.
#[derive(Default)]
pub struct Lattice {
    /// Label-independent features of every token, flattened; `offsets[i]..offsets[i + 1]` for token `i`.
    pub statics: Vec<u64>,
    pub offsets: Vec<usize>,
    unary: Vec<[f32; N_LABELS]>,
    best: Vec<[f32; N_LABELS]>,
    back: Vec<[u8; N_LABELS]>,
    /// Per sentence: each distinct short shape's scores per previous label (the label alone included),
    /// and which of them each token has.
    shape_rows: Vec<[[f32; N_LABELS]; N_LABELS]>,
    shape_of: Vec<usize>,
    shapes: HashMap<u64, usize>,
}

impl Lattice {
    /// Collects the label-independent features (token and document memory) of every token.
    pub fn prepare(&mut self, info: &SentenceInfo, memory: &DocMemory) {
        self.statics.clear();
        self.offsets.clear();
        self.offsets.push(0);
        for i in 0..info.tokens.len() {
            static_features(info, i, &mut self.statics);
            memory_features(info, i, memory, &mut self.statics);
            self.offsets.push(self.statics.len());
        }
    }

    pub fn token_features(&self, i: usize) -> &[u64] {
        &self.statics[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The best well-formed label sequence under `scorer`, written into `labels`.
    pub fn viterbi(&mut self, info: &SentenceInfo, scorer: &impl Scorer, labels: &mut Vec<Label>) {
        let n = info.tokens.len();
        labels.clear();
        if n == 0 {
            return;
        }
        self.unary.clear();
        for i in 0..n {
            let mut s = [0f32; N_LABELS];
            for &f in self.token_features(i) {
                scorer.add(f, &mut s);
            }
            self.unary.push(s);
        }
        // The previous label alone, and with each shape: once per distinct shape of the sentence.
        let mut by_prev = [[0f32; N_LABELS]; N_LABELS];
        for (p, row) in by_prev.iter_mut().enumerate() {
            scorer.add(prev_feature(Label::from_index(p)), row);
        }
        self.shapes.clear();
        self.shape_rows.clear();
        self.shape_of.clear();
        for t in &info.tokens[..n] {
            let next = self.shape_rows.len();
            let k = *self.shapes.entry(t.short_shape).or_insert(next);
            if k == next {
                let mut rows = by_prev;
                for (p, row) in rows.iter_mut().enumerate() {
                    scorer.add(prev_shape_feature(t.short_shape, Label::from_index(p)), row);
                }
                self.shape_rows.push(rows);
            }
            self.shape_of.push(k);
        }
        self.best.clear();
        self.back.clear();
        let c = constraints();
        for i in 0..n {
            let mut best = [f32::NEG_INFINITY; N_LABELS];
            let mut back = [0u8; N_LABELS];
            let last = i + 1 == n;
            for p in 0..N_LABELS {
                let base = if i == 0 {
                    if p != O.index() {
                        continue;
                    }
                    0.0
                } else {
                    self.best[i - 1][p]
                };
                if base == f32::NEG_INFINITY {
                    continue;
                }
                let mut s = self.unary[i];
                for (x, y) in s.iter_mut().zip(&self.shape_rows[self.shape_of[i]][p]) {
                    *x += y;
                }
                scorer.add(prev_word_feature(info, i, Label::from_index(p)), &mut s);
                let follows = &c.follows[p];
                for (l, &score) in s.iter().enumerate() {
                    if !follows[l] || (last && !c.ends[l]) {
                        continue;
                    }
                    let total = base + score;
                    if total > best[l] {
                        best[l] = total;
                        back[l] = p as u8;
                    }
                }
            }
            self.best.push(best);
            self.back.push(back);
        }
        let mut l = (0..N_LABELS).max_by(|&a, &b| self.best[n - 1][a].total_cmp(&self.best[n - 1][b])).unwrap_or(0);
        labels.resize(n, O);
        for i in (0..n).rev() {
            labels[i] = Label::from_index(l);
            l = self.back[i][l] as usize;
        }
    }
}
