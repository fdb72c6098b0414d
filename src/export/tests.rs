use std::rc::Rc;

use super::*;

fn index() -> Index {
    Index::new(Rc::new(crate::builtin::analysis()))
}

fn lines(csv: &str) -> Vec<&str> {
    csv.split("\r\n").filter(|l| !l.is_empty()).collect()
}

#[test]
fn three_tables_follow_the_filters() {
    let ix = index();
    let mut v = View::default();
    v.speakers.insert("Dilma Rousseff".into());
    let d = ix.derive(&v);
    let quotes = export(&ix, &d, &v, Export::Quotes, "2026-11-23 22:03").content;
    let rows = lines(&quotes);
    assert_eq!(rows[0], QUOTE_COLUMNS.join(","));
    assert_eq!(rows.len() - 1, 2, "{quotes}");
    assert!(rows[1..].iter().all(|l| l.contains("Dilma Rousseff")));
    let j: serde_json::Value = serde_json::from_str(&export(&ix, &d, &v, Export::Json, "now").content).unwrap();
    assert_eq!(j["quotes"].as_array().unwrap().len(), 2);
    assert_eq!(j["view"], "speaker=Dilma+Rousseff");
    let mut brazil = View::default();
    brazil.countries.insert("Brazil".into());
    let d = ix.derive(&brazil);
    let j: serde_json::Value = serde_json::from_str(&export(&ix, &d, &brazil, Export::Json, "now").content).unwrap();
    let names: Vec<&str> = j["entities"].as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(names.contains(&"Brazil") && names.contains(&"Dilma Rousseff"), "{names:?}");
    assert!(!names.contains(&"John Kerry"));
    let mentions = export(&ix, &d, &brazil, Export::Mentions, "now").content;
    assert_eq!(lines(&mentions)[0], MENTION_COLUMNS.join(","));
    assert!(lines(&mentions).iter().any(|l| l.contains(",country:BRA,")), "{mentions}");
    let entities = export(&ix, &d, &brazil, Export::Entities, "now").content;
    assert_eq!(lines(&entities)[0], ENTITY_COLUMNS.join(","));
    assert!(entities.contains("person:dilma-rousseff"));
    assert_eq!(j["entities"].as_array().unwrap().len(), lines(&entities).len() - 1);
    assert_eq!(j["mentions"].as_array().unwrap().len(), lines(&mentions).len() - 1);
}

#[test]
fn offsets_are_given_in_bytes_and_in_utf16_units() {
    let ix = index();
    let v = View::default();
    let d = ix.derive(&v);
    let j: serde_json::Value = serde_json::from_str(&export(&ix, &d, &v, Export::Json, "now").content).unwrap();
    let mut differ = 0;
    for row in j["mentions"].as_array().unwrap().iter().chain(j["quotes"].as_array().unwrap()) {
        let a = ix.article_id(row["article"].as_str().unwrap()).unwrap();
        let text = &ix.analysis.articles[a].text;
        let (sb, eb) = (row["start_byte"].as_u64().unwrap() as usize, row["end_byte"].as_u64().unwrap() as usize);
        let (su, eu) = (row["start_utf16"].as_u64().unwrap() as usize, row["end_utf16"].as_u64().unwrap() as usize);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&utf16[su..eu]), text[sb..eb], "{row}");
        differ += usize::from(sb != su);
    }
    assert!(differ > 0, "the corpus has curly quotes, so the two kinds of offsets differ somewhere");
}

#[test]
fn cells_a_spreadsheet_would_run_are_neutralised() {
    for (raw, safe) in [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "\"'\r=1\""),
        ("plain, text", "\"plain, text\""),
        ("a \"quote\"", "\"a \"\"quote\"\"\""),
        ("Putin", "Putin"),
    ] {
        assert_eq!(cell(raw), safe, "{raw:?}");
    }
    // A hostile article: its quotation and its headline come out neutralised.
    let text = "=cmd|' /C calc'!A0\n\nMoscow, Sept 28 — “+SUM(1,2) is nothing,” Putin said.\n";
    let analysis = newsprism_core::analyze_inputs(&[newsprism_core::Input::text("evil.txt", text)], &mut |_| {});
    let ix = Index::new(Rc::new(analysis));
    let v = View::default();
    let d = ix.derive(&v);
    let quotes = export(&ix, &d, &v, Export::Quotes, "now").content;
    for line in lines(&quotes).iter().skip(1) {
        for field in line.split(',') {
            let f = field.trim_start_matches('"');
            assert!(!f.starts_with(['=', '+', '-', '@', '\t', '\r']), "unneutralised cell {field:?} in {line}");
        }
    }
    assert!(quotes.contains("'=cmd") && quotes.contains("'+SUM"), "{quotes}");
}

#[test]
fn file_names_say_what_and_when() {
    let mut v = View::default();
    assert_eq!(file_name(Export::Quotes, &v, "2026-11-23 22:03"), "newsprism-quotes-all-2026-11-23-22-03.csv");
    v.speakers.insert("François Hollande".into());
    v.countries.insert("Brazil".into());
    v.q = "<script>".into();
    assert_eq!(
        file_name(Export::Json, &v, "2026-11-23 22:03"),
        "newsprism-view-speaker-francois-hollande_country-brazil_search-script-2026-11-23-22-03.json"
    );
    v.speakers.insert("A very long name indeed that goes on and on and on".into());
    assert!(file_name(Export::Mentions, &v, "t").len() < 100);
}
