//! Job 13: a plan saved by an earlier version of the app opens in this one
//! with everything it held. Each fixture in `fixtures/plans/` is a plan of an
//! earlier schema version, made by the `roundtable` CLI of that version
//! (`fixtures/plans/make.sh`, which names the commits), and kept as a file;
//! beside it, `plan-vN.json` records what that CLI's `--json` output showed
//! of it. The test opens a copy with the current code, which migrates it, and
//! checks that the current code shows the same: events with their dates,
//! organisers and funding, delegations, participants with roles and
//! statuses, sessions with their speakers, people found by folded names, and
//! the counters the migrations keep equal to a recount.

use roundtable_core::store::SCHEMA_VERSION;
use roundtable_core::text::fold;
use roundtable_core::{BackupReason, Backups, ChangeKind, HistoryFilter, Installation, ParticipantFilter, Store};
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The earlier schema versions the fixtures cover.
const FIXTURES: [usize; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plans")
}

/// The fixture plan of `version` and what its own version's CLI showed of it.
fn fixture(version: usize) -> (PathBuf, Value) {
    let plan = fixtures().join(format!("plan-v{version}.sqlite3"));
    let shown = fixtures().join(format!("plan-v{version}.json"));
    let shown = std::fs::read_to_string(&shown).unwrap_or_else(|e| panic!("{}: {e}", shown.display()));
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["schema_version"], version, "plan-v{version}.json is of another version");
    (plan, shown)
}

/// A copy of the fixture plan of `version` in a temporary folder.
fn copy_of(version: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(format!("plan-v{version}.sqlite3"));
    std::fs::copy(fixture(version).0, &copy).unwrap();
    (dir, copy)
}

fn user_version(plan: &Path) -> usize {
    let conn = Connection::open_with_flags(plan, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0)).unwrap() as usize
}

fn id(value: &Value) -> Uuid {
    value.as_str().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("{value} is not an id"))
}

/// What `expected` says that `actual` does not: `None` when every key of an
/// expected object is in the actual one with an equal value, every record
/// of an expected list is in the actual list (in any order, as many), and
/// scalars are equal (numbers by value, so 25000 and 25000.0 agree).
fn missing(actual: &Value, expected: &Value, at: &str) -> Option<String> {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => expected.iter().find_map(|(key, want)| {
            let at = format!("{at}.{key}");
            match actual.get(key) {
                Some(have) => missing(have, want, &at),
                None => Some(format!("{at} is gone (was {want})")),
            }
        }),
        (Value::Array(actual), Value::Array(expected)) => {
            if actual.len() != expected.len() {
                return Some(format!("{at} has {} records, was {}", actual.len(), expected.len()));
            }
            expected.iter().enumerate().find_map(|(i, want)| {
                let at = match want.get("title").or_else(|| want.get("name")).and_then(Value::as_str) {
                    Some(name) => format!("{at}[{i}] ({name})"),
                    None => format!("{at}[{i}]"),
                };
                // A record with an id is compared with the record of that id,
                // so the message says which field changed.
                match identity(want).and_then(|key| actual.iter().find(|have| identity(have) == Some(key))) {
                    Some(have) => missing(have, want, &at),
                    None if actual.iter().any(|have| missing(have, want, &at).is_none()) => None,
                    None => Some(format!("{at} is gone: {want}")),
                }
            })
        }
        (Value::Number(have), Value::Number(want)) if have.as_f64() == want.as_f64() => None,
        _ if actual == expected => None,
        // A country is shown by the UN's name now ("Lao People’s Democratic
        // Republic"), where an earlier version showed the ISO one: the same country.
        (Value::String(have), Value::String(want))
            if at.ends_with("country_name")
                && roundtable_core::countries::match_country(have).is_some()
                && roundtable_core::countries::match_country(have)
                    == roundtable_core::countries::match_country(want) =>
        {
            None
        }
        _ => Some(format!("{at} is {actual}, was {expected}")),
    }
}

/// A record's id: its own, its participation's or its day's.
fn identity(record: &Value) -> Option<&Value> {
    record.get("id").or_else(|| record.get("participant")?.get("id")).or_else(|| record.get("day")?.get("id"))
}

