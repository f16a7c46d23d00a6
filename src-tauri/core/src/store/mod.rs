//! The plan store: one SQLite file per plan, opened with the pragmas the
//! application relies on and migrated to the current schema.
//!
//! WAL lets the UI read while a write is under way, foreign keys keep deleted
//! parents from leaving orphans, and the busy timeout lets a CLI script and the
//! app share a file.
//!
//! Every user action is one transaction, whatever core functions it calls
//! ([`Store::transaction`]): the first call opens it, the calls it makes join
//! it, and the checks run inside it, so what was checked is what is written and
//! nothing is ever half-written. Transactions are `IMMEDIATE`: the write lock is
//! taken when the action begins, so a second writer waits its turn (busy
//! timeout) instead of failing with "database is locked" when a read
//! transaction cannot be upgraded ([`busy`]: how long, and what it is told
//! when it waited in vain). Where plans live is in [`folders`].

use crate::backup::Backups;
use crate::error::{Error, Result};
use crate::journal::{Installation, Journal};
use crate::vocabulary::BackupReason;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};
use std::cell::Cell;
use std::path::{Path, PathBuf};

mod busy;
mod folders;

use busy::busy;
pub use busy::{BUSY_TIMEOUT, BUSY_TIMEOUT_ENV, busy_timeout};
pub(crate) use folders::data_home;
pub use folders::{APP_IDENTIFIER, DB_ENV, DEFAULT_FILE, app_folder, default_path};

/// The schema's steps, in order; a plan's `user_version` is how many it has taken.
const MIGRATIONS: [&str; 12] = [
    include_str!("../../migrations/0001_plan.sql"),
    include_str!("../../migrations/0002_scale.sql"),
    include_str!("../../migrations/0003_rules.sql"),
    include_str!("../../migrations/0004_review.sql"),
    include_str!("../../migrations/0005_erasure.sql"),
    include_str!("../../migrations/0006_journal.sql"),
    include_str!("../../migrations/0007_compaction.sql"),
    include_str!("../../migrations/0008_search.sql"),
    include_str!("../../migrations/0009_images.sql"),
    include_str!("../../migrations/0010_search_contentless.sql"),
    include_str!("../../migrations/0011_panel_balance.sql"),
    include_str!("../../migrations/0012_delegation_workflow.sql"),
];

/// The schema version this build writes: plans of a higher one are refused.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// An open plan store.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    pub(crate) backups: Option<Backups>,
    /// When this store last took a backup, so the folder is not listed after every action.
    pub(crate) last_backup: Cell<Option<DateTime<Utc>>>,
    /// Why the last automatic backup failed, while no later one succeeded.
    pub(crate) backup_problem: Option<String>,
    /// The change journal: what each action changed, as operations.
    pub(crate) journal: Journal,
    /// This program's note that it has the plan open (for another's busy
    /// message; removed with the store), and where the others' notes are.
    pub(crate) holders: Option<crate::holders::Notes>,
}

