//! The tagger's weights: feature → one weight per label, stored quantised to 8 bits and sparse.

use crate::tag::binary::{put_varint, FormatError, Reader};
use crate::tag::decode::Scorer;
use crate::tag::labels::N_LABELS;
use crate::tag::table::HashIndex;

const MAGIC: &[u8; 4] = b"NPNW";
const VERSION: u8 = 2;

/// The scale a row's exponent byte stands for: 2^((e - 128) / 8).
fn row_scale(e: u8) -> f32 {
    ((e as f32 - 128.0) / 8.0).exp2()
}

/// Feature weights, ready for scoring: the rows (quantised to 8 bits with their scale, as stored) inline in
/// the slots of a [`HashIndex`], so a look-up touches one cache line.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    index: HashIndex<Row>,
    len: usize,
    /// A bit per slot of a small table, set for every key: most features have no weights, and this says
    /// so from a few kilobytes that stay in cache, before the table is touched.
    filter: Vec<u64>,
}

/// One row of weights: its scale and one 8-bit weight per label; a weight is `q as f32 * scale`, as the
/// file's rows are read.
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    scale: f32,
    q: [i8; N_LABELS],
}

/// Two bit positions of a key in a filter of `bits` bits (a power of two).
#[inline]
fn filter_bits(key: u64, bits: usize) -> (usize, usize) {
    let m = bits - 1;
    ((key as usize) & m, ((key >> 16) as usize ^ (key as usize).rotate_left(7)) & m)
}

/// Models key features by the top 32 bits of their 64-bit hash.
#[inline]
pub fn model_key(feature: u64) -> u64 {
    feature >> 32
}

/// A row quantised to 8 bits: its scale's exponent byte (scale = 2^((e - 128) / 8), the smallest with
/// max / scale <= 127) and its weights; `None` for a row of zeros.
fn quantise(row: &[f32; N_LABELS]) -> Option<(u8, [i8; N_LABELS])> {
    let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
    if max == 0.0 {
        return None;
    }
    let e = ((max / 127.0).log2() * 8.0).ceil() as i32 + 128;
    let e = e.clamp(0, 255) as u8;
    let scale = row_scale(e);
    let mut q = [0i8; N_LABELS];
    for (q, w) in q.iter_mut().zip(row) {
        *q = (w / scale).round().clamp(-127.0, 127.0) as i8;
    }
    q.iter().any(|&q| q != 0).then_some((e, q))
}

impl Weights {
    /// Weights from `(feature hash, row)` pairs, quantised as the file stores them (so a trained model
    /// scores as it will once written and read); a later row for the same 32-bit key is dropped.
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, [f32; N_LABELS])>) -> Weights {
        Weights::keyed(rows.into_iter().filter_map(|(f, row)| {
            let (e, q) = quantise(&row)?;
            Some((model_key(f) as u32, e, q))
        }))
    }

    /// Weights from `(model key, scale exponent, quantised row)`; a later row for the same key is dropped.
    fn keyed(rows: impl IntoIterator<Item = (u32, u8, [i8; N_LABELS])>) -> Weights {
        let rows: Vec<(u32, u8, [i8; N_LABELS])> = rows.into_iter().collect();
        let mut index = HashIndex::with_capacity(rows.len());
        // About sixteen bits a key: two probes then answer "no weights" for all but ~1 % of absent keys.
        let bits = (rows.len().max(1) * 16).next_power_of_two();
        let mut filter = vec![0u64; bits / 64];
        let mut len = 0;
        for (key, e, q) in rows {
            let key = u64::from(key);
            if index.insert(key, Row { scale: row_scale(e), q }) {
                len += 1;
                let (a, b) = filter_bits(key, bits);
                filter[a / 64] |= 1 << (a % 64);
                filter[b / 64] |= 1 << (b % 64);
            }
        }
        Weights { index, len, filter }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Scorer for Weights {
    /// Adds the weights of `feature` to `scores`.
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        let key = model_key(feature);
        let (a, b) = filter_bits(key, self.filter.len() * 64);
        if self.filter[a / 64] & (1 << (a % 64)) == 0 || self.filter[b / 64] & (1 << (b % 64)) == 0 {
            return;
        }
        if let Some(row) = self.index.get(key) {
            for (s, &q) in scores.iter_mut().zip(&row.q) {
                *s += q as f32 * row.scale;
            }
        }
    }
}

