//! The native file dialogs exports and imports start from: "Save as" with a
//! suggested name and the format's filter, and "Open" for a participant list.
//! They are commands of our own (not the dialog plugin's JavaScript API) so the
//! UI reaches them through the typed bindings like everything else.
//!
//! The export and import commands take only a path one of these dialogs
//! returned in this run, a save path for an export and an open path for an
//! import ([`FileDialogs::chosen_to_save`], [`FileDialogs::chosen_to_open`]):
//! whatever script runs in the webview, it cannot make the app read or
//! overwrite a file the person did not choose.
//!
//! WebDriver cannot drive GTK's file chooser, so the end-to-end tests set
//! [`TEST_DIALOG_DIR_ENV`]: the dialogs then answer without showing, "Save as"
//! with the suggested name inside that directory and "Open" with the newest
//! file there that the filter accepts. Nothing else changes between the two.

use crate::logs;
use roundtable_core::{ApiError, ErrorKind, Field};
use serde::Deserialize;
use specta::Type;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, State, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// Set (by the end-to-end tests only) to a directory that answers the dialogs.
pub const TEST_DIALOG_DIR_ENV: &str = "ROUNDTABLE_TEST_DIALOG_DIR";

/// What the dialog offers to show: "PDF document" with `["pdf"]`.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}

impl FileFilter {
    fn accepts(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|ext| self.extensions.iter().any(|wanted| wanted.eq_ignore_ascii_case(ext)))
    }

    fn extension_refs(&self) -> Vec<&str> {
        self.extensions.iter().map(String::as_str).collect()
    }
}

/// Who answers the dialogs: the desktop's native chooser over the main window
/// (opening where the last file was chosen, at first in Documents), or, for the
/// end-to-end and headless tests, a directory.
enum Answerer {
    Native { app: AppHandle<Wry>, last_dir: Mutex<Option<PathBuf>> },
    AnsweredFrom(PathBuf),
}

/// The file dialogs, and the paths they returned in this run.
pub struct FileDialogs {
    answerer: Answerer,
    to_save: Mutex<HashSet<PathBuf>>,
    to_open: Mutex<HashSet<PathBuf>>,
}

impl FileDialogs {
    /// The native dialogs, unless [`TEST_DIALOG_DIR_ENV`] names a directory.
    pub fn for_app(app: AppHandle<Wry>) -> Self {
        match std::env::var_os(TEST_DIALOG_DIR_ENV) {
            Some(dir) => Self::answered_from(PathBuf::from(dir)),
            None => Self::with(Answerer::Native { app, last_dir: Mutex::new(None) }),
        }
    }

    /// Dialogs that answer from `dir` without showing (the tests').
    pub fn answered_from(dir: PathBuf) -> Self {
        Self::with(Answerer::AnsweredFrom(dir))
    }

    fn with(answerer: Answerer) -> Self {
        FileDialogs { answerer, to_save: Mutex::default(), to_open: Mutex::default() }
    }

    fn save(&self, suggested_name: String, filter: &FileFilter) -> Result<Option<String>, ApiError> {
        let chosen = match &self.answerer {
            Answerer::AnsweredFrom(dir) => Some(dir.join(&suggested_name)),
            Answerer::Native { app, last_dir } => native(app, last_dir, "Save as", filter)
                .set_file_name(suggested_name)
                .blocking_save_file()
                .map(|c| into_path(c, last_dir))
                .transpose()?,
        };
        Ok(chosen.map(|path| remember(&self.to_save, path)))
    }

    fn open(&self, title: String, filter: &FileFilter) -> Result<Option<String>, ApiError> {
        let chosen = match &self.answerer {
            Answerer::AnsweredFrom(dir) => newest_accepted(dir, filter)?,
            Answerer::Native { app, last_dir } => native(app, last_dir, &title, filter)
                .blocking_pick_file()
                .map(|c| into_path(c, last_dir))
                .transpose()?,
        };
        Ok(chosen.map(|path| remember(&self.to_open, path)))
    }

    /// The folder the person chose (a team folder), or `None` when they
    /// cancelled; the tests' dialogs answer with `team-folder` in their directory.
    pub fn pick_folder(&self, title: &str) -> Result<Option<PathBuf>, ApiError> {
        match &self.answerer {
            Answerer::AnsweredFrom(dir) => {
                let folder = dir.join("team-folder");
                std::fs::create_dir_all(&folder).map_err(|e| ApiError {
                    kind: ErrorKind::File,
                    message: format!("{} cannot be made: {e}", folder.display()),
                    field: None,
                    problems: Vec::new(),
                })?;
                Ok(Some(folder))
            }
            Answerer::Native { app, last_dir } => {
                let mut dialog = app.dialog().file().set_title(title);
                if let Some(window) = app.get_webview_window("main") {
                    dialog = dialog.set_parent(&window);
                }
                dialog.blocking_pick_folder().map(|c| into_path(c, last_dir)).transpose()
            }
        }
    }

