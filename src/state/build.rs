//! Building an [`Index`] in steps of bounded work, so that the page can index a large analysis over many
//! short tasks ([`Builder::step`]) instead of one long one. [`Index::new`] runs the same steps at once.
//!
//! The work of a step is counted in items: an article and each of its blocks, each mention of an entity
//! (an entity without any, one), a quote, a unit and each of its mentions; whatever the analysis, a step
//! does at most its budget, unless its first item alone passes it ([`Builder::next_cost`] says so
//! beforehand); an entity's mentions, however many, are placed over several steps.

use std::collections::HashMap;
use std::rc::Rc;

use newsprism_core::model::{Analysis, BlockKind, EntityKind};
use newsprism_core::Span;

use super::{outlet_name, unit_at, Index, SpeakerEntry, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Per article: its units, its id, its outlet.
    Articles,
    /// Per entity: its id.
    EntityIds,
    /// Per entity: the country it ties to, its mentions placed in units.
    Mentions,
    /// Per quote: its unit, its speaker, its id.
    Quotes,
    /// The speakers ordered, most quoted first (one item per speaker).
    Speakers,
    /// Per unit: its countries and mentions sorted.
    Units,
    Done,
}

impl Phase {
    /// The phase after this one.
    fn next(self) -> Phase {
        match self {
            Phase::Articles => Phase::EntityIds,
            Phase::EntityIds => Phase::Mentions,
            Phase::Mentions => Phase::Quotes,
            Phase::Quotes => Phase::Speakers,
            Phase::Speakers => Phase::Units,
            Phase::Units | Phase::Done => Phase::Done,
        }
    }
}

/// An index under construction.
pub struct Builder {
    analysis: Rc<Analysis>,
    phase: Phase,
    /// The next item of the phase.
    at: usize,
    /// In the mentions phase, the next mention of entity `at` (an entity's mentions are placed over as many
    /// steps as their number asks).
    mention_at: usize,
    units: Vec<Unit>,
    article_units: Vec<std::ops::Range<usize>>,
    article_by_id: HashMap<String, usize>,
    outlets: Vec<String>,
    outlet_by_name: HashMap<String, usize>,
    article_outlet: Vec<usize>,
    entity_by_id: HashMap<String, usize>,
    /// The country an entity is tied to: itself for a country, else its `country`.
    tied: Vec<Option<usize>>,
    country_by_name: HashMap<String, usize>,
    entity_units: Vec<Vec<u32>>,
    speakers: Vec<SpeakerEntry>,
    speaker_by_name: HashMap<String, usize>,
    quote_speaker: Vec<Option<usize>>,
    quote_unit: Vec<Option<usize>>,
    quote_by_id: HashMap<String, usize>,
    n_quotes: usize,
}

impl Builder {
    pub fn new(analysis: Rc<Analysis>) -> Builder {
        let (n_articles, n_entities, n_quotes) =
            (analysis.articles.len(), analysis.entities.len(), analysis.quotes.len());
        Builder {
            phase: Phase::Articles,
            at: 0,
            mention_at: 0,
            units: Vec::new(),
            article_units: Vec::with_capacity(n_articles),
            article_by_id: HashMap::with_capacity(n_articles),
            outlets: Vec::new(),
            outlet_by_name: HashMap::new(),
            article_outlet: Vec::with_capacity(n_articles),
            entity_by_id: HashMap::with_capacity(n_entities),
            tied: Vec::with_capacity(n_entities),
            country_by_name: HashMap::new(),
            entity_units: vec![Vec::new(); n_entities],
            speakers: Vec::new(),
            speaker_by_name: HashMap::new(),
            quote_speaker: Vec::with_capacity(n_quotes),
            quote_unit: Vec::with_capacity(n_quotes),
            quote_by_id: HashMap::with_capacity(n_quotes),
            n_quotes: 0,
            analysis,
        }
    }

