//! The write side of the participant import: rows already read from a file
//! (by `roundtable-documents`) are checked with the same rules as a person
//! typing them, matched to the event's delegations and people, and written in
//! one transaction. This is the only place that writes imports.
//!
//! Each row becomes a new participant (`created`), changes the participant
//! with the same e-mail address in this event (`updated`: person and
//! membership fields the file gives), or is `rejected` with the reason.
//! Preview and commit run the very same checks, which read the plan but write
//! nothing of a row; the commit then writes every accepted row in bulk inside
//! [`Store::write`], and refuses — so writes nothing at all — when any row is
//! rejected. The checks are in [`check`] (the delegation a row joins in
//! [`delegations`], its cells' values in [`values`]), the writing in [`writes`].

use crate::error::{Error, Result};
use crate::field::Field;
use crate::store::Store;
use check::check_all;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;
pub use values::ValueKind;
pub use writes::{ImportStep, PROGRESS_EVERY};

mod check;
mod delegations;
mod values;
mod writes;

/// One row of a participant list, as text from the file, already split into fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportRow {
    /// The line (CSV) or row (spreadsheet) number in the file, for the report.
    pub line: u32,
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub gender: String,
    /// A country name or ISO code.
    pub country: String,
    /// A delegation's name (or a country).
    pub delegation: String,
    pub role: String,
    pub status: String,
    /// Yes/no.
    pub visa_letter_needed: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub accommodation: String,
    pub arrival: String,
    pub departure: String,
    pub notes: String,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Reject,
}

/// The outcome of one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RowOutcome {
    pub line: u32,
    pub action: RowAction,
    /// The person's name as read.
    pub name: String,
    /// The delegation the row joins, when known.
    pub delegation: String,
    /// Why the row is rejected.
    pub reason: Option<String>,
    /// What to check in a row taken (a name split from a full name by a guess).
    #[serde(default)]
    pub note: Option<String>,
}

/// What an import does (dry run) or did (commit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportReport {
    pub rows: Vec<RowOutcome>,
    /// Delegations the import creates, by name.
    pub new_delegations: Vec<String>,
    pub created: u32,
    pub updated: u32,
    pub rejected: u32,
    /// True once written.
    pub committed: bool,
}

impl Store {
    /// What importing `rows` into the event would do, row by row; writes nothing.
    ///
    /// The very checks of [`Store::commit_import`] run, in a read transaction:
    /// a dry run takes no write lock, so it never waits for or blocks a writer.
    pub fn preview_import(&self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        self.preview_import_reporting(event_id, rows, &mut |_| {})
    }

    /// [`Store::preview_import`], telling `report` how far the check is.
    pub fn preview_import_reporting(
        &self,
        event_id: Uuid,
        rows: &[ImportRow],
        report: &mut dyn FnMut(ImportStep),
    ) -> Result<ImportReport> {
        self.snapshot(|conn| Ok(check_all(conn, event_id, rows, report)?.0))
    }

    /// Imports `rows` into the event, all or nothing: when any row would be
    /// rejected nothing is written and the error says how many and why.
    pub fn commit_import(&mut self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        self.commit_import_reporting(event_id, rows, &mut |_| {})
    }

    /// [`Store::commit_import`], telling `report` how far the check, then the writing, is.
    pub fn commit_import_reporting(
        &mut self,
        event_id: Uuid,
        rows: &[ImportRow],
        report: &mut dyn FnMut(ImportStep),
    ) -> Result<ImportReport> {
        if rows.is_empty() {
            return Err(Error::invalid(Field::File, "The file has no participants to import"));
        }
        self.write(|tx| {
            let (mut outcome, writes) = check_all(tx, event_id, rows, &mut *report)?;
            if outcome.rejected > 0 {
                let first = outcome.rows.iter().find(|r| r.action == RowAction::Reject);
                let detail = first
                    .map(|r| format!(" (line {}: {})", r.line, r.reason.as_deref().unwrap_or_default()))
                    .unwrap_or_default();
                return Err(Error::invalid(
                    Field::File,
                    format!(
                        "Nothing was imported: {} of {} rows cannot be taken{detail}. Correct them, or remove them from the file, and import again.",
                        outcome.rejected,
                        rows.len()
                    ),
                ));
            }
            writes.write(tx, report)?;
            outcome.committed = true;
            Ok(outcome)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store in memory with one event to import into.
    fn store_with_event() -> (Store, Uuid) {
        let mut store = Store::open_in_memory().unwrap();
        let event = store
            .create_event(&crate::EventInput {
                title: "Dialogue".into(),
                host_city: "Bangkok".into(),
                host_country: "TH".into(),
                time_zone: "Asia/Bangkok".into(),
                start_date: "2026-03-02".into(),
                end_date: "2026-03-03".into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        (store, event)
    }

    #[test]
    fn a_dry_run_leaves_the_people_search_index_as_it_was() {
        let (mut store, event) = store_with_event();
        let row = |line, family: &str| ImportRow {
            line,
            family_name: family.into(),
            country: "Thailand".into(),
            ..ImportRow::default()
        };
        let preview = store.preview_import(event, &[row(2, "Wongsawat")]).unwrap();
        assert_eq!(preview.created, 1);
        assert!(store.search_people("Wongsawat", 10).unwrap().is_empty(), "nothing of the dry run is kept");
        store.commit_import(event, &[row(2, "Wongsawat"), row(3, "Phommachanh")]).unwrap();
        let found: Vec<String> = store.search_people("ongsa", 10).unwrap().into_iter().map(|p| p.family_name).collect();
        assert_eq!(found, ["Wongsawat"], "people imported after a dry run are found by search");
    }

    #[test]
    fn a_commit_reports_rows_checked_then_records_written() {
        let (mut store, event) = store_with_event();
        let rows: Vec<ImportRow> = (0..2_500)
            .map(|n| ImportRow {
                line: n + 2,
                family_name: format!("Person {n}"),
                country: "Thailand".into(),
                ..ImportRow::default()
            })
            .collect();
        let mut steps = Vec::new();
        store.commit_import_reporting(event, &rows, &mut |step| steps.push(step)).unwrap();
        let checking = |done| ImportStep::Checking { done, total: 2_500 };
        let writing = |done| ImportStep::Writing { done, total: 2_500 };
        let expected: Vec<ImportStep> = [0, 1_000, 2_000, 2_500]
            .map(checking)
            .into_iter()
            .chain([0, 500, 1_000, 1_500, 2_000, 2_500].map(writing))
            .collect();
        assert_eq!(steps, expected);
    }
}
