//! The plan the crash harnesses start from (with a team folder where a
//! teammate's registrations wait), the multi-row actions they interrupt
//! (a sync among them), and the checks of the plan a killed action leaves: whole (SQLite's
//! integrity check, no dangling foreign key, the people search index and the
//! counters kept on each event equal to a recount) and all or nothing.
//! `crash_kills.rs` kills at random moments, `crash_at_writes.rs` at chosen writes.
#![allow(dead_code)] // each harness uses its own share

use crate::common::{Plan, REGIONAL_DIALOGUE, roundtable_on};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Participants of the event the actions work on (four delegations).
pub const PLAN_ROWS: usize = 1_200;
/// Rows of the imported file: new people, a fifth of them in a new delegation.
pub const IMPORT_ROWS: usize = 2_000;
/// Registrations a teammate imported into the team folder (what `sync` brings in), in a Philippine delegation.
pub const TEAMMATE_ROWS: usize = 500;
pub const EVENT: &str = "Regional dialogue";
/// Sessions of the event (four on each of its three days), each with two speakers.
pub const SESSIONS: usize = 12;

/// What a plan holds, as named counts: rows per table, and per event its
/// participants by status, delegations, days, sessions, speakers and funders.
pub type Facts = BTreeMap<String, i64>;

pub const TABLES: [&str; 14] = [
    "series",
    "organisation",
    "event",
    "event_organiser",
    "funding",
    "delegation",
    "person",
    "participant",
    "agenda_day",
    "session",
    "session_person",
    "media_contact",
    "outcome",
    "follow_up",
];

pub const PER_EVENT: &str = "
    SELECT e.title || ': ' || p.status, COUNT(*) FROM participant p JOIN event e ON e.id = p.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': delegations', COUNT(*) FROM delegation d JOIN event e ON e.id = d.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': days', COUNT(*) FROM agenda_day d JOIN event e ON e.id = d.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': sessions', COUNT(*) FROM session s JOIN event e ON e.id = s.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': session people', COUNT(*)
        FROM session_person sp JOIN session s ON s.id = sp.session_id JOIN event e ON e.id = s.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': organisers', COUNT(*) FROM event_organiser o JOIN event e ON e.id = o.event_id GROUP BY 1
    UNION ALL SELECT e.title || ': fundings', COUNT(*) FROM funding f JOIN event e ON e.id = f.event_id GROUP BY 1
    UNION ALL SELECT 'series ' || s.title || ': events', COUNT(e.id) FROM series s LEFT JOIN event e ON e.series_id = s.id
        GROUP BY 1";

/// People missing from the people search index, and index rows that are no
/// one (migrations 0003 and 0010).
const SEARCH_INDEX_DRIFT: &str = "
    SELECT (SELECT COUNT(*) FROM (SELECT rowid FROM person EXCEPT SELECT rowid FROM person_search))
        + (SELECT COUNT(*) FROM (SELECT rowid FROM person_search EXCEPT SELECT rowid FROM person))";

/// The folded name and e-mail address of the people looked up in the search
/// index, which keeps no copy of the text to compare: the 16 latest written
/// and about 48 more spread over the plan (a lookup per person would make the
/// harnesses several times slower on a debug build).
const FOLDED_PEOPLE: &str = "
    SELECT rowid, fold(given_name || ' ' || family_name), fold(coalesce(email, '')) FROM person
    WHERE rowid > (SELECT MAX(rowid) FROM person) - 16 OR rowid % (SELECT COUNT(*) / 48 + 1 FROM person) = 0";

/// Events whose kept counters (migrations 0002 and 0003) differ from a recount in plain SQL.
pub const COUNTER_DRIFT: &str = "
    SELECT title FROM event e
    WHERE delegation_count <> (SELECT COUNT(*) FROM delegation WHERE event_id = e.id)
       OR seat_count <> (SELECT COUNT(*) FROM participant WHERE event_id = e.id AND status NOT IN ('declined', 'cancelled'))
       OR session_count <> (SELECT COUNT(*) FROM session WHERE event_id = e.id)";

