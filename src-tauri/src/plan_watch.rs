//! Notices when another process (the `roundtable` CLI, a script) changes the
//! plan file under the open window, and tells the window so that the screen
//! it shows reloads.
//!
//! SQLite's `PRAGMA data_version`, read on the connection that writes, changes
//! when any other connection commits and never for that connection's own
//! writes: exactly "changed outside the window". (Reading it on a connection
//! of its own and bracketing the window's writes lost a change another
//! process committed in the middle of one of them.) A poll every second looks
//! only when the writer is free, so it never waits behind a long write.

use crate::state::AppState;
use roundtable_core::Store;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_specta::Event;

/// How often the plan file is looked at.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// Sent to the window when the plan changed outside it.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct PlanChanged;

/// The writer's `data_version` when the watch last looked.
pub struct PlanWatch {
    seen: Option<i64>,
}

impl PlanWatch {
    /// A watch on the plan that `writer` writes.
    pub fn new(writer: &Store) -> Self {
        PlanWatch { seen: writer.data_version().ok() }
    }

    /// Called with the writer held: whether another process committed to the plan since the last call.
    pub fn take_change(&mut self, writer: &Store) -> bool {
        let Ok(now) = writer.data_version() else { return false };
        let changed = self.seen.is_some_and(|seen| seen != now);
        self.seen = Some(now);
        changed
    }
}

/// Looks at the plan every [`POLL_EVERY`] and emits [`PlanChanged`] when
/// another process changed it; runs for the app's life on a thread of its own.
pub fn start<R: Runtime>(app: AppHandle<R>, state: AppState) {
    let spawned = std::thread::Builder::new().name("plan-watch".into()).spawn(move || {
        loop {
            std::thread::sleep(POLL_EVERY);
            if state.plan_changed_outside() {
                tracing::info!("the plan changed outside the window");
                if let Err(error) = PlanChanged.emit(&app) {
                    tracing::warn!(%error, "the window could not be told that the plan changed");
                }
            }
        }
    });
    if let Err(error) = spawned {
        tracing::warn!(%error, "changes by other programs will not show until the screen is reopened");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    /// Another process's write: the sqlite3 tool or the CLI on the same file.
    fn write_outside(path: &std::path::Path, months: u32) {
        Connection::open(path)
            .unwrap()
            .execute(
                "INSERT INTO plan_setting (key, value) VALUES ('retention_months', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [months.to_string()],
            )
            .unwrap();
    }

    #[test]
    fn another_process_is_seen_even_when_it_commits_in_the_middle_of_the_windows_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.sqlite");
        let state = AppState::new(Store::open(&path).unwrap());
        assert!(!state.plan_changed_outside(), "nothing happened yet");

        tauri::async_runtime::block_on(state.write(|s| s.set_retention_months(Some(12)))).unwrap();
        assert!(!state.plan_changed_outside(), "the window's own write is not news");

        write_outside(&path, 24);
        assert!(state.plan_changed_outside(), "a write by another process is seen");
        assert!(!state.plan_changed_outside(), "and reported once");

        let outside = path.clone();
        tauri::async_runtime::block_on(state.write(move |s| {
            write_outside(&outside, 36);
            s.set_retention_months(Some(48))
        }))
        .unwrap();
        assert!(state.plan_changed_outside(), "a write by another process during the window's own is seen too");
    }
}
