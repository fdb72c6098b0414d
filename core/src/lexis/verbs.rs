//! Reporting verbs ("said", "told", "insisted", "tweeted") in all their forms, chosen from the cue words
//! of PolNeAR's training attributions; a test checks the usual cues are covered.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lexis::set::{words, Words};

/// Lemmas of verbs that report speech or writing.
const LEMMAS: &[&str] = &[
    "say",
    "tell",
    "write",
    "add",
    "call",
    "tweet",
    "ask",
    "continue",
    "respond",
    "reply",
    "state",
    "note",
    "explain",
    "declare",
    "argue",
    "conclude",
    "warn",
    "pledge",
    "chant",
    "recall",
    "insist",
    "vow",
    "admit",
    "acknowledge",
    "suggest",
    "remark",
    "describe",
    "shout",
    "claim",
    "urge",
    "joke",
    "yell",
    "blast",
    "promise",
    "accuse",
    "charge",
    "retort",
    "stress",
    "emphasize",
    "emphasise",
    "announce",
    "answer",
    "comment",
    "complain",
    "predict",
    "observe",
    "confirm",
    "report",
    "propose",
    "criticize",
    "criticise",
    "praise",
    "echo",
    "repeat",
    "reiterate",
    "contend",
    "assert",
    "maintain",
    "deny",
    "counter",
    "boast",
    "quip",
    "concede",
    "testify",
    "post",
    "email",
    "text",
    "blame",
    "denounce",
    "question",
    "wonder",
    "muse",
    "lament",
    "caution",
    "demand",
    "plead",
    "exclaim",
    "scoff",
    "sneer",
    "snap",
    "thunder",
    "bristle",
    "agree",
    "allege",
    "assure",
    "brag",
    "cite",
    "counsel",
    "disclose",
    "dismiss",
    "elaborate",
    "hint",
    "inform",
    "instruct",
    "mention",
    "mock",
    "object",
    "point",
    "protest",
    "recount",
    "reflect",
    "rejoin",
    "relate",
    "reveal",
    "scold",
    "sing",
    "slam",
    "speak",
    "stipulate",
    "summarize",
    "tout",
    "vent",
    "whisper",
    "affirm",
    "characterize",
    "label",
    "dub",
    "term",
    "brand",
    "read",
    "coin",
    "thank",
    "proclaim",
    "rail",
];

/// Reporting verbs that are common nouns too ("a note", "the state", "an email"): they count as verbs only
/// right after something that can end a subject (a name, a pronoun, an adverb, a comma).
const NOUN_TOO: Words = words![
    "note",
    "notes",
    "state",
    "states",
    "post",
    "posts",
    "email",
    "emails",
    "text",
    "texts",
    "comment",
    "comments",
    "report",
    "reports",
    "question",
    "questions",
    "call",
    "calls",
    "charge",
    "charges",
    "point",
    "points",
    "echo",
    "echoes",
    "joke",
    "jokes",
    "vent",
    "object",
    "objects",
    "term",
    "terms",
    "label",
    "labels",
    "brand",
    "brands",
    "read",
    "reads",
    "tout",
    "demand",
    "demands",
    "promise",
    "promises",
    "answer",
    "answers",
    "reply",
    "replies",
    "remark",
    "remarks",
    "claim",
    "claims",
    "warning",
    "counter",
    "chant",
    "chants",
    "plea",
    "protest",
    "protests",
    "statement",
    "mention",
    "caution",
    "repeat",
    "dub",
    "coin",
    "thank",
    "thanks",
    "rail",
    "praise",
    "blame",
    "testimony",
    "tweet",
    "tweets",
    "sing",
    "speak",
    "muse",
    "snap",
    "reflect",
    "relate",
];

/// Whether a reporting verb form is also an everyday noun.
pub fn is_noun_too(word: &str) -> bool {
    NOUN_TOO.has(word)
}

/// Irregular forms: (lemma, past, past participle).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("say", "said", "said"),
    ("tell", "told", "told"),
    ("write", "wrote", "written"),
    ("speak", "spoke", "spoken"),
    ("shoot", "shot", "shot"),
    ("sing", "sang", "sung"),
];

/// Verbs of two syllables or more stressed on the last, which double their final consonant as one-syllable
/// verbs do: admitted, regretted, rebutted.
const STRESSED_LAST: Words = words![
    "admit", "commit", "regret", "rebut", "omit", "permit", "submit", "refer", "confer", "prefer", "deter", "compel",
    "repel",
];

