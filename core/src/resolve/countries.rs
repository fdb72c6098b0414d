//! The country table: names, alternate spellings, demonyms and capitals generated from world-countries
//! (`core/data/countries.tsv`, see `scripts/gen-countries.mjs`), plus a small reviewed table of seats of
//! power and everyday names (`core/data/country-extras.tsv`).

use std::sync::OnceLock;

use serde::Serialize;

use crate::tag::gazetteer::Gazetteer;

const GENERATED: &str = include_str!("../../data/countries.tsv");
const EXTRAS: &str = include_str!("../../data/country-extras.tsv");

/// How a country was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    Name,
    Demonym,
    Capital,
    Seat,
}

impl FormKind {
    fn parse(s: &str) -> Option<FormKind> {
        match s {
            "name" => Some(FormKind::Name),
            "demonym" => Some(FormKind::Demonym),
            "capital" => Some(FormKind::Capital),
            "seat" => Some(FormKind::Seat),
            _ => None,
        }
    }

    /// The gazetteer code of this kind (1..=4).
    pub fn code(self) -> u8 {
        self as u8 + 1
    }
}

/// One country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// Common English name ("Russia", "United States").
    pub name: String,
    /// A sovereign state or UN member; territories count only where the tagger sees a place.
    pub sovereign: bool,
}

impl Country {
    /// The entity id: "country:RUS".
    pub fn id(&self) -> String {
        format!("country:{}", self.code)
    }
}

/// One way of naming a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub text: String,
    pub country: usize,
    pub kind: FormKind,
}

/// All countries and their forms.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    pub countries: Vec<Country>,
    pub forms: Vec<Form>,
}

impl Countries {
    /// The built-in table.
    pub fn builtin() -> &'static Countries {
        static TABLE: OnceLock<Countries> = OnceLock::new();
        TABLE.get_or_init(|| Countries::parse(GENERATED, EXTRAS))
    }

    /// Parses the generated table and the reviewed extras; malformed lines are skipped.
    pub fn parse(generated: &str, extras: &str) -> Countries {
        let mut table = Countries::default();
        for line in generated.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [code, name, status, kind, form] = cols[..] {
                if let Some(kind) = FormKind::parse(kind) {
                    let country = table.country_index(code, name, status == "sovereign");
                    table.forms.push(Form { text: form.to_string(), country, kind });
                }
            }
        }
        for line in extras.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [code, kind, form] = cols[..] {
                if let (Some(country), Some(kind)) = (table.by_code(code), FormKind::parse(kind)) {
                    table.forms.push(Form { text: form.to_string(), country, kind });
                }
            }
        }
        table
    }

    fn country_index(&mut self, code: &str, name: &str, sovereign: bool) -> usize {
        if let Some(i) = self.by_code(code) {
            return i;
        }
        self.countries.push(Country { code: code.to_string(), name: name.to_string(), sovereign });
        self.countries.len() - 1
    }

    /// The forms as an exact-case gazetteer whose payload is the form's index. Where two countries share a
    /// form ("French": France and the French Southern Lands), the sovereign state's comes first and wins.
    pub fn form_gazetteer(&self) -> Gazetteer {
        let mut order: Vec<usize> = (0..self.forms.len()).collect();
        order.sort_by_key(|&i| !self.countries[self.forms[i].country].sovereign);
        let mut g = Gazetteer::default();
        for i in order {
            g.add(&self.forms[i].text, self.forms[i].kind.code(), i as u32);
        }
        g
    }

    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }
}

/// The exact-case form gazetteer of the built-in table, built once.
pub fn form_gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| Countries::builtin().form_gazetteer())
}

/// The tagger's country gazetteer: every form, coded by its kind.
pub fn gazetteer() -> Gazetteer {
    let table = Countries::builtin();
    Gazetteer::new(table.forms.iter().map(|f| (f.text.as_str(), f.kind.code())))
}

/// Words after a place that make it part of a name: treaties ("the Minsk agreements") and newspapers.
const NAME_WORDS_AFTER: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "protocol",
    "treaty",
    "convention",
    "conventions",
    "process",
    "format",
    "memorandum",
    "declaration",
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
/// Words before a place that make it part of a name: "Treaty of Paris", "Voice of America".
const NAME_WORDS_BEFORE: &[&str] =
    &["Treaty", "Protocol", "Convention", "Accord", "Accords", "Voice", "Bank", "University"];

/// Finds every mention of a country: names, demonyms, capitals and seats of power, not counting places
/// inside the names of people, organizations, treaties or newspapers.
pub fn resolve(
    docs: &[crate::resolve::Doc],
    table: &Countries,
    claims: &crate::resolve::Claims,
) -> Vec<crate::resolve::entity::Entity> {
    use crate::resolve::entity::{Entity, EntityKind, How, Mention};
    use crate::tag::labels::EntityType;
    let gaz = form_gazetteer();
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); table.countries.len()];
    for d in docs {
        let text = d.text();
        let mut found: Vec<(usize, usize, crate::span::Span, usize)> = Vec::new(); // (token a, token b, span, form)
        for s in &d.tagged.sentences {
            for m in gaz.matches(&d.keys[s.tokens.clone()]) {
                let (a, b) = (s.tokens.start + m.start, s.tokens.start + m.start + m.len);
                found.push((a, b, d.span_of(a, b), m.payload as usize));
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
                    let key = crate::tag::features::word_key(part);
                    if let Some((_, payload)) = gaz.lookup(&[key]) {
                        let start = tok.start as usize + offset;
                        found.push((t, t + 1, crate::span::Span::new(start, start + part.len()), payload as usize));
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
            let exact = d.tagged.chunks_overlapping(span).find(|c| c.span == span).map(|c| c.ty);
            // Inside a longer tagged name that is not itself a country form ("Human Rights in China"); a
            // hyphenated word tagged whole ("U.S.-led") is not a longer name.
            let word = d.span_of(a, b);
            let inside_longer =
                d.tagged.chunks_overlapping(span).any(|c| c.span != span && c.span != word && c.span.contains(span));
            if exact == Some(EntityType::Per) || inside_longer {
                continue;
            }
            let next = (b < d.tagged.tokens.len()).then(|| d.token_text(b));
            let prev2 = (a >= 2).then(|| (d.token_text(a - 2), d.token_text(a - 1)));
            let named_after = next.is_some_and(|n| NAME_WORDS_AFTER.contains(&n));
            let named_before = prev2.is_some_and(|(w, of)| of == "of" && NAME_WORDS_BEFORE.contains(&w));
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
            mentions[form.country].push(Mention {
                article: d.article.id.clone(),
                start: span.start,
                end: span.end,
                text: span.of(text).to_string(),
                how,
                paragraph: d.paragraph_of(span),
            });
        }
    }
    table
        .countries
        .iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|(c, m)| {
            let mut e = Entity::new(c.id(), EntityKind::Country, c.name.clone());
            e.mentions = m;
            e
        })
        .collect()
}
