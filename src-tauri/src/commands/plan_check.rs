//! The plan's upkeep once the window has painted (the UI asks after its first
//! paint and after each switch of plan), so start-up stays fast: its health
//! check, which reads every page and row on a reader beside the writer (the
//! organiser can work while it runs), then the journal's compaction (what
//! was replaced long ago is folded away; a fifth of a second on a plan of
//! 100,000 participants with nothing to fold).

use crate::state::AppState;
use roundtable_core::{ApiError, HISTORY_DAYS, PlanCheck};
use tauri::State;

/// SQLite's quick check of the open plan, and the rows lists and exports leave out because they cannot be read.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn check_plan(state: State<'_, AppState>) -> Result<PlanCheck, ApiError> {
    let check = state.read(|s| s.check_plan()).await?;
    if let Err(error) = state.write(|s| s.compact_journal(HISTORY_DAYS)).await {
        // Another program writing the plan just now: the next check or sync compacts it.
        tracing::warn!(message = %error.message, "the change journal was not compacted");
    }
    Ok(check)
}
