//! `roundtable delegation …`: create, update one field, list, delete.

mod common;
use common::{Plan, list};

#[test]
fn a_delegation_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let created = plan.json(&[
        "delegation",
        "add",
        "--event",
        "Regional dialogue",
        "--name",
        "Experts",
        "--kind",
        "expert_group",
    ]);
    let updated = plan.json(&["delegation", "update", "Experts", "--event", "Regional dialogue", "--quota", "4"]);
    assert_eq!((updated["id"].clone(), updated["quota"].as_u64()), (created["id"].clone(), Some(4)));
    assert_eq!((updated["name"].as_str(), updated["kind"].as_str()), (Some("Experts"), Some("expert_group")));
    let by_country = plan.json(&["delegation", "show", "IDN", "--event", "Regional dialogue"]);
    assert_eq!(by_country["name"], "Indonesia");
    let all = plan.json(&["delegation", "list", "--event", "Regional dialogue"]);
    assert_eq!(list(&all).iter().map(|d| d["name"].as_str().unwrap()).collect::<Vec<_>>(), ["Indonesia", "Experts"]);
    let error = plan.fails(&["delegation", "update", "Experts", "--event", "Regional dialogue", "--country", "XX"]);
    assert_eq!(error["kind"], "validation");
    plan.json(&["delegation", "delete", "Experts", "--event", "Regional dialogue"]);
    assert_eq!(list(&plan.json(&["delegation", "list", "--event", "Regional dialogue"])).len(), 1);
}

#[test]
fn a_delegations_invitation_and_nomination_are_recorded_shown_and_reminded() {
    let plan = Plan::with_event();
    plan.json(&["person", "create", "--family-name", "Santoso", "--given-name", "Budi", "--email", "budi@kemlu.go.id"]);
    let updated = plan.json(&[
        "delegation",
        "update",
        "Indonesia",
        "--event",
        "Regional dialogue",
        "--quota",
        "4",
        "--focal-point",
        "budi@kemlu.go.id",
        "--invitation-sent",
        "2026-06-01",
        "--invitation-by",
        "note_verbale",
        "--nomination-due",
        "2026-07-15",
    ]);
    assert_eq!(updated["quota"], 4);
    let workflow = &updated["workflow"];
    assert_eq!(workflow["focal_point_name"], "Budi Santoso", "{updated}");
    assert_eq!(
        (workflow["invitation_sent_on"].as_str(), workflow["invitation_channel"].as_str()),
        (Some("2026-06-01"), Some("note_verbale"))
    );
    assert_eq!(workflow["nomination_deadline"], "2026-07-15");
    let shown = plan.ok(&["delegation", "show", "Indonesia", "--event", "Regional dialogue"]);
    assert!(shown.contains("Invitation sent: 1 Jun 2026 by note verbale"), "{shown}");
    assert!(shown.contains("Focal point: Budi Santoso"), "{shown}");

    let tracker = plan.json(&["event", "tracker", "Regional dialogue"]);
    let row = &tracker["rows"][0];
    assert_eq!(
        (row["workflow"]["nomination_deadline"].as_str(), row["nomination_overdue"].as_bool()),
        (Some("2026-07-15"), Some(true)),
        "{tracker}"
    );
    let readiness = plan.json(&["event", "readiness", "Regional dialogue"]);
    let overdue: Vec<&serde_json::Value> =
        list(&readiness).iter().filter(|i| i["kind"] == "nomination_overdue").collect();
    assert_eq!(overdue.len(), 1, "{readiness}");
    assert_eq!(overdue[0]["message"], "Indonesia's nomination was due on 15 Jul 2026 and has not come");

    let refused = plan.fails(&[
        "delegation",
        "update",
        "Indonesia",
        "--event",
        "Regional dialogue",
        "--nomination-received",
        "15/07/2026",
    ]);
    assert_eq!(refused["field"], "nomination_received_on", "{refused}");
    let cleared = plan.json(&[
        "delegation",
        "update",
        "Indonesia",
        "--event",
        "Regional dialogue",
        "--focal-point",
        "",
        "--nomination-received",
        "2026-07-10",
    ]);
    assert_eq!(cleared["workflow"]["focal_point_id"], serde_json::Value::Null);
    assert_eq!(cleared["workflow"]["nomination_received_on"], "2026-07-10");
    assert_eq!(cleared["workflow"]["invitation_channel"], "note_verbale", "what was not given stays");
}
