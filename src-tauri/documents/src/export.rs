//! One call per export, as the CLI and the desktop shell use them: build the
//! model from the plan store, render the format, and write the file so that
//! a failed export never leaves a half-written file where the old one was.

use crate::error::Result;
use crate::participants::{ParticipantList, ParticipantListOptions};
use crate::programme::{Programme, ProgrammeOptions};
use crate::{badges, csv_export, docx, html, ics, pdf, xlsx};
use roundtable_core::{Store, owner_only};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use uuid::Uuid;

/// The formats of the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeFormat {
    Pdf,
    Docx,
    Ics,
    Html,
}

/// The formats of the list of participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantsFormat {
    Pdf,
    Xlsx,
    Csv,
}

impl std::str::FromStr for ProgrammeFormat {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(ProgrammeFormat::Pdf),
            "docx" | "word" => Ok(ProgrammeFormat::Docx),
            "ics" | "ical" | "icalendar" => Ok(ProgrammeFormat::Ics),
            "html" | "htm" => Ok(ProgrammeFormat::Html),
            other => Err(format!("unknown programme format '{other}'; expected pdf, docx, ics or html")),
        }
    }
}

impl std::str::FromStr for ParticipantsFormat {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(ParticipantsFormat::Pdf),
            "xlsx" | "excel" => Ok(ParticipantsFormat::Xlsx),
            "csv" => Ok(ParticipantsFormat::Csv),
            other => Err(format!("unknown participants format '{other}'; expected pdf, xlsx or csv")),
        }
    }
}

/// The programme's bytes in a format.
pub fn programme(
    store: &Store,
    event_id: Uuid,
    format: ProgrammeFormat,
    options: &ProgrammeOptions,
) -> Result<Vec<u8>> {
    render_programme(&Programme::build(store, event_id, options)?, format)
}

/// The programme built from the plan store, rendered in a format: no store needed.
pub fn render_programme(programme: &Programme, format: ProgrammeFormat) -> Result<Vec<u8>> {
    match format {
        ProgrammeFormat::Pdf => pdf::programme(programme),
        ProgrammeFormat::Docx => docx::programme(programme),
        ProgrammeFormat::Ics => Ok(ics::programme(programme)?.into_bytes()),
        ProgrammeFormat::Html => Ok(html::programme(programme).into_bytes()),
    }
}

/// The list of participants' bytes in a format.
pub fn participants(
    store: &Store,
    event_id: Uuid,
    format: ParticipantsFormat,
    options: &ParticipantListOptions,
) -> Result<Vec<u8>> {
    render_participants(&ParticipantList::build(store, event_id, options)?, format, options)
}

/// The list of participants built from the plan store, rendered in a format: no store needed.
pub fn render_participants(
    list: &ParticipantList,
    format: ParticipantsFormat,
    options: &ParticipantListOptions,
) -> Result<Vec<u8>> {
    if options.logistics && format == ParticipantsFormat::Pdf {
        let message =
            "The logistics columns (arrival, departure, hotel, diet…) come in Excel or CSV, to sort and filter";
        return Err(roundtable_core::Error::invalid(roundtable_core::Field::Format, message).into());
    }
    match format {
        ParticipantsFormat::Pdf => pdf::participants(list),
        ParticipantsFormat::Xlsx => xlsx::participants(list, options.sheet_per_delegation),
        ParticipantsFormat::Csv => csv_export::participants(list),
    }
}

/// Who gets a badge or a name plate: everyone with a seat.
pub fn cards(store: &Store, event_id: Uuid) -> Result<ParticipantList> {
    ParticipantList::build(store, event_id, &ParticipantListOptions::default())
}

/// Badges of everyone with a seat.
pub fn badges(store: &Store, event_id: Uuid) -> Result<Vec<u8>> {
    badges::badges(&cards(store, event_id)?)
}

/// Name plates of everyone with a seat.
pub fn name_plates(store: &Store, event_id: Uuid) -> Result<Vec<u8>> {
    badges::name_plates(&cards(store, event_id)?)
}

/// Writes `bytes` to `path`, owner-only and whole or not at all (see [`owner_only::write_file`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(owner_only::write_file(path, bytes)?)
}
