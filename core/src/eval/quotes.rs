//! Scoring quote attribution against PolNeAR (JSON Lines of articles with human-annotated attributions):
//! quote-span precision and recall against the quote-marked contents, and speaker-mention accuracy (the
//! predicted speaker's words overlap the annotated source).

use std::fmt::Write;

use crate::analysis::{analyze_docs, Engine};
use crate::attribute::rank::Ranker;
use crate::attribute::Mode;
use crate::corpus::input::Document;
use crate::corpus::polnear::{records, Attribution, Offsets, Part};
use crate::error::DataError;
use crate::eval::person_check::{right_person, source_name};
use crate::model::Quote;
use crate::span::Span;

/// The scores, and examples of misses for error analysis.
#[derive(Debug, Default, Clone)]
pub struct QuoteScore {
    pub articles: usize,
    /// Gold attributions with quote-marked content.
    pub gold: usize,
    /// … of which some predicted quote overlaps the content.
    pub gold_found: usize,
    pub predicted: usize,
    /// Predicted quotes overlapping some gold quote-marked content.
    pub predicted_matching: usize,
    /// Gold attributions with a source and a matching predicted quote.
    pub with_source: usize,
    /// … of which the predicted quote has a speaker.
    pub attributed: usize,
    /// … of which the speaker's words overlap the gold source.
    pub correct: usize,
    /// Gold attributions with a source (matched or not).
    pub gold_with_source: usize,
    /// Found gold quotes whose source is a name, and of those, the ones whose speaker is that person.
    pub named: usize,
    pub right_person: usize,
    /// Per rule: (attributed, correct).
    pub by_rule: Vec<(String, usize, usize)>,
    pub errors: Vec<String>,
    pub tokens_per_second: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl QuoteScore {
    /// Adds another run's counts and error examples to this one (speed and the per-rule table aside).
    pub fn absorb(&mut self, other: QuoteScore) {
        self.articles += other.articles;
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.predicted += other.predicted;
        self.predicted_matching += other.predicted_matching;
        self.with_source += other.with_source;
        self.attributed += other.attributed;
        self.correct += other.correct;
        self.gold_with_source += other.gold_with_source;
        self.named += other.named;
        self.right_person += other.right_person;
        self.errors.extend(other.errors);
    }

    pub fn precision(&self) -> f64 {
        ratio(self.predicted_matching, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }
    /// Speaker-mention accuracy over gold quotes the analyzer found: the project's target number.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.correct, self.with_source)
    }

    /// Person-level accuracy over found gold quotes whose source is a name.
    pub fn person_accuracy(&self) -> f64 {
        ratio(self.right_person, self.named)
    }

    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "articles                         {:>6}", self.articles);
        let _ = writeln!(out, "gold quote-marked attributions   {:>6}", self.gold);
        let _ = writeln!(
            out,
            "quote span precision             {:>6.4}  ({} of {} predicted quotes)",
            self.precision(),
            self.predicted_matching,
            self.predicted
        );
        let _ = writeln!(
            out,
            "quote span recall                {:>6.4}  ({} of {} gold)",
            self.recall(),
            self.gold_found,
            self.gold
        );
        let _ = writeln!(
            out,
            "speaker-mention accuracy         {:>6.4}  ({} of {} found gold quotes with a source)",
            self.speaker_accuracy(),
            self.correct,
            self.with_source
        );
        let _ = writeln!(
            out,
            "  attributed at all              {:>6.4}  ({} of {})",
            ratio(self.attributed, self.with_source),
            self.attributed,
            self.with_source
        );
        let _ = writeln!(
            out,
            "  precision of attributions      {:>6.4}  ({} of {})",
            ratio(self.correct, self.attributed),
            self.correct,
            self.attributed
        );
        let _ = writeln!(
            out,
            "  end to end (all gold w/ source) {:>5.4}  ({} of {})",
            ratio(self.correct, self.gold_with_source),
            self.correct,
            self.gold_with_source
        );
        let _ = writeln!(
            out,
            "person-level accuracy            {:>6.4}  ({} of {} found gold quotes whose source is a name)",
            ratio(self.right_person, self.named),
            self.right_person,
            self.named
        );
        let _ = writeln!(out, "by rule (correct / attributed):");
        for (rule, n, c) in &self.by_rule {
            let _ = writeln!(out, "  {rule:<18} {c:>5} / {n:<5} {:.4}", ratio(*c, *n));
        }
        let _ = writeln!(out, "speed: {:.0} tokens/s (whole analysis)", self.tokens_per_second);
        out
    }
}

