#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn words(s: &str) -> Vec<&str> {
    tokens(s).into_iter().map(|t| t.text(s)).collect()
}

#[test]
fn punctuation_quotes_and_possessives_are_split() {
    assert_eq!(
        words("“Russia’s president,” he said (in Moscow)."),
        ["“", "Russia", "’s", "president", ",", "”", "he", "said", "(", "in", "Moscow", ")", "."]
    );
    assert_eq!(words("the Russians’ intentions"), ["the", "Russians", "’", "intentions"]);
    assert_eq!(words("couldn't"), ["could", "n't"]);
}

#[test]
fn abbreviations_keep_their_periods() {
    assert_eq!(
        words("the U.S. and U.N. on Sept. 28, Mr. Kerry and John F. Kennedy."),
        ["the", "U.S.", "and", "U.N.", "on", "Sept.", "28", ",", "Mr.", "Kerry", "and", "John", "F.", "Kennedy", "."]
    );
    assert_eq!(words("went home."), ["went", "home", "."]);
}

#[test]
fn hyphens_stay_and_dashes_split() {
    assert_eq!(words("U.S.-led al-Assad Ki-moon"), ["U.S.-led", "al-Assad", "Ki-moon"]);
    assert_eq!(words("Putin—isolated by the West"), ["Putin", "—", "isolated", "by", "the", "West"]);
    assert_eq!(words("Putin — isolated"), ["Putin", "—", "isolated"]);
}

#[test]
fn spans_point_into_the_text() {
    let text = "Head\n\nSaid “Obama.”";
    let mut out = Vec::new();
    tokenize(text, Span::new(6, text.len()), &mut out);
    let got: Vec<&str> = out.iter().map(|t| t.text(text)).collect();
    assert_eq!(got, ["Said", "“", "Obama", ".", "”"]);
    assert_eq!(out[0].start, 6);
}

#[test]
fn contractions_split_as_conll_does() {
    assert_eq!(words("I'm sure they’re here"), ["I", "'m", "sure", "they", "’re", "here"]);
    assert_eq!(words("We'll see, you'd think"), ["We", "'ll", "see", ",", "you", "'d", "think"]);
}

#[test]
fn glued_quotes_and_dashes_split_without_recursion() {
    assert_eq!(words("said,“Look"), ["said", ",", "“", "Look"]);
    assert_eq!(words("a“b“c"), ["a", "“", "b", "“", "c"]);
    // Eighty thousand glued quotes once overflowed wasm's stack; now it is a loop.
    let long = "a“".repeat(40_000);
    assert_eq!(tokens(&long).len(), 80_000);
    let dashes = "x—".repeat(20_000) + "x";
    assert_eq!(tokens(&dashes).len(), 40_001);
}
