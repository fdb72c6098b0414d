//! The reviewed organization table (`core/data/org-aliases.tsv`): organizations news names many ways
//! ("U.N." = "UN" = "United Nations"), with the organization each is part of.

use std::sync::OnceLock;

const ALIASES: &str = include_str!("../../data/org-aliases.tsv");

/// One row of the reviewed alias table.
#[derive(Debug, Clone)]
pub struct KnownOrg {
    pub name: String,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// The reviewed table, parsed once.
pub fn known() -> &'static [KnownOrg] {
    static TABLE: OnceLock<Vec<KnownOrg>> = OnceLock::new();
    TABLE.get_or_init(|| {
        ALIASES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next().unwrap_or_default().to_string();
                let parent = cols.next().filter(|p| !p.is_empty()).map(str::to_string);
                let aliases = cols.next().map(|a| a.split('|').map(str::to_string).collect()).unwrap_or_default();
                KnownOrg { name, parent, aliases }
            })
            .collect()
    })
}
