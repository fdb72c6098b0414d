//! An analysis narrowed to some of its articles (one story of a mixed feed): the same analysis, as if only
//! those articles had been given, without analysing anything again. Entities keep their ids and lose the
//! mentions outside; quotes, speakers, stories and quote clusters are counted again over what is kept.

use std::collections::{HashMap, HashSet};

use crate::compare::quotes::describe_all;
use crate::model::{Analysis, Quote, SpeakerCount, Story};

/// Quote counts per speaker, most quoted first (then by name).
pub fn speaker_counts(quotes: &[Quote]) -> Vec<SpeakerCount> {
    let mut counts: Vec<SpeakerCount> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for q in quotes {
        let Some(s) = &q.speaker else { continue };
        let i = *by_key.entry(s.key.as_str()).or_insert_with(|| {
            counts.push(SpeakerCount {
                key: s.key.clone(),
                entity: s.entity.clone(),
                name: s.name.clone(),
                unnamed: s.unnamed,
                quotes: 0,
                articles: Vec::new(),
            });
            counts.len() - 1
        });
        counts[i].quotes += 1;
        // Quotes come in article order, so an article already counted is the last one listed.
        if counts[i].articles.last() != Some(&q.article) {
            counts[i].articles.push(q.article.clone());
        }
    }
    counts.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    counts
}

/// The analysis of the articles whose ids `keep` lists (in the analysis's order, whatever the order of
/// `keep`). Ids the analysis does not have are ignored. Load errors are kept: they concern the inputs.
pub fn restrict(a: &Analysis, keep: &[String]) -> Analysis {
    let keep: HashSet<&str> = keep.iter().map(String::as_str).collect();
    let articles: Vec<_> = a.articles.iter().filter(|x| keep.contains(x.id.as_str())).cloned().collect();
    // Old quote index → new one.
    let mut new_index: Vec<Option<usize>> = vec![None; a.quotes.len()];
    let mut quotes: Vec<Quote> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        if keep.contains(q.article.as_str()) {
            new_index[i] = Some(quotes.len());
            quotes.push(q.clone());
        }
    }
    for q in &mut quotes {
        q.continues = q.continues.and_then(|c| new_index.get(c).copied().flatten());
    }
    let entities = a
        .entities
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.mentions.retain(|m| keep.contains(m.article.as_str()));
            e
        })
        .collect();
    let stories = a
        .stories
        .iter()
        .filter_map(|s| {
            let articles: Vec<String> = s.articles.iter().filter(|x| keep.contains(x.as_str())).cloned().collect();
            (!articles.is_empty()).then(|| Story { id: s.id.clone(), label: s.label.clone(), articles })
        })
        .collect();
    let quote_at: HashMap<&str, usize> = quotes.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
    let clusters = a.quote_clusters.iter().filter_map(|c| {
        let members: Vec<usize> = c.quotes.iter().filter_map(|q| quote_at.get(q.as_str()).copied()).collect();
        (members.len() >= 2).then(|| (c.id.clone(), members))
    });
    let quote_clusters = describe_all(&articles, &quotes, clusters.collect::<Vec<_>>());
    Analysis {
        speakers: speaker_counts(&quotes),
        articles,
        quotes,
        entities,
        stories,
        quote_clusters,
        errors: a.errors.clone(),
        corrections: a.corrections.clone(),
    }
}
