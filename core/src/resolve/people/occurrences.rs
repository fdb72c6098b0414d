//! The other occurrences of each person's names, tagged or not ("Assad" tagged as an organization,
//! "Putin’s" missed): every form a person was named by, and their family name alone, searched in every
//! sentence. A family name several people share goes to the one it most likely means there
//! ([`link::choose`]); forms that are usually lowercase words ("Power") are not searched.

use crate::model::How;
use crate::resolve::names::Name;
use crate::resolve::people::link::{self, Directory};
use crate::resolve::people::Person;
use crate::resolve::{Doc, Found, SpanSet};
use crate::tag::gazetteer::Gazetteer;
use crate::tag::labels::EntityType;
use crate::tag::lexicon::{Lexicon, CAP_UNKNOWN};

/// Adds the other occurrences to `people`.
pub(super) fn find(docs: &[Doc], lexicon: &Lexicon, people: &mut [Person], dir: &Directory) {
    // Each form once, with the people it was seen naming.
    let mut forms: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, p) in people.iter().enumerate() {
        // The family name as written, a generational suffix aside ("Davis" of "Sammy Davis Jr.").
        let shown = p.display_name();
        let suffixed = Name::parse(&shown).is_some_and(|n| n.suffix.is_some());
        let family = shown.split_whitespace().rev().nth(suffixed as usize).map(str::to_string);
        for f in p.forms.keys().cloned().chain(family) {
            let single = !f.contains(' ');
            let common = single && lexicon.get(&f.to_lowercase()).is_some_and(|c| c.cap <= 1 && c.cap != CAP_UNKNOWN);
            if common {
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
    for d in docs {
        for s in &d.tagged.sentences {
            for m in gaz.matches(&d.keys[s.tokens.clone()]) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                if taken[d.index].overlaps(span) {
                    continue;
                }
                // A name inside a longer name is not this person ("Trump Tower", "Martin Luther King Jr.").
                if d.chunks_overlapping(span)
                    .any(|c| c.span != span && c.span.contains(span) && c.ty != EntityType::Misc)
                {
                    continue;
                }
                let (text, owners) = &forms[m.payload as usize];
                let who = match owners.as_slice() {
                    [one] => Some(*one),
                    _ => Name::parse(text)
                        .and_then(|name| link::choose(people, dir, d.index, span.start, &name, None, None)),
                };
                let Some(who) = who else { continue };
                let p = &mut people[who];
                *p.forms.entry(span.of(d.text()).to_string()).or_default() += 1;
                p.found.push((Found { article: d.index, span, how: How::Alias }, a, b));
                p.starts.entry(d.index).or_default().push(span.start);
                taken[d.index].insert(span);
            }
        }
    }
}
