//! The commands and their arguments (clap), and the one error type every command returns.

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::{analyze, bench, clusters, confidence, entities, gate, hostile, ner, quotes};

#[derive(Parser)]
#[command(name = "newsprism", version, about = "Explore a cluster of news articles: entities, quotes, speakers.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The analysis as JSON (the contract in ARCHITECTURE.md) or as a summary to read.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Parse articles (.txt, .json, .jsonl) and print the analysis.
    Analyze {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Also print (on stderr) how many quotes hold a reporting clause, run over 400 characters, or
        /// run unclosed.
        #[arg(long)]
        sanity: bool,
        /// Threads for the per-article stages (default: every core for inputs over 256 KiB, else one).
        #[arg(long)]
        threads: Option<usize>,
        /// Also print (on stderr) the time, MB/s of article text and peak memory of the whole run.
        #[arg(long)]
        stats: bool,
        /// Apply a reader's corrections file (JSON: assign, merge, split, rename, drop); corrections that
        /// name ids this analysis lacks are reported on stderr.
        #[arg(long)]
        corrections: Option<PathBuf>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Tag a CoNLL file; print precision, recall and F1 per type, and speed.
    EvalNer { file: PathBuf },
    /// Print a CoNLL file's lines with the predicted IOB2 tag appended.
    TagConll { file: PathBuf },
    /// Train the tagger on CoNLL-2003 (word classes from unlabelled news first) and write core/model/.
    TrainNer(ner::TrainArgs),
    /// Score quote attribution on PolNeAR-style JSON Lines.
    EvalQuotes {
        file: PathBuf,
        /// Print this many wrong attributions with their context.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// Train the attribution ranker on PolNeAR train and report dev (or cross-validate with --folds).
    TrainQuotes(quotes::TrainArgs),
    /// Fit the quotes' confidence on PolNeAR train and the development clusters; report it out of fold.
    TrainConfidence(confidence::ConfidenceArgs),
    /// Score entities (mention recall, same-entity pairs, B-cubed) against ECB+'s gold chains.
    EvalEntities(entities::EntityArgs),
    /// Score each development cluster against the reader's gold: speakers, alias sets, traps, calibration.
    EvalClusters(clusters::ClusterArgs),
    /// Run every development evaluation and compare it with the committed baseline (the accuracy gate).
    Gate(gate::GateArgs),
    /// Split ECB+ into stories and score them (B-cubed) against its topics and events.
    EvalStories(entities::StoryArgs),
    /// Time every stage of the analysis on the given files at 1x, 5x and 10x, on one thread and on all.
    Bench(bench::BenchArgs),
    /// Time the whole analysis on every hostile family at several sizes (the adversarial scaling benchmark).
    BenchHostile(hostile::HostileArgs),
}

/// Why a command failed.
#[derive(Debug)]
pub enum CliError {
    /// A file could not be read or written.
    Io { path: PathBuf, error: std::io::Error },
    /// Annotated data that does not parse.
    Data { path: PathBuf, error: newsprism_core::error::DataError },
    /// A model file that does not load.
    Model(String),
    /// Arguments that make no sense together.
    Usage(String),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            CliError::Data { path, error } => write!(f, "{}: {error}", path.display()),
            CliError::Model(m) => write!(f, "the model does not load: {m}"),
            CliError::Usage(m) => f.write_str(m),
        }
    }
}

/// Reads a whole file as text.
pub fn read_text(path: &std::path::Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|error| CliError::Io { path: path.to_path_buf(), error })
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze { format, files, sanity, threads, stats, corrections } => match corrections {
            Some(path) => read_text(&path).and_then(|text| {
                let c = newsprism_core::model::Corrections::from_json(&text)
                    .map_err(|m| CliError::Usage(format!("{}: {m}", path.display())))?;
                analyze::run(format, &files, analyze::Report { sanity, stats, corrections: Some(c) }, threads)
            }),
            None => analyze::run(format, &files, analyze::Report { sanity, stats, corrections: None }, threads),
        },
        Command::EvalNer { file } => ner::eval(&file),
        Command::TagConll { file } => ner::tag_conll(&file),
        Command::TrainNer(args) => ner::train(&args),
        Command::EvalQuotes { file, errors } => quotes::eval(&file, errors),
        Command::TrainQuotes(args) => quotes::train(&args),
        Command::BenchHostile(args) => hostile::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::EvalEntities(args) => entities::run(&args),
        Command::EvalStories(args) => entities::stories(&args),
        Command::EvalClusters(args) => clusters::run(&args),
        Command::Gate(args) => gate::run(&args),
        Command::TrainConfidence(args) => confidence::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsprism: {e}");
            ExitCode::from(2)
        }
    }
}

/// The peak resident memory of this process so far, in bytes (Linux; 0 elsewhere).
pub fn peak_memory() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
