//! The same quotation across outlets: quotes whose words, folded and without punctuation, share enough
//! three-word shingles are one utterance, however each outlet cut, re-punctuated or misspelt it ("…", a
//! fragment of a longer quote). Candidates come from an inverted index of shingles; shingles that dozens of
//! quotes share are too common to say anything and are left out, so the work stays near-linear.

use std::collections::HashMap;

use crate::attribute::confidence::Agreement;
use crate::groups::Groups;
use crate::lexis::fold::fold;
use crate::model::{Article, Quote, QuoteCluster};
use crate::tag::hash;

/// Words per shingle.
const SHINGLE: usize = 3;
/// A shingle shared by more quotes than this tells nothing and is not indexed.
const COMMON: usize = 48;
/// The share of the shorter quote's shingles two versions must have in common.
const OVERLAP: f32 = 0.6;

/// A quote's words, folded, punctuation and ellipses gone.
pub(crate) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The quote's three-word shingles, hashed, sorted and unique.
pub(crate) fn shingles(words: &[String]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0u64, |h, x| hash::mix(h.rotate_left(9) ^ hash::str(x))))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Groups the quotes that are one utterance; clusters of two or more, in the order of their first quote.
pub fn cluster(articles: &[Article], quotes: &[Quote]) -> Vec<QuoteCluster> {
    describe_groups(articles, quotes, groups(quotes))
}

/// [`cluster`]'s groups as the analysis hands them out, named `qc-1`, `qc-2`, … in order.
pub fn describe_groups(articles: &[Article], quotes: &[Quote], lists: Vec<Vec<usize>>) -> Vec<QuoteCluster> {
    let ids: Vec<String> = (1..=lists.len()).map(|n| format!("qc-{n}")).collect();
    describe_all(articles, quotes, ids.into_iter().zip(lists))
}

/// Who a quote's speaker is, to compare versions across articles: the entity, else "an unnamed source".
fn identity(q: &Quote) -> Option<&str> {
    let s = q.speaker.as_ref()?;
    Some(s.entity.as_deref().unwrap_or(if s.unnamed { "unnamed" } else { s.name.as_str() }))
}

/// For every quote, how many versions of it in other articles credit the same speaker and how many
/// another (versions without a speaker count for neither). Counted per group, so linear in the quotes.
pub fn agreement(quotes: &[Quote], lists: &[Vec<usize>]) -> Vec<Agreement> {
    let mut out = vec![Agreement::default(); quotes.len()];
    for members in lists {
        let mut by_identity: HashMap<&str, usize> = HashMap::new();
        let mut by_article_identity: HashMap<(&str, &str), usize> = HashMap::new();
        let mut by_article: HashMap<&str, usize> = HashMap::new();
        let mut credited = 0;
        for &i in members {
            if let Some(who) = identity(&quotes[i]) {
                credited += 1;
                *by_identity.entry(who).or_default() += 1;
                *by_article_identity.entry((quotes[i].article.as_str(), who)).or_default() += 1;
                *by_article.entry(quotes[i].article.as_str()).or_default() += 1;
            }
        }
        for &i in members {
            let Some(who) = identity(&quotes[i]) else { continue };
            let article = quotes[i].article.as_str();
            let agree = by_identity[who] - by_article_identity[&(article, who)];
            let elsewhere = credited - by_article[article];
            out[i] = Agreement { agree, disagree: elsewhere - agree };
        }
    }
    out
}

/// The quotes that are one utterance: lists of two or more indexes, in the order of their first quote.
pub fn groups(quotes: &[Quote]) -> Vec<Vec<usize>> {
    let sets: Vec<Vec<u64>> = quotes.iter().map(|q| shingles(&words(&q.text))).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for &s in set {
            let list = index.entry(s).or_default();
            if list.len() <= COMMON {
                list.push(i);
            }
        }
    }
    let mut groups = Groups::new(quotes.len());
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        shared.clear();
        for s in set {
            let Some(list) = index.get(s).filter(|l| l.len() <= COMMON) else { continue };
            for &j in list.iter().filter(|&&j| j < i) {
                *shared.entry(j).or_default() += 1;
            }
        }
        for (&j, &n) in &shared {
            let smaller = set.len().min(sets[j].len());
            let enough = if smaller <= 2 { n >= 1 } else { n >= 2 };
            if enough && n as f32 >= OVERLAP * smaller as f32 {
                groups.join(i, j);
            }
        }
    }
    groups.lists().into_iter().filter(|members| members.len() >= 2).collect()
}

/// Clusters as the analysis hands them out, from their ids and members (indexes into `quotes`).
pub fn describe_all(
    articles: &[Article],
    quotes: &[Quote],
    clusters: impl IntoIterator<Item = (String, Vec<usize>)>,
) -> Vec<QuoteCluster> {
    let article_of: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let order: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    clusters.into_iter().map(|(id, members)| describe(id, &members, quotes, &article_of, &order)).collect()
}

/// One cluster as the analysis hands it out.
fn describe(
    id: String,
    members: &[usize],
    quotes: &[Quote],
    article_of: &HashMap<&str, &Article>,
    order: &HashMap<&str, usize>,
) -> QuoteCluster {
    let qs: Vec<&Quote> = members.iter().map(|&i| &quotes[i]).collect();
    let push_unique = |list: &mut Vec<String>, s: String| {
        if !list.contains(&s) {
            list.push(s);
        }
    };
    let (mut outlets, mut speakers, mut verbs, mut keys) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for q in &qs {
        let outlet =
            article_of.get(q.article.as_str()).and_then(|a| a.outlet.clone()).unwrap_or_else(|| q.article.clone());
        push_unique(&mut outlets, outlet);
        if let Some(s) = &q.speaker {
            push_unique(&mut speakers, s.name.clone());
            push_unique(&mut keys, s.key.clone());
        }
        if let Some(v) = &q.verb {
            push_unique(&mut verbs, v.to_lowercase());
        }
    }
    let longest =
        qs.iter().max_by_key(|q| (q.text.chars().count(), std::cmp::Reverse(q.id.clone()))).map_or(qs[0], |q| *q);
    // Published first: by the date the input gives (ISO dates compare as text), else the input order.
    let earliest = qs
        .iter()
        .min_by_key(|q| {
            let a = article_of.get(q.article.as_str());
            (
                a.and_then(|a| a.published.clone()).unwrap_or_else(|| "~".into()),
                order.get(q.article.as_str()).copied(),
                q.start,
            )
        })
        .map_or(qs[0], |q| *q);
    QuoteCluster {
        id,
        text: longest.text.clone(),
        quotes: qs.iter().map(|q| q.id.clone()).collect(),
        outlets,
        speaker_differs: keys.len() > 1,
        verb_differs: verbs.len() > 1,
        speakers,
        verbs,
        longest: longest.id.clone(),
        earliest: earliest.id.clone(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn versions_of_one_quote_share_shingles() {
        let a = shingles(&words("We cannot return to the prewar status quo, said the president."));
        let b = shingles(&words("cannot return to the pre-war status quo"));
        let c = shingles(&words("an enormous mistake that nobody can fix"));
        let shared = |x: &[u64], y: &[u64]| x.iter().filter(|s| y.contains(s)).count();
        assert!(shared(&a, &b) >= 2, "cut and re-spelt, still one utterance");
        assert_eq!(shared(&a, &c), 0);
    }
}
