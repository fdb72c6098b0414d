//! Attribution cue patterns one at a time, on short passages written in news style: the words the analyzer
//! picks as naming each quote's source.

use browser_task_test::test;

use newsprism_core::model::Rule;
use newsprism_core::{Analysis, Quote};

use crate::fixtures;

fn analyze(text: &str) -> Analysis {
    fixtures::analyze(&[("passage.txt", &format!("A passage\n\n{text}\n"))])
}

/// The quote starting with `prefix`.
fn quote<'a>(a: &'a Analysis, prefix: &str) -> &'a Quote {
    a.quotes.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("no quote {prefix:?}"))
}

/// The words naming the source of the quote starting with `prefix` ("" when unattributed).
fn mention(a: &Analysis, prefix: &str) -> String {
    let q = quote(a, prefix);
    q.speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn a_quote_after_a_cued_quote_keeps_that_cue() {
    let a = analyze(
        "Hospital staff were exhausted by noon. “We ran out of beds twice,” said Maria Lopez, a nurse who treated \
         Governor Paul Hart after his fall. “Nobody planned for a week like this one.”",
    );
    assert_eq!(mention(&a, "Nobody planned"), "Maria Lopez");
    let q = quote(&a, "Nobody planned");
    assert_eq!((q.rule, q.verb.as_deref()), (Some(Rule::PreviousSentence), Some("said")), "proposed by the cue rule");
}

#[test]
fn documents_speak_through_read_put_it_and_per() {
    let a = analyze(
        "Parents wrote to the school board in May.\n\n“Our children deserve a safe walk to school,” the letter \
         reads.\n\nThe rule covers any driver who is “operating a vehicle for hire,” as a city memo put it.\n\n\
         Members may not vote by proxy when “filling a vacancy on the board,” per the club’s bylaws.",
    );
    assert_eq!(mention(&a, "Our children deserve"), "the letter");
    assert_eq!(mention(&a, "operating a vehicle"), "a city memo");
    assert_eq!(mention(&a, "filling a vacancy"), "the club’s bylaws");
}

#[test]
fn a_name_before_several_asides_is_the_subject() {
    let a = analyze(
        "“The harbour cannot take another storm like that,” Tomas Berg, the mayor of Bergen, one of the towns \
         hit hardest, said on Sunday.\n\nAnna Lind, the minister of transport, a member of the Social Democrats, \
         said the new bridge was “years behind schedule.”",
    );
    assert_eq!(mention(&a, "The harbour cannot"), "Tomas Berg");
    assert_eq!(mention(&a, "years behind schedule"), "Anna Lind");
}

#[test]
fn a_participle_phrase_does_not_hide_the_subject() {
    let a = analyze("Farmers marching through the square chanted “No more cuts!” until the police arrived.");
    assert_eq!(mention(&a, "No more cuts"), "Farmers");
}

#[test]
fn a_dash_before_a_lowercase_word_is_not_a_sign_off() {
    let a = analyze("Senator Ruth Okafor has been calling the plan a “giveaway” ― just as she did with the last one.");
    assert_ne!(mention(&a, "giveaway"), "just");
}

#[test]
fn a_relative_pronoun_names_the_source_and_stands_for_the_phrase_before_it() {
    let a = analyze(
        "The vote split the council. Mayor Dana Whitfield, who last year called the tunnel “a monument to \
         waste,” abstained.",
    );
    let q = quote(&a, "a monument");
    let s = q.speaker.as_ref().expect("attributed");
    assert_eq!((s.name.as_str(), s.mention.as_ref().map(|m| m.text.as_str())), ("Dana Whitfield", Some("who")));
}

#[test]
fn a_fragment_after_another_fragment_keeps_the_clause_subject() {
    let a = analyze(
        "Critics were not persuaded. In a radio interview, Ortega described the governor as “a tourist” who \
         “has never spent a night in the valley.”",
    );
    assert_eq!(mention(&a, "a tourist"), "Ortega");
    assert_eq!(mention(&a, "has never spent"), "Ortega");
    let q = quote(&a, "has never spent");
    assert_eq!((q.rule, q.verb.as_deref()), (Some(Rule::Before), Some("described")), "the clause's own cue");
}

#[test]
fn a_cue_can_make_the_sentence_after_a_closed_quote() {
    let a = analyze(
        "The hearing ran late. “We will not sign this budget.” Governor Ines Duarte said as she left the \
         chamber.\n\n“The rail line stays open.” Councillor Ben Adler said.\n\n“The bridge is safe.” Mayor Lou \
         Grant says the inspectors disagree.\n\n\"Fares will not rise this year.\"\n\n- Mira Sandoval.\n\nThe council meets again in May.",
    );
    assert_eq!(mention(&a, "We will not sign"), "Governor Ines Duarte");
    assert_eq!(mention(&a, "The rail line"), "Councillor Ben Adler");
    assert_eq!(mention(&a, "Fares will not rise"), "Mira Sandoval", "a sign-off under the quote");
    let q = quote(&a, "The bridge is safe");
    assert!(
        !(q.rule == Some(Rule::After) && q.verb.as_deref() == Some("says")),
        "“Grant says the inspectors disagree” is a new statement, not this quote's cue"
    );
}

#[test]
fn a_short_prepositional_phrase_may_follow_the_subject() {
    let a = analyze("\"Who will pay for it?\" a reporter in the front row asked.");
    assert_eq!(mention(&a, "Who will pay"), "a reporter");
}

#[test]
fn a_cue_may_come_later_in_the_sentence_or_name_a_document_first() {
    let a = analyze(
        "Budget talks stalled again. \"This will be a long winter\" for the council, said Rosa Imbert. \
         \"We cannot cut the buses,\" read the statement, which the union posted online.",
    );
    assert_eq!(mention(&a, "This will be a long"), "Rosa Imbert");
    assert_eq!(mention(&a, "We cannot cut"), "the statement");
}

#[test]
fn a_relative_clause_inside_the_subject_is_skipped() {
    let a = analyze(
        "Talks continued into the night. A city official who spoke on condition of anonymity to discuss the \
         talks said, \"Nobody is leaving this room.\"",
    );
    assert_eq!(mention(&a, "Nobody is leaving"), "A city official");
}

#[test]
fn a_paragraph_opening_with_a_quote_continues_the_quote_that_closed_the_paragraph_before() {
    let a = analyze(
        "Ferry service resumed on Monday.\n\n“The crossing is safe again,” said Harbour Master Olu Bankole, who \
         inspected the pier with Mayor Greta Lind.\n\n“We checked every mooring twice.”\n\nThe mayor thanked the crews.",
    );
    assert_eq!(mention(&a, "We checked every"), "Harbour Master Olu Bankole");
    let q = quote(&a, "We checked every");
    assert_eq!(q.rule, Some(Rule::PreviousSentence), "proposed by the previous quote's cue");
}

#[test]
fn coordinated_verbs_share_the_first_verbs_subject() {
    let a = analyze(
        "Asked by a reporter from the Tribune whether Governor Mark Ellison would sign the bill before the \
         recess, the senator laughed and said, \"We will see.\"",
    );
    assert_eq!(mention(&a, "We will see"), "the senator");
}

#[test]
fn a_preposition_or_an_adverb_opens_no_source() {
    let a = analyze(
        "The donors were blunt. Of the governor, Levine, who has given money to her rivals, said, “She is \
         flat-out scary.”\n\nHis mispronunciation of “Hamas” only reinforced the doubts in the hall.",
    );
    assert_eq!(mention(&a, "She is flat-out"), "Levine");
    // A name in quotation marks is no quotation at all, so nothing can credit it to "only".
    assert!(!a.quotes.iter().any(|q| q.text == "Hamas"));
}

#[test]
fn who_right_before_the_speaker_is_the_object() {
    let a = analyze("The envoy resigned on Friday. He was the aide who Governor Paula Reyes said “never lost a vote.”");
    assert_eq!(mention(&a, "never lost a vote"), "Governor Paula Reyes");
}
