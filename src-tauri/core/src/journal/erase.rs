//! Erasure reaches the journal: when a person's data is erased, no operation
//! keeps what was erased.
//!
//! The erasure is recorded as an action like any other (its changes are what
//! teammates receive), then every operation on each row it touched is
//! rewritten to what the row holds now: a field's earlier values become the
//! erased value, a row's inserted fields its erased fields, and a row the
//! erasure removed (a speaking role) keeps no fields at all. History then
//! shows an anonymous seat that was always anonymous, and undo cannot bring
//! an erased value back. Erasures are not undo steps. Each erased row's
//! operations carry an `erase` mark: a teammate's laptop that receives it
//! rewrites its own journal of the row the same way, and every laptop
//! rewrites its own chunk files in the team folder ([`super::folder`]).

use super::Journal;
use super::capture::Touched;
use super::codec::{encode_row, hex};
use super::record;
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::vocabulary::StepKind;
use rusqlite::{Connection, params};

impl Journal {
    /// Records the action under way as an erasure, and rewrites every
    /// operation on the rows it touched to leave no erased value behind.
    pub(crate) fn record_erasure(&self, conn: &Connection) -> Result<()> {
        let mut touched = self.capture.pending().take();
        touched.extend(gone_rows_naming(conn, &self.schema, &touched)?);
        record::write(conn, &self.schema, touched.clone(), StepKind::Erase, None)?;
        for row in &touched {
            scrub(conn, &self.schema.tables[row.table], &row.key)?;
        }
        Ok(())
    }
}

/// Rows deleted before the erasure that named a row it touched, or named
/// such a row (a seat the person once held, and its speaking roles): the
/// journal still holds their values (the delete keeps the whole row), so
/// they are erased with the rest and marked for teammates.
fn gone_rows_naming(conn: &Connection, schema: &Schema, touched: &[Touched]) -> Result<Vec<Touched>> {
    let mut frontier: Vec<(usize, Vec<u8>)> = touched.iter().map(|t| (t.table, t.key.clone())).collect();
    let mut found: Vec<Touched> = Vec::new();
    while let Some((number, key)) = frontier.pop() {
        let parent = &schema.tables[number];
        if !parent.raw_key {
            continue;
        }
        for (child_number, child) in schema.tables.iter().enumerate() {
            for column in super::rivals::naming_columns(conn, child, parent)? {
                let rows: Vec<Vec<u8>> = conn
                    .prepare_cached(
                        "SELECT DISTINCT row FROM journal_op WHERE tbl = ?1 AND col IS NULL
                         AND json_extract(value, '$.' || ?2 || '.blob') = ?3",
                    )?
                    .query_map(params![child.name, child.columns[column], hex(&key)], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for row in rows {
                    let known = |t: &Touched| t.table == child_number && t.key == row;
                    if touched.iter().any(known) || found.iter().any(known) || child.current_row(conn, &row)?.is_some()
                    {
                        continue;
                    }
                    frontier.push((child_number, row.clone()));
                    found.push(Touched {
                        table: child_number,
                        key: row,
                        before: None,
                        after: None,
                        forced: Vec::new(),
                    });
                }
            }
        }
    }
    Ok(found)
}

/// Rewrites every operation on the row under `key` to what the row holds now
/// (no values at all when it is gone), and marks the row erased, so that this
/// laptop's own chunk files in the team folder are rewritten too.
pub(crate) fn scrub(conn: &Connection, table: &Table, key: &[u8]) -> Result<()> {
    match table.current_row(conn, key)? {
        Some(values) => {
            let mut set_value =
                conn.prepare_cached("UPDATE journal_op SET value = ?3 WHERE tbl = ?1 AND row = ?2 AND col = ?4")?;
            for (column, value) in table.columns.iter().zip(&values) {
                set_value.execute(params![table.name, key, value, column])?;
            }
            conn.prepare_cached(
                "UPDATE journal_op SET value = ?3 WHERE tbl = ?1 AND row = ?2 AND col IS NULL AND kind != 'erase'",
            )?
            .execute(params![table.name, key, encode_row(&table.columns, &values)])?;
        }
        None => {
            conn.prepare_cached("UPDATE journal_op SET value = NULL WHERE tbl = ?1 AND row = ?2")?
                .execute(params![table.name, key])?;
        }
    }
    conn.prepare_cached("INSERT OR IGNORE INTO journal_erased (tbl, row) VALUES (?1, ?2)")?
        .execute(params![table.name, key])?;
    Ok(())
}
