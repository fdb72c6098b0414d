//! What a reader says of many articles at once: a pasted or opened CSV table, one row per article, of
//! `file` (its file name, source or id), `outlet`, `date` and `url` (a header row names the columns in any
//! order; without one they are taken in that order). Rows are matched to the analysis's articles; what
//! cannot be matched or read is told, naming the row.

use std::collections::HashMap;

use newsprism_core::model::Analysis;

use crate::state::Index;

/// What one row says of one article (the article's id).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct About {
    pub article: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

const COLUMNS: [&str; 4] = ["file", "outlet", "date", "url"];

/// A column's name as a header may write it.
fn column(name: &str) -> Option<usize> {
    match name.trim().to_lowercase().as_str() {
        "file" | "filename" | "file name" | "source" | "article" | "id" => Some(0),
        "outlet" | "publisher" | "source name" | "site" => Some(1),
        "date" | "published" | "day" => Some(2),
        "url" | "link" | "address" => Some(3),
        _ => None,
    }
}

/// Every name an article answers to: its id, its source, and its source's last part ("1.txt").
fn article_names(a: &Analysis) -> HashMap<String, usize> {
    let mut names = HashMap::new();
    for (i, x) in a.articles.iter().enumerate() {
        let last = x.source.rsplit(['/', '\\']).next().unwrap_or(&x.source).to_string();
        for n in [x.id.clone(), x.source.clone(), last] {
            names.entry(n.trim().to_lowercase()).or_insert(i);
        }
    }
    names
}

/// Reads `text` (CSV, or tab- or semicolon-separated) against the analysis: what each row says, and a
/// message for each row that names no article or says nothing.
pub fn read(text: &str, a: &Analysis) -> (Vec<About>, Vec<String>) {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b'\t', b';'].into_iter().max_by_key(|d| first.matches(*d as char).count()).unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let names = article_names(a);
    let mut order: Vec<usize> = (0..COLUMNS.len()).collect();
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for (n, record) in reader.records().enumerate() {
        let row = n + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("row {row}: {e}"));
                continue;
            }
        };
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        // A first row naming the columns is a header.
        if n == 0 && cells.iter().all(|c| column(c).is_some()) && cells.iter().any(|c| column(c) == Some(0)) {
            order = cells.iter().filter_map(|c| column(c)).collect();
            continue;
        }
        let mut about = About::default();
        let mut key = None;
        for (cell, &col) in cells.iter().zip(&order) {
            let value = (!cell.is_empty()).then(|| cell.to_string());
            match col {
                0 => key = value,
                1 => about.outlet = value,
                2 => about.date = value,
                _ => about.url = value,
            }
        }
        let Some(key) = key else {
            problems.push(format!("row {row}: no file named"));
            continue;
        };
        let Some(&i) = names.get(&key.to_lowercase()) else {
            problems.push(format!("row {row}: no article “{key}” is loaded"));
            continue;
        };
        if about.outlet.is_none() && about.date.is_none() && about.url.is_none() {
            problems.push(format!("row {row}: nothing said of “{key}”"));
            continue;
        }
        about.article = a.articles[i].id.clone();
        out.push(about);
    }
    (out, problems)
}

/// The articles as a table to edit and read back: `file,outlet,date,url`, one row per article, the file
/// being the source's last part (the article's id where two articles share it).
pub fn table(ix: &Index) -> String {
    let a = &ix.analysis;
    let last = |i: usize| a.articles[i].source.rsplit(['/', '\\']).next().unwrap_or(&a.articles[i].source).to_string();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in 0..a.articles.len() {
        *seen.entry(last(i).to_lowercase()).or_default() += 1;
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for (i, x) in a.articles.iter().enumerate() {
        let file = if seen[&last(i).to_lowercase()] == 1 { last(i) } else { x.id.clone() };
        let outlet = ix.outlets[ix.article_outlet[i]].clone();
        let _ = w.write_record([
            file.as_str(),
            outlet.as_str(),
            x.published.as_deref().unwrap_or(""),
            x.url.as_deref().unwrap_or(""),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_name_articles_by_file_and_a_header_orders_the_columns() {
        let a = crate::builtin::analysis();
        let file = a.articles[1].source.rsplit('/').next().unwrap().to_string();
        let text = format!(
            "url;file;outlet\nhttps://example.org/a;{file};The Harbour Post\n;{};Radio Nord\n;missing.txt;X\n",
            a.articles[2].id
        );
        let (rows, problems) = read(&text, &a);
        assert_eq!(rows.len(), 2, "{rows:?} {problems:?}");
        assert_eq!(rows[0].article, a.articles[1].id);
        assert_eq!(rows[0].outlet.as_deref(), Some("The Harbour Post"));
        assert_eq!(rows[0].url.as_deref(), Some("https://example.org/a"));
        assert_eq!((rows[1].article.as_str(), rows[1].url.as_deref()), (a.articles[2].id.as_str(), None));
        assert_eq!(problems, vec!["row 4: no article “missing.txt” is loaded".to_string()]);
        // Without a header: file, outlet, date, url.
        let (rows, problems) = read(&format!("{file}, Wire, 2015-09-28\n"), &a);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].date.as_deref(), Some("2015-09-28"));
        assert_eq!(rows[0].outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn the_table_of_the_articles_reads_back_as_itself() {
        let a = std::rc::Rc::new(crate::builtin::analysis());
        let ix = Index::new(a.clone());
        let t = table(&ix);
        assert!(t.starts_with("file,outlet,date,url\n"), "{t}");
        let (rows, problems) = read(&t, &a);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), a.articles.len());
        assert!(rows.iter().zip(&a.articles).all(|(r, x)| r.article == x.id));
    }
}
