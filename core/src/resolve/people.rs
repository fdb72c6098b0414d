//! People: the tagger's person names merged across the corpus ("Vladimir Putin" = "Putin" = "Putin's"),
//! other occurrences of those names found, titles and countries read from the words around them
//! ("Russian President"), and definite descriptions ("the Kremlin leader") resolved where only one
//! person fits.

use std::collections::BTreeMap;

use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::fold::fold;
use crate::lexis::titles::{is_honorific, role_name, title_ending, title_starting, Title};
use crate::model::entity::{slug, Entity, EntityKind, How};
use crate::resolve::names::{compatible, core_part, parts};
use crate::resolve::{Claims, Doc, Found};
use crate::span::Span;
use crate::tag::gazetteer::{country_forms, org_forms, Gazetteer};
use crate::tag::labels::EntityType;
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};

/// A person name found in the text: tokens `start..end` of one article.
#[derive(Debug, Clone)]
struct Candidate {
    doc: usize,
    start: usize,
    end: usize,
    parts: Vec<String>,
}

/// A person being assembled.
#[derive(Debug, Default)]
struct Person {
    parts: Vec<String>,
    forms: BTreeMap<String, usize>,
    found: Vec<(Found, usize, usize)>,
    roles: BTreeMap<String, usize>,
    countries: BTreeMap<usize, usize>,
    leader: bool,
    he: i32,
    she: i32,
}

impl Person {
    fn surname(&self) -> Option<&str> {
        self.parts.last().map(|p| core_part(p))
    }

    /// The canonical name: the most frequent of the forms with the most parts.
    fn name(&self) -> String {
        let max_parts = self.forms.keys().map(|f| f.split_whitespace().count()).max().unwrap_or(0);
        self.forms
            .iter()
            .filter(|(f, _)| f.split_whitespace().count() == max_parts)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(f, _)| f.clone())
            .unwrap_or_default()
    }
}

/// Resolves the people of the corpus and claims their names' spans.
pub fn resolve(docs: &[Doc], countries: &Countries, lexicon: &Lexicon, claims: &mut Claims) -> Vec<Entity> {
    let candidates = candidates(docs);
    let mut people = cluster(docs, &candidates);
    find_other_occurrences(docs, lexicon, &mut people);
    for p in &mut people {
        let found = p.found.clone();
        for (f, a, b) in found {
            claims.claim(f.article, f.span);
            read_title(&docs[f.article], a, b, countries, p);
        }
    }
    read_pronouns(docs, &mut people);
    resolve_descriptions(docs, countries, &mut people);
    people
        .into_iter()
        .filter(|p| !p.found.is_empty())
        .map(|p| {
            let name = p.name();
            let mut e = Entity::new(format!("person:{}", slug(&name)), EntityKind::Person, name);
            let mut roles: Vec<(&String, &usize)> = p.roles.iter().collect();
            roles.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            e.roles = roles.into_iter().map(|(r, _)| r.clone()).collect();
            e.country = p
                .countries
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(&c, _)| countries.countries[c].id());
            e.gender = match p.he - p.she {
                d if d >= 2 || (d >= 1 && p.she == 0) => Some("m".into()),
                d if d <= -2 || (d <= -1 && p.he == 0) => Some("f".into()),
                _ => None,
            };
            e.mentions = p.found.iter().map(|(f, _, _)| docs[f.article].mention(f)).collect();
            e
        })
        .collect()
}

/// Tagged person names, titles the tagger took in trimmed off; names that are organizations or countries
/// in the reviewed tables ("Daesh") are left to those.
fn candidates(docs: &[Doc]) -> Vec<Candidate> {
    let (country_forms, org_forms) = (country_forms(), org_forms());
    let mut out = Vec::new();
    for d in docs {
        for c in d.chunks.iter().filter(|c| c.ty == EntityType::Per || titled_name(d, c.tokens)) {
            let (mut a, b) = c.tokens;
            let lower = d.lower_words(a, b);
            if let Some((_, n)) = title_starting(&lower) {
                a += n;
            }
            if a >= b || !d.token_text(a).chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if org_forms.lookup(&d.keys[a..b]).is_some() || country_forms.lookup(&d.keys[a..b]).is_some() {
                continue;
            }
            let text = d.span_of(a, b).of(d.text());
            out.push(Candidate { doc: d.index, start: a, end: b, parts: parts(text) });
        }
    }
    out
}

