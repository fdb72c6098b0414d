//! What the page shows for a view: an index over the analysis built once, and the filtering, facet
//! counts and chart data derived from it for each view. No Yew here, so it is tested natively.
//!
//! Filters: several values of one kind combine with OR, different kinds with AND. A facet's counts
//! apply every filter but its own, so a list always shows what choosing one of its values would give.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use newsprism_core::lexis::fold::fold;
use newsprism_core::model::Analysis;
use newsprism_core::model::BlockKind;
use newsprism_core::model::{EntityKind, How};
use newsprism_core::Span;

use crate::route::View;

/// A block of an article that filters keep or hide: the headline, a caption or a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub article: usize,
    pub block: usize,
    pub kind: BlockKind,
    pub span: Span,
    /// The text folded for search (no accents, lowercase), as the core compares names.
    folded: String,
    /// Country entities named in it, directly or through a person tied to them.
    countries: Vec<usize>,
    /// Country entities named in it directly (for counting mentions).
    direct_countries: Vec<usize>,
    /// Quotes in it (indices into `analysis.quotes`).
    pub quotes: Vec<usize>,
    /// Mentions in it: (entity index, mention index).
    pub mentions: Vec<(usize, usize)>,
}

/// The analysis with the lookups every view needs, built once per analysis.
#[derive(Debug, Clone)]
pub struct Index {
    pub analysis: Rc<Analysis>,
    pub units: Vec<Unit>,
    /// Per article, the range of its units.
    pub article_units: Vec<std::ops::Range<usize>>,
    country_by_name: HashMap<String, usize>,
}

fn unit_at(units: &[Unit], range: &std::ops::Range<usize>, span: Span) -> Option<usize> {
    let slice = &units[range.clone()];
    let i = slice.partition_point(|u| u.span.end < span.end);
    (i < slice.len() && slice[i].span.contains(span)).then_some(range.start + i)
}

/// One index per analysis: two are the same when they index the same analysis (a pointer comparison, so
/// props and memos never walk the whole analysis).
impl PartialEq for Index {
    fn eq(&self, other: &Index) -> bool {
        Rc::ptr_eq(&self.analysis, &other.analysis)
    }
}

impl Index {
    pub fn new(analysis: Rc<Analysis>) -> Index {
        let mut units = Vec::new();
        let mut article_units = Vec::with_capacity(analysis.articles.len());
        let mut article_by_id = HashMap::new();
        for (ai, a) in analysis.articles.iter().enumerate() {
            article_by_id.insert(a.id.as_str(), ai);
            let start = units.len();
            for (bi, b) in a.blocks.iter().enumerate() {
                if matches!(b.kind, BlockKind::Headline | BlockKind::Caption | BlockKind::Paragraph) {
                    let span = b.span();
                    units.push(Unit {
                        article: ai,
                        block: bi,
                        kind: b.kind,
                        span,
                        folded: fold(span.of(&a.text)),
                        countries: Vec::new(),
                        direct_countries: Vec::new(),
                        quotes: Vec::new(),
                        mentions: Vec::new(),
                    });
                }
            }
            article_units.push(start..units.len());
        }
        let mut country_by_name = HashMap::new();
        let person_country: Vec<Option<usize>> = analysis
            .entities
            .iter()
            .map(|e| e.country.as_ref().and_then(|c| analysis.entities.iter().position(|x| &x.id == c)))
            .collect();
        for (ei, e) in analysis.entities.iter().enumerate() {
            if e.kind == EntityKind::Country {
                country_by_name.insert(e.name.clone(), ei);
            }
            for (mi, m) in e.mentions.iter().enumerate() {
                let Some(&ai) = article_by_id.get(m.article.as_str()) else { continue };
                let Some(u) = unit_at(&units, &article_units[ai], Span::new(m.start, m.end)) else { continue };
                units[u].mentions.push((ei, mi));
                match e.kind {
                    EntityKind::Country => {
                        units[u].countries.push(ei);
                        units[u].direct_countries.push(ei);
                    }
                    // A person or a place ties the block to its country.
                    EntityKind::Person | EntityKind::Place => {
                        if let Some(c) = person_country[ei] {
                            units[u].countries.push(c);
                        }
                    }
                    EntityKind::Organization => {}
                }
            }
        }
        for (qi, q) in analysis.quotes.iter().enumerate() {
            let Some(&ai) = article_by_id.get(q.article.as_str()) else { continue };
            if let Some(u) = unit_at(&units, &article_units[ai], Span::new(q.start, q.end)) {
                units[u].quotes.push(qi);
            }
        }
        for u in &mut units {
            u.countries.sort_unstable();
            u.countries.dedup();
            u.mentions.sort_by_key(|&(e, m)| analysis.entities[e].mentions[m].start);
        }
        Index { analysis, units, article_units, country_by_name }
    }

