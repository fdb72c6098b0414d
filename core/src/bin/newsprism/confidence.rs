//! `newsprism train-confidence`: fits the quotes' confidence on PolNeAR train and the development
//! clusters, reports it out of fold (each cluster scored by a model fitted without it), writes
//! `core/model/confidence.tsv`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::analysis::Engine;
use newsprism_core::attribute::confidence::Calibrator;
use newsprism_core::eval::calibration::Calibration;
use newsprism_core::eval::clusters::score;
use newsprism_core::train::confidence::{
    cluster_examples, fit, polnear_examples, polnear_examples_cross_fitted, pronoun_rate, Example, Fit, Label,
};

use crate::cli::{read_text, CliError};
use crate::clusters;

/// Options of `newsprism train-confidence`.
#[derive(clap::Args)]
pub struct ConfidenceArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where the weights go.
    #[arg(long, default_value = "core/model/confidence.tsv")]
    out: PathBuf,
    /// How much one cluster example counts against one PolNeAR example.
    #[arg(long, default_value_t = CLUSTER_WEIGHT)]
    cluster_weight: f32,
}

/// How much one cluster example counts against one PolNeAR example: the clusters are the kind of news
/// judged, PolNeAR the larger sample.
pub const CLUSTER_WEIGHT: f32 = 10.0;

/// The examples: PolNeAR train (ranker cross-fitted), each development cluster's, and PolNeAR dev (held
/// out from every fit).
pub struct Examples {
    pub polnear: Vec<Example>,
    pub clusters: Vec<(String, Vec<Example>)>,
    pub polnear_dev: Vec<Example>,
}

pub fn examples(data: &std::path::Path) -> Result<Examples, CliError> {
    let train = data.join("polnear/train.jsonl");
    let polnear =
        polnear_examples_cross_fitted(&read_text(&train)?, 5).map_err(|error| CliError::Data { path: train, error })?;
    let dev = data.join("polnear/dev.jsonl");
    let polnear_dev =
        polnear_examples(&read_text(&dev)?, Engine::builtin()).map_err(|error| CliError::Data { path: dev, error })?;
    let mut out = Vec::new();
    for c in clusters::load(&data.join("news/clusters-dev"))? {
        let (a, features) = clusters::analyze_parts(&c, Engine::builtin());
        let s = score(&a, &c.gold, &c.name);
        let ids: HashMap<&str, usize> = a.quotes.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
        out.push((c.name.clone(), cluster_examples(&s, &ids, &features)));
    }
    Ok(Examples { polnear, clusters: out, polnear_dev })
}

/// Fits on PolNeAR and every cluster but `held_out` (none: all of them).
pub fn fit_without(ex: &Examples, held_out: Option<usize>, cluster_weight: f32) -> Calibrator {
    let mut weighted: Vec<(f32, &Example)> = ex.polnear.iter().map(|e| (1.0, e)).collect();
    for (k, (_, list)) in ex.clusters.iter().enumerate() {
        if Some(k) != held_out {
            weighted.extend(list.iter().map(|e| (cluster_weight, e)));
        }
    }
    let clusters = ex.clusters.iter().enumerate().filter(|(k, _)| Some(*k) != held_out).flat_map(|(_, c)| c.1.iter());
    fit(&weighted, pronoun_rate(clusters), Fit::default())
}

/// Every cluster's examples scored by a model fitted without that cluster: (confidence, right).
pub fn out_of_fold(ex: &Examples, cluster_weight: f32) -> Vec<Vec<(f64, bool)>> {
    (0..ex.clusters.len())
        .map(|k| {
            let model = fit_without(ex, Some(k), cluster_weight);
            ex.clusters[k].1.iter().map(|(f, label)| (model.predict(f) as f64, *label == Label::Right)).collect()
        })
        .collect()
}

pub fn run(args: &ConfidenceArgs) -> Result<ExitCode, CliError> {
    let t0 = Instant::now();
    let ex = examples(&args.data)?;
    let n_clusters: usize = ex.clusters.iter().map(|c| c.1.len()).sum();
    eprintln!(
        "[{:.1}s] {} PolNeAR train examples ({} right), {n_clusters} cluster examples",
        t0.elapsed().as_secs_f64(),
        ex.polnear.len(),
        ex.polnear.iter().filter(|e| e.1 == Label::Right).count()
    );
    let folds = out_of_fold(&ex, args.cluster_weight);
    for ((name, _), points) in ex.clusters.iter().zip(&folds) {
        let c = Calibration::new(points.iter().copied());
        let (p90, s90) = c.above(0.9);
        println!(
            "{name}: right {:.3}, ECE {:.3}, at >= 0.9: {:.3} right, {:.0}%",
            c.accuracy(),
            c.ece(),
            p90,
            100.0 * s90
        );
    }
    let all = Calibration::new(folds.into_iter().flatten());
    println!("leave one cluster out:");
    print!("{}", all.table());
    let model = fit_without(&ex, None, args.cluster_weight);
    std::fs::write(&args.out, model.to_tsv()).map_err(|error| CliError::Io { path: args.out.clone(), error })?;
    // PolNeAR dev's pronoun quotes have no known person: they are left out of its figures.
    let dev = Calibration::new(
        ex.polnear_dev
            .iter()
            .filter(|e| e.1 != Label::PronounMatched)
            .map(|(f, l)| (model.predict(f) as f64, *l == Label::Right)),
    );
    println!("PolNeAR dev, out of sample:");
    print!("{}", dev.table());
    eprintln!("[{:.1}s] wrote {} weights to {}", t0.elapsed().as_secs_f64(), model.weights.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
