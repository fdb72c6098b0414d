//! The same quotation across outlets: quotes whose words, folded and without punctuation, share enough
//! three-word shingles are one utterance, however each outlet cut, re-punctuated or misspelt it ("…", a
//! fragment of a longer quote). Candidates come from an inverted index of shingles; shingles that dozens of
//! quotes share are too common to say anything and are left out, so the work stays near-linear.

use std::collections::HashMap;

use crate::attribute::confidence::Agreement;
use crate::groups::Groups;
use crate::lexis::fold::fold;
use crate::model::quote::UNSURE;
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
    clusters.into_iter().map(|(id, members)| describe(id, &members, quotes, &article_of)).collect()
}

/// Whether two confidently attributed versions in different articles name different speakers: true
/// when the confident versions have two identities and two articles between them (then some pair has
/// both: if `x` (article a, identity A) and `y` (B) share an article, any version `z` elsewhere differs
/// from one of them in identity). Linear in the versions.
fn speakers_differ(qs: &[&Quote]) -> bool {
    let confident =
        || qs.iter().filter(|q| q.confidence >= UNSURE).filter_map(|q| Some((q.article.as_str(), identity(q)?)));
    let Some((article, who)) = confident().next() else { return false };
    confident().any(|(_, w)| w != who) && confident().any(|(a, _)| a != article)
}

/// An article's date as far as ISO 8601 text orders it ("2026-03-01", "2026-03-01T09:30:00Z"); none for
/// another form ("March 1"), which text order would get wrong.
fn iso_date(a: &Article) -> Option<&str> {
    let d = a.published.as_deref()?.trim();
    let b = d.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    iso.then_some(d)
}

/// The version published first: the first version in the one article whose date is earlier than every
/// other version's article's. Dates compare as text over the precision both give ("2026-03-01" and
/// "2026-03-01T09:30" are one day, neither earlier); none when a version's article has no date, when two
/// articles share the earliest date, or when all versions are in one article.
fn earliest<'q>(qs: &[&'q Quote], article_of: &HashMap<&str, &Article>) -> Option<&'q Quote> {
    let dated: Vec<(&str, &'q Quote)> =
        qs.iter().map(|q| Some((iso_date(article_of.get(q.article.as_str())?)?, *q))).collect::<Option<_>>()?;
    let before = |a: &str, b: &str| {
        let n = a.len().min(b.len());
        a[..n] < b[..n]
    };
    let (date, first) = dated.iter().copied().reduce(|best, x| if before(x.0, best.0) { x } else { best })?;
    let mut elsewhere = dated.iter().filter(|(_, q)| q.article != first.article).peekable();
    elsewhere.peek()?;
    if !elsewhere.all(|(d, _)| before(date, d)) {
        return None;
    }
    dated.iter().filter(|(_, q)| q.article == first.article).map(|(_, q)| *q).min_by_key(|q| q.start)
}

