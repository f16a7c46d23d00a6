//! `roundtable export …`: writes a document of an event to a file.

use super::{Outcome, error, find_event, output, parse_opt};
use crate::args::ExportCommand;
use roundtable_core::{ErrorKind, Store};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::{ParticipantListOptions, ProgrammeOptions, Stage};
use std::path::Path;

fn written(json: bool, what: &str, out: &Path, bytes: &[u8]) -> Outcome {
    export::write_file(out, bytes)?;
    let shown = serde_json::json!({ "written": out, "bytes": bytes.len() });
    output(json, &shown, || format!("Wrote the {what} to {} ({} KB).", out.display(), bytes.len().div_ceil(1024)))
}

pub(super) fn run(store: &Store, command: &ExportCommand, json: bool) -> Outcome {
    match command {
        ExportCommand::Programme { event, format, final_, provisional, version_date, out } => {
            let event_id = find_event(store, event)?;
            let format: ProgrammeFormat = parse_opt(Some(format))?.expect("given");
            let version_date = version_date
                .as_deref()
                .map(|d| roundtable_core::event::parse_date("version_date", "Version date", d))
                .transpose()?;
            let stage = match (final_, provisional) {
                (true, _) => Some(Stage::Final),
                (_, true) => Some(Stage::Provisional),
                _ => None,
            };
            let bytes = export::programme(store, event_id, format, &ProgrammeOptions { stage, version_date })?;
            written(json, "programme", out, &bytes)
        }
        ExportCommand::Participants { event, format, contacts, sheet_per_delegation, out } => {
            let event_id = find_event(store, event)?;
            let format: ParticipantsFormat = parse_opt(Some(format))?.expect("given");
            if *sheet_per_delegation && format != ParticipantsFormat::Xlsx {
                return Err(error(ErrorKind::Validation, "--sheet-per-delegation applies to --format xlsx only"));
            }
            let options = ParticipantListOptions { contacts: *contacts, sheet_per_delegation: *sheet_per_delegation };
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
