//! Comparing person names: name parts in folded form, "al-" prefixes, given names and initials.

use crate::lexis::fold::fold;

/// The parts of a folded name, split on spaces.
pub fn parts(name: &str) -> Vec<String> {
    fold(name).split_whitespace().map(str::to_string).collect()
}

/// A name part without an Arabic article: "al-assad" → "assad".
pub fn core_part(part: &str) -> &str {
    for prefix in ["al-", "el-", " al ", "el "] {
        if let Some(rest) = part.strip_prefix(prefix) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    part
}

/// The family name of a folded multi-part name: its last part, without "al-".
pub fn surname(parts: &[String]) -> Option<&str> {
    parts.last().map(|p| core_part(p))
}

/// Whether two multi-part names can be one person: same surname, and the given names agree
/// (equal, one an initial of the other, or one missing).
pub fn compatible(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() || surname(a) != surname(b) {
        return false;
    }
    let (ga, gb) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    match (ga.first(), gb.first()) {
        (Some(x), Some(y)) => {
            let (x, y) = (core_part(x), core_part(y));
            x == y || initial_of(x, y) || initial_of(y, x)
        }
        _ => true,
    }
}

fn initial_of(initial: &str, name: &str) -> bool {
    let i = initial.trim_end_matches('.');
    i.chars().count() == 1 && name.starts_with(i)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn folding_and_compatibility() {
        assert!(compatible(&parts("Bashar al-Assad"), &parts("Bashar Assad")));
        assert!(compatible(&parts("John F. Kerry"), &parts("J. Kerry")));
        assert!(!compatible(&parts("George Bush"), &parts("Jeb Bush")));
        assert!(!compatible(&parts("Vladimir Putin"), &parts("Barack Obama")));
    }
}
