//! What a row is, from the set of its operations: whether it exists, the
//! value of each field, and where organisers disagree.
//!
//! Where a register has several heads, every laptop shows the head with the
//! greatest (clock, actor id) until a person decides; heads holding equal
//! values are no disagreement. A delete against an edit it had not seen is a
//! disagreement on the row itself: the later of the two wins for now. An
//! erasure of a row's personal data wins over the edits made without it
//! (before its laptop received the erasure), with nothing to choose. The
//! result depends only on the operations, so every laptop that has the same
//! operations sees the same row.

use super::heads::{Register, RowOp, heads, row_ops};
use super::schema::Table;
use crate::error::Result;
use crate::vocabulary::ChangeKind;
use rusqlite::Connection;
use rusqlite::types::Value;

/// The register `''` stands for the row itself in the disagreements' list.
pub(crate) const ROW: &str = "";

/// A row as its operations make it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    /// Its journalled values; `None` when it does not exist.
    pub values: Option<Vec<Value>>,
    /// The registers with several different heads: columns, or [`ROW`].
    pub disagreements: Vec<String>,
}

/// The greater of two operations by (clock, actor id).
fn later<'a>(a: &'a RowOp, b: &'a RowOp) -> &'a RowOp {
    if (b.hlc, b.actor_id) > (a.hlc, a.actor_id) { b } else { a }
}

/// The value of `column` an operation holds: a set's value, or the field in an insert's or delete's row.
pub(crate) fn value_in(op: &RowOp, column: &str) -> Option<Value> {
    match (&op.col, &op.fields) {
        (Some(_), _) => Some(op.value.clone()),
        (None, Some(fields)) => fields.iter().find(|(c, _)| c == column).map(|(_, v)| v.clone()),
        (None, None) => None,
    }
}

/// Resolves the row under `key` of `table` from its operations.
pub(crate) fn resolve(conn: &Connection, table: &Table, key: &[u8]) -> Result<Resolved> {
    resolve_keeping(conn, table, key, false)
}

/// The row as it would be if its deletes were set aside (`keep`): what a
/// person who keeps a row against a teammate's delete gets.
pub(crate) fn resolve_keeping(conn: &Connection, table: &Table, key: &[u8], keep: bool) -> Result<Resolved> {
    let ops = row_ops(conn, &table.name, key)?;
    let by_id = |id| ops.iter().find(|op| op.id == id);
    let mut disagreements = Vec::new();
    let existence: Vec<&RowOp> = heads(&ops, Register::Existence).into_iter().filter_map(by_id).collect();
    let columns: Vec<(usize, Vec<&RowOp>)> = (0..table.columns.len())
        .filter(|i| !table.is_key(*i))
        .map(|i| (i, heads(&ops, Register::Field(&table.columns[i])).into_iter().filter_map(by_id).collect()))
        .collect();
    let existence: Vec<&RowOp> = existence.into_iter().filter(|op| !keep || op.kind != ChangeKind::Delete).collect();
    let deleted = existence.iter().any(|op| op.kind == ChangeKind::Delete);
    // Edits the delete had not seen stand against it.
    let unseen_edits: Vec<&RowOp> =
        columns.iter().flat_map(|(_, h)| h.iter().copied()).filter(|op| op.kind == ChangeKind::Set).collect();
    let candidates: Vec<&RowOp> =
        existence.iter().copied().chain(unseen_edits.iter().copied().filter(|_| deleted)).collect();
    let Some(winner) = candidates
        .iter()
        .copied()
        .reduce(later)
        .or_else(|| ops.iter().find(|op| keep && op.kind != ChangeKind::Delete))
    else {
        return Ok(Resolved { values: None, disagreements });
    };
    if deleted && candidates.iter().any(|op| op.kind != ChangeKind::Delete) {
        disagreements.push(ROW.to_owned());
    }
    if winner.kind == ChangeKind::Delete {
        return Ok(Resolved { values: None, disagreements });
    }
    // Fields no head holds (the row came back over a delete) keep what the latest whole row held.
    let latest_row = ops.iter().filter(|op| op.fields.is_some()).reduce(later);
    let mut values = Vec::with_capacity(table.columns.len());
    for (index, column) in table.columns.iter().enumerate() {
        let field_heads = columns.iter().find(|(i, _)| *i == index).map_or(&[][..], |(_, h)| h.as_slice());
        let erasure = field_heads.iter().copied().filter(|h| h.erasing).reduce(later);
        let value = match erasure.or_else(|| field_heads.iter().copied().reduce(later)) {
            // An erasure stands over the edits made without it: no value to choose.
            Some(head) if head.erasing => value_in(head, column),
            Some(head) => {
                let first = value_in(head, column);
                if field_heads.iter().any(|h| value_in(h, column) != first) {
                    disagreements.push(column.clone());
                }
                first
            }
            None => latest_row.and_then(|op| value_in(op, column)),
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Resolved { values: Some(values), disagreements })
}
