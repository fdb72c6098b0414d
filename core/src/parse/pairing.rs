//! Pairing double quotation marks within a block, whatever their style: curly, straight, spaced on both
//! sides (as pasted or rebuilt copy has them), unbalanced. Each mark is an opening mark, a closing mark, or
//! a stray; the best assignment is found by dynamic programming over the marks, scoring each role by the
//! characters around the mark and its glyph, and each quotation by what it holds: a reporting clause inside
//! ("…,” he said. “…") or no words at all means the marks were paired wrongly. Linear: a quotation may
//! only close within a few marks of where it opened.

use crate::lexis::verbs::is_reporting;

/// How many marks after its opening mark a quotation may close (strays in between).
const WINDOW: usize = 6;

/// What a mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
    Stray,
}

pub fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '«' | '»' | '„' | '‟' | '＂' | '〝' | '〞')
}

fn opening_glyph(c: char) -> Option<bool> {
    match c {
        '“' | '«' | '„' | '‟' | '〝' => Some(true),
        '”' | '»' | '〞' => Some(false),
        _ => None,
    }
}

/// The scores of a mark at byte `i` of `s` as an opening and as a closing mark.
fn mark_scores(s: &str, i: usize, c: char) -> (f32, f32) {
    let prev = s[..i].chars().next_back();
    let next = s[i + c.len_utf8()..].chars().next();
    let prev_solid = s[..i].trim_end().chars().next_back();
    let after = s[i + c.len_utf8()..].trim_start();
    let next_solid = after.chars().next();
    let (mut open, mut close) = (0.0f32, 0.0f32);
    match prev {
        None => (open, close) = (open + 1.5, close - 3.0),
        Some(p) if p.is_whitespace() || "([{—–-:/".contains(p) => (open, close) = (open + 1.5, close - 1.0),
        Some(p) if p.is_alphanumeric() => (open, close) = (open - 2.0, close + 1.5),
        Some(p) if ",.;?!…'’)".contains(p) => (open, close) = (open - 1.5, close + 1.5),
        _ => {}
    }
    match next {
        None => (open, close) = (open - 3.0, close + 1.5),
        Some(n) if n.is_whitespace() => (open, close) = (open - 1.0, close + 1.0),
        Some(n) if n.is_alphanumeric() || "‘'(".contains(n) => (open, close) = (open + 1.5, close - 1.5),
        Some(n) if ",.;:?!)—–".contains(n) => (open, close) = (open - 2.0, close + 1.5),
        _ => {}
    }
    // Spaced marks: the solid characters on either side decide. `, " he said` closes; `: " We` opens.
    if prev_solid.is_some_and(|p| ",.?!…".contains(p)) {
        close += 1.0;
    }
    if next_solid.is_some_and(|n| ",.;:?!".contains(n)) {
        open -= 1.5;
    }
    let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    if next_word.chars().next().is_some_and(char::is_lowercase)
        && (is_reporting(&next_word) || matches!(next_word.as_str(), "he" | "she" | "they" | "said"))
    {
        close += 1.5;
    }
    match opening_glyph(c) {
        Some(true) => (open, close) = (open + 2.5, close - 2.0),
        Some(false) => (open, close) = (open - 2.0, close + 2.5),
        None => {}
    }
    (open, close)
}

/// How fit `content` is to be a quotation's words.
fn content_score(content: &str) -> f32 {
    let mut score = 0.0;
    if !content.chars().any(char::is_alphanumeric) {
        score -= 5.0;
    }
    if holds_reporting_clause(content) || narration(content) {
        score -= 4.0;
    }
    if content.len() > 600 {
        score -= 1.5;
    }
    score
}

/// Whether quoted words hold a reporting clause: a comma or full stop, then within four words a reporting
/// verb in lowercase, then a comma or full stop ("…,” he said. “…", "…, Merkel told lawmakers.").
pub fn holds_reporting_clause(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len().saturating_sub(1)).any(|i| {
        let ends_clause = words[i].trim_end_matches(['"', '”', '\'', '’']).ends_with([',', '.', '?', '!']);
        ends_clause
            && (i + 1..words.len().min(i + 5)).any(|j| {
                let w = words[j].trim_matches(|c: char| !c.is_alphanumeric());
                let closes = words[j].ends_with([',', '.']) || j + 1 == words.len();
                w.chars().next().is_some_and(char::is_lowercase) && is_reporting(w) && closes
            })
    })
}

/// Words that read as the narrator's: a reporting verb first ("said academy President Sid Ganis."), or a
/// phrase in lowercase and its reporting verb ("a friend of the actress said.").
pub fn narration(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let lower_verb = |w: &str| w.chars().next().is_some_and(char::is_lowercase) && is_reporting(w);
    match words.first() {
        Some(first) if lower_verb(&bare(first)) => true,
        Some(first) if first.chars().next().is_some_and(char::is_lowercase) => {
            words.len() < 8 && text.trim_end().ends_with('.') && words[1..].iter().any(|w| lower_verb(&bare(w)))
        }
        _ => false,
    }
}

const STRAY: f32 = -3.0;
const REOPEN: f32 = -3.0;

