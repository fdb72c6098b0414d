//! Splits an article's text into blocks: headline, dateline, captions, credits, boilerplate, paragraphs.

use crate::lexis::words::is_month;
use crate::model::article::{Block, BlockKind, BoilerplateReason};
use crate::span::Span;

/// Splits `text` into blocks. `title` is the headline given outside the text (a JSON record's title):
/// when given, a first line that repeats it is marked as the headline and no other line is.
pub fn blocks(text: &str, title: Option<&str>) -> Vec<Block> {
    let lines = lines(text);
    let mut out: Vec<Block> = Vec::with_capacity(lines.len());
    let mut seen_content = false;
    let mut seen = Seen::default();
    for (i, &line) in lines.iter().enumerate() {
        let s = line.of(text);
        if s.trim().is_empty() {
            if s.chars().any(|c| c != '\n' && c != '\r') {
                out.push(block(BlockKind::Boilerplate, line.trim(text), Some(BoilerplateReason::Blank)));
            }
            continue;
        }
        let span = line.trim(text);
        let s = span.of(text);
        let first = !seen_content;
        seen_content = true;
        if let Some(reason) = boilerplate_reason(s) {
            out.push(block(BlockKind::Boilerplate, span, Some(reason)));
            continue;
        }
        if first && is_headline(s, title) {
            seen.push(&mut out, block(BlockKind::Headline, span, None));
            continue;
        }
        if seen.content < 3 && !seen.dateline && is_dateline(s) {
            seen.push(&mut out, block(BlockKind::Dateline, span, None));
            continue;
        }
        if is_caption(s) {
            seen.push(&mut out, block(BlockKind::Caption, span, None));
            continue;
        }
        if is_credit(s, i + 1 == lines.len()) {
            seen.push(&mut out, block(BlockKind::Credit, span, None));
            continue;
        }
        // Joined only to the block right before: across a boilerplate line the paragraph would hold that line.
        if let Some(prev) = seen.last.filter(|&k| k + 1 == out.len()).map(|k| &mut out[k]) {
            // The text joined so far ends where the paragraph does, so only its tail is read.
            if prev.kind == BlockKind::Paragraph && is_cut_mid_sentence(prev.span().of(text)) {
                prev.end = span.end;
                continue;
            }
        }
        let mut span = span;
        if !seen.paragraph && !seen.dateline {
            if let Some(dateline_end) = inline_dateline(s) {
                let dateline = Span::new(span.start, span.start + dateline_end).trim(text);
                let rest = Span::new(span.start + dateline_end, span.end).trim(text);
                seen.push(&mut out, block(BlockKind::Dateline, trim_dashes(dateline, text), None));
                span = trim_leading_dashes(rest, text);
            }
        }
        seen.push(&mut out, block(BlockKind::Paragraph, span, None));
    }
    out
}

/// Running facts about the blocks placed so far, so each line is placed in constant time.
#[derive(Default)]
struct Seen {
    /// Blocks that are not boilerplate.
    content: usize,
    /// The index of the last of them.
    last: Option<usize>,
    dateline: bool,
    paragraph: bool,
}

impl Seen {
    /// Places a block that is not boilerplate.
    fn push(&mut self, out: &mut Vec<Block>, b: Block) {
        self.content += 1;
        self.dateline |= b.kind == BlockKind::Dateline;
        self.paragraph |= b.kind == BlockKind::Paragraph;
        self.last = Some(out.len());
        out.push(b);
    }
}

fn block(kind: BlockKind, span: Span, reason: Option<BoilerplateReason>) -> Block {
    Block { kind, start: span.start, end: span.end, reason }
}

