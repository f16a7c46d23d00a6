//! The seed events, and the reference data the forms need: the countries, named as the plan names them.

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

/// Every ISO 3166-1 country, named as the plan names countries and in the
/// collator's order, for country pickers.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_countries(state: State<'_, AppState>) -> Result<Vec<Country>, ApiError> {
    state.read(|s| s.country_names().map(countries::listed)).await
}
