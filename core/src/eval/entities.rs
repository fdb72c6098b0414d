//! Scoring entities against ECB+'s gold named mentions and their cross-document chains
//! (`news/ecbplus_entities.jsonl`, with the texts of `news/ecbplus.jsonl`), as its README describes a fair
//! score: each event cluster analysed on its own (texts only); a gold mention is found when a predicted
//! mention of a matching kind overlaps its head word; pairs of found, linked gold mentions in one cluster
//! are joined by gold when their chains are equal and by the system when the mentions that found them
//! belong to one entity. Precision, recall and F1 over those pairs (and over cross-article pairs alone),
//! B-cubed over the same mentions, and the worst false merges and splits.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::Deserialize;

use crate::analysis::analyze;
use crate::corpus::input::Document;
use crate::corpus::polnear::Offsets;
use crate::error::DataError;
use crate::model::{Analysis, EntityKind};
use crate::span::Span;

#[derive(Deserialize)]
struct TextRecord {
    doc_id: String,
    cluster_id: String,
    #[serde(default)]
    split: String,
    text: String,
}

#[derive(Deserialize)]
struct GoldRecord {
    doc_id: String,
    mentions: Vec<GoldMention>,
}

#[derive(Deserialize, Clone)]
struct GoldMention {
    #[serde(rename = "type")]
    ty: String,
    chain: String,
    linked: bool,
    text: String,
    head: [usize; 2],
}

/// Which part of ECB+ to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
    All,
}

/// Counts for one ratio.
#[derive(Debug, Default, Clone, Copy)]
pub struct Count {
    pub hit: usize,
    pub of: usize,
}

impl Count {
    pub fn ratio(self) -> f64 {
        if self.of == 0 {
            0.0
        } else {
            self.hit as f64 / self.of as f64
        }
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The scores.
#[derive(Debug, Default, Clone)]
pub struct EntityScore {
    pub articles: usize,
    pub clusters: usize,
    /// Mention recall per gold type (PER, ORG, LOC) and over all.
    pub recall: BTreeMap<String, Count>,
    pub recall_all: Count,
    /// Joined pairs: (system and gold, system, gold), for all pairs and for cross-article pairs.
    pub pairs: [usize; 3],
    pub cross_pairs: [usize; 3],
    /// B-cubed precision and recall sums and the number of mentions they average over.
    pub b3: (f64, f64, usize),
    /// Worst false merges: (pairs, "gold A + gold B as predicted X") and splits: (pairs, "gold A as X / Y").
    pub false_merges: Vec<(usize, String)>,
    pub false_splits: Vec<(usize, String)>,
    /// Gold mentions not found: "TYPE “text” in …context…".
    pub misses: Vec<String>,
}

impl EntityScore {
    fn prf(c: [usize; 3]) -> (f64, f64, f64) {
        let p = Count { hit: c[0], of: c[1] }.ratio();
        let r = Count { hit: c[0], of: c[2] }.ratio();
        (p, r, f1(p, r))
    }

    /// Pairwise same-entity precision, recall and F1.
    pub fn pairwise(&self) -> (f64, f64, f64) {
        Self::prf(self.pairs)
    }

    pub fn table(&self, worst: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} articles in {} clusters", self.articles, self.clusters);
        let _ = writeln!(out, "mention recall (a predicted mention of a matching kind over the head word):");
        for (ty, c) in &self.recall {
            let _ = writeln!(out, "  {ty:<4} {:.4}  ({} of {})", c.ratio(), c.hit, c.of);
        }
        let _ =
            writeln!(out, "  all  {:.4}  ({} of {})", self.recall_all.ratio(), self.recall_all.hit, self.recall_all.of);
        let (p, r, f) = self.pairwise();
        let _ = writeln!(
            out,
            "same-entity pairs (found, linked):  P {p:.4}  R {r:.4}  F1 {f:.4}  ({} right of {} joined; {} gold)",
            self.pairs[0], self.pairs[1], self.pairs[2]
        );
        let (p, r, f) = Self::prf(self.cross_pairs);
        let _ = writeln!(
            out,
            "  across articles only:            P {p:.4}  R {r:.4}  F1 {f:.4}  ({} right of {} joined; {} gold)",
            self.cross_pairs[0], self.cross_pairs[1], self.cross_pairs[2]
        );
        let n = self.b3.2.max(1) as f64;
        let (bp, br) = (self.b3.0 / n, self.b3.1 / n);
        let _ = writeln!(out, "B-cubed over {} mentions:  P {bp:.4}  R {br:.4}  F1 {:.4}", self.b3.2, f1(bp, br));
        let _ = writeln!(out, "worst false merges (pairs):");
        for (n, what) in self.false_merges.iter().take(worst) {
            let _ = writeln!(out, "  {n:>5}  {what}");
        }
        let _ = writeln!(out, "worst false splits (pairs):");
        for (n, what) in self.false_splits.iter().take(worst) {
            let _ = writeln!(out, "  {n:>5}  {what}");
        }
        let _ = writeln!(out, "some gold mentions not found:");
        for m in self.misses.iter().take(worst) {
            let _ = writeln!(out, "  {m}");
        }
        out
    }
}

/// One found gold mention: its chain, article, the predicted entity, the gold words.
struct Found {
    chain: String,
    article: usize,
    entity: usize,
    text: String,
}

fn kind_fits(gold: &str, kind: EntityKind) -> bool {
    match gold {
        "PER" => kind == EntityKind::Person,
        "ORG" => kind == EntityKind::Organization,
        "LOC" => matches!(kind, EntityKind::Country | EntityKind::Place),
        _ => false,
    }
}

fn parse_lines<T: for<'de> Deserialize<'de>>(jsonl: &str) -> Result<Vec<T>, DataError> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| DataError::BadRecord { line: i + 1, message: e.to_string() }))
        .collect()
}

