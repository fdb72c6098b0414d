//! `newsprism eval-clusters`: the analysis of each development cluster scored against the reader's gold
//! (the figures of `../shared/tools/check-clusters.py`), with the calibration of the quotes' confidence.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsprism_core::analysis::{analyze_inputs_with, finish_parts, load_all, prepare_with, Engine, Input};
use newsprism_core::attribute::confidence::Features;
use newsprism_core::eval::calibration::Calibration;
use newsprism_core::eval::clusters::{read_gold, score, ClusterGold, ClusterScore};
use newsprism_core::Analysis;

use crate::cli::{read_text, CliError};

/// Options of `newsprism eval-clusters`.
#[derive(clap::Args)]
pub struct ClusterArgs {
    /// The folder of clusters with quotes.tsv and entities.tsv.
    #[arg(default_value = "../shared/data/news/clusters-dev")]
    pub dir: PathBuf,
    /// Print every wrong speaker, alias set missed and trap hit.
    #[arg(long)]
    pub verbose: bool,
}

/// One cluster's name, gold and article files (sorted).
pub struct Cluster {
    pub name: String,
    pub gold: ClusterGold,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Reads the gold and every cluster's `.txt` files.
pub fn load(dir: &Path) -> Result<Vec<Cluster>, CliError> {
    let quotes = read_text(&dir.join("quotes.tsv"))?;
    let entities = read_text(&dir.join("entities.tsv"))?;
    let gold = read_gold(&quotes, &entities).map_err(|error| CliError::Data { path: dir.join("quotes.tsv"), error })?;
    let mut out = Vec::new();
    for (name, gold) in gold {
        let folder = dir.join(&name);
        let io = |error| CliError::Io { path: folder.clone(), error };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        for p in paths {
            let bytes = std::fs::read(&p).map_err(|error| CliError::Io { path: p.clone(), error })?;
            files.push((p.display().to_string(), bytes));
        }
        out.push(Cluster { name, gold, files });
    }
    Ok(out)
}

/// Analyses one cluster, all its files together.
pub fn analyze(c: &Cluster, engine: Engine) -> Analysis {
    let inputs: Vec<Input> = c.files.iter().map(|(n, b)| Input::bytes(n, b)).collect();
    analyze_inputs_with(&inputs, engine, &mut |_| {})
}

/// [`analyze`], with each quote's confidence features.
pub fn analyze_parts(c: &Cluster, engine: Engine) -> (Analysis, Vec<Features>) {
    let inputs: Vec<Input> = c.files.iter().map(|(n, b)| Input::bytes(n, b)).collect();
    let (docs, errors) = load_all(&inputs, &mut |_| {});
    finish_parts(prepare_with(&docs, engine, &mut |_| {}), engine, errors)
}

/// Scores every cluster with the built-in models; per cluster and in all.
pub fn score_all(clusters: &[Cluster]) -> (Vec<(String, ClusterScore)>, ClusterScore) {
    let mut total = ClusterScore::default();
    let mut each = Vec::new();
    for c in clusters {
        let s = score(&analyze(c, Engine::builtin()), &c.gold, &c.name);
        each.push((c.name.clone(), s.clone()));
        total.absorb(s);
    }
    (each, total)
}

pub fn run(args: &ClusterArgs) -> Result<ExitCode, CliError> {
    let clusters = load(&args.dir)?;
    let (each, total) = score_all(&clusters);
    for (name, s) in &each {
        println!("{name}: {}", s.line());
    }
    if args.verbose {
        for (name, s) in &each {
            for o in s.outcomes.iter().filter(|o| !o.right) {
                let got = o.found.as_ref().map_or("no quote found".to_string(), |(_, n)| {
                    format!("{} ({:.3})", if n.is_empty() { "none" } else { n }, o.confidence)
                });
                println!("  WRONG {name} {}: \"{}\" -> {got} (gold {})", o.file, o.snippet, o.gold);
            }
            for m in &s.misses {
                println!("  MISS {m}");
            }
        }
    }
    println!("{}", total.line());
    let cal = Calibration::new(total.outcomes.iter().filter(|o| o.found.is_some()).map(|o| (o.confidence, o.right)));
    print!("{}", cal.table());
    Ok(ExitCode::SUCCESS)
}
