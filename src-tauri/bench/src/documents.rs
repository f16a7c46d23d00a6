//! The export and import benchmarks: the files organisers wait for. Typesetting
//! the three-day Bangkok programme and the list of participants of a
//! 500-person event, and importing a large registration export (reading and
//! mapping, the dry run, the commit), timed with the same median and p99 as
//! the commands, so that one run of `scripts/bench.sh` reports them all.
//!
//! Imports go into a fresh file-backed plan, as the app's would, and the dry
//! run also into an event of the large plan, where every e-mail address is
//! checked against its 100,000 people.

use crate::generate::{PlanSpec, large_plan};
use crate::measure::{Timing, time};
use roundtable_core::{EventInput, Result, Store, examples};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ParticipantListOptions, ProgrammeOptions, import};
use std::path::Path;
use uuid::Uuid;

/// How much work each benchmark does.
#[derive(Debug, Clone, Copy)]
pub struct DocumentSpec {
    /// Rows of the generated registration export.
    pub import_rows: usize,
    /// Measured runs of each import benchmark (each takes up to seconds).
    pub import_runs: usize,
    /// Runs of the merge and the undo of the import (each prepared by an import).
    pub merge_runs: usize,
    /// Measured runs of each export benchmark.
    pub export_runs: usize,
}

impl DocumentSpec {
    pub const FULL: DocumentSpec =
        DocumentSpec { import_rows: 100_000, import_runs: 20, merge_runs: 3, export_runs: 30 };
    /// A twentieth of the import, and fewer runs.
    pub const QUICK: DocumentSpec =
        DocumentSpec { import_rows: 5_000, import_runs: 10, merge_runs: 3, export_runs: 20 };
}

/// Countries as registration forms write them: names, aliases and a code.
const COUNTRIES: &[&str] = &[
    "Thailand",
    "Lao PDR",
    "Viet Nam",
    "Cambodia",
    "Myanmar",
    "Indonesia",
    "Malaysia",
    "The Philippines",
    "Timor-Leste",
    "Kyrgyzstan",
    "Singapore",
    "Brunei",
    "India",
    "Nepal",
    "Bangladesh",
    "Sri Lanka",
    "Pakistan",
    "Mongolia",
    "Japan",
    "Republic of Korea",
    "China",
    "Australia",
    "New Zealand",
    "Fiji",
    "Kazakhstan",
    "Uzbekistan",
    "Tajikistan",
    "Afghanistan",
    "Iran",
    "MDV",
];

/// A semicolon-separated registration export of `rows` people across 30 countries, one head each.
pub fn registration_csv(rows: usize) -> Vec<u8> {
    let mut csv = String::from("Title;First name;Surname;Country;Position;Ministry;E-mail;Gender;Role\n");
    for i in 0..rows {
        let country = COUNTRIES[i % COUNTRIES.len()];
        let role = if i < COUNTRIES.len() { "Head" } else { "Member" };
        csv.push_str(&format!(
            "Ms;Given{i};Family{i};{country};Officer;Ministry of Foreign Affairs;person{i}@example.org;F;{role}\n"
        ));
    }
    csv.into_bytes()
}

