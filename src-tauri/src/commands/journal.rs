//! The change journal in the window: Undo and Redo (Edit menu, Ctrl+Z,
//! Ctrl+Shift+Z), a record's history and the plan's activity, and who the
//! organiser is (their name beside their changes).

use crate::state::AppState;
use roundtable_core::{Activity, ApiError, Change, HistoryFilter, Installation, UndoStep};
use serde::Serialize;
use specta::Type;
use tauri::State;

/// What Undo and Redo would reverse now (each `None` when there is nothing).
#[derive(Debug, Clone, Serialize, Type)]
pub struct UndoSteps {
    pub undo: Option<UndoStep>,
    pub redo: Option<UndoStep>,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn undo_steps(state: State<'_, AppState>) -> Result<UndoSteps, ApiError> {
    state.read(|s| s.undo_steps().map(|(undo, redo)| UndoSteps { undo, redo })).await
}

/// Undoes the plan file's latest action; what it undid, or `None` when there was nothing.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn undo(state: State<'_, AppState>) -> Result<Option<UndoStep>, ApiError> {
    state.write(|s| s.undo()).await
}

/// Redoes the latest undo; what it redid, or `None` when there was nothing.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn redo(state: State<'_, AppState>) -> Result<Option<UndoStep>, ApiError> {
    state.write(|s| s.redo()).await
}

/// The plan's user actions, the latest first: an organiser's, a day's.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn activity(state: State<'_, AppState>, filter: HistoryFilter) -> Result<Vec<Activity>, ApiError> {
    state.read(move |s| s.activity(&filter)).await
}

/// Changes to the plan field by field, the latest first: a record's, an organiser's, a day's.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn history(state: State<'_, AppState>, filter: HistoryFilter) -> Result<Vec<Change>, ApiError> {
    state.read(move |s| s.history(&filter)).await
}

/// Who the organiser is on this installation.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn whoami(state: State<'_, AppState>) -> Result<Installation, ApiError> {
    state.write(|s| Ok::<_, ApiError>(s.whoami().clone())).await
}

/// Names the organiser, as teammates see it beside their changes.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_identity(
    state: State<'_, AppState>,
    name: String,
    organisation: String,
) -> Result<Installation, ApiError> {
    state
        .write(move |s| {
            let folder = roundtable_core::store::app_folder()?;
            s.set_identity(&name, &organisation, Some(&folder))?;
            Ok::<_, ApiError>(s.whoami().clone())
        })
        .await
}
