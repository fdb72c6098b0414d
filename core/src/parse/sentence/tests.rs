#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn split(s: &str) -> Vec<&str> {
    sentences(s, Span::new(0, s.len())).into_iter().map(|sp| sp.of(s)).collect()
}

#[test]
fn abbreviations_initials_and_decimals_do_not_end_sentences() {
    assert_eq!(
        split("The U.S. military and the U.N. Security Council met on Sept. 28 with Mr. Kerry and John F. Kennedy Jr. about 4.5 years of war. It ended."),
        [
            "The U.S. military and the U.N. Security Council met on Sept. 28 with Mr. Kerry and John F. Kennedy Jr. about 4.5 years of war.",
            "It ended."
        ]
    );
}

#[test]
fn an_acronym_ends_a_sentence_before_a_usual_opener() {
    assert_eq!(split("Troops went to the U.S. The move was new."), ["Troops went to the U.S.", "The move was new."]);
}

#[test]
fn quotes_and_questions_inside_marks() {
    assert_eq!(
        split("“Do you realize now what you have done?” he said in remarks. “Policies have never been abandoned.” Then he left."),
        ["“Do you realize now what you have done?” he said in remarks.", "“Policies have never been abandoned.”", "Then he left."]
    );
}

#[test]
fn ellipsis_and_glued_periods() {
    assert_eq!(
        split("We cannot look backward. . . . And if we cannot work together, we suffer."),
        ["We cannot look backward. . . .", "And if we cannot work together, we suffer."]
    );
    assert_eq!(
        split("He convened a summit on peacekeeping forces.On Tuesday, the president will sit down."),
        ["He convened a summit on peacekeeping forces.", "On Tuesday, the president will sit down."]
    );
    assert_eq!(split("See aljazeera.com for more."), ["See aljazeera.com for more."]);
}

#[test]
fn a_trailing_photo_credit_stays_with_its_sentence() {
    assert_eq!(
        split("Obama chats with Putin at the U.N. General Assembly. (European Pressphoto Agency)"),
        ["Obama chats with Putin at the U.N. General Assembly. (European Pressphoto Agency)"]
    );
}

#[test]
fn spans_are_relative_to_the_whole_text() {
    let text = "Head\n\nOne. Two.";
    let got = sentences(text, Span::new(6, text.len()));
    assert_eq!(got, [Span::new(6, 10), Span::new(11, 15)]);
}

#[test]
fn a_closing_mark_set_apart_by_spaces_ends_its_own_sentence() {
    assert_eq!(
        split("“ It was a cowardly act. ” Investigators named a suspect. \"We are done. \" Then she left. She said. \"Yes."),
        ["“ It was a cowardly act. ”", "Investigators named a suspect.", "\"We are done. \"", "Then she left.", "She said.", "\"Yes."]
    );
}
