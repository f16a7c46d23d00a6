//! Job 5: the plan lives in one SQLite file on the organiser's laptop. It
//! keeps everything across restarts, refuses a file that is not a plan store
//! without harming it, reports errors in a form the UI can show, and never
//! keeps half of a change.

use roundtable_core::Field;
use roundtable_core::{
    ApiError, DelegationInput, Error, ErrorKind, EventStatus, Gender, OrganisationInput, OrganiserRole,
    ParticipantFilter, ParticipantRole, ParticipantStatus, Store,
};
use roundtable_tests::*;
use serde_json::{Value, json};
use std::path::Path;
use uuid::Uuid;

#[test]
fn the_plan_is_still_there_after_the_app_is_reopened() {
    let dir = tempfile::tempdir().unwrap();
    // A folder that does not exist yet, as on the first start.
    let path = dir.path().join("org.roundtable.planner").join("plan.sqlite3");
    let (event, head, session) = {
        let mut plan = Store::open(&path).unwrap();
        assert_eq!(plan.path(), Some(path.as_path()));
        let event = bangkok_dialogue(&mut plan);
        plan.set_event_status(event.id, EventStatus::Confirmed).unwrap();
        let thailand = country(&mut plan, event.id, "TH", Some(4));
        let head = register(
            &mut plan,
            event.id,
            thailand.id,
            ("Somchai", "Wongsawat", Gender::Male),
            ParticipantRole::Head,
            ParticipantStatus::Confirmed,
        );
        let first = day(&plan, event.id, "2022-09-21");
        let session = panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[head.participant.id]);
        (plan.event(event.id).unwrap(), head, session)
    };
    assert!(path.is_file());

    let plan = Store::open(&path).unwrap();
    assert_eq!(plan.event(event.id).unwrap(), event);
    assert_eq!(plan.event(event.id).unwrap().status, EventStatus::Confirmed);
    assert_eq!(plan.participant(head.participant.id).unwrap(), head);
    assert_eq!(plan.session(session.id).unwrap(), session);
    let tracker = plan.delegation_tracker(event.id).unwrap();
    assert_eq!(tracker.rows[0].head.as_deref(), Some("Somchai Wongsawat"));
    assert_eq!(plan.list_events().unwrap().len(), 1);
    assert_eq!(plan.days(event.id).unwrap().len(), 3);
}

#[test]
fn the_plan_its_journal_and_its_folder_are_the_owners_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("org.roundtable.planner");
    let path = folder.join("plan.sqlite3");
    let mut plan = Store::open(&path).unwrap();
    bangkok_dialogue(&mut plan);
    let journal = |suffix: &str| folder.join(format!("plan.sqlite3{suffix}"));
    assert_eq!(mode(&folder), 0o700);
    assert_eq!((mode(&path), mode(&journal("-wal")), mode(&journal("-shm"))), (0o600, 0o600, 0o600));
    drop(plan);

    // A plan copied in readable by everyone is tightened when it is opened.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Store::open(&path).unwrap();
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn the_app_and_a_cli_script_can_share_the_plan_file() {
    let mut app = store();
    let mut script = Store::open(&app.path()).unwrap();
    let event = bangkok_dialogue(&mut script);
    assert_eq!(app.event(event.id).unwrap(), event, "the app sees what the script wrote");
    country(&mut app, event.id, "MY", None);
    assert_eq!(script.list_delegations(event.id).unwrap().len(), 1, "and the other way round");
}

/// Opening `path` is refused with a message containing `says`, and the file is left byte for byte.
fn refused(path: &Path, says: &str) {
    let before = std::fs::read(path).unwrap();
    let error = match Store::open(path) {
        Ok(_) => panic!("{} was opened as a plan store", path.display()),
        Err(error) => error,
    };
    assert_eq!(error.kind(), ErrorKind::PlanFile, "{error}");
    assert!(error.to_string().contains(says), "{error}");
    assert_eq!(std::fs::read(path).unwrap(), before, "{} was changed", path.display());
}

fn refused_file(path: &Path, content: &[u8]) {
    std::fs::write(path, content).unwrap();
    refused(path, "not a database file");
}

#[test]
fn a_file_that_is_not_a_plan_store_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let participants: String = (1..=200)
        .map(|i| format!("Participant {i};Ministry of Foreign Affairs;participant{i}@mfa.go.th;confirmed\n"))
        .collect();
    refused_file(&dir.path().join("participants.csv"), participants.as_bytes());
    refused_file(&dir.path().join("note.sqlite3"), b"Bangkok, 21-23 September 2022");
    let mut binary = b"\x89PNG\r\n\x1a\n".to_vec();
    binary.extend((0..=255u8).cycle().take(8192));
    refused_file(&dir.path().join("badge.png"), &binary);

    let empty = dir.path().join("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    refused(&empty, "empty.sqlite3 is empty");

    // Another program's SQLite database, in WAL mode as many are.
    let other = dir.path().join("contacts.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Somchai');").unwrap();
    drop(conn);
    refused(&other, "another program's database");
}

