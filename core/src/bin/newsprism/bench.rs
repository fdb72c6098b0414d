//! `newsprism bench`: the whole analysis timed stage by stage on the given files, natively: load, parse,
//! tag, resolve, attribute (with stories and quote clusters), write the JSON; at 1x, 5x and 10x the input
//! (copies made distinct articles), on one thread and on every core; MB/s of article text and peak memory.
//! `scripts/bench.mjs` runs it beside compromise and the page's worker in Chromium, in one table.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::analysis::{finish_with, load_all, prepare_with, Engine, Stage};
use newsprism_core::{Document, Input};

use crate::cli::{peak_memory, read_text, CliError};

/// Options of `newsprism bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Article files (.txt, .json, .jsonl).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// How many times each measurement runs (the fastest is kept).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// Scales of the input to time (copies as distinct articles).
    #[arg(long, value_delimiter = ',', default_value = "1,5,10")]
    scales: Vec<usize>,
}

struct Timing {
    stages: Vec<(&'static str, f64)>,
    total: f64,
}

fn run_once(docs: &[Document], threads: usize) -> Timing {
    let engine = Engine { threads, ..Engine::builtin() };
    let t0 = Instant::now();
    let mut marks: Vec<(Stage, Instant)> = Vec::new();
    let prepared = prepare_with(docs, engine, &mut |p| {
        if marks.last().is_none_or(|(s, _)| *s != p.stage) {
            marks.push((p.stage, Instant::now()));
        }
    });
    let t_attr = Instant::now();
    let analysis = finish_with(prepared, engine, Vec::new());
    let t_json = Instant::now();
    let json = serde_json::to_vec(&analysis).map(|v| v.len()).unwrap_or(0);
    let end = Instant::now();
    let _ = json;
    let at = |stage: Stage| marks.iter().find(|(s, _)| *s == stage).map_or(t0, |(_, t)| *t);
    let (parse, tag, resolve) = (at(Stage::Parsing), at(Stage::Tagging), at(Stage::Resolving));
    Timing {
        stages: vec![
            ("parse", (tag - parse).as_secs_f64()),
            ("tag", (resolve - tag).as_secs_f64()),
            ("resolve", (t_attr - resolve).as_secs_f64()),
            ("attribute + compare", (t_json - t_attr).as_secs_f64()),
            ("write JSON", (end - t_json).as_secs_f64()),
        ],
        total: (end - t0).as_secs_f64(),
    }
}

pub fn run(args: &BenchArgs) -> Result<ExitCode, CliError> {
    let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let bytes: Vec<Vec<u8>> =
        args.files.iter().map(|f| read_text(f).map(String::into_bytes)).collect::<Result<_, _>>()?;
    let inputs: Vec<Input> = names.iter().zip(&bytes).map(|(n, b)| Input::bytes(n, b)).collect();
    let t0 = Instant::now();
    let (docs, errors) = load_all(&inputs, &mut |_| {});
    let load = t0.elapsed().as_secs_f64();
    if docs.is_empty() {
        return Err(CliError::Usage(format!(
            "nothing to analyse: {}",
            errors.first().map_or("", |e| e.message.as_str())
        )));
    }
    let text: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = text as f64 / 1e6;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "input: {} articles, {:.2} MB of text ({} files, loaded in {:.3} s: {:.1} MB/s)",
        docs.len(),
        mb,
        names.len(),
        load,
        mb / load
    );
    println!("{:<6} {:>7} {:<20} {:>9} {:>9}", "scale", "threads", "stage", "seconds", "MB/s");
    let baseline = peak_memory();
    let mut totals: Vec<(usize, usize, f64)> = Vec::new();
    for &scale in &args.scales {
        let corpus: Vec<Document> = (0..scale.max(1))
            .flat_map(|k| {
                docs.iter().map(move |d| Document {
                    origin: format!("{}#{k}", d.origin),
                    text: if k == 0 { d.text.clone() } else { format!("{}\n\nCopy {k}.", d.text) },
                    ..d.clone()
                })
            })
            .collect();
        for threads in [1, cores].into_iter().collect::<std::collections::BTreeSet<_>>() {
            let best =
                (0..args.repeat.max(1)).map(|_| run_once(&corpus, threads)).min_by(|a, b| a.total.total_cmp(&b.total));
            let Some(t) = best else { continue };
            let size = mb * scale as f64;
            for (stage, secs) in &t.stages {
                println!("{scale:<6} {threads:>7} {stage:<20} {secs:>9.3} {:>9.1}", size / secs.max(1e-9));
            }
            println!("{scale:<6} {threads:>7} {:<20} {:>9.3} {:>9.1}", "whole analysis", t.total, size / t.total);
            totals.push((scale, threads, t.total));
        }
    }
    let peak = peak_memory();
    println!(
        "peak memory {:.0} MB ({:.0} MB over the process at start; the largest input {:.1} MB: {:.1}x)",
        peak as f64 / 1e6,
        (peak - baseline.min(peak)) as f64 / 1e6,
        mb * args.scales.iter().max().copied().unwrap_or(1) as f64,
        peak as f64 / (mb * args.scales.iter().max().copied().unwrap_or(1) as f64 * 1e6)
    );
    let one: Vec<&(usize, usize, f64)> = totals.iter().filter(|t| t.1 == 1).collect();
    if let Some(first) = one.first() {
        let ratios: Vec<String> =
            one.iter().map(|t| format!("{}x: {:.2}", t.0, t.2 / first.2 * first.0 as f64)).collect();
        println!("time relative to 1x, per unit of input (1.00 is linear): {}", ratios.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
