//! Unlabelled sentences for word classes: CoNLL training text plus raw news, tokenised like tagger input.

use crate::model::BlockKind;
use crate::parse::{layout, sentence};
use crate::tag::token;

/// Sentences of words from CoNLL documents (gold tags ignored).
pub fn from_conll(docs: &[crate::eval::conll::Document]) -> Vec<Vec<String>> {
    docs.iter().flat_map(|d| d.sentences.iter()).map(|s| s.words().map(str::to_string).collect()).collect()
}

/// Sentences of words from raw article texts: blocks, then sentences, then tokens.
pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    for text in texts {
        for b in layout::blocks(text, None) {
            if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Headline) {
                continue;
            }
            for s in sentence::sentences(text, b.span()) {
                toks.clear();
                token::tokenize(text, s, &mut toks);
                if toks.len() >= 3 {
                    out.push(toks.iter().map(|t| t.text(text).to_string()).collect());
                }
            }
        }
    }
    out
}
