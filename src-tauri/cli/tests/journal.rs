//! `roundtable undo`, `redo`, `history`, `whoami` and `plan id`: the change
//! journal from a script, each action of a script one undo step as in the window.

mod common;

use common::{Plan, list};

#[test]
fn a_script_undoes_and_redoes_whole_actions() {
    let plan = Plan::new();
    assert!(plan.ok(&["undo"]).contains("Nothing to undo."));
    plan.json(&["example", "load"]);
    let events = || list(&plan.json(&["event", "list"])).len();
    assert_eq!(events(), 3);
    plan.json(&["event", "delete", "Migrant Protection"]);
    assert_eq!(events(), 2);

    let undone = plan.json(&["undo"]);
    let summary = undone["step"]["summary"].as_str().unwrap();
    assert!(summary.starts_with("Deleted event High-level Regional Dialogue"), "{undone}");
    assert!(undone["id"].is_u64(), "{undone}");
    assert_eq!(events(), 3);
    assert!(plan.ok(&["redo"]).starts_with("Redid: Deleted event High-level Regional Dialogue"));
    assert_eq!(events(), 2);
    plan.ok(&["undo"]);
    plan.ok(&["undo"]);
    assert_eq!(events(), 0, "the second undo takes the examples back");
    assert!(plan.ok(&["undo"]).contains("Nothing to undo."));
}

#[test]
fn history_lists_actions_and_a_record_changes_with_who_made_them() {
    let plan = Plan::new();
    let me = plan.json(&["whoami", "--name", "Ana Reyes", "--organisation", "IOM Thailand"]);
    assert_eq!((me["name"].as_str(), me["organisation"].as_str()), (Some("Ana Reyes"), Some("IOM Thailand")));
    assert!(plan.ok(&["whoami"]).starts_with("You are Ana Reyes (IOM Thailand)"), "kept for the next run");
    let event = plan.json(&common::REGIONAL_DIALOGUE);
    let id = event["id"].as_str().unwrap().to_owned();
    plan.json(&["event", "update", &id, "--venue", "UNCC"]);

    let activity = plan.json(&["history"]);
    let actions = list(&activity);
    assert_eq!(actions.len(), 2, "{activity}");
    assert_eq!(actions[0]["summary"], "Changed venue of event Regional dialogue", "{activity}");
    assert_eq!(actions[0]["who"], "Ana Reyes (IOM Thailand)");
    assert!(actions.iter().all(|a| a["id"].is_string()));

    let record = plan.json(&["history", "--record", &id]);
    let changes = list(&record);
    assert_eq!(changes.len(), 2, "the insert and the venue: {record}");
    assert_eq!((changes[0]["field"].as_str(), changes[0]["value"].as_str()), (Some("venue"), Some("UNCC")));
    assert!(
        plan.ok(&["history", "--record", &id]).contains("Changed venue of event Regional dialogue: (empty) → UNCC")
    );
    assert!(plan.ok(&["history", "--who", "someone else"]).contains("No changes."));

    let refused = plan.fails(&["whoami", "--name", "  "]);
    assert_eq!(refused["field"], "name", "{refused}");
}

#[test]
fn a_plan_and_its_copy_share_their_id() {
    let plan = Plan::new();
    plan.json(&["example", "load"]);
    let id = plan.json(&["plan", "id"])["id"].as_str().unwrap().to_owned();
    assert_eq!(plan.ok(&["plan", "id"]).trim(), id);
    let copy = plan.db.with_file_name("copy.rtplan");
    plan.json(&["plan", "copy", copy.to_str().unwrap()]);
    let copied = common::roundtable_on(&copy).args(["plan", "id"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&copied.stdout).trim(), id);
}

