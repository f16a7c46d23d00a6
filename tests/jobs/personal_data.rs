//! Job 12: a participant asks to be forgotten, and old events' personal data
//! goes after a set time. *Erase person* takes the person's data out of
//! every event and out of the plan file itself (its bytes are read here),
//! keeps their seats as anonymous seats so the counts still add up, and
//! says which backups still hold them and until when. The retention setting
//! erases the data of events that ended long enough ago, on every open.

use roundtable_core::erasure::ERASED_NAME;
use roundtable_core::{
    Backups, EventInput, Gender, Installation, MembershipInput, ParticipantRole, ParticipantStatus, PersonInput, Store,
};
use roundtable_tests::*;
use std::path::Path;
use uuid::Uuid;

const EMAIL: &str = "maria.santos@dfa.gov.ph";

/// The plan file's bytes with its write-ahead log's.
fn file_bytes(plan: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(plan).unwrap();
    let mut wal = plan.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(&wal).unwrap_or_default());
    bytes
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w.eq_ignore_ascii_case(text.as_bytes()))
}

fn santos() -> PersonInput {
    PersonInput {
        email: Some(EMAIL.into()),
        phone: "+63 2 8834 4000".into(),
        position: "Director, Office of Migrant Workers Affairs".into(),
        ..person("Maria Luisa", "Santos-Villanueva", Gender::Female)
    }
}

fn stop(title: &str, start: &str, end: &str) -> EventInput {
    EventInput { title: title.into(), start_date: start.into(), end_date: end.into(), ..bangkok_input() }
}

fn seat(plan: &mut Store, event: Uuid, who: &PersonInput) -> Uuid {
    let philippines =
        match plan.list_delegations(event).unwrap().into_iter().find(|d| d.country_code.as_deref() == Some("PH")) {
            Some(d) => d,
            None => country(plan, event, "PH", Some(3)),
        };
    let membership = MembershipInput {
        dietary_needs: "Halal".into(),
        accommodation: "Conference hotel".into(),
        ..member_of(philippines.id, ParticipantRole::Member, ParticipantStatus::Attended)
    };
    plan.register_participant(event, who, &membership).unwrap().registered.participant.id
}

#[test]
fn an_erased_person_leaves_no_trace_in_the_plan_file_and_their_seats_still_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let backups = Backups::at(dir.path().join("backups"));
    let mut plan = Store::open_with_backups(&path, backups.clone(), Installation::unnamed()).unwrap();
    let event = bangkok_dialogue(&mut plan);
    let later = plan.create_event(&stop("Second stop", "2023-03-01", "2023-03-02")).unwrap();
    let participant = seat(&mut plan, event.id, &santos());
    let person_id = plan.list_participants(event.id, &Default::default()).unwrap()[0].person.id;
    let philippines = country(&mut plan, later.id, "PH", None).id;
    let member = member_of(philippines, ParticipantRole::Member, ParticipantStatus::Confirmed);
    plan.register_participant(later.id, &santos(), &member).unwrap();
    let first = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[participant]);
    plan.back_up(roundtable_core::BackupReason::Requested).unwrap();
    let counted = plan.delegation_tracker(event.id).unwrap().totals;
    assert!(holds(&file_bytes(&path), EMAIL), "the e-mail is in the file before the erasure");

    let erasure = plan.erase_person(person_id, false).unwrap();
    assert_eq!((erasure.seats_kept_anonymous, erasure.session_roles_removed), (2, 1));
    assert!(erasure.file_cleared);
    let kept = backups.list().unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(erasure.backups_holding.len(), 1, "the one asked for; the one taken at the first edit came before her");
    let newest = erasure.backups_holding.iter().map(|b| b.taken_at).max().unwrap();
    assert_eq!(erasure.held_until, Some(newest + chrono::TimeDelta::days(30)));

    let bytes = file_bytes(&path);
    for trace in [
        EMAIL,
        "Santos-Villanueva",
        "santos villanueva",
        "Maria Luisa",
        "8834 4000",
        "Migrant Workers Affairs",
        "Halal",
    ] {
        assert!(!holds(&bytes, trace), "{trace} is still in the plan file");
    }
    assert_eq!(plan.delegation_tracker(event.id).unwrap().totals, counted, "the seats still count");
    let seats = plan.list_participants(event.id, &Default::default()).unwrap();
    assert_eq!(seats[0].person.full_name, ERASED_NAME);
    assert_eq!(seats[0].participant.dietary_needs, "");
    let agenda = plan.agenda(event.id).unwrap();
    assert!(agenda.days.iter().flat_map(|d| &d.sessions).all(|s| s.people.is_empty()));
    assert!(plan.search_people("santos", 10).unwrap().is_empty());

    let again = plan.erase_person(person_id, false).unwrap_err();
    assert!(again.to_string().contains("already been erased"), "{again}");
}

#[test]
fn erasing_with_the_backups_removes_the_backups_that_hold_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let backups = Backups::at(dir.path().join("backups"));
    let mut plan =
        Store::open_with_backups(&dir.path().join("plan.sqlite3"), backups.clone(), Installation::unnamed()).unwrap();
    let event = bangkok_dialogue(&mut plan);
    let before = plan.back_up(roundtable_core::BackupReason::Requested).unwrap().unwrap();
    seat(&mut plan, event.id, &santos());
    plan.back_up(roundtable_core::BackupReason::Requested).unwrap();
    let person_id = plan.list_participants(event.id, &Default::default()).unwrap()[0].person.id;
    let erasure = plan.erase_person(person_id, true).unwrap();
    assert_eq!((erasure.backups_removed, erasure.backups_holding.len(), erasure.held_until), (1, 0, None));
    let left: Vec<String> = backups.list().unwrap().into_iter().map(|b| b.file).collect();
    assert!(left.contains(&before.file), "a backup from before the person was added is kept: {left:?}");
    for file in &left {
        assert!(!holds(&std::fs::read(file).unwrap(), EMAIL), "{file} still holds the person");
    }
}

