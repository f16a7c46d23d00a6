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
use super::codec::encode_row;
use super::record;
use super::schema::Table;
use crate::error::Result;
use crate::vocabulary::StepKind;
use rusqlite::{Connection, params};

impl Journal {
    /// Records the action under way as an erasure, and rewrites every
    /// operation on the rows it touched to leave no erased value behind.
    pub(crate) fn record_erasure(&self, conn: &Connection) -> Result<()> {
        let touched = self.capture.pending().take();
        record::write(conn, &self.schema, touched.clone(), StepKind::Erase, None)?;
        for row in &touched {
            scrub(conn, &self.schema.tables[row.table], &row.key)?;
        }
        Ok(())
    }
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
