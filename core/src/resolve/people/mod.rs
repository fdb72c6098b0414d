//! People: names found by the tagger (or introduced by a title), merged across the corpus into the people
//! they name ([`link`]), their other occurrences found ([`occurrences`]), and what the words around them
//! say: titles, roles, countries, gender, descriptions ([`context`]).

mod candidates;
mod context;
mod descriptions;
mod link;
mod occurrences;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::lexis::countries::Countries;
use crate::lexis::fold::fold;
use crate::lexis::given_names::given_name_gender;
use crate::lexis::titles::title_starting;
use crate::model::entity::{slug, unique_id, Entity, EntityKind, How};
use crate::resolve::names::Name;
use crate::resolve::{Claims, Doc, Found};
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};
use candidates::Candidate;

/// A person being assembled.
#[derive(Debug)]
pub(super) struct Person {
    /// The fullest name seen.
    name: Name,
    forms: BTreeMap<String, usize>,
    found: Vec<(Found, usize, usize)>,
    roles: BTreeMap<String, usize>,
    countries: BTreeMap<usize, usize>,
    leader: bool,
    he: i32,
    she: i32,
    /// Titles alone ("Mr.", "first lady"), firmer evidence than pronouns nearby.
    titled: (i32, i32),
    /// Mentions by a full name, across the corpus.
    full: usize,
    /// Per article: where the first full-name mention starts; and every mention's start, in order added.
    first_full: HashMap<usize, usize>,
    /// Per article: where a title that is this person's role first introduced them ("President Trump").
    first_intro: HashMap<usize, usize>,
    starts: HashMap<usize, Vec<usize>>,
}

impl Person {
    fn new(name: Name) -> Person {
        Person {
            name,
            forms: BTreeMap::new(),
            found: Vec::new(),
            roles: BTreeMap::new(),
            countries: BTreeMap::new(),
            leader: false,
            he: 0,
            she: 0,
            titled: (0, 0),
            full: 0,
            first_full: HashMap::new(),
            first_intro: HashMap::new(),
            starts: HashMap::new(),
        }
    }

    /// Records a mention of this person by candidate `c`.
    fn add(&mut self, docs: &[Doc], c: &Candidate, how: How, full: bool) {
        let d = &docs[c.doc];
        *self.forms.entry(c.span.of(d.text()).to_string()).or_default() += 1;
        self.found.push((Found { article: c.doc, span: c.span, how }, c.start, c.end));
        self.starts.entry(c.doc).or_default().push(c.span.start);
        if full {
            self.full += 1;
            let first = self.first_full.entry(c.doc).or_insert(c.span.start);
            *first = (*first).min(c.span.start);
            if c.name.given.len() + 1 > self.name.given.len() + 1
                || (self.name.suffix.is_none() && c.name.suffix.is_some())
            {
                self.name = c.name.clone();
            }
        }
        self.note_title_gender(c.gender);
    }

    /// Where this person is first introduced in article `doc`: named in full, or by a title that is their role.
    fn introduced_in(&self, doc: usize) -> Option<usize> {
        match (self.first_full.get(&doc), self.first_intro.get(&doc)) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (a, b) => a.or(b).copied(),
        }
    }

    /// How many articles introduce this person (name them in full, or by a title that is their role).
    fn articles_introducing(&self) -> usize {
        self.first_full.len() + self.first_intro.keys().filter(|d| !self.first_full.contains_key(d)).count()
    }

    /// The start of the last mention of this person in article `doc` before byte `at`.
    fn last_before(&self, doc: usize, at: usize) -> Option<usize> {
        self.starts.get(&doc)?.iter().copied().filter(|&s| s < at).max()
    }

    /// Evidence of gender from a title.
    fn note_title_gender(&mut self, gender: Option<char>) {
        match gender {
            Some('m') => (self.he, self.titled.0) = (self.he + 3, self.titled.0 + 1),
            Some('f') => (self.she, self.titled.1) = (self.she + 3, self.titled.1 + 1),
            _ => {}
        }
    }

    /// "m" or "f" when titles alone say so.
    fn titled_gender(&self) -> Option<char> {
        match self.titled {
            (m, 0) if m > 0 => Some('m'),
            (0, f) if f > 0 => Some('f'),
            _ => None,
        }
    }

    /// "m" or "f" when titles, the given name and pronouns say so clearly. A given name the table knows
    /// (one carrying its gender at least twenty times as often as the other) decides unless a title says
    /// otherwise: the pronouns after a name are often another's ("the singer's publicist Jack Morrow said
    /// she …"), and on ECB+ eight of nine people whose pronouns overruled their given name were wrong.
    /// Else a title counts three and a pronoun nearby one.
    fn gender_guess(&self) -> Option<char> {
        let given = self.name.first().map(fold).and_then(|g| given_name_gender(&g));
        if let Some(g) = given {
            let titled_other = match g {
                'm' => self.titled.1 > self.titled.0,
                _ => self.titled.0 > self.titled.1,
            };
            if !titled_other {
                return Some(g);
            }
        }
        let (he, she) = (self.he, self.she);
        match he - she {
            d if d >= 2 || (d >= 1 && she == 0) => Some('m'),
            d if d <= -2 || (d <= -1 && he == 0) => Some('f'),
            _ => None,
        }
    }

    /// The canonical name: the most frequent of the forms with the most parts, among the forms the corpus
    /// repeats when it repeats a full name (one glued occurrence, "Hawks Dale Munro", names no one).
    fn display_name(&self) -> String {
        let parts = |f: &str| f.split_whitespace().count();
        let repeated = self.forms.iter().any(|(f, &n)| n >= 2 && parts(f) >= 2);
        let eligible = |_: &str, n: usize| !repeated || n >= 2;
        let max_parts = self.forms.iter().filter(|(f, &n)| eligible(f, n)).map(|(f, _)| parts(f)).max().unwrap_or(0);
        self.forms
            .iter()
            .filter(|(f, &n)| eligible(f, n) && parts(f) == max_parts)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(f, _)| f.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }
}

