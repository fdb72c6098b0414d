//! Scoring an analysis of multi-outlet news clusters against a careful reader's gold (the format of
//! `../shared/data/news/clusters-dev/`): who said each direct quote (the right person, whole name), which
//! surface forms must merge into one entity, and traps that must not become entities. The rules are those
//! of `../shared/tools/check-clusters.py`, so both print the same figures; this one also keeps, for every
//! gold quote, the predicted confidence and whether the speaker was right, for calibration.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::error::DataError;
use crate::model::{Analysis, Entity, EntityKind};

/// One gold quote: its file, the first words of its text, the acceptable speakers (`A|B`; `official` is
/// any unnamed source).
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub file: String,
    pub snippet: String,
    pub speakers: Vec<String>,
}

/// One alias set: every form must be carried by one entity of the kind whose name holds the key.
#[derive(Debug, Clone)]
pub struct AliasSet {
    pub kind: String,
    pub key: String,
    pub forms: Vec<String>,
}

/// The gold of one cluster.
#[derive(Debug, Clone, Default)]
pub struct ClusterGold {
    pub quotes: Vec<GoldQuote>,
    pub aliases: Vec<AliasSet>,
    /// (kind, string) that must not be reported as an entity of that kind.
    pub traps: Vec<(String, String)>,
}

/// Reads `quotes.tsv` and `entities.tsv`: the gold of every cluster, by name.
pub fn read_gold(quotes_tsv: &str, entities_tsv: &str) -> Result<BTreeMap<String, ClusterGold>, DataError> {
    let mut out: BTreeMap<String, ClusterGold> = BTreeMap::new();
    let rows = |text: &str| -> Vec<(usize, Vec<String>)> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
            .collect()
    };
    let bad = |file: &str, line: usize| DataError::BadRecord {
        line,
        message: format!("{file}: expected four tab-separated columns"),
    };
    for (line, cols) in rows(quotes_tsv) {
        let [cluster, file, snippet, who] = <[String; 4]>::try_from(cols).map_err(|_| bad("quotes.tsv", line))?;
        let speakers = who.split('|').map(str::to_string).collect();
        out.entry(cluster).or_default().quotes.push(GoldQuote { file, snippet, speakers });
    }
    for (line, cols) in rows(entities_tsv) {
        let [cluster, kind, a, b] = <[String; 4]>::try_from(cols).map_err(|_| bad("entities.tsv", line))?;
        let gold = out.entry(cluster).or_default();
        if kind == "not" {
            gold.traps.push((a, b));
        } else {
            gold.aliases.push(AliasSet { kind, key: a, forms: b.split('|').map(str::to_string).collect() });
        }
    }
    Ok(out)
}

/// What became of one gold quote.
#[derive(Debug, Clone)]
pub struct QuoteOutcome {
    pub file: String,
    pub snippet: String,
    pub gold: String,
    /// The predicted quote's id and speaker name; `None` when no predicted quote starts with the snippet.
    pub found: Option<(String, String)>,
    pub right: bool,
    pub confidence: f64,
}

/// The figures of one cluster or of several added up.
#[derive(Debug, Clone, Default)]
pub struct ClusterScore {
    pub quotes: usize,
    pub found: usize,
    pub right: usize,
    pub alias_sets: usize,
    pub alias_right: usize,
    pub descriptions: usize,
    pub descriptions_merged: usize,
    pub traps: usize,
    pub traps_hit: usize,
    pub outcomes: Vec<QuoteOutcome>,
    /// Alias sets missed and traps hit, said in words.
    pub misses: Vec<String>,
}

impl ClusterScore {
    pub fn absorb(&mut self, o: ClusterScore) {
        self.quotes += o.quotes;
        self.found += o.found;
        self.right += o.right;
        self.alias_sets += o.alias_sets;
        self.alias_right += o.alias_right;
        self.descriptions += o.descriptions;
        self.descriptions_merged += o.descriptions_merged;
        self.traps += o.traps;
        self.traps_hit += o.traps_hit;
        self.outcomes.extend(o.outcomes);
        self.misses.extend(o.misses);
    }

