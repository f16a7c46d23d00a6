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
use super::record;
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::vocabulary::StepKind;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use std::collections::{BTreeSet, HashSet};

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
/// they are erased with the rest and marked for teammates. A row held back
/// by a merge is no deleted row and is left as it is. One pass over the
/// journal per table and link and level, however many people are erased.
fn gone_rows_naming(conn: &Connection, schema: &Schema, touched: &[Touched]) -> Result<Vec<Touched>> {
    let mut known: HashSet<(usize, Vec<u8>)> = touched.iter().map(|t| (t.table, t.key.clone())).collect();
    let mut level: Vec<(usize, Vec<u8>)> = known.iter().filter(|(t, _)| schema.tables[*t].raw_key).cloned().collect();
    let mut found: Vec<Touched> = Vec::new();
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS journal_erasing (tbl TEXT NOT NULL, row BLOB NOT NULL)")?;
    while !level.is_empty() {
        conn.execute("DELETE FROM temp.journal_erasing", [])?;
        let mut keep = conn.prepare_cached("INSERT INTO temp.journal_erasing (tbl, row) VALUES (?1, ?2)")?;
        for (number, key) in &level {
            keep.execute(params![schema.tables[*number].name, key])?;
        }
        let parents: BTreeSet<usize> = level.iter().map(|(t, _)| *t).collect();
        let mut next = Vec::new();
        for parent in parents.into_iter().map(|t| &schema.tables[t]) {
            for (child_number, child) in schema.tables.iter().enumerate() {
                for column in super::rivals::naming_columns(conn, child, parent)? {
                    let rows: Vec<Vec<u8>> = conn
                        .prepare_cached(
                            "SELECT DISTINCT o.row FROM journal_op o WHERE o.tbl = ?1 AND o.col IS NULL
                             AND journal_field(o.value, ?2) IN (SELECT row FROM temp.journal_erasing WHERE tbl = ?3)
                             AND NOT EXISTS (SELECT 1 FROM journal_held h WHERE h.tbl = o.tbl AND h.row = o.row)",
                        )?
                        .query_map(params![child.name, child.columns[column], parent.name], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    for row in rows {
                        if child.current_row(conn, &row)?.is_some() || !known.insert((child_number, row.clone())) {
                            continue;
                        }
                        if child.raw_key {
                            next.push((child_number, row.clone()));
                        }
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
        level = next;
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
            .execute(params![
                table.name,
                key,
                super::image::encode(table.shape, values.iter().map(ValueRef::from))
            ])?;
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
