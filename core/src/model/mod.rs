//! The contract: the analysis as the core hands it out (serialised as the CLI's JSON), and nothing else.
//! Imports no pipeline stage; every stage imports it.

pub mod article;
pub mod corrections;
pub mod entity;
pub mod quote;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

pub use article::{Article, Block, BlockKind, Boilerplate, BoilerplateReason, Section, Snippet};
pub use corrections::Corrections;
pub use entity::{Alias, Entity, EntityKind, How, Mention};
pub use quote::{Alternative, MentionSpan, Quote, QuoteKind, Rule, Speaker};

/// Everything the core found in a set of inputs.
///
/// In JSON, `entities` holds the people, countries and organizations (the contract's kinds) and `places`
/// the places, in the same shape; in memory both are `entities`, places last (their kind sorts last).
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(from = "Wire")]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    /// People, countries, organizations and places, each merged across the corpus with all its mentions.
    pub entities: Vec<Entity>,
    /// Speakers with their quote counts, most quoted first.
    pub speakers: Vec<SpeakerCount>,
    /// The stories a mixed feed holds: articles about one event (one story for a one-event corpus).
    #[serde(default)]
    pub stories: Vec<Story>,
    /// Quotations that are one utterance reported by several articles (or twice in one).
    #[serde(default)]
    pub quote_clusters: Vec<QuoteCluster>,
    /// Inputs that could not be loaded; the others are analysed regardless.
    pub errors: Vec<InputError>,
    /// A reader's corrections this analysis carries, applied ([`crate::analysis::corrections`]).
    pub corrections: Corrections,
}

/// The entities of some kinds, serialised as one list without copying them.
struct OfKinds<'a>(&'a [Entity], fn(EntityKind) -> bool);

impl Serialize for OfKinds<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().filter(|e| (self.1)(e.kind)))
    }
}

impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Analysis", 9)?;
        st.serialize_field("articles", &self.articles)?;
        st.serialize_field("quotes", &self.quotes)?;
        st.serialize_field("entities", &OfKinds(&self.entities, |k| k != EntityKind::Place))?;
        st.serialize_field("places", &OfKinds(&self.entities, |k| k == EntityKind::Place))?;
        st.serialize_field("speakers", &self.speakers)?;
        st.serialize_field("stories", &self.stories)?;
        st.serialize_field("quote_clusters", &self.quote_clusters)?;
        st.serialize_field("errors", &self.errors)?;
        if !self.corrections.is_empty() {
            st.serialize_field("corrections", &self.corrections)?;
        }
        st.end()
    }
}

/// An analysis as its JSON holds it: places apart from the other entities.
#[derive(Deserialize)]
struct Wire {
    articles: Vec<Article>,
    quotes: Vec<Quote>,
    entities: Vec<Entity>,
    #[serde(default)]
    places: Vec<Entity>,
    speakers: Vec<SpeakerCount>,
    #[serde(default)]
    stories: Vec<Story>,
    #[serde(default)]
    quote_clusters: Vec<QuoteCluster>,
    errors: Vec<InputError>,
    #[serde(default)]
    corrections: Corrections,
}

impl From<Wire> for Analysis {
    fn from(w: Wire) -> Analysis {
        let mut entities = w.entities;
        entities.extend(w.places);
        Analysis {
            articles: w.articles,
            quotes: w.quotes,
            entities,
            speakers: w.speakers,
            stories: w.stories,
            quote_clusters: w.quote_clusters,
            errors: w.errors,
            corrections: w.corrections,
        }
    }
}

/// Articles about one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// "story-1", … in the order of their first article.
    pub id: String,
    /// The names the story's articles share most ("Lindsay Lohan · Betty Ford Center").
    pub label: String,
    /// Article ids, in input order.
    pub articles: Vec<String>,
}

/// One utterance as several articles report it: whole, cut, re-punctuated or misspelt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteCluster {
    /// "qc-1", … in the order of their first quote.
    pub id: String,
    /// The longest version's words.
    pub text: String,
    /// Quote ids, in the order of the analysis.
    pub quotes: Vec<String>,
    /// The outlets carrying it (their names; an article with no outlet adds its id).
    pub outlets: Vec<String>,
    /// The speakers it is credited to, by display name (more than one: the outlets disagree).
    pub speakers: Vec<String>,
    /// The reporting verbs used ("said", "claimed").
    pub verbs: Vec<String>,
    /// Whether outlets credit different speakers, or use different reporting verbs.
    pub speaker_differs: bool,
    pub verb_differs: bool,
    /// The quote with the longest version, and the one published first (input order when no date says).
    pub longest: String,
    pub earliest: String,
}

/// How many quotations one speaker has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerCount {
    /// The entity id, or "unnamed:ARTICLE:label" for an unnamed source.
    pub key: String,
    pub entity: Option<String>,
    pub name: String,
    pub unnamed: bool,
    /// Number of quotations (each part of a quote over several paragraphs counts).
    pub quotes: usize,
    /// Ids of the articles quoting this speaker.
    pub articles: Vec<String>,
}

/// An input that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// The input's name as given.
    pub input: String,
    /// A short code for the kind of problem: "empty", "binary", "invalid_utf8", "malformed_json", ...
    pub code: String,
    /// A sentence naming the input and the problem.
    pub message: String,
}

impl From<&crate::error::LoadError> for InputError {
    fn from(e: &crate::error::LoadError) -> Self {
        InputError { input: e.name().to_string(), code: e.code().to_string(), message: e.to_string() }
    }
}
