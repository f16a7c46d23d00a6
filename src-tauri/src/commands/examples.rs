//! The seed events, and the reference data the forms need.

use crate::state::AppState;
use roundtable_core::ApiError;
use roundtable_core::countries::{self, Country};
use roundtable_core::examples::{self, ExampleLoad};
use tauri::State;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn load_examples(state: State<'_, AppState>) -> Result<ExampleLoad, ApiError> {
    state.write(examples::load).await
}

/// Every ISO 3166-1 country, by English short name, for country pickers.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_countries() -> Vec<Country> {
    let mut all = countries::all().to_vec();
    all.sort_by_key(|c| c.name);
    all
}
