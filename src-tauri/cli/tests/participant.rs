//! `roundtable participant …`: register, update one field, list with
//! filters, remove; the bulk status change, the role change, and names that
//! match several participants.

mod common;
use common::{Plan, id, list};

fn register(plan: &Plan, given: &str, family: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "participant",
        "add",
        "--event",
        "Regional dialogue",
        "--delegation",
        "Indonesia",
        "--given-name",
        given,
        "--family-name",
        family,
    ];
    args.extend_from_slice(extra);
    plan.json(&args)
}

#[test]
fn a_participant_is_registered_updated_in_one_field_listed_and_removed() {
    let plan = Plan::with_event();
    let added = register(&plan, "Siti", "Rahma", &["--role", "head", "--status", "confirmed", "--visa-letter"]);
    let updated = plan.json(&[
        "participant",
        "update",
        "Siti Rahma",
        "--event",
        "Regional dialogue",
        "--arrival",
        "2026-09-20 14:30",
    ]);
    assert_eq!(id(&updated), id(&added));
    assert_eq!(updated["participant"]["arrival"], "2026-09-20T14:30:00");
    let kept = &updated["participant"];
    assert_eq!(
        (kept["role"].as_str(), kept["status"].as_str(), kept["visa_letter_needed"].as_bool()),
        (Some("head"), Some("confirmed"), Some(true))
    );
    let renamed =
        plan.json(&["participant", "update", "Rahma", "--event", "Regional dialogue", "--position", "Minister"]);
    assert_eq!(
        (renamed["person"]["position"].as_str(), renamed["person"]["given_name"].as_str()),
        (Some("Minister"), Some("Siti"))
    );
    let visa = plan.json(&["participant", "update", "Rahma", "--event", "Regional dialogue", "--visa-letter", "no"]);
    assert_eq!(visa["participant"]["visa_letter_needed"], false);

    register(&plan, "Budi", "Santoso", &[]);
    let all = plan.json(&["participant", "list", "--event", "Regional dialogue"]);
    assert_eq!(list(&all).len(), 2);
    let found = plan.json(&["participant", "list", "--event", "Regional dialogue", "--search", "sant"]);
    assert_eq!(
        list(&found).iter().map(|p| p["person"]["family_name"].as_str().unwrap()).collect::<Vec<_>>(),
        ["Santoso"]
    );
    let heads = plan.json(&["participant", "list", "--event", "Regional dialogue", "--role", "head"]);
    assert_eq!(list(&heads).len(), 1);

    let gone = plan.json(&["participant", "remove", "Santoso", "--event", "Regional dialogue"]);
    assert_eq!(gone["deleted"], true);
    assert_eq!(list(&plan.json(&["participant", "list", "--event", "Regional dialogue"])).len(), 1);
    assert_eq!(list(&plan.json(&["person", "list", "--search", "Santoso"])).len(), 1, "the person stays in the plan");
}

#[test]
fn a_participant_is_named_without_accents_or_case_as_search_finds_them() {
    let plan = Plan::with_event();
    register(&plan, "Thị Hương", "Nguyễn", &[]);
    let updated =
        plan.json(&["participant", "update", "nguyen", "--event", "regional dialogue", "--position", "Director"]);
    assert_eq!(
        (updated["person"]["family_name"].as_str(), updated["person"]["position"].as_str()),
        (Some("Nguyễn"), Some("Director"))
    );
}

#[test]
fn a_refused_update_leaves_the_participant_and_the_person_as_they_were() {
    let plan = Plan::with_event();
    register(&plan, "Siti", "Rahma", &["--role", "head"]);
    register(&plan, "Budi", "Santoso", &[]);
    let before = plan.json(&["participant", "show", "Santoso", "--event", "Regional dialogue"]);
    let error = plan.fails(&[
        "participant",
        "update",
        "Santoso",
        "--event",
        "Regional dialogue",
        "--family-name",
        "Santosa",
        "--role",
        "head",
    ]);
    assert_eq!(error["kind"], "duplicate", "{error}");
    assert_eq!(plan.json(&["participant", "show", &id(&before), "--event", "Regional dialogue"]), before);
}

