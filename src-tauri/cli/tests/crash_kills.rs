//! Every multi-row user action is all or nothing, even when the process dies
//! in the middle of it: the real `roundtable` binary is killed (`kill -9`) at
//! random moments while it imports participants, loads the examples, creates
//! an event with its days, duplicates an event as the next stop, sets the
//! status of a whole delegation, or deletes an event with everything in it.
//!
//! After each kill the plan must be whole: SQLite's integrity check, no
//! dangling foreign key, the people search index equal to the people it
//! indexes, the counters kept on each event equal to a recount, and the
//! action's rows all there or none of them (the plan equals either the plan
//! before the action or the one an uninterrupted run leaves). The CLI then
//! opens the plan once more.
//!
//! Each action is timed at the start, uninterrupted (the fastest of three
//! runs, warm as the kills' runs are): when the binary opens the plan (its
//! `-wal` file appears), when it last writes to it (the `-wal` file stops
//! growing: the commit), and when it exits. Most kills are drawn between the
//! opening and the commit, where a half-written action could be left; one in
//! five from the whole run, start to exit and beyond. A run that is over
//! before its kill is drawn again, and not counted as a kill.
//!
//! The bounded form in `cargo test` kills each of the six actions 35 times
//! (210 kills, about half a minute). The long form, and a replay of a failure
//! by its seed:
//!
//! ```text
//! ROUNDTABLE_CRASH_KILLS=500 cargo test -p roundtable-cli --test crash_kills -- --nocapture
//! ROUNDTABLE_CRASH_SEED=1234 cargo test -p roundtable-cli --test crash_kills -- --nocapture
//! ```

mod common;

use common::{Plan, REGIONAL_DIALOGUE, roundtable_on};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// Kills per action in the bounded form; `ROUNDTABLE_CRASH_KILLS` sets another number.
const KILLS_PER_ACTION: usize = 35;
/// Participants of the event the actions work on (four delegations).
const PLAN_ROWS: usize = 1_200;
/// Rows of the imported file: new people, a fifth of them in a new delegation.
const IMPORT_ROWS: usize = 2_000;
const EVENT: &str = "Regional dialogue";
/// Sessions of the event (four on each of its three days), each with two speakers.
const SESSIONS: usize = 12;

/// What a plan holds, as named counts: rows per table, and per event its
/// participants by status, delegations, days, sessions, speakers and funders.
type Facts = BTreeMap<String, i64>;

