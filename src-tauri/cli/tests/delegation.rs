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
