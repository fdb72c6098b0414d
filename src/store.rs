//! The page's state and every way it changes: a plain `apply(Action)` with no Yew in it, so each
//! transition is tested natively. The `Reducible` impl in `app.rs` is a thin adapter.

use std::rc::Rc;

use newsprism_core::model::{Analysis, Correction, Corrections, EntityKind, InputError};

use crate::protocol::Content;
use std::collections::HashSet;

use crate::route::{MatrixSort, Tab, View};
use crate::state::{scoped, Index};

/// One input the page holds: built-in, dropped, picked or pasted; its bytes, or why the page has none
/// (too large to read, unreadable: the analysis reports it with the others).
#[derive(Debug, Clone, PartialEq)]
pub struct InputFile {
    pub name: String,
    pub content: Rc<Content>,
    pub builtin: bool,
}

impl InputFile {
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>, builtin: bool) -> InputFile {
        InputFile { name: name.into(), content: Rc::new(Content::Bytes { bytes }), builtin }
    }
}

/// Where the analysis stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Analysing { fraction: f32, stage: String },
    Ready,
    Failed(String),
}

/// How the URL should follow a change of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUpdate {
    /// A new history entry (a user's choice).
    Push,
    /// Rewrite the current entry (values dropped after checking a link).
    Replace,
    /// The URL already says it (back / forward, first load).
    Keep,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub inputs: Vec<InputFile>,
    /// The whole analysis; `index` covers the chosen story of it, with the reader's outlet names.
    pub full: Option<Rc<Analysis>>,
    pub index: Option<Rc<Index>>,
    /// The scope ([`View::scope`]) `index` was built for.
    index_scope: View,
    /// What the view's corrections could not do (an id the analysis does not hold), one message each.
    pub correction_problems: Vec<String>,
    /// The request whose analysis `index` holds (the worker keeps that analysis for exports), and its
    /// inputs (which `inputs` goes back to when a newer analysis fails).
    pub index_request: u32,
    pub index_inputs: Vec<InputFile>,
    /// Load errors of the current inputs, as the analysis reports them (listed apart from the articles).
    pub errors: Vec<InputError>,
    pub status: Status,
    /// The id of the analysis request in flight; replies to older ones are ignored.
    pub request: u32,
    pub view: View,
    /// Bumped whenever the view changes, with how the URL should follow.
    pub view_version: u32,
    pub url_update: UrlUpdate,
    pub notices: Vec<String>,
    /// Milliseconds the last analysis took in the worker.
    pub analysis_ms: f64,
    /// The length of a corpus link too long to copy (characters), while its message shows.
    pub link_too_large: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Analyse these inputs (replacing the current set).
    Analyse(Vec<InputFile>),
    Progress {
        request: u32,
        fraction: f32,
        stage: String,
    },
    Done {
        request: u32,
        analysis: Rc<Analysis>,
        millis: f64,
        /// The index of `analysis` when it was built ahead (over many short tasks): used when the view
        /// works on the whole analysis, else the index of the view's scope is built here.
        index: Option<Rc<Index>>,
    },
    Failed {
        request: u32,
        message: String,
    },
    /// The URL changed under us (back, forward, first load).
    UrlChanged(Box<View>, Vec<String>),
    /// Show the view an opened analysis file saved (a link's query string).
    OpenView(String),
    ToggleSpeaker(String),
    ToggleCountry(String),
    ClearSpeakers,
    ClearCountries,
    ClearAll,
    SetQuery(String),
    SetArticle(Option<String>),
    SetTab(Tab),
    ToggleKind(EntityKind),
    /// Work inside one story (its id), or all articles.
    SetStory(Option<String>),
    /// Name an article's outlet (an empty name gives it back the analysis's).
    RenameOutlet {
        article: String,
        name: String,
    },
    SetSort(MatrixSort),
    /// What the reader says of many articles at once (a pasted or opened table), and what could not be read.
    DescribeArticles(Vec<crate::state::metadata::About>, Vec<String>),
    /// Add a correction (a later one of the same quote or entity name replaces the earlier).
    Correct(Correction),
    /// Take back the correction at this place of the view's list ([`Corrections::list`]).
    Undo(usize),
    /// Add every correction of a corrections file opened.
    AddCorrections(Corrections),
    Notice(String),
    Dismiss(usize),
    /// A corpus link of this many characters was too long to copy (`None`: the message is read).
    LinkTooLarge(Option<usize>),
}

