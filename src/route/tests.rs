use super::*;

#[test]
fn a_view_round_trips_through_its_query() {
    let mut v = View::default();
    v.speakers.insert("Vladimir Putin".into());
    v.speakers.insert("unnamed official (White House)".into());
    v.countries.insert("Brazil".into());
    v.article = Some("000_fb588c1a204cc496".into());
    v.q = "refugees & asylum".into();
    v.tab = Tab::Quotes;
    v.kinds = [EntityKind::Person, EntityKind::Country].into_iter().collect();
    let q = v.to_query();
    assert!(q.contains("speaker=Vladimir+Putin"), "{q}");
    assert!(q.contains("kinds=person%2Ccountry"), "{q}");
    let (back, notices) = View::from_query(&q);
    assert_eq!(back, v);
    assert!(notices.is_empty());
}

#[test]
fn the_default_view_has_an_empty_query() {
    assert_eq!(View::default().to_query(), "");
    assert_eq!(View::from_query("").0, View::default());
    assert_eq!(View::from_query("?").0, View::default());
}

#[test]
fn malformed_values_are_ignored_with_a_notice() {
    let (v, notices) = View::from_query("?view=galaxy&kinds=person,planet&foo=1&speaker=&country=Brazil&%ZZ=3");
    assert_eq!(v.tab, Tab::Reader);
    assert_eq!(v.kinds, [EntityKind::Person].into_iter().collect());
    assert_eq!(v.countries.len(), 1);
    assert!(v.speakers.is_empty());
    assert_eq!(notices.len(), 4, "{notices:?}");
    assert!(notices[0].contains("galaxy"));
}

#[test]
fn repeated_parameters_combine() {
    let (v, _) = View::from_query("country=Brazil&country=Iran&speaker=Ban+Ki-moon&speaker=Vladimir%20Putin");
    assert_eq!(v.countries.iter().map(String::as_str).collect::<Vec<_>>(), ["Brazil", "Iran"]);
    assert_eq!(v.speakers.iter().map(String::as_str).collect::<Vec<_>>(), ["Ban Ki-moon", "Vladimir Putin"]);
}

#[test]
fn story_outlet_names_and_the_matrix_order_round_trip() {
    let (v, notices) = View::from_query(
        "story=story-2&outlet=a-1:The%20Harbour%20Post&outlet=b:Radio+Nord&view=matrix&sort=outlet:Radio+Nord",
    );
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(v.story.as_deref(), Some("story-2"));
    assert_eq!(v.outlets.get("a-1").map(String::as_str), Some("The Harbour Post"));
    assert_eq!(v.tab, Tab::Matrix);
    assert_eq!(v.sort, MatrixSort::Outlet("Radio Nord".into()));
    assert_eq!(View::from_query(&v.to_query()).0, v);
    let (v, notices) = View::from_query("outlet=nocolon&sort=sideways&view=gaps");
    assert!(v.outlets.is_empty());
    assert_eq!(v.sort, MatrixSort::Total);
    assert_eq!(v.tab, Tab::Gaps);
    assert_eq!(notices.len(), 2, "{notices:?}");
}

#[test]
fn corrections_round_trip_through_the_link_in_the_issue_s_words() {
    let q = "assign=a1-q3:person:vladimir-putin&assign=a2-q0:~Maria%20Zakharova&merge=person:barack-obama+person:obama\
             &split=person:john-kerry:Mr%20Kerry&rename=organization:un:United%20Nations&drop=organization:breaking";
    let (v, notices) = View::from_query(q);
    assert!(notices.is_empty(), "{notices:?}");
    let c = &v.corrections;
    assert_eq!(c.assign.len(), 2);
    assert_eq!(c.assign[0].entity.as_deref(), Some("person:vladimir-putin"));
    assert_eq!(c.assign[1].name.as_deref(), Some("Maria Zakharova"));
    // A `+` typed into a link is a space once decoded: both separate the two ids.
    assert_eq!(c.merge, vec![["person:barack-obama".to_string(), "person:obama".to_string()]]);
    assert_eq!((c.split[0].entity.as_str(), c.split[0].alias.as_str()), ("person:john-kerry", "Mr Kerry"));
    assert_eq!((c.rename[0].entity.as_str(), c.rename[0].name.as_str()), ("organization:un", "United Nations"));
    assert_eq!(c.drop, vec!["organization:breaking".to_string()]);
    let (back, notices) = View::from_query(&v.to_query());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, v, "{}", v.to_query());
}

#[test]
fn a_correction_that_cannot_be_read_is_named_in_a_notice() {
    let (v, notices) = View::from_query("assign=nocolon&split=person:kerry&merge=person:a&rename=person:a:%20&drop=");
    assert!(v.corrections.is_empty(), "{:?}", v.corrections);
    assert_eq!(notices.len(), 5, "{notices:?}");
    assert!(notices[0].contains("assign") && notices[0].contains("QUOTE-ID"), "{}", notices[0]);
    assert!(notices[1].contains("ENTITY-ID:alias"), "{}", notices[1]);
}

#[test]
fn a_later_assignment_of_the_same_quote_replaces_the_earlier() {
    let (v, _) = View::from_query("assign=a1-q3:person:x&assign=a1-q3:~Someone%20Else");
    assert_eq!(v.corrections.assign.len(), 1);
    assert_eq!(v.corrections.assign[0].name.as_deref(), Some("Someone Else"));
}
