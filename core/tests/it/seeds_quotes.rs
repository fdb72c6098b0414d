//! Who said what in the seed articles: named speakers, pronouns, continuation paragraphs, unnamed officials.

use browser_task_test::test;

use newsprism_core::attribute::rank::Ranker;
use newsprism_core::Analysis;

use crate::fixtures::seeds;

/// The speaker's display name and the words naming them, for the quote starting with `prefix`.
fn speaker(a: &Analysis, article: &str, prefix: &str) -> (String, String) {
    let q = a
        .quotes
        .iter()
        .find(|q| q.article.starts_with(article) && q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote {prefix:?} in {article}"));
    let s = q.speaker.as_ref().unwrap_or_else(|| panic!("{prefix:?} is unattributed"));
    (s.name.clone(), s.mention.as_ref().map(|m| m.text.clone()).unwrap_or_default())
}

fn name(a: &Analysis, article: &str, prefix: &str) -> String {
    speaker(a, article, prefix).0
}

#[test]
fn named_speakers_after_and_before_quotes() {
    let a = seeds();
    assert_eq!(speaker(a, "000", "The United States is prepared"), ("Barack Obama".into(), "Obama".into()));
    assert_eq!(speaker(a, "000", "We have to speak with many actors"), ("Angela Merkel".into(), "Merkel".into()));
    assert_eq!(name(a, "000", "After the Second World War"), "Ban Ki-moon");
    assert_eq!(name(a, "000", "no one but Assad’s forces"), "Vladimir Putin", "Putin insisted that “…”");
    assert_eq!(name(a, "001", "differences can be resolved"), "Vladimir Putin", "the headline: Putin says ‘…’");
    assert_eq!(name(a, "002", "Any involvement of Russian troops"), "Vladimir Putin");
    assert_eq!(
        name(a, "002", "We must recognize that there cannot be"),
        "Barack Obama",
        "Obama said at the General Assembly: “…”"
    );
    assert_eq!(name(a, "003", "I think we have concerns"), "John Kerry");
    assert_eq!(
        name(a, "003", "The president believed"),
        "Samantha Power",
        "“…,” Samantha Power, the U.S. ambassador …, said"
    );
    assert_eq!(name(a, "004", "desire to work together"), "Sergei Lavrov");
}

#[test]
fn pronouns_resolve_to_the_person_meant() {
    let a = seeds();
    assert_eq!(speaker(a, "000", "We can’t stick to our original enemies"), ("François Hollande".into(), "he".into()));
    assert_eq!(speaker(a, "000", "We have our arms open"), ("Dilma Rousseff".into(), "she".into()));
    assert_eq!(speaker(a, "000", "regretfully at a rather low level"), ("Vladimir Putin".into(), "he".into()));
    assert_eq!(speaker(a, "000", "The president and I share"), ("Narendra Modi".into(), "he".into()));
    assert_eq!(speaker(a, "002", "We think it is an enormous mistake not to"), ("Vladimir Putin".into(), "he".into()));
    assert_eq!(
        speaker(a, "003", "We must recognize that there cannot be"),
        ("Barack Obama".into(), "he".into()),
        "“…,” he declared"
    );
}

#[test]
fn definite_descriptions_and_continuations() {
    let a = seeds();
    assert_eq!(speaker(a, "000", "anarchy"), ("Vladimir Putin".into(), "Russia’s president".into()));
    assert_eq!(
        speaker(a, "004", "a common platform for collective action"),
        ("Vladimir Putin".into(), "The Kremlin strongman".into())
    );
    assert_eq!(name(a, "000", "And what I indicated to the prime minister"), "Barack Obama", "the president said, “…”");
    // A quote over two paragraphs: the second paragraph has no cue of its own.
    assert_eq!(name(a, "000", "We are told that such retrenchment"), "Barack Obama");
    assert_eq!(name(a, "000", "But I stand before you today"), "Barack Obama");
    // A second quote in the same paragraph, no cue of its own.
    assert_eq!(name(a, "000", "We are a multiethnic nation"), "Dilma Rousseff");
    assert_eq!(name(a, "000", "We have to gather everybody together"), "François Hollande");
}

#[test]
fn unnamed_officials_are_speakers_grouped_in_their_article() {
    let a = seeds();
    assert_eq!(
        speaker(a, "000", "clarity on their objectives"),
        ("unnamed official (White House)".into(), "A White House official".into())
    );
    assert_eq!(
        speaker(a, "000", "objectives are to go after ISIL"),
        ("unnamed official (White House)".into(), "the official".into())
    );
    let first =
        a.quotes.iter().find(|q| q.text.starts_with("clarity on")).and_then(|q| q.speaker.clone()).expect("speaker");
    let second = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("objectives are"))
        .and_then(|q| q.speaker.clone())
        .expect("speaker");
    assert_eq!(first.key, second.key, "the same official");
    assert!(first.unnamed && first.entity.is_none());
    assert_eq!(name(a, "003", "It was a very thorough exchange"), "unnamed official (State Department)");
    assert_eq!(name(a, "004", "We’re just at the beginning"), "unnamed official (State Department)");
    assert_eq!(
        name(a, "002", "There was a shared desire"),
        "unnamed official",
        "A US official told reporters … the official said"
    );
}

