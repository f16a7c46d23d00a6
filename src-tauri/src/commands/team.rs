//! Planning together through a team folder: choosing it (File → Team
//! folder…), syncing (at start, every few minutes, and File → Sync now,
//! Ctrl+Shift+S), its status, and the disagreements a person decides. The
//! folder's path comes from the native dialog and is kept in the plan file;
//! the window never hands the backend a path of its own.

use crate::commands::file_dialogs::FileDialogs;
use crate::state::AppState;
use roundtable_core::{ApiError, Decision, Disagreement, SyncReport};
use serde::Serialize;
use specta::Type;
use std::path::PathBuf;
use tauri::State;

/// The plan's team folder and how things stand with it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TeamStatus {
    /// The folder; `None` while the plan is on this laptop only.
    pub folder: Option<String>,
    /// When the last sync went through (UTC).
    pub synced_at: Option<String>,
    /// Disagreements and held-back records waiting for a person.
    pub disagreements: u32,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn team_status(state: State<'_, AppState>) -> Result<TeamStatus, ApiError> {
    state
        .read(|s| {
            let team = s.team_folder()?;
            let disagreements = u32::try_from(s.disagreements()?.len()).unwrap_or(u32::MAX);
            Ok::<_, ApiError>(TeamStatus {
                folder: team.as_ref().map(|(folder, _)| folder.clone()),
                synced_at: team.and_then(|(_, synced)| synced),
                disagreements,
            })
        })
        .await
}

/// Asks for the team folder, then syncs with it; `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn choose_team_folder(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
) -> Result<Option<SyncReport>, ApiError> {
    let Some(folder) = dialogs.pick_folder("Team folder of this plan")? else { return Ok(None) };
    state.write(move |s| s.sync_folder(&folder).map(Some)).await
}

/// Syncs with the plan's team folder; `None` when it has none.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn sync_now(state: State<'_, AppState>) -> Result<Option<SyncReport>, ApiError> {
    state
        .write(|s| match s.team_folder()? {
            Some((folder, _)) => s.sync_folder(&PathBuf::from(folder)).map(Some),
            None => Ok(None),
        })
        .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn disagreements(state: State<'_, AppState>) -> Result<Vec<Disagreement>, ApiError> {
    state.read(|s| s.disagreements()).await
}

/// Decides a disagreement: keeps option `keep`, or the typed `value`; the list left.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn resolve_disagreement(
    state: State<'_, AppState>,
    id: String,
    keep: Option<u32>,
    value: Option<String>,
) -> Result<Vec<Disagreement>, ApiError> {
    let decision = match (keep, value) {
        (_, Some(text)) => Decision::Value(text),
        (Some(n), None) => Decision::Keep(n as usize),
        (None, None) => Decision::Keep(0),
    };
    state
        .write(move |s| {
            s.resolve_disagreement(&id, &decision)?;
            s.disagreements()
        })
        .await
}
