//! The reviewed table of news outlets, agencies and platforms (`core/data/outlets.tsv`): the name readers
//! know each by, the web hosts it publishes on, and its other names.

use std::sync::OnceLock;

const TABLE: &str = include_str!("../../data/outlets.tsv");

/// One outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: &'static str,
    /// Hosts without "www." ("nytimes.com").
    pub hosts: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
}

/// The table, parsed once.
pub fn outlets() -> &'static [Outlet] {
    static T: OnceLock<Vec<Outlet>> = OnceLock::new();
    T.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cols = l.split('\t');
                let list = |c: Option<&'static str>| {
                    c.map(|c| c.split('|').filter(|x| !x.is_empty()).collect()).unwrap_or_default()
                };
                let name = cols.next().unwrap_or_default();
                Outlet { name, hosts: list(cols.next()), aliases: list(cols.next()) }
            })
            .collect()
    })
}

/// The outlet publishing on `host` (or on a domain it is under: "edition.cnn.com" → CNN).
pub fn by_host(host: &str) -> Option<&'static Outlet> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    outlets().iter().find(|o| o.hosts.iter().any(|h| host == *h || host.ends_with(&format!(".{h}"))))
}
