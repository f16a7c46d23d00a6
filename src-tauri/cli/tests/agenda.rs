//! `roundtable day …` and `session …`: days and their themes, sessions
//! created, changed in one field, moved (keeping their duration), deleted.

mod common;
use common::{Plan, id, list};

#[test]
fn a_day_is_added_given_a_theme_listed_and_deleted() {
    let plan = Plan::with_event();
    plan.json(&["day", "delete", "2026-09-23", "--event", "Regional dialogue"]);
    let day =
        plan.json(&["day", "add", "--event", "Regional dialogue", "--date", "2026-09-23", "--theme", "Partnerships"]);
    let updated = plan.json(&[
        "day",
        "update",
        "Partnerships",
        "--event",
        "Regional dialogue",
        "--theme",
        "Areas of cooperation",
    ]);
    assert_eq!((id(&updated), updated["date"].as_str()), (id(&day), Some("2026-09-23")));
    let error = plan.fails(&["day", "add", "--event", "Regional dialogue", "--date", "2026-12-01"]);
    assert_eq!(error["field"], "date");
    plan.json(&["day", "delete", "2026-09-22", "--event", "Regional dialogue"]);
    assert_eq!(list(&plan.json(&["day", "list", "--event", "Regional dialogue"])).len(), 2);
    assert_eq!(list(&plan.json(&["day", "fill", "--event", "Regional dialogue"])).len(), 3);
}

fn add_session(plan: &Plan, title: &str, date: &str, start: &str, end: &str) -> serde_json::Value {
    add_session_with(plan, title, (date, start, end), &[])
}

/// A session with more flags (`--speaker NAME`…).
fn add_session_with(
    plan: &Plan,
    title: &str,
    (date, start, end): (&str, &str, &str),
    more: &[&str],
) -> serde_json::Value {
    let args = ["session", "add", "--event", "Regional dialogue", "--date", date, "--start", start, "--end", end];
    plan.json(&[&args[..], &["--title", title], more].concat())
}

#[test]
fn a_session_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    plan.json(&["participant", "add", "--event", "Regional dialogue", "--delegation", "ID", "--family-name", "Rahma"]);
    let opening = plan.json(&[
        "session",
        "add",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-21",
        "--start",
        "09:00",
        "--end",
        "10:00",
        "--title",
        "Opening",
        "--kind",
        "opening",
        "--speaker",
        "Rahma",
    ]);
    assert_eq!(opening["conflicts"], serde_json::json!([]));
    let updated = plan.json(&["session", "update", "Opening", "--event", "Regional dialogue", "--room", "Plenary"]);
    assert_eq!(
        (id(&updated), updated["room"].as_str(), updated["kind"].as_str()),
        (id(&opening), Some("Plenary"), Some("opening"))
    );
    assert_eq!(updated["people"][0]["role"], "speaker", "the speaker is kept");
    plan.json(&[
        "participant",
        "add",
        "--event",
        "Regional dialogue",
        "--delegation",
        "ID",
        "--family-name",
        "Santoso",
    ]);
    let chaired = plan.json(&["session", "update", "Opening", "--event", "Regional dialogue", "--chair", "Santoso"]);
    let roles: Vec<_> = chaired["people"].as_array().unwrap().iter().map(|p| p["role"].as_str().unwrap()).collect();
    assert_eq!(roles.len(), 2, "a chair added beside the speaker: {roles:?}");
    add_session(&plan, "Panel", "2026-09-22", "11:00", "12:00");
    let day_two = plan.json(&["session", "list", "--event", "Regional dialogue", "--date", "2026-09-22"]);
    assert_eq!(list(&day_two).len(), 1);
    plan.json(&["session", "delete", "Opening", "--event", "Regional dialogue"]);
    assert_eq!(list(&plan.json(&["session", "list", "--event", "Regional dialogue"])).len(), 1);
}

