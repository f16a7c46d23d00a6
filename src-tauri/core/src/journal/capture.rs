//! What the capture triggers saw during the action under way: each row
//! touched, as it was before the action first touched it and as it is now.
//!
//! Keeping only the first and last state of each row makes the journal
//! record the action's net effect: a row written twice is one change, a field
//! set back to what it was is no change, and the delete-and-insert some writes
//! use to replace a list (an event's organisers) records only what differs.

use super::codec::encode_key;
use super::schema::Schema;
use crate::error::Result;
use rusqlite::Connection;
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// One row the action touched.
#[derive(Debug, Clone)]
pub(crate) struct Touched {
    /// Its table's number in the [`Schema`].
    pub table: usize,
    pub key: Vec<u8>,
    /// The journalled values before the action (`None`: the row did not exist).
    pub before: Option<Vec<Value>>,
    /// The journalled values now (`None`: the row is gone).
    pub after: Option<Vec<Value>>,
    /// Columns to record even though their value did not change: a
    /// disagreement decided for the value already shown.
    pub forced: Vec<usize>,
}

/// The rows touched by the action under way, in the order first touched.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    rows: Vec<Touched>,
    index: HashMap<(usize, Vec<u8>), usize>,
}

impl Pending {
    fn touch(&mut self, table: usize, key: Vec<u8>, before: Option<Vec<Value>>, after: Option<Vec<Value>>) {
        match self.index.get(&(table, key.clone())) {
            Some(&at) => self.rows[at].after = after,
            None => {
                self.index.insert((table, key.clone()), self.rows.len());
                self.rows.push(Touched { table, key, before, after, forced: Vec::new() });
            }
        }
    }

    /// Records `column` of the row (now `values`) even if unchanged: a decision
    /// names every head, so it must be written.
    pub fn force_column(&mut self, table: usize, key: Vec<u8>, values: Vec<Value>, column: usize) {
        self.touch(table, key.clone(), Some(values.clone()), Some(values));
        let at = self.index[&(table, key)];
        self.rows[at].forced.push(column);
    }

    /// Records the row (now `values`) as inserted again, naming its delete:
    /// a row kept against a teammate's delete.
    pub fn force_insert(&mut self, table: usize, key: Vec<u8>, values: Vec<Value>) {
        self.touch(table, key.clone(), None, Some(values.clone()));
        let at = self.index[&(table, key)];
        self.rows[at].before = None;
        self.rows[at].after = Some(values);
    }

    /// Records the row (last `values`) as deleted again, naming every head:
    /// a delete kept against a teammate's edit, the row already not shown.
    pub fn force_delete(&mut self, table: usize, key: Vec<u8>, values: Vec<Value>) {
        self.touch(table, key.clone(), Some(values.clone()), None);
        let at = self.index[&(table, key)];
        self.rows[at].before = Some(values);
        self.rows[at].after = None;
    }

    /// Forgets the row: a write the action tried and SQLite refused after
    /// the capture saw it.
    pub fn forget(&mut self, table: usize, key: &[u8]) {
        if let Some(at) = self.index.remove(&(table, key.to_vec())) {
            self.rows.remove(at);
            for position in self.index.values_mut().filter(|p| **p > at) {
                *position -= 1;
            }
        }
    }

    /// The touched rows, leaving nothing pending.
    pub fn take(&mut self) -> Vec<Touched> {
        self.index.clear();
        std::mem::take(&mut self.rows)
    }
}

/// The pending rows, shared by the store and its connection's capture function.
#[derive(Debug, Clone, Default)]
pub(crate) struct Capture(Arc<Mutex<Pending>>);

impl Capture {
    /// The pending rows. A panic while capturing leaves nothing half-kept
    /// that matters: the action it interrupted is rolled back and cleared.
    pub fn pending(&self) -> MutexGuard<'_, Pending> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Registers `journal_capture` on `conn`, for the triggers of `schema`.
    pub fn register(&self, conn: &Connection, schema: Arc<Schema>) -> Result<()> {
        let capture = self.clone();
        conn.create_scalar_function("journal_capture", -1, FunctionFlags::SQLITE_UTF8, move |ctx| {
            capture.record(&schema, ctx)?;
            Ok(Value::Null)
        })?;
        Ok(())
    }

    fn record(&self, schema: &Schema, ctx: &Context<'_>) -> rusqlite::Result<()> {
        let number = usize::try_from(ctx.get::<i64>(0)?).unwrap_or(usize::MAX);
        let table = schema.tables.get(number).ok_or_else(|| user_error("unknown journalled table"))?;
        let kind: String = ctx.get(1)?;
        let width = table.columns.len();
        let values =
            |from: usize| (from..from + width).map(|i| ctx.get::<Value>(i)).collect::<rusqlite::Result<Vec<_>>>();
        let key_of = |row: &[Value]| encode_key(table.raw_key, &table.key.iter().map(|&i| &row[i]).collect::<Vec<_>>());
        let mut pending = self.pending();
        match kind.as_str() {
            "insert" => {
                let row = values(2)?;
                pending.touch(number, key_of(&row), None, Some(row));
            }
            "delete" => {
                let row = values(2)?;
                pending.touch(number, key_of(&row), Some(row), None);
            }
            "update" => {
                let (old, new) = (values(2)?, values(2 + width)?);
                let (old_key, new_key) = (key_of(&old), key_of(&new));
                if old_key == new_key {
                    pending.touch(number, new_key, Some(old), Some(new));
                } else {
                    // A changed key is another row: the old one goes, the new one comes.
                    pending.touch(number, old_key, Some(old), None);
                    pending.touch(number, new_key, None, Some(new));
                }
            }
            _ => return Err(user_error("unknown change kind")),
        }
        Ok(())
    }
}

fn user_error(message: &str) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(message.into())
}
