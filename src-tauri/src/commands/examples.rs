//! The seed events, and the reference data the forms need: the countries, named as the plan names them.

use crate::state::AppState;
use roundtable_core::ApiError;
use roundtable_core::countries::{self, Country, CountryNames};
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

/// How the plan names countries: the UN's short names or ISO's.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn country_names(state: State<'_, AppState>) -> Result<CountryNames, ApiError> {
    state.read(|s| s.country_names()).await
}

/// Names countries the UN's way or ISO's in every screen and document of the plan.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_country_names(state: State<'_, AppState>, names: CountryNames) -> Result<(), ApiError> {
    state.write(move |s| s.set_country_names(names)).await
}
