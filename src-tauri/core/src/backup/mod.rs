//! Automatic backups of a plan, and restoring one.
//!
//! A backup is a whole plan file, copied with SQLite's online backup API (a
//! consistent copy while the app keeps working), checked with
//! `integrity_check` before it is kept, written under a temporary name and
//! renamed, owner-only. They are taken before every migration, import and
//! delete of an event, series or delegation, on request, and at most every
//! [`WHILE_EDITING_EVERY`] while edits happen ([`Store::back_up`]); the
//! folder is then pruned by [`KEEP_LATEST`] and [`KEEP_DAILY_DAYS`].
//!
//! Backups live in the app-data folder, not beside the plan: a plan kept in
//! a shared or synced folder must not carry copies of its personal data
//! with it. Each plan file has its own folder there, named after the file
//! and its path ([`folder_for`]). The file names say when and why
//! (`20261202T094107.123Z-before_import.plan`), so listing needs no index.

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocabulary::BackupReason;
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use specta::Type;
use std::path::{Path, PathBuf};

mod rotation;

pub use rotation::{KEEP_DAILY_DAYS, KEEP_LATEST};

/// The least time between two backups taken because edits happen.
pub const WHILE_EDITING_EVERY: TimeDelta = TimeDelta::minutes(10);

const EXTENSION: &str = "plan";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%.3fZ";

/// One backup, with what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct BackupInfo {
    /// The backup's file.
    pub file: String,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub events: u32,
    pub participants: u32,
    pub kilobytes: u32,
}

/// The folder where the backups of the plan at `plan` are kept:
/// `<app data>/backups/<file name>-<hash of its path>/`. When `ROUNDTABLE_DB`
/// points the app elsewhere (tests, scripts), its folder stands for the app
/// data, as it does for the log.
pub fn folder_for(plan: &Path) -> Result<PathBuf> {
    folder_in(&home()?, plan)
}

/// The folder that holds every plan's backup folder: `<app data>/backups`,
/// or `backups` beside `ROUNDTABLE_DB` when it is set.
pub fn home() -> Result<PathBuf> {
    Ok(crate::store::app_folder()?.join("backups"))
}

/// The folder for the backups of the plan at `plan` inside `home`.
pub fn folder_in(home: &Path, plan: &Path) -> Result<PathBuf> {
    // The plan's folder exists (the file may not yet): its canonical path is
    // the same before and after the plan is created.
    let folder = plan.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let absolute = std::fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))?
        .join(plan.file_name().unwrap_or_default());
    let stem = plan.file_stem().map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
    Ok(home.join(format!("{stem}-{:016x}", fnv1a(absolute.as_os_str().as_encoded_bytes()))))
}

/// FNV-1a: a stable hash of a path (so a plan finds its backups folder again in
/// every run) and a checksum of a team folder's chunk files.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// The backups folder of one plan.
#[derive(Debug, Clone)]
pub struct Backups {
    folder: PathBuf,
}

impl Backups {
    pub fn at(folder: PathBuf) -> Backups {
        Backups { folder }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Every backup, newest first; files that are not readable backups are left out.
    pub fn list(&self) -> Result<Vec<BackupInfo>> {
        Ok(self.named()?.into_iter().filter_map(|(t, r, path)| describe(&path, t, r).ok()).collect())
    }

    /// When the newest backup was taken.
    pub fn newest(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self.named()?.first().map(|(taken_at, _, _)| *taken_at))
    }

    /// The files named as backups, newest first, with when and why from their names.
    fn named(&self) -> Result<Vec<(DateTime<Utc>, BackupReason, PathBuf)>> {
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(error.into()),
        };
        let mut named = Vec::new();
        for entry in entries {
            let path = entry?.path();
            if let Some((taken_at, reason)) = parse_name(&path) {
                named.push((taken_at, reason, path));
            }
        }
        named.sort_by_key(|(taken_at, _, _)| std::cmp::Reverse(*taken_at));
        Ok(named)
    }

    /// Copies the plan open on `conn` into a new backup, checks it, and prunes the folder.
    pub(crate) fn take(&self, conn: &Connection, reason: BackupReason) -> Result<BackupInfo> {
        crate::owner_only::create_dir_all(&self.folder)?;
        let now = Utc::now();
        let name = format!("{}-{}.{EXTENSION}", now.format(TIME_FORMAT), reason.as_str());
        let kept = self.folder.join(&name);
        copy_plan_into_place(conn, &kept)?;
        self.prune(now)?;
        describe(&kept, parse_name(&kept).map_or(now, |(t, _)| t), reason)
    }
}

/// Copies the database on `from` over the one on `to`, whole, with SQLite's online backup API.
fn copy_database(from: &Connection, to: &mut Connection) -> Result<()> {
    rusqlite::backup::Backup::new(from, to)?.run_to_completion(4096, std::time::Duration::ZERO, None)?;
    Ok(())
}

