//! The plan-wide settings of File → Plan settings…: how countries are named,
//! and how long before an arrival a visa letter still needed is a problem.
//! (Personal data's retention has its own dialog, since it can erase.)

use crate::state::AppState;
use roundtable_core::ApiError;
use roundtable_core::countries::CountryNames;
use tauri::State;

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

/// How many weeks before an arrival a visa letter still needed is a problem.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn visa_letter_weeks(state: State<'_, AppState>) -> Result<u32, ApiError> {
    state.read(|s| s.visa_letter_weeks()).await
}

/// Sets the lead time for visa letters (1 to 52 weeks).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn set_visa_letter_weeks(state: State<'_, AppState>, weeks: u32) -> Result<(), ApiError> {
    state.write(move |s| s.set_visa_letter_weeks(weeks)).await
}