/// A fresh file-backed plan `name` in `scratch` with an empty event to import
/// into; one file, emptied before each run: a committed 100,000-row plan takes
/// about 50 MB.
pub fn fresh_plan(scratch: &Path, name: &str) -> (Store, Uuid) {
    let path = scratch.join(format!("{name}.sqlite3"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).unwrap();
    let event = empty_event(&mut store).unwrap();
    (store, event)
}

/// An empty event to import into.
fn empty_event(store: &mut Store) -> Result<Uuid> {
    let input = EventInput {
        title: "Import benchmark".into(),
        host_city: "Bangkok".into(),
        host_country: "TH".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2026-03-02".into(),
        end_date: "2026-03-03".into(),
        ..EventInput::default()
    };
    Ok(store.create_event(&input)?.id)
}

/// Times the imports and exports; `scratch` holds the fresh plans imports write to,
/// `large` is an event of the large plan.
pub fn bench(spec: &DocumentSpec, scratch: &Path, large: (&mut Store, Uuid)) -> Result<Vec<Timing>> {
    let mut out = Vec::new();
    let rows = spec.import_rows;
    let csv = registration_csv(rows);
    let read_and_map = |bytes: &[u8]| -> Vec<roundtable_core::ImportRow> {
        let table = import::read_bytes(bytes, None).unwrap();
        import::to_rows(&table, &import::guess_mapping(&table.headers)).unwrap()
    };
    out.push(time(&format!("import {rows} rows: read and map"), 2, spec.import_runs, |_| read_and_map(&csv).len()));

    let (plan, event) = fresh_plan(scratch, "dry-run");
    out.push(time(&format!("import {rows} rows: dry run, new plan"), 2, spec.import_runs, |_| {
        let table = import::read_bytes(&csv, None).unwrap();
        let preview = import::preview(&plan, event, &table, None).unwrap();
        assert_eq!(preview.report.created as usize, rows);
    }));
    drop(plan);
    let (store, large_event) = large;
    out.push(time(&format!("import {rows} rows: dry run, large plan"), 2, spec.import_runs, |_| {
        let table = import::read_bytes(&csv, None).unwrap();
        let preview = import::preview(store, large_event, &table, None).unwrap();
        // A country of the file may already have its head there: that row is rejected.
        assert_eq!(preview.report.rows.len(), rows);
    }));
    out.extend(crate::journal::bench(spec, scratch, &csv));

    out.extend(exports(spec)?);
    Ok(out)
}

/// The exports' timings: the Bangkok programme, and the list of participants,
/// badges and name plates of an event of 2,000 people.
pub fn exports(spec: &DocumentSpec) -> Result<Vec<Timing>> {
    let mut out = Vec::new();
    let mut bangkok = Store::open_in_memory()?;
    examples::load(&mut bangkok)?;
    let programme = bangkok
        .list_events()?
        .into_iter()
        .find(|e| e.title.contains("Migrant Protection"))
        .expect("the Bangkok example")
        .id;
    out.push(time("export programme PDF (Bangkok, 3 days)", 5, spec.export_runs, |_| {
        export::programme(&bangkok, programme, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap().len()
    }));

    // The documents of a large meeting: 2,000 people in 40 delegations (target: each under 1 s).
    let mut big_event = Store::open_in_memory()?;
    let spec2000 = PlanSpec {
        events: 1,
        series: 1,
        countries: 40,
        participants_per_event: 2_000,
        sessions_per_event: 0,
        seed: 2_000,
    };
    let listed = large_plan(&mut big_event, &spec2000)?.events[0];
    let options = ParticipantListOptions::default();
    for (label, format) in [("PDF", ParticipantsFormat::Pdf), ("XLSX", ParticipantsFormat::Xlsx)] {
        out.push(time(&format!("export participants {label} (2,000 people)"), 2, spec.export_runs, |_| {
            export::participants(&big_event, listed, format, &options).unwrap().len()
        }));
    }
    out.push(time("export badges (2,000 people)", 2, spec.export_runs, |_| {
        export::badges(&big_event, listed).unwrap().len()
    }));
    out.push(time("export name plates (2,000 people)", 2, spec.export_runs, |_| {
        export::name_plates(&big_event, listed).unwrap().len()
    }));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registration_export_imports_whole_with_one_head_per_country() {
        let mut store = Store::open_in_memory().unwrap();
        let event = empty_event(&mut store).unwrap();
        let table = import::read_bytes(&registration_csv(90), None).unwrap();
        let done = import::commit(&mut store, event, &table, None).unwrap();
        assert_eq!((done.report.created, done.report.rejected), (90, 0));
        assert_eq!(done.report.new_delegations.len(), COUNTRIES.len());
        assert!(done.report.new_delegations.contains(&"Maldives".to_owned()), "MDV is read as an ISO code");
    }
}