#[track_caller]
fn holds(actual: Value, expected: &Value, what: &str) {
    if let Some(problem) = missing(&actual, expected, what) {
        panic!("{problem}");
    }
}

/// Opens a copy of the fixture of `version` with the current code and checks it holds what it held.
fn migrates_with_its_data(version: usize) {
    let (original, shown) = fixture(version);
    let before = std::fs::read(&original).unwrap();
    let (_dir, plan) = copy_of(version);
    assert_eq!(user_version(&plan), version, "the fixture is a plan of version {version}");

    let store = Store::open(&plan).unwrap_or_else(|e| panic!("plan-v{version} does not open: {e}"));
    shows_what_it_held(&store, &shown);
    let history = store.history(&HistoryFilter { limit: Some(u32::MAX), ..HistoryFilter::default() }).unwrap();
    drop(store);
    if version < 6 {
        // The journal starts from what the plan held: one insert per row, before any change.
        assert!(history.iter().all(|c| c.at.is_none() && c.kind == ChangeKind::Insert), "plan-v{version}");
        assert_eq!(history.len(), rows_in(&plan), "one starting insert per row of plan-v{version}");
    } else {
        // A plan with a journal keeps it: every change its CLI made, with when.
        assert!(history.iter().all(|c| c.at.is_some()), "plan-v{version}");
        assert!(history.len() > rows_in(&plan), "plan-v{version}'s history holds its edits too");
        // A removed record is named from the row its delete kept, in the form that version wrote.
        let deletes: Vec<_> = history.iter().filter(|c| c.kind == ChangeKind::Delete).collect();
        assert!(!deletes.is_empty(), "plan-v{version}'s CLI removed a participant");
        assert!(deletes.iter().all(|c| !c.record_label.is_empty()), "plan-v{version}: {deletes:?}");
    }

    assert_eq!(user_version(&plan), SCHEMA_VERSION, "plan-v{version} is migrated");
    file_is_whole(&plan, &shown);
    assert!(std::fs::read(&original).unwrap() == before, "{} was changed", original.display());
}

/// How many rows the plan's planning tables hold (not the journal's, not the search index's).
fn rows_in(plan: &Path) -> usize {
    let conn = Connection::open_with_flags(plan, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'journal\\_%' ESCAPE '\\'
             AND name NOT LIKE 'person\\_search%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    tables
        .iter()
        .map(|t| conn.query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get::<_, u32>(0)).unwrap() as usize)
        .sum()
}

/// The plan shows, through the core's API, what the old CLI showed of it.
fn shows_what_it_held(store: &Store, shown: &Value) {
    let events = shown["events"].as_array().unwrap();
    let summaries: Vec<Value> = events.iter().map(|e| e["summary"].clone()).collect();
    holds(json!(store.list_events().unwrap()), &Value::Array(summaries), "events");
    let mut people = Vec::new();
    for event in events {
        let event_id = id(&event["summary"]["id"]);
        let title = event["summary"]["title"].as_str().unwrap();
        holds(json!(store.event(event_id).unwrap()), &event["event"], title);
        holds(json!(store.event_organisers(event_id).unwrap()), &event["organisers"], &format!("{title}: organisers"));
        holds(json!(store.event_fundings(event_id).unwrap()), &event["fundings"], &format!("{title}: fundings"));
        holds(
            json!(store.media_contacts(event_id).unwrap()),
            &event["media_contacts"],
            &format!("{title}: media contacts"),
        );
        holds(json!(store.outcomes(event_id).unwrap()), &event["outcomes"], &format!("{title}: outcomes"));
        holds(json!(store.follow_ups(event_id).unwrap()), &event["follow_ups"], &format!("{title}: follow-ups"));
        let tracker = store.delegation_tracker(event_id).unwrap();
        holds(json!(tracker.rows), &event["delegations"], &format!("{title}: delegations"));
        let participants = store.list_participants(event_id, &ParticipantFilter::default()).unwrap();
        holds(json!(participants), &event["participants"], &format!("{title}: participants"));
        holds(json!(store.agenda(event_id).unwrap().days), &event["days"], &format!("{title}: agenda"));
        people.extend(event["participants"].as_array().unwrap().iter().map(|p| p["person"].clone()));
    }
    if let Some(all) = shown.get("people") {
        holds(json!(store.search_people("", u32::MAX).unwrap()), all, "people");
        people.extend(all.as_array().unwrap().iter().cloned());
        holds(json!(store.list_organisations().unwrap()), &shown["organisations"], "organisations");
        holds(json!(store.list_series().unwrap()), &shown["series"], "series");
    }

    // Everyone is found by their family name typed without accents, and the
    // stored full name is honorific, given and family name.
    for person in &people {
        let person_id = id(&person["id"]);
        let family = person["family_name"].as_str().unwrap();
        let found = store.search_people(&fold(family), u32::MAX).unwrap();
        let Some(found) = found.iter().find(|p| p.id == person_id) else {
            panic!("'{}' does not find {family}", fold(family));
        };
        let name: Vec<&str> = ["honorific", "given_name", "family_name"]
            .iter()
            .filter_map(|field| person.get(*field).and_then(Value::as_str))
            .collect();
        assert_eq!(found.full_name, name.join(" "), "the full name of {family}");
    }
}

