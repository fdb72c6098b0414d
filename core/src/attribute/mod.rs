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

pub mod agents;
pub mod bodies;
pub mod confidence;
pub mod context;
pub mod coref;
pub mod cues;
pub mod evidence;
pub mod features;
pub mod lists;
pub mod np;
pub mod rank;
pub mod speaker;
pub mod weights;

use std::collections::HashMap;

use crate::lexis::set::{words, Words};
use crate::model::{Article, Entity, EntityKind, Quote, QuoteKind, Rule, Speaker};
use crate::span::Span;
use crate::tag::article::TaggedArticle;
use context::{entity_ids, ArticleMention, Ctx};
use evidence::Evidence;
use rank::Ranker;
use speaker::{speaker_of, State};

/// The attribution of one quote.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    /// The reporting verb as written ("said", "told", "insisted").
    pub verb: Option<String>,
    pub cue: Option<Span>,
    pub rule: Option<Rule>,
    /// How sure the rule is, 0..1 (before calibration: [`confidence`] makes the published one).
    pub confidence: f32,
    /// What it rests on, for its calibrated confidence and its alternatives.
    pub evidence: Evidence,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution { speaker: None, verb: None, cue: None, rule: None, confidence: 0.0, evidence: Evidence::default() }
    }
}

/// The smallest probability the ranker must give other words for their speaker to be an alternative.
const ALTERNATIVE_FLOOR: f32 = 0.01;

/// How the attributor chooses among the cues it finds.
#[derive(Debug, Clone, Copy)]
pub enum Mode<'r> {
    /// The ranker scores every candidate the rules and the nearby names propose (the normal mode).
    Ranked(&'r Ranker),
    /// The first rule that fires decides, in order of reliability (the ranker's training uses this for
    /// "who spoke last").
    RulesOnly,
}

/// Attributes every quote of the corpus, article by article; `quotes` are in article order, as the
/// analysis lists them. Mentions are grouped by article once, so the work is linear in the corpus. Returns
/// what each attribution rests on, in the quotes' order.
pub fn attribute_all(
    articles: &[Article],
    tagged: &[TaggedArticle],
    entities: &[Entity],
    quotes: &mut [Quote],
    mode: Mode,
    threads: usize,
) -> Vec<Evidence> {
    let ids = entity_ids(entities);
    let article_index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut mentions: Vec<Vec<ArticleMention>> = vec![Vec::new(); articles.len()];
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            if let Some(&a) = article_index.get(m.article.as_str()) {
                mentions[a].push((Span::new(m.start, m.end), i, m.how));
            }
        }
    }
    // Each article's quotes: a range of `quotes`.
    let mut ranges = Vec::with_capacity(articles.len());
    let mut start = 0;
    for article in articles {
        let n = quotes[start..].iter().take_while(|q| q.article == article.id).count();
        ranges.push(start..start + n);
        start += n;
    }
    let jobs: Vec<(usize, Vec<ArticleMention>)> = mentions.into_iter().enumerate().collect();
    let all = &*quotes;
    let found: Vec<Vec<Attribution>> = crate::parallel::map_with(
        &jobs,
        threads,
        || (),
        |_, _, (i, mentions)| {
            let range = ranges[*i].clone();
            let ctx = Ctx::new(&articles[*i], &tagged[*i], entities, mentions.clone(), &all[range.clone()], &ids);
            attribute_article(&ctx, range.start, mode)
        },
    );
    let mut evidence = Vec::with_capacity(quotes.len());
    for (range, found) in ranges.into_iter().zip(found) {
        for (q, a) in quotes[range].iter_mut().zip(found) {
            q.speaker = a.speaker;
            q.verb = a.verb;
            q.cue = a.cue;
            q.rule = a.rule;
            // Three decimals: what a reader can use, and the same natively and in wasm whatever libm does.
            q.confidence = (f64::from(a.confidence) * 1000.0).round() / 1000.0;
            evidence.push(a.evidence);
        }
    }
    evidence
}

