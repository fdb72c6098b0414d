//! One view's filtering, facet counts, quotes and chart bars, derived from the index in one pass over the
//! units (a few milliseconds at a thousand articles; the tab is not part of it, so switching views reuses it).

use newsprism_core::lexis::fold::fold;

use super::{Index, Unit};
use crate::route::View;

/// A bar of the mention chart: one entity, its mentions per article.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub entity: usize,
    pub per_article: Vec<usize>,
    pub total: usize,
}

/// What one view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// Per unit: shown.
    pub visible: Vec<bool>,
    /// Per article: any unit shown.
    pub article_visible: Vec<bool>,
    /// Articles shown, in order.
    pub articles: Vec<usize>,
    /// Speaker facet: quotations per speaker (indexed like `Index::speakers`) under the other filters.
    pub speaker_counts: Vec<usize>,
    /// Country facet: (country entity index, mentions) for every country the index offers, most
    /// mentioned first.
    pub countries: Vec<(usize, usize)>,
    /// Quotes shown (indices into `analysis.quotes`), in article order.
    pub quotes: Vec<usize>,
    /// The most-mentioned entities of the view's kinds among the shown units.
    pub bars: Vec<Bar>,
    /// Entities of the view's kinds mentioned in the shown units.
    pub n_entities: usize,
    pub n_visible_units: usize,
}

/// How many bars the mention chart shows.
pub const TOP_BARS: usize = 15;

/// The filters of a view, resolved to ids once.
struct Filters {
    article: Option<usize>,
    q: String,
    /// Selected country entity indices (sorted); empty = no country filter.
    countries: Vec<usize>,
    /// Per speaker id: selected; `None` = no speaker filter.
    speakers: Option<Vec<bool>>,
}

impl Filters {
    fn new(ix: &Index, view: &View) -> Filters {
        let mut countries: Vec<usize> = view.countries.iter().filter_map(|c| ix.country_id(c)).collect();
        countries.sort_unstable();
        let speakers = (!view.speakers.is_empty()).then(|| {
            let mut sel = vec![false; ix.speakers.len()];
            for s in view.speakers.iter().filter_map(|n| ix.speaker_id(n)) {
                sel[s] = true;
            }
            sel
        });
        Filters {
            // An article id the index does not know keeps nothing (validation drops it before it gets here).
            article: view.article.as_ref().map(|id| ix.article_id(id).unwrap_or(usize::MAX)),
            q: fold(view.q.trim()),
            countries,
            speakers,
        }
    }

    /// The filters that are neither speakers nor countries: article and text.
    fn base(&self, ix: &Index, ui: usize, u: &Unit) -> bool {
        self.article.is_none_or(|a| a == u.article) && (self.q.is_empty() || ix.folded(ui).contains(&self.q))
    }

    fn country(&self, u: &Unit) -> bool {
        self.countries.is_empty() || u.countries.iter().any(|c| self.countries.binary_search(c).is_ok())
    }

    fn speaker_selected(&self, ix: &Index, quote: usize) -> bool {
        match &self.speakers {
            None => true,
            Some(sel) => ix.quote_speaker[quote].is_some_and(|s| sel[s]),
        }
    }

    fn speaker(&self, ix: &Index, u: &Unit) -> bool {
        self.speakers.is_none() || u.quotes.iter().any(|&q| self.speaker_selected(ix, q))
    }
}

impl Index {
    /// Everything a view shows.
    pub fn derive(&self, view: &View) -> Derived {
        let f = Filters::new(self, view);
        let a = &self.analysis;
        let mut visible = vec![false; self.units.len()];
        let mut speaker_counts = vec![0; self.speakers.len()];
        let mut country_counts = vec![0usize; a.entities.len()];
        let mut quotes = Vec::new();
        let mut entity_totals = vec![0usize; a.entities.len()];
        let charted: Vec<bool> = a.entities.iter().map(|e| view.kinds.contains(&e.kind)).collect();
        for (ui, u) in self.units.iter().enumerate() {
            if !f.base(self, ui, u) {
                continue;
            }
            let by_country = f.country(u);
            let by_speaker = f.speaker(self, u);
            if by_country {
                for &q in &u.quotes {
                    if let Some(s) = self.quote_speaker[q] {
                        speaker_counts[s] += 1;
                    }
                    if f.speaker_selected(self, q) {
                        quotes.push(q);
                    }
                }
            }
            if by_speaker {
                for &c in &u.direct_countries {
                    country_counts[c] += 1;
                }
            }
            if by_country && by_speaker {
                visible[ui] = true;
                for &(e, _) in &u.mentions {
                    if charted[e] {
                        entity_totals[e] += 1;
                    }
                }
            }
        }
        let article_visible: Vec<bool> = self.article_units.iter().map(|r| r.clone().any(|u| visible[u])).collect();
        let articles = (0..article_visible.len()).filter(|&i| article_visible[i]).collect();
        let mut countries: Vec<(usize, usize)> = self.countries.iter().map(|&c| (c, country_counts[c])).collect();
        countries.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| a.entities[x.0].name.cmp(&a.entities[y.0].name)));

        let mut top: Vec<usize> = (0..a.entities.len()).filter(|&e| entity_totals[e] > 0).collect();
        let n_entities = top.len();
        top.sort_by(|&x, &y| {
            entity_totals[y].cmp(&entity_totals[x]).then_with(|| a.entities[x].name.cmp(&a.entities[y].name))
        });
        top.truncate(TOP_BARS);
        let bars = top
            .into_iter()
            .map(|e| {
                let mut per_article = vec![0; a.articles.len()];
                for &u in &self.entity_units[e] {
                    if visible[u as usize] {
                        per_article[self.units[u as usize].article] += 1;
                    }
                }
                Bar { entity: e, per_article, total: entity_totals[e] }
            })
            .collect();

        let n_visible_units = visible.iter().filter(|v| **v).count();
        Derived {
            visible,
            article_visible,
            articles,
            speaker_counts,
            countries,
            quotes,
            bars,
            n_entities,
            n_visible_units,
        }
    }
}
