//! Groups of people named together: "Judiciary Chairman Bob Goodlatte, R-Va., Oversight Chairman Trey Gowdy
//! and Intelligence Chairman Devin Nunes" is one list of three. A list speaks when a document comes from it
//! ("a joint statement from …"), and later words refer back to it: "they said", "the chairmen said", "the
//! statement read". Found once per article, in one pass over its person mentions.

use crate::attribute::context::Ctx;
use crate::lexis::titles::title_starting;
use crate::model::EntityKind;
use crate::span::Span;

/// How many tokens may separate two names of one list (titles, party and state tags, commas, "and").
const MAX_GAP: usize = 8;

/// People named together, in order.
#[derive(Debug, Clone)]
pub struct Group {
    /// Entity indices, distinct, in the order named.
    pub members: Vec<usize>,
    /// From the first name's start to the last name's end.
    pub span: Span,
}

/// A token that may stand between two names of one list: punctuation, "and", a title or role word,
/// a capitalised word (a committee's name), "of", "the", a party-and-state tag ("R-Va.").
fn joins(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.token_text(t);
    let lower = w.to_lowercase();
    matches!(w, "," | ";" | "and" | "&" | "of" | "the")
        || w.chars().next().is_some_and(char::is_uppercase)
        || title_starting(&[lower]).is_some()
}

/// Every list of two or more people in the article, in text order; the last two names are joined by
/// "and" (or "&"), the others by commas or semicolons.
pub fn groups(ctx: &Ctx) -> Vec<Group> {
    let people: Vec<(Span, usize)> = ctx
        .mentions
        .iter()
        .filter(|(s, i, _)| ctx.entities[*i].kind == EntityKind::Person && !ctx.inside_quote(*s))
        .map(|(s, i, _)| (*s, *i))
        .collect();
    let mut out = Vec::new();
    let mut run: Vec<(Span, usize)> = Vec::new();
    let mut closed = false;
    let flush = |run: &mut Vec<(Span, usize)>, closed: bool, out: &mut Vec<Group>| {
        let mut members: Vec<usize> = Vec::new();
        for (_, i) in run.iter() {
            if !members.contains(i) {
                members.push(*i);
            }
        }
        if closed && members.len() >= 2 {
            out.push(Group { members, span: Span::new(run[0].0.start, run[run.len() - 1].0.end) });
        }
        run.clear();
    };
    for (span, idx) in people {
        if let Some(&(last, _)) = run.last() {
            let (a, b) = (ctx.first_token_from(last.end), ctx.first_token_from(span.start));
            let same_sentence = b < ctx.n() && ctx.sentence_range(a.min(b)).contains(&b);
            let gap_ok = b >= a && b - a <= MAX_GAP && same_sentence && (a..b).all(|t| joins(ctx, t));
            let has_comma = (a..b).any(|t| matches!(ctx.token_text(t), "," | ";"));
            let has_and = (a..b).any(|t| matches!(ctx.token_text(t), "and" | "&"));
            if gap_ok && (has_comma || has_and) && !closed {
                run.push((span, idx));
                closed = has_and;
                continue;
            }
            flush(&mut run, closed, &mut out);
        }
        run.push((span, idx));
        closed = false;
    }
    if !run.is_empty() {
        flush(&mut run, closed, &mut out);
    }
    out
}

/// Who a document comes from: a group or an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Index into the article's groups.
    Group(usize),
    /// Index into the entities.
    Entity(usize),
}

/// How many tokens after "from" the list or name a document comes from may start ("a statement from House
/// Judiciary Chairman Bob Goodlatte").
const FROM_REACH: usize = 6;

/// Who the document named by token `t` comes from, when "from" follows it: "a joint statement from A, B and
/// C", "a letter from the Justice Department".
pub fn from_after(ctx: &Ctx, groups: &[Group], t: usize) -> Option<Source> {
    let from = t + 1;
    if from >= ctx.n() || !ctx.token_text(from).eq_ignore_ascii_case("from") {
        return None;
    }
    let sentence_end = ctx.sentence_range(from).end;
    let reach = Span::new(ctx.token_span(from).end, ctx.token_span((from + FROM_REACH).min(sentence_end - 1)).end);
    if let Some(g) = groups.iter().position(|g| g.span.start >= reach.start && g.span.start <= reach.end) {
        return Some(Source::Group(g));
    }
    ctx.mentions_in(from + 1, (from + 1 + FROM_REACH).min(sentence_end))
        .find(|(_, i, _)| ctx.entities[*i].kind != EntityKind::Place)
        .map(|(_, i, _)| Source::Entity(*i))
}

/// Who an earlier mention of the document `noun` before byte `at` came from ("read a joint statement from A,
/// B and C" … "the statement read"), looking back through the last few mentions of that word.
pub fn earlier_from(ctx: &Ctx, groups: &[Group], noun: &str, at: usize) -> Option<Source> {
    let end = ctx.first_token_from(at);
    let floor = ctx.first_token_from(at.saturating_sub(crate::attribute::context::LOOK_BACK));
    (floor..end)
        .rev()
        .filter(|&t| ctx.token_text(t).eq_ignore_ascii_case(noun))
        .take(8)
        .find_map(|t| from_after(ctx, groups, t))
}

/// The last group named before byte `at` within `paragraphs` paragraphs, whose members `fits` accepts
/// (any member): its index.
pub fn last_group(
    ctx: &Ctx,
    groups: &[Group],
    at: usize,
    paragraphs: usize,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let floor = ctx.floor(at, paragraphs);
    groups.iter().rposition(|g| g.span.end <= at && g.span.start >= floor && g.members.iter().any(|&m| fits(m)))
}

/// The names of a group as one label: "Bob Goodlatte, Trey Gowdy and Devin Nunes".
pub fn label(ctx: &Ctx, g: &Group) -> String {
    let names: Vec<&str> = g.members.iter().map(|&i| ctx.entities[i].name.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    }
}
