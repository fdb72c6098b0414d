//! The accuracy gate: measured figures compared with a committed baseline. Each figure has a value, a
//! tolerance and a direction (higher or lower is better); the gate fails on a figure worse than its value
//! by more than its tolerance, and on one better by more, so that a change that moves a figure records the
//! new value in the same commit and the review shows it.

use std::fmt::Write;

/// Which way a figure improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// One line of the baseline file: `figure<TAB>value<TAB>tolerance<TAB>higher|lower<TAB>what it is`.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    pub figure: String,
    pub value: f64,
    pub tolerance: f64,
    pub better: Better,
    pub what: String,
}

/// What the gate found for one figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Held,
    /// Worse than the baseline by more than the tolerance.
    Fell,
    /// Better by more than the tolerance: the baseline must be updated.
    Rose,
    /// In the baseline but not measured.
    Missing,
    /// Measured but not in the baseline.
    New,
}

/// Reads the baseline file; `#` lines are comments.
pub fn parse(text: &str) -> Result<Vec<Baseline>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| format!("line {}: {why}: {line:?}", i + 1);
        let [figure, value, tolerance, better, what] = cols[..] else {
            return Err(bad("expected figure, value, tolerance, higher|lower and a description, tab-separated"));
        };
        let number = |s: &str| s.trim().parse::<f64>().map_err(|_| bad("not a number"));
        let better = match better {
            "higher" => Better::Higher,
            "lower" => Better::Lower,
            _ => return Err(bad("the direction is higher or lower")),
        };
        out.push(Baseline {
            figure: figure.to_string(),
            value: number(value)?,
            tolerance: number(tolerance)?,
            better,
            what: what.to_string(),
        });
    }
    Ok(out)
}

/// The verdict on a measured value against its baseline.
pub fn judge(b: &Baseline, now: f64) -> Verdict {
    let delta = match b.better {
        Better::Higher => now - b.value,
        Better::Lower => b.value - now,
    };
    // A hair of slack so a value printed with four decimals compares equal to itself.
    let slack = b.tolerance + 1e-9;
    if delta < -slack {
        Verdict::Fell
    } else if delta > slack {
        Verdict::Rose
    } else {
        Verdict::Held
    }
}

/// Compares every measured figure with the baseline: a table to print and whether the gate passes.
pub fn compare(baseline: &[Baseline], measured: &[(String, f64)]) -> (String, bool) {
    let mut out = String::new();
    let mut pass = true;
    let _ = writeln!(out, "{:<34} {:>9} {:>9} {:>9}  verdict", "figure", "baseline", "now", "tolerance");
    for b in baseline {
        let now = measured.iter().find(|(f, _)| *f == b.figure).map(|(_, v)| *v);
        let verdict = now.map_or(Verdict::Missing, |v| judge(b, v));
        let words = match verdict {
            Verdict::Held => "ok".to_string(),
            Verdict::Fell => format!("FELL: {} is worse than its baseline by more than {}", b.figure, b.tolerance),
            Verdict::Rose => format!(
                "ROSE: {} is better than its baseline by more than {}: record it (newsprism gate --update) in this commit",
                b.figure, b.tolerance
            ),
            Verdict::Missing => format!("MISSING: {} was not measured", b.figure),
            Verdict::New => unreachable!("a baseline figure is never new"),
        };
        pass &= verdict == Verdict::Held;
        let now = now.map_or("-".to_string(), |v| format!("{v:.4}"));
        let _ = writeln!(out, "{:<34} {:>9.4} {:>9} {:>9}  {words}", b.figure, b.value, now, b.tolerance);
    }
    for (f, v) in measured.iter().filter(|(f, _)| !baseline.iter().any(|b| &b.figure == f)) {
        pass = false;
        let _ =
            writeln!(out, "{f:<34} {:>9} {v:>9.4} {:>9}  NEW: {f} has no baseline (newsprism gate --update)", "-", "-");
    }
    (out, pass)
}

/// The baseline with the measured values written in, tolerances and descriptions kept; `describe` gives
/// the direction, tolerance and description of a figure the file did not hold yet.
pub fn updated(
    header: &str,
    baseline: &[Baseline],
    measured: &[(String, f64)],
    describe: &dyn Fn(&str) -> (Better, f64, String),
) -> String {
    let mut out = String::from(header);
    for (f, v) in measured {
        let (better, tolerance, what) = match baseline.iter().find(|b| &b.figure == f) {
            Some(b) => (b.better, b.tolerance, b.what.clone()),
            None => describe(f),
        };
        let better = if better == Better::Higher { "higher" } else { "lower" };
        let _ = writeln!(out, "{f}\t{v:.4}\t{tolerance}\t{better}\t{what}");
    }
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    const FILE: &str = "# header\nspeakers\t0.8500\t0.005\thigher\tright person\ntraps\t10\t1\tlower\ttraps hit\n";

    #[test]
    fn a_figure_that_falls_fails_and_names_itself() {
        let b = parse(FILE).expect("a valid baseline");
        let (table, pass) = compare(&b, &[("speakers".into(), 0.80), ("traps".into(), 10.0)]);
        assert!(!pass);
        assert!(table.contains("FELL: speakers"), "{table}");
        let (_, pass) = compare(&b, &[("speakers".into(), 0.846), ("traps".into(), 11.0)]);
        assert!(pass, "within the tolerances");
        let (table, pass) = compare(&b, &[("speakers".into(), 0.85), ("traps".into(), 12.0)]);
        assert!(!pass && table.contains("FELL: traps"), "more traps is worse: {table}");
    }

    #[test]
    fn a_figure_that_rises_asks_for_the_baseline_to_be_recorded() {
        let b = parse(FILE).expect("a valid baseline");
        let (table, pass) = compare(&b, &[("speakers".into(), 0.90), ("traps".into(), 10.0)]);
        assert!(!pass && table.contains("ROSE: speakers"), "{table}");
        let text = updated("# header\n", &b, &[("speakers".into(), 0.9), ("traps".into(), 8.0)], &|_| {
            (Better::Higher, 0.0, String::new())
        });
        let again = parse(&text).expect("the updated file parses");
        assert_eq!(again[0].value, 0.9);
        assert_eq!(again[1], Baseline { value: 8.0, ..b[1].clone() });
    }

    #[test]
    fn missing_and_unknown_figures_fail() {
        let b = parse(FILE).expect("a valid baseline");
        let (table, pass) = compare(&b, &[("speakers".into(), 0.85)]);
        assert!(!pass && table.contains("MISSING: traps"));
        let (table, pass) = compare(&b, &[("speakers".into(), 0.85), ("traps".into(), 10.0), ("ece".into(), 0.1)]);
        assert!(!pass && table.contains("NEW: ece"));
        assert!(parse("speakers\tmany\t0\thigher\tx").is_err());
    }
}
