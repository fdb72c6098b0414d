//! A story's label: the two or three names its articles share most (in most articles, then most often),
//! from the articles' profiles; else the first article's title.

use std::collections::HashMap;

use super::profile::Profile;

/// Names in a label.
const NAMES: usize = 3;

/// The label of a story whose articles have these profiles; `title` gives the first article's title.
pub fn label<'a>(profiles: impl IntoIterator<Item = &'a Profile>, title: impl FnOnce() -> String) -> String {
    // name → (articles, mentions).
    let mut counts: HashMap<&str, (usize, u64)> = HashMap::new();
    for p in profiles {
        for (name, mentions) in &p.names {
            let c = counts.entry(name.as_str()).or_default();
            c.0 += 1;
            c.1 += *mentions as u64;
        }
    }
    let mut scored: Vec<(&str, (usize, u64))> = counts.into_iter().collect();
    scored.sort_by(|x, y| y.1 .0.cmp(&x.1 .0).then(y.1 .1.cmp(&x.1 .1)).then(x.0.cmp(y.0)));
    if scored.is_empty() {
        return title();
    }
    scored.iter().take(NAMES).map(|x| x.0).collect::<Vec<_>>().join(" · ")
}
