//! The one place the URL and the view meet: query string ⇄ [`View`]. Shareable state lives in the URL.

use std::collections::BTreeSet;

use newsprism_core::model::EntityKind;

/// Which main panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Reader,
    Quotes,
    Chart,
    Story,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Reader, Tab::Quotes, Tab::Chart, Tab::Story];

    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Reader => "reader",
            Tab::Quotes => "quotes",
            Tab::Chart => "chart",
            Tab::Story => "story",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Reader => "Articles",
            Tab::Quotes => "Who said what",
            Tab::Chart => "Mentions",
            Tab::Story => "Along the story",
        }
    }

    fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

pub fn kind_str(k: EntityKind) -> &'static str {
    k.name()
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    match s {
        "person" | "people" => Some(EntityKind::Person),
        "country" | "countries" => Some(EntityKind::Country),
        "organization" | "organizations" | "org" => Some(EntityKind::Organization),
        "place" | "places" => Some(EntityKind::Place),
        _ => None,
    }
}

pub const ALL_KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Country, EntityKind::Organization, EntityKind::Place];

/// Everything about the view that a link should reproduce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Speaker names (canonical), combined with OR.
    pub speakers: BTreeSet<String>,
    /// Country names (canonical), combined with OR.
    pub countries: BTreeSet<String>,
    /// One article's id, or all articles.
    pub article: Option<String>,
    /// Text search, case-insensitive.
    pub q: String,
    pub tab: Tab,
    /// Entity kinds highlighted and charted.
    pub kinds: BTreeSet<EntityKind>,
}

impl Default for View {
    fn default() -> Self {
        View {
            speakers: BTreeSet::new(),
            countries: BTreeSet::new(),
            article: None,
            q: String::new(),
            tab: Tab::Reader,
            kinds: ALL_KINDS.into_iter().collect(),
        }
    }
}

impl View {
    /// True when any filter narrows what is shown.
    pub fn is_filtered(&self) -> bool {
        !self.speakers.is_empty() || !self.countries.is_empty() || self.article.is_some() || !self.q.trim().is_empty()
    }

    /// The query string (without "?") for this view; defaults are left out so links stay short.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for sp in &self.speakers {
            s.append_pair("speaker", sp);
        }
        for c in &self.countries {
            s.append_pair("country", c);
        }
        if let Some(a) = &self.article {
            s.append_pair("article", a);
        }
        if !self.q.is_empty() {
            s.append_pair("q", &self.q);
        }
        if self.tab != Tab::Reader {
            s.append_pair("view", self.tab.as_str());
        }
        if self.kinds.len() != ALL_KINDS.len() {
            let kinds: Vec<&str> = ALL_KINDS.into_iter().filter(|k| self.kinds.contains(k)).map(kind_str).collect();
            s.append_pair("kinds", &kinds.join(","));
        }
        s.finish()
    }

    /// Reads a query string (with or without "?"). Values that cannot be understood are ignored and
    /// explained in the returned notices; nothing here fails.
    pub fn from_query(query: &str) -> (View, Vec<String>) {
        let mut v = View::default();
        let mut notices = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim().to_string();
            match key.as_ref() {
                "speaker" if !value.is_empty() => {
                    v.speakers.insert(value);
                }
                "country" if !value.is_empty() => {
                    v.countries.insert(value);
                }
                "article" if !value.is_empty() => v.article = Some(value),
                "q" => v.q = value,
                "view" => match Tab::parse(&value) {
                    Some(t) => v.tab = t,
                    None => notices.push(format!("Ignored view “{value}”: use reader, quotes, chart or story.")),
                },
                "kinds" => {
                    let mut kinds = BTreeSet::new();
                    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        match parse_kind(part) {
                            Some(k) => {
                                kinds.insert(k);
                            }
                            None => {
                                notices.push(format!("Ignored kind “{part}”: use person, country or organization."))
                            }
                        }
                    }
                    if !kinds.is_empty() {
                        v.kinds = kinds;
                    }
                }
                "speaker" | "country" | "article" => {}
                other => notices.push(format!("Ignored unknown link parameter “{other}”.")),
            }
        }
        (v, notices)
    }
}

#[cfg(test)]
mod tests;
