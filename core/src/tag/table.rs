//! An open-addressing map from 64-bit hashes to small values, each slot holding its key and value side by
//! side (one cache line a look-up): the lookup structure behind the model, the lexicon and the gazetteers.

/// Maps already-hashed keys to `V` (an index, or a whole row of weights). Built once, then only read.
#[derive(Debug, Clone)]
pub struct HashIndex<V = u32> {
    slots: Vec<Slot<V>>,
    mask: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot<V> {
    key: u64,
    value: V,
    full: bool,
}

impl<V: Copy + Default> Default for HashIndex<V> {
    fn default() -> Self {
        HashIndex { slots: Vec::new(), mask: 0 }
    }
}

impl<V: Copy + Default> HashIndex<V> {
    /// An index with room for `n` keys at a load factor of at most one half.
    pub fn with_capacity(n: usize) -> HashIndex<V> {
        let cap = (n.max(1) * 2).next_power_of_two();
        HashIndex { slots: vec![Slot::default(); cap], mask: cap - 1 }
    }

    /// Inserts `key → value`; a key already present keeps its first value. Returns whether it was new.
    pub fn insert(&mut self, key: u64, value: V) -> bool {
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if !slot.full {
                *slot = Slot { key, value, full: true };
                return true;
            }
            if slot.key == key {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// How many slots the index has (it holds at most half as many keys).
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = (key as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if !slot.full {
                return None;
            }
            if slot.key == key {
                return Some(&slot.value);
            }
            i = (i + 1) & self.mask;
        }
    }
}
