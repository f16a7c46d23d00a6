//! `roundtable import participants …`: the dry run's report, or the import
//! itself, which is refused (non-zero exit, nothing written) when any row
//! would be rejected.

use crate::refs::event as find_event;
use crate::run::{Outcome, error};
use clap::Subcommand;
use roundtable_core::text::fold;
use roundtable_core::{BackupReason, ErrorKind, RowAction, Store};
use roundtable_documents::import::{self, ColumnMapping, ImportField, ImportPreview, Table, ValueChoice};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import participants from a CSV, XLSX, XLS or ODS file; all rows or none.
    ///
    /// Example: roundtable import participants --event "Round-table: Asia" registrations.csv --dry-run
    Participants {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// The file to import.
        file: PathBuf,
        /// Only report what would be created, updated and rejected.
        #[arg(long = "dry-run")]
        dry_run: bool,
        /// The sheet of a workbook to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// Correct the mapping: HEADER=FIELD (e.g. "Nom=family_name", "Notes=ignore"); repeat for several.
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        map: Vec<String>,
        /// Read a word of a column of genders, roles, statuses or yes/no answers as one of the
        /// plan's: COLUMN:TEXT=VALUE (e.g. "Registration state:Complete=confirmed"); repeat for several.
        #[arg(long = "map-value", value_name = "COLUMN:TEXT=VALUE")]
        map_value: Vec<String>,
    },
}

/// The column a header names, any case.
fn column_of(table: &Table, header: &str, option: &str) -> Result<usize, roundtable_core::ApiError> {
    table.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(header.trim())).ok_or_else(|| {
        error(
            ErrorKind::Validation,
            format!("{option}: the file has no column '{header}'; it has: {}", table.headers.join(", ")),
        )
    })
}

/// The value table's choices given as COLUMN:TEXT=VALUE (checked with the mapping).
fn value_choices(table: &Table, given: &[String]) -> Result<Vec<ValueChoice>, roundtable_core::ApiError> {
    given
        .iter()
        .map(|choice| {
            let written =
                || error(ErrorKind::Validation, format!("--map-value '{choice}': write it as COLUMN:TEXT=VALUE"));
            let (before, value) = choice.rsplit_once('=').ok_or_else(written)?;
            // A header may hold colons itself ("Q3: Status"): the column is the longest that names one.
            let split = before
                .match_indices(':')
                .rev()
                .map(|(at, _)| (&before[..at], &before[at + 1..]))
                .find(|(header, _)| column_of(table, header, "--map-value").is_ok());
            let (column, text) = match split {
                Some(found) => found,
                None => (before.split_once(':').ok_or_else(written)?.0, ""),
            };
            let column = u32::try_from(column_of(table, column, "--map-value")?).unwrap_or(u32::MAX);
            Ok(ValueChoice { column, text: text.trim().to_owned(), value: value.trim().to_ascii_lowercase() })
        })
        .collect()
}

/// The guessed mapping with the corrections given as HEADER=FIELD.
fn mapping(table: &Table, corrections: &[String]) -> Result<ColumnMapping, roundtable_core::ApiError> {
    let mut mapping = import::guess_mapping(&table.headers);
    for correction in corrections {
        let (header, field) = correction
            .split_once('=')
            .ok_or_else(|| error(ErrorKind::Validation, format!("--map '{correction}': write it as HEADER=FIELD")))?;
        let column = column_of(table, header, "--map")?;
        let wanted = field.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let field = match wanted.as_str() {
            "ignore" | "none" | "" => None,
            _ => Some(
                ImportField::ALL
                    .iter()
                    .copied()
                    .find(|f| {
                        serde_json::to_value(f).ok().and_then(|v| v.as_str().map(|s| s == wanted)).unwrap_or(false)
                    })
                    .ok_or_else(|| {
                        let known: Vec<String> = ImportField::ALL
                            .iter()
                            .filter_map(|f| serde_json::to_value(f).ok()?.as_str().map(str::to_owned))
                            .collect();
                        error(
                            ErrorKind::Validation,
                            format!("--map: unknown field '{field}'; one of: ignore, {}", known.join(", ")),
                        )
                    })?,
            ),
        };
        mapping.columns[column] = field;
    }
    Ok(mapping)
}

