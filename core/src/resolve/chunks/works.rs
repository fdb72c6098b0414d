//! Names that are titles of works, laws and plans rather than of actors: a title set in quotation marks on
//! its own (and so wherever the corpus writes it), in apposition to a kind of work ("her memoir, Silent
//! Partners,", "Safe Passage, the program created …"), one quoted word after "on"/"in", and the acronyms of
//! the treaties and laws the corpus names. Nicknames ("dubbed “The Oddball”") are no titles.

use std::collections::{HashMap, HashSet};

use super::apposition::noun_after;
use super::{capitalised, key, vouched, Chunk, MAX_NAME, NOT_AN_ACTOR};
use crate::lexis::fold::fold;
use crate::lexis::given_names::is_given_name;
use crate::lexis::set::{words, Words};
use crate::lexis::words::{DETERMINERS, TREATIES, WORKS};
use crate::resolve::orgs::names::acronyms_of;
use crate::resolve::Doc;
use crate::tag::labels::EntityType;

/// The head noun of a name's lowercase words: the last word, or in "N of M" the word before the first "of"
/// ("plan" in "Joint Comprehensive Plan of Action", "department" in "Department of Justice").
pub(super) fn head_word(lower: &[String]) -> &str {
    let last = lower.last().map(String::as_str).unwrap_or("");
    match lower.iter().skip(1).position(|w| w == "of") {
        Some(i) if i + 2 < lower.len() => lower[i].as_str(),
        _ => last,
    }
}

/// The acronyms of the treaties, laws, events and works the corpus's chunks name ("NWFA" for "Northern
/// Waters Fisheries Accord"), unless another name of the corpus has the same acronym.
pub(super) fn non_actor_acronyms(docs: &[Doc]) -> HashSet<String> {
    let (mut non_actors, mut actors) = (HashSet::new(), HashSet::new());
    for d in docs {
        for c in &d.tagged.chunks {
            let (a, b) = c.tokens;
            if b - a < 2 {
                continue;
            }
            let lower: Vec<String> = (a..b).map(|t| d.token_text(t).to_lowercase()).collect();
            let head = head_word(&lower);
            let acronyms = acronyms_of(&d.text()[c.span.start..c.span.end]).into_iter().filter(|x| x.len() >= 3);
            if NOT_AN_ACTOR.has_exact(head) || TREATIES.has_exact(head) {
                non_actors.extend(acronyms);
            } else {
                actors.extend(acronyms);
            }
        }
    }
    non_actors.retain(|x| !actors.contains(x));
    non_actors
}

/// Whether tokens `a..b` fill a quotation on their own, a title's opening article and a final stop or comma
/// aside: “A Quiet Reckoning”, 'Tonight.'
pub(super) fn quoted_whole(d: &Doc, (a, b): (usize, usize)) -> bool {
    let n = d.tagged.tokens.len();
    let closes_at = |t: usize| t < n && is_close(d.token_text(t));
    let start = title_start(d, a);
    start > 0
        && is_open(d.token_text(start - 1))
        && !after_naming_word(d, start - 1)
        && (closes_at(b) || (b < n && matches!(d.token_text(b), "." | "," | "!" | "?") && closes_at(b + 1)))
}

/// A one-word quotation after "on" or "in" (“on 'Tonight'”) that neither a table nor a reliable use
/// elsewhere vouches for as a name: a title.
pub(super) fn quoted_title_word(d: &Doc, c: Chunk, names: &HashMap<u64, [u32; 4]>) -> bool {
    let (a, b) = c.tokens;
    let open = title_start(d, a) - 1;
    let after_preposition = open > 0 && matches!(d.token_text(open - 1), "on" | "in");
    after_preposition && !names.contains_key(&key(d, a, b)) && !vouched(d, c.tokens)
}

/// Words that give a person or a thing a name in quotation marks: a nickname ("dubbed “The Oddball”"), not a
/// title.
const NAMING_WORDS: Words = words!["nickname", "nicknamed", "dubbed", "called", "as", "named", "moniker"];

/// Whether the quotation mark at token `open` follows a naming word, an article between aside ("known as
/// the “Oddball”").
fn after_naming_word(d: &Doc, open: usize) -> bool {
    let mut t = open;
    if t > 0 && DETERMINERS.has(d.token_text(t - 1)) {
        t -= 1;
    }
    t > 0 && NAMING_WORDS.has_exact(d.token_text(t - 1))
}

