//! Job: a plan edited for months keeps a journal of bounded size.
//!
//! Compaction folds away what later changes replaced; every value, every
//! teammate's view and every disagreement stays as it was, and what was
//! folded does not come back from the team folder.

use roundtable_core::{EventInput, HISTORY_DAYS, Store};
use roundtable_tests::*;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

fn operations(plan: &Path) -> i64 {
    let conn = Connection::open_with_flags(plan, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT COUNT(*) FROM journal_op", [], |r| r.get(0)).unwrap()
}

/// Ana's plan with the Bangkok dialogue, Ben's new one, and the team folder they will share.
struct Pair {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    ana: Store,
    ben: Store,
    event: uuid::Uuid,
}

fn pair() -> Pair {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    std::fs::create_dir(&folder).unwrap();
    let mut ana = Store::open(&dir.path().join("ana.rtplan")).unwrap();
    let ben = Store::open(&dir.path().join("ben.rtplan")).unwrap();
    let event = bangkok_dialogue(&mut ana).id;
    Pair { _dir: dir, folder, ana, ben, event }
}

fn titled(title: &str) -> EventInput {
    EventInput { title: title.into(), ..bangkok_input() }
}

#[test]
fn a_compacted_journal_keeps_every_value_and_the_team_stays_in_step() {
    let Pair { _dir, folder, mut ana, mut ben, event } = pair();
    for n in 1..=10 {
        ana.update_event(event, &titled(&format!("Regional dialogue, draft {n}"))).unwrap();
    }
    ana.sync_folder(&folder).unwrap();
    ben.sync_folder(&folder).unwrap();

    // Within the period nothing goes, and the last change can still be undone.
    assert_eq!(ana.compact_journal(HISTORY_DAYS).unwrap(), 0);
    assert!(ana.undo_steps().unwrap().0.is_some());

    let before = operations(ana.path().unwrap());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let folded = ana.compact_journal(0).unwrap();
    assert!(folded >= 9, "nine titles typed over and folded away, {folded} went");
    assert_eq!(operations(ana.path().unwrap()), before - i64::from(folded));
    assert_eq!(ana.event(event).unwrap().title, "Regional dialogue, draft 10");
    assert!(ana.undo_steps().unwrap().0.is_none(), "what an older action replaced may be gone: no undo");

    // The folder still holds what was folded; a sync does not take it back.
    ana.sync_folder(&folder).unwrap();
    assert_eq!(operations(ana.path().unwrap()), before - i64::from(folded));

    // Teammates go on editing as before: different fields merge, the same one disagrees.
    ben.update_event(event, &titled("Regional dialogue on migrant protection")).unwrap();
    ana.update_event(event, &EventInput { venue: "UNCC, Bangkok".into(), ..titled("Regional dialogue, draft 10") })
        .unwrap();
    for _ in 0..2 {
        ana.sync_folder(&folder).unwrap();
        ben.sync_folder(&folder).unwrap();
    }
    for plan in [&ana, &ben] {
        let shown = plan.event(event).unwrap();
        assert_eq!(
            (shown.title.as_str(), shown.venue.as_str()),
            ("Regional dialogue on migrant protection", "UNCC, Bangkok")
        );
        assert!(plan.disagreements().unwrap().is_empty());
    }
    ana.compact_journal(0).unwrap();
    ana.update_event(event, &EventInput { notes: "Ana's notes".into(), ..as_shown(&ana, event) }).unwrap();
    ben.update_event(event, &EventInput { notes: "Ben's notes".into(), ..as_shown(&ben, event) }).unwrap();
    for _ in 0..2 {
        ana.sync_folder(&folder).unwrap();
        ben.sync_folder(&folder).unwrap();
    }
    let listed = |plan: &Store| plan.disagreements().unwrap().into_iter().map(|d| (d.id, d.shown)).collect::<Vec<_>>();
    assert_eq!(listed(&ana).len(), 1, "{:?}", listed(&ana));
    assert_eq!(listed(&ana), listed(&ben));
}

/// The event's fields as `plan` shows them, to change one.
fn as_shown(plan: &Store, event: uuid::Uuid) -> EventInput {
    let shown = plan.event(event).unwrap();
    EventInput { title: shown.title, venue: shown.venue, ..bangkok_input() }
}

#[test]
fn a_change_folded_before_it_was_shared_still_replaces_what_teammates_hold() {
    let Pair { _dir, folder, mut ana, mut ben, event } = pair();
    ana.update_event(event, &titled("Draft 1")).unwrap();
    ana.sync_folder(&folder).unwrap();
    ben.sync_folder(&folder).unwrap();
    // Draft 2 is typed over and folded away before any teammate saw it.
    ana.update_event(event, &titled("Draft 2")).unwrap();
    ana.update_event(event, &titled("Draft 3")).unwrap();
    // Compaction folds what was replaced before now: the clock moves past the last change first.
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(ana.compact_journal(0).unwrap() >= 2);
    ana.sync_folder(&folder).unwrap();
    ben.sync_folder(&folder).unwrap();
    assert_eq!(ben.event(event).unwrap().title, "Draft 3");
    assert!(ben.disagreements().unwrap().is_empty(), "Draft 1, which Ben holds, is replaced by Draft 3");
}