/// A round-table of 2018 with Santos and Chan, and a recent dialogue with Chan only: (old, recent).
fn old_and_recent_events(plan: &mut Store) -> (roundtable_core::Event, roundtable_core::Event) {
    let old = plan.create_event(&stop("MIEUX Round-table: Asia", "2018-03-05", "2018-03-06")).unwrap();
    let recent = plan.create_event(&stop("Next dialogue", "2026-11-02", "2026-11-03")).unwrap();
    seat(plan, old.id, &santos());
    let both = PersonInput { email: Some("sok.chan@mfa.gov.kh".into()), ..person("Sok", "Chan", Gender::Male) };
    seat(plan, old.id, &both);
    seat(plan, recent.id, &both);
    (old, recent)
}

#[test]
fn the_retention_setting_erases_old_events_personal_data_on_every_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let mut plan = Store::open(&path).unwrap();
    let (old, recent) = old_and_recent_events(&mut plan);
    assert_eq!(plan.retention_months().unwrap(), None, "off by default");

    let report = plan.set_retention_months(Some(24)).unwrap().unwrap();
    assert_eq!((report.people_erased, report.seats_cleared), (1, 2), "Santos goes; Chan stays for the recent event");
    let old_seats = plan.list_participants(old.id, &Default::default()).unwrap();
    let names: Vec<&str> = old_seats.iter().map(|s| s.person.full_name.as_str()).collect();
    assert!(names.contains(&ERASED_NAME) && names.contains(&"Sok Chan"), "{names:?}");
    assert!(old_seats.iter().all(|s| s.participant.dietary_needs.is_empty() && s.participant.accommodation.is_empty()));
    let recent_seat = &plan.list_participants(recent.id, &Default::default()).unwrap()[0];
    assert_eq!(recent_seat.participant.dietary_needs, "Halal", "the recent event keeps its logistics");

    // Someone added to the old event later is erased when the plan is next opened.
    let late = PersonInput { email: Some("late@example.org".into()), ..person("Ana", "Reyes", Gender::Female) };
    seat(&mut plan, old.id, &late);
    drop(plan);
    let mut plan = Store::open(&path).unwrap();
    assert!(plan.search_people("reyes", 10).unwrap().is_empty());
    assert!(!holds(&file_bytes(&path), "late@example.org"));
    assert!(plan.set_retention_months(Some(0)).is_err());
}

#[test]
fn a_retention_setting_is_previewed_before_it_erases() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
    old_and_recent_events(&mut plan);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();

    let preview = plan.preview_retention(24, today).unwrap();
    assert_eq!(preview.ended_before.to_string(), "2024-12-02");
    let titles: Vec<&str> = preview.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["MIEUX Round-table: Asia"]);
    assert_eq!(preview.people, 1, "Santos only: Chan takes part in the recent event");
    assert_eq!(plan.retention_months().unwrap(), None, "a preview sets nothing");
    assert_eq!(plan.search_people("santos", 10).unwrap().len(), 1, "and erases nothing");

    plan.set_retention_months(Some(24)).unwrap();
    assert_eq!(plan.preview_retention(24, today).unwrap().people, 0, "nobody is left to erase");
    let refused = plan.preview_retention(0, today).unwrap_err();
    assert_eq!(refused.field(), Some(roundtable_core::Field::RetentionMonths));
}

#[test]
fn a_seat_removed_before_the_erasure_keeps_nothing_of_the_person_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let mut plan = Store::open(&path).unwrap();
    let event = bangkok_dialogue(&mut plan);
    let removed = seat(&mut plan, event.id, &santos());
    let person_id = plan.list_participants(event.id, &Default::default()).unwrap()[0].person.id;
    let first = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[removed]);
    // The seat goes, with its speaking role: the journal keeps both rows, to undo the removal.
    plan.remove_participant(removed).unwrap();
    plan.erase_person(person_id, false).unwrap();
    assert!(!holds(&file_bytes(&path), "Halal"), "the removed seat's dietary needs are still in the plan file");
    // What the removal kept cannot come back either.
    plan.undo().unwrap();
    assert!(plan.list_participants(event.id, &Default::default()).unwrap().is_empty());
}

#[test]
fn restoring_a_backup_taken_before_an_erasure_does_not_bring_the_person_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let backups = Backups::at(dir.path().join("backups"));
    let mut plan = Store::open_with_backups(&path, backups, Installation::unnamed()).unwrap();
    let event = bangkok_dialogue(&mut plan);
    seat(&mut plan, event.id, &santos());
    let person_id = plan.list_participants(event.id, &Default::default()).unwrap()[0].person.id;
    let before = plan.back_up(roundtable_core::BackupReason::Requested).unwrap().unwrap();
    let later = plan.create_event(&stop("Second stop", "2023-03-01", "2023-03-02")).unwrap();
    plan.erase_person(person_id, false).unwrap();

    plan.restore_backup(Path::new(&before.file)).unwrap();
    assert!(plan.event(later.id).is_err(), "the rest of the plan is as the backup held it");
    let seats = plan.list_participants(event.id, &Default::default()).unwrap();
    assert_eq!(seats[0].person.full_name, ERASED_NAME, "the erasure stands");
    assert!(!holds(&file_bytes(&path), EMAIL), "the backup's copy of her e-mail is not in the plan file");
}
