//! The analysis as the core hands it out: articles, quotations, load errors. Serialised as the CLI's JSON.

use serde::{Deserialize, Serialize};

use crate::attribute::{Rule, Speaker};
use crate::parse::layout::{Block, BoilerplateReason};
use crate::parse::quote::QuoteKind;
use crate::resolve::entity::Entity;
use crate::span::Span;

/// Everything the core found in a set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    /// People, countries and organizations, each merged across the corpus with all its mentions.
    pub entities: Vec<Entity>,
    /// Speakers with their quote counts, most quoted first.
    pub speakers: Vec<SpeakerCount>,
    /// Inputs that could not be loaded; the others are analysed regardless.
    pub errors: Vec<InputError>,
}

/// One article: its text verbatim and its structure as byte spans into that text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within the analysis, stable for the same inputs, safe in a URL.
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub headline: Option<String>,
    pub dateline: Option<String>,
    pub captions: Vec<Snippet>,
    pub credits: Vec<Snippet>,
    pub boilerplate: Vec<Boilerplate>,
    pub text: String,
    /// Every block in reading order, boilerplate included.
    pub blocks: Vec<Block>,
    /// Body paragraphs.
    pub paragraphs: Vec<Span>,
    /// Sentences of the headline, captions and paragraphs, in order.
    pub sentences: Vec<Span>,
}

/// A piece of an article's text with its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A block dropped from the reader, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub reason: BoilerplateReason,
}

/// Where in its article a quotation sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Headline,
    Caption,
    Body,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The article's id.
    pub article: String,
    /// Byte span of the quoted words in the article's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub section: Section,
    /// Index into the article's `paragraphs` for a quote in the body.
    pub paragraph: Option<usize>,
    /// Index into the article's `blocks`.
    pub block: usize,
    /// For the later parts of a quote that runs over several paragraphs: the index (in `quotes`) of its first part.
    pub continues: Option<usize>,
    /// False when the quote runs to the end of its paragraph without a closing mark.
    pub closed: bool,
    /// Who said it; null when no cue names a source.
    pub speaker: Option<Speaker>,
    /// The reporting verb as written.
    pub verb: Option<String>,
    /// The reporting verb's span.
    pub cue: Option<Span>,
    /// The rule that attributed it.
    pub rule: Option<Rule>,
    /// 0..1.
    pub confidence: f32,
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

impl From<&crate::LoadError> for InputError {
    fn from(e: &crate::LoadError) -> Self {
        InputError { input: e.name().to_string(), code: e.code().to_string(), message: e.to_string() }
    }
}
