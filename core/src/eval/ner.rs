//! Entity-level scoring with conlleval semantics: a predicted entity counts only if its type and both
//! boundaries match a gold one. Prints per-type precision, recall and F1 and micro averages.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::eval::conll::Document;
use crate::tag::labels::{chunks_from_bilou, chunks_from_iob, Chunk, EntityType, Label};
use crate::tag::tagger::{Scratch, Tagger};

/// Counts for one entity type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of a whole evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub by_type: BTreeMap<EntityType, Counts>,
    pub tokens: usize,
}

impl Score {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], predicted: &[Chunk]) {
        for ty in EntityType::ALL {
            let g: Vec<&Chunk> = gold.iter().filter(|c| c.ty == ty).collect();
            let p: Vec<&Chunk> = predicted.iter().filter(|c| c.ty == ty).collect();
            let correct = p.iter().filter(|c| g.contains(c)).count();
            self.by_type.entry(ty).or_default().add(Counts { gold: g.len(), predicted: p.len(), correct });
        }
    }

    /// Micro-averaged counts over the given types.
    pub fn micro(&self, types: &[EntityType]) -> Counts {
        let mut c = Counts::default();
        for t in types {
            if let Some(x) = self.by_type.get(t) {
                c.add(*x);
            }
        }
        c
    }

    /// Micro-F1 over PER, LOC and ORG: the number the project's target is set on.
    pub fn f1_per_loc_org(&self) -> f64 {
        self.micro(&[EntityType::Per, EntityType::Loc, EntityType::Org]).f1()
    }

    /// The table `newsprism eval-ner` prints.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{:<16} {:>6} {:>6} {:>7} {:>7} {:>7}", "type", "gold", "pred", "P", "R", "F1");
        let row = |out: &mut String, name: &str, c: Counts| {
            let _ = writeln!(
                out,
                "{:<16} {:>6} {:>6} {:>7.4} {:>7.4} {:>7.4}",
                name,
                c.gold,
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1()
            );
        };
        for (t, c) in &self.by_type {
            row(&mut out, t.as_str(), *c);
        }
        row(&mut out, "micro PER/LOC/ORG", self.micro(&[EntityType::Per, EntityType::Loc, EntityType::Org]));
        row(&mut out, "micro all", self.micro(&EntityType::ALL));
        out
    }
}

/// Tags every document with `tagger` and scores against the gold tags; also returns the predicted labels.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> (Score, Vec<Vec<Vec<Label>>>) {
    let mut score = Score::default();
    let mut scratch = Scratch::default();
    let mut all = Vec::with_capacity(docs.len());
    for doc in docs {
        let words: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.words().collect()).collect();
        let doc_labels = tagger.tag_document(&words, &mut scratch);
        for (s, labels) in doc.sentences.iter().zip(&doc_labels) {
            let gold = chunks_from_iob(&s.tags());
            score.add(&gold, &chunks_from_bilou(labels));
            score.tokens += labels.len();
        }
        all.push(doc_labels);
    }
    (score, all)
}
