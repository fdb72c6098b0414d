//! From tagged mentions to the entities a reader thinks in: people, organizations, countries, places.
//!
//! People are resolved first (their names claim their spans), then organizations, then countries, then
//! other places, so a place inside a person's or organization's name is not counted as a mention of that
//! place or its country, and a country is not also a place.

pub mod chunks;
pub mod countries;
pub mod names;
pub mod orgs;
pub mod people;
pub mod places;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::fold::fold;
use crate::lexis::orgs::KnownOrg;
use crate::lexis::places::Place;
use crate::model::entity::{self, Entity, How};
use crate::model::{Article, Quote};
use crate::span::Span;
use crate::tag::article::TaggedArticle;
use crate::tag::features::word_key;
use crate::tag::gazetteer::{country_forms, org_forms, Gazetteer, Haystack};
use crate::tag::lexicon::Lexicon;

/// The reference tables the resolvers read, and the gazetteers made from them: built once by the caller
/// and passed down (through every [`Doc`]).
pub struct Tables {
    pub countries: &'static Countries,
    pub orgs: &'static [KnownOrg],
    pub places: &'static [Place],
    /// Every country form, its payload the form's index in [`Countries::forms`].
    pub country_forms: Gazetteer,
    /// Every name and alias of the organization table, its payload the row.
    pub org_forms: Gazetteer,
    /// The place table, its payload the row.
    pub place_forms: Gazetteer,
    /// Every name, alternate name, demonym, capital and seat of a country, folded, to the country's id
    /// (a sovereign country's first): how a story's profile counts countries.
    pub country_ids: HashMap<String, String>,
    /// The names of states official names open with ([`Countries::state_names`]), each payload an index
    /// into [`Tables::state_countries`].
    pub state_forms: Gazetteer,
    /// The countries each state name may mean.
    pub state_countries: Vec<Vec<usize>>,
}

impl Tables {
    /// The gazetteers of the given tables.
    pub fn new(countries: &'static Countries, orgs: &'static [KnownOrg], places: &'static [Place]) -> Tables {
        let mut place_forms = Gazetteer::default();
        for (i, p) in places.iter().enumerate() {
            place_forms.add(p.name, 1, i as u32);
        }
        let mut country_ids = HashMap::new();
        for i in countries.forms_sovereign_first() {
            let form = &countries.forms[i];
            country_ids.entry(fold(&form.text)).or_insert_with(|| countries.countries[form.country].id());
        }
        let mut state_forms = Gazetteer::default();
        let mut state_countries = Vec::new();
        for (name, of) in countries.state_names() {
            state_forms.add(&name, 1, state_countries.len() as u32);
            state_countries.push(of);
        }
        Tables {
            countries,
            country_ids,
            state_forms,
            state_countries,
            orgs,
            places,
            country_forms: country_forms(countries),
            org_forms: org_forms(orgs),
            place_forms,
        }
    }

    /// The built-in tables ([`Countries::builtin`], [`crate::lexis::orgs::known`], [`crate::lexis::places::places`]).
    pub fn builtin() -> Tables {
        Tables::new(Countries::builtin(), crate::lexis::orgs::known(), crate::lexis::places::places())
    }
}

/// A found mention before it is attached to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub article: usize,
    pub span: Span,
    pub how: How,
}

/// One article as the resolver sees it.
pub struct Doc<'a> {
    pub index: usize,
    pub article: &'a Article,
    pub tagged: &'a TaggedArticle,
    pub tables: &'a Tables,
    /// The tagger's key of every token (normalised text, case kept), for gazetteer lookups.
    pub keys: Vec<u64>,
    /// The tagger's chunks made fit for resolving ([`chunks`]), in text order.
    pub chunks: Vec<chunks::Chunk>,
    /// The quoted words of the article's quotations: speech, whose capitals are the speaker's (or a tweet's),
    /// not the writer's evidence of a name.
    pub speech: SpanSet,
}