#[test]
fn two_laptops_sync_through_a_folder_and_decide_a_disagreement() {
    let (ana, ben) = (Plan::with_event(), Plan::new());
    let team = tempfile::tempdir().unwrap();
    let folder = team.path().to_str().unwrap();
    assert!(ana.ok(&["sync", "--folder", folder]).contains("change(s) shared"));
    let joined = ben.json(&["sync", "--folder", folder]);
    assert!(joined["sync"]["merged"]["received"].as_u64().unwrap() > 0, "{joined}");
    assert_eq!(ben.json(&["plan", "id"]), ana.json(&["plan", "id"]), "the newcomer adopts the folder's plan");
    assert_eq!(list(&ben.json(&["delegation", "list", "--event", "Regional dialogue"])).len(), 1);

    ana.json(&["delegation", "update", "ID", "--event", "Regional dialogue", "--quota", "4"]);
    ben.json(&["delegation", "update", "ID", "--event", "Regional dialogue", "--quota", "6"]);
    ana.ok(&["sync"]);
    assert!(ben.ok(&["sync"]).contains("1 disagreement(s) to decide"), "the folder is remembered");
    ana.ok(&["sync"]);
    let listed = ana.json(&["disagreement", "list"]);
    assert_eq!(list(&listed).len(), 1, "{listed}");
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    assert!(ben.ok(&["disagreement", "list"]).contains("--keep 1"));
    let refused = ana.fails(&["disagreement", "resolve", &id, "--value", "four"]);
    assert_eq!(refused["field"], "value", "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("a whole number"), "{refused}");
    ana.json(&["disagreement", "resolve", &id, "--value", "5"]);
    ana.ok(&["sync"]);
    ben.ok(&["sync"]);
    assert!(ben.ok(&["disagreement", "list"]).contains("No disagreements."));
    let quota = |plan: &Plan| plan.json(&["delegation", "show", "ID", "--event", "Regional dialogue"])["quota"].clone();
    assert_eq!((quota(&ana), quota(&ben)), (serde_json::json!(5), serde_json::json!(5)));
}

#[test]
fn a_sync_without_a_folder_says_how_to_give_one() {
    let plan = Plan::new();
    let refused = plan.fails(&["sync"]);
    assert_eq!(refused["field"], "path", "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("--folder"), "{refused}");
}

#[test]
fn two_organisations_of_one_name_are_merged_into_one_from_a_script() {
    let (ana, ben) = (Plan::with_event(), Plan::new());
    let team = tempfile::tempdir().unwrap();
    let folder = team.path().to_str().unwrap();
    ana.ok(&["sync", "--folder", folder]);
    ben.ok(&["sync", "--folder", folder]);
    ana.json(&["organisation", "create", "--name", "IOM"]);
    ben.json(&["organisation", "create", "--name", "IOM"]);
    for plan in [&ana, &ben, &ana] {
        plan.ok(&["sync"]);
    }
    let shown = ben.ok(&["disagreement", "list"]);
    assert!(shown.contains("held back. Another record already has the same name"), "{shown}");
    assert!(shown.contains("--keep 0: merge into IOM") && shown.contains("--value NAME: keep both"), "{shown}");
    let id = list(&ben.json(&["disagreement", "list"]))[0]["id"].as_str().unwrap().to_owned();
    ben.json(&["disagreement", "resolve", &id, "--keep", "0"]);
    ben.ok(&["sync"]);
    ana.ok(&["sync"]);
    for plan in [&ana, &ben] {
        assert!(plan.ok(&["disagreement", "list"]).contains("No disagreements."));
        assert_eq!(list(&plan.json(&["organisation", "list"])).len(), 1);
    }
}

#[test]
fn compaction_folds_away_what_was_typed_over_and_keeps_the_plan() {
    let plan = Plan::with_event();
    for quota in 1..=5 {
        plan.json(&["delegation", "update", "ID", "--event", "Regional dialogue", "--quota", &quota.to_string()]);
    }
    assert_eq!(plan.json(&["plan", "compact"])["folded"], 0, "within the period nothing goes");
    let folded = plan.json(&["plan", "compact", "--older-than-days", "0"])["folded"].as_u64().unwrap();
    assert!(folded >= 4, "four quotas typed over, {folded} folded");
    let quota = plan.json(&["delegation", "show", "ID", "--event", "Regional dialogue"])["quota"].clone();
    assert_eq!(quota, serde_json::json!(5));
    assert!(plan.ok(&["plan", "compact", "--older-than-days", "0"]).contains("Folded away 0 change(s)"));
}