/// One user action as a command line, and what its uninterrupted run must change.
pub struct Action {
    pub name: &'static str,
    /// A command run once on the plan file itself before the action, whose
    /// result every run of the action starts from ([`starting_point`]); empty
    /// for an action that starts from the template.
    pub setup: Vec<String>,
    pub args: Vec<String>,
    /// The changes expected of an uninterrupted run: (fact, before → after difference).
    pub changes: Vec<(String, i64)>,
}

/// The plan file every run of `action` is copied from, and what it holds:
/// the template, or for an action with a setup, the template after the setup
/// ran on `db` itself. An undo needs that: the action it undoes must be this
/// file's own, and a copy writes as a new writer with nothing to undo; every
/// run then copies the starting point onto `db` (the same file: copying onto it
/// keeps its inode), so the action stays this file's own.
pub fn starting_point(template: &Path, db: &Path, action: &Action, before: &Facts) -> (PathBuf, Facts) {
    if action.setup.is_empty() {
        return (template.to_owned(), before.clone());
    }
    fresh_copy(template, db);
    let output = roundtable_on(db).args(&action.setup).output().unwrap();
    assert!(output.status.success(), "{} set-up: {}", action.name, String::from_utf8_lossy(&output.stderr));
    let start = db.with_extension(format!("{}.start", action.name.replace(' ', "-")));
    std::fs::copy(db, &start).unwrap();
    let facts = check(&start).unwrap_or_else(|problem| panic!("{} set-up: {problem}", action.name));
    (start, facts)
}

pub fn actions(work: &Path) -> Vec<Action> {
    let seats = (PLAN_ROWS / 4) as i64;
    let teammate = TEAMMATE_ROWS as i64;
    let plan = PLAN_ROWS as i64;
    let strings = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    let change = |fact: &str, by: i64| (fact.to_owned(), by);
    let import = work.join("import.csv");
    vec![
        Action {
            name: "import",
            setup: Vec::new(),
            args: strings(&["import", "participants", "--event", EVENT, import.to_str().unwrap()]),
            changes: vec![
                change("participant rows", IMPORT_ROWS as i64),
                change("person rows", IMPORT_ROWS as i64),
                change("delegation rows", 1),
            ],
        },
        Action {
            name: "examples",
            setup: Vec::new(),
            args: strings(&["example", "load"]),
            changes: vec![change("event rows", 3)],
        },
        Action {
            name: "new event",
            setup: Vec::new(),
            args: strings(&[
                "event",
                "create",
                "--title",
                "Winter school",
                "--city",
                "Hanoi",
                "--country",
                "VN",
                "--time-zone",
                "Asia/Ho_Chi_Minh",
                "--start",
                "2027-01-04",
                "--end",
                "2027-03-04",
                "--series",
                "Winter schools 2027",
            ]),
            changes: vec![
                change("event rows", 1),
                change("agenda_day rows", 60),
                change("series rows", 1),
                change("series Winter schools 2027: events", 1),
            ],
        },
        Action {
            name: "next stop",
            setup: Vec::new(),
            args: strings(&[
                "event",
                "duplicate",
                EVENT,
                "--title",
                "Regional dialogue: Manila",
                "--city",
                "Manila",
                "--country",
                "PH",
                "--time-zone",
                "Asia/Manila",
                "--start",
                "2027-09-20",
                "--copy-participants",
            ]),
            changes: vec![
                change("event rows", 1),
                change("Regional dialogue: Manila: invited", plan),
                change("Regional dialogue: Manila: days", 3),
                change("Regional dialogue: Manila: sessions", SESSIONS as i64),
                change("Regional dialogue: Manila: session people", 2 * SESSIONS as i64),
                change("Regional dialogue: Manila: fundings", 1),
            ],
        },
        Action {
            name: "sync",
            setup: Vec::new(),
            args: strings(&["sync", "--folder", work.join("team").to_str().unwrap()]),
            changes: vec![
                change("participant rows", teammate),
                change("person rows", teammate),
                change("Regional dialogue: invited", teammate),
            ],
        },
        Action {
            name: "bulk status",
            setup: Vec::new(),
            args: strings(&["participant", "status", "--event", EVENT, "--delegation", "TH", "declined"]),
            changes: vec![change("Regional dialogue: declined", seats), change("Regional dialogue: invited", -seats)],
        },
        Action {
            name: "undo import",
            setup: strings(&["import", "participants", "--event", EVENT, import.to_str().unwrap()]),
            args: strings(&["undo"]),
            changes: vec![
                change("participant rows", -(IMPORT_ROWS as i64)),
                change("person rows", -(IMPORT_ROWS as i64)),
                change("delegation rows", -1),
            ],
        },
        Action {
            name: "delete event",
            setup: Vec::new(),
            args: strings(&["event", "delete", EVENT]),
            changes: vec![
                change("event rows", -1),
                change("participant rows", -plan),
                change("session_person rows", -2 * SESSIONS as i64),
                change("person rows", 0),
            ],
        },
    ]
}

