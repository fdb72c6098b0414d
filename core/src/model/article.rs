//! An article as the analysis hands it out: its text verbatim and its structure as byte spans into that text.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One article: its text verbatim and its structure as byte spans into that text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within the analysis, stable for the same inputs, safe in a URL.
    pub id: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Who published it ("The New York Times"), when the input or the text says; the same outlet always
    /// has the same name.
    pub outlet: Option<String>,
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

impl Article {
    /// A title for a reader: the headline, else the first sentence of the body cut to about 90 characters at
    /// a word, else the source.
    pub fn display_title(&self) -> String {
        if let Some(h) = &self.headline {
            return h.clone();
        }
        let first = self
            .paragraphs
            .first()
            .and_then(|p| self.sentences.iter().find(|s| p.contains(**s)))
            .map(|s| s.of(&self.text));
        match first {
            Some(s) if s.chars().count() > 90 => {
                let cut: String = s.chars().take(88).collect();
                format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
            }
            Some(s) => s.to_string(),
            None => self.source.clone(),
        }
    }
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

/// What a block of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Dateline,
    /// A photo caption: ends with an agency credit such as "(Reuters)", or places people ("Obama, right,").
    Caption,
    /// A byline or credit line: "By Jane Doe", "Al Jazeera and wire services".
    Credit,
    /// Body text.
    Paragraph,
    /// Text that is not part of the article, dropped from the reader but listed.
    Boilerplate,
}

/// Why a block was judged boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateReason {
    /// Comment-form messages: "Error", "Sorry, your comment was not saved ...".
    CommentForm,
    /// Share and follow widgets: "Share this", "Tweet", "Follow us on Twitter".
    ShareWidget,
    /// Navigation and promotion: "Read more", "Related", "Advertisement".
    Navigation,
    /// Legal lines: copyright, cookies.
    Legal,
    /// A line of nothing but spaces, tabs or other blank characters.
    Blank,
}

/// One block of an article, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// Set for boilerplate blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<BoilerplateReason>,
}

impl Block {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
