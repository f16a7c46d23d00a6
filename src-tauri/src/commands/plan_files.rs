//! Plans as documents: the open plan, New plan…, Open plan…, Open recent
//! and Save a copy…, and what the window shows when its plan cannot be
//! opened (the reason, with the backups of that plan to restore from).
//!
//! Paths come from the file dialogs of this run or from the recent list,
//! never from a string the webview makes up; Show in folder shows only the
//! open plan's file.

use crate::commands::file_dialogs::FileDialogs;
use crate::recent_plans::RecentPlans;
use crate::state::{AppState, off_main_thread};
use roundtable_core::{ApiError, BackupInfo, Backups, Error, ErrorKind, Field, Installation, Store, backup};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::State;

/// The extension of plan files the dialogs offer.
pub const PLAN_EXTENSION: &str = "rtplan";

/// A plan file, as the window names it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanFile {
    pub path: String,
    /// The file's name without its extension: "Bangkok dialogue 2022".
    pub name: String,
}

impl PlanFile {
    fn of(path: &Path) -> Self {
        let name = path.file_stem().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        PlanFile { path: path.display().to_string(), name }
    }
}

/// Why the plan the window was to open did not open, with that plan's backups.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanProblem {
    pub plan: PlanFile,
    pub message: String,
    pub backups: Vec<BackupInfo>,
}

/// The plan open in the window, or why none is.
#[derive(Debug, Clone, Serialize, Type)]
pub struct PlanStatus {
    pub plan: Option<PlanFile>,
    pub problem: Option<PlanProblem>,
}

/// The last plan that failed to open in this window, kept for [`plan_status`].
#[derive(Default)]
pub struct OpenFailure(Mutex<Option<(PathBuf, String)>>);

impl OpenFailure {
    pub fn set(&self, path: PathBuf, message: String) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some((path, message));
    }

    fn get(&self) -> Option<(PathBuf, String)> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    fn clear(&self) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

/// Where the window keeps every plan's backups (see `roundtable_core::backup::home`).
#[derive(Clone)]
pub struct BackupsHome(pub PathBuf);

impl BackupsHome {
    /// Opens (creating when missing) the plan at `path`, keeping its backups here.
    pub fn open_store(&self, path: &Path) -> roundtable_core::Result<Store> {
        let installation = Installation::load(&roundtable_core::store::app_folder()?)?;
        Store::open_with_backups(path, Backups::at(backup::folder_in(&self.0, path)?), installation)
    }
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn plan_status(
    state: State<'_, AppState>,
    failure: State<'_, OpenFailure>,
    home: State<'_, BackupsHome>,
) -> Result<PlanStatus, ApiError> {
    let plan = state.plan_path().map(|p| PlanFile::of(&p));
    let problem = match failure.get() {
        Some((path, message)) if plan.is_none() => {
            let home = home.0.clone();
            let backups = off_main_thread(move || {
                let listed = backup::folder_in(&home, &path).and_then(|folder| Backups::at(folder).list());
                Ok(PlanProblem { plan: PlanFile::of(&path), message, backups: listed.unwrap_or_default() })
            })
            .await?;
            Some(backups)
        }
        _ => None,
    };
    Ok(PlanStatus { plan, problem })
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn recent_plans(recent: State<'_, RecentPlans>) -> Result<Vec<PlanFile>, ApiError> {
    Ok(recent.list().iter().map(|p| PlanFile::of(p)).collect())
}

/// Makes the plan at `path` the window's; the plan open before stays open when it fails.
async fn switch_to(
    state: &AppState,
    failure: &OpenFailure,
    recent: &RecentPlans,
    path: PathBuf,
    open: impl FnOnce(&Path) -> roundtable_core::Result<Store> + Send + 'static,
) -> Result<PlanFile, ApiError> {
    let opened = off_main_thread(move || open(&path).map(|store| (store, path)).map_err(ApiError::from)).await;
    let (store, path) = opened?;
    state.open(store);
    failure.clear();
    recent.remember(&path);
    Ok(PlanFile::of(&path))
}

/// Opens a plan chosen in the Open dialog, or one of the recent list.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn open_plan(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    failure: State<'_, OpenFailure>,
    recent: State<'_, RecentPlans>,
    home: State<'_, BackupsHome>,
    path: String,
) -> Result<PlanFile, ApiError> {
    let listed = recent.list().into_iter().find(|p| p.display().to_string() == path);
    let path = match listed {
        Some(path) => path,
        None => dialogs.chosen_to_open(&path)?,
    };
    let home = home.inner().clone();
    switch_to(&state, &failure, &recent, path, move |p| home.open_store(p)).await
}

/// Makes a new, empty plan at a path chosen in the Save dialog, and opens it.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn new_plan(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    failure: State<'_, OpenFailure>,
    recent: State<'_, RecentPlans>,
    home: State<'_, BackupsHome>,
    path: String,
) -> Result<PlanFile, ApiError> {
    let path = dialogs.chosen_to_save(&path)?;
    let taken = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
    if taken {
        return Err(Error::invalid(
            Field::Path,
            format!("{} already exists; to work on it, open it with Open plan…", path.display()),
        )
        .into());
    }
    let home = home.inner().clone();
    switch_to(&state, &failure, &recent, path, move |p| home.open_store(p)).await
}

