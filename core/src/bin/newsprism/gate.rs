//! `newsprism gate`: every development evaluation run on this build, compared with the committed baseline
//! (`core/eval-baseline.tsv`); the command fails, naming the figure, when one moved beyond its tolerance.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::eval::calibration::Calibration;
use newsprism_core::eval::entities::{self, Split};
use newsprism_core::eval::gate::{self, Better};
use newsprism_core::eval::{conll, ner, quotes};
use newsprism_core::tag::tagger::Tagger;
use newsprism_core::train::quotes as train_quotes;

use crate::cli::{read_text, CliError};
use crate::{clusters, confidence};
use newsprism_core::train::confidence::Label;

/// Options of `newsprism gate`.
#[derive(clap::Args)]
pub struct GateArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// The committed baseline figures.
    #[arg(long, default_value = "core/eval-baseline.tsv")]
    baseline: PathBuf,
    /// Write the measured figures into the baseline (tolerances and descriptions kept) instead of judging.
    #[arg(long)]
    update: bool,
}

const HEADER: &str = "\
# The accuracy gate's baseline, read by `newsprism gate` (run by scripts/test on the release build).
# The gate fails when a figure is worse than its value by more than its tolerance, and when it is better by
# more: a change that moves a figure records it here in the same commit (`newsprism gate --update`). The
# figures are deterministic; a tolerance is under half of one item (one quote, one alias set, one trap).
# figure\tvalue\ttolerance\tbetter\twhat
";

/// Direction, tolerance and description of each figure, for a baseline that does not hold it yet.
fn describe(figure: &str) -> (Better, f64, String) {
    let (better, tolerance, what) = match figure {
        "conll.dev.f1" => (Better::Higher, 0.001, "CoNLL-2003 dev micro-F1 over PER, LOC, ORG"),
        "polnear.dev.speaker_mention" => (Better::Higher, 0.001, "PolNeAR dev speaker-mention accuracy"),
        "polnear.dev.person" => (Better::Higher, 0.0015, "PolNeAR dev person-level accuracy (named sources)"),
        "ecb.dev.mention_recall" => (Better::Higher, 0.0005, "ECB+ dev gold mention recall"),
        "ecb.dev.pairwise_f1" => (Better::Higher, 0.001, "ECB+ dev same-entity pairwise F1"),
        "ecb.train.mention_recall" => (Better::Higher, 0.0003, "ECB+ train gold mention recall"),
        "ecb.train.pairwise_f1" => (Better::Higher, 0.001, "ECB+ train same-entity pairwise F1"),
        "polnear.train.cv5" => {
            (Better::Higher, 0.003, "PolNeAR train speaker-mention accuracy, 5-fold cross-validated")
        }
        "clusters.speakers" => (Better::Higher, 0.0015, "clusters-dev quotes under the right person (check-clusters)"),
        "clusters.alias_sets" => (Better::Higher, 0.002, "clusters-dev alias sets right"),
        "clusters.traps" => (Better::Lower, 0.5, "clusters-dev traps taken for entities (count)"),
        "clusters.ece" => (Better::Lower, 0.005, "clusters-dev expected calibration error of confidence (10 bins)"),
        "clusters.right_at_0.9" => {
            (Better::Higher, 0.005, "clusters-dev share right among quotes at confidence >= 0.9")
        }
        "clusters.share_at_0.9" => (Better::Higher, 0.005, "clusters-dev share of quotes at confidence >= 0.9"),
        "clusters.loco.ece" => {
            (Better::Lower, 0.01, "clusters-dev ECE, each cluster scored by a confidence model fitted without it")
        }
        "clusters.loco.right_at_0.9" => {
            (Better::Higher, 0.01, "clusters-dev share right at confidence >= 0.9, leave one cluster out")
        }
        "clusters.loco.share_at_0.9" => {
            (Better::Higher, 0.01, "clusters-dev share of quotes at confidence >= 0.9, leave one cluster out")
        }
        "polnear.dev.ece" => (Better::Lower, 0.005, "PolNeAR dev ECE of confidence (held out from every fit)"),
        "polnear.dev.right_at_0.9" => (Better::Higher, 0.005, "PolNeAR dev share right at confidence >= 0.9"),
        "polnear.dev.share_at_0.9" => (Better::Higher, 0.005, "PolNeAR dev share of quotes at confidence >= 0.9"),
        _ => (Better::Higher, 0.005, "?"),
    };
    (better, tolerance, what.to_string())
}