/// One cluster as the analysis hands it out.
fn describe(id: String, members: &[usize], quotes: &[Quote], article_of: &HashMap<&str, &Article>) -> QuoteCluster {
    let qs: Vec<&Quote> = members.iter().map(|&i| &quotes[i]).collect();
    let push_unique = |list: &mut Vec<String>, s: String| {
        if !list.contains(&s) {
            list.push(s);
        }
    };
    let (mut outlets, mut speakers, mut verbs) = (Vec::new(), Vec::new(), Vec::new());
    for q in &qs {
        let outlet =
            article_of.get(q.article.as_str()).and_then(|a| a.outlet.clone()).unwrap_or_else(|| q.article.clone());
        push_unique(&mut outlets, outlet);
        if let Some(s) = q.speaker.as_ref().filter(|_| q.confidence >= UNSURE) {
            push_unique(&mut speakers, s.name.clone());
        }
        if let Some(v) = &q.verb {
            push_unique(&mut verbs, v.to_lowercase());
        }
    }
    let longest =
        qs.iter().max_by_key(|q| (q.text.chars().count(), std::cmp::Reverse(q.id.clone()))).map_or(qs[0], |q| *q);
    QuoteCluster {
        id,
        text: longest.text.clone(),
        quotes: qs.iter().map(|q| q.id.clone()).collect(),
        outlets,
        speaker_differs: speakers_differ(&qs),
        verb_differs: verbs.len() > 1,
        speakers,
        verbs,
        longest: longest.id.clone(),
        earliest: earliest(&qs, article_of).map(|q| q.id.clone()),
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

    fn article(id: &str, outlet: &str, published: Option<&str>) -> Article {
        serde_json::from_value(serde_json::json!({
            "id": id, "source": format!("{id}.txt"), "url": null, "published": published, "outlet": outlet,
            "headline": null, "dateline": null, "captions": [], "credits": [], "boilerplate": [], "text": "",
            "blocks": [], "paragraphs": [], "sentences": [],
        }))
        .expect("an article")
    }

    /// A version of one quote in `article`, credited to `who` (a person's entity id) with `confidence`.
    fn version(article: &str, n: usize, who: Option<&str>, confidence: f64) -> Quote {
        let speaker = who.map(|w| {
            serde_json::json!({ "entity": w, "name": w.trim_start_matches("person:"), "unnamed": false, "mention": null, "key": w })
        });
        serde_json::from_value(serde_json::json!({
            "id": format!("{article}-q{n}"), "article": article, "start": 10 * n, "end": 10 * n + 5,
            "text": "we will keep the harbour open all winter", "kind": "direct", "section": "body",
            "paragraph": 0, "block": 0, "continues": null, "closed": true, "speaker": speaker, "verb": "said",
            "cue": null, "rule": null, "confidence": confidence,
        }))
        .expect("a quote")
    }

    fn one_cluster(articles: &[Article], quotes: &[Quote]) -> QuoteCluster {
        let all = (0..quotes.len()).collect();
        describe_all(articles, quotes, [("qc-1".to_string(), all)]).remove(0)
    }

    #[test]
    fn only_confident_attributions_in_different_articles_differ() {
        let articles = [article("a", "North Post", None), article("b", "South Times", None)];
        let (mara, ivo) = (Some("person:mara-olsen"), Some("person:ivo-brandt"));
        // Both sure, different people, different articles: the outlets disagree.
        let c = one_cluster(&articles, &[version("a", 1, mara, 0.9), version("b", 1, ivo, 0.8)]);
        assert!(c.speaker_differs, "{c:?}");
        assert_eq!(c.speakers, ["mara-olsen", "ivo-brandt"]);
        // One of them unsure (the page's UNSURE mark): no flag, and the unsure name is not listed.
        let c = one_cluster(&articles, &[version("a", 1, mara, 0.9), version("b", 1, ivo, UNSURE - 0.01)]);
        assert!(!c.speaker_differs, "{c:?}");
        assert_eq!(c.speakers, ["mara-olsen"]);
        // At the threshold it counts.
        assert!(one_cluster(&articles, &[version("a", 1, mara, UNSURE), version("b", 1, ivo, UNSURE)]).speaker_differs);
        // Two speakers inside one article, the other article agreeing with one of them: still a
        // disagreement across articles.
        let c = one_cluster(
            &articles,
            &[version("a", 1, mara, 0.9), version("a", 2, ivo, 0.9), version("b", 1, mara, 0.9)],
        );
        assert!(c.speaker_differs);
        // Two speakers inside one article and no other confident version: no outlet disagrees with another.
        let c = one_cluster(
            &articles,
            &[version("a", 1, mara, 0.9), version("a", 2, ivo, 0.9), version("b", 1, None, 0.0)],
        );
        assert!(!c.speaker_differs, "{c:?}");
        // The same person everywhere.
        assert!(!one_cluster(&articles, &[version("a", 1, mara, 0.9), version("b", 1, mara, 0.95)]).speaker_differs);
    }

    #[test]
    fn earliest_only_when_the_dates_order_the_articles() {
        let quotes = [version("a", 1, None, 0.0), version("b", 1, None, 0.0), version("b", 2, None, 0.0)];
        let with = |da: Option<&str>, db: Option<&str>| {
            one_cluster(&[article("a", "North Post", da), article("b", "South Times", db)], &quotes).earliest
        };
        assert_eq!(with(None, None), None, "load order is no publication order");
        assert_eq!(with(Some("2026-03-02"), None), None, "one article undated");
        assert_eq!(with(Some("2026-03-02T08:00:00Z"), Some("2026-03-02T08:00:00Z")), None, "the same time");
        assert_eq!(with(Some("2026-03-02"), Some("2026-03-02T07:00:00Z")), None, "the same day, one without a time");
        assert_eq!(with(Some("March 2"), Some("March 1")), None, "not ISO 8601: text order would mislead");
        assert_eq!(with(Some("2026-03-02T08:00:00Z"), Some("2026-03-01T22:00:00Z")).as_deref(), Some("b-q1"));
        assert_eq!(with(Some("2026-03-01"), Some("2026-03-02T07:00:00Z")).as_deref(), Some("a-q1"));
        // All versions in one article: nothing to order.
        let one = one_cluster(&[article("b", "South Times", Some("2026-03-01"))], &quotes[1..]);
        assert_eq!(one.earliest, None);
    }
}
