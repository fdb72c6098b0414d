//! Which person each name names. Full names are merged when they can be one person (`names::compatible`); a
//! generational suffix keeps two people apart when the corpus uses it to tell them apart ("Trump Jr."). A
//! name of one word ("Trump", "Melania", "Jong-un") then goes to the person of the corpus it most likely
//! means in its article, weighing: an honorific, a kinship word or a title before it ("Mrs. Trump", "his
//! sister", "President Trump"); the first "he" or "she" after it ("Trump said he …"); whether the person is
//! introduced in the article before it (named in full, or by a title that is their role: "President Trump"
//! introduces the president in an article that names only his wife in full), first of all; whom the article's
//! last short name of that family meant; and how many articles of the corpus introduce them. A family name
//! alone is the namesake without a generational suffix when there is one ("Trump" beside "Donald Trump Jr.").
//! A given name alone ("John") means someone its article names in full before anyone of that family name the
//! article never names. It never goes to someone its honorific rules out, and is a person of its own when
//! nobody fits. A family name shared by very many people is no evidence alone: it then means someone named in
//! full in its own article.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::lexis::titles::{is_honorific, role_name};
use crate::model::How;
use crate::resolve::names::{compatible, core_part, deletions, family_compatible, Name};
use crate::resolve::people::candidates::Candidate;
use crate::resolve::people::context::own_pronoun;
use crate::resolve::people::Person;
use crate::resolve::Doc;

/// People by the parts of their names, for finding who a name may be in near-constant time.
#[derive(Default)]
pub(super) struct Directory {
    /// Family name → people.
    family: HashMap<String, Vec<usize>>,
    /// Family names with one letter deleted → family names (a one-letter slip finds its name).
    deletions: HashMap<String, Vec<String>>,
    /// Any other part of a full name (a given name, "kim", "jong-un") → people.
    part: HashMap<String, Vec<usize>>,
    /// The name's letters without spaces or hyphens ("kimjongun") → people.
    squashed: HashMap<String, Vec<usize>>,
    /// (article, family name) → the people named in full in that article.
    in_article: HashMap<(usize, String), Vec<usize>>,
    /// A family name → the person of that one word alone (nobody named in full fitted).
    alone: HashMap<String, usize>,
    /// (article, family name) → where each bare family name of that family starts, and whom it went to.
    short: HashMap<(usize, String), BTreeMap<usize, usize>>,
    /// What the lists above hold already: (list, hash of the key, person).
    listed: HashSet<(u8, u64, usize)>,
}

/// More people than this sharing a family name (or a given name) make it no evidence by itself: a name
/// alone then means someone named in full in its own article, or nobody. Keeps linking linear whatever
/// the corpus (capitalised word salad shares every "family name").
const MAX_NAMESAKES: usize = 32;

/// Adds `who` to `map[key]` once (`listed` remembers, so long lists cost no scan).
fn push_unique(
    map: &mut HashMap<String, Vec<usize>>,
    listed: &mut HashSet<(u8, u64, usize)>,
    list: u8,
    key: String,
    who: usize,
) {
    if listed.insert((list, crate::tag::hash::str(&key), who)) {
        map.entry(key).or_default().push(who);
    }
}

impl Directory {
    /// Whom the short name of `family` last before byte `at` of article `doc` went to.
    pub(super) fn previous_short(&self, doc: usize, family: &str, at: usize) -> Option<usize> {
        self.short.get(&(doc, family.to_string()))?.range(..at).next_back().map(|(_, &who)| who)
    }

    /// Records whom the short name of `family` at byte `at` of article `doc` went to.
    pub(super) fn note_short(&mut self, doc: usize, family: &str, at: usize, who: usize) {
        self.short.entry((doc, family.to_string())).or_default().insert(at, who);
    }

    fn add(&mut self, who: usize, name: &Name) {
        let family = name.family().to_string();
        if family.chars().count() >= 7 && !self.family.contains_key(&family) {
            for del in deletions(&family).chain([family.clone()]) {
                let list = self.deletions.entry(del).or_default();
                if !list.contains(&family) {
                    list.push(family.clone());
                }
            }
        }
        let listed = &mut self.listed;
        push_unique(&mut self.family, listed, 0, family, who);
        for g in &name.given {
            push_unique(&mut self.part, listed, 1, core_part(g).trim_end_matches('.').to_string(), who);
        }
        for piece in name.surname.split('-').filter(|p| p.len() >= 2) {
            push_unique(&mut self.part, listed, 1, piece.to_string(), who);
        }
        push_unique(&mut self.squashed, listed, 2, name.squashed.clone(), who);
    }

