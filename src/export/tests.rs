use std::rc::Rc;

use super::*;

fn index() -> Index {
    Index::new(Rc::new(crate::builtin::analysis()))
}

fn lines(csv: &str) -> Vec<&str> {
    let csv = csv.strip_prefix('\u{FEFF}').unwrap_or_else(|| panic!("a CSV starts with a byte-order mark: {csv:?}"));
    csv.split("\r\n").filter(|l| !l.is_empty()).collect()
}

/// One table of one column and one row, as the CSV writes its cell.
fn one_cell(column: &str, raw: &str) -> String {
    let table = csv_table(&[column], &[row(&[column], vec![json!(raw)])]);
    let body = table.strip_prefix(&format!("\u{FEFF}{column}\r\n")).expect("the header").to_string();
    body.strip_suffix("\r\n").expect("a CRLF line end").to_string()
}

/// A CSV parsed by the `csv` crate (as a reader would), its byte-order mark gone: the header and the rows.
fn parse(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = ::csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let header = r.headers().expect("a header").iter().map(str::to_string).collect();
    let rows = r.records().map(|x| x.expect("a record").iter().map(str::to_string).collect()).collect();
    (header, rows)
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
        assert_eq!(one_cell("text", raw), safe, "{raw:?}");
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

#[test]
fn every_csv_starts_with_a_byte_order_mark_and_the_json_does_not() {
    let ix = index();
    let v = View::default();
    let d = ix.derive(&v);
    for what in [Export::Entities, Export::Mentions, Export::Quotes] {
        let content = export(&ix, &d, &v, what, "now").content;
        assert!(content.starts_with("\u{FEFF}"), "{what:?}");
        assert_eq!(content.as_bytes()[..3], [0xEF, 0xBB, 0xBF], "UTF-8's mark, once");
        assert!(!content[3..].contains('\u{FEFF}'));
    }
    assert!(export(&ix, &d, &v, Export::Json, "now").content.starts_with('{'));
}

#[test]
fn ids_a_spreadsheet_would_read_as_dates_or_numbers_are_kept_as_text() {
    for id in ["1-2", "2024-03-01", "3/4", "007", "12", "1.5", "1e5", "12:30", "Mar-1", "1 march", "50%"] {
        assert!(reads_as_value(id), "{id}");
        assert_eq!(guard("article", id), format!("'{id}"));
        assert_eq!(guard("quote", id), format!("'{id}"));
    }
    for id in ["000_fb588c1a204cc496", "story-1", "person:ada-lim", "1-2-q3", "harbour-2", "report.txt"] {
        assert!(!reads_as_value(id), "{id}");
        assert_eq!(guard("article", id), id);
    }
    // Text that is no id keeps its words as written.
    assert_eq!(guard("text", "1-2"), "1-2");
    // Articles whose ids a spreadsheet would turn into dates: every id cell comes out protected.
    let inputs = [
        newsprism_core::Input::text("1-2.txt", "Ferry talks\n\n“The ferry will run all winter,” Ada Lim said in Oslo."),
        newsprism_core::Input::text(
            "3-4.txt",
            "Ferry deal\n\n“The ferry will run all winter,” Ada Lim said on Monday.",
        ),
    ];
    let analysis = newsprism_core::analyze_inputs(&inputs, &mut |_| {});
    let ids: Vec<String> = analysis.articles.iter().map(|a| a.id.clone()).collect();
    assert!(ids.iter().all(|id| reads_as_value(id)), "{ids:?}");
    let ix = Index::new(Rc::new(analysis));
    let v = View::default();
    let d = ix.derive(&v);
    for (what, columns) in [(Export::Quotes, &QUOTE_COLUMNS[..]), (Export::Mentions, &MENTION_COLUMNS[..])] {
        let (header, rows) = parse(&export(&ix, &d, &v, what, "now").content);
        assert_eq!(header, columns);
        let article = columns.iter().position(|c| *c == "article").expect("an article column");
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(ids.iter().any(|id| r[article] == format!("'{id}")), "{what:?}: {r:?}");
        }
    }
}

