//! Folding text for comparison: without accents, in lowercase, with curly apostrophes made straight
//! ("François" = "francois", "Castro’s" = "castro's"). Names are compared and searched in this form.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lowercase without accents, apostrophes made straight.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = if matches!(c, '’' | '‘') { '\'' } else { c };
        out.extend(c.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::fold;

    #[test]
    fn accents_case_and_apostrophes_fold_away() {
        assert_eq!(fold("François Hollande"), "francois hollande");
        assert_eq!(fold("Raúl Castro’s"), "raul castro's");
        assert_eq!(fold("ÉLYSÉE"), "elysee");
    }
}