    pub fn speaker_accuracy(&self) -> f64 {
        self.right as f64 / self.quotes.max(1) as f64
    }

    pub fn alias_accuracy(&self) -> f64 {
        self.alias_right as f64 / self.alias_sets.max(1) as f64
    }

    /// The figures on one line, as check-clusters.py prints them.
    pub fn line(&self) -> String {
        format!(
            "speakers {}/{} ({:.0}%) right person, {} quotes found; alias sets {}/{} ({:.0}%); descriptions {}/{}; traps hit {}/{}",
            self.right,
            self.quotes,
            100.0 * self.speaker_accuracy(),
            self.found,
            self.alias_right,
            self.alias_sets,
            100.0 * self.alias_accuracy(),
            self.descriptions_merged,
            self.descriptions,
            self.traps_hit,
            self.traps
        )
    }
}

fn norm(s: &str) -> String {
    let s: String =
        s.nfkc().collect::<String>().replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn words(s: &str) -> Vec<String> {
    norm(s)
        .chars()
        .map(|c| if is_word_char(c) || c.is_whitespace() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Whether the words of `a` occur in `b` as whole words.
fn whole(a: &str, b: &str) -> bool {
    let (a, b) = (words(a).join(" "), words(b).join(" "));
    if a.is_empty() {
        return false;
    }
    b.match_indices(&a).any(|(i, m)| {
        let before = b[..i].chars().next_back().is_none_or(|c| !is_word_char(c));
        let after = b[i + m.len()..].chars().next().is_none_or(|c| !is_word_char(c));
        before && after
    })
}

fn squash(s: &str) -> String {
    norm(s).chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'').collect()
}

fn kind_prefix(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "per",
        EntityKind::Organization => "org",
        EntityKind::Country => "cou",
        EntityKind::Place => "pla",
    }
}

fn of_kind(e: &Entity, kind: &str) -> bool {
    kind.get(..3) == Some(kind_prefix(e.kind))
}

fn forms(e: &Entity) -> Vec<&str> {
    e.aliases
        .iter()
        .map(|a| a.text.as_str())
        .chain(e.mentions.iter().map(|m| m.text.as_str()))
        .chain([e.name.as_str()])
        .collect()
}

/// Whether a predicted speaker name is one the gold accepts.
fn speaker_right(gold: &[String], name: &str, unnamed: bool) -> bool {
    gold.iter().any(|w| {
        if w == "official" {
            return unnamed;
        }
        let (gw, pw) = (words(w), words(name));
        let surname_alone = gw.last().is_some_and(|l| pw.len() == 1 && &pw[0] == l);
        let first_and_last = gw.first().is_some_and(|f| pw.contains(f)) && gw.last().is_some_and(|l| pw.contains(l));
        !name.is_empty() && !unnamed && (whole(w, name) || surname_alone || first_and_last)
    })
}

/// Scores the analysis of one cluster; `file_of` gives an article's file name (its source's last part).
pub fn score(a: &Analysis, gold: &ClusterGold, cluster: &str) -> ClusterScore {
    let mut s = ClusterScore::default();
    let file_of = |article: &str| -> String {
        a.articles
            .iter()
            .find(|x| x.id == article)
            .map(|x| x.source.rsplit(['/', '\\']).next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let files: Vec<String> = a.quotes.iter().map(|q| file_of(&q.article)).collect();
    let squashed: Vec<String> = a.quotes.iter().map(|q| squash(&q.text)).collect();
    for g in &gold.quotes {
        s.quotes += 1;
        let key: String = squash(&g.snippet).chars().take(40).collect();
        let found = (0..a.quotes.len()).find(|&i| files[i] == g.file && squashed[i].contains(&key));
        let mut outcome = QuoteOutcome {
            file: g.file.clone(),
            snippet: g.snippet.clone(),
            gold: g.speakers.join("|"),
            found: None,
            right: false,
            confidence: 0.0,
        };
        if let Some(i) = found {
            s.found += 1;
            let q = &a.quotes[i];
            let (name, unnamed) = q.speaker.as_ref().map_or(("", false), |sp| (sp.name.as_str(), sp.unnamed));
            outcome.right = speaker_right(&g.speakers, name, unnamed);
            outcome.found = Some((q.id.clone(), name.to_string()));
            outcome.confidence = q.confidence;
            s.right += outcome.right as usize;
        }
        s.outcomes.push(outcome);
    }
    let ents: Vec<&Entity> = a.entities.iter().filter(|e| e.kind != EntityKind::Place).collect();
    for set in &gold.aliases {
        // A seat of power may count toward its country instead.
        if set.key == "White House" {
            continue;
        }
        s.alias_sets += 1;
        let mut target: Vec<&Entity> = ents
            .iter()
            .copied()
            .filter(|e| {
                of_kind(e, &set.kind)
                    && (e.name.to_lowercase().contains(&set.key.to_lowercase())
                        || forms(e).iter().any(|x| squash(x) == squash(&set.key)))
            })
            .collect();
        target.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        let Some(t) = target.first() else {
            s.misses.push(format!("{cluster} {} {}: no entity of that kind named {}", set.kind, set.key, set.key));
            continue;
        };
        let tf = forms(t);
        let mut ok = true;
        for f in &set.forms {
            if norm(f).starts_with("the ") {
                s.descriptions += 1;
                s.descriptions_merged += tf.iter().any(|x| squash(x) == squash(f)) as usize;
                continue;
            }
            let hit = tf.iter().any(|x| whole(f, x) || (!words(x).is_empty() && whole(x, f)));
            let other = ents.iter().find(|e| {
                !std::ptr::eq(**e, *t) && of_kind(e, &set.kind) && forms(e).iter().any(|x| squash(x) == squash(f))
            });
            if !hit || other.is_some() {
                let why = match other {
                    Some(o) if hit => format!("\"{f}\" also a separate entity ({})", o.name),
                    _ => format!("\"{f}\" not merged into {}", t.name),
                };
                s.misses.push(format!("{cluster} {} {}: {why}", set.kind, set.key));
                ok = false;
                break;
            }
        }
        s.alias_right += ok as usize;
    }
    for (kind, trap) in &gold.traps {
        s.traps += 1;
        let hit = ents.iter().find(|e| {
            of_kind(e, kind)
                && (squash(&e.name) == squash(trap)
                    || forms(e).iter().any(|x| squash(x) == squash(trap))
                    || (words(trap).len() > 1 && whole(trap, &e.name)))
        });
        if let Some(e) = hit {
            s.traps_hit += 1;
            s.misses.push(format!("{cluster}: \"{trap}\" reported as {kind} ({})", e.name));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{speaker_right, whole, words};

    #[test]
    fn names_match_as_the_reader_scores_them() {
        let gold = vec!["Ana Ruiz".to_string()];
        assert!(speaker_right(&gold, "Ana Ruiz", false));
        assert!(speaker_right(&gold, "Ruiz", false), "the surname alone counts");
        assert!(speaker_right(&gold, "Ana M. Ruiz", false), "first name and surname count");
        assert!(!speaker_right(&gold, "Luis Ruiz", false), "another given name is another person");
        assert!(!speaker_right(&gold, "Ana Ruiz", true), "an unnamed source is nobody's name");
        assert!(speaker_right(&["official".to_string()], "unnamed official", true));
        assert!(speaker_right(&gold, "Ana Ruiz, Joe Lee and Kim Park", false), "one of a group, named in full");
    }

    #[test]
    fn whole_words_only() {
        assert!(whole("North Korea", "the North Korea talks"));
        assert!(!whole("Korea", "Koreans"));
        assert_eq!(words("“Kim Jong-un,” he said"), ["kim", "jong", "un", "he", "said"]);
    }
}
