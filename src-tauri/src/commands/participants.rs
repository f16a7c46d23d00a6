//! People and their participation in events.
//!
//! An event's list of participants can hold 100,000 rows (some 70 MB of JSON):
//! answered in one message, the webview would parse it in one go and the
//! window would freeze for over a second. The command answers with the first
//! page (for most lists, the whole list: one round trip), and the later pages
//! follow over a channel, each parsed in its own turn of the webview's loop.

use crate::state::AppState;
use roundtable_core::{
    ApiError, MembershipInput, ParticipantFilter, ParticipantRole, ParticipantStatus, ParticipantView, Person,
    PersonInput, Registration,
};
use serde::Serialize;
use specta::Type;
use tauri::State;
use tauri::ipc::Channel;
use uuid::Uuid;

/// Rows per page of a streamed list: some 700 KB of JSON, parsed in a few milliseconds.
const PAGE_ROWS: usize = 1000;

/// The least time between two pages. Sent as fast as they are serialised, a
/// hundred pages reach the webview together and are parsed in one turn of its
/// loop (a frame of 200–400 ms); paced, it draws between them.
const PAGE_EVERY: std::time::Duration = std::time::Duration::from_millis(12);

/// One page of an event's list of participants, in list order.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ParticipantPage {
    pub rows: Vec<ParticipantView>,
    /// The length of the whole list.
    pub total: u32,
    /// No page follows this one (an empty list is one empty last page).
    pub last: bool,
}

/// The first `first_rows` of `list` (a page when not given), to answer with;
/// the later pages go over `on_page` from a blocking thread, so the first
/// shows while they are serialised.
fn first_page_then_the_rest(
    list: Vec<ParticipantView>,
    first_rows: Option<u32>,
    on_page: Channel<ParticipantPage>,
) -> ParticipantPage {
    let total = u32::try_from(list.len()).unwrap_or(u32::MAX);
    let mut rows = list.into_iter();
    let first_rows = first_rows.map_or(PAGE_ROWS, |n| usize::try_from(n).unwrap_or(PAGE_ROWS).clamp(1, PAGE_ROWS));
    let first: Vec<ParticipantView> = rows.by_ref().take(first_rows).collect();
    let mut rest = rows.peekable();
    let last = rest.peek().is_none();
    if !last {
        tauri::async_runtime::spawn_blocking(move || {
            while rest.peek().is_some() {
                std::thread::sleep(PAGE_EVERY);
                let rows: Vec<ParticipantView> = rest.by_ref().take(PAGE_ROWS).collect();
                let last = rest.peek().is_none();
                // A window that stopped listening (it left the screen) gets no more pages.
                if on_page.send(ParticipantPage { rows, total, last }).is_err() {
                    tracing::debug!("the window no longer listens to this list");
                    return;
                }
            }
        });
    }
    ParticipantPage { rows: first, total, last }
}

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

/// The event's participants matching `filter`: the answer holds the first
/// `first_rows` (a screenful, for a panel that shows a few at once: a small
/// answer comes back sooner) or a whole page, and the rest follow over `on_page`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_participants(
    state: State<'_, AppState>,
    event_id: Uuid,
    filter: ParticipantFilter,
    first_rows: Option<u32>,
    on_page: Channel<ParticipantPage>,
) -> Result<ParticipantPage, ApiError> {
    let list = state.read(move |s| s.list_participants(event_id, &filter)).await?;
    Ok(first_page_then_the_rest(list, first_rows, on_page))
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
) -> Result<Vec<ParticipantView>, ApiError> {
    state.write(move |s| s.set_participants_status(&ids, status)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn remove_participant(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.remove_participant(id)).await
}
