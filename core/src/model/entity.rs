//! Entities as the analysis hands them out: people, countries and organizations, each merged across the
//! corpus with every mention and how it was found.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Country,
    Organization,
    /// A city, region or other place that is not a country.
    Place,
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Tagged by the entity tagger.
    Ner,
    /// Another form of a name already known in the corpus ("Putin" after "Vladimir Putin", "ISIL").
    Alias,
    /// A country's name or alternate name ("U.S.", "Russian Federation").
    Name,
    /// A demonym ("Russian", "Syrians").
    Demonym,
    /// A capital standing for its country ("Moscow").
    Capital,
    /// A seat of power ("the Kremlin", "the White House").
    Seat,
    /// A definite description resolved to one person ("the Russian leader").
    Description,
}

impl EntityKind {
    /// The kind's name, as in the JSON and in ids ("person", "country", "organization").
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

impl How {
    /// The name, as in the JSON ("ner", "alias", "demonym", …).
    pub fn name(self) -> &'static str {
        match self {
            How::Ner => "ner",
            How::Alias => "alias",
            How::Name => "name",
            How::Demonym => "demonym",
            How::Capital => "capital",
            How::Seat => "seat",
            How::Description => "description",
        }
    }
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The article's id.
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub how: How,
    /// Index into the article's `paragraphs`, for a mention in the body.
    pub paragraph: Option<usize>,
}

/// A surface form and how often it names the entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    pub count: usize,
}

/// One entity, merged across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable and readable: "person:vladimir-putin", "country:RUS", "organization:united-nations".
    pub id: String,
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    pub aliases: Vec<Alias>,
    /// The id of the country a person or organization belongs to, when the text says it.
    pub country: Option<String>,
    /// Roles and titles seen with a person ("President", "Foreign Minister").
    pub roles: Vec<String>,
    /// The id of the organization this one is part of ("Security Council" → United Nations).
    pub parent: Option<String>,
    /// "m" or "f" when titles or pronouns say it; used to resolve "he" and "she".
    pub gender: Option<String>,
    pub mentions: Vec<Mention>,
    /// True when a reader's correction merged, split or renamed it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

impl Entity {
    pub fn new(id: String, kind: EntityKind, name: String) -> Entity {
        Entity {
            id,
            kind,
            name,
            aliases: Vec::new(),
            country: None,
            roles: Vec::new(),
            parent: None,
            gender: None,
            mentions: Vec::new(),
            corrected: false,
        }
    }

    /// Sorts mentions, drops duplicates and recounts aliases from the mentions.
    pub fn finish(&mut self) {
        self.mentions.sort_by(|a, b| (&a.article, a.start, a.end).cmp(&(&b.article, b.start, b.end)));
        self.mentions.dedup_by(|a, b| a.article == b.article && a.start == b.start && a.end == b.end);
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for m in &self.mentions {
            // Aliases are for reading: whitespace inside a mention (a line break) shows as one space.
            *counts.entry(m.text.split_whitespace().collect::<Vec<_>>().join(" ")).or_default() += 1;
        }
        let mut aliases: Vec<Alias> = counts.into_iter().map(|(text, count)| Alias { text, count }).collect();
        aliases.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
        self.aliases = aliases;
    }
}

/// `id`, or when `taken` has it already `id-2`, `id-3`, …: the first free one, recorded as taken. Different
/// names can share a slug ("New York", "New# York"), and "Smith 2" is the slug of a second "Smith".
pub fn unique_id(id: String, taken: &mut HashSet<String>) -> String {
    let mut n = 1;
    let mut candidate = id.clone();
    while !taken.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    candidate
}

/// A lowercase, hyphenated slug for ids: "Vladimir Putin" → "vladimir-putin".
pub fn slug(name: &str) -> String {
    let folded = crate::lexis::fold::fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
