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

pub mod phrase;
pub mod rank;
pub mod verbs;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Quote};
use crate::parse::quote::QuoteKind;
use crate::resolve::entity::{Entity, EntityKind, How};
use crate::span::Span;
use crate::tagged::TaggedArticle;
use phrase::{Ctx, Np, NpHead};
use rank::Ranker;

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker's entity id; null for an unnamed source.
    pub entity: Option<String>,
    /// The canonical name, or a label such as "unnamed official (White House)".
    pub name: String,
    pub unnamed: bool,
    /// The words that name the source for this quote ("he", "the official", "Putin").
    pub mention: Option<MentionSpan>,
    /// Groups quotes by speaker: the entity id, or "unnamed:ARTICLE:label".
    pub key: String,
}

/// A span of the article's text, with the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Which rule attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A cue after the quote: "“…,” Putin said".
    After,
    /// A cue before the quote: "Putin said: “…”".
    Before,
    /// "according to X".
    AccordingTo,
    /// A participle clause: "Obama …, saying, “…”".
    Participle,
    /// A later part of a quote over several paragraphs, or a paragraph that continues the previous speaker.
    Continuation,
    /// A reporting verb in the sentence before the quote: "Obama said the West would act. “We cannot …”"
    PreviousSentence,
    /// Someone named near the quote, chosen by the ranker without a rule proposing them.
    Nearby,
    /// Another quote of the same paragraph's speaker.
    SameParagraph,
}

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

