//! Organization names compared: one key for the ways news writes one name ("C.I.A." and "CIA",
//! "Department of State" and "State Department", "&" and "and", "Hewlett - Packard" and "Hewlett-Packard"),
//! the initials a name's acronym spells ("Democratic National Committee" → DNC), and its short forms.

use crate::lexis::fold::fold;
use crate::lexis::set::{words, Words};

/// Words initials skip.
const MINOR: Words = words!["of", "the", "and", "for", "in", "on", "at", "to", "&", "de", "du", "des", "la", "le"];

/// Bodies named "X of Y" as often as "Y X".
const OF_BODIES: Words = words!["department", "ministry", "bureau", "office", "secretary"];

pub fn strip_the(name: &str) -> &str {
    name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name)
}

/// The comparison key: folded, no leading "the", no stops, "&" as "and", hyphens unspaced, a trailing
/// possessive dropped, and "department of state" written "state department".
pub fn key(name: &str) -> String {
    let folded = fold(strip_the(name.trim()));
    let folded = folded.strip_suffix("'s").unwrap_or(&folded).replace('&', " and ").replace('.', "");
    let words: Vec<&str> = folded.split_whitespace().collect();
    let joined = words.join(" ").replace(" - ", "-");
    let words: Vec<&str> = joined.split(' ').collect();
    match words.as_slice() {
        [body, "of", rest @ ..] if !rest.is_empty() && OF_BODIES.has_exact(body) => {
            format!("{} {body}", rest.join(" "))
        }
        _ => joined,
    }
}

/// The capitals of a multi-word name's words (hyphenated parts count as words): "Democratic National
/// Committee" → "DNC", "Hewlett-Packard" → "HP"; `None` for a name of one word.
pub fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = strip_the(name)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !MINOR.has(w))
        .collect();
    if words.len() < 2 {
        return None;
    }
    words.iter().map(|w| w.chars().next().filter(|c| c.is_uppercase())).collect()
}

/// Every acronym a multi-word name may be written as: its [`initials`], and the capitals of all its words
/// when a minor word is among them ("Department of Justice" → "DJ" and "DOJ").
pub fn acronyms_of(name: &str) -> Vec<String> {
    let mut out: Vec<String> = initials(name).into_iter().collect();
    let words: Vec<&str> =
        strip_the(name).split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    if out.is_empty() || !words.iter().any(|w| MINOR.has(w) && w.chars().all(char::is_alphabetic)) {
        return out;
    }
    let all: Option<String> = words.iter().map(|w| w.chars().next().map(|c| c.to_ascii_uppercase())).collect();
    if let Some(all) = all.filter(|a| a.chars().all(|c| c.is_uppercase()) && !out.contains(a)) {
        out.push(all);
    }
    out
}

/// A name written as an acronym: two to six capitals, with or without stops ("DNC", "F.B.I.").
pub fn acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    ((2..=6).contains(&n)
        && letters.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.chars().any(char::is_uppercase))
    .then_some(letters)
}

/// Bodies named "X on Y" as often as "Y X": "Committee on Foreign Relations", "Foreign Relations Committee".
const ON_BODIES: Words = words!["committee", "subcommittee", "commission"];

/// The topic-first forms of a body's name written "[P] Body on Topic" (a key): "Topic Body" and "P Topic
/// Body", the topic cut after any of its words but a minor one ("house committee on oversight and
/// government reform" → "oversight committee", "house oversight committee", "oversight and government reform
/// committee", …). None for a name of another shape.
pub fn topic_first_forms(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let Some(at) = words.windows(2).position(|w| ON_BODIES.has_exact(w[0]) && w[1] == "on") else {
        return Vec::new();
    };
    let (prefix, body, topic) = (&words[..at], words[at], &words[at + 2..]);
    let mut out = Vec::new();
    for n in (1..=topic.len()).filter(|&n| !MINOR.has(topic[n - 1])) {
        let short = format!("{} {body}", topic[..n].join(" "));
        if !prefix.is_empty() {
            out.push(format!("{} {short}", prefix.join(" ")));
        }
        out.push(short);
    }
    out
}

/// A name of three words or more with each word's plural ending dropped: one key for the writers who give
/// one word of a name a plural and those who do not ("Pueblos Sin Muros" and "Pueblo Sin Muros", "Friends of
/// the Earth" and "Friend of the Earth"). `None` for shorter names, where the ending may be the whole
/// difference ("Time" and "Times") or tell a product from its line ("MacBook Pro", "MacBook Pros").
pub fn singular_form(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let singular = |w: &'_ str| -> String {
        let plural = w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
        if plural {
            w[..w.len() - 1].to_string()
        } else {
            w.to_string()
        }
    };
    Some(words.iter().map(|w| singular(w)).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn one_key_for_one_name() {
        assert_eq!(key("C.I.A."), key("CIA"));
        assert_eq!(key("Department of State"), key("State Department"));
        assert_eq!(
            key("Center for Strategic & International Studies"),
            key("Center for Strategic and International Studies")
        );
        assert_eq!(key("Hewlett - Packard"), key("Hewlett-Packard"));
        assert_eq!(key("the DNC's"), key("DNC"));
        assert_ne!(key("Department of Justice"), key("State Department"));
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(initials("Democratic National Committee").as_deref(), Some("DNC"));
        assert_eq!(initials("Hewlett-Packard").as_deref(), Some("HP"));
        assert_eq!(initials("Federal Bureau of Investigation").as_deref(), Some("FBI"));
        assert_eq!(initials("Advanced Micro Devices").as_deref(), Some("AMD"));
        assert_eq!(initials("Microsoft"), None);
        assert_eq!(acronyms_of("Department of Justice"), ["DJ", "DOJ"]);
        assert_eq!(acronyms_of("Democratic National Committee"), ["DNC"]);
        assert_eq!(acronyms_of("Immigration and Customs Enforcement"), ["ICE", "IACE"]);
        assert_eq!(acronyms_of("Hewlett-Packard"), ["HP"]);
        assert_eq!(acronym("F.B.I.").as_deref(), Some("FBI"));
        assert_eq!(acronym("Fox"), None);
    }

    #[test]
    fn topic_first_forms_of_a_body_on_a_topic() {
        let forms = topic_first_forms(&key("Senate Committee on Ports and Harbour Works"));
        for short in ["ports committee", "senate ports committee", "ports and harbour works committee"] {
            assert!(forms.iter().any(|f| f == short), "{short}: {forms:?}");
        }
        assert!(forms.iter().all(|f| !f.ends_with("and committee")), "{forms:?}");
        assert!(topic_first_forms(&key("Democratic National Committee")).is_empty());
    }

    #[test]
    fn one_singular_form_for_a_name_with_or_without_a_plural() {
        assert_eq!(singular_form(&key("Amigos Sin Muros")), singular_form(&key("Amigo Sin Muros")));
        assert_eq!(singular_form(&key("Friends of the Earth")), singular_form(&key("Friend of the Earth")));
        assert_ne!(singular_form(&key("Associated Press Agency")), singular_form(&key("Associated Pres Agency")));
        assert_ne!(singular_form(&key("Amigos Sin Muros")), singular_form(&key("Amigos Sin Puertas")));
        assert_eq!(singular_form("times"), None);
        assert_eq!(singular_form("macbook pros"), None);
    }
}
