//! The store's own rules: transactions that compose and roll back whole,
//! writers that wait for each other, WAL and foreign keys, an early plan upgraded.

use super::*;
use crate::field::Field;
use std::time::Duration;

#[test]
fn deleted_data_is_overwritten_in_the_file() {
    let store = Store::open_in_memory().unwrap();
    let secure: i64 = store.read().query_row("PRAGMA secure_delete", [], |r| r.get(0)).unwrap();
    assert_eq!(secure, 1);
}

#[test]
fn search_patterns_take_wildcards_literally() {
    assert_eq!(contains_pattern(" 50%_off\\ "), "%50\\%\\_off\\\\%");
}

#[test]
fn a_version_2_plan_upgrades_with_seats_names_and_a_folded_search_index() {
    let mut conn = Connection::open_in_memory().unwrap();
    crate::text::register(&conn).unwrap();
    migrations().to_version(&mut conn, 2).unwrap();
    conn.execute_batch(
        "INSERT INTO event (id, title, format, host_city, host_country, time_zone, start_date, end_date, status)
             VALUES (x'01', 'Dialogue', 'in_person', 'Hanoi', 'VN', 'Asia/Bangkok', '2026-09-21', '2026-09-22', 'draft');
         INSERT INTO delegation (id, event_id, kind, name, country_code) VALUES (x'02', x'01', 'country', 'Viet Nam', 'VN');
         INSERT INTO person (id, honorific, given_name, family_name, gender, languages)
             VALUES (x'03', 'H.E.', 'Thị Ánh', 'Nguyễn', 'female', '[]'), (x'04', '', 'José', 'Ramos', 'male', '[]');
         INSERT INTO participant (id, event_id, delegation_id, person_id, role, status)
             VALUES (x'05', x'01', x'02', x'03', 'head', 'confirmed'), (x'06', x'01', x'02', x'04', 'member', 'declined');",
    )
    .unwrap();
    migrations().to_latest(&mut conn).unwrap();
    let seats: Vec<(String, bool)> = conn
        .prepare(
            "SELECT pe.full_name, p.holds_seat FROM participant p JOIN person pe ON pe.id = p.person_id ORDER BY p.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(seats, [("H.E. Thị Ánh Nguyễn".to_owned(), true), ("José Ramos".to_owned(), false)]);
    let found: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM person_search WHERE person_search MATCH ?1",
            [crate::person::trigrams("thi anh nguyen")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 1, "people recorded before the upgrade are found by their folded names");
    // The seat counter follows holds_seat from now on.
    conn.execute("UPDATE participant SET status = 'attended' WHERE id = x'06'", []).unwrap();
    let counted: i64 = conn.query_row("SELECT seat_count FROM event", [], |r| r.get(0)).unwrap();
    assert_eq!(counted, 2);
}

#[test]
fn a_file_store_uses_wal_and_enforces_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nested/plan.sqlite3")).unwrap();
    let mode: String = store.read().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store.read().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    // Re-opening an existing, migrated store works and keeps the schema.
    drop(store);
    Store::open(&dir.path().join("nested/plan.sqlite3")).unwrap();
}

fn series(title: &str) -> crate::SeriesInput {
    crate::SeriesInput { title: title.into(), description: String::new() }
}

#[test]
fn calls_inside_an_action_join_its_transaction_and_a_failure_undoes_them_all() {
    let mut store = Store::open_in_memory().unwrap();
    let failed: Result<()> = store.transaction(|s| {
        s.create_series(&series("MIEUX 2018"))?;
        s.create_series(&series("Dialogues 2022"))?;
        assert!(!s.conn.is_autocommit(), "the calls ran inside the action's transaction");
        Err(Error::invalid(Field::Title, "the third step fails"))
    });
    assert_eq!(failed.unwrap_err().field(), Some(Field::Title));
    assert!(store.list_series().unwrap().is_empty(), "neither series was kept");
    store.transaction(|s| s.create_series(&series("MIEUX 2018"))).unwrap();
    assert_eq!(store.list_series().unwrap().len(), 1, "the next action commits");
}

#[test]
fn a_panic_inside_an_action_rolls_it_back_and_the_store_goes_on() {
    let mut store = Store::open_in_memory().unwrap();
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: Result<()> = store.transaction(|s| {
            s.create_series(&series("Half-done"))?;
            panic!("a bug halfway through an action");
        });
    }));
    assert!(panicked.is_err());
    assert!(store.conn.is_autocommit(), "no transaction is left open");
    assert!(store.list_series().unwrap().is_empty());
    store.create_series(&series("Next")).unwrap();
    assert_eq!(store.list_series().unwrap().len(), 1);
}

#[test]
fn a_writer_waits_for_another_instead_of_failing_and_a_snapshot_does_not_wait() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();
    std::thread::scope(|scope| {
        let (held, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
        let holder = scope.spawn(move || {
            first.transaction(|s| {
                s.create_series(&series("Written first"))?;
                held.0.send(()).unwrap();
                release.1.recv().unwrap();
                Ok(())
            })
        });
        held.1.recv().unwrap();
        // A read transaction sees the plan as it was and takes no write lock.
        assert!(second.snapshot(|conn| Ok(conn.is_autocommit())).is_ok());
        assert!(second.list_series().unwrap().is_empty());
        let waiter = scope.spawn(move || {
            let written = second.create_series(&series("Written second"));
            (written, second)
        });
        std::thread::sleep(Duration::from_millis(200));
        release.0.send(()).unwrap();
        holder.join().unwrap().unwrap();
        let (written, second) = waiter.join().unwrap();
        written.expect("the second writer waited for the first instead of failing");
        assert_eq!(second.list_series().unwrap().len(), 2);
    });
}
