//! `roundtable export …`: writes a document of an event to a file.

use crate::refs::event as find_event;
use crate::run::{Outcome, error, output, parse};
use clap::{Args, Subcommand};
use roundtable_core::{ErrorKind, Field, Store};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ListedStatuses, ParticipantListOptions, ProgrammeOptions, Stage};
use std::path::{Path, PathBuf};

/// Whether a document is marked provisional or final, and its date.
#[derive(Debug, Args)]
pub struct Marking {
    /// Mark it as final (default: final once the event is held, else provisional).
    #[arg(long = "final", conflicts_with = "provisional")]
    final_: bool,
    /// Mark it as provisional.
    #[arg(long)]
    provisional: bool,
    /// The date printed with it ("version of", "as of"), YYYY-MM-DD (default: today).
    #[arg(long = "version-date", visible_alias = "as-of")]
    version_date: Option<String>,
}

impl Marking {
    /// The stage asked for (`None`: the event's default) and the date.
    fn read(&self) -> Result<(Option<Stage>, Option<chrono::NaiveDate>), roundtable_core::ApiError> {
        let date = self
            .version_date
            .as_deref()
            .map(|d| roundtable_core::event::parse_date(Field::VersionDate, "Version date", d))
            .transpose()?;
        let stage = match (self.final_, self.provisional) {
            (true, _) => Some(Stage::Final),
            (_, true) => Some(Stage::Provisional),
            _ => None,
        };
        Ok((stage, date))
    }
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The programme: pdf (print-ready A4), docx (editable), ics (calendars) or html.
    ///
    /// Example: roundtable export programme --event "Migrant Protection" --format pdf --out programme.pdf
    Programme {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// pdf, docx, ics or html.
        #[arg(long)]
        format: String,
        #[command(flatten)]
        marking: Marking,
        /// Where to write the file.
        #[arg(long)]
        out: PathBuf,
    },
    /// The list of participants by delegation in protocol order: pdf, xlsx or csv.
    ///
    /// Example: roundtable export participants --event "Round-table: Asia" --format xlsx --logistics --status confirmed --out hotel.xlsx
    Participants {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// pdf, xlsx or csv.
        #[arg(long)]
        format: String,
        /// Include e-mail addresses and phone numbers.
        #[arg(long)]
        contacts: bool,
        /// XLSX: one sheet per delegation.
        #[arg(long = "sheet-per-delegation")]
        sheet_per_delegation: bool,
        /// XLSX and CSV: the logistics columns for hotels and transport (status, arrival,
        /// departure, nights, accommodation, diet, access needs, visa letter, travel paid by).
        #[arg(long)]
        logistics: bool,
        /// Whom it lists: with-seat (invited, nominated, confirmed, attended; the default),
        /// confirmed, or confirmed-and-attended.
        #[arg(long, default_value = "with-seat")]
        status: String,
        #[command(flatten)]
        marking: Marking,
        #[arg(long)]
        out: PathBuf,
    },
    /// Badges (PDF, eight 90 × 60 mm badges per A4 sheet).
    ///
    /// Example: roundtable export badges --event "Round-table: Asia" --out badges.pdf
    Badges {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Name plates (PDF, one tent card per landscape A4 sheet).
    ///
    /// Example: roundtable export name-plates --event "Round-table: Asia" --out name-plates.pdf
    NamePlates {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: PathBuf,
    },
}

fn written(json: bool, what: &str, out: &Path, bytes: &[u8]) -> Outcome {
    export::write_file(out, bytes)?;
    let shown = serde_json::json!({ "written": out, "bytes": bytes.len() });
    output(json, &shown, || format!("Wrote the {what} to {} ({} KB).", out.display(), bytes.len().div_ceil(1024)))
}

pub fn run(store: &Store, command: &ExportCommand, json: bool) -> Outcome {
    match command {
        ExportCommand::Programme { event, format, marking, out } => {
            let event_id = find_event(store, event)?;
            let format: ProgrammeFormat = parse(Field::Format, format)?;
            let (stage, version_date) = marking.read()?;
            let bytes = export::programme(store, event_id, format, &ProgrammeOptions { stage, version_date })?;
            written(json, "programme", out, &bytes)
        }
        ExportCommand::Participants {
            event,
            format,
            contacts,
            sheet_per_delegation,
            logistics,
            status,
            marking,
            out,
        } => {
            let event_id = find_event(store, event)?;
            let format: ParticipantsFormat = parse(Field::Format, format)?;
            if *sheet_per_delegation && format != ParticipantsFormat::Xlsx {
                return Err(error(ErrorKind::Validation, "--sheet-per-delegation applies to --format xlsx only"));
            }
            let (stage, as_of) = marking.read()?;
            let statuses: ListedStatuses = parse(Field::Status, status)?;
            let options = ParticipantListOptions {
                contacts: *contacts,
                sheet_per_delegation: *sheet_per_delegation,
                statuses,
                stage,
                as_of,
                logistics: *logistics,
            };
            let bytes = export::participants(store, event_id, format, &options)?;
            written(json, "list of participants", out, &bytes)
        }
        ExportCommand::Badges { event, out } => {
            let bytes = export::badges(store, find_event(store, event)?)?;
            written(json, "badges", out, &bytes)
        }
        ExportCommand::NamePlates { event, out } => {
            let bytes = export::name_plates(store, find_event(store, event)?)?;
            written(json, "name plates", out, &bytes)
        }
    }
}