fn render(preview: &ImportPreview, dry_run: bool) -> String {
    let mut text = format!("Read {}.\nColumns:\n", preview.format);
    for (header, field) in preview.headers.iter().zip(&preview.mapping.columns) {
        text.push_str(&format!("  {header:<28} → {}\n", field.map_or("(ignored)", |f| f.label())));
    }
    for value in &preview.values_read {
        let lines: Vec<String> = value.lines.iter().map(u32::to_string).collect();
        let lines = format!("{} {}", if lines.len() == 1 { "line" } else { "lines" }, lines.join(", "));
        let chosen =
            preview.mapping.values.iter().any(|c| c.column == value.column && fold(&c.text) == fold(&value.text));
        let reading = match (&value.reads_as, chosen) {
            (Some(word), true) => format!("{word} (--map-value)"),
            (Some(word), false) => word.clone(),
            (None, _) => format!(
                "UNKNOWN: map it with --map-value \"{}:{}=VALUE\", VALUE one of {}",
                value.header,
                value.text,
                value.choices.join(", ")
            ),
        };
        text.push_str(&format!("  {}: '{}' ({lines}) → {reading}\n", value.header, value.text));
    }
    let r = &preview.report;
    if !r.new_delegations.is_empty() {
        text.push_str(&format!("New delegations: {}\n", r.new_delegations.join(", ")));
    }
    text.push_str("\n Line  Action   Name                                Delegation            Reason\n");
    for row in &r.rows {
        let action = match row.action {
            RowAction::Create => "create",
            RowAction::Update => "update",
            RowAction::Reject => "REJECT",
        };
        let name: String = row.name.chars().take(34).collect();
        let delegation: String = row.delegation.chars().take(20).collect();
        text.push_str(&format!(
            "{:>5}  {action:<7}  {name:<34}  {delegation:<20}  {}\n",
            row.line,
            row.reason.as_deref().or(row.note.as_deref()).unwrap_or("")
        ));
    }
    let verb = if dry_run || !r.committed { "would be" } else { "were" };
    text.push_str(&format!(
        "\n{} created, {} updated, {} rejected: {} participants {verb} imported.",
        r.created,
        r.updated,
        r.rejected,
        r.created + r.updated
    ));
    if dry_run {
        text.push_str(" (dry run: nothing written)");
    }
    text
}

pub fn run(store: &mut Store, command: &ImportCommand, json: bool) -> Outcome {
    let ImportCommand::Participants { event, file, dry_run, sheet, map, map_value } = command;
    let event_id = find_event(store, event)?;
    let table = import::read_file(file, sheet.as_deref())?;
    let mapping = ColumnMapping { values: value_choices(&table, map_value)?, ..mapping(&table, map)? };
    let preview = import::preview(store, event_id, &table, Some(mapping.clone()))?;
    if let Some(problem) = &preview.problem {
        return Err(error(ErrorKind::Validation, problem.clone()));
    }
    let show = |p: &ImportPreview, dry: bool| -> Outcome {
        if json {
            serde_json::to_string_pretty(p).map_err(|e| error(ErrorKind::Storage, e.to_string()))
        } else {
            Ok(render(p, dry))
        }
    };
    if *dry_run {
        return show(&preview, true);
    }
    if preview.report.rejected > 0 {
        // The report goes to stdout, the refusal to stderr with a non-zero exit.
        println!("{}", show(&preview, true)?);
        return Err(error(
            ErrorKind::Validation,
            format!(
                "Nothing was imported: {} of {} rows cannot be taken. Correct them, or remove them from the file, and import again.",
                preview.report.rejected,
                preview.report.rows.len()
            ),
        ));
    }
    store.back_up(BackupReason::BeforeImport)?;
    let done = import::commit(store, event_id, &table, Some(mapping))?;
    show(&done, false)
}
