//! Undo and redo of whole user actions, written as new operations so that an
//! undo is recorded, shown in history and merged like any other change.
//!
//! Undo reverses this file's latest action not yet undone: rows it added go,
//! rows it deleted come back (with the rows their delete took with it), and
//! fields it set get back the values they replaced. Redo reverses the latest
//! undo, as long as no new action came after it. A field a teammate has since
//! changed gets the earlier value over what this laptop has seen, as a new
//! operation; where the teammate's change was concurrent, the merge shows a
//! disagreement.

use super::attempt::{Writes, attempt_all};
use super::codec::decode_key;
use super::image::decode;
use super::record;
use super::schema::Table;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocabulary::{ChangeKind, StepKind};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use specta::Type;

/// What Undo or Redo would reverse: an action, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct UndoStep {
    /// The action's number among this plan file's actions.
    pub action: u32,
    /// What the action did ("Added event Bangkok dialogue and 3 more records").
    pub summary: String,
    pub at: DateTime<Utc>,
}

/// Reverses the operations of `action` of `actor` on `conn`: rows it deleted
/// first (parents before children), then fields, then rows it added
/// (children before parents).
/// Rows SQLite refuses to put back (what they belonged to was deleted since,
/// by this laptop or a teammate) are skipped: the rest is undone, and the
/// count is returned.
fn reverse(store: &Store, actor: i64, action: i64) -> Result<usize> {
    let conn = store.read();
    let schema = store.journal.schema.clone();
    let table_of = |name: &str| -> Result<&Table> {
        schema
            .table(name)
            .map(|(_, t)| t)
            .ok_or_else(|| Error::invalid(crate::Field::Id, "a table of this plan's journal is gone"))
    };
    let mut writes = Writes::default();
    let mut ops = record::of_action(conn, actor, action)?;
    ops.reverse();
    let mut deleted: Vec<&record::Recorded> = ops.iter().filter(|op| op.kind == ChangeKind::Delete).collect();
    deleted.sort_by_key(|op| schema.rank(&op.table));
    for op in deleted {
        let table = table_of(&op.table)?;
        let (names, values): (Vec<String>, Vec<Value>) = decode(&op.value)
            .unwrap_or_default()
            .into_iter()
            .filter(|(c, _)| table.position(c).is_some())
            .map(|(c, v)| (format!("\"{c}\""), v))
            .unzip();
        writes.insert(&table.name, &names.join(", "), true, values);
    }
    for op in ops.iter().filter(|op| op.kind == ChangeKind::Set) {
        let (table, Some(column)) = (table_of(&op.table)?, op.col.as_deref()) else { continue };
        let (Some(key), Some(earlier)) =
            (decode_key(table.raw_key, &op.key), super::history::replaced_value(conn, op.id, column)?)
        else {
            continue;
        };
        let sql = format!("UPDATE \"{}\" SET \"{column}\" = ?1 WHERE {}", table.name, table.key_condition(2));
        writes.other(sql, std::iter::once(earlier).chain(key).collect());
    }
    let mut added: Vec<&record::Recorded> = ops.iter().filter(|op| op.kind == ChangeKind::Insert).collect();
    added.sort_by_key(|op| std::cmp::Reverse(schema.rank(&op.table)));
    for op in added {
        let table = table_of(&op.table)?;
        let Some(key) = decode_key(table.raw_key, &op.key) else { continue };
        writes.delete(table, key);
    }
    Ok(attempt_all(conn, &writes)?.iter().filter(|refused| refused.is_some()).count())
}

/// The action Undo (`StepKind::Undo`) or Redo would reverse now, if any.
fn candidate(conn: &Connection, direction: StepKind) -> Result<Option<(i64, i64)>> {
    let sql = match direction {
        StepKind::Redo => {
            "SELECT a.actor, a.no FROM journal_action a JOIN journal_self s ON s.actor = a.actor
             WHERE a.kind = 'undo' AND NOT a.undone
               AND NOT EXISTS (SELECT 1 FROM journal_action d WHERE d.actor = a.actor AND d.kind = 'do' AND d.no > a.no)
             ORDER BY a.no DESC LIMIT 1"
        }
        _ => {
            "SELECT a.actor, a.no FROM journal_action a JOIN journal_self s ON s.actor = a.actor
             WHERE a.kind IN ('do', 'redo') AND NOT a.undone ORDER BY a.no DESC LIMIT 1"
        }
    };
    Ok(conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

impl Store {
    /// What Undo and Redo would reverse now, for the Edit menu.
    pub fn undo_steps(&self) -> Result<(Option<UndoStep>, Option<UndoStep>)> {
        let conn = self.read();
        let step = |direction: StepKind| -> Result<Option<UndoStep>> {
            candidate(conn, direction)?.map(|(actor, action)| self.describe_step(actor, action)).transpose()
        };
        Ok((step(StepKind::Undo)?, step(StepKind::Redo)?))
    }

    /// Undoes this plan file's latest action not yet undone; `None` when
    /// there is none.
    pub fn undo(&mut self) -> Result<Option<UndoStep>> {
        self.reverse_latest(StepKind::Undo)
    }

    /// Redoes the latest undo, unless a new action came after it.
    pub fn redo(&mut self) -> Result<Option<UndoStep>> {
        self.reverse_latest(StepKind::Redo)
    }

    /// An action as Undo or Redo names it: a redo names the action its undo reversed.
    fn describe_step(&self, actor: i64, action: i64) -> Result<UndoStep> {
        let conn = self.read();
        let target: Option<i64> = conn
            .query_row(
                "SELECT target FROM journal_action WHERE actor = ?1 AND no = ?2 AND kind = 'undo'",
                params![actor, action],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let summary = super::history::summarise_action(conn, &self.journal.schema, actor, target.unwrap_or(action))?;
        let at: String = conn.query_row(
            "SELECT at FROM journal_action WHERE actor = ?1 AND no = ?2",
            params![actor, action],
            |r| r.get(0),
        )?;
        let at = DateTime::parse_from_rfc3339(&at).map_or_else(|_| Utc::now(), |t| t.with_timezone(&Utc));
        Ok(UndoStep { action: u32::try_from(action).unwrap_or(u32::MAX), summary, at })
    }

    fn reverse_latest(&mut self, direction: StepKind) -> Result<Option<UndoStep>> {
        self.transaction(|store| {
            let Some((actor, action)) = candidate(store.read(), direction)? else { return Ok(None) };
            let step = store.describe_step(actor, action)?;
            store.journal.set_step(direction, action);
            let skipped = reverse(store, actor, action)?;
            store
                .read()
                .execute("UPDATE journal_action SET undone = 1 WHERE actor = ?1 AND no = ?2", params![actor, action])?;
            let mut step = step;
            if skipped > 0 {
                step.summary.push_str(&format!(
                    " ({skipped} record(s) could not come back: what they belonged to was deleted since)"
                ));
            }
            Ok(Some(step))
        })
    }
}
