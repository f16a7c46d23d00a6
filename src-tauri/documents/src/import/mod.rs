//! Reading participant lists that registration forms and colleagues produce:
//! CSV (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16 with BOM,
//! Windows-1252 otherwise) and Excel workbooks (.xlsx).
//!
//! The file becomes a header row and text cells ([`Table`]); the headers are
//! recognised into a [`ColumnMapping`] the user can correct ([`fields`]); the
//! mapping turns the cells into the core's [`ImportRow`]s, which the core
//! checks and writes in one transaction (`roundtable_core::import`).
//!
//! Whatever the file, the outcome is rows or a readable error: a binary,
//! empty, header-only, ragged, oversized or hostile file is refused before
//! anything is looked up, in bounded memory ([`read`]), and no input makes
//! this code panic.

mod csv_file;
pub mod fields;
pub mod names;
pub mod read;
pub mod values;
mod xlsx_file;

pub use fields::{ColumnMapping, ImportField, guess_mapping, recognise};
pub use names::split_full_name;
pub use read::{MAX_BYTES, MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_bytes, read_file};
pub use values::{ValueChoice, ValueReading};

use crate::error::{Error, Result};
use roundtable_core::{ImportReport, ImportRow, ImportStep, RowAction, Store};
use serde::Serialize;
use specta::Type;
use uuid::Uuid;

/// A file read as a table of text.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Table {
    /// "CSV (semicolon-separated, UTF-8 with BOM)", "XLSX sheet 'Participants'".
    pub format: String,
    /// The sheets of a spreadsheet (empty for CSV).
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    /// Data rows with their line numbers in the file.
    pub rows: Vec<(u32, Vec<String>)>,
}

/// What the import would do, with what was read, for the preview screen.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ImportPreview {
    pub format: String,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// The first few data rows as read, for checking the mapping.
    pub sample: Vec<Vec<String>>,
    /// What in the mapping stops the rows from being checked at all (no
    /// family-name column…); the report is then empty until it is corrected.
    pub problem: Option<String>,
    /// The words of the value columns, once each with their lines and readings.
    pub values_read: Vec<ValueReading>,
    pub report: ImportReport,
}

/// What in the mapping stops every row from being read, in words for the mapping step.
fn mapping_problem(mapping: &ColumnMapping, headers: &[String]) -> Option<String> {
    if mapping.columns.len() != headers.len() {
        return Some(format!("The mapping has {} columns but the file has {}", mapping.columns.len(), headers.len()));
    }
    let has = |f: ImportField| mapping.columns.contains(&Some(f));
    if !has(ImportField::FamilyName) && !has(ImportField::FullName) {
        return Some("No column holds the family name (or the full name); choose one in the mapping".into());
    }
    if !has(ImportField::Country) && !has(ImportField::Delegation) {
        return Some("No column holds the country or the delegation; choose one in the mapping".into());
    }
    if let Some(problem) = values::check_choices(mapping, headers) {
        return Some(problem);
    }
    ImportField::ALL
        .iter()
        .find(|f| mapping.columns.iter().filter(|c| **c == Some(**f)).count() > 1)
        .map(|f| format!("Two columns are mapped to {}; keep one", f.label()))
}

/// The core's rows from the table and a mapping.
pub fn to_rows(table: &Table, mapping: &ColumnMapping) -> Result<Vec<ImportRow>> {
    Ok(read_rows(table, mapping)?.0)
}

/// What to check in rows whose name was split by a guess: (line, note).
type Guesses = Vec<(u32, String)>;

/// The core's rows, and the [`Guesses`] among them.
fn read_rows(table: &Table, mapping: &ColumnMapping) -> Result<(Vec<ImportRow>, Guesses)> {
    if let Some(problem) = mapping_problem(mapping, &table.headers) {
        return Err(Error::Unreadable(problem));
    }
    let mut guesses = Vec::new();
    let rows = table
        .rows
        .iter()
        .map(|(line, cells)| {
            let mut row = ImportRow { line: *line, ..ImportRow::default() };
            let mut full_name = String::new();
            for (column, (field, cell)) in mapping.columns.iter().zip(cells).enumerate() {
                let Some(field) = field else { continue };
                let cell = values::mapped(mapping, column, cell.trim()).to_owned();
                let slot = match field {
                    ImportField::Honorific => &mut row.honorific,
                    ImportField::GivenName => &mut row.given_name,
                    ImportField::FamilyName => &mut row.family_name,
                    ImportField::FullName => &mut full_name,
                    ImportField::Position => &mut row.position,
                    ImportField::Organisation => &mut row.organisation,
                    ImportField::Email => &mut row.email,
                    ImportField::Phone => &mut row.phone,
                    ImportField::Gender => &mut row.gender,
                    ImportField::Country => &mut row.country,
                    ImportField::Delegation => &mut row.delegation,
                    ImportField::Role => &mut row.role,
                    ImportField::Status => &mut row.status,
                    ImportField::VisaLetterNeeded => &mut row.visa_letter_needed,
                    ImportField::DietaryNeeds => &mut row.dietary_needs,
                    ImportField::AccessibilityNeeds => &mut row.accessibility_needs,
                    ImportField::Accommodation => &mut row.accommodation,
                    ImportField::Arrival => &mut row.arrival,
                    ImportField::Departure => &mut row.departure,
                    ImportField::Notes => &mut row.notes,
                };
                *slot = cell;
            }
            if row.family_name.is_empty() && !full_name.is_empty() {
                let split = split_full_name(&full_name);
                if !split.certain && row.given_name.is_empty() {
                    guesses.push((*line, names::guessed(&full_name, &split)));
                }
                if row.honorific.is_empty() {
                    row.honorific = split.honorific;
                }
                if row.given_name.is_empty() {
                    row.given_name = split.given;
                }
                row.family_name = split.family;
            }
            row
        })
        .collect();
    Ok((rows, guesses))
}

