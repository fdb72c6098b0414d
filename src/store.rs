//! The page's state and every way it changes: a plain `apply(Action)` with no Yew in it, so each
//! transition is tested natively. The `Reducible` impl in `app.rs` is a thin adapter.

use std::rc::Rc;

use newsprism_core::model::EntityKind;
use newsprism_core::model::{Analysis, InputError};

use crate::protocol::Content;
use crate::route::{Tab, View};
use crate::state::Index;

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
    pub index: Option<Rc<Index>>,
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
    },
    Failed {
        request: u32,
        message: String,
    },
    /// The URL changed under us (back, forward, first load).
    UrlChanged(View, Vec<String>),
    ToggleSpeaker(String),
    ToggleCountry(String),
    ClearSpeakers,
    ClearCountries,
    ClearAll,
    SetQuery(String),
    SetArticle(Option<String>),
    SetTab(Tab),
    ToggleKind(EntityKind),
    Notice(String),
    Dismiss(usize),
}

impl Store {
    pub fn new(view: View, notices: Vec<String>) -> Store {
        Store {
            inputs: Vec::new(),
            index: None,
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
        }
    }

    fn change_view(&mut self, f: impl FnOnce(&mut View)) {
        let before = self.view.clone();
        f(&mut self.view);
        if self.view != before {
            self.view_version += 1;
            self.url_update = UrlUpdate::Push;
        }
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
            Action::Done { request, analysis, millis } => {
                if request != self.request {
                    return;
                }
                let index = Index::new(analysis.clone());
                self.errors = analysis.errors.clone();
                let dropped = index.validate(&mut self.view);
                if !dropped.is_empty() {
                    self.notices.extend(dropped);
                    self.view_version += 1;
                    self.url_update = UrlUpdate::Replace;
                }
                self.index = Some(Rc::new(index));
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
            Action::UrlChanged(mut view, notices) => {
                self.notices.extend(notices);
                if let Some(index) = &self.index {
                    self.notices.extend(index.validate(&mut view));
                }
                if view != self.view {
                    self.view = view;
                    self.view_version += 1;
                    self.url_update = UrlUpdate::Keep;
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
            Action::Notice(n) => self.notices.push(n),
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
