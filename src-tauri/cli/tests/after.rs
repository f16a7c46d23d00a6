//! `roundtable media-contact …`, `outcome …` and `follow-up …`: create,
//! update one field, list, delete.

mod common;
use common::{Plan, id, list};

#[test]
fn a_media_contact_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let kanya = plan.json(&[
        "media-contact",
        "add",
        "--event",
        "Regional dialogue",
        "--name",
        "Kanya Suk",
        "--organisation",
        "IOM Thailand",
        "--email",
        "kanya@example.org",
    ]);
    let updated =
        plan.json(&["media-contact", "update", "Kanya", "--event", "Regional dialogue", "--phone", "+66 2 343 9300"]);
    assert_eq!(
        (id(&updated), updated["phone"].as_str(), updated["email"].as_str()),
        (id(&kanya), Some("+66 2 343 9300"), Some("kanya@example.org"))
    );
    let error = plan.fails(&["media-contact", "update", "Kanya", "--event", "Regional dialogue", "--name", ""]);
    assert_eq!(error["field"], "name");
    assert_eq!(list(&plan.json(&["media-contact", "list", "--event", "Regional dialogue"]))[0]["name"], "Kanya Suk");
    plan.json(&["media-contact", "delete", "Kanya", "--event", "Regional dialogue"]);
    assert_eq!(plan.json(&["media-contact", "list", "--event", "Regional dialogue"]), serde_json::json!([]));
}

#[test]
fn an_outcome_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let outcome = plan.json(&[
        "outcome",
        "add",
        "--event",
        "Regional dialogue",
        "--country",
        "ID",
        "--summary",
        "A national action plan",
    ]);
    let updated = plan.json(&[
        "outcome",
        "update",
        "Indonesia",
        "--event",
        "Regional dialogue",
        "--summary",
        "A plan adopted in May",
    ]);
    assert_eq!((id(&updated), updated["country_code"].as_str()), (id(&outcome), Some("ID")));
    assert_eq!(
        list(&plan.json(&["outcome", "list", "--event", "Regional dialogue"]))[0]["summary"],
        "A plan adopted in May"
    );
    plan.json(&["outcome", "delete", "ID", "--event", "Regional dialogue"]);
    assert_eq!(plan.json(&["outcome", "list", "--event", "Regional dialogue"]), serde_json::json!([]));
}

#[test]
fn a_follow_up_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let action = plan.json(&[
        "follow-up",
        "add",
        "--event",
        "Regional dialogue",
        "--action",
        "Share the report",
        "--owner",
        "MIEUX",
        "--due",
        "2026-10-30",
    ]);
    let done =
        plan.json(&["follow-up", "update", "Share the report", "--event", "Regional dialogue", "--status", "done"]);
    assert_eq!(
        (id(&done), done["status"].as_str(), done["due_date"].as_str()),
        (id(&action), Some("done"), Some("2026-10-30"))
    );
    let error = plan.fails(&["follow-up", "update", "report", "--event", "Regional dialogue", "--due", "soon"]);
    assert_eq!(error["field"], "due_date");
    assert_eq!(list(&plan.json(&["follow-up", "list", "--event", "Regional dialogue"]))[0]["owner"], "MIEUX");
    plan.json(&["follow-up", "delete", "report", "--event", "Regional dialogue"]);
    assert_eq!(plan.json(&["follow-up", "list", "--event", "Regional dialogue"]), serde_json::json!([]));
}
