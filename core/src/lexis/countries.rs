//! The country table: names, alternate spellings, demonyms and capitals generated from world-countries
//! (`core/data/countries.tsv`, see `scripts/gen-countries.mjs`), plus a small reviewed table of seats of
//! power and everyday names (`core/data/country-extras.tsv`).

use std::sync::OnceLock;

use serde::Serialize;

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

    /// Form indexes with the sovereign states' first: where two countries share a form ("French": France
    /// and the French Southern Lands), the sovereign state's should win.
    pub fn forms_sovereign_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.forms.len()).collect();
        order.sort_by_key(|&i| !self.countries[self.forms[i].country].sovereign);
        order
    }

    /// The names of states a country's official name opens with ("Islamic Republic" of "Islamic Republic
    /// of Iran", "Hashemite Kingdom" of "Hashemite Kingdom of Jordan"): the words before "of" when what
    /// follows is another name of the same country and they are two capitalised words or more; each with
    /// the countries whose official names open so (several for "Islamic Republic"), in table order.
    pub fn state_names(&self) -> Vec<(String, Vec<usize>)> {
        let names: std::collections::HashSet<(usize, &str)> =
            self.forms.iter().filter(|f| f.kind == FormKind::Name).map(|f| (f.country, f.text.as_str())).collect();
        let mut out: Vec<(String, Vec<usize>)> = Vec::new();
        for f in self.forms.iter().filter(|f| f.kind == FormKind::Name) {
            let Some((head, tail)) = f.text.split_once(" of ") else { continue };
            let tail = tail.strip_prefix("the ").unwrap_or(tail);
            let same_country = names.contains(&(f.country, tail));
            let words: Vec<&str> = head.split(' ').collect();
            let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if !same_country || words.len() < 2 || !capitalised {
                continue;
            }
            match out.iter_mut().find(|(h, _)| h == head) {
                Some((_, countries)) if !countries.contains(&f.country) => countries.push(f.country),
                Some(_) => {}
                None => out.push((head.to_string(), vec![f.country])),
            }
        }
        out
    }

    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn names_of_state_come_from_official_names() {
        let table = Countries::builtin();
        let states = table.state_names();
        let of = |name: &str| -> Vec<&str> {
            states
                .iter()
                .filter(|(h, _)| h == name)
                .flat_map(|(_, c)| c.iter().map(|&i| table.countries[i].code.as_str()))
                .collect()
        };
        let federal = of("Federal Republic");
        assert!(federal.contains(&"DEU") && federal.contains(&"NGA"), "{federal:?}");
        let islamic = of("Islamic Republic");
        assert!(islamic.contains(&"IRN") && islamic.contains(&"PAK"), "{islamic:?}");
        // One word ("Republic of Chile") is no name of state on its own.
        assert!(of("Republic").is_empty());
    }
}
