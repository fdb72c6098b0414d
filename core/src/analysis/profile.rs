//! What each article is about on its own ([`Profile`]), for finding stories: from the tagger's view the
//! pipeline already has, from an article alone, or from a document alone (what an engine that spreads
//! a corpus over machines computes first). All three give the same profile for the same article.

use std::collections::HashMap;

use super::{article, Engine};
use crate::compare::stories::{self, Profile};
use crate::corpus::input::Document;
use crate::model::{Article, Quote};
use crate::tag::article::{tag_article, TaggedArticle};
use crate::tag::tagger::Scratch;

/// The texts of each article's quotes.
fn quote_texts<'q>(articles: &[Article], quotes: &'q [Quote]) -> Vec<Vec<&'q str>> {
    let index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut texts = vec![Vec::new(); articles.len()];
    for q in quotes {
        if let Some(&i) = index.get(q.article.as_str()) {
            texts[i].push(q.text.as_str());
        }
    }
    texts
}

/// The profiles of tagged articles, on the engine's threads.
pub fn profile_tagged(
    articles: &[Article],
    tagged: &[TaggedArticle],
    quotes: &[Quote],
    engine: Engine,
) -> Vec<Profile> {
    let texts = quote_texts(articles, quotes);
    crate::parallel::map_with(
        articles,
        engine.threads,
        || (),
        |_, i, a| stories::profile(a, &tagged[i], texts[i].iter().copied(), engine.tables),
    )
}

/// The profiles of articles as an analysis file holds them (tagged again).
pub fn profile_articles(articles: &[Article], quotes: &[Quote], engine: Engine) -> Vec<Profile> {
    let texts = quote_texts(articles, quotes);
    crate::parallel::map_with(articles, engine.threads, Scratch::default, |scratch, i, a| {
        let tagged = tag_article(a, engine.tagger, scratch);
        stories::profile(a, &tagged, texts[i].iter().copied(), engine.tables)
    })
}

/// The profile of one document, parsed and tagged on its own.
pub fn profile_document(doc: &Document, engine: Engine, scratch: &mut Scratch) -> Profile {
    let (a, quotes) = article::parse_article(String::new(), doc, 0);
    let tagged = tag_article(&a, engine.tagger, scratch);
    stories::profile(&a, &tagged, quotes.iter().map(|q| q.text.as_str()), engine.tables)
}