/// The role of every double mark of `s` (byte offsets of the marks, and their roles, in order).
/// `continues_after` says the next paragraph opens with a quotation mark, so a quotation left open at
/// the end is a convention, not an error.
pub fn pair(s: &str, continues_after: bool) -> Vec<(usize, char, Role)> {
    let marks: Vec<(usize, char)> = s.char_indices().filter(|&(_, c)| is_double_mark(c)).collect();
    let n = marks.len();
    if n == 0 {
        return Vec::new();
    }
    let scores: Vec<(f32, f32)> = marks.iter().map(|&(i, c)| mark_scores(s, i, c)).collect();
    let content = |o: usize, end: usize| -> &str { &s[marks[o].0 + marks[o].1.len_utf8()..end] };
    let unclosed_end = if continues_after { 0.0 } else { -1.5 };
    // best[i][state]: state 0 = outside a quotation; state 1 + k = inside, opened at mark i - 1 - k.
    let states = WINDOW + 1;
    let mut best = vec![vec![f32::NEG_INFINITY; states]; n + 1];
    let mut back = vec![vec![(0usize, Role::Stray); states]; n + 1];
    best[0][0] = 0.0;
    for i in 0..n {
        for st in 0..states {
            let here = best[i][st];
            if here == f32::NEG_INFINITY {
                continue;
            }
            let relax =
                |to: usize, score: f32, role: Role, best: &mut Vec<Vec<f32>>, back: &mut Vec<Vec<(usize, Role)>>| {
                    if score > best[i + 1][to] {
                        best[i + 1][to] = score;
                        back[i + 1][to] = (st, role);
                    }
                };
            // A stray mark keeps the state (an open quotation ages by one mark).
            let aged = if st == 0 { Some(0) } else { (st < WINDOW).then_some(st + 1) };
            if let Some(to) = aged {
                relax(to, here + STRAY, Role::Stray, &mut best, &mut back);
            }
            if st == 0 {
                relax(1, here + scores[i].0, Role::Open, &mut best, &mut back);
            } else {
                let o = i - st;
                let words = content_score(content(o, marks[i].0));
                // Marks of one style pair with each other: a straight pair inside curly marks is nested.
                let style =
                    if opening_glyph(marks[o].1).is_some() == opening_glyph(marks[i].1).is_some() { 1.5 } else { -1.0 };
                relax(0, here + scores[i].1 + words + style, Role::Close, &mut best, &mut back);
                // Opening again while open: the earlier quotation was never closed.
                relax(1, here + REOPEN + words + scores[i].0, Role::Open, &mut best, &mut back);
            }
        }
    }
    // The end of the block closes nothing: an open quotation there runs to the end.
    let (mut st, _) = (0..states)
        .filter(|&st| best[n][st] > f32::NEG_INFINITY)
        .map(|st| {
            let tail = if st == 0 { 0.0 } else { unclosed_end + content_score(content(n - st, s.len())) };
            (st, best[n][st] + tail)
        })
        .fold((0, f32::NEG_INFINITY), |a, b| if b.1 > a.1 { b } else { a });
    let mut roles = vec![Role::Stray; n];
    for i in (0..n).rev() {
        let (prev, role) = back[i + 1][st];
        roles[i] = role;
        st = prev;
    }
    marks.into_iter().zip(roles).map(|((i, c), r)| (i, c, r)).collect()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// The quoted stretches the pairing finds.
    fn quoted(s: &str) -> Vec<&str> {
        let roles = pair(s, false);
        let mut out = Vec::new();
        let mut open = None;
        for (i, c, r) in roles {
            match r {
                Role::Open => {
                    if let Some(o) = open {
                        out.push(s[o..i].trim());
                    }
                    open = Some(i + c.len_utf8());
                }
                Role::Close => {
                    if let Some(o) = open.take() {
                        out.push(s[o..i].trim());
                    }
                }
                Role::Stray => {}
            }
        }
        if let Some(o) = open {
            out.push(s[o..].trim());
        }
        out
    }

    #[test]
    fn curly_marks_pair_as_written() {
        assert_eq!(quoted("He said “we will win,” and left."), ["we will win,"]);
    }

    #[test]
    fn spaced_straight_marks_pair_around_the_reporting_clause() {
        let s = "\" We appreciate your respect , \" the rep told the magazine . \" It was hard . \"";
        assert_eq!(quoted(s), ["We appreciate your respect ,", "It was hard ."]);
    }

    #[test]
    fn a_stray_mark_does_not_turn_narration_into_quotation() {
        let s = "The mayor said \"we are ready. Officials disagreed, he said. \"The roads are open,\" she added.";
        let q = quoted(s);
        assert!(q.contains(&"The roads are open,"), "{q:?}");
        assert!(!q.iter().any(|x| x.contains("he said")), "{q:?}");
    }

    #[test]
    fn narration_after_a_quote_stays_narration() {
        let s = "\"He delivers every time\" said the president of the academy. \"We are thrilled.\"";
        assert_eq!(quoted(s), ["He delivers every time", "We are thrilled."]);
        assert!(narration("said the president of the academy.") && narration("a friend of the actress said."));
        assert!(!narration("a disaster") && !narration("We said we would come."));
    }

    #[test]
    fn straight_marks_inside_curly_ones_are_nested() {
        let s = "Putin said “<b>Moscow</b> is <img src=x onerror=\"alert(1)\">” today.";
        assert_eq!(quoted(s).len(), 1, "{:?}", quoted(s));
    }

    #[test]
    fn glued_straight_marks_follow_the_words() {
        assert_eq!(quoted("She called it \"a disaster\" and \"a shame.\""), ["a disaster", "a shame."]);
    }
}