impl<'a> Doc<'a> {
    /// `speech` holds the spans of the article's quoted words (any order; overlapping ones are merged).
    pub fn new(
        index: usize,
        article: &'a Article,
        tagged: &'a TaggedArticle,
        tables: &'a Tables,
        speech: &[Span],
    ) -> Doc<'a> {
        let keys = tagged.tokens.iter().map(|t| word_key(t.text(&article.text))).collect();
        Doc { index, article, tagged, tables, keys, chunks: Vec::new(), speech: SpanSet::merged(speech) }
    }

    /// Whether tokens `a..b` lie inside one quotation.
    pub fn in_speech(&self, a: usize, b: usize) -> bool {
        self.speech.contains(self.span_of(a, b))
    }

    /// Tokens `range` (a sentence) as a gazetteer scans them.
    pub fn words(&self, range: std::ops::Range<usize>) -> Haystack {
        Haystack::of_words(range.map(|t| self.token_text(t)))
    }

    pub fn text(&self) -> &'a str {
        &self.article.text
    }

    pub fn token_text(&self, t: usize) -> &'a str {
        self.tagged.tokens[t].text(&self.article.text)
    }

    /// The cleaned chunks overlapping `span` (in text order, not overlapping: a binary search).
    pub fn chunks_overlapping(&self, span: Span) -> impl Iterator<Item = &chunks::Chunk> {
        let from = self.chunks.partition_point(|c| c.span.end <= span.start);
        self.chunks[from..].iter().take_while(move |c| c.span.start < span.end)
    }

    /// The byte span of tokens `a..b` (at least one token).
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        debug_assert!(a < b, "no tokens in {a}..{b}");
        Span::new(self.tagged.tokens[a].start as usize, self.tagged.tokens[b - 1].end as usize)
    }

    /// The token range of the sentence holding token `t`.
    pub fn sentence_tokens(&self, t: usize) -> std::ops::Range<usize> {
        self.tagged.sentence_of(t).map_or(t..t + 1, |s| self.tagged.sentences[s].tokens.clone())
    }

    /// Lowercased text of tokens `a..b`.
    pub fn lower_words(&self, a: usize, b: usize) -> Vec<String> {
        (a..b).map(|t| self.token_text(t).to_lowercase()).collect()
    }

    /// The index of the body paragraph holding `span`.
    pub fn paragraph_of(&self, span: Span) -> Option<usize> {
        let paragraphs = &self.article.paragraphs;
        let i = paragraphs.partition_point(|p| p.end < span.end);
        (i < paragraphs.len() && paragraphs[i].contains(span)).then_some(i)
    }

    /// A found mention as the output shows it.
    pub fn mention(&self, f: &Found) -> entity::Mention {
        entity::Mention {
            article: self.article.id.clone(),
            start: f.span.start,
            end: f.span.end,
            text: f.span.of(self.text()).to_string(),
            how: f.how,
            paragraph: self.paragraph_of(f.span),
        }
    }

    /// Whether token `t` is a possessive marker ("'s", "’s", "’").
    pub fn is_possessive(&self, t: usize) -> bool {
        matches!(self.token_text(t), "'s" | "’s" | "'" | "’" | "'S" | "’S")
    }

    /// A country form (name, demonym or seat) made of the tokens ending right before `end`, allowing a
    /// possessive after it ("Russia's", "the Kremlin"); returns (country index, first token, kind).
    pub fn country_modifier_before(
        &self,
        end: usize,
        countries: &Countries,
        sentence_start: usize,
    ) -> Option<(usize, usize, FormKind)> {
        let mut end = end;
        if end > sentence_start && self.is_possessive(end - 1) {
            end -= 1;
        }
        let gaz = &self.tables.country_forms;
        for len in (1..=3).rev() {
            if end < sentence_start + len {
                continue;
            }
            let start = end - len;
            if let Some((_, payload)) = gaz.lookup(&self.keys[start..end]) {
                let form = &countries.forms[payload as usize];
                if form.kind != FormKind::Capital {
                    return Some((form.country, start, form.kind));
                }
            }
        }
        None
    }
}

/// Disjoint spans of one article, ordered: whether a span overlaps one of them is a logarithmic look-up.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// start → end.
    spans: BTreeMap<usize, usize>,
}

impl SpanSet {
    /// Adds a span; callers add only spans that overlap none already there.
    pub fn insert(&mut self, span: Span) {
        debug_assert!(!self.overlaps(span) || self.spans.get(&span.start) == Some(&span.end));
        self.spans.insert(span.start, span.end);
    }

    /// The span overlapping `span`, if any (the one starting last before its end: spans are disjoint).
    fn overlapping(&self, span: Span) -> Option<Span> {
        let (&s, &e) = self.spans.range(..span.end).next_back()?;
        (e > span.start).then_some(Span::new(s, e))
    }

