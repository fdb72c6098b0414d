//! Doubt and corrections as the page words them: whether an attribution is unsure, the alternatives it
//! offers ("or: Barack Obama, 30 %"), how a quotation was attributed, and one line per correction for the
//! list with undo. Pure functions of the analysis, tested natively.

use std::collections::HashMap;

use newsprism_core::model::{Analysis, Correction, Quote};

/// Below this calibrated confidence an attribution is shown as unsure (the core's one threshold).
pub use newsprism_core::model::quote::UNSURE;

/// Whether the page marks `q`'s speaker as unsure: attributed, below [`UNSURE`], and not set by the reader.
pub fn is_unsure(q: &Quote) -> bool {
    q.speaker.is_some() && !q.corrected && q.confidence < UNSURE
}

/// A probability as a whole percentage: "30 %" ("<1 %" for a small one).
pub fn percent(p: f64) -> String {
    let n = (p * 100.0).round();
    if n < 1.0 {
        "<1 %".to_string()
    } else {
        format!("{n:.0} %")
    }
}

/// The alternatives an unsure attribution offers: "or: Barack Obama, 30 %; John Kerry, 12 %" (at most
/// three); empty when there are none.
pub fn alternatives(q: &Quote) -> String {
    let parts: Vec<String> =
        q.alternatives.iter().take(3).map(|a| format!("{}, {}", a.name, percent(a.probability))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("or: {}", parts.join("; "))
    }
}

/// How the speaker of `q` was found, in words: "named as “he”, verb “said”".
pub fn how(q: &Quote) -> String {
    let mut parts = Vec::new();
    if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
        parts.push(format!("named as “{}”", m.text.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    if let Some(v) = &q.verb {
        parts.push(format!("verb “{v}”"));
    }
    parts.join(", ")
}

/// The first words of a quotation, for lists: at most `words` words, then "…".
pub fn opening(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{}…", all[..words].join(" "))
    }
}

/// One line per correction for the list, naming things as the analysis before corrections does.
pub fn describe(full: &Analysis, list: &[Correction]) -> Vec<String> {
    let entities: HashMap<&str, &str> = full.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let quotes: HashMap<&str, &str> = full.quotes.iter().map(|q| (q.id.as_str(), q.text.as_str())).collect();
    let entity = |id: &str| entities.get(id).map_or_else(|| format!("“{id}”"), |n| n.to_string());
    list.iter()
        .map(|c| match c {
            Correction::Assign(a) => {
                let quote = quotes
                    .get(a.quote.as_str())
                    .map_or_else(|| format!("quotation “{}”", a.quote), |t| format!("“{}”", opening(t, 6)));
                let to = match (&a.entity, &a.name) {
                    (Some(e), _) => entity(e),
                    (None, Some(n)) => format!("{n} (typed)"),
                    (None, None) => "nobody".to_string(),
                };
                format!("{quote} said by {to}")
            }
            Correction::Merge([keep, gone]) => format!("{} merged into {}", entity(gone), entity(keep)),
            Correction::Split(s) => format!("“{}” split off {}", s.alias, entity(&s.entity)),
            Correction::Rename(r) => format!("{} renamed {}", entity(&r.entity), r.name),
            Correction::Drop(d) => format!("{} is not an entity", entity(d)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribution_below_the_threshold_is_unsure_and_offers_its_alternatives() {
        let a = crate::builtin::analysis();
        let mut q = a.quotes.iter().find(|q| q.speaker.is_some()).expect("an attributed quote").clone();
        q.confidence = 0.62;
        q.alternatives = vec![newsprism_core::model::quote::Alternative {
            entity: Some("person:nadia-ferro".into()),
            name: "Nadia Ferro".into(),
            key: "person:nadia-ferro".into(),
            unnamed: false,
            probability: 0.304,
        }];
        assert!(is_unsure(&q));
        assert_eq!(alternatives(&q), "or: Nadia Ferro, 30 %");
        q.corrected = true;
        assert!(!is_unsure(&q), "what the reader set is not in doubt");
        q.corrected = false;
        q.confidence = UNSURE;
        assert!(!is_unsure(&q));
        assert_eq!(percent(0.004), "<1 %");
        assert_eq!(opening("one two three four", 2), "one two…");
    }
}
