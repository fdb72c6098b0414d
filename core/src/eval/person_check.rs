//! The person-level check of quote attribution: where the annotated source is a name ("Trump", "Melania
//! Trump", "Mr. Kudlow"), the speaker must be the person that name means in the article: a person entity
//! whose family name is the name's and whose given name agrees when the name has one; for a family name
//! alone, the one of that family named first in full in the article. A different first name, another
//! member of the family or an unnamed source is wrong, even when the words overlap.

use crate::lexis::countries::Countries;
use crate::lexis::fold::fold;
use crate::lexis::orgs::known;
use crate::lexis::titles::title_starting;
use crate::lexis::words::{ORG_HEADS, PRONOUNS};
use crate::model::{Analysis, EntityKind, Quote};
use crate::resolve::names::{given_compatible, Name};
use crate::tag::lexicon::CAP_UNKNOWN;
use crate::tag::tagger::Tagger;

/// A name as annotated: its parts, and the gender a title before it gives ("Mr. Obama").
pub struct SourceName {
    pub name: Name,
    pub gender: Option<char>,
}

/// The source's words as a person's name, titles and honorifics off; `None` when they are no name
/// (a pronoun, a common noun, "the official").
pub fn source_name(words: &str) -> Option<SourceName> {
    // "Rep. Gwen Moore (D-Wis.)", "Bernie Sanders, who …": what follows is no part of the name.
    let words = words.split(['(', ',']).next().unwrap_or(words);
    let tokens: Vec<&str> = words
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
        })
        .filter(|w| !w.is_empty())
        .collect();
    // Titles and words before the name: "Former President Bill Clinton", "Activist Angela Davis".
    let lexicon = &Tagger::builtin().lexicon;
    let mut skip = 0;
    let mut gender = None;
    while skip < tokens.len() {
        let lower: Vec<String> = tokens[skip..].iter().map(|w| w.to_lowercase()).collect();
        if let Some((t, n)) = title_starting(&lower) {
            gender = gender.or(t.gender);
            skip += n;
        } else if tokens.len() - skip > 1 && lexicon.get(&lower[0]).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN)
        {
            skip += 1;
        } else {
            break;
        }
    }
    // "French President François Hollande": the name starts after the last title.
    let from = skip;
    for i in from..tokens.len() {
        let lower: Vec<String> = tokens[i..].iter().map(|w| w.to_lowercase()).collect();
        if let Some((_, n)) = title_starting(&lower).filter(|&(_, n)| i + n < tokens.len()) {
            skip = i + n;
        }
    }
    let rest = &tokens[skip..];
    if rest.len() == 1 && lexicon.get(&rest[0].to_lowercase()).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN) {
        return None; // "Protesters said": a common noun opening a sentence.
    }
    // An organization's or a country's name is not a person's.
    let joined = rest.join(" ");
    let institution = rest.iter().any(|w| ORG_HEADS.has(w) || *w == "The")
        || known().iter().any(|o| o.name == joined || o.aliases.contains(&joined))
        || Countries::builtin().forms.iter().any(|f| f.text == joined);
    if institution {
        return None;
    }
    let is_name = !rest.is_empty()
        && rest.len() <= 4
        && rest.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !(rest.len() == 1 && PRONOUNS.has(rest[0]));
    let name = is_name.then(|| Name::parse(&rest.join(" "))).flatten()?;
    Some(SourceName { name, gender })
}

/// Whether quote `q`'s speaker is the person `gold` means in its article (see the module header).
pub fn right_person(a: &Analysis, q: &Quote, source: &SourceName) -> bool {
    let gold = &source.name;
    let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_ref()) else { return false };
    let Some(e) = a.entities.iter().find(|e| &e.id == id) else { return false };
    if e.kind != EntityKind::Person {
        // A name of an organization ("Zero Hedge") the annotation gives: the entity must carry it.
        return e
            .aliases
            .iter()
            .chain([&crate::model::Alias { text: e.name.clone(), count: 0 }])
            .any(|al| Name::parse(&al.text).is_some_and(|n| n.squashed == gold.squashed));
    }
    let Some(name) = Name::parse(&e.name) else { return false };
    if name.family() != gold.family() && !e.aliases.iter().any(|al| fold(&al.text).ends_with(gold.family())) {
        return false;
    }
    match (gold.first(), name.first()) {
        (Some(g), Some(n)) => given_compatible(g, n),
        (Some(_), None) => true,
        (None, _) => {
            // A family name alone means the person of that family first named in full in the article.
            let first_named = a
                .entities
                .iter()
                .filter(|x| {
                    x.kind == EntityKind::Person
                        && Name::parse(&x.name).is_some_and(|n| n.is_full() && n.family() == gold.family())
                })
                // "Mr. Obama" is not Michelle Obama.
                .filter(|x| {
                    !matches!((source.gender, x.gender.as_deref()), (Some('m'), Some("f")) | (Some('f'), Some("m")))
                })
                .filter_map(|x| {
                    x.mentions
                        .iter()
                        .filter(|m| m.article == q.article && m.text.split_whitespace().count() >= 2)
                        .map(|m| m.start)
                        .min()
                        .map(|s| (s, &x.id))
                })
                .min();
            first_named.is_none_or(|(_, first)| first == id)
        }
    }
}
