//! An article's tokens, sentence by sentence, with the tagger's entity chunks over them: the shared input
//! of the resolver and the quote attributor.

use std::ops::Range;

use crate::model::article::{Article, BlockKind};
use crate::span::Span;
use crate::tag::labels::{chunks_from_bilou, EntityType};
use crate::tag::tagger::{Scratch, Tagger};
use crate::tag::token::{self, Token};

/// A named-entity chunk found by the tagger, as a span of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NerChunk {
    pub span: Span,
    pub ty: EntityType,
    /// Token range in [`TaggedArticle::tokens`].
    pub tokens: (usize, usize),
    pub sentence: usize,
}

/// One sentence: its span, token range and the block it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedSentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub block: usize,
}

/// The tagger's view of one article.
#[derive(Debug, Clone, Default)]
pub struct TaggedArticle {
    pub tokens: Vec<Token>,
    pub sentences: Vec<TaggedSentence>,
    pub chunks: Vec<NerChunk>,
}

impl TaggedArticle {
    /// The index of the token that starts at or covers byte `at`.
    pub fn token_at(&self, at: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| (t.end as usize) <= at);
        (i < self.tokens.len() && (self.tokens[i].start as usize) <= at).then_some(i)
    }

    /// The sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= t);
        (i < self.sentences.len()).then_some(i)
    }

    /// The NER chunk covering byte span `span` exactly, if any.
    pub fn chunk_exactly(&self, span: Span) -> Option<&NerChunk> {
        self.chunks_overlapping(span).find(|c| c.span == span)
    }

    /// The NER chunks overlapping `span` (chunks are in text order and do not overlap: a binary search).
    pub fn chunks_overlapping(&self, span: Span) -> impl Iterator<Item = &NerChunk> {
        let from = self.chunks.partition_point(|c| c.span.end <= span.start);
        self.chunks[from..].iter().take_while(move |c| c.span.start < span.end)
    }
}

/// Tokenises and tags the sentences of an article (its headline's, captions' and paragraphs', as the parser
/// split them).
pub fn tag_article(article: &Article, tagger: &Tagger, scratch: &mut Scratch) -> TaggedArticle {
    let text = &article.text;
    let mut tagged = TaggedArticle::default();
    let mut block = 0;
    for &s in &article.sentences {
        while block < article.blocks.len() && article.blocks[block].end < s.end {
            block += 1;
        }
        debug_assert!(
            block < article.blocks.len()
                && matches!(
                    article.blocks[block].kind,
                    BlockKind::Headline | BlockKind::Caption | BlockKind::Paragraph
                )
        );
        let start = tagged.tokens.len();
        token::tokenize(text, s, &mut tagged.tokens);
        let end = tagged.tokens.len();
        if end > start {
            tagged.sentences.push(TaggedSentence { span: s, tokens: start..end, block });
        }
    }
    let words: Vec<Vec<&str>> = tagged
        .sentences
        .iter()
        .map(|s| tagged.tokens[s.tokens.clone()].iter().map(|t| t.text(text)).collect())
        .collect();
    let labels = tagger.tag_document(&words, scratch);
    for (si, (s, labels)) in tagged.sentences.iter().zip(&labels).enumerate() {
        for c in chunks_from_bilou(labels) {
            let (a, b) = (s.tokens.start + c.start, s.tokens.start + c.end);
            let span = Span::new(tagged.tokens[a].start as usize, tagged.tokens[b - 1].end as usize);
            tagged.chunks.push(NerChunk { span, ty: c.ty, tokens: (a, b), sentence: si });
        }
    }
    // Every article's tokens are held until attribution: no room to spare in them.
    tagged.tokens.shrink_to_fit();
    tagged.sentences.shrink_to_fit();
    tagged.chunks.shrink_to_fit();
    tagged
}
