//! `newsprism eval-entities`: people, organizations and places scored against ECB+'s gold chains.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::entities::{evaluate, Split};

use crate::cli::{read_text, CliError};

/// Options of `newsprism eval-entities`.
#[derive(clap::Args)]
pub struct EntityArgs {
    /// The gold mentions: ecbplus_entities.jsonl.
    file: PathBuf,
    /// The article texts (default: ecbplus.jsonl beside FILE).
    #[arg(long)]
    texts: Option<PathBuf>,
    /// dev, train or all (train and dev; the test topics are held out).
    #[arg(long, default_value = "dev")]
    split: String,
    /// How many of the worst false merges and splits to list.
    #[arg(long, default_value_t = 15)]
    worst: usize,
}

pub fn run(args: &EntityArgs) -> Result<ExitCode, CliError> {
    let split = match args.split.as_str() {
        "dev" => Split::Dev,
        "train" => Split::Train,
        "all" => Split::All,
        other => return Err(CliError::Usage(format!("--split takes dev, train or all, not {other:?}"))),
    };
    let texts_path = args.texts.clone().unwrap_or_else(|| args.file.with_file_name("ecbplus.jsonl"));
    let gold = read_text(&args.file)?;
    let texts = read_text(&texts_path)?;
    let t0 = Instant::now();
    let score =
        evaluate(&gold, &texts, split).map_err(|error| CliError::Data { path: Path::new(&args.file).into(), error })?;
    print!("{}", score.table(args.worst));
    println!("({:.1} s)", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Options of `newsprism eval-stories`.
#[derive(clap::Args)]
pub struct StoryArgs {
    /// The articles with their gold events: ecbplus.jsonl.
    file: PathBuf,
    /// dev, train or all (train and dev; the test topics are held out).
    #[arg(long, default_value = "all")]
    split: String,
}

pub fn stories(args: &StoryArgs) -> Result<ExitCode, CliError> {
    let split = match args.split.as_str() {
        "dev" => Split::Dev,
        "train" => Split::Train,
        "all" => Split::All,
        other => return Err(CliError::Usage(format!("--split takes dev, train or all, not {other:?}"))),
    };
    let texts = read_text(&args.file)?;
    let t0 = Instant::now();
    let report = newsprism_core::eval::stories::evaluate(&texts, split)
        .map_err(|error| CliError::Data { path: args.file.clone(), error })?;
    print!("{report}");
    println!("({:.1} s)", t0.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}