/// The lines of `text` as spans, without their line breaks.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i };
            out.push(Span::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Lowercase, without trailing punctuation, for matching short widget lines.
fn normalized(s: &str) -> String {
    s.trim().trim_end_matches(['.', ':', '!', '›', '»', '>', '…']).trim().to_lowercase()
}

fn boilerplate_reason(s: &str) -> Option<BoilerplateReason> {
    use BoilerplateReason::*;
    if s.len() > 240 {
        return None;
    }
    let n = normalized(s);
    const COMMENT_EXACT: &[&str] =
        &["error", "comments", "leave a comment", "post a comment", "view comments", "show comments"];
    const COMMENT_PARTS: &[&str] = &[
        "your comment was not saved",
        "your comment has not been saved",
        "please try again later",
        "comments are closed",
        "you must be logged in to",
        "comments have been disabled",
    ];
    const SHARE_EXACT: &[&str] = &[
        "share",
        "share this",
        "share this article",
        "share this story",
        "share this page",
        "tweet",
        "email",
        "e-mail",
        "print",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "copy link",
        "share on facebook",
        "share on twitter",
        "save",
        "share via email",
    ];
    const SHARE_PREFIX: &[&str] = &["follow us on", "follow @", "share on ", "share via ", "like us on facebook"];
    const NAV_EXACT: &[&str] = &[
        "advertisement",
        "read more",
        "more",
        "related",
        "related articles",
        "related stories",
        "recommended",
        "most read",
        "most popular",
        "top stories",
        "skip to main content",
        "back to top",
        "loading",
        "menu",
        "close",
        "read the rest here",
        "continue reading",
        "watch",
        "video",
        "image",
        "photo",
        "subscribe",
        "sign up",
    ];
    const NAV_PREFIX: &[&str] = &[
        "read more:",
        "related:",
        "also read:",
        "see also:",
        "click here",
        "sign up for",
        "subscribe to",
        "this video is no longer available",
        "please enable javascript",
        "javascript is disabled",
    ];
    const LEGAL_PARTS: &[&str] =
        &["all rights reserved", "we use cookies", "by continuing to use this", "cookie policy"];
    if COMMENT_EXACT.contains(&n.as_str()) || COMMENT_PARTS.iter().any(|p| n.contains(p)) {
        return Some(CommentForm);
    }
    if SHARE_EXACT.contains(&n.as_str()) || SHARE_PREFIX.iter().any(|p| n.starts_with(p)) {
        return Some(ShareWidget);
    }
    if NAV_EXACT.contains(&n.as_str()) || NAV_PREFIX.iter().any(|p| n.starts_with(p)) {
        return Some(Navigation);
    }
    if n.starts_with('©') || n.starts_with("copyright ©") || LEGAL_PARTS.iter().any(|p| n.contains(p)) {
        return Some(Legal);
    }
    None
}

fn is_headline(s: &str, title: Option<&str>) -> bool {
    if let Some(t) = title {
        let strip = |x: &str| x.trim().trim_end_matches('.').trim().to_lowercase();
        return strip(s) == strip(t);
    }
    let last = s.chars().last().unwrap_or('.');
    // A quotation closed by a comma ("“…,” a senior official said") is prose, not a headline.
    let attributed_quote = s.contains(",”") || s.contains(",\"");
    words(s) <= 25
        && s.len() <= 220
        && !matches!(last, '.' | ',' | ';' | ':')
        && !attributed_quote
        && !is_caption(s)
        && !is_dateline(s)
}

/// A date such as "Sept 28", "September 28, 2015", "28 September 2015" or "2015-09-28".
fn is_date(s: &str) -> bool {
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()).collect();
    let is_month = |t: &str| is_month(&t.trim_end_matches('.').to_lowercase());
    let is_day = |t: &str| t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit());
    let is_year = |t: &str| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit());
    match tokens.as_slice() {
        [m, d] => is_month(m) && is_day(d),
        [m, d, y] => (is_month(m) && is_day(d) && is_year(y)) || (is_day(m) && is_month(d) && is_year(y)),
        [iso] => {
            let parts: Vec<&str> = iso.split('-').collect();
            parts.len() == 3 && is_year(parts[0]) && parts[1..].iter().all(|p| is_day(p))
        }
        _ => false,
    }
}

