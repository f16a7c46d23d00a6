//! `roundtable backup …`: the plan's automatic backups, a backup on request,
//! and putting a backup back, over the plan (after a backup of it) or into a
//! new plan file.

use crate::render::table;
use crate::run::{Outcome, WithId, error, output};
use clap::Subcommand;
use roundtable_core::{ApiError, BackupInfo, BackupReason, ErrorKind, Store, backup};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// The plan's backups, newest first: when, why, and what each holds.
    ///
    /// Example: roundtable backup list
    List,
    /// Back the plan up now.
    ///
    /// Example: roundtable backup create
    Create,
    /// Put a backup back: over the plan (which is backed up first), or into a new plan file with --into.
    ///
    /// Example: roundtable backup restore 20261202T094107.123Z-before_import.plan
    Restore {
        /// The backup: its file name as `backup list` shows it, or a path.
        backup: PathBuf,
        /// A new plan file to restore into, leaving the plan as it is.
        #[arg(long, value_name = "PATH")]
        into: Option<PathBuf>,
    },
}

fn name_of(info: &BackupInfo) -> String {
    Path::new(&info.file).file_name().map_or_else(|| info.file.clone(), |n| n.to_string_lossy().into_owned())
}

fn described(info: &BackupInfo) -> String {
    format!(
        "{} ({}, {} event(s), {} participant(s))",
        name_of(info),
        info.reason.label().to_lowercase(),
        info.events,
        info.participants
    )
}

/// The backup a name or path stands for: a bare file name is looked up in the plan's backups folder.
fn backup_file(store: &Store, given: &Path) -> Result<PathBuf, ApiError> {
    if given.components().count() > 1 || given.is_file() {
        return Ok(given.to_owned());
    }
    let folder = store.backups().map(|b| b.folder().to_owned()).ok_or_else(no_backups)?;
    let file = folder.join(given);
    if !file.is_file() {
        return Err(error(
            ErrorKind::NotFound,
            format!(
                "No backup called {} in {}; `roundtable backup list` shows them",
                given.display(),
                folder.display()
            ),
        ));
    }
    Ok(file)
}

fn no_backups() -> ApiError {
    error(ErrorKind::Storage, "This plan keeps no backups")
}

pub fn run(store: &mut Store, command: &BackupCommand, json: bool) -> Outcome {
    match command {
        BackupCommand::List => {
            let backups = store.backups().ok_or_else(no_backups)?;
            let listed = backups.list()?;
            let shown: Vec<_> = listed.iter().map(|b| WithId { id: name_of(b), record: b }).collect();
            output(json, &shown, || {
                let rows = listed
                    .iter()
                    .map(|b| {
                        vec![
                            b.taken_at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M:%S").to_string(),
                            b.reason.label().into(),
                            b.events.to_string(),
                            b.participants.to_string(),
                            format!("{} KB", b.kilobytes),
                            name_of(b),
                        ]
                    })
                    .collect();
                let mut text = table(&["TAKEN", "WHY", "EVENTS", "PARTICIPANTS", "SIZE", "BACKUP"], rows);
                text.push_str(&format!("\nKept in {}", backups.folder().display()));
                text
            })
        }
        BackupCommand::Create => {
            let taken = store.back_up(BackupReason::Requested)?.ok_or_else(no_backups)?;
            output(json, &WithId { id: name_of(&taken), record: &taken }, || {
                format!("Backed up: {}.", described(&taken))
            })
        }
        BackupCommand::Restore { backup: given, into: None } => {
            let file = backup_file(store, given)?;
            let before = store.restore_backup(&file)?;
            let shown =
                serde_json::json!({ "id": file.display().to_string(), "restored": true, "before_restore": before });
            output(json, &shown, || {
                let undo = before.as_ref().map_or_else(String::new, |b| {
                    format!(" The plan as it was is kept in {}; restore it to undo this.", name_of(b))
                });
                format!("Restored the plan from {}.{undo}", file.display())
            })
        }
        BackupCommand::Restore { backup: given, into: Some(plan) } => {
            let file = backup_file(store, given)?;
            let restored = backup::restore_into_new(&file, plan)?;
            let events = restored.list_events()?.len();
            let shown = serde_json::json!({ "id": plan.display().to_string(), "restored": true, "events": events });
            output(json, &shown, || {
                format!("Restored {} into the new plan {} ({events} event(s)).", file.display(), plan.display())
            })
        }
    }
}
