//! The core's architecture, checked: its top-level modules form layers that import only downward (so no
//! cycle can form), and no source file in the workspace grows past 600 lines.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use support::rust_files;

/// Each top-level module and its layer; a module may use only modules of lower layers.
const LAYERS: &[(&str, u8)] = &[
    ("lexis", 0),
    ("span", 0),
    ("error", 0),
    ("rng", 0),
    ("groups", 0),
    ("parallel", 0),
    ("model", 1),
    ("corpus", 2),
    ("parse", 2),
    ("tag", 3),
    ("resolve", 4),
    ("attribute", 5),
    ("compare", 6),
    ("analysis", 7),
    ("eval", 8),
    ("train", 9),
    ("wasm", 10),
];

/// The top-level modules a file refers to as `crate::NAME`, outside comments.
fn crate_references(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            // `use crate::{a, b}`: every name in the braces.
            if name.is_empty() && rest.starts_with('{') {
                let inner = &rest[1..rest.find('}').unwrap_or(rest.len())];
                out.extend(inner.split(',').filter_map(|p| p.trim().split("::").next()).map(str::to_string));
            } else if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

fn layer(name: &str) -> Option<u8> {
    LAYERS.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
}

#[test]
fn top_level_modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel.components().next().expect("a component").as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        // `bin/` is the command line, a crate of its own over the library.
        if top == "lib" || top == "bin" {
            continue;
        }
        let own = layer(&top).unwrap_or_else(|| panic!("{top} (in {}) has no layer in LAYERS", rel.display()));
        let source = std::fs::read_to_string(&file).expect("read source");
        for name in crate_references(&source) {
            if name == top || name == "self" || name == "super" {
                continue;
            }
            match layer(&name) {
                Some(l) if l < own => {}
                Some(l) => problems.push(format!("{} (layer {own}) uses crate::{name} (layer {l})", rel.display())),
                None => problems.push(format!("{} uses crate::{name}, which has no layer", rel.display())),
            }
        }
    }
    assert!(problems.is_empty(), "imports against the layers:\n{}", problems.join("\n"));
}

#[test]
fn no_source_file_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "core/tests", "src", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).expect("read source").lines().count();
            (n > 600).then(|| format!("{}: {n} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by job:\n{}", long.join("\n"));
}

#[test]
fn the_reference_parser_sees_braced_imports() {
    assert_eq!(crate_references("use crate::{model::Quote, span::Span}; // crate::wasm"), ["model", "span"]);
}