#[test]
fn a_session_moves_to_another_day_and_keeps_its_duration() {
    let plan = Plan::with_event();
    let panel = add_session(&plan, "Panel", "2026-09-21", "09:00", "10:30");
    let moved = plan.json(&[
        "session",
        "move",
        "Panel",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-22",
        "--start",
        "14:00",
    ]);
    assert_eq!(id(&moved), id(&panel));
    assert_eq!(
        (moved["date"].as_str(), moved["start_time"].as_str(), moved["end_time"].as_str()),
        (Some("2026-09-22"), Some("14:00:00"), Some("15:30:00"))
    );
    let resized =
        plan.json(&["session", "move", "Panel", "--event", "Regional dialogue", "--start", "15:00", "--end", "15:45"]);
    assert_eq!((resized["date"].as_str(), resized["end_time"].as_str()), (Some("2026-09-22"), Some("15:45:00")));
    let error = plan.fails(&["session", "move", "Panel", "--event", "Regional dialogue", "--start", "23:30"]);
    assert_eq!(error["field"], "end_time");
    let error = plan.fails(&[
        "session",
        "move",
        "Panel",
        "--event",
        "Regional dialogue",
        "--date",
        "2027-01-01",
        "--start",
        "09:00",
    ]);
    assert_eq!(error["field"], "date");
    assert_eq!(
        plan.json(&["session", "show", "Panel", "--event", "Regional dialogue"]),
        resized
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.remove("conflicts");
                serde_json::Value::Object(o)
            })
            .unwrap(),
        "the refused moves changed nothing"
    );
    assert_eq!(list(&plan.json(&["day", "list", "--event", "Regional dialogue"])).len(), 3, "no day was added");
}

#[test]
fn a_clash_is_reported_when_a_session_moves_onto_another() {
    let plan = Plan::with_event();
    plan.json(&["participant", "add", "--event", "Regional dialogue", "--delegation", "ID", "--family-name", "Rahma"]);
    plan.json(&[
        "session",
        "add",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-21",
        "--start",
        "09:00",
        "--end",
        "10:00",
        "--title",
        "Opening",
        "--speaker",
        "Rahma",
    ]);
    plan.json(&[
        "session",
        "add",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-21",
        "--start",
        "11:00",
        "--end",
        "12:00",
        "--title",
        "Panel",
        "--speaker",
        "Rahma",
    ]);
    let moved = plan.json(&["session", "move", "Panel", "--event", "Regional dialogue", "--start", "09:30"]);
    assert_eq!(moved["conflicts"][0]["kind"], "person_double_booked", "{moved}");
}

#[test]
fn a_refused_session_takes_back_the_day_added_for_it() {
    let plan = Plan::with_event();
    add_session(&plan, "Panel", "2026-09-21", "09:00", "10:00");
    plan.json(&["day", "delete", "2026-09-23", "--event", "Regional dialogue"]);
    let error = plan.fails(&[
        "session",
        "update",
        "Panel",
        "--event",
        "Regional dialogue",
        "--date",
        "2026-09-23",
        "--start",
        "11:00",
        "--end",
        "10:00",
    ]);
    assert_eq!(error["kind"], "validation", "{error}");
    let days = plan.json(&["day", "list", "--event", "Regional dialogue"]);
    assert_eq!(
        list(&days).iter().map(|d| d["date"].as_str().unwrap()).collect::<Vec<_>>(),
        ["2026-09-21", "2026-09-22"]
    );
    assert_eq!(plan.json(&["session", "show", "Panel", "--event", "Regional dialogue"])["date"], "2026-09-21");
}

#[test]
fn a_panel_of_men_is_a_readiness_item_until_the_event_switches_the_check_off() {
    let plan = Plan::with_event();
    for family_name in ["Santoso", "Wibowo"] {
        let args = ["--delegation", "ID", "--family-name", family_name, "--gender", "male"];
        plan.json(&[&["participant", "add", "--event", "Regional dialogue"][..], &args].concat());
    }
    let speakers = ["--speaker", "Santoso", "--speaker", "Wibowo"];
    let panel = add_session_with(&plan, "Labour mobility", ("2026-09-21", "10:00", "11:00"), &speakers);
    let single = |plan: &Plan| -> Vec<serde_json::Value> {
        let items = plan.json(&["event", "readiness", "Regional dialogue"]);
        list(&items).iter().filter(|i| i["kind"] == "single_gender_panel").cloned().collect()
    };
    let flagged = single(&plan);
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert_eq!(flagged[0]["target_id"], panel["id"]);
    assert!(flagged[0]["message"].as_str().unwrap().contains("all 2 speakers are men"), "{flagged:?}");

    let off = plan.json(&["event", "panel-balance", "Regional dialogue", "off"]);
    assert_eq!(off["check_panel_balance"], false);
    assert!(single(&plan).is_empty());
    assert!(plan.ok(&["event", "panel-balance", "Regional dialogue", "on"]).contains("are flagged"));
    assert_eq!(single(&plan).len(), 1);
}
