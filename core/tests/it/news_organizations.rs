//! The organization rules on news written for these tests: names merged across the ways news writes them
//! (acronyms, a country in front, a body on a topic, a plural), told from people by what the prose says of
//! them. Each test is one rule.

use browser_task_test::test;

use crate::fixtures::analyze;
use crate::news_entities::{named, names, texts};
use newsprism_core::model::{EntityKind, How};

#[test]
fn an_acronym_the_text_defines_joins_its_organization() {
    let a = analyze(&[
        (
            "one.txt",
            "Bridge review\n\nThe Federal Highway Administration (FHWA) is reviewing the plan. A spokeswoman for the \
             FHWA said a decision would come in May.",
        ),
        ("two.txt", "Tolls\n\nThe FHWA has not approved the tolls, according to the governor's office."),
    ]);
    let fhwa = named(&a, EntityKind::Organization, "Federal Highway Administration");
    let articles: std::collections::BTreeSet<&str> = fhwa.mentions.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(articles.len(), 2, "{fhwa:?}");
    assert_eq!(names(&a, EntityKind::Organization), ["Federal Highway Administration"]);
}

#[test]
fn the_committee_and_the_agency_name_the_organization_mentioned_before() {
    let a = analyze(&[(
        "suit.txt",
        "Lawsuit\n\nThe Democratic Finance Committee sued on Friday. The committee said the case was strong. \
         Separately, the Federal Highway Administration issued new rules, and the agency said they take effect \
         in June.",
    )]);
    let committee = named(&a, EntityKind::Organization, "Democratic Finance Committee");
    assert_eq!(texts(committee, How::Description), ["The committee"]);
    let fhwa = named(&a, EntityKind::Organization, "Federal Highway Administration");
    assert_eq!(texts(fhwa, How::Description), ["the agency"]);
}

#[test]
fn a_name_in_apposition_to_a_kind_of_organization_is_an_organization() {
    let a = analyze(&[(
        "suit.txt",
        "Union files suit\n\nThe union hired a labor law firm, Brandt Okafor, to draft the complaint. A Dutch \
         newspaper, Telders Kamp, reported that talks had stalled. Ivo Brandt, a lawyer, said the suit was strong. \
         The union spoke to the head of the Marlow Labour Service, Tomas Ekberg, on Friday.",
    )]);
    let orgs = names(&a, EntityKind::Organization);
    assert!(orgs.contains(&"Brandt Okafor") && orgs.contains(&"Telders Kamp"), "{orgs:?}");
    named(&a, EntityKind::Person, "Ivo Brandt");
    // A kind of organization that ends a name ("… Labour Service,") says nothing of the name after it.
    named(&a, EntityKind::Person, "Tomas Ekberg");
}

#[test]
fn a_longer_name_around_a_known_organization_is_another_organization() {
    let a = analyze(&[(
        "ceasefire.txt",
        "Ceasefire holds\n\nTroops of the United Nations Command patrolled the border on Friday. Norway joined \
         the U.N. Command in 1951. An aide at the National Security Council said the talks would go on, and the \
         United Nations said it was hopeful.",
    )]);
    let command = named(&a, EntityKind::Organization, "United Nations Command");
    assert!(command.mentions.iter().any(|m| m.text == "U.N. Command"), "{command:?}");
    named(&a, EntityKind::Organization, "National Security Council");
    let un = named(&a, EntityKind::Organization, "United Nations");
    assert_eq!(un.mentions.len(), 1, "the Command is not the United Nations: {un:?}");
}

#[test]
fn an_acronym_spelling_a_named_bodys_words_is_that_body_even_when_it_is_an_ordinary_word() {
    let a = analyze(&[
        (
            "port.txt",
            "Inspections at the port\n\nThe Department of Coastal Waters said on Friday that it had begun \
             inspecting every tanker in the harbour. A DOCW inspector said the checks would take weeks.",
        ),
        (
            "raid.txt",
            "Warehouse raid\n\nInspectors of the Agency for Rural Markets seized two tonnes of fish. “We can seize \
             far more in an ARM raid on any given night,” a regional director said. ARM did not comment.",
        ),
    ]);
    // "DOCW" keeps the minor word's initial; "ARM" is an ordinary word in lowercase, written here in capitals.
    let docw = named(&a, EntityKind::Organization, "Department of Coastal Waters");
    assert!(docw.mentions.iter().any(|m| m.text == "DOCW"), "{docw:?}");
    let arm = named(&a, EntityKind::Organization, "Agency for Rural Markets");
    assert_eq!(arm.mentions.iter().filter(|m| m.text == "ARM").count(), 2, "{arm:?}");
    let orgs = names(&a, EntityKind::Organization);
    assert_eq!(orgs.len(), 2, "one organization each: {orgs:?}");
}

