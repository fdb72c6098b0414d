//! An article's sketch: its profile weighted by how rare each feature is in the corpus (tf-idf, log-scaled
//! term weight), cut to its strongest features and made unit length, in fixed point. What the corpus
//! contributes is one number per feature, how many articles have it (a count any engine can join on).

use std::collections::HashMap;

use super::profile::UNIT;

/// Features per article kept in its sketch.
pub const SKETCH: usize = 64;
/// A sketch's weights are fractions of this (a unit vector's components in fixed point).
pub const SCALE: f32 = 65536.0;

/// How many articles have each feature.
pub fn document_frequencies<'a>(terms: impl IntoIterator<Item = &'a [(u64, u32)]>) -> HashMap<u64, u32> {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for t in terms {
        for &(k, _) in t {
            *df.entry(k).or_default() += 1;
        }
    }
    df
}

/// The sketch of an article with these `terms` (sorted by feature) in a corpus of `n` articles, `df`
/// giving how many articles have each of them: (feature, weight) pairs, sorted by feature.
pub fn sketch(terms: &[(u64, u32)], df: impl Fn(u64) -> u32, n: usize) -> Vec<(u64, u32)> {
    let n = n as f32;
    // A feature no other article has cannot join anything.
    let mut weighted: Vec<(u64, f32)> = terms
        .iter()
        .map(|&(k, units)| (k, units, df(k).max(1)))
        .filter(|&(_, _, df)| df >= 2 || n <= 2.0)
        .map(|(k, units, df)| (k, (1.0 + (units as f32 / UNIT as f32).ln()) * (1.0 + (n / df as f32).ln())))
        .collect();
    weighted.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    weighted.truncate(SKETCH);
    let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
    let mut top: Vec<(u64, u32)> = weighted
        .into_iter()
        .map(|(k, w)| (k, (w / norm * SCALE).round().max(0.0) as u32))
        .filter(|&(_, q)| q > 0)
        .collect();
    top.sort_unstable();
    top
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn a_sketch_keeps_shared_features_and_has_unit_length() {
        let terms = [(1, 2), (2, 8), (3, 2)];
        let df = |k: u64| if k == 3 { 1 } else { 5 };
        let s = sketch(&terms, df, 10);
        assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), [1, 2], "a feature of one article is dropped");
        assert!(s[1].1 > s[0].1, "more mentions, more weight");
        let length: f32 = s.iter().map(|&(_, q)| (q as f32 / SCALE).powi(2)).sum();
        assert!((length - 1.0).abs() < 1e-3, "{length}");
    }
}
