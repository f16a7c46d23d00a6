//! Delegations and the delegation tracker.

use crate::state::AppState;
use roundtable_core::{
    ApiError, Delegation, DelegationInput, DelegationTracker, DelegationWorkflow, DelegationWorkflowInput,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_delegations(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<Delegation>, ApiError> {
    state.read(move |s| s.list_delegations(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_delegation(
    state: State<'_, AppState>,
    event_id: Uuid,
    input: DelegationInput,
) -> Result<Delegation, ApiError> {
    state.write(move |s| s.create_delegation(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_delegation(
    state: State<'_, AppState>,
    id: Uuid,
    input: DelegationInput,
) -> Result<Delegation, ApiError> {
    state.write(move |s| s.update_delegation(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_delegation(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_delegation(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delegation_tracker(state: State<'_, AppState>, event_id: Uuid) -> Result<DelegationTracker, ApiError> {
    state.read(move |s| s.delegation_tracker(event_id)).await
}

/// A delegation's invitation, nomination and credentials.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delegation_workflow(state: State<'_, AppState>, id: Uuid) -> Result<DelegationWorkflow, ApiError> {
    state.read(move |s| s.delegation_workflow(id)).await
}

/// Records a delegation's invitation, nomination and credentials, all at once.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_delegation_workflow(
    state: State<'_, AppState>,
    id: Uuid,
    input: DelegationWorkflowInput,
) -> Result<DelegationWorkflow, ApiError> {
    state.write(move |s| s.set_delegation_workflow(id, &input)).await
}
