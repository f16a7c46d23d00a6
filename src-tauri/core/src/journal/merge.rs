//! Merging teammates' operations into this plan.
//!
//! Operations travel as [`SharedOp`]s (actors by id, rows and values in the
//! journal's JSON forms). Receiving keeps every operation not yet held (by
//! actor and sequence number: receiving twice changes nothing), then
//! resolves each row they touch from all its operations ([`super::resolve`])
//! and writes the result into the plan's tables, parents first and children
//! first for deletes, without recording it again (no echo). A row that cannot
//! be written as resolved (its parent not received yet, or gone; a rule two
//! edits break together) is held back with the reason, and tried again at the
//! next merge; a row a merge's delete took with it (a cascade) although its
//! own operations keep it is held back too, so every laptop ends with the
//! same tables and the same lists.

use super::attempt::{Writes, attempt_all};
use super::codec::{hex, to_json};
use super::receive::{Received, receive};
use super::resolve::{Resolved, resolve};
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::store::Store;
use crate::vocabulary::ChangeKind;
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use uuid::Uuid;

/// An operation as teammates exchange it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SharedOp {
    pub actor: Uuid,
    pub seq: i64,
    pub hlc: i64,
    pub action: i64,
    pub kind: ChangeKind,
    pub table: String,
    /// The row's journal key, hex.
    pub row: String,
    pub col: Option<String>,
    pub value: serde_json::Value,
    pub pred: Vec<(Uuid, i64)>,
}

/// Who an actor is, as teammates see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SharedActor {
    pub id: Uuid,
    pub name: String,
    pub organisation: String,
    /// Whether this comes from the actor itself (its own chunk), so that it
    /// may rename the actor; another writer's copy only names an actor not
    /// named yet.
    #[serde(skip)]
    pub own: bool,
}

/// A row of the plan: its table's name and its journal key.
pub(super) type RowRef = (String, Vec<u8>);

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, specta::Type)]
pub struct MergeReport {
    /// Operations received that this plan did not have.
    pub received: u32,
    /// Records whose values changed on this laptop.
    pub records_changed: u32,
    /// Records whose personal data a teammate erased, erased here too.
    pub records_erased: u32,
    /// Disagreements listed now, for a person to decide.
    pub disagreements: u32,
    /// Records held back now, with the reason.
    pub held: u32,
}

