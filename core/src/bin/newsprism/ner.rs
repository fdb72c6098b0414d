//! `train-ner`, `eval-ner` and `tag-conll`: the tagger's trainer and its evaluation on CoNLL files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::{conll, ner};
use newsprism_core::tag::labels::{chunks_from_bilou, iob2, N_LABELS};
use newsprism_core::tag::lexicon::{Lexicon, N_GRANULARITIES};
use newsprism_core::tag::tagger::Tagger;
use newsprism_core::tag::weights::Weights;
use newsprism_core::train::{clusters, perceptron, unlabeled};

use crate::cli::{read_text as read, CliError};

/// `newsprism eval-ner FILE`: tags a CoNLL file with the built-in model and prints P/R/F1 per type.
pub fn eval(file: &Path) -> Result<ExitCode, CliError> {
    let docs = conll::parse(&read(file)?);
    let t0 = Instant::now();
    let tagger = Tagger::builtin();
    let load = t0.elapsed();
    let t1 = Instant::now();
    let (score, _) = ner::evaluate(tagger, &docs);
    let secs = t1.elapsed().as_secs_f64();
    print!("{}", score.table());
    println!(
        "{} tokens in {:.2} s: {:.0} tokens/s (model load {:.1} ms, {} weight rows)",
        score.tokens,
        secs,
        score.tokens as f64 / secs,
        load.as_secs_f64() * 1e3,
        tagger.weights.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `newsprism tag-conll FILE`: the same lines with the predicted IOB2 tag appended, sentence breaks kept.
pub fn tag_conll(file: &Path) -> Result<ExitCode, CliError> {
    let text = read(file)?;
    let docs = conll::parse(&text);
    let tagger = Tagger::builtin();
    let (_, labels) = ner::evaluate(tagger, &docs);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let w = |error: std::io::Error| CliError::Io { path: "stdout".into(), error };
    let mut docs_iter = docs.iter().zip(&labels);
    // Walk the original lines so -DOCSTART- lines and blank lines come out where they were.
    let mut current: Option<(&conll::Document, &Vec<Vec<_>>)> = None;
    let (mut si, mut ti) = (0usize, 0usize);
    let mut in_sentence = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            writeln!(out, "{line} O").map_err(w)?;
            continue;
        }
        if line.trim().is_empty() {
            if in_sentence {
                si += 1;
                ti = 0;
                in_sentence = false;
            }
            writeln!(out).map_err(w)?;
            continue;
        }
        if !in_sentence {
            let need_next = match current {
                None => true,
                Some((d, _)) => si >= d.sentences.len(),
            };
            if need_next {
                current = docs_iter.next();
                si = 0;
            }
            in_sentence = true;
        }
        let (_, doc_labels) = current
            .ok_or_else(|| CliError::Usage(format!("{}: sentences and documents do not line up", file.display())))?;
        let sentence = &doc_labels[si];
        let tags = iob2(sentence.len(), &chunks_from_bilou(sentence));
        writeln!(out, "{line} {}", tags[ti]).map_err(w)?;
        ti += 1;
    }
    out.flush().map_err(w)?;
    Ok(ExitCode::SUCCESS)
}

/// Options of `newsprism train-ner`.
#[derive(clap::Args)]
pub struct TrainArgs {
    /// The shared data folder (conll2003/, polnear/, news/).
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where the model files go.
    #[arg(long, default_value = "core/model")]
    out: PathBuf,
    #[arg(long)]
    epochs: Option<usize>,
    #[arg(long)]
    seed: Option<u64>,
    /// Words seen fewer times are left out of the features.
    #[arg(long)]
    min_count: Option<u32>,
    /// Word-class sizes at the three granularities.
    #[arg(long, value_delimiter = ',', default_value = "64,256,1024")]
    clusters: Vec<u16>,
    /// Reuse a lexicon file instead of clustering again.
    #[arg(long)]
    reuse_lexicon: Option<PathBuf>,
    /// Weights smaller than this are dropped from the shipped model.
    #[arg(long, default_value_t = 1.5)]
    prune: f32,
    /// Print dev F1 and model size for a range of pruning thresholds.
    #[arg(long)]
    sweep_prune: bool,
}

