//! Organizations: the tagger's organization names, the reviewed table (`core/data/org-aliases.tsv`: "U.N." =
//! "UN" = "United Nations") and the outlets and platforms (`core/data/outlets.tsv`), merged into one entity
//! per organization across the corpus by [`names`]: the same key ("C.I.A." = "CIA", "Department of State" =
//! "State Department"), an acronym the text defines ("… in Iraq and the Levant (ISIL)") or that spells the
//! initials of a name the corpus has ("DNC" = "Democratic National Committee", "DOJ" = "Department of
//! Justice"; written in capitals, such an acronym is the organization even where its word is an ordinary
//! one: "an ICE raid"), a short form the corpus
//! supports ("Chargers" = "San Diego Chargers" when no other organization ends so), a country's word before
//! a name the corpus has ("U.S. Forest Service" = "Forest Service" when no other country's stands there), a
//! body on a topic written topic first ("Ethics Committee" = "House Committee on Ethics", when one fits).
//! Their other occurrences
//! are found too, parents listed ("Security Council" → United Nations), and the country an organization
//! belongs to read when the text says so ("Russian TASS news agency").

mod descriptions;
pub(super) mod names;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::groups::Groups;
use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::words::ORG_HEADS;
use crate::model::entity::{slug, unique_id, Entity, EntityKind, How};
use crate::resolve::chunks::is_function_word;
use crate::resolve::{Claims, Doc, Found};
use crate::tag::gazetteer::Gazetteer;
use crate::tag::labels::EntityType;
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};
use names::{acronym, acronyms_of, key, singular_form, strip_the, topic_first_forms};

#[derive(Debug, Default)]
struct Org {
    name: String,
    parent: Option<String>,
    found: Vec<(Found, usize, usize)>,
    /// Surface forms, with how often each names it.
    forms: BTreeMap<String, usize>,
    countries: BTreeMap<usize, usize>,
    /// A row of the reviewed tables: its name is canonical.
    table: bool,
}

impl Org {
    fn add(&mut self, d: &Doc, (a, b): (usize, usize), how: How) {
        let span = d.span_of(a, b);
        *self.forms.entry(span.of(d.text()).split_whitespace().collect::<Vec<_>>().join(" ")).or_default() += 1;
        self.found.push((Found { article: d.index, span, how }, a, b));
    }
}

/// Whether a single word is an ordinary lowercase word ("Time", "People"), not searched for on its own.
fn common_word(lexicon: &Lexicon, form: &str) -> bool {
    !form.contains(' ') && lexicon.get(&form.to_lowercase()).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN)
}

/// Resolves the organizations of the corpus and claims their spans.
pub fn resolve(docs: &[Doc], countries: &Countries, lexicon: &Lexicon, claims: &mut Claims) -> Vec<Entity> {
    let Some(tables) = docs.first().map(|d| d.tables) else { return Vec::new() };
    let table = tables.orgs;
    let mut orgs: Vec<Org> = table
        .iter()
        .map(|k| Org { name: k.name.clone(), parent: k.parent.clone(), table: true, ..Org::default() })
        .collect();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, k) in table.iter().enumerate() {
        for form in std::iter::once(&k.name).chain(&k.aliases) {
            by_key.entry(key(form)).or_insert(i);
        }
    }
    let (gaz, country_forms) = (&tables.org_forms, &tables.country_forms);
    // Acronyms the text defines: "Islamic State in Iraq and the Levant (ISIL)".
    let mut defined: Vec<(String, usize)> = Vec::new();
    for d in docs {
        for s in &d.tagged.sentences {
            // 1. The reviewed tables, longest match first; an ordinary word only where the tagger saw a name.
            for m in gaz.matches(d.words(s.tokens.clone()).all()) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                let tagged = d.chunks_overlapping(span).any(|c| c.span == span);
                let text = span.of(d.text());
                // An acronym of the table ("IS") counts, but not in a line written all in capitals.
                let shouted = |t: usize| {
                    t < d.keys.len() && {
                        let w = d.token_text(t);
                        w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_alphabetic)
                    }
                };
                let acronym_here = acronym(text).is_some() && !shouted(b) && !(a > 0 && shouted(a - 1));
                if claims.overlaps(d.index, span)
                    || (!tagged && !acronym_here && common_word(lexicon, text))
                    || inside_longer_name(d, (a, b), country_forms)
                {
                    continue;
                }
                orgs[m.payload as usize].add(d, (a, b), if tagged { How::Ner } else { How::Alias });
                claims.claim(d.index, span);
            }
        }
        // 2. Tagged organizations the tables do not know.
        for c in d.chunks.iter().filter(|c| c.ty == EntityType::Org) {
            let (a, b) = c.tokens;
            // A country's name of state ("the Islamic Republic") is the country's to claim.
            let of_a_country =
                country_forms.lookup(&d.keys[a..b]).is_some() || tables.state_forms.lookup(&d.keys[a..b]).is_some();
            if claims.overlaps(d.index, c.span) || of_a_country {
                continue;
            }
            let text = c.span.of(d.text());
            let i = *by_key.entry(key(text)).or_insert_with(|| {
                orgs.push(Org {
                    name: strip_the(text).split_whitespace().collect::<Vec<_>>().join(" "),
                    ..Org::default()
                });
                orgs.len() - 1
            });
            orgs[i].add(d, (a, b), How::Ner);
            claims.claim(d.index, c.span);
            // "X (ACRONYM)" defines an alias for the rest of the corpus.
            if b + 2 < d.tagged.tokens.len() && d.token_text(b) == "(" && d.token_text(b + 2) == ")" {
                if let Some(acr) = acronym(d.token_text(b + 1)) {
                    defined.push((acr, i));
                }
            }
        }
    }
    let mut groups = merge(&orgs, &by_key, &defined);
    join_country_qualified(docs, countries, &mut orgs, &by_key, &mut groups);
    other_occurrences(docs, lexicon, &mut orgs, &mut groups, claims);
    descriptions::resolve(docs, &mut orgs, &mut groups, claims);
    // Countries: "Russian TASS news agency", "Syria's opposition".
    for o in &mut orgs {
        for &(f, a, _) in &o.found {
            let d = &docs[f.article];
            let sentence = d.sentence_tokens(a);
            if let Some((c, _, _)) = d.country_modifier_before(a, countries, sentence.start) {
                *o.countries.entry(c).or_default() += 1;
            }
        }
    }
    entities(docs, countries, orgs, &mut groups, &by_key)
}