/// Runs every evaluation; (figure, value) in the baseline's order.
fn measure(data: &std::path::Path, log: &mut dyn FnMut(&str)) -> Result<Vec<(String, f64)>, CliError> {
    let mut out: Vec<(String, f64)> = Vec::new();
    let t0 = Instant::now();
    let conll_dev = data.join("conll2003/dev.txt");
    let (ner_score, _) = ner::evaluate(Tagger::builtin(), &conll::parse(&read_text(&conll_dev)?));
    out.push(("conll.dev.f1".into(), ner_score.f1_per_loc_org()));
    log(&format!("CoNLL dev ({:.1} s)", t0.elapsed().as_secs_f64()));

    let polnear_dev = data.join("polnear/dev.jsonl");
    let now = || t0.elapsed().as_secs_f64();
    let q = quotes::evaluate(&read_text(&polnear_dev)?, 0, &now)
        .map_err(|error| CliError::Data { path: polnear_dev.clone(), error })?;
    out.push(("polnear.dev.speaker_mention".into(), q.speaker_accuracy()));
    out.push(("polnear.dev.person".into(), q.person_accuracy()));
    log(&format!("PolNeAR dev ({:.1} s)", t0.elapsed().as_secs_f64()));

    let ecb_gold = data.join("news/ecbplus_entities.jsonl");
    let ecb = entities::evaluate(&read_text(&ecb_gold)?, &read_text(&data.join("news/ecbplus.jsonl"))?, Split::Dev)
        .map_err(|error| CliError::Data { path: ecb_gold.clone(), error })?;
    out.push(("ecb.dev.mention_recall".into(), ecb.recall_all.ratio()));
    out.push(("ecb.dev.pairwise_f1".into(), ecb.pairwise().2));
    let ecb = entities::evaluate(&read_text(&ecb_gold)?, &read_text(&data.join("news/ecbplus.jsonl"))?, Split::Train)
        .map_err(|error| CliError::Data { path: ecb_gold.clone(), error })?;
    out.push(("ecb.train.mention_recall".into(), ecb.recall_all.ratio()));
    out.push(("ecb.train.pairwise_f1".into(), ecb.pairwise().2));
    log(&format!("ECB+ dev and train ({:.1} s)", t0.elapsed().as_secs_f64()));

    let polnear_train = data.join("polnear/train.jsonl");
    let cv = train_quotes::cross_validate(&read_text(&polnear_train)?, 5, 10, train_quotes::SEED, 0, &now)
        .map_err(|error| CliError::Data { path: polnear_train.clone(), error })?;
    out.push(("polnear.train.cv5".into(), cv.speaker_accuracy()));
    log(&format!("PolNeAR train, 5-fold cross-validation ({:.1} s)", t0.elapsed().as_secs_f64()));

    let (_, c) = clusters::score_all(&clusters::load(&data.join("news/clusters-dev"))?);
    out.push(("clusters.speakers".into(), c.speaker_accuracy()));
    out.push(("clusters.alias_sets".into(), c.alias_accuracy()));
    out.push(("clusters.traps".into(), c.traps_hit as f64));
    let cal = Calibration::new(c.outcomes.iter().filter(|o| o.found.is_some()).map(|o| (o.confidence, o.right)));
    let (right, share) = cal.above(0.9);
    out.push(("clusters.ece".into(), cal.ece()));
    out.push(("clusters.right_at_0.9".into(), right));
    out.push(("clusters.share_at_0.9".into(), share));
    log(&format!("clusters-dev: {} ({:.1} s)", c.line(), t0.elapsed().as_secs_f64()));

    let ex = confidence::examples(data)?;
    let loco = Calibration::new(confidence::out_of_fold(&ex, confidence::CLUSTER_WEIGHT).into_iter().flatten());
    let (right, share) = loco.above(0.9);
    out.push(("clusters.loco.ece".into(), loco.ece()));
    out.push(("clusters.loco.right_at_0.9".into(), right));
    out.push(("clusters.loco.share_at_0.9".into(), share));
    let model = newsprism_core::attribute::confidence::Calibrator::builtin();
    let dev = Calibration::new(
        ex.polnear_dev
            .iter()
            .filter(|e| e.1 != Label::PronounMatched)
            .map(|(f, l)| (model.predict(f) as f64, *l == Label::Right)),
    );
    let (right, share) = dev.above(0.9);
    out.push(("polnear.dev.ece".into(), dev.ece()));
    out.push(("polnear.dev.right_at_0.9".into(), right));
    out.push(("polnear.dev.share_at_0.9".into(), share));
    log(&format!("confidence, out of fold ({:.1} s)", t0.elapsed().as_secs_f64()));
    Ok(out)
}

pub fn run(args: &GateArgs) -> Result<ExitCode, CliError> {
    let mut log = |m: &str| eprintln!("[gate] {m}");
    let measured = measure(&args.data, &mut log)?;
    let text = std::fs::read_to_string(&args.baseline).unwrap_or_default();
    let baseline = gate::parse(&text).map_err(|m| CliError::Usage(format!("{}: {m}", args.baseline.display())))?;
    if args.update {
        let text = gate::updated(HEADER, &baseline, &measured, &describe);
        std::fs::write(&args.baseline, text).map_err(|error| CliError::Io { path: args.baseline.clone(), error })?;
        println!("wrote {} figures to {}", measured.len(), args.baseline.display());
        return Ok(ExitCode::SUCCESS);
    }
    let (table, pass) = gate::compare(&baseline, &measured);
    print!("{table}");
    if pass {
        println!("accuracy gate: every figure holds its baseline ({})", args.baseline.display());
        Ok(ExitCode::SUCCESS)
    } else {
        println!("accuracy gate FAILED: see the figures above ({})", args.baseline.display());
        Ok(ExitCode::FAILURE)
    }
}
