//! Word clusters by the exchange algorithm (Kneser & Ney 1993; Uszkoreit & Brants 2008), two-sided:
//! words are grouped so that their classes best predict the words to their left and right.
//! Run at several sizes, the cluster ids serve the tagger as Brown-cluster prefixes would.

use std::collections::HashMap;

use crate::tag::lexicon::{cap_bucket, WordClass, NO_CLUSTER, N_GRANULARITIES};

/// Normalises a word for clustering and lexicon lookups: curly quotes straight, digits to 0.
pub fn normalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    crate::tag::features::normalise_into(word, &mut out);
    out
}

/// A corpus as word ids, with its vocabulary (the last id stands for every rare word).
pub struct Corpus {
    pub words: Vec<String>,
    pub counts: Vec<u64>,
    pub sentences: Vec<Vec<u32>>,
}

impl Corpus {
    /// Keeps words seen at least `min_count` times, most frequent first, at most `max_words`.
    pub fn new(sentences: &[Vec<String>], min_count: u64, max_words: usize) -> Corpus {
        let mut freq: HashMap<String, u64> = HashMap::new();
        for s in sentences {
            for w in s {
                *freq.entry(normalise(w)).or_default() += 1;
            }
        }
        let mut vocab: Vec<(String, u64)> = freq.into_iter().filter(|(_, c)| *c >= min_count).collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        vocab.truncate(max_words);
        let ids: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32)).collect();
        let rare = vocab.len() as u32;
        let mut counts: Vec<u64> = vocab.iter().map(|(_, c)| *c).collect();
        counts.push(0);
        let sentences: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| s.iter().map(|w| ids.get(normalise(w).as_str()).copied().unwrap_or(rare)).collect())
            .collect();
        for s in &sentences {
            for &w in s {
                if w == rare {
                    counts[rare as usize] += 1;
                }
            }
        }
        let mut words: Vec<String> = vocab.into_iter().map(|(w, _)| w).collect();
        words.push("<rare>".into());
        Corpus { words, counts, sentences }
    }

    fn n_words(&self) -> usize {
        self.words.len()
    }
}

/// x ln x for counts, from a table for the small ones.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(n: usize) -> XLogX {
        XLogX((0..n).map(|x| Self::compute(x as u64)).collect())
    }

    fn compute(x: u64) -> f64 {
        if x == 0 {
            0.0
        } else {
            let x = x as f64;
            x * x.ln()
        }
    }

    #[inline]
    fn of(&self, x: u64) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) => v,
            None => Self::compute(x),
        }
    }
}

/// Assigns each word of the corpus to one of `n_classes` classes; returns the class of each word id.
pub fn exchange(corpus: &Corpus, n_classes: usize, iterations: usize, log: &mut dyn FnMut(&str)) -> Vec<u16> {
    let v = corpus.n_words();
    let (bos, eos) = (v as u32, v as u32);
    let n_ctx = 2 * (v + 1);
    // Context counts per word: left neighbour v -> ctx v, right neighbour v -> ctx (v+1) + v.
    let mut pairs: Vec<u64> = Vec::new();
    for s in &corpus.sentences {
        for (i, &w) in s.iter().enumerate() {
            let left = if i == 0 { bos } else { s[i - 1] };
            let right = if i + 1 == s.len() { eos } else { s[i + 1] };
            pairs.push(((w as u64) << 32) | left as u64);
            pairs.push(((w as u64) << 32) | ((v + 1) as u64 + right as u64));
        }
    }
    pairs.sort_unstable();
    let mut contexts: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let w = (pairs[i] >> 32) as usize;
        contexts[w].push((pairs[i] as u32, (j - i) as u32));
        i = j;
    }
    let n_occ: Vec<u64> = contexts.iter().map(|c| c.iter().map(|&(_, n)| n as u64).sum::<u64>() / 2).collect();
    // Initial classes: by frequency rank, round robin.
    let c = n_classes;
    let mut class: Vec<u16> = (0..v).map(|w| (w % c) as u16).collect();
    let mut n = vec![0u32; n_ctx * c];
    let mut nc = vec![0u64; c];
    for w in 0..v {
        let k = class[w] as usize;
        for &(ctx, m) in &contexts[w] {
            n[ctx as usize * c + k] += m;
        }
        nc[k] += n_occ[w];
    }
    let f = XLogX::new(1 << 20);
    let mut delta = vec![0f64; c];
    for it in 0..iterations {
        let mut moved = 0usize;
        for w in 0..v {
            if n_occ[w] == 0 {
                continue;
            }
            let a = class[w] as usize;
            let nw = n_occ[w];
            for &(ctx, m) in &contexts[w] {
                n[ctx as usize * c + a] -= m;
            }
            nc[a] -= nw;
            for (b, d) in delta.iter_mut().enumerate() {
                *d = -2.0 * (f.of(nc[b] + nw) - f.of(nc[b]));
            }
            for &(ctx, m) in &contexts[w] {
                let row = &n[ctx as usize * c..(ctx as usize + 1) * c];
                let fm = f.of(m as u64);
                for (d, &x) in delta.iter_mut().zip(row) {
                    if x == 0 {
                        *d += fm;
                    } else {
                        *d += f.of((x + m) as u64) - f.of(x as u64);
                    }
                }
            }
            let mut best = a;
            for b in 0..c {
                if delta[b] > delta[best] + 1e-9 {
                    best = b;
                }
            }
            for &(ctx, m) in &contexts[w] {
                n[ctx as usize * c + best] += m;
            }
            nc[best] += nw;
            if best != a {
                class[w] = best as u16;
                moved += 1;
            }
        }
        log(&format!("clusters {c}: iteration {} moved {moved} of {v} words", it + 1));
        if moved * 1000 < v {
            break;
        }
    }
    class
}

/// Builds the lexicon entries: clusters at each size, and mid-sentence capitalisation buckets.
pub fn lexicon_entries(
    corpus: &Corpus,
    raw: &[Vec<String>],
    sizes: [u16; N_GRANULARITIES],
    iterations: usize,
    log: &mut dyn FnMut(&str),
) -> Vec<(String, WordClass)> {
    let classes: Vec<Vec<u16>> = sizes.iter().map(|&s| exchange(corpus, s as usize, iterations, log)).collect();
    // Capitalisation: how often the lowercase form appears capitalised away from a sentence start.
    let mut caps: HashMap<String, (u32, u32)> = HashMap::new();
    for s in raw {
        for w in s.iter().skip(1) {
            let first = w.chars().next().unwrap_or(' ');
            if !first.is_alphabetic() {
                continue;
            }
            let e = caps.entry(normalise(w).to_lowercase()).or_default();
            e.1 += 1;
            if first.is_uppercase() {
                e.0 += 1;
            }
        }
    }
    let rare = corpus.n_words() - 1;
    (0..rare)
        .map(|w| {
            let word = corpus.words[w].clone();
            let (capitalised, total) = caps.get(&word.to_lowercase()).copied().unwrap_or((0, 0));
            let mut clusters = [NO_CLUSTER; N_GRANULARITIES];
            for (g, cl) in classes.iter().enumerate() {
                clusters[g] = cl[w];
            }
            (word, WordClass { clusters, cap: cap_bucket(capitalised, total) })
        })
        .collect()
}
