//! Choosing the source of a quote among candidates, with weights learned from PolNeAR's training split.
//!
//! Candidates are the phrases the cue rules propose ("“…,” Putin said", "Putin said: “…”", lead-ins,
//! participles) and every person, organization, country and pronoun named near the quote, plus "nobody".
//! Each gets a few dozen features (which rules proposed it, what it is, where it sits, whether a reporting
//! verb touches it, whether it spoke last); a linear model trained as a softmax ranker picks one.
//! `newsprism train-quotes` writes the weights to `core/model/attribution.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::attribute::phrase::{Ctx, Cue, Np, NpHead};
use crate::attribute::{Rule, SOURCE_NOUNS};
use crate::model::Quote;
use crate::parse::quote::QuoteKind;
use crate::resolve::entity::EntityKind;
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
    pub features: Vec<String>,
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
        let weights = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (f, w) = l.rsplit_once('\t')?;
                Some((f.to_string(), w.trim().parse().ok()?))
            })
            .collect();
        Ranker { weights }
    }

    /// Writes the weights, sorted by feature, zeros dropped.
    pub fn to_tsv(&self) -> String {
        // Below 0.00005 a weight prints as zero; the filter keeps what is written and what is read back the same.
        let mut rows: Vec<(&String, &f32)> = self.weights.iter().filter(|(_, w)| w.abs() >= 5e-5).collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out =
            String::from("# Quote attribution ranker weights, written by `newsprism train-quotes`. feature\tweight\n");
        for (f, w) in rows {
            out.push_str(&format!("{f}\t{w:.4}\n"));
        }
        out
    }

    pub fn score(&self, c: &Candidate) -> f32 {
        c.features.iter().map(|f| self.weights.get(f).copied().unwrap_or(0.0)).sum()
    }

    /// The best candidate's index and its margin over the runner-up.
    pub fn best(&self, candidates: &[Candidate]) -> Option<(usize, f32)> {
        let scores: Vec<f32> = candidates.iter().map(|c| self.score(c)).collect();
        let best = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))?;
        let second = (0..scores.len()).filter(|&i| i != best).map(|i| scores[i]).fold(f32::NEG_INFINITY, f32::max);
        Some((best, scores[best] - second))
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0..=2 => "0-2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// Documents that speak for someone: "the statement said", "the letter reads".
const DOCUMENT_NOUNS: &[&str] =
    &["statement", "report", "letter", "ad", "email", "post", "tweet", "release", "headline", "campaign"];

/// Adds a candidate phrase, or merges its rule, verb and feature into the candidate for the same words.
fn add(out: &mut Vec<Candidate>, np: Np, verb: Option<usize>, rule: Option<Rule>, feature: Option<&str>) {
    let i = match out.iter().position(|c| c.np.as_ref().is_some_and(|n| n.start == np.start && n.end == np.end)) {
        Some(i) => i,
        None => {
            out.push(Candidate { np: Some(np), verb: None, rules: Vec::new(), features: Vec::new() });
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
    if let Some(f) = feature.filter(|f| !c.features.iter().any(|x| x == f)) {
        c.features.push(f.to_string());
    }
}

/// Every candidate for the source of quote `q`, with its features.
pub fn candidates(ctx: &Ctx, q: &Quote, quotes: &[Quote], last_speaker: Option<usize>) -> Vec<Candidate> {
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
        add(&mut out, np, None, None, Some("participle_main_subject"));
    }
    rule_cue(&mut out, ctx.cue_lead_in(span));
    rule_cue(&mut out, ctx.cue_previous_sentence(span, quotes));
    for (np, verb) in ctx.nearby_phrases(span, quotes) {
        add(&mut out, np, verb, None, None);
    }
    // The subject of every verb-like word before the quote in its sentence: "The ad claims “…”",
    // "a man yelled “…”", "Some chanted “…”".
    for (np, verb) in ctx.verb_subjects_before(span) {
        add(&mut out, np, Some(verb), None, Some("verb_subject"));
    }
    out.push(Candidate { np: None, verb: None, rules: Vec::new(), features: Vec::new() });
    let whole = ctx.is_whole_paragraph(q);
    let qkind = match q.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Fragment => "fragment",
    };
    let any_rule: Vec<String> = {
        let mut r: Vec<String> = out.iter().flat_map(|c| c.rules.iter().map(|r| format!("{r:?}"))).collect();
        r.sort();
        r.dedup();
        r
    };
    // How many candidates of the same side lie between each candidate and the quote.
    let order = nearness(ctx, span, &out);
    let n_words = q.text.split_whitespace().count();
    for (i, c) in out.iter_mut().enumerate() {
        // Features set while collecting ("verb_subject", "participle_main_subject"), alone and with the kind.
        let extra = std::mem::take(&mut c.features);
        c.features = features(ctx, q, span, c, qkind, whole, last_speaker);
        for e in extra {
            c.features.push(format!("{e}&{}", c.features[1]));
            c.features.push(e);
        }
        if c.np.is_none() {
            c.features
                .push(format!("none&rules={}", if any_rule.is_empty() { "-".to_string() } else { any_rule.join("+") }));
            c.features.push(format!("none&any_rule={}&{qkind}", !any_rule.is_empty()));
            c.features.push(format!("none&words={}", bucket(n_words)));
            c.features.push(format!(
                "none&after_determiner={}",
                ctx.word_before_quote(q.start).is_some_and(|w| matches!(
                    w.to_lowercase().as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                ))
            ));
        } else {
            c.features.push(format!("nearness={}", order[i].min(4)));
            c.features.push(format!("nearness={}&{}", order[i].min(4), c.features[2]));
        }
    }
    out
}

