//! Personal data on request: *Erase person*, and the plan's retention
//! setting (erase the data of events that ended more than N months ago).

use crate::state::AppState;
use roundtable_core::{ApiError, Erasure, RetentionPreview, RetentionReport};
use tauri::State;
use uuid::Uuid;

/// Erases a person's data from every event (their seats stay anonymous);
/// with `with_backups`, the backups that still hold them are deleted too.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn erase_person(state: State<'_, AppState>, id: Uuid, with_backups: bool) -> Result<Erasure, ApiError> {
    state.write(move |s| s.erase_person(id, with_backups)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn retention_months(state: State<'_, AppState>) -> Result<Option<u32>, ApiError> {
    state.read(|s| s.retention_months()).await
}

/// What setting retention to `months` would erase now, without erasing it: asked before it is set.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn preview_retention(state: State<'_, AppState>, months: u32) -> Result<RetentionPreview, ApiError> {
    state.read(move |s| s.preview_retention(months, chrono::Utc::now().date_naive())).await
}

/// Sets (or with `None` turns off) the retention setting; what it erased at once.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_retention_months(
    state: State<'_, AppState>,
    months: Option<u32>,
) -> Result<Option<RetentionReport>, ApiError> {
    state.write(move |s| s.set_retention_months(months)).await
}
