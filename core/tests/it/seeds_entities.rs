//! The resolver on the seed articles: people, countries and organizations merged across aliases.

use browser_task_test::test;

use crate::fixtures::analyze;
use newsprism_core::model::{Entity, EntityKind, How};
use newsprism_core::Analysis;

use crate::fixtures::seeds;

fn entity<'a>(a: &'a Analysis, kind: EntityKind, name: &str) -> &'a Entity {
    a.entities.iter().find(|e| e.kind == kind && e.name == name).unwrap_or_else(|| panic!("no {kind:?} named {name}"))
}

fn has_mention(e: &Entity, text: &str, how: How) -> bool {
    e.mentions.iter().any(|m| m.text == text && m.how == how)
}

#[test]
fn putin_is_one_person_under_every_name() {
    let a = seeds();
    let putin = entity(a, EntityKind::Person, "Vladimir Putin");
    assert_eq!(putin.id, "person:vladimir-putin");
    assert_eq!(putin.country.as_deref(), Some("country:RUS"));
    assert!(putin.roles.iter().any(|r| r == "President"));
    assert!(has_mention(putin, "Putin", How::Ner));
    assert!(has_mention(putin, "the Kremlin leader", How::Description), "004: the Kremlin leader pushes …");
    assert!(has_mention(putin, "The Kremlin strongman", How::Description));
    assert!(has_mention(putin, "Russia’s president", How::Description), "000's caption");
    assert!(has_mention(putin, "the Russian leader", How::Description), "001: Not to be outdone, the Russian leader");
    let articles: std::collections::BTreeSet<&str> = putin.mentions.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(articles.len(), 5, "Putin is in all five articles");
    assert_eq!(a.entities.iter().filter(|e| e.kind == EntityKind::Person && e.name.contains("Putin")).count(), 1);
}

#[test]
fn assad_variants_merge() {
    let a = seeds();
    let assad = entity(a, EntityKind::Person, "Bashar al-Assad");
    for form in ["Assad", "al-Assad", "Bashar Assad", "Bashar al-Assad"] {
        assert!(assad.aliases.iter().any(|x| x.text == form), "missing alias {form}");
    }
    assert_eq!(assad.country.as_deref(), Some("country:SYR"));
    assert!(has_mention(assad, "the Syrian leader", How::Description));
}

#[test]
fn titles_give_roles_and_countries() {
    let a = seeds();
    let check = |name: &str, role: &str, country: &str| {
        let p = entity(a, EntityKind::Person, name);
        assert!(p.roles.iter().any(|r| r == role), "{name}: roles {:?}", p.roles);
        assert_eq!(p.country.as_deref(), Some(country), "{name}");
    };
    check("Hassan Rouhani", "President", "country:IRN");
    check("François Hollande", "President", "country:FRA");
    check("Sergei Lavrov", "Foreign Minister", "country:RUS");
    check("Mikhail Bogdanov", "Deputy Foreign Minister", "country:RUS");
    check("John Kerry", "Secretary of State", "country:USA");
    check("Samantha Power", "Ambassador", "country:USA");
    check("Angela Merkel", "Chancellor", "country:DEU");
    let ban = entity(a, EntityKind::Person, "Ban Ki-moon");
    assert!(ban.aliases.iter().any(|x| x.text == "Ban"), "Ban = Ban Ki-moon");
}

#[test]
fn every_form_of_a_country_counts() {
    let a = seeds();
    let russia = entity(a, EntityKind::Country, "Russia");
    assert_eq!(russia.id, "country:RUS");
    assert!(has_mention(russia, "Russia", How::Name));
    assert!(has_mention(russia, "Russian Federation", How::Name));
    assert!(has_mention(russia, "Russian", How::Demonym));
    assert!(has_mention(russia, "Moscow", How::Capital));
    assert!(has_mention(russia, "Kremlin", How::Seat));
    let us = entity(a, EntityKind::Country, "United States");
    for (form, how) in [
        ("U.S.", How::Name),
        ("US", How::Name),
        ("United States of America", How::Name),
        ("White House", How::Seat),
        ("Washington", How::Capital),
    ] {
        assert!(has_mention(us, form, how), "United States via {form}");
    }
    assert!(
        us.mentions.iter().any(|m| m.text == "U.S."
            && a.articles.iter().any(|art| art.id == m.article && art.text[m.end..].starts_with("-led"))),
        "U.S.-led"
    );
    let iran = entity(a, EntityKind::Country, "Iran");
    assert!(
        iran.mentions.iter().any(|m| m.article.starts_with("003") && m.text == "Iran"),
        "003: Iran's foreign minister"
    );
}

