//! Erasure reaches the journal: when a person's data is erased, no operation
//! keeps what was erased.
//!
//! The erasure is recorded as an action like any other (its changes are what
//! teammates receive), then every operation on each row it touched is
//! rewritten to what the row holds now: a field's earlier values become the
//! erased value, a row's inserted fields its erased fields, and a row the
//! erasure removed (a speaking role) keeps no fields at all. History then
//! shows an anonymous seat that was always anonymous, and undo cannot bring
//! an erased value back. Erasures are not undo steps.

use super::Journal;
use super::codec::encode_row;
use super::record;
use crate::error::Result;
use crate::vocabulary::StepKind;
use rusqlite::{Connection, params};

impl Journal {
    /// Records the action under way as an erasure, and rewrites every
    /// operation on the rows it touched to leave no erased value behind.
    pub(crate) fn record_erasure(&self, conn: &Connection) -> Result<()> {
        let touched = self.capture.pending().take();
        record::write(conn, &self.schema, &touched, StepKind::Erase, None)?;
        let mut set_value =
            conn.prepare_cached("UPDATE journal_op SET value = ?3 WHERE tbl = ?1 AND row = ?2 AND col = ?4")?;
        let mut set_rows =
            conn.prepare_cached("UPDATE journal_op SET value = ?3 WHERE tbl = ?1 AND row = ?2 AND col IS NULL")?;
        for row in &touched {
            let table = &self.schema.tables[row.table];
            let now = table.current_row(conn, &row.key)?;
            match now {
                Some(values) => {
                    for (column, value) in table.columns.iter().zip(&values) {
                        set_value.execute(params![table.name, row.key, value, column])?;
                    }
                    set_rows.execute(params![table.name, row.key, encode_row(&table.columns, &values)])?;
                }
                None => {
                    conn.execute(
                        "UPDATE journal_op SET value = NULL WHERE tbl = ?1 AND row = ?2",
                        params![table.name, row.key],
                    )?;
                }
            }
        }
        Ok(())
    }
}
