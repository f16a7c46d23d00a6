//! Where plans and the app's own files live: the default plan in the OS's
//! data folder, or wherever `ROUNDTABLE_DB` points (tests, scripts).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The application's identifier: the plan store's folder under the OS app-data directory.
pub const APP_IDENTIFIER: &str = "org.roundtable.planner";
/// Environment variable that points the app and the CLI at another plan store.
pub const DB_ENV: &str = "ROUNDTABLE_DB";
/// The plan store's file name inside the app-data folder.
pub const DEFAULT_FILE: &str = "plan.sqlite3";

/// Where the plan store lives: `$ROUNDTABLE_DB` when set, else the OS
/// app-data directory (`~/.local/share/org.roundtable.planner/plan.sqlite3` on Linux).
pub fn default_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    Ok(app_folder()?.join(DEFAULT_FILE))
}

/// The app's own folder, for what is not the plan (backups, the log):
/// `~/.local/share/org.roundtable.planner` on Linux, or the folder of
/// `ROUNDTABLE_DB` when it is set (tests, scripts) — never the folder of a
/// plan opened from elsewhere, which may be shared.
pub fn app_folder() -> Result<PathBuf> {
    match std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        Some(db) => Ok(PathBuf::from(db).parent().map_or_else(|| PathBuf::from("."), Path::to_owned)),
        None => Ok(data_home()?.join(APP_IDENTIFIER)),
    }
}

/// The OS folder for applications' data (`$XDG_DATA_HOME`, else `~/.local/share`).
pub(crate) fn data_home() -> Result<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .ok_or_else(|| {
            Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no home directory to keep the plan store in; set {DB_ENV}"),
            ))
        })
}
