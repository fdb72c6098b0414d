//! Comparing outlets: the same quote across articles, stories in a mixed feed, outlets named.

use browser_task_test::test;

use crate::fixtures::{analyze, seeds};

#[test]
fn the_seeds_quote_clusters_line_up_obama_and_putin_across_outlets() {
    let a = seeds();
    let with = |words: &str| {
        a.quote_clusters.iter().find(|c| c.text.contains(words)).unwrap_or_else(|| panic!("no cluster with {words:?}"))
    };
    let prewar = with("prewar status quo");
    assert_eq!(prewar.quotes.len(), 3, "{prewar:?}");
    assert_eq!(prewar.speakers, ["Barack Obama"]);
    let mistake = with("enormous mistake");
    assert_eq!(mistake.quotes.len(), 3, "{mistake:?}");
    assert_eq!(mistake.speakers, ["Vladimir Putin"]);
    // Every quote has a stable, unique id, and clusters point at them.
    let ids: std::collections::HashSet<&str> = a.quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), a.quotes.len());
    assert!(a.quote_clusters.iter().flat_map(|c| &c.quotes).all(|q| ids.contains(q.as_str())));
    assert_eq!(a.stories.len(), 1, "one event, one story");
    assert_eq!(a.stories[0].articles.len(), 5);
}

#[test]
fn a_cut_and_re_punctuated_quote_is_one_utterance_and_verbs_that_differ_are_flagged() {
    let a = analyze(&[
        (
            "one.txt",
            "Rally\n\n“We will rebuild every road in this state, and we will do it by spring,” Governor Ana Ruiz said.",
        ),
        ("two.txt", "Roads\n\nGovernor Ana Ruiz claimed that “we will rebuild every road in this state … by spring.”"),
        ("three.txt", "Weather\n\n“Snow is coming early this year,” the forecaster Lee Park said."),
    ]);
    assert_eq!(a.quote_clusters.len(), 1, "{:?}", a.quote_clusters);
    let c = &a.quote_clusters[0];
    assert_eq!(c.quotes.len(), 2);
    assert!(c.verb_differs, "said and claimed: {:?}", c.verbs);
    assert!(!c.speaker_differs);
    assert!(c.text.starts_with("We will rebuild every road"), "the longest version: {}", c.text);
}

#[test]
fn a_mixed_feed_splits_into_its_stories() {
    let flood = |n: usize| {
        format!(
            "Flood {n}\n\nThe river Marne burst its banks in Meaux on Tuesday, and mayor Claire Vidal ordered the \
             evacuation of the old town. Firefighters from Meaux and Lagny rescued families by boat as the Marne \
             kept rising. Vidal said the flood was the worst since 1910. Report {n} from the Marne valley."
        )
    };
    let chess = |n: usize| {
        format!(
            "Chess {n}\n\nGrandmaster Tomas Hald won the Nordic chess championship in Bergen after a long endgame \
             against Ivan Sorel. Hald, who also won in Oslo, said the tournament in Bergen was his hardest. Sorel \
             resigned on move 61 in the final round of the championship. Report {n}."
        )
    };
    let texts: Vec<(String, String)> =
        (0..6).map(|i| (format!("a{i}.txt"), if i % 2 == 0 { flood(i) } else { chess(i) })).collect();
    let refs: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let a = analyze(&refs);
    assert_eq!(a.stories.len(), 2, "{:?}", a.stories);
    assert_eq!(a.stories[0].articles, ["a0", "a2", "a4"]);
    assert_eq!(a.stories[1].articles, ["a1", "a3", "a5"]);
    assert!(a.stories[0].label.contains("Vidal") || a.stories[0].label.contains("Marne"), "{}", a.stories[0].label);
}

#[test]
fn outlets_come_from_records_urls_and_credits() {
    let jsonl = "{\"text\": \"One story here.\", \"outlet\": \"NYT\"}\n\
                 {\"text\": \"Two stories here.\", \"url\": \"https://www.foxnews.com/politics/x\"}\n\
                 {\"text\": \"Three stories here.\", \"source\": \"Reuters\"}\n\
                 {\"text\": \"Four stories here.\\n\\nAl Jazeera and wire services\"}\n";
    let a = analyze(&[("feed.jsonl", jsonl)]);
    let outlets: Vec<Option<&str>> = a.articles.iter().map(|x| x.outlet.as_deref()).collect();
    assert_eq!(outlets, [Some("The New York Times"), Some("Fox News"), Some("Reuters"), Some("Al Jazeera")]);
}

#[test]
fn one_story_of_a_mixed_feed_is_its_articles_and_nothing_else() {
    use newsprism_core::compare::scope::restrict;
    let a = analyze(&[
        (
            "a.txt",
            "Harbour\n\nAnna Lindqvist said: “The harbour will reopen on Monday after the storm.” The mayor agreed.",
        ),
        ("b.txt", "Storm\n\n“The harbour will reopen on Monday after the storm,” Anna Lindqvist said in Malmö."),
        ("c.txt", "Chess\n\nRafael Ortiz won the chess final in Lima. “It was a long game,” Ortiz said."),
    ]);
    let keep = vec!["b".to_string(), "a".to_string()];
    let r = restrict(&a, &keep);
    assert_eq!(r.articles.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert!(r.quotes.iter().all(|q| q.article != "c"));
    assert!(r.entities.iter().flat_map(|e| &e.mentions).all(|m| m.article != "c"));
    assert!(r.speakers.iter().all(|s| s.name != "Rafael Ortiz"), "{:?}", r.speakers);
    assert_eq!(r.quote_clusters.len(), 1, "the harbour quote is in both kept articles: {:?}", a.quote_clusters);
    assert!(r.stories.iter().flat_map(|s| &s.articles).all(|x| x != "c"));
    assert!(r.quotes.iter().all(|q| q.continues.is_none_or(|c| c < r.quotes.len())));
    let all: Vec<String> = a.articles.iter().map(|x| x.id.clone()).collect();
    assert_eq!(restrict(&a, &all), a, "keeping everything changes nothing");
}

#[test]
fn an_articles_profile_is_the_same_alone_as_in_its_corpus() {
    use newsprism_core::analysis::{prepare, profile::profile_document, Engine};
    use newsprism_core::tag::tagger::Scratch;
    let docs: Vec<newsprism_core::Document> =
        crate::fixtures::SEEDS.iter().map(|(name, text)| newsprism_core::Document::from_text(name, text)).collect();
    let prepared = prepare(&docs, newsprism_core::tag::tagger::Tagger::builtin(), &mut |_| {});
    let mut scratch = Scratch::default();
    for (doc, in_corpus) in docs.iter().zip(&prepared.profiles) {
        assert!(!in_corpus.terms.is_empty() && !in_corpus.names.is_empty());
        assert_eq!(&profile_document(doc, Engine::builtin(), &mut scratch), in_corpus, "{}", doc.origin);
    }
}
