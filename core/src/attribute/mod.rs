//! Quote attribution: who said each quotation.
//!
//! For every quote the attributor reads the words around it, in order of reliability:
//! 1. after the closing mark: "“…,” Putin said", "“…,” said the official", "“…,” he told CBS", "— Name",
//!    "“…,” the letter reads", "as X put it", "per X", or the next sentence ("“…emails.” Trump said.");
//! 2. before the opening mark: "Obama said at the General Assembly: “…”", "Putin insisted that “…”",
//!    "he described relations as “…”", "…, saying, “…”" (the main clause's subject), "according to X",
//!    "Beck, who has called Trump “…”" (the mention is "who", the speaker Beck);
//! 3. the quote's context: a quote right after a cued quote keeps that cue ("“…,” said Beck. “…”"); later
//!    parts of a quote over several paragraphs share its speaker; a quote with no cue continues the speaker
//!    of the quote before it in the same paragraph, or of the previous paragraph when the whole paragraph is
//!    a quote.
//!
//! A ranker trained on PolNeAR ([`rank`]) chooses among what these rules propose and the names nearby.
//!
//! The words naming the source become a speaker: a person, organization or country entity (pronouns
//! resolved to the nearest person of matching gender), or an unnamed source labelled by its institution
//! ("unnamed official (White House)"), kept the same within an article. A quote with no cue stays
//! unattributed.

pub mod context;
pub mod coref;
pub mod cues;
pub mod features;
pub mod np;
pub mod rank;
pub mod speaker;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Entity, EntityKind, Quote, QuoteKind, Rule, Speaker};
use crate::span::Span;
use crate::tag::article::TaggedArticle;
use context::Ctx;
use rank::Ranker;
use speaker::{speaker_of, State};

/// The attribution of one quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    /// The reporting verb as written ("said", "told", "insisted").
    pub verb: Option<String>,
    pub cue: Option<Span>,
    pub rule: Option<Rule>,
    /// How sure the rule is, 0..1.
    pub confidence: f32,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution { speaker: None, verb: None, cue: None, rule: None, confidence: 0.0 }
    }
}

/// How the attributor chooses among the cues it finds.
#[derive(Debug, Clone, Copy)]
pub enum Mode<'r> {
    /// The ranker scores every candidate the rules and the nearby names propose (the normal mode).
    Ranked(&'r Ranker),
    /// The first rule that fires decides, in order of reliability (the ranker's training uses this for
    /// "who spoke last").
    RulesOnly,
}

