//! Who published an article, named the way readers name it: the record's own `outlet`, else its `source`
//! when that is a name rather than a path, else the web host of its URL (through the reviewed outlet
//! table: "nytimes.com" → "The New York Times"; the bare host otherwise), else an agency or outlet the
//! credit line or the dateline names ("Al Jazeera and wire services", "BEIRUT (AFP)"). A name the table
//! knows under another form is given its table name, so one outlet has one name.

use crate::lexis::outlets::{by_host, outlets, Outlet};

/// The outlet's table entry for a name or an alias, ignoring case and a leading "The".
fn known(name: &str) -> Option<&'static Outlet> {
    let bare = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("The ").or_else(|| s.strip_prefix("the ")).unwrap_or(s);
        s.to_lowercase()
    };
    let want = bare(name);
    outlets().iter().find(|o| bare(o.name) == want || o.aliases.iter().any(|a| bare(a) == want))
}

/// The name one outlet goes by.
pub fn canonical(name: &str) -> String {
    known(name).map_or_else(|| name.trim().to_string(), |o| o.name.to_string())
}

/// A source that names a publisher, not a file: no path separators, no extension, no ":LINE".
fn is_name(source: &str) -> bool {
    let s = source.trim();
    let file_like = s.contains(['/', '\\'])
        || s.rsplit_once('.').is_some_and(|(_, ext)| {
            (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && !ext.chars().next().is_some_and(char::is_uppercase)
        })
        || s.rsplit_once(':').is_some_and(|(_, line)| !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()));
    !s.is_empty() && s.len() <= 80 && !file_like && s.chars().any(char::is_alphabetic)
}

/// The host of a URL, without "www.".
pub fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')).then_some(host)
}

/// An outlet named in a credit line or a dateline.
fn named_in(line: &str) -> Option<String> {
    // "(Reuters)", "(AFP)": an agency in brackets.
    if let Some(inner) = line.rsplit_once('(').and_then(|(_, r)| r.split_once(')')).map(|(i, _)| i) {
        if let Some(o) = known(inner) {
            return Some(o.name.to_string());
        }
    }
    let lower = line.to_lowercase();
    for suffix in
        [" and wire services", " and agencies", " wire services", " staff and agencies", " contributed to this report"]
    {
        if let Some(i) = lower.find(suffix) {
            let name = line[..i].trim().trim_start_matches("By ").trim();
            if !name.is_empty() && name.split_whitespace().count() <= 5 {
                return Some(canonical(name));
            }
        }
    }
    None
}

/// The article's outlet, from the strongest evidence there is.
pub fn outlet(
    given: Option<&str>,
    source: &str,
    url: Option<&str>,
    credits: &[&str],
    dateline: Option<&str>,
) -> Option<String> {
    if let Some(o) = given.filter(|o| !o.trim().is_empty()) {
        return Some(canonical(o));
    }
    if is_name(source) {
        return Some(canonical(source));
    }
    if let Some(h) = url.and_then(host) {
        return Some(by_host(&h).map_or(h, |o| o.name.to_string()));
    }
    credits.iter().chain(dateline.iter()).find_map(|l| named_in(l))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn outlets_from_every_kind_of_evidence() {
        assert_eq!(outlet(Some("NYT"), "a.txt", None, &[], None).as_deref(), Some("The New York Times"));
        assert_eq!(outlet(None, "Reuters", None, &[], None).as_deref(), Some("Reuters"));
        assert_eq!(
            outlet(None, "feed.jsonl:3", Some("https://www.nytimes.com/2018/x.html"), &[], None).as_deref(),
            Some("The New York Times")
        );
        assert_eq!(outlet(None, "x.txt", Some("http://edition.cnn.com/a"), &[], None).as_deref(), Some("CNN"));
        assert_eq!(
            outlet(None, "x.txt", Some("https://news.example.org/a"), &[], None).as_deref(),
            Some("news.example.org")
        );
        assert_eq!(outlet(None, "x.txt", None, &["Al Jazeera and wire services"], None).as_deref(), Some("Al Jazeera"));
        assert_eq!(outlet(None, "x.txt", None, &[], Some("BEIRUT (AFP)")).as_deref(), Some("Agence France-Presse"));
        assert_eq!(outlet(None, "000_fb588c1a204cc496.txt", None, &[], Some("United Nations, Sept 28")), None);
    }
}
