//! `roundtable backup …`: a script (or an organiser at a terminal) sees the
//! plan's backups, takes one, and restores one over the plan or into a new
//! file, with the plan's state checked before and after.

mod common;

use common::{Plan, list};

fn event_titles(plan: &Plan) -> Vec<String> {
    let events = plan.json(&["event", "list"]);
    list(&events).iter().map(|e| e["title"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_deleted_event_comes_back_from_the_backup_taken_before_the_delete() {
    let plan = Plan::with_event();
    plan.ok(&["event", "delete", "Regional dialogue"]);
    assert!(event_titles(&plan).is_empty());

    let backups = plan.json(&["backup", "list"]);
    let before_delete =
        list(&backups).iter().find(|b| b["reason"] == "before_delete").expect("a backup before the delete");
    assert_eq!(before_delete["events"], 1, "{before_delete}");
    let name = before_delete["id"].as_str().unwrap();

    let restored = plan.json(&["backup", "restore", name]);
    assert_eq!(restored["before_restore"]["events"], 0, "{restored}");
    assert_eq!(event_titles(&plan), ["Regional dialogue"]);

    // The restore is undone by the backup it took of the plan first.
    let undo = restored["before_restore"]["file"].as_str().unwrap();
    plan.ok(&["backup", "restore", undo]);
    assert!(event_titles(&plan).is_empty());
}

#[test]
fn a_backup_taken_on_request_restores_into_a_new_plan_and_a_missing_one_is_an_error() {
    let plan = Plan::with_event();
    let taken = plan.json(&["backup", "create"]);
    assert_eq!((taken["reason"].as_str(), taken["events"].as_u64()), (Some("requested"), Some(1)));
    plan.ok(&[
        "event",
        "create",
        "--title",
        "Second stop",
        "--city",
        "Hanoi",
        "--country",
        "VN",
        "--time-zone",
        "Asia/Bangkok",
        "--start",
        "2026-11-02",
        "--end",
        "2026-11-03",
    ]);

    let copy = plan.db.with_file_name("restored.plan");
    let name = taken["id"].as_str().unwrap();
    plan.ok(&["backup", "restore", name, "--into", copy.to_str().unwrap()]);
    let restored = rusqlite::Connection::open(&copy).unwrap();
    let title: String = restored.query_row("SELECT title FROM event", [], |r| r.get(0)).unwrap();
    assert_eq!(title, "Regional dialogue");
    assert_eq!(event_titles(&plan).len(), 2, "the plan itself is left as it is");

    let error = plan.fails(&["backup", "restore", "20200101T000000.000Z-requested.plan"]);
    assert_eq!(error["kind"], "not_found", "{error}");
    let error = plan.fails(&["backup", "restore", name, "--into", copy.to_str().unwrap()]);
    assert!(error["message"].as_str().unwrap().contains("already exists"), "{error}");
}
