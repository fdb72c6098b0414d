//! Quotations: straight and curly marks, quotes over several paragraphs, and mismatched marks as found in copy.
//!
//! Double marks are paired by [`crate::parse::pairing`], from their surroundings first and their glyph
//! second (“ after a word and before a comma closes a quote, as real copy sometimes has it), and from what
//! the quotation would hold. Single quotes count as quotations only outside double
//! quotes and only when a clear opening mark has a matching close (so "Russia’s" and "Russians’" stay words).

use crate::lexis::verbs::is_reporting;
use crate::model::article::{Block, BlockKind};
use crate::model::quote::QuoteKind;
use crate::parse::pairing::{pair, Role};
use crate::span::Span;

/// One quotation found in an article, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted words, without the marks (and without a trailing comma inside them).
    pub span: Span,
    /// The opening and closing marks' positions; `close` is `None` for a quote that runs to the end of its block.
    pub open: Span,
    pub close: Option<Span>,
    /// Index into the article's blocks.
    pub block: usize,
    pub kind: QuoteKind,
    /// The index (among this article's quotes) of the first part of a quote that runs over several paragraphs.
    pub continues: Option<usize>,
}

/// Finds the quotations in the headline, captions and paragraphs of an article.
pub fn quotes(text: &str, blocks: &[Block]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    // The opening-mark offset of a quote left open at the end of the previous paragraph.
    let mut carried: Option<usize> = None;
    for (bi, b) in blocks.iter().enumerate() {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Caption | BlockKind::Headline) {
            continue;
        }
        let from_prev = carried.take();
        let next_reopens = b.kind == BlockKind::Paragraph
            && blocks[bi + 1..]
                .iter()
                .find(|n| matches!(n.kind, BlockKind::Paragraph | BlockKind::Caption))
                .is_some_and(|n| n.kind == BlockKind::Paragraph && starts_with_open_mark(n.span().of(text)));
        let (double, left_open) = double_quotes(text, b.span(), (bi, next_reopens), from_prev, &mut out);
        single_quotes(text, b.span(), bi, &double, &mut out);
        if let Some(idx) = left_open {
            if next_reopens {
                carried = Some(out[idx].continues.unwrap_or(out[idx].open.start));
            }
        }
    }
    out.sort_by_key(|q| q.span.start);
    renumber_continuations(out)
}

/// While scanning, `continues` holds the first part's opening-mark offset; after sorting, turn it into an index.
fn renumber_continuations(mut quotes: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    // Sorted by content start, the opening marks are sorted too.
    let opens: Vec<usize> = quotes.iter().map(|q| q.open.start).collect();
    for q in quotes.iter_mut() {
        if let Some(first_open) = q.continues {
            q.continues = opens.binary_search(&first_open).ok();
        }
    }
    quotes
}

fn starts_with_open_mark(s: &str) -> bool {
    matches!(s.trim_start().chars().next(), Some('“' | '"' | '«'))
}

fn is_opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c))
}

/// Finds double-quoted quotations in one block. `continuing` is the opening-mark offset of a quote carried over
/// from the previous paragraph. Returns the spans covered by double quotes and the index of a quote left open at the end.
fn double_quotes(
    text: &str,
    block: Span,
    (bi, continues_after): (usize, bool),
    continuing: Option<usize>,
    out: &mut Vec<QuoteSpan>,
) -> (Vec<Span>, Option<usize>) {
    let s = block.of(text);
    let mut covered = Vec::new();
    let mut open: Option<Span> = None;
    let mut first_part = continuing;
    let mut left_open = None;
    for (i, c, role) in pair(s, continues_after) {
        let mark = Span::new(block.start + i, block.start + i + c.len_utf8());
        match (open, role) {
            (_, Role::Stray) | (None, Role::Close) => {}
            (None, Role::Open) => open = Some(mark),
            (Some(o), Role::Close) => {
                push(text, out, &mut covered, (o, Some(mark), mark.start), bi, first_part.take());
                open = None;
            }
            (Some(o), Role::Open) => {
                // An opening mark while a quote is open: the previous one was never closed.
                push(text, out, &mut covered, (o, None, mark.start), bi, first_part.take());
                open = Some(mark);
            }
        }
    }
    if let Some(o) = open {
        if push(text, out, &mut covered, (o, None, block.end), bi, first_part.take()) {
            left_open = Some(out.len() - 1);
        }
    }
    (covered, left_open)
}

