//! Merging co-organisers' plans through a shared folder (OneDrive,
//! SharePoint, a network share, a USB stick).
//!
//! A team folder holds one plan: `roundtable-plan.json` names it; an empty
//! new plan pointed at the folder adopts that plan, another plan is refused.
//! Each plan file writes only its own sub-folder (named by its actor), and
//! only new files: chunks of operations the folder does not hold yet, written
//! under a temporary name and renamed, each ending with its checksum, so no
//! file is ever written by two laptops (no "conflicted copies") and a chunk
//! cut short by a failed copy is skipped until it arrives whole. Reading takes
//! every chunk of every sub-folder and keeps the operations this plan lacks;
//! duplicated, reordered or late chunks change nothing.

use super::merge::{MergeReport, SharedActor, SharedOp};
use crate::error::{Error, Result};
use crate::store::Store;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The file that names the folder's plan.
const PLAN_FILE: &str = "roundtable-plan.json";
/// The extension of chunk files.
const CHUNK: &str = "rtops";
/// At most this many operations per chunk file.
const CHUNK_OPS: usize = 20_000;

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct SyncReport {
    pub folder: String,
    /// What was merged from teammates.
    pub merged: MergeReport,
    /// Operations of this plan written to the folder.
    pub published: u32,
    /// Chunk files skipped: cut short or damaged (tried again next time).
    pub unreadable: u32,
}

#[derive(Serialize, Deserialize)]
struct FolderPlan {
    plan: Uuid,
}

/// One chunk file: operations and who wrote them.
#[derive(Serialize, Deserialize)]
struct Chunk {
    plan: Uuid,
    writer: Uuid,
    actors: Vec<SharedActor>,
    ops: Vec<SharedOp>,
}

/// A chunk's bytes: its JSON, a newline, and the checksum line.
fn seal(chunk: &Chunk) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(chunk).map_err(|e| std::io::Error::other(e.to_string()))?;
    bytes.push(b'\n');
    let sum = crate::backup::fnv1a(&bytes);
    bytes.extend_from_slice(format!("fnv1a64 {sum:016x}\n").as_bytes());
    Ok(bytes)
}

/// A chunk from its bytes; `None` when cut short or damaged.
fn unseal(bytes: &[u8]) -> Option<Chunk> {
    let text = bytes.strip_suffix(b"\n")?;
    let split = text.iter().rposition(|b| *b == b'\n')? + 1;
    let (body, sum) = text.split_at(split);
    let sum = std::str::from_utf8(sum).ok()?.strip_prefix("fnv1a64 ")?;
    if u64::from_str_radix(sum, 16).ok()? != crate::backup::fnv1a(body) {
        return None;
    }
    serde_json::from_slice(body).ok()
}

