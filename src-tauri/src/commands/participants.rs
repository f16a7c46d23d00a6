//! People and their participation in events.

use crate::state::AppState;
use roundtable_core::{
    ApiError, MembershipInput, ParticipantFilter, ParticipantStatus, ParticipantView, Person, PersonInput,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
pub fn search_people(state: State<'_, AppState>, search: String, limit: u32) -> Result<Vec<Person>, ApiError> {
    state.with(|s| s.search_people(&search, limit))
}

#[tauri::command]
#[specta::specta]
pub fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person, ApiError> {
    state.with(|s| s.create_person(&input))
}

#[tauri::command]
#[specta::specta]
pub fn update_person(state: State<'_, AppState>, id: Uuid, input: PersonInput) -> Result<Person, ApiError> {
    state.with(|s| s.update_person(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn delete_person(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.delete_person(id))
}

#[tauri::command]
#[specta::specta]
pub fn list_participants(
    state: State<'_, AppState>,
    event_id: Uuid,
    filter: ParticipantFilter,
) -> Result<Vec<ParticipantView>, ApiError> {
    state.with(|s| s.list_participants(event_id, &filter))
}

#[tauri::command]
#[specta::specta]
pub fn get_participant(state: State<'_, AppState>, id: Uuid) -> Result<ParticipantView, ApiError> {
    state.with(|s| s.participant(id))
}

#[tauri::command]
#[specta::specta]
pub fn add_participant(
    state: State<'_, AppState>,
    event_id: Uuid,
    person_id: Uuid,
    input: MembershipInput,
) -> Result<ParticipantView, ApiError> {
    state.with(|s| s.add_participant(event_id, person_id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn register_participant(
    state: State<'_, AppState>,
    event_id: Uuid,
    person: PersonInput,
    input: MembershipInput,
) -> Result<ParticipantView, ApiError> {
    state.with(|s| s.register_participant(event_id, &person, &input))
}

#[tauri::command]
#[specta::specta]
pub fn update_participant(
    state: State<'_, AppState>,
    id: Uuid,
    input: MembershipInput,
) -> Result<ParticipantView, ApiError> {
    state.with(|s| s.update_participant(id, &input))
}

#[tauri::command]
#[specta::specta]
pub fn set_participants_status(
    state: State<'_, AppState>,
    ids: Vec<Uuid>,
    status: ParticipantStatus,
) -> Result<u32, ApiError> {
    state.with(|s| s.set_participants_status(&ids, status))
}

#[tauri::command]
#[specta::specta]
pub fn remove_participant(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.with(|s| s.remove_participant(id))
}
