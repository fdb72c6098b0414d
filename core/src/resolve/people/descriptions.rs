//! Definite descriptions of people, resolved to the one person they fit:
//!
//! - a country and a role ("the Russian leader", "the Kremlin strongman", "Russia's president"): the one
//!   person of that country holding a fitting role anywhere in the corpus;
//! - a role alone, or after an organization's or a place's name ("the president", "the prime minister",
//!   "the CIA director", "the Alaska governor"): the one person of the article holding that role, already
//!   named before it there.
//!
//! A role followed by a name ("the Russian President Putin") or by "of" ("the president of the club") is no
//! description of someone named elsewhere.

use std::collections::HashMap;

use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::titles::{is_honorific, role_name, title_starting, Title};
use crate::lexis::words::ORG_HEADS;
use crate::model::How;
use crate::resolve::people::Person;
use crate::resolve::{Doc, Found, SpanSet};
use crate::tag::labels::EntityType;

/// A description found in the text.
struct Description {
    start: usize,
    end: usize,
    /// The country it names, if any; without one, the person is looked for in the article.
    country: Option<usize>,
    title: &'static Title,
    /// A generic leader noun ("leader", "strongman") rather than an exact role.
    generic: bool,
}

/// Adds the mentions by description to `people`.
pub(super) fn resolve(docs: &[Doc], countries: &Countries, people: &mut [Person]) {
    // The spans people already hold, per article; the people each article names.
    let mut taken: Vec<SpanSet> = vec![SpanSet::default(); docs.len()];
    let mut present: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, p) in people.iter().enumerate() {
        for (f, _, _) in &p.found {
            taken[f.article].insert(f.span);
            if present[f.article].last() != Some(&i) {
                present[f.article].push(i);
            }
        }
    }
    // Who fits each (country, role) asked for, across the corpus.
    let mut fitting: HashMap<(usize, String, bool), Vec<usize>> = HashMap::new();
    for d in docs {
        for s in &d.tagged.sentences {
            let mut t = s.tokens.start;
            while t < s.tokens.end {
                let Some(found) = description_at(d, t, s.tokens.end, countries) else {
                    t += 1;
                    continue;
                };
                let role = role_name(found.title);
                let span = d.span_of(found.start, found.end);
                let who = match found.country {
                    Some(country) => {
                        let fits = fitting.entry((country, role.clone(), found.generic)).or_insert_with(|| {
                            (0..people.len())
                                .filter(|&i| {
                                    let p = &people[i];
                                    let of_country =
                                        p.countries.iter().max_by_key(|(_, n)| **n).map(|(c, _)| *c) == Some(country);
                                    of_country && holds(p, &role, found.generic)
                                })
                                .collect()
                        });
                        one(fits)
                    }
                    None => {
                        let named_before =
                            |p: &Person| p.starts.get(&d.index).is_some_and(|s| s.iter().any(|&x| x < span.start));
                        let fits: Vec<usize> = present[d.index]
                            .iter()
                            .copied()
                            .filter(|&i| holds(&people[i], &role, false) && named_before(&people[i]))
                            .collect();
                        one(&fits)
                    }
                };
                if let (Some(who), false) = (who, taken[d.index].overlaps(span)) {
                    people[who].found.push((
                        Found { article: d.index, span, how: How::Description },
                        found.start,
                        found.end,
                    ));
                    taken[d.index].insert(span);
                }
                t = found.end;
            }
        }
    }
}

fn one(fits: &[usize]) -> Option<usize> {
    match fits {
        [who] => Some(*who),
        _ => None,
    }
}

fn holds(p: &Person, role: &str, generic: bool) -> bool {
    if generic {
        p.leader
    } else {
        p.roles.contains_key(role)
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

/// A description starting at token `t`: "the" (COUNTRY-MODIFIER | ORGANIZATION)? ROLE or COUNTRY 's ROLE,
/// not followed by a name or by "of".
fn description_at(d: &Doc, t: usize, end: usize, countries: &Countries) -> Option<Description> {
    let gaz = &d.tables.country_forms;
    let first = d.token_text(t);
    let the = first == "the" || first == "The";
    let (country, role_from) = if the {
        // the [Russian | Kremlin | U.S.] leader
        let country = (1..=3).filter(|n| t + 1 + n <= end).find_map(|n| {
            let (_, payload) = gaz.lookup(&d.keys[t + 1..t + 1 + n])?;
            let form = &countries.forms[payload as usize];
            matches!(form.kind, FormKind::Demonym | FormKind::Seat | FormKind::Name)
                .then_some((Some(form.country), t + 1 + n))
        });
        // the [CIA] director: an organization's name, or nothing, before the role.
        country.unwrap_or_else(|| (None, after_organization(d, t + 1, end)))
    } else {
        // Russia's president
        (1..=3).filter(|n| t + n < end).find_map(|n| {
            let (_, payload) = gaz.lookup(&d.keys[t..t + n])?;
            let form = &countries.forms[payload as usize];
            (form.kind == FormKind::Name && d.is_possessive(t + n)).then_some((Some(form.country), t + n + 1))
        })?
    };
    if role_from >= end {
        return None;
    }
    let words = d.lower_words(role_from, end.min(role_from + 3));
    let (title, n, generic) = description_role(&words)?;
    let role_end = role_from + n;
    if country.is_none() {
        // Without a country, only an exact role ("the president", not "the leader"), not said of someone
        // ("named as the director"), not inside a name or title ("Committee to Re-elect the President").
        let before = t.checked_sub(1).map(|b| d.token_text(b));
        let inside_name = d.token_text(role_from).starts_with(char::is_uppercase)
            && (before.is_some_and(|w| w.starts_with(char::is_uppercase))
                || d.chunks_overlapping(d.span_of(t, role_from + n)).next().is_some());
        if generic || before.is_some_and(|w| w.eq_ignore_ascii_case("as")) || inside_name {
            return None;
        }
    }
    // The role word must be in lowercase (a description), and no name may follow ("the Russian President Putin").
    if d.token_text(role_from).chars().next().is_some_and(char::is_uppercase) && !the {
        return None;
    }
    if role_end < end {
        let next = d.token_text(role_end);
        if next.chars().next().is_some_and(char::is_uppercase) || next == "of" || (country.is_none() && next == "-") {
            return None;
        }
        // "the sheriff's department" is an office, not its holder.
        let office = d.is_possessive(role_end) && role_end + 1 < end && ORG_HEADS.has(d.token_text(role_end + 1));
        if office {
            return None;
        }
    }
    Some(Description { start: t, end: role_end, country, title, generic })
}

/// Where a role may start after "the" at `t`: past an organization's or a place's name ("the CIA director",
/// "the Alaska governor"), or at `t` itself.
fn after_organization(d: &Doc, t: usize, end: usize) -> usize {
    if t >= end {
        // "the" ends its sentence: nothing after it to read.
        return t;
    }
    d.chunks_overlapping(d.span_of(t, t + 1))
        .find(|c| matches!(c.ty, EntityType::Org | EntityType::Loc) && c.tokens.0 == t && c.tokens.1 < end)
        .map_or(t, |c| c.tokens.1)
}
