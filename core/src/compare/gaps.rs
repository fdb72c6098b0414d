//! Blind spots: for each person, organization and country, which outlets mention or quote it and which
//! do not, and the entities only some outlets carry, ranked.
//!
//! An entity's weight in an outlet is its mentions there plus the quotations the outlet gives it. The
//! ranking score is the weight in the outlets that carry it times the number of outlets missing it: a
//! name one outlet dwells on and four leave out comes before one named once by four outlets and left
//! out by one. Ties go to the greater weight, then the name. Which outlet each article belongs to is the
//! caller's (a reader may name outlets), given as one index per article.

use std::collections::HashMap;

use crate::model::{Analysis, EntityKind};

/// One outlet's share of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carrier {
    /// The outlet's index.
    pub outlet: usize,
    pub mentions: usize,
    pub quotes: usize,
}

/// How an entity is covered across the outlets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Index into the analysis's `entities`.
    pub entity: usize,
    /// The outlets carrying it, by outlet index.
    pub carriers: Vec<Carrier>,
    /// Mentions plus quotations, over the carrying outlets.
    pub weight: usize,
    /// Outlets carrying nothing of it.
    pub missing: usize,
    /// `weight × missing`: 0 when every outlet carries it.
    pub score: usize,
}

impl Coverage {
    /// Whether outlet `o` mentions or quotes the entity.
    pub fn carried_by(&self, o: usize) -> bool {
        self.carriers.binary_search_by_key(&o, |c| c.outlet).is_ok()
    }
}

/// Coverage of every person, organization and country the articles carry: those only some outlets carry
/// first, by score; then those every outlet carries, by weight. `outlet_of[i]` is the outlet of article
/// `i`, or `None` for an article left out; outlets are `0..n_outlets`.
pub fn coverage(a: &Analysis, outlet_of: &[Option<usize>], n_outlets: usize) -> Vec<Coverage> {
    let article: HashMap<&str, usize> = a.articles.iter().enumerate().map(|(i, x)| (x.id.as_str(), i)).collect();
    let outlet = |id: &str| article.get(id).and_then(|&i| outlet_of.get(i).copied().flatten());
    let entity: HashMap<&str, usize> = a.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    // (entity, outlet) → (mentions, quotes).
    let mut counts: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    let counted = |k: EntityKind| matches!(k, EntityKind::Person | EntityKind::Organization | EntityKind::Country);
    for (ei, e) in a.entities.iter().enumerate().filter(|(_, e)| counted(e.kind)) {
        for m in &e.mentions {
            if let Some(o) = outlet(&m.article) {
                counts.entry((ei, o)).or_default().0 += 1;
            }
        }
    }
    for q in &a.quotes {
        let Some(ei) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()).and_then(|id| entity.get(id)) else {
            continue;
        };
        if let (true, Some(o)) = (counted(a.entities[*ei].kind), outlet(&q.article)) {
            counts.entry((*ei, o)).or_default().1 += 1;
        }
    }
    let mut by_entity: HashMap<usize, Vec<Carrier>> = HashMap::new();
    for ((e, outlet), (mentions, quotes)) in counts {
        by_entity.entry(e).or_default().push(Carrier { outlet, mentions, quotes });
    }
    let mut out: Vec<Coverage> = by_entity
        .into_iter()
        .map(|(entity, mut carriers)| {
            carriers.sort_unstable_by_key(|c| c.outlet);
            let weight = carriers.iter().map(|c| c.mentions + c.quotes).sum();
            let missing = n_outlets.saturating_sub(carriers.len());
            Coverage { entity, carriers, weight, missing, score: weight * missing }
        })
        .collect();
    out.sort_by(|x, y| {
        (y.missing > 0)
            .cmp(&(x.missing > 0))
            .then(y.score.cmp(&x.score))
            .then(y.weight.cmp(&x.weight))
            .then_with(|| a.entities[x.entity].name.cmp(&a.entities[y.entity].name))
    });
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::model::{Article, Entity, How, Mention};

    fn article(id: &str) -> Article {
        serde_json::from_value(serde_json::json!({
            "id": id, "source": id, "url": null, "published": null, "outlet": null, "headline": null,
            "dateline": null, "captions": [], "credits": [], "boilerplate": [], "text": "x",
            "blocks": [], "paragraphs": [], "sentences": []
        }))
        .expect("an article")
    }

    fn entity(id: &str, kind: EntityKind, articles: &[&str]) -> Entity {
        let mut e = Entity::new(id.into(), kind, id.split(':').nth(1).unwrap_or(id).into());
        e.mentions = articles
            .iter()
            .map(|a| Mention {
                article: a.to_string(),
                start: 0,
                end: 1,
                text: "x".into(),
                how: How::Ner,
                paragraph: None,
            })
            .collect();
        e
    }

    #[test]
    fn names_some_outlets_leave_out_come_first_by_weight_times_outlets_missing() {
        let a = Analysis {
            articles: ["a1", "a2", "b1", "c1"].into_iter().map(article).collect(),
            entities: vec![
                entity("person:everyone", EntityKind::Person, &["a1", "b1", "c1"]),
                entity("person:dwelt-on", EntityKind::Person, &["a1", "a1", "a2", "a2"]),
                entity("country:two", EntityKind::Country, &["a1", "b1"]),
                entity("place:not-counted", EntityKind::Place, &["a1"]),
            ],
            ..Analysis::default()
        };
        // Outlets: A = a1, a2; B = b1; C = c1.
        let cov = coverage(&a, &[Some(0), Some(0), Some(1), Some(2)], 3);
        let names: Vec<&str> = cov.iter().map(|c| a.entities[c.entity].name.as_str()).collect();
        assert_eq!(names, ["dwelt-on", "two", "everyone"], "the place is not counted");
        assert_eq!((cov[0].weight, cov[0].missing, cov[0].score), (4, 2, 8));
        assert_eq!((cov[1].weight, cov[1].missing, cov[1].score), (2, 1, 2));
        assert_eq!(cov[2].score, 0, "every outlet carries it");
        assert!(cov[1].carried_by(0) && cov[1].carried_by(1) && !cov[1].carried_by(2));
    }

    #[test]
    fn articles_left_out_count_for_no_outlet() {
        let a = Analysis {
            articles: ["a1", "b1"].into_iter().map(article).collect(),
            entities: vec![entity("person:only-b", EntityKind::Person, &["b1"])],
            ..Analysis::default()
        };
        assert!(coverage(&a, &[Some(0), None], 1).is_empty());
    }
}