    /// The speaker name of a quote, if attributed.
    pub fn speaker_name(&self, quote: usize) -> Option<&str> {
        self.analysis.quotes[quote].speaker.as_ref().map(|s| s.name.as_str())
    }

    /// Whether a speaker name or country name exists in this analysis (for checking a link's values).
    pub fn has_speaker(&self, name: &str) -> bool {
        self.analysis.speakers.iter().any(|s| s.name == name)
    }

    pub fn has_country(&self, name: &str) -> bool {
        self.country_by_name.contains_key(name)
    }

    pub fn has_article(&self, id: &str) -> bool {
        self.analysis.articles.iter().any(|a| a.id == id)
    }

    /// Drops the link's values this analysis does not know, with a notice for each.
    pub fn validate(&self, view: &mut View) -> Vec<String> {
        let mut notices = Vec::new();
        view.speakers.retain(|s| {
            let ok = self.has_speaker(s);
            if !ok {
                notices.push(format!("No speaker named “{s}” in these articles; that filter was ignored."));
            }
            ok
        });
        view.countries.retain(|c| {
            let ok = self.has_country(c);
            if !ok {
                notices.push(format!("No country “{c}” is mentioned in these articles; that filter was ignored."));
            }
            ok
        });
        if let Some(a) = view.article.clone() {
            if !self.has_article(&a) {
                notices.push(format!("No article “{a}” here; showing all articles."));
                view.article = None;
            }
        }
        notices
    }
}

/// Which filters to apply when deciding whether a unit is kept.
#[derive(Clone, Copy)]
struct Apply {
    speakers: bool,
    countries: bool,
}

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
    /// Speaker facet: (name, quotes) for every speaker, most quoted first.
    pub speakers: Vec<(String, usize)>,
    /// Country facet: (country entity index, mentions), most mentioned first.
    pub countries: Vec<(usize, usize)>,
    /// Quotes shown (indices into `analysis.quotes`), in article order.
    pub quotes: Vec<usize>,
    /// The most-mentioned entities of the view's kinds among the shown units.
    pub bars: Vec<Bar>,
    pub n_visible_units: usize,
}

/// How many bars the mention chart shows.
pub const TOP_BARS: usize = 15;

impl Index {
    fn keeps(&self, u: &Unit, view: &View, q: &str, apply: Apply) -> bool {
        let a = &self.analysis.articles[u.article];
        if view.article.as_ref().is_some_and(|id| *id != a.id) {
            return false;
        }
        if !q.is_empty() && !u.folded.contains(q) {
            return false;
        }
        if apply.countries && !view.countries.is_empty() {
            let selected: Vec<usize> =
                view.countries.iter().filter_map(|c| self.country_by_name.get(c).copied()).collect();
            if !u.countries.iter().any(|c| selected.contains(c)) {
                return false;
            }
        }
        if apply.speakers && !view.speakers.is_empty() {
            let by_selected =
                u.quotes.iter().any(|&qi| self.speaker_name(qi).is_some_and(|n| view.speakers.contains(n)));
            if !by_selected {
                return false;
            }
        }
        true
    }

