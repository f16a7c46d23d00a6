//! Series and events: the home screen's list, the overview, create, update,
//! status changes and deletion.

use crate::state::AppState;
use roundtable_core::{
    ApiError, Event, EventInput, EventOverview, EventStatus, EventSummary, NextStopInput, ReadinessItem, Series,
    SeriesInput,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
pub fn list_series(state: State<'_, AppState>) -> Result<Vec<Series>, ApiError> {
    state.with(|s| s.list_series())
}

#[tauri::command]
#[specta::specta]
pub fn create_series(state: State<'_, AppState>, input: SeriesInput) -> Result<Series, ApiError> {
    state.with(|s| s.create_series(&input))
}

#[tauri::command]
#[specta::specta]
pub fn update_series(state: State<'_, AppState>, id: Uuid, input: SeriesInput) -> Result<Series, ApiError> {
    state.with(|s| s.update_series(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_series(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_series(id))
}

#[tauri::command]
#[specta::specta]
pub fn list_events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, ApiError> {
    state.with(|s| s.list_events())
}

#[tauri::command]
#[specta::specta]
pub fn get_event(state: State<'_, AppState>, id: Uuid) -> Result<Event, ApiError> {
    state.with(|s| s.event(id))
}

#[tauri::command]
#[specta::specta]
pub fn event_overview(state: State<'_, AppState>, id: Uuid) -> Result<EventOverview, ApiError> {
    state.with(|s| s.event_overview(id))
}

#[tauri::command]
#[specta::specta]
pub fn create_event(state: State<'_, AppState>, input: EventInput) -> Result<Event, ApiError> {
    state.with(|s| s.create_event(&input))
}

#[tauri::command]
#[specta::specta]
pub fn update_event(state: State<'_, AppState>, id: Uuid, input: EventInput) -> Result<Event, ApiError> {
    state.with(|s| s.update_event(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn set_event_status(state: State<'_, AppState>, id: Uuid, status: EventStatus) -> Result<Event, ApiError> {
    state.with(|s| s.set_event_status(id, status))
}

#[tauri::command]
#[specta::specta]
pub fn delete_event(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_event(id))
}

#[tauri::command]
#[specta::specta]
pub fn duplicate_event(state: State<'_, AppState>, id: Uuid, input: NextStopInput) -> Result<Event, ApiError> {
    state.with(|s| s.duplicate_event(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn event_readiness(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<ReadinessItem>, ApiError> {
    state.with(|s| s.event_readiness(event_id))
}