#[test]
fn status_is_set_in_bulk_by_names_or_by_delegation() {
    let plan = Plan::with_event();
    for family in ["Rahma", "Santoso", "Wijaya"] {
        register(&plan, "", family, &[]);
    }
    let changed =
        plan.json(&["participant", "status", "Rahma", "Santoso", "confirmed", "--event", "Regional dialogue"]);
    let statuses: Vec<_> = list(&changed).iter().map(|p| p["participant"]["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["confirmed", "confirmed"]);
    let all = plan.json(&["participant", "status", "attended", "--event", "Regional dialogue", "--delegation", "ID"]);
    assert_eq!(list(&all).len(), 3);
    let error = plan.fails(&["participant", "status", "Rahma", "nobody", "declined", "--event", "Regional dialogue"]);
    assert_eq!(error["kind"], "not_found");
    let attended = plan.json(&["participant", "list", "--event", "Regional dialogue", "--status", "attended"]);
    assert_eq!(list(&attended).len(), 3, "a refused bulk change changes nobody");
}

#[test]
fn role_changes_one_field_and_a_second_head_is_refused() {
    let plan = Plan::with_event();
    register(&plan, "Siti", "Rahma", &["--status", "confirmed"]);
    register(&plan, "Budi", "Santoso", &[]);
    let head = plan.json(&["participant", "role", "Rahma", "head", "--event", "Regional dialogue"]);
    assert_eq!(
        (head["participant"]["role"].as_str(), head["participant"]["status"].as_str()),
        (Some("head"), Some("confirmed"))
    );
    let error = plan.fails(&["participant", "role", "Santoso", "head", "--event", "Regional dialogue"]);
    assert_eq!(error["kind"], "duplicate");
}

#[test]
fn a_name_shared_by_two_participants_lists_both() {
    let plan = Plan::with_event();
    let siti = register(&plan, "Siti", "Rahma", &[]);
    let dewi = register(&plan, "Dewi", "Rahma", &[]);
    let error = plan.fails(&["participant", "show", "Rahma", "--event", "Regional dialogue"]);
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("matches 2 participants") && message.contains(&id(&siti)) && message.contains(&id(&dewi)),
        "{message}"
    );
    assert_eq!(plan.json(&["participant", "show", "Dewi Rahma", "--event", "Regional dialogue"])["id"], dewi["id"]);
}

#[test]
fn an_existing_person_joins_another_event() {
    let plan = Plan::with_event();
    plan.json(&["person", "create", "--given-name", "Siti", "--family-name", "Rahma", "--email", "siti@example.org"]);
    let added = plan.json(&[
        "participant",
        "add",
        "--event",
        "Regional dialogue",
        "--delegation",
        "ID",
        "--person",
        "siti@example.org",
    ]);
    assert_eq!(added["person"]["email"], "siti@example.org");
    let error = plan.fails(&[
        "participant",
        "add",
        "--event",
        "Regional dialogue",
        "--delegation",
        "ID",
        "--person",
        "Rahma",
        "--family-name",
        "X",
    ]);
    assert_eq!(error["field"], "person_id");
}

#[test]
fn a_damaged_participant_is_left_out_of_the_list_and_named_by_plan_check() {
    let plan = Plan::with_event();
    assert!(plan.ok(&["plan", "check"]).contains("sound"));
    register(&plan, "Hendra", "Gunawan", &[]);
    register(&plan, "Wulan", "Handayani", &[]);
    let outside = rusqlite::Connection::open(&plan.db).unwrap();
    outside
        .execute(
            "UPDATE participant SET status = 'garbled' WHERE person_id =
                 (SELECT id FROM person WHERE family_name = 'Gunawan')",
            [],
        )
        .unwrap();
    drop(outside);

    let listed = plan.json(&["participant", "list", "--event", "Regional dialogue"]);
    let names: Vec<&str> = list(&listed).iter().map(|p| p["name"].as_str().unwrap_or_default()).collect();
    assert_eq!(names.len(), 1, "{listed}");
    let damaged = plan.fails(&["plan", "check"]);
    assert_eq!(damaged["kind"], "plan_file", "{damaged}");
    let message = damaged["message"].as_str().unwrap();
    assert!(message.contains("a participant of Regional dialogue") && message.contains("'garbled'"), "{message}");
}