#[test]
fn the_text_of_a_document_is_named_after_it_and_its_signers() {
    // "In an open letter, opposition figures rejected …" … "“Human rights violations …,” said the text".
    let a = seeds();
    assert_eq!(
        speaker(a, "002", "Human rights violations committed by ISIS"),
        ("open letter (opposition figures)".into(), "the text".into())
    );
}

#[test]
fn titles_in_quotation_marks_stay_unattributed() {
    let a = seeds();
    for title in ["60 Minutes.", "This Week."] {
        let q = a.quotes.iter().find(|q| q.text == title).expect("title quote");
        assert!(q.speaker.is_none(), "{title} is a programme, not speech");
    }
}

#[test]
fn every_attribution_is_well_formed_and_counted() {
    let a = seeds();
    let attributed = a.quotes.iter().filter(|q| q.speaker.is_some()).count();
    assert!(attributed * 10 >= a.quotes.len() * 9, "{attributed} of {} attributed", a.quotes.len());
    for q in &a.quotes {
        let Some(s) = &q.speaker else { continue };
        let art = a.articles.iter().find(|x| x.id == q.article).expect("article");
        let m = s.mention.as_ref().expect("a speaker has words naming them");
        assert_eq!(&art.text[m.start..m.end], m.text);
        if let Some(e) = &s.entity {
            assert!(a.entities.iter().any(|x| &x.id == e), "speaker entity {e} exists");
        }
        if let Some(c) = q.cue {
            assert!(
                art.text[c.start..c.end].chars().all(char::is_alphabetic),
                "cue is a verb: {:?}",
                &art.text[c.start..c.end]
            );
        }
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    let putin = a.speakers.iter().find(|s| s.name == "Vladimir Putin").expect("Putin speaks");
    assert_eq!(
        putin.quotes,
        a.quotes.iter().filter(|q| q.speaker.as_ref().is_some_and(|s| s.key == putin.key)).count()
    );
    assert_eq!(putin.articles.len(), 5);
    assert_eq!(a.speakers[0].name, "Vladimir Putin", "the most quoted first");
}

#[test]
fn committed_ranker_loads_and_round_trips() {
    let r = Ranker::builtin();
    assert!(r.weights.len() > 100, "{} weights", r.weights.len());
    let again = Ranker::parse(&r.to_tsv());
    assert_eq!(again.weights.len(), r.weights.len());
    for (f, w) in &r.weights {
        assert!((again.weights[f] - w).abs() < 1e-3, "{f}");
    }
}
