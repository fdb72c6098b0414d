//! Given names and their nicknames (`core/data/given-names.tsv`, generated from the PyPI package
//! `nicknames` by `scripts/gen-names.py`): which words are given names, and which given names can be one
//! person's ("Fred" and "Frederick", "Rudy" and "Rudolph"); and the gender a given name all but always
//! goes with (`core/data/given-name-genders.tsv`, from the 1990 US Census lists in the PyPI package `names`);
//! and the long surnames common enough that two of them a letter apart are two families
//! (`core/data/surnames.tsv`, from the same census).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/given-names.tsv");
const GENDERS: &str = include_str!("../../data/given-name-genders.tsv");
const SURNAMES: &str = include_str!("../../data/surnames.tsv");

struct GivenNames {
    names: HashSet<&'static str>,
    /// Each name (formal or nickname) → the formal names it stands for.
    formal: HashMap<&'static str, Vec<&'static str>>,
}

fn table() -> &'static GivenNames {
    static T: OnceLock<GivenNames> = OnceLock::new();
    T.get_or_init(|| {
        let mut names = HashSet::new();
        let mut formal: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, nicks)) = line.split_once('\t') else { continue };
            names.insert(name);
            formal.entry(name).or_default().push(name);
            for n in nicks.split('|').filter(|n| !n.is_empty()) {
                names.insert(n);
                formal.entry(n).or_default().push(name);
            }
        }
        GivenNames { names, formal }
    })
}

/// Whether a folded word is a known given name.
pub fn is_given_name(folded: &str) -> bool {
    table().names.contains(folded)
}

/// The gender a folded given name all but always goes with: 'm' for "karl", 'f' for "ana", none for "kim".
pub fn given_name_gender(folded: &str) -> Option<char> {
    static G: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    let genders = G.get_or_init(|| {
        GENDERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, g) = l.split_once('\t')?;
                Some((name, g.chars().next()?))
            })
            .collect()
    });
    genders.get(folded).copied()
}

/// Whether a folded surname of seven letters or more is a common one ("johnston"), not a slip.
pub fn is_common_surname(folded: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| SURNAMES.lines().filter(|l| !l.starts_with('#')).collect()).contains(folded)
}

/// Whether two folded given names can name one person: equal, or one a nickname of the other, or both
/// nicknames of one name.
pub fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let t = table();
    match (t.formal.get(a), t.formal.get(b)) {
        (Some(fa), Some(fb)) => fa.iter().any(|x| fb.contains(x)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn a_given_name_says_a_gender_only_when_the_census_all_but_always_does() {
        assert_eq!(given_name_gender("karl"), Some('m'));
        assert_eq!(given_name_gender("ana"), Some('f'));
        assert_eq!(given_name_gender("kim"), None, "given to both");
        assert_eq!(given_name_gender("shinzo"), None, "not in the lists");
    }

    #[test]
    fn nicknames_name_the_same_person() {
        assert!(same_given_name("fred", "frederick"));
        assert!(same_given_name("bill", "william"));
        assert!(!same_given_name("george", "william"));
        assert!(is_given_name("samantha") && !is_given_name("power"));
    }
}
