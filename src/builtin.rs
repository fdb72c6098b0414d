//! The built-in corpus: five reports of the Obama–Putin meeting at the UN, 28 September 2015 (www/corpus).

/// File names and texts of the built-in articles, compiled into the app.
pub const ARTICLES: [(&str, &str); 5] = [
    ("000_fb588c1a204cc496.txt", include_str!("../www/corpus/000_fb588c1a204cc496.txt")),
    ("001_e69eac6dd9248ced.txt", include_str!("../www/corpus/001_e69eac6dd9248ced.txt")),
    ("002_70736a2f79e4f1a9.txt", include_str!("../www/corpus/002_70736a2f79e4f1a9.txt")),
    ("003_1c5835c1e7b331b8.txt", include_str!("../www/corpus/003_1c5835c1e7b331b8.txt")),
    ("004_bd5b16cc45523138.txt", include_str!("../www/corpus/004_bd5b16cc45523138.txt")),
];

/// The built-in corpus analysed on this thread (for tests; the page itself asks the worker).
pub fn analysis() -> newsprism_core::Analysis {
    let inputs: Vec<newsprism_core::Input> = ARTICLES.iter().map(|(n, t)| newsprism_core::Input::text(n, t)).collect();
    newsprism_core::analyze_inputs(&inputs, &mut |_| {})
}