pub fn write_csv(path: &Path, rows: std::ops::Range<usize>, prefix: &str, countries: &[&str]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(file, "Family name,Given name,Country,E-mail").unwrap();
    for n in rows {
        writeln!(file, "{prefix} {n},Crash,{},{prefix}{n}@example.org", countries[n % countries.len()]).unwrap();
    }
}

/// The plan every kill starts from: an event with four delegations of
/// `PLAN_ROWS` participants, three days of sessions with speakers, an
/// organiser and a funder; closed, so that copying the file copies the plan.
pub fn template(work: &Path) -> Plan {
    let plan = Plan::new();
    plan.ok(&[&REGIONAL_DIALOGUE[..], &["--series", "Dialogues 2026"]].concat());
    // The speakers first, then the others: naming a speaker is quicker among a few participants.
    let countries = ["Indonesia", "Malaysia", "Thailand", "Viet Nam"];
    let (speakers, others) = (work.join("speakers.csv"), work.join("registrations.csv"));
    write_csv(&speakers, 0..2 * SESSIONS, "plan", &countries);
    write_csv(&others, 2 * SESSIONS..PLAN_ROWS, "plan", &countries);
    plan.ok(&["import", "participants", "--event", EVENT, speakers.to_str().unwrap()]);
    for session in 0..SESSIONS {
        let (day, slot) = (21 + session / 4, session % 4);
        let (start, end) = (format!("{:02}:00", 9 + 2 * slot), format!("{:02}:30", 10 + 2 * slot));
        let speakers = [format!("plan{}@example.org", 2 * session), format!("plan{}@example.org", 2 * session + 1)];
        plan.ok(&[
            "session",
            "add",
            "--event",
            EVENT,
            "--date",
            &format!("2026-09-{day}"),
            "--start",
            &start,
            "--end",
            &end,
            "--title",
            &format!("Session {session}"),
            "--kind",
            "plenary",
            "--speaker",
            &speakers[0],
            "--speaker",
            &speakers[1],
        ]);
    }
    plan.ok(&["import", "participants", "--event", EVENT, others.to_str().unwrap()]);
    plan.ok(&["organisation", "create", "--name", "European Union", "--short-name", "EU", "--kind", "donor"]);
    plan.ok(&["organiser", "add", "EU", "--event", EVENT, "--role", "funder"]);
    plan.ok(&["funding", "add", "--event", EVENT, "--funder", "EU", "--amount", "50000", "--currency", "EUR"]);
    write_csv(
        &work.join("import.csv"),
        0..IMPORT_ROWS,
        "import",
        &["Indonesia", "Malaysia", "Thailand", "Viet Nam", "Cambodia"],
    );
    // A teammate joins through a team folder and imports registrations the plan has not received yet.
    let team = work.join("team");
    std::fs::create_dir_all(&team).unwrap();
    plan.ok(&["sync", "--folder", team.to_str().unwrap()]);
    let teammate = Plan::new();
    teammate.ok(&["sync", "--folder", team.to_str().unwrap()]);
    let registrations = work.join("teammate.csv");
    write_csv(&registrations, 0..TEAMMATE_ROWS, "teammate", &["Philippines"]);
    teammate.ok(&["import", "participants", "--event", EVENT, registrations.to_str().unwrap()]);
    teammate.ok(&["sync"]);
    assert!(!wal(&plan.db).exists(), "the template is closed: its -wal file is gone");
    plan
}

