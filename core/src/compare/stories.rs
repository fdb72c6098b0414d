//! Stories in a mixed feed: articles about one event. Each article is a weighted bag of what it is about:
//! the entities it names (people, organizations, places; countries count for less), the quotations it
//! shares with other articles, and its content words, each weighted by how rare it is in the corpus
//! (tf-idf). Articles whose bags are close enough (cosine) are one story. Candidates come from an
//! inverted index of each article's strongest features, so the work is near-linear; linking is by
//! average similarity to a story (an article joins the story it is closest to on average), which keeps
//! one shared name from chaining two events together. Deterministic: articles are taken in input order.

use std::collections::HashMap;

use crate::lexis::fold::fold;
use crate::lexis::verbs::is_reporting;
use crate::lexis::words::{in_list, BETWEEN, DETERMINERS, PREPOSITIONS, PRONOUNS, STOP};
use crate::model::{Analysis, EntityKind, Story};
use crate::tag::hash;

/// How close (cosine) an article must be to a story's centroid to join it.
pub const JOIN: f32 = 0.3;
/// Features per article used to find candidates.
const TOP: usize = 24;

/// A feature: an entity, a quote cluster or a word (hashed), with its weight before idf.
type Bag = HashMap<u64, f32>;

fn content_word(w: &str) -> bool {
    w.chars().count() >= 4
        && w.chars().all(char::is_alphabetic)
        && !in_list(STOP, w)
        && !in_list(PREPOSITIONS, w)
        && !in_list(DETERMINERS, w)
        && !in_list(PRONOUNS, w)
        && !in_list(BETWEEN, w)
        && !is_reporting(w)
}

/// What each article is about, before idf.
fn bags(a: &Analysis) -> Vec<Bag> {
    let index: HashMap<&str, usize> = a.articles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let mut bags: Vec<Bag> = vec![Bag::new(); a.articles.len()];
    for e in &a.entities {
        let weight = match e.kind {
            EntityKind::Country => 0.5,
            _ => 2.0,
        };
        let key = hash::str(&e.id);
        for m in &e.mentions {
            if let Some(&i) = index.get(m.article.as_str()) {
                *bags[i].entry(key).or_default() += weight;
            }
        }
    }
    let quote_article: HashMap<&str, usize> =
        a.quotes.iter().filter_map(|q| index.get(q.article.as_str()).map(|&i| (q.id.as_str(), i))).collect();
    for c in &a.quote_clusters {
        let key = hash::str(&c.id);
        for q in &c.quotes {
            if let Some(&i) = quote_article.get(q.as_str()) {
                *bags[i].entry(key).or_default() += 3.0;
            }
        }
    }
    for (i, art) in a.articles.iter().enumerate() {
        for p in art.paragraphs.iter().chain(art.sentences.first()) {
            for w in p.of(&art.text).split(|c: char| !c.is_alphanumeric()) {
                if content_word(w) {
                    *bags[i].entry(hash::str(&fold(w))).or_default() += 1.0;
                }
            }
        }
    }
    bags
}

/// Weights by tf-idf (log-scaled term weight), normalised to unit length.
fn weigh(bags: Vec<Bag>) -> Vec<Vec<(u64, f32)>> {
    let n = bags.len() as f32;
    let mut df: HashMap<u64, u32> = HashMap::new();
    for b in &bags {
        for &k in b.keys() {
            *df.entry(k).or_default() += 1;
        }
    }
    bags.into_iter()
        .map(|b| {
            // A feature no other article has cannot join anything.
            let mut v: Vec<(u64, f32)> = b
                .into_iter()
                .filter(|(k, _)| df[k] >= 2 || n <= 2.0)
                .map(|(k, w)| (k, (1.0 + w.ln()) * (1.0 + (n / df[&k] as f32).ln())))
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v.sort_unstable_by_key(|&(k, _)| k);
            v
        })
        .collect()
}

/// Splits the corpus into stories (after the quote clusters are known: shared quotes bind articles).
pub fn stories(a: &Analysis) -> Vec<Story> {
    let vectors = weigh(bags(a));
    let n = vectors.len();
    // Each article's strongest features, and the latest earlier articles sharing each.
    let tops: Vec<Vec<u64>> = vectors
        .iter()
        .map(|v| {
            let mut top: Vec<&(u64, f32)> = v.iter().collect();
            top.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            top.into_iter().take(TOP).map(|(k, _)| *k).collect()
        })
        .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut story_of: Vec<usize> = vec![0; n];
    let mut stories: Vec<Centroid> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for i in 0..n {
        candidates.clear();
        for k in &tops[i] {
            if let Some(list) = postings.get(k) {
                for &j in list.iter().rev().take(RECENT) {
                    candidates.push(story_of[j]);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .iter()
            .map(|&s| (stories[s].cosine(&vectors[i]), s))
            .filter(|&(sim, _)| sim >= JOIN)
            .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        let s = match best {
            Some((_, s)) => s,
            None => {
                stories.push(Centroid::default());
                stories.len() - 1
            }
        };
        stories[s].add(&vectors[i]);
        story_of[i] = s;
        for &k in &tops[i] {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); stories.len()];
    for (i, &s) in story_of.iter().enumerate() {
        members[s].push(i);
    }
    let labels = labels(a, &story_of, members.len());
    members
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(s, (m, label))| Story {
            id: format!("story-{}", s + 1),
            label: if label.is_empty() { a.articles[m[0]].display_title() } else { label },
            articles: m.iter().map(|&i| a.articles[i].id.clone()).collect(),
        })
        .collect()
}

/// How many of the latest earlier articles sharing a feature are looked at.
const RECENT: usize = 32;

/// The sum of a story's article vectors, and its squared length.
#[derive(Default)]
struct Centroid {
    sum: HashMap<u64, f32>,
    norm2: f32,
}

impl Centroid {
    fn add(&mut self, v: &[(u64, f32)]) {
        for &(k, w) in v {
            let e = self.sum.entry(k).or_default();
            self.norm2 += (*e + w) * (*e + w) - *e * *e;
            *e += w;
        }
    }

    /// The cosine between a unit vector and the story's centroid.
    fn cosine(&self, v: &[(u64, f32)]) -> f32 {
        let dot: f32 = v.iter().filter_map(|(k, w)| self.sum.get(k).map(|c| c * w)).sum();
        dot / self.norm2.sqrt().max(1e-6)
    }
}

/// The two or three names each story's articles share most (in most articles, then most often), found
/// in one pass over the mentions.
fn labels(a: &Analysis, story_of: &[usize], n_stories: usize) -> Vec<String> {
    let index: HashMap<&str, usize> = a.articles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    // (story, entity) → (articles, mentions, last article counted).
    let mut counts: HashMap<(usize, usize), (usize, usize, usize)> = HashMap::new();
    for (ei, e) in a.entities.iter().enumerate().filter(|(_, e)| e.kind != EntityKind::Country) {
        for m in &e.mentions {
            let Some(&ai) = index.get(m.article.as_str()) else { continue };
            let c = counts.entry((story_of[ai], ei)).or_insert((0, 0, usize::MAX));
            c.1 += 1;
            if c.2 != ai {
                c.0 += 1;
                c.2 = ai;
            }
        }
    }
    let mut per_story: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); n_stories];
    for ((s, ei), (articles, mentions, _)) in counts {
        per_story[s].push((articles, mentions, a.entities[ei].name.as_str()));
    }
    per_story
        .into_iter()
        .map(|mut scored| {
            scored.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(y.2)));
            scored.iter().take(3).map(|x| x.2).collect::<Vec<_>>().join(" · ")
        })
        .collect()
}
