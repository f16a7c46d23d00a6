//! Several `roundtable` processes on one plan file, as co-organisers' scripts
//! and the window are: every write waits its turn and succeeds, and every
//! write is in the plan afterwards. A large import beside a writer adding a
//! participant every half second succeeds with both writers' rows.
//!
//! The import has 5,000 rows here; `ROUNDTABLE_STRESS_ROWS=100000` runs the
//! full-size form.

mod common;

use common::{REGIONAL_DIALOGUE, roundtable_on};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

const WRITER_PROCESSES: usize = 3;
const WRITES_EACH: usize = 25;

fn roundtable(db: &Path, args: &[&str]) -> Output {
    roundtable_on(db).args(args).output().expect("runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = roundtable(db, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn participant_count(db: &Path, event: &str) -> usize {
    let list: Value = serde_json::from_str(&ok(db, &["--json", "participant", "list", "--event", event])).unwrap();
    list.as_array().expect("a JSON array").len()
}

fn plan_with_event(db: &Path) {
    ok(db, &REGIONAL_DIALOGUE);
    ok(db, &["delegation", "add", "--event", "Regional dialogue", "--country", "TH"]);
}

/// Adds participant `family` to the Thai delegation; the failure's message when it fails.
fn add(db: &Path, family: &str) -> Option<String> {
    let out = roundtable(
        db,
        &["participant", "add", "--event", "Regional dialogue", "--delegation", "TH", "--family-name", family],
    );
    (!out.status.success()).then(|| format!("{family}: {}", String::from_utf8_lossy(&out.stderr).trim()))
}

#[test]
fn writer_processes_and_a_reader_all_succeed_and_every_write_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    plan_with_event(&db);

    let failures: Vec<String> = thread::scope(|scope| {
        let mut processes = Vec::new();
        for writer in 0..WRITER_PROCESSES {
            let db = &db;
            processes.push(scope.spawn(move || {
                (0..WRITES_EACH).filter_map(|n| add(db, &format!("Writer{writer}-{n}"))).collect::<Vec<_>>()
            }));
        }
        let db = &db;
        processes.push(scope.spawn(move || {
            (0..WRITES_EACH)
                .filter_map(|_| {
                    let out = roundtable(db, &["event", "tracker", "Regional dialogue"]);
                    (!out.status.success()).then(|| format!("reader: {}", String::from_utf8_lossy(&out.stderr)))
                })
                .collect()
        }));
        processes.into_iter().flat_map(|p| p.join().unwrap()).collect()
    });

    assert!(failures.is_empty(), "{} of the runs failed: {failures:#?}", failures.len());
    assert_eq!(participant_count(&db, "Regional dialogue"), WRITER_PROCESSES * WRITES_EACH);
}

#[test]
fn a_large_import_beside_a_writer_every_half_second_keeps_both_writers_rows() {
    let rows: usize = std::env::var("ROUNDTABLE_STRESS_ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(5_000);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    plan_with_event(&db);
    let csv = dir.path().join("registrations.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(file, "First name,Surname,Country,E-mail").unwrap();
    for n in 0..rows {
        let country = ["Indonesia", "Malaysia", "Thailand"][n % 3];
        writeln!(file, "Imported,Person {n},{country},person{n}@example.org").unwrap();
    }
    drop(file);

    let import_over = AtomicBool::new(false);
    let (import, added) = thread::scope(|scope| {
        let importer = scope.spawn(|| {
            let csv = csv.to_str().unwrap();
            let out = roundtable(&db, &["import", "participants", "--event", "Regional dialogue", csv]);
            import_over.store(true, Ordering::SeqCst);
            out
        });
        let writer = scope.spawn(|| {
            let mut results = Vec::new();
            let mut n = 0;
            // Until the import is over, and then once more.
            while !import_over.load(Ordering::SeqCst) {
                results.push(add(&db, &format!("Beside{n}")));
                n += 1;
                thread::sleep(Duration::from_millis(500));
            }
            results.push(add(&db, &format!("Beside{n}")));
            results
        });
        let added = writer.join().unwrap();
        (importer.join().unwrap(), added)
    });

    assert!(import.status.success(), "the import failed: {}", String::from_utf8_lossy(&import.stderr));
    let failed: Vec<&String> = added.iter().flatten().collect();
    assert!(failed.is_empty(), "the writer beside the import failed: {failed:?}");
    assert_eq!(participant_count(&db, "Regional dialogue"), rows + added.len(), "both writers' rows are kept");
}

/// A write that truly cannot go on (another program holds the plan for longer
/// than the busy timeout, shortened here) fails with a message that names the
/// other `roundtable` commands that have the plan open, never with SQLite's
/// "database is locked", even while it was still opening the plan.
#[test]
fn a_write_that_waits_out_the_busy_timeout_says_which_programs_have_the_plan_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    plan_with_event(&db);
    // A program that leaves no note (the sqlite3 shell, say) holds the write lock.
    let holding = rusqlite::Connection::open(&db).unwrap();
    holding.execute_batch("BEGIN IMMEDIATE").unwrap();
    let series = |title: &str, seconds: &str| {
        roundtable_on(&db)
            .env(roundtable_core::store::BUSY_TIMEOUT_ENV, seconds)
            .args(["series", "create", "--title", title])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let patient = series("Patient", "30");
    thread::sleep(Duration::from_millis(1500));
    let hasty = series("Hasty", "1").wait_with_output().unwrap();
    let message = String::from_utf8_lossy(&hasty.stderr).into_owned();
    assert!(!hasty.status.success());
    assert!(!message.contains("database is locked"), "{message}");
    let expected = format!(
        "roundtable: The plan is busy: another program has been writing to it for over 1 second. \
         Open in: `roundtable series create` (process {}, since ",
        patient.id()
    );
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.trim_end().ends_with("Wait for it to finish, then try again."), "{message}");
    // The lock let go, the patient writer goes on.
    holding.execute_batch("ROLLBACK").unwrap();
    let patient = patient.wait_with_output().unwrap();
    assert!(patient.status.success(), "{}", String::from_utf8_lossy(&patient.stderr));
}
