//! The committed models: the tagger loads and tags, the trainer writes exactly the format the tagger reads,
//! and the attribution ranker's features on real text all follow its feature grammar.

use browser_task_test::test;

use newsprism_core::eval::{conll, ner};
use newsprism_core::tag::gazetteer::tagger_gazetteer;
use newsprism_core::tag::labels::chunks_from_bilou;
use newsprism_core::tag::lexicon::Lexicon;
use newsprism_core::tag::tagger::{Scratch, Tagger, BUILTIN_LEXICON, BUILTIN_WEIGHTS};
use newsprism_core::tag::weights::Weights;
use newsprism_core::train::{clusters, perceptron, unlabeled};

fn gazetteer() -> newsprism_core::tag::gazetteer::Gazetteer {
    tagger_gazetteer(newsprism_core::lexis::countries::Countries::builtin())
}

fn entities(tagger: &Tagger, sentence: &str) -> Vec<String> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let labels = tagger.tag_document(std::slice::from_ref(&words), &mut Scratch::default());
    chunks_from_bilou(&labels[0])
        .iter()
        .map(|c| format!("{}:{}", c.ty.as_str(), words[c.start..c.end].join(" ")))
        .collect()
}

#[test]
fn committed_model_loads_and_tags_news() {
    let tagger = Tagger::from_bytes(BUILTIN_WEIGHTS, BUILTIN_LEXICON).expect("the committed model loads");
    assert!(tagger.weights.len() > 10_000, "{} weight rows", tagger.weights.len());
    assert!(tagger.lexicon.len() > 10_000, "{} lexicon words", tagger.lexicon.len());
    assert_eq!(
        entities(&tagger, "Russian President Vladimir Putin met Angela Merkel in Berlin on Monday ."),
        ["MISC:Russian", "PER:Vladimir Putin", "PER:Angela Merkel", "LOC:Berlin"]
    );
    assert_eq!(
        entities(&tagger, "The European Commission said on Thursday it disagreed ."),
        ["ORG:European Commission"]
    );
}

const TINY: &str = "-DOCSTART- -X- O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
visited VBD I-VP O
Brussels NNP I-NP I-LOC
. . O O

The DT I-NP O
European NNP I-NP I-ORG
Commission NNP I-NP I-ORG
met VBD I-VP O
Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
in IN I-PP O
Bonn NNP I-NP I-LOC
. . O O

German JJ I-NP I-MISC
officials NNS I-NP O
visited VBD I-VP O
Bonn NNP I-NP I-LOC
. . O O
";

#[test]
fn trainer_output_is_what_the_tagger_reads() {
    let docs = conll::parse(TINY);
    let sentences = unlabeled::from_conll(&docs);
    let corpus = clusters::Corpus::new(&sentences, 1, 100);
    let entries = clusters::lexicon_entries(&corpus, &sentences, [2, 3, 4], 3, &mut |_| {});
    let lexicon_bytes = Lexicon::encode([2, 3, 4], &entries);
    let lexicon = Lexicon::decode(&lexicon_bytes).expect("lexicon round trip");
    assert_eq!(lexicon.len(), entries.len());
    let config = perceptron::Config { epochs: 6, seed: 7, min_count: 1 };
    let trained = perceptron::train(&docs, &docs, &lexicon, &gazetteer(), &config, &mut |_| {});
    let weight_bytes = Weights::encode(&trained.rows);
    // Same header (magic, version, label count) as the committed files: one format.
    assert_eq!(weight_bytes[..6], BUILTIN_WEIGHTS[..6]);
    assert_eq!(lexicon_bytes[..6], BUILTIN_LEXICON[..6]);
    let tagger = Tagger::from_bytes(&weight_bytes, &lexicon_bytes).expect("trained model loads");
    let (score, _) = ner::evaluate(&tagger, &docs);
    assert!(score.micro(&newsprism_core::tag::labels::EntityType::ALL).f1() > 0.99, "{}", score.table());
}

#[test]
fn corrupt_model_bytes_are_an_error_not_a_panic() {
    assert!(Tagger::from_bytes(&BUILTIN_WEIGHTS[..100], BUILTIN_LEXICON).is_err());
    assert!(Tagger::from_bytes(BUILTIN_WEIGHTS, b"NPLX\x09").is_err());
    assert!(Tagger::from_bytes(b"", b"").is_err());
}

#[test]
fn ranker_features_made_on_real_text_are_all_known() {
    use newsprism_core::analysis::prepare;
    use newsprism_core::attribute::context::Ctx;
    use newsprism_core::attribute::features::is_known;
    use newsprism_core::attribute::rank::candidates;
    let docs = newsprism_core::load(crate::fixtures::SEEDS[4].0, crate::fixtures::SEEDS[4].1.as_bytes())
        .expect("the seed loads");
    let p = prepare(&docs, newsprism_core::tag::tagger::Tagger::builtin(), &mut |_| {});
    let ctx = Ctx::for_article(&p.articles[0], &p.tagged[0], &p.entities, &p.quotes);
    let mut seen = 0;
    for q in &p.quotes {
        for c in candidates(&ctx, q, Some(0)) {
            for f in &c.features {
                assert!(is_known(f), "{f}");
                seen += 1;
            }
        }
    }
    assert!(seen > 500, "{seen} features");
}
