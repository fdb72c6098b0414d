use std::rc::Rc;

use super::*;
use crate::builtin;
use crate::route::Tab;
use newsprism_core::model::EntityKind;

fn index() -> Index {
    let analysis = builtin::analysis();
    Index::new(Rc::new(analysis))
}

fn shown_texts(ix: &Index, d: &Derived) -> Vec<String> {
    ix.units
        .iter()
        .zip(&d.visible)
        .filter(|(_, v)| **v)
        .map(|(u, _)| u.span.of(&ix.analysis.articles[u.article].text).to_string())
        .collect()
}

#[test]
fn no_filter_shows_everything() {
    let ix = index();
    let d = ix.derive(&View::default());
    assert!(d.visible.iter().all(|v| *v));
    assert_eq!(d.article_visible, [true; 5]);
    assert_eq!(d.quotes.len(), ix.analysis.quotes.len());
}

#[test]
fn country_filter_keeps_paragraphs_naming_it_or_its_people() {
    let ix = index();
    let mut v = View::default();
    v.countries.insert("Brazil".into());
    let d = ix.derive(&v);
    let shown = shown_texts(&ix, &d);
    assert!(shown.iter().any(|t| t.starts_with("Brazilian President Dilma Rousseff")), "{shown:#?}");
    assert!(shown.iter().any(|t| t.contains("Brazil loosened restrictions")));
    assert!(shown.len() < 5, "only the paragraphs about Brazil: {shown:#?}");
    assert!(!shown.iter().any(|t| t.contains("Kerry")), "Kerry's paragraphs are not about Brazil");
    assert_eq!(d.article_visible, [true, false, false, false, false]);
}

#[test]
fn speaker_filter_keeps_only_their_quotes() {
    let ix = index();
    let mut v = View::default();
    v.speakers.insert("Vladimir Putin".into());
    let d = ix.derive(&v);
    assert!(d.quotes.len() >= 15);
    assert!(d.quotes.iter().all(|&q| ix.speaker_name(q) == Some("Vladimir Putin")));
    assert!(d.article_visible.iter().all(|v| *v), "Putin is quoted in every article");
    for (u, shown) in ix.units.iter().zip(&d.visible) {
        if *shown {
            assert!(u.quotes.iter().any(|&q| ix.speaker_name(q) == Some("Vladimir Putin")));
        }
    }
}

#[test]
fn filters_of_two_kinds_combine_with_and_values_of_one_kind_with_or() {
    let ix = index();
    let mut putin = View::default();
    putin.speakers.insert("Vladimir Putin".into());
    let mut both = putin.clone();
    both.countries.insert("Ukraine".into());
    let d_putin = ix.derive(&putin);
    let d_both = ix.derive(&both);
    assert!(d_both.n_visible_units < d_putin.n_visible_units);
    assert!(d_both.n_visible_units > 0);
    let mut either = putin.clone();
    either.speakers.insert("Barack Obama".into());
    assert!(ix.derive(&either).quotes.len() > d_putin.quotes.len());
}

fn speaker_count(ix: &Index, d: &Derived, name: &str) -> usize {
    d.speaker_counts[ix.speaker_id(name).unwrap()]
}

#[test]
fn facet_counts_ignore_their_own_filter_and_follow_the_others() {
    let ix = index();
    let all = ix.derive(&View::default());
    let putin_quotes = speaker_count(&ix, &all, "Vladimir Putin");
    let mut v = View::default();
    v.speakers.insert("Vladimir Putin".into());
    let d = ix.derive(&v);
    // Selecting a speaker does not zero the others' counts…
    assert!(speaker_count(&ix, &d, "Barack Obama") > 0);
    // …but a country filter changes the speaker counts.
    let mut brazil = View::default();
    brazil.countries.insert("Brazil".into());
    let db = ix.derive(&brazil);
    assert!(speaker_count(&ix, &db, "Vladimir Putin") < putin_quotes);
    let russia = ix.analysis.entities.iter().position(|e| e.name == "Russia").unwrap();
    assert_eq!(all.countries[0].0, russia, "Russia is the most mentioned country");
}

#[test]
fn every_count_the_header_gives_is_a_list_the_page_offers() {
    let ix = index();
    let d = ix.derive(&View::default());
    // Speakers: one entry per name, and every quotation given to a name is counted under it.
    let names: std::collections::BTreeSet<&str> =
        ix.analysis.quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| s.name.as_str()).collect();
    assert_eq!(ix.speakers.len(), names.len());
    assert_eq!(d.speaker_counts.iter().sum::<usize>(), ix.quote_speaker.iter().flatten().count());
    assert!(ix.speakers.iter().all(|s| s.quotes > 0));
    // "United States" speaks once (the U.S. agreed …): it can be filtered like any speaker.
    let mut us = View::default();
    us.speakers.insert("United States".into());
    assert!(ix.has_speaker("United States"));
    assert_eq!(ix.derive(&us).quotes.len(), speaker_count(&ix, &d, "United States"));
    // Quotations: the unfiltered "Who said what" shows them all.
    assert_eq!(d.quotes.len(), ix.n_quotes);
    // Countries: the list offers each country mentioned, and only those.
    assert_eq!(d.countries.len(), ix.countries.len());
    assert!(d.countries.iter().all(|(_, n)| *n > 0));
}

