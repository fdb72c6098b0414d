//! Definite descriptions of organizations: "the committee" after the Democratic National Committee, "the
//! bureau" after the FBI, "the agency" after the Federal Highway Administration. A description names the
//! organization of the article, mentioned before it, most recently, whose names have that head word (or,
//! for a generic noun like "agency", one of the heads it stands for).
//!
//! Only "the" and a lowercase head followed by what can end a noun phrase counts: "the committee said",
//! "the bureau's report", not "the committee chairman" (a person) or "the agency of record".

use std::collections::HashMap;

use crate::groups::Groups;
use crate::lexis::titles::title_starting;
use crate::lexis::verbs::is_reporting;
use crate::lexis::words::{ORG_HEADS, PREPOSITIONS, STOP};
use crate::model::How;
use crate::resolve::orgs::Org;
use crate::resolve::{Claims, Doc};

/// Generic nouns and the heads of names they can stand for.
const GENERIC: &[(&str, &[&str])] = &[
    ("agency", &["agency", "administration", "bureau", "service", "commission", "authority", "office", "department"]),
    ("company", &["company", "corporation", "inc", "corp", "co", "group", "airlines", "airways"]),
    ("firm", &["company", "corporation", "inc", "corp", "co", "group"]),
    ("organization", &["organization", "organisation", "foundation", "association", "society", "institute"]),
];

/// Adds the mentions by description to the organizations (to each group's root).
pub(super) fn resolve(docs: &[Doc], orgs: &mut [Org], groups: &mut Groups, claims: &mut Claims) {
    // The head words of each group's names.
    let mut heads: HashMap<usize, Vec<String>> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        let words = heads.entry(groups.root(i)).or_default();
        for form in o.forms.keys().chain([&o.name]) {
            for w in form.split_whitespace().map(|w| w.trim_end_matches('.').to_lowercase()) {
                if ORG_HEADS.has(&w) && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    // Per article, the organizations' mentions in text order: (first token, group).
    let mut mentions: Vec<Vec<(usize, usize)>> = vec![Vec::new(); docs.len()];
    for (i, o) in orgs.iter().enumerate() {
        let root = groups.root(i);
        for (f, a, _) in &o.found {
            mentions[f.article].push((*a, root));
        }
    }
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    for d in docs {
        let order = &mut mentions[d.index];
        order.sort_unstable();
        // Head word → (where, group) most recently mentioned with it.
        let mut last: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut next = 0;
        for t in 0..d.tagged.tokens.len().saturating_sub(1) {
            while next < order.len() && order[next].0 < t {
                let (at, root) = order[next];
                for h in heads.get(&root).into_iter().flatten() {
                    last.insert(h.as_str(), (at, root));
                }
                next += 1;
            }
            // "named as the agency" says what someone is, not who.
            if !matches!(d.token_text(t), "the" | "The") || (t > 0 && d.token_text(t - 1).eq_ignore_ascii_case("as")) {
                continue;
            }
            let noun = d.token_text(t + 1);
            if !noun.starts_with(char::is_lowercase) || !ends_phrase(d, t + 2) {
                continue;
            }
            let who = match GENERIC.iter().find(|(g, _)| *g == noun) {
                // The most recent of the groups any covered head names.
                Some((_, covers)) => {
                    covers.iter().chain([&noun]).filter_map(|h| last.get(h)).max().map(|&(_, root)| root)
                }
                None if ORG_HEADS.has(noun) => last.get(noun).map(|&(_, root)| root),
                None => None,
            };
            if let Some(root) = who {
                found.push((d.index, t, t + 2, root));
            }
        }
    }
    for (doc, a, b, root) in found {
        let d = &docs[doc];
        let span = d.span_of(a, b);
        if !claims.overlaps(doc, span) {
            orgs[root].add(d, (a, b), How::Description);
            claims.claim(doc, span);
        }
    }
}

/// Whether the token at `t` can follow a noun phrase's head: the end, punctuation, a possessive, a
/// function word or a reporting verb ("the committee said").
fn ends_phrase(d: &Doc, t: usize) -> bool {
    if t >= d.tagged.tokens.len() {
        return true;
    }
    let w = d.token_text(t);
    if !w.starts_with(char::is_alphanumeric) {
        return true;
    }
    if d.is_possessive(t) {
        return true;
    }
    let lower = w.to_lowercase();
    if lower == "of" || title_starting(std::slice::from_ref(&lower)).is_some() || ORG_HEADS.has(&lower) {
        return false;
    }
    STOP.has(&lower) || PREPOSITIONS.has(&lower) || is_reporting(&lower) || lower == "said"
}
