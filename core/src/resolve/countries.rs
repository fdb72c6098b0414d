//! Country mentions: names, demonyms, capitals and seats of power from the country table
//! ([`crate::lexis::countries`]), not counting places inside the names of people, organizations, treaties or
//! newspapers; and names of state ("the Islamic Republic"), as the one country they may mean that the
//! article names.

use crate::lexis::countries::{Countries, FormKind};
use crate::lexis::set::{words, Words};
use crate::lexis::words::TREATIES;
use crate::model::entity::{Entity, EntityKind, How, Mention};
use crate::resolve::{Claims, Doc};
use crate::span::Span;
use crate::tag::features::word_key;
use crate::tag::labels::EntityType;

/// Words that put what follows as a place: "in Paris", "from central Athens".
const LOCATIVE: Words = words![
    "in",
    "at",
    "from",
    "near",
    "outside",
    "to",
    "across",
    "around",
    "throughout",
    "inside",
    "into",
    "toward",
    "towards",
    "via",
    "through",
    "within",
    "of",
];
const REGION_ADJECTIVES: Words =
    words!["central", "downtown", "southern", "northern", "eastern", "western", "suburban"];

/// Whether the place starting at token `a` follows a locative preposition (an adjective between allowed).
pub(super) fn located(d: &Doc, a: usize) -> bool {
    let prev = |k: usize| (a >= k).then(|| d.token_text(a - k));
    match prev(1) {
        Some(w) if LOCATIVE.has(w) => true,
        Some(w) if REGION_ADJECTIVES.has(w) => prev(2).is_some_and(|w| LOCATIVE.has(w)),
        _ => false,
    }
}

/// Words after a place that make it part of a name, besides the treaties ([`TREATIES`], written in
/// lowercase: "the Minsk agreements"): "the Normandy format".
const NAME_WORDS_AFTER: Words = words!["process", "format"];
/// Newspapers' names after a place: "The Washington Post".
const NEWSPAPERS: Words = words![
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Daily",
    "Telegraph",
    "Observer",
    "Star",
    "Chronicle",
    "Examiner",
];
/// Words before a place that make it part of a name, besides the treaties (capitalised: "Treaty of
/// Paris"): "Voice of America".
const NAME_WORDS_BEFORE: Words = words!["Voice", "Bank", "University"];

/// Whether the place at tokens `a..b` opens a name ("the Minsk agreements", "The Washington Post") or
/// ends one ("Treaty of Paris"), as (before such a word, after such a word).
pub(super) fn part_of_a_name(d: &Doc, a: usize, b: usize) -> (bool, bool) {
    let next = (b < d.tagged.tokens.len()).then(|| d.token_text(b));
    let prev2 = (a >= 2).then(|| (d.token_text(a - 2), d.token_text(a - 1)));
    (
        next.is_some_and(|n| TREATIES.has_exact(n) || NAME_WORDS_AFTER.has_exact(n) || NEWSPAPERS.has_exact(n)),
        prev2.is_some_and(|(w, of)| of == "of" && (TREATIES.has_capitalised(w) || NAME_WORDS_BEFORE.has_exact(w))),
    )
}

