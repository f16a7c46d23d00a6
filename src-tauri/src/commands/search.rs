//! Plan-wide search from Home: events, people and sessions in one call.

use crate::state::AppState;
use roundtable_core::{ApiError, PlanSearch};
use tauri::State;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn search_plan(state: State<'_, AppState>, text: String, limit: u32) -> Result<PlanSearch, ApiError> {
    state.read(move |s| s.search_plan(&text, limit)).await
}
