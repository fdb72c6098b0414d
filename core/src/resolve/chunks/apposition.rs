//! A name in apposition to a common noun that says what kind of thing it names: before it ("the nonprofit
//! group X,", "a newspaper, X.") or after it ("X, a transnational group that …"). Works, laws and plans
//! (`works.rs`) and organizations (here) are read this way; a name set apart as an organization's is one
//! wherever the corpus writes it.

use std::collections::HashSet;

use super::{has_given_name, Chunk};
use crate::lexis::words::{is_org_noun, DETERMINERS, PREPOSITIONS};
use crate::resolve::orgs::names::{key as org_key, singular_form};
use crate::resolve::Doc;
use crate::tag::labels::EntityType;

/// Lowercase words allowed between the determiner and the noun after a name: "a small transnational group".
const MAX_ADJECTIVES: usize = 2;

/// Words looked back over for the "of" a body's noun phrase follows.
const MAX_MODIFIERS: usize = 8;

/// The noun of a phrase in apposition right after tokens `..end`: ", the NOUN" (with up to `adjectives`
/// lowercase words before it, "a transnational group") where the noun heads its phrase ("the program created
/// by", "a group that", not "the film's", "the group leader"; a participle only when `participle_heads`).
/// `None` when no such phrase follows.
pub(super) fn noun_after(
    d: &Doc,
    end: usize,
    adjectives: usize,
    is_kind: impl Fn(&str) -> bool,
    participle_heads: bool,
) -> Option<usize> {
    let n = d.tagged.tokens.len();
    let sentence = d.tagged.sentence_of(end.checked_sub(1)?);
    let same_sentence = |t: usize| t < n && d.tagged.sentence_of(t) == sentence;
    if !same_sentence(end + 2) || d.token_text(end) != "," || !DETERMINERS.has(d.token_text(end + 1)) {
        return None;
    }
    let lowercase = |t: usize| d.token_text(t).chars().next().is_some_and(char::is_lowercase);
    let noun = (end + 2..=end + 2 + adjectives).take_while(|&t| same_sentence(t) && lowercase(t)).find(|&t| {
        let w = d.token_text(t);
        is_kind(w) && heads_phrase(same_sentence(t + 1).then(|| d.token_text(t + 1)), participle_heads)
    })?;
    Some(noun)
}

/// Whether a noun followed by `next` heads its phrase: nothing, a mark, a capital, a preposition, a relative
/// pronoun or (when `participle_heads`) a participle may follow it, not a possessive or another noun.
fn heads_phrase(next: Option<&str>, participle_heads: bool) -> bool {
    next.is_none_or(|w| {
        let possessive = matches!(w, "'s" | "’s" | "'" | "’");
        !possessive
            && (!w.chars().next().is_some_and(char::is_lowercase)
                || PREPOSITIONS.has(w)
                || matches!(w, "that" | "which" | "whose")
                || (participle_heads && w.ends_with("ed")))
    })
}

/// How a name stands in apposition to a noun of an organization's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Apposed {
    /// Set apart by a comma: "a newspaper, X." or "X, a … group that" (a person is never "a group").
    SetApart,
    /// Right after the noun: "the broadcaster NHK", "the nonprofit group Ayuda Legal," (or "the office
    /// Christmas party": weaker).
    Next,
}

/// A name in apposition to a noun of an organization's kind: after "a newspaper," or right after the noun
/// ("the broadcaster NHK", "the nonprofit group Ayuda Legal,"), and then before a comma or the sentence's
/// end when the tagger saw a person ("the firm Ana Ruiz founded" is her firm; after "the union," a given
/// name is its head's, and so is a name after a body that follows "of": "head of the agency Ali Rahim,");
/// or before ", a … group that".
pub(super) fn apposed_organization(d: &Doc, c: Chunk) -> Option<Apposed> {
    let (a, b) = c.tokens;
    // Not before a participle: "Other than the Orion X2, the company concentrated on …" opens a clause.
    if noun_after(d, b, MAX_ADJECTIVES, is_org_noun, false).is_some() {
        return Some(Apposed::SetApart);
    }
    let before = a.checked_sub(1)?;
    let comma = d.token_text(before) == ",";
    let noun = if comma { before.checked_sub(1)? } else { before };
    let same_sentence = d.tagged.sentence_of(noun) == d.tagged.sentence_of(a);
    let after =
        (b < d.tagged.tokens.len() && d.tagged.sentence_of(b) == d.tagged.sentence_of(a)).then(|| d.token_text(b));
    let closed = after.is_none_or(|w| matches!(w, "," | "." | ";" | ")"));
    let person = c.ty == EntityType::Per;
    let head_of_it = person && object_of_of(d, noun);
    let fits = if comma {
        closed && !head_of_it && !(person && has_given_name(d, c.tokens))
    } else {
        (closed && !head_of_it) || !person
    };
    (same_sentence && is_org_noun(d.token_text(noun)) && fits).then_some(if comma {
        Apposed::SetApart
    } else {
        Apposed::Next
    })
}

/// A name the corpus somewhere sets apart in apposition to a kind of organization ("Ayuda Legal, a nonprofit
/// group that …", "the group, Ayuda Legal.") is an organization's wherever the tagger read it as a person's:
/// the apposition is evidence, the tagger's reading of a foreign name only a guess. Not a name with a given
/// name in it (one apposition may be misread, and a person's name is a person's in the rest of the corpus),
/// nor a name of one word (left to the corpus's majority).
pub(super) fn organizations_everywhere(docs: &[Doc], mut decided: Vec<Vec<Chunk>>) -> Vec<Vec<Chunk>> {
    // Keyed as organizations' names are, a long name by its singular form: "Amigos Sin Muros" vouches for
    // "Amigo Sin Muros" too.
    let form = |d: &Doc, c: &Chunk| {
        let key = org_key(c.span.of(d.text()));
        key.contains(' ').then(|| singular_form(&key).unwrap_or(key))
    };
    let named: HashSet<String> = docs
        .iter()
        .zip(&decided)
        .flat_map(|(d, chunks)| {
            chunks
                .iter()
                .filter(|c| {
                    c.ty == EntityType::Org
                        && !has_given_name(d, c.tokens)
                        && apposed_organization(d, **c) == Some(Apposed::SetApart)
                })
                .filter_map(move |c| form(d, c))
        })
        .collect();
    if named.is_empty() {
        return decided;
    }
    for (d, chunks) in docs.iter().zip(&mut decided) {
        for c in chunks.iter_mut().filter(|c| c.ty == EntityType::Per) {
            if form(d, c).is_some_and(|f| named.contains(&f)) {
                c.ty = EntityType::Org;
            }
        }
    }
    decided
}

/// Whether the noun phrase that `noun` ends follows "of" ("the head of the national rail union"): its
/// modifiers (lowercase words, capitals, a possessive) are skipped back to the word before them.
fn object_of_of(d: &Doc, noun: usize) -> bool {
    let sentence = d.sentence_tokens(noun);
    let mut t = noun;
    while t > sentence.start && noun - t < MAX_MODIFIERS {
        t -= 1;
        let w = d.token_text(t);
        if w == "of" {
            return true;
        }
        if !w.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’')) {
            return false;
        }
    }
    false
}
