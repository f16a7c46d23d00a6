//! Media contacts, and after the event its outcomes and follow-ups.

use crate::state::AppState;
use roundtable_core::{ApiError, FollowUp, FollowUpInput, MediaContact, MediaContactInput, Outcome, OutcomeInput};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_media_contacts(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<MediaContact>, ApiError> {
    state.read(move |s| s.media_contacts(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_media_contact(
    state: State<'_, AppState>,
    event_id: Uuid,
    input: MediaContactInput,
) -> Result<MediaContact, ApiError> {
    state.write(move |s| s.add_media_contact(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_media_contact(
    state: State<'_, AppState>,
    id: Uuid,
    input: MediaContactInput,
) -> Result<MediaContact, ApiError> {
    state.write(move |s| s.update_media_contact(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_media_contact(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_media_contact(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_outcomes(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<Outcome>, ApiError> {
    state.read(move |s| s.outcomes(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_outcome(state: State<'_, AppState>, event_id: Uuid, input: OutcomeInput) -> Result<Outcome, ApiError> {
    state.write(move |s| s.add_outcome(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_outcome(state: State<'_, AppState>, id: Uuid, input: OutcomeInput) -> Result<Outcome, ApiError> {
    state.write(move |s| s.update_outcome(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_outcome(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_outcome(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_follow_ups(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<FollowUp>, ApiError> {
    state.read(move |s| s.follow_ups(event_id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_follow_up(
    state: State<'_, AppState>,
    event_id: Uuid,
    input: FollowUpInput,
) -> Result<FollowUp, ApiError> {
    state.write(move |s| s.add_follow_up(event_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_follow_up(
    state: State<'_, AppState>,
    id: Uuid,
    input: FollowUpInput,
) -> Result<FollowUp, ApiError> {
    state.write(move |s| s.update_follow_up(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_follow_up(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_follow_up(id)).await
}
