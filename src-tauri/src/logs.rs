//! The app's log: a file a day in a `logs/` folder of the app's own folder
//! (never beside a plan opened from a shared folder), the last week of them
//! kept, for a support person to read after a problem. The folder is the
//! owner's only, so the files in it are too.
//!
//! Every command runs in a span named after it, and its end is logged with
//! how long it took. A failure is logged with its kind and the input field it
//! concerns, never its message: messages quote what the person typed (names,
//! e-mail addresses), and the log must hold no personal data. Nor do spans
//! record the commands' arguments.

use roundtable_core::ApiError;
use std::path::{Path, PathBuf};
use tracing::Level;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::prelude::*;

/// How many daily files are kept.
const KEPT_FILES: usize = 7;

/// The log folder: `logs/` in the app's folder (the app-data folder, or the
/// folder of `ROUNDTABLE_DB`).
pub fn folder() -> Result<PathBuf, String> {
    roundtable_core::store::app_folder().map(|app| folder_in(&app)).map_err(|e| e.to_string())
}

/// The log folder inside the app's folder `app`.
pub fn folder_in(app: &Path) -> PathBuf {
    app.join("logs")
}

/// Starts writing the log into `folder`; the log is flushed when the guard is dropped.
pub fn start(folder: &Path) -> Result<WorkerGuard, String> {
    let unusable = |e: &dyn std::fmt::Display| format!("the log folder {} cannot be used: {e}", folder.display());
    // The appender looks for old files to delete as it starts: the folder must exist.
    roundtable_core::owner_only::create_dir_all(folder).map_err(|e| unusable(&e))?;
    let files = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("roundtable-planner")
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(folder)
        .map_err(|e| unusable(&e))?;
    let (writer, guard) = tracing_appender::non_blocking(files);
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .with_ansi(false)
        .with_span_events(FmtSpan::CLOSE)
        .with_filter(Targets::new().with_target(env!("CARGO_CRATE_NAME"), Level::INFO));
    tracing_subscriber::registry().with(layer).try_init().map_err(|e| format!("the log cannot start: {e}"))?;
    Ok(guard)
}

/// Logs a command's failure (kind and field only) and passes the result on.
pub fn failure<T>(result: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(error) = &result {
        // The field's name as the UI knows it ("email"), never its value.
        let field = error.field.and_then(|f| serde_json::to_value(f).ok()).and_then(|v| v.as_str().map(str::to_owned));
        tracing::warn!(kind = ?error.kind, field = field.as_deref().unwrap_or("-"), "failed");
    }
    result
}
