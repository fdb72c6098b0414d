//! `newsprism analyze`: reads files, runs the core, prints JSON or a readable summary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use newsprism_core::analysis::{analyze_owned, load_all, Engine};
use newsprism_core::{check_size, Analysis, Content, Input};

use crate::cli::{CliError, Format};

/// Analyses the files. Files that cannot be read or loaded are reported on stderr and in `errors`; the
/// exit code is 1 only when nothing at all could be analysed.
/// What `analyze` reports on stderr beside the analysis.
pub struct Report {
    /// The quote sanity table.
    pub sanity: bool,
    /// Time, throughput and peak memory.
    pub stats: bool,
    /// A reader's corrections to apply.
    pub corrections: Option<newsprism_core::model::Corrections>,
}

pub fn run(format: Format, files: &[PathBuf], report: Report, threads: Option<usize>) -> Result<ExitCode, CliError> {
    let t0 = std::time::Instant::now();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let contents: Vec<File> = files.iter().zip(&names).map(|(f, n)| read(f, n)).collect();
    let inputs: Vec<Input> = names
        .iter()
        .zip(&contents)
        .map(|(name, c)| Input {
            name,
            content: match c {
                File::Bytes(bytes) => Content::Bytes(bytes),
                File::Oversized(size) => Content::Oversized(*size),
                File::Unreadable(why) => Content::Unreadable(why),
            },
        })
        .collect();
    // Every core on a large input (the output is the same as on one thread).
    let bytes: usize = contents.iter().map(|c| if let File::Bytes(b) = c { b.len() } else { 0 }).sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = threads.unwrap_or(if bytes > 256 << 10 { cores } else { 1 }).max(1);
    // The files' bytes go once their documents are loaded: the text is not held three times.
    let (docs, errors) = load_all(&inputs, &mut |_| {});
    drop(inputs);
    drop(contents);
    let mut analysis = analyze_owned(docs, errors, Engine { threads, ..Engine::builtin() }, &mut |_| {});
    if let Some(c) = &report.corrections {
        let (corrected, problems) = newsprism_core::analysis::corrections::apply(&analysis, c);
        for p in problems {
            eprintln!("newsprism: correction not applied: {p}");
        }
        analysis = corrected;
    }
    for e in &analysis.errors {
        eprintln!("newsprism: {}", e.message);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if report.sanity {
        eprint!("{}", newsprism_core::eval::sanity::report(&analysis, 20).table());
    }
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &analysis).map_err(std::io::Error::from),
        Format::Text => write_text(&mut out, &analysis),
    };
    written
        .and_then(|_| writeln!(out))
        .and_then(|_| out.flush())
        .map_err(|error| CliError::Io { path: "stdout".into(), error })?;
    if report.stats {
        let secs = t0.elapsed().as_secs_f64();
        let text: usize = analysis.articles.iter().map(|a| a.text.len()).sum();
        let peak = crate::cli::peak_memory();
        eprintln!(
            "newsprism: {} articles, {:.2} MB of text in {secs:.3} s on {threads} thread(s): {:.2} MB/s; \
             peak memory {:.1} MB ({:.1}x the text)",
            analysis.articles.len(),
            text as f64 / 1e6,
            text as f64 / 1e6 / secs.max(1e-9),
            peak as f64 / 1e6,
            peak as f64 / text.max(1) as f64,
        );
    }
    Ok(if analysis.articles.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What was read of one file.
enum File {
    Bytes(Vec<u8>),
    /// Over the size limit: only its size was read.
    Oversized(usize),
    /// Why it could not be read.
    Unreadable(String),
}

fn read(path: &std::path::Path, name: &str) -> File {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return File::Unreadable(e.to_string()),
    };
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    if check_size(name, size).is_err() {
        return File::Oversized(size);
    }
    if meta.is_dir() {
        return File::Unreadable("it is a directory".into());
    }
    std::fs::read(path).map_or_else(|e| File::Unreadable(e.to_string()), File::Bytes)
}

fn write_text(out: &mut impl Write, a: &Analysis) -> std::io::Result<()> {
    for art in &a.articles {
        writeln!(out, "== {} ({})", art.id, art.source)?;
        if let Some(h) = &art.headline {
            writeln!(out, "headline:  {h}")?;
        }
        if let Some(d) = &art.dateline {
            writeln!(out, "dateline:  {d}")?;
        }
        for c in &art.captions {
            writeln!(out, "caption:   {}", c.text)?;
        }
        for c in &art.credits {
            writeln!(out, "credit:    {}", c.text)?;
        }
        for b in &art.boilerplate {
            writeln!(out, "dropped:   {:?} ({:?})", b.text, b.reason)?;
        }
        writeln!(out, "{} paragraphs, {} sentences", art.paragraphs.len(), art.sentences.len())?;
        for q in a.quotes.iter().filter(|q| q.article == art.id) {
            let cont = if q.continues.is_some() { ", continued" } else { "" };
            let who = match &q.speaker {
                Some(s) => {
                    let named = s.mention.as_ref().map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "));
                    let verb = q.verb.as_ref().map(|v| format!(", {v}")).unwrap_or_default();
                    format!("{} ({}{verb})", s.name, named.unwrap_or_default())
                }
                None => "unattributed".to_string(),
            };
            writeln!(out, "  {who} [{:?}{cont}]: “{}”", q.kind, q.text)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "== entities")?;
    for e in &a.entities {
        let aliases: Vec<&str> = e.aliases.iter().take(5).map(|x| x.text.as_str()).collect();
        writeln!(out, "{:>4}  {:?} {} [{}]", e.mentions.len(), e.kind, e.name, aliases.join(", "))?;
    }
    writeln!(out, "== speakers")?;
    for s in &a.speakers {
        writeln!(out, "{:>4}  {}", s.quotes, s.name)?;
    }
    Ok(())
}
