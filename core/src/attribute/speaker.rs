//! From the words naming a source to a speaker: a person, organization or country entity (pronouns and
//! roles resolved), or an unnamed source labelled by its kind and institution ("unnamed official (White
//! House)", "unnamed officials (United States)"), kept the same within an article.

use crate::attribute::agents::can_speak;
use crate::attribute::bodies::body_of;
use crate::attribute::context::{is_mark, Ctx, LOOK_BACK};
use crate::attribute::lists::{self, earlier_from, from_after, last_group, Group, Source};
use crate::attribute::np::{Np, NpHead};
use crate::lexis::titles::{plural_title, role_name, same_role};
use crate::lexis::words::{DOCUMENTS, SOURCE_NOUNS};
use crate::model::{Entity, EntityKind, How, MentionSpan, Speaker};

/// What the attributor remembers while reading an article.
#[derive(Default, Clone)]
pub(super) struct State {
    /// Unnamed sources so far: (head noun, label).
    pub(super) unnamed: Vec<(String, String)>,
    /// Where the last unnamed source in the plural spoke ("officials said"), in bytes.
    pub(super) last_plural_unnamed: Option<usize>,
    /// The entity index of the person who spoke last.
    pub(super) last_speaker: Option<usize>,
    /// The article's groups of people named together ([`lists`]).
    pub(super) groups: Vec<Group>,
    /// The group that spoke last, and where (bytes): "they" and "the chairmen" go on meaning it.
    pub(super) last_group: Option<(usize, usize)>,
    /// The person the quote being attributed addresses ("“Donald, you've …”"): not its speaker.
    pub(super) addressee: Option<String>,
}

impl State {
    pub(super) fn new(ctx: &Ctx) -> State {
        State { groups: lists::groups(ctx), ..State::default() }
    }
}

/// How many paragraphs back "they" or "the chairmen" look for the group they mean.
const GROUP_REACH: usize = 3;

/// The group "they" or a plural role at byte `at` means: the last one named within [`GROUP_REACH`]
/// paragraphs whose members `fits` accepts, else the one that spoke last, unless unnamed sources in the
/// plural spoke after it.
fn group_meant(ctx: &Ctx, state: &State, at: usize, reach: usize, fits: impl Fn(usize) -> bool) -> Option<usize> {
    let named = last_group(ctx, &state.groups, at, reach, fits).map(|g| (g, state.groups[g].span.start));
    let spoke = state.last_group.filter(|&(_, where_)| at.saturating_sub(where_) <= LOOK_BACK);
    // The later of the two.
    let (g, since) = match (named, spoke) {
        (Some(n), Some(s)) => std::cmp::max_by_key(s, n, |x| x.1),
        (n, s) => n.or(s)?,
    };
    state.last_plural_unnamed.is_none_or(|u| u < since).then_some(g)
}

/// A group of people speaking together (index `g` into the article's groups): named by all of them, keyed
/// by all of them, entity the first. The group is remembered as the last to speak.
fn group_speaker(ctx: &Ctx, state: &mut State, g: usize, mention: Option<MentionSpan>) -> Speaker {
    state.last_group = Some((g, mention.as_ref().map_or(state.groups[g].span.end, |m| m.start)));
    let g = &state.groups[g];
    let members: Vec<String> = g.members.iter().map(|&i| ctx.entities[i].id.clone()).collect();
    Speaker {
        entity: members.first().cloned(),
        name: lists::label(ctx, g),
        unnamed: false,
        mention,
        key: format!("group:{}", members.join("+")),
        members,
        short: String::new(),
    }
}

/// The speaker a document's source makes.
fn source_speaker(ctx: &Ctx, state: &mut State, source: Source, mention: Option<MentionSpan>) -> Speaker {
    match source {
        Source::Group(g) => group_speaker(ctx, state, g, mention),
        Source::Entity(i) => entity_speaker(&ctx.entities[i], mention, None),
    }
}

