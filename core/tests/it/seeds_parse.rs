//! The article parser on the five seed articles: structure, sentences and quotations.

use browser_task_test::test;

use newsprism_core::model::QuoteKind;
use newsprism_core::model::Section;

use crate::fixtures::{article, seeds};

#[test]
fn all_five_articles_load_with_ids_from_their_file_names() {
    let a = seeds();
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    let ids: Vec<&str> = a.articles.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_fb588c1a204cc496",
            "001_e69eac6dd9248ced",
            "002_70736a2f79e4f1a9",
            "003_1c5835c1e7b331b8",
            "004_bd5b16cc45523138"
        ]
    );
    for art in &a.articles {
        assert!(art.paragraphs.len() >= 8, "{} has {} paragraphs", art.id, art.paragraphs.len());
    }
}

#[test]
fn headlines_and_dateline() {
    let a = seeds();
    assert_eq!(article(a, "000").headline, None, "000 opens with a photo caption, not a headline");
    assert_eq!(
        article(a, "001").headline.as_deref(),
        Some("Putin says ‘differences can be resolved’ after meeting with Obama")
    );
    assert_eq!(article(a, "002").headline.as_deref(), Some("US, Russian leaders clash over support for Syria’s Assad"));
    assert_eq!(article(a, "003").headline, None);
    assert_eq!(article(a, "004").headline.as_deref(), Some("Putin heads for UN showdown with Obama over Syria"));
    assert_eq!(article(a, "004").dateline.as_deref(), Some("United Nations, Sept 28"));
    assert!(a.articles.iter().filter(|x| !x.id.starts_with("004")).all(|x| x.dateline.is_none()));
}

#[test]
fn captions_and_credits() {
    let a = seeds();
    let captions: Vec<&str> = article(a, "000").captions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(captions.len(), 2);
    assert!(captions[0].ends_with("(European Pressphoto Agency)"));
    assert!(
        captions[1].starts_with("Russia’s president blamed foreign intervention") && captions[1].ends_with("(Reuters)")
    );
    let c001 = &article(a, "001").captions;
    assert_eq!(c001.len(), 1);
    assert!(c001[0].text.starts_with("United States President Barack Obama, right,"));
    let credits: Vec<&str> = article(a, "003").credits.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(credits, ["Al Jazeera and wire services"]);
}

#[test]
fn boilerplate_of_003_is_dropped_and_listed() {
    let a = seeds();
    let art = article(a, "003");
    let dropped: Vec<&str> = art.boilerplate.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(dropped.len(), 2);
    assert_eq!(dropped[0], "Error");
    assert!(dropped[1].starts_with("Sorry, your comment was not saved"));
    for p in &art.paragraphs {
        let s = p.of(&art.text);
        assert!(!s.contains("Sorry, your comment") && s != "Error" && !s.contains("wire services"), "{s}");
    }
    assert!(art.text.ends_with("using a different browser."), "the text itself stays verbatim");
    assert!(a.articles.iter().filter(|x| x.id != art.id).all(|x| x.boilerplate.is_empty()));
}

#[test]
fn a_paragraph_broken_mid_sentence_is_joined() {
    let a = seeds();
    let art = article(a, "004");
    let joined = art.paragraphs.iter().map(|p| p.of(&art.text)).find(|p| p.contains("a senior State"));
    let joined = joined.expect("the paragraph with the wrapped line");
    assert!(joined.contains("State\n\nDepartment official said."), "{joined}");
}

#[test]
fn sentences_respect_abbreviations() {
    let a = seeds();
    for art in &a.articles {
        for s in &art.sentences {
            let t = s.of(&art.text);
            for abbr in ["U.S.", "U.N.", "Sept.", "Mr.", "St."] {
                assert!(!t.ends_with(abbr), "{}: sentence ends at {abbr}: {t}", art.id);
            }
            assert_eq!(t, t.trim(), "sentences are trimmed");
        }
        let mut last = 0;
        for s in &art.sentences {
            assert!(s.start >= last, "sentences in order and disjoint");
            last = s.end;
        }
    }
    let art = article(a, "000");
    let t: Vec<&str> = art.sentences.iter().map(|s| s.of(&art.text)).collect();
    assert!(t.contains(&"After the session, Putin left for Moscow."));
    assert!(t.iter().any(|s| s.starts_with("In speeches to the U.N. General Assembly less than two hours apart")
        && s.ends_with("essential to global stability.")));
    assert!(t.contains(&"On Tuesday, the president will sit down with Cuban President Raúl Castro and Kazakhstan President Nursultan Nazarbayev."));
}