/// Records a quotation between an opening mark and `end` (a closing mark's start, or where the quote stops
/// without one); false if it holds no words.
fn push(
    text: &str,
    out: &mut Vec<QuoteSpan>,
    covered: &mut Vec<Span>,
    (open, close, end): (Span, Option<Span>, usize),
    bi: usize,
    continues: Option<usize>,
) -> bool {
    let span = content(text, Span::new(open.end, end));
    if span.is_empty() || !span.of(text).chars().any(char::is_alphanumeric) {
        return false;
    }
    covered.push(Span::new(open.start, close.map_or(end, |c| c.end)));
    if close.is_some() && is_title(span.of(text)) {
        // “60 Minutes”, “A Higher Loyalty”, “America First”: a name in quotation marks, not speech.
        return false;
    }
    let kind = kind(text, open, span, continues.is_some());
    out.push(QuoteSpan { span, open, close, block: bi, kind, continues });
    true
}

/// A name in quotation marks: up to six words, each capitalised (small words aside after the first), no
/// sentence punctuation: the title of a show, a book, a film, a slogan.
fn is_title(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    let small = |w: &str| {
        matches!(w, "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "at" | "with" | "from" | "&")
    };
    (1..=6).contains(&words.len())
        && !words.iter().any(|w| w.ends_with(['.', '?', '!', ',', ';', ':']) || *w == "I")
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) || (i > 0 && small(w))
        })
        // Shouting ("NO COLLUSION and NO OBSTRUCTION") is speech.
        && !words.iter().filter(|w| w.len() > 3).all(|w| w.chars().all(|c| !c.is_lowercase()))
}

/// The quoted words: trimmed, without a trailing comma the writer put inside the marks.
fn content(text: &str, raw: Span) -> Span {
    let mut span = raw.trim(text);
    while let Some(stripped) = span.of(text).strip_suffix(',') {
        span = Span::new(span.start, span.start + stripped.len()).trim(text);
    }
    span
}

/// A direct quotation opens a sentence of its own (after a comma, colon, reporting verb or nothing)
/// and is a clause: four words or more, or a question or exclamation.
fn kind(text: &str, open: Span, span: Span, continuation: bool) -> QuoteKind {
    let words = span.of(text);
    let first = words.chars().find(|c| c.is_alphanumeric());
    let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let n_words = words.split_whitespace().count();
    let exclaims = words.trim_end_matches(['.', '’', '\'']).ends_with(['?', '!']);
    let before = text[..open.start].trim_end();
    let lead_in = before.is_empty()
        || before.ends_with([',', ':', ';', '—', '–', '.', '?', '!', '\n', '(', '”', '"'])
        || before.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(is_reporting);
    if (continuation || (capital && lead_in)) && (n_words >= 4 || exclaims) {
        QuoteKind::Direct
    } else {
        QuoteKind::Fragment
    }
}

/// Single-quoted quotations outside double quotes: ‘differences can be resolved’ in a headline.
fn single_quotes(text: &str, block: Span, bi: usize, double: &[Span], out: &mut Vec<QuoteSpan>) {
    let s = block.of(text);
    // `double` is in text order: a cursor walks it alongside the marks.
    let mut d = 0;
    let mut open: Option<Span> = None;
    for (i, c) in s.char_indices() {
        if !matches!(c, '‘' | '’' | '\'') {
            continue;
        }
        let at = block.start + i;
        while d < double.len() && double[d].end <= at {
            d += 1;
        }
        if d < double.len() && double[d].start <= at {
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        let mark = Span::new(at, at + c.len_utf8());
        match open {
            None => {
                if c != '’' && is_opening_context(prev) && next.is_some_and(|n| n.is_alphanumeric()) {
                    open = Some(mark);
                }
            }
            Some(o) => {
                let apostrophe = next.is_some_and(|n| n.is_alphabetic()) || prev.is_some_and(char::is_whitespace);
                if apostrophe {
                    continue;
                }
                if at - o.end > 300 {
                    open = None;
                    continue;
                }
                let span = content(text, Span::new(o.end, at));
                if !span.is_empty() {
                    let kind = kind(text, o, span, false);
                    out.push(QuoteSpan { span, open: o, close: Some(mark), block: bi, kind, continues: None });
                }
                open = None;
            }
        }
    }
}

#[cfg(test)]
mod tests;
