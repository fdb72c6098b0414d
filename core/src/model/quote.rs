//! A quotation as the analysis hands it out, with who said it and how that was found.

use serde::{Deserialize, Serialize};

use crate::model::article::Section;
use crate::span::Span;

/// Below this confidence an attribution is unsure: the page marks it, the sanity report lists it, and
/// a quote cluster counts only attributions at or above it when it says the outlets credit different
/// speakers.
pub const UNSURE: f64 = 0.75;

/// Whether a quotation is a sentence of its own or a few words embedded in the reporter's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Fragment,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable for the same inputs and unique in the analysis: the article's id and the quote's place in it
    /// ("000_fb588c1a204cc496-q3").
    pub id: String,
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
    /// The probability (0..1, three decimals) that `speaker` is the right person: calibrated on annotated
    /// news, out of fold; 0 without a speaker.
    pub confidence: f64,
    /// The other speakers it may be, most likely first, each with its probability (together at most
    /// `1 - confidence`).
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// True when a reader's correction gave it its speaker (or took it away).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// Another speaker a quote may be by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The entity id; null for an unnamed source.
    pub entity: Option<String>,
    pub name: String,
    /// As [`Speaker::key`].
    pub key: String,
    pub unnamed: bool,
    /// 0..1, three decimals.
    pub probability: f64,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker's entity id; null for an unnamed source.
    pub entity: Option<String>,
    /// The canonical name, or a label such as "unnamed official (White House)".
    pub name: String,
    pub unnamed: bool,
    /// The words that name the source for this quote ("he", "the official", "Putin").
    pub mention: Option<MentionSpan>,
    /// Groups quotes by speaker: the entity id, or "unnamed:ARTICLE:label", or "group:ID+ID…".
    pub key: String,
    /// For people who speak together ("a joint statement from A, B and C", "the chairmen said"): every
    /// one's entity id, in the order named; `entity` is the first of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// A person's short name, for a "said by" badge: the entity's [`Entity::short_label`](crate::model::Entity::short_label)
    /// (the one-word form the corpus writes most, "Kim" for a Kim Jong Un written "Kim"); empty for
    /// another speaker, or in an analysis saved before it existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
}

impl Speaker {
    /// A compact label, for a "said by" badge: a person's [`short`](Speaker::short) name, else their last
    /// name; the whole name of an organization or a country, the whole label of an unnamed source.
    pub fn short_label(&self) -> &str {
        match &self.entity {
            _ if !self.short.is_empty() => &self.short,
            Some(id) if id.starts_with("person:") => self.name.rsplit(' ').next().unwrap_or(&self.name),
            _ => &self.name,
        }
    }
}

/// A span of the article's text, with the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Which rule attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A cue after the quote: "“…,” Putin said".
    After,
    /// A cue before the quote: "Putin said: “…”".
    Before,
    /// "according to X".
    AccordingTo,
    /// A participle clause: "Obama …, saying, “…”".
    Participle,
    /// A later part of a quote over several paragraphs, or a paragraph that continues the previous speaker.
    Continuation,
    /// A reporting verb in the sentence before the quote: "Obama said the West would act. “We cannot …”"
    PreviousSentence,
    /// Someone named near the quote, chosen by the ranker without a rule proposing them.
    Nearby,
    /// Another quote of the same paragraph's speaker.
    SameParagraph,
    /// No cue of its own: the speaker its other versions, cued, agree on.
    SameQuote,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::After,
        Rule::Before,
        Rule::AccordingTo,
        Rule::Participle,
        Rule::Continuation,
        Rule::PreviousSentence,
        Rule::Nearby,
        Rule::SameParagraph,
        Rule::SameQuote,
    ];

    /// The rule's name, as in the JSON and in the ranker's feature names; stable (the model is keyed by it).
    pub fn name(self) -> &'static str {
        match self {
            Rule::After => "after",
            Rule::Before => "before",
            Rule::AccordingTo => "according_to",
            Rule::Participle => "participle",
            Rule::Continuation => "continuation",
            Rule::PreviousSentence => "previous_sentence",
            Rule::Nearby => "nearby",
            Rule::SameParagraph => "same_paragraph",
            Rule::SameQuote => "same_quote",
        }
    }
}
