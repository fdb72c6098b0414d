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

/// Feature weights, ready for scoring.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    index: HashIndex,
    rows: Vec<[f32; N_LABELS]>,
    /// A bit per slot of a small table, set for every key: most features have no weights, and this says
    /// so from a few kilobytes that stay in cache, before the index is touched.
    filter: Vec<u64>,
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

impl Weights {
    /// Weights from `(feature hash, row)` pairs; a later row for the same 32-bit key is dropped.
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, [f32; N_LABELS])>) -> Weights {
        Weights::keyed(rows.into_iter().map(|(f, row)| (model_key(f), row)))
    }

    /// Weights from `(model key, row)` pairs; a later row for the same key is dropped.
    fn keyed(rows: impl IntoIterator<Item = (u64, [f32; N_LABELS])>) -> Weights {
        let rows: Vec<(u64, [f32; N_LABELS])> = rows.into_iter().collect();
        let mut index = HashIndex::with_capacity(rows.len());
        let mut kept = Vec::with_capacity(rows.len());
        // About sixteen bits a key: two probes then answer "no weights" for all but ~1 % of absent keys.
        let bits = (rows.len().max(1) * 16).next_power_of_two();
        let mut filter = vec![0u64; bits / 64];
        for (key, row) in rows {
            if index.insert(key, kept.len() as u32) {
                kept.push(row);
                let (a, b) = filter_bits(key, bits);
                filter[a / 64] |= 1 << (a % 64);
                filter[b / 64] |= 1 << (b % 64);
            }
        }
        Weights { index, rows: kept, filter }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
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
        if let Some(r) = self.index.get(key) {
            let row = &self.rows[r as usize];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
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
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            if max == 0.0 {
                continue;
            }
            // scale = 2^((e - 128) / 8), the smallest with max / scale <= 127.
            let e = ((max / 127.0).log2() * 8.0).ceil() as i32 + 128;
            let e = e.clamp(0, 255) as u8;
            let scale = row_scale(e);
            let mut mask = 0u32;
            let mut ws = Vec::new();
            for (l, w) in row.iter().enumerate() {
                let q = (w / scale).round().clamp(-127.0, 127.0) as i8;
                if q != 0 {
                    mask |= 1 << l;
                    ws.push(q);
                }
            }
            if mask != 0 {
                quantised.push((model_key(*f) as u32, e, mask, ws));
            }
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
        let scales: Vec<f32> = r.take(n)?.iter().map(|&e| row_scale(e)).collect();
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            masks.push(r.varint()? as u32);
        }
        let mut rows = Vec::with_capacity(n);
        for ((key, mask), scale) in keys.into_iter().zip(masks).zip(scales) {
            let mut row = [0f32; N_LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                if mask & (1 << l) != 0 {
                    *w = r.u8()? as i8 as f32 * scale;
                }
            }
            rows.push((key, row));
        }
        if r.at != bytes.len() {
            return Err(FormatError("trailing bytes after the weights".into()));
        }
        Ok(Weights::keyed(rows))
    }
}