#[test]
fn every_quote_round_trips_to_its_words() {
    let a = seeds();
    assert!(a.quotes.len() >= 60, "{} quotes", a.quotes.len());
    for q in &a.quotes {
        let art = a.articles.iter().find(|x| x.id == q.article).expect("quote's article exists");
        assert_eq!(&art.text[q.start..q.end], q.text);
        let first = q.text.chars().next().unwrap_or(' ');
        let last = q.text.chars().last().unwrap_or(' ');
        assert!(!"“”\" ,".contains(first) && !"“”\" ,".contains(last), "quote not trimmed: {:?}", q.text);
    }
    for art in &a.articles {
        assert!(a.quotes.iter().any(|q| q.article == art.id), "{} has quotes", art.id);
    }
}

#[test]
fn multi_paragraph_quote_in_000() {
    let a = seeds();
    let first =
        a.quotes.iter().position(|q| q.text.starts_with("We are told that such retrenchment")).expect("first part");
    let second = a.quotes.iter().find(|q| q.text.starts_with("But I stand before you today")).expect("second part");
    assert!(!a.quotes[first].closed);
    assert_eq!(second.continues, Some(first));
    assert!(second.text.ends_with("we will all suffer the consequences."));
    assert_eq!(second.kind, QuoteKind::Direct);
}

#[test]
fn mismatched_closing_mark_in_001() {
    let a = seeds();
    let q = a.quotes.iter().find(|q| q.text.starts_with("With respect to Ukraine")).expect("quote found");
    assert!(q.text.ends_with("territorial integrity of the Ukraine government"), "{}", q.text);
    assert!(q.closed);
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn fragments_and_direct_quotes() {
    let a = seeds();
    let kind_of = |prefix: &str| a.quotes.iter().find(|q| q.text.starts_with(prefix)).map(|q| q.kind);
    assert_eq!(kind_of("anarchy"), Some(QuoteKind::Fragment));
    assert_eq!(kind_of("regretfully at a rather low level"), Some(QuoteKind::Fragment));
    assert_eq!(kind_of("business-like"), Some(QuoteKind::Fragment));
    assert_eq!(kind_of("four or five"), Some(QuoteKind::Fragment));
    assert_eq!(kind_of("Any involvement of Russian troops"), Some(QuoteKind::Direct));
    assert_eq!(kind_of("We have our arms open to welcome refugees"), Some(QuoteKind::Direct));
    assert_eq!(kind_of("I think we have concerns"), Some(QuoteKind::Direct));
    let anarchy = a.quotes.iter().find(|q| q.text.starts_with("anarchy")).expect("caption quote");
    assert_eq!(anarchy.section, Section::Caption);
    assert_eq!(anarchy.paragraph, None);
}

#[test]
fn headline_single_quote_and_straight_quotes() {
    let a = seeds();
    let h = a.quotes.iter().find(|q| q.text == "differences can be resolved").expect("headline quote");
    assert_eq!(h.section, Section::Headline);
    let straight: Vec<&str> =
        a.quotes.iter().filter(|q| q.article.starts_with("003")).map(|q| q.text.as_str()).collect();
    assert!(straight.contains(&"alternative is surely worse"));
    assert!(straight.iter().any(|t| t.starts_with("We must recognize that there cannot be")));
    assert!(!a
        .quotes
        .iter()
        .any(|q| q.text.contains("Russians’ intentions are in Syria, in Iraq") && q.text.len() < 40));
}

#[test]
fn quotes_know_their_paragraph() {
    let a = seeds();
    for q in a.quotes.iter().filter(|q| q.section == Section::Body) {
        let art = a.articles.iter().find(|x| x.id == q.article).expect("article");
        let p = q.paragraph.expect("body quotes have a paragraph");
        assert!(art.paragraphs[p].start <= q.start && q.end <= art.paragraphs[p].end);
    }
}