/// Scores the analysis of every cluster of `split`.
pub fn evaluate(gold_jsonl: &str, texts_jsonl: &str, split: Split) -> Result<EntityScore, DataError> {
    let texts: Vec<TextRecord> = parse_lines(texts_jsonl)?;
    let gold: HashMap<String, Vec<GoldMention>> =
        parse_lines::<GoldRecord>(gold_jsonl)?.into_iter().map(|g| (g.doc_id, g.mentions)).collect();
    let mut clusters: BTreeMap<&str, Vec<&TextRecord>> = BTreeMap::new();
    for t in &texts {
        let keep = match split {
            Split::All => t.split == "train" || t.split == "dev",
            Split::Train => t.split == "train",
            Split::Dev => t.split == "dev",
        };
        if keep && gold.contains_key(&t.doc_id) {
            clusters.entry(t.cluster_id.as_str()).or_default().push(t);
        }
    }
    let mut score = EntityScore::default();
    let mut merges: HashMap<String, usize> = HashMap::new();
    let mut splits: HashMap<String, usize> = HashMap::new();
    for records in clusters.values() {
        score.clusters += 1;
        score.articles += records.len();
        let docs: Vec<Document> = records
            .iter()
            .map(|r| Document { source: r.doc_id.clone(), text: r.text.clone(), ..Document::from_text(&r.doc_id, "") })
            .collect();
        let analysis = analyze(&docs);
        let found = find(&analysis, records, &gold, &mut score);
        score_pairs(&analysis, &found, &mut score, &mut merges, &mut splits);
    }
    let mut merges: Vec<(usize, String)> = merges.into_iter().map(|(k, n)| (n, k)).collect();
    merges.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut splits: Vec<(usize, String)> = splits.into_iter().map(|(k, n)| (n, k)).collect();
    splits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    score.false_merges = merges;
    score.false_splits = splits;
    Ok(score)
}

/// Matches gold mentions to predicted mentions (per article, by head overlap and kind); counts recall.
fn find(
    analysis: &Analysis,
    records: &[&TextRecord],
    gold: &HashMap<String, Vec<GoldMention>>,
    score: &mut EntityScore,
) -> Vec<Found> {
    // Per article: predicted (span, entity), by start.
    let mut predicted: Vec<Vec<(Span, usize)>> = vec![Vec::new(); records.len()];
    let index: HashMap<&str, usize> = analysis.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    for (ei, e) in analysis.entities.iter().enumerate() {
        for m in &e.mentions {
            if let Some(&a) = index.get(m.article.as_str()) {
                predicted[a].push((Span::new(m.start, m.end), ei));
            }
        }
    }
    let mut found = Vec::new();
    for (ai, r) in records.iter().enumerate() {
        let offsets = Offsets::new(&r.text);
        for g in &gold[&r.doc_id] {
            let head = offsets.span_of(g.head[0], g.head[1]);
            let hit = predicted[ai]
                .iter()
                .find(|(s, e)| s.overlaps(head) && kind_fits(&g.ty, analysis.entities[*e].kind))
                .map(|&(_, e)| e);
            let c = score.recall.entry(g.ty.clone()).or_default();
            c.of += 1;
            score.recall_all.of += 1;
            if hit.is_none() {
                let (a, b) = (floor_char(&r.text, head.start.saturating_sub(60)), ceil_char(&r.text, head.end + 60));
                let context =
                    format!("{}[[{}]]{}", &r.text[a..head.start], &r.text[head.start..head.end], &r.text[head.end..b]);
                score.misses.push(format!("{} “{}” in {}", g.ty, g.text, context.replace('\n', " ")));
            }
            if let Some(entity) = hit {
                c.hit += 1;
                score.recall_all.hit += 1;
                if g.linked {
                    found.push(Found { chain: g.chain.clone(), article: ai, entity, text: g.text.clone() });
                }
            }
        }
    }
    found
}

/// Pairwise and B-cubed decisions over the found, linked mentions of one cluster.
fn score_pairs(
    analysis: &Analysis,
    found: &[Found],
    score: &mut EntityScore,
    merges: &mut HashMap<String, usize>,
    splits: &mut HashMap<String, usize>,
) {
    let name = |e: usize| analysis.entities[e].name.clone();
    for (i, a) in found.iter().enumerate() {
        for b in &found[i + 1..] {
            let gold_joins = a.chain == b.chain;
            let system_joins = a.entity == b.entity;
            let cross = a.article != b.article;
            let counts = [gold_joins && system_joins, system_joins, gold_joins];
            for (k, &yes) in counts.iter().enumerate() {
                score.pairs[k] += yes as usize;
                if cross {
                    score.cross_pairs[k] += yes as usize;
                }
            }
            if system_joins && !gold_joins {
                let (x, y) = if a.text <= b.text { (&a.text, &b.text) } else { (&b.text, &a.text) };
                *merges.entry(format!("“{x}” and “{y}” as {}", name(a.entity))).or_default() += 1;
            } else if gold_joins && !system_joins {
                let (x, y) = if name(a.entity) <= name(b.entity) { (a.entity, b.entity) } else { (b.entity, a.entity) };
                *splits.entry(format!("“{}” / “{}”", name(x), name(y))).or_default() += 1;
            }
        }
    }
    for a in found {
        let predicted = found.iter().filter(|b| b.entity == a.entity).count() as f64;
        let gold = found.iter().filter(|b| b.chain == a.chain).count() as f64;
        let both = found.iter().filter(|b| b.entity == a.entity && b.chain == a.chain).count() as f64;
        score.b3.0 += both / predicted;
        score.b3.1 += both / gold;
        score.b3.2 += 1;
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
