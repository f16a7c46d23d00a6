//! Job 13: a plan file has been damaged outside the app (a bad copy, another
//! program editing it). A damaged row (a value no version of the app
//! writes) is left out of the event's lists and exports, which keep working,
//! and the plan check names it; damaged pages are found by the check too.

use roundtable_core::examples;
use roundtable_core::{ParticipantFilter, Store};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ParticipantListOptions, ProgrammeOptions};
use rusqlite::Connection;
use std::path::Path;
use uuid::Uuid;

const BANGKOK: &str = "High-level Regional Dialogue on Migrant Protection in South-East Asia";

fn plan_with_examples(dir: &Path) -> (Store, Uuid) {
    let mut plan = Store::open(&dir.join("plan.rtplan")).unwrap();
    examples::load(&mut plan).unwrap();
    let event = plan.list_events().unwrap().into_iter().find(|e| e.title == BANGKOK).unwrap().id;
    (plan, event)
}

/// Changes the plan file as another program would, past the app's checks.
fn damage(plan: &Path, sql: &str) {
    let outside = Connection::open(plan).unwrap();
    outside.execute_batch(sql).unwrap();
}

#[test]
fn a_damaged_row_is_left_out_of_lists_and_exports_and_the_check_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, event) = plan_with_examples(dir.path());
    let all = plan.list_participants(event, &ParticipantFilter::default()).unwrap();
    let sessions = plan.agenda(event).unwrap().days.iter().map(|d| d.sessions.len()).sum::<usize>();
    assert!(plan.check_plan().unwrap().is_sound(), "a plan the app wrote is sound");

    let (first, second) = (all[0].participant.id, all[1].person.id);
    damage(
        &dir.path().join("plan.rtplan"),
        &format!(
            "UPDATE participant SET status = 'garbled' WHERE id = x'{}';
             UPDATE person SET position = CAST(x'4dc328' AS TEXT) WHERE id = x'{}';
             UPDATE session SET kind = 'interpretive dance'
                 WHERE rowid = (SELECT min(rowid) FROM session WHERE event_id = x'{}');",
            first.simple(),
            second.simple(),
            event.simple()
        ),
    );

    let listed = plan.list_participants(event, &ParticipantFilter::default()).unwrap();
    assert_eq!(listed.len(), all.len() - 2, "the two damaged participants are left out, the others listed");
    assert!(listed.iter().all(|p| p.participant.id != first && p.person.id != second));
    let agenda = plan.agenda(event).unwrap();
    assert_eq!(agenda.days.iter().map(|d| d.sessions.len()).sum::<usize>(), sessions - 1);
    assert!(!plan.delegation_tracker(event).unwrap().rows.is_empty(), "the delegation tracker still reads");

    let csv = export::participants(&plan, event, ParticipantsFormat::Csv, &ParticipantListOptions::default()).unwrap();
    assert_eq!(String::from_utf8(csv).unwrap().lines().filter(|l| !l.trim().is_empty()).count(), all.len() - 2 + 1);
    let ics = export::programme(&plan, event, ProgrammeFormat::Ics, &ProgrammeOptions::default()).unwrap();
    assert_eq!(String::from_utf8(ics).unwrap().matches("BEGIN:VEVENT").count(), sessions - 1);

    let check = plan.check_plan().unwrap();
    assert!(check.integrity_problems.is_empty(), "{:?}", check.integrity_problems);
    let named: Vec<(&str, &str)> =
        check.damaged_rows.iter().map(|r| (r.record.as_str(), r.event_title.as_deref().unwrap_or(""))).collect();
    assert_eq!(named, [("person", ""), ("participant", BANGKOK), ("session", BANGKOK)], "{:#?}", check.damaged_rows);
    let reasons: Vec<&str> = check.damaged_rows.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons[0].contains("UTF-8"), "{reasons:?}");
    assert!(reasons[1].contains("garbled"), "{reasons:?}");
    assert!(reasons[2].contains("interpretive dance"), "{reasons:?}");
}

#[test]
fn damaged_pages_are_found_by_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.rtplan");
    let (plan, _) = plan_with_examples(dir.path());
    drop(plan);
    // An index's pages, overwritten: the tables still read, the index no longer matches them.
    let (page_size, root): (i64, i64) = {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;").unwrap();
        let size = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        let root = c
            .query_row("SELECT rootpage FROM sqlite_master WHERE name = 'participant_person'", [], |r| r.get(0))
            .unwrap();
        (size, root)
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let page = ((root - 1) * page_size) as usize;
    bytes[page + 8..page + page_size as usize].fill(0x5a);
    std::fs::write(&path, bytes).unwrap();

    let plan = Store::open_reader(&path).unwrap();
    let check = plan.check_plan().unwrap();
    assert!(!check.integrity_problems.is_empty(), "quick_check finds the overwritten page");
    assert!(!check.is_sound());
}