pub fn wal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// A fresh copy of the template at `db`, with no -wal or -shm of an earlier run.
pub fn fresh_copy(template: &Path, db: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        std::fs::remove_file(PathBuf::from(name)).ok();
    }
    std::fs::copy(template, db).unwrap();
}

/// The plan's facts after checking that it is whole; what is wrong with it otherwise.
pub fn check(db: &Path) -> Result<Facts, String> {
    let conn = Connection::open(db).map_err(|e| format!("does not open: {e}"))?;
    roundtable_core::text::register(&conn).unwrap();
    let sql = |e: rusqlite::Error| e.to_string();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .map_err(sql)?
        .query_map([], |r| r.get(0))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    if integrity != ["ok"] {
        return Err(format!("integrity_check: {integrity:?}"));
    }
    let dangling: i64 =
        conn.prepare("PRAGMA foreign_key_check").map_err(sql)?.query_map([], |_| Ok(())).map_err(sql)?.count() as i64;
    if dangling > 0 {
        return Err(format!("{dangling} rows with a dangling foreign key"));
    }
    conn.execute("INSERT INTO person_search (person_search) VALUES ('integrity-check')", [])
        .map_err(|e| format!("the people search index fails its integrity check: {e}"))?;
    let drift: i64 = conn.query_row(SEARCH_INDEX_DRIFT, [], |r| r.get(0)).map_err(sql)?;
    if drift > 0 {
        return Err(format!("{drift} rows of the people search index differ from the people"));
    }
    let people: Vec<(i64, String, String)> = conn
        .prepare(FOLDED_PEOPLE)
        .map_err(sql)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    let mut found = conn
        .prepare("SELECT EXISTS (SELECT 1 FROM person_search WHERE person_search MATCH ?1 AND rowid = ?2)")
        .map_err(sql)?;
    for (rowid, name, email) in people {
        for text in [name, email].into_iter().filter(|t| t.chars().count() >= 3) {
            if !found
                .query_row(rusqlite::params![roundtable_core::person::trigrams(&text), rowid], |r| r.get::<_, bool>(0))
                .map_err(sql)?
            {
                return Err(format!("person {rowid} is not found in the people search index by '{text}'"));
            }
        }
    }
    let miscounted: Vec<String> = conn
        .prepare(COUNTER_DRIFT)
        .map_err(sql)?
        .query_map([], |r| r.get(0))
        .map_err(sql)?
        .collect::<Result<_, _>>()
        .map_err(sql)?;
    if !miscounted.is_empty() {
        return Err(format!("kept counters differ from a recount on {miscounted:?}"));
    }
    let mut facts = Facts::new();
    for table in TABLES {
        let rows = conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).map_err(sql)?;
        facts.insert(format!("{table} rows"), rows);
    }
    let mut per_event = conn.prepare(PER_EVENT).map_err(sql)?;
    for fact in per_event.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql)? {
        let (name, count): (String, i64) = fact.map_err(sql)?;
        facts.insert(name, count);
    }
    Ok(facts)
}

/// The CLI opens the plan and lists its events; how many.
pub fn events_listed(db: &Path) -> Result<usize, String> {
    let out = roundtable_on(db).args(["--json", "event", "list"]).output().expect("runs");
    if !out.status.success() {
        return Err(format!("`event list` fails on the plan: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    Ok(list.as_array().map_or(0, Vec::len))
}

/// The facts that differ between two plans, for a failure's message.
pub fn difference(a: &Facts, b: &Facts) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let (x, y) = (a.get(name).copied().unwrap_or(0), b.get(name).copied().unwrap_or(0));
            (x != y).then(|| format!("{name}: {x} → {y}"))
        })
        .collect()
}
