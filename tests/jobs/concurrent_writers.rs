//! Co-organisers on one plan: the window, a CLI script and an import write the
//! same file at once. Every write waits its turn (IMMEDIATE transactions and
//! the busy timeout) instead of failing with "database is locked", and every
//! write is there afterwards. The same with separate processes is in the CLI's
//! tests (`src-tauri/cli/tests/concurrent_writers.rs`).

use roundtable_core::{ImportRow, ParticipantFilter, ParticipantRole, ParticipantStatus, SessionKind, Store};
use roundtable_tests::{bangkok_dialogue, country, day, member_of, person, session_input, store};
use std::thread;

const WRITERS: usize = 4;
const WRITES_EACH: usize = 40;

#[test]
fn writers_on_their_own_connections_all_succeed_and_every_write_is_kept() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let delegation = country(&mut plan, event.id, "TH", None).id;
    let first_day = day(&plan, event.id, "2022-09-21").id;
    let path = plan.path();

    let failures: Vec<String> = thread::scope(|scope| {
        let mut workers = Vec::new();
        for writer in 0..WRITERS {
            let path = path.clone();
            workers.push(scope.spawn(move || {
                let mut store = Store::open(&path).expect("a second connection opens");
                let mut failed = Vec::new();
                for n in 0..WRITES_EACH {
                    // Each action reads before it writes (checks), the pattern that used
                    // to fail at once when a deferred transaction could not be upgraded.
                    let given = format!("Writer{writer}");
                    let family = format!("Number{n}");
                    let registered = store.register_participant(
                        event.id,
                        &person(&given, &family, roundtable_core::Gender::Female),
                        &member_of(delegation, ParticipantRole::Member, ParticipantStatus::Invited),
                    );
                    if let Err(error) = registered {
                        failed.push(format!("writer {writer}, participant {n}: {error}"));
                    }
                    let mut session = session_input(first_day, "09:00", "09:30", &format!("Session {writer}.{n}"));
                    session.kind = Some(SessionKind::WorkingGroup);
                    if let Err(error) = store.create_session(&session) {
                        failed.push(format!("writer {writer}, session {n}: {error}"));
                    }
                }
                failed
            }));
        }
        let reader = scope.spawn(|| {
            let store = Store::open(&path).expect("a reader opens");
            let mut failed = Vec::new();
            for _ in 0..WRITES_EACH {
                if let Err(error) = store.delegation_tracker(event.id) {
                    failed.push(format!("reader: {error}"));
                }
                if let Err(error) = store.list_participants(event.id, &ParticipantFilter::default()) {
                    failed.push(format!("reader: {error}"));
                }
            }
            failed
        });
        workers.push(reader);
        workers.into_iter().flat_map(|w| w.join().expect("no writer panics")).collect()
    });

    assert!(failures.is_empty(), "{} writes failed: {failures:#?}", failures.len());
    let participants = plan.list_participants(event.id, &ParticipantFilter::default()).unwrap();
    assert_eq!(participants.len(), WRITERS * WRITES_EACH, "every registration is in the plan");
    let sessions: usize = plan.agenda(event.id).unwrap().days.iter().map(|d| d.sessions.len()).sum();
    assert_eq!(sessions, WRITERS * WRITES_EACH, "every session is in the plan");
}

#[test]
fn an_import_beside_a_writer_keeps_both_writers_rows() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let delegation = country(&mut plan, event.id, "TH", None).id;
    let path = plan.path();
    let rows: Vec<ImportRow> = (0..5_000)
        .map(|n| ImportRow {
            line: n + 2,
            given_name: "Imported".into(),
            family_name: format!("Person {n}"),
            email: format!("person{n}@example.org"),
            country: ["Indonesia", "Malaysia", "Thailand"][n as usize % 3].into(),
            ..ImportRow::default()
        })
        .collect();

    let (import, added) = thread::scope(|scope| {
        let importer = scope.spawn(|| {
            let mut store = Store::open(&path).unwrap();
            // A dry run first, as the wizard does: it must not block the writer either.
            let preview = store.preview_import(event.id, &rows).unwrap();
            assert_eq!(preview.created as usize, rows.len());
            store.commit_import(event.id, &rows)
        });
        let writer = scope.spawn(|| {
            let mut store = Store::open(&path).unwrap();
            let mut added = Vec::new();
            for n in 0..20 {
                added.push(store.register_participant(
                    event.id,
                    &person("Beside", &format!("Import {n}"), roundtable_core::Gender::Male),
                    &member_of(delegation, ParticipantRole::Member, ParticipantStatus::Invited),
                ));
                thread::sleep(std::time::Duration::from_millis(10));
            }
            added
        });
        (importer.join().unwrap(), writer.join().unwrap())
    });

    let report = import.expect("the import commits");
    assert!(report.committed);
    let failed: Vec<String> = added.iter().filter_map(|r| r.as_ref().err().map(ToString::to_string)).collect();
    assert!(failed.is_empty(), "the other writer's adds failed: {failed:?}");
    let all = plan.list_participants(event.id, &ParticipantFilter::default()).unwrap();
    assert_eq!(all.len(), rows.len() + 20, "both writers' rows are in the plan");
}
