use crate::store::{Store, migrations};
use crate::{Error, Field, SeriesInput};
use rusqlite::Connection;
use std::path::Path;

/// Every operation of the plan: actor id, seq, kind, table, row, column, value.
type Op = (uuid::Uuid, i64, String, String, Vec<u8>, Option<String>, rusqlite::types::Value);

fn ops(store: &Store) -> Vec<Op> {
    store
        .read()
        .prepare(
            "SELECT a.id, o.seq, o.kind, o.tbl, o.row, o.col, o.value FROM journal_op o
             JOIN journal_actor a ON a.no = o.actor ORDER BY a.id, o.seq",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn preds(store: &Store, seq: i64) -> Vec<i64> {
    store
        .read()
        .prepare(
            "SELECT pred_seq FROM journal_pred p JOIN journal_self s ON s.actor = p.actor WHERE p.seq = ?1 ORDER BY 1",
        )
        .unwrap()
        .query_map([seq], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn actor(store: &Store) -> uuid::Uuid {
    store
        .read()
        .query_row("SELECT a.id FROM journal_self s JOIN journal_actor a ON a.no = s.actor", [], |r| r.get(0))
        .unwrap()
}

fn series(title: &str) -> SeriesInput {
    SeriesInput { title: title.into(), description: String::new() }
}

/// A plan file as version 5 of the app left it, before the journal.
fn plan_before_the_journal(path: &Path, series_title: &str) {
    let mut conn = Connection::open(path).unwrap();
    crate::text::register(&conn).unwrap();
    migrations().to_version(&mut conn, 5).unwrap();
    conn.execute_batch(
        "INSERT INTO series (id, title) VALUES (x'0190000000007000800000000000000a', 'MIEUX 2018');
         INSERT INTO organisation (id, name, kind) VALUES (x'0190000000007000800000000000000b', 'IOM', 'un_agency');
         INSERT INTO plan_setting (key, value) VALUES ('retention_months', '24');",
    )
    .unwrap();
    conn.execute("UPDATE series SET title = ?1", [series_title]).unwrap();
}

#[test]
fn each_field_change_names_the_one_it_replaces_and_a_delete_names_them_all() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_series(&series("MIEUX")).unwrap();
    store.update_series(created.id, &SeriesInput { title: "MIEUX 2018".into(), description: "Tour".into() }).unwrap();
    store.update_series(created.id, &series("MIEUX+")).unwrap();
    let recorded: Vec<(i64, String, Option<String>)> =
        ops(&store).into_iter().map(|(_, seq, kind, _, _, col, _)| (seq, kind, col)).collect();
    assert_eq!(
        recorded,
        [
            (1, "insert".into(), None),
            (2, "set".into(), Some("title".into())),
            (3, "set".into(), Some("description".into())),
            (4, "set".into(), Some("title".into())),
            (5, "set".into(), Some("description".into())),
        ]
    );
    assert_eq!(preds(&store, 2), [1], "the first title replaces the insert's");
    assert_eq!(preds(&store, 4), [2], "the next title replaces the first");
    assert_eq!(preds(&store, 5), [3]);
    store.delete_series(created.id).unwrap();
    assert_eq!(preds(&store, 6), [1, 4, 5], "the delete has seen the row and both fields");
}

#[test]
fn an_action_that_fails_records_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let failed: crate::Result<()> = store.transaction(|s| {
        s.create_series(&series("Half-done"))?;
        Err(Error::invalid(Field::Title, "the second step fails"))
    });
    assert!(failed.is_err());
    assert!(ops(&store).is_empty());
    store.create_series(&series("Whole")).unwrap();
    let recorded = ops(&store);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].1, 1, "the sequence has no gap");
}

#[test]
fn copies_of_one_plan_brought_up_to_date_apart_write_the_same_starting_state() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second, drifted) =
        (dir.path().join("a.rtplan"), dir.path().join("b.rtplan"), dir.path().join("c.rtplan"));
    plan_before_the_journal(&first, "MIEUX 2018");
    std::fs::copy(&first, &second).unwrap();
    plan_before_the_journal(&drifted, "MIEUX 2018 (edited)");
    let (first, second, drifted) =
        (Store::open(&first).unwrap(), Store::open(&second).unwrap(), Store::open(&drifted).unwrap());
    assert_eq!(first.plan_id().unwrap(), second.plan_id().unwrap());
    assert_eq!(first.plan_id().unwrap(), drifted.plan_id().unwrap(), "the same plan, by its rows' ids");
    let starting = ops(&first);
    assert_eq!(starting.len(), 3, "one insert per row");
    assert_eq!(starting, ops(&second), "same actor, same operations");
    assert_ne!(starting[0].0, ops(&drifted)[0].0, "a drifted copy starts under another actor");
    assert_ne!(actor(&first), actor(&second), "each file writes as its own actor");
}