/// Attributes every quote of one article. `quotes` are this article's quotes in text order; `offset` is the
/// index of the first of them in the analysis-wide list (which `Quote::continues` points into).
pub fn attribute_article(
    article: &Article,
    tagged: &TaggedArticle,
    entities: &[Entity],
    quotes: &[Quote],
    offset: usize,
    mode: Mode,
) -> Vec<Attribution> {
    let ctx = Ctx::new(article, tagged, entities);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    let mut state = State::default();
    for q in quotes {
        let span = Span::new(q.start, q.end);
        let attribution = if is_title(&ctx, q) {
            // “60 Minutes”, “This Week”: a name in quotation marks, not speech.
            Attribution::none()
        } else if let Mode::Ranked(ranker) = mode {
            let candidates = rank::candidates(&ctx, q, quotes, state.last_speaker);
            // "Nobody" is never trained and scores 0: it wins when every candidate scores below zero.
            match ranker.best(&candidates) {
                Some((best, margin)) => {
                    let c = &candidates[best];
                    match &c.np {
                        Some(np) => {
                            let speaker = speaker_of(&ctx, np, quotes, &mut state);
                            Attribution {
                                confidence: if speaker.is_some() { 1.0 / (1.0 + (-margin).exp()) } else { 0.0 },
                                speaker,
                                verb: c.verb.map(|v| ctx.token_text(v).to_string()),
                                cue: c.verb.map(|v| ctx.token_span(v)),
                                rule: Some(c.rules.first().copied().unwrap_or(Rule::Nearby)),
                            }
                        }
                        None => Attribution::none(),
                    }
                }
                None => Attribution::none(),
            }
        } else {
            let cue = ctx
                .cue_after(span)
                .or_else(|| ctx.cue_before(span))
                .or_else(|| ctx.cue_lead_in(span))
                .or_else(|| q.continues.is_none().then(|| ctx.cue_previous_sentence(span, quotes)).flatten());
            match cue {
                Some(cue) => {
                    let speaker = speaker_of(&ctx, &cue.np, quotes, &mut state);
                    let confidence = if speaker.is_some() { cue.confidence } else { 0.0 };
                    Attribution {
                        speaker,
                        verb: cue.verb.map(|v| ctx.token_text(v).to_string()),
                        cue: cue.verb.map(|v| ctx.token_span(v)),
                        rule: Some(cue.rule),
                        confidence,
                    }
                }
                None => Attribution::none(),
            }
        };
        if let Some(e) = attribution.speaker.as_ref().and_then(|s| s.entity.as_ref()) {
            state.last_speaker = entities.iter().position(|x| &x.id == e && x.kind == EntityKind::Person);
        }
        out.push(attribution);
    }
    // Parts of a quote over several paragraphs share the first attributed part's speaker.
    let groups: Vec<usize> = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| q.continues.and_then(|c| c.checked_sub(offset)).filter(|&c| c < i).unwrap_or(i))
        .collect();
    for g in 0..quotes.len() {
        let members: Vec<usize> = (0..quotes.len()).filter(|&i| groups[i] == g).collect();
        if members.len() < 2 {
            continue;
        }
        if let Some(&src) = members.iter().find(|&&i| out[i].speaker.is_some()) {
            let a = out[src].clone();
            for &m in &members {
                if out[m].speaker.is_none() {
                    out[m] =
                        Attribution { rule: Some(Rule::Continuation), confidence: a.confidence * 0.95, ..a.clone() };
                }
            }
        }
    }
    inherit(&ctx, quotes, &mut out);
    out
}

/// A short fragment in title case after a possessive or "on" is a name in quotation marks (a programme,
/// a book: "on ABC's “This Week”"), not speech.
fn is_title(ctx: &Ctx, q: &Quote) -> bool {
    let words: Vec<&str> = q.text.split_whitespace().collect();
    let title_case = q.kind == QuoteKind::Fragment
        && (1..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    title_case && ctx.word_before_quote(q.start).is_some_and(|w| matches!(w, "'s" | "’s" | "on"))
}

/// Gives quotes without a cue the speaker of the quote before them, in the same paragraph or (for a paragraph
/// that is all quote) the previous one, when no other person is named in between.
fn inherit(ctx: &Ctx, quotes: &[Quote], out: &mut [Attribution]) {
    for i in 1..quotes.len() {
        if out[i].speaker.is_some() || is_title(ctx, &quotes[i]) {
            continue;
        }
        let q = &quotes[i];
        let Some(j) = (0..i).rev().find(|&j| out[j].speaker.is_some()) else { continue };
        let prev = &quotes[j];
        let (Some(pp), Some(qp)) = (prev.paragraph, q.paragraph) else { continue };
        let between = Span::new(prev.end, q.start);
        let speaker_key = out[j].speaker.as_ref().map(|s| s.key.clone());
        let other_person = ctx.person_mentions_in(between, quotes).any(|e| Some(&e.id) != speaker_key.as_ref());
        if other_person {
            continue;
        }
        let rule = if pp == qp {
            Rule::SameParagraph
        } else if qp == pp + 1 && ctx.is_whole_paragraph(q) {
            Rule::Continuation
        } else {
            continue;
        };
        let a = out[j].clone();
        out[i] =
            Attribution { rule: Some(rule), confidence: if rule == Rule::SameParagraph { 0.7 } else { 0.75 }, ..a };
    }
}