/// Whether tokens `a..b` (a table's name) are part of a longer organization's name the tagger saw, longer
/// by a word of the name itself: "National Security Council" is not the Security Council, "United Nations
/// Command" not the United Nations (but "Russian TASS" is TASS: a country's word is no part of a name).
fn inside_longer_name(d: &Doc, (a, b): (usize, usize), country_forms: &Gazetteer) -> bool {
    d.chunks_overlapping(d.span_of(a, b)).any(|c| {
        let (ca, cb) = c.tokens;
        let name_word = |t: usize| {
            let w = d.token_text(t);
            w.chars().next().is_some_and(char::is_uppercase)
                && !matches!(w, "'s" | "’s")
                && country_forms.lookup(&d.keys[t..t + 1]).is_none()
        };
        c.ty == EntityType::Org
            && ca <= a
            && b <= cb
            && (ca, cb) != (a, b)
            && (ca..a).chain(b..cb).all(|t| name_word(t) || is_function_word(d.token_text(t)))
            && (ca..a).chain(b..cb).any(name_word)
    })
}

/// Joins the organizations one organization's names make: defined acronyms, acronyms spelling a name's
/// initials, short forms that fit one organization only.
fn merge(orgs: &[Org], by_key: &HashMap<String, usize>, defined: &[(String, usize)]) -> Groups {
    let mut groups = Groups::new(orgs.len());
    for (acr, i) in defined {
        if let Some(&j) = by_key.get(&key(acr)) {
            groups.join(*i, j);
        }
    }
    // Initials of the organizations named in several words, and their first and last words.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_edge_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        if o.found.is_empty() && !o.table {
            continue;
        }
        for init in acronyms_of(&o.name) {
            by_initials.entry(init).or_default().push(i);
        }
        let k = key(&o.name);
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() >= 2 {
            for w in [words[0], words[words.len() - 1]] {
                let list = by_edge_word.entry(w.to_string()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }
    let used = |i: usize| !orgs[i].found.is_empty();
    // "Oversight Committee" and "House Committee on Oversight and Government Reform": a body on a topic
    // written topic first, when only one body of the corpus fits.
    let mut topic_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, o) in orgs.iter().enumerate().filter(|&(i, _)| used(i)) {
        for form in topic_first_forms(&key(&o.name)) {
            topic_first.entry(form).or_default().push(i);
        }
    }
    for (i, o) in orgs.iter().enumerate().filter(|&(i, _)| used(i)) {
        if let Some([j]) = topic_first.get(&key(&o.name)).map(Vec::as_slice) {
            groups.join(i, *j);
        }
    }
    // "Pueblos Unidos" and "Pueblo Unido": one name, written with and without a plural.
    let mut by_singular: HashMap<String, usize> = HashMap::new();
    for (i, o) in orgs.iter().enumerate().filter(|&(i, _)| used(i)) {
        if let Some(form) = singular_form(&key(&o.name)) {
            let first = *by_singular.entry(form).or_insert(i);
            groups.join(first, i);
        }
    }
    // "U.N. Command" and "United Nations Command": a table's other name in front, the same words after.
    for (i, o) in orgs.iter().enumerate().filter(|&(i, o)| used(i) && !o.table) {
        let k = key(&o.name);
        let words: Vec<&str> = k.split(' ').collect();
        for n in (1..words.len()).rev() {
            let Some(&t) = by_key.get(&words[..n].join(" ")).filter(|&&t| orgs[t].table) else { continue };
            let expanded = format!("{} {}", key(&orgs[t].name), words[n..].join(" "));
            if let Some(&j) = by_key.get(&expanded).filter(|&&j| j != i && used(j)) {
                groups.join(i, j);
            }
            break;
        }
    }
    for (i, o) in orgs.iter().enumerate().filter(|&(i, _)| used(i)) {
        if let Some(acr) = acronym(&o.name) {
            let spelled: Vec<usize> =
                by_initials.get(&acr).into_iter().flatten().copied().filter(|&j| used(j)).collect();
            if let [j] = spelled.as_slice() {
                groups.join(i, *j);
            }
            continue;
        }
        let k = key(&o.name);
        if !k.contains(' ') && !ORG_HEADS.has(&k) {
            let mut longer: Vec<usize> =
                by_edge_word.get(&k).into_iter().flatten().copied().filter(|&j| used(j)).collect();
            // Several longer names end so: the one named at least twice as often as any other.
            longer.sort_by_key(|&j| std::cmp::Reverse(orgs[j].found.len()));
            let clear = match longer.as_slice() {
                [j] => Some(*j),
                [j, next, ..] if orgs[*j].found.len() >= 2 * orgs[*next].found.len() => Some(*j),
                _ => None,
            };
            if let Some(j) = clear {
                groups.join(i, j);
            }
        }
    }
    groups
}

