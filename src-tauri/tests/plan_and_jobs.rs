//! The shell's state under concurrent work: reads beside a long write, the
//! window told when another process changes the plan (and not for its own
//! writes), and long jobs taking turns.

mod support;

use roundtable_core::{SeriesInput, Store};
use roundtable_planner::jobs::{JobKind, LongJobs};
use roundtable_planner::plan_watch::POLL_EVERY;
use roundtable_planner::state::AppState;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use support::{PROGRESS, TestApp};
use tauri::Listener;
use tauri::async_runtime::block_on;
use tauri::ipc::{Channel, InvokeResponseBody};

fn series(title: &str) -> SeriesInput {
    SeriesInput { title: title.into(), description: String::new() }
}

#[test]
fn a_read_answers_while_a_long_write_holds_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::new(Store::open(&dir.path().join("plan.sqlite3")).unwrap());
    let (writing, write_started) = mpsc::channel();
    let writer = state.clone();
    let long_write = std::thread::spawn(move || {
        block_on(writer.write(move |store| {
            writing.send(()).unwrap();
            std::thread::sleep(Duration::from_secs(2));
            store.create_series(&series("Dialogues 2026"))
        }))
    });
    write_started.recv().unwrap();
    let asked = Instant::now();
    let before = block_on(state.read(|store| store.list_series())).unwrap();
    assert!(asked.elapsed() < Duration::from_millis(500), "the read waited {:?}", asked.elapsed());
    assert!(before.is_empty(), "the write is not committed yet");
    long_write.join().unwrap().unwrap();
    let after = block_on(state.read(|store| store.list_series())).unwrap();
    assert_eq!(after.len(), 1, "a reader sees what the writer committed");
}

#[test]
fn a_store_in_memory_reads_from_its_writer() {
    let state = AppState::new(Store::open_in_memory().unwrap());
    block_on(state.write(|store| store.create_series(&series("Dialogues 2026")))).unwrap();
    assert_eq!(block_on(state.read(|store| store.list_series())).unwrap().len(), 1);
}

#[test]
fn a_reader_refuses_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite3");
    drop(Store::open(&path).unwrap());
    let mut reader = Store::open_reader(&path).unwrap();
    let error = reader.create_series(&series("Dialogues 2026")).unwrap_err();
    assert_eq!(error.kind(), roundtable_core::ErrorKind::Storage, "{error}");
    assert!(Store::open(&path).unwrap().list_series().unwrap().is_empty());
}

/// Waits up to `limit` for `done`.
fn eventually(limit: Duration, done: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    done()
}

#[test]
fn the_window_hears_of_another_process_changing_the_plan_but_not_of_its_own_writes() {
    let app = TestApp::new();
    let heard = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&heard);
    app.app.listen_any("plan-changed", move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });

    let input = json!({ "input": { "title": "Dialogues 2026", "description": "" } });
    app.invoke("create_series", input).unwrap();
    std::thread::sleep(POLL_EVERY * 3);
    assert_eq!(heard.load(Ordering::SeqCst), 0, "the window's own write is not news");

    // The CLI writes the same file through a connection of its own.
    Store::open(&app.plan()).unwrap().create_series(&series("Round-tables 2027")).unwrap();
    assert!(eventually(POLL_EVERY * 4, || heard.load(Ordering::SeqCst) == 1), "the change was not heard");
    std::thread::sleep(POLL_EVERY * 2);
    assert_eq!(heard.load(Ordering::SeqCst), 1, "one change, one event");
    let titles = app.invoke("list_series", json!({})).unwrap();
    assert_eq!(titles.as_array().unwrap().len(), 2, "{titles}");
}

#[test]
fn a_second_long_job_waits_its_turn_and_says_what_it_waits_for() {
    let jobs = Arc::new(LongJobs::default());
    let silent = Channel::new(|_| Ok(()));
    let heard: Arc<Mutex<Vec<Value>>> = Arc::default();
    let recorded = Arc::clone(&heard);
    let progress = Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            recorded.lock().unwrap().push(serde_json::from_str(&json).unwrap());
        }
        Ok(())
    });

    let import = block_on(jobs.start(JobKind::Import, &silent));
    let queue = Arc::clone(&jobs);
    let export = std::thread::spawn(move || {
        block_on(async {
            let _turn = queue.start(JobKind::Export, &progress).await;
            Instant::now()
        })
    });
    assert!(eventually(Duration::from_secs(2), || !heard.lock().unwrap().is_empty()));
    assert_eq!(*heard.lock().unwrap(), [json!({ "stage": "waiting", "behind": "import" })]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(!export.is_finished(), "the export started while the import ran");
    let import_ended = Instant::now();
    drop(import);
    assert!(export.join().unwrap() >= import_ended);
}