/// Whether the final consonant doubles before "-ed" and "-ing": a verb of one syllable ending in one vowel and
/// one consonant (not w, x or y): slammed, dubbed, bragged, snapping, quipped; and [`STRESSED_LAST`].
fn doubles_final_consonant(lemma: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    if STRESSED_LAST.has_exact(lemma) {
        return true;
    }
    if n < 3 || vowel(chars[n - 1]) || matches!(chars[n - 1], 'w' | 'x' | 'y') || !vowel(chars[n - 2]) {
        return false;
    }
    // "qu" is a consonant sound: quip → quipped.
    let before = chars[n - 3];
    let single_vowel = !vowel(before) || (before == 'u' && n >= 4 && chars[n - 4] == 'q');
    // One syllable: no other vowel before the last one (a "u" after "q" aside).
    let syllables = chars[..n - 2]
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && !(c == 'u' && i > 0 && chars[i - 1] == 'q'))
        .count();
    single_vowel && syllables == 0
}

fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let third =
        if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") || lemma.ends_with('o') {
            format!("{lemma}es")
        } else if lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}s")
        };
    out.push(third);
    let stem_ing = lemma.strip_suffix('e').filter(|s| !s.ends_with('e')).unwrap_or(lemma);
    let doubled = doubles_final_consonant(lemma);
    let last = lemma.chars().last().unwrap_or('x');
    out.push(if doubled { format!("{lemma}{last}ing") } else { format!("{stem_ing}ing") });
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        out.push(past.to_string());
        out.push(part.to_string());
    } else {
        let past = if lemma.ends_with('e') {
            format!("{lemma}d")
        } else if lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey") {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else if doubled {
            format!("{lemma}{last}ed")
        } else {
            format!("{lemma}ed")
        };
        out.push(past);
    }
    out
}

/// Every form of every reporting verb, lowercase.
pub fn forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| LEMMAS.iter().flat_map(|l| inflections(l)).collect())
}

#[cfg(test)]
mod doubling_tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::inflections;

    #[test]
    fn one_syllable_verbs_double_their_last_consonant() {
        for (lemma, past) in
            [("slam", "slammed"), ("dub", "dubbed"), ("brag", "bragged"), ("quip", "quipped"), ("admit", "admitted")]
        {
            assert!(inflections(lemma).contains(&past.to_string()), "{lemma} → {past}");
        }
        for (lemma, past) in
            [("say", "said"), ("warn", "warned"), ("answer", "answered"), ("tweet", "tweeted"), ("fix", "fixed")]
        {
            assert!(inflections(lemma).contains(&past.to_string()), "{lemma} → {past}");
        }
    }
}

/// Whether a word (any case) is a form of a reporting verb.
pub fn is_reporting(word: &str) -> bool {
    if !word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        return forms().contains(word);
    }
    forms().contains(word.to_lowercase().as_str())
}

/// Forms ending in -ing, which open a participle clause ("…, saying, “…”") whose subject is the main clause's.
pub fn is_participle(word: &str) -> bool {
    word.to_lowercase().ends_with("ing") && is_reporting(word)
}

/// Verbs that stop reporting when "to" follows: "continued to disagree", "agreed to talk".
pub fn takes_infinitive(word: &str) -> bool {
    let w = word.to_lowercase();
    ["continu", "agree"].iter().any(|p| w.starts_with(p))
}

/// Verbs that need an object before the quote to be reporting ("described relations as “…”",
/// "called it “…”"): the speaker is still their subject.
pub fn takes_object(word: &str) -> bool {
    let w = word.to_lowercase();
    ["describ", "call", "blam", "label", "dub", "term", "brand", "characteriz", "accus", "prais", "criticiz"]
        .iter()
        .any(|p| w.starts_with(p))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn forms_cover_the_usual_cues() {
        for w in [
            "said",
            "says",
            "saying",
            "told",
            "tweeted",
            "insisted",
            "declared",
            "retorted",
            "stressed",
            "Added",
            "replies",
            "wrote",
            "noted",
            "described",
        ] {
            assert!(is_reporting(w), "{w}");
        }
        for w in ["the", "met", "Putin", "statement"] {
            assert!(!is_reporting(w), "{w}");
        }
        assert!(is_participle("saying") && !is_participle("said"));
    }
}
