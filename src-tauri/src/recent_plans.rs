//! The plans opened lately, newest first, for File → Open recent and for
//! reopening the last plan at start. Kept as a small JSON list of paths,
//! owner-only, beside the default plan (the app-data folder, or the folder
//! of `ROUNDTABLE_DB`), so the tests' lists stay in their own folders.

use std::path::{Path, PathBuf};

/// How many plans the list keeps.
pub const KEPT: usize = 10;

/// The list's file name.
pub const FILE: &str = "recent-plans.json";

/// The list kept in one file.
pub struct RecentPlans {
    file: PathBuf,
}

impl RecentPlans {
    /// The list kept in `folder`.
    pub fn in_folder(folder: &Path) -> Self {
        RecentPlans { file: folder.join(FILE) }
    }

    /// The plans opened lately that still exist, newest first.
    pub fn list(&self) -> Vec<PathBuf> {
        let kept: Vec<PathBuf> =
            std::fs::read(&self.file).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok()).unwrap_or_default();
        kept.into_iter().filter(|path| path.is_file()).collect()
    }

    /// Puts `plan` first in the list; a list that cannot be written is only logged.
    pub fn remember(&self, plan: &Path) {
        let plan = std::fs::canonicalize(plan).unwrap_or_else(|_| plan.to_owned());
        let mut kept = self.list();
        kept.retain(|path| path != &plan);
        kept.insert(0, plan);
        kept.truncate(KEPT);
        let written = serde_json::to_vec_pretty(&kept)
            .map_err(|e| e.to_string())
            .and_then(|bytes| roundtable_core::owner_only::write_file(&self.file, &bytes).map_err(|e| e.to_string()));
        if let Err(error) = written {
            tracing::warn!(%error, "the list of recent plans was not saved");
        }
    }
}