impl Weights {
    /// Serialises `(feature hash, row)` pairs: each row quantised to i8 with its own power-of-two-eighths
    /// scale, zero weights dropped, keys sorted and delta-coded, columns stored apart so gzip finds repeats.
    pub fn encode(rows: &[(u64, [f32; N_LABELS])]) -> Vec<u8> {
        let mut quantised: Vec<(u32, u8, u32, Vec<i8>)> = Vec::with_capacity(rows.len());
        for (f, row) in rows {
            let Some((e, q)) = quantise(row) else { continue };
            let mask = q.iter().enumerate().filter(|(_, &q)| q != 0).fold(0u32, |m, (l, _)| m | 1 << l);
            let ws: Vec<i8> = q.iter().copied().filter(|&q| q != 0).collect();
            quantised.push((model_key(*f) as u32, e, mask, ws));
        }
        quantised.sort_by_key(|q| q.0);
        quantised.dedup_by_key(|q| q.0);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(N_LABELS as u8);
        out.extend_from_slice(&(quantised.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, _, _, _) in &quantised {
            put_varint(&mut out, (k - prev) as u64);
            prev = *k;
        }
        out.extend(quantised.iter().map(|q| q.1));
        for (_, _, mask, _) in &quantised {
            put_varint(&mut out, *mask as u64);
        }
        for (_, _, _, ws) in &quantised {
            out.extend(ws.iter().map(|&w| w as u8));
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Weights, FormatError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(FormatError("not newsprism tagger weights (bad magic)".into()));
        }
        let version = r.u8()?;
        let labels = r.u8()? as usize;
        if version != VERSION || labels != N_LABELS {
            return Err(FormatError(format!("unsupported weights: version {version}, {labels} labels")));
        }
        let n = r.u32()? as usize;
        let mut keys = Vec::with_capacity(n);
        let mut k = 0u64;
        for _ in 0..n {
            k += r.varint()?;
            keys.push(k);
        }
        let exponents: Vec<u8> = r.take(n)?.to_vec();
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            masks.push(r.varint()? as u32);
        }
        let mut rows = Vec::with_capacity(n);
        for ((key, mask), e) in keys.into_iter().zip(masks).zip(exponents) {
            let mut q = [0i8; N_LABELS];
            for (l, w) in q.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    *w = r.u8()? as i8;
                }
            }
            let key = u32::try_from(key).map_err(|_| FormatError("a weight key over 32 bits".into()))?;
            rows.push((key, e, q));
        }
        if r.at != bytes.len() {
            return Err(FormatError("trailing bytes after the weights".into()));
        }
        Ok(Weights::keyed(rows))
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::rng::Rng;

    #[test]
    fn weights_in_memory_score_exactly_as_written_and_read_back() {
        let mut rng = Rng::new(11);
        let rows: Vec<(u64, [f32; N_LABELS])> = (0..2_000u64)
            .map(|i| {
                let mut row = [0f32; N_LABELS];
                for w in row.iter_mut() {
                    let r = rng.next_u64();
                    if r.is_multiple_of(3) {
                        *w = ((r >> 8) % 2001) as f32 / 37.0 - 27.0;
                    }
                }
                (i.wrapping_mul(0x9E37_79B9_7F4A_7C15), row)
            })
            .collect();
        let (memory, read) = (Weights::from_rows(rows.iter().copied()), Weights::decode(&Weights::encode(&rows)));
        let read = read.expect("the written weights read back");
        assert_eq!(memory.len(), read.len());
        assert!(memory.len() > 1_500, "rows of zeros aside, every row is kept: {}", memory.len());
        // A feature with no row adds nothing.
        let absent = (1u64..).map(|k| k << 32).find(|k| rows.iter().all(|(f, _)| model_key(*f) != model_key(*k)));
        let mut none = [0f32; N_LABELS];
        memory.add(absent.expect("a free key"), &mut none);
        assert_eq!(none, [0f32; N_LABELS]);
        for (f, row) in rows.iter().take(500) {
            let (mut a, mut b) = ([0f32; N_LABELS], [0f32; N_LABELS]);
            memory.add(*f, &mut a);
            read.add(*f, &mut b);
            assert_eq!(a.map(f32::to_bits), b.map(f32::to_bits), "bit for bit");
            // Eight bits a weight: within a hundredth of the row's largest weight.
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            for (got, want) in a.iter().zip(row) {
                assert!((got - want).abs() <= max / 100.0, "{got} against {want} (row max {max})");
            }
        }
    }
}
