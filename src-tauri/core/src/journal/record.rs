//! Turning what an action touched into operations, when the action commits.
//!
//! Each operation names the operations it replaces (`pred`): the heads of the
//! register it writes, as this laptop saw them ([`super::heads`]).

use super::capture::Touched;
use super::heads::{OpId, Register, field_heads, heads, row_heads, row_ops};
use super::image;
use super::schema::{Schema, Table};
use crate::bulk::{self, Around};
use crate::error::Result;
use crate::vocabulary::{ChangeKind, StepKind};
use chrono::Utc;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, ToSql, params};

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
                let value = Value::Blob(image::encode(table.shape, after.iter().map(ValueRef::from)));
                planned.push(Planned { table, key: &row.key, kind: ChangeKind::Insert, col: None, value, pred });
            }
            (Some(before), None) => {
                let value = Value::Blob(image::encode(table.shape, before.iter().map(ValueRef::from)));
                let pred = row_heads(conn, table, &row.key)?;
                planned.push(Planned { table, key: &row.key, kind: ChangeKind::Delete, col: None, value, pred });
            }
            (Some(before), Some(after)) => {
                let changed: Vec<usize> =
                    (0..table.columns.len()).filter(|&i| before[i] != after[i] || row.forced.contains(&i)).collect();
                if changed.is_empty() {
                    continue;
                }
                for index in changed {
                    let column = table.columns[index].as_str();
                    let pred = field_heads(conn, table, &row.key, column)?;
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

/// Rows inserted by the action under way into tables keyed by an id, noted by
/// the triggers in `temp.journal_inserted`: (table number, key), each once.
pub(crate) fn inserted(conn: &Connection) -> Result<Vec<(usize, Vec<u8>)>> {
    let mut statement = conn.prepare_cached("SELECT tbl, row FROM temp.journal_inserted ORDER BY rowid")?;
    let rows = statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (table, key) = row?;
        found.push((usize::try_from(table).unwrap_or(usize::MAX), key));
    }
    Ok(found)
}

/// Moves the rows the action inserted that are not new out of the bulk
/// (`temp.journal_inserted`) into `touched`, as they are now: a row deleted
/// earlier in the action and inserted again, and a row that had operations
/// before (put back by an undo or a restore), whose insert names what it
/// replaces. What stays in the bulk is rows never seen before.
fn take_reinserted(conn: &Connection, schema: &Schema, touched: &mut Vec<Touched>) -> Result<()> {
    if !any_inserted(conn)? {
        return Ok(());
    }
    let mut in_bulk =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM temp.journal_inserted WHERE row = ?1 AND tbl = ?2)")?;
    let mut leave_bulk = conn.prepare_cached("DELETE FROM temp.journal_inserted WHERE row = ?1")?;
    for seen in touched.iter_mut() {
        let number = i64::try_from(seen.table).unwrap_or(i64::MAX);
        if in_bulk.query_row(params![seen.key, number], |r| r.get::<_, bool>(0))? {
            // Deleted, then inserted again: the row is as it is now.
            seen.after = schema.tables[seen.table].current_row(conn, &seen.key)?;
            leave_bulk.execute([&seen.key])?;
        }
    }
    let known: Vec<(i64, Vec<u8>)> = conn
        .prepare_cached(
            "SELECT i.tbl, i.row FROM temp.journal_inserted i
             WHERE EXISTS (SELECT 1 FROM main.journal_op o WHERE o.row = i.row)",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (number, key) in known {
        let table = usize::try_from(number).unwrap_or(usize::MAX);
        let Some(columns) = schema.tables.get(table) else { continue };
        let after = columns.current_row(conn, &key)?;
        leave_bulk.execute([&key])?;
        touched.push(Touched { table, key, before: None, after, forced: Vec::new() });
    }
    Ok(())
}

/// Whether the action under way inserted any row still to record in bulk.
fn any_inserted(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM temp.journal_inserted)", [], |r| r.get(0))?)
}