/// Scores the analyzer on a PolNeAR JSON Lines file. `max_errors` error examples are kept.
pub fn evaluate(jsonl: &str, max_errors: usize, now: &dyn Fn() -> f64) -> Result<QuoteScore, DataError> {
    evaluate_with(jsonl, max_errors, now, Ranker::builtin())
}

/// As [`evaluate`], with a given attribution ranker.
pub fn evaluate_with(
    jsonl: &str,
    max_errors: usize,
    now: &dyn Fn() -> f64,
    ranker: &Ranker,
) -> Result<QuoteScore, DataError> {
    let engine = Engine { attribution: Mode::Ranked(ranker), ..Engine::builtin() };
    let mut score = QuoteScore::default();
    let mut rules: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut tokens = 0usize;
    let mut seconds = 0.0;
    for rec in records(jsonl) {
        let (line, rec) = rec?;
        let doc = Document {
            source: rec.article.clone(),
            text: rec.text.clone(),
            ..Document::from_text(&format!("polnear:{line}"), "")
        };
        let t0 = now();
        let analysis = analyze_docs(std::slice::from_ref(&doc), Vec::new(), engine, &mut |_| {});
        seconds += now() - t0;
        tokens += rec.text.split_whitespace().count();
        score.articles += 1;
        let offsets = Offsets::new(&rec.text);
        let span = |p: &Part| offsets.span(p);
        let quotes = &analysis.quotes;
        score.predicted += quotes.len();
        let gold: Vec<&Attribution> = rec.attributions.iter().filter(|a| a.content_has_quote_marks).collect();
        let contents: Vec<Span> = gold.iter().flat_map(|a| a.content.iter().map(span)).collect();
        score.predicted_matching +=
            quotes.iter().filter(|q| contents.iter().any(|c| c.overlaps(Span::new(q.start, q.end)))).count();
        for a in gold {
            score.gold += 1;
            let has_source = !a.source.is_empty();
            score.gold_with_source += has_source as usize;
            let content: Vec<Span> = a.content.iter().map(span).collect();
            let overlap = |q: &Quote| {
                content.iter().map(|c| c.end.min(q.end).saturating_sub(c.start.max(q.start))).sum::<usize>()
            };
            let best = quotes.iter().filter(|q| overlap(q) > 0).max_by_key(|q| overlap(q));
            let Some(q) = best else { continue };
            score.gold_found += 1;
            if !has_source {
                continue;
            }
            score.with_source += 1;
            let sources: Vec<Span> = a.source.iter().map(span).collect();
            let source_words: Vec<&str> = sources.iter().map(|s| s.of(&rec.text)).collect();
            if let Some(name) = source_name(&source_words.join(" ")) {
                score.named += 1;
                if right_person(&analysis, q, &name) {
                    score.right_person += 1;
                } else if score.errors.len() < max_errors {
                    let said = q.speaker.as_ref().map_or("nobody", |s| s.name.as_str());
                    score.errors.push(format!(
                        "WRONG PERSON predicted={said:?} gold={:?}\n    {}",
                        source_words,
                        context(&rec.text, q.start, q.end)
                    ));
                }
            }
            let rule = q.rule.map_or("none", |r| r.name()).to_string();
            let entry = rules.entry(rule.clone()).or_default();
            let Some(mention) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) else {
                if score.errors.len() < max_errors {
                    score.errors.push(format!(
                        "UNATTRIBUTED gold={:?}\n    {}",
                        sources.iter().map(|s| s.of(&rec.text)).collect::<Vec<_>>(),
                        context(&rec.text, q.start, q.end)
                    ));
                }
                continue;
            };
            score.attributed += 1;
            entry.0 += 1;
            let m = Span::new(mention.start, mention.end);
            if sources.iter().any(|s| s.overlaps(m)) {
                score.correct += 1;
                entry.1 += 1;
            } else if score.errors.len() < max_errors {
                score.errors.push(format!(
                    "WRONG [{rule}] predicted={:?} gold={:?}\n    {}",
                    mention.text,
                    sources.iter().map(|s| s.of(&rec.text)).collect::<Vec<_>>(),
                    context(&rec.text, q.start, q.end)
                ));
            }
        }
    }
    score.by_rule = rules.into_iter().map(|(r, (n, c))| (r, n, c)).collect();
    score.tokens_per_second = if seconds > 0.0 { tokens as f64 / seconds } else { 0.0 };
    Ok(score)
}

/// The text around a quote, on one line, for error listings.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(160);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 160).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[[{}]]{}", &text[a..start], &text[start..end], &text[end..b]).replace('\n', " ")
}
