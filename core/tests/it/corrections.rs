//! A reader's corrections applied to an analysis: each kind does what it says, every count follows, a
//! correction whose id is gone is reported, and applying the same corrections again changes nothing.

use browser_task_test::test;

use crate::fixtures::analyze;
use newsprism_core::analysis::corrections::apply;
use newsprism_core::model::corrections::{Assign, Rename, Split};
use newsprism_core::model::{Corrections, EntityKind};
use newsprism_core::Analysis;

const TALKS: &str = "Port talks\n\n\
    “We will sign by Friday,” Mayor Ana Ruiz said on Monday. Ruiz met union leader Tom Baker, and Baker \
    agreed. “The deal is close,” he said.\n\n\
    T. Baker, the union's treasurer, disagreed. “Nothing is close,” T. Baker said.\n\n\
    Fixers Ltd, the port's operator, stayed silent.";

/// The entity one of whose mentions is written `form`.
fn id_of(a: &Analysis, form: &str) -> String {
    a.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == form))
        .map(|e| e.id.clone())
        .unwrap_or_else(|| panic!("no entity written {form}"))
}

fn quote_id(a: &Analysis, words: &str) -> String {
    a.quotes.iter().find(|q| q.text.contains(words)).map(|q| q.id.clone()).expect("the quote")
}

fn speaker(a: &Analysis, words: &str) -> Option<String> {
    a.quotes.iter().find(|q| q.text.contains(words)).and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
}

#[test]
fn a_quotation_given_another_speaker_counts_for_them() {
    let a = analyze(&[("talks.txt", TALKS)]);
    let q = quote_id(&a, "deal is close");
    let ruiz = id_of(&a, "Ana Ruiz");
    let c = Corrections {
        assign: vec![Assign { quote: q.clone(), entity: Some(ruiz.clone()), name: None }],
        ..Default::default()
    };
    let (b, problems) = apply(&a, &c);
    assert!(problems.is_empty(), "{problems:?}");
    let fixed = b.quotes.iter().find(|x| x.id == q).expect("the quote");
    assert_eq!(fixed.speaker.as_ref().map(|s| s.entity.as_deref()), Some(Some(ruiz.as_str())));
    assert!(fixed.corrected && fixed.confidence == 1.0 && fixed.alternatives.is_empty());
    let count = |a: &Analysis, key: &str| a.speakers.iter().find(|s| s.key == key).map_or(0, |s| s.quotes);
    assert_eq!(count(&b, &ruiz), count(&a, &ruiz) + 1, "the speakers' counts follow");
    assert_eq!(b.corrections, c, "the analysis carries what was applied");
    // A typed name is a speaker too.
    let typed = Corrections {
        assign: vec![Assign { quote: q.clone(), entity: None, name: Some("Lena Moss".into()) }],
        ..Default::default()
    };
    let (b, _) = apply(&a, &typed);
    assert_eq!(speaker(&b, "deal is close").as_deref(), Some("Lena Moss"));
}

#[test]
fn merge_split_rename_and_drop_reshape_the_entities() {
    let a = analyze(&[("talks.txt", TALKS)]);
    let baker = id_of(&a, "Tom Baker");
    let persons = |a: &Analysis| a.entities.iter().filter(|e| e.kind == EntityKind::Person).count();
    // Whatever the analysis made of "T. Baker", a reader can split it off Tom Baker and name it.
    let c = Corrections {
        split: vec![Split { entity: baker.clone(), alias: "T. Baker".into() }],
        rename: vec![Rename { entity: baker.clone(), name: "Thomas Baker".into() }],
        ..Default::default()
    };
    let (b, problems) = apply(&a, &c);
    let split_off = b.entities.iter().any(|e| e.name == "T. Baker" && e.corrected);
    assert!(split_off || problems.iter().any(|p| p.contains("is not a name of")), "{problems:?}");
    assert_eq!(b.entities.iter().find(|e| e.id == baker).map(|e| e.name.as_str()), Some("Thomas Baker"));
    assert!(split_off, "“T. Baker” is a name of the entity that holds “Tom Baker”: {problems:?}");
    assert!(b.entities.iter().all(|e| !e.mentions.is_empty()));
    // Two entities merged are one; an entity dropped is gone, and its quotations have no speaker.
    let ruiz = id_of(&a, "Ana Ruiz");
    let c = Corrections { merge: vec![[ruiz.clone(), baker.clone()]], ..Default::default() };
    let (b, problems) = apply(&a, &c);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(persons(&b), persons(&a) - 1);
    assert!(b.quotes.iter().filter_map(|q| q.speaker.as_ref()).all(|s| s.entity.as_deref() != Some(baker.as_str())));
    let c = Corrections { drop: vec![ruiz.clone()], ..Default::default() };
    let (b, _) = apply(&a, &c);
    assert!(b.entities.iter().all(|e| e.id != ruiz));
    assert_eq!(speaker(&b, "sign by Friday"), None);
}

#[test]
fn a_correction_whose_id_is_gone_is_reported_and_applying_twice_changes_nothing() {
    let a = analyze(&[("talks.txt", TALKS)]);
    let c = Corrections {
        assign: vec![Assign { quote: "nope-q9".into(), entity: Some(id_of(&a, "Ana Ruiz")), name: None }],
        merge: vec![["person:nobody".into(), id_of(&a, "Tom Baker")]],
        drop: vec!["organization:nothing".into()],
        ..Default::default()
    };
    let (b, problems) = apply(&a, &c);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("nope-q9")));
    assert_eq!(b.entities.len(), a.entities.len());
    let ok = Corrections {
        rename: vec![Rename { entity: id_of(&a, "Ana Ruiz"), name: "Ana María Ruiz".into() }],
        ..Default::default()
    };
    let (once, _) = apply(&a, &ok);
    let (twice, problems) = apply(&once, &ok);
    assert!(problems.is_empty());
    assert_eq!(once, twice);
}

#[test]
fn a_corrections_file_reads_as_the_issue_writes_it() {
    let c = Corrections::from_json(
        r#"{"assign": [{"quote": "a-q1", "entity": "person:x"}], "merge": [["person:x", "person:y"]],
            "split": [{"entity": "person:x", "alias": "X"}], "rename": [{"entity": "person:x", "name": "Ex"}],
            "drop": ["organization:z"]}"#,
    )
    .expect("a valid file");
    assert_eq!(c.len(), 5);
    assert!(Corrections::from_json(r#"{"merge": [["only-one"]]}"#).is_err(), "a merge is a pair");
}
