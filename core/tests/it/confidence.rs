//! Each quote's confidence and alternatives, on news written for these tests: a name right by its quote is
//! surer than a pronoun two people of one gender could mean; the alternatives share what is left.

use browser_task_test::test;

use crate::fixtures::analyze;
use newsprism_core::model::Quote;
use newsprism_core::Analysis;

fn quote<'a>(a: &'a Analysis, words: &str) -> &'a Quote {
    a.quotes.iter().find(|q| q.text.contains(words)).unwrap_or_else(|| panic!("no quote with {words:?}"))
}

const HEARING: &str = "Budget hearing\n\n\
    “We will not cut the schools,” Mayor Ana Ruiz said on Tuesday.\n\n\
    Council members Tom Baker and Luis Ortega met the mayor after the hearing. Baker spoke first, and Ortega \
    answered him.\n\n\
    “That is a promise we cannot keep,” he said.\n\n\
    The word “austerity” was not used.";

#[test]
fn a_name_by_its_quote_is_surer_than_a_guess_from_names_nearby() {
    let a = analyze(&[("hearing.txt", HEARING)]);
    let named = quote(&a, "cut the schools");
    assert!(named.confidence >= 0.9, "{named:?}");
    let guessed = a.quotes.iter().filter(|q| q.rule == Some(newsprism_core::model::Rule::Nearby));
    for q in guessed {
        assert!(q.confidence < named.confidence, "{q:?}");
    }
    for q in &a.quotes {
        let total: f64 = q.confidence + q.alternatives.iter().map(|x| x.probability).sum::<f64>();
        assert!(total <= 1.0 + 1e-6, "{q:?}");
        let chosen = q.speaker.as_ref().map(|s| s.key.as_str());
        assert!(q.alternatives.iter().all(|x| Some(x.key.as_str()) != chosen), "no alternative is the speaker");
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    // The pronoun's other reading is offered.
    let pronoun = quote(&a, "cannot keep");
    let named_as: Vec<&str> = pronoun.alternatives.iter().map(|x| x.name.as_str()).collect();
    assert!(named_as.contains(&"Tom Baker") || named_as.contains(&"Luis Ortega"), "{named_as:?}");
}

#[test]
fn a_quote_without_a_speaker_has_no_confidence() {
    let a = analyze(&[("hearing.txt", HEARING)]);
    let word = quote(&a, "austerity");
    assert!(word.speaker.is_none(), "the word “austerity” is a word, not speech: {word:?}");
    for q in a.quotes.iter().filter(|q| q.speaker.is_none()) {
        assert_eq!(q.confidence, 0.0, "{q:?}");
    }
}

const TWO: &str = "Strike ends\n\nUnion leader Rosa Diaz met the board on Friday. Board members left early.\n\n\
    “The strike is over and we go back on Monday,” she said.";
const THREE: &str =
    "Dockers return\n\n“The strike is over and we go back on Monday,” union leader Rosa Diaz told reporters.";

#[test]
fn other_outlets_crediting_the_same_speaker_raise_the_confidence() {
    let alone = analyze(&[("two.txt", TWO)]);
    let beside = analyze(&[("two.txt", TWO), ("three.txt", THREE)]);
    let of_two = |a: &Analysis| a.quotes.iter().find(|q| q.article.starts_with("two")).cloned().expect("its quote");
    let (a, b) = (of_two(&alone), of_two(&beside));
    assert_eq!(a.speaker.as_ref().map(|s| s.name.as_str()), Some("Rosa Diaz"));
    assert_eq!(b.speaker.as_ref().map(|s| s.name.as_str()), Some("Rosa Diaz"));
    assert!(b.confidence > a.confidence, "alone {}, beside another outlet's version {}", a.confidence, b.confidence);
}
