//! `roundtable event …`: create, update one field, list, delete; status,
//! readiness, duplicate as next stop, and names that match several events.

mod common;
use common::{Plan, id, list};
use serde_json::Value;

#[test]
fn an_event_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let updated = plan.json(&["event", "update", "Regional dialogue", "--venue", "UNCC"]);
    assert_eq!(updated["venue"], "UNCC");
    assert_eq!(
        (updated["title"].as_str(), updated["host_city"].as_str()),
        (Some("Regional dialogue"), Some("Bangkok"))
    );
    assert_eq!(updated["end_date"], "2026-09-23", "the dates are kept");
    let events = plan.json(&["event", "list"]);
    assert_eq!(list(&events).len(), 1);
    assert_eq!(list(&plan.json(&["day", "list", "--event", "Regional dialogue"])).len(), 3, "a day per date");
    let gone = plan.json(&["event", "delete", "Regional dialogue"]);
    assert_eq!((gone["id"].clone(), gone["deleted"].as_bool()), (events[0]["id"].clone(), Some(true)));
    assert_eq!(plan.json(&["event", "list"]), serde_json::json!([]));
}

#[test]
fn a_refused_update_leaves_the_event_as_it_was() {
    let plan = Plan::with_event();
    let before = plan.json(&["event", "show", "Regional dialogue"]);
    let error = plan.fails(&["event", "update", "Regional dialogue", "--title", "New title", "--end", "2026-02-30"]);
    assert_eq!((error["kind"].as_str(), error["field"].as_str()), (Some("validation"), Some("end_date")));
    let error = plan.fails(&["event", "update", "Regional dialogue", "--format", "banquet"]);
    assert_eq!(error["field"], "format");
    assert_eq!(plan.json(&["event", "show", "Regional dialogue"]), before);
}

#[test]
fn a_new_series_is_kept_only_with_its_event() {
    let plan = Plan::with_event();
    let refused = |args: &[&str]| {
        let error = plan.fails(args);
        assert_eq!(error["field"], "end_date");
    };
    refused(&["event", "update", "Regional dialogue", "--series", "Dialogues 2026", "--end", "2026-09-01"]);
    refused(&[
        "event",
        "create",
        "--title",
        "Winter school",
        "--city",
        "Hanoi",
        "--country",
        "VN",
        "--time-zone",
        "Asia/Ho_Chi_Minh",
        "--start",
        "2027-01-04",
        "--end",
        "2027-01-01",
        "--series",
        "Winter schools",
    ]);
    assert_eq!(plan.json(&["series", "list"]), serde_json::json!([]), "a refused event leaves no series behind");
    let moved = plan.json(&["event", "update", "Regional dialogue", "--series", "Dialogues 2026"]);
    let series = list(&plan.json(&["series", "list"]))[0].clone();
    assert_eq!((moved["series_id"].clone(), series["title"].as_str()), (series["id"].clone(), Some("Dialogues 2026")));
}

#[test]
fn status_follows_the_lifecycle() {
    let plan = Plan::with_event();
    assert_eq!(plan.json(&["event", "status", "Regional dialogue", "planned"])["status"], "planned");
    let error = plan.fails(&["event", "status", "Regional dialogue", "reported"]);
    assert_eq!(error["kind"], "invalid_transition", "{error}");
    assert_eq!(plan.json(&["event", "show", "Regional dialogue"])["overview"]["event"]["status"], "planned");
}

#[test]
fn readiness_lists_items_with_an_id_and_a_kind() {
    let plan = Plan::with_event();
    let items = plan.json(&["event", "readiness", "Regional dialogue"]);
    let kinds: Vec<&str> = list(&items).iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"no_agenda") && kinds.contains(&"delegation_without_head"), "{kinds:?}");
    let ids: std::collections::HashSet<&str> =
        items.as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), kinds.len(), "ids are unique");
    let text = plan.ok(&["event", "readiness", "Regional dialogue"]);
    assert!(text.contains("Indonesia has no head of delegation"), "{text}");
}

#[test]
fn duplicate_makes_the_next_stop_with_the_delegations() {
    let plan = Plan::with_event();
    let next = plan.json(&[
        "event",
        "duplicate",
        "Regional dialogue",
        "--title",
        "Regional dialogue II",
        "--city",
        "Jakarta",
        "--country",
        "ID",
        "--time-zone",
        "Asia/Jakarta",
        "--start",
        "2027-03-01",
    ]);
    assert_eq!((next["start_date"].as_str(), next["end_date"].as_str()), (Some("2027-03-01"), Some("2027-03-03")));
    let delegations = plan.json(&["delegation", "list", "--event", &id(&next)]);
    assert_eq!(list(&delegations)[0]["name"], "Indonesia");
}