/// The migrated file is whole, its rows all there, and its kept counters a recount.
fn file_is_whole(plan: &Path, shown: &Value) {
    let conn = Connection::open_with_flags(plan, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let orphans: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| {
            Ok(format!("{} row {:?} → {}", r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(orphans, Vec::<String>::new(), "rows whose parent is gone");

    for (table, count) in shown["tables"].as_object().unwrap() {
        let now: i64 = conn.query_row(&format!("SELECT COUNT(*) FROM \"{table}\""), [], |r| r.get(0)).unwrap();
        if table.starts_with("journal_") {
            // The journal keeps all it held; opening adds this file's new actor.
            assert!(now >= count.as_i64().unwrap(), "rows of {table}: {now}, fewer than {count}");
        } else {
            assert_eq!(now, count.as_i64().unwrap(), "rows of {table}");
        }
    }

    let miscounted: Vec<(String, i64, i64, i64, i64, i64, i64)> = conn
        .prepare(
            "SELECT title, delegation_count, seat_count, session_count, delegations, seats, sessions FROM (
                 SELECT e.title, e.delegation_count, e.seat_count, e.session_count,
                     (SELECT COUNT(*) FROM delegation d WHERE d.event_id = e.id) AS delegations,
                     (SELECT COUNT(*) FROM participant p WHERE p.event_id = e.id AND p.holds_seat) AS seats,
                     (SELECT COUNT(*) FROM session s WHERE s.event_id = e.id) AS sessions
                 FROM event e)
             WHERE delegation_count <> delegations OR seat_count <> seats OR session_count <> sessions",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(miscounted, [], "events whose kept counts (delegations, seats, sessions) are not a recount");

    let people: i64 = conn.query_row("SELECT COUNT(*) FROM person", [], |r| r.get(0)).unwrap();
    let indexed: i64 = conn.query_row("SELECT COUNT(*) FROM person_search", [], |r| r.get(0)).unwrap();
    assert_eq!(indexed, people, "everyone is in the people search index");
    drop(conn);
    let conn = Connection::open(plan).unwrap();
    conn.execute("INSERT INTO person_search (person_search) VALUES ('integrity-check')", []).unwrap();
}

#[test]
fn a_plan_of_version_1_opens_migrated_with_all_it_held() {
    migrates_with_its_data(1);
}

#[test]
fn a_plan_of_version_2_opens_migrated_with_all_it_held() {
    migrates_with_its_data(2);
}

#[test]
fn a_plan_of_version_3_opens_migrated_with_all_it_held() {
    migrates_with_its_data(3);
}

#[test]
fn a_plan_of_version_4_opens_migrated_with_all_it_held() {
    migrates_with_its_data(4);
}

#[test]
fn a_plan_of_version_5_opens_migrated_with_all_it_held() {
    migrates_with_its_data(5);
}

#[test]
fn a_plan_of_version_6_opens_migrated_with_all_it_held() {
    migrates_with_its_data(6);
}

#[test]
fn a_plan_of_version_7_opens_migrated_with_all_it_held() {
    migrates_with_its_data(7);
}

#[test]
fn a_plan_of_version_8_opens_migrated_with_all_it_held() {
    migrates_with_its_data(8);
}

#[test]
fn a_plan_of_version_9_opens_migrated_with_all_it_held() {
    migrates_with_its_data(9);
}

#[test]
fn a_plan_of_version_10_opens_migrated_with_all_it_held() {
    migrates_with_its_data(10);
}

#[test]
fn a_plan_of_version_11_opens_migrated_with_all_it_held() {
    migrates_with_its_data(11);
}

#[test]
fn the_new_event_of_the_version_1_plan_keeps_its_accents_and_speakers() {
    // The same checks as above, spelled out on a few records of the plan.
    let (_dir, plan) = copy_of(1);
    let store = Store::open(&plan).unwrap();
    let events = store.list_events().unwrap();
    let hanoi = events.iter().find(|e| e.host_city == "Hà Nội").expect("the Hà Nội dialogue");
    assert_eq!(hanoi.title, "Dialogue régional sur la mobilité de main-d'œuvre");
    assert_eq!((hanoi.start_date.to_string(), hanoi.end_date.to_string()), ("2026-05-12".into(), "2026-05-14".into()));
    assert_eq!(hanoi.series_title.as_deref(), Some("Dialogues régionaux ASEAN"));
    assert_eq!(
        (hanoi.delegations, hanoi.participants, hanoi.sessions),
        (8, 8, 4),
        "declined and cancelled hold no seat"
    );

    let names = |search: &str| -> Vec<String> {
        store.search_people(search, 10).unwrap().into_iter().map(|p| p.full_name).collect()
    };
    assert_eq!(names("nguyen"), ["Văn An Nguyễn"]);
    assert_eq!(names("suilleabhain"), ["Dr Siobhán Ó Súilleabháin"]);
    assert_eq!(names("CELIK"), ["Zoë Çelik"]);

    let agenda = store.agenda(hanoi.id).unwrap();
    let panel = agenda.days.iter().flat_map(|d| &d.sessions).find(|s| s.title.starts_with("Panel")).unwrap();
    let people: Vec<(String, &str)> = panel.people.iter().map(|p| (p.name.clone(), p.role.as_str())).collect();
    assert_eq!(
        people,
        [
            ("Dr Siobhán Ó Súilleabháin".to_owned(), "chair"),
            ("Văn An Nguyễn".to_owned(), "speaker"),
            ("Søren Kierkegård".to_owned(), "speaker"),
            ("Łukasz Wiśniewski".to_owned(), "speaker"),
            ("José Muñoz".to_owned(), "speaker"),
        ]
    );
}

#[test]
fn an_earlier_plan_is_backed_up_as_it_was_before_it_is_migrated() {
    for version in FIXTURES {
        let (dir, plan) = copy_of(version);
        let backups = Backups::at(dir.path().join("backups"));
        let store = Store::open_with_backups(&plan, backups.clone(), Installation::unnamed()).unwrap();
        let events = store.list_events().unwrap().len();
        drop(store);
        let taken = backups.list().unwrap();
        assert_eq!(taken.len(), 1, "one backup of plan-v{version}");
        assert_eq!(taken[0].reason, BackupReason::BeforeMigration);
        assert_eq!(taken[0].events as usize, events);
        assert_eq!(user_version(Path::new(&taken[0].file)), version, "the backup is the plan before its migration");
        assert_eq!(user_version(&plan), SCHEMA_VERSION);

        // Opened again, the plan is of this version: no second backup.
        drop(Store::open_with_backups(&plan, backups.clone(), Installation::unnamed()).unwrap());
        assert_eq!(backups.list().unwrap().len(), 1);
    }
}

#[test]
fn every_earlier_schema_has_a_fixture() {
    let covered: Vec<usize> =
        (1..SCHEMA_VERSION).filter(|v| fixtures().join(format!("plan-v{v}.sqlite3")).is_file()).collect();
    assert_eq!(
        covered,
        (1..SCHEMA_VERSION).collect::<Vec<_>>(),
        "a plan of each earlier schema version is kept in fixtures/plans (made with make.sh by the CLI of the last \
         commit of that version)"
    );
    assert_eq!(covered, FIXTURES);
}
