//! Which backups a plan's folder keeps: the newest [`KEEP_LATEST`], the newest
//! of each of the last [`KEEP_DAILY_DAYS`] days, and no backup holding an
//! erased person once it is that old; what a killed copy left behind goes too.

use super::{BackupInfo, Backups};
use crate::error::Result;
use chrono::{DateTime, TimeDelta, Utc};
use std::path::{Path, PathBuf};

/// The newest backups kept whatever their age.
pub const KEEP_LATEST: usize = 20;
/// Beyond those, the newest backup of each day is kept for this many days.
pub const KEEP_DAILY_DAYS: i64 = 30;
/// Added to a backup's name for the empty file that marks it as holding a
/// person erased since it was taken.
const ERASED_MARK: &str = ".erased";

impl Backups {
    /// Deletes the backups the rotation no longer keeps: all but the newest
    /// [`KEEP_LATEST`], except the newest of each of the last [`KEEP_DAILY_DAYS`] days;
    /// and, whatever their number, those that hold an erased person once they
    /// are [`KEEP_DAILY_DAYS`] old.
    pub(crate) fn prune(&self, now: DateTime<Utc>) -> Result<()> {
        self.remove_abandoned_copies()?;
        let mut days_kept = Vec::new();
        for (index, (taken_at, _, path)) in self.named()?.iter().enumerate() {
            let day = taken_at.date_naive();
            let young = now - *taken_at <= TimeDelta::days(KEEP_DAILY_DAYS);
            let daily = young && !days_kept.contains(&day);
            if daily {
                days_kept.push(day);
            }
            let mark = erased_mark(path);
            let holds_erased = mark.exists();
            if (index >= KEEP_LATEST && !daily) || (holds_erased && !young) {
                std::fs::remove_file(path)?;
                if holds_erased {
                    std::fs::remove_file(mark)?;
                }
            }
        }
        Ok(())
    }

    /// Marks `backups` as holding a person erased after they were taken: the
    /// rotation removes each once it is [`KEEP_DAILY_DAYS`] old, however few
    /// backups are newer. Returns the day the last of them goes.
    pub(crate) fn mark_erased(&self, backups: &[BackupInfo]) -> Result<Option<DateTime<Utc>>> {
        for backup in backups {
            crate::owner_only::write_file(&erased_mark(Path::new(&backup.file)), b"")?;
        }
        Ok(backups.iter().map(|b| b.taken_at + TimeDelta::days(KEEP_DAILY_DAYS)).max())
    }
}

/// The mark beside `backup` that says it holds an erased person.
pub(super) fn erased_mark(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(ERASED_MARK);
    PathBuf::from(name)
}

impl Backups {
    /// Removes the partial copies of backups whose process was killed
    /// mid-copy (one younger than an hour may be another process's, under
    /// way), and the erased marks of backups that are gone.
    fn remove_abandoned_copies(&self) -> Result<()> {
        for entry in std::fs::read_dir(&self.folder)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let abandoned = name.ends_with(".partial")
                && entry.metadata()?.modified()?.elapsed().is_ok_and(|age| age > std::time::Duration::from_secs(3600));
            // A mark whose backup is gone (deleted with the person, or restored over).
            let orphan_mark = name.strip_suffix(ERASED_MARK).is_some_and(|backup| !self.folder.join(backup).exists());
            if abandoned || orphan_mark {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }
}
