//! Sentence boundaries inside a block, without splitting on "U.S.", "Sept.", "Mr.", initials or decimals.

use crate::lexis::abbreviations::{abbreviation, Ending, OPENERS};
use crate::lexis::verbs::is_reporting;
use crate::span::Span;

/// The sentences of `span` in `text`, as trimmed spans in order.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let c = char_at(s, i);
        let end_of_punct = match c {
            '.' | '?' | '!' | '…' => Some(extend_punctuation(s, i)),
            _ => None,
        };
        let Some(after) = end_of_punct else {
            i += c.len_utf8();
            continue;
        };
        let boundary = if after < s.len() && !char_at(s, after).is_whitespace() {
            // "forces.On Tuesday": a period glued to a capitalised word, after a lowercase word.
            c == '.' && glued_boundary(s, i, after)
        } else {
            after >= s.len() || is_boundary(s, i, after)
        };
        if boundary {
            push_trimmed(&mut out, text, span.start + start, span.start + after);
            start = after;
        }
        i = after.max(i + c.len_utf8());
    }
    push_trimmed(&mut out, text, span.start + start, span.end);
    out
}

fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let span = Span::new(start, end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// The end of a run of final punctuation starting at `i`: "?!", ".”", ". . .", "…’)".
fn extend_punctuation(s: &str, mut i: usize) -> usize {
    loop {
        let c = char_at(s, i);
        if i >= s.len() {
            return i;
        }
        match c {
            '.' | '?' | '!' | '…' | '”' | '’' | '"' | '\'' | ')' | ']' | '»' => i += c.len_utf8(),
            ' ' if s[i..].starts_with(" .") || spaced_closing_mark(s, i) => i += 1,
            _ => return i,
        }
    }
}

/// "…right now. ” The website": copy that sets its closing marks apart with spaces. A double mark with a
/// space on each side, right after a sentence's final punctuation, closes the quotation (an opening mark
/// touches the word it opens), so it belongs to the sentence it ends.
fn spaced_closing_mark(s: &str, space: usize) -> bool {
    let mut rest = s[space + 1..].chars();
    matches!(rest.next(), Some('”' | '"')) && rest.next().is_none_or(char::is_whitespace)
}

/// How far the splitter looks at a word next to a full stop: abbreviations and initials are short, and a
/// bounded look keeps splitting linear however long a run of letters and dots is.
const WORD_LOOK: usize = 48;

/// The word that ends right before the punctuation at `dot` (letters, digits, dots and apostrophes; at most
/// its last [`WORD_LOOK`] characters).
fn word_before(s: &str, dot: usize) -> &str {
    let head = &s[..dot];
    let mut start = dot;
    for (j, c) in head.char_indices().rev().take(WORD_LOOK) {
        if !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’') {
            break;
        }
        start = j;
    }
    &head[start..]
}

/// The first word after `after` (skipping spaces and opening quotes or brackets; at most [`WORD_LOOK`]
/// characters of it).
fn word_after(s: &str, after: usize) -> &str {
    let rest = s[after..].trim_start_matches(|c: char| c.is_whitespace() || "“\"‘'([".contains(c));
    let end = rest
        .char_indices()
        .take(WORD_LOOK)
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or_else(|| rest.char_indices().nth(WORD_LOOK).map_or(rest.len(), |(j, _)| j), |(j, _)| j);
    &rest[..end]
}

fn is_boundary(s: &str, punct: usize, after: usize) -> bool {
    let next = s[after..].trim_start().chars().next();
    let Some(next) = next else { return true };
    let starts_sentence =
        next.is_uppercase() || next.is_ascii_digit() || "“\"‘'([".contains(next) || next == '—' || next == '-';
    if !starts_sentence {
        return false;
    }
    if is_trailing_credit(&s[after..]) {
        // A trailing credit, "… General Assembly. (European Pressphoto Agency)", belongs to its sentence.
        return false;
    }
    if char_at(s, punct) != '.' {
        // "“Who do they think they are?” Trump said": a question or exclamation closing a quotation that a
        // reporting clause follows does not end the sentence.
        let closes_quote = s[punct..after].contains(['”', '"']);
        return !(closes_quote && reporting_clause_follows(&s[after..]));
    }
    let word = word_before(s, punct);
    let bare = word.trim_end_matches('.');
    let next_word = word_after(s, after);
    let opener = OPENERS.has_exact(next_word);
    if bare.is_empty() {
        return true;
    }
    match abbreviation(bare) {
        Some(Ending::Never) => return false,
        Some(Ending::Maybe) => return opener,
        None => {}
    }
    // An initial ("John F. Kennedy") or a dotted acronym ("U.S.", "U.N.", "D.C.").
    let single_initial = bare.chars().count() == 1 && bare.chars().all(|c| c.is_uppercase());
    let dotted = bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2);
    if single_initial || dotted {
        return opener;
    }
    true
}

/// What follows is nothing but one short parenthesis: "(European Pressphoto Agency)". Reads at most the
/// next hundred bytes or so, so checking every boundary stays linear.
fn is_trailing_credit(rest: &str) -> bool {
    let rest = rest.trim_start();
    if !rest.starts_with('(') {
        return false;
    }
    match rest.char_indices().take(120).find(|&(_, c)| c == ')') {
        Some((close, _)) => !rest[1..close].contains('(') && rest[close + 1..].trim().is_empty(),
        None => false,
    }
}

/// The next few words hold a reporting verb: "Trump said", "said Putin", "the official told reporters".
fn reporting_clause_follows(rest: &str) -> bool {
    rest.split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && is_reporting(w))
}

/// "forces.On": a period between a lowercase word of three or more letters and a capitalised word.
fn glued_boundary(s: &str, dot: usize, after: usize) -> bool {
    let before = word_before(s, dot);
    let next = word_after(s, after);
    let mut next_chars = next.chars();
    before.chars().count() >= 3
        && before.chars().all(|c| c.is_lowercase())
        && next_chars.next().is_some_and(|c| c.is_uppercase())
        && next_chars.next().is_some_and(|c| c.is_lowercase())
        && s[after..].starts_with(next)
}

#[cfg(test)]
mod tests;