    /// Everything a view shows.
    pub fn derive(&self, view: &View) -> Derived {
        let q = fold(view.q.trim());
        let all = Apply { speakers: true, countries: true };
        let visible: Vec<bool> = self.units.iter().map(|u| self.keeps(u, view, &q, all)).collect();
        let article_visible: Vec<bool> = self.article_units.iter().map(|r| r.clone().any(|u| visible[u])).collect();

        let mut speaker_counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut country_counts: BTreeMap<usize, usize> = BTreeMap::new();
        let no_speakers = Apply { speakers: false, countries: true };
        let no_countries = Apply { speakers: true, countries: false };
        for u in &self.units {
            if self.keeps(u, view, &q, no_speakers) {
                for &qi in &u.quotes {
                    if let Some(n) = self.speaker_name(qi) {
                        *speaker_counts.entry(n).or_default() += 1;
                    }
                }
            }
            if self.keeps(u, view, &q, no_countries) {
                for &c in &u.direct_countries {
                    *country_counts.entry(c).or_default() += 1;
                }
            }
        }
        let mut speakers: Vec<(String, usize)> = self.analysis.speakers.iter().map(|s| (s.name.clone(), 0)).collect();
        speakers.dedup_by(|a, b| a.0 == b.0);
        for s in &mut speakers {
            s.1 = speaker_counts.get(s.0.as_str()).copied().unwrap_or(0);
        }
        speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        speakers.dedup_by(|a, b| a.0 == b.0);
        let mut countries: Vec<(usize, usize)> = self
            .analysis
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Country && !e.mentions.is_empty())
            .map(|(i, _)| (i, country_counts.get(&i).copied().unwrap_or(0)))
            .collect();
        countries.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| self.analysis.entities[a.0].name.cmp(&self.analysis.entities[b.0].name))
        });

        let mut quotes = Vec::new();
        for u in &self.units {
            if !self.keeps(u, view, &q, no_speakers) {
                continue;
            }
            for &qi in &u.quotes {
                let by = self.speaker_name(qi);
                if view.speakers.is_empty() || by.is_some_and(|n| view.speakers.contains(n)) {
                    quotes.push(qi);
                }
            }
        }

        let n_articles = self.analysis.articles.len();
        let mut per_entity: HashMap<usize, Vec<usize>> = HashMap::new();
        for (ui, u) in self.units.iter().enumerate() {
            if !visible[ui] {
                continue;
            }
            for &(e, _) in &u.mentions {
                if view.kinds.contains(&self.analysis.entities[e].kind) {
                    per_entity.entry(e).or_insert_with(|| vec![0; n_articles])[u.article] += 1;
                }
            }
        }
        let mut bars: Vec<Bar> = per_entity
            .into_iter()
            .map(|(entity, per_article)| Bar { entity, total: per_article.iter().sum(), per_article })
            .collect();
        bars.sort_by(|a, b| {
            b.total
                .cmp(&a.total)
                .then_with(|| self.analysis.entities[a.entity].name.cmp(&self.analysis.entities[b.entity].name))
        });
        bars.truncate(TOP_BARS);

        let n_visible_units = visible.iter().filter(|v| **v).count();
        Derived { visible, article_visible, speakers, countries, quotes, bars, n_visible_units }
    }

    /// For the story view: each article's mentions of `entity` as positions along the article (0 = its
    /// first block, 1 = its last), among the shown units.
    pub fn positions(&self, entity: usize, visible: &[bool]) -> Vec<Vec<f32>> {
        self.article_units
            .iter()
            .map(|r| {
                let n = r.len().max(2) as f32 - 1.0;
                r.clone()
                    .filter(|&u| visible[u])
                    .flat_map(|u| {
                        let pos = (u - r.start) as f32 / n;
                        self.units[u].mentions.iter().filter(move |(e, _)| *e == entity).map(move |_| pos)
                    })
                    .collect()
            })
            .collect()
    }

    /// A title for an article (the core's display title).
    pub fn title(&self, article: usize) -> String {
        self.analysis.articles[article].display_title()
    }

    /// A human explanation of a mention: "Moscow → Russia, capital".
    pub fn explain(&self, entity: usize, mention: usize) -> String {
        let e = &self.analysis.entities[entity];
        let m = &e.mentions[mention];
        let how = match m.how {
            How::Ner => "found by the tagger",
            How::Alias => "another name for them",
            How::Name => "name",
            How::Demonym => "demonym",
            How::Capital => "capital",
            How::Seat => "seat of power",
            How::Description => "description",
        };
        let kind = e.kind.name();
        let text = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text == e.name {
            format!("{} ({kind}), {how}", e.name)
        } else {
            format!("{text} → {} ({kind}), {how}", e.name)
        }
    }
}

#[cfg(test)]
mod tests;
