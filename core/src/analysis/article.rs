//! One document to one article: blocks, sentences and quotations found, ids made unique.

use std::collections::HashSet;

use crate::corpus::input::Document;
use crate::model::{Article, Block, BlockKind, Boilerplate, BoilerplateReason, Quote, Section, Snippet};
use crate::parse::outlet::outlet;
use crate::parse::{layout, quote, sentence};
use crate::span::Span;

/// The id an article is given before it is made unique: the record's own `id`, else the input's file stem
/// (and record line); URL-safe.
pub fn base_id(doc: &Document) -> String {
    match &doc.id {
        Some(id) => url_safe(id),
        None => id_from_origin(&doc.origin),
    }
}

/// The ids of a corpus's articles, given in input order: [`base_id`], made unique with a numeric suffix.
#[derive(Debug, Default)]
pub struct ArticleIds {
    taken: HashSet<String>,
}

impl ArticleIds {
    /// The id of the next article.
    pub fn next(&mut self, doc: &Document) -> String {
        unique_id(doc, &mut self.taken)
    }
}

fn unique_id(doc: &Document, taken: &mut HashSet<String>) -> String {
    let base = base_id(doc);
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Letters, digits, `_` and `-` kept, anything else `-`; "article" when nothing is left.
fn url_safe(s: &str) -> String {
    let safe: String =
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect();
    if safe.trim_matches('-').is_empty() {
        "article".to_string()
    } else {
        safe
    }
}

/// "dir/feed.jsonl:7" → "feed-7", "dir/a.txt" → "a".
fn id_from_origin(origin: &str) -> String {
    let file = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    let (file, line) = match file.rsplit_once(':') {
        Some((f, l)) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => (f, Some(l)),
        _ => (file, None),
    };
    let stem = match file.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && ext.len() <= 6 => s,
        _ => file,
    };
    let base = url_safe(stem);
    match line {
        Some(l) => format!("{base}-{l}"),
        None => base,
    }
}

fn snippet(text: &str, b: &Block) -> Snippet {
    Snippet { start: b.start, end: b.end, text: b.span().of(text).to_string() }
}

/// Parses one document into an article and its quotations; `first_quote` is the global index of its first quote.
pub(super) fn parse_article(id: String, doc: &Document, first_quote: usize) -> (Article, Vec<Quote>) {
    let text = &doc.text;
    let blocks = layout::blocks(text, doc.title.as_deref());
    let of_kind = |k: BlockKind| blocks.iter().filter(move |b| b.kind == k);
    let headline =
        doc.title.clone().or_else(|| of_kind(BlockKind::Headline).next().map(|b| b.span().of(text).to_string()));
    let dateline = of_kind(BlockKind::Dateline).next().map(|b| b.span().of(text).to_string());
    let paragraphs: Vec<Span> = of_kind(BlockKind::Paragraph).map(Block::span).collect();
    let sentences = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Caption | BlockKind::Paragraph))
        .flat_map(|b| sentence::sentences(text, b.span()))
        .collect();
    let quotes = quote::quotes(text, &blocks)
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            let block = blocks[q.block];
            Quote {
                id: format!("{id}-q{n}"),
                article: id.clone(),
                start: q.span.start,
                end: q.span.end,
                text: q.span.of(text).to_string(),
                kind: q.kind,
                section: match block.kind {
                    BlockKind::Headline => Section::Headline,
                    BlockKind::Caption => Section::Caption,
                    _ => Section::Body,
                },
                paragraph: paragraph_of(&paragraphs, q.span),
                block: q.block,
                continues: q.continues.map(|i| i + first_quote),
                closed: q.close.is_some(),
                speaker: None,
                verb: None,
                cue: None,
                rule: None,
                confidence: 0.0,
                alternatives: Vec::new(),
                corrected: false,
            }
        })
        .collect();
    let article = Article {
        id,
        source: doc.source.clone(),
        url: doc.url.clone(),
        published: doc.published.clone(),
        outlet: outlet(
            doc.outlet.as_deref(),
            &doc.source,
            doc.url.as_deref(),
            &of_kind(BlockKind::Credit).map(|b| b.span().of(text)).collect::<Vec<_>>(),
            dateline.as_deref(),
        ),
        headline,
        dateline,
        captions: of_kind(BlockKind::Caption).map(|b| snippet(text, b)).collect(),
        credits: of_kind(BlockKind::Credit).map(|b| snippet(text, b)).collect(),
        boilerplate: of_kind(BlockKind::Boilerplate)
            .map(|b| Boilerplate {
                start: b.start,
                end: b.end,
                text: b.span().of(text).to_string(),
                reason: b.reason.unwrap_or(BoilerplateReason::Navigation),
            })
            .collect(),
        text: text.clone(),
        paragraphs,
        sentences,
        blocks,
    };
    (article, quotes)
}

/// The index of the paragraph holding `span` (paragraphs are in order and do not overlap).
fn paragraph_of(paragraphs: &[Span], span: Span) -> Option<usize> {
    let i = paragraphs.partition_point(|p| p.end < span.end);
    (i < paragraphs.len() && paragraphs[i].contains(span)).then_some(i)
}
