//! Agenda days and sessions, and the agenda with its conflicts.

use crate::state::AppState;
use roundtable_core::{Agenda, AgendaDay, AgendaDayInput, ApiError, Session, SessionInput};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn get_agenda(state: State<'_, AppState>, event_id: Uuid) -> Result<Agenda, ApiError> {
    state.read(move |s| s.agenda(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_days(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<AgendaDay>, ApiError> {
    state.read(move |s| s.days(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_day(state: State<'_, AppState>, event_id: Uuid, input: AgendaDayInput) -> Result<AgendaDay, ApiError> {
    state.write(move |s| s.add_day(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn fill_days(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<AgendaDay>, ApiError> {
    state.write(move |s| s.fill_days(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_day(state: State<'_, AppState>, id: Uuid, input: AgendaDayInput) -> Result<AgendaDay, ApiError> {
    state.write(move |s| s.update_day(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_day(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_day(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_session(state: State<'_, AppState>, input: SessionInput) -> Result<Session, ApiError> {
    state.write(move |s| s.create_session(&input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_session(state: State<'_, AppState>, id: Uuid, input: SessionInput) -> Result<Session, ApiError> {
    state.write(move |s| s.update_session(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_session(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_session(id)).await
}