#[test]
fn new_columns_come_last_story_corrected_unsure_alternatives_and_three_decimals() {
    let mut analysis = crate::builtin::analysis();
    // A reader's correction and a doubtful attribution, as the core marks them.
    let first = analysis.quotes.iter().position(|q| q.speaker.is_some()).expect("an attributed quote");
    let q = &mut analysis.quotes[first];
    q.corrected = true;
    q.confidence = 0.6869999885559082;
    q.alternatives = vec![
        newsprism_core::model::Alternative {
            entity: Some("person:ada-lim".into()),
            name: "Ada Lim".into(),
            key: "person:ada-lim".into(),
            unnamed: false,
            probability: 0.3,
        },
        newsprism_core::model::Alternative {
            entity: None,
            name: "unnamed official".into(),
            key: "unnamed:x:official".into(),
            unnamed: true,
            probability: 0.046,
        },
    ];
    let quote_id = q.id.clone();
    analysis.entities[0].corrected = true;
    let corrected_entity = analysis.entities[0].id.clone();
    let story = analysis.stories[0].id.clone();
    let ix = Index::new(Rc::new(analysis));
    let v = View::default();
    let d = ix.derive(&v);

    // The old columns first, in their order; the new ones after them.
    assert_eq!(QUOTE_COLUMNS[..23].last(), Some(&"end_utf16"));
    assert_eq!(QUOTE_COLUMNS[23..], ["story", "corrected", "unsure", "alternatives"]);
    assert_eq!(MENTION_COLUMNS[15..], ["story"]);
    assert_eq!(ENTITY_COLUMNS[10..], ["story", "corrected"]);

    let (header, rows) = parse(&export(&ix, &d, &v, Export::Quotes, "now").content);
    let col = |name: &str| header.iter().position(|c| c == name).expect(name);
    let row = rows.iter().find(|r| r[col("quote")] == quote_id).expect("the corrected quote");
    assert_eq!(row[col("confidence")], "0.687");
    assert_eq!(row[col("corrected")], "true");
    assert_eq!(row[col("unsure")], "true");
    assert_eq!(row[col("alternatives")], "Ada Lim (30 %); unnamed official (5 %)");
    assert_eq!(row[col("story")], story);
    for r in &rows {
        assert!(r[col("confidence")].len() == 5 && r[col("confidence")].starts_with(['0', '1']), "{r:?}");
        let sure = r[col("speaker")].is_empty() || r[col("confidence")].as_str() >= "0.750";
        assert_eq!(r[col("unsure")], if sure { "false" } else { "true" }, "{r:?}");
        if r[col("quote")] != quote_id {
            assert_eq!(r[col("corrected")], "false");
        }
    }
    let (header, rows) = parse(&export(&ix, &d, &v, Export::Entities, "now").content);
    let col = |name: &str| header.iter().position(|c| c == name).expect(name);
    for r in &rows {
        assert_eq!(r[col("corrected")], if r[col("entity")] == corrected_entity { "true" } else { "false" });
        assert_eq!(r[col("story")], story, "one story in the built-in corpus");
    }
    let (header, rows) = parse(&export(&ix, &d, &v, Export::Mentions, "now").content);
    assert!(rows.iter().all(|r| r[header.len() - 1] == story));

    // The JSON has the same fields, as values.
    let j: serde_json::Value = serde_json::from_str(&export(&ix, &d, &v, Export::Json, "now").content).unwrap();
    let q = j["quotes"].as_array().unwrap().iter().find(|q| q["quote"] == quote_id.as_str()).expect("the quote");
    assert_eq!(q["confidence"].to_string(), "0.687");
    assert_eq!(q["corrected"], true);
    assert_eq!(q["unsure"], true);
    assert_eq!(q["alternatives"], "Ada Lim (30 %); unnamed official (5 %)");
    assert_eq!(q["story"], story.as_str());
    let keys: Vec<&String> = q.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), QUOTE_COLUMNS.len());
    let e = &j["entities"][0];
    assert_eq!(e["story"], story.as_str());
    assert!(e["corrected"].is_boolean());
}