/// Writes a sound copy of the plan on `conn` at `to`, whole or not at all:
/// copied beside it under a temporary name, checked, synced, then renamed
/// over whatever was there.
pub(crate) fn copy_plan_into_place(conn: &Connection, to: &Path) -> Result<()> {
    let folder = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = to.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let partial = folder.join(format!(".{name}.partial"));
    std::fs::remove_file(&partial).ok();
    let copied = copy_plan(conn, &partial).and_then(|()| {
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, to)?;
        Ok(())
    });
    if copied.is_err() {
        std::fs::remove_file(&partial).ok();
    }
    if let Ok(folder) = std::fs::File::open(folder) {
        folder.sync_all().ok();
    }
    copied
}

/// The backup API's copy of the plan on `conn` into a new owner-only file,
/// kept only when SQLite finds the copy sound.
fn copy_plan(conn: &Connection, to: &Path) -> Result<()> {
    crate::owner_only::create_plan_file(to)?;
    let mut copy = Connection::open(to)?;
    copy_database(conn, &mut copy)?;
    // A copy is one file: read later, it must not grow -wal and -shm files beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(Error::PlanFile {
            message: format!(
                "The plan is damaged ({verdict}); the backup was not kept. Restore an earlier backup to go on safely."
            ),
        });
    }
    Ok(())
}

/// When and why, from a backup's file name.
fn parse_name(path: &Path) -> Option<(DateTime<Utc>, BackupReason)> {
    let name = path.file_name()?.to_str()?.strip_suffix(&format!(".{EXTENSION}"))?;
    let (time, slug) = name.split_once('-')?;
    let reason = BackupReason::ALL.iter().copied().find(|r| r.as_str() == slug)?;
    let taken_at = NaiveDateTime::parse_from_str(time, TIME_FORMAT).ok()?.and_utc();
    Some((taken_at, reason))
}

/// What a backup holds, read from the file without changing it.
fn describe(path: &Path, taken_at: DateTime<Utc>, reason: BackupReason) -> Result<BackupInfo> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let count = |table: &str| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, u32>(0));
    Ok(BackupInfo {
        file: path.display().to_string(),
        taken_at,
        reason,
        events: count("event")?,
        participants: count("participant")?,
        kilobytes: u32::try_from(std::fs::metadata(path)?.len().div_ceil(1024)).unwrap_or(u32::MAX),
    })
}

/// Opens a backup to read from, refusing a file that is not a sound plan.
fn open_backup(file: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::PlanFile { message: format!("{} cannot be opened as a backup: {e}", file.display()) })?;
    crate::plan_file::check(&conn, file, false, crate::store::SCHEMA_VERSION)?;
    let verdict: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(Error::PlanFile { message: format!("The backup {} is damaged ({verdict})", file.display()) });
    }
    Ok(conn)
}

/// Restores a backup into a new plan file at `plan`, which must not exist.
pub fn restore_into_new(backup: &Path, plan: &Path) -> Result<Store> {
    let source = open_backup(backup)?;
    if let Some(parent) = plan.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::owner_only::create_dir_all(parent)?;
    }
    if !crate::owner_only::create_plan_file(plan)? {
        return Err(Error::PlanFile {
            message: format!("{} already exists; choose a new file to restore into", plan.display()),
        });
    }
    copy_database(&source, &mut Connection::open(plan)?)?;
    Store::open(plan)
}

impl Store {
    /// Where this plan's backups are kept, when it keeps them.
    pub fn backups(&self) -> Option<&Backups> {
        self.backups.as_ref()
    }

    /// Takes a backup now, for `reason`. `None` when the plan keeps no backups,
    /// or inside a transaction (the action that opened it took its own first).
    pub fn back_up(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        if !self.conn.is_autocommit() {
            return Ok(None);
        }
        let Some(backups) = &self.backups else { return Ok(None) };
        let info = backups.take(&self.conn, reason)?;
        self.last_backup.set(Some(info.taken_at));
        Ok(Some(info))
    }

    /// Why the last automatic backup failed, while no later one succeeded.
    pub fn backup_problem(&self) -> Option<&str> {
        self.backup_problem.as_deref()
    }

    /// Takes a [`BackupReason::WhileEditing`] backup when the newest is older
    /// than [`WHILE_EDITING_EVERY`]; called after each committed action.
    pub(crate) fn back_up_while_editing(&self) -> Result<()> {
        let Some(backups) = &self.backups else { return Ok(()) };
        // The folder is read once per store: the newest found (or taken) is remembered.
        let newest = match self.last_backup.get() {
            Some(taken) => Some(taken),
            None => backups.newest()?,
        };
        self.last_backup.set(newest);
        if newest.is_none_or(|taken| Utc::now() - taken >= WHILE_EDITING_EVERY) {
            self.back_up(BackupReason::WhileEditing)?;
        }
        Ok(())
    }

