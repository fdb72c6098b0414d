//! The `newsprism` command line: analyse articles, and the training and evaluation commands.

use std::process::ExitCode;

mod analyze_cmd;
mod args;
mod ner_cmds;
mod quotes_cmd;

const USAGE: &str = "\
usage: newsprism COMMAND ...

commands:
  analyze [--format json|text] FILE...   parse articles (.txt, .json, .jsonl) and print the analysis
  eval-ner FILE                          tag a CoNLL file; print precision, recall, F1 per type and speed
  tag-conll FILE                         print a CoNLL file's lines with the predicted IOB2 tag appended
  eval-quotes FILE.jsonl [--errors N]    score quote attribution on PolNeAR-style records
  train-quotes [--data DIR] [--out FILE] [--epochs N] [--seed N] [--folds K]
                                         train the attribution ranker on PolNeAR train; report dev
                                         (--folds K: K-fold cross-validated accuracy on train instead)
  train-ner [--data DIR] [--out DIR] [--epochs N] [--seed N] [--clusters A,B,C]
            [--reuse-lexicon FILE] [--prune W] [--sweep-prune 1]
                                         train the tagger on CoNLL-2003 and write core/model/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "analyze" => analyze_cmd::run(rest),
        "eval-ner" => ner_cmds::eval(rest),
        "tag-conll" => ner_cmds::tag_conll(rest),
        "train-ner" => ner_cmds::train(rest),
        "eval-quotes" => quotes_cmd::eval(rest),
        "train-quotes" => quotes_cmd::train(rest),
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