#[test]
fn a_copied_file_writes_as_a_new_actor_and_a_reopened_or_restored_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.rtplan");
    let mut store = Store::open(&path).unwrap();
    store.create_series(&series("MIEUX")).unwrap();
    let first = actor(&store);
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(actor(&store), first, "reopened, the file goes on as itself");
    drop(store);
    let copy = dir.path().join("copy.rtplan");
    std::fs::copy(&path, &copy).unwrap();
    let mut copied = Store::open(&copy).unwrap();
    assert_ne!(actor(&copied), first, "a copy is another writer");
    copied.create_series(&series("Dialogues")).unwrap();
    assert_eq!(ops(&copied).iter().filter(|op| op.0 == actor(&copied)).map(|op| op.1).collect::<Vec<_>>(), [1]);

    let backups = crate::Backups::at(dir.path().join("backups"));
    let mut store = Store::open_with_backups(&path, backups, crate::Installation::unnamed()).unwrap();
    let taken = store.back_up(crate::BackupReason::Requested).unwrap().unwrap();
    store.create_series(&series("Consultations")).unwrap();
    let before_restore = actor(&store);
    let written = ops(&store).len();
    store.restore_backup(Path::new(&taken.file)).unwrap();
    // Restored as an action of its own, the file goes on with its journal: no sequence number is used twice.
    assert_eq!(actor(&store), before_restore);
    assert_eq!(ops(&store).len(), written + 1, "the series made since the backup is deleted, as one more operation");
}

#[test]
fn a_text_that_looks_like_a_number_is_kept_as_typed_and_undone_as_typed() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_series(&series("MIEUX")).unwrap();
    for title in ["0812345678", "1.50", "1e3"] {
        store.update_series(created.id, &series(title)).unwrap();
    }
    let values: Vec<rusqlite::types::Value> =
        ops(&store).into_iter().filter(|op| op.5.is_some()).map(|op| op.6).collect();
    let text = |t: &str| rusqlite::types::Value::Text(t.into());
    assert_eq!(values, [text("0812345678"), text("1.50"), text("1e3")]);
    store.undo().unwrap();
    assert_eq!(store.list_series().unwrap()[0].title, "1.50");
    store.undo().unwrap();
    assert_eq!(store.list_series().unwrap()[0].title, "0812345678");
}

#[test]
fn an_installation_is_named_once_its_organiser_gives_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = crate::Installation::load(dir.path()).unwrap();
    assert!(!fresh.named, "the desktop's user name stands until one is given");
    let mut store = Store::open_with_backups(
        &dir.path().join("plan.rtplan"),
        crate::Backups::at(dir.path().join("backups")),
        fresh.clone(),
    )
    .unwrap();
    store.set_identity("Ana Reyes", "IOM Thailand", Some(dir.path())).unwrap();
    let again = crate::Installation::load(dir.path()).unwrap();
    assert_eq!((again.id, again.named, again.name.as_str()), (fresh.id, true, "Ana Reyes"));
    // An installation file written before the flag existed reads as not named.
    std::fs::write(
        dir.path().join("installation.json"),
        format!(r#"{{"id":"{}","name":"ana","organisation":""}}"#, fresh.id),
    )
    .unwrap();
    assert!(!crate::Installation::load(dir.path()).unwrap().named);
}

#[test]
fn operations_sent_twice_in_one_merge_are_kept_and_counted_once() {
    let mut writer = Store::open_in_memory().unwrap();
    writer.create_series(&series("MIEUX 2018")).unwrap();
    writer.create_series(&series("MIEUX 2019")).unwrap();
    let (actors, shared) = writer.shared_since(&Default::default()).unwrap();
    let twice: Vec<_> = shared.iter().chain(shared.iter()).cloned().collect();
    let mut reader = Store::open_in_memory().unwrap();
    let report = reader.merge(&actors, &twice).unwrap();
    assert_eq!(report.received as usize, shared.len());
    let kept = |store: &Store| ops(store).into_iter().filter(|op| op.0 == actor(&writer)).count();
    assert_eq!(kept(&reader), shared.len());
    assert_eq!(reader.list_series().unwrap().len(), 2);
    assert_eq!(reader.merge(&actors, &twice).unwrap().received, 0, "received again: nothing new");
}