/// A name the tagger called something else, but which a title introduces or follows: "Secretary General
/// Ban Ki-moon", "Samantha Power, the U.S. ambassador".
fn titled_name(d: &Doc, (a, b): (usize, usize)) -> bool {
    let capitalised = (a..b).all(|t| d.token_text(t).chars().next().is_some_and(char::is_uppercase));
    if !capitalised || b - a > 4 {
        return false;
    }
    let sentence = d.sentence_tokens(a);
    let before = d.lower_words(a.saturating_sub(4).max(sentence.start), a);
    let titled_before = title_ending(&before).is_some_and(|(t, _)| !matches!(t.words, ["leader"] | ["general"]));
    let titled_after = b + 3 <= sentence.end
        && d.token_text(b) == ","
        && matches!(d.token_text(b + 1), "the" | "a" | "an")
        && (b + 2..sentence.end.min(b + 6))
            .any(|t| title_starting(&d.lower_words(t, (t + 3).min(sentence.end))).is_some());
    titled_before || titled_after
}

/// Merges candidates into people: full names by surname and given name, single names to the one full name
/// they fit; a single name that fits several people goes to the nearest of them in its article.
fn cluster(docs: &[Doc], candidates: &[Candidate]) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by_key(|c| std::cmp::Reverse(c.parts.len()));
    let mut deferred = Vec::new();
    for c in order {
        let target = if c.parts.len() >= 2 {
            people.iter().position(|p| p.parts.len() >= 2 && compatible(&p.parts, &c.parts))
        } else {
            let key = core_part(&c.parts[0]);
            let by_surname: Vec<usize> = (0..people.len()).filter(|&i| people[i].surname() == Some(key)).collect();
            let by_part: Vec<usize> =
                (0..people.len()).filter(|&i| people[i].parts.iter().any(|p| core_part(p) == key)).collect();
            let fits = if by_surname.is_empty() { by_part } else { by_surname };
            match fits.len() {
                0 => None,
                1 => Some(fits[0]),
                _ => {
                    deferred.push((c, fits));
                    continue;
                }
            }
        };
        let i = target.unwrap_or_else(|| {
            people.push(Person { parts: c.parts.clone(), ..Person::default() });
            people.len() - 1
        });
        add(&mut people[i], docs, c, How::Ner);
    }
    for (c, fits) in deferred {
        let start = docs[c.doc].tagged.tokens[c.start].start as usize;
        let nearest = fits.iter().copied().min_by_key(|&i| {
            people[i]
                .found
                .iter()
                .filter(|(f, _, _)| f.article == c.doc)
                .map(|(f, _, _)| if f.span.start <= start { start - f.span.start } else { 10 * (f.span.start - start) })
                .min()
                .unwrap_or(usize::MAX)
        });
        if let Some(i) = nearest.filter(|&i| people[i].found.iter().any(|(f, _, _)| f.article == c.doc)) {
            add(&mut people[i], docs, c, How::Ner);
        }
    }
    people
}

fn add(p: &mut Person, docs: &[Doc], c: &Candidate, how: How) {
    let d = &docs[c.doc];
    let span = d.span_of(c.start, c.end);
    *p.forms.entry(span.of(d.text()).to_string()).or_default() += 1;
    p.found.push((Found { article: c.doc, span, how }, c.start, c.end));
}

