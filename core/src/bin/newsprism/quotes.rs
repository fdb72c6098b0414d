//! `newsprism eval-quotes` and `train-quotes`: quote attribution scored against PolNeAR-style annotations,
//! and the attribution ranker's training.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::quotes;
use newsprism_core::train::quotes as trainer;

use crate::cli::{read_text, CliError};

/// Options of `newsprism train-quotes`.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// The shared data folder (polnear/train.jsonl and dev.jsonl).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where the weights go.
    #[arg(long, default_value = "core/model/attribution.tsv")]
    out: PathBuf,
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    #[arg(long, default_value_t = trainer::SEED)]
    seed: u64,
    /// Cross-validate on train with this many folds instead (nothing is written).
    #[arg(long, value_parser = clap::value_parser!(u64).range(2..))]
    folds: Option<u64>,
    /// Print this many wrong attributions (with --folds).
    #[arg(long, default_value_t = 0)]
    errors: usize,
}

pub fn eval(file: &Path, max_errors: usize) -> Result<ExitCode, CliError> {
    let text = read_text(file)?;
    let start = Instant::now();
    let now = || start.elapsed().as_secs_f64();
    let score =
        quotes::evaluate(&text, max_errors, &now).map_err(|error| CliError::Data { path: file.into(), error })?;
    print!("{}", score.table());
    for e in &score.errors {
        println!("{e}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsprism train-quotes`: learns the attribution ranker from PolNeAR train, reports dev, writes the weights.
pub fn train(args: &TrainArgs) -> Result<ExitCode, CliError> {
    let start = Instant::now();
    let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
    let train_path = args.data.join("polnear/train.jsonl");
    let dev_path = args.data.join("polnear/dev.jsonl");
    let train_text = read_text(&train_path)?;
    let data_error = |path: &Path| {
        let path = path.to_path_buf();
        move |error| CliError::Data { path, error }
    };
    let now = || start.elapsed().as_secs_f64();
    if let Some(folds) = args.folds {
        let cv = trainer::cross_validate(&train_text, folds as usize, args.epochs, args.seed, args.errors, &now)
            .map_err(data_error(&train_path))?;
        println!(
            "train, {folds}-fold cross-validated: speaker-mention accuracy {:.4} ({} of {})",
            cv.speaker_accuracy(),
            cv.correct,
            cv.with_source
        );
        for e in &cv.errors {
            println!("{e}");
        }
        log("cross-validation done; no weights written");
        return Ok(ExitCode::SUCCESS);
    }
    let (examples, stats) = trainer::examples(&train_text).map_err(data_error(&train_path))?;
    log(&format!(
        "{} training quotes ({} more skipped: their source is none of the candidates)",
        examples.len(),
        stats.skipped
    ));
    let ranker = trainer::train(&examples, args.epochs, args.seed, &mut log);
    std::fs::write(&args.out, ranker.to_tsv()).map_err(|error| CliError::Io { path: args.out.clone(), error })?;
    let heads_path = args.out.with_file_name("source-heads.tsv");
    let heads = trainer::source_heads(&train_text).map_err(data_error(&train_path))?;
    std::fs::write(&heads_path, &heads).map_err(|error| CliError::Io { path: heads_path.clone(), error })?;
    log(&format!("wrote {} source nouns to {}", heads.lines().count() - 1, heads_path.display()));
    log(&format!("wrote {} weights to {}", ranker.weights.len(), args.out.display()));
    let dev = quotes::evaluate_with(&read_text(&dev_path)?, 0, &now, &ranker).map_err(data_error(&dev_path))?;
    println!("dev, with the weights just trained:");
    print!("{}", dev.table());
    Ok(ExitCode::SUCCESS)
}