#[test]
fn a_plan_of_a_newer_version_is_refused_naming_both_versions_and_an_older_one_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    drop(Store::open(&path).unwrap());
    let header = |pragma: &str| -> i64 {
        rusqlite::Connection::open(&path).unwrap().query_row(&format!("PRAGMA {pragma}"), [], |r| r.get(0)).unwrap()
    };
    let latest = header("user_version");
    assert_eq!(header("application_id"), i64::from(roundtable_core::plan_file::APPLICATION_ID));

    // A plan from before plans carried their application id opens and gains it.
    rusqlite::Connection::open(&path).unwrap().execute_batch("PRAGMA application_id = 0").unwrap();
    drop(Store::open(&path).unwrap());
    assert_eq!(header("application_id"), i64::from(roundtable_core::plan_file::APPLICATION_ID));

    rusqlite::Connection::open(&path).unwrap().execute_batch(&format!("PRAGMA user_version = {}", latest + 3)).unwrap();
    refused(&path, &format!("plan version {}; this version opens plans up to version {latest}", latest + 3));
}

fn api(error: Error) -> Value {
    let api = ApiError::from(error);
    let json = serde_json::to_value(&api).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 4, "only kind, message, field and problems: {json}");
    assert_eq!(json["message"], api.to_string());
    json
}

#[test]
fn errors_cross_to_the_ui_as_kind_message_and_field() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);

    let validation = plan
        .create_event(&roundtable_core::EventInput { start_date: "2022-02-30".into(), ..bangkok_input() })
        .unwrap_err();
    assert_eq!(
        api(validation),
        json!({
            "kind": "validation",
            "message": "'2022-02-30' is not a valid date; write it as YYYY-MM-DD, e.g. 2022-09-21",
            "field": "start_date",
            "problems": [{
                "field": "start_date",
                "message": "'2022-02-30' is not a valid date; write it as YYYY-MM-DD, e.g. 2022-09-21",
            }],
        })
    );

    let not_found = plan.event(Uuid::now_v7()).unwrap_err();
    assert_eq!(
        api(not_found),
        json!({
            "kind": "not_found",
            "message": "Event not found: it may have been deleted",
            "field": null,
            "problems": [],
        })
    );

    let iom =
        plan.create_organisation(&OrganisationInput { name: "IOM Thailand".into(), ..Default::default() }).unwrap();
    let duplicate =
        plan.create_organisation(&OrganisationInput { name: "IOM THAILAND".into(), ..Default::default() }).unwrap_err();
    let json = api(duplicate);
    assert_eq!((&json["kind"], &json["field"]), (&json!("duplicate"), &json!("name")));

    plan.assign_organiser(event.id, iom.id, OrganiserRole::LeadOrganiser).unwrap();
    let in_use = api(plan.delete_organisation(iom.id).unwrap_err());
    assert_eq!((&in_use["kind"], &in_use["field"]), (&json!("in_use"), &Value::Null));
    assert!(in_use["message"].as_str().unwrap().contains("IOM Thailand"));

    let transition = api(plan.set_event_status(event.id, EventStatus::Reported).unwrap_err());
    assert_eq!(transition["kind"], "invalid_transition");
    assert_eq!(transition["message"], "An event that is draft cannot become reported");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "not a plan".repeat(50)).unwrap();
    let not_a_plan = api(Store::open(&path).err().unwrap());
    assert_eq!((&not_a_plan["kind"], &not_a_plan["field"]), (&json!("plan_file"), &Value::Null));
    assert!(not_a_plan["message"].as_str().unwrap().starts_with("notes.txt is not a Roundtable Planner plan"));
}

#[test]
fn a_change_that_fails_midway_leaves_nothing_written_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let mut plan = Store::open(&path).unwrap();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let invited: Vec<Uuid> = [("Somchai", "Wongsawat"), ("Siriporn", "Chaiyasit"), ("Anan", "Aree")]
        .into_iter()
        .map(|(given, family)| {
            register(
                &mut plan,
                event.id,
                thailand.id,
                (given, family, Gender::Undisclosed),
                ParticipantRole::Member,
                ParticipantStatus::Invited,
            )
            .participant
            .id
        })
        .collect();

    // Two good ids, then one that is not a participant.
    let bulk = [invited[0], invited[1], Uuid::now_v7(), invited[2]];
    let error = plan.set_participants_status(&bulk, ParticipantStatus::Confirmed).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);

    // A person registered into a delegation that was deleted meanwhile.
    let malaysia = plan
        .create_delegation(event.id, &DelegationInput { country_code: Some("MY".into()), ..Default::default() })
        .unwrap();
    plan.delete_delegation(malaysia.id).unwrap();
    let error = plan
        .register_participant(
            event.id,
            &person("Ahmad", "Rahman", Gender::Male),
            &member_of(malaysia.id, ParticipantRole::Member, ParticipantStatus::Invited),
        )
        .unwrap_err();
    assert_eq!(error.field(), Some(Field::DelegationId));
    drop(plan);

    // What the file holds when it is opened again: nothing of either change.
    let reopened = Store::open(&path).unwrap();
    let statuses: Vec<ParticipantStatus> = reopened
        .list_participants(event.id, &ParticipantFilter::default())
        .unwrap()
        .into_iter()
        .map(|p| p.participant.status)
        .collect();
    assert_eq!(statuses, [ParticipantStatus::Invited; 3]);
    assert!(reopened.search_people("Rahman", 10).unwrap().is_empty(), "the new person was not kept");
    assert_eq!(reopened.search_people("", 100).unwrap().len(), 3);
}