#[test]
fn a_country_filter_keeps_the_quotations_of_people_tied_to_it() {
    let ix = index();
    let mut brazil = View::default();
    brazil.countries.insert("Brazil".into());
    let d = ix.derive(&brazil);
    let rousseff =
        ix.analysis.quotes.iter().filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == "Dilma Rousseff")).count();
    assert!(rousseff >= 2);
    let shown: Vec<&str> = d.quotes.iter().filter_map(|&q| ix.speaker_name(q)).collect();
    assert_eq!(shown.iter().filter(|n| **n == "Dilma Rousseff").count(), rousseff, "{shown:?}");
    for &q in &d.quotes {
        let u = ix.quote_unit[q].unwrap();
        assert!(d.visible[u], "the paragraph of each quotation shown is shown");
    }
}

#[test]
fn text_search_and_article_filter() {
    let ix = index();
    let v = View { q: "REFUGEES".into(), ..View::default() };
    let d = ix.derive(&v);
    assert!(shown_texts(&ix, &d).iter().all(|t| t.to_lowercase().contains("refugees")));
    assert!(d.n_visible_units >= 3);
    let one = View { article: Some("004_bd5b16cc45523138".into()), ..View::default() };
    let d = ix.derive(&one);
    assert_eq!(d.article_visible, [false, false, false, false, true]);
}

#[test]
fn chart_bars_are_split_by_article_and_follow_kinds() {
    let ix = index();
    let v = View { kinds: [EntityKind::Person].into_iter().collect(), tab: Tab::Chart, ..View::default() };
    let d = ix.derive(&v);
    assert!(d.bars.len() <= TOP_BARS && !d.bars.is_empty());
    assert_eq!(ix.analysis.entities[d.bars[0].entity].name, "Vladimir Putin");
    for b in &d.bars {
        assert_eq!(b.per_article.len(), 5);
        assert_eq!(b.total, b.per_article.iter().sum::<usize>());
        assert_eq!(ix.analysis.entities[b.entity].kind, EntityKind::Person);
    }
    assert!(d.bars.windows(2).all(|w| w[0].total >= w[1].total));
}

#[test]
fn unknown_link_values_are_dropped_with_notices() {
    let ix = index();
    let (mut v, _) = View::from_query("speaker=Nobody+Here&country=Atlantis&country=Brazil&article=nope");
    let notices = ix.validate(&mut v);
    assert_eq!(notices.len(), 3, "{notices:?}");
    assert_eq!(v.countries.len(), 1);
    assert!(v.speakers.is_empty() && v.article.is_none());
}

#[test]
fn story_positions_and_explanations() {
    let ix = index();
    let putin = ix.analysis.entities.iter().position(|e| e.name == "Vladimir Putin").unwrap();
    let d = ix.derive(&View::default());
    let pos = ix.positions(putin, &d.visible);
    assert_eq!(pos.len(), 5);
    assert!(pos.iter().flatten().all(|p| (0.0..=1.0).contains(p)));
    assert!(pos.iter().all(|a| !a.is_empty()));
    let russia = ix.analysis.entities.iter().position(|e| e.name == "Russia").unwrap();
    let moscow = ix.analysis.entities[russia].mentions.iter().position(|m| m.text == "Moscow").unwrap();
    assert_eq!(ix.explain(russia, moscow), "Moscow → Russia (country), capital");
}

#[test]
fn articles_without_a_headline_are_titled_by_their_first_sentence() {
    let ix = index();
    assert_eq!(ix.title(4), "Putin heads for UN showdown with Obama over Syria");
    let t = ix.title(0);
    assert!(t.starts_with("President Obama and Russian President Vladimir Putin laid out") && t.ends_with('…'), "{t}");
    assert!(t.chars().count() <= 90);
}

#[test]
fn text_folded_ahead_a_slice_at_a_time_searches_as_text_folded_on_demand() {
    let lazy = index();
    let ahead = index();
    let mut u = 0;
    let mut slices = 0;
    while u < ahead.units.len() {
        u = ahead.fold_ahead(u, 2_000);
        slices += 1;
    }
    assert!(slices > 3, "{slices} slices");
    let v = View { q: "REFUGEES".into(), ..View::default() };
    assert_eq!(lazy.derive(&v), ahead.derive(&v));
    assert!(!ahead.derive(&v).articles.is_empty());
}

#[test]
fn an_index_built_in_small_steps_is_the_index_built_at_once() {
    let analysis = Rc::new(builtin::analysis());
    let whole = Index::new(analysis.clone());
    let mut b = Builder::new(analysis);
    let mut steps = 0;
    while !b.done() {
        let first = b.next_cost();
        let work = b.step(7);
        // A step keeps to its budget unless its first item alone passes it (said beforehand); an entity's
        // mentions are placed over as many steps as they need.
        assert!((work >= 1 || b.done()) && work <= 7.max(first), "{work} (first item {first})");
        steps += 1;
    }
    assert!(steps > 20, "{steps} steps");
    let part = b.finish();
    assert_eq!(part.units, whole.units);
    assert_eq!(part.article_units, whole.article_units);
    assert_eq!(part.speakers, whole.speakers);
    assert_eq!(part.quote_speaker, whole.quote_speaker);
    assert_eq!(part.quote_unit, whole.quote_unit);
    assert_eq!(part.n_quotes, whole.n_quotes);
    assert_eq!(part.countries, whole.countries);
    assert_eq!(part.entity_units, whole.entity_units);
    assert_eq!(part.outlets, whole.outlets);
    assert_eq!(part.article_outlet, whole.article_outlet);
    assert_eq!(part.quote_by_id, whole.quote_by_id);
    assert_eq!(part.speaker_by_name, whole.speaker_by_name);
    assert_eq!(part.country_by_name, whole.country_by_name);
    assert_eq!(part.article_by_id, whole.article_by_id);
}