/// Turns the phrase naming a source into a speaker.
pub(super) fn speaker_of(ctx: &Ctx, np: &Np, state: &mut State) -> Option<Speaker> {
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
                    members: Vec::new(),
                    short: String::new(),
                });
            }
            let unidentified = |mention| Speaker {
                entity: None,
                name: format!("unidentified ({p})"),
                unnamed: true,
                mention,
                key: format!("unidentified:{article}:{p}"),
                members: Vec::new(),
                short: String::new(),
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
                return Some(match ctx.resolve_pronoun(at, gender, last, state.addressee.as_deref()) {
                    Some(e) => entity_speaker(e, mention, None),
                    None => unidentified(mention),
                });
            }
            // "they": the people last named together, unless unnamed sources in the plural spoke since.
            let at = ctx.token_span(np.start).start;
            if let (Some(g), "they") = (group_meant(ctx, state, at, GROUP_REACH - 1, |_| true), p.as_str()) {
                return Some(group_speaker(ctx, state, g, mention));
            }
            // Else the last group of unnamed sources in the article, else an unidentified group.
            let Some(label) = state.unnamed.iter().rev().find(|(h, _)| h.ends_with('s')).map(|(_, l)| l.clone()) else {
                return Some(unidentified(mention));
            };
            Some(Speaker {
                entity: None,
                key: format!("unnamed:{article}:{label}"),
                name: label,
                unnamed: true,
                mention,
                members: Vec::new(),
                short: String::new(),
            })
        }
        NpHead::Relative(antecedent) => {
            // "who" names the source here; the phrase it stands for says who that is.
            let speaker = speaker_of(ctx, antecedent, state)?;
            Some(Speaker { mention, ..speaker })
        }
        NpHead::Entity(idx) => {
            let e = &ctx.entities[*idx];
            // An institution before a common noun: "a White House official", "Iraq's military".
            let last = ctx.token_text(np.end - 1);
            let described = ctx.mention_in(*idx, np.start, np.end).is_some_and(|(how, _)| how == How::Description);
            if last.chars().next().is_some_and(char::is_lowercase) && e.kind != EntityKind::Person && !described {
                let head = last.to_lowercase();
                // "the DNC's lawsuit": a document speaks for whose it is.
                if let Some(body) = body_of(ctx, np, &head) {
                    return Some(entity_speaker(body, mention, None));
                }
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
            // "The official, Ali Shamkhani, said", "Another protester, Ana Ruiz of Tucson, said": the
            // description's own name, in apposition right after it.
            if let Some(e) = ctx.person_in_apposition(np) {
                return Some(entity_speaker(e, mention, None));
            }
            // "the deal", "the decision", "briefly": words that name no speaker.
            let some_word_speaks = (np.start..np.end).any(|t| can_speak(ctx.token_text(t)));
            let institution = ctx.entities_in(np.start, np.end).any(|(e, _, _)| e.kind != EntityKind::Person);
            if !some_word_speaks && !institution && !is_name_like(ctx, np) {
                return None;
            }
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
                        members: Vec::new(),
                        short: String::new(),
                    });
                }
                // "the chairmen", "the Republican congressmen": the people last named together, those
                // holding that role first.
                if let Some(title) = plural_title(&head) {
                    let role = role_name(title);
                    let at = ctx.token_span(np.start).start;
                    let holds = |m: usize| ctx.entities[m].roles.iter().any(|r| same_role(r, &role));
                    let g = group_meant(ctx, state, at, GROUP_REACH, holds)
                        .or_else(|| group_meant(ctx, state, at, GROUP_REACH, |_| true));
                    if let Some(g) = g {
                        return Some(group_speaker(ctx, state, g, mention));
                    }
                }
                // "the president": the person of that role named most recently.
                let role = ctx.phrase_text(np.start + 1, np.end);
                if let Some(e) = ctx.person_with_role(ctx.token_span(np.start).start, &role) {
                    return Some(entity_speaker(e, mention, None));
                }
            }
            // "a joint statement from A, B and C"; "the statement read", after one from them.
            if DOCUMENTS.has(&head) {
                let at = ctx.token_span(np.start).start;
                let source = from_after(ctx, &state.groups, np.end - 1)
                    .or_else(|| definite.then(|| earlier_from(ctx, &state.groups, &head, at)).flatten());
                if let Some(source) = source {
                    return Some(source_speaker(ctx, state, source, mention));
                }
            }
            // "the lawsuit states", "the committee said": the organization they speak for.
            if let Some(body) = body_of(ctx, np, &head) {
                return Some(entity_speaker(body, mention, None));
            }
            // "said the text": the document named before it, by whoever signed it.
            if definite && head == "text" {
                if let Some(label) = document_label(ctx, np, state) {
                    state.unnamed.push((head, label.clone()));
                    let key = format!("unnamed:{article}:{label}");
                    return Some(Speaker {
                        entity: None,
                        key,
                        name: label,
                        unnamed: true,
                        mention,
                        members: Vec::new(),
                        short: String::new(),
                    });
                }
            }
            Some(unnamed(ctx, np, &head, state, mention))
        }
    }
}