/// "U.S. Customs Service" is the "Customs Service" the corpus names: an organization's name that opens with
/// a country's word, the rest two words or more, is the organization the rest names, when no other country's
/// word stands before that rest ("U.S. Coast Guard" and "Indian Coast Guard" are two). The country word
/// says whose the organization is.
fn join_country_qualified(
    docs: &[Doc],
    countries: &Countries,
    orgs: &mut [Org],
    by_key: &HashMap<String, usize>,
    groups: &mut Groups,
) {
    // Unqualified organization → (the qualified ones, the countries qualifying it).
    let mut qualified: HashMap<usize, (Vec<usize>, BTreeSet<usize>)> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        let Some(&(f, a, b)) = o.found.first() else { continue };
        let d = &docs[f.article];
        let country_forms = &d.tables.country_forms;
        // A country's name or its people's ("U.S.", "British"), not a capital ("Washington Post").
        let country_word = |n: usize| {
            let (_, form) = country_forms.lookup(&d.keys[a..a + n])?;
            let form = &countries.forms[form as usize];
            matches!(form.kind, FormKind::Name | FormKind::Demonym).then_some((n, form.country))
        };
        let Some((n, country)) = (1..=3.min(b - a)).rev().find_map(country_word) else { continue };
        if b - (a + n) < 2 {
            continue;
        }
        let rest = key(d.span_of(a + n, b).of(d.text()));
        if let Some(&j) = by_key.get(&rest).filter(|&&j| j != i && !orgs[j].found.is_empty()) {
            let entry = qualified.entry(j).or_default();
            entry.0.push(i);
            entry.1.insert(country);
        }
    }
    for (j, (list, countries)) in qualified {
        if let [country] = *countries.iter().collect::<Vec<_>>() {
            for i in list {
                groups.join(i, j);
                *orgs[i].countries.entry(*country).or_default() += 1;
            }
        }
    }
}