impl Store {
    pub fn new(view: View, notices: Vec<String>) -> Store {
        Store {
            inputs: Vec::new(),
            full: None,
            index: None,
            index_scope: View::default(),
            correction_problems: Vec::new(),
            index_request: 0,
            index_inputs: Vec::new(),
            errors: Vec::new(),
            status: Status::Analysing { fraction: 0.0, stage: "starting".into() },
            request: 0,
            view,
            view_version: 0,
            url_update: UrlUpdate::Keep,
            notices,
            analysis_ms: 0.0,
            link_too_large: None,
        }
    }

    fn change_view(&mut self, f: impl FnOnce(&mut View)) {
        let before = self.view.clone();
        f(&mut self.view);
        if self.view != before {
            self.view_version += 1;
            self.url_update = UrlUpdate::Push;
            self.rescope();
        }
    }

    /// Drops a story or outlet names the whole analysis does not know, with a notice for each.
    fn validate_scope(full: &Analysis, view: &mut View) -> Vec<String> {
        let mut notices = Vec::new();
        if let Some(id) = view.story.clone() {
            if !full.stories.iter().any(|s| s.id == id) {
                notices.push(format!("No story “{id}” here; showing all articles."));
                view.story = None;
            }
        }
        let ids: HashSet<&str> = full.articles.iter().map(|a| a.id.as_str()).collect();
        for (what, map) in [("outlet name", &mut view.outlets), ("date", &mut view.dates), ("address", &mut view.urls)]
        {
            map.retain(|article, value| {
                let ok = ids.contains(article.as_str());
                if !ok {
                    notices.push(format!("No article “{article}” to give “{value}”; that {what} was ignored."));
                }
                ok
            });
        }
        notices
    }

    /// Builds the index again when the view's scope (story, what the reader said of the articles,
    /// corrections) changed. What the
    /// corrections could not do is told once per new set of corrections (a notice) and listed with them.
    fn rescope(&mut self) {
        self.rescope_with(None)
    }

