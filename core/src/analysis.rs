//! Runs every stage over a set of documents and assembles the [`Analysis`].

use std::collections::HashSet;

use crate::attribute;
use crate::attribute::rank::Ranker;
use crate::corpus::input::{self, Document};
use crate::model::{Analysis, Article, Boilerplate, InputError, Quote, Section, Snippet, SpeakerCount};
use crate::parse::layout::{self, Block, BlockKind};
use crate::parse::{quote, sentence};
use crate::resolve;
use crate::resolve::entity::Entity;
use crate::span::Span;
use crate::tag::tagger::{Scratch, Tagger};
use crate::tagged::{tag_article, TaggedArticle};

/// Analyses documents already loaded. Never fails: odd text yields less structure, not an error.
pub fn analyze(docs: &[Document]) -> Analysis {
    analyze_with_errors(docs, Vec::new())
}

/// Loads each `(name, bytes)` input and analyses everything that loaded; the rest are listed in `errors`.
pub fn analyze_inputs<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Analysis {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in inputs {
        match input::load(name, bytes) {
            Ok(loaded) => docs.extend(loaded),
            Err(e) => errors.push(InputError::from(&e)),
        }
    }
    analyze_with_errors(&docs, errors)
}

fn analyze_with_errors(docs: &[Document], errors: Vec<InputError>) -> Analysis {
    finish(prepare(docs), Ranker::builtin(), errors)
}

/// Everything before quote attribution: parsed articles, their quotes, the tagger's view, the entities.
pub struct Prepared {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub tagged: Vec<TaggedArticle>,
    pub entities: Vec<Entity>,
}

/// Parses, tags and resolves; quotes are found but not yet attributed.
pub fn prepare(docs: &[Document]) -> Prepared {
    prepare_with_progress(docs, &mut |_, _| {})
}

/// Analyses documents, reporting progress as (fraction done, stage name) along the way; `errors` are
/// carried into the result (inputs that failed to load).
pub fn analyze_with_progress(
    docs: &[Document],
    errors: Vec<InputError>,
    progress: &mut dyn FnMut(f32, &str),
) -> Analysis {
    let prepared = prepare_with_progress(docs, progress);
    progress(0.95, "attributing quotes");
    let analysis = finish(prepared, Ranker::builtin(), errors);
    progress(1.0, "done");
    analysis
}

/// [`prepare`] with progress: parsing takes the first tenth, tagging most of the rest.
pub fn prepare_with_progress(docs: &[Document], progress: &mut dyn FnMut(f32, &str)) -> Prepared {
    let mut ids = HashSet::new();
    let mut articles = Vec::with_capacity(docs.len());
    let mut quotes = Vec::new();
    let n = docs.len().max(1) as f32;
    for (i, doc) in docs.iter().enumerate() {
        if i % 16 == 0 {
            progress(0.1 * i as f32 / n, "parsing");
        }
        let id = unique_id(&doc.origin, &mut ids);
        let (article, article_quotes) = parse_article(id, doc, quotes.len());
        articles.push(article);
        quotes.extend(article_quotes);
    }
    let tagger = Tagger::builtin();
    let mut scratch = Scratch::default();
    let tagged: Vec<TaggedArticle> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if i % 4 == 0 {
                progress(0.1 + 0.75 * i as f32 / n, "tagging entities");
            }
            tag_article(a, tagger, &mut scratch)
        })
        .collect();
    progress(0.85, "merging entities");
    let entities = resolve::resolve(&articles, &tagged);
    Prepared { articles, quotes, tagged, entities }
}

/// Attributes the quotes with `ranker` and assembles the analysis.
pub fn finish(prepared: Prepared, ranker: &Ranker, errors: Vec<InputError>) -> Analysis {
    let Prepared { articles, mut quotes, tagged, entities } = prepared;
    attribute_all(&articles, &tagged, &entities, &mut quotes, ranker);
    let speakers = count_speakers(&quotes);
    Analysis { articles, quotes, entities, speakers, errors }
}

