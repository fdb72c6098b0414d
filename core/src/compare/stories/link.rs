//! Which articles are one story. Candidates come from the sketch features' posting lists: each article
//! meets only the latest [`RECENT`] earlier articles of each list, never all pairs, and the weight two
//! articles share is summed over the lists they meet in, in integers, so any engine grouping the same
//! contributions gets the same sums in any order. Each article is linked to its [`BEST`] heaviest
//! candidates at or above [`JOIN`] (a shared name alone does not chain two events together), and a
//! story is what links join (union-find).

use std::collections::HashMap;

use super::sketch::SCALE;
use crate::groups::Groups;

/// How many of the latest earlier articles of a feature's posting list an article meets.
pub const RECENT: usize = 16;
/// The shared weight (a cosine of the sketches, in fixed point) from which two articles may be one story.
pub const JOIN: u64 = (0.25 * SCALE as f64 * SCALE as f64) as u64;
/// How many candidates each article is linked to, at most.
pub const BEST: usize = 2;

/// The contributions of one feature's posting list: `(article, weight)` in article order; `emit` gets
/// (earlier article, later article, product of their weights) for each article and the [`RECENT`]
/// before it.
pub fn posting_pairs(posting: &[(u32, u32)], mut emit: impl FnMut(u32, u32, u64)) {
    for (p, &(j, qj)) in posting.iter().enumerate() {
        for &(i, qi) in &posting[p.saturating_sub(RECENT)..p] {
            emit(i, j, qi as u64 * qj as u64);
        }
    }
}

/// True when two articles sharing `weight` may be one story.
pub fn close_enough(weight: u64) -> bool {
    weight >= JOIN
}

/// The articles one article is linked to, from its candidates close enough (other article, shared
/// weight): the [`BEST`] heaviest, ties to the earlier article.
pub fn best_links(candidates: &mut [(u32, u64)]) -> impl Iterator<Item = u32> + '_ {
    candidates.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    candidates.iter().take(BEST).map(|c| c.0)
}

/// The weight each pair of candidate articles (earlier, later) shares, from the sketches in article order.
pub fn shared_weights(sketches: &[Vec<(u64, u32)>]) -> HashMap<(u32, u32), u64> {
    let mut postings: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
    for (j, s) in sketches.iter().enumerate() {
        for &(k, q) in s {
            postings.entry(k).or_default().push((j as u32, q));
        }
    }
    let mut shared: HashMap<(u32, u32), u64> = HashMap::new();
    for list in postings.values() {
        posting_pairs(list, |i, j, w| *shared.entry((i, j)).or_default() += w);
    }
    shared
}

/// Every article's links, from the pairs' shared weights: (article, linked article).
pub fn links(n_articles: usize, shared: &HashMap<(u32, u32), u64>) -> Vec<(u32, u32)> {
    let mut candidates: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n_articles];
    for (&(i, j), &w) in shared.iter().filter(|(_, &w)| close_enough(w)) {
        candidates[i as usize].push((j, w));
        candidates[j as usize].push((i, w));
    }
    let mut out = Vec::new();
    for (i, c) in candidates.iter_mut().enumerate() {
        out.extend(best_links(c).map(|j| (i as u32, j)));
    }
    out
}

/// Stories as links join them: articles by their index in the corpus.
pub struct Linker(Groups);

impl Linker {
    pub fn new(n_articles: usize) -> Linker {
        Linker(Groups::new(n_articles))
    }

    /// Joins the stories of two articles (in any order: the stories are the same).
    pub fn join(&mut self, a: usize, b: usize) {
        self.0.join(a, b);
    }

    /// The stories, each a list of articles in order, in the order of their first article.
    pub fn stories(mut self) -> Vec<Vec<usize>> {
        self.0.lists()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn an_article_meets_only_the_latest_earlier_articles_of_a_list() {
        let posting: Vec<(u32, u32)> = (0..(RECENT as u32 + 5)).map(|i| (i, 1)).collect();
        let mut met = Vec::new();
        posting_pairs(&posting, |i, j, _| {
            if j == RECENT as u32 + 4 {
                met.push(i);
            }
        });
        assert_eq!(met, (4..(RECENT as u32 + 4)).collect::<Vec<_>>());
    }

    #[test]
    fn an_article_links_to_its_heaviest_candidates_ties_to_the_earlier() {
        let mut c = [(7, 5), (3, 9), (5, 9), (1, 2)];
        assert_eq!(best_links(&mut c).collect::<Vec<_>>(), [3, 5]);
    }
}