/// A standalone dateline line: "United Nations, Sept 28", "MOSCOW, September 28, 2015", "Beirut (AFP)".
fn is_dateline(s: &str) -> bool {
    if words(s) > 9 || s.len() > 80 {
        return false;
    }
    if is_date(s) {
        return true;
    }
    let place_then = |place: &str| {
        let place = place.trim();
        !place.is_empty()
            && place.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            && !place.contains(['.', '!', '?', '"', '“', '”'])
    };
    if let Some((place, rest)) = s.split_once(", ") {
        if place_then(place) && (is_date(rest) || rest.split_once(", ").is_some_and(|(_, d)| is_date(d))) {
            return true;
        }
    }
    if let Some(place) = s.strip_suffix(')').and_then(|x| x.rsplit_once(" (")).map(|(p, _)| p) {
        return place_then(place) && place.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    }
    false
}

/// An inline dateline at the start of the first paragraph: "WASHINGTON (Reuters) - ", "MOSCOW — ".
/// Returns the byte length of the dateline with its separator.
fn inline_dateline(s: &str) -> Option<usize> {
    let mut cut = s.len().min(90);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let (sep_at, sep_len) = [" — ", " – ", " - ", " -- "]
        .iter()
        .filter_map(|sep| head.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|&(i, _)| i)?;
    let prefix = &s[..sep_at];
    let first_word = prefix.split_whitespace().next()?;
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let calm = !prefix.contains(['.', '!', '?', '"', '“', '”', ';']) || prefix.contains("(");
    (shouting && calm && words(prefix) <= 8).then_some(sep_at + sep_len)
}

fn trim_dashes(span: Span, text: &str) -> Span {
    let s = span.of(text);
    let t = s.trim_end_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace());
    Span::new(span.start, span.start + t.len())
}

fn trim_leading_dashes(span: Span, text: &str) -> Span {
    let s = span.of(text);
    let t = s.trim_start_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace());
    Span::new(span.end - t.len(), span.end)
}

/// A photo caption: ends with an agency or photographer credit in parentheses, or places people in a picture.
fn is_caption(s: &str) -> bool {
    if words(s) < 4 {
        return false;
    }
    const POSITIONS: &[&str] =
        &[", right,", ", left,", ", center,", ", centre,", "(L)", "(R)", "(C)", "(left)", "(right)", ", from left,"];
    if POSITIONS.iter().any(|p| s.contains(p)) {
        return true;
    }
    let Some(inner) = s.strip_suffix(')').and_then(|x| x.rfind('(').map(|i| &x[i + 1..])) else {
        return false;
    };
    let inner = inner.trim();
    let credit_words =
        ["Reuters", "AP", "AFP", "Getty", "Photo", "Images", "Agency", "EPA", "Pool", "Associated Press"];
    let n = words(inner);
    (1..=7).contains(&n)
        && inner.chars().next().is_some_and(|c| c.is_uppercase())
        && (credit_words.iter().any(|w| inner.contains(w)) || inner.contains('/'))
}

/// A byline or credit line.
fn is_credit(s: &str, last_line: bool) -> bool {
    let n = words(s);
    let lower = s.to_lowercase();
    if n <= 8 && s.starts_with("By ") && s[3..].chars().next().is_some_and(|c| c.is_uppercase()) {
        return !s.ends_with('.');
    }
    const PARTS: &[&str] = &[
        "wire services",
        "contributed to this report",
        "contributed reporting",
        "reporting by ",
        "editing by ",
        "writing by ",
        "compiled by ",
        "additional reporting",
    ];
    if n <= 16 && PARTS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    last_line && n <= 6 && (lower.starts_with("source:") || lower.starts_with("— ") || lower.starts_with("- "))
}

/// A paragraph that stops mid-sentence, as hard-wrapped copy does ("... a senior State" / "Department official said.").
fn is_cut_mid_sentence(s: &str) -> bool {
    let last = s.trim_end().chars().next_back().unwrap_or('.');
    // Eight words are enough to know: counting them all would make joining many lines quadratic.
    s.len() >= 60 && (last.is_alphanumeric() || last == ',') && s.split_whitespace().take(8).count() >= 8
}

#[cfg(test)]
mod tests;
