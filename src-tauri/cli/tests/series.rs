//! `roundtable series …`: create, update one field, list, show its stops, delete.

mod common;
use common::{Plan, list};

#[test]
fn a_series_is_created_updated_in_one_field_listed_and_deleted() {
    let plan = Plan::with_event();
    let series = plan.json(&["series", "create", "--title", "Dialogues 2026", "--description", "ASEAN capitals"]);
    let updated = plan.json(&["series", "update", "Dialogues", "--description", "Six capitals"]);
    assert_eq!((updated["id"].clone(), updated["title"].as_str()), (series["id"].clone(), Some("Dialogues 2026")));
    assert_eq!(updated["description"], "Six capitals");
    plan.json(&["event", "update", "Regional dialogue", "--series", "Dialogues 2026"]);
    let shown = plan.json(&["series", "show", "Dialogues 2026"]);
    assert_eq!(shown["stops"][0]["title"], "Regional dialogue");
    assert_eq!(list(&plan.json(&["series", "list"])).len(), 1);
    plan.json(&["series", "delete", "Dialogues 2026"]);
    assert_eq!(plan.json(&["series", "list"]), serde_json::json!([]));
    assert_eq!(
        plan.json(&["event", "show", "Regional dialogue"])["overview"]["event"]["series_id"],
        serde_json::Value::Null
    );
}