    /// [`Store::rescope`], with an index built ahead for the whole analysis.
    fn rescope_with(&mut self, prebuilt: Option<Rc<Index>>) {
        let Some(full) = self.full.clone() else { return };
        let scope = self.view.scope();
        if self.index.is_some() && scope == self.index_scope {
            return;
        }
        let (analysis, problems) = scoped(&full, &self.view);
        if self.index.is_none() || scope.corrections != self.index_scope.corrections {
            self.notices.extend(problems.iter().filter(|p| !self.correction_problems.contains(p)).cloned());
            self.correction_problems = problems;
        }
        let index = match prebuilt.filter(|ix| Rc::ptr_eq(&ix.analysis, &analysis)) {
            Some(ix) => ix,
            None => Rc::new(Index::new(analysis)),
        };
        let dropped = index.validate(&mut self.view);
        if !dropped.is_empty() {
            self.notices.extend(dropped);
        }
        self.index = Some(index);
        self.index_scope = scope;
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Analyse(inputs) => {
                self.inputs = inputs;
                self.request += 1;
                self.status = Status::Analysing { fraction: 0.0, stage: "starting".into() };
            }
            Action::Progress { request, fraction, stage } => {
                if request == self.request && matches!(self.status, Status::Analysing { .. }) {
                    self.status = Status::Analysing { fraction, stage };
                }
            }
            Action::Done { request, analysis, millis, index } => {
                if request != self.request {
                    return;
                }
                self.errors = analysis.errors.clone();
                let before = self.view.clone();
                let dropped = Self::validate_scope(&analysis, &mut self.view);
                self.notices.extend(dropped);
                self.full = Some(analysis);
                self.index = None;
                self.rescope_with(index);
                if self.view != before {
                    self.view_version += 1;
                    self.url_update = UrlUpdate::Replace;
                }
                self.index_request = request;
                self.index_inputs = self.inputs.clone();
                self.analysis_ms = millis;
                self.status = Status::Ready;
            }
            Action::Failed { request, message } => {
                if request == self.request {
                    self.notices.push(message.clone());
                    // What was loaded before stays on screen, and counts as what is loaded.
                    if self.index.is_some() {
                        self.inputs = self.index_inputs.clone();
                        self.status = Status::Ready;
                    } else {
                        self.status = Status::Failed(message);
                    }
                }
            }
            Action::UrlChanged(view, notices) => {
                let mut view = *view;
                self.notices.extend(notices);
                if let Some(full) = &self.full {
                    self.notices.extend(Self::validate_scope(full, &mut view));
                }
                if view != self.view {
                    self.view = view;
                    self.view_version += 1;
                    self.url_update = UrlUpdate::Keep;
                    self.rescope();
                }
                if let Some(index) = &self.index {
                    let dropped = index.validate(&mut self.view);
                    self.notices.extend(dropped);
                }
            }
            Action::ToggleSpeaker(s) => self.change_view(|v| {
                if !v.speakers.remove(&s) {
                    v.speakers.insert(s);
                }
            }),
            Action::ToggleCountry(c) => self.change_view(|v| {
                if !v.countries.remove(&c) {
                    v.countries.insert(c);
                }
            }),
            Action::ClearSpeakers => self.change_view(|v| v.speakers.clear()),
            Action::ClearCountries => self.change_view(|v| v.countries.clear()),
            Action::ClearAll => self.change_view(|v| {
                v.speakers.clear();
                v.countries.clear();
                v.article = None;
                v.q.clear();
            }),
            Action::SetQuery(q) => {
                self.change_view(|v| v.q = q);
                // Typing rewrites the current entry rather than adding one per key.
                if self.url_update == UrlUpdate::Push {
                    self.url_update = UrlUpdate::Replace;
                }
            }
            Action::SetArticle(a) => self.change_view(|v| v.article = a),
            Action::SetTab(t) => self.change_view(|v| v.tab = t),
            Action::ToggleKind(k) => self.change_view(|v| {
                if !v.kinds.remove(&k) {
                    v.kinds.insert(k);
                }
                if v.kinds.is_empty() {
                    v.kinds.insert(k);
                }
            }),
            Action::OpenView(query) => {
                let (view, notices) = View::from_query(&query);
                self.apply(Action::UrlChanged(Box::new(view), notices));
                self.url_update = UrlUpdate::Push;
            }
            Action::SetStory(story) => self.change_view(|v| {
                v.story = story;
                // An article of another story would show nothing.
                v.article = None;
            }),
            Action::RenameOutlet { article, name } => self.change_view(|v| {
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                if name.is_empty() {
                    v.outlets.remove(&article);
                } else {
                    v.outlets.insert(article, name);
                }
            }),
            Action::SetSort(sort) => self.change_view(|v| v.sort = sort),
            Action::DescribeArticles(rows, problems) => {
                self.notices.extend(problems);
                self.change_view(|v| {
                    for r in rows {
                        let set = |map: &mut std::collections::BTreeMap<String, String>, value: Option<String>| {
                            if let Some(value) = value {
                                map.insert(r.article.clone(), value);
                            }
                        };
                        set(&mut v.outlets, r.outlet);
                        set(&mut v.dates, r.date);
                        set(&mut v.urls, r.url);
                    }
                })
            }
            Action::Correct(c) => self.change_view(|v| v.corrections = v.corrections.then(&c.alone())),
            Action::Undo(i) => self.change_view(|v| v.corrections = v.corrections.without(i)),
            Action::AddCorrections(c) => self.change_view(|v| v.corrections = v.corrections.then(&c)),
            Action::Notice(n) => self.notices.push(n),
            Action::LinkTooLarge(n) => self.link_too_large = n,
            Action::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
