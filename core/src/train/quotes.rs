//! Training the quote-attribution ranker on PolNeAR: for every quote the analyzer finds in a training
//! article that annotators attribute to a source, the candidates overlapping that source are labelled
//! right, and a softmax ranking model learns to put a right one first.

use std::collections::HashMap;

use crate::analysis::prepare;
use crate::attribute::context::Ctx;
use crate::attribute::rank::{candidates, Candidate, Ranker};
use crate::attribute::{attribute_article, Mode};
use crate::corpus::input::Document;
use crate::corpus::polnear::{records, Attribution, Offsets, Part};
use crate::error::DataError;
use crate::eval::quotes::{evaluate_with, QuoteScore};
use crate::model::EntityKind;
use crate::rng::Rng;
use crate::span::Span;
use crate::tag::tagger::Tagger;

/// The seed the committed ranker was trained with.
pub const SEED: u64 = 20150928;

/// One quote's candidates and which of them are right.
pub struct Example {
    pub candidates: Vec<Candidate>,
    pub correct: Vec<usize>,
}

/// Counts of what [`examples`] left out.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Annotated quotes whose source is none of the candidates.
    pub skipped: usize,
}

/// Builds training examples from PolNeAR JSON Lines.
pub fn examples(jsonl: &str) -> Result<(Vec<Example>, Stats), DataError> {
    let mut out = Vec::new();
    let mut stats = Stats::default();
    for rec in records(jsonl) {
        let (line, rec) = rec?;
        let offsets = Offsets::new(&rec.text);
        let span = |p: &Part| offsets.span(p);
        let doc = Document {
            source: String::new(),
            text: rec.text.clone(),
            ..Document::from_text(&format!("train:{line}"), "")
        };
        let p = prepare(std::slice::from_ref(&doc), Tagger::builtin(), &mut |_| {});
        let (Some(article), Some(tagged)) = (p.articles.first(), p.tagged.first()) else { continue };
        // The rules' speakers stand in for "who spoke last", as the ranker's own choices do at tagging time.
        let ctx = Ctx::for_article(article, tagged, &p.entities, &p.quotes);
        let rule_pass = attribute_article(&ctx, 0, Mode::RulesOnly);
        let gold: Vec<&Attribution> = rec.attributions.iter().filter(|a| a.content_has_quote_marks).collect();
        let mut last_speaker = None;
        for (qi, q) in p.quotes.iter().enumerate() {
            let cands = candidates(&ctx, q, last_speaker);
            let overlap = |a: &Attribution| -> usize {
                a.content.iter().map(span).map(|c| c.end.min(q.end).saturating_sub(c.start.max(q.start))).sum()
            };
            let best = gold.iter().filter(|a| overlap(a) > 0).max_by_key(|a| overlap(a));
            let none = cands.len() - 1;
            let correct: Vec<usize> = match best {
                None => vec![none],
                Some(a) if a.source.is_empty() => vec![none],
                Some(a) => {
                    let sources: Vec<Span> = a.source.iter().map(span).collect();
                    (0..none)
                        .filter(|&c| {
                            let np = cands[c].np.as_ref().expect("only the last candidate is nobody");
                            let s = Span::new(ctx.token_span(np.start).start, ctx.token_span(np.end - 1).end);
                            sources.iter().any(|g| g.overlaps(s))
                        })
                        .collect()
                }
            };
            // Quotes nobody is annotated as saying are left out: they are mostly scare quotes and titles, a
            // different population, and teaching the ranker to abstain on them costs more than it saves. The
            // "nobody" candidate keeps its untrained score of 0 and wins only when every other scores below it.
            if correct == [none] {
                continue;
            }
            if correct.is_empty() {
                stats.skipped += 1;
            } else {
                out.push(Example { candidates: cands, correct });
            }
            last_speaker = rule_pass[qi]
                .speaker
                .as_ref()
                .and_then(|s| s.entity.as_ref())
                .and_then(|id| p.entities.iter().position(|e| &e.id == id && e.kind == EntityKind::Person));
        }
    }
    Ok((out, stats))
}

