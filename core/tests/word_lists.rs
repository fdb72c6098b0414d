//! One list per fact, checked in the sources: no word list in the workspace (a `words![…]` set or a
//! `&[&str]` literal) holds a word twice, and the facts `lexis::words` lists once (weekdays, months,
//! treaties, waters and landforms, documents) are not listed again elsewhere: another list may share at
//! most two of a fact's words.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use support::rust_files;

use newsprism_core::lexis::words::{
    Words, DOCUMENTS, LANDFORMS, MONTH_ABBREVIATIONS, MONTH_NAMES, TREATIES, WATERS, WEEKDAYS,
};

/// Every word list of a source file: (its name or line, its words).
fn lists(source: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for opener in ["words![", "&[&str] = &[", "&[&'static str] = &["] {
        let mut from = 0;
        while let Some(at) = source[from..].find(opener).map(|i| from + i + opener.len()) {
            from = at;
            let Some(end) = source[at..].find(']').map(|i| at + i) else { break };
            let body = &source[at..end];
            let words: Vec<String> = body.split('"').skip(1).step_by(2).map(str::to_string).collect();
            let line = source[..at].lines().count();
            let name = source[..at].lines().last().unwrap_or("").trim().to_string();
            out.push((format!("line {line}: {name}"), words));
        }
    }
    out
}

fn workspace_lists() -> Vec<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "src"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut out = Vec::new();
    for f in files {
        let source = std::fs::read_to_string(&f).expect("read source");
        let rel = f.strip_prefix(&root).unwrap_or(&f).display().to_string();
        out.extend(lists(&source).into_iter().map(|(at, words)| (format!("{rel} {at}"), words)));
    }
    out
}

#[test]
fn no_word_list_holds_a_word_twice() {
    let lists = workspace_lists();
    assert!(lists.len() > 60, "the scan finds the word lists ({} found)", lists.len());
    let mut twice = Vec::new();
    for (at, words) in &lists {
        for (i, w) in words.iter().enumerate() {
            // Case aside: the sets look words up so, and a list of both "the" and "The" says one thing twice.
            if words[..i].iter().any(|x| x.eq_ignore_ascii_case(w)) {
                twice.push(format!("{at}: {w}"));
            }
        }
    }
    assert!(twice.is_empty(), "words listed twice:\n{}", twice.join("\n"));
}

#[test]
fn each_fact_is_listed_once() {
    let facts: [(&str, Words); 7] = [
        ("WEEKDAYS", WEEKDAYS),
        ("MONTH_NAMES", MONTH_NAMES),
        ("MONTH_ABBREVIATIONS", MONTH_ABBREVIATIONS),
        ("TREATIES", TREATIES),
        ("WATERS", WATERS),
        ("LANDFORMS", LANDFORMS),
        ("DOCUMENTS", DOCUMENTS),
    ];
    // Lists that share documents' words and say something else of them: the reporting verbs ("tweet",
    // "report" are verbs too), which documents are one ("the lawsuit" is "the suit"), and the ranker's
    // input, nine of them frozen with its weights (`TRAINED_AS_SOURCE`).
    let allowed = |at: &str, fact: &str| {
        fact == "DOCUMENTS"
            && ["core/src/lexis/verbs.rs", "core/src/attribute/bodies.rs", "core/src/attribute/features.rs"]
                .iter()
                .any(|f| at.starts_with(f))
    };
    let mut again = Vec::new();
    for (at, words) in workspace_lists() {
        for (fact, set) in &facts {
            let shared: Vec<&str> = words.iter().map(String::as_str).filter(|w| set.has(w)).collect();
            let is_the_fact = at.starts_with("core/src/lexis/words.rs");
            if shared.len() > 2 && !is_the_fact && !allowed(&at, fact) {
                again.push(format!("{at}: {} of {fact} ({})", shared.len(), shared.join(", ")));
            }
        }
    }
    assert!(again.is_empty(), "facts listed twice (read the lexis::words list instead):\n{}", again.join("\n"));
}
