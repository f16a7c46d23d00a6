//! Exports (the programme, the list of participants, badges, name plates) to
//! a path the UI got from the native save dialog, and the participant import's
//! preview and commit from a path it got from the open dialog. The work is in
//! `roundtable-documents`.
//!
//! These are the long jobs: each waits its turn in the state's queue and
//! streams its stages over `on_progress`. An export builds its document's
//! model on a reader connection, then renders and saves it outside every
//! lock, so the plan stays free for other windows' reads and writes.

use crate::commands::file_dialogs::FileDialogs;
use crate::jobs::{JobKind, JobProgress, report};
use crate::state::{AppState, off_main_thread};
use roundtable_core::{ApiError, RowAction, Store};
use roundtable_documents::export::{self, ParticipantsFormat, ProgrammeFormat};
use roundtable_documents::import::{self, ColumnMapping, ImportField, ImportPreview, Table};
use roundtable_documents::{ParticipantList, ParticipantListOptions, Programme, ProgrammeOptions};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use tauri::State;
use tauri::ipc::Channel;
use uuid::Uuid;

/// Builds a document's model on a reader, then renders and saves it off every lock.
async fn export_document<M: Send + 'static>(
    state: &AppState,
    progress: &Channel<JobProgress>,
    path: PathBuf,
    build: impl FnOnce(&Store) -> roundtable_documents::Result<M> + Send + 'static,
    count: impl FnOnce(&M) -> usize,
    render: impl FnOnce(&M) -> roundtable_documents::Result<Vec<u8>> + Send + 'static,
) -> Result<(), ApiError> {
    let _turn = state.jobs().start(JobKind::Export, progress).await;
    report(progress, JobProgress::Reading);
    let model = state.read(build).await?;
    let total = saturating_u32(count(&model));
    report(progress, JobProgress::Rendering { total });
    let bytes = off_main_thread(move || render(&model).map_err(ApiError::from)).await?;
    report(progress, JobProgress::Saving);
    off_main_thread(move || export::write_file(&path, &bytes).map_err(ApiError::from)).await?;
    report(progress, JobProgress::Finished { done: total, total });
    Ok(())
}

fn saturating_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

fn people(list: &ParticipantList) -> usize {
    list.total
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, fields(?format))]
pub async fn export_programme(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    format: ProgrammeFormat,
    options: ProgrammeOptions,
    path: String,
    on_progress: Channel<JobProgress>,
) -> Result<(), ApiError> {
    export_document(
        &state,
        &on_progress,
        dialogs.chosen_to_save(&path)?,
        move |s| Programme::build(s, event_id, &options),
        |programme| programme.days.iter().map(|day| day.sessions.len()).sum(),
        move |programme| export::render_programme(programme, format),
    )
    .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, fields(?format))]
pub async fn export_participants(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    format: ParticipantsFormat,
    options: ParticipantListOptions,
    path: String,
    on_progress: Channel<JobProgress>,
) -> Result<(), ApiError> {
    let build_options = options.clone();
    export_document(
        &state,
        &on_progress,
        dialogs.chosen_to_save(&path)?,
        move |s| ParticipantList::build(s, event_id, &build_options),
        people,
        move |list| export::render_participants(list, format, &options),
    )
    .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn export_badges(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    path: String,
    on_progress: Channel<JobProgress>,
) -> Result<(), ApiError> {
    let build = move |s: &Store| export::cards(s, event_id);
    let path = dialogs.chosen_to_save(&path)?;
    export_document(&state, &on_progress, path, build, people, roundtable_documents::badges::badges).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn export_name_plates(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    path: String,
    on_progress: Channel<JobProgress>,
) -> Result<(), ApiError> {
    let build = move |s: &Store| export::cards(s, event_id);
    let path = dialogs.chosen_to_save(&path)?;
    export_document(&state, &on_progress, path, build, people, roundtable_documents::badges::name_plates).await
}

/// A field the mapping step offers, with its label.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportFieldOption {
    pub field: ImportField,
    pub label: String,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn import_fields() -> Vec<ImportFieldOption> {
    ImportField::ALL.iter().map(|f| ImportFieldOption { field: *f, label: f.label().to_owned() }).collect()
}

/// Reads the file to import off the main thread.
async fn read_table(path: PathBuf, sheet: Option<String>) -> Result<Table, ApiError> {
    off_main_thread(move || import::read_file(&path, sheet.as_deref()).map_err(ApiError::from)).await
}

/// What the window shows at the end of an import's check or commit.
fn finished(preview: &ImportPreview, rows: u32) -> JobProgress {
    JobProgress::Finished { done: preview.report.created + preview.report.updated, total: rows }
}

/// The dry run: the file read, the mapping (guessed unless given) and what each row would do.
///
/// It runs on a reader: the core checks the rows in a read transaction, so a
/// dry run never waits for or blocks a writer.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn preview_import(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    path: String,
    mapping: Option<ColumnMapping>,
    sheet: Option<String>,
    on_progress: Channel<JobProgress>,
) -> Result<ImportPreview, ApiError> {
    let path = dialogs.chosen_to_open(&path)?;
    let _turn = state.jobs().start(JobKind::ImportCheck, &on_progress).await;
    report(&on_progress, JobProgress::Reading);
    let table = read_table(path, sheet).await?;
    let rows = saturating_u32(table.rows.len());
    let channel = on_progress.clone();
    let preview = state
        .read(move |s| {
            import::preview_reporting(s, event_id, &table, mapping, &mut |step| report(&channel, step.into()))
        })
        .await?;
    report(&on_progress, finished(&preview, rows));
    // The backup before the import is taken while the preview is shown, so
    // the commit does not wait for it; a failure is logged and the import
    // goes on (the backups of the last minutes remain).
    let writer = state.inner().clone();
    tauri::async_runtime::spawn(async move {
        writer.write(|s: &mut roundtable_core::Store| s.back_up(roundtable_core::BackupReason::BeforeImport)).await
    });
    Ok(preview)
}

/// The import, all or nothing. The answer carries the counts and only the
/// rejected rows: the outcome of every accepted row (100,000 of them in a
/// large file, some 10 MB of JSON) was parsed on the window's thread for
/// nothing, and held its longest frame during a large import.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn commit_import(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    event_id: Uuid,
    path: String,
    mapping: Option<ColumnMapping>,
    sheet: Option<String>,
    on_progress: Channel<JobProgress>,
) -> Result<ImportPreview, ApiError> {
    let path = dialogs.chosen_to_open(&path)?;
    let _turn = state.jobs().start(JobKind::Import, &on_progress).await;
    report(&on_progress, JobProgress::Reading);
    let table = read_table(path, sheet).await?;
    let rows = saturating_u32(table.rows.len());
    let channel = on_progress.clone();
    let mut preview = state
        .write(move |s| {
            import::commit_reporting(s, event_id, &table, mapping, &mut |step| report(&channel, step.into()))
        })
        .await?;
    report(&on_progress, finished(&preview, rows));
    preview.report.rows.retain(|row| row.action == RowAction::Reject);
    Ok(preview)
}