    pub fn overlaps(&self, span: Span) -> bool {
        self.overlapping(span).is_some()
    }

    /// The union of `spans` (in any order, overlapping or not) as disjoint spans.
    pub fn merged(spans: &[Span]) -> SpanSet {
        let mut sorted = spans.to_vec();
        sorted.sort_by_key(|s| (s.start, s.end));
        let mut set = SpanSet::default();
        let mut current: Option<Span> = None;
        for s in sorted {
            current = match current {
                Some(c) if s.start <= c.end => Some(Span::new(c.start, c.end.max(s.end))),
                Some(c) => {
                    set.insert(c);
                    Some(s)
                }
                None => Some(s),
            };
        }
        if let Some(c) = current {
            set.insert(c);
        }
        set
    }

    /// A span that contains `span` (or is it).
    pub fn contains(&self, span: Span) -> bool {
        self.overlapping(span).is_some_and(|s| s.contains(span))
    }

    /// A span strictly larger than `span` that contains it.
    pub fn contains_strictly(&self, span: Span) -> bool {
        self.overlapping(span).is_some_and(|s| s.contains(span) && s != span)
    }
}

/// Spans already taken by an entity, per article.
#[derive(Default)]
pub struct Claims {
    spans: Vec<SpanSet>,
}

impl Claims {
    pub fn new(n_articles: usize) -> Claims {
        Claims { spans: vec![SpanSet::default(); n_articles] }
    }

    pub fn claim(&mut self, article: usize, span: Span) {
        self.spans[article].insert(span);
    }

    pub fn overlaps(&self, article: usize, span: Span) -> bool {
        self.spans[article].overlaps(span)
    }

    /// A claimed span strictly larger than `span` that contains it.
    pub fn contains_strictly(&self, article: usize, span: Span) -> bool {
        self.spans[article].contains_strictly(span)
    }
}

/// Each article's quoted words: the spans of the quotes (any order) that belong to it, per article.
pub fn speech(articles: &[Article], quotes: &[Quote]) -> Vec<Vec<Span>> {
    let index: HashMap<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut speech = vec![Vec::new(); articles.len()];
    for q in quotes {
        if let Some(&i) = index.get(q.article.as_str()) {
            speech[i].push(Span::new(q.start, q.end));
        }
    }
    speech
}

/// Resolves the entities of a corpus. `speech` holds each article's quoted words (spans, per article);
/// `lexicon` is the tagger's, telling which words are usually lowercase; `tables` the reference tables.
pub fn resolve(
    articles: &[Article],
    tagged: &[TaggedArticle],
    speech: &[Vec<Span>],
    lexicon: &Lexicon,
    tables: &Tables,
) -> Vec<Entity> {
    let none = Vec::new();
    let mut docs: Vec<Doc> = articles
        .iter()
        .zip(tagged)
        .enumerate()
        .map(|(i, (a, t))| Doc::new(i, a, t, tables, speech.get(i).unwrap_or(&none)))
        .collect();
    let cleaned = chunks::clean(&docs, lexicon);
    for (d, chunks) in docs.iter_mut().zip(cleaned) {
        d.chunks = chunks;
    }
    let countries = tables.countries;
    let mut claims = Claims::new(docs.len());
    let mut entities = people::resolve(&docs, countries, lexicon, &mut claims);
    entities.extend(orgs::resolve(&docs, countries, lexicon, &mut claims));
    let country_entities = countries::resolve(&docs, countries, &mut claims);
    entities.extend(places::resolve(&docs, &mut claims));
    // Countries that people or organizations belong to exist as entities even if never named.
    let mut all = country_entities;
    let mut listed: HashSet<String> = all.iter().map(|e| e.id.clone()).collect();
    for e in &entities {
        if let Some(c) = &e.country {
            if listed.insert(c.clone()) {
                if let Some(country) = c.strip_prefix("country:").and_then(|code| countries.by_code(code)) {
                    all.push(Entity::new(
                        c.clone(),
                        entity::EntityKind::Country,
                        countries.countries[country].name.clone(),
                    ));
                }
            }
        }
    }
    all.extend(entities);
    for e in &mut all {
        e.finish();
    }
    all.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then(b.mentions.len().cmp(&a.mentions.len())).then_with(|| a.name.cmp(&b.name))
    });
    all
}