#[test]
fn a_name_a_country_qualifies_is_the_organization_the_rest_names_unless_two_countries_qualify_it() {
    let a = analyze(&[
        (
            "fish.txt",
            "Salmon season\n\nThe U.S. Office of Coastal Fisheries closed the salmon season on Friday. The Office \
             of Coastal Fisheries said stocks had fallen by half.",
        ),
        (
            "guard.txt",
            "Rescue at sea\n\nThe Irish Marine Rescue Service and the British Marine Rescue Service searched the \
             channel overnight. The Marine Rescue Service found two sailors at dawn.",
        ),
    ]);
    let fisheries: Vec<&str> =
        names(&a, EntityKind::Organization).into_iter().filter(|o| o.contains("Coastal Fisheries")).collect();
    assert_eq!(fisheries.len(), 1, "one office, with and without its country: {:?}", a.entities);
    let office = named(&a, EntityKind::Organization, fisheries[0]);
    assert_eq!(office.mentions.len(), 2, "{office:?}");
    assert_eq!(office.country.as_deref(), Some("country:USA"), "{office:?}");
    let rescue: Vec<&str> =
        names(&a, EntityKind::Organization).into_iter().filter(|o| o.contains("Marine Rescue")).collect();
    assert!(rescue.len() >= 2, "two countries' services stay apart: {rescue:?}");
}

#[test]
fn a_committee_on_a_topic_is_the_committee_named_topic_first() {
    let a = analyze(&[
        (
            "hearing.txt",
            "Dredging hearing\n\nThe Senate Committee on Ports and Harbour Works questioned the minister on \
             Tuesday about the dredging contract.",
        ),
        (
            "report.txt",
            "Dredging report\n\nThe Ports Committee will publish its report in May, its chairwoman Aline Duarte \
             said. The Transport Committee declined to comment.",
        ),
    ]);
    let ports = named(&a, EntityKind::Organization, "Senate Committee on Ports and Harbour Works");
    assert!(ports.mentions.iter().any(|m| m.text == "Ports Committee"), "{ports:?}");
    assert!(names(&a, EntityKind::Organization).contains(&"Transport Committee"), "{:?}", a.entities);
}

#[test]
fn a_name_set_apart_as_a_group_is_an_organization_in_every_article_with_or_without_a_plural() {
    // The tagger reads the Spanish name as a person's; "…, a regional aid group that …" says otherwise, and
    // the other article, which says nothing of it and drops the plural, names the same group.
    let a = analyze(&[
        (
            "shelter.txt",
            "Shelter opens\n\nVolunteers from Hermanos Sin Muros, a regional aid group that runs shelters, handed \
             out blankets on Friday.",
        ),
        (
            "blankets.txt",
            "Blankets for the cold\n\nThe blankets came from Hermano Sin Muros, volunteers said. \"We will stay all \
             winter,\" said Lucia Ortega, who leads Hermanos Sin Muros.",
        ),
    ]);
    let group = named(&a, EntityKind::Organization, "Hermanos Sin Muros");
    assert!(group.mentions.iter().any(|m| m.text == "Hermano Sin Muros"), "{group:?}");
    assert_eq!(names(&a, EntityKind::Person), ["Lucia Ortega"]);
}

#[test]
fn a_two_word_name_set_apart_as_a_group_is_an_organization_in_the_other_article_too() {
    let a = analyze(&[
        (
            "clinic.txt",
            "Clinic opens\n\nLawyers from Ayuda Vecinal, a legal aid group that works at the border, opened a \
             clinic on Friday.",
        ),
        (
            "queue.txt",
            "Long queue at the clinic\n\nHundreds waited outside on Saturday, Ayuda Vecinal said. \"We saw \
             ninety families,\" Ayuda Vecinal told reporters.",
        ),
    ]);
    let group = named(&a, EntityKind::Organization, "Ayuda Vecinal");
    assert_eq!(group.mentions.iter().filter(|m| m.article == "queue").count(), 2, "{group:?}");
    assert!(names(&a, EntityKind::Person).is_empty(), "{:?}", names(&a, EntityKind::Person));
}

#[test]
fn the_name_after_the_head_of_a_union_is_the_head() {
    let a = analyze(&[(
        "strike.txt",
        "Strike called\n\nThe head of the national dockworkers union, Andreas Kostopoulos, said the strike would \
         last two days. Kostopoulos spoke in Piraeus.",
    )]);
    let head = named(&a, EntityKind::Person, "Andreas Kostopoulos");
    assert!(head.mentions.iter().any(|m| m.text == "Kostopoulos"), "{head:?}");
    assert!(names(&a, EntityKind::Organization).is_empty(), "{:?}", names(&a, EntityKind::Organization));
}

#[test]
fn a_company_keeps_its_name_when_a_person_shares_its_first_word() {
    // One "Mr. Corvane" ties the word to a person the tagger found ("Corvane Halden"); the company the tagger
    // read in every other "Corvane" keeps them.
    let a = analyze(&[(
        "chips.txt",
        "Chip maker buys server start-up\n\nCorvane said on Tuesday it would buy Saltmarsh for $300 million. \
         Corvane has sold servers for a decade, and the deal gives Corvane a low-power design. Shares of Corvane \
         rose 3 percent. Mr. Corvane declined to comment. Analysts said Corvane paid a fair price. Saltmarsh \
         servers had used chips from Corvane Halden, who designed the first of them.",
    )]);
    let company = named(&a, EntityKind::Organization, "Corvane");
    assert!(company.mentions.len() >= 5, "{company:?}");
}
