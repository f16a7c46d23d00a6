//! The `roundtable` binary as a script would use it: a fresh plan store per
//! test, text and JSON output, errors on stderr with a non-zero exit.

mod common;

use common::{REGIONAL_DIALOGUE, roundtable_on};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn roundtable(db: &Path, args: &[&str]) -> Output {
    roundtable_on(db).args(args).output().expect("runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = roundtable(db, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(db, &all)).unwrap()
}

#[test]
fn example_load_creates_the_seed_events_once_and_event_list_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    assert_eq!(json(&db, &["example", "load"]), serde_json::json!({ "created": 3, "already_present": 0 }));
    assert_eq!(json(&db, &["example", "load"]), serde_json::json!({ "created": 0, "already_present": 3 }));
    let events = json(&db, &["event", "list"]);
    let titles: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    let text = ok(&db, &["event", "list"]);
    assert!(text.contains("21–23 Sep 2022") && text.contains("5–6 Mar 2018"), "{text}");
}

#[test]
fn event_show_prints_delegations_agenda_and_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    ok(&db, &["example", "load"]);
    let text = ok(&db, &["event", "show", "MIEUX Regional Round-table: Asia"]);
    for expected in
        ["Cambodia", "Lao PDR", "Timor-Leste", "not named", "Agenda (times in Asia/Bangkok)", "No conflicts."]
    {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let shown = json(&db, &["event", "show", "High-level Regional Dialogue"]);
    assert_eq!(shown["overview"]["event"]["start_date"], "2022-09-21");
    assert_eq!(shown["agenda"]["days"].as_array().unwrap().len(), 3);
}

#[test]
fn a_plan_is_built_from_the_command_line_and_a_clash_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    let event = json(&db, &[&REGIONAL_DIALOGUE[..], &["--series", "Dialogues 2026"]].concat());
    let id = event["id"].as_str().unwrap();
    json(&db, &["delegation", "add", "--event", id, "--country", "ID", "--quota", "12"]);
    let added = json(
        &db,
        &[
            "participant",
            "add",
            "--event",
            id,
            "--delegation",
            "Indonesia",
            "--family-name",
            "Rahma",
            "--given-name",
            "Siti",
            "--role",
            "head",
            "--status",
            "confirmed",
            "--gender",
            "female",
        ],
    );
    assert_eq!(added["participant"]["role"], "head");
    let first = json(
        &db,
        &[
            "session",
            "add",
            "--event",
            id,
            "--date",
            "2026-09-21",
            "--start",
            "09:00",
            "--end",
            "10:00",
            "--title",
            "Opening",
            "--speaker",
            "Rahma",
        ],
    );
    assert_eq!(first["conflicts"], serde_json::json!([]));
    let second = json(
        &db,
        &[
            "session",
            "add",
            "--event",
            id,
            "--date",
            "2026-09-21",
            "--start",
            "09:30",
            "--end",
            "10:30",
            "--title",
            "Panel",
            "--speaker",
            "Rahma",
        ],
    );
    assert_eq!(second["conflicts"][0]["kind"], "person_double_booked", "{second}");
    let tracker = json(&db, &["event", "tracker", id]);
    assert_eq!(tracker["rows"][0]["counts"]["confirmed"], 1);
    assert_eq!(tracker["rows"][0]["head"], "Siti Rahma");
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    let out = roundtable(
        &db,
        &[
            "--json",
            "event",
            "create",
            "--title",
            "X",
            "--city",
            "B",
            "--country",
            "TH",
            "--time-zone",
            "Asia/Bangkok",
            "--start",
            "2026-02-30",
            "--end",
            "2026-03-01",
        ],
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!((error["kind"].as_str(), error["field"].as_str()), (Some("validation"), Some("start_date")));
    let out = roundtable(&db, &["event", "show", "nothing like this"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("roundtable: No event"), "{out:?}");
    assert_eq!(json(&db, &["event", "list"]), serde_json::json!([]));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    ok(&db, &["example", "load"]);
    let mut child = roundtable_on(&db)
        .args(["event", "show", "MIEUX Regional Round-table: Asia"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the program writes, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("panicked"), "{:?}: {stderr}", out.status);
}

#[test]
fn help_documents_every_object_and_verb_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    let objects = [
        "series",
        "event",
        "organisation",
        "organiser",
        "funding",
        "delegation",
        "person",
        "participant",
        "day",
        "session",
        "media-contact",
        "outcome",
        "follow-up",
        "example",
        "country",
        "export",
        "import",
        "backup",
        "plan",
    ];
    let top = ok(&db, &["--help"]);
    for object in objects {
        assert!(top.contains(&format!("  {object} ")), "{object} missing from:\n{top}");
        let verbs = ok(&db, &[object, "--help"]);
        let verbs: Vec<&str> = verbs
            .lines()
            .skip_while(|l| !l.starts_with("Commands:"))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|v| *v != "help")
            .collect();
        assert!(!verbs.is_empty(), "{object} has no verbs");
        for verb in verbs {
            let help = ok(&db, &[object, verb, "--help"]);
            assert!(help.contains("Example: roundtable "), "{object} {verb} has no example:\n{help}");
        }
    }
}

#[test]
fn a_command_line_that_does_not_parse_is_a_json_error_under_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    let out = roundtable(&db, &["--json", "event", "show"]);
    assert!(!out.status.success() && out.stdout.is_empty());
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["kind"], "validation", "{error}");
    assert!(!db.exists(), "nothing was opened");
}

#[test]
fn country_list_finds_codes_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite3");
    let found = json(&db, &["country", "list", "--search", "lao"]);
    assert_eq!(found[0]["id"], "LA", "{found}");
    assert_eq!(found[0]["alpha3"], "LAO");
    let found = json(&db, &["country", "list", "--search", "COTE D IVOIRE"]);
    assert_eq!(found[0]["id"], "CI", "without accents, case or apostrophes: {found}");
}