/// Whom else pronoun phrase `np` could mean, the chosen speaker (`chosen`, an entity id) aside: the person
/// the same resolution finds without them.
pub(super) fn pronoun_runner_up(ctx: &Ctx, np: &Np, state: &State, chosen: &str) -> Option<Speaker> {
    let NpHead::Pronoun(p) = &np.head else { return None };
    let gender = match p.to_lowercase().as_str() {
        "he" => Some("m"),
        "she" => Some("f"),
        _ => return None,
    };
    let at = ctx.token_span(np.start).start;
    let last = state.last_speaker.map(|i| &ctx.entities[i]).filter(|e| e.id != chosen);
    let e = ctx.resolve_pronoun(at, gender, last, Some(chosen))?;
    Some(entity_speaker(e, Some(ctx.mention_span(np.start, np.end)), None))
}

/// A phrase ending in a capitalised word the tagger did not know ("Sen. Vortigern"): a name, maybe.
fn is_name_like(ctx: &Ctx, np: &Np) -> bool {
    ctx.token_text(np.end - 1).chars().next().is_some_and(char::is_uppercase)
}

/// A label for "the text" a quotation comes from: the document named last before it in the article, with
/// its modifiers, and the unnamed source speaking last ("open letter (opposition figures)").
fn document_label(ctx: &Ctx, np: &Np, state: &State) -> Option<String> {
    let end = np.start;
    let floor = ctx.first_token_from(ctx.token_span(np.start).start.saturating_sub(LOOK_BACK));
    let doc = (floor..end).rev().find(|&t| DOCUMENTS.has(ctx.token_text(t)))?;
    let modifier = |t: usize| {
        let w = ctx.token_text(t);
        w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !matches!(w, "a" | "an" | "the" | "this" | "that" | "its" | "their" | "his" | "her" | "in" | "of" | "on")
    };
    let mut start = doc;
    while start > floor && doc - start < 2 && modifier(start - 1) {
        start -= 1;
    }
    let words = ctx.phrase_text(start, doc + 1).to_lowercase();
    Some(match state.unnamed.last() {
        Some((_, source)) => format!("{words} ({source})"),
        None => words,
    })
}

/// A speaker named by entity `e`. A place ("Anchorage said") keeps its name but is no speaking entity: the
/// contract's speakers are people, countries and organizations.
fn entity_speaker(e: &Entity, mention: Option<MentionSpan>, label: Option<String>) -> Speaker {
    Speaker {
        entity: (e.kind != EntityKind::Place).then(|| e.id.clone()),
        name: label.unwrap_or_else(|| e.name.clone()),
        unnamed: false,
        mention,
        key: e.id.clone(),
        members: Vec::new(),
        short: String::new(),
    }
}

