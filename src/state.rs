//! What the page shows for a view: an index over the analysis built once, and the filtering, facet
//! counts and chart data derived from it for each view (`state/derive.rs`). No Yew here, so it is tested
//! natively.
//!
//! The index is the one source of truth for what the page counts: its speakers are what the speaker list
//! offers, its countries what the country list offers, its quotes what "Who said what" shows unfiltered, and
//! the header counts exactly these.
//!
//! Filters: several values of one kind combine with OR, different kinds with AND. A facet's counts
//! apply every filter but its own, so a list always shows what choosing one of its values would give.

use std::collections::HashMap;
use std::rc::Rc;

use newsprism_core::analysis::corrections::apply as apply_corrections;
use newsprism_core::compare::{quotes::describe_all, scope::restrict};
use newsprism_core::lexis::fold::fold;
use newsprism_core::model::Analysis;
use newsprism_core::model::BlockKind;
use newsprism_core::model::How;
use newsprism_core::Span;

use crate::route::View;

mod build;
mod derive;
pub use build::Builder;
pub mod doubt;
pub mod metadata;
pub use derive::{Bar, Derived, TOP_BARS};

/// The analysis a view works on: the reader's corrections applied, then the chosen story's articles only
/// (as if only they had been given), with the outlet names, dates and addresses the reader gave; and a message for each
/// correction that could not be applied. The same analysis (no copy) when the view changes none of it.
pub fn scoped(full: &Rc<Analysis>, view: &View) -> (Rc<Analysis>, Vec<String>) {
    let story = view.story.as_ref().and_then(|id| full.stories.iter().find(|s| &s.id == id));
    if story.is_none() && !view.describes_articles() && view.corrections.is_empty() {
        return (full.clone(), Vec::new());
    }
    let (corrected, problems) = if view.corrections.is_empty() {
        (None, Vec::new())
    } else {
        let (a, problems) = apply_corrections(full, &view.corrections);
        (Some(a), problems)
    };
    let base = corrected.as_ref().unwrap_or(&**full);
    let mut a = match story {
        Some(s) => restrict(base, &s.articles),
        None => base.clone(),
    };
    if view.describes_articles() {
        for x in &mut a.articles {
            if let Some(name) = view.outlets.get(&x.id) {
                x.outlet = Some(name.clone());
            }
            if let Some(date) = view.dates.get(&x.id) {
                x.published = Some(date.clone());
            }
            if let Some(url) = view.urls.get(&x.id) {
                x.url = Some(url.clone());
            }
        }
        // The clusters name the outlets carrying them and the earliest version: describe them again.
        let at: HashMap<&str, usize> = a.quotes.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
        let clusters: Vec<(String, Vec<usize>)> = a
            .quote_clusters
            .iter()
            .map(|c| (c.id.clone(), c.quotes.iter().filter_map(|q| at.get(q.as_str()).copied()).collect()))
            .collect();
        a.quote_clusters = describe_all(&a.articles, &a.quotes, clusters);
    }
    let problems = problems.into_iter().map(|p| format!("Correction not applied: {p}.")).collect();
    (Rc::new(a), problems)
}

/// A block of an article that filters keep or hide: the headline, a caption or a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub article: usize,
    pub block: usize,
    pub kind: BlockKind,
    pub span: Span,
    /// The text folded for search (no accents, lowercase), as the core compares names: made on first use
    /// or ahead of it ([`Index::fold_ahead`]), so that indexing a large analysis stays one short task.
    folded: std::cell::OnceCell<String>,
    /// Country entities the block is about: named in it, or tied to a person or place named in it, or to
    /// the speaker of a quotation in it. Sorted.
    countries: Vec<usize>,
    /// Country entities named in it directly (for counting mentions).
    direct_countries: Vec<usize>,
    /// Quotes in it (indices into `analysis.quotes`).
    pub quotes: Vec<usize>,
    /// Mentions in it: (entity index, mention index), in text order.
    pub mentions: Vec<(usize, usize)>,
}

/// A speaker as the page lists it: one name, with every quotation given to that name.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerEntry {
    pub name: String,
    /// The speaker's entity, when the name stands for one.
    pub entity: Option<usize>,
    /// Quotations (in units) given to this name.
    pub quotes: usize,
}

/// The analysis with the lookups every view needs, built once per analysis.
#[derive(Debug, Clone)]
pub struct Index {
    pub analysis: Rc<Analysis>,
    pub units: Vec<Unit>,
    /// Per article, the range of its units.
    pub article_units: Vec<std::ops::Range<usize>>,
    /// The speakers the list offers, most quoted first (then by name).
    pub speakers: Vec<SpeakerEntry>,
    /// Per quote: its speaker (index into `speakers`), if attributed.
    pub quote_speaker: Vec<Option<usize>>,
    /// Per quote: the unit holding it. Quotes outside any unit are not shown (and not counted).
    pub quote_unit: Vec<Option<usize>>,
    /// Quotes shown by the page (those in a unit), in article order.
    pub n_quotes: usize,
    /// The country entities the list offers (those mentioned), by name.
    pub countries: Vec<usize>,
    /// Per entity, the units of its mentions (one entry per mention placed in a unit).
    pub entity_units: Vec<Vec<u32>>,
    /// The outlets, in the order of their first article: the analysis's or the reader's name, else the
    /// article's file name (so every article has one, and a reader can name it).
    pub outlets: Vec<String>,
    /// Per article, its outlet (index into `outlets`).
    pub article_outlet: Vec<usize>,
    quote_by_id: HashMap<String, usize>,
    speaker_by_name: HashMap<String, usize>,
    country_by_name: HashMap<String, usize>,
    article_by_id: HashMap<String, usize>,
}