/// The report with a note on every row taken whose name was split by a guess.
fn with_guesses(mut report: ImportReport, guesses: Guesses) -> ImportReport {
    for (line, note) in guesses {
        if let Some(row) = report.rows.iter_mut().find(|r| r.line == line && r.action != RowAction::Reject) {
            row.note = Some(note);
        }
    }
    report
}

fn preview_of(table: &Table, mapping: ColumnMapping, problem: Option<String>, report: ImportReport) -> ImportPreview {
    let values_read = if problem.is_none() { values::readings(table, &mapping) } else { Vec::new() };
    ImportPreview {
        values_read,
        format: table.format.clone(),
        sheets: table.sheets.clone(),
        headers: table.headers.clone(),
        mapping,
        sample: table.rows.iter().take(5).map(|(_, cells)| cells.clone()).collect(),
        problem,
        report,
    }
}

/// The dry run: what importing the table would do, writing nothing. A mapping
/// that cannot be used is not an error here but the preview's `problem`, so
/// the mapping step can show the file's columns and let it be corrected.
pub fn preview(store: &Store, event_id: Uuid, table: &Table, mapping: Option<ColumnMapping>) -> Result<ImportPreview> {
    preview_reporting(store, event_id, table, mapping, &mut |_| {})
}

/// [`preview`], telling `report` how many rows are checked.
pub fn preview_reporting(
    store: &Store,
    event_id: Uuid,
    table: &Table,
    mapping: Option<ColumnMapping>,
    report: &mut dyn FnMut(ImportStep),
) -> Result<ImportPreview> {
    let mapping = mapping.unwrap_or_else(|| guess_mapping(&table.headers));
    if let Some(problem) = mapping_problem(&mapping, &table.headers) {
        let nothing = store.preview_import(event_id, &[])?;
        return Ok(preview_of(table, mapping, Some(problem), nothing));
    }
    let (rows, guesses) = read_rows(table, &mapping)?;
    let outcome = store.preview_import_reporting(event_id, &rows, report)?;
    Ok(preview_of(table, mapping, None, with_guesses(outcome, guesses)))
}

/// The import, all or nothing.
pub fn commit(
    store: &mut Store,
    event_id: Uuid,
    table: &Table,
    mapping: Option<ColumnMapping>,
) -> Result<ImportPreview> {
    commit_reporting(store, event_id, table, mapping, &mut |_| {})
}

/// [`commit`], telling `report` how many rows are checked, then how many records written.
pub fn commit_reporting(
    store: &mut Store,
    event_id: Uuid,
    table: &Table,
    mapping: Option<ColumnMapping>,
    report: &mut dyn FnMut(ImportStep),
) -> Result<ImportPreview> {
    let mapping = mapping.unwrap_or_else(|| guess_mapping(&table.headers));
    let (rows, guesses) = read_rows(table, &mapping)?;
    let outcome = store.commit_import_reporting(event_id, &rows, report)?;
    Ok(preview_of(table, mapping, None, with_guesses(outcome, guesses)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(bytes: &[u8]) -> Table {
        read_bytes(bytes, None).unwrap()
    }

    #[test]
    fn a_mapping_without_a_name_or_a_country_is_refused() {
        let t = table(b"Family name,Country,Email\nSok,KH,a@b.org\n");
        let mapping = ColumnMapping {
            columns: vec![None, Some(ImportField::Country), Some(ImportField::Email)],
            values: Vec::new(),
        };
        assert!(to_rows(&t, &mapping).unwrap_err().to_string().contains("family name"));
        let mapping = ColumnMapping { columns: vec![Some(ImportField::FamilyName), None, None], values: Vec::new() };
        assert!(to_rows(&t, &mapping).unwrap_err().to_string().contains("country"));
        let rows = to_rows(&t, &guess_mapping(&t.headers)).unwrap();
        assert_eq!(rows[0].family_name, "Sok");
        assert_eq!(rows[0].line, 2);
    }
}
