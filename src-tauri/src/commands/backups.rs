//! Restore from backup…: the plan's backups with what each holds, a backup
//! on request, and putting one back over the plan (which is backed up
//! first, so the restore can be undone).
//!
//! A restore names a backup by its file, and only a file in this plan's
//! backups folder is accepted: the webview cannot point the store at any
//! other file.

use crate::state::AppState;
use roundtable_core::{ApiError, BackupInfo, BackupReason, Error, ErrorKind, Field, Store};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use tauri::State;

/// The plan's backups, newest first, and where they are kept.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupList {
    pub backups: Vec<BackupInfo>,
    /// The folder, to show; empty when the plan keeps no backups (a plan in memory).
    pub folder: String,
    /// Why the last automatic backup failed, while no later one succeeded.
    pub problem: Option<String>,
}

fn keeps_none() -> ApiError {
    ApiError {
        kind: ErrorKind::Storage,
        message: "This plan keeps no backups".into(),
        field: None,
        problems: Vec::new(),
    }
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_backups(state: State<'_, AppState>) -> Result<BackupList, ApiError> {
    state
        .write(|s: &mut Store| {
            let Some(backups) = s.backups() else {
                return Ok::<_, ApiError>(BackupList { backups: Vec::new(), folder: String::new(), problem: None });
            };
            Ok(BackupList {
                backups: backups.list()?,
                folder: backups.folder().display().to_string(),
                problem: s.backup_problem().map(str::to_owned),
            })
        })
        .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo, ApiError> {
    state.write(|s: &mut Store| s.back_up(BackupReason::Requested)?.ok_or_else(keeps_none)).await
}

/// The backup `file` stands for, when it is one of this plan's.
fn own_backup(store: &Store, file: &str) -> Result<PathBuf, ApiError> {
    let folder = store.backups().ok_or_else(keeps_none)?.folder();
    let file = Path::new(file);
    let listed = file.parent() == Some(folder) && file.is_file();
    if !listed {
        return Err(Error::invalid(Field::File, format!("{} is not one of this plan's backups", file.display())).into());
    }
    Ok(file.to_owned())
}

/// Puts the plan back as `file` holds it; answers the backup of the plan as it was.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn restore_backup(state: State<'_, AppState>, file: String) -> Result<Option<BackupInfo>, ApiError> {
    state
        .write(move |s: &mut Store| {
            let file = own_backup(s, &file)?;
            Ok::<_, ApiError>(s.restore_backup(&file)?)
        })
        .await
}