/// Finds the other occurrences of each person's name forms, tagged or not ("Assad" tagged as an
/// organization, "Putin’s" missed). Forms that are usually lowercase words ("Power") are not searched.
fn find_other_occurrences(docs: &[Doc], lexicon: &Lexicon, people: &mut [Person]) {
    let mut gaz = Gazetteer::default();
    for (i, p) in people.iter().enumerate() {
        let mut forms: Vec<String> = p.forms.keys().cloned().collect();
        // The family name alone, as written in the longest form.
        if let Some(last) = p.name().split_whitespace().last() {
            forms.push(last.to_string());
        }
        for f in forms {
            let single = !f.contains(' ');
            let common = single && lexicon.get(&f.to_lowercase()).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN);
            if !common {
                gaz.add(&f, 1, i as u32);
            }
        }
    }
    // Forms shared by two people are ambiguous: drop them from the search.
    let mut owners: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        for f in p.forms.keys() {
            owners.entry(fold(f)).or_default().push(i);
        }
    }
    for d in docs {
        for s in &d.tagged.sentences {
            let keys = &d.keys[s.tokens.clone()];
            for m in gaz.matches(keys) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                let who = m.payload as usize;
                let text = span.of(d.text());
                if owners.get(&fold(text)).is_some_and(|o| o.iter().any(|&x| x != who)) {
                    continue;
                }
                if people.iter().any(|p| p.found.iter().any(|(f, _, _)| f.article == d.index && f.span.overlaps(span)))
                {
                    continue;
                }
                // A name inside a longer tagged name of someone else is not this person.
                if d.chunks_overlapping(span)
                    .any(|c| c.ty == EntityType::Per && c.span != span && c.span.contains(span))
                {
                    continue;
                }
                let p = &mut people[who];
                *p.forms.entry(text.to_string()).or_default() += 1;
                p.found.push((Found { article: d.index, span, how: How::Alias }, a, b));
            }
        }
    }
}

/// Reads a title and country around a name: before it ("Russian President Vladimir Putin", "Iran's
/// foreign minister X"), or in an apposition after it ("Samantha Power, the U.S. ambassador").
fn read_title(d: &Doc, a: usize, b: usize, countries: &Countries, p: &mut Person) {
    let sentence = d.sentence_tokens(a);
    let from = a.saturating_sub(5).max(sentence.start);
    let before = d.lower_words(from, a);
    let note = |title: &Title, title_start: usize, p: &mut Person| {
        if !is_honorific(title) {
            *p.roles.entry(role_name(title)).or_default() += 1;
        }
        p.leader |= title.leader;
        match title.gender {
            Some('m') => p.he += 3,
            Some('f') => p.she += 3,
            _ => {}
        }
        if let Some((c, _, kind)) = d.country_modifier_before(title_start, countries, sentence.start) {
            if kind != FormKind::Capital {
                *p.countries.entry(c).or_default() += 1;
            }
        }
    };
    if let Some((title, n)) = title_ending(&before) {
        note(title, a - n, p);
    } else if a >= sentence.start + 2 && d.token_text(a - 1) == "," {
        // "a senior adviser, Brian Deese,"
        let before = d.lower_words(from, a - 1);
        if let Some((title, n)) = title_ending(&before) {
            note(title, a - 1 - n, p);
        }
    }
    // Apposition after the name: ", the U.S. ambassador to ..." / ", Russia's foreign minister".
    if b + 2 < sentence.end && d.token_text(b) == "," {
        let mut t = b + 1;
        if matches!(d.token_text(t).to_lowercase().as_str(), "the" | "a" | "an") {
            t += 1;
        }
        let window_end = (t + 6).min(sentence.end);
        for end in (t + 1..=window_end).rev() {
            // Skip a country modifier at the start.
            let (title_from, country) = match (t..end).find_map(|k| {
                let m = d.country_modifier_before(k + 1, countries, t)?;
                (m.1 == t).then_some((k + 1, m.0))
            }) {
                Some((k, c)) => (k, Some(c)),
                None => (t, None),
            };
            if title_from < end {
                if let Some((title, n)) = title_starting(&d.lower_words(title_from, end)) {
                    if n == end - title_from {
                        if !is_honorific(title) {
                            *p.roles.entry(role_name(title)).or_default() += 1;
                        }
                        p.leader |= title.leader;
                        if let Some(c) = country {
                            *p.countries.entry(c).or_default() += 1;
                        }
                        break;
                    }
                }
            }
        }
    }
}

