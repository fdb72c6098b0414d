//! Scoring stories against ECB+'s events: every article of a split analysed together as one mixed feed,
//! then B-cubed precision, recall and F1 of the stories against the gold topics (43 in train and dev
//! together) and against the gold events (each topic holds two, 86 in all).

use std::collections::HashMap;
use std::fmt::Write;

use serde::Deserialize;

use crate::analysis::analyze;
use crate::corpus::input::Document;
use crate::error::DataError;
use crate::eval::entities::Split;

#[derive(Deserialize)]
struct Record {
    doc_id: String,
    topic: u32,
    cluster_id: String,
    #[serde(default)]
    split: String,
    text: String,
}

/// B-cubed precision and recall of a clustering against a gold partition (labels per item).
pub fn b_cubed(predicted: &[usize], gold: &[usize]) -> (f64, f64) {
    let n = predicted.len();
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    let mut p_size: HashMap<usize, usize> = HashMap::new();
    let mut g_size: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        *both.entry((predicted[i], gold[i])).or_default() += 1;
        *p_size.entry(predicted[i]).or_default() += 1;
        *g_size.entry(gold[i]).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let common = both[&(predicted[i], gold[i])] as f64;
        p += common / p_size[&predicted[i]] as f64;
        r += common / g_size[&gold[i]] as f64;
    }
    (p / n.max(1) as f64, r / n.max(1) as f64)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The report: B-cubed at both levels, and how many stories were found.
pub fn evaluate(texts_jsonl: &str, split: Split) -> Result<String, DataError> {
    let records: Vec<Record> = texts_jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| DataError::BadRecord { line: i + 1, message: e.to_string() }))
        .collect::<Result<_, _>>()?;
    let records: Vec<Record> = records
        .into_iter()
        .filter(|r| match split {
            Split::All => r.split == "train" || r.split == "dev",
            Split::Train => r.split == "train",
            Split::Dev => r.split == "dev",
        })
        .collect();
    let docs: Vec<Document> =
        records.iter().map(|r| Document { text: r.text.clone(), ..Document::from_text(&r.doc_id, "") }).collect();
    let analysis = analyze(&docs);
    let story_of: HashMap<&str, usize> = analysis
        .stories
        .iter()
        .enumerate()
        .flat_map(|(s, st)| st.articles.iter().map(move |a| (a.as_str(), s)))
        .collect();
    let predicted: Vec<usize> = analysis.articles.iter().map(|a| story_of[a.id.as_str()]).collect();
    let mut events: HashMap<&str, usize> = HashMap::new();
    let gold_event: Vec<usize> = records
        .iter()
        .map(|r| {
            let n = events.len();
            *events.entry(r.cluster_id.as_str()).or_insert(n)
        })
        .collect();
    let gold_topic: Vec<usize> = records.iter().map(|r| r.topic as usize).collect();
    let mut out = String::new();
    let topics: std::collections::HashSet<usize> = gold_topic.iter().copied().collect();
    let _ = writeln!(
        out,
        "{} articles, {} topics, {} events; {} stories found",
        records.len(),
        topics.len(),
        events.len(),
        analysis.stories.len()
    );
    for (level, gold) in [("topics", &gold_topic), ("events", &gold_event)] {
        let (p, r) = b_cubed(&predicted, gold);
        let _ = writeln!(out, "B-cubed against {level:<7} P {p:.4}  R {r:.4}  F1 {:.4}", f1(p, r));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::b_cubed;

    #[test]
    fn b_cubed_counts_each_item() {
        assert_eq!(b_cubed(&[0, 0, 1, 1], &[5, 5, 6, 6]), (1.0, 1.0));
        let (p, r) = b_cubed(&[0, 0, 0, 0], &[5, 5, 6, 6]);
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }
}
