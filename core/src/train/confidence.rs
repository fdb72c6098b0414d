//! Fitting the quote-confidence model ([`crate::attribute::confidence`]): each attributed quote whose
//! speaker a person annotated is an example, its features against whether the speaker is the right one.
//! Examples come from PolNeAR (where the annotated source is a name, the person-level check says; where it
//! is a description such as "a senior official", the words must be the annotated ones; pronouns, which
//! PolNeAR does not resolve, are left out) and from clusters with a reader's speaker gold
//! ([`crate::eval::clusters`]). The fit is an L2-regularised logistic regression by gradient descent,
//! deterministic; it is judged out of fold.

use std::collections::HashMap;

use crate::analysis::{finish_parts, prepare_with, Engine};
use crate::attribute::confidence::{Calibrator, Features};
use crate::attribute::Mode;
use crate::corpus::input::Document;
use crate::corpus::polnear::{records, Offsets, Part};
use crate::error::DataError;
use crate::eval::clusters::ClusterScore;
use crate::eval::person_check::{right_person, source_name};
use crate::lexis::words::PRONOUNS;
use crate::span::Span;
use crate::train::quotes;

/// What is known of an example's speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Right,
    Wrong,
    /// The annotated source is a pronoun and the chosen words are that pronoun: right if the pronoun was
    /// resolved to the right person, which PolNeAR does not say. Such examples count as right with the
    /// probability the clusters' pronoun quotes give ([`pronoun_rate`]).
    PronounMatched,
}

/// One example: the features of an attributed quote and what is known of its speaker.
pub type Example = (Features, Label);

/// An example as the fit reads it: weight, (feature index, value), target.
type Row = (f32, Vec<(usize, f32)>, f32);

/// The share of the pronoun-attributed quotes among `examples` (with known labels) that are right, with
/// one right and one wrong added so a few examples do not make it certain.
pub fn pronoun_rate<'e>(examples: impl Iterator<Item = &'e Example>) -> f32 {
    let (mut right, mut n) = (1.0f32, 2.0f32);
    for (f, label) in examples {
        if f.iter().any(|(name, _)| name == "via=pronoun") && *label != Label::PronounMatched {
            n += 1.0;
            right += (*label == Label::Right) as u8 as f32;
        }
    }
    right / n
}

/// Examples from PolNeAR training data, each article's quotes attributed by a ranker trained without it
/// (`folds`-fold), so the ranker's probabilities are out of sample as they are on news it never saw.
pub fn polnear_examples_cross_fitted(jsonl: &str, folds: usize) -> Result<Vec<Example>, DataError> {
    let lines: Vec<&str> = jsonl.lines().filter(|l| !l.trim().is_empty()).collect();
    let part = |k: usize, held_out: bool| -> String {
        lines.iter().enumerate().filter(|(i, _)| (i % folds == k) == held_out).map(|(_, l)| format!("{l}\n")).collect()
    };
    let mut out = Vec::new();
    for k in 0..folds {
        let (examples, _) = quotes::examples(&part(k, false))?;
        let ranker = quotes::train(&examples, 10, quotes::SEED, &mut |_| {});
        let engine = Engine { attribution: Mode::Ranked(&ranker), ..Engine::builtin() };
        out.extend(polnear_examples(&part(k, true), engine)?);
    }
    Ok(out)
}