impl Store {
    /// Opens (creating when missing) the plan store at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_keeping(path, None, Installation::unnamed())
    }

    /// [`Store::open`] as the app and the CLI open a plan: it keeps backups
    /// in `backups` (an older plan is backed up before it is migrated), and
    /// writes as `installation` ([`Installation::load`] from the app's folder).
    pub fn open_with_backups(path: &Path, backups: Backups, installation: Installation) -> Result<Store> {
        Self::open_keeping(path, Some(backups), installation)
    }

    fn open_keeping(path: &Path, backups: Option<Backups>, installation: Installation) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::owner_only::create_dir_all(parent)?;
        }
        // Opened as the app and the CLI open a plan: from now on the others can
        // name this program when it holds the plan, even while it waits to open
        // it (tests and benchmarks leave no note).
        let holders = if backups.is_some() { crate::holders::Notes::leave(path) } else { None };
        match Self::open_file(path, backups, installation) {
            Ok(mut store) => {
                store.holders = holders;
                Ok(store)
            }
            // Opening writes too (a migration, this file's writer): it may wait out the busy timeout.
            Err(Error::Storage(error)) => Err(busy(error, holders.as_ref())),
            Err(error) => Err(error),
        }
    }

    fn open_file(path: &Path, backups: Option<Backups>, installation: Installation) -> Result<Store> {
        let created = crate::owner_only::create_plan_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        crate::plan_file::check(&conn, path, created, SCHEMA_VERSION)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if let Some(backups) = backups.as_ref().filter(|_| version > 0 && version < SCHEMA_VERSION as i64) {
            backups.take(&conn, BackupReason::BeforeMigration)?;
        }
        if let Some(backups) = backups.as_ref() {
            // Backups that hold an erased person go on the day they were promised
            // to, even when no backup is taken that day. A folder that cannot be
            // pruned now does not keep the plan from opening: the next backup
            // prunes it again and says why it could not.
            backups.prune(chrono::Utc::now()).ok();
        }
        crate::journal::remove_leftover_copy(path);
        let mut store = Self::prepare(conn, Some(path.to_owned()), installation)?;
        store.backups = backups;
        crate::owner_only::restrict_plan_files(path)?;
        store.apply_retention(chrono::Utc::now().date_naive())?;
        Ok(store)
    }

    /// A private store in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::prepare(Connection::open_in_memory()?, None, Installation::unnamed())
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>, installation: Installation) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted personal data is overwritten, not left in free pages of the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(busy_timeout())?;
        // The journal keeps a statement per table and kind of write (merges, undo):
        // room for them beside the screens' own.
        conn.set_prepared_statement_cache_capacity(128);
        crate::text::register(&conn)?;
        crate::collation::register(&conn)?;
        migrate(&mut conn, path.is_some())?;
        let file = crate::journal::identity::file_identity(path.as_deref())?;
        let journal = Journal::start(&conn, installation, file)?;
        Ok(Store {
            conn,
            path,
            backups: None,
            last_backup: Cell::new(None),
            backup_problem: None,
            journal,
            holders: None,
        })
    }

    /// Brings the plan to the current schema and marks it as a plan.
    pub(crate) fn migrate(&mut self) -> Result<()> {
        migrate(&mut self.conn, self.path.is_some())
    }

    /// The file behind the store; `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs one user action in one `IMMEDIATE` transaction: all of it is
    /// written, or none. Core methods called on the store inside `work` join
    /// the transaction instead of opening their own, so a bigger job (the
    /// examples, an event with its days, the next stop) composes smaller ones.
    ///
    /// A panic inside `work` rolls the transaction back before it goes on.
    pub fn transaction<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return work(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| busy(e, self.holders.as_ref()))?;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self)));
        let value = match outcome {
            Ok(Ok(value)) => value,
            Ok(Err(error)) => {
                self.rollback();
                return Err(error);
            }
            Err(panic) => {
                self.rollback();
                std::panic::resume_unwind(panic);
            }
        };
        if let Err(error) = self.journal.commit(&self.conn) {
            self.rollback();
            return Err(error);
        }
        if let Err(error) = self.conn.execute_batch("COMMIT") {
            self.rollback();
            return Err(busy(error, self.holders.as_ref()));
        }
        // The action is committed whatever happens to the backup; a failed
        // one is kept to be shown, and tried again after the next action.
        self.backup_problem = self.back_up_while_editing().err().map(|e| e.to_string());
        Ok(value)
    }

    /// [`Store::transaction`] for work that needs only the connection.
    pub fn write<T>(&mut self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.transaction(|store| work(&store.conn))
    }

    /// Runs `work` in one read transaction: it sees the plan as it was when the
    /// first row was read, takes no write lock, and never blocks a writer (WAL).
    /// Inside a transaction it simply joins it.
    pub fn snapshot<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return work(&self.conn);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let value = work(&self.conn);
        // A read transaction has nothing to keep: ending it cannot lose anything.
        self.conn.execute_batch("ROLLBACK").ok();
        value
    }

    fn rollback(&self) {
        self.journal.discard();
        if !self.conn.is_autocommit() {
            // When SQLite has already rolled back (a full disk, an I/O error),
            // there is nothing left to undo and the first error is the one to report.
            self.conn.execute_batch("ROLLBACK").ok();
        }
    }

    /// The connection, for reads.
    pub(crate) fn read(&self) -> &Connection {
        &self.conn
    }

    /// SQLite's `data_version` of this connection: it changes whenever another
    /// connection (another process) commits to the plan file, and never for
    /// this connection's own writes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
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
        conn.busy_timeout(busy_timeout())?;
        // Searches fold their text in SQL, as the writer's triggers do.
        crate::text::register(&conn)?;
        crate::collation::register(&conn)?;
        let journal = Journal::reader(&conn)?;
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            backups: None,
            last_backup: Cell::new(None),
            backup_problem: None,
            journal,
            holders: None,
        })
    }
}

/// Brings the plan on `conn` to the current schema and, when it is a file,
/// marks it as a plan.
fn migrate(conn: &mut Connection, file: bool) -> Result<()> {
    migrations().to_latest(conn)?;
    if file {
        let marked: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if marked != crate::plan_file::APPLICATION_ID {
            conn.pragma_update(None, "application_id", crate::plan_file::APPLICATION_ID)?;
        }
    }
    Ok(())
}

/// A `LIKE … ESCAPE '\\'` pattern matching `text` anywhere, with SQL's wildcards in it taken literally.
pub(crate) fn contains_pattern(text: &str) -> String {
    format!("%{}%", text.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

#[cfg(test)]
mod tests;