    /// Records that `who` is named in full in article `doc`.
    fn named_in(&mut self, who: usize, doc: usize, name: &Name) {
        let key = format!("{doc}\u{0}{}", name.family());
        if self.listed.insert((3, crate::tag::hash::str(&key), who)) {
            self.in_article.entry((doc, name.family().to_string())).or_default().push(who);
        }
    }

    /// The people a family name may mean in article `doc`: everyone of that family name (or one letter
    /// off), unless more than [`MAX_NAMESAKES`] share it; then those named in full in the article (the last
    /// [`MAX_NAMESAKES`] of them, should one article name so many).
    fn namesakes(&self, family: &str, doc: usize) -> Vec<usize> {
        if self.family.get(family).map_or(0, Vec::len) <= MAX_NAMESAKES {
            let all = self.by_family(family);
            if all.len() <= MAX_NAMESAKES {
                return all;
            }
        }
        let here = self.in_article.get(&(doc, family.to_string())).map_or(&[][..], Vec::as_slice);
        here[here.len().saturating_sub(MAX_NAMESAKES)..].to_vec()
    }

    /// People whose family name is `family`, or differs from it by one letter in a long name.
    pub(super) fn by_family(&self, family: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.family.get(family).cloned().unwrap_or_default();
        if family.chars().count() >= 7 {
            let mut near: HashSet<&String> = HashSet::new();
            for del in deletions(family).chain([family.to_string()]) {
                near.extend(self.deletions.get(&del).into_iter().flatten());
            }
            for f in near.into_iter().filter(|f| f.as_str() != family && family_compatible(f, family)) {
                out.extend(self.family.get(f).into_iter().flatten());
                if out.len() > MAX_NAMESAKES {
                    break;
                }
            }
        }
        out
    }
}

/// Merges the full names into people; `people` and `dir` grow.
pub(super) fn cluster_full(docs: &[Doc], all: &[Candidate], people: &mut Vec<Person>, dir: &mut Directory) {
    // A suffix tells people apart when the corpus writes it after one name alone: "Trump Jr.", "Donald Jr.".
    let discriminating: HashSet<(String, String)> = all
        .iter()
        .filter(|c| !c.name.is_full())
        .filter_map(|c| c.name.suffix.clone().map(|s| (c.name.family().to_string(), s)))
        .collect();
    let mut order: Vec<&Candidate> = all.iter().filter(|c| c.name.is_full()).collect();
    order.sort_by_key(|c| std::cmp::Reverse(c.name.given.len() + 1 + c.name.suffix.is_some() as usize));
    for c in order {
        let squashed = dir.squashed.get(&c.name.squashed).filter(|v| v.len() <= MAX_NAMESAKES);
        let fits: Vec<usize> = dir
            .namesakes(c.name.family(), c.doc)
            .into_iter()
            .chain(squashed.into_iter().flatten().copied())
            .filter(|&i| people[i].name.is_full() && compatible(&people[i].name, &c.name))
            .filter(|&i| !suffix_apart(&people[i].name, &c.name, &discriminating))
            .collect();
        let target = match fits.as_slice() {
            [] => None,
            [one] => Some(*one),
            many => Some(nearest_or_most_named(docs, people, many, c)),
        };
        let who = target.unwrap_or_else(|| {
            people.push(Person::new(c.name.clone()));
            people.len() - 1
        });
        dir.add(who, &c.name);
        dir.named_in(who, c.doc, &c.name);
        people[who].add(docs, c, How::Ner, true);
    }
}

/// Two names a suffix the corpus uses to tell people apart separates: "Donald Trump" and "Donald Trump Jr.".
fn suffix_apart(a: &Name, b: &Name, discriminating: &HashSet<(String, String)>) -> bool {
    let used = |s: &String| {
        discriminating.contains(&(a.family().to_string(), s.clone()))
            || a.first().is_some_and(|f| discriminating.contains(&(f.to_string(), s.clone())))
    };
    match (&a.suffix, &b.suffix) {
        (Some(s), None) | (None, Some(s)) => used(s),
        _ => false,
    }
}