/// An unnamed source, labelled by its kind and institution: "unnamed official (White House)",
/// "unnamed officials (United States)", "military (Iraq)", "opposition leaders (Syria)".
fn unnamed(ctx: &Ctx, np: &Np, head: &str, state: &mut State, mention: Option<MentionSpan>) -> Speaker {
    let institution =
        ctx.entities_in(np.start, np.end).find(|(e, _, _)| e.kind != EntityKind::Person).map(|(e, a, b)| {
            match (e.kind, ctx.entity_index(&e.id).and_then(|i| ctx.mention_in(i, a, b))) {
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
    let kind = if SOURCE_NOUNS.has_exact(head) { format!("unnamed {head}") } else { words.join(" ") };
    let kind = if kind.is_empty() { head.to_string() } else { kind };
    let label = match institution {
        Some((name, _, _)) => format!("{kind} ({name})"),
        None => kind,
    };
    // Only the recent ones are referred back to; the bound keeps each look-up short.
    if state.unnamed.len() >= 64 {
        state.unnamed.remove(0);
    }
    state.unnamed.push((head.to_string(), label.clone()));
    if head.ends_with('s') {
        state.last_plural_unnamed = Some(ctx.token_span(np.start).start);
    }
    Speaker {
        entity: None,
        key: format!("unnamed:{}:{label}", ctx.article.id),
        name: label,
        unnamed: true,
        mention,
        members: Vec::new(),
        short: String::new(),
    }
}

/// How many words at a quote's start may address someone before the comma: "Donald,", "Mr. President,",
/// "Thank you, Mr. Chairman,".
const VOCATIVE_WORDS: usize = 4;

/// The person a quote opens by addressing: a person named, or a title of someone named before, alone before
/// a comma at its start ("“Donald, you have …”", "“Mr. President, …”"), or quoted alone just before it
/// ("“Donald,” he said, “you have …”"). Whoever is addressed did not say it.
pub(super) fn addressee(ctx: &Ctx, q: &crate::model::Quote) -> Option<String> {
    let first = ctx.first_token_from(q.start);
    let end = ctx.first_token_from(q.end).min(ctx.n());
    let comma_from =
        |from: usize, to: usize| (from..to.min(from + VOCATIVE_WORDS + 1)).find(|&t| ctx.token_text(t) == ",");
    if let Some(comma) = comma_from(first, end) {
        // "Thank you, Mr. President,": past a thanks to the name.
        if ctx.token_text(first).eq_ignore_ascii_case("thank") {
            let next = comma_from(comma + 1, end)?;
            return vocative(ctx, comma + 1, next, q.start);
        }
        if let Some(e) = vocative(ctx, first, comma, q.start) {
            return Some(e);
        }
    }
    // “Donald,” he said, “…: the opening mark, a short cue, a closing mark, a comma, words, an opening mark.
    let open = first.checked_sub(1)?;
    let close = (open.saturating_sub(6)..open).rev().find(|&t| is_mark(ctx.token_text(t)))?;
    let comma = close.checked_sub(1).filter(|&c| ctx.token_text(c) == ",")?;
    let start = (comma.saturating_sub(VOCATIVE_WORDS)..comma).rev().find(|&t| is_mark(ctx.token_text(t)))? + 1;
    vocative(ctx, start, comma, q.start)
}

fn vocative(ctx: &Ctx, a: usize, b: usize, at: usize) -> Option<String> {
    if a >= b {
        return None;
    }
    let named = ctx.entities_in(a, b).find(|(e, s, t)| e.kind == EntityKind::Person && *s == a && *t == b);
    if let Some((e, _, _)) = named {
        return Some(e.id.clone());
    }
    // A given name alone ("Donald,"): the person of the article called so, named before the quote.
    if b == a + 1 {
        let word = ctx.token_text(a);
        let given =
            |e: &Entity| e.name.split_whitespace().count() > 1 && e.name.split_whitespace().next() == Some(word);
        let called = ctx
            .within(0, at)
            .rev()
            .map(|i| &ctx.entities[ctx.mentions[i].1])
            .find(|e| e.kind == EntityKind::Person && given(e));
        if let Some(e) = called {
            return Some(e.id.clone());
        }
    }
    let words: Vec<String> = (a..b).map(|t| ctx.token_text(t).to_lowercase()).collect();
    let (title, n) = crate::lexis::titles::title_ending(&words)?;
    let honorific_first = n < words.len()
        && words[..words.len() - n].iter().all(|w| matches!(w.as_str(), "mr." | "madam" | "mr" | "madame"));
    if n != words.len() && !honorific_first {
        return None;
    }
    ctx.person_with_role(at, &role_name(title)).map(|e| e.id.clone())
}
