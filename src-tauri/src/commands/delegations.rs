//! Delegations and the delegation tracker.

use crate::state::AppState;
use roundtable_core::{ApiError, Delegation, DelegationInput, DelegationTracker};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
pub fn list_delegations(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<Delegation>, ApiError> {
    state.with(|s| s.list_delegations(event_id))
}

#[tauri::command]
#[specta::specta]
pub fn create_delegation(
    state: State<'_, AppState>,
    event_id: Uuid,
    input: DelegationInput,
) -> Result<Delegation, ApiError> {
    state.with(|s| s.create_delegation(event_id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn update_delegation(state: State<'_, AppState>, id: Uuid, input: DelegationInput) -> Result<Delegation, ApiError> {
    state.with(|s| s.update_delegation(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_delegation(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_delegation(id))
}

#[tauri::command]
#[specta::specta]
pub fn delegation_tracker(state: State<'_, AppState>, event_id: Uuid) -> Result<DelegationTracker, ApiError> {
    state.with(|s| s.delegation_tracker(event_id))
}
