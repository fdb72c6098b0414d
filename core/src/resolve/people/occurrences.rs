//! The other occurrences of each person's names, tagged or not ("Assad" tagged as an organization,
//! "Putin’s" missed): every form a person was named by, and their family name alone, searched in every
//! sentence. A family name several people share goes to the one it most likely means there
//! ([`link::choose`]); forms that are usually lowercase words ("Power") are not searched. A long family
//! name written with one slip where the tagger saw nothing is found too ([`slips`]).

use std::collections::HashMap;

use crate::lexis::fold::fold;
use crate::model::How;
use crate::resolve::names::Name;
use crate::resolve::people::candidates::title_before;
use crate::resolve::people::context::own_pronoun;
use crate::resolve::people::link::{self, Directory};
use crate::resolve::people::Person;
use crate::resolve::{Doc, Found, SpanSet};
use crate::tag::gazetteer::Gazetteer;
use crate::tag::labels::EntityType;
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};

/// Adds the other occurrences to `people`.
pub(super) fn find(docs: &[Doc], lexicon: &Lexicon, people: &mut [Person], dir: &mut Directory) {
    // Each form once, with the people it was seen naming.
    let mut forms: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let votes = one_word_votes(docs);
    for (i, p) in people.iter().enumerate() {
        // The family name as written, a generational suffix aside ("Davis" of "Sammy Davis Jr.").
        let shown = p.display_name();
        let suffixed = Name::parse(&shown).is_some_and(|n| n.suffix.is_some());
        let family = shown.split_whitespace().rev().nth(suffixed as usize).map(str::to_string);
        let full = shown.contains(' ');
        for f in p.forms.keys().cloned().chain(family.clone()) {
            let single = !f.contains(' ');
            let common = single && lexicon.get(&f.to_lowercase()).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN);
            // A word the tagger read as something else more often than as a person is that other thing
            // elsewhere, unless it is the family name of someone named in full ("Assad" tagged as an
            // organization): "Intel", once taken for a given name, or "Christmas" as a person of its own.
            let family_name = full && family.as_deref() == Some(f.as_str());
            let elsewhere =
                single && !family_name && votes.get(f.as_str()).is_some_and(|&(person, other)| other > person);
            if common || elsewhere {
                continue;
            }
            let k = *index.entry(f.clone()).or_insert_with(|| {
                forms.push((f.clone(), Vec::new()));
                forms.len() - 1
            });
            if !forms[k].1.contains(&i) {
                forms[k].1.push(i);
            }
        }
    }
    let mut gaz = Gazetteer::default();
    for (k, (f, _)) in forms.iter().enumerate() {
        gaz.add(f, 1, k as u32);
    }
    let mut taken: Vec<SpanSet> = vec![SpanSet::default(); docs.len()];
    for p in people.iter() {
        for (f, _, _) in &p.found {
            taken[f.article].insert(f.span);
        }
    }
    // Every occurrence first, so a title anywhere in an article introduces its person before any choice.
    let mut found: Vec<(usize, usize, usize, u32)> = Vec::new();
    for d in docs {
        for s in &d.tagged.sentences {
            for m in gaz.matches(d.words(s.tokens.clone()).all()) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                // A name inside a longer name is not this person ("Trump Tower", "Martin Luther King Jr.").
                let inside = d
                    .chunks_overlapping(span)
                    .any(|c| c.span != span && c.span.contains(span) && c.ty != EntityType::Misc);
                if !taken[d.index].overlaps(span) && !inside {
                    found.push((d.index, a, b, m.payload));
                }
            }
        }
    }
    let slipped = slips(docs, lexicon, dir, &taken);
    let shared = |payload: u32| -> Option<Name> {
        let (text, owners) = &forms[payload as usize];
        (owners.len() > 1).then(|| Name::parse(text)).flatten()
    };
    for &(doc, a, _, payload) in &found {
        if let Some(name) = shared(payload) {
            let d = &docs[doc];
            link::introduce(people, dir, doc, d.span_of(a, a + 1).start, &name, title_before(d, a).1);
        }
    }
    for (doc, a, b, payload) in found {
        let d = &docs[doc];
        let span = d.span_of(a, b);
        if taken[doc].overlaps(span) {
            continue;
        }
        let who = match forms[payload as usize].1.as_slice() {
            [one] => Some(*one),
            _ => shared(payload).and_then(|name| {
                let (gender, title) = title_before(d, a);
                let previous = dir.previous_short(doc, name.family(), span.start);
                let evidence = link::Evidence { gender, title, pronoun: own_pronoun(d, b), previous };
                let who = link::choose(people, dir, doc, span.start, &name, &evidence);
                if let Some(who) = who.filter(|_| title.is_none()) {
                    dir.note_short(doc, name.family(), span.start, who);
                }
                who
            }),
        };
        let Some(who) = who else { continue };
        add(people, &mut taken, d, (a, b), who);
    }
    for (doc, t, who) in slipped {
        let d = &docs[doc];
        if !taken[doc].overlaps(d.span_of(t, t + 1)) {
            add(people, &mut taken, d, (t, t + 1), who);
        }
    }
}

/// For each word the tagger chunked alone somewhere in the corpus: how often as a person, how often as
/// anything else.
fn one_word_votes<'d>(docs: &'d [Doc]) -> HashMap<&'d str, (u32, u32)> {
    let mut votes: HashMap<&str, (u32, u32)> = HashMap::new();
    for d in docs {
        for c in d.chunks.iter().filter(|c| c.tokens.1 == c.tokens.0 + 1) {
            let vote = votes.entry(c.span.of(d.text())).or_default();
            if c.ty == EntityType::Per {
                vote.0 += 1;
            } else {
                vote.1 += 1;
            }
        }
    }
    votes
}

/// Tokens `a..b` of `d` are an occurrence of person `who`.
fn add(people: &mut [Person], taken: &mut [SpanSet], d: &Doc, (a, b): (usize, usize), who: usize) {
    let span = d.span_of(a, b);
    let p = &mut people[who];
    *p.forms.entry(span.of(d.text()).to_string()).or_default() += 1;
    p.found.push((Found { article: d.index, span, how: How::Alias }, a, b));
    p.starts.entry(d.index).or_default().push(span.start);
    taken[d.index].insert(span);
}

/// Family names written with a slip where the tagger saw no name ("Wisnieswki and two others were accused"
/// in a corpus that names Marek Wisniewski): a capitalised word of seven letters or more that no chunk
/// covers and the lexicon does not know, one slip from the family name of exactly one person (the
/// directory's own slip index, [`Directory::by_family`]). Returns (article, token, person).
fn slips(docs: &[Doc], lexicon: &Lexicon, dir: &Directory, taken: &[SpanSet]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for d in docs {
        for t in 0..d.tagged.tokens.len() {
            let w = d.token_text(t);
            if w.chars().count() < 7 || !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let word = fold(w);
            let span = d.span_of(t, t + 1);
            let known = lexicon.get(&word).is_some_and(|c| c.cap != CAP_UNKNOWN);
            if known || taken[d.index].overlaps(span) || d.chunks_overlapping(span).next().is_some() {
                continue;
            }
            let near = dir.by_family(&word);
            if let Some(&who) = near.first().filter(|&&who| near.iter().all(|&p| p == who)) {
                out.push((d.index, t, who));
            }
        }
    }
    out
}
