//! How well a confidence means what it says: for predictions each with a confidence and a known outcome,
//! the expected calibration error over ten equal-width bins, the precision and coverage above a threshold,
//! and a table by decile of confidence (the share right beside the mean confidence).

use std::fmt::Write;

/// Predictions as (confidence, right).
#[derive(Debug, Clone, Default)]
pub struct Calibration {
    pub points: Vec<(f64, bool)>,
}

impl Calibration {
    pub fn new(points: impl IntoIterator<Item = (f64, bool)>) -> Calibration {
        Calibration { points: points.into_iter().collect() }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The share right among all predictions.
    pub fn accuracy(&self) -> f64 {
        let right = self.points.iter().filter(|p| p.1).count();
        right as f64 / self.points.len().max(1) as f64
    }

    /// Expected calibration error: over ten bins of confidence, |share right − mean confidence| weighted by
    /// the bin's share of the predictions.
    pub fn ece(&self) -> f64 {
        let mut bins = [(0usize, 0usize, 0f64); 10];
        for &(c, right) in &self.points {
            let b = ((c * 10.0).floor() as usize).min(9);
            bins[b].0 += 1;
            bins[b].1 += right as usize;
            bins[b].2 += c;
        }
        let n = self.points.len().max(1) as f64;
        bins.iter()
            .filter(|b| b.0 > 0)
            .map(|&(count, right, sum)| (count as f64 / n) * (right as f64 / count as f64 - sum / count as f64).abs())
            .sum()
    }

    /// Among predictions at confidence ≥ `t`: the share right, and their share of all predictions.
    pub fn above(&self, t: f64) -> (f64, f64) {
        let kept: Vec<bool> = self.points.iter().filter(|p| p.0 >= t).map(|p| p.1).collect();
        let right = kept.iter().filter(|&&r| r).count();
        (right as f64 / kept.len().max(1) as f64, kept.len() as f64 / self.points.len().max(1) as f64)
    }

    /// Brier score: the mean squared difference between confidence and outcome.
    pub fn brier(&self) -> f64 {
        let n = self.points.len().max(1) as f64;
        self.points.iter().map(|&(c, r)| (c - r as u8 as f64).powi(2)).sum::<f64>() / n
    }

    /// Ten rows, one per decile of the predictions sorted by confidence: count, mean confidence, share right.
    pub fn deciles(&self) -> Vec<(usize, f64, f64)> {
        let mut sorted = self.points.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = sorted.len();
        (0..10)
            .filter_map(|d| {
                let part = &sorted[d * n / 10..(d + 1) * n / 10];
                (!part.is_empty()).then(|| {
                    let mean = part.iter().map(|p| p.0).sum::<f64>() / part.len() as f64;
                    let right = part.iter().filter(|p| p.1).count() as f64 / part.len() as f64;
                    (part.len(), mean, right)
                })
            })
            .collect()
    }

    /// The figures and the decile table, in words.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let (p90, c90) = self.above(0.9);
        let (p99, c99) = self.above(0.99);
        let _ = writeln!(
            s,
            "calibration over {} quotes: right {:.3}; ECE (10 bins) {:.3}; Brier {:.3}; at confidence ≥ 0.9: {:.3} right, {:.0}% of quotes; ≥ 0.99: {:.3} right, {:.0}%",
            self.len(),
            self.accuracy(),
            self.ece(),
            self.brier(),
            p90,
            100.0 * c90,
            p99,
            100.0 * c99
        );
        let _ = writeln!(s, "  decile  quotes  mean confidence  right");
        for (i, (n, mean, right)) in self.deciles().into_iter().enumerate() {
            let _ = writeln!(s, "  {:>6}  {n:>6}  {mean:>15.3}  {right:>5.3}", i + 1);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::Calibration;

    #[test]
    fn a_confidence_that_matches_the_outcomes_has_no_error() {
        // Nine of ten right at 0.9, one of two right at 0.5.
        let mut points: Vec<(f64, bool)> = (0..10).map(|i| (0.9, i < 9)).collect();
        points.extend([(0.5, true), (0.5, false)]);
        let c = Calibration::new(points);
        assert!(c.ece() < 1e-9, "{}", c.ece());
        assert_eq!(c.above(0.9), (0.9, 10.0 / 12.0));
    }

    #[test]
    fn overconfidence_is_measured() {
        let c = Calibration::new((0..10).map(|i| (0.99, i < 7)));
        assert!((c.ece() - 0.29).abs() < 1e-9);
        assert!((c.accuracy() - 0.7).abs() < 1e-9);
    }
}
