//! A sanity report on the quotations of any corpus: how many hold a reporting clause or read as narration
//! ("…, he said. …", "said the mayor.": the marks were paired wrongly), run over 400 characters, or run to the end
//! of their paragraph unclosed with no continuation after them; and the attributions the analysis is unsure of
//! (a calibrated confidence under [`UNSURE`]), with the other speakers they may be by.

use std::fmt::Write;

use crate::model::Analysis;
use crate::parse::pairing::{holds_reporting_clause, narration};

/// Below this confidence an attribution is unsure: the page marks it, and the sanity report lists it.
pub const UNSURE: f64 = 0.75;

/// The counts.
#[derive(Debug, Default, Clone)]
pub struct QuoteSanity {
    pub quotes: usize,
    pub with_reporting_clause: usize,
    pub over_400_chars: usize,
    pub unclosed: usize,
    /// Attributed quotes with a confidence under [`UNSURE`].
    pub unsure: usize,
    /// Examples of each problem, for reading.
    pub examples: Vec<String>,
    /// The unsure attributions, least sure first, in words.
    pub unsure_examples: Vec<String>,
}

/// The report over an analysis.
pub fn report(a: &Analysis, max_examples: usize) -> QuoteSanity {
    let mut s = QuoteSanity { quotes: a.quotes.len(), ..QuoteSanity::default() };
    let continued: std::collections::HashSet<usize> = a.quotes.iter().filter_map(|q| q.continues).collect();
    for (i, q) in a.quotes.iter().enumerate() {
        let mut problem = None;
        if holds_reporting_clause(&q.text) || narration(&q.text) {
            s.with_reporting_clause += 1;
            problem = Some("reporting clause");
        }
        if q.text.chars().count() > 400 {
            s.over_400_chars += 1;
            problem = problem.or(Some("over 400 characters"));
        }
        let continues_later = continued.contains(&i) || a.quotes.get(i + 1).is_some_and(|n| n.continues.is_some());
        if !q.closed && !continues_later {
            s.unclosed += 1;
            problem = problem.or(Some("unclosed"));
        }
        if let Some(p) = problem.filter(|_| s.examples.len() < max_examples) {
            let short: String = q.text.chars().take(160).collect();
            s.examples.push(format!("{p}: {} “{short}”", q.article));
        }
    }
    let mut unsure: Vec<&crate::model::Quote> =
        a.quotes.iter().filter(|q| q.speaker.is_some() && q.confidence < UNSURE).collect();
    s.unsure = unsure.len();
    unsure.sort_by(|x, y| x.confidence.total_cmp(&y.confidence).then_with(|| x.id.cmp(&y.id)));
    for q in unsure.into_iter().take(max_examples) {
        let short: String = q.text.chars().take(100).collect();
        let said = q.speaker.as_ref().map_or("", |sp| sp.name.as_str());
        let or: Vec<String> =
            q.alternatives.iter().map(|x| format!("{} {:.0} %", x.name, 100.0 * x.probability)).collect();
        let or = if or.is_empty() { String::new() } else { format!("; or: {}", or.join(", ")) };
        s.unsure_examples.push(format!("{} “{short}”: {said} {:.0} %{or}", q.id, 100.0 * q.confidence));
    }
    s
}

impl QuoteSanity {
    pub fn table(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.quotes.max(1) as f64;
        let mut out = String::new();
        let _ = writeln!(out, "quotes                          {:>6}", self.quotes);
        let _ = writeln!(
            out,
            "  reporting clause or narration {:>6}  ({:.1} %)",
            self.with_reporting_clause,
            pct(self.with_reporting_clause)
        );
        let _ = writeln!(
            out,
            "  over 400 characters           {:>6}  ({:.1} %)",
            self.over_400_chars,
            pct(self.over_400_chars)
        );
        let _ = writeln!(out, "  unclosed, nothing continuing  {:>6}  ({:.1} %)", self.unclosed, pct(self.unclosed));
        for e in &self.examples {
            let _ = writeln!(out, "  {e}");
        }
        let _ = writeln!(
            out,
            "  unsure attributions (< {:.0} %)  {:>5}  ({:.1} %)",
            100.0 * UNSURE,
            self.unsure,
            pct(self.unsure)
        );
        for e in &self.unsure_examples {
            let _ = writeln!(out, "  {e}");
        }
        out
    }
}
