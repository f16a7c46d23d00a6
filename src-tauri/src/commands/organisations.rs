//! Organisations, their roles per event, and funding.

use crate::state::AppState;
use roundtable_core::{
    ApiError, EventOrganiser, Funding, FundingInput, Organisation, OrganisationInput, OrganiserRole,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, ApiError> {
    state.read(move |s| s.list_organisations()).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Result<Organisation, ApiError> {
    state.write(move |s| s.create_organisation(&input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_organisation(
    state: State<'_, AppState>,
    id: Uuid,
    input: OrganisationInput,
) -> Result<Organisation, ApiError> {
    state.write(move |s| s.update_organisation(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_organisation(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_organisation(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_event_organisers(
    state: State<'_, AppState>,
    event_id: Uuid,
) -> Result<Vec<EventOrganiser>, ApiError> {
    state.read(move |s| s.event_organisers(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn assign_organiser(
    state: State<'_, AppState>,
    event_id: Uuid,
    organisation_id: Uuid,
    role: OrganiserRole,
) -> Result<Vec<EventOrganiser>, ApiError> {
    state.write(move |s| s.assign_organiser(event_id, organisation_id, role)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn remove_organiser(
    state: State<'_, AppState>,
    event_id: Uuid,
    organisation_id: Uuid,
    role: OrganiserRole,
) -> Result<Vec<EventOrganiser>, ApiError> {
    state.write(move |s| s.remove_organiser(event_id, organisation_id, role)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_fundings(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<Funding>, ApiError> {
    state.read(move |s| s.event_fundings(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_funding(state: State<'_, AppState>, event_id: Uuid, input: FundingInput) -> Result<Funding, ApiError> {
    state.write(move |s| s.add_funding(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_funding(state: State<'_, AppState>, id: Uuid, input: FundingInput) -> Result<Funding, ApiError> {
    state.write(move |s| s.update_funding(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_funding(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_funding(id)).await
}
