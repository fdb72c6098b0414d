//! Hostile input, generated: one family per shape of text that has made a stage slow or made it fail
//! (quote marks glued to words, unbalanced or nested quotes, dots everywhere, one endless token or line,
//! thousands of tiny paragraphs, every quote glyph, random bytes, capitalised word salad). The scaling
//! benchmark times each family at several sizes; the fuzzers start from them; tests use small ones.

use crate::rng::Rng;

/// A hostile family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `a“a“a“…`: a curly quote glued to a word, over and over.
    GluedCurly,
    /// `"x x x "x x x …`: straight quotes that never balance.
    UnbalancedStraight,
    /// `a.a.a.…`: abbreviation-like dots.
    AbbreviationDots,
    /// One paragraph of `He said, “hello.”`, repeated.
    OneParagraphOfQuotes,
    /// `“A ‘b “c …`: quotes inside quotes, never closed.
    NestedQuotes,
    /// Prose on one line with no break at all.
    LongLine,
    /// One token: letters with no space or punctuation.
    OneToken,
    /// Thousands of one-line paragraphs.
    TinyParagraphs,
    /// Words between every quote glyph Unicode has, in every order.
    QuoteGlyphs,
    /// Random bytes, decoded lossily (replacement characters and control bytes included).
    RandomBytes,
    /// Capitalised words in random order: every word could be a name.
    WordSalad,
}

impl Family {
    pub const ALL: [Family; 11] = [
        Family::GluedCurly,
        Family::UnbalancedStraight,
        Family::AbbreviationDots,
        Family::OneParagraphOfQuotes,
        Family::NestedQuotes,
        Family::LongLine,
        Family::OneToken,
        Family::TinyParagraphs,
        Family::QuoteGlyphs,
        Family::RandomBytes,
        Family::WordSalad,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::GluedCurly => "glued curly quotes",
            Family::UnbalancedStraight => "unbalanced straight quotes",
            Family::AbbreviationDots => "abbreviation dots",
            Family::OneParagraphOfQuotes => "one paragraph of quotes",
            Family::NestedQuotes => "nested quotes",
            Family::LongLine => "one long line",
            Family::OneToken => "one token",
            Family::TinyParagraphs => "tiny paragraphs",
            Family::QuoteGlyphs => "every quote glyph",
            Family::RandomBytes => "random bytes",
            Family::WordSalad => "capitalised word salad",
        }
    }

    /// About `bytes` bytes of this family's text (never less, a few bytes more), the same for the same seed.
    pub fn generate(self, bytes: usize, seed: u64) -> String {
        let mut rng = Rng::new(seed ^ ((self as u64 + 1) * 0x9e37_79b9));
        let mut out = String::with_capacity(bytes + 64);
        let piece = |out: &mut String, rng: &mut Rng| match self {
            Family::GluedCurly => out.push_str("a“"),
            Family::UnbalancedStraight => out.push_str("\"x x x "),
            Family::AbbreviationDots => out.push_str("a."),
            Family::OneParagraphOfQuotes => out.push_str("He said, “hello.” "),
            Family::NestedQuotes => out.push_str("“A ‘b “c "),
            Family::LongLine => {
                let words = ["the", "Minister", "said", "that", "Paris", "would", "act,", "“now”", "and", "U.S."];
                out.push_str(words[rng.next_u64() as usize % words.len()]);
                out.push(' ');
            }
            Family::OneToken => out.push_str("abcdefgh"),
            Family::TinyParagraphs => {
                let lines = ["Short.\n", "Putin said.\n", "“Yes,” he said.\n", "\n", "By Jane Doe\n", "A B C\n"];
                out.push_str(lines[rng.next_u64() as usize % lines.len()]);
            }
            Family::QuoteGlyphs => {
                const GLYPHS: &[char] = &[
                    '"', '\'', '“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '「', '」', '『', '』',
                    '〝', '〞', '＂', '＇', '❝', '❞', '❛', '❜', '`', '´',
                ];
                out.push(GLYPHS[rng.next_u64() as usize % GLYPHS.len()]);
                if rng.next_u64().is_multiple_of(2) {
                    out.push_str("Word");
                }
                if rng.next_u64().is_multiple_of(3) {
                    out.push(' ');
                }
            }
            Family::RandomBytes => {
                let chunk: Vec<u8> = (0..64).map(|_| rng.next_u64() as u8).collect();
                out.push_str(&String::from_utf8_lossy(&chunk));
            }
            Family::WordSalad => {
                let syllables = ["Ka", "Lo", "Mer", "Vin", "Dra", "Sel", "Tor", "Qu", "Bel", "Ix", "On", "Ar"];
                let n = 1 + rng.next_u64() as usize % 3;
                for _ in 0..n {
                    out.push_str(syllables[rng.next_u64() as usize % syllables.len()]);
                }
                out.push_str(match rng.next_u64() % 12 {
                    0 => ". ",
                    1 => ", ",
                    2 => " said ",
                    3 => "\n\n",
                    _ => " ",
                });
            }
        };
        while out.len() < bytes {
            piece(&mut out, &mut rng);
        }
        out
    }
}
