//! `roundtable person …`: create, update one field, list with --search, delete.

mod common;
use common::{Plan, id, list};

#[test]
fn a_person_is_created_updated_in_one_field_searched_and_deleted() {
    let plan = Plan::new();
    let siti = plan.json(&[
        "person",
        "create",
        "--given-name",
        "Siti",
        "--family-name",
        "Rahma",
        "--email",
        "siti@example.org",
        "--gender",
        "female",
    ]);
    plan.json(&["person", "create", "--given-name", "Somchai", "--family-name", "Wong"]);
    let updated = plan.json(&["person", "update", "Siti Rahma", "--position", "Director-General"]);
    assert_eq!((updated["id"].clone(), updated["position"].as_str()), (siti["id"].clone(), Some("Director-General")));
    assert_eq!((updated["email"].as_str(), updated["gender"].as_str()), (Some("siti@example.org"), Some("female")));
    let found = plan.json(&["person", "list", "--search", "rahm"]);
    assert_eq!(list(&found).iter().map(|p| p["family_name"].as_str().unwrap()).collect::<Vec<_>>(), ["Rahma"]);
    assert_eq!(list(&plan.json(&["person", "list"])).len(), 2);
    let error = plan.fails(&["person", "update", "Rahma", "--email", "not an address"]);
    assert_eq!(error["field"], "email");
    assert_eq!(plan.json(&["person", "show", &id(&siti)])["email"], "siti@example.org");
    plan.json(&["person", "delete", "siti@example.org"]);
    assert_eq!(list(&plan.json(&["person", "list"])).len(), 1);
}

#[test]
fn a_terminal_escape_typed_into_a_name_is_never_stored_or_printed() {
    let plan = Plan::new();
    plan.json(&["person", "create", "--given-name", "Ana\u{1b}[2J\u{1b}[31m", "--family-name", "Costa\u{7}\r\nRed"]);
    let listed = plan.ok(&["person", "list"]);
    assert!(!listed.contains('\u{1b}') && !listed.contains('\u{7}') && !listed.contains('\r'), "{listed:?}");
    assert!(listed.contains("Ana[2J[31m Costa Red"), "{listed}");
}
