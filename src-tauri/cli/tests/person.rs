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

#[test]
fn an_erased_person_is_gone_from_the_plan_file_and_retention_is_set_and_shown() {
    let plan = Plan::with_event();
    plan.ok(&[
        "participant",
        "add",
        "--event",
        "Regional dialogue",
        "--delegation",
        "Indonesia",
        "--family-name",
        "Anggraini",
        "--given-name",
        "Dewi",
        "--email",
        "dewi.anggraini@kemlu.go.id",
    ]);
    let erased = plan.json(&["person", "erase", "Anggraini"]);
    assert_eq!(erased["seats_kept_anonymous"], 1, "{erased}");
    assert_eq!(erased["file_cleared"], true, "{erased}");
    let bytes = std::fs::read(&plan.db).unwrap();
    assert!(!bytes.windows(9).any(|w| w == b"anggraini"), "the plan file still holds the name");
    let listed = plan.ok(&["participant", "list", "--event", "Regional dialogue"]);
    assert!(listed.contains("Erased participant") && !listed.contains("Anggraini"), "{listed}");
    let again = plan.fails(&["person", "erase", "Erased participant"]);
    assert!(again["message"].as_str().unwrap().contains("already been erased"), "{again}");

    assert!(plan.ok(&["plan", "retention"]).contains("retention is off"));
    let set = plan.json(&["plan", "retention", "--months", "24"]);
    assert_eq!(set["months"], 24, "{set}");
    let refused = plan.fails(&["plan", "retention", "--months", "0"]);
    assert_eq!(refused["field"], "retention_months", "{refused}");
    assert!(plan.ok(&["plan", "retention", "--off"]).contains("retention is off"));
}
