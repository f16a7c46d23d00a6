//! Who writes into a plan, and which plan it is.
//!
//! An installation of the app has an id and the organiser's name and
//! organisation (`installation.json` in the app's folder). A plan file on an
//! installation writes as one actor; the actor is renewed when the file turns
//! out to be another file (a copy: another inode), to be opened by another
//! installation, or to be restored from a backup, so two files never write
//! under one actor's sequence numbers (a rewound sequence would make
//! teammates skip new operations).
//!
//! A plan has an id, shared by its copies. A plan made before the journal
//! gets its id and its starting state (an insert operation per row) from its
//! own content, deterministically: two copies of one plan brought up to date
//! on two laptops write the same operations, and two copies that had drifted
//! apart write different starting actors, whose differences then show.

use super::codec::{encode_key, encode_row};
use super::schema::Schema;
use crate::error::Result;
use crate::vocabulary::ChangeKind;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use uuid::Uuid;

/// The namespace of the ids derived from a plan's content.
const PLAN_NAMESPACE: Uuid = Uuid::from_u128(0x0192_7c1e_5a3b_7d44_9e1f_52d0_b7a1_c3e5);

/// The name shown for the operations of a plan's starting state.
pub const STARTING_STATE: &str = "Before the journal";

/// This installation of the app, and the organiser who uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Installation {
    pub id: Uuid,
    pub name: String,
    pub organisation: String,
    /// Whether the organiser gave the name (until then it is the desktop's
    /// user name, and the window asks for it before the plan is shared).
    #[serde(default)]
    pub named: bool,
}

impl Installation {
    const FILE: &str = "installation.json";

    /// The installation whose app folder is `folder`, made at first use
    /// (named after the desktop's user until the organiser gives a name).
    pub fn load(folder: &Path) -> Result<Installation> {
        let path = folder.join(Self::FILE);
        match std::fs::read(&path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(installation) => Ok(installation),
                // A damaged file is replaced: the id only has to be stable from now on.
                Err(_) => Self::fresh().saved(folder),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Self::fresh().saved(folder),
            Err(error) => Err(error.into()),
        }
    }

    /// Keeps the installation in `folder`, owner-only.
    pub fn saved(self, folder: &Path) -> Result<Installation> {
        crate::owner_only::create_dir_all(folder)?;
        let bytes = serde_json::to_vec_pretty(&self).map_err(|e| std::io::Error::other(e.to_string()))?;
        crate::owner_only::write_file(&folder.join(Self::FILE), &bytes)?;
        Ok(self)
    }

    /// A new installation, named after the desktop's user.
    fn fresh() -> Installation {
        Installation { id: Uuid::now_v7(), ..Self::unnamed() }
    }

    /// The installation of a store opened without one (tests, tools): one
    /// fixed id, named after the desktop's user.
    pub fn unnamed() -> Installation {
        let user = ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()));
        Installation {
            id: Uuid::nil(),
            name: user.unwrap_or_else(|| "Organiser".into()),
            organisation: String::new(),
            named: false,
        }
    }
}

/// Which file a plan is, to tell a copy from the file itself: the device and
/// inode on Unix (a moved file is the same file, a copied one is not).
pub(crate) fn file_identity(path: Option<&Path>) -> Result<String> {
    let Some(path) = path else { return Ok("memory".into()) };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path)?;
        Ok(format!("{}:{}", metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        Ok(std::fs::canonicalize(path)?.display().to_string())
    }
}

