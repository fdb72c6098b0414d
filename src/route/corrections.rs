//! A reader's corrections in the link: repeatable `assign=QUOTE-ID:ENTITY-ID` (or `QUOTE-ID:~Typed Name`),
//! `merge=ENTITY-ID+ENTITY-ID`, `split=ENTITY-ID:alias text`, `rename=ENTITY-ID:Name`, `drop=ENTITY-ID`.
//! Entity ids are `kind:slug` (one colon, none in the slug); quote ids hold no colon.

use newsprism_core::model::corrections::{Assign, Rename, Split};
use newsprism_core::model::Corrections;

/// The link parameters for `c`, in the file's order.
pub fn to_pairs(c: &Corrections) -> Vec<(&'static str, String)> {
    let mut out = Vec::with_capacity(c.len());
    for a in &c.assign {
        match (&a.entity, &a.name) {
            (Some(e), _) => out.push(("assign", format!("{}:{e}", a.quote))),
            (None, Some(n)) => out.push(("assign", format!("{}:~{n}", a.quote))),
            (None, None) => {}
        }
    }
    for [keep, gone] in &c.merge {
        out.push(("merge", format!("{keep}+{gone}")));
    }
    for s in &c.split {
        out.push(("split", format!("{}:{}", s.entity, s.alias)));
    }
    for r in &c.rename {
        out.push(("rename", format!("{}:{}", r.entity, r.name)));
    }
    for d in &c.drop {
        out.push(("drop", d.clone()));
    }
    out
}

/// An entity id (`kind:slug`) and the text after it (`kind:slug:text`).
fn entity_and_text(value: &str) -> Option<(&str, &str)> {
    let first = value.find(':')?;
    let second = first + 1 + value[first + 1..].find(':')?;
    let (entity, text) = (&value[..second], value[second + 1..].trim());
    (first > 0 && second > first + 1 && !text.is_empty()).then_some((entity, text))
}

/// Adds the correction a link parameter `key=value` gives to `c`: `Ok(false)` when `key` is no correction,
/// `Err` (the notice) when the value cannot be read.
pub fn read_pair(c: &mut Corrections, key: &str, value: &str) -> Result<bool, String> {
    let bad = |how: &str| Err(format!("Ignored {key} “{value}”: write it as {how}."));
    match key {
        "assign" => {
            let Some((quote, who)) = value.split_once(':').filter(|(q, w)| !q.is_empty() && !w.trim().is_empty())
            else {
                return bad("QUOTE-ID:ENTITY-ID or QUOTE-ID:~Name");
            };
            let a = match who.strip_prefix('~') {
                Some(name) if !name.trim().is_empty() => {
                    Assign { quote: quote.into(), entity: None, name: Some(name.trim().into()) }
                }
                Some(_) => return bad("QUOTE-ID:ENTITY-ID or QUOTE-ID:~Name"),
                None => Assign { quote: quote.into(), entity: Some(who.trim().into()), name: None },
            };
            *c = c.then(&Corrections { assign: vec![a], ..Corrections::default() });
        }
        // A `+` typed into a link reads as a space.
        "merge" => match value.split_once(['+', ' ']) {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && a.trim() != b.trim() => {
                *c = c.then(&Corrections { merge: vec![[a.trim().into(), b.trim().into()]], ..Corrections::default() })
            }
            _ => return bad("ENTITY-ID+ENTITY-ID"),
        },
        "split" => match entity_and_text(value) {
            Some((entity, alias)) => {
                let s = Split { entity: entity.into(), alias: alias.into() };
                *c = c.then(&Corrections { split: vec![s], ..Corrections::default() })
            }
            None => return bad("ENTITY-ID:alias"),
        },
        "rename" => match entity_and_text(value) {
            Some((entity, name)) => {
                let r = Rename { entity: entity.into(), name: name.into() };
                *c = c.then(&Corrections { rename: vec![r], ..Corrections::default() })
            }
            None => return bad("ENTITY-ID:Name"),
        },
        "drop" if !value.is_empty() => *c = c.then(&Corrections { drop: vec![value.into()], ..Corrections::default() }),
        "drop" => return bad("ENTITY-ID"),
        _ => return Ok(false),
    }
    Ok(true)
}
