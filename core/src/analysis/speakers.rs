//! Quote counts per speaker.

use std::collections::HashMap;

use crate::model::{Quote, SpeakerCount};

/// Quote counts per speaker, most quoted first.
pub(super) fn count(quotes: &[Quote]) -> Vec<SpeakerCount> {
    let mut counts: Vec<SpeakerCount> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for q in quotes {
        let Some(s) = &q.speaker else { continue };
        let i = match by_key.get(s.key.as_str()) {
            Some(&i) => i,
            None => {
                by_key.insert(s.key.as_str(), counts.len());
                counts.push(SpeakerCount {
                    key: s.key.clone(),
                    entity: s.entity.clone(),
                    name: s.name.clone(),
                    unnamed: s.unnamed,
                    quotes: 0,
                    articles: Vec::new(),
                });
                counts.len() - 1
            }
        };
        counts[i].quotes += 1;
        // Quotes come in article order, so an article already counted is the last one listed.
        if counts[i].articles.last() != Some(&q.article) {
            counts[i].articles.push(q.article.clone());
        }
    }
    counts.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    counts
}