    /// Puts the plan back as the backup holds it, after backing up the plan
    /// as it is now (returned, so the restore can itself be undone), as one
    /// recorded action (`journal::restore`): an undo step that reaches
    /// teammates like any change.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<Option<BackupInfo>> {
        let source = open_backup(backup)?;
        let before = self.back_up(BackupReason::BeforeRestore)?;
        match self.restore_as_action(&source) {
            Ok(()) => return Ok(before),
            // SQLite refused the plan's rows as they are (damaged) or a change
            // in place (two names swapped since the backup): the file is
            // replaced instead, below. Anything else is the restore's error.
            Err(Error::Storage(rusqlite::Error::SqliteFailure(failure, _)))
                if matches!(
                    failure.code,
                    rusqlite::ErrorCode::ConstraintViolation | rusqlite::ErrorCode::DatabaseCorrupt
                ) => {}
            Err(error) => return Err(error),
        }
        copy_database(&source, &mut self.conn)?;
        self.migrate()?;
        // As a new writer: teammates may have seen this file's operations
        // past the backup (the next sync brings their changes back).
        self.renew_actor()?;
        Ok(before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Installation;

    #[test]
    fn an_older_plan_is_backed_up_as_it_was_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            crate::text::register(&conn).unwrap();
            crate::store::migrations().to_version(&mut conn, 3).unwrap();
            conn.execute_batch(
                "INSERT INTO event (id, title, format, host_city, host_country, time_zone, start_date, end_date, status)
                 VALUES (x'01', 'Dialogue', 'in_person', 'Hanoi', 'VN', 'Asia/Bangkok', '2026-09-21', '2026-09-22', 'draft');",
            )
            .unwrap();
        }
        let backups = Backups::at(dir.path().join("backups"));
        let store = Store::open_with_backups(&path, backups.clone(), Installation::unnamed()).unwrap();
        let listed = backups.list().unwrap();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!((listed[0].reason, listed[0].events), (BackupReason::BeforeMigration, 1));
        let copy = Connection::open(&listed[0].file).unwrap();
        let version: i64 = copy.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, 3, "the backup holds the plan as it was before the migration");
        drop(store);
        // Opened again, the plan is current: no second backup.
        Store::open_with_backups(&path, backups.clone(), Installation::unnamed()).unwrap();
        assert_eq!(backups.list().unwrap().len(), 1);
    }

    #[test]
    fn backup_names_say_when_and_why_and_other_files_are_not_backups() {
        let name = Path::new("/b/20261202T094107.123Z-before_import.plan");
        let (taken_at, reason) = parse_name(name).unwrap();
        assert_eq!(reason, BackupReason::BeforeImport);
        assert_eq!(taken_at.to_rfc3339(), "2026-12-02T09:41:07.123+00:00");
        assert!(parse_name(Path::new("/b/.20261202T094107.123Z-before_import.plan.partial")).is_none());
        assert!(parse_name(Path::new("/b/20261202T094107.123Z-whenever.plan")).is_none());
        assert!(parse_name(Path::new("/b/notes.txt")).is_none());
    }

    #[test]
    fn a_backup_that_holds_an_erased_person_goes_when_promised_however_few_are_newer() {
        let dir = tempfile::tempdir().unwrap();
        let backups = Backups::at(dir.path().join("backups"));
        let store =
            Store::open_with_backups(&dir.path().join("plan.sqlite3"), backups.clone(), Installation::unnamed())
                .unwrap();
        let holding = backups.take(&store.conn, BackupReason::Requested).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let other = backups.take(&store.conn, BackupReason::Requested).unwrap();
        let until = backups.mark_erased(std::slice::from_ref(&holding)).unwrap();
        assert_eq!(until, Some(holding.taken_at + TimeDelta::days(KEEP_DAILY_DAYS)));
        let files = || backups.list().unwrap().into_iter().map(|b| b.file).collect::<Vec<_>>();

        backups.prune(until.unwrap() - TimeDelta::minutes(1)).unwrap();
        assert_eq!(files().len(), 2, "kept until the day promised");
        backups.prune(until.unwrap() + TimeDelta::minutes(1)).unwrap();
        assert_eq!(files(), std::slice::from_ref(&other.file), "gone after it, with one backup newer only");
        assert!(!rotation::erased_mark(Path::new(&holding.file)).exists(), "its mark goes with it");

        // A mark left by a backup deleted another way is cleared away.
        backups.mark_erased(std::slice::from_ref(&other)).unwrap();
        std::fs::remove_file(&other.file).unwrap();
        backups.prune(Utc::now()).unwrap();
        assert_eq!(std::fs::read_dir(backups.folder()).unwrap().count(), 0);
    }
}
