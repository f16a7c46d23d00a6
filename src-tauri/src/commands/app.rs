//! The window's own life: where its plan store is, and the moment its first
//! screen is painted (for the startup benchmark).

use crate::state::AppState;
use roundtable_core::ApiError;
use tauri::State;

/// Set to make the app print `first-paint MS` on stdout when the UI has painted its first screen.
pub const REPORT_FIRST_PAINT_ENV: &str = "ROUNDTABLE_REPORT_FIRST_PAINT";

/// Where the plan store lives, to show in the window.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn store_location(state: State<'_, AppState>) -> Result<String, ApiError> {
    state
        .read(|s| Ok::<_, ApiError>(s.path().map_or_else(|| "in memory".to_owned(), |p| p.display().to_string())))
        .await
}

/// Called by the UI once, after its first frame; prints the time since the
/// shell started when the startup benchmark asks for it, and nothing otherwise.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn report_first_paint(state: State<'_, AppState>) -> Result<(), ApiError> {
    if std::env::var_os(REPORT_FIRST_PAINT_ENV).is_some() {
        println!("first-paint {}", state.started().elapsed().as_millis());
    }
    Ok(())
}