/// Writes a copy of the open plan to a path chosen in the Save dialog; the open plan stays open.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn save_plan_copy(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    recent: State<'_, RecentPlans>,
    path: String,
) -> Result<PlanFile, ApiError> {
    let path = dialogs.chosen_to_save(&path)?;
    let copy = path.clone();
    state.read(move |s: &Store| s.save_copy(&copy)).await?;
    recent.remember(&path);
    Ok(PlanFile::of(&path))
}

/// Restores a backup of the plan that failed to open into a new plan file
/// chosen in the Save dialog, and opens it.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn restore_failed_plan(
    state: State<'_, AppState>,
    dialogs: State<'_, FileDialogs>,
    failure: State<'_, OpenFailure>,
    recent: State<'_, RecentPlans>,
    home: State<'_, BackupsHome>,
    backup_file: String,
    path: String,
) -> Result<PlanFile, ApiError> {
    let path = dialogs.chosen_to_save(&path)?;
    let (failed, _) = failure.get().ok_or_else(|| Error::invalid(Field::File, "No plan failed to open"))?;
    let backups = backup::folder_in(&home.0, &failed)?;
    let file = PathBuf::from(&backup_file);
    if file.parent() != Some(backups.as_path()) {
        return Err(Error::invalid(Field::File, format!("{backup_file} is not one of that plan's backups")).into());
    }
    let home = home.inner().clone();
    switch_to(&state, &failure, &recent, path, move |to| {
        drop(backup::restore_into_new(&file, to)?);
        home.open_store(to)
    })
    .await
}

/// Who shows a file in the desktop's file manager: the desktop (through
/// `tauri-plugin-opener`, which selects the file where the file manager can),
/// or, in the end-to-end and headless tests, a list of what was to be shown
/// (nothing there can look at a file manager).
pub enum FileManager {
    Desktop,
    Recorded(Mutex<Vec<PathBuf>>),
}

impl FileManager {
    /// The desktop's, unless the file dialogs answer from a directory (the end-to-end tests).
    pub fn for_app() -> Self {
        match std::env::var_os(crate::commands::file_dialogs::TEST_DIALOG_DIR_ENV) {
            Some(_) => Self::recorded(),
            None => FileManager::Desktop,
        }
    }

    pub fn recorded() -> Self {
        FileManager::Recorded(Mutex::default())
    }

    /// The files shown so far (the tests' record; empty for the desktop's).
    pub fn shown(&self) -> Vec<PathBuf> {
        match self {
            FileManager::Desktop => Vec::new(),
            FileManager::Recorded(shown) => shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone(),
        }
    }
}

/// File → Show in folder: the file manager opens the open plan's folder with
/// the plan selected. Only that file: the webview names no path.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn show_plan_in_folder(
    state: State<'_, AppState>,
    files: State<'_, FileManager>,
) -> Result<PlanFile, ApiError> {
    let path = state.plan_path().ok_or_else(|| ApiError {
        kind: ErrorKind::PlanFile,
        message: "No plan is open, so there is no plan file to show".into(),
        field: None,
        problems: Vec::new(),
    })?;
    match files.inner() {
        // The desktop's file manager answers over D-Bus: not on the main thread.
        FileManager::Desktop => {
            let shown = path.clone();
            off_main_thread(move || {
                tauri_plugin_opener::reveal_item_in_dir(&shown).map_err(|reason| ApiError {
                    kind: ErrorKind::File,
                    message: format!("The file manager could not show the plan: {reason}"),
                    field: None,
                    problems: Vec::new(),
                })
            })
            .await?;
        }
        FileManager::Recorded(shown) => {
            shown.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(path.clone());
        }
    }
    Ok(PlanFile::of(&path))
}
