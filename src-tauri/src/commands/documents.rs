//! Exports (the programme, the list of participants, badges, name plates) to
//! a path the UI got from the native save dialog, and the participant import's
//! preview and commit from a path it got from the open dialog. The work is in
//! `roundtable-documents`; exports typeset off the main thread (async commands).

use crate::state::AppState;
use roundtable_core::ApiError;
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::import::{self, ColumnMapping, ImportField, ImportPreview};
use roundtable_documents::{ParticipantListOptions, ProgrammeOptions};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use tauri::State;
use uuid::Uuid;

/// Runs document work on the store; the documents' error becomes the IPC error.
fn on_store<T>(
    state: &AppState,
    work: impl FnOnce(&mut roundtable_core::Store) -> roundtable_documents::Result<T>,
) -> Result<T, ApiError> {
    state.with(|store| Ok(work(store)))?.map_err(ApiError::from)
}

fn save(path: &str, bytes: &[u8]) -> Result<(), ApiError> {
    export::write_file(&PathBuf::from(path), bytes).map_err(ApiError::from)
}

#[tauri::command]
#[specta::specta]
pub async fn export_programme(
    state: State<'_, AppState>,
    event_id: Uuid,
    format: ProgrammeFormat,
    options: ProgrammeOptions,
    path: String,
) -> Result<(), ApiError> {
    let bytes = on_store(&state, |s| export::programme(s, event_id, format, &options))?;
    save(&path, &bytes)
}

#[tauri::command]
#[specta::specta]
pub async fn export_participants(
    state: State<'_, AppState>,
    event_id: Uuid,
    format: ParticipantsFormat,
    options: ParticipantListOptions,
    path: String,
) -> Result<(), ApiError> {
    let bytes = on_store(&state, |s| export::participants(s, event_id, format, &options))?;
    save(&path, &bytes)
}

#[tauri::command]
#[specta::specta]
pub async fn export_badges(state: State<'_, AppState>, event_id: Uuid, path: String) -> Result<(), ApiError> {
    let bytes = on_store(&state, |s| export::badges(s, event_id))?;
    save(&path, &bytes)
}

#[tauri::command]
#[specta::specta]
pub async fn export_name_plates(state: State<'_, AppState>, event_id: Uuid, path: String) -> Result<(), ApiError> {
    let bytes = on_store(&state, |s| export::name_plates(s, event_id))?;
    save(&path, &bytes)
}

/// A field the mapping step offers, with its label.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportFieldOption {
    pub field: ImportField,
    pub label: String,
}

#[tauri::command]
#[specta::specta]
pub fn import_fields() -> Vec<ImportFieldOption> {
    ImportField::ALL.iter().map(|f| ImportFieldOption { field: *f, label: f.label().to_owned() }).collect()
}

/// The dry run: the file read, the mapping (guessed unless given) and what each row would do.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    state: State<'_, AppState>,
    event_id: Uuid,
    path: String,
    mapping: Option<ColumnMapping>,
    sheet: Option<String>,
) -> Result<ImportPreview, ApiError> {
    let table = import::read_file(&PathBuf::from(&path), sheet.as_deref())?;
    on_store(&state, |s| import::preview(s, event_id, &table, mapping))
}

/// The import, all or nothing.
#[tauri::command]
#[specta::specta]
pub async fn commit_import(
    state: State<'_, AppState>,
    event_id: Uuid,
    path: String,
    mapping: Option<ColumnMapping>,
    sheet: Option<String>,
) -> Result<ImportPreview, ApiError> {
    let table = import::read_file(&PathBuf::from(&path), sheet.as_deref())?;
    on_store(&state, |s| import::commit(s, event_id, &table, mapping))
}