/// Examples from PolNeAR JSON Lines (see the module header), attributed with `engine`.
pub fn polnear_examples(jsonl: &str, engine: Engine) -> Result<Vec<Example>, DataError> {
    let mut out = Vec::new();
    for rec in records(jsonl) {
        let (line, rec) = rec?;
        let doc = Document {
            source: rec.article.clone(),
            text: rec.text.clone(),
            ..Document::from_text(&format!("polnear:{line}"), "")
        };
        let prepared = prepare_with(std::slice::from_ref(&doc), engine, &mut |_| {});
        let (analysis, features) = finish_parts(prepared, engine, Vec::new());
        let offsets = Offsets::new(&rec.text);
        let span = |p: &Part| offsets.span(p);
        for a in rec.attributions.iter().filter(|a| a.content_has_quote_marks && !a.source.is_empty()) {
            let content: Vec<Span> = a.content.iter().map(span).collect();
            let overlap = |q: &crate::model::Quote| {
                content.iter().map(|c| c.end.min(q.end).saturating_sub(c.start.max(q.start))).sum::<usize>()
            };
            let Some(qi) = (0..analysis.quotes.len())
                .filter(|&i| overlap(&analysis.quotes[i]) > 0)
                .max_by_key(|&i| overlap(&analysis.quotes[i]))
            else {
                continue;
            };
            let q = &analysis.quotes[qi];
            if q.speaker.is_none() {
                continue;
            }
            let sources: Vec<Span> = a.source.iter().map(span).collect();
            let words: Vec<&str> = sources.iter().map(|s| s.of(&rec.text)).collect();
            let words = words.join(" ");
            let m = q.speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| Span::new(m.start, m.end));
            let words_right = m.is_some_and(|m| sources.iter().any(|s| s.overlaps(m)));
            let label = if let Some(name) = source_name(&words) {
                if right_person(&analysis, q, &name) {
                    Label::Right
                } else {
                    Label::Wrong
                }
            } else if words.split_whitespace().count() == 1 && PRONOUNS.has(words.trim()) {
                if words_right {
                    Label::PronounMatched
                } else {
                    Label::Wrong
                }
            } else if words_right {
                Label::Right
            } else {
                Label::Wrong
            };
            out.push((features[qi].clone(), label));
        }
    }
    Ok(out)
}

/// Examples from a scored cluster: every found gold quote with a speaker. `ids` maps quote ids to indexes
/// of `features`.
pub fn cluster_examples(
    score: &ClusterScore,
    ids: &HashMap<&str, usize>,
    features: &[Vec<(String, f32)>],
) -> Vec<Example> {
    score
        .outcomes
        .iter()
        .filter_map(|o| {
            let (id, name) = o.found.as_ref()?;
            (!name.is_empty()).then_some(())?;
            Some((features[*ids.get(id.as_str())?].clone(), if o.right { Label::Right } else { Label::Wrong }))
        })
        .collect()
}

/// How the fit runs.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub l2: f32,
    pub iterations: usize,
    pub rate: f32,
}

impl Default for Fit {
    fn default() -> Fit {
        Fit { l2: 1e-3, iterations: 1500, rate: 1.0 }
    }
}

/// Fits the model on weighted examples (weight, example); examples labelled [`Label::PronounMatched`] count
/// as right with probability `pronoun_right`.
pub fn fit(examples: &[(f32, &Example)], pronoun_right: f32, how: Fit) -> Calibrator {
    // Features as dense indexes.
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let rows: Vec<Row> = examples
        .iter()
        .map(|(w, (features, label))| {
            let row = features
                .iter()
                .map(|(f, x)| {
                    let k = *index.entry(f.clone()).or_insert_with(|| {
                        names.push(f.clone());
                        names.len() - 1
                    });
                    (k, *x)
                })
                .collect();
            let y = match label {
                Label::Right => 1.0,
                Label::Wrong => 0.0,
                Label::PronounMatched => pronoun_right,
            };
            (*w, row, y)
        })
        .collect();
    let total: f32 = rows.iter().map(|r| r.0).sum::<f32>().max(1.0);
    let mut weights = vec![0f32; names.len()];
    let mut gradient = vec![0f32; names.len()];
    for _ in 0..how.iterations {
        gradient.iter_mut().for_each(|g| *g = 0.0);
        for (w, row, y) in &rows {
            let z: f32 = row.iter().map(|&(k, x)| weights[k] * x).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = w * (p - y);
            for &(k, x) in row {
                gradient[k] += err * x;
            }
        }
        for (wk, gk) in weights.iter_mut().zip(&gradient) {
            *wk -= how.rate * (gk / total + how.l2 * *wk);
        }
    }
    Calibrator { weights: names.into_iter().zip(weights).collect() }
}
