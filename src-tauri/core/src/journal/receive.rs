//! Keeping teammates' operations in this file's journal: each one not held
//! yet (by actor and sequence number), with what it replaces, so that
//! receiving twice, or in any order, changes nothing.
//!
//! A merge of a teammate's large import receives hundreds of thousands of
//! operations at once: they go in multi-row statements that say which of
//! them were new, and each actor's local number is looked up once.

use super::codec::{from_json, unhex};
use super::merge::{RowRef, SharedActor, SharedOp};
use crate::bulk::{self, Around, MAX_PARAMETERS};
use crate::error::Result;
use crate::vocabulary::ChangeKind;
use rusqlite::types::{ToSqlOutput, Value};
use rusqlite::{Connection, ToSql, params};
use std::collections::{BTreeSet, HashMap, HashSet};
use uuid::Uuid;

/// What receiving kept: how many operations, the rows they touch, and the rows erased.
pub(super) struct Received {
    pub count: u32,
    pub rows: BTreeSet<RowRef>,
    pub erased: BTreeSet<RowRef>,
}

/// The local numbers of actors, each looked up (and added when new) once.
struct Actors<'c> {
    conn: &'c Connection,
    known: HashMap<Uuid, (i64, i64)>,
}

impl Actors<'_> {
    /// The local number of the actor `id`, and how far its sequence this
    /// file holds or folded (`super::compact`).
    fn number(&mut self, id: Uuid) -> Result<(i64, i64)> {
        if let Some(&known) = self.known.get(&id) {
            return Ok(known);
        }
        self.conn.prepare_cached("INSERT OR IGNORE INTO journal_actor (id) VALUES (?1)")?.execute([id])?;
        let found = self
            .conn
            .prepare_cached("SELECT no, folded FROM journal_actor WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        self.known.insert(id, found);
        Ok(found)
    }
}

/// An operation about to be kept: its actor's local number, its row's key
/// and its value, decoded.
struct Arriving<'a> {
    actor: i64,
    op: &'a SharedOp,
    row: Vec<u8>,
    value: Value,
}

const OPS: Around = (
    "INSERT OR IGNORE INTO journal_op (actor, seq, hlc, action, kind, tbl, row, col, value) VALUES",
    "RETURNING actor, seq",
);
const PREDS: Around = ("INSERT OR IGNORE INTO journal_pred (actor, seq, pred_actor, pred_seq) VALUES", "");

/// Keeps the operations not held yet; the rows they touch.
pub(super) fn receive(conn: &Connection, actors: &[SharedActor], ops: &[SharedOp]) -> Result<Received> {
    let mut numbers = Actors { conn, known: HashMap::new() };
    for actor in actors {
        let (no, _) = numbers.number(actor.id)?;
        // This file's own actor keeps the name it has here; others take the
        // name from their own chunks only (another writer's copy may be older).
        conn.execute(
            "UPDATE journal_actor SET name = ?2, organisation = ?3
             WHERE no = ?1 AND no NOT IN (SELECT actor FROM journal_self) AND (?4 OR name = '')",
            params![no, actor.name, actor.organisation, actor.own],
        )?;
    }
    let mut arriving = Vec::with_capacity(ops.len());
    for op in ops {
        let Some(row) = unhex(&op.row) else { continue };
        let Some(value) = from_json(&op.value) else { continue };
        if (op.kind == ChangeKind::Set) != op.col.is_some() {
            continue;
        }
        let (actor, folded) = numbers.number(op.actor)?;
        // Above `folded` only: what is below is held already, or folded away since.
        if op.seq > folded {
            arriving.push(Arriving { actor, op, row, value });
        }
    }
    let mut new: HashSet<(i64, i64)> = HashSet::with_capacity(arriving.len());
    for group in arriving.chunks(MAX_PARAMETERS / 9) {
        let sql = bulk::statement(OPS, group.len(), 9);
        let mut statement = conn.prepare_cached(&sql)?;
        let values = group.iter().map(|a| -> rusqlite::Result<[ToSqlOutput<'_>; 9]> {
            let op = a.op;
            Ok([
                a.actor.to_sql()?,
                op.seq.to_sql()?,
                op.hlc.to_sql()?,
                op.action.to_sql()?,
                op.kind.to_sql()?,
                op.table.to_sql()?,
                a.row.to_sql()?,
                op.col.to_sql()?,
                a.value.to_sql()?,
            ])
        });
        let values = values.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut kept = statement.query(rusqlite::params_from_iter(values.iter().flatten()))?;
        while let Some(row) = kept.next()? {
            new.insert((row.get(0)?, row.get(1)?));
        }
    }
    let (mut received, mut touched, mut erased, mut clock) = (0, BTreeSet::new(), BTreeSet::new(), 0);
    let mut preds = Vec::new();
    for Arriving { actor, op, row, .. } in arriving {
        // Kept just now (an operation sent twice is taken once).
        if !new.remove(&(actor, op.seq)) {
            continue;
        }
        for &(pred_actor, pred_seq) in &op.pred {
            preds.push([actor, op.seq, numbers.number(pred_actor)?.0, pred_seq]);
        }
        received += 1;
        clock = clock.max(op.hlc);
        if op.kind == ChangeKind::Erase {
            erased.insert((op.table.clone(), row.clone()));
        }
        touched.insert((op.table.clone(), row));
    }
    bulk::execute(conn, PREDS, &preds, |ids| Ok(ids.map(ToSqlOutput::from)))?;
    // The clock never runs behind what this laptop has seen.
    conn.execute("UPDATE journal_self SET clock = MAX(clock, ?1)", [clock])?;
    Ok(Received { count: received, rows: touched, erased })
}
