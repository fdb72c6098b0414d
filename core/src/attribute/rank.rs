//! Choosing the source of a quote among candidates, with weights learned from PolNeAR's training split.
//!
//! Candidates are the phrases the cue rules propose ("“…,” Putin said", "Putin said: “…”", lead-ins,
//! participles) and every person, organization, country and pronoun named near the quote, plus "nobody".
//! Each gets a few dozen features (which rules proposed it, what it is, where it sits, whether a reporting
//! verb touches it, whether it spoke last); a linear model trained as a softmax ranker picks one.
//! `newsprism train-quotes` writes the weights to `core/model/attribution.tsv`.

use std::collections::HashMap;

use crate::attribute::weights;
use std::sync::OnceLock;

use crate::attribute::context::Ctx;
use crate::attribute::cues::Cue;
use crate::attribute::features;
use crate::attribute::np::Np;
use crate::model::{Quote, Rule};
use crate::span::Span;

/// The committed weights.
const WEIGHTS: &str = include_str!("../../model/attribution.tsv");

/// One candidate source.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// `None` is the "nobody said this" candidate.
    pub np: Option<Np>,
    pub verb: Option<usize>,
    pub rules: Vec<Rule>,
    /// How the candidate was collected, besides the rules ([`Mark`]).
    pub marks: Vec<Mark>,
    /// Its features, named as [`features`] describes them.
    pub features: Vec<String>,
}

/// How a candidate was collected when no rule proposed it as the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The subject of a verb-like word before the quote in its sentence.
    VerbSubject,
    /// The main clause's subject of a participle cue ("Several groups …, saying “…”").
    ParticipleMainSubject,
}

impl Mark {
    /// The mark's name in feature strings; stable, since the model's weights are keyed by it.
    pub fn name(self) -> &'static str {
        match self {
            Mark::VerbSubject => "verb_subject",
            Mark::ParticipleMainSubject => "participle_main_subject",
        }
    }
}

/// Feature weights by name.
#[derive(Debug, Clone, Default)]
pub struct Ranker {
    pub weights: HashMap<String, f32>,
}

impl Ranker {
    /// The committed model.
    pub fn builtin() -> &'static Ranker {
        static RANKER: OnceLock<Ranker> = OnceLock::new();
        RANKER.get_or_init(|| Ranker::parse(WEIGHTS))
    }

    /// Reads "feature<TAB>weight" lines; others are skipped.
    pub fn parse(text: &str) -> Ranker {
        Ranker { weights: weights::parse(text) }
    }

    /// Writes the weights, sorted by feature, zeros dropped.
    pub fn to_tsv(&self) -> String {
        weights::to_tsv("Quote attribution ranker weights, written by `newsprism train-quotes`.", &self.weights)
    }

    pub fn score(&self, c: &Candidate) -> f32 {
        c.features.iter().map(|f| self.weights.get(f).copied().unwrap_or(0.0)).sum()
    }

    /// Each candidate's probability: the softmax of the scores.
    pub fn probabilities(&self, candidates: &[Candidate]) -> Vec<f32> {
        let scores: Vec<f32> = candidates.iter().map(|c| self.score(c)).collect();
        let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exp: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
        let z: f32 = exp.iter().sum();
        exp.into_iter().map(|e| e / z.max(f32::MIN_POSITIVE)).collect()
    }

    /// The best candidate's index and its margin over the runner-up.
    pub fn best(&self, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let scores: Vec<f32> = candidates.iter().map(|c| self.score(c)).collect();
        let best = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))?;
        let second = (0..scores.len()).filter(|&i| i != best).map(|i| scores[i]).fold(f32::NEG_INFINITY, f32::max);
        Some((best, scores[best] - second))
    }
}

/// Adds a candidate phrase, or merges its rule, verb and mark into the candidate for the same words.
fn add(out: &mut Vec<Candidate>, np: Np, verb: Option<usize>, rule: Option<Rule>, mark: Option<Mark>) {
    let i = match out.iter().position(|c| c.np.as_ref().is_some_and(|n| n.start == np.start && n.end == np.end)) {
        Some(i) => i,
        None => {
            out.push(Candidate {
                np: Some(np),
                verb: None,
                rules: Vec::new(),
                marks: Vec::new(),
                features: Vec::new(),
            });
            out.len() - 1
        }
    };
    let c = &mut out[i];
    if let Some(r) = rule.filter(|r| !c.rules.contains(r)) {
        c.rules.push(r);
    }
    if c.verb.is_none() {
        c.verb = verb;
    }
    if let Some(m) = mark.filter(|m| !c.marks.contains(m)) {
        c.marks.push(m);
    }
}

/// Every candidate for the source of quote `q`, with its features.
pub fn candidates(ctx: &Ctx, q: &Quote, last_speaker: Option<usize>) -> Vec<Candidate> {
    let span = Span::new(q.start, q.end);
    let mut out: Vec<Candidate> = Vec::new();
    let rule_cue = |out: &mut Vec<Candidate>, cue: Option<Cue>| {
        if let Some(c) = cue {
            add(out, c.np, c.verb, Some(c.rule), None);
        }
    };
    rule_cue(&mut out, ctx.cue_after(span));
    let before = ctx.cue_before(span);
    // "Several groups granted Mr. Clarke an extension, saying …": the participle's subject is the main
    // clause's, which need not be the first person named; both stand.
    let main_subject = before.as_ref().filter(|c| c.rule == Rule::Participle).and_then(|c| {
        let v = c.verb?;
        ctx.main_subject(ctx.sentence_range(v).start, v)
    });
    rule_cue(&mut out, before);
    if let Some(np) = main_subject {
        add(&mut out, np, None, None, Some(Mark::ParticipleMainSubject));
    }
    rule_cue(&mut out, ctx.cue_lead_in(span));
    rule_cue(&mut out, ctx.cue_previous_sentence(span));
    for (np, verb) in ctx.nearby_phrases(span) {
        add(&mut out, np, verb, None, None);
    }
    // The subject of every verb-like word before the quote in its sentence: "The ad claims “…”",
    // "a man yelled “…”", "Some chanted “…”".
    for (np, verb) in ctx.verb_subjects_before(span) {
        add(&mut out, np, Some(verb), None, Some(Mark::VerbSubject));
    }
    out.push(Candidate { np: None, verb: None, rules: Vec::new(), marks: Vec::new(), features: Vec::new() });
    features::describe(ctx, q, &mut out, last_speaker);
    out
}
