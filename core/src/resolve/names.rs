//! Person names in parts, and whether two names can be one person: given names (with nicknames and
//! initials), middle names, a family name (an "al-" article aside, a one-letter slip forgiven in long names),
//! a generational suffix ("Jr.", "III"), and names written with or without spaces or hyphens ("Kim Jong Un",
//! "Kim Jong-un").

use crate::lexis::fold::fold;
use crate::lexis::given_names::{given_name_gender, is_common_surname, is_given_name, same_given_name};
use crate::lexis::set::{words, Words};

/// A person's name, folded and in parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Given and middle names ("robert", "s.").
    pub given: Vec<String>,
    /// The family name as written ("al-assad", "wasserman schultz" keeps only its last part: "schultz").
    pub surname: String,
    /// "jr", "sr", "ii", "iii", "iv".
    pub suffix: Option<String>,
    /// Every letter and digit of the name, in order: equal for "Kim Jong Un" and "Kim Jong-un".
    pub squashed: String,
}

const SUFFIXES: Words = words!["jr", "sr", "ii", "iii", "iv"];

impl Name {
    /// Parses a name as written ("Robert S. Mueller III"); `None` when it has no letters.
    pub fn parse(text: &str) -> Option<Name> {
        let folded = fold(text);
        let mut parts: Vec<String> = folded
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let suffix = match parts.last() {
            Some(p) if parts.len() >= 2 && SUFFIXES.has_exact(p.trim_end_matches('.')) => {
                parts.pop().map(|s| s.trim_end_matches('.').to_string())
            }
            _ => None,
        };
        let surname = parts.pop()?;
        let squashed = parts.iter().chain([&surname]).flat_map(|p| p.chars()).filter(|c| c.is_alphanumeric()).collect();
        Some(Name { given: parts, surname, suffix, squashed })
    }

    /// The family name without an Arabic article: "al-assad" → "assad".
    pub fn family(&self) -> &str {
        core_part(&self.surname)
    }

    /// A name of two parts or more (a given name and a family name, or more).
    pub fn is_full(&self) -> bool {
        !self.given.is_empty()
    }

    /// The first given name, without its initial's stop.
    pub fn first(&self) -> Option<&str> {
        self.given.first().map(|g| core_part(g))
    }
}

/// A name part without an Arabic article: "al-assad" → "assad".
pub fn core_part(part: &str) -> &str {
    for prefix in ["al-", "el-"] {
        if let Some(rest) = part.strip_prefix(prefix) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    part
}

fn is_initial(part: &str) -> bool {
    part.trim_end_matches('.').chars().count() == 1
}

fn initial_of(initial: &str, name: &str) -> bool {
    is_initial(initial) && name.starts_with(initial.trim_end_matches('.'))
}

/// Whether two given names can be one person's: equal, an initial of the other, nicknames of one name, or
/// one the start of the other ("Fred", "Frederick").
pub fn given_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    // A short form of a name ("Alex", "Chris") is that name, unless both are names of their own that are
    // no nicknames of each other ("Paul" and "Paula", "Eric" and "Erica") or name people of two genders.
    let two_names = is_given_name(a) && is_given_name(b);
    let two_genders = matches!((given_name_gender(a), given_name_gender(b)), (Some(x), Some(y)) if x != y);
    let prefix = a.len() >= 3 && b.len() >= 3 && (a.starts_with(b) || b.starts_with(a)) && !two_names && !two_genders;
    a == b || initial_of(a, b) || initial_of(b, a) || same_given_name(a, b) || prefix
}

/// Family names that are one, a slip of one letter aside in long names ("Papadopoulous"), unless both are
/// common surnames ("Johnson" and "Johnston" are two families).
pub fn family_compatible(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 7
            && b.chars().count() >= 7
            && a.chars().next() == b.chars().next()
            && one_edit(a, b)
            && !(is_common_surname(a) && is_common_surname(b)))
}

