//! Criterion benches of the analysis's stages on the built-in articles and, when `../shared/data` is
//! beside the checkout, on ECB+ (982 articles): load, prepare (parse, tag, resolve), tag, resolve,
//! attribute with the cross-article comparisons, and the whole analysis. `cargo bench -p newsprism-core`.
//! Native only: criterion does not build for wasm32, where this file is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use criterion::{BatchSize, Criterion, Throughput};
    use newsprism_core::analysis::{analyze_owned, finish_with, load_all, prepare_with, Engine};
    use newsprism_core::tag::article::{tag_article, TaggedArticle};
    use newsprism_core::tag::tagger::Scratch;
    use newsprism_core::{Document, Input};

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The built-in articles, as the page loads them.
    fn seeds() -> Vec<(String, Vec<u8>)> {
        let dir = root().join("www").join("corpus");
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "txt"));
        files.sort();
        files.into_iter().filter_map(|f| Some((f.display().to_string(), std::fs::read(&f).ok()?))).collect()
    }

    /// ECB+ as one JSON Lines input of `{ "text" }` records (its sentences joined), when the data is there.
    fn ecbplus() -> Option<Vec<(String, Vec<u8>)>> {
        let file = root().join("..").join("shared").join("data").join("news").join("ecbplus.jsonl");
        let text = std::fs::read_to_string(file).ok()?;
        let mut out = String::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).ok()?;
            let sentences = record["sentences"].as_array()?;
            let joined: Vec<&str> = sentences.iter().filter_map(|s| s.as_str()).collect();
            out.push_str(&serde_json::json!({ "text": joined.join(" ") }).to_string());
            out.push('\n');
        }
        Some(vec![("ecbplus.jsonl".to_string(), out.into_bytes())])
    }

    fn documents(files: &[(String, Vec<u8>)]) -> Vec<Document> {
        let inputs: Vec<Input> = files.iter().map(|(n, b)| Input::bytes(n, b)).collect();
        load_all(&inputs, &mut |_| {}).0
    }

    fn stages(c: &mut Criterion, name: &str, files: &[(String, Vec<u8>)]) {
        let docs = documents(files);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let engine = Engine::builtin();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes as u64));
        if bytes > 100_000 {
            group.sample_size(10).measurement_time(Duration::from_secs(8));
        }
        group.bench_function("load", |b| {
            let inputs: Vec<Input> = files.iter().map(|(n, bytes)| Input::bytes(n, bytes)).collect();
            b.iter(|| load_all(&inputs, &mut |_| {}))
        });
        group.bench_function("parse, tag, resolve", |b| b.iter(|| prepare_with(&docs, engine, &mut |_| {})));
        let prepared = prepare_with(&docs, engine, &mut |_| {});
        group.bench_function("tag", |b| {
            let mut scratch = Scratch::default();
            b.iter(|| {
                prepared
                    .articles
                    .iter()
                    .map(|a| tag_article(a, engine.tagger, &mut scratch))
                    .collect::<Vec<TaggedArticle>>()
            })
        });
        group.bench_function("resolve", |b| {
            b.iter(|| {
                newsprism_core::resolve::resolve(
                    &prepared.articles,
                    &prepared.tagged,
                    &newsprism_core::resolve::speech(&prepared.articles, &prepared.quotes),
                    &engine.tagger.lexicon,
                    engine.tables,
                )
            })
        });
        group.bench_function("attribute and compare", |b| {
            b.iter_batched(
                || prepare_with(&docs, engine, &mut |_| {}),
                |p| finish_with(p, engine, Vec::new()),
                BatchSize::PerIteration,
            )
        });
        group.bench_function("whole analysis", |b| {
            b.iter_batched(
                || docs.clone(),
                |d| analyze_owned(d, Vec::new(), engine, &mut |_| {}),
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }

    pub fn main() {
        let mut c = Criterion::default().configure_from_args();
        stages(&mut c, "seeds", &seeds());
        match ecbplus() {
            Some(files) => stages(&mut c, "ecbplus", &files),
            None => eprintln!("ECB+ not found beside the checkout (../shared/data): benched the seeds only"),
        }
        c.final_summary();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}