/// Counts "he" and "she" in the rest of the sentence after a mention and in the next sentence, where no
/// other person is named, as evidence of gender.
fn read_pronouns(docs: &[Doc], people: &mut [Person]) {
    let all: Vec<(usize, Span, usize)> = people
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.found.iter().map(move |(f, _, _)| (f.article, f.span, i)))
        .collect();
    for (i, p) in people.iter_mut().enumerate() {
        for (f, _, b) in &p.found {
            let d = &docs[f.article];
            let Some(si) = d.tagged.sentence_of(*b - 1) else { continue };
            let end = d.tagged.sentences.get(si + 1).map_or(d.tagged.sentences[si].tokens.end, |s| s.tokens.end);
            let window = Span::new(f.span.end, d.tagged.tokens[end - 1].end as usize);
            if all.iter().any(|&(art, span, who)| art == f.article && who != i && window.overlaps(span)) {
                continue;
            }
            for t in *b..end {
                match d.token_text(t) {
                    "he" | "He" | "his" | "His" | "him" | "himself" => p.he += 1,
                    "she" | "She" | "her" | "Her" | "hers" | "herself" => p.she += 1,
                    _ => {}
                }
            }
        }
    }
}

/// Role nouns a description can end with, and whether they ask for a leader rather than an exact role.
fn description_role(words: &[String]) -> Option<(&'static Title, usize, bool)> {
    let (title, n) = title_starting(words)?;
    if is_honorific(title) {
        return None;
    }
    let generic = matches!(title.words, ["leader"] | ["strongman"] | ["dictator"]);
    Some((title, n, generic))
}

/// "the Russian leader", "the Kremlin strongman", "Russia's president": resolved when exactly one person
/// of that country holds a fitting role in the corpus.
fn resolve_descriptions(docs: &[Doc], countries: &Countries, people: &mut [Person]) {
    for d in docs {
        for s in &d.tagged.sentences {
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                let Some(found) = description_at(d, t, s.tokens.end, countries) else {
                    t += 1;
                    continue;
                };
                let (start, end, country, title, generic) = found;
                let fits: Vec<usize> = (0..people.len())
                    .filter(|&i| {
                        let p = &people[i];
                        let of_country = p.countries.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c) == Some(country);
                        let role_fits = if generic { p.leader } else { p.roles.contains_key(&role_name(title)) };
                        of_country && role_fits
                    })
                    .collect();
                let span = d.span_of(start, end);
                let taken = people
                    .iter()
                    .any(|p| p.found.iter().any(|(f, _, _)| f.article == d.index && f.span.overlaps(span)));
                if let ([who], false) = (fits.as_slice(), taken) {
                    let p = &mut people[*who];
                    p.found.push((Found { article: d.index, span, how: How::Description }, start, end));
                }
                t = end;
            }
        }
    }
}

/// A description starting at token `t`: ("the" COUNTRY-MODIFIER | COUNTRY 's) ROLE, not followed by a
/// name. Returns its token range, the country, the role and whether the role is a generic leader noun.
fn description_at(
    d: &Doc,
    t: usize,
    end: usize,
    countries: &Countries,
) -> Option<(usize, usize, usize, &'static Title, bool)> {
    let gaz = country_forms();
    let first = d.token_text(t);
    let (country, role_from) = if first == "the" || first == "The" {
        // the [Russian | Kremlin | U.S.] leader
        (1..=3).filter(|n| t + 1 + n <= end).find_map(|n| {
            let (_, payload) = gaz.lookup(&d.keys[t + 1..t + 1 + n])?;
            let form = &countries.forms[payload as usize];
            matches!(form.kind, FormKind::Demonym | FormKind::Seat | FormKind::Name)
                .then_some((form.country, t + 1 + n))
        })?
    } else {
        // Russia's president
        (1..=3).filter(|n| t + n < end).find_map(|n| {
            let (_, payload) = gaz.lookup(&d.keys[t..t + n])?;
            let form = &countries.forms[payload as usize];
            (form.kind == FormKind::Name && d.is_possessive(t + n)).then_some((form.country, t + n + 1))
        })?
    };
    if role_from >= end {
        return None;
    }
    let words = d.lower_words(role_from, end.min(role_from + 3));
    let (title, n, generic) = description_role(&words)?;
    let role_end = role_from + n;
    // The role word must be in lowercase (a description), and no name may follow ("the Russian President Putin").
    if d.token_text(role_from).chars().next().is_some_and(char::is_uppercase) && first != "the" && first != "The" {
        return None;
    }
    if role_end < end && d.token_text(role_end).chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some((t, role_end, country, title, generic))
}
