//! Byte spans into an article's text, the one way the core points at words.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's `text`, always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is outside `text` or not on `char` boundaries; spans made by the core never are.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span without the whitespace at either end.
    pub fn trim(self, text: &str) -> Span {
        let s = self.of(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        if start >= end {
            Span::new(start, start)
        } else {
            Span::new(start, end)
        }
    }
}
