//! Notices when another process (the `roundtable` CLI, a script) changes the
//! plan file under the open window, and tells the window so that the screen
//! it shows reloads.
//!
//! SQLite's `PRAGMA data_version` changes on a connection when any other
//! connection commits. The watcher's connection is not the writer (the core
//! keeps that one to itself), so the window's own writes change it too: the
//! state reads it just before and just after each of its own writes, under
//! the writer's lock, and only what changed outside those brackets counts as
//! another process's change. A poll every second looks only when the writer
//! is free, so it never waits behind a long write.

use crate::state::AppState;
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_specta::Event;

/// How often the plan file is looked at.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// Sent to the window when the plan changed outside it.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct PlanChanged;

/// The watcher's read-only connection and what it last saw.
pub struct PlanWatch {
    conn: Connection,
    seen: Option<i64>,
    changed_outside: bool,
}

impl PlanWatch {
    /// A watch on the plan file at `path`.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        let mut watch = PlanWatch { conn, seen: None, changed_outside: false };
        watch.seen = watch.version();
        Ok(watch)
    }

    fn version(&self) -> Option<i64> {
        self.conn.query_row("PRAGMA data_version", [], |row| row.get(0)).ok()
    }

    /// Called with the writer held, before the window's own write: whatever
    /// changed since the last look was written by someone else.
    pub fn before_own_write(&mut self) {
        let now = self.version();
        if now.is_some() && now != self.seen {
            self.changed_outside = true;
            self.seen = now;
        }
    }

    /// Called with the writer still held, after the window's own write: its change is not news.
    pub fn after_own_write(&mut self) {
        if let Some(now) = self.version() {
            self.seen = Some(now);
        }
    }

    /// Called with the writer held: whether the plan changed outside the window since the last call.
    pub fn take_change(&mut self) -> bool {
        self.before_own_write();
        std::mem::take(&mut self.changed_outside)
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
