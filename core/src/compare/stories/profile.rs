//! What one article is about, from that article alone: the names the tagger finds in it (people by their
//! last name, countries however they are named), the quotations it gives (by their rarest shingles, so
//! other versions of one utterance share them) and its content words. Nothing here looks at another
//! article, so a profile is the same whether the article is analysed with a corpus, alone, or on another
//! machine; and it costs no more than a pass over the tagger's chunks and the words.

use std::collections::HashMap;

use crate::compare::quotes::{shingles, words};
use crate::lexis::fold::fold;
use crate::lexis::verbs::is_reporting;
use crate::lexis::words::{BETWEEN, DETERMINERS, PREPOSITIONS, PRONOUNS, STOP};
use crate::model::Article;
use crate::resolve::names::Name;
use crate::resolve::Tables;
use crate::tag::article::TaggedArticle;
use crate::tag::hash;
use crate::tag::labels::EntityType;

/// Weights are counted in units of half a content word's occurrence (integers, so sums are exact).
pub const UNIT: u32 = 2;
/// A name's occurrence (a person, an organization, a place, an event).
const NAMED: u32 = 2 * UNIT;
/// A country's occurrence: many stories name the same few.
const COUNTRY: u32 = UNIT / 2;
/// Each of a quotation's rarest shingles.
const QUOTED: u32 = 2 * UNIT;
/// Shingles per quotation kept (the smallest hashes: versions of one utterance keep the same ones).
const QUOTE_SHINGLES: usize = 2;

/// What one article is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Features (hashed) and their weights in [`UNIT`]s, sorted by feature, each once.
    pub terms: Vec<(u64, u32)>,
    /// The names it gives (each in its longest form) and how often: what a story's label is made of.
    pub names: Vec<(String, u32)>,
}

fn content_word(w: &str) -> bool {
    w.chars().count() >= 4
        && w.chars().all(char::is_alphabetic)
        && !STOP.has(w)
        && !PREPOSITIONS.has(w)
        && !DETERMINERS.has(w)
        && !PRONOUNS.has(w)
        && !BETWEEN.has(w)
        && !is_reporting(w)
}

/// The feature of a name the tagger found (`folded`, without "the" and "'s"): a country's id, a
/// person's family name ("al-" and "Jr." aside), else the name with its type.
fn name_feature(tables: &Tables, ty: EntityType, folded: &str) -> (u64, u32) {
    if let Some(id) = tables.country_ids.get(folded) {
        return (hash::str(id), COUNTRY);
    }
    let key = match ty {
        EntityType::Per => format!("person:{}", Name::parse(folded).as_ref().map_or(folded, Name::family)),
        EntityType::Org => format!("organization:{folded}"),
        EntityType::Loc => format!("place:{folded}"),
        EntityType::Misc => format!("name:{folded}"),
    };
    (hash::str(&key), NAMED)
}

/// The profile of one article: its parse, the tagger's view of it and the texts of its quotations; countries
/// by the tables' [`Tables::country_ids`].
pub fn profile<'q>(
    article: &Article,
    tagged: &TaggedArticle,
    quotes: impl IntoIterator<Item = &'q str>,
    tables: &Tables,
) -> Profile {
    let mut terms: HashMap<u64, u32> = HashMap::new();
    // Feature → the longest form of the name, its occurrences.
    let mut names: HashMap<u64, (&str, u32)> = HashMap::new();
    for c in &tagged.chunks {
        let text = c.span.of(&article.text);
        let folded = fold(text);
        let folded = folded.strip_prefix("the ").unwrap_or(&folded);
        let folded = folded.strip_suffix("'s").unwrap_or(folded);
        let (key, weight) = name_feature(tables, c.ty, folded);
        *terms.entry(key).or_default() += weight;
        if weight == NAMED {
            let name = names.entry(key).or_insert((text, 0));
            name.1 += 1;
            if text.len() > name.0.len() {
                name.0 = text;
            }
        }
    }
    for q in quotes {
        let mut shingles = shingles(&words(q));
        shingles.truncate(QUOTE_SHINGLES);
        for s in shingles {
            *terms.entry(hash::mix(s ^ 0x71_756f_7465)).or_default() += QUOTED;
        }
    }
    for p in article.paragraphs.iter().chain(article.sentences.first()) {
        for w in p.of(&article.text).split(|c: char| !c.is_alphanumeric()) {
            if content_word(w) {
                *terms.entry(hash::str(&fold(w))).or_default() += UNIT;
            }
        }
    }
    let mut terms: Vec<(u64, u32)> = terms.into_iter().collect();
    terms.sort_unstable();
    let mut names: Vec<(String, u32)> = names.into_values().map(|(name, n)| (name.to_string(), n)).collect();
    names.sort();
    Profile { terms, names }
}
