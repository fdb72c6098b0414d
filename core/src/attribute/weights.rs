//! The committed linear models' file format, one for all: "feature<TAB>weight" lines, `#` lines comments,
//! written sorted by feature with four decimals and the weights that would print as zero left out.

use std::collections::HashMap;

/// Reads "feature<TAB>weight" lines; `#` lines and lines that are not a feature and a number are skipped.
pub fn parse(text: &str) -> HashMap<String, f32> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (f, w) = l.rsplit_once('\t')?;
            Some((f.to_string(), w.trim().parse().ok()?))
        })
        .collect()
}

/// The weights under a `# heading` line, sorted by feature. Below 0.00005 a weight prints as zero: those are
/// left out, so what is written and what is read back are the same.
pub fn to_tsv(heading: &str, weights: &HashMap<String, f32>) -> String {
    let mut rows: Vec<(&String, &f32)> = weights.iter().filter(|(_, w)| w.abs() >= 5e-5).collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = format!("# {heading} feature\tweight\n");
    for (f, w) in rows {
        out.push_str(&format!("{f}\t{w:.4}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn weights_round_trip_without_the_ones_that_print_as_zero() {
        let w: HashMap<String, f32> =
            [("b\tx".to_string(), -1.25), ("a".to_string(), 0.5), ("tiny".to_string(), 1e-6)].into_iter().collect();
        let text = to_tsv("A model.", &w);
        assert!(text.starts_with("# A model. feature\tweight\na\t0.5000\n"), "{text}");
        let back = parse(&text);
        assert_eq!(back.len(), 2);
        assert_eq!(back["b\tx"], -1.25);
    }
}
