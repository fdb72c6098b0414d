//! Hostile and odd input: loading fails with a clear error for the bad file only; analysis never panics.

use browser_task_test::test;

use crate::fixtures::{analyze, analyze_bytes};

use crate::fixtures::SEEDS;

#[test]
fn bad_inputs_are_reported_and_good_ones_still_load() {
    let big = vec![b'x'; 50 * 1024 * 1024];
    let inputs: Vec<(&str, &[u8])> = vec![
        (SEEDS[0].0, SEEDS[0].1.as_bytes()),
        ("empty.txt", b""),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("latin1.txt", b"Caf\xe9 society"),
        ("huge.txt", &big),
        ("broken.json", b"{\"title\": \"x\", \"text\": }"),
        (SEEDS[4].0, SEEDS[4].1.as_bytes()),
    ];
    let a = analyze_bytes(&inputs);
    assert_eq!(a.articles.len(), 2);
    let codes: Vec<(&str, &str)> = a.errors.iter().map(|e| (e.input.as_str(), e.code.as_str())).collect();
    assert_eq!(
        codes,
        [
            ("empty.txt", "empty"),
            ("photo.txt", "binary"),
            ("latin1.txt", "invalid_utf8"),
            ("huge.txt", "too_large"),
            ("broken.json", "malformed_json")
        ]
    );
    for e in &a.errors {
        assert!(e.message.starts_with(&e.input), "message names the file: {}", e.message);
    }
}

#[test]
fn hostile_html_is_kept_as_plain_text() {
    let html = "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\"> said the “attacker” today.";
    let a = analyze(&[("hostile.txt", html)]);
    let art = &a.articles[0];
    assert_eq!(art.text, html);
    assert!(art.blocks.iter().any(|b| b.span().of(&art.text).contains("<script>")));
}

/// A tiny deterministic generator, so the fuzz cases are the same on every run and platform.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn any_text_analyses_without_panic_and_spans_round_trip() {
    const PIECES: &[&str] = &[
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        ".",
        ". ",
        "?",
        "!",
        "…",
        " ",
        "\n",
        "\n\n",
        "U.S.",
        "Mr.",
        "He said",
        ",",
        "(Reuters)",
        "—",
        "é",
        "Putin",
        "said",
        "\r\n",
        ":",
        "“We",
        "end.”",
        "日本",
        "\t",
        "Error",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let n = (rng.next() % 60) as usize + 1;
        let text: String = (0..n).map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize]).collect();
        let a = analyze(&[("fuzz.txt", &text)]);
        for art in &a.articles {
            let spans = art.paragraphs.iter().chain(&art.sentences);
            for s in spans {
                assert!(s.start <= s.end && s.end <= art.text.len());
                assert!(art.text.is_char_boundary(s.start) && art.text.is_char_boundary(s.end), "{text:?}");
            }
        }
        for q in &a.quotes {
            let art = &a.articles[0];
            assert_eq!(art.text.get(q.start..q.end), Some(q.text.as_str()), "{text:?}");
        }
    }
}

#[test]
fn a_text_loaded_twice_is_reported_and_counted_once() {
    let text = "Head line\n\nThe mayor said the roads were open.";
    let jsonl = "{\"text\": \"Another story entirely.\"}\n{\"text\": \"Another story entirely.\"}\n";
    let a = analyze(&[("a.txt", text), ("copy of a.txt", text), ("feed.jsonl", jsonl)]);
    assert_eq!(a.articles.len(), 2);
    let dups: Vec<&str> = a.errors.iter().filter(|e| e.code == "duplicate").map(|e| e.message.as_str()).collect();
    assert_eq!(dups.len(), 2, "{dups:?}");
    assert!(dups[0].starts_with("copy of a.txt: the same text as a.txt is already loaded"), "{dups:?}");
    assert!(dups[1].starts_with("feed.jsonl:2: the same text as feed.jsonl:1"), "{dups:?}");
}

/// Every broken promise of the analysis of `texts` (spans, indices, unique ids), as the fuzzers check them.
fn broken(texts: &[(&str, &str)]) -> Vec<String> {
    newsprism_core::eval::invariants::check(&analyze(texts))
}

#[test]
fn names_with_the_same_slug_get_distinct_ids() {
    // Found by the analysis fuzzer: two places merged by different keys, one id "place:new-york".
    assert_eq!(broken(&[("a.txt", "in New York New# York")]), Vec::<String>::new());
    let a = analyze(&[("a.txt", "in New York New# York")]);
    let ids: Vec<&str> = a.entities.iter().filter(|e| e.id.starts_with("place:")).map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["place:new-york", "place:new-york-2"]);
}

#[test]
fn blocks_stay_in_reading_order_around_boilerplate_lines() {
    // Found by the analysis fuzzer (minimised): a paragraph cut mid-sentence joined the line after an "Error" line.
    let text = "uDsaiTvices\nError a diSg a di'derent browser.reoubrowser.er. said QuTvices\nError\nSg a ditowser.";
    assert_eq!(broken(&[("a.txt", text)]), Vec::<String>::new());
}

#[test]
fn a_text_ending_in_the_leaves_no_description_unread() {
    // Found by the analysis fuzzer: "the" as the text's last word was read for a role after it, past the end.
    for text in ["Paris said \u{201c}now\u{201d} the", "The minister spoke. And the", "the"] {
        assert_eq!(broken(&[("a.txt", text)]), Vec::<String>::new(), "{text:?}");
    }
}

#[test]
fn a_record_keeps_its_own_id_made_url_safe_and_unique() {
    let jsonl = "{\"id\": \"ecbplus-17\", \"text\": \"The bridge opened on Monday.\"}\n\
                 {\"id\": \"ecbplus-17\", \"text\": \"The ferry stopped on Tuesday.\"}\n\
                 {\"id\": 42, \"text\": \"The port closed on Friday.\"}\n\
                 {\"id\": \"a b/c\", \"text\": \"The train ran late.\"}\n\
                 {\"text\": \"The road was repaired.\"}\n";
    let a = analyze(&[("story.jsonl", jsonl)]);
    let ids: Vec<&str> = a.articles.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["ecbplus-17", "ecbplus-17-2", "42", "a-b-c", "story-5"]);
}
