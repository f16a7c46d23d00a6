//! Every multi-row user action is all or nothing when the process dies at a
//! chosen write, not only at a random moment (`crash_kills.rs`): `strace`
//! runs the real `roundtable` binary and kills it with SIGKILL as it makes
//! its Nth `pwrite64` (SQLite writes the plan, its write-ahead log and a
//! backup with it), before that write happens.
//!
//! For each action, an uninterrupted traced run counts its writes; the kills
//! then land on writes spread evenly over the run, and on each of the last
//! few (the commit, the checkpoint as the plan closes). After each kill the
//! plan must be whole and equal to the plan before the action or the one the
//! whole run leaves, as in the random harness. The bounded form kills each of
//! the eight actions at 12 writes; the long form at every Nth:
//!
//! ```text
//! ROUNDTABLE_CRASH_WRITES=100 cargo test -p roundtable-cli --test crash_at_writes -- --nocapture
//! ```

mod common;
mod crash;

use common::roundtable_on;
use crash::{Action, Facts, actions, check, difference, events_listed, fresh_copy, starting_point, template};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

/// Writes killed at per action in the bounded form; `ROUNDTABLE_CRASH_WRITES` sets another number.
const WRITES_PER_ACTION: usize = 12;
/// Of those, the last writes of the run, each killed at.
const LAST_WRITES: usize = 3;

/// The action's run under `strace` with `options`; the trace goes to `trace`.
fn traced(db: &Path, action: &Action, options: &[String], trace: &Path) -> ExitStatus {
    let cli = roundtable_on(db);
    let mut command = Command::new("strace");
    command.args(["-f", "-qq", "-e", "trace=pwrite64", "-o"]).arg(trace).args(options);
    command.arg(cli.get_program()).args(cli.get_args()).args(&action.args);
    for (key, value) in cli.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    command.status().expect("strace runs (the set-up script installs it)")
}

/// The writes an uninterrupted run makes, and the plan it leaves.
fn count_writes(template: &Path, db: &Path, action: &Action) -> (usize, Facts) {
    fresh_copy(template, db);
    let trace = db.with_extension("trace");
    let status = traced(db, action, &[], &trace);
    assert!(status.success(), "{}: the uninterrupted traced run failed: {status}", action.name);
    let writes = std::fs::read_to_string(&trace).unwrap().lines().filter(|l| l.contains("pwrite64(")).count();
    (writes, check(db).unwrap_or_else(|problem| panic!("{}, uninterrupted: {problem}", action.name)))
}

/// The writes to kill at: `count` spread over the run, and the last few.
fn chosen(writes: usize, count: usize) -> Vec<usize> {
    let spread = count.saturating_sub(LAST_WRITES).max(1);
    let mut at: Vec<usize> = (0..spread).map(|i| 1 + i * writes / spread).collect();
    at.extend(writes.saturating_sub(LAST_WRITES - 1)..=writes);
    at.retain(|&n| n >= 1 && n <= writes);
    at.sort_unstable();
    at.dedup();
    at
}

/// Kills the action at its `nth` write and checks the plan it leaves; true when
/// the plan is as after the action (the kill came after the commit).
fn kill_at(
    template: &Path,
    db: &Path,
    action: &Action,
    nth: usize,
    before: &Facts,
    after: &Facts,
) -> Result<bool, String> {
    fresh_copy(template, db);
    let inject = format!("inject=pwrite64:signal=KILL:when={nth}");
    let status = traced(db, action, &["-e".into(), inject], &db.with_extension("trace"));
    if status.signal() != Some(9) {
        return Err(format!("the run was not killed at write {nth}: {status}"));
    }
    let facts = check(db)?;
    let listed = events_listed(db)?;
    if listed as i64 != facts["event rows"] {
        return Err(format!("`event list` shows {listed} events of {}", facts["event rows"]));
    }
    if facts == *after {
        Ok(true)
    } else if facts == *before {
        Ok(false)
    } else {
        Err(format!(
            "a partial write: against the plan before, {:?}; against the action's whole run, {:?}",
            difference(before, &facts),
            difference(after, &facts)
        ))
    }
}

#[test]
fn a_kill_at_any_chosen_write_of_every_multi_row_action_leaves_the_plan_whole_and_the_action_all_or_nothing() {
    let count = std::env::var("ROUNDTABLE_CRASH_WRITES").ok().and_then(|n| n.parse().ok()).unwrap_or(WRITES_PER_ACTION);
    let work = tempfile::tempdir().unwrap();
    let template = template(work.path());
    let before = check(&template.db).expect("the template is whole");
    let db = work.path().join("plan.sqlite3");
    let (mut failures, mut total) = (Vec::new(), 0);
    for action in actions(work.path()) {
        let (start, before) = starting_point(&template.db, &db, &action, &before);
        let (writes, after) = count_writes(&start, &db, &action);
        assert!(writes > 0, "{}: no write traced", action.name);
        let points = chosen(writes, count);
        let mut left_after = 0;
        for &nth in &points {
            match kill_at(&start, &db, &action, nth, &before, &after) {
                Ok(whole_action) => left_after += usize::from(whole_action),
                Err(problem) => failures.push(format!("{}, killed at write {nth} of {writes}: {problem}", action.name)),
            }
        }
        total += points.len();
        println!(
            "{:<13} {writes:>5} writes; killed at {} of them ({:?}): {} left the plan as before, {left_after} as after",
            action.name,
            points.len(),
            points,
            points.len() - left_after,
        );
    }
    assert!(failures.is_empty(), "{} kills left a broken or partial plan:\n{}", failures.len(), failures.join("\n"));
    assert!(total >= 6 * WRITES_PER_ACTION.min(count), "every action was killed at its chosen writes");
}

#[test]
fn the_chosen_writes_spread_over_the_run_and_take_each_of_the_last() {
    assert_eq!(chosen(100, 12), [1, 12, 23, 34, 45, 56, 67, 78, 89, 98, 99, 100]);
    assert_eq!(chosen(4, 12), [1, 2, 3, 4], "a short run is killed at every write");
}