/// Every operation of the plan that `known` does not name (by actor and
/// sequence number), with the actors who wrote them.
pub(crate) fn export(conn: &Connection, known: &BTreeSet<(Uuid, i64)>) -> Result<(Vec<SharedActor>, Vec<SharedOp>)> {
    let actors: Vec<SharedActor> = conn
        .prepare("SELECT id, name, organisation FROM journal_actor ORDER BY no")?
        .query_map([], |r| Ok(SharedActor { id: r.get(0)?, name: r.get(1)?, organisation: r.get(2)?, own: false }))?
        .collect::<rusqlite::Result<_>>()?;
    let mut statement = conn.prepare(
        "SELECT a.id, o.seq, o.hlc, o.action, o.kind, o.tbl, o.row, o.col, o.value, o.actor
         FROM journal_op o JOIN journal_actor a ON a.no = o.actor ORDER BY o.actor, o.seq",
    )?;
    let mut preds = conn.prepare_cached(
        "SELECT a.id, p.pred_seq FROM journal_pred p JOIN journal_actor a ON a.no = p.pred_actor
         WHERE p.actor = ?1 AND p.seq = ?2 ORDER BY 1, 2",
    )?;
    let mut rows = statement.query([])?;
    let mut ops = Vec::new();
    while let Some(r) = rows.next()? {
        let (actor, seq): (Uuid, i64) = (r.get(0)?, r.get(1)?);
        if known.contains(&(actor, seq)) {
            continue;
        }
        let local: i64 = r.get(9)?;
        let pred =
            preds.query_map(params![local, seq], |p| Ok((p.get(0)?, p.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        ops.push(SharedOp {
            actor,
            seq,
            hlc: r.get(2)?,
            action: r.get(3)?,
            kind: r.get(4)?,
            table: r.get(5)?,
            row: hex(&r.get::<_, Vec<u8>>(6)?),
            value: to_json(&super::image::shared(r.get::<_, Option<String>>(7)?.as_deref(), r.get(8)?)),
            col: r.get(7)?,
            pred,
        });
    }
    Ok((actors, ops))
}

/// Why a record of the same unique value as another is held back.
pub(super) const SAME_NAME: &str = "Another record already has the same name";

/// Why SQLite refused to write a row, in words.
pub(super) fn held_reason(error: &rusqlite::Error) -> String {
    let text = error.to_string();
    if text.contains("FOREIGN KEY") {
        "It belongs to a record this plan does not have (not received yet, or deleted)".into()
    } else if text.contains("UNIQUE") {
        SAME_NAME.into()
    } else {
        format!("It breaks a rule of the plan ({text})")
    }
}

/// Adds to `writes` the statement that makes the row under `key` of `table`
/// (now `current`) what `desired` makes it; `false` when it already is.
fn row_write(
    writes: &mut Writes,
    table: &Table,
    key: &[u8],
    current: Option<&[Value]>,
    desired: Option<&[Value]>,
) -> bool {
    let Some(key_values) = super::codec::decode_key(table.raw_key, key) else { return false };
    match (current, desired) {
        (None, None) => return false,
        (Some(now), Some(wanted)) if now == wanted => return false,
        (Some(_), None) => writes.delete(table, key_values),
        (None, Some(wanted)) => writes.insert_row(table, wanted.to_vec()),
        (Some(_), Some(wanted)) => writes.update_row(table, wanted.to_vec(), key_values),
    }
    true
}

/// Records what the row is now against what its operations make it: held
/// back when they differ, and its disagreements.
fn settle(
    conn: &Connection,
    table: &Table,
    key: &[u8],
    resolved: &Resolved,
    now: Option<Vec<Value>>,
    reason: Option<String>,
) -> Result<()> {
    list_disagreements(conn, table, key, resolved)?;
    let written = now == resolved.values;
    match (written, reason) {
        (true, _) => release_held(conn, &table.name, key)?,
        (false, reason) => {
            let reason = reason.unwrap_or_else(|| "A record it belongs to was deleted by a teammate".into());
            conn.execute(
                "INSERT INTO journal_held (tbl, row, reason) VALUES (?1, ?2, ?3)
                 ON CONFLICT (tbl, row) DO UPDATE SET reason = excluded.reason",
                params![table.name, key, reason],
            )?
        }
    };
    Ok(())
}

/// Takes the row under `key` of the table called `table` off the held-back
/// list (written, decided, or gone with a record merged away); how many went.
pub(super) fn release_held(conn: &Connection, table: &str, key: &[u8]) -> Result<usize> {
    Ok(conn.prepare_cached("DELETE FROM journal_held WHERE tbl = ?1 AND row = ?2")?.execute(params![table, key])?)
}

/// Lists the row's disagreements as resolved: the one rule for merges and
/// for this laptop's own writes (which decide only the registers they name).
pub(crate) fn list_disagreements(conn: &Connection, table: &Table, key: &[u8], resolved: &Resolved) -> Result<()> {
    conn.prepare_cached("DELETE FROM journal_disagreement WHERE tbl = ?1 AND row = ?2")?
        .execute(params![table.name, key])?;
    let mut insert = conn.prepare_cached("INSERT INTO journal_disagreement (tbl, row, col) VALUES (?1, ?2, ?3)")?;
    for column in &resolved.disagreements {
        insert.execute(params![table.name, key, column])?;
    }
    Ok(())
}

/// Resolves and writes `rows`: deletes children first, then the rest parents first.
fn write_rows(conn: &Connection, schema: &Schema, rows: &BTreeSet<RowRef>) -> Result<u32> {
    let mut resolved: Vec<(&Table, &[u8], Resolved)> = Vec::new();
    for (name, key) in rows {
        let Some((_, table)) = schema.table(name) else { continue };
        resolved.push((table, key, resolve(conn, table, key)?));
    }
    let (mut gone, mut kept): (Vec<_>, Vec<_>) = resolved.into_iter().partition(|(_, _, r)| r.values.is_none());
    gone.sort_by_key(|(t, _, _)| std::cmp::Reverse(t.rank));
    kept.sort_by_key(|(t, _, _)| t.rank);
    // The deletes first, then the rest read as the deletes (and their cascades) left it.
    let mut before = Vec::with_capacity(gone.len() + kept.len());
    let (mut writes, mut written_by) = (Writes::default(), Vec::with_capacity(before.capacity()));
    let mut refusals = Vec::new();
    for phase in [&gone, &kept] {
        let mut phase_writes = Writes::default();
        for (table, key, row) in phase {
            let now = table.current_row(conn, key)?;
            let writing = row_write(&mut phase_writes, table, key, now.as_deref(), row.values.as_deref());
            written_by.push(writing.then(|| writes.len() + phase_writes.len() - 1));
            before.push(now);
        }
        refusals.extend(attempt_all(conn, &phase_writes)?);
        writes.extend(phase_writes);
    }
    // Without a refusal, every row is what was written to it, or what it already was.
    let all_written = refusals.iter().all(Option::is_none);
    let ordered: Vec<&(&Table, &[u8], Resolved)> = gone.iter().chain(kept.iter()).collect();
    // Two records of one unique value: the one created first takes it, on every laptop.
    let mut gave_way: Vec<(&Table, Vec<u8>)> = Vec::new();
    for ((table, key, row), write) in ordered.iter().zip(&written_by) {
        let (Some(w), Some(values)) = (*write, row.values.as_deref()) else { continue };
        let Some(refusal) = refusals[w].take_if(|r| held_reason(r) == SAME_NAME) else { continue };
        let retry = || Ok(writes.retry(conn, w)?.is_none());
        let (written, rivals) = super::rivals::contest(conn, schema, table, key, values, &refusal, retry)?;
        if !written {
            refusals[w] = Some(refusal);
        }
        gave_way.extend(rivals.into_iter().map(|rival| (*table, rival)));
    }
    let mut changed = 0;
    for (((table, key, row), before), write) in ordered.into_iter().zip(before).zip(written_by) {
        let now = match (all_written, write) {
            (true, Some(_)) => row.values.clone(),
            (true, None) => before.clone(),
            (false, _) => table.current_row(conn, key)?,
        };
        if now != before {
            changed += 1;
        }
        let reason = write.and_then(|w| refusals[w].take()).map(|refused| held_reason(&refused));
        settle(conn, table, key, row, now, reason)?;
    }
    for (table, key) in gave_way {
        changed += 1;
        let resolved = resolve(conn, table, &key)?;
        settle(conn, table, &key, &resolved, None, Some(SAME_NAME.into()))?;
    }
    Ok(changed)
}

impl Store {
    /// Merges teammates' operations into the plan, in one transaction.
    pub(crate) fn merge(&mut self, actors: &[SharedActor], ops: &[SharedOp]) -> Result<MergeReport> {
        self.transaction(|store| {
            let conn = &store.conn;
            let Received { count: received, mut rows, erased } = receive(conn, actors, ops)?;
            let held: Vec<RowRef> = conn
                .prepare("SELECT tbl, row FROM journal_held")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            rows.extend(held);
            let schema = store.journal.schema.clone();
            let mut changed = write_rows(conn, &schema, &rows)?;
            // Rows the merge's writes took with them (cascades) are settled too, and
            // nothing the merge wrote is recorded again.
            let cascaded: BTreeSet<RowRef> = store
                .journal
                .take_touched(conn)?
                .into_iter()
                .map(|(table, key)| (schema.tables[table].name.clone(), key))
                .filter(|row| !rows.contains(row))
                .collect();
            changed += write_rows(conn, &schema, &cascaded)?;
            store.journal.take_touched(conn)?;
            // A teammate's erasure leaves this laptop's journal too, and so do
            // edits of an erased row that arrive after it (made without it).
            let erased_before: BTreeSet<RowRef> = conn
                .prepare("SELECT tbl, row FROM journal_erased")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let late: Vec<&RowRef> = rows.intersection(&erased_before).collect();
            for (name, key) in erased.iter().chain(late) {
                if let Some((_, table)) = schema.table(name) {
                    super::erase::scrub(conn, table, key)?;
                }
            }
            let count = |table: &str| -> Result<u32> {
                Ok(conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
            };
            Ok(MergeReport {
                received,
                records_changed: changed,
                records_erased: u32::try_from(erased.len()).unwrap_or(u32::MAX),
                disagreements: count("journal_disagreement")?,
                held: count("journal_held")?,
            })
        })
    }

    /// The plan's operations a teammate who holds `known` lacks, with their actors.
    pub(crate) fn shared_since(&self, known: &BTreeSet<(Uuid, i64)>) -> Result<(Vec<SharedActor>, Vec<SharedOp>)> {
        export(self.read(), known)
    }
}
