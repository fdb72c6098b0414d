//! The reviewed organization table (`core/data/org-aliases.tsv`): organizations news names many ways
//! ("U.N." = "UN" = "United Nations"), with the organization each is part of; and the outlets.

use std::sync::OnceLock;

use crate::lexis::outlets::outlets;

const ALIASES: &str = include_str!("../../data/org-aliases.tsv");

/// One row of the reviewed alias table.
#[derive(Debug, Clone)]
pub struct KnownOrg {
    pub name: String,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

/// The reviewed table, parsed once, with the outlets and platforms of [`crate::lexis::outlets`] after it
/// (those the table does not already name).
pub fn known() -> &'static [KnownOrg] {
    static TABLE: OnceLock<Vec<KnownOrg>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<KnownOrg> = ALIASES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next().unwrap_or_default().to_string();
                let parent = cols.next().filter(|p| !p.is_empty()).map(str::to_string);
                let aliases = cols.next().map(|a| a.split('|').map(str::to_string).collect()).unwrap_or_default();
                KnownOrg { name, parent, aliases }
            })
            .collect();
        for o in outlets() {
            let named = |n: &str| rows.iter().any(|r| r.name == n || r.aliases.iter().any(|a| a == n));
            if !named(o.name) && !o.aliases.iter().any(|a| named(a)) {
                let aliases = o.aliases.iter().filter(|a| a.len() >= 2).map(|a| a.to_string()).collect();
                rows.push(KnownOrg { name: o.name.to_string(), parent: None, aliases });
            }
        }
        rows
    })
}