/// Writes the operations for what an action touched, as one action of this
/// file's actor; returns the action's number, or `None` when the action
/// changed nothing (and so records nothing).
///
/// Rows the action inserted are recorded in bulk, one statement per table,
/// from the row as it is now; a row that had operations before (one put
/// back by an undo, or deleted and inserted again) goes the way of every
/// other change, naming what it replaces.
pub(crate) fn write(
    conn: &Connection,
    schema: &Schema,
    mut touched: Vec<Touched>,
    step: StepKind,
    target: Option<i64>,
) -> Result<Option<i64>> {
    take_reinserted(conn, schema, &mut touched)?;
    let mut planned = plan(conn, schema, &touched)?;
    if step == StepKind::Erase {
        // Each erased row carries a mark, so that teammates erase it from their journals too.
        for row in &touched {
            let table = &schema.tables[row.table];
            let (kind, value) = (ChangeKind::Erase, Value::Null);
            planned.push(Planned { table, key: &row.key, kind, col: None, value, pred: Vec::new() });
        }
    }
    if planned.is_empty() && !any_inserted(conn)? {
        return Ok(None);
    }
    let (actor, mut seq, mut clock, action): (i64, i64, i64, i64) =
        conn.query_row("SELECT actor, seq, clock, action + 1 FROM journal_self", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    let now = Utc::now();
    let physical = now.timestamp_millis() << 16;
    let disagreeing: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM journal_disagreement)", [], |r| r.get(0))?;
    let mut written: Vec<(&Table, &[u8])> = Vec::new();
    let (mut ops, mut preds) = (Vec::with_capacity(planned.len()), Vec::with_capacity(planned.len()));
    for op in &planned {
        seq += 1;
        clock = physical.max(clock + 1);
        ops.push((seq, clock, op));
        preds.extend(op.pred.iter().map(|&(pred_actor, pred_seq)| [actor, seq, pred_actor, pred_seq]));
        if disagreeing {
            written.push((op.table, op.key));
        }
    }
    // Many rows per statement: a bulk change or delete of thousands of rows.
    const OPS: Around = ("INSERT INTO journal_op (actor, seq, hlc, action, kind, tbl, row, col, value) VALUES", "");
    bulk::execute(conn, OPS, &ops, |(seq, clock, op)| {
        Ok([
            actor.to_sql()?,
            seq.to_sql()?,
            clock.to_sql()?,
            action.to_sql()?,
            op.kind.to_sql()?,
            op.table.name.to_sql()?,
            op.key.to_sql()?,
            op.col.to_sql()?,
            op.value.to_sql()?,
        ])
    })?;
    const PREDS: Around = ("INSERT INTO journal_pred (actor, seq, pred_actor, pred_seq) VALUES", "");
    bulk::execute(conn, PREDS, &preds, |ids| Ok(ids.map(ToSqlOutput::from)))?;
    // A disagreement this laptop wrote over is decided; one it did not name stays.
    written.dedup();
    for (table, key) in written {
        super::merge::list_disagreements(conn, table, key, &super::resolve::resolve(conn, table, key)?)?;
    }
    let bulk_tables: Vec<usize> = conn
        .prepare_cached("SELECT DISTINCT tbl FROM temp.journal_inserted ORDER BY tbl")?
        .query_map([], |r| r.get::<_, i64>(0))?
        .map(|n| Ok(usize::try_from(n?).unwrap_or(usize::MAX)))
        .collect::<Result<_>>()?;
    for number in bulk_tables {
        let Some(table) = schema.tables.get(number) else { continue };
        let Some(&key) = table.key.first() else { continue };
        clock = physical.max(clock + 1);
        // Each row once (inserted, deleted and inserted again: once), in the order first inserted.
        let written = conn.execute(
            &format!(
                "INSERT INTO journal_op (actor, seq, hlc, action, kind, tbl, row, col, value)
                 SELECT ?1, ?2 + ROW_NUMBER() OVER (ORDER BY b.rowid), ?3 + ROW_NUMBER() OVER (ORDER BY b.rowid),
                        ?4, 'insert', ?5, b.row, NULL, {image}
                 FROM temp.journal_inserted b JOIN main.\"{name}\" t ON t.\"{key}\" = b.row
                 WHERE b.tbl = ?6
                 ORDER BY b.rowid",
                image = table.image_sql(number),
                name = table.name,
                key = table.columns[key],
            ),
            params![actor, seq, clock, action, table.name, i64::try_from(number).unwrap_or(i64::MAX)],
        )?;
        let written = i64::try_from(written).unwrap_or(i64::MAX);
        seq += written;
        clock += written;
    }
    conn.execute("DELETE FROM temp.journal_inserted", [])?;
    if seq == conn.query_row("SELECT seq FROM journal_self", [], |r| r.get::<_, i64>(0))? {
        // Every row inserted was gone again by the end of the action.
        return Ok(None);
    }
    conn.execute(
        "INSERT INTO journal_action (actor, no, at, kind, target) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![actor, action, now.to_rfc3339(), step, target],
    )?;
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
    /// The value set, or the row a delete kept; an insert's row only when asked for.
    pub value: Value,
}

/// The statement reading [`Recorded`] operations, with `value` as the value read.
fn recorded_sql(value: &str, condition: &str) -> String {
    format!("SELECT seq, kind, tbl, row, col, {value} FROM journal_op WHERE {condition}")
}

fn recorded(actor: i64, r: &rusqlite::Row<'_>) -> rusqlite::Result<Recorded> {
    Ok(Recorded {
        id: (actor, r.get(0)?),
        kind: r.get(1)?,
        table: r.get(2)?,
        key: r.get(3)?,
        col: r.get(4)?,
        value: r.get(5)?,
    })
}

/// The operations of `action` of `actor`, in the order they were written,
/// without the rows of its inserts (`Value::Null`): what undoing it reads,
/// which deletes an inserted row by its key. An import's inserted rows are
/// most of the journal's bytes.
pub(crate) fn of_action(conn: &Connection, actor: i64, action: i64) -> Result<Vec<Recorded>> {
    let value = "CASE kind WHEN 'insert' THEN NULL ELSE value END";
    let mut statement = conn.prepare_cached(&recorded_sql(value, "actor = ?1 AND action = ?2 ORDER BY seq"))?;
    let ops = statement.query_map(params![actor, action], |r| recorded(actor, r))?.collect::<rusqlite::Result<_>>()?;
    Ok(ops)
}

/// Operation `seq` of `actor`, whole.
pub(crate) fn one(conn: &Connection, actor: i64, seq: i64) -> Result<Recorded> {
    let mut statement = conn.prepare_cached(&recorded_sql("value", "actor = ?1 AND seq = ?2"))?;
    Ok(statement.query_row(params![actor, seq], |r| recorded(actor, r))?)
}
