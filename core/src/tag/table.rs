//! An open-addressing map from 64-bit hashes to indices: the lookup structure behind the model and lexicon.

/// Maps already-hashed keys to `u32` values. Built once, then only read.
#[derive(Debug, Clone, Default)]
pub struct HashIndex {
    keys: Vec<u64>,
    values: Vec<u32>,
    mask: usize,
}

const EMPTY: u32 = u32::MAX;

impl HashIndex {
    /// An index with room for `n` keys at a load factor of at most one half.
    pub fn with_capacity(n: usize) -> HashIndex {
        let cap = (n.max(1) * 2).next_power_of_two();
        HashIndex { keys: vec![0; cap], values: vec![EMPTY; cap], mask: cap - 1 }
    }

    /// Inserts `key → value`; a key already present keeps its first value. Returns whether it was new.
    pub fn insert(&mut self, key: u64, value: u32) -> bool {
        let mut i = (key as usize) & self.mask;
        loop {
            if self.values[i] == EMPTY {
                self.keys[i] = key;
                self.values[i] = value;
                return true;
            }
            if self.keys[i] == key {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// How many slots the index has (it holds at most half as many keys).
    pub fn capacity(&self) -> usize {
        self.keys.len()
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let mut i = (key as usize) & self.mask;
        loop {
            let v = self.values[i];
            if v == EMPTY {
                return None;
            }
            if self.keys[i] == key {
                return Some(v);
            }
            i = (i + 1) & self.mask;
        }
    }
}