/// Every chunk file of the folder, in a stable order.
fn chunk_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let sub = entry?.path();
        if !sub.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&sub)? {
            let path = file?.path();
            if path.extension().is_some_and(|e| e == CHUNK) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn unreachable(folder: &Path, error: impl std::fmt::Display) -> Error {
    Error::PlanFile {
        message: format!(
            "The team folder {} cannot be reached ({error}); your changes are kept and will be shared at the next sync",
            folder.display()
        ),
    }
}

impl Store {
    /// The team folder this plan file syncs through, and when it last did.
    pub fn team_folder(&self) -> Result<Option<(String, Option<String>)>> {
        Ok(self
            .read()
            .query_row("SELECT folder, synced FROM journal_team", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Merges the plan with the team folder at `folder`: teammates' changes
    /// come in, this plan's go out. The folder is remembered for this plan file.
    pub fn sync_folder(&mut self, folder: &Path) -> Result<SyncReport> {
        if !folder.is_dir() {
            return Err(unreachable(folder, "no such folder"));
        }
        self.adopt_folder_plan(folder)?;
        let plan = self.plan_id()?;
        let (mut actors, mut ops, mut known, mut unreadable) = (Vec::new(), Vec::new(), BTreeSet::new(), 0);
        for file in chunk_files(folder).map_err(|e| unreachable(folder, e))? {
            match std::fs::read(&file).ok().as_deref().and_then(unseal) {
                Some(chunk) if chunk.plan == plan => {
                    known.extend(chunk.ops.iter().map(|op| (op.actor, op.seq)));
                    let writer = chunk.writer;
                    actors.extend(chunk.actors.into_iter().map(|a| SharedActor { own: a.id == writer, ..a }));
                    ops.extend(chunk.ops);
                }
                Some(_) => {}
                None => unreadable += 1,
            }
        }
        let merged = self.merge(&actors, &ops)?;
        if merged.records_erased > 0 {
            // No erased value stays in free pages of the file or in its write-ahead log.
            self.clear_erased_values()?;
        }
        let (actors, mine) = self.shared_since(&known)?;
        let writer = self.actor_id()?;
        let own = folder.join(writer.to_string());
        crate::owner_only::create_dir_all(&own).map_err(|e| unreachable(folder, e))?;
        self.erase_from_own_chunks(&own).map_err(|e| unreachable(folder, e))?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        for (n, part) in mine.chunks(CHUNK_OPS).enumerate() {
            let chunk = Chunk { plan, writer, actors: actors.clone(), ops: part.to_vec() };
            let path = own.join(format!("{stamp}-{n:04}.{CHUNK}"));
            crate::owner_only::write_file(&path, &seal(&chunk)?).map_err(|e| unreachable(folder, e))?;
        }
        // What was replaced long ago leaves the journal (`super::compact`).
        self.compact_journal(super::compact::HISTORY_DAYS)?;
        let at = chrono::Utc::now().to_rfc3339();
        self.write(|conn| {
            conn.execute(
                "INSERT INTO journal_team (only, folder, synced) VALUES (1, ?1, ?2)
                 ON CONFLICT (only) DO UPDATE SET folder = excluded.folder, synced = excluded.synced",
                [folder.display().to_string(), at],
            )?;
            Ok(())
        })?;
        let published = u32::try_from(mine.len()).unwrap_or(u32::MAX);
        Ok(SyncReport { folder: folder.display().to_string(), merged, published, unreadable })
    }

    /// Rewrites this plan file's own chunk files so that they hold what its
    /// journal holds for erased rows: the only rewrite of a chunk, so that an
    /// erased person leaves the team folder once every laptop has synced.
    fn erase_from_own_chunks(&self, own: &Path) -> Result<()> {
        let conn = self.read();
        let erased: BTreeSet<(String, String)> = conn
            .prepare("SELECT tbl, row FROM journal_erased")?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, super::codec::hex(&r.get::<_, Vec<u8>>(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        if erased.is_empty() {
            return Ok(());
        }
        let mut value_of = conn.prepare_cached(
            "SELECT o.value FROM journal_op o JOIN journal_actor a ON a.no = o.actor WHERE a.id = ?1 AND o.seq = ?2",
        )?;
        for entry in std::fs::read_dir(own)? {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != CHUNK) {
                continue;
            }
            let Some(mut chunk) = std::fs::read(&path).ok().as_deref().and_then(unseal) else { continue };
            let mut rewritten = false;
            for op in chunk.ops.iter_mut().filter(|op| erased.contains(&(op.table.clone(), op.row.clone()))) {
                let value: Option<rusqlite::types::Value> =
                    value_of.query_row(rusqlite::params![op.actor, op.seq], |r| r.get(0)).optional()?;
                let value = super::image::shared(op.col.as_deref(), value.unwrap_or(rusqlite::types::Value::Null));
                let now = super::codec::to_json(&value);
                if now != op.value {
                    op.value = now;
                    rewritten = true;
                }
            }
            if rewritten {
                crate::owner_only::write_file(&path, &seal(&chunk)?)?;
            }
        }
        Ok(())
    }

    /// Names the folder's plan when it names none; adopts it when this plan is
    /// still empty; refuses a folder of another plan.
    fn adopt_folder_plan(&mut self, folder: &Path) -> Result<()> {
        let named = folder.join(PLAN_FILE);
        let plan = self.plan_id()?;
        let theirs = match std::fs::read(&named) {
            Ok(bytes) => serde_json::from_slice::<FolderPlan>(&bytes).map_err(|e| unreachable(folder, e))?.plan,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let bytes = serde_json::to_vec_pretty(&FolderPlan { plan }).map_err(|e| unreachable(folder, e))?;
                crate::owner_only::write_file(&named, &bytes).map_err(|e| unreachable(folder, e))?;
                return Ok(());
            }
            Err(error) => return Err(unreachable(folder, error)),
        };
        if theirs == plan {
            return Ok(());
        }
        let empty: bool = self.read().query_row("SELECT NOT EXISTS (SELECT 1 FROM journal_op)", [], |r| r.get(0))?;
        if !empty {
            return Err(Error::PlanFile {
                message: format!(
                    "The team folder {} holds another plan: choose the folder of this plan, or start a new, empty plan to join it",
                    folder.display()
                ),
            });
        }
        self.write(|conn| Ok(conn.execute("UPDATE journal_plan SET id = ?1", [theirs])?))?;
        Ok(())
    }
}