/// Brings the journal of the plan on `conn` to life on this installation:
/// the plan's id and starting state when it has none, and this file's actor,
/// renewed when the file or the installation changed (or `renew`).
pub(crate) fn start(
    conn: &Connection,
    schema: &Schema,
    installation: &Installation,
    file: &str,
    renew: bool,
) -> Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let started = (|| {
        let plan: Option<Vec<u8>> = conn.query_row("SELECT id FROM journal_plan", [], |r| r.get(0)).optional()?;
        if plan.is_none() {
            write_starting_state(conn, schema)?;
        }
        let current: Option<(i64, Uuid, String)> = conn
            .query_row("SELECT actor, installation, file FROM journal_self", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match current {
            Some((actor, owner, known)) if !renew && owner == installation.id && known == file => {
                conn.execute(
                    "UPDATE journal_actor SET name = ?2, organisation = ?3
                     WHERE no = ?1 AND (name IS NOT ?2 OR organisation IS NOT ?3)",
                    params![actor, installation.name, installation.organisation],
                )?;
            }
            _ => new_actor(conn, installation, file)?,
        }
        Ok(())
    })();
    match started {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(_) => conn.execute_batch("ROLLBACK").unwrap_or(()),
    }
    started
}

/// Gives this file a new actor of `installation`, its counters from zero
/// (the clock goes on from the highest seen).
fn new_actor(conn: &Connection, installation: &Installation, file: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO journal_actor (id, name, organisation) VALUES (?1, ?2, ?3)",
        params![Uuid::now_v7(), installation.name, installation.organisation],
    )?;
    let actor = conn.last_insert_rowid();
    conn.execute(
        "INSERT OR REPLACE INTO journal_self (only, actor, installation, file, seq, clock, action)
         VALUES (1, ?1, ?2, ?3, 0, (SELECT COALESCE(MAX(hlc), 0) FROM journal_op), 0)",
        params![actor, installation.id, file],
    )?;
    Ok(())
}

/// Writes the plan's id and, for a plan that has rows, its starting state:
/// one insert per row, in table and key order, by an actor named after the
/// content, at clock 0.
fn write_starting_state(conn: &Connection, schema: &Schema) -> Result<()> {
    let mut rows: Vec<(&str, Vec<u8>, String)> = Vec::new();
    for table in &schema.tables {
        let mut statement = conn.prepare(&format!("SELECT {} FROM \"{}\"", table.column_list(), table.name))?;
        let mut found = statement.query([])?;
        let mut table_rows = Vec::new();
        while let Some(row) = found.next()? {
            let values =
                (0..table.columns.len()).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            let key = encode_key(table.raw_key, &table.key.iter().map(|&i| &values[i]).collect::<Vec<_>>());
            table_rows.push((table.name.as_str(), key, encode_row(&table.columns, &values)));
        }
        table_rows.sort_unstable_by(|a, b| a.1.cmp(&b.1));
        rows.extend(table_rows);
    }
    let smallest_id = rows.iter().filter(|(_, key, _)| key.len() == 16).map(|(_, key, _)| key).min();
    let plan = match smallest_id {
        Some(id) => Uuid::new_v5(&PLAN_NAMESPACE, id),
        None => Uuid::now_v7(),
    };
    conn.execute("INSERT INTO journal_plan (only, id) VALUES (1, ?1)", [plan])?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut content = Vec::new();
    for (table, key, image) in &rows {
        content.extend_from_slice(table.as_bytes());
        content.push(0);
        content.extend_from_slice(key);
        content.push(0);
        content.extend_from_slice(image.as_bytes());
        content.push(0);
    }
    conn.execute(
        "INSERT INTO journal_actor (id, name) VALUES (?1, ?2)",
        params![Uuid::new_v5(&plan, &content), STARTING_STATE],
    )?;
    let actor = conn.last_insert_rowid();
    let mut insert = conn.prepare(
        "INSERT INTO journal_op (actor, seq, hlc, action, kind, tbl, row, col, value)
         VALUES (?1, ?2, 0, 0, ?3, ?4, ?5, NULL, ?6)",
    )?;
    for (seq, (table, key, image)) in (1_i64..).zip(&rows) {
        insert.execute(params![actor, seq, ChangeKind::Insert, table, key, image])?;
    }
    Ok(())
}

/// The plan's id, shared by its copies and its team folder.
pub(crate) fn plan_id(conn: &Connection) -> Result<Uuid> {
    Ok(conn.query_row("SELECT id FROM journal_plan", [], |r| r.get(0))?)
}
