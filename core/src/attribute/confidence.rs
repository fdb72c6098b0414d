//! A quote's published `confidence`: the probability that its speaker is the right person, from a logistic
//! model over what the attribution rests on ([`Evidence`]: the ranker's probability for the words, the rule,
//! how the words became the speaker, how many others they could have meant) and what other outlets say
//! (how many versions of the same quote elsewhere credit the same speaker, and how many another). The
//! model is fitted out of fold on annotated news (`newsprism train-confidence`, `core/model/confidence.tsv`);
//! the other candidates become `alternatives`, sharing what the confidence leaves.

use std::collections::HashMap;

use crate::attribute::weights;
use std::sync::OnceLock;

use crate::attribute::evidence::{Evidence, Via};
use crate::model::{Alternative, Quote, QuoteKind, Section};

/// The committed weights.
const WEIGHTS: &str = include_str!("../../model/confidence.tsv");

/// At most this many alternatives per quote, each of at least [`MIN_ALTERNATIVE`].
const MAX_ALTERNATIVES: usize = 4;
const MIN_ALTERNATIVE: f32 = 0.01;

/// A quote's features: (name, value).
pub type Features = Vec<(String, f32)>;

/// What other outlets' versions of the same quote say of its speaker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Versions in other articles crediting the same speaker.
    pub agree: usize,
    /// Versions in other articles crediting another speaker.
    pub disagree: usize,
}

/// A logistic model over named features.
#[derive(Debug, Clone, Default)]
pub struct Calibrator {
    pub weights: HashMap<String, f32>,
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        _ => "2+",
    }
}

fn p_bucket(p: f32) -> &'static str {
    match p {
        p if p < 0.5 => "<0.5",
        p if p < 0.8 => "<0.8",
        p if p < 0.95 => "<0.95",
        p if p < 0.99 => "<0.99",
        _ => ">=0.99",
    }
}

/// The model's features for one quote: (name, value). Names are `key=value` atoms joined by `&`.
pub fn features(q: &Quote, ev: &Evidence, ag: Agreement) -> Features {
    let rule = q.rule.map_or("none", |r| r.name());
    let via = ev.via.name();
    let logit = (ev.p.clamp(1e-4, 1.0 - 1e-4) / (1.0 - ev.p.clamp(1e-4, 1.0 - 1e-4))).ln().clamp(-8.0, 8.0);
    let mut f: Vec<(String, f32)> = vec![
        ("bias".into(), 1.0),
        (format!("rule={rule}"), 1.0),
        (format!("via={via}"), 1.0),
        (format!("via={via}&rule={rule}"), 1.0),
        (format!("p={}", p_bucket(ev.p)), 1.0),
        (format!("via={via}&p={}", p_bucket(ev.p)), 1.0),
        ("logit".into(), logit / 8.0),
    ];
    if matches!(ev.via, Via::Pronoun | Via::Short) {
        f.push((format!("via={via}&rivals={}", bucket(ev.rivals)), 1.0));
    }
    let others = ag.agree + ag.disagree;
    if others > 0 {
        f.push((format!("agree={}", bucket(ag.agree)), 1.0));
        f.push((format!("disagree={}", bucket(ag.disagree)), 1.0));
    } else {
        f.push(("versions=none".into(), 1.0));
    }
    let section = match q.section {
        Section::Headline => "headline",
        Section::Caption => "caption",
        Section::Body => "body",
    };
    f.push((format!("section={section}"), 1.0));
    f.push((
        format!("quote={}&closed={}", if q.kind == QuoteKind::Direct { "direct" } else { "fragment" }, q.closed),
        1.0,
    ));
    f
}