/// Where a title that may open with a capitalised article ("A Quiet Reckoning", "The Late Hour") before the
/// name at token `a` starts.
fn title_start(d: &Doc, a: usize) -> usize {
    match a.checked_sub(1) {
        Some(t) if matches!(d.token_text(t), "A" | "An" | "The") => t,
        _ => a,
    }
}

/// A name in apposition to a kind of work, law or plan ([`WORKS`], [`NOT_AN_ACTOR`], [`TREATIES`]): after
/// "a book," and before a comma, colon or the sentence's end, or right after the noun ("the film Rising
/// Tide"); or before ", the program …". The title may run on past the chunk over capitalised words and the
/// small words between them ([`title_run`]). A name with a given name in it is a person in any case ("in the
/// film, Ana Ruiz, 34, plays").
pub(super) fn named_as_work(d: &Doc, c: Chunk) -> bool {
    let (a, b) = c.tokens;
    if (a..b).any(|t| is_given_name(&fold(d.token_text(t)))) {
        return false;
    }
    let (start, end) = title_run(d, (a, b));
    let n = d.tagged.tokens.len();
    let kind_noun = |t: usize| kind_noun_word(d.token_text(t));
    let same_sentence = |t: usize| d.tagged.sentence_of(t) == d.tagged.sentence_of(a);
    // Before: "his book, X:" / "the film X" (not a person the tagger saw: "in the film, Tomas Varga, 41,").
    if let Some(before) = start.checked_sub(1).filter(|_| c.ty != EntityType::Per) {
        let comma = d.token_text(before) == ",";
        if let Some(noun) = if comma { before.checked_sub(1) } else { Some(before) } {
            let after = (end < n && same_sentence(end)).then(|| d.token_text(end));
            let closed = !comma || after.is_none_or(|w| matches!(w, "," | "." | ";" | ":" | ")"));
            if same_sentence(noun) && kind_noun(noun) && closed {
                return true;
            }
        }
    }
    // After: "X, the program created by …" (the noun heads its phrase: not "the film's", "the film studio").
    noun_after(d, end, 0, kind_noun_word, true).is_some()
}

/// A common noun of a kind of work, law or plan: "book", "program", "treaty".
fn kind_noun_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && (WORKS.has_exact(w) || NOT_AN_ACTOR.has_exact(w) || TREATIES.has_exact(w))
}

/// The tokens of the title a chunk may be part of: the chunk and, at most [`MAX_NAME`] tokens either side,
/// the capitalised words and the small words that join them ("Safe Passage for Young Arrivals" around the
/// chunk "Young Arrivals"), with a capitalised article before ([`title_start`]).
fn title_run(d: &Doc, (a, b): (usize, usize)) -> (usize, usize) {
    let sentence = d.sentence_tokens(a);
    let joins = |w: &str| matches!(w, "of" | "for" | "and" | "on" | "the");
    let (mut end, mut k) = (b, b);
    while k < sentence.end.min(b + MAX_NAME) {
        let w = d.token_text(k);
        if capitalised(w) {
            k += 1;
            end = k;
        } else if joins(w) {
            k += 1;
        } else {
            break;
        }
    }
    let (mut start, mut k) = (a, a);
    while k > sentence.start.max(a.saturating_sub(MAX_NAME)) {
        let w = d.token_text(k - 1);
        if capitalised(w) {
            k -= 1;
            start = k;
        } else if joins(w) {
            k -= 1;
        } else {
            break;
        }
    }
    (title_start(d, start), end)
}

/// What the whole corpus says is no actor's name.
pub(super) struct Known<'a> {
    /// Keys of the names set in quotation marks on their own: titles.
    pub(super) titles: &'a HashSet<u64>,
    /// Acronyms of treaties, laws, events and works ([`non_actor_acronyms`]).
    pub(super) non_actors: &'a HashSet<String>,
}

fn is_open(w: &str) -> bool {
    matches!(w, "“" | "\"" | "‘" | "'" | "«")
}

fn is_close(w: &str) -> bool {
    matches!(w, "”" | "\"" | "’" | "'" | "»")
}