/// `newsprism train-ner`: word classes from unlabelled news, then the perceptron; writes core/model/.
pub fn train(args: &TrainArgs) -> Result<ExitCode, CliError> {
    let data = args.data.clone();
    let out = args.out.clone();
    let mut config = perceptron::Config::default();
    if let Some(e) = args.epochs {
        config.epochs = e;
    }
    if let Some(s) = args.seed {
        config.seed = s;
    }
    if let Some(m) = args.min_count {
        config.min_count = m;
    }
    let sizes: [u16; N_GRANULARITIES] = args
        .clusters
        .clone()
        .try_into()
        .map_err(|_| CliError::Usage(format!("--clusters takes {N_GRANULARITIES} sizes")))?;
    let t0 = Instant::now();
    let mut log = |m: &str| eprintln!("[{:>6.1}s] {m}", t0.elapsed().as_secs_f64());

    let train_docs = conll::parse(&read(&data.join("conll2003/train.txt"))?);
    let dev_docs = conll::parse(&read(&data.join("conll2003/dev.txt"))?);
    log(&format!("CoNLL train {} documents, dev {} documents", train_docs.len(), dev_docs.len()));

    let lexicon_path = out.join("ner-lexicon.bin");
    let lexicon_bytes = match &args.reuse_lexicon {
        Some(p) => std::fs::read(p).map_err(|error| CliError::Io { path: p.clone(), error })?,
        None => {
            let mut sentences = unlabeled::from_conll(&train_docs);
            let mut texts = Vec::new();
            for (file, field) in [("polnear/train.jsonl", "text"), ("news/ecbplus.jsonl", "text")] {
                for line in read(&data.join(file))?.lines() {
                    let v: serde_json::Value = serde_json::from_str(line)
                        .map_err(|e| CliError::Usage(format!("{}: {e}", data.join(file).display())))?;
                    if let Some(t) = v[field].as_str() {
                        texts.push(t.to_string());
                    }
                }
            }
            sentences.extend(unlabeled::from_texts(texts.iter().map(String::as_str)));
            let n_tokens: usize = sentences.iter().map(Vec::len).sum();
            log(&format!("unlabelled text: {} sentences, {n_tokens} tokens", sentences.len()));
            let corpus = clusters::Corpus::new(&sentences, 3, 40_000);
            log(&format!("vocabulary {} words (seen 3 times or more)", corpus.words.len() - 1));
            let entries = clusters::lexicon_entries(&corpus, &sentences, sizes, 25, &mut log);
            Lexicon::encode(sizes, &entries)
        }
    };
    let lexicon = Lexicon::decode(&lexicon_bytes).map_err(|e| CliError::Model(e.to_string()))?;
    let gazetteer =
        newsprism_core::tag::gazetteer::tagger_gazetteer(newsprism_core::lexis::countries::Countries::builtin());
    log(&format!("lexicon {} words, {} bytes", lexicon.len(), lexicon_bytes.len()));

    let trained = perceptron::train(&train_docs, &dev_docs, &lexicon, &gazetteer, &config, &mut log);
    log(&format!(
        "best epoch {} of {}: dev micro-F1 PER/LOC/ORG {:.4}",
        trained.best_epoch,
        config.epochs,
        trained.dev.f1_per_loc_org()
    ));
    if args.sweep_prune {
        for theta in [0.0f32, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0] {
            let bytes = Weights::encode(&prune(&trained.rows, theta));
            let t = Tagger::from_bytes(&bytes, &lexicon_bytes).map_err(|e| CliError::Model(e.to_string()))?;
            let (score, _) = ner::evaluate(&t, &dev_docs);
            println!(
                "prune {theta:>4}: {:>7} bytes, {:>6} rows, dev micro-F1 PER/LOC/ORG {:.4}",
                bytes.len(),
                t.weights.len(),
                score.f1_per_loc_org()
            );
        }
    }
    // Weights under 1.5 in magnitude are mostly from features updated once or twice; dropping them
    // halves the file for 0.3 points of dev F1 (see `--sweep-prune 1`).
    let theta = args.prune;
    let weight_bytes = Weights::encode(&prune(&trained.rows, theta));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| CliError::Io { path, error }
    };
    std::fs::create_dir_all(&out).map_err(io(&out))?;
    std::fs::write(out.join("ner-weights.bin"), &weight_bytes).map_err(io(&out.join("ner-weights.bin")))?;
    std::fs::write(&lexicon_path, &lexicon_bytes).map_err(io(&lexicon_path))?;

    // What ships: the quantised weights, reloaded from the bytes just written.
    let shipped = Tagger::from_bytes(&weight_bytes, &lexicon_bytes).map_err(|e| CliError::Model(e.to_string()))?;
    let t1 = Instant::now();
    let (score, _) = ner::evaluate(&shipped, &dev_docs);
    let secs = t1.elapsed().as_secs_f64();
    println!("dev (quantised model as shipped):");
    print!("{}", score.table());
    println!(
        "model: weights {} bytes ({} rows of {} features learned), lexicon {} bytes; {:.0} tokens/s",
        weight_bytes.len(),
        shipped.weights.len(),
        trained.n_features,
        lexicon_bytes.len(),
        score.tokens as f64 / secs
    );
    Ok(ExitCode::SUCCESS)
}

/// Zeroes weights smaller than `theta` in magnitude; rows left empty are dropped when encoded.
fn prune(rows: &[(u64, [f32; N_LABELS])], theta: f32) -> Vec<(u64, [f32; N_LABELS])> {
    rows.iter().map(|(f, row)| (*f, row.map(|w| if w.abs() < theta { 0.0 } else { w }))).collect()
}