impl Calibrator {
    /// The committed model.
    pub fn builtin() -> &'static Calibrator {
        static C: OnceLock<Calibrator> = OnceLock::new();
        C.get_or_init(|| Calibrator::parse(WEIGHTS))
    }

    /// Reads "feature<TAB>weight" lines; `#` lines are comments.
    pub fn parse(text: &str) -> Calibrator {
        Calibrator { weights: weights::parse(text) }
    }

    /// The weights, sorted by feature.
    pub fn to_tsv(&self) -> String {
        weights::to_tsv("Quote confidence: logistic weights, written by `newsprism train-confidence`.", &self.weights)
    }

    /// The probability for a feature vector.
    pub fn predict(&self, features: &[(String, f32)]) -> f32 {
        let z: f32 = features.iter().map(|(f, x)| self.weights.get(f).copied().unwrap_or(0.0) * x).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Three decimals: what a reader can use, and the same natively and in wasm whatever libm does; as an f64
/// so the JSON says 0.953, not 0.953000009.
fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// Sets every quote's confidence (0 without a speaker) and alternatives. `evidence` and `agreement` are in
/// the quotes' order.
pub fn apply(quotes: &mut [Quote], evidence: &[Evidence], agreement: &[Agreement], model: &Calibrator) {
    for ((q, ev), ag) in quotes.iter_mut().zip(evidence).zip(agreement) {
        let c = if q.speaker.is_some() { round3(model.predict(&features(q, ev, *ag))) } else { 0.0 };
        q.confidence = c;
        q.alternatives = alternatives(q, ev, c);
    }
}

/// The other speakers the candidates proposed, grouped by speaker, sharing what the confidence leaves in
/// proportion to the ranker's probability for their words.
fn alternatives(q: &Quote, ev: &Evidence, confidence: f64) -> Vec<Alternative> {
    let chosen = q.speaker.as_ref().map(|s| s.key.as_str());
    let mut by_key: Vec<(&crate::model::Speaker, f32)> = Vec::new();
    for (s, p) in &ev.alternatives {
        if Some(s.key.as_str()) == chosen {
            continue;
        }
        match by_key.iter_mut().find(|(x, _)| x.key == s.key) {
            Some(entry) => entry.1 += p,
            None => by_key.push((s, *p)),
        }
    }
    let rest: f32 = by_key.iter().map(|(_, p)| p).sum::<f32>().max(1.0 - if chosen.is_some() { ev.p } else { 0.0 });
    if rest <= 0.0 {
        return Vec::new();
    }
    let share = if chosen.is_some() { 1.0 - confidence as f32 } else { 1.0 };
    by_key.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.key.cmp(&b.0.key)));
    by_key
        .into_iter()
        .map(|(s, p)| (s, round3(share * p / rest)))
        .filter(|(_, p)| *p >= f64::from(MIN_ALTERNATIVE))
        .take(MAX_ALTERNATIVES)
        .map(|(s, probability)| Alternative {
            entity: s.entity.clone(),
            name: s.name.clone(),
            key: s.key.clone(),
            unnamed: s.unnamed,
            probability,
        })
        .collect()
}

/// Whether `name` is a feature [`features`] can produce: every `&`-joined atom a known key with a value of
/// its domain. A renamed rule or path makes the committed weights' names unknown, and a test fails.
pub fn is_known(name: &str) -> bool {
    let rules: Vec<&str> = crate::model::Rule::ALL.iter().map(|r| r.name()).chain(["none"]).collect();
    name.split('&').all(|atom| match atom.split_once('=') {
        None => matches!(atom, "bias" | "logit"),
        Some((key, value)) => match key {
            "rule" => rules.contains(&value),
            "via" => Via::ALL.iter().any(|v| v.name() == value),
            "p" => matches!(value, "<0.5" | "<0.8" | "<0.95" | "<0.99" | ">=0.99"),
            "rivals" | "agree" | "disagree" => matches!(value, "0" | "1" | "2+"),
            "versions" => value == "none",
            "section" => matches!(value, "headline" | "caption" | "body"),
            "quote" => matches!(value, "direct" | "fragment"),
            "closed" => matches!(value, "true" | "false"),
            _ => false,
        },
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{is_known, Calibrator};

    #[test]
    fn every_feature_of_the_committed_model_exists() {
        let unknown: Vec<&String> = Calibrator::builtin().weights.keys().filter(|f| !is_known(f)).collect();
        assert!(unknown.is_empty(), "weights no feature can have: {unknown:?}");
        assert!(Calibrator::builtin().weights.len() > 30);
        assert!(!is_known("rule=After"), "Debug names are not feature names");
    }
}
