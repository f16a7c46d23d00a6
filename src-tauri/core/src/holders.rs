//! Which programs on this computer have a plan open, so that a write that
//! waited out the busy timeout can say who holds the plan instead of only
//! that "another program" does.
//!
//! SQLite says that the plan is locked, never by whom. So every program that
//! opens a plan to write it (the window, each `roundtable` command) leaves a
//! small note in the app's data folder while it has it open: what it is
//! (`roundtable import participants`, the window; never the values a command
//! was given, which may be personal data), its process and since when. The
//! notes are per plan (a hash of its path) and per opening, and go when the
//! plan is closed; a note whose process is gone (killed) is left out and
//! removed when the notes are next read.

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// What this program is, as a busy message names it.
static PROGRAM: OnceLock<String> = OnceLock::new();

/// Names this program for the notes it leaves ("the Roundtable Planner
/// window", "`roundtable import participants`"); set once, at start.
pub fn set_program(name: impl Into<String>) {
    PROGRAM.set(name.into()).ok();
}

fn program() -> String {
    PROGRAM.get().cloned().unwrap_or_else(|| {
        let exe = std::env::current_exe().ok();
        let name = exe.as_deref().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned());
        format!("`{}`", name.unwrap_or_else(|| "a program".into()))
    })
}

/// One program's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    pub program: String,
    pub process: u32,
    pub since: DateTime<Utc>,
}

impl Holder {
    /// "`roundtable import participants` (process 4242, since 10:02:05)".
    pub fn described(&self) -> String {
        let since = self.since.with_timezone(&Local).format("%H:%M:%S");
        format!("{} (process {}, since {since})", self.program, self.process)
    }
}

/// The folder of the notes on the plan at `plan`, in `data_home`'s app folder.
fn notes_folder(data_home: &Path, plan: &Path) -> PathBuf {
    let absolute = std::fs::canonicalize(plan).unwrap_or_else(|_| plan.to_owned());
    let key = crate::backup::fnv1a(absolute.as_os_str().as_encoded_bytes());
    data_home.join(crate::store::APP_IDENTIFIER).join("holders").join(format!("{key:016x}"))
}

/// This program's note on one plan, while it has the plan open (removed
/// when dropped), and where the other programs' notes are.
#[derive(Debug)]
pub(crate) struct Notes {
    folder: PathBuf,
    own: PathBuf,
}

impl Notes {
    /// Leaves this program's note on the plan at `plan` in the app folder of
    /// the OS's data folder; `None` when there is none to leave it in (the
    /// plan opens all the same).
    pub fn leave(plan: &Path) -> Option<Notes> {
        Self::leave_in(&crate::store::data_home().ok()?, plan)
    }

    /// [`Notes::leave`] in the app folder of `data_home`.
    pub fn leave_in(data_home: &Path, plan: &Path) -> Option<Notes> {
        static OPENINGS: AtomicU64 = AtomicU64::new(0);
        let folder = notes_folder(data_home, plan);
        crate::owner_only::create_dir_all(&folder).ok()?;
        let opening = OPENINGS.fetch_add(1, Ordering::Relaxed);
        let own = folder.join(format!("{}-{opening}.json", std::process::id()));
        let holder = Holder { program: program(), process: std::process::id(), since: Utc::now() };
        let bytes = serde_json::to_vec(&holder).ok()?;
        crate::owner_only::write_file(&own, &bytes).ok()?;
        Some(Notes { folder, own })
    }

    /// The other programs that have the plan open now, the earliest first.
    pub fn others(&self) -> Vec<Holder> {
        others_in(&self.folder)
    }

    /// Where the notes are kept, for a test that leaves another program's.
    #[cfg(test)]
    pub fn folder(&self) -> &Path {
        &self.folder
    }
}

impl Drop for Notes {
    fn drop(&mut self) {
        std::fs::remove_file(&self.own).ok();
    }
}

fn others_in(folder: &Path) -> Vec<Holder> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut holders: Vec<Holder> = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(holder) = std::fs::read(&path).ok().and_then(|b| serde_json::from_slice::<Holder>(&b).ok()) else {
            continue;
        };
        if !running(holder.process) {
            // Killed with the plan open: its note is all that is left of it.
            std::fs::remove_file(&path).ok();
            continue;
        }
        if holder.process != std::process::id() && !holders.iter().any(|h| h.process == holder.process) {
            holders.push(holder);
        }
    }
    holders.sort_by_key(|h| h.since);
    holders
}

/// Whether process `pid` is still running (always, where this cannot be told).
fn running(pid: u32) -> bool {
    if cfg!(target_os = "linux") { Path::new("/proc").join(pid.to_string()).exists() } else { true }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_name_the_other_running_programs_and_forget_the_gone_ones() {
        let folder = tempfile::tempdir().unwrap();
        let note = |name: &str, holder: &Holder| {
            std::fs::write(folder.path().join(name), serde_json::to_vec(holder).unwrap()).unwrap();
        };
        let since = Utc::now();
        // Process 1 (init) always runs; this test's own process is not "another".
        let import = Holder { program: "`roundtable import participants`".into(), process: 1, since };
        note("1-0.json", &import);
        note("self.json", &Holder { program: "this test".into(), process: std::process::id(), since });
        let gone = Holder { program: "`roundtable undo`".into(), process: u32::MAX - 1, since };
        note("gone.json", &gone);
        std::fs::write(folder.path().join("cut-short.json"), b"{\"program\":").unwrap();
        assert_eq!(others_in(folder.path()), std::slice::from_ref(&import));
        assert!(!folder.path().join("gone.json").exists(), "a killed program's note is removed");
        assert!(import.described().starts_with("`roundtable import participants` (process 1, since "));
    }
}
