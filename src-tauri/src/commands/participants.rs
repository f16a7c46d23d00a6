//! People and their participation in events.

use crate::state::AppState;
use roundtable_core::{
    ApiError, MembershipInput, ParticipantFilter, ParticipantRole, ParticipantStatus, ParticipantView, Person,
    PersonInput, Registration,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn search_people(state: State<'_, AppState>, search: String, limit: u32) -> Result<Vec<Person>, ApiError> {
    state.read(move |s| s.search_people(&search, limit)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person, ApiError> {
    state.write(move |s| s.create_person(&input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_person(state: State<'_, AppState>, id: Uuid, input: PersonInput) -> Result<Person, ApiError> {
    state.write(move |s| s.update_person(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_person(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_person(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_participants(
    state: State<'_, AppState>,
    event_id: Uuid,
    filter: ParticipantFilter,
) -> Result<Vec<ParticipantView>, ApiError> {
    state.read(move |s| s.list_participants(event_id, &filter)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn get_participant(state: State<'_, AppState>, id: Uuid) -> Result<ParticipantView, ApiError> {
    state.read(move |s| s.participant(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn add_participant(
    state: State<'_, AppState>,
    event_id: Uuid,
    person_id: Uuid,
    input: MembershipInput,
) -> Result<ParticipantView, ApiError> {
    state.write(move |s| s.add_participant(event_id, person_id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn register_participant(
    state: State<'_, AppState>,
    event_id: Uuid,
    person: PersonInput,
    input: MembershipInput,
) -> Result<Registration, ApiError> {
    state.write(move |s| s.register_participant(event_id, &person, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_participant(
    state: State<'_, AppState>,
    id: Uuid,
    input: MembershipInput,
) -> Result<ParticipantView, ApiError> {
    state.write(move |s| s.update_participant(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_participant_role(
    state: State<'_, AppState>,
    id: Uuid,
    role: ParticipantRole,
) -> Result<ParticipantView, ApiError> {
    state.write(move |s| s.set_participant_role(id, role)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_participants_status(
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    status: ParticipantStatus,
) -> Result<u32, ApiError> {
    state.write(move |s| s.set_participants_status(&ids, status)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn remove_participant(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.remove_participant(id)).await
}
