//! The one place the URL and the view meet: query string ⇄ [`View`]. Shareable state lives in the URL.

use std::collections::{BTreeMap, BTreeSet};

use newsprism_core::model::{Corrections, EntityKind};

pub mod corrections;

/// Which main panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Reader,
    Quotes,
    Chart,
    Story,
    /// The same quotation across outlets.
    Clusters,
    /// Speakers × outlets.
    Matrix,
    /// Blind spots: who each outlet leaves out.
    Gaps,
}

impl Tab {
    pub const ALL: [Tab; 7] = [Tab::Reader, Tab::Quotes, Tab::Chart, Tab::Story, Tab::Clusters, Tab::Matrix, Tab::Gaps];

    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Reader => "reader",
            Tab::Quotes => "quotes",
            Tab::Chart => "chart",
            Tab::Story => "story",
            Tab::Clusters => "clusters",
            Tab::Matrix => "matrix",
            Tab::Gaps => "gaps",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Reader => "Articles",
            Tab::Quotes => "Who said what",
            Tab::Chart => "Mentions",
            Tab::Story => "Along the story",
            Tab::Clusters => "Same quote",
            Tab::Matrix => "Who quoted whom",
            Tab::Gaps => "Blind spots",
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

/// How the speakers × outlets matrix is ordered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum MatrixSort {
    /// Most quoted speaker first.
    #[default]
    Total,
    /// By speaker name.
    Name,
    /// Most quoted by this outlet first.
    Outlet(String),
}

impl MatrixSort {
    fn as_query(&self) -> Option<String> {
        match self {
            MatrixSort::Total => None,
            MatrixSort::Name => Some("name".into()),
            MatrixSort::Outlet(o) => Some(format!("outlet:{o}")),
        }
    }

    fn parse(s: &str) -> Option<MatrixSort> {
        match s {
            "total" => Some(MatrixSort::Total),
            "name" => Some(MatrixSort::Name),
            _ => {
                s.strip_prefix("outlet:").filter(|o| !o.trim().is_empty()).map(|o| MatrixSort::Outlet(o.trim().into()))
            }
        }
    }
}

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
    /// The story (its id) every view works inside, or all articles.
    pub story: Option<String>,
    /// Outlet names the reader gave, by article id (they replace the analysis's).
    pub outlets: BTreeMap<String, String>,
    /// Publication dates the reader gave, by article id (as written: "2018-06-12").
    pub dates: BTreeMap<String, String>,
    /// Addresses of the originals the reader gave, by article id.
    pub urls: BTreeMap<String, String>,
    /// The order of the speakers × outlets matrix.
    pub sort: MatrixSort,
    /// The reader's corrections of the analysis ([`corrections`]).
    pub corrections: Corrections,
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
            story: None,
            outlets: BTreeMap::new(),
            dates: BTreeMap::new(),
            urls: BTreeMap::new(),
            sort: MatrixSort::Total,
            corrections: Corrections::default(),
        }
    }
}

impl View {
    /// The part of the view that changes the analysis the page works on (the story, what the reader says of
    /// the articles, the corrections), the rest left at its default: two views with the same scope share
    /// one index.
    pub fn scope(&self) -> View {
        View {
            story: self.story.clone(),
            outlets: self.outlets.clone(),
            dates: self.dates.clone(),
            urls: self.urls.clone(),
            corrections: self.corrections.clone(),
            ..View::default()
        }
    }

    /// True when the reader said something of the articles (outlet, date or address).
    pub fn describes_articles(&self) -> bool {
        !self.outlets.is_empty() || !self.dates.is_empty() || !self.urls.is_empty()
    }

    /// True when any filter narrows what is shown.
    pub fn is_filtered(&self) -> bool {
        !self.speakers.is_empty() || !self.countries.is_empty() || self.article.is_some() || !self.q.trim().is_empty()
    }

    /// The query string (without "?") for this view; defaults are left out so links stay short.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(story) = &self.story {
            s.append_pair("story", story);
        }
        for (key, map) in [("outlet", &self.outlets), ("date", &self.dates), ("url", &self.urls)] {
            for (article, value) in map {
                s.append_pair(key, &format!("{article}:{value}"));
            }
        }
        for (key, value) in corrections::to_pairs(&self.corrections) {
            s.append_pair(key, &value);
        }
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
        if let Some(sort) = self.sort.as_query() {
            s.append_pair("sort", &sort);
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
                    None => notices.push(format!(
                        "Ignored view “{value}”: use reader, quotes, chart, story, clusters, matrix or gaps."
                    )),
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
                "story" if !value.is_empty() => v.story = Some(value),
                "outlet" | "date" | "url" => match value.split_once(':') {
                    Some((article, text)) if !article.trim().is_empty() && !text.trim().is_empty() => {
                        let map = match key.as_ref() {
                            "outlet" => &mut v.outlets,
                            "date" => &mut v.dates,
                            _ => &mut v.urls,
                        };
                        map.insert(article.trim().to_string(), text.trim().to_string());
                    }
                    _ => notices.push(format!("Ignored {key} “{value}”: write it as ARTICLE-ID:{key}.")),
                },
                "sort" => match MatrixSort::parse(&value) {
                    Some(sort) => v.sort = sort,
                    None => notices.push(format!("Ignored sort “{value}”: use total, name or outlet:NAME.")),
                },
                "speaker" | "country" | "article" | "story" => {}
                other => match corrections::read_pair(&mut v.corrections, other, &value) {
                    Ok(true) => {}
                    Ok(false) => notices.push(format!("Ignored unknown link parameter “{other}”.")),
                    Err(notice) => notices.push(notice),
                },
            }
        }
        (v, notices)
    }
}

#[cfg(test)]
mod tests;
