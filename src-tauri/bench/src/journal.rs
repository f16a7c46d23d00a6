//! The change journal's benchmarks: what recording every change costs a large
//! import (the commit with the journal on and off, alternately, and the bytes
//! it adds per participant), a teammate merging that import through a team
//! folder, and undoing it. `--journal` runs these alone.

use crate::documents::{DocumentSpec, fresh_plan};
use crate::measure::{Timing, time_pair, time_prepared};
use roundtable_core::Store;
use roundtable_documents::import;
use std::path::Path;
use uuid::Uuid;

/// Times the journal's work on an import of `csv` (`spec.import_rows` rows)
/// into fresh plans in `scratch`.
pub fn bench(spec: &DocumentSpec, scratch: &Path, csv: &[u8]) -> Vec<Timing> {
    let rows = spec.import_rows;
    let mut out = Vec::new();
    // The commit with the change journal on (as the app runs) and off, alternately.
    let fresh_plan_journalled = |journal: bool| {
        let (mut plan, event) = fresh_plan(scratch, if journal { "commit" } else { "commit-unjournalled" });
        if !journal {
            plan.stop_journal_for_benchmark().unwrap();
        }
        (plan, event)
    };
    let commit = |(mut plan, event): (Store, Uuid)| {
        let table = import::read_bytes(csv, None).unwrap();
        let done = import::commit(&mut plan, event, &table, None).unwrap();
        assert_eq!(done.report.created as usize, rows);
        plan
    };
    out.extend(time_pair(
        [&format!("import {rows} rows: commit, new plan"), &format!("import {rows} rows: commit, journal off")],
        1,
        spec.import_runs,
        |_, off| fresh_plan_journalled(!off),
        commit,
    ));
    let size = |journal: bool| -> u64 {
        let plan = commit(fresh_plan_journalled(journal));
        let path = plan.path().unwrap().to_owned();
        drop(plan);
        std::fs::metadata(path).map_or(0, |m| m.len())
    };
    // A teammate merging that import through a team folder, and the import undone.
    out.push(time_prepared(
        &format!("merge a {rows}-row import into a teammate's plan"),
        0,
        spec.merge_runs,
        |i| {
            let mut plan = commit(fresh_plan_journalled(true));
            let folder = scratch.join(format!("team-{i}"));
            std::fs::create_dir_all(&folder).unwrap();
            plan.sync_folder(&folder).unwrap();
            let joiner = scratch.join(format!("joiner-{i}.sqlite3"));
            (Store::open(&joiner).unwrap(), folder)
        },
        |(mut joiner, folder)| {
            let report = joiner.sync_folder(&folder).unwrap();
            assert!(report.merged.received as usize > 2 * rows);
            joiner
        },
    ));
    out.push(time_prepared(
        &format!("undo a {rows}-row import"),
        0,
        spec.merge_runs,
        |_| commit(fresh_plan_journalled(true)),
        |mut plan| {
            assert!(plan.undo().unwrap().is_some());
            plan
        },
    ));
    // Every sync compacts: on the imported plan there is nothing to fold, and it must stay cheap.
    out.push(time_prepared(
        &format!("compact the journal of a {rows}-row import"),
        0,
        spec.merge_runs,
        |_| commit(fresh_plan_journalled(true)),
        |mut plan| {
            assert_eq!(plan.compact_journal(0).unwrap(), 0, "every imported row is a current value");
            plan
        },
    ));
    edits_compacted(scratch);
    let (with, without) = (size(true), size(false));
    println!(
        "Journal of the {rows}-row import: {} bytes per participant (plan file {:.1} MB with it, {:.1} MB without)",
        with.saturating_sub(without) / rows as u64,
        with as f64 / 1e6,
        without as f64 / 1e6
    );
    out
}

/// Pages in use in the plan file, in bytes (freed pages left out).
fn bytes_in_use(plan: &Store) -> u64 {
    let conn = rusqlite::Connection::open(plan.path().unwrap()).unwrap();
    let pragma = |name: &str| -> u64 {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0)).unwrap_or(0) as u64
    };
    (pragma("page_count") - pragma("freelist_count")) * pragma("page_size")
}

/// Prints what a plan whose event's notes were typed over 10,000 times keeps
/// in its journal before and after compaction.
fn edits_compacted(scratch: &Path) {
    const EDITS: usize = 10_000;
    let (mut plan, event) = fresh_plan(scratch, "edits");
    let mut input = roundtable_core::EventInput::from(&plan.event(event).unwrap());
    let start = bytes_in_use(&plan);
    for edit in 0..EDITS {
        input.notes = format!("Notes, version {edit}");
        plan.update_event(event, &input).unwrap();
    }
    let before = bytes_in_use(&plan);
    let folded = plan.compact_journal(0).unwrap();
    let after = bytes_in_use(&plan);
    println!(
        "Journal of {EDITS} edits of one field: {} bytes per edit before compaction, {} after ({folded} folded)",
        before.saturating_sub(start) / EDITS as u64,
        after.saturating_sub(start) / EDITS as u64
    );
}
