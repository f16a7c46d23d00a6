//! Series and events: the home screen's list, the overview, create, update,
//! status changes and deletion.

use crate::state::AppState;
use roundtable_core::{
    ApiError, Event, EventInput, EventOverview, EventStatus, EventSummary, NextStopInput, ReadinessItem, Series,
    SeriesInput, Store,
};
use tauri::State;
use uuid::Uuid;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_series(state: State<'_, AppState>) -> Result<Vec<Series>, ApiError> {
    state.read(move |s| s.list_series()).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_series(state: State<'_, AppState>, input: SeriesInput) -> Result<Series, ApiError> {
    state.write(move |s| s.create_series(&input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_series(state: State<'_, AppState>, id: Uuid, input: SeriesInput) -> Result<Series, ApiError> {
    state.write(move |s| s.update_series(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_series(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_series(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, ApiError> {
    state.read(move |s| s.list_events()).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn get_event(state: State<'_, AppState>, id: Uuid) -> Result<Event, ApiError> {
    state.read(move |s| s.event(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn event_overview(state: State<'_, AppState>, id: Uuid) -> Result<EventOverview, ApiError> {
    state.read(move |s| s.event_overview(id)).await
}

/// Creates an event with its agenda days; `new_series`, when given, is the
/// series it belongs to, found by title or made in the same transaction (so
/// a refused event leaves no series behind).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn create_event(
    state: State<'_, AppState>,
    input: EventInput,
    new_series: Option<SeriesInput>,
) -> Result<Event, ApiError> {
    state
        .write(move |s| {
            s.transaction(|s| {
                let input = in_series(s, input, new_series.as_ref())?;
                s.create_event(&input)
            })
        })
        .await
}

/// The input in the series titled `new_series`, found or made, when given.
fn in_series(
    store: &mut Store,
    mut input: EventInput,
    new_series: Option<&SeriesInput>,
) -> roundtable_core::Result<EventInput> {
    if let Some(series) = new_series {
        input.series_id = Some(store.series_titled(series)?.id);
    }
    Ok(input)
}

/// Changes an event's facts; `new_series` as for [`create_event`].
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn update_event(
    state: State<'_, AppState>,
    id: Uuid,
    input: EventInput,
    new_series: Option<SeriesInput>,
) -> Result<Event, ApiError> {
    state
        .write(move |s| {
            s.transaction(|s| {
                let input = in_series(s, input, new_series.as_ref())?;
                s.update_event(id, &input)
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_event_status(state: State<'_, AppState>, id: Uuid, status: EventStatus) -> Result<Event, ApiError> {
    state.write(move |s| s.set_event_status(id, status)).await
}

/// Switches the check for panels of one gender on or off for an event.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_panel_balance_check(state: State<'_, AppState>, id: Uuid, on: bool) -> Result<Event, ApiError> {
    state.write(move |s| s.set_panel_balance_check(id, on)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn delete_event(state: State<'_, AppState>, id: Uuid) -> Result<(), ApiError> {
    state.write(move |s| s.delete_event(id)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn duplicate_event(state: State<'_, AppState>, id: Uuid, input: NextStopInput) -> Result<Event, ApiError> {
    state.write(move |s| s.duplicate_event(id, &input)).await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn event_readiness(state: State<'_, AppState>, event_id: Uuid) -> Result<Vec<ReadinessItem>, ApiError> {
    state.read(move |s| s.event_readiness(event_id)).await
}