#[test]
fn a_next_stop_onto_the_same_city_and_dates_needs_allow_same_stop_and_copied_texts_can_be_left_out() {
    let plan = Plan::with_event();
    plan.json(&[
        "session",
        "create",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-21",
        "--start",
        "09:00",
        "--end",
        "10:00",
        "--title",
        "Opening by the Thai ministry",
        "--kind",
        "opening",
    ]);
    let twin = [
        "event",
        "duplicate",
        "Regional dialogue",
        "--title",
        "Regional dialogue (copy)",
        "--city",
        "Bangkok",
        "--country",
        "TH",
        "--time-zone",
        "Asia/Bangkok",
        "--start",
        "2026-09-22",
        "--copied-texts",
        "leave_out",
    ];
    let error = plan.fails(&twin);
    assert_eq!(
        (error["kind"].as_str(), error["field"].as_str()),
        (Some("duplicate"), Some("allow_same_stop")),
        "{error}"
    );
    assert!(error["message"].as_str().unwrap().contains("Regional dialogue (21–23 Sep 2026)"), "{error}");

    let copy = plan.json(&[&twin[..], &["--allow-same-stop"]].concat());
    let sessions = plan.json(&["session", "list", "--event", &id(&copy)]);
    let opening = &list(&sessions)[0];
    assert_eq!((opening["title"].as_str(), opening["needs_review"].as_bool()), (Some("Opening"), Some(true)));
    plan.json(&[
        "session",
        "update",
        &id(opening),
        "--event",
        &id(&copy),
        "--title",
        "Opening",
        "--needs-review",
        "false",
    ]);
    let readiness = plan.json(&["event", "readiness", &id(&copy)]);
    let to_review: Vec<&Value> = list(&readiness).iter().filter(|i| i["kind"] == "copied_text_to_review").collect();
    assert_eq!(to_review[0]["message"], "3 day themes copied from the last stop still to review", "{readiness}");

    let mut rewrite = twin.to_vec();
    *rewrite.last_mut().unwrap() = "rewrite";
    let error = plan.fails(&rewrite);
    assert_eq!(error["field"], "copied_texts", "{error}");
}

#[test]
fn a_name_that_matches_several_events_lists_them_and_a_whole_title_wins() {
    let plan = Plan::with_event();
    plan.json(&[
        "event",
        "create",
        "--title",
        "Regional dialogue on labour",
        "--city",
        "Hanoi",
        "--country",
        "VN",
        "--time-zone",
        "Asia/Ho_Chi_Minh",
        "--start",
        "2026-10-05",
        "--end",
        "2026-10-06",
    ]);
    let error = plan.fails(&["event", "show", "regional"]);
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("matches 2 events") && message.contains("Regional dialogue on labour (5 Oct 2026)"),
        "{message}"
    );
    let exact = plan.json(&["event", "show", "regional dialogue"]);
    assert_eq!(exact["overview"]["event"]["host_city"], "Bangkok");
}

#[test]
fn the_list_is_narrowed_by_search_status_and_series_as_on_the_home_screen() {
    let plan = Plan::new();
    plan.json(&["example", "load"]);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["event", "list"];
        all.extend_from_slice(args);
        list(&plan.json(&all)).iter().map(|e| e["title"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(titles(&[]).len(), 3);
    assert_eq!(titles(&["--search", "mexico"]).len(), 1, "by city");
    assert_eq!(titles(&["--series", "MIEUX"]).len(), 2);
    assert_eq!(titles(&["--status", "planned", "--series", "MIEUX"]).len(), 1);
    assert_eq!(titles(&["--search", "nowhere"]), Vec::<String>::new());
    plan.json(&[
        "event",
        "create",
        "--title",
        "Diálogo regional sobre migración",
        "--city",
        "Ciudad de México",
        "--country",
        "MX",
        "--time-zone",
        "America/Mexico_City",
        "--start",
        "2027-03-01",
        "--end",
        "2027-03-02",
    ]);
    assert_eq!(
        titles(&["--search", "DIALOGO REGIONAL"]),
        ["Diálogo regional sobre migración"],
        "accents and case aside"
    );
    assert_eq!(plan.fails(&["event", "list", "--status", "postponed"])["field"], "status");
}