/// Attributes every quote of one article (`ctx.quotes`, in text order); `offset` is the index of the first
/// of them in the analysis-wide list (which `Quote::continues` points into).
pub fn attribute_article(ctx: &Ctx, offset: usize, mode: Mode) -> Vec<Attribution> {
    let quotes = ctx.quotes;
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    let mut state = State::new(ctx);
    for q in quotes {
        let span = Span::new(q.start, q.end);
        state.addressee = speaker::addressee(ctx, q);
        let attribution = if is_title(ctx, q) || is_named_word(ctx, q) {
            // “60 Minutes”, “This Week”: a name in quotation marks, not speech; the word “austerity”.
            Attribution::none()
        } else if let Mode::Ranked(ranker) = mode {
            let candidates = rank::candidates(ctx, q, state.last_speaker);
            // "Nobody" is never trained and scores 0: it wins when every candidate scores below zero.
            match ranker.best(&candidates) {
                Some((best, margin)) => {
                    let probabilities = ranker.probabilities(&candidates);
                    // Other candidates' speakers, read on a copy of the state so they leave no trace.
                    let mut scratch = state.clone();
                    let mut alternatives: Vec<(Speaker, f32)> = Vec::new();
                    for (j, c) in candidates.iter().enumerate() {
                        let Some(np) = c.np.as_ref().filter(|_| j != best && probabilities[j] >= ALTERNATIVE_FLOOR)
                        else {
                            continue;
                        };
                        if let Some(s) = speaker_of(ctx, np, &mut scratch) {
                            alternatives.push((s, probabilities[j]));
                        }
                    }
                    // The best candidate whose words name a speaker; words that name none ("the deal")
                    // give way to the next, and "nobody" ends the search.
                    let mut order: Vec<usize> = (0..candidates.len()).collect();
                    order.sort_by(|&a, &b| probabilities[b].total_cmp(&probabilities[a]).then(a.cmp(&b)));
                    let mut chosen = None;
                    for &j in order.iter().take(3) {
                        let Some(np) = &candidates[j].np else { break };
                        if let Some(speaker) = speaker_of(ctx, np, &mut state) {
                            chosen = Some((j, np, speaker));
                            break;
                        }
                    }
                    match chosen {
                        Some((j, np, speaker)) => {
                            let c = &candidates[j];
                            let via = evidence::via(ctx, np, &speaker);
                            let rivals = evidence::rivals(ctx, np, &speaker, via);
                            let p = probabilities[j];
                            alternatives.retain(|(s, _)| s.key != speaker.key);
                            // The person a pronoun would mean but for the one chosen: half the words' weight.
                            if let (evidence::Via::Pronoun, Some(id)) = (via, speaker.entity.clone()) {
                                if let Some(s) = speaker::pronoun_runner_up(ctx, np, &state, &id) {
                                    alternatives.push((s, 0.5 * p));
                                }
                            }
                            let margin = if j == best { margin } else { 0.0 };
                            Attribution {
                                confidence: 1.0 / (1.0 + (-margin).exp()),
                                speaker: Some(speaker),
                                verb: c.verb.map(|v| ctx.token_text(v).to_string()),
                                cue: c.verb.map(|v| ctx.token_span(v)),
                                rule: Some(c.rules.first().copied().unwrap_or(Rule::Nearby)),
                                evidence: Evidence { p, via, rivals, alternatives },
                            }
                        }
                        None => Attribution {
                            evidence: Evidence { alternatives, ..Evidence::default() },
                            ..Attribution::none()
                        },
                    }
                }
                None => Attribution::none(),
            }
        } else {
            let cue = ctx
                .cue_after(span)
                .or_else(|| ctx.cue_before(span))
                .or_else(|| ctx.cue_lead_in(span))
                .or_else(|| q.continues.is_none().then(|| ctx.cue_previous_sentence(span)).flatten());
            match cue {
                Some(cue) => {
                    let speaker = speaker_of(ctx, &cue.np, &mut state);
                    let confidence = if speaker.is_some() { cue.confidence } else { 0.0 };
                    let via = speaker.as_ref().map_or(evidence::Via::None, |s| evidence::via(ctx, &cue.np, s));
                    Attribution {
                        speaker,
                        verb: cue.verb.map(|v| ctx.token_text(v).to_string()),
                        cue: cue.verb.map(|v| ctx.token_span(v)),
                        rule: Some(cue.rule),
                        confidence,
                        evidence: Evidence { p: confidence, via, ..Evidence::default() },
                    }
                }
                None => Attribution::none(),
            }
        };
        if let Some(e) = attribution.speaker.as_ref().and_then(|s| s.entity.as_ref()) {
            state.last_speaker = ctx.entity_index(e).filter(|&i| ctx.entities[i].kind == EntityKind::Person);
        }
        out.push(attribution);
    }
    // Parts of a quote over several paragraphs share the first attributed part's speaker.
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(first) = q.continues.and_then(|c| c.checked_sub(offset)).filter(|&c| c < i) {
            groups.entry(first).or_insert_with(|| vec![first]).push(i);
        }
    }
    let mut firsts: Vec<usize> = groups.keys().copied().collect();
    firsts.sort_unstable();
    for first in firsts {
        let members = &groups[&first];
        if let Some(&src) = members.iter().find(|&&i| out[i].speaker.is_some()) {
            let a = out[src].clone();
            for &m in members {
                if out[m].speaker.is_none() {
                    out[m] =
                        Attribution { rule: Some(Rule::Continuation), confidence: a.confidence * 0.95, ..a.clone() };
                }
            }
        }
    }
    inherit(ctx, &mut out);
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

/// Nouns that put the quoted words forward as words, not as anyone's speech: "the word “austerity”", "a
/// slogan, “…”", "the hashtag “…”".
const WORD_NOUNS: Words = words![
    "word", "words", "term", "terms", "phrase", "phrases", "slogan", "slogans", "label", "nickname", "hashtag",
    "motto",
];

/// A short quote right after a noun that names it as words ([`WORD_NOUNS`]), or after "so-called".
fn is_named_word(ctx: &Ctx, q: &Quote) -> bool {
    q.text.split_whitespace().count() <= 6
        && ctx.word_before_quote(q.start).is_some_and(|w| {
            let w = w.to_lowercase();
            WORD_NOUNS.has_exact(&w) || w == "so-called"
        })
}

/// Gives quotes without a cue the speaker of the quote before them, in the same paragraph or (for a paragraph
/// that is all quote) the previous one, when no other person is named in between.
fn inherit(ctx: &Ctx, out: &mut [Attribution]) {
    let quotes = ctx.quotes;
    // The last quote with a speaker so far.
    let mut last: Option<usize> = None;
    for i in 0..quotes.len() {
        if out[i].speaker.is_some() {
            last = Some(i);
            continue;
        }
        if is_title(ctx, &quotes[i]) || is_named_word(ctx, &quotes[i]) {
            continue;
        }
        let q = &quotes[i];
        let Some(j) = last else { continue };
        let prev = &quotes[j];
        let (Some(pp), Some(qp)) = (prev.paragraph, q.paragraph) else { continue };
        let between = Span::new(prev.end, q.start);
        let speaker_key = out[j].speaker.as_ref().map(|s| s.key.clone());
        let other_person = ctx.person_mentions_in(between).any(|e| Some(&e.id) != speaker_key.as_ref());
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
        last = Some(i);
    }
}
