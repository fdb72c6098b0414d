//! The five built-in seed articles, compiled in so the same tests run natively and in the browser.

use newsprism_core::{analyze_inputs, Analysis, Article, Input};

pub const SEEDS: [(&str, &str); 5] = [
    ("000_fb588c1a204cc496.txt", include_str!("../../../www/corpus/000_fb588c1a204cc496.txt")),
    ("001_e69eac6dd9248ced.txt", include_str!("../../../www/corpus/001_e69eac6dd9248ced.txt")),
    ("002_70736a2f79e4f1a9.txt", include_str!("../../../www/corpus/002_70736a2f79e4f1a9.txt")),
    ("003_1c5835c1e7b331b8.txt", include_str!("../../../www/corpus/003_1c5835c1e7b331b8.txt")),
    ("004_bd5b16cc45523138.txt", include_str!("../../../www/corpus/004_bd5b16cc45523138.txt")),
];

/// The seeds' analysis, made once for every test that reads it.
pub fn seeds() -> &'static Analysis {
    static SEEDS_ANALYSIS: std::sync::OnceLock<Analysis> = std::sync::OnceLock::new();
    SEEDS_ANALYSIS.get_or_init(|| analyze(&SEEDS))
}

/// Analyses named texts through the core's one entry point.
pub fn analyze(texts: &[(&str, &str)]) -> Analysis {
    let inputs: Vec<Input> = texts.iter().map(|(name, text)| Input::text(name, text)).collect();
    analyze_inputs(&inputs, &mut |_| {})
}

/// Analyses named byte strings.
pub fn analyze_bytes(inputs: &[(&str, &[u8])]) -> Analysis {
    let inputs: Vec<Input> = inputs.iter().map(|(name, bytes)| Input::bytes(name, bytes)).collect();
    analyze_inputs(&inputs, &mut |_| {})
}

pub fn article<'a>(a: &'a Analysis, prefix: &str) -> &'a Article {
    a.articles.iter().find(|x| x.id.starts_with(prefix)).unwrap_or_else(|| panic!("no article {prefix}"))
}