/// The common nouns that head annotated sources in PolNeAR ("the campaign", "voters", "a senior
/// official"), seen at least twice: what the attributor takes as words that can name a speaker, beside the
/// kinds of noun it knows by shape ([`crate::attribute::agents`]). Written as "noun<TAB>count", most
/// frequent first.
pub fn source_heads(jsonl: &str) -> Result<String, DataError> {
    use crate::lexis::words::{DETERMINERS, PREPOSITIONS, PRONOUNS, QUANTIFIERS, STOP};
    let mut counts: HashMap<String, usize> = HashMap::new();
    for rec in records(jsonl) {
        let (_, rec) = rec?;
        let offsets = Offsets::new(&rec.text);
        for a in &rec.attributions {
            let Some(last) = a.source.last() else { continue };
            let words = offsets.span(last).of(&rec.text);
            let Some(head) = words.split(|c: char| !c.is_alphabetic() && c != '-').rfind(|w| !w.is_empty()) else {
                continue;
            };
            let closed_class = [PRONOUNS, DETERMINERS, PREPOSITIONS, QUANTIFIERS, STOP].iter().any(|l| l.has(head));
            if head.chars().count() >= 3 && head.chars().all(|c| c.is_lowercase() || c == '-') && !closed_class {
                *counts.entry(head.to_string()).or_default() += 1;
            }
        }
    }
    let mut rows: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::from(
        "# Common nouns heading annotated sources in PolNeAR train, seen twice or more; written by `newsprism train-quotes`. noun\tcount\n",
    );
    for (w, n) in rows {
        out.push_str(&format!("{w}\t{n}\n"));
    }
    Ok(out)
}

/// A softmax ranking model over feature strings, fitted by SGD with L2 regularisation: the probability
/// mass the model puts on the right candidates is maximised.
pub fn train(examples: &[Example], epochs: usize, seed: u64, log: &mut dyn FnMut(&str)) -> Ranker {
    let mut w: HashMap<String, f32> = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    let l2 = 1e-4f32;
    let mut sum: HashMap<String, f32> = HashMap::new();
    let mut averaged = 0usize;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let lr = 0.1 / (1.0 + epoch as f32 * 0.5);
        let (mut loss, mut wrong) = (0f64, 0usize);
        for &i in &order {
            let ex = &examples[i];
            let scores: Vec<f32> = ex
                .candidates
                .iter()
                .map(|c| c.features.iter().map(|f| w.get(f).copied().unwrap_or(0.0)).sum())
                .collect();
            let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let exp: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
            let z: f32 = exp.iter().sum();
            let p_right: f32 = ex.correct.iter().map(|&c| exp[c] / z).sum();
            loss -= (p_right.max(1e-9) as f64).ln();
            let pred = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b])).unwrap_or(0);
            wrong += !ex.correct.contains(&pred) as usize;
            // d(-log sum_{c in right} p_c)/d score_j = p_j - [j right] * p_j / p_right
            for (j, c) in ex.candidates.iter().enumerate() {
                let pj = exp[j] / z;
                let target = if ex.correct.contains(&j) { pj / p_right.max(1e-9) } else { 0.0 };
                let g = target - pj;
                if g.abs() < 1e-6 {
                    continue;
                }
                for f in &c.features {
                    let x = w.entry(f.clone()).or_insert(0.0);
                    *x += lr * (g - l2 * *x);
                }
            }
        }
        log(&format!("epoch {epoch}: loss {:.4}, {wrong} of {} wrong", loss / examples.len() as f64, examples.len()));
        // The weights at the end of each epoch in the second half are averaged: the model then depends far
        // less on the order the last epoch happened to visit the examples in.
        if epoch > epochs / 2 {
            for (f, x) in &w {
                *sum.entry(f.clone()).or_insert(0.0) += *x;
            }
            averaged += 1;
        }
    }
    let n = averaged.max(1) as f32;
    Ranker { weights: sum.into_iter().map(|(f, x)| (f, x / n)).collect() }
}

/// Cross-validated speaker-mention accuracy on a training file: the articles are dealt into `folds` groups;
/// each group is scored by a ranker trained on the others. An out-of-sample number over the whole training
/// split, steadier than the small dev split for choosing between candidate features and rules.
pub fn cross_validate(
    jsonl: &str,
    folds: usize,
    epochs: usize,
    seed: u64,
    max_errors: usize,
    now: &dyn Fn() -> f64,
) -> Result<QuoteScore, DataError> {
    let lines: Vec<&str> = jsonl.lines().filter(|l| !l.trim().is_empty()).collect();
    let fold_text = |k: usize, held_out: bool| -> String {
        let mut s = String::new();
        for (i, l) in lines.iter().enumerate() {
            if (i % folds == k) == held_out {
                s.push_str(l);
                s.push('\n');
            }
        }
        s
    };
    let mut total = QuoteScore::default();
    for k in 0..folds {
        let (examples, _) = self::examples(&fold_text(k, false))?;
        let ranker = train(&examples, epochs, seed, &mut |_| {});
        total.absorb(evaluate_with(&fold_text(k, true), max_errors, now, &ranker)?);
    }
    Ok(total)
}
