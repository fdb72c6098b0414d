//! The structured averaged perceptron (Collins 2002): Viterbi-decode each training sentence with the current
//! weights, update where the best path leaves the gold one; lazy weight averaging; best epoch chosen on dev.
//! Document memory is filled from the model's own predictions, as at tagging time.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::eval::conll::Document;
use crate::eval::ner::{evaluate, Score};
use crate::rng::Rng;
use crate::tag::decode::{Lattice, Scorer};
use crate::tag::features::{transition_features, DocMemory, PassThrough, SentenceInfo, N_TRANSITION_FEATURES};
use crate::tag::gazetteer::Gazetteer;
use crate::tag::labels::{bilou, chunks_from_iob, Label, N_LABELS, O};
use crate::tag::lexicon::Lexicon;
use crate::tag::tagger::Tagger;
use crate::tag::weights::Weights;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in training (with gold history) are not learned.
    pub min_count: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { epochs: 14, seed: 20150928, min_count: 2 }
    }
}

/// The outcome of training.
pub struct Trained {
    /// Averaged weights of the best epoch, by feature hash.
    pub rows: Rows,
    pub best_epoch: usize,
    pub dev: Score,
    pub n_features: usize,
}

/// One training sentence, its token facts computed once.
struct Prepared {
    info: SentenceInfo,
    gold: Vec<Label>,
}

type FeatureMap = HashMap<u64, u32, BuildHasherDefault<PassThrough>>;

/// Weight rows by feature hash.
pub type Rows = Vec<(u64, [f32; N_LABELS])>;

/// Perceptron weights with lazy averaging.
struct Model {
    index: FeatureMap,
    w: Vec<f32>,
    acc: Vec<f64>,
    stamp: Vec<u32>,
    step: u32,
}

impl Scorer for Model {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        if let Some(&r) = self.index.get(&feature) {
            let row = &self.w[r as usize * N_LABELS..(r as usize + 1) * N_LABELS];
            for (x, w) in scores.iter_mut().zip(row) {
                *x += w;
            }
        }
    }
}

impl Model {
    fn bump(&mut self, k: usize, d: f32) {
        self.acc[k] += (self.step - self.stamp[k]) as f64 * self.w[k] as f64;
        self.stamp[k] = self.step;
        self.w[k] += d;
    }

    fn update(&mut self, feats: &[u64], label: Label, d: f32) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                self.bump(r as usize * N_LABELS + label.index(), d);
            }
        }
    }

    /// Moves the weights towards the gold path and away from the predicted one where they differ.
    fn learn(&mut self, lattice: &Lattice, info: &SentenceInfo, gold: &[Label], pred: &[Label]) {
        let mut trans = [0u64; N_TRANSITION_FEATURES];
        for i in 0..gold.len() {
            let (gp, pp) = if i == 0 { (O, O) } else { (gold[i - 1], pred[i - 1]) };
            if gold[i] == pred[i] && gp == pp {
                continue;
            }
            if gold[i] != pred[i] {
                self.update(lattice.token_features(i), gold[i], 1.0);
                self.update(lattice.token_features(i), pred[i], -1.0);
            }
            transition_features(info, i, gp, &mut trans);
            self.update(&trans, gold[i], 1.0);
            transition_features(info, i, pp, &mut trans);
            self.update(&trans, pred[i], -1.0);
        }
    }

    fn averaged(&self) -> Rows {
        let step = self.step.max(1) as f64;
        let mut rows = Vec::with_capacity(self.index.len());
        for (&f, &r) in &self.index {
            let mut row = [0f32; N_LABELS];
            let mut any = false;
            for (l, x) in row.iter_mut().enumerate() {
                let k = r as usize * N_LABELS + l;
                let total = self.acc[k] + (self.step - self.stamp[k]) as f64 * self.w[k] as f64;
                *x = (total / step) as f32;
                any |= *x != 0.0;
            }
            if any {
                rows.push((f, row));
            }
        }
        rows.sort_by_key(|r| r.0);
        rows
    }
}

