//! Agenda days and sessions, and the agenda with its conflicts.

use crate::state::AppState;
use roundtable_core::{Agenda, AgendaDay, AgendaDayInput, ApiError, Session, SessionInput};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
pub fn get_agenda(state: State<'_, AppState>, event_id: Uuid) -> Result<Agenda, ApiError> {
    state.with(|s| s.agenda(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn list_days(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<AgendaDay>, ApiError> {
    state.with(|s| s.days(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn add_day(state: State<'_, AppState>, event_id: Uuid, input: AgendaDayInput) -> Result<AgendaDay, ApiError> {
    state.with(|s| s.add_day(event_id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn fill_days(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<AgendaDay>, ApiError> {
    state.with(|s| s.fill_days(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn update_day(state: State<'_, AppState>, id: Uuid, input: AgendaDayInput) -> Result<AgendaDay, ApiError> {
    state.with(|s| s.update_day(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_day(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_day(id))
}

#[tauri::command]
#[specta::specta]
pub fn create_session(state: State<'_, AppState>, input: SessionInput) -> Result<Session, ApiError> {
    state.with(|s| s.create_session(&input))
}

#[tauri::command]
#[specta::specta]
pub fn update_session(state: State<'_, AppState>, id: Uuid, input: SessionInput) -> Result<Session, ApiError> {
    state.with(|s| s.update_session(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_session(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_session(id))
}
