//! The plan store: one SQLite file per plan, opened with the pragmas the
//! application relies on and migrated to the current schema.
//!
//! WAL lets the UI read while a write is under way, foreign keys keep deleted
//! parents from leaving orphans, and the busy timeout lets a CLI script and the
//! app share a file. Every operation that writes several rows runs in one
//! transaction (see [`Store::write`]), so nothing is ever half-written.

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, Transaction};
use rusqlite_migration::{M, Migrations};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The application's identifier: the plan store's folder under the OS app-data directory.
pub const APP_IDENTIFIER: &str = "org.roundtable.planner";
/// Environment variable that points the app and the CLI at another plan store.
pub const DB_ENV: &str = "ROUNDTABLE_DB";
/// The plan store's file name inside the app-data folder.
pub const DEFAULT_FILE: &str = "plan.sqlite3";

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_plan.sql")),
        M::up(include_str!("../migrations/0002_scale.sql")),
    ])
}

/// Where the plan store lives: `$ROUNDTABLE_DB` when set, else the OS
/// app-data directory (`~/.local/share/org.roundtable.planner/plan.sqlite3` on Linux).
pub fn default_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share")))
        .ok_or_else(|| {
            Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no home directory to keep the plan store in; set {DB_ENV}"),
            ))
        })?;
    Ok(base.join(APP_IDENTIFIER).join(DEFAULT_FILE))
}

/// An open plan store.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating when missing) the plan store at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::prepare(conn, Some(path.to_owned()))
    }

    /// A private store in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrations().to_latest(&mut conn)?;
        Ok(Store { conn, path })
    }

    /// The file behind the store; `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `work` in one transaction: all of it is written, or none.
    pub fn write<T>(&mut self, work: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// The connection, for reads.
    pub(crate) fn read(&self) -> &Connection {
        &self.conn
    }

    /// A read-only connection to the plan store at `path`, to sit beside the
    /// one that writes: WAL lets it read the last committed plan while a write
    /// is under way, and `query_only` refuses any write through it. The file
    /// must exist and be migrated already (the writer opens it first); nothing
    /// is created or migrated here.
    pub fn open_reader(path: &Path) -> Result<Store> {
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.pragma_update(None, "query_only", true)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(Store { conn, path: Some(path.to_owned()) })
    }
}

/// A `LIKE … ESCAPE '\\'` pattern matching `text` anywhere, with SQL's wildcards in it taken literally.
pub(crate) fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_patterns_take_wildcards_literally() {
        assert_eq!(contains_pattern(" 50%_off\\ "), "%50\\%\\_off\\\\%");
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_file_store_uses_wal_and_enforces_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("nested/plan.sqlite3")).unwrap();
        let mode: String = store.read().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store.read().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        // Re-opening an existing, migrated store works and keeps the schema.
        drop(store);
        Store::open(&dir.path().join("nested/plan.sqlite3")).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_with_a_storage_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        std::fs::write(&path, "this is not SQLite, just a note".repeat(100)).unwrap();
        let error = Store::open(&path).err().unwrap();
        assert_eq!(error.kind(), crate::ErrorKind::Storage);
    }
}
