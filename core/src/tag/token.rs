//! Word tokens with byte spans, split the way CoNLL-2003 splits news text.
//!
//! Punctuation and quote marks are tokens of their own; possessive "’s" and "n’t" are split off;
//! abbreviations ("U.S.", "Sept.", "Mr.", initials) keep their periods; hyphenated words stay whole.

use crate::lexis::abbreviations::abbreviation;
use crate::span::Span;

/// One token: a byte span into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn text(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }
}

// Real copy closes quotes with “ and opens them with ” now and then; those marks split off too.
const LEADING: &[char] = &['“', '”', '"', '‘', '\'', '(', '[', '{', '«', '—', '–', '¿', '¡', '*', '•'];
const TRAILING: &[char] =
    &['”', '“', '"', '’', '‘', '\'', ')', ']', '}', '»', ',', ';', ':', '!', '?', '…', '—', '–', '*'];

/// Appends the tokens of `span` in `text` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.of(text);
    let mut chunk_start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = chunk_start.take() {
                chunk(text, span.start + st, span.start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(st) = chunk_start {
        chunk(text, span.start + st, span.end, out);
    }
}

/// Tokenizes a whole string (a convenience for tests and the CoNLL tools).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(text, Span::new(0, text.len()), &mut out);
    out
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if start < end {
        out.push(Token { start: start as u32, end: end as u32 });
    }
}

/// Splits one whitespace-free chunk `text[start..end]`: first at curly quote marks glued between other
/// characters ("said,“Look"), then each piece. Iterative, and linear whatever the chunk holds.
fn chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut piece_start = start;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if matches!(c, '“' | '”') && at > piece_start && at + c.len_utf8() < end {
            piece(text, piece_start, at, out);
            push(out, at, at + c.len_utf8());
            piece_start = at + c.len_utf8();
        }
    }
    piece(text, piece_start, end, out);
}

/// One piece of a chunk: leading and trailing punctuation split off one mark a token, then the word.
fn piece(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    while let Some(c) = text[start..end].chars().next() {
        if !(LEADING.contains(&c) && end - start > c.len_utf8()) {
            break;
        }
        push(out, start, start + c.len_utf8());
        start += c.len_utf8();
    }
    let piece_end = end;
    while let Some(c) = text[start..end].chars().next_back() {
        // One character left is the word itself. A closing apostrophe after "s" (a plural possessive,
        // "Russians’") splits off like any trailing mark.
        let split =
            end - start > c.len_utf8() && (TRAILING.contains(&c) || (c == '.' && !keeps_period(&text[start..end - 1])));
        if !split {
            break;
        }
        end -= c.len_utf8();
    }
    word(text, start, end, out);
    for (i, c) in text[end..piece_end].char_indices() {
        push(out, end + i, end + i + c.len_utf8());
    }
}

/// Does a word ending in "." keep its period? Abbreviations, initials and dotted acronyms do.
fn keeps_period(bare: &str) -> bool {
    if bare.is_empty() || bare.ends_with('.') {
        return false;
    }
    let single_letter = bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic);
    let dotted = bare.contains('.') && bare.split('.').all(|p| !p.is_empty() && p.chars().count() <= 3);
    single_letter || dotted || abbreviation(bare).is_some()
}

/// A word without its outer punctuation: split at em and en dashes between letters ("Putin—isolated"),
/// then each part's possessive or contraction ("Russia’s", "couldn't", "I'm").
fn word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut part_start = start;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if (c == '—' || c == '–') && at > part_start && at + c.len_utf8() < end {
            suffixed(text, part_start, at, out);
            push(out, at, at + c.len_utf8());
            part_start = at + c.len_utf8();
        }
    }
    suffixed(text, part_start, end, out);
}

/// Possessive "’s" and contractions ("n't", "'m", "'re", "'ve", "'ll", "'d") split off a word, as
/// CoNLL-2003 tokenises them.
fn suffixed(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let w = &text[start..end];
    let cut = ["'s", "’s", "'S", "’S"]
        .iter()
        .find(|x| w.len() > x.len() && w.ends_with(*x))
        .or_else(|| ["n't", "n’t"].iter().find(|x| w.len() > x.len() + 1 && w.ends_with(*x)))
        .or_else(|| {
            ["'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"].iter().find(|x| {
                w.ends_with(*x) && w[..w.len() - x.len()].chars().next_back().is_some_and(char::is_alphabetic)
            })
        })
        .map(|x| end - x.len());
    match cut {
        Some(cut) => {
            push(out, start, cut);
            push(out, cut, end);
        }
        None => push(out, start, end),
    }
}

#[cfg(test)]
mod tests;