/// Analyses documents with a given attribution ranker (for training and evaluating one).
pub fn analyze_with(docs: &[Document], ranker: &Ranker) -> Analysis {
    finish(prepare(docs), ranker, Vec::new())
}

/// Fills in every quote's speaker, article by article.
fn attribute_all(
    articles: &[Article],
    tagged: &[TaggedArticle],
    entities: &[Entity],
    quotes: &mut [Quote],
    ranker: &Ranker,
) {
    let mut start = 0;
    for (article, tagged) in articles.iter().zip(tagged) {
        let n = quotes[start..].iter().take_while(|q| q.article == article.id).count();
        let range = start..start + n;
        let found = attribute::attribute_article(article, tagged, entities, &quotes[range.clone()], start, ranker);
        for (q, a) in quotes[range].iter_mut().zip(found) {
            q.speaker = a.speaker;
            q.verb = a.verb;
            q.cue = a.cue;
            q.rule = a.rule;
            q.confidence = a.confidence;
        }
        start += n;
    }
}

/// Quote counts per speaker, most quoted first.
fn count_speakers(quotes: &[Quote]) -> Vec<SpeakerCount> {
    let mut counts: Vec<SpeakerCount> = Vec::new();
    for q in quotes {
        let Some(s) = &q.speaker else { continue };
        let i = match counts.iter().position(|c| c.key == s.key) {
            Some(i) => i,
            None => {
                counts.push(SpeakerCount {
                    key: s.key.clone(),
                    entity: s.entity.clone(),
                    name: s.name.clone(),
                    unnamed: s.unnamed,
                    quotes: 0,
                    articles: Vec::new(),
                });
                counts.len() - 1
            }
        };
        counts[i].quotes += 1;
        if !counts[i].articles.contains(&q.article) {
            counts[i].articles.push(q.article.clone());
        }
    }
    counts.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    counts
}

/// An id from the input's file stem (and record line), made unique with a numeric suffix.
fn unique_id(origin: &str, taken: &mut HashSet<String>) -> String {
    let file = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    let (file, line) = match file.rsplit_once(':') {
        Some((f, l)) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => (f, Some(l)),
        _ => (file, None),
    };
    let stem = match file.rsplit_once('.') {
        Some((s, ext)) if !s.is_empty() && ext.len() <= 6 => s,
        _ => file,
    };
    let mut base: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect();
    if base.trim_matches('-').is_empty() {
        base = "article".to_string();
    }
    if let Some(l) = line {
        base = format!("{base}-{l}");
    }
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn snippet(text: &str, b: &Block) -> Snippet {
    Snippet { start: b.start, end: b.end, text: b.span().of(text).to_string() }
}

/// Parses one document into an article and its quotations; `first_quote` is the global index of its first quote.
fn parse_article(id: String, doc: &Document, first_quote: usize) -> (Article, Vec<Quote>) {
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
        .map(|q| {
            let block = blocks[q.block];
            Quote {
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
                paragraph: paragraphs.iter().position(|p| p.contains(q.span)),
                block: q.block,
                continues: q.continues.map(|i| i + first_quote),
                closed: q.close.is_some(),
                speaker: None,
                verb: None,
                cue: None,
                rule: None,
                confidence: 0.0,
            }
        })
        .collect();
    let article = Article {
        id,
        source: doc.source.clone(),
        url: doc.url.clone(),
        published: doc.published.clone(),
        headline,
        dateline,
        captions: of_kind(BlockKind::Caption).map(|b| snippet(text, b)).collect(),
        credits: of_kind(BlockKind::Credit).map(|b| snippet(text, b)).collect(),
        boilerplate: of_kind(BlockKind::Boilerplate)
            .map(|b| Boilerplate {
                start: b.start,
                end: b.end,
                text: b.span().of(text).to_string(),
                reason: b.reason.unwrap_or(layout::BoilerplateReason::Navigation),
            })
            .collect(),
        text: text.clone(),
        paragraphs,
        sentences,
        blocks,
    };
    (article, quotes)
}
