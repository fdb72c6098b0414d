#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn err(name: &str, bytes: &[u8]) -> LoadError {
    match load(name, bytes) {
        Err(e) => e,
        Ok(docs) => panic!("expected an error for {name}, got {} documents", docs.len()),
    }
}

#[test]
fn text_file_is_one_document_verbatim() {
    let docs = load("a/b.txt", "Headline\n\nBody “text”.\n".as_bytes()).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, "Headline\n\nBody “text”.\n");
    assert_eq!(docs[0].source, "a/b.txt");
    assert_eq!(docs[0].title, None);
}

#[test]
fn json_lines_records_take_title_source_and_line() {
    let input =
        "{\"title\":\"T1\",\"text\":\"One.\",\"source\":\"Reuters\"}\n\n{\"text\":\"Two.\",\"url\":\"http://x\"}\n";
    let docs = load("news.jsonl", input.as_bytes()).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].title.as_deref(), Some("T1"));
    assert_eq!(docs[0].source, "Reuters");
    assert_eq!(docs[1].source, "news.jsonl:3", "a record without a source is FILE:LINE");
    assert_eq!(docs[1].url.as_deref(), Some("http://x"));
}

#[test]
fn json_array_records_are_labelled_by_their_line() {
    let input = "[\n  {\"text\": \"First.\"},\n  {\"text\": \"Second.\",\n   \"published\": \"2015-09-28\"}\n]";
    let docs = load("set.json", input.as_bytes()).unwrap();
    assert_eq!(docs.iter().map(|d| d.source.as_str()).collect::<Vec<_>>(), ["set.json:2", "set.json:3"]);
    assert_eq!(docs[1].published.as_deref(), Some("2015-09-28"));
}

#[test]
fn format_is_sniffed_when_the_name_says_nothing() {
    let docs = load("pasted", b"{\"text\": \"A.\"}\n{\"text\": \"B.\"}").unwrap();
    assert_eq!(docs.len(), 2);
    let docs = load("pasted", b"{\n \"text\": \"A.\"\n}").unwrap();
    assert_eq!(docs.len(), 1);
    let docs = load("pasted", b"Just prose.").unwrap();
    assert_eq!(docs[0].text, "Just prose.");
}

#[test]
fn empty_and_whitespace_inputs_are_refused() {
    assert_eq!(err("e.txt", b""), LoadError::Empty { name: "e.txt".into() });
    assert_eq!(err("w.txt", b" \n\t\n").code(), "empty");
}

#[test]
fn binary_and_invalid_utf8_are_refused_with_where() {
    assert_eq!(err("img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").code(), "binary");
    assert_eq!(err("bad.txt", b"caf\xe9 au lait"), LoadError::InvalidUtf8 { name: "bad.txt".into(), offset: 3 });
}

#[test]
fn utf16_with_bom_and_utf8_bom_are_read() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Hé".encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(load("u16.txt", &bytes).unwrap()[0].text, "Hé");
    assert_eq!(load("bom.txt", b"\xEF\xBB\xBFHi").unwrap()[0].text, "Hi");
}

#[test]
fn huge_input_is_refused_before_parsing() {
    let big = vec![b'a'; 50_000_000];
    let e = err("big.txt", &big);
    assert_eq!(e.code(), "too_large");
    assert_eq!(
        e.to_string(),
        "big.txt: the file is too large: 50,000,000 bytes (47.7 MiB), over the limit of 16,777,216 bytes (16 MiB)"
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    let e = err("x.jsonl", b"{\"text\": \"ok\"}\n{\"text\": oops}\n");
    match &e {
        LoadError::MalformedJson { line, column, .. } => assert_eq!((*line, *column), (2, 10)),
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().starts_with("x.jsonl: malformed JSON at line 2, column 10"), "{e}");
    assert_eq!(err("y.json", b"[{\"text\": \"a\"},").code(), "malformed_json");
}

#[test]
fn records_without_text_are_refused() {
    assert_eq!(err("r.jsonl", b"{\"title\": \"no body\"}"), LoadError::MissingText { name: "r.jsonl".into(), line: 1 });
    assert_eq!(err("r.json", b"[]").code(), "no_records");
    assert_eq!(err("r.json", b"{\"text\": 3}").code(), "missing_text");
}

#[test]
fn a_bad_record_loses_only_itself() {
    let input = "{\"text\": \"One.\"}\n{oops\n{\"title\": \"no text\"}\n{\"text\": \"Four.\"}\n";
    let loaded = load_lenient("mixed.jsonl", input.as_bytes()).unwrap();
    assert_eq!(loaded.documents.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(), ["One.", "Four."]);
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("mixed.jsonl: malformed JSON at line 2"), "{problems:?}");
    assert!(problems[1].contains("line 3"), "{problems:?}");
    // The strict reading still refuses the file, naming the first bad line.
    assert_eq!(err("mixed.jsonl", input.as_bytes()).code(), "malformed_json");
    let array = "[{\"text\": \"A.\"}, {\"title\": \"none\"}]";
    let loaded = load_lenient("set.json", array.as_bytes()).unwrap();
    assert_eq!((loaded.documents.len(), loaded.problems.len()), (1, 1));
}

#[test]
fn a_record_may_give_its_id() {
    let docs = load(
        "r.jsonl",
        b"{\"id\": \"x-1\", \"text\": \"One.\"}\n{\"id\": 7, \"text\": \"Two.\"}\n{\"text\": \"Three.\"}\n",
    )
    .unwrap();
    assert_eq!(docs.iter().map(|d| d.id.as_deref()).collect::<Vec<_>>(), [Some("x-1"), Some("7"), None]);
}