#[test]
fn the_plan_check_runs_beside_the_writer_and_names_a_damaged_row() {
    let app = TestApp::new();
    let event = app.example_event();
    let sound = app.invoke("check_plan", json!({})).unwrap();
    assert_eq!(sound, json!({ "integrity_problems": [], "damaged_rows": [] }));

    let outside = rusqlite::Connection::open(app.plan()).unwrap();
    let damaged = outside
        .execute(
            "UPDATE participant SET status = 'garbled'
             WHERE rowid = (SELECT min(rowid) FROM participant WHERE event_id = ?1)",
            [uuid::Uuid::parse_str(&event).unwrap()],
        )
        .unwrap();
    assert_eq!(damaged, 1);
    let check = app.invoke("check_plan", json!({})).unwrap();
    let rows = check["damaged_rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{check}");
    assert_eq!(rows[0]["record"], "participant");
    assert!(rows[0]["reason"].as_str().unwrap().contains("garbled"), "{check}");
    assert!(!app.list_participants(&event).is_empty(), "the others are still listed");
}

#[test]
fn after_the_plan_check_the_journal_is_compacted() {
    let app = TestApp::new();
    app.example_event();
    // A setting changed three times; the journal is then made to look 100 days old.
    for months in [240, 300, 360] {
        app.invoke("set_retention_months", json!({ "months": months })).unwrap();
    }
    let outside = rusqlite::Connection::open(app.plan()).unwrap();
    let days = (100_i64 * 86_400_000) << 16;
    outside.execute("UPDATE journal_op SET hlc = hlc - ?1", [days]).unwrap();
    let operations = || -> i64 { outside.query_row("SELECT COUNT(*) FROM journal_op", [], |r| r.get(0)).unwrap() };
    let before = operations();
    app.invoke("check_plan", json!({})).unwrap();
    assert_eq!(operations(), before - 1, "the 300 months typed over by 360 are folded away");
    assert_eq!(app.invoke("retention_months", json!({})).unwrap(), json!(360));
}

#[test]
fn a_long_list_of_participants_comes_in_pages_in_the_stores_order() {
    let app = TestApp::new();
    let event = app.example_event();
    let mut csv = String::from("Surname;Given name;Country;Email\n");
    for n in 0..2500 {
        csv.push_str(&format!("Person{n:04};Test;Cambodia;person{n}@interior.gov.kh\n"));
    }
    let file = app.choose_open("many.csv", csv.as_bytes());
    let args = json!({ "eventId": event, "path": file, "mapping": null, "sheet": null, "onProgress": PROGRESS });
    let preview = app.invoke("preview_import", args).unwrap();
    let args =
        json!({ "eventId": event, "path": file, "mapping": preview["mapping"], "sheet": null, "onProgress": PROGRESS });
    assert_eq!(app.invoke("commit_import", args).unwrap()["report"]["created"], 2500);

    let sizes = |first_rows| -> Vec<usize> {
        app.list_pages(&event, first_rows).iter().map(|page| page["rows"].as_array().unwrap().len()).collect()
    };
    let store = Store::open(&app.plan()).unwrap();
    let listed = store.list_participants(event.parse().unwrap(), &Default::default()).unwrap();
    assert!(listed.len() > 2500);
    assert_eq!(sizes(None), [1000, 1000, listed.len() - 2000], "pages of a thousand rows, the rest in the last");
    // A panel showing a few rows asks for a screenful first.
    assert_eq!(sizes(Some(40)), [40, 1000, 1000, listed.len() - 2040]);

    let ids: Vec<String> =
        app.list_participants(&event).iter().map(|row| row["participant"]["id"].to_string()).collect();
    let in_store: Vec<String> = listed.iter().map(|row| format!("\"{}\"", row.participant.id)).collect();
    assert_eq!(ids, in_store, "the pages put together are the store's list, in its order");
}
