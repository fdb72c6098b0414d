//! Word-level differences between two versions of one quotation ("we must" / "we should"): which words
//! one outlet left out and which it has that the other has not. Words are compared as written (case,
//! spelling and punctuation count: "pre-war" and "prewar" differ), curly and straight apostrophes alike.
//!
//! Bounded work: the common start and end are taken first, and the middle is aligned by a longest common
//! subsequence only while it has at most [`MAX_CELLS`] word pairs; a longer middle is reported as removed
//! and added whole. So a diff costs at most linear time plus `MAX_CELLS`, however long the quotes.

use serde::{Deserialize, Serialize};

/// The largest middle (words of one version × words of the other) aligned word by word.
pub const MAX_CELLS: usize = 250_000;

/// What a piece of the comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// In both versions.
    Same,
    /// Only in the first (the reference) version.
    Removed,
    /// Only in the second version.
    Added,
}

/// A run of words with one [`Change`], with the spaces before them as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub change: Change,
    pub text: String,
}

/// A word or a punctuation mark, with the whitespace before it.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    /// The whitespace before the word.
    space: &'a str,
    /// The word alone.
    word: &'a str,
}

impl Token<'_> {
    fn same(&self, other: &Token) -> bool {
        let norm = |c: char| if matches!(c, '’' | '‘') { '\'' } else { c };
        self.word.chars().map(norm).eq(other.word.chars().map(norm))
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// Splits text into words (letters, digits, inner apostrophes and hyphens) and single other marks, each
/// with the whitespace before it; the tokens joined give the text back (trailing whitespace aside).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let word_start = i;
        chars.next();
        let mut end = i + c.len_utf8();
        if word_char(c) {
            while let Some(&(j, d)) = chars.peek() {
                if !word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token { space: &text[start..word_start], word: &text[word_start..end] });
        start = end;
    }
    out
}

/// One step of an alignment: a word pair both versions have, or a word of one of them.
#[derive(Clone, Copy)]
enum Step<'t> {
    Both(Token<'t>, Token<'t>),
    Old(Token<'t>),
    New(Token<'t>),
}

/// The pieces that turn `old` into `new`: shared words (as `new` writes them, its apostrophes), words only `old` has,
/// words only `new` has, in reading order, runs of one kind joined. Every piece keeps the whitespace
/// before its words, so the pieces read with their spaces whichever are shown: the shared and added
/// pieces joined are `new`, the shared and removed ones `old` (each without leading and trailing
/// whitespace; a shared word's spacing that differs between the versions is a removed and an added space).
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old.trim());
    let b = tokens(new.trim());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x.same(y)).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x.same(y)).count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut steps: Vec<Step> = Vec::with_capacity(a.len() + b.len());
    steps.extend(a[..prefix].iter().zip(&b[..prefix]).map(|(x, y)| Step::Both(*x, *y)));
    if ma.len().saturating_mul(mb.len()) <= MAX_CELLS {
        align(ma, mb, &mut steps);
    } else {
        steps.extend(ma.iter().map(|t| Step::Old(*t)));
        steps.extend(mb.iter().map(|t| Step::New(*t)));
    }
    steps.extend(a[a.len() - suffix..].iter().zip(&b[b.len() - suffix..]).map(|(x, y)| Step::Both(*x, *y)));
    // Between two shared words, what only one version has is gathered, then shown removed before added.
    let mut out: Vec<Piece> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let push = |out: &mut Vec<Piece>, change: Change, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(p) if p.change == change => p.text.push_str(text),
            _ => out.push(Piece { change, text: text.to_string() }),
        }
    };
    for step in steps {
        match step {
            Step::Both(x, y) => {
                if x.space != y.space {
                    removed.push_str(x.space);
                    added.push_str(y.space);
                }
                push(&mut out, Change::Removed, &std::mem::take(&mut removed));
                push(&mut out, Change::Added, &std::mem::take(&mut added));
                if x.space == y.space {
                    push(&mut out, Change::Same, y.space);
                }
                push(&mut out, Change::Same, y.word);
            }
            Step::Old(x) => {
                removed.push_str(x.space);
                removed.push_str(x.word);
            }
            Step::New(y) => {
                added.push_str(y.space);
                added.push_str(y.word);
            }
        }
    }
    push(&mut out, Change::Removed, &removed);
    push(&mut out, Change::Added, &added);
    out
}

