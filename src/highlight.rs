//! Splits a block of article text into pieces for display: plain text, entity mentions, quotations
//! (which may hold mentions). The view renders each piece as a text node or an element around one:
//! article text never becomes HTML.

use newsprism_core::lexis::fold::fold_into;
use newsprism_core::Span;

/// A piece of a block's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(Span),
    /// A mention: (entity index, mention index).
    Mention {
        span: Span,
        entity: usize,
        mention: usize,
    },
    /// A quotation (index into the analysis's quotes) and its pieces.
    Quote {
        span: Span,
        quote: usize,
        inner: Vec<Piece>,
    },
}

/// Pieces of `block`: `quotes` and `mentions` are (span, ids) inside it, each list sorted by start.
/// Overlapping mentions keep the first; a mention crossing a quotation's edge is shown as plain text.
pub fn pieces(block: Span, quotes: &[(Span, usize)], mentions: &[(Span, usize, usize)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = block.start;
    for &(qs, qi) in quotes.iter().filter(|(s, _)| block.contains(*s) && !s.is_empty()) {
        if qs.start < at {
            continue;
        }
        out.extend(with_mentions(Span::new(at, qs.start), mentions));
        out.push(Piece::Quote { span: qs, quote: qi, inner: with_mentions(qs, mentions) });
        at = qs.end;
    }
    out.extend(with_mentions(Span::new(at, block.end), mentions));
    out
}

fn with_mentions(range: Span, mentions: &[(Span, usize, usize)]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = range.start;
    for &(ms, e, m) in mentions {
        if ms.start < at || !range.contains(ms) || ms.is_empty() {
            continue;
        }
        if ms.start > at {
            out.push(Piece::Text(Span::new(at, ms.start)));
        }
        out.push(Piece::Mention { span: ms, entity: e, mention: m });
        at = ms.end;
    }
    if at < range.end {
        out.push(Piece::Text(Span::new(at, range.end)));
    }
    out
}

/// Where `needle` (folded: lowercase, no accents, as [`fold`] makes it) occurs in `span` of `text`, as
/// spans of the original text, in order and not overlapping. Linear in the span: each character is folded
/// once and the folded text searched once.
pub fn hits(text: &str, span: Span, needle: &str) -> Vec<Span> {
    if needle.is_empty() {
        return Vec::new();
    }
    let slice = span.of(text);
    let mut folded = String::with_capacity(slice.len());
    // Per byte of `folded`: the original character's start and end.
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(slice.len());
    let mut buf = [0u8; 4];
    for (i, c) in slice.char_indices() {
        let before = folded.len();
        fold_into(c.encode_utf8(&mut buf), &mut folded);
        let at = (span.start + i, span.start + i + c.len_utf8());
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    folded
        .match_indices(needle)
        .map(|(i, m)| Span::new(origin[i].0, origin[i + m.len() - 1].1))
        .filter(|s| !s.is_empty())
        .collect()
}

/// All the text a list of pieces covers, in order (for checking that nothing is lost).
pub fn text_of(pieces: &[Piece], text: &str) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(s) | Piece::Mention { span: s, .. } => s.of(text).to_string(),
            Piece::Quote { inner, .. } => text_of(inner, text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_block_exactly_and_nest_mentions_in_quotes() {
        let text = "Putin said “Moscow and Obama agree” on Monday in Moscow.";
        let block = Span::new(0, text.len());
        let q = text.find("Moscow and").unwrap();
        let qe = text.find("” on").unwrap();
        let m = |w: &str, from: usize, e: usize| {
            let s = text[from..].find(w).unwrap() + from;
            (Span::new(s, s + w.len()), e, 0)
        };
        let mentions = vec![m("Putin", 0, 1), m("Moscow", 0, 2), m("Obama", 0, 3), m("Moscow", qe, 2)];
        let p = pieces(block, &[(Span::new(q, qe), 7)], &mentions);
        assert_eq!(text_of(&p, text), text, "no text is lost or doubled");
        assert!(matches!(p[0], Piece::Mention { entity: 1, .. }));
        let quote = p
            .iter()
            .find_map(|x| if let Piece::Quote { inner, quote, .. } = x { Some((inner, *quote)) } else { None })
            .unwrap();
        assert_eq!(quote.1, 7);
        assert_eq!(quote.0.iter().filter(|x| matches!(x, Piece::Mention { .. })).count(), 2);
        assert!(matches!(p.last().unwrap(), Piece::Text(_)));
    }

    #[test]
    fn a_search_is_found_whatever_the_case_and_accents_and_mapped_back_to_the_text() {
        let text = "Le président François Hollande — FRANCOIS for short — met françois.";
        let h = hits(text, Span::new(0, text.len()), "francois");
        let found: Vec<&str> = h.iter().map(|s| s.of(text)).collect();
        assert_eq!(found, ["François", "FRANCOIS", "françois"]);
        let inner = Span::new(text.find("Hollande").unwrap(), text.len());
        assert_eq!(hits(text, inner, "francois").len(), 2, "only inside the span");
        assert!(hits(text, Span::new(0, text.len()), "").is_empty());
    }

    #[test]
    fn overlapping_and_crossing_spans_do_not_duplicate_text() {
        let text = "abcdefghij";
        let block = Span::new(0, 10);
        let p = pieces(
            block,
            &[(Span::new(2, 6), 0)],
            &[(Span::new(1, 3), 0, 0), (Span::new(3, 5), 1, 0), (Span::new(4, 8), 2, 0)],
        );
        assert_eq!(text_of(&p, text), text);
    }
}
