//! Words that speak for an organization: its documents ("the lawsuit states", "the DNC's complaint
//! claims") and its description ("the committee said", "the bureau said"). The speaker is the organization
//! (or person) that wrote the document or that the description names, as a reader takes it.

use crate::attribute::context::{Ctx, LOOK_BACK};
use crate::attribute::np::Np;
use crate::lexis::set::{words, Words};
use crate::lexis::words::{DOCUMENTS, ORG_NOUNS};
use crate::model::{Entity, EntityKind};

/// The organization or person that phrase `np` (headed by common noun `head`) speaks for, if it speaks
/// for one.
pub(super) fn body_of<'a>(ctx: &Ctx<'a>, np: &Np, head: &str) -> Option<&'a Entity> {
    let at = ctx.token_span(np.start).start;
    if DOCUMENTS.has(head) {
        // "the DNC's lawsuit", "a Fox News report": whose it is, named in the phrase.
        if let Some((e, _, _)) = ctx.entities_in(np.start, np.end).find(|(e, _, _)| e.kind != EntityKind::Place) {
            return Some(e);
        }
        return author(ctx, head, at).or_else(|| most_named(ctx, at, |_| true));
    }
    if ORG_NOUNS.has(head) {
        // "the committee": an organization named with that word, named in this article; "the paper": one
        // the article introduced with that kind of noun ("the centre-left daily Ravenna Post").
        let introduced = introduced_as(ctx, head, at);
        let named = |e: &Entity| {
            e.kind == EntityKind::Organization
                && (e.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
                    || introduced.contains(&e.id.as_str()))
        };
        return most_named(ctx, at, named);
    }
    None
}

/// Kinds of organization that one noun or another names: "the daily" is "the paper".
const SAME_KIND: &[Words] = &[
    words!["newspaper", "paper", "daily", "weekly", "tabloid"],
    words!["company", "firm", "corporation", "conglomerate"],
    words!["network", "broadcaster", "channel", "station"],
];

/// Whether `word` names the kind of organization `noun` names.
fn same_kind(noun: &str, word: &str) -> bool {
    word.eq_ignore_ascii_case(noun) || SAME_KIND.iter().any(|set| set.has(noun) && set.has(word))
}

/// The organizations of the article named in the [`LOOK_BACK`] before `at` right after a noun of the kind
/// `head` names, up to two lowercase words between ("the centre-left daily Ravenna Post", "the newspaper
/// Le Monde").
fn introduced_as<'a>(ctx: &Ctx<'a>, head: &str, at: usize) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for i in ctx.within(at.saturating_sub(LOOK_BACK), at) {
        let (span, idx, _) = ctx.mentions[i];
        let e = &ctx.entities[idx];
        if e.kind != EntityKind::Organization || out.contains(&e.id.as_str()) {
            continue;
        }
        let first = ctx.first_token_from(span.start);
        let kind_before = (first.saturating_sub(3)..first).rev().take_while(|&k| {
            let w = ctx.token_text(k);
            w.chars().next().is_some_and(char::is_lowercase)
        });
        if kind_before.into_iter().any(|k| same_kind(head, ctx.token_text(k))) {
            out.push(&e.id);
        }
    }
    out
}

/// Documents that are one for a reader: "the lawsuit" filed is "the suit" that claims.
const SAME_DOCUMENT: &[Words] =
    &[words!["lawsuit", "suit", "complaint"], words!["memo", "memorandum"], words!["ad", "advertisement"]];

/// Whether `word` names the document `noun` names.
fn same_document(noun: &str, word: &str) -> bool {
    word.eq_ignore_ascii_case(noun) || SAME_DOCUMENT.iter().any(|set| set.has(noun) && set.has(word))
}

/// Verbs of making a document public: its subject is the author.
const AUTHORING: Words = words![
    "file",
    "files",
    "filed",
    "bring",
    "brings",
    "brought",
    "issue",
    "issues",
    "issued",
    "release",
    "releases",
    "released",
    "write",
    "writes",
    "wrote",
    "written",
    "publish",
    "publishes",
    "published",
    "send",
    "sends",
    "sent",
    "submit",
    "submits",
    "submitted",
    "sign",
    "signs",
    "signed",
    "draft",
    "drafted",
    "lodge",
    "lodged",
    "post",
    "posted",
    "put",
    "launch",
    "launched",
];

/// How many earlier mentions of a document are looked at for its author.
const AUTHOR_TRIES: usize = 8;

/// How far before a document's noun its verb of filing may stand, in tokens ("filed a federal lawsuit").
const AUTHORING_REACH: usize = 12;

/// Who filed or wrote the document `noun` names: the phrase before a verb of filing or writing, in the last
/// sentence before `at` that names the same document so ("The DNC filed a lawsuit …" … "the suit states");
/// a sentence whose subject is the document itself ("the suit claims") or a quotation's is passed over.
fn author<'a>(ctx: &Ctx<'a>, noun: &str, at: usize) -> Option<&'a Entity> {
    let end = ctx.first_token_from(at);
    let floor = ctx.first_token_from(at.saturating_sub(LOOK_BACK));
    (floor..end).rev().filter(|&t| same_document(noun, ctx.token_text(t))).take(AUTHOR_TRIES).find_map(|t| {
        let sentence = ctx.sentence_range(t);
        // The one who filed or wrote it: the phrase before the verb ("Trump, calling the suit …" did not).
        let reach = sentence.start.max(t.saturating_sub(AUTHORING_REACH));
        let verb = (reach..t).rev().find(|&k| AUTHORING.has(ctx.token_text(k)))?;
        let subject = ctx.np_left(verb, sentence.start).filter(|np| ctx.quote_holding_token(np.start).is_none())?;
        ctx.entities_in(subject.start, subject.end).find(|(e, _, _)| e.kind != EntityKind::Place).map(|(e, _, _)| e)
    })
}

/// Of the entities `fits` accepts, the one named most in the article before `at` (then the latest).
fn most_named<'a>(ctx: &Ctx<'a>, at: usize, fits: impl Fn(&Entity) -> bool) -> Option<&'a Entity> {
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (entity, mentions, last start)
    for i in ctx.within(0, at) {
        let (span, idx, _) = ctx.mentions[i];
        let e = &ctx.entities[idx];
        if e.kind != EntityKind::Organization && e.kind != EntityKind::Person || !fits(e) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == idx) {
            Some(c) => {
                c.1 += 1;
                c.2 = span.start;
            }
            None => counts.push((idx, 1, span.start)),
        }
    }
    // People speak for a document only when named in it; here, organizations first.
    let best = counts
        .iter()
        .filter(|c| ctx.entities[c.0].kind == EntityKind::Organization)
        .max_by_key(|c| (c.1, c.2))
        .copied();
    best.map(|c| &ctx.entities[c.0])
}
