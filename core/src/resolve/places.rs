//! Places that are not countries: cities, regions, landmarks the tagger sees as places, and names from the
//! place table (`core/data/places.tsv`) after a word that puts them as places ("in West Palm Beach"),
//! each merged by name and tied to its country when the table or the text says which ("Bern,
//! Switzerland"). Resolved last: a span people, organizations or countries hold is not a place.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::lexis::countries::Countries;
use crate::lexis::fold::fold;
use crate::lexis::words::{LANDFORMS, WATERS};
use crate::model::entity::{slug, unique_id, Entity, EntityKind, How};
use crate::resolve::countries::{located, part_of_a_name};
use crate::resolve::{Claims, Doc, Found};
use crate::span::Span;
use crate::tag::labels::EntityType;

fn key(name: &str) -> String {
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Place {
    name: String,
    country: BTreeMap<String, usize>,
    found: Vec<Found>,
}

/// Resolves the places of the corpus and claims their spans.
pub fn resolve(docs: &[Doc], claims: &mut Claims) -> Vec<Entity> {
    let Some(tables) = docs.first().map(|d| d.tables) else { return Vec::new() };
    let (table, gaz, countries) = (tables.places, &tables.place_forms, tables.countries);
    let mut all: Vec<Place> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut add =
        |d: &Doc, span: Span, how: How, country: Option<String>, all: &mut Vec<Place>, claims: &mut Claims| {
            let text = span.of(d.text());
            let i = *by_key.entry(key(text)).or_insert_with(|| {
                all.push(Place { name: key_name(text), ..Place::default() });
                all.len() - 1
            });
            if let Some(c) = country {
                *all[i].country.entry(c).or_default() += 1;
            }
            all[i].found.push(Found { article: d.index, span, how });
            claims.claim(d.index, span);
        };
    for d in docs {
        // The tagger's places.
        for c in d.chunks.iter().filter(|c| c.ty == EntityType::Loc) {
            let (a, b) = c.tokens;
            // A country's name of state ("the Islamic Republic") is no place, even where it is unclear which.
            let of_a_state = d.tables.state_forms.lookup(&d.keys[a..b]).is_some();
            if claims.overlaps(d.index, c.span) || part_of_a_name(d, a, b) != (false, false) || of_a_state {
                continue;
            }
            let country = gaz
                .lookup(&d.keys[a..b])
                .map(|(_, row)| table[row as usize].country.to_string())
                .or_else(|| country_after(d, b, countries));
            add(d, c.span, How::Ner, country.filter(|c| !c.is_empty()), &mut all, claims);
        }
        // Waters and landforms named "Gulf of Aden", "Horn of Africa", "Sea of Japan".
        for s in &d.tagged.sentences {
            for t in s.tokens.clone() {
                if let Some(end) = landform_of(d, t, s.tokens.end) {
                    let span = d.span_of(t, end);
                    if !claims.overlaps(d.index, span) {
                        add(d, span, How::Name, None, &mut all, claims);
                    }
                }
            }
        }
        // Table places the tagger missed, where a preposition puts them as places.
        for s in &d.tagged.sentences {
            for m in gaz.matches(d.words(s.tokens.clone()).all()) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                let in_name = part_of_a_name(d, a, b) != (false, false);
                if claims.overlaps(d.index, span)
                    || d.chunks_overlapping(span).next().is_some()
                    || !located(d, a)
                    || in_name
                {
                    continue;
                }
                let country = table[m.payload as usize].country.to_string();
                add(d, span, How::Name, Some(country).filter(|c| !c.is_empty()), &mut all, claims);
            }
        }
    }
    short_forms(docs.len(), &mut all);
    let mut taken = HashSet::new();
    all.into_iter()
        .filter(|p| !p.found.is_empty())
        .map(|p| {
            let id = unique_id(format!("place:{}", slug(&p.name)), &mut taken);
            let mut e = Entity::new(id, EntityKind::Place, p.name);
            e.country =
                p.country.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(c, _)| format!("country:{c}"));
            e.mentions = p.found.iter().map(|f| docs[f.article].mention(f)).collect();
            e
        })
        .collect()
}

/// "the Gulf" in an article that names the Gulf of Aden (and no other place starting or ending so): a
/// mention of the longer name's place there.
fn short_forms(n_docs: usize, all: &mut [Place]) {
    // Per article: the places named there in several words, by their first and last words.
    let mut edges: Vec<HashMap<String, Vec<usize>>> = vec![HashMap::new(); n_docs];
    for (i, p) in all.iter().enumerate() {
        let k = key(&p.name);
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        for f in &p.found {
            for w in [words[0], words[words.len() - 1]] {
                let list = edges[f.article].entry(w.to_string()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }
    let mut moved: Vec<(usize, Found)> = Vec::new();
    for p in all.iter_mut() {
        let k = key(&p.name);
        if k.contains(' ') {
            continue;
        }
        p.found.retain(|f| match edges[f.article].get(&k).map(Vec::as_slice) {
            Some(&[j]) => {
                moved.push((j, *f));
                false
            }
            _ => true,
        });
    }
    for (j, f) in moved {
        all[j].found.push(f);
    }
}

/// "Gulf of Aden" starting at token `t`: the end of the name.
fn landform_of(d: &Doc, t: usize, end: usize) -> Option<usize> {
    if !(LANDFORMS.has_capitalised(d.token_text(t)) || WATERS.has_capitalised(d.token_text(t)))
        || t + 2 >= end
        || d.token_text(t + 1) != "of"
    {
        return None;
    }
    let capitalised = |k: usize| d.token_text(k).chars().next().is_some_and(char::is_uppercase);
    if !capitalised(t + 2) {
        return None;
    }
    // One word ("Aden"), or two the place or country tables know as one name ("New York").
    let two = t + 3 < end
        && capitalised(t + 3)
        && (d.tables.place_forms.lookup(&d.keys[t + 2..t + 4]).is_some()
            || d.tables.country_forms.lookup(&d.keys[t + 2..t + 4]).is_some());
    Some(if two { t + 4 } else { t + 3 })
}

/// A place's name as written, on one line and without a leading "the".
fn key_name(text: &str) -> String {
    let t = text.strip_prefix("the ").or_else(|| text.strip_prefix("The ")).unwrap_or(text);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Bern, Switzerland": the country named right after a place and a comma.
fn country_after(d: &Doc, b: usize, countries: &Countries) -> Option<String> {
    if b + 1 >= d.tagged.tokens.len() || d.token_text(b) != "," {
        return None;
    }
    let (_, payload) = (1..=3)
        .filter(|n| b + 1 + n <= d.tagged.tokens.len())
        .find_map(|n| d.tables.country_forms.lookup(&d.keys[b + 1..b + 1 + n]))?;
    let form = &countries.forms[payload as usize];
    Some(countries.countries[form.country].code.clone())
}
