//! What the words around a person's mentions say: titles and roles ("Russian President", ", the U.S.
//! ambassador"), the country those tie them to, and gender from titles and from "he" and "she" nearby.

use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::titles::{is_honorific, role_name, title_ending, title_starting, Title};
use crate::resolve::people::Person;
use crate::resolve::Doc;
use crate::span::Span;
use crate::tag::labels::EntityType;

/// How many tokens after a mention "he" or "she" are looked for.
const PRONOUN_WINDOW: usize = 60;

/// Reads a title and country around a name: before it ("Russian President Vladimir Putin", "Iran's
/// foreign minister X"), or in an apposition after it ("Samantha Power, the U.S. ambassador").
pub(super) fn read_title(d: &Doc, a: usize, b: usize, countries: &Countries, p: &mut Person) {
    let sentence = d.sentence_tokens(a);
    let from = a.saturating_sub(5).max(sentence.start);
    let before = d.lower_words(from, a);
    let note = |title: &Title, title_start: usize, p: &mut Person| {
        if !is_honorific(title) {
            *p.roles.entry(role_name(title)).or_default() += 1;
        }
        p.leader |= title.leader;
        p.note_title_gender(title.gender);
        if let Some((c, _, kind)) = d.country_modifier_before(title_start, countries, sentence.start) {
            if kind != FormKind::Capital {
                *p.countries.entry(c).or_default() += 1;
            }
        }
    };
    if let Some((title, n)) = title_ending(&before) {
        note(title, a - n, p);
    } else if a >= sentence.start + 2 && d.token_text(a - 1) == "," {
        // "a senior adviser, Brian Deese,"
        let before = d.lower_words(from, a - 1);
        if let Some((title, n)) = title_ending(&before) {
            note(title, a - 1 - n, p);
        }
    }
    // Apposition after the name: ", the U.S. ambassador to ..." / ", Russia's foreign minister".
    if b + 2 < sentence.end && d.token_text(b) == "," {
        let mut t = b + 1;
        if matches!(d.token_text(t).to_lowercase().as_str(), "the" | "a" | "an") {
            t += 1;
        }
        let window_end = (t + 6).min(sentence.end);
        for end in (t + 1..=window_end).rev() {
            // Skip a country modifier at the start.
            let (title_from, country) = match (t..end).find_map(|k| {
                let m = d.country_modifier_before(k + 1, countries, t)?;
                (m.1 == t).then_some((k + 1, m.0))
            }) {
                Some((k, c)) => (k, Some(c)),
                None => (t, None),
            };
            if title_from < end {
                if let Some((title, n)) = title_starting(&d.lower_words(title_from, end)) {
                    if n == end - title_from {
                        if !is_honorific(title) {
                            *p.roles.entry(role_name(title)).or_default() += 1;
                        }
                        p.leader |= title.leader;
                        if let Some(c) = country {
                            *p.countries.entry(c).or_default() += 1;
                        }
                        break;
                    }
                }
            }
        }
    }
}

/// How many tokens after a mention its own pronoun is looked for.
const OWN_PRONOUN_WINDOW: usize = 25;

/// The gender of the first "he" or "she" (any case of either) after a name ending before token `b`, in the
/// rest of its sentence outside quotation marks, before any other name: "Trump said he …" is a man,
/// whatever else the article calls a Trump.
pub(super) fn own_pronoun(d: &Doc, b: usize) -> Option<char> {
    let sentence = d.sentence_tokens(b.saturating_sub(1));
    let end = sentence.end.min(b + OWN_PRONOUN_WINDOW);
    let mut quoted = false;
    for t in b..end {
        let w = d.token_text(t);
        if matches!(w, "“" | "”" | "\"") {
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        if d.tagged.chunks_overlapping(d.span_of(t, t + 1)).any(|c| c.ty == EntityType::Per) {
            return None;
        }
        match w {
            "he" | "He" | "him" | "his" | "His" | "himself" => return Some('m'),
            "she" | "She" | "her" | "Her" | "herself" => return Some('f'),
            _ => {}
        }
    }
    None
}

/// Counts "he" and "she" in the rest of the sentence after a mention and in the next sentence (at most
/// [`PRONOUN_WINDOW`] tokens), where no other person is named, as evidence of gender.
pub(super) fn read_pronouns(docs: &[Doc], people: &mut [Person]) {
    // Per article, every person mention by start: (start, person).
    let mut by_doc: Vec<Vec<(usize, usize)>> = vec![Vec::new(); docs.len()];
    for (i, p) in people.iter().enumerate() {
        for (f, _, _) in &p.found {
            by_doc[f.article].push((f.span.start, i));
        }
    }
    for v in &mut by_doc {
        v.sort_unstable();
    }
    for (i, p) in people.iter_mut().enumerate() {
        for (f, _, b) in &p.found {
            let d = &docs[f.article];
            let Some(si) = d.tagged.sentence_of(*b - 1) else { continue };
            let sentence_end =
                d.tagged.sentences.get(si + 1).map_or(d.tagged.sentences[si].tokens.end, |s| s.tokens.end);
            let end = sentence_end.min(*b + PRONOUN_WINDOW);
            if end <= *b {
                continue;
            }
            let window = Span::new(f.span.end, d.tagged.tokens[end - 1].end as usize);
            let mentions = &by_doc[f.article];
            let from = mentions.partition_point(|&(s, _)| s < window.start);
            if mentions[from..].iter().take_while(|&&(s, _)| s < window.end).any(|&(_, who)| who != i) {
                continue;
            }
            for t in *b..end {
                match d.token_text(t) {
                    "he" | "He" | "his" | "His" | "him" | "himself" => p.he += 1,
                    "she" | "She" | "her" | "Her" | "hers" | "herself" => p.she += 1,
                    _ => {}
                }
            }
        }
    }
}

/// A name the tagger called something else, but which a title introduces or follows: "Secretary General
/// Ban Ki-moon", "Samantha Power, the U.S. ambassador".
pub(super) fn titled_name(d: &Doc, (a, b): (usize, usize)) -> bool {
    let capitalised = (a..b).all(|t| d.token_text(t).chars().next().is_some_and(char::is_uppercase));
    if !capitalised || b - a > 4 {
        return false;
    }
    let sentence = d.sentence_tokens(a);
    let before = d.lower_words(a.saturating_sub(4).max(sentence.start), a);
    let titled_before = title_ending(&before).is_some_and(|(t, _)| !matches!(t.words, ["leader"] | ["general"]));
    let titled_after = b + 3 <= sentence.end
        && d.token_text(b) == ","
        && matches!(d.token_text(b + 1), "the" | "a" | "an")
        && (b + 2..sentence.end.min(b + 6))
            .any(|t| title_starting(&d.lower_words(t, (t + 3).min(sentence.end))).is_some());
    titled_before || titled_after
}
