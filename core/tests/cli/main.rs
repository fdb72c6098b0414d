//! The `newsprism` command line on the seed files: the JSON contract, exit codes, the CoNLL tools.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use serde_json::Value;

fn seed_paths() -> Vec<String> {
    let dir = format!("{}/../www/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .expect("the built-in corpus")
        .filter_map(|e| e.ok().map(|e| e.path().display().to_string()))
        .filter(|p| p.ends_with(".txt"))
        .collect();
    paths.sort();
    paths
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_newsprism")).args(args).output().expect("run newsprism");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn analyze_json_has_the_contract_fields() {
    let paths = seed_paths();
    let mut args = vec!["analyze", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    for a in articles {
        for key in [
            "id",
            "source",
            "headline",
            "dateline",
            "captions",
            "credits",
            "boilerplate",
            "text",
            "paragraphs",
            "sentences",
        ] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        assert!(a["source"].as_str().is_some_and(|s| s.ends_with(".txt")), "source is the path as given");
    }
    let quotes = v["quotes"].as_array().expect("quotes");
    for q in quotes {
        let art = articles.iter().find(|a| a["id"] == q["article"]).expect("quote article is an id");
        let text = art["text"].as_str().expect("text");
        let (s, e) = (q["start"].as_u64().expect("start") as usize, q["end"].as_u64().expect("end") as usize);
        assert_eq!(&text[s..e], q["text"].as_str().expect("text"));
        assert!(q["kind"] == "direct" || q["kind"] == "fragment");
    }
    // The contract's entity kinds; places, in the same shape, come apart.
    let entities = v["entities"].as_array().expect("entities");
    assert!(!entities.is_empty());
    for e in entities {
        assert!(["person", "country", "organization"].contains(&e["kind"].as_str().unwrap_or("")), "{}", e["kind"]);
    }
    let places = v["places"].as_array().expect("places");
    assert!(!places.is_empty(), "the seeds name cities");
    assert!(places.iter().all(|p| p["kind"] == "place"));
    let ids: Vec<&Value> = entities.iter().map(|e| &e["id"]).collect();
    for q in quotes {
        let entity = &q["speaker"]["entity"];
        assert!(entity.is_null() || ids.contains(&entity), "a speaker's entity is in entities: {entity}");
    }
}

#[test]
fn a_bad_file_is_reported_and_the_rest_analysed() {
    let dir = std::env::temp_dir().join(format!("newsprism-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, b"{\"text\": \"ok\"}\n{oops\n").expect("write");
    let paths = seed_paths();
    let (code, out, err) = run(&["analyze", paths[0].as_str(), bad.to_str().expect("utf-8 path"), "/no/such/file.txt"]);
    assert_eq!(code, 0, "something was analysed");
    assert!(err.contains("bad.jsonl: malformed JSON at line 2"), "{err}");
    assert!(err.contains("/no/such/file.txt"), "{err}");
    let v: Value = serde_json::from_str(&out).expect("still prints the analysis");
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(2), "the seed and the good record of bad.jsonl");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(2), "the bad line and the missing file");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_format_and_usage_errors() {
    let paths = seed_paths();
    let (code, out, _) = run(&["analyze", "--format", "text", paths[4].as_str()]);
    assert_eq!(code, 0);
    assert!(out.contains("dateline:  United Nations, Sept 28"), "{out}");
    let (code, _, err) = run(&["analyze", "--format", "xml", paths[4].as_str()]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'xml'") && err.contains("json, text"), "{err}");
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    let (code, _, err) = run(&["analyze", "/no/such/file.txt"]);
    assert_eq!(code, 1, "nothing could be analysed");
    assert!(err.contains("/no/such/file.txt: the file could not be read"), "{err}");
}

#[test]
fn tag_conll_appends_one_column_and_keeps_lines() {
    let dir = std::env::temp_dir().join(format!("newsprism-conll-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("tiny.txt");
    let text = "-DOCSTART- -X- O O\n\nVladimir NNP I-NP I-PER\nPutin NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\nHe PRP I-NP O\nleft VBD I-VP O\n. . O O\n";
    std::fs::write(&file, text).expect("write");
    let path = file.to_str().expect("utf-8 path");
    let (code, out, err) = run(&["tag-conll", path]);
    assert_eq!(code, 0, "{err}");
    let (ins, outs): (Vec<&str>, Vec<&str>) = (text.lines().collect(), out.lines().collect());
    assert_eq!(ins.len(), outs.len());
    for (i, o) in ins.iter().zip(&outs) {
        if i.is_empty() {
            assert!(o.is_empty());
        } else {
            assert!(o.starts_with(i) && o.split(' ').count() == i.split(' ').count() + 1, "{o}");
        }
    }
    assert_eq!(outs[2], "Vladimir NNP I-NP I-PER B-PER");
    assert_eq!(outs[3], "Putin NNP I-NP I-PER I-PER");
    let (code, out, _) = run(&["eval-ner", path]);
    assert_eq!(code, 0);
    assert!(out.contains("micro PER/LOC/ORG") && out.contains("tokens/s"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn analyze_applies_a_corrections_file_and_reports_what_it_could_not() {
    let paths = seed_paths();
    let mut args = vec!["analyze", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let (_, out, _) = run(&args);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let q = v["quotes"].as_array().expect("quotes").iter().find(|q| q["speaker"].is_object()).expect("a quote").clone();
    let putin = "person:vladimir-putin";
    let file = std::env::temp_dir().join(format!("newsprism-corrections-{}.json", std::process::id()));
    let corrections = format!(
        r#"{{"assign": [{{"quote": "{}", "entity": "{putin}"}}], "rename": [{{"entity": "{putin}", "name": "V. V. Putin"}}], "drop": ["organization:not-here"]}}"#,
        q["id"].as_str().expect("an id")
    );
    std::fs::write(&file, corrections).expect("a temporary file");
    let file_arg = file.display().to_string();
    let mut args = vec!["analyze", "--format", "json", "--corrections", file_arg.as_str()];
    args.extend(paths.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    let _ = std::fs::remove_file(&file);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("organization:not-here"), "an id the analysis lacks is reported: {err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let fixed = v["quotes"].as_array().expect("quotes").iter().find(|x| x["id"] == q["id"]).expect("the quote");
    assert_eq!(fixed["speaker"]["entity"], putin);
    assert_eq!(fixed["speaker"]["name"], "V. V. Putin");
    assert_eq!(fixed["corrected"], true);
    assert_eq!(v["corrections"]["assign"][0]["quote"], q["id"], "the analysis carries its corrections");
    let renamed = v["entities"].as_array().expect("entities").iter().find(|e| e["id"] == putin).expect("Putin");
    assert_eq!(renamed["name"], "V. V. Putin");
}
