//! Registers and their heads: which operations of a row are current.
//!
//! A field's register holds the row's inserts (which carry every field) and
//! the field's own sets; its heads are those no operation of the register
//! names in its `pred`. A row's existence is a register of its inserts and
//! deletes; a delete names every head of the row (it has seen every field),
//! and an insert of a row that was deleted names the delete. One head is the
//! value; several are a disagreement. These are the semantics of Automerge's
//! map registers, and they depend only on the set of operations, never on
//! the order they arrived in.

use super::schema::Table;
use crate::error::Result;
use crate::vocabulary::ChangeKind;
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use uuid::Uuid;

/// An operation's identity: its actor's local number and its sequence number.
pub(crate) type OpId = (i64, i64);

/// One operation on a row, with the columns of the operations naming it
/// (`None` for an insert or delete, which name for every register).
#[derive(Debug)]
pub(crate) struct RowOp {
    pub id: OpId,
    pub kind: ChangeKind,
    pub col: Option<String>,
    /// The hybrid logical clock and the actor's id: the greater pair wins where heads disagree.
    pub hlc: i64,
    pub actor_id: Uuid,
    /// A set's value.
    pub value: Value,
    /// The fields of an insert's or delete's row, decoded once.
    pub fields: Option<Vec<(String, Value)>>,
    /// Whether it was written by an erasure of the row's personal data.
    pub erasing: bool,
    namers: Vec<Option<String>>,
}

/// A register of a row: its existence, or one field.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Register<'a> {
    Existence,
    Field(&'a str),
}

impl RowOp {
    fn in_register(&self, register: Register<'_>) -> bool {
        if self.kind == ChangeKind::Erase {
            // A mark that the row's values were erased, in no register.
            return false;
        }
        match register {
            Register::Existence => self.col.is_none(),
            Register::Field(column) => self.kind == ChangeKind::Insert || self.col.as_deref() == Some(column),
        }
    }

    fn named_in(&self, register: Register<'_>) -> bool {
        self.namers.iter().any(|namer| match (register, namer) {
            (_, None) => true,
            (Register::Existence, Some(_)) => false,
            (Register::Field(column), Some(named)) => named == column,
        })
    }
}

/// The statement reading a row's operations (`?1` its table, `?2` its key)
/// that `$filter` keeps, with the column of each operation naming them.
macro_rules! row_ops_sql {
    ($filter:literal) => {
        concat!(
            "SELECT o.actor, o.seq, o.kind, o.col, n.col, n.actor IS NOT NULL, o.hlc, a.id, o.value, o.action
             FROM journal_op o JOIN journal_actor a ON a.no = o.actor
             LEFT JOIN journal_pred p ON p.pred_actor = o.actor AND p.pred_seq = o.seq
             LEFT JOIN journal_op n ON n.actor = p.actor AND n.seq = p.seq
             WHERE o.tbl = ?1 AND o.row = ?2",
            $filter,
            " ORDER BY o.actor, o.seq"
        )
    };
}

/// Every operation on one row.
pub(crate) const ROW_OPS_SQL: &str = row_ops_sql!("");
/// The operations of one field's register (`?3`) and the row's existence: what
/// a change of the field names, without reading every other field's history.
const FIELD_OPS_SQL: &str = row_ops_sql!(" AND (o.col IS NULL OR o.col = ?3)");

/// Every operation on one row, with who names each.
pub(crate) fn row_ops(conn: &Connection, table: &str, key: &[u8]) -> Result<Vec<RowOp>> {
    let mut statement = conn.prepare_cached(ROW_OPS_SQL)?;
    read_ops(statement.query(params![table, key])?)
}

/// The operations of the row in `column`'s register and its existence's.
fn field_ops(conn: &Connection, table: &str, key: &[u8], column: &str) -> Result<Vec<RowOp>> {
    let mut statement = conn.prepare_cached(FIELD_OPS_SQL)?;
    read_ops(statement.query(params![table, key, column])?)
}

fn read_ops(mut rows: rusqlite::Rows<'_>) -> Result<Vec<RowOp>> {
    let mut ops: Vec<RowOp> = Vec::new();
    // The actions (by actor) that erased the row: their operations are an erasure's.
    let (mut erasures, mut actions): (Vec<OpId>, Vec<i64>) = (Vec::new(), Vec::new());
    while let Some(row) = rows.next()? {
        let id: OpId = (row.get(0)?, row.get(1)?);
        if ops.last().is_none_or(|op| op.id != id) {
            let (kind, col, value) = (row.get::<_, ChangeKind>(2)?, row.get::<_, Option<String>>(3)?, row.get(8)?);
            let fields = match (&col, &value) {
                (None, value) => super::image::decode(value),
                _ => None,
            };
            ops.push(RowOp {
                id,
                kind,
                col,
                hlc: row.get(6)?,
                actor_id: row.get(7)?,
                value,
                fields,
                erasing: false,
                namers: Vec::new(),
            });
            let action: i64 = row.get(9)?;
            actions.push(action);
            if kind == ChangeKind::Erase {
                erasures.push((id.0, action));
            }
        }
        if row.get::<_, bool>(5)?
            && let Some(op) = ops.last_mut()
        {
            op.namers.push(row.get(4)?);
        }
    }
    for (op, action) in ops.iter_mut().zip(actions) {
        op.erasing = erasures.contains(&(op.id.0, action));
    }
    Ok(ops)
}

/// The heads of `register` among a row's operations.
pub(crate) fn heads(ops: &[RowOp], register: Register<'_>) -> Vec<OpId> {
    ops.iter().filter(|op| op.in_register(register) && !op.named_in(register)).map(|op| op.id).collect()
}

/// The row's insert when that is its only operation, and so the one head of
/// each of its registers: most rows a large delete or change takes, found
/// without reading the history a row with more operations needs.
fn only_insert(conn: &Connection, table: &Table, key: &[u8]) -> Result<Option<OpId>> {
    let mut statement =
        conn.prepare_cached("SELECT actor, seq, kind FROM journal_op WHERE row = ?1 AND tbl = ?2 LIMIT 2")?;
    let ops = statement
        .query_map(params![key, table.name], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, ChangeKind>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(match ops.as_slice() {
        [(actor, seq, ChangeKind::Insert)] => Some((*actor, *seq)),
        _ => None,
    })
}

/// What a delete of the row under `key` of `table` names: every head of it.
pub(crate) fn row_heads(conn: &Connection, table: &Table, key: &[u8]) -> Result<Vec<OpId>> {
    match only_insert(conn, table, key)? {
        Some(insert) => Ok(vec![insert]),
        None => Ok(all_heads(&row_ops(conn, &table.name, key)?, table)),
    }
}

/// What a change of `column` of the row under `key` of `table` names: the
/// heads of the field's register.
pub(crate) fn field_heads(conn: &Connection, table: &Table, key: &[u8], column: &str) -> Result<Vec<OpId>> {
    match only_insert(conn, table, key)? {
        Some(insert) => Ok(vec![insert]),
        None => Ok(heads(&field_ops(conn, &table.name, key, column)?, Register::Field(column))),
    }
}

/// Every head of a row: what a delete has seen.
fn all_heads(ops: &[RowOp], table: &Table) -> Vec<OpId> {
    let mut all = heads(ops, Register::Existence);
    for (_, column) in table.columns.iter().enumerate().filter(|(i, _)| !table.is_key(*i)) {
        all.extend(heads(ops, Register::Field(column)));
    }
    all.sort_unstable();
    all.dedup();
    all
}
