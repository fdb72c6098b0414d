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

/// Splits one whitespace-free chunk `text[start..end]`.
fn chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Leading punctuation, one token each.
    while start < end {
        let c = text[start..end].chars().next().unwrap_or(' ');
        if LEADING.contains(&c) && end - start > c.len_utf8() {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing punctuation, collected right to left, pushed after the word.
    let mut trailing: Vec<(usize, usize)> = Vec::new();
    loop {
        let word = &text[start..end];
        let Some(c) = word.chars().next_back() else {
            break;
        };
        if word.chars().count() == 1 {
            break;
        }
        if TRAILING.contains(&c) {
            // A closing apostrophe after "s" is a plural possessive ("Russians’"), kept as its own token too.
            trailing.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        if c == '.' && !keeps_period(&word[..word.len() - 1]) {
            trailing.push((end - 1, end));
            end -= 1;
            continue;
        }
        break;
    }
    split_inner(text, start, end, out);
    for &(s, e) in trailing.iter().rev() {
        push(out, s, e);
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

/// Splits dashes, quote marks, possessives and "n't" inside a word.
fn split_inner(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    // A quote mark glued to its neighbours: "said,“Look".
    if let Some((i, c)) =
        word.char_indices().find(|&(i, c)| matches!(c, '“' | '”') && i > 0 && i + c.len_utf8() < word.len())
    {
        chunk(text, start, start + i, out);
        push(out, start + i, start + i + c.len_utf8());
        chunk(text, start + i + c.len_utf8(), end, out);
        return;
    }
    // Em and en dashes between words: "Putin—isolated".
    if let Some((i, c)) =
        word.char_indices().find(|&(i, c)| (c == '—' || c == '–') && i > 0 && i + c.len_utf8() < word.len())
    {
        split_inner(text, start, start + i, out);
        push(out, start + i, start + i + c.len_utf8());
        split_inner(text, start + i + c.len_utf8(), end, out);
        return;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            let cut = end - suffix.len();
            push(out, start, cut);
            push(out, cut, end);
            return;
        }
    }
    for suffix in ["n't", "n’t"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            let cut = end - suffix.len();
            push(out, start, cut);
            push(out, cut, end);
            return;
        }
    }
    push(out, start, end);
}

#[cfg(test)]
mod tests;