    /// The path an export may write: one a Save dialog returned in this run.
    pub fn chosen_to_save(&self, path: &str) -> Result<PathBuf, ApiError> {
        chosen(&self.to_save, path, "saved to")
    }

    /// The path an import may read: one an Open dialog returned in this run.
    pub fn chosen_to_open(&self, path: &str) -> Result<PathBuf, ApiError> {
        chosen(&self.to_open, path, "read")
    }
}

/// Keeps a path a dialog returned, and gives it as text for the UI.
fn remember(kept: &Mutex<HashSet<PathBuf>>, path: PathBuf) -> String {
    let text = path.display().to_string();
    kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(path);
    text
}

fn chosen(kept: &Mutex<HashSet<PathBuf>>, path: &str, verb: &str) -> Result<PathBuf, ApiError> {
    let path = PathBuf::from(path);
    if kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains(&path) {
        return Ok(path);
    }
    Err(roundtable_core::Error::invalid(
        Field::Path,
        format!("{} can be {verb} only after it is chosen in the file dialog; choose it again", path.display()),
    )
    .into())
}

/// The path the person chose to save to, or `None` when they cancelled.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn choose_save_path(
    dialogs: State<'_, FileDialogs>,
    suggested_name: String,
    filter: FileFilter,
) -> Result<Option<String>, ApiError> {
    logs::failure(dialogs.save(suggested_name, &filter))
}

/// The file the person chose to open, or `None` when they cancelled.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn choose_open_path(
    dialogs: State<'_, FileDialogs>,
    title: String,
    filter: FileFilter,
) -> Result<Option<String>, ApiError> {
    logs::failure(dialogs.open(title, &filter))
}

/// The desktop's file chooser over the main window, titled and filtered,
/// opening in the last directory used, else Documents, else home.
fn native(
    app: &AppHandle<Wry>,
    last_dir: &Mutex<Option<PathBuf>>,
    title: &str,
    filter: &FileFilter,
) -> FileDialogBuilder<Wry> {
    let mut dialog = app.dialog().file();
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let remembered = last_dir.lock().ok().and_then(|dir| dir.clone());
    let start = remembered
        .into_iter()
        .chain(app.path().document_dir().ok())
        .chain(app.path().home_dir().ok())
        .find(|dir| dir.is_dir());
    if let Some(dir) = start {
        dialog = dialog.set_directory(dir);
    }
    dialog.set_title(title).add_filter(&filter.name, &filter.extension_refs())
}

/// The chosen path; its directory is where the next dialog opens.
fn into_path(chosen: FilePath, last_dir: &Mutex<Option<PathBuf>>) -> Result<PathBuf, ApiError> {
    let path = chosen.into_path().map_err(|e| {
        ApiError::from(roundtable_core::Error::invalid(Field::Path, format!("That location cannot be used: {e}")))
    })?;
    if let (Ok(mut last), Some(dir)) = (last_dir.lock(), path.parent()) {
        *last = Some(dir.to_path_buf());
    }
    Ok(path)
}

/// The most recently changed file in `dir` that `filter` accepts.
fn newest_accepted(dir: &Path, filter: &FileFilter) -> Result<Option<PathBuf>, ApiError> {
    let entries = std::fs::read_dir(dir).map_err(|e| ApiError {
        kind: ErrorKind::File,
        message: format!("{} cannot be read: {e}", dir.display()),
        field: None,
        problems: Vec::new(),
    })?;
    let newest = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && filter.accepts(path))
        .filter_map(|path| Some((std::fs::metadata(&path).ok()?.modified().ok()?, path)))
        .max_by_key(|(modified, _)| *modified)
        .map(|(_, path)| path);
    Ok(newest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_or_xlsx() -> FileFilter {
        FileFilter { name: "Participant lists".into(), extensions: vec!["csv".into(), "xlsx".into()] }
    }

    #[test]
    fn the_filter_accepts_its_extensions_in_any_case() {
        let filter = csv_or_xlsx();
        assert!(filter.accepts(Path::new("/tmp/list.CSV")));
        assert!(filter.accepts(Path::new("list.xlsx")));
        assert!(!filter.accepts(Path::new("list.pdf")));
        assert!(!filter.accepts(Path::new("csv")));
    }

    #[test]
    fn the_test_answer_to_open_is_the_newest_file_the_filter_accepts() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.csv");
        let new = dir.path().join("new.xlsx");
        std::fs::write(&old, "a").unwrap();
        std::fs::write(dir.path().join("programme.pdf"), "b").unwrap();
        std::fs::write(&new, "c").unwrap();
        let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        std::fs::File::options().write(true).open(&old).unwrap().set_modified(past).unwrap();
        assert_eq!(newest_accepted(dir.path(), &csv_or_xlsx()).unwrap(), Some(new));

        let none = FileFilter { name: "Calendars".into(), extensions: vec!["ics".into()] };
        assert_eq!(newest_accepted(dir.path(), &none).unwrap(), None);
    }
}
