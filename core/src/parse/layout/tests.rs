#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
    blocks(text, None).into_iter().map(|b| (b.kind, b.span().of(text))).collect()
}

#[test]
fn headline_dateline_and_paragraphs() {
    let text = "Putin heads for UN showdown with Obama over Syria\n\nUnited Nations, Sept 28\n\nRussian President Vladimir Putin will square off today.\n\nPutin and Obama are due to speak.";
    assert_eq!(
        kinds(text),
        [
            (BlockKind::Headline, "Putin heads for UN showdown with Obama over Syria"),
            (BlockKind::Dateline, "United Nations, Sept 28"),
            (BlockKind::Paragraph, "Russian President Vladimir Putin will square off today."),
            (BlockKind::Paragraph, "Putin and Obama are due to speak."),
        ]
    );
}

#[test]
fn a_first_line_that_is_a_sentence_is_not_a_headline() {
    let text = "As leaders gather in New York, Kerry met Lavrov. He said so.\nKerry told reporters.";
    assert_eq!(kinds(text)[0].0, BlockKind::Paragraph);
}

#[test]
fn captions_by_agency_credit_or_position() {
    let text = "Obama chats with Putin at the U.N. General Assembly. (European Pressphoto Agency)\n\
        Body text here.\n\
        Russia’s president blamed foreign intervention for “anarchy.” (Reuters)\n\
        United States President Barack Obama, right, and Vladimir Putin arrive to pose.\n\
        The talks (which ran late) ended.";
    let k = kinds(text);
    assert_eq!(k[0].0, BlockKind::Caption);
    assert_eq!(k[1].0, BlockKind::Paragraph, "{k:?}");
    assert_eq!(k[2].0, BlockKind::Caption);
    assert_eq!(k[3].0, BlockKind::Caption);
    assert_eq!(k[4].0, BlockKind::Paragraph, "an ordinary parenthesis is not a credit");
}

#[test]
fn comment_form_and_share_widgets_are_boilerplate_with_reasons() {
    let text = "Kerry met Lavrov on Sunday.\nShare this article\nAl Jazeera and wire services\nError\nSorry, your comment was not saved due to a technical problem. Please try again later or using a different browser.";
    let b = blocks(text, None);
    let reasons: Vec<_> = b.iter().map(|b| (b.kind, b.reason)).collect();
    assert_eq!(
        reasons,
        [
            (BlockKind::Paragraph, None),
            (BlockKind::Boilerplate, Some(BoilerplateReason::ShareWidget)),
            (BlockKind::Credit, None),
            (BlockKind::Boilerplate, Some(BoilerplateReason::CommentForm)),
            (BlockKind::Boilerplate, Some(BoilerplateReason::CommentForm)),
        ]
    );
}

#[test]
fn blank_lines_with_stray_spaces_are_listed() {
    let text = "One paragraph here.\n \t \nAnother paragraph.";
    let b = blocks(text, None);
    assert_eq!(b[1].reason, Some(BoilerplateReason::Blank));
    assert_eq!(b.iter().filter(|b| b.kind == BlockKind::Paragraph).count(), 2);
}

#[test]
fn a_paragraph_cut_mid_sentence_joins_the_next_line() {
    let text = "“We’re just at the beginning of trying to understand it,” a senior State\n\nDepartment official said.  “We’ve got a long way to go.”\n\nNext paragraph.";
    let k = kinds(text);
    assert_eq!(k.len(), 2, "{k:?}");
    assert!(k[0].1.ends_with("long way to go.”"));
    assert!(k[0].1.contains("State\n\nDepartment"));
}

#[test]
fn a_paragraph_cut_mid_sentence_does_not_join_across_boilerplate() {
    // Found by the analysis fuzzer: the joined paragraph held the "Error" line, and the blocks left reading order.
    let text = "Talks on Syria\n\nOfficials met on Monday and said they would study a different\nError\nplan in the weeks ahead.";
    let k = kinds(text);
    assert_eq!(
        k,
        [
            (BlockKind::Headline, "Talks on Syria"),
            (BlockKind::Paragraph, "Officials met on Monday and said they would study a different"),
            (BlockKind::Boilerplate, "Error"),
            (BlockKind::Paragraph, "plan in the weeks ahead."),
        ]
    );
}

#[test]
fn inline_dateline_is_split_from_the_first_paragraph() {
    let text = "Talks fail\n\nWASHINGTON (Reuters) - The talks failed on Monday, officials said.";
    let k = kinds(text);
    assert_eq!(k[1], (BlockKind::Dateline, "WASHINGTON (Reuters)"));
    assert_eq!(k[2], (BlockKind::Paragraph, "The talks failed on Monday, officials said."));
}

#[test]
fn a_given_title_marks_the_repeated_first_line_only() {
    let text = "Stealth Over Health: Clinton Diverted.\n\nThe Post reports it.";
    let b = blocks(text, Some("Stealth Over Health: Clinton Diverted"));
    assert_eq!(b[0].kind, BlockKind::Headline);
    let b = blocks("Other words first\n\nBody.", Some("A Title"));
    assert_eq!(b[0].kind, BlockKind::Paragraph);
}

#[test]
fn bylines_are_credits() {
    let k = kinds("Headline here\nBy Karen DeYoung and Carol Morello\nThe talks began.");
    assert_eq!(k[1].0, BlockKind::Credit);
}

#[test]
fn crlf_line_ends_are_not_part_of_blocks() {
    let text = "First paragraph here.\r\n\r\nSecond one.\r\n";
    let k = kinds(text);
    assert_eq!(k, [(BlockKind::Paragraph, "First paragraph here."), (BlockKind::Paragraph, "Second one.")]);
}
