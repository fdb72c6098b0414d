//! Opening an analysis file: told apart from article inputs, read as written, refused with a clear reason
//! when it does not hold together.

use browser_task_test::test;

use newsprism_core::analysis::open::{analyze_or_open, as_records, looks_like_analysis, open};
use newsprism_core::Input;

use crate::fixtures::{analyze, seeds};

fn code(bytes: &[u8]) -> (String, String) {
    let e = open("saved.json", bytes).expect_err("refused");
    (e.code().to_string(), e.to_string())
}

#[test]
fn an_analysis_opens_as_written_and_is_told_apart_from_records() {
    let a = seeds();
    let compact = serde_json::to_vec(&a).expect("json");
    let pretty = serde_json::to_vec_pretty(&a).expect("json");
    assert!(looks_like_analysis(&compact[..1024]));
    assert!(looks_like_analysis(&pretty[..1024]));
    assert!(looks_like_analysis(b"\xEF\xBB\xBF  {\n  \"view\": \"q=x\", \"articles\": []"));
    assert!(!looks_like_analysis(br#"{"title": "A", "text": "B"}"#));
    assert!(!looks_like_analysis(br#"[{"articles": 1}]"#));
    assert!(!looks_like_analysis(b"Putin heads for UN showdown"));
    assert!(!looks_like_analysis(br#"{"articlesx": 1}"#));
    let opened = open("seeds.json", &pretty).expect("opens");
    assert_eq!(&opened.analysis, a);
    assert_eq!(opened.view, None);
}

#[test]
fn a_saved_view_comes_back_and_derived_parts_are_made_again_when_missing() {
    let a = seeds();
    let mut v = serde_json::to_value(a).expect("json");
    let o = v.as_object_mut().expect("object");
    o.remove("stories");
    o.remove("quote_clusters");
    o.remove("speakers");
    o.insert("view".into(), "speaker=Barack+Obama&view=quotes".into());
    let opened = open("saved.json", &serde_json::to_vec(&v).expect("json")).expect("opens");
    assert_eq!(opened.view.as_deref(), Some("speaker=Barack+Obama&view=quotes"));
    assert_eq!(&opened.analysis, a, "stories, clusters and speakers are made again as the analysis makes them");
}

#[test]
fn a_file_that_does_not_hold_together_is_refused_by_name() {
    let (c, m) = code(b"{\"articles\": [");
    assert_eq!(c, "malformed_json", "{m}");
    assert!(m.starts_with("saved.json: malformed JSON at line 1"), "{m}");
    let (c, m) = code(br#"{"articles": 3, "quotes": [], "entities": []}"#);
    assert_eq!(c, "invalid_analysis", "{m}");
    assert!(m.starts_with("saved.json: this newsprism analysis cannot be shown:"), "{m}");
    let (c, m) = code(br#"{"articles": []}"#);
    assert_eq!(c, "invalid_analysis");
    assert!(m.contains("missing field `quotes`"), "{m}");

    let a = seeds();
    let mut broken = a.clone();
    broken.quotes[0].end = broken.articles[0].text.len() + 10;
    let (c, m) = code(&serde_json::to_vec(&broken).expect("json"));
    assert_eq!(c, "invalid_analysis");
    assert!(m.contains("quotes[0]") && m.contains("outside its article's text"), "{m}");

    let mut broken = a.clone();
    let text = &broken.articles[0].text;
    let inside = text.char_indices().find(|(_, ch)| ch.len_utf8() > 1).map(|(i, _)| i + 1).expect("a curly mark");
    broken.entities[0].mentions[0].article = broken.articles[0].id.clone();
    broken.entities[0].mentions[0].start = inside;
    broken.entities[0].mentions[0].end = inside + 1;
    let (_, m) = code(&serde_json::to_vec(&broken).expect("json"));
    assert!(m.contains("entities[0].mentions[0]") && m.contains("cuts a character"), "{m}");

    let mut broken = a.clone();
    broken.quote_clusters[0].quotes.push("nowhere-q1".into());
    let (_, m) = code(&serde_json::to_vec(&broken).expect("json"));
    assert!(m.contains("nowhere-q1"), "{m}");

    let mut broken = a.clone();
    broken.articles[1].id = broken.articles[0].id.clone();
    let (_, m) = code(&serde_json::to_vec(&broken).expect("json"));
    assert!(m.contains("two articles have the id"), "{m}");
}

#[test]
fn the_articles_of_an_analysis_can_be_analysed_again_with_other_inputs() {
    let a = analyze(&[
        ("one.txt", "Harbour reopens\n\n“The harbour will reopen on Monday,” Anna Lindqvist said."),
        ("two.txt", "Storm passes\n\nThe storm left Malmö on Sunday night, the weather service said."),
    ]);
    let records = as_records(&a);
    assert_eq!(records.lines().count(), 2);
    let again = newsprism_core::analyze_inputs(
        &[Input::bytes("saved.jsonl", records.as_bytes()), Input::text("three.txt", "Ferries\n\nFerries run again.")],
        &mut |_| {},
    );
    assert_eq!(again.articles.len(), 3, "{:?}", again.errors);
    let texts = |x: &newsprism_core::Analysis| x.articles.iter().map(|x| x.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&again)[..2], texts(&a)[..]);
    assert_eq!(again.articles[0].headline.as_deref(), Some("Harbour reopens"));
}

#[test]
fn one_analysis_file_is_opened_and_among_articles_it_is_analysed_again() {
    let a = analyze(&[
        ("one.txt", "Harbour reopens\n\n“The harbour will reopen on Monday,” Anna Lindqvist said."),
        ("two.txt", "Storm passes\n\nThe storm left Malmö on Sunday night, the weather service said."),
    ]);
    let mut saved = serde_json::to_value(&a).expect("json");
    saved.as_object_mut().expect("object").insert("view".into(), "view=matrix".into());
    let saved = serde_json::to_vec(&saved).expect("json");
    let (opened, view) = analyze_or_open(&[Input::bytes("saved.json", &saved)], &mut |_| {});
    assert_eq!(opened, a);
    assert_eq!(view.as_deref(), Some("view=matrix"));

    let (mixed, view) = analyze_or_open(
        &[
            Input::bytes("saved.json", &saved),
            Input::text("three.txt", "Ferries\n\nFerries run again, Lindqvist said."),
        ],
        &mut |_| {},
    );
    assert_eq!(view, None);
    assert_eq!(mixed.articles.len(), 3, "{:?}", mixed.errors);

    let (broken, _) =
        analyze_or_open(&[Input::bytes("bad.json", br#"{"articles": 1, "quotes": [], "entities": []}"#)], &mut |_| {});
    assert!(broken.articles.is_empty());
    assert_eq!(broken.errors.len(), 1);
    assert_eq!(broken.errors[0].code, "invalid_analysis");
}

#[test]
fn two_place_names_with_one_slug_get_two_ids_so_the_analysis_opens() {
    let a = analyze(&[
        ("a.txt", "Fire\n\nA fire burned near Sacramento, Calif., on Monday, officials in Calif. said."),
        ("b.txt", "Quake\n\nA quake shook Fresno, Calif on Tuesday, and residents in Calif felt it."),
    ]);
    let mut ids: Vec<&str> = a.entities.iter().map(|e| e.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "{ids:?}");
    let json = serde_json::to_vec(&a).expect("json");
    assert!(open("fires.json", &json).is_ok());
}