/// An article's outlet as the page names it: the analysis's (or the reader's) name, else the last part
/// of its source ("report.txt").
fn outlet_name(a: &Analysis, article: usize) -> String {
    let x = &a.articles[article];
    match x.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        Some(o) => o.to_string(),
        None => x.source.rsplit(['/', '\\']).next().unwrap_or(&x.source).to_string(),
    }
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
    /// The index of an analysis, built at once (the page builds a large one over many tasks with
    /// [`Builder`]).
    pub fn new(analysis: Rc<Analysis>) -> Index {
        Builder::new(analysis).finish()
    }

    /// Unit `u`'s text folded for search.
    pub fn folded(&self, u: usize) -> &str {
        let unit = &self.units[u];
        unit.folded.get_or_init(|| fold(unit.span.of(&self.analysis.articles[unit.article].text)))
    }

    /// Folds the text of units `from..` for search, about `bytes` of text; returns where to go on from
    /// (`units.len()` when all are done). The page calls it a slice per task after an analysis arrives.
    pub fn fold_ahead(&self, from: usize, bytes: usize) -> usize {
        let mut done = 0;
        let mut u = from;
        while u < self.units.len() && done < bytes {
            done += self.folded(u).len();
            u += 1;
        }
        u
    }

    /// The speaker name of a quote, if attributed.
    pub fn speaker_name(&self, quote: usize) -> Option<&str> {
        self.quote_speaker[quote].map(|s| self.speakers[s].name.as_str())
    }

    /// The speaker id of a name, if the list offers it.
    pub fn speaker_id(&self, name: &str) -> Option<usize> {
        self.speaker_by_name.get(name).copied()
    }

    /// Whether a speaker name or country name exists in this analysis (for checking a link's values).
    pub fn has_speaker(&self, name: &str) -> bool {
        self.speaker_by_name.contains_key(name)
    }

    pub fn country_id(&self, name: &str) -> Option<usize> {
        self.country_by_name.get(name).copied().filter(|c| self.countries.contains(c))
    }

    pub fn has_country(&self, name: &str) -> bool {
        self.country_id(name).is_some()
    }

    pub fn article_id(&self, id: &str) -> Option<usize> {
        self.article_by_id.get(id).copied()
    }

    pub fn has_article(&self, id: &str) -> bool {
        self.article_by_id.contains_key(id)
    }

    /// The article a quote is in.
    pub fn quote_article(&self, quote: usize) -> usize {
        self.article_id(&self.analysis.quotes[quote].article).unwrap_or(0)
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

    /// For the story view: each article's mentions of `entity` as positions along the article (0 = its
    /// first block, 1 = its last), among the shown units.
    pub fn positions(&self, entity: usize, visible: &[bool]) -> Vec<Vec<f32>> {
        let mut out = vec![Vec::new(); self.article_units.len()];
        for &u in &self.entity_units[entity] {
            let u = u as usize;
            if !visible[u] {
                continue;
            }
            let a = self.units[u].article;
            let r = &self.article_units[a];
            let n = r.len().max(2) as f32 - 1.0;
            out[a].push((u - r.start) as f32 / n);
        }
        out
    }

    /// A title for an article (the core's display title).
    pub fn title(&self, article: usize) -> String {
        self.analysis.articles[article].display_title()
    }

    /// The article's outlet (as the analysis names it), if known.
    pub fn outlet(&self, article: usize) -> Option<&str> {
        self.analysis.articles[article].outlet.as_deref()
    }

    /// The article's outlet, else the last part of its source ("report.txt").
    pub fn outlet_or_source(&self, article: usize) -> String {
        self.outlets[self.article_outlet[article]].clone()
    }

    /// The outlet of a quote's article (index into `outlets`).
    pub fn quote_outlet(&self, quote: usize) -> usize {
        self.article_outlet[self.quote_article(quote)]
    }

    /// A quote by its id.
    pub fn quote_id(&self, id: &str) -> Option<usize> {
        self.quote_by_id.get(id).copied()
    }

    /// A short, stable label for an article in lists and charts: its outlet and number ("Al Jazeera ·
    /// article 3"). The reader numbers its articles the same way.
    pub fn article_label(&self, article: usize) -> String {
        format!("{} · article {}", self.outlet_or_source(article), article + 1)
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
