//! `newsprism eval-quotes FILE.jsonl`: quote attribution scored against PolNeAR-style annotations.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::quotes;
use newsprism_core::train::quotes as trainer;

use crate::args::Args;

pub fn eval(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["--errors"])?;
    let [file] = args.positional.as_slice() else { return Err("eval-quotes needs one FILE.jsonl".into()) };
    let text = std::fs::read_to_string(Path::new(file)).map_err(|e| format!("{file}: {e}"))?;
    let max_errors: usize = args.get("--errors").unwrap_or("0").parse().map_err(|_| "--errors takes a number")?;
    let start = Instant::now();
    let now = || start.elapsed().as_secs_f64();
    let score = quotes::evaluate(&text, max_errors, &now).map_err(|e| format!("{file}: {e}"))?;
    print!("{}", score.table());
    for e in &score.errors {
        println!("{e}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsprism train-quotes`: learns the attribution ranker from PolNeAR train, reports dev, writes the weights.
pub fn train(args: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(args, &["--data", "--out", "--epochs", "--seed", "--folds", "--errors"])?;
    let data = std::path::PathBuf::from(args.get("--data").unwrap_or("../shared/data"));
    let out = args.get("--out").unwrap_or("core/model/attribution.tsv").to_string();
    let epochs: usize = args.get("--epochs").unwrap_or("10").parse().map_err(|_| "--epochs takes a number")?;
    let seed: u64 = args.get("--seed").unwrap_or("20150928").parse().map_err(|_| "--seed takes a number")?;
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let start = Instant::now();
    let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64());
    let train_text = read(&data.join("polnear/train.jsonl"))?;
    if let Some(folds) = args.get("--folds") {
        let folds: usize = folds.parse().ok().filter(|&f| f >= 2).ok_or("--folds takes a number of at least 2")?;
        let now = || start.elapsed().as_secs_f64();
        let max_errors: usize = args.get("--errors").unwrap_or("0").parse().map_err(|_| "--errors takes a number")?;
        let cv = trainer::cross_validate(&train_text, folds, epochs, seed, max_errors, &now)?;
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
    let (examples, stats) = trainer::examples(&train_text)?;
    log(&format!(
        "{} training quotes ({} more skipped: their source is none of the candidates)",
        examples.len(),
        stats.skipped
    ));
    let ranker = trainer::train(&examples, epochs, seed, &mut log);
    std::fs::write(&out, ranker.to_tsv()).map_err(|e| format!("{out}: {e}"))?;
    log(&format!("wrote {} weights to {out}", ranker.weights.len()));
    let now = || start.elapsed().as_secs_f64();
    let dev = quotes::evaluate_with(&read(&data.join("polnear/dev.jsonl"))?, 0, &now, &ranker)?;
    println!("dev, with the weights just trained:");
    print!("{}", dev.table());
    Ok(ExitCode::SUCCESS)
}