    /// Whether every step is done ([`Builder::finish`] then makes the index at once).
    pub fn done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// Does about `budget` items of work (at least one item, unless done); returns the items done.
    pub fn step(&mut self, budget: usize) -> usize {
        let analysis = self.analysis.clone();
        let a = &*analysis;
        let mut work = 0;
        while work < budget.max(1) && self.phase != Phase::Done {
            if self.at >= self.items_of(self.phase) {
                self.phase = self.phase.next();
                self.at = 0;
                continue;
            }
            // An item that would pass the budget waits for the next step (one alone may pass it).
            if work > 0 && work + self.next_cost() > budget {
                break;
            }
            let i = self.at;
            if self.phase == Phase::Mentions {
                // An entity's mentions count one item each (an entity without any, one).
                let (placed, done) = self.mentions(a, i, budget.max(1) - work.min(budget.max(1) - 1));
                self.at += usize::from(done);
                work += placed.max(1);
                continue;
            }
            self.at += 1;
            work += 1 + match self.phase {
                Phase::Articles => self.article(a, i),
                Phase::EntityIds => {
                    self.entity_by_id.insert(a.entities[i].id.clone(), i);
                    0
                }
                Phase::Mentions => 0,
                Phase::Quotes => self.quote(a, i),
                Phase::Speakers => self.order_speakers(),
                Phase::Units => self.sort_unit(a, i),
                Phase::Done => 0,
            };
        }
        work
    }

