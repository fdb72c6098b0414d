//! Stories in a mixed feed: articles about one event. Each article has a [`Profile`] made from it alone
//! (the entities it names, the quotations it gives, its content words); the corpus weighs each feature by
//! how many articles have it and keeps each article's strongest features as its [`sketch`]; articles
//! that share enough sketch weight are linked, and linked articles are one story ([`link`]).
//!
//! Every step is a function of one article, of one feature's posting list, of one pair or of one
//! article's candidates, plus sums that are exact in any order: so [`find`] here and an engine that
//! spreads the corpus over machines (joining on features, grouping by pairs) find the same stories.
//! Near-linear: an article meets the latest few earlier articles of each of its features, never all
//! pairs. Deterministic: stories are numbered by their first article.

pub mod label;
pub mod link;
pub mod profile;
pub mod sketch;

pub use profile::{profile, Profile};

use crate::model::{Article, Story};

/// The id of the `n`th story (0-based): "story-1", ….
pub fn story_id(n: usize) -> String {
    format!("story-{}", n + 1)
}

/// Splits the corpus into stories: `profiles[i]` is the profile of `articles[i]`.
pub fn find(articles: &[Article], profiles: &[Profile]) -> Vec<Story> {
    let n = profiles.len();
    let df = sketch::document_frequencies(profiles.iter().map(|p| p.terms.as_slice()));
    let sketches: Vec<Vec<(u64, u32)>> =
        profiles.iter().map(|p| sketch::sketch(&p.terms, |k| df.get(&k).copied().unwrap_or(0), n)).collect();
    drop(df);
    let shared = link::shared_weights(&sketches);
    let mut linker = link::Linker::new(n);
    for (i, j) in link::links(n, &shared) {
        linker.join(i as usize, j as usize);
    }
    linker
        .stories()
        .into_iter()
        .enumerate()
        .map(|(s, members)| Story {
            id: story_id(s),
            label: label::label(members.iter().map(|&i| &profiles[i]), || articles[members[0]].display_title()),
            articles: members.iter().map(|&i| articles[i].id.clone()).collect(),
        })
        .collect()
}
