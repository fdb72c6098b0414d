//! The contract: the analysis as the core hands it out (serialised as the CLI's JSON), and nothing else.
//! Imports no pipeline stage; every stage imports it.

pub mod article;
pub mod entity;
pub mod quote;

use serde::{Deserialize, Serialize};

pub use article::{Article, Block, BlockKind, Boilerplate, BoilerplateReason, Section, Snippet};
pub use entity::{Alias, Entity, EntityKind, How, Mention};
pub use quote::{MentionSpan, Quote, QuoteKind, Rule, Speaker};

/// Everything the core found in a set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    /// People, countries and organizations, each merged across the corpus with all its mentions.
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