/// Resolves the people of the corpus and claims their names' spans.
pub fn resolve(docs: &[Doc], countries: &Countries, lexicon: &Lexicon, claims: &mut Claims) -> Vec<Entity> {
    let candidates = candidates::collect(docs);
    let single: Vec<&Candidate> = candidates.iter().filter(|c| !c.name.is_full()).collect();
    let mut people: Vec<Person> = Vec::new();
    let mut dir = link::Directory::default();
    link::cluster_full(docs, &candidates, &mut people, &mut dir);
    // What titles and pronouns say of the people named in full guides who a surname alone means.
    for p in &mut people {
        let found = p.found.clone();
        for (f, a, b) in found {
            context::read_title(&docs[f.article], a, b, countries, p);
        }
    }
    context::read_pronouns(docs, &mut people);
    link::introductions(&single, &mut people, &dir);
    link::link_single(docs, &single, &mut people, &mut dir);
    occurrences::find(docs, lexicon, &mut people, &mut dir);
    // Titles and pronouns read again over every mention.
    for p in &mut people {
        p.roles.clear();
        p.countries.clear();
        p.leader = false;
        (p.he, p.she, p.titled) = (0, 0, (0, 0));
        let found = p.found.clone();
        for (f, a, b) in found {
            context::read_title(&docs[f.article], a, b, countries, p);
        }
    }
    context::read_pronouns(docs, &mut people);
    descriptions::resolve(docs, countries, &mut people);
    let mut ids = HashSet::new();
    people
        .into_iter()
        .filter(|p| !p.found.is_empty() && !is_junk(p, lexicon))
        .map(|p| {
            // A description's country word still names the country ("the Russian leader").
            for (f, _, _) in p.found.iter().filter(|(f, _, _)| f.how != How::Description) {
                claims.claim(f.article, f.span);
            }
            let name = p.display_name();
            let id = unique_id(format!("person:{}", slug(&name)), &mut ids);
            let mut e = Entity::new(id, EntityKind::Person, name);
            let mut roles: Vec<(&String, &usize)> = p.roles.iter().collect();
            roles.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            e.roles = roles.into_iter().map(|(r, _)| r.clone()).collect();
            e.country = p
                .countries
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(&c, _)| countries.countries[c].id());
            e.gender = p.gender_guess().map(|g| g.to_string());
            e.mentions = p.found.iter().map(|(f, _, _)| docs[f.article].mention(f)).collect();
            e
        })
        .collect()
}

/// A "person" named only by one word that is a title ("Miss") or an ordinary lowercase word, or only ever
/// by initials ("N. J.", "M. D.", "U. N." in copy that spaces its abbreviations): nobody is.
fn is_junk(p: &Person, lexicon: &Lexicon) -> bool {
    let initials = |form: &str| {
        let mut letters = form.split(|c: char| c.is_whitespace() || c == '.').filter(|l| !l.is_empty()).peekable();
        letters.peek().is_some() && letters.all(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
    };
    if !p.forms.is_empty() && p.forms.keys().all(|f| initials(f)) {
        return true;
    }
    if p.name.is_full() {
        return false;
    }
    let word = p.name.surname.trim_end_matches('.');
    let common = lexicon.get(word).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN);
    common || title_starting(&[word.to_string()]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(forms: &[(&str, usize)]) -> Person {
        let mut p = Person::new(Name::parse("Dale Munro").expect("a name"));
        p.forms = forms.iter().map(|(f, n)| (f.to_string(), *n)).collect();
        p
    }

    #[test]
    fn the_name_is_the_fullest_form_the_corpus_repeats() {
        let p = person(&[("Munro", 40), ("Dale Munro", 9), ("Dale Munro Jr.", 1), ("Hawks Dale Munro", 1)]);
        assert_eq!(p.display_name(), "Dale Munro");
        let p = person(&[("Ruiz", 30), ("Ana Ruiz", 12), ("Ana Maria Ruiz", 2)]);
        assert_eq!(p.display_name(), "Ana Maria Ruiz");
        // No full name repeated: the fullest there is.
        let p = person(&[("Ruiz", 3), ("Ana M. Ruiz", 1)]);
        assert_eq!(p.display_name(), "Ana M. Ruiz");
    }
}
