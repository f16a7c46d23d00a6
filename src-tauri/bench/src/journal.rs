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
    let (with, without) = (size(true), size(false));
    println!(
        "Journal of the {rows}-row import: {} bytes per participant (plan file {:.1} MB with it, {:.1} MB without)",
        with.saturating_sub(without) / rows as u64,
        with as f64 / 1e6,
        without as f64 / 1e6
    );
    out
}
