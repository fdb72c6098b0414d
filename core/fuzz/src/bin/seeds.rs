//! Writes the seed corpora of both fuzz targets into `core/fuzz/corpus/{loader,analysis}/` (not committed; the
//! seeds are the files named `seed-…`, what the fuzzers add stays):
//! the built-in articles, a few ECB+ texts when the data set is there, and every hostile family at 1, 4 and
//! 8 KB, each in every format the target can choose (see `newsprism_core_fuzz::loader_input` and `split`).
//!
//! `cargo run --manifest-path core/fuzz/Cargo.toml --features seeds --bin seeds [-- ECBPLUS.jsonl]`
//! (default `../shared/data/news/ecbplus.jsonl` from the repository root, skipped when missing).

use std::fs;
use std::path::{Path, PathBuf};

use newsprism_core::eval::hostile::Family;
use newsprism_core_fuzz::SEPARATOR;
use serde_json::json;

/// A seed's largest text: the fuzzers run with `-max_len` of 4 to 16 KiB.
const MAX_TEXT: usize = 8 * 1024;

fn main() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = fuzz.join("../..");
    let ecb = std::env::args().nth(1).map_or_else(|| root.join("../shared/data/news/ecbplus.jsonl"), PathBuf::from);
    let texts = texts(&root.join("www/corpus"), &ecb);
    let loader = write_loader(&fuzz.join("corpus/loader"), &texts);
    let analysis = write_analysis(&fuzz.join("corpus/analysis"), &texts);
    println!("{} texts: {loader} loader seeds, {analysis} analysis seeds", texts.len());
}

/// Named texts, none over [`MAX_TEXT`].
fn texts(builtin: &Path, ecb: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> =
        fs::read_dir(builtin).expect("www/corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for f in files.iter().filter(|f| f.extension().is_some_and(|e| e == "txt")) {
        let stem = f.file_stem().expect("stem").to_string_lossy();
        out.push((format!("builtin-{}", &stem[..3]), cut(&fs::read_to_string(f).expect("read article"))));
    }
    match fs::read_to_string(ecb) {
        Ok(data) => {
            // Six records spread over the file; only their text.
            let lines: Vec<&str> = data.lines().collect();
            for k in 0..6 {
                let record: serde_json::Value = serde_json::from_str(lines[k * lines.len() / 6]).expect("ECB+ record");
                if let Some(t) = record["text"].as_str() {
                    out.push((format!("ecbplus-{k}"), cut(t)));
                }
            }
        }
        Err(e) => eprintln!("no ECB+ texts ({}: {e})", ecb.display()),
    }
    for family in Family::ALL {
        for kb in [1, 4, 8] {
            let name = family.name().replace(' ', "-");
            out.push((format!("hostile-{name}-{kb}k"), cut(&family.generate(kb * 1024 - 16, kb as u64))));
        }
    }
    out
}

/// At most [`MAX_TEXT`] bytes, cut at a char boundary.
fn cut(text: &str) -> String {
    cut_to(text, MAX_TEXT)
}

/// At most `max` bytes, cut at a char boundary.
fn cut_to(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

fn record(name: &str, text: &str) -> String {
    json!({"title": name, "text": text, "source": format!("{name}.example"), "published": "2015-09-28"}).to_string()
}

/// Seeds are named `seed-…`, beside the fuzzer's own (named by hash).
fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(format!("seed-{name}")), bytes).expect("write seed");
}

fn seeds_in(dir: &Path) -> usize {
    let entries = fs::read_dir(dir).expect("corpus");
    entries.filter(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().starts_with("seed-"))).count()
}

/// The corpus directory, created if missing; what the fuzzers added to it stays.
fn create(dir: &Path) {
    fs::create_dir_all(dir).expect("create corpus directory");
}

/// Loader seeds: the first byte chooses .txt (0), .json (1), .jsonl (2), no extension (3).
fn write_loader(dir: &Path, texts: &[(String, String)]) -> usize {
    create(dir);
    let with = |first: u8, body: &[u8]| [&[first][..], body].concat();
    for (name, text) in texts {
        write(dir, &format!("{name}-txt"), &with(0, text.as_bytes()));
        write(dir, &format!("{name}-json"), &with(1, record(name, text).as_bytes()));
        let lines = format!("{}\n{}\n", record(name, text), record("second", &cut_to(text, text.len() / 2)));
        write(dir, &format!("{name}-jsonl"), &with(2, lines.as_bytes()));
        write(dir, &format!("{name}-sniffed"), &with(3, text.as_bytes()));
    }
    let (name, text) = &texts[0];
    let array = format!("[{}, {}]", record(name, text), record("b", "Short text."));
    write(dir, "array-json", &with(1, array.as_bytes()));
    write(dir, "array-sniffed", &with(3, array.as_bytes()));
    write(dir, "lines-sniffed", &with(3, format!("{}\n{}", record("a", "One."), record("b", "Two.")).as_bytes()));
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(text.encode_utf16().take(2000).flat_map(u16::to_le_bytes)).collect();
    write(dir, "utf16le-txt", &with(0, &utf16));
    write(dir, "bom-txt", &with(0, &[b"\xEF\xBB\xBF", text.as_bytes()].concat()));
    for (i, bad) in
        ["{\"title\": \"x\", \"text\": }", "{\"title\": \"x\"}", "[]", "{\"text\": 3}", "{}\n\n{\"text\":\" \"}"]
            .iter()
            .enumerate()
    {
        write(dir, &format!("bad-{i}-json"), &with(1, bad.as_bytes()));
        write(dir, &format!("bad-{i}-jsonl"), &with(2, bad.as_bytes()));
    }
    seeds_in(dir)
}

/// Analysis seeds: one, two and three inputs (texts split by [`SEPARATOR`]) in several formats.
fn write_analysis(dir: &Path, texts: &[(String, String)]) -> usize {
    create(dir);
    for (i, (name, text)) in texts.iter().enumerate() {
        // One input, as text (0) and as a JSON record (1).
        write(dir, &format!("{name}-txt"), &[&[0u8][..], text.as_bytes()].concat());
        write(dir, &format!("{name}-json"), &[&[1u8][..], record(name, text).as_bytes()].concat());
        // With the next text beside it (a .txt and a .jsonl), and a third small one (a .txt): at most 16 KiB.
        let (next_name, next) = &texts[(i + 1) % texts.len()];
        let half = |t: &str| cut_to(t, MAX_TEXT / 2);
        let two =
            [&[0b10_00u8][..], half(text).as_bytes(), &[SEPARATOR], record(next_name, &half(next)).as_bytes()].concat();
        write(dir, &format!("{name}-two"), &two);
        let three = [&two[..], &[SEPARATOR], b"Putin said, \xE2\x80\x9CNo.\xE2\x80\x9D"].concat();
        write(dir, &format!("{name}-three"), &three);
    }
    seeds_in(dir)
}
