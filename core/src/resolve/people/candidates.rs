//! The names of people in the text: person chunks and names a title introduces, with the titles before
//! and after them taken off ("Russian President Vladimir Putin", "Regina Benjamin U.S. Surgeon"), the
//! honorific kept as evidence of gender ("Mrs. Trump"), and a compound of two surnames ("the Trump-Abe
//! summit") split into its two people.

use std::collections::HashSet;

use crate::lexis::fold::fold;
use crate::lexis::titles::{title_ending, title_starting};
use crate::resolve::names::Name;
use crate::resolve::people::context::titled_name;
use crate::resolve::Doc;
use crate::span::Span;
use crate::tag::labels::EntityType;

/// A person's name found in the text: tokens `start..end` of one article.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    /// Usually the tokens' span; one part of a hyphenated compound otherwise.
    pub span: Span,
    pub name: Name,
    /// 'm' or 'f' when an honorific or a gendered title comes right before.
    pub gender: Option<char>,
    /// The role a title right before gives ("President"), lowercase words.
    pub title: Option<&'static [&'static str]>,
}

/// Every person name of the corpus, in article and text order.
pub(super) fn collect(docs: &[Doc]) -> Vec<Candidate> {
    let Some(tables) = docs.first().map(|d| d.tables) else { return Vec::new() };
    let (country_forms, org_forms) = (&tables.country_forms, &tables.org_forms);
    // Family names of full names: the parts of "Trump-Abe" must each be one.
    let mut families: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for d in docs {
        for c in d.chunks.iter().filter(|c| c.ty == EntityType::Per || titled_name(d, c.tokens)) {
            let (mut a, mut b) = c.tokens;
            let lower = d.lower_words(a, b);
            if let Some((_, n)) = title_starting(&lower) {
                a += n;
            }
            // Titles glued after the name, with the country word before them: "Regina Benjamin U.S. Surgeon".
            // One title word alone after a name read in prose is a family name ("Martin Luther King").
            while b > a + 1 {
                let lower = d.lower_words(a, b);
                let glued =
                    |n: usize| n >= 2 || !c.reliable || country_forms.lookup(&d.keys[b - n - 1..b - n]).is_some();
                if let Some((_, n)) = title_ending(&lower).filter(|&(_, n)| n + 2 <= b - a && glued(n)) {
                    b -= n;
                } else if country_forms.lookup(&d.keys[b - 1..b]).is_some() && b - a > 2 {
                    b -= 1;
                } else {
                    break;
                }
            }
            if a >= b || !d.token_text(a).chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if org_forms.lookup(&d.keys[a..b]).is_some() || country_forms.lookup(&d.keys[a..b]).is_some() {
                continue;
            }
            let span = d.span_of(a, b);
            let Some(name) = Name::parse(span.of(d.text())) else { continue };
            if name.is_full() {
                families.insert(name.family().to_string());
            }
            let (gender, title) = title_before(d, a);
            out.push(Candidate { doc: d.index, start: a, end: b, span, name, gender, title });
        }
    }
    split_compounds(docs, out, &families)
}

/// The gender and role a title right before token `a` gives ("Mrs.", "President", "first lady").
pub(super) fn title_before(d: &Doc, a: usize) -> (Option<char>, Option<&'static [&'static str]>) {
    let sentence = d.sentence_tokens(a);
    let before = d.lower_words(a.saturating_sub(4).max(sentence.start), a);
    match title_ending(&before) {
        Some((t, _)) => (t.gender, Some(t.words)),
        None => (None, None),
    }
}

/// "Trump-Abe": one token whose hyphenated parts are each the family name of someone named in full.
fn split_compounds(docs: &[Doc], candidates: Vec<Candidate>, families: &HashSet<String>) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(candidates.len());
    for c in candidates {
        let text = c.span.of(docs[c.doc].text());
        let parts: Vec<&str> = text.split('-').collect();
        let compound = c.end == c.start + 1
            && parts.len() == 2
            && parts.iter().all(|p| p.chars().next().is_some_and(char::is_uppercase) && families.contains(&fold(p)));
        if !compound {
            out.push(c);
            continue;
        }
        let mut offset = c.span.start;
        for p in parts {
            let span = Span::new(offset, offset + p.len());
            offset += p.len() + 1;
            if let Some(name) = Name::parse(p) {
                out.push(Candidate { span, name, gender: None, title: None, ..c.clone() });
            }
        }
    }
    out
}
