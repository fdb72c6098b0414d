//! `newsprism eval-quotes FILE.jsonl`: quote attribution scored against PolNeAR-style annotations.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::quotes;

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
