//! Turning what an action touched into operations, when the action commits.
//!
//! Each operation names the operations it replaces (`pred`): the heads of the
//! field it sets, as this laptop saw them. A field's register holds the row's
//! inserts (which carry every field) and the field's own sets; its heads are
//! those no later operation of the register names. A row's existence is a
//! register of its inserts and deletes; a delete names every head of the row
//! (it has seen every field), and an insert of a row that was deleted names
//! the delete. These are the semantics of Automerge's map registers, which
//! the merge later relies on: one head is the value, several are a
//! disagreement.

use super::capture::Touched;
use super::codec::encode_row;
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::vocabulary::{ChangeKind, StepKind};
use chrono::Utc;
use rusqlite::types::Value;
use rusqlite::{Connection, params};

/// An operation's identity: its actor's local number and its sequence number.
pub(crate) type OpId = (i64, i64);

/// One operation on a row, with the columns of the operations naming it
/// (`None` for an insert or delete, which name for every register).
#[derive(Debug)]
pub(crate) struct RowOp {
    pub id: OpId,
    pub kind: ChangeKind,
    pub col: Option<String>,
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

/// Every operation on one row, with who names each.
pub(crate) fn row_ops(conn: &Connection, table: &str, key: &[u8]) -> Result<Vec<RowOp>> {
    let mut statement = conn.prepare_cached(
        "SELECT o.actor, o.seq, o.kind, o.col, n.col, n.actor IS NOT NULL
         FROM journal_op o
         LEFT JOIN journal_pred p ON p.pred_actor = o.actor AND p.pred_seq = o.seq
         LEFT JOIN journal_op n ON n.actor = p.actor AND n.seq = p.seq
         WHERE o.tbl = ?1 AND o.row = ?2
         ORDER BY o.actor, o.seq",
    )?;
    let mut rows = statement.query(params![table, key])?;
    let mut ops: Vec<RowOp> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: OpId = (row.get(0)?, row.get(1)?);
        if ops.last().is_none_or(|op| op.id != id) {
            let kind = row.get::<_, ChangeKind>(2)?;
            ops.push(RowOp { id, kind, col: row.get(3)?, namers: Vec::new() });
        }
        if row.get::<_, bool>(5)?
            && let Some(op) = ops.last_mut()
        {
            op.namers.push(row.get(4)?);
        }
    }
    Ok(ops)
}

/// The heads of `register` among a row's operations.
pub(crate) fn heads(ops: &[RowOp], register: Register<'_>) -> Vec<OpId> {
    ops.iter().filter(|op| op.in_register(register) && !op.named_in(register)).map(|op| op.id).collect()
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

/// An operation about to be written.
struct Planned<'a> {
    table: &'a Table,
    key: &'a [u8],
    kind: ChangeKind,
    col: Option<&'a str>,
    value: Value,
    pred: Vec<OpId>,
}

/// The operations for the rows an action touched, with what each replaces.
fn plan<'a>(conn: &Connection, schema: &'a Schema, touched: &'a [Touched]) -> Result<Vec<Planned<'a>>> {
    let mut planned = Vec::new();
    for row in touched {
        let table = &schema.tables[row.table];
        match (&row.before, &row.after) {
            (None, None) => {}
            (None, Some(after)) => {
                let ops = row_ops(conn, &table.name, &row.key)?;
                let pred = heads(&ops, Register::Existence);
                let value = Value::Text(encode_row(&table.columns, after));
                planned.push(Planned { table, key: &row.key, kind: ChangeKind::Insert, col: None, value, pred });
            }
            (Some(before), None) => {
                let ops = row_ops(conn, &table.name, &row.key)?;
                let value = Value::Text(encode_row(&table.columns, before));
                let pred = all_heads(&ops, table);
                planned.push(Planned { table, key: &row.key, kind: ChangeKind::Delete, col: None, value, pred });
            }
            (Some(before), Some(after)) => {
                let changed: Vec<usize> = (0..table.columns.len()).filter(|&i| before[i] != after[i]).collect();
                if changed.is_empty() {
                    continue;
                }
                let ops = row_ops(conn, &table.name, &row.key)?;
                for index in changed {
                    let column = table.columns[index].as_str();
                    let pred = heads(&ops, Register::Field(column));
                    let value = after[index].clone();
                    planned.push(Planned {
                        table,
                        key: &row.key,
                        kind: ChangeKind::Set,
                        col: Some(column),
                        value,
                        pred,
                    });
                }
            }
        }
    }
    Ok(planned)
}

/// Writes the operations for what an action touched, as one action of this
/// file's actor; returns the action's number, or `None` when the action
/// changed nothing (and so records nothing).
pub(crate) fn write(
    conn: &Connection,
    schema: &Schema,
    touched: &[Touched],
    step: StepKind,
    target: Option<i64>,
) -> Result<Option<i64>> {
    let planned = plan(conn, schema, touched)?;
    if planned.is_empty() {
        return Ok(None);
    }
    let (actor, mut seq, mut clock, action): (i64, i64, i64, i64) =
        conn.query_row("SELECT actor, seq, clock, action + 1 FROM journal_self", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let now = Utc::now();
    conn.execute(
        "INSERT INTO journal_action (actor, no, at, kind, target) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![actor, action, now.to_rfc3339(), step, target],
    )?;
    let physical = now.timestamp_millis() << 16;
    let mut insert_op = conn.prepare_cached(
        "INSERT INTO journal_op (actor, seq, hlc, action, kind, tbl, row, col, value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut insert_pred =
        conn.prepare_cached("INSERT INTO journal_pred (actor, seq, pred_actor, pred_seq) VALUES (?1, ?2, ?3, ?4)")?;
    for op in planned {
        seq += 1;
        clock = physical.max(clock + 1);
        insert_op.execute(params![actor, seq, clock, action, op.kind, op.table.name, op.key, op.col, op.value])?;
        for (pred_actor, pred_seq) in op.pred {
            insert_pred.execute(params![actor, seq, pred_actor, pred_seq])?;
        }
    }
    conn.execute("UPDATE journal_self SET seq = ?1, clock = ?2, action = ?3", params![seq, clock, action])?;
    Ok(Some(action))
}

/// One operation of an action, as undo and the Edit menu read it.
pub(crate) struct Recorded {
    pub id: OpId,
    pub kind: ChangeKind,
    pub table: String,
    pub key: Vec<u8>,
    pub col: Option<String>,
    pub value: Value,
}

/// The operations of `action` of `actor`, in the order they were written.
pub(crate) fn of_action(conn: &Connection, actor: i64, action: i64) -> Result<Vec<Recorded>> {
    let mut statement = conn.prepare(
        "SELECT seq, kind, tbl, row, col, value FROM journal_op WHERE actor = ?1 AND action = ?2 ORDER BY seq",
    )?;
    let ops = statement
        .query_map(params![actor, action], |r| {
            Ok(Recorded {
                id: (actor, r.get(0)?),
                kind: r.get(1)?,
                table: r.get(2)?,
                key: r.get(3)?,
                col: r.get(4)?,
                value: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ops)
}
