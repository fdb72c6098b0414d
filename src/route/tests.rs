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