/// Attributes every quote of one article. `quotes` are this article's quotes in text order; `offset` is the
/// index of the first of them in the analysis-wide list (which `Quote::continues` points into).
pub fn attribute_article(
    article: &Article,
    tagged: &TaggedArticle,
    entities: &[Entity],
    quotes: &[Quote],
    offset: usize,
    ranker: &Ranker,
) -> Vec<Attribution> {
    let ctx = Ctx::new(article, tagged, entities);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    let mut state = State::default();
    for q in quotes {
        let span = Span::new(q.start, q.end);
        let attribution = if is_title(&ctx, q) {
            // “60 Minutes”, “This Week”: a name in quotation marks, not speech.
            Attribution::none()
        } else if !ranker.weights.is_empty() {
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

/// What the attributor remembers while reading an article.
#[derive(Default)]
struct State {
    /// Unnamed sources so far: (head noun, label).
    unnamed: Vec<(String, String)>,
    /// The entity index of the person who spoke last.
    last_speaker: Option<usize>,
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

/// The unnamed-source nouns: a phrase headed by one of these names a source without naming a person.
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "staffer",
    "staffers",
    "insider",
    "insiders",
    "person",
    "people",
    "analyst",
    "analysts",
    "observer",
    "observers",
    "lawmaker",
    "lawmakers",
];

/// Turns the phrase naming a source into a speaker.
fn speaker_of(ctx: &Ctx, np: &Np, quotes: &[Quote], state: &mut State) -> Option<Speaker> {
    let mention = Some(ctx.mention_span(np.start, np.end));
    let article = &ctx.article.id;
    match &np.head {
        NpHead::Pronoun(p) => {
            let p = p.to_lowercase();
            let gender = match p.as_str() {
                "he" => Some("m"),
                "she" => Some("f"),
                _ => None,
            };
            if p == "i" || p == "we" {
                // First person outside quotation marks: the article's writer (or its writers).
                let name = if p == "i" { "the writer" } else { "the writers" };
                return Some(Speaker {
                    entity: None,
                    name: name.into(),
                    unnamed: true,
                    mention,
                    key: format!("writer:{article}:{p}"),
                });
            }
            let unidentified = |mention| Speaker {
                entity: None,
                name: format!("unidentified ({p})"),
                unnamed: true,
                mention,
                key: format!("unidentified:{article}:{p}"),
            };
            if p == "it" {
                // "… it said": the organization or country named last, else an unidentified source.
                let at = ctx.token_span(np.start).start;
                return Some(match ctx.last_institution(at) {
                    Some(e) => entity_speaker(e, mention, None),
                    None => unidentified(mention),
                });
            }
            if gender.is_some() {
                let at = ctx.token_span(np.start).start;
                let last = state.last_speaker.map(|i| &ctx.entities[i]);
                return Some(match ctx.resolve_pronoun(at, gender, quotes, last) {
                    Some(e) => entity_speaker(e, mention, None),
                    None => unidentified(mention),
                });
            }
            // "they": the last group of unnamed sources in the article, else an unidentified group.
            let Some(label) = state.unnamed.iter().rev().find(|(h, _)| h.ends_with('s')).map(|(_, l)| l.clone()) else {
                return Some(unidentified(mention));
            };
            Some(Speaker {
                entity: None,
                key: format!("unnamed:{article}:{label}"),
                name: label,
                unnamed: true,
                mention,
            })
        }
        NpHead::Relative(antecedent) => {
            // "who" names the source here; the phrase it stands for says who that is.
            let speaker = speaker_of(ctx, antecedent, quotes, state)?;
            Some(Speaker { mention, ..speaker })
        }
        NpHead::Entity(idx) => {
            let e = &ctx.entities[*idx];
            // An institution before a common noun: "a White House official", "Iraq's military".
            let last = ctx.token_text(np.end - 1);
            if last.chars().next().is_some_and(char::is_lowercase) && e.kind != EntityKind::Person {
                let head = last.to_lowercase();
                return Some(unnamed(ctx, np, &head, state, mention));
            }
            let label = (e.kind == EntityKind::Country)
                .then(|| ctx.mention_in(*idx, np.start, np.end))
                .flatten()
                .filter(|(how, _)| *how == How::Seat)
                .map(|(_, text)| text);
            Some(entity_speaker(e, mention, label))
        }
        NpHead::Noun(head) => {
            let head = head.to_lowercase();
            let definite = ctx.token_text(np.start).eq_ignore_ascii_case("the");
            if definite && np.end > np.start + 1 {
                // "the official": the unnamed source of that kind already speaking in this article.
                if let Some((_, label)) = state.unnamed.iter().rev().find(|(h, _)| *h == head) {
                    let label = label.clone();
                    return Some(Speaker {
                        entity: None,
                        key: format!("unnamed:{article}:{label}"),
                        name: label,
                        unnamed: true,
                        mention,
                    });
                }
                // "the president": the person of that role named most recently.
                let role = ctx.phrase_text(np.start + 1, np.end);
                if let Some(e) = ctx.person_with_role(ctx.token_span(np.start).start, &role, quotes) {
                    return Some(entity_speaker(e, mention, None));
                }
            }
            Some(unnamed(ctx, np, &head, state, mention))
        }
    }
}

fn entity_speaker(e: &Entity, mention: Option<MentionSpan>, label: Option<String>) -> Speaker {
    Speaker {
        entity: Some(e.id.clone()),
        name: label.unwrap_or_else(|| e.name.clone()),
        unnamed: false,
        mention,
        key: e.id.clone(),
    }
}

/// An unnamed source, labelled by its kind and institution: "unnamed official (White House)",
/// "unnamed officials (United States)", "military (Iraq)", "opposition leaders (Syria)".
fn unnamed(ctx: &Ctx, np: &Np, head: &str, state: &mut State, mention: Option<MentionSpan>) -> Speaker {
    let institution =
        ctx.entities_in(np.start, np.end).find(|(e, _, _)| e.kind != EntityKind::Person).map(|(e, a, b)| {
            match (e.kind, ctx.mention_in(ctx.entities.iter().position(|x| x.id == e.id).unwrap_or(0), a, b)) {
                (EntityKind::Country, Some((How::Seat, text))) => (text, a, b),
                _ => (e.name.clone(), a, b),
            }
        });
    // The phrase's own words, without determiners, the institution's words and adjectives of rank.
    let words: Vec<String> = (np.start..np.end)
        .filter(|&t| !institution.as_ref().is_some_and(|(_, a, b)| (*a..*b).contains(&t)))
        .map(|t| ctx.token_text(t).to_string())
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "another" | "'s" | "’s"))
        .collect();
    let kind = if SOURCE_NOUNS.contains(&head) { format!("unnamed {head}") } else { words.join(" ") };
    let kind = if kind.is_empty() { head.to_string() } else { kind };
    let label = match institution {
        Some((name, _, _)) => format!("{kind} ({name})"),
        None => kind,
    };
    state.unnamed.push((head.to_string(), label.clone()));
    Speaker { entity: None, key: format!("unnamed:{}:{label}", ctx.article.id), name: label, unnamed: true, mention }
}