const TABLES: [&str; 14] = [
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

const PER_EVENT: &str = "
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

/// The people search index row by row against a recomputation from `person` (migration 0003), both ways.
const SEARCH_INDEX_DRIFT: &str = "
    WITH expected AS MATERIALIZED (
        SELECT rowid, fold(given_name || ' ' || family_name), fold(email), fold(organisation) FROM person),
    indexed AS MATERIALIZED (SELECT rowid, name, email, organisation FROM person_search)
    SELECT (SELECT COUNT(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM indexed))
        + (SELECT COUNT(*) FROM (SELECT * FROM indexed EXCEPT SELECT * FROM expected))";

/// Events whose kept counters (migrations 0002 and 0003) differ from a recount in plain SQL.
const COUNTER_DRIFT: &str = "
    SELECT title FROM event e
    WHERE delegation_count <> (SELECT COUNT(*) FROM delegation WHERE event_id = e.id)
       OR seat_count <> (SELECT COUNT(*) FROM participant WHERE event_id = e.id AND status NOT IN ('declined', 'cancelled'))
       OR session_count <> (SELECT COUNT(*) FROM session WHERE event_id = e.id)";

/// One user action as a command line, and what its uninterrupted run must change.
struct Action {
    name: &'static str,
    args: Vec<String>,
    /// The changes expected of an uninterrupted run: (fact, before → after difference).
    changes: Vec<(String, i64)>,
}

fn actions(work: &Path) -> Vec<Action> {
    let seats = (PLAN_ROWS / 4) as i64;
    let plan = PLAN_ROWS as i64;
    let strings = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    let change = |fact: &str, by: i64| (fact.to_owned(), by);
    let import = work.join("import.csv");
    vec![
        Action {
            name: "import",
            args: strings(&["import", "participants", "--event", EVENT, import.to_str().unwrap()]),
            changes: vec![
                change("participant rows", IMPORT_ROWS as i64),
                change("person rows", IMPORT_ROWS as i64),
                change("delegation rows", 1),
            ],
        },
        Action { name: "examples", args: strings(&["example", "load"]), changes: vec![change("event rows", 3)] },
        Action {
            name: "new event",
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
            name: "bulk status",
            args: strings(&["participant", "status", "--event", EVENT, "--delegation", "TH", "declined"]),
            changes: vec![change("Regional dialogue: declined", seats), change("Regional dialogue: invited", -seats)],
        },
        Action {
            name: "delete event",
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

fn kills_per_action() -> usize {
    std::env::var("ROUNDTABLE_CRASH_KILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(KILLS_PER_ACTION)
}

fn seed() -> u64 {
    std::env::var("ROUNDTABLE_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    })
}

fn write_csv(path: &Path, rows: std::ops::Range<usize>, prefix: &str, countries: &[&str]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(file, "Family name,Given name,Country,E-mail").unwrap();
    for n in rows {
        writeln!(file, "{prefix} {n},Crash,{},{prefix}{n}@example.org", countries[n % countries.len()]).unwrap();
    }
}

/// The plan every kill starts from: an event with four delegations of
/// `PLAN_ROWS` participants, three days of sessions with speakers, an
/// organiser and a funder; closed, so that copying the file copies the plan.
fn template(work: &Path) -> Plan {
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
    assert!(!wal(&plan.db).exists(), "the template is closed: its -wal file is gone");
    plan
}

fn wal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// A fresh copy of the template at `db`, with no -wal or -shm of an earlier run.
fn fresh_copy(template: &Path, db: &Path) {
    for suffix in ["-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        std::fs::remove_file(PathBuf::from(name)).ok();
    }
    std::fs::copy(template, db).unwrap();
}

fn spawn(db: &Path, action: &Action, stderr: &Path) -> Child {
    roundtable_on(db)
        .args(&action.args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .expect("spawns")
}

/// The plan's facts after checking that it is whole; what is wrong with it otherwise.
fn check(db: &Path) -> Result<Facts, String> {
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
fn events_listed(db: &Path) -> Result<usize, String> {
    let out = roundtable_on(db).args(["--json", "event", "list"]).output().expect("runs");
    if !out.status.success() {
        return Err(format!("`event list` fails on the plan: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    Ok(list.as_array().map_or(0, Vec::len))
}

/// The facts that differ between two plans, for a failure's message.
fn difference(a: &Facts, b: &Facts) -> Vec<String> {
    let names: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter_map(|name| {
            let (x, y) = (a.get(name).copied().unwrap_or(0), b.get(name).copied().unwrap_or(0));
            (x != y).then(|| format!("{name}: {x} → {y}"))
        })
        .collect()
}

/// An uninterrupted run of an action: when it opened the plan, last wrote to it, and exited; and the plan it left.
struct Timing {
    opened: Duration,
    written: Duration,
    exited: Duration,
    after: Facts,
}

fn time(template: &Path, db: &Path, action: &Action, before: &Facts) -> Timing {
    fresh_copy(template, db);
    let stderr = db.with_extension("stderr");
    let wal = wal(db);
    let mut child = spawn(db, action, &stderr);
    let started = Instant::now();
    let (mut opened, mut written, mut size) = (None, None, 0);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if let Ok(meta) = std::fs::metadata(&wal) {
            opened.get_or_insert(started.elapsed());
            if meta.len() != size {
                size = meta.len();
                written = Some(started.elapsed());
            }
        }
        std::thread::sleep(Duration::from_micros(100));
    };
    let exited = started.elapsed();
    assert!(status.success(), "{}: {}", action.name, std::fs::read_to_string(&stderr).unwrap());
    let after = check(db).unwrap_or_else(|problem| panic!("{}, uninterrupted: {problem}", action.name));
    for (fact, by) in &action.changes {
        let was = before.get(fact).copied().unwrap_or(0);
        assert_eq!(after.get(fact).copied().unwrap_or(0) - was, *by, "{}: {fact}", action.name);
    }
    let opened = opened.unwrap_or(Duration::ZERO);
    Timing { opened, written: written.unwrap_or(exited).max(opened), exited, after }
}

/// Where one kill landed.
enum Landing {
    /// Before the binary opened the plan.
    Early,
    /// After it opened the plan, and the action left no trace: killed mid-action.
    Mid,
    /// After the commit, before the exit: the whole action is there.
    Late,
    /// The run was over before the kill: not counted as a kill.
    Exited,
}

/// Runs the action on a fresh copy of the template, kills it after `delay`,
/// and checks the plan it leaves: whole, opened by the CLI, and equal to the
/// plan `before` the action or the one its uninterrupted run leaves (`after`).
fn kill_once(
    template: &Path,
    db: &Path,
    action: &Action,
    delay: Duration,
    before: &Facts,
    after: &Facts,
) -> Result<Landing, String> {
    fresh_copy(template, db);
    let mut child = spawn(db, action, &db.with_extension("stderr"));
    std::thread::sleep(delay);
    let over = child.try_wait().unwrap();
    child.kill().ok();
    let status = child.wait().unwrap();
    let opened = wal(db).exists();
    let facts = check(db)?;
    let listed = events_listed(db)?;
    if listed as i64 != facts["event rows"] {
        return Err(format!("`event list` shows {listed} events of {}", facts["event rows"]));
    }
    match over {
        Some(_) if !status.success() => Err(format!("the run failed: {status}")),
        Some(_) if facts == *after => Ok(Landing::Exited),
        None if facts == *after => Ok(Landing::Late),
        None if facts == *before => Ok(if opened { Landing::Mid } else { Landing::Early }),
        _ => Err(format!(
            "a partial write: against the plan before, {:?}; against the action's whole run, {:?}",
            difference(before, &facts),
            difference(after, &facts)
        )),
    }
}

#[test]
fn kill_9_during_every_multi_row_action_leaves_the_plan_whole_and_the_action_all_or_nothing() {
    let began = Instant::now();
    let seed = seed();
    let kills = kills_per_action();
    println!("crash harness: seed {seed} (replay with ROUNDTABLE_CRASH_SEED={seed}), {kills} kills per action");
    let mut rng = fastrand::Rng::with_seed(seed);
    let work = tempfile::tempdir().unwrap();
    let template = template(work.path());
    let before = check(&template.db).expect("the template is whole");
    let db = work.path().join("plan.sqlite3");
    let mut failures = Vec::new();
    let mut total = 0;
    for action in actions(work.path()) {
        // The fastest of three runs: warm, as every kill's run is (the first pages in the binary's code).
        let timing = (0..3).map(|_| time(&template.db, &db, &action, &before)).min_by_key(|t| t.exited).unwrap();
        // Kills that landed before the opening, mid-action, after the commit; runs over before the kill.
        let (mut landed, mut killed) = ([0; 4], 0);
        while killed < kills {
            assert!(
                landed[Landing::Exited as usize] < 2 * kills,
                "{}: the runs keep ending before the kill",
                action.name
            );
            // Mostly between the opening and the commit; one kill in five anywhere in the run and beyond.
            let (from, to) = if rng.u8(..5) == 0 {
                (Duration::ZERO, timing.exited.mul_f64(1.2))
            } else {
                (timing.opened.mul_f64(0.8), timing.written.mul_f64(1.2))
            };
            let delay = from + (to - from).mul_f64(rng.f64());
            match kill_once(&template.db, &db, &action, delay, &before, &timing.after) {
                Ok(Landing::Exited) => landed[Landing::Exited as usize] += 1,
                Ok(landing) => {
                    landed[landing as usize] += 1;
                    killed += 1;
                }
                Err(problem) => {
                    failures.push(format!("{}, a kill after {delay:?}: {problem}", action.name));
                    killed += 1;
                }
            }
        }
        total += kills;
        println!(
            "{:<13} run {:>4} ms (plan opened at {:>3} ms, written by {:>4} ms): {kills} kills: {} before the plan was opened, \
             {} mid-action (left as before), {} after the commit (left as after); {} runs over before the kill",
            action.name,
            timing.exited.as_millis(),
            timing.opened.as_millis(),
            timing.written.as_millis(),
            landed[0],
            landed[1],
            landed[2],
            landed[3],
        );
    }
    println!(
        "crash harness: {total} kills in {:.1} s, {} partial or broken plans",
        began.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "seed {seed}: {} kills left a broken or partial plan:\n{}",
        failures.len(),
        failures.join("\n")
    );
    if std::env::var_os("ROUNDTABLE_CRASH_KILLS").is_none() {
        assert!(total >= 200, "the bounded form kills at least 200 times");
    }
}