/// Whether two strings differ by exactly one inserted, deleted or replaced character, or two neighbours
/// swapped ("Klitschko", "Klistchko").
pub fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let swapped = prefix + 1 < short.len()
            && short[prefix] == long[prefix + 1]
            && short[prefix + 1] == long[prefix]
            && short[prefix + 2..] == long[prefix + 2..];
        prefix < short.len() && (short[prefix + 1..] == long[prefix + 1..] || swapped)
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The shortest word whose one-letter slips are looked for.
const MIN_SLIP_LEN: usize = 5;

/// A word's one-letter deletions (none for a short word): two words one slip apart (a letter inserted,
/// dropped, replaced or two swapped) share one.
pub fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let n = if chars.len() >= MIN_SLIP_LEN { chars.len() } else { 0 };
    (0..n).map(move |i| {
        let (at, c) = chars[i];
        format!("{}{}", &word[..at], &word[at + c.len_utf8()..])
    })
}

/// Whether two full names can be one person: written alike but for spaces and hyphens; or the same family
/// name, compatible first given names, and middle names that do not disagree. Suffixes must agree where
/// both names have one (whether "Roger Stone" is "Roger J. Stone Jr." is the caller's to decide).
pub fn compatible(a: &Name, b: &Name) -> bool {
    if a.squashed == b.squashed {
        return true;
    }
    if !family_compatible(a.family(), b.family()) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.suffix, &b.suffix) {
        if x != y {
            return false;
        }
    }
    match (a.first(), b.first()) {
        // "Joseph Comeaux" and "Arcade Joseph Comeaux": a person known by a middle name.
        (Some(x), Some(y)) if !given_compatible(x, y) => {
            let (short, long) = if a.given.len() <= b.given.len() { (a, b) } else { (b, a) };
            return short.given.len() < long.given.len()
                && !is_initial(&short.given[0])
                && short.given.iter().all(|g| long.given[1..].iter().any(|l| given_compatible(g, l)));
        }
        _ => {}
    }
    // "George W. Bush" and "George H. W. Bush" are two people.
    let (ma, mb) = (&a.given[a.given.len().min(1)..], &b.given[b.given.len().min(1)..]);
    ma.is_empty() || mb.is_empty() || (ma.len() == mb.len() && ma.iter().zip(mb).all(|(x, y)| given_compatible(x, y)))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn n(s: &str) -> Name {
        Name::parse(s).expect("a name")
    }

    #[test]
    fn names_in_parts() {
        let m = n("Robert S. Mueller III");
        assert_eq!(
            (m.given.clone(), m.surname.as_str(), m.suffix.as_deref()),
            (vec!["robert".into(), "s.".into()], "mueller", Some("iii"))
        );
        assert_eq!(n("Bashar al-Assad").family(), "assad");
        assert_eq!(n("Kim Jong Un").squashed, n("Kim Jong-un").squashed);
    }

    #[test]
    fn one_person_or_two() {
        assert!(compatible(&n("Bashar al-Assad"), &n("Bashar Assad")));
        assert!(compatible(&n("John F. Kerry"), &n("J. Kerry")));
        assert!(compatible(&n("Frederick C. LaRue"), &n("Fred LaRue")));
        assert!(compatible(&n("Robert S. Mueller III"), &n("Robert Mueller")));
        assert!(compatible(&n("George Papadopoulos"), &n("George Papadopoulous")));
        assert!(compatible(&n("Moon Jae-in"), &n("Moon Jae In")));
        assert!(!compatible(&n("George Bush"), &n("Jeb Bush")));
        assert!(!compatible(&n("George W. Bush"), &n("George H. W. Bush")));
        assert!(!compatible(&n("Vladimir Putin"), &n("Barack Obama")));
        assert!(!compatible(&n("Scott Peterson"), &n("Laci Peterson")));
        assert!(!compatible(&n("Ann Smith"), &n("Anne Smyth")), "short family names must match exactly");
        assert!(compatible(&n("Arcade Joseph Comeaux Jr."), &n("Joseph Comeaux Jr.")));
        assert!(!compatible(&n("Arcade Joseph Comeaux"), &n("Paul Comeaux")));
    }

    #[test]
    fn single_edits() {
        assert!(one_edit("papadopoulos", "papadopoulous"));
        assert!(one_edit("klitschko", "klistchko"));
        assert!(one_edit("abc", "abd") && !one_edit("abc", "abc"));
    }
}
