#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::parse::layout::blocks;

fn found(text: &str) -> Vec<(String, QuoteKind)> {
    quotes(text, &blocks(text, None)).into_iter().map(|q| (q.span.of(text).to_string(), q.kind)).collect()
}

#[test]
fn curly_and_straight_double_quotes() {
    let text = "“We cannot look backward,” he said.\n\n\"We must recognize that,\" he declared, calling it \"alternative is worse\".";
    assert_eq!(
        found(text),
        [
            ("We cannot look backward".to_string(), QuoteKind::Direct),
            ("We must recognize that".to_string(), QuoteKind::Direct),
            ("alternative is worse".to_string(), QuoteKind::Fragment),
        ]
    );
}

#[test]
fn a_mismatched_opening_mark_can_close() {
    // Real copy (seed 001) closes with “ instead of ”.
    let text = "“With respect to Ukraine, the president reiterated our support for the Ukraine government“, the official said.";
    assert_eq!(
        found(text),
        [(
            "With respect to Ukraine, the president reiterated our support for the Ukraine government".to_string(),
            QuoteKind::Direct
        )]
    );
}

#[test]
fn fragments_embedded_in_reported_speech() {
    let text = "He described relations as “regretfully at a rather low level” and blamed a terrorist-fueled “anarchy.” (Reuters)";
    let got = found(text);
    assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), [QuoteKind::Fragment, QuoteKind::Fragment]);
    assert_eq!(got[1].0, "anarchy.");
}

#[test]
fn quote_over_several_paragraphs_is_linked() {
    let text = "Obama said, “We are told that retrenchment is required.\n\n“But I stand before you today. We cannot look backward.”\n\nPutin replied.";
    let q = quotes(text, &blocks(text, None));
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].close, None);
    assert_eq!(q[0].continues, None);
    assert_eq!(q[1].continues, Some(0));
    assert_eq!(q[1].span.of(text), "But I stand before you today. We cannot look backward.");
}

#[test]
fn an_unclosed_quote_without_a_reopening_stops_at_its_paragraph() {
    let text = "He said “this never closes.\n\nThe next paragraph is narration.";
    let q = quotes(text, &blocks(text, None));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].span.of(text), "this never closes.");
    assert_eq!(q[0].continues, None);
}

#[test]
fn single_quotes_in_headlines_but_not_apostrophes() {
    let text = "Putin says ‘differences can be resolved’ after meeting\n\nThe Russians’ intentions and Russia’s role, ‘90s music.";
    let got = found(text);
    assert_eq!(got, [("differences can be resolved".to_string(), QuoteKind::Fragment)]);
}

#[test]
fn single_quotes_inside_double_quotes_belong_to_the_outer_quote() {
    let text = "“He called it ‘a disaster’ today,” she said.";
    let got = found(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "He called it ‘a disaster’ today");
}

#[test]
fn short_titles_in_quotes_are_fragments() {
    let text = "Samantha Power said on ABC's “This Week.” and CBS's “60 Minutes.”";
    assert!(found(text).iter().all(|(_, k)| *k == QuoteKind::Fragment));
}

#[test]
fn a_question_quote_keeps_its_mark() {
    let text = "“Do you realize now what you have done?” he said.";
    assert_eq!(found(text), [("Do you realize now what you have done?".to_string(), QuoteKind::Direct)]);
}