/// Aligns two token lists by a longest common subsequence (a table of `a.len() × b.len()` lengths).
fn align<'t>(a: &[Token<'t>], b: &[Token<'t>], steps: &mut Vec<Step<'t>>) {
    let (n, m) = (a.len(), b.len());
    // lcs[i * (m + 1) + j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * (m + 1) + j] = if a[i].same(&b[j]) {
                lcs[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i].same(&b[j]) {
            steps.push(Step::Both(a[i], b[j]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
            // Removed words come before the words that replace them.
            steps.push(Step::Old(a[i]));
            i += 1;
        } else {
            steps.push(Step::New(b[j]));
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn show(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p.change {
                Change::Same => p.text.clone(),
                Change::Removed => format!("[-{}-]", p.text),
                Change::Added => format!("{{+{}+}}", p.text),
            })
            .collect()
    }

    #[test]
    fn a_cut_version_shows_the_words_it_left_out() {
        let old = "We cannot go back to the prewar status quo, however much some may want it.";
        let new = "We cannot go back to the prewar status quo.";
        assert_eq!(
            show(&words(old, new)),
            "We cannot go back to the prewar status quo[-, however much some may want it-]."
        );
    }

    #[test]
    fn changed_words_are_removed_and_added() {
        let d = words("It was an enormous mistake to refuse", "It is an enormous error to refuse");
        assert_eq!(show(&d), "It[- was-]{+ is+} an enormous[- mistake-]{+ error+} to refuse");
        let d = words("the pre-war order", "the prewar order");
        assert_eq!(show(&d), "the[- pre-war-]{+ prewar+} order", "spelling counts");
    }

    #[test]
    fn the_same_text_is_one_piece_and_apostrophes_match() {
        assert_eq!(
            words("We don’t agree.", "We don't agree."),
            vec![Piece { change: Change::Same, text: "We don't agree.".into() }]
        );
        assert_eq!(words("", ""), Vec::<Piece>::new());
        assert_eq!(show(&words("", "new words")), "{+new words+}");
    }

    /// The pieces shown as a page shows them, all in a row; and each version back from its pieces.
    fn rebuilt(d: &[Piece], keep: Change) -> String {
        d.iter().filter(|p| p.change == Change::Same || p.change == keep).map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn pieces_rebuild_both_versions() {
        let old = "Russia’s  air strikes, he said, were aimed at “terrorists” in Syria — all of them.";
        let new = "Russia's strikes were aimed at terrorists in Syria and Iraq.";
        let d = words(old, new);
        assert_eq!(rebuilt(&d, Change::Added), new);
        // Shared words are written as the second version writes them (its apostrophes); spaces are each
        // version's own.
        assert_eq!(rebuilt(&d, Change::Removed), old.replace('’', "'"));
    }

    #[test]
    fn words_keep_their_spaces_around_a_cut() {
        // A version cut with an ellipsis: its first shared word follows the mark with no space, while in
        // the longer version a space separates it from the words the cut left out.
        let old = "She will certainly keep the harbour open all winter, the mayor said.";
        let new = "…certainly keep the harbour open all winter.";
        let d = words(old, new);
        assert_eq!(rebuilt(&d, Change::Removed), old, "{d:?}");
        assert_eq!(rebuilt(&d, Change::Added), new, "{d:?}");
        assert_eq!(show(&d), "[-She will -]{+…+}certainly keep the harbour open all winter[-, the mayor said-].");
        // Words in the middle: each change keeps the space before it.
        let d = words("They will surely vote for the plan tomorrow.", "They will vote for the new plan.");
        assert_eq!(rebuilt(&d, Change::Removed), "They will surely vote for the plan tomorrow.");
        assert_eq!(rebuilt(&d, Change::Added), "They will vote for the new plan.");
        assert_eq!(show(&d), "They will[- surely-] vote for the{+ new+} plan[- tomorrow-].");
    }

    #[test]
    fn a_long_middle_is_bounded() {
        let old: String = (0..3000).map(|i| format!("w{i} ")).collect();
        let new: String = (0..3000).map(|i| format!("v{i} ")).collect();
        let d = words(&format!("start {old}end"), &format!("start {new}end"));
        assert_eq!(d.len(), 4, "same, removed, added, same: no word-by-word alignment of 9 million pairs");
        assert_eq!(d[1].change, Change::Removed);
        assert_eq!(d[2].change, Change::Added);
    }
}
