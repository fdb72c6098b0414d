//! The `newsprism` command line: analyse articles, and the training and evaluation commands.

use std::process::ExitCode;

mod analyze_cmd;

const USAGE: &str = "\
usage: newsprism analyze [--format json|text] FILE...

commands:
  analyze    parse articles (.txt, .json, .jsonl) and print the analysis";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "analyze" => analyze_cmd::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("newsprism: {message}");
            ExitCode::from(2)
        }
    }
}