/// Finds every mention of a country: names, demonyms, capitals and seats of power, not counting places
/// inside the names of people, organizations, treaties or newspapers.
pub fn resolve(docs: &[Doc], table: &Countries, claims: &mut Claims) -> Vec<Entity> {
    let Some(gaz) = docs.first().map(|d| &d.tables.country_forms) else { return Vec::new() };
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); table.countries.len()];
    for d in docs {
        let text = d.text();
        let mut found: Vec<(usize, usize, Span, usize)> = Vec::new(); // (token a, token b, span, form)
        let mut named: Vec<(usize, usize)> = Vec::new(); // (where, country)
                                                         // Names of state, resolved once the article's countries are known: (token a, token b, names' row).
        let mut states: Vec<(usize, usize, usize)> = Vec::new();
        for s in &d.tagged.sentences {
            let words = d.words(s.tokens.clone());
            for m in gaz.matches(words.all()) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                found.push((a, b, d.span_of(a, b), m.payload as usize));
            }
            for m in d.tables.state_forms.matches(words.all()) {
                states.push((s.tokens.start + m.start, s.tokens.start + m.start + m.len, m.payload as usize));
            }
            // Hyphenated words: "U.S.-led", "Russian-backed", "pro-Russian".
            for t in s.tokens.clone() {
                let tok = d.tagged.tokens[t];
                let word = tok.text(text);
                if !word.contains('-') || gaz.lookup(&d.keys[t..t + 1]).is_some() {
                    continue;
                }
                let mut offset = 0;
                for part in word.split('-') {
                    let key = word_key(part);
                    if let Some((_, payload)) = gaz.lookup(&[key]) {
                        let start = tok.start as usize + offset;
                        found.push((t, t + 1, Span::new(start, start + part.len()), payload as usize));
                    }
                    offset += part.len() + 1;
                }
            }
        }
        for (a, b, span, fi) in found {
            let form = &table.forms[fi];
            let country = &table.countries[form.country];
            if claims.overlaps(d.index, span) {
                continue;
            }
            let exact = d.chunks_overlapping(span).find(|c| c.span == span).map(|c| c.ty);
            // Inside a longer tagged name that is not itself a country form ("Human Rights in China"); a
            // hyphenated word tagged whole ("U.S.-led") is not a longer name.
            let word = d.span_of(a, b);
            let inside_longer =
                d.chunks_overlapping(span).any(|c| c.span != span && c.span != word && c.span.contains(span));
            if exact == Some(EntityType::Per) || inside_longer {
                continue;
            }
            let (named_after, named_before) = part_of_a_name(d, a, b);
            if (named_after && form.kind != FormKind::Demonym) || named_before {
                continue;
            }
            let how = match form.kind {
                FormKind::Name => How::Name,
                FormKind::Demonym => How::Demonym,
                FormKind::Capital => How::Capital,
                FormKind::Seat => How::Seat,
            };
            // Capitals and territories count only where the tagger sees a place (or an actor) there.
            let needs_tag = form.kind == FormKind::Capital || !country.sovereign;
            if needs_tag && !matches!(exact, Some(EntityType::Loc | EntityType::Org)) {
                continue;
            }
            // "in central Paris": the city as a place, not its country's government.
            if form.kind == FormKind::Capital && located(d, a) {
                continue;
            }
            claims.claim(d.index, span);
            named.push((span.start, form.country));
            mentions[form.country].push(Mention {
                article: d.article.id.clone(),
                start: span.start,
                end: span.end,
                text: span.of(text).to_string(),
                how,
                paragraph: d.paragraph_of(span),
            });
        }
        // "the Islamic Republic": a name of state means the one country it may mean that the article names.
        for (a, b, row) in states {
            let span = d.span_of(a, b);
            let inside_longer = d.chunks_overlapping(span).any(|c| c.span != span && c.span.contains(span));
            let mut here = d.tables.state_countries[row].iter().filter(|&&c| named.iter().any(|&(_, n)| n == c));
            let (Some(&country), None) = (here.next(), here.next()) else { continue };
            if claims.overlaps(d.index, span) || inside_longer {
                continue;
            }
            claims.claim(d.index, span);
            let paragraph = d.paragraph_of(span);
            let (article, text) = (d.article.id.clone(), span.of(text).to_string());
            mentions[country].push(Mention {
                article,
                start: span.start,
                end: span.end,
                text,
                how: How::Name,
                paragraph,
            });
        }
        for (country, span) in compass_descriptions(d, table, &named) {
            if !claims.overlaps(d.index, span) {
                claims.claim(d.index, span);
                let how = How::Description;
                let (article, text) = (d.article.id.clone(), span.of(text).to_string());
                let paragraph = d.paragraph_of(span);
                mentions[country].push(Mention { article, start: span.start, end: span.end, text, how, paragraph });
            }
        }
    }
    table
        .countries
        .iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|(c, m)| {
            let mut e = Entity::new(c.id(), EntityKind::Country, display_name(&c.name, &m));
            e.mentions = m;
            e
        })
        .collect()
}

/// A country's name as the corpus writes it: the table's ("United States", though "U.S." and "America" are
/// written more), unless the table's name has letters English does not write and the corpus never writes
/// it; then the name it writes most ("Turkey" where the table says "Türkiye"; ties: the first in order).
fn display_name(table_name: &str, mentions: &[Mention]) -> String {
    if table_name.is_ascii() {
        return table_name.to_string();
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.how == How::Name) {
        if m.text == table_name {
            return table_name.to_string();
        }
        match counts.iter_mut().find(|(t, _)| *t == m.text) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.text, 1)),
        }
    }
    // A written-out name before an abbreviation ("Britain" before "U.K.").
    let written_out = |t: &str| !t.contains('.') && !t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
    let most = counts
        .iter()
        .enumerate()
        .max_by(|a, b| (written_out(a.1 .0), a.1 .1).cmp(&(written_out(b.1 .0), b.1 .1)).then(b.0.cmp(&a.0)));
    most.map_or_else(|| table_name.to_string(), |(_, (t, _))| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "the North", "the South": the one country named "North …" ("South …") the article has named before.
fn compass_descriptions(d: &Doc, table: &Countries, named: &[(usize, usize)]) -> Vec<(usize, Span)> {
    let mut named = named.to_vec();
    named.sort_unstable();
    // The countries named "North …" and "South …" so far, in a running scan.
    let (mut seen, mut north, mut south) = (0, Vec::new(), Vec::new());
    let mut out = Vec::new();
    for t in 1..d.tagged.tokens.len() {
        let word = d.token_text(t);
        if !matches!(word, "North" | "South") || !d.token_text(t - 1).eq_ignore_ascii_case("the") {
            continue;
        }
        // "the North Atlantic", "the South China Sea" are other places.
        if t + 1 < d.tagged.tokens.len() && d.token_text(t + 1).starts_with(char::is_uppercase) {
            continue;
        }
        let span = d.span_of(t - 1, t + 1);
        while seen < named.len() && named[seen].0 < span.start {
            let c = named[seen].1;
            let name = &table.countries[c].name;
            for (prefix, list) in [("North ", &mut north), ("South ", &mut south)] {
                if name.starts_with(prefix) && !list.contains(&c) {
                    list.push(c);
                }
            }
            seen += 1;
        }
        if let [country] = if word == "North" { north.as_slice() } else { south.as_slice() } {
            out.push((*country, span));
        }
    }
    out
}
