//! The plan's health, checked once the window has painted (the UI asks after
//! its first paint and after each switch of plan), so start-up stays fast: a
//! large plan's check reads every page and row. It runs on a reader beside
//! the writer, so the organiser can work while it runs.

use crate::state::AppState;
use roundtable_core::{ApiError, PlanCheck};
use tauri::State;

/// SQLite's quick check of the open plan, and the rows lists and exports leave out because they cannot be read.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn check_plan(state: State<'_, AppState>) -> Result<PlanCheck, ApiError> {
    state.read(|s| s.check_plan()).await
}
