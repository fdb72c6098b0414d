use super::*;
use crate::builtin;

fn seeds() -> Rc<Analysis> {
    Rc::new(builtin::analysis())
}

fn ready(view: View) -> Store {
    let mut s = Store::new(view, Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 12.0, index: None });
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
    s.apply(Action::Done { request: 1, analysis: Rc::new(a), millis: 1.0, index: None });
    assert_eq!(s.errors.len(), 1);
    assert!(s.notices.is_empty());
}

#[test]
fn replies_to_an_old_request_are_ignored() {
    let mut s = Store::new(View::default(), Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 1.0, index: None });
    assert!(s.index.is_none());
    s.apply(Action::Progress { request: 2, fraction: 0.5, stage: "tagging".into() });
    assert_eq!(s.status, Status::Analysing { fraction: 0.5, stage: "tagging".into() });
    s.apply(Action::Done { request: 2, analysis: seeds(), millis: 1.0, index: None });
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
    s.apply(Action::Done { request: 1, analysis: seeds(), millis: 1.0, index: None });
    assert_eq!(s.url_update, UrlUpdate::Replace);
    assert!(s.view.speakers.is_empty());
    assert_eq!(s.notices.len(), 1);
}

#[test]
fn back_and_forward_do_not_push() {
    let mut s = ready(View::default());
    let (view, notices) = View::from_query("country=Iran&view=quotes");
    s.apply(Action::UrlChanged(Box::new(view), notices));
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
    s.apply(Action::UrlChanged(Box::new(v), Vec::new()));
    assert_eq!(s.view.story, None);
    assert!(s.view.outlets.is_empty());
    assert_eq!(s.notices.len(), 2, "{:?}", s.notices);
    assert_eq!(s.index.as_ref().expect("index").analysis.articles.len(), full.articles.len());
}

/// The speaker list's count for `name` in the store's index (0 when not listed).
fn quotes_of(s: &Store, name: &str) -> usize {
    let ix = s.index.as_ref().expect("an index");
    ix.speaker_id(name).map_or(0, |i| ix.speakers[i].quotes)
}

#[test]
fn a_quotation_given_to_someone_else_moves_in_every_count_and_undo_takes_it_back() {
    use newsprism_core::model::corrections::Assign;
    let mut s = ready(View::default());
    let ix = s.index.clone().expect("an index");
    let q = ix.analysis.quotes.iter().position(|q| q.speaker.as_ref().is_some_and(|sp| sp.name == "Vladimir Putin"));
    let q = &ix.analysis.quotes[q.expect("a quotation of Putin")];
    let to = ix.analysis.entities.iter().find(|e| e.name == "Barack Obama").expect("Obama").id.clone();
    let (putin, obama) = (quotes_of(&s, "Vladimir Putin"), quotes_of(&s, "Barack Obama"));
    s.apply(Action::Correct(Correction::Assign(Assign { quote: q.id.clone(), entity: Some(to), name: None })));
    assert_eq!((quotes_of(&s, "Vladimir Putin"), quotes_of(&s, "Barack Obama")), (putin - 1, obama + 1));
    assert!(s.view.to_query().contains("assign="), "the link carries it: {}", s.view.to_query());
    let moved = s.index.as_ref().unwrap().quote_id(&q.id).expect("the quote");
    assert!(s.index.as_ref().unwrap().analysis.quotes[moved].corrected);
    assert_eq!(s.url_update, UrlUpdate::Push);
    s.apply(Action::Undo(0));
    assert!(s.view.corrections.is_empty());
    assert_eq!((quotes_of(&s, "Vladimir Putin"), quotes_of(&s, "Barack Obama")), (putin, obama));
}

#[test]
fn a_correction_whose_id_is_gone_is_told_once_and_listed() {
    let mut s = ready(View::default());
    s.apply(Action::Correct(Correction::Drop("organization:no-such-thing".into())));
    assert_eq!(s.correction_problems.len(), 1, "{:?}", s.correction_problems);
    assert!(s.correction_problems[0].contains("no-such-thing"));
    let told = s.notices.iter().filter(|n| n.contains("no-such-thing")).count();
    assert_eq!(told, 1);
    // Another change of scope does not tell it again.
    s.apply(Action::RenameOutlet { article: "000_fb588c1a204cc496".into(), name: "Wire".into() });
    assert_eq!(s.notices.iter().filter(|n| n.contains("no-such-thing")).count(), 1);
    s.apply(Action::Undo(0));
    assert!(s.correction_problems.is_empty());
}

#[test]
fn merging_and_dropping_entities_reshape_the_lists() {
    let mut s = ready(View::default());
    let ix = s.index.clone().expect("an index");
    let countries = ix.countries.len();
    let country = ix.analysis.entities[ix.countries[0]].id.clone();
    s.apply(Action::Correct(Correction::Drop(country.clone())));
    let ix2 = s.index.clone().unwrap();
    assert_eq!(ix2.countries.len(), countries - 1);
    assert!(ix2.analysis.entities.iter().all(|e| e.id != country));
    let people: Vec<&newsprism_core::model::Entity> =
        ix.analysis.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    let (a, b) = (people[0], people[1]);
    s.apply(Action::Correct(Correction::Merge([a.id.clone(), b.id.clone()])));
    let ix3 = s.index.clone().unwrap();
    let merged = ix3.analysis.entities.iter().find(|e| e.id == a.id).expect("kept");
    assert_eq!(merged.mentions.len(), a.mentions.len() + b.mentions.len());
    assert!(ix3.analysis.entities.iter().all(|e| e.id != b.id));
    assert_eq!(s.view.corrections.len(), 2);
}

#[test]
fn an_index_built_ahead_is_used_when_the_view_works_on_the_whole_analysis() {
    let a = seeds();
    let ahead = Rc::new(Index::new(a.clone()));
    let mut s = Store::new(View::default(), Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: a.clone(), millis: 1.0, index: Some(ahead.clone()) });
    assert!(s.index.as_ref().is_some_and(|ix| Rc::ptr_eq(ix, &ahead)));

    // A story chosen in the link: the index is the story's, not the one built ahead.
    let story = a.stories[0].id.clone();
    let (view, _) = View::from_query(&format!("story={story}&outlet={}:Renamed", a.articles[0].id));
    let mut s = Store::new(view, Vec::new());
    s.apply(Action::Analyse(Vec::new()));
    s.apply(Action::Done { request: 1, analysis: a.clone(), millis: 1.0, index: Some(ahead.clone()) });
    let ix = s.index.as_ref().expect("an index");
    assert!(!Rc::ptr_eq(ix, &ahead));
    assert_eq!(ix.outlet(0), Some("Renamed"));
}