#[test]
fn places_inside_names_are_not_countries() {
    let a = seeds();
    assert!(!a.entities.iter().any(|e| e.name == "Belarus"), "the Minsk agreements are not Belarus");
    let isis = entity(a, EntityKind::Organization, "Islamic State");
    let syria = entity(a, EntityKind::Country, "Syria");
    for m in isis.mentions.iter().filter(|m| m.text.contains("Syria")) {
        assert!(
            !syria.mentions.iter().any(|s| s.article == m.article && s.start >= m.start && s.end <= m.end),
            "Syria inside {:?} counted as a country",
            m.text
        );
    }
}

#[test]
fn organizations_merge_acronyms_and_know_parents() {
    let a = seeds();
    let isis = entity(a, EntityKind::Organization, "Islamic State");
    for alias in ["ISIL", "ISIS", "IS", "Daesh", "Islamic State"] {
        assert!(isis.aliases.iter().any(|x| x.text == alias), "Islamic State alias {alias}");
    }
    let un = entity(a, EntityKind::Organization, "United Nations");
    for alias in ["U.N.", "UN", "United Nations"] {
        assert!(un.aliases.iter().any(|x| x.text == alias), "UN alias {alias}");
    }
    let council = entity(a, EntityKind::Organization, "United Nations Security Council");
    assert_eq!(council.parent.as_deref(), Some(un.id.as_str()));
    let tass = entity(a, EntityKind::Organization, "TASS");
    assert_eq!(tass.country.as_deref(), Some("country:RUS"), "the Russian TASS news agency");
}

#[test]
fn every_mention_round_trips_and_ids_are_unique() {
    let a = seeds();
    let mut ids = std::collections::BTreeSet::new();
    for e in &a.entities {
        assert!(ids.insert(e.id.as_str()), "duplicate id {}", e.id);
        for m in &e.mentions {
            let art = a.articles.iter().find(|x| x.id == m.article).expect("mention's article");
            assert_eq!(&art.text[m.start..m.end], m.text);
        }
        if let Some(c) = &e.country {
            assert!(a.entities.iter().any(|x| &x.id == c), "{}: country {c} is an entity", e.name);
        }
    }
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let text = "George Bush met reporters on Monday. Jeb Bush, his brother, stayed in Florida.\n\n\
        Bush said the meeting went well.\n\nLater George Bush spoke again and Bush left.";
    let a = analyze(&[("bush.txt", text)]);
    let people: Vec<&Entity> = a.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert!(people.iter().any(|p| p.name == "George Bush"));
    assert!(people.iter().any(|p| p.name == "Jeb Bush"));
    assert!(!people.iter().any(|p| p.name == "Bush"), "a bare surname is never its own person here");
}

#[test]
fn accents_and_possessives_fold_together() {
    let a = analyze(&[
        ("a.txt", "French President François Hollande spoke in Paris on Monday."),
        ("b.txt", "Francois Hollande said France would act. Hollande's plan was clear."),
    ]);
    let people: Vec<&Entity> = a.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 1, "{:?}", people.iter().map(|p| &p.name).collect::<Vec<_>>());
    assert_eq!(people[0].mentions.len(), 3);
}

#[test]
fn common_words_do_not_become_people() {
    let a = analyze(&[("power.txt", "The power of the people was the issue. Power cuts hit the city.")]);
    assert!(a.entities.iter().all(|e| e.kind != EntityKind::Person), "{:?}", a.entities);
}