/// Of several people a name fits, the one named nearest before it in its article, else the most named.
fn nearest_or_most_named(docs: &[Doc], people: &[Person], fits: &[usize], c: &Candidate) -> usize {
    let _ = docs;
    let at = c.span.start;
    let nearest =
        fits.iter().filter_map(|&i| people[i].last_before(c.doc, at).map(|p| (at - p, i))).min().map(|(_, i)| i);
    nearest.unwrap_or_else(|| {
        fits.iter().copied().max_by_key(|&i| (people[i].full, std::cmp::Reverse(i))).unwrap_or(fits[0])
    })
}

/// Links each one-word name (and a family name with a suffix, "Trump Jr.") to the person it means, or makes
/// it a person of its own. Names come in article and text order, so each knows whom the article's last short
/// name of the same family meant.
pub(super) fn link_single(docs: &[Doc], single: &[&Candidate], people: &mut Vec<Person>, dir: &mut Directory) {
    for c in single {
        let evidence = Evidence {
            gender: c.gender,
            title: c.title,
            pronoun: own_pronoun(&docs[c.doc], c.end),
            previous: dir.previous_short(c.doc, c.name.family(), c.span.start),
        };
        let who = choose(people, dir, c.doc, c.span.start, &c.name, &evidence);
        let who = who.unwrap_or_else(|| {
            dir.alone.get(c.name.family()).copied().unwrap_or_else(|| {
                people.push(Person::new(c.name.clone()));
                dir.add(people.len() - 1, &c.name);
                dir.alone.insert(c.name.family().to_string(), people.len() - 1);
                people.len() - 1
            })
        });
        people[who].add(docs, c, How::Ner, false);
        if c.title.is_none() {
            dir.note_short(c.doc, c.name.family(), c.span.start, who);
        }
    }
}

/// Records where a title that is someone's role introduces them in an article, as a full name does:
/// "President Trump" introduces the Trump the corpus calls President, in an article that names only Melania
/// Trump in full. Read before any one-word name is linked, so no choice depends on the order of articles.
pub(super) fn introductions(single: &[&Candidate], people: &mut [Person], dir: &Directory) {
    for c in single {
        introduce(people, dir, c.doc, c.span.start, &c.name, c.title);
    }
}

/// Records that a one-word name at byte `at` of article `doc`, after a title, introduces the namesake who
/// holds that role (or else the one namesake the corpus gives no other role).
pub(super) fn introduce(
    people: &mut [Person],
    dir: &Directory,
    doc: usize,
    at: usize,
    name: &Name,
    title: Option<&'static [&'static str]>,
) {
    let Some(words) = title.filter(|_| name.suffix.is_none()) else { return };
    let title = crate::lexis::titles::Title { words, leader: false, gender: None };
    if is_honorific(&title) {
        return;
    }
    let role = role_name(&title);
    let named: Vec<usize> = dir
        .namesakes(name.family(), doc)
        .into_iter()
        .filter(|&i| people[i].name.is_full() && people[i].name.suffix.is_none())
        .collect();
    let holders: Vec<usize> = named.iter().copied().filter(|&i| people[i].roles.contains_key(&role)).collect();
    let unroled: Vec<usize> = named.iter().copied().filter(|&i| people[i].roles.is_empty()).collect();
    let introduced = match (holders.is_empty(), unroled.as_slice()) {
        (false, _) => holders,
        (true, [one]) => vec![*one],
        _ => Vec::new(),
    };
    for i in introduced {
        let first = people[i].first_intro.entry(doc).or_insert(at);
        *first = (*first).min(at);
    }
}

/// What the words around a one-word name say of whom it means.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Evidence {
    /// An honorific's or a gendered title's gender right before it ("Mrs.", "first lady").
    pub gender: Option<char>,
    /// The role a title right before it gives ("President").
    pub title: Option<&'static [&'static str]>,
    /// The gender of the first "he" or "she" after it in its sentence ("Trump said he …").
    pub pronoun: Option<char>,
    /// Whom the article's last bare family name of the same family meant (a titled one, "Miss Jenkin", is
    /// no run of bare ones: the titles tell two people apart).
    pub previous: Option<usize>,
}