    fn article(&mut self, a: &Analysis, ai: usize) -> usize {
        let x = &a.articles[ai];
        self.article_by_id.insert(x.id.clone(), ai);
        let start = self.units.len();
        for (bi, b) in x.blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Headline | BlockKind::Caption | BlockKind::Paragraph) {
                self.units.push(Unit {
                    article: ai,
                    block: bi,
                    kind: b.kind,
                    span: b.span(),
                    folded: std::cell::OnceCell::new(),
                    countries: Vec::new(),
                    direct_countries: Vec::new(),
                    quotes: Vec::new(),
                    mentions: Vec::new(),
                });
            }
        }
        self.article_units.push(start..self.units.len());
        let name = outlet_name(a, ai);
        let outlets = &mut self.outlets;
        let o = *self.outlet_by_name.entry(name.clone()).or_insert_with(|| {
            outlets.push(name);
            outlets.len() - 1
        });
        self.article_outlet.push(o);
        x.blocks.len()
    }

    /// How many items phase `phase` has.
    fn items_of(&self, phase: Phase) -> usize {
        let a = &*self.analysis;
        match phase {
            Phase::Articles => a.articles.len(),
            Phase::EntityIds | Phase::Mentions => a.entities.len(),
            Phase::Quotes => a.quotes.len(),
            Phase::Speakers => 1,
            Phase::Units => self.units.len(),
            Phase::Done => 0,
        }
    }

    /// The items of work the next step's first item takes (a phase just ended: the next phase's first; the
    /// mentions phase takes any budget), so a caller can end its slice before an item that would pass it.
    pub fn next_cost(&self) -> usize {
        let a = &*self.analysis;
        let (mut phase, mut at) = (self.phase, self.at);
        while at >= self.items_of(phase) {
            if phase == Phase::Done {
                return 0;
            }
            (phase, at) = (phase.next(), 0);
        }
        match phase {
            Phase::Articles => 1 + a.articles[at].blocks.len(),
            Phase::Speakers => 1 + self.speakers.len() + self.quote_speaker.len() / 8,
            Phase::Units => 1 + self.units[at].mentions.len(),
            Phase::EntityIds | Phase::Mentions | Phase::Quotes | Phase::Done => 1,
        }
    }

    /// Places up to `budget` more mentions of entity `ei` in their units (the country it ties to first);
    /// returns how many, and whether its mentions are all placed.
    fn mentions(&mut self, a: &Analysis, ei: usize, budget: usize) -> (usize, bool) {
        let e = &a.entities[ei];
        let tied = match e.kind {
            EntityKind::Country => Some(ei),
            _ => e.country.as_deref().and_then(|c| self.entity_by_id.get(c).copied()),
        };
        let from = self.mention_at;
        if from == 0 {
            self.tied.push(tied);
            if e.kind == EntityKind::Country {
                self.country_by_name.insert(e.name.clone(), ei);
            }
        }
        let to = e.mentions.len().min(from + budget.max(1));
        for (mi, m) in e.mentions.iter().enumerate().take(to).skip(from) {
            let Some(&ai) = self.article_by_id.get(m.article.as_str()) else { continue };
            let Some(u) = unit_at(&self.units, &self.article_units[ai], Span::new(m.start, m.end)) else { continue };
            let unit = &mut self.units[u];
            unit.mentions.push((ei, mi));
            self.entity_units[ei].push(u as u32);
            if e.kind == EntityKind::Country {
                unit.direct_countries.push(ei);
            }
            // A person, place or organization ties the block to its country.
            if let Some(c) = tied {
                unit.countries.push(c);
            }
        }
        let done = to == e.mentions.len();
        self.mention_at = if done { 0 } else { to };
        (to - from, done)
    }

    /// A quote's unit and speaker (speakers by name: the list, the counts and the filter all use the same
    /// names); a quotation ties its block to its speaker's country.
    fn quote(&mut self, a: &Analysis, qi: usize) -> usize {
        let q = &a.quotes[qi];
        self.quote_by_id.insert(q.id.clone(), qi);
        let unit = self
            .article_by_id
            .get(q.article.as_str())
            .and_then(|&ai| unit_at(&self.units, &self.article_units[ai], Span::new(q.start, q.end)));
        self.quote_unit.push(unit);
        let speaker = match (&q.speaker, unit) {
            (Some(s), Some(_)) => {
                let (speakers, entity_by_id) = (&mut self.speakers, &self.entity_by_id);
                Some(*self.speaker_by_name.entry(s.name.clone()).or_insert_with(|| {
                    let entity = s.entity.as_deref().and_then(|id| entity_by_id.get(id).copied());
                    speakers.push(SpeakerEntry { name: s.name.clone(), entity, quotes: 0 });
                    speakers.len() - 1
                }))
            }
            _ => None,
        };
        self.quote_speaker.push(speaker);
        if let Some(u) = unit {
            self.n_quotes += 1;
            self.units[u].quotes.push(qi);
            if let Some(s) = speaker {
                self.speakers[s].quotes += 1;
                if let Some(c) = self.speakers[s].entity.and_then(|e| self.tied[e]) {
                    self.units[u].countries.push(c);
                }
            }
        }
        0
    }

    /// Most quoted first, then by name; the ids follow the new order.
    fn order_speakers(&mut self) -> usize {
        let speakers = &self.speakers;
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        order.sort_by(|&a, &b| {
            speakers[b].quotes.cmp(&speakers[a].quotes).then_with(|| speakers[a].name.cmp(&speakers[b].name))
        });
        let mut new_id = vec![0; speakers.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new;
        }
        self.speakers = order.iter().map(|&i| self.speakers[i].clone()).collect();
        for s in self.quote_speaker.iter_mut().flatten() {
            *s = new_id[*s];
        }
        for (name, id) in self.speaker_by_name.iter_mut() {
            *id = new_id[*id];
            debug_assert_eq!(&self.speakers[*id].name, name);
        }
        self.speakers.len() + self.quote_speaker.len() / 8
    }

    fn sort_unit(&mut self, a: &Analysis, u: usize) -> usize {
        let unit = &mut self.units[u];
        unit.countries.sort_unstable();
        unit.countries.dedup();
        unit.mentions.sort_by_key(|&(e, m)| a.entities[e].mentions[m].start);
        unit.mentions.len()
    }

    /// The index, once [`Builder::done`] (steps still to do are done first).
    pub fn finish(mut self) -> Index {
        while !self.done() {
            self.step(usize::MAX);
        }
        let analysis = self.analysis;
        let entity_units = self.entity_units;
        let mut countries: Vec<usize> = analysis
            .entities
            .iter()
            .enumerate()
            .filter(|(i, e)| e.kind == EntityKind::Country && !entity_units[*i].is_empty())
            .map(|(i, _)| i)
            .collect();
        countries.sort_by(|&a, &b| analysis.entities[a].name.cmp(&analysis.entities[b].name));
        Index {
            analysis,
            units: self.units,
            article_units: self.article_units,
            speakers: self.speakers,
            quote_speaker: self.quote_speaker,
            quote_unit: self.quote_unit,
            n_quotes: self.n_quotes,
            countries,
            entity_units,
            outlets: self.outlets,
            article_outlet: self.article_outlet,
            quote_by_id: self.quote_by_id,
            speaker_by_name: self.speaker_by_name,
            country_by_name: self.country_by_name,
            article_by_id: self.article_by_id,
        }
    }
}