/// For each candidate, how many other candidates sit between it and the quote on its side.
fn nearness(ctx: &Ctx, span: Span, cands: &[Candidate]) -> Vec<usize> {
    let key = |c: &Candidate| {
        c.np.as_ref().map(|np| {
            let s = ctx.token_span(np.start).start;
            if s < span.start {
                (0u8, span.start - s)
            } else {
                (1u8, s.saturating_sub(span.end))
            }
        })
    };
    cands
        .iter()
        .map(|c| match key(c) {
            None => 0,
            Some((side, d)) => cands.iter().filter_map(key).filter(|&(s2, d2)| s2 == side && d2 < d).count(),
        })
        .collect()
}

fn features(
    ctx: &Ctx,
    q: &Quote,
    span: Span,
    c: &Candidate,
    qkind: &str,
    whole: bool,
    last: Option<usize>,
) -> Vec<String> {
    let mut f = Vec::with_capacity(24);
    let Some(np) = &c.np else {
        f.push("none".into());
        f.push(format!("none&{qkind}"));
        f.push(format!("none&whole={whole}"));
        f.push(format!("none&continues={}", q.continues.is_some()));
        return f;
    };
    let kind = kind_of(ctx, np);
    let end = ctx.token_span(np.end - 1).end;
    let (side, distance) = if end <= span.start {
        ("before", ctx.first_token_from(span.start).saturating_sub(np.end))
    } else {
        ("after", np.start.saturating_sub(ctx.first_token_from(span.end)))
    };
    let sentence = ctx.sentence_distance(np.start, span);
    let rules: Vec<String> =
        if c.rules.is_empty() { vec!["-".into()] } else { c.rules.iter().map(|r| format!("{r:?}")).collect() };
    f.push("bias".into());
    f.push(format!("kind={kind}"));
    f.push(format!("pos={side}:{}", bucket(distance)));
    f.push(format!("sent={sentence}"));
    f.push(format!("sent={sentence}&kind={kind}"));
    f.push(format!("pos={side}&{qkind}"));
    f.push(format!("whole={whole}&sent={sentence}"));
    let (verb_after, verb_before) = ctx.verb_touches(np.start, np.end);
    for r in &rules {
        f.push(format!("rule={r}"));
        f.push(format!("rule={r}&kind={kind}"));
        f.push(format!("rule={r}&{qkind}"));
        f.push(format!("rule={r}&sent={sentence}"));
        f.push(format!("rule={r}&verb_after={verb_after}"));
    }
    f.push(format!("kind={kind}&pos={side}:{}&verb_after={verb_after}", bucket(distance)));
    f.push(format!("nrules={}", c.rules.len().min(3)));
    f.push(format!("verb_after={verb_after}&kind={kind}"));
    f.push(format!("verb_before={verb_before}"));
    if let (Some(l), NpHead::Entity(i)) = (last, &np.head) {
        f.push(format!("last_speaker={}", l == *i));
    }
    if matches!(np.head, NpHead::Pronoun(_)) {
        f.push(format!("pronoun&last_speaker_exists={}", last.is_some()));
    }
    f.push(format!("subject={}", ctx.is_subject(np)));
    f.push(format!("possessive={}", ctx.is_possessive_np(np)));
    f.push(format!("after_preposition={}&kind={kind}", ctx.after_preposition(np)));
    f
}

/// What names a candidate: "person", "org", "country", "pronoun:he", "noun:source", "relative:person", ….
fn kind_of(ctx: &Ctx, np: &Np) -> String {
    match &np.head {
        NpHead::Relative(antecedent) => format!("relative:{}", kind_of(ctx, antecedent)),
        NpHead::Pronoun(p) => format!("pronoun:{}", p.to_lowercase()),
        NpHead::Entity(i) => match ctx.entities[*i].kind {
            EntityKind::Person => "person".into(),
            EntityKind::Organization => "org".into(),
            EntityKind::Country => "country".into(),
        },
        NpHead::Noun(n) => {
            let n = n.to_lowercase();
            if SOURCE_NOUNS.contains(&n.as_str()) || DOCUMENT_NOUNS.contains(&n.as_str()) {
                "noun:source".into()
            } else if n.chars().next().is_some_and(char::is_alphabetic)
                && ctx.token_text(np.end - 1).chars().next().is_some_and(char::is_uppercase)
            {
                "noun:name".into()
            } else {
                "noun:other".into()
            }
        }
    }
}