fn prepare(docs: &[Document], lexicon: &Lexicon, gazetteer: &Gazetteer) -> Vec<Vec<Prepared>> {
    docs.iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    let mut info = SentenceInfo::default();
                    info.fill(s.words(), lexicon, gazetteer);
                    let gold = bilou(s.lines.len(), &chunks_from_iob(&s.tags()));
                    Prepared { info, gold }
                })
                .collect()
        })
        .collect()
}

/// Counts every feature over the training data along the gold path; keeps those seen `min_count` times.
fn feature_index(docs: &[Vec<Prepared>], min_count: u32) -> FeatureMap {
    let mut counts: HashMap<u64, u32, BuildHasherDefault<PassThrough>> = HashMap::default();
    let mut memory = DocMemory::default();
    let mut lattice = Lattice::default();
    let mut trans = [0u64; N_TRANSITION_FEATURES];
    for doc in docs {
        memory.clear();
        for s in doc {
            memory.observe(&s.info);
        }
        for s in doc {
            lattice.prepare(&s.info, &memory);
            for i in 0..s.gold.len() {
                let prev = if i == 0 { O } else { s.gold[i - 1] };
                transition_features(&s.info, i, prev, &mut trans);
                for &f in lattice.token_features(i).iter().chain(&trans) {
                    *counts.entry(f).or_default() += 1;
                }
            }
            memory.remember(&s.info, &s.gold);
        }
    }
    let mut kept: Vec<u64> = counts.into_iter().filter(|&(_, c)| c >= min_count).map(|(f, _)| f).collect();
    kept.sort_unstable();
    kept.into_iter().enumerate().map(|(i, f)| (f, i as u32)).collect()
}

/// Trains on `train`, evaluating on `dev` after every epoch; returns the best epoch's averaged weights.
pub fn train(
    train: &[Document],
    dev: &[Document],
    lexicon: &Lexicon,
    gazetteer: &Gazetteer,
    config: &Config,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let prepared = prepare(train, lexicon, gazetteer);
    let index = feature_index(&prepared, config.min_count);
    let n = index.len();
    log(&format!("{n} features seen at least {} times", config.min_count));
    let mut model = Model {
        index,
        w: vec![0.0; n * N_LABELS],
        acc: vec![0.0; n * N_LABELS],
        stamp: vec![0; n * N_LABELS],
        step: 0,
    };
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut best: Option<(f64, usize, Rows, Score)> = None;
    let mut memory = DocMemory::default();
    let mut lattice = Lattice::default();
    let mut labels = Vec::new();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0usize;
        for &d in &order {
            memory.clear();
            for s in &prepared[d] {
                memory.observe(&s.info);
            }
            for s in &prepared[d] {
                lattice.prepare(&s.info, &memory);
                lattice.viterbi(&s.info, &model, &mut labels);
                model.step += 1;
                if labels != s.gold {
                    mistakes += 1;
                    model.learn(&lattice, &s.info, &s.gold, &labels);
                }
                memory.remember(&s.info, &labels);
            }
        }
        let rows = model.averaged();
        let tagger = Tagger {
            lexicon: lexicon.clone(),
            gazetteer: gazetteer.clone(),
            weights: Weights::from_rows(rows.iter().copied()),
        };
        let (score, _) = evaluate(&tagger, dev);
        let f1 = score.f1_per_loc_org();
        log(&format!(
            "epoch {epoch:>2}: {mistakes} sentences wrong; dev micro-F1 PER/LOC/ORG {f1:.4}, all {:.4}",
            score.micro(&crate::tag::labels::EntityType::ALL).f1()
        ));
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, rows, score));
        }
    }
    let (_, best_epoch, rows, dev) = best.unwrap_or_default();
    Trained { rows, best_epoch, dev, n_features: n }
}