/// Untagged occurrences of every name an organization was found by (acronyms and names of several words;
/// an ordinary word alone is not searched).
fn other_occurrences(docs: &[Doc], lexicon: &Lexicon, orgs: &mut [Org], groups: &mut Groups, claims: &mut Claims) {
    let mut gaz = Gazetteer::default();
    for (i, o) in orgs.iter().enumerate() {
        if o.found.is_empty() {
            continue;
        }
        let root = groups.root(i);
        for f in o.forms.keys() {
            if !common_word(lexicon, f) && (f.contains(' ') || acronym(f).is_some()) {
                gaz.add(f, 1, root as u32);
            }
        }
    }
    // The acronym a found name's initials spell, written in capitals, is that organization even where the
    // tagger saw no name or the word is an ordinary one in lowercase ("an ICE raid" once the corpus names
    // Immigration and Customs Enforcement); only an acronym of one organization of the corpus, of three
    // letters or more, not in a line written in capitals.
    let mut spelled: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (i, o) in orgs.iter().enumerate().filter(|(_, o)| !o.found.is_empty()) {
        for form in o.forms.keys().filter(|f| f.contains(' ')) {
            for acr in acronyms_of(form).into_iter().filter(|a| a.len() >= 3) {
                spelled.entry(acr).or_default().insert(groups.root(i));
            }
        }
    }
    for (acr, roots) in &spelled {
        if let [root] = roots.iter().copied().collect::<Vec<_>>()[..] {
            gaz.add(acr, 2, root as u32);
        }
    }
    for d in docs {
        for s in &d.tagged.sentences {
            for m in gaz.matches(d.words(s.tokens.clone()).all()) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                let shouted = |t: usize| {
                    s.tokens.contains(&t) && {
                        let w = d.token_text(t);
                        w.chars().all(|c| !c.is_lowercase()) && w.chars().filter(|c| c.is_alphabetic()).count() > 1
                    }
                };
                if claims.overlaps(d.index, span)
                    || d.chunks_overlapping(span).any(|c| c.span.contains(span) && c.span != span)
                    || (m.kind == 2 && (shouted(b) || (a > 0 && shouted(a - 1))))
                {
                    continue;
                }
                orgs[m.payload as usize].add(d, (a, b), How::Alias);
                claims.claim(d.index, span);
            }
        }
    }
}

/// One entity per group: the table's name, else the fullest of its names (the most used among them).
fn entities(
    docs: &[Doc],
    countries: &Countries,
    orgs: Vec<Org>,
    groups: &mut Groups,
    by_key: &HashMap<String, usize>,
) -> Vec<Entity> {
    let n = orgs.len();
    let roots: Vec<usize> = (0..n).map(|i| groups.root(i)).collect();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &root) in roots.iter().enumerate() {
        members.entry(root).or_default().push(i);
    }
    let name_of = |group: &[usize]| -> (String, Option<String>) {
        if let Some(&t) = group
            .iter()
            .find(|&&i| orgs[i].table && !orgs[i].found.is_empty())
            .or_else(|| group.iter().find(|&&i| orgs[i].table))
        {
            return (orgs[t].name.clone(), orgs[t].parent.clone());
        }
        let best = group
            .iter()
            .filter(|&&i| !orgs[i].found.is_empty())
            .max_by_key(|&&i| {
                (
                    acronym(&orgs[i].name).is_none(),
                    orgs[i].name.split_whitespace().count(),
                    orgs[i].found.len(),
                    std::cmp::Reverse(i),
                )
            })
            .copied()
            .unwrap_or(group[0]);
        (orgs[best].name.clone(), None)
    };
    let mut ids: HashMap<usize, String> = HashMap::new();
    let mut taken = HashSet::new();
    for (&root, group) in &members {
        ids.insert(root, unique_id(format!("organization:{}", slug(&name_of(group).0)), &mut taken));
    }
    let parent_id = |name: &str| by_key.get(&key(name)).map(|&i| ids[&roots[i]].clone());
    // A parent is listed whenever a child is found, so every parent id names an entity.
    let found = |group: &[usize]| group.iter().any(|&i| !orgs[i].found.is_empty());
    let mut needed: Vec<usize> = members.iter().filter(|(_, g)| found(g)).map(|(&r, _)| r).collect();
    for (_, g) in members.iter().filter(|(_, g)| found(g)) {
        if let Some(p) = name_of(g).1.as_deref().and_then(|p| by_key.get(&key(p))).map(|&i| roots[i]) {
            needed.push(p);
        }
    }
    needed.sort_unstable();
    needed.dedup();
    needed
        .into_iter()
        .map(|root| {
            let group = &members[&root];
            let (name, parent) = name_of(group);
            let mut e = Entity::new(ids[&root].clone(), EntityKind::Organization, name);
            e.parent = parent.as_deref().and_then(parent_id);
            let mut country_votes: BTreeMap<usize, usize> = BTreeMap::new();
            for &i in group {
                for (&c, &k) in &orgs[i].countries {
                    *country_votes.entry(c).or_default() += k;
                }
                e.mentions.extend(orgs[i].found.iter().map(|(f, _, _)| docs[f.article].mention(f)));
            }
            e.country = country_votes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(&c, _)| countries.countries[c].id());
            e
        })
        .collect()
}
