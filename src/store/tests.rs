use super::*;
use crate::builtin;

fn seeds() -> Rc<Analysis> {
    Rc::new(builtin::analysis())
}

fn ready(view: View) -> Store {
    let mut s = Store::new(view, Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 12.0 });
    s
}

#[test]
fn load_errors_are_kept_apart_not_pushed_as_notices() {
    let mut s = Store::new(View::default(), Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    let mut a = builtin::analysis();
    a.errors.push(newsprism_core::model::InputError {
        input: "photo.txt".into(),
        code: "binary".into(),
        message: "photo.txt: this looks like binary data, not text".into(),
    });
    s.apply(Action::Done { request: 1, analysis: Rc::new(a), millis: 1.0 });
    assert_eq!(s.errors.len(), 1);
    assert!(s.notices.is_empty());
}

#[test]
fn replies_to_an_old_request_are_ignored() {
    let mut s = Store::new(View::default(), Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 1.0 });
    assert!(s.index.is_none());
    s.apply(Action::Progress { request: 2, fraction: 0.5, stage: "tagging".into() });
    assert_eq!(s.status, Status::Analysing { fraction: 0.5, stage: "tagging".into() });
    s.apply(Action::Done { request: 2, analysis: seeds(), millis: 1.0 });
    assert_eq!(s.status, Status::Ready);
}

#[test]
fn user_choices_push_history_and_link_checks_replace_it() {
    let mut s = ready(View::default());
    let v0 = s.view_version;
    s.apply(Action::ToggleSpeaker("Vladimir Putin".into()));
    assert!(s.view.speakers.contains("Vladimir Putin"));
    assert_eq!((s.view_version, s.url_update), (v0 + 1, UrlUpdate::Push));
    s.apply(Action::ToggleSpeaker("Vladimir Putin".into()));
    assert!(s.view.speakers.is_empty());

    let (view, _) = View::from_query("speaker=Nobody&country=Brazil");
    let mut s = Store::new(view, Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 1.0 });
    assert_eq!(s.url_update, UrlUpdate::Replace);
    assert!(s.view.speakers.is_empty());
    assert_eq!(s.notices.len(), 1);
}

#[test]
fn back_and_forward_do_not_push() {
    let mut s = ready(View::default());
    let (view, notices) = View::from_query("country=Iran&view=quotes");
    s.apply(Action::UrlChanged(view, notices));
    assert_eq!(s.url_update, UrlUpdate::Keep);
    assert_eq!(s.view.tab, Tab::Quotes);
}

#[test]
fn a_failed_analysis_keeps_what_was_loaded() {
    let mut s = ready(View::default());
    let shown = s.inputs.clone();
    s.apply(Action::Analyse(vec![InputFile::bytes("new.txt", b"New text".to_vec(), false)]));
    s.apply(Action::Failed { request: 2, message: "boom".into() });
    assert_eq!(s.status, Status::Ready);
    assert!(s.index.is_some());
    assert_eq!(s.notices, ["boom"]);
    assert_eq!(s.inputs, shown, "the inputs on screen are those of the analysis shown");
}

#[test]
fn clear_all_and_kinds_never_empty() {
    let mut s = ready(View::default());
    s.apply(Action::ToggleCountry("Brazil".into()));
    s.apply(Action::SetQuery("refugees".into()));
    s.apply(Action::ClearAll);
    assert!(!s.view.is_filtered());
    for k in crate::route::ALL_KINDS {
        s.apply(Action::ToggleKind(k));
    }
    assert_eq!(s.view.kinds.len(), 1, "the last kind stays on");
}

#[test]
fn a_story_and_outlet_names_rebuild_the_index_and_unknown_ones_are_dropped() {
    let mut s = ready(View::default());
    let full = s.full.clone().expect("analysed");
    let first = full.articles[0].id.clone();
    s.apply(Action::RenameOutlet { article: first.clone(), name: "  The   Harbour Post ".into() });
    let ix = s.index.clone().expect("index");
    assert_eq!(ix.outlet_or_source(0), "The Harbour Post");
    assert!(ix.outlets.contains(&"The Harbour Post".to_string()));
    assert!(s.view.to_query().contains("outlet="), "{}", s.view.to_query());
    s.apply(Action::RenameOutlet { article: first, name: " ".into() });
    assert!(s.view.outlets.is_empty());
    let story = full.stories[0].clone();
    s.apply(Action::SetStory(Some(story.id.clone())));
    assert_eq!(s.index.as_ref().expect("index").analysis.articles.len(), story.articles.len());
    let (v, _) = View::from_query("story=story-99&outlet=nowhere:X");
    s.apply(Action::UrlChanged(v, Vec::new()));
    assert_eq!(s.view.story, None);
    assert!(s.view.outlets.is_empty());
    assert_eq!(s.notices.len(), 2, "{:?}", s.notices);
    assert_eq!(s.index.as_ref().expect("index").analysis.articles.len(), full.articles.len());
}
