//! Applying a reader's corrections ([`Corrections`]) to an analysis: merges first (a chain of merges
//! follows through), then splits, names, entities dropped, and last the quotations given another speaker.
//! Every quote and entity a correction touched is marked `corrected`; speakers and the same-quote clusters
//! are counted again, so every view and export follows. A correction whose id the analysis does not hold is
//! reported, never silently ignored. Corrections the analysis already carries (applied before) are not
//! applied twice.

use std::collections::{HashMap, HashSet};

use crate::compare;
use crate::model::corrections::Corrections;
use crate::model::entity::{slug, unique_id};
use crate::model::{Analysis, Entity, Speaker};

/// Mention words as compared: whitespace made single spaces.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The analysis with `c` applied, and a message for every correction that could not be.
pub fn apply(a: &Analysis, c: &Corrections) -> (Analysis, Vec<String>) {
    let mut out = a.clone();
    let mut problems = Vec::new();
    // What the analysis carries is applied already.
    let todo = new_only(&a.corrections, c);
    if todo.is_empty() {
        return (out, problems);
    }
    let mut redirect: HashMap<String, String> = HashMap::new();
    let follow = |redirect: &HashMap<String, String>, id: &str| -> String {
        let mut id = id.to_string();
        for _ in 0..64 {
            match redirect.get(&id) {
                Some(next) => id = next.clone(),
                None => break,
            }
        }
        id
    };
    let position = |entities: &[Entity], id: &str| entities.iter().position(|e| e.id == id);
    for [keep, gone] in &todo.merge {
        let (keep, gone) = (follow(&redirect, keep), follow(&redirect, gone));
        match (position(&out.entities, &keep), position(&out.entities, &gone)) {
            (Some(k), Some(g)) if k != g && out.entities[k].kind == out.entities[g].kind => {
                let moved = std::mem::take(&mut out.entities[g].mentions);
                out.entities[k].mentions.extend(moved);
                out.entities[k].corrected = true;
                out.entities.remove(g);
                redirect.insert(gone, keep);
            }
            (Some(k), Some(g)) if k != g => problems.push(format!(
                "merge: “{keep}” and “{gone}” are not of one kind ({} and {})",
                out.entities[k].kind.name(),
                out.entities[g].kind.name()
            )),
            (Some(_), Some(_)) => {}
            (k, _) => {
                let missing = if k.is_none() { keep } else { gone };
                problems.push(format!("merge: this analysis has no entity “{missing}”"));
            }
        }
    }
    let mut ids: HashSet<String> = out.entities.iter().map(|e| e.id.clone()).collect();
    // Quotes that a split moves to the new entity: (quote index, new id).
    let mut split_quotes: Vec<(usize, String)> = Vec::new();
    for s in &todo.split {
        let from = follow(&redirect, &s.entity);
        let Some(i) = position(&out.entities, &from) else {
            problems.push(format!("split: this analysis has no entity “{}”", s.entity));
            continue;
        };
        let alias = words(&s.alias);
        let (taken, kept): (Vec<_>, Vec<_>) =
            std::mem::take(&mut out.entities[i].mentions).into_iter().partition(|m| words(&m.text) == alias);
        out.entities[i].mentions = kept;
        if taken.is_empty() {
            problems.push(format!("split: “{alias}” is not a name of “{from}”"));
            continue;
        }
        let kind = out.entities[i].kind;
        let id = unique_id(format!("{}:{}", kind.name(), slug(&alias)), &mut ids);
        let mut e = Entity::new(id.clone(), kind, alias.clone());
        e.mentions = taken;
        e.corrected = true;
        e.country = out.entities[i].country.clone();
        out.entities[i].corrected = true;
        for (qi, q) in out.quotes.iter().enumerate() {
            let said = q.speaker.as_ref().filter(|sp| sp.entity.as_deref() == Some(from.as_str()));
            if said.and_then(|sp| sp.mention.as_ref()).is_some_and(|m| words(&m.text) == alias) {
                split_quotes.push((qi, id.clone()));
            }
        }
        out.entities.push(e);
    }
    for r in &todo.rename {
        let id = follow(&redirect, &r.entity);
        match position(&out.entities, &id) {
            Some(i) if !words(&r.name).is_empty() => {
                out.entities[i].name = words(&r.name);
                out.entities[i].corrected = true;
            }
            Some(_) => problems.push(format!("rename: an empty name for “{id}”")),
            None => problems.push(format!("rename: this analysis has no entity “{}”", r.entity)),
        }
    }
    let mut dropped: HashSet<String> = HashSet::new();
    for d in &todo.drop {
        let id = follow(&redirect, d);
        match position(&out.entities, &id) {
            Some(i) => {
                out.entities.remove(i);
                dropped.insert(id);
            }
            None => problems.push(format!("drop: this analysis has no entity “{d}”")),
        }
    }
    // Every speaker, country and parent follows the merges, splits, names and drops.
    let by_id: HashMap<String, (String, bool)> =
        out.entities.iter().map(|e| (e.id.clone(), (e.name.clone(), e.corrected))).collect();
    for e in &mut out.entities {
        for link in [&mut e.country, &mut e.parent] {
            if let Some(id) = link.as_ref().map(|id| follow(&redirect, id)) {
                *link = (!dropped.contains(&id)).then_some(id);
            }
        }
    }
    let split_of: HashMap<usize, String> = split_quotes.into_iter().collect();
    for (qi, q) in out.quotes.iter_mut().enumerate() {
        let Some(sp) = q.speaker.as_mut() else { continue };
        let Some(old) = sp.entity.clone() else { continue };
        let id = split_of.get(&qi).cloned().unwrap_or_else(|| follow(&redirect, &old));
        if dropped.contains(&id) {
            q.speaker = None;
            q.confidence = 0.0;
            q.corrected = true;
            continue;
        }
        sp.members = sp.members.iter().map(|m| follow(&redirect, m)).filter(|m| !dropped.contains(m)).collect();
        if let Some((name, corrected)) = by_id.get(&id) {
            let group = sp.members.len() > 1;
            if id != old || (*corrected && !group) {
                if !group {
                    sp.name = name.clone();
                    sp.key = id.clone();
                }
                sp.entity = Some(id);
                q.corrected = true;
            }
        }
    }
    for x in &todo.assign {
        let Some(q) = out.quotes.iter_mut().find(|q| q.id == x.quote) else {
            problems.push(format!("assign: this analysis has no quotation “{}”", x.quote));
            continue;
        };
        let speaker = match (&x.entity, &x.name) {
            (Some(id), _) => {
                let id = follow(&redirect, id);
                match by_id.get(&id).filter(|_| !dropped.contains(&id)) {
                    Some((name, _)) => Speaker {
                        entity: Some(id.clone()),
                        name: name.clone(),
                        unnamed: false,
                        mention: None,
                        key: id,
                        members: Vec::new(),
                    },
                    None => {
                        problems.push(format!("assign: this analysis has no entity “{id}” for “{}”", x.quote));
                        continue;
                    }
                }
            }
            (None, Some(name)) if !words(name).is_empty() => Speaker {
                entity: None,
                name: words(name),
                unnamed: false,
                mention: None,
                key: format!("reader:{}", slug(name)),
                members: Vec::new(),
            },
            _ => {
                problems.push(format!("assign: no speaker given for “{}”", x.quote));
                continue;
            }
        };
        q.speaker = Some(speaker);
        // The reader says so: certain, and nothing else is offered.
        q.confidence = 1.0;
        q.alternatives.clear();
        q.corrected = true;
    }
    for e in &mut out.entities {
        e.finish();
    }
    out.speakers = compare::scope::speaker_counts(&out.quotes);
    let at: HashMap<&str, usize> = out.quotes.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
    let clusters: Vec<(String, Vec<usize>)> = out
        .quote_clusters
        .iter()
        .map(|c| (c.id.clone(), c.quotes.iter().filter_map(|q| at.get(q.as_str()).copied()).collect()))
        .collect();
    out.quote_clusters = compare::quotes::describe_all(&out.articles, &out.quotes, clusters);
    out.corrections = a.corrections.then(&todo);
    (out, problems)
}

/// The corrections of `c` that `applied` does not hold yet.
fn new_only(applied: &Corrections, c: &Corrections) -> Corrections {
    Corrections {
        assign: c.assign.iter().filter(|x| !applied.assign.contains(x)).cloned().collect(),
        merge: c.merge.iter().filter(|x| !applied.merge.contains(x)).cloned().collect(),
        split: c.split.iter().filter(|x| !applied.split.contains(x)).cloned().collect(),
        rename: c.rename.iter().filter(|x| !applied.rename.contains(x)).cloned().collect(),
        drop: c.drop.iter().filter(|x| !applied.drop.contains(x)).cloned().collect(),
    }
}
