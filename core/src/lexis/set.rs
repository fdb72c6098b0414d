//! Word lists as sets: a list is written in the order that reads best and sorted when the crate is compiled
//! (ASCII case aside), so a look-up is a binary search that compares bytes in place, with no lowercase copy
//! of the word and nothing built at run time. A list that holds a word twice does not compile.

use std::cmp::Ordering;

/// A compiled word list: the words as written, and the same words sorted ASCII case aside.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    words: &'static [&'static str],
    sorted: &'static [&'static str],
    /// Per class of first byte ([`first_class`]), a bit per word length (63 for any longer) of the words
    /// that start so: most words asked about are in no list, and this says so at once.
    shapes: [u64; 32],
}

/// The bit of `len` in a [`Words::shapes`] entry.
const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

/// The class of a word's first byte: its letter (ASCII case aside), a digit, other ASCII, or not ASCII.
const fn first_class(b: u8) -> usize {
    if b.is_ascii_alphabetic() {
        (b.to_ascii_lowercase() - b'a') as usize
    } else if b.is_ascii_digit() {
        26
    } else if b.is_ascii() {
        27
    } else {
        28
    }
}

/// A [`Words`] from string literals: `words!["of", "in"]`. Fails to compile on a word listed twice (case
/// aside).
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const LIST: &[&str] = &[$($w),*];
        const SORTED: [&str; LIST.len()] = $crate::lexis::set::sorted(LIST);
        $crate::lexis::set::Words::new(LIST, &SORTED)
    }};
}
pub(crate) use words;

/// Compares two words byte by byte, ASCII case aside.
const fn compare(a: &[u8], b: &[u8]) -> Ordering {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        let (x, y) = (a[i].to_ascii_lowercase(), b[i].to_ascii_lowercase());
        if x != y {
            return if x < y { Ordering::Less } else { Ordering::Greater };
        }
        i += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// `list` sorted ASCII case aside; panics (at compile time, in [`words!`]) on a word listed twice.
pub const fn sorted<const N: usize>(list: &[&'static str]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        // Insertion sort: lists are short and this runs once, in the compiler.
        let w = list[i];
        let mut j = i;
        while j > 0 && matches!(compare(out[j - 1].as_bytes(), w.as_bytes()), Ordering::Greater) {
            out[j] = out[j - 1];
            j -= 1;
        }
        if j > 0 && matches!(compare(out[j - 1].as_bytes(), w.as_bytes()), Ordering::Equal) {
            panic!("a word list holds a word twice");
        }
        out[j] = w;
        i += 1;
    }
    out
}

impl Words {
    /// Use [`words!`], which sorts the list.
    pub const fn new(words: &'static [&'static str], sorted: &'static [&'static str]) -> Words {
        let (mut shapes, mut i) = ([0u64; 32], 0);
        while i < words.len() {
            let w = words[i].as_bytes();
            let class = if w.is_empty() { 31 } else { first_class(w[0]) };
            shapes[class] |= length_bit(w.len());
            i += 1;
        }
        Words { words, sorted, shapes }
    }

    /// The index in the sorted list of the word equal to `w` ASCII case aside.
    #[inline]
    fn find(&self, w: &str) -> Option<usize> {
        let b = w.as_bytes();
        let class = b.first().map_or(31, |&f| first_class(f));
        if self.shapes[class] & length_bit(b.len()) == 0 {
            return None;
        }
        self.sorted.binary_search_by(|x| compare(x.as_bytes(), b)).ok()
    }

    /// Whether `w` is in the list, ASCII case aside ("The" and "THE" are "the").
    pub fn has(&self, w: &str) -> bool {
        self.find(w).is_some()
    }

    /// Whether `w` is in the list written exactly so.
    pub fn has_exact(&self, w: &str) -> bool {
        self.find(w).is_some_and(|i| self.sorted[i] == w)
    }

    /// Whether `w` is a listed word written with a capital and then lowercase ("Gulf", not "gulf" or
    /// "GULF"), as a word opening a name is.
    pub fn has_capitalised(&self, w: &str) -> bool {
        let mut bytes = w.bytes();
        bytes.next().is_some_and(|b| b.is_ascii_uppercase()) && bytes.all(|b| !b.is_ascii_uppercase()) && self.has(w)
    }

    /// The words in the order they are written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.words.iter().copied()
    }

    /// The words in the order they are written.
    pub const fn as_slice(&self) -> &'static [&'static str] {
        self.words
    }

    pub const fn len(&self) -> usize {
        self.words.len()
    }

    pub const fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::Words;

    const LIST: Words = words!["of", "In", "at", "mt.", "a"];

    #[test]
    fn looks_up_case_aside_exactly_or_capitalised() {
        assert!(LIST.has("OF") && LIST.has("in") && LIST.has("Mt.") && LIST.has("a"));
        assert!(!LIST.has("o") && !LIST.has("off") && !LIST.has("") && !LIST.has("ín"));
        assert!(LIST.has_exact("In") && !LIST.has_exact("in"));
        assert!(LIST.has_capitalised("At") && !LIST.has_capitalised("at") && !LIST.has_capitalised("AT"));
        assert_eq!(LIST.iter().collect::<Vec<_>>(), ["of", "In", "at", "mt.", "a"]);
    }

    // A panic aborts in wasm: this one runs natively.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_word_listed_twice_is_caught() {
        let twice = std::panic::catch_unwind(|| super::sorted::<3>(&["on", "at", "On"]));
        assert!(twice.is_err());
        assert_eq!(super::sorted::<3>(&["on", "At", "b"]), ["At", "b", "on"]);
    }
}
