//! `newsprism bench-hostile`: the adversarial scaling benchmark. Every hostile family at several sizes,
//! analysed whole (the documents built directly, so even text the loader would refuse reaches every
//! stage); prints the time per KB and how it grows from the smallest size to the largest.

use std::process::ExitCode;
use std::time::Instant;

use newsprism_core::analysis::{analyze_docs, Engine, Stage};
use newsprism_core::eval::hostile::Family;
use newsprism_core::Document;

use crate::cli::CliError;

/// Options of `newsprism bench-hostile`.
#[derive(clap::Args)]
pub struct HostileArgs {
    /// Sizes in KB.
    #[arg(long, value_delimiter = ',', default_value = "64,256,1024")]
    sizes: Vec<usize>,
    /// Only the families whose name contains this.
    #[arg(long)]
    family: Option<String>,
}

/// The seconds each stage took, in pipeline order, and in all.
fn timed(text: String) -> (Vec<(Stage, f64)>, f64) {
    let doc = Document { text, ..Document::from_text("hostile.txt", "") };
    let t0 = Instant::now();
    let mut stages: Vec<(Stage, f64)> = Vec::new();
    let mut current: Option<(Stage, Instant)> = None;
    analyze_docs(std::slice::from_ref(&doc), Vec::new(), Engine::builtin(), &mut |p| {
        if current.is_none_or(|(s, _)| s != p.stage) {
            if let Some((s, since)) = current.take() {
                stages.push((s, since.elapsed().as_secs_f64()));
            }
            current = Some((p.stage, Instant::now()));
        }
    });
    (stages, t0.elapsed().as_secs_f64())
}

pub fn run(args: &HostileArgs) -> Result<ExitCode, CliError> {
    let families: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| args.family.as_ref().is_none_or(|want| f.name().contains(want.as_str())))
        .collect();
    if families.is_empty() || args.sizes.is_empty() {
        return Err(CliError::Usage("no family or no size to run".into()));
    }
    print!("{:<28}", "family");
    for kb in &args.sizes {
        print!(" {:>13}", format!("{kb} KB µs/KB"));
    }
    println!(" {:>9} {:>10}  slowest stage at the largest size", "growth", "largest s");
    let mut worst_growth: f64 = 0.0;
    let mut worst_time: f64 = 0.0;
    for f in families {
        print!("{:<28}", f.name());
        let mut per_kb = Vec::new();
        let mut last = (Vec::new(), 0.0);
        for &kb in &args.sizes {
            let (stages, secs) = timed(f.generate(kb * 1024, 7));
            per_kb.push(secs * 1e6 / kb as f64);
            print!(" {:>13.1}", secs * 1e6 / kb as f64);
            last = (stages, secs);
        }
        let growth = per_kb.last().copied().unwrap_or(0.0) / per_kb.first().copied().unwrap_or(1.0).max(1e-9);
        let slowest =
            last.0.iter().max_by(|a, b| a.1.total_cmp(&b.1)).map(|(s, t)| format!("{} {:.3} s", s.label(), t));
        println!(" {:>8.2}x {:>10.3}  {}", growth, last.1, slowest.unwrap_or_default());
        worst_growth = worst_growth.max(growth);
        worst_time = worst_time.max(last.1);
    }
    println!(
        "worst growth of the per-KB cost {worst_growth:.2}x (target under 2x); slowest largest input {worst_time:.2} s"
    );
    Ok(ExitCode::SUCCESS)
}
