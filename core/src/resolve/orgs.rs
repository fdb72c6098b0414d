//! Organizations: the tagger's organization names and the reviewed alias table (`core/data/org-aliases.tsv`:
//! "U.N." = "UN" = "United Nations"; "ISIL" = "ISIS" = "Daesh" = "Islamic State"), acronyms defined in the
//! text ("… in Iraq and the Levant (ISIL)"), parents ("Security Council" → United Nations) and the country
//! an organization belongs to when the text says so ("Russian TASS news agency").

use std::collections::BTreeMap;

use crate::lexis::countries::Countries;
use crate::lexis::fold::fold;
use crate::lexis::orgs::known;
use crate::model::entity::{slug, Entity, EntityKind, How};
use crate::resolve::{Claims, Doc, Found};
use crate::tag::gazetteer::{country_forms, org_forms, Gazetteer};
use crate::tag::labels::EntityType;

#[derive(Debug, Default)]
struct Org {
    name: String,
    parent: Option<String>,
    found: Vec<(Found, usize, usize)>,
    countries: BTreeMap<usize, usize>,
}

/// Resolves the organizations of the corpus and claims their spans.
pub fn resolve(docs: &[Doc], countries: &Countries, claims: &mut Claims) -> Vec<Entity> {
    let table = known();
    let mut orgs: Vec<Org> =
        table.iter().map(|k| Org { name: k.name.clone(), parent: k.parent.clone(), ..Org::default() }).collect();
    let mut by_name: BTreeMap<String, usize> = table.iter().enumerate().map(|(i, k)| (key(&k.name), i)).collect();
    let gaz = org_forms();
    let country_forms = country_forms();
    // Acronyms the text defines: "Islamic State in Iraq and the Levant (ISIL)".
    let mut defined = Gazetteer::default();
    for d in docs {
        for s in &d.tagged.sentences {
            // 1. The reviewed table, longest match first.
            for m in gaz.matches(&d.keys[s.tokens.clone()]) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                if claims.overlaps(d.index, span) {
                    continue;
                }
                let tagged = d.chunks_overlapping(span).any(|c| c.span == span);
                let how = if tagged { How::Ner } else { How::Alias };
                orgs[m.payload as usize].found.push((Found { article: d.index, span, how }, a, b));
                claims.claim(d.index, span);
            }
        }
        // 2. Tagged organizations the table does not know.
        for c in d.chunks.iter().filter(|c| c.ty == EntityType::Org) {
            let (a, b) = c.tokens;
            if claims.overlaps(d.index, c.span) || country_forms.lookup(&d.keys[a..b]).is_some() {
                continue;
            }
            let text = c.span.of(d.text());
            let k = key(text);
            let i = *by_name.entry(k).or_insert_with(|| {
                orgs.push(Org { name: strip_the(text).to_string(), ..Org::default() });
                orgs.len() - 1
            });
            orgs[i].found.push((Found { article: d.index, span: c.span, how: How::Ner }, a, b));
            claims.claim(d.index, c.span);
            // "X (ACRONYM)" defines an alias for the rest of the corpus.
            if b + 2 < d.tagged.tokens.len() && d.token_text(b) == "(" && d.token_text(b + 2) == ")" {
                let acronym = d.token_text(b + 1);
                if acronym.len() >= 2 && acronym.chars().all(|ch| ch.is_uppercase() || ch == '.') {
                    defined.add(acronym, 1, i as u32);
                }
            }
        }
    }
    // 3. Uses of acronyms the text defined.
    for d in docs {
        for s in &d.tagged.sentences {
            for m in defined.matches(&d.keys[s.tokens.clone()]) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                let span = d.span_of(a, b);
                if !claims.overlaps(d.index, span) {
                    orgs[m.payload as usize].found.push((Found { article: d.index, span, how: How::Alias }, a, b));
                    claims.claim(d.index, span);
                }
            }
        }
    }
    // 4. Countries: "Russian TASS news agency", "Syria's opposition".
    for o in &mut orgs {
        for &(f, a, _) in &o.found {
            let d = &docs[f.article];
            let sentence = d.sentence_tokens(a);
            if let Some((c, _, _)) = d.country_modifier_before(a, countries, sentence.start) {
                *o.countries.entry(c).or_default() += 1;
            }
        }
    }
    let ids: Vec<String> = orgs.iter().map(|o| format!("organization:{}", slug(&o.name))).collect();
    let id_of = |name: &str| by_name.get(&key(name)).map(|&i| ids[i].clone());
    // A parent is listed whenever a child is found, so every parent id names an entity.
    let mut needed: Vec<bool> = orgs.iter().map(|o| !o.found.is_empty()).collect();
    for o in orgs.iter().filter(|o| !o.found.is_empty()) {
        if let Some(&p) = o.parent.as_deref().and_then(|p| by_name.get(&key(p))) {
            needed[p] = true;
        }
    }
    let mut out = Vec::new();
    for (i, o) in orgs.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        let mut e = Entity::new(ids[i].clone(), EntityKind::Organization, o.name.clone());
        e.parent = o.parent.as_deref().and_then(id_of);
        e.country = o
            .countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&c, _)| countries.countries[c].id());
        e.mentions = o.found.iter().map(|(f, _, _)| docs[f.article].mention(f)).collect();
        out.push(e);
    }
    out
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)
}

/// The comparison key of an organization name: folded, without a leading "the".
fn key(name: &str) -> String {
    fold(strip_the(name))
}
