#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn iob1_reads_like_conlleval() {
    // IOB1: I- starts a chunk after O; B- only splits two touching chunks of one type.
    let tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "I-ORG"];
    let c = chunks_from_iob(&tags);
    assert_eq!(
        c,
        [
            Chunk { start: 0, end: 2, ty: EntityType::Per },
            Chunk { start: 3, end: 4, ty: EntityType::Loc },
            Chunk { start: 4, end: 5, ty: EntityType::Loc },
            Chunk { start: 5, end: 7, ty: EntityType::Org },
        ]
    );
}

#[test]
fn bilou_round_trips() {
    let chunks = [Chunk { start: 0, end: 3, ty: EntityType::Org }, Chunk { start: 4, end: 5, ty: EntityType::Per }];
    let labels = bilou(6, &chunks);
    let names: Vec<String> = labels.iter().map(|l| l.name()).collect();
    assert_eq!(names, ["B-ORG", "I-ORG", "L-ORG", "O", "U-PER", "O"]);
    assert_eq!(chunks_from_bilou(&labels), chunks);
    assert_eq!(iob2(6, &chunks), ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "O"]);
}

#[test]
fn transitions_are_constrained() {
    let b_per = Label::new(Part::Begin, EntityType::Per);
    let l_per = Label::new(Part::Last, EntityType::Per);
    let l_loc = Label::new(Part::Last, EntityType::Loc);
    assert!(l_per.can_follow(b_per));
    assert!(!l_loc.can_follow(b_per));
    assert!(!O.can_follow(b_per));
    assert!(!l_per.can_follow(O));
    assert!(b_per.can_follow(l_loc));
    assert!(!b_per.can_end());
    assert!((0..N_LABELS).all(|i| Label::from_index(i).index() == i));
}