/// The person a one-word name at byte `at` of article `doc` means, by the evidence in the module header;
/// `None` when nobody named in full fits.
pub(super) fn choose(
    people: &[Person],
    dir: &Directory,
    doc: usize,
    at: usize,
    name: &Name,
    evidence: &Evidence,
) -> Option<usize> {
    let word = name.family();
    let full = |v: Vec<usize>| -> Vec<usize> { v.into_iter().filter(|&i| people[i].name.is_full()).collect() };
    // A family name first, else a given name ("Melania"); but a given name of someone this article names in
    // full ("Owen" after "Owen Pryce") before a family name of people the article never names.
    let here = |i: &usize| people[*i].introduced_in(doc).is_some();
    let by_family = full(dir.namesakes(word, doc));
    let by_given = || full(dir.part.get(word).filter(|v| v.len() <= MAX_NAMESAKES).cloned().unwrap_or_default());
    let mut fits = if by_family.is_empty() {
        by_given()
    } else if by_family.iter().any(here) {
        by_family
    } else {
        let given_here: Vec<usize> = by_given().into_iter().filter(here).collect();
        if given_here.is_empty() {
            by_family
        } else {
            given_here
        }
    };
    match &name.suffix {
        Some(suffix) => fits.retain(|&i| people[i].name.suffix.as_ref() == Some(suffix)),
        // A family name alone is the namesake without a suffix, when there is one: "Trump" beside "Donald
        // Trump Jr." is the father, as "Trump Jr." is the son.
        None if fits.iter().any(|&i| people[i].name.suffix.is_none()) => {
            fits.retain(|&i| people[i].name.suffix.is_none())
        }
        None => {}
    }
    let role =
        evidence.title.map(|words| role_name(&crate::lexis::titles::Title { words, leader: false, gender: None }));
    let score = |i: usize| -> Option<f64> {
        let p = &people[i];
        let mut s = 0.0;
        // A title's gender rules a person out only against a title's: pronouns nearby mislead.
        match (evidence.gender, p.titled_gender(), p.gender_guess()) {
            (Some(want), Some(is), _) if want != is => return None,
            (Some(want), _, Some(is)) if want == is => s += 4.0,
            (Some(_), _, Some(_)) => s -= 2.0,
            _ => {}
        }
        // The name's own pronoun ("Trump said he"): against a gender titles gave, strong evidence; against
        // one pronouns suggest, weaker.
        if let Some(want) = evidence.pronoun.filter(|_| evidence.gender.is_none()) {
            match (p.titled_gender(), p.gender_guess()) {
                (Some(is), _) if is != want => s -= 4.0,
                (Some(_), _) => s += 1.5,
                (None, Some(is)) if is != want => s -= 1.5,
                (None, Some(_)) => s += 1.0,
                _ => {}
            }
        }
        if let Some(role) = &role {
            if p.roles.contains_key(role) {
                s += 3.0;
            } else if !p.roles.is_empty() {
                s -= 1.0;
            }
        }
        // Introduced in this article (named in full, or by their role's title): before the name, strong
        // evidence; only after it (a headline), weak.
        if let Some(first) = p.introduced_in(doc) {
            s += if first < at { 2.5 } else { 0.5 };
        }
        // The article's last short name of this family goes on meaning the same person, unless this one
        // brings a title or an honorific of its own ("Miss Jenkin" after "Jenkin", the son).
        if evidence.previous == Some(i) && evidence.gender.is_none() && evidence.title.is_none() {
            s += 1.5;
        }
        if p.name.family() == word {
            s += 1.0;
        }
        // Prominence: how many articles of the corpus introduce this person.
        s += 0.75 * (1.0 + p.articles_introducing() as f64).ln();
        Some(s)
    };
    let first_in_article =
        fits.iter().copied().filter_map(|i| people[i].introduced_in(doc).map(|f| (f, i))).min().map(|(_, i)| i);
    fits.iter()
        .filter_map(|&i| score(i).map(|s| (s + if Some(i) == first_in_article { 1.0 } else { 0.0 }, i)))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}
