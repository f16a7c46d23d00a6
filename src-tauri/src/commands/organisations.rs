//! Organisations, their roles per event, and funding.

use crate::state::AppState;
use roundtable_core::{
    ApiError, EventOrganiser, Funding, FundingInput, Organisation, OrganisationInput, OrganiserRole,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
pub fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, ApiError> {
    state.with(|s| s.list_organisations())
}

#[tauri::command]
#[specta::specta]
pub fn create_organisation(state: State<'_, AppState>, input: OrganisationInput) -> Result<Organisation, ApiError> {
    state.with(|s| s.create_organisation(&input))
}

#[tauri::command]
#[specta::specta]
pub fn update_organisation(
    state: State<'_, AppState>,
    id: Uuid,
    input: OrganisationInput,
) -> Result<Organisation, ApiError> {
    state.with(|s| s.update_organisation(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_organisation(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_organisation(id))
}

#[tauri::command]
#[specta::specta]
pub fn list_event_organisers(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<EventOrganiser>, ApiError> {
    state.with(|s| s.event_organisers(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn assign_organiser(
    state: State<'_, AppState>,
    event_id: Uuid,
    organisation_id: Uuid,
    role: OrganiserRole,
) -> Result<Vec<EventOrganiser>, ApiError> {
    state.with(|s| s.assign_organiser(event_id, organisation_id, role))
}

#[tauri::command]
#[specta::specta]
pub fn remove_organiser(
    state: State<'_, AppState>,
    event_id: Uuid,
    organisation_id: Uuid,
    role: OrganiserRole,
) -> Result<Vec<EventOrganiser>, ApiError> {
    state.with(|s| s.remove_organiser(event_id, organisation_id, role))
}

#[tauri::command]
#[specta::specta]
pub fn list_fundings(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<Funding>, ApiError> {
    state.with(|s| s.event_fundings(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn add_funding(state: State<'_, AppState>, event_id: Uuid, input: FundingInput) -> Result<Funding, ApiError> {
    state.with(|s| s.add_funding(event_id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn update_funding(state: State<'_, AppState>, id: Uuid, input: FundingInput) -> Result<Funding, ApiError> {
    state.with(|s| s.update_funding(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_funding(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_funding(id))
}
