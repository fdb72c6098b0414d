//! Words that speak for an organization: its documents ("the lawsuit states", "the DNC's complaint
//! claims") and its description ("the committee said", "the bureau said"). The speaker is the organization
//! (or person) that wrote the document or that the description names, as a reader takes it.

use crate::attribute::context::{Ctx, LOOK_BACK};
use crate::attribute::np::Np;
use crate::lexis::words::in_list;
use crate::model::{Entity, EntityKind};

/// Documents that speak for whoever wrote or filed them.
pub const DOCUMENTS: &[&str] = &[
    "lawsuit",
    "suit",
    "complaint",
    "filing",
    "filings",
    "statement",
    "report",
    "letter",
    "memo",
    "memorandum",
    "indictment",
    "ruling",
    "motion",
    "brief",
    "document",
    "documents",
    "study",
    "survey",
    "editorial",
    "release",
    "ad",
    "advertisement",
    "email",
    "post",
    "tweet",
    "website",
    "petition",
    "order",
    "affidavit",
    "transcript",
];

/// Nouns that describe an organization ("the committee"): the organization whose name holds the word.
const BODIES: &[&str] = &[
    "committee",
    "bureau",
    "agency",
    "department",
    "ministry",
    "campaign",
    "company",
    "firm",
    "party",
    "group",
    "network",
    "newspaper",
    "paper",
    "council",
    "commission",
    "court",
    "board",
    "union",
    "organization",
    "organisation",
    "foundation",
    "institute",
    "university",
    "administration",
    "government",
    "team",
    "club",
    "league",
    "association",
    "office",
    "service",
    "corporation",
    "bank",
    "channel",
    "magazine",
    "station",
];

/// The organization or person that phrase `np` (headed by common noun `head`) speaks for, if it speaks
/// for one.
pub(super) fn body_of<'a>(ctx: &Ctx<'a>, np: &Np, head: &str) -> Option<&'a Entity> {
    let at = ctx.token_span(np.start).start;
    if in_list(DOCUMENTS, head) {
        // "the DNC's lawsuit", "a Fox News report": whose it is, named in the phrase.
        if let Some((e, _, _)) = ctx.entities_in(np.start, np.end).find(|(e, _, _)| e.kind != EntityKind::Place) {
            return Some(e);
        }
        return author(ctx, head, at).or_else(|| most_named(ctx, at, |_| true));
    }
    if in_list(BODIES, head) {
        // "the committee": an organization named with that word, named in this article.
        let named = |e: &Entity| {
            e.kind == EntityKind::Organization && e.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
        };
        return most_named(ctx, at, named);
    }
    None
}

/// Who filed or wrote the document `noun` names: the subject of the last sentence before `at` that has
/// the same noun ("The DNC filed a lawsuit …" … "the lawsuit states").
fn author<'a>(ctx: &Ctx<'a>, noun: &str, at: usize) -> Option<&'a Entity> {
    let end = ctx.first_token_from(at);
    let floor = ctx.first_token_from(at.saturating_sub(LOOK_BACK));
    let earlier = (floor..end).rev().find(|&t| ctx.token_text(t).eq_ignore_ascii_case(noun))?;
    let sentence = ctx.sentence_range(earlier);
    let subject = ctx.main_subject(sentence.start, earlier)?;
    let (e, _, _) = ctx.entities_in(subject.start, subject.end).find(|(e, _, _)| e.kind != EntityKind::Place)?;
    Some(e)
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
