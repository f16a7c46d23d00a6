//! Records that claim one unique value: two organisations named "IOM" made
//! on two laptops, two series of one title, two heads of one delegation.
//! SQLite writes only one of them; which one must not depend on which laptop
//! merges, or the laptops would drift apart. The record created first (by
//! the clock and actor of its first insert, the same on every laptop) keeps
//! its place; the other is held back on every laptop, even where it was
//! written first, and listed for a person to decide.

use super::attempt::{Writes, attempt_all};
use super::heads::{RowOp, row_ops};
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::vocabulary::ChangeKind;
use rusqlite::Connection;
use rusqlite::types::Value;
use uuid::Uuid;

/// A unique index of a table: its columns with their collations, and the
/// condition of a partial index.
struct Unique {
    columns: Vec<(String, String)>,
    partial: Option<String>,
}

/// The unique indexes of `table` other than its primary key.
fn unique_indexes(conn: &Connection, table: &Table) -> Result<Vec<Unique>> {
    let indexes: Vec<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT l.name, s.sql FROM pragma_index_list(?1) l LEFT JOIN main.sqlite_schema s ON s.name = l.name
             WHERE l.\"unique\" AND l.origin <> 'pk'",
        )?
        .query_map([&table.name], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    for (name, sql) in indexes {
        let columns: Vec<(String, String)> = conn
            .prepare_cached(
                "SELECT name, coll FROM pragma_index_xinfo(?1) WHERE key AND name IS NOT NULL ORDER BY seqno",
            )?
            .query_map([&name], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let partial = sql.and_then(|sql| {
            let at = sql.to_ascii_uppercase().rfind(" WHERE ")?;
            Some(sql[at + " WHERE ".len()..].to_owned())
        });
        if columns.iter().all(|(c, _)| table.position(c).is_some()) {
            found.push(Unique { columns, partial });
        }
    }
    Ok(found)
}

/// The columns SQLite names when it refuses a write for a unique value
/// ("UNIQUE constraint failed: delegation.event_id, delegation.name").
fn refused_columns(refusal: &rusqlite::Error) -> Option<Vec<String>> {
    let text = refusal.to_string();
    let listed = text.split_once("UNIQUE constraint failed: ")?.1;
    Some(listed.split(", ").map(|c| c.rsplit('.').next().unwrap_or(c).trim().to_owned()).collect())
}

/// The rows holding a unique value a row claims too.
#[derive(Debug, Default)]
pub(crate) struct Rivals {
    /// Their keys.
    pub keys: Vec<Vec<u8>>,
    /// The columns of the value: a name, or a delegation and a name.
    pub columns: Vec<String>,
}

/// The rows of `table`, other than `key`, that hold the unique value SQLite
/// refused (`refusal`) to the row `values` (as it would be written).
pub(crate) fn rivals(
    conn: &Connection,
    table: &Table,
    key: &[u8],
    values: &[Value],
    refusal: &rusqlite::Error,
) -> Result<Rivals> {
    let Some(refused) = refused_columns(refusal) else { return Ok(Rivals::default()) };
    matching(conn, table, key, values, |unique| unique.columns.iter().map(|(c, _)| c).eq(refused.iter()))
}

/// The rows of `table`, other than `key`, that hold a name the row `values`
/// claims too (a unique value with text in it, for every row of the table).
pub(crate) fn named_rivals(conn: &Connection, table: &Table, key: &[u8], values: &[Value]) -> Result<Rivals> {
    let named = |unique: &Unique| {
        unique.partial.is_none()
            && unique
                .columns
                .iter()
                .any(|(c, _)| table.position(c).is_some_and(|i| matches!(values[i], Value::Text(_))))
    };
    matching(conn, table, key, values, named)
}

/// The rows holding the value of the first unique index `chosen` picks.
fn matching(
    conn: &Connection,
    table: &Table,
    key: &[u8],
    values: &[Value],
    chosen: impl Fn(&Unique) -> bool,
) -> Result<Rivals> {
    let indexes = unique_indexes(conn, table)?;
    for unique in indexes.iter().filter(|u| chosen(u)) {
        let terms: Vec<String> = unique
            .columns
            .iter()
            .enumerate()
            .map(|(n, (column, collation))| format!("\"{column}\" = ?{} COLLATE \"{collation}\"", n + 1))
            .chain(unique.partial.iter().map(|condition| format!("({condition})")))
            .collect();
        let key_columns: Vec<String> = table.key.iter().map(|&i| format!("\"{}\"", table.columns[i])).collect();
        let sql = format!("SELECT {} FROM \"{}\" WHERE {}", key_columns.join(", "), table.name, terms.join(" AND "));
        let claimed = unique.columns.iter().filter_map(|(column, _)| table.position(column).map(|i| &values[i]));
        let mut statement = conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(claimed))?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            let key_values =
                (0..table.key.len()).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            let rival = super::codec::encode_key(table.raw_key, &key_values.iter().collect::<Vec<_>>());
            if rival != key {
                found.push(rival);
            }
        }
        if !found.is_empty() {
            return Ok(Rivals { keys: found, columns: unique.columns.iter().map(|(c, _)| c.clone()).collect() });
        }
    }
    Ok(Rivals::default())
}

/// When a row was created: the clock and actor of its first insert, the
/// same on every laptop. `None` for a row with no insert received.
pub(crate) fn created(ops: &[RowOp]) -> Option<(i64, Uuid)> {
    ops.iter().filter(|op| op.kind == ChangeKind::Insert).map(|op| (op.hlc, op.actor_id)).min()
}

/// The positions of the columns of `child` that name a row of `parent`.
pub(crate) fn naming_columns(conn: &Connection, child: &Table, parent: &Table) -> Result<Vec<usize>> {
    let columns: Vec<String> = conn
        .prepare_cached("SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?2")?
        .query_map([&child.name, &parent.name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(columns.iter().filter_map(|c| child.position(c)).collect())
}

/// Deletes the row under `key` of `table`, and first every row that names it
/// (the merge holds them back with it, as they are held on the laptops that
/// never wrote it: a link that deleting would only empty must not stay
/// emptied here), unless SQLite refuses; whether it went.
fn remove(conn: &Connection, schema: &Schema, table: &Table, key: &[u8]) -> Result<bool> {
    let Some(key_values) = super::codec::decode_key(table.raw_key, key) else { return Ok(false) };
    if let [id] = key_values.as_slice() {
        for child in &schema.tables {
            for column in naming_columns(conn, child, table)? {
                let keys =
                    child.key.iter().map(|&i| format!("\"{}\"", child.columns[i])).collect::<Vec<_>>().join(", ");
                let sql = format!("SELECT {keys} FROM \"{}\" WHERE \"{}\" = ?1", child.name, child.columns[column]);
                let rows: Vec<Vec<Value>> = conn
                    .prepare_cached(&sql)?
                    .query_map([id], |r| (0..child.key.len()).map(|i| r.get::<_, Value>(i)).collect())?
                    .collect::<rusqlite::Result<_>>()?;
                for row in rows {
                    let child_key = super::codec::encode_key(child.raw_key, &row.iter().collect::<Vec<_>>());
                    remove(conn, schema, child, &child_key)?;
                }
            }
        }
    }
    let mut writes = Writes::default();
    writes.delete(table, key_values);
    Ok(attempt_all(conn, &writes)?.iter().all(Option::is_none))
}

/// Settles a row SQLite refused (`refusal`) the unique values of `values`
/// (the plan's tables are `schema`):
/// created before every rival, it takes them (the rivals are removed here,
/// and returned for the caller to hold back) and `write` tries it again;
/// otherwise it gives way, removed if it is there. Whether it was written,
/// and the rivals that gave way.
pub(crate) fn contest(
    conn: &Connection,
    schema: &Schema,
    table: &Table,
    key: &[u8],
    values: &[Value],
    refusal: &rusqlite::Error,
    write: impl FnOnce() -> Result<bool>,
) -> Result<(bool, Vec<Vec<u8>>)> {
    let found = rivals(conn, table, key, values, refusal)?.keys;
    if found.is_empty() {
        // Nothing holds the value any more (its holder renamed since, in this
        // same merge): nothing to give way to.
        return Ok((write()?, Vec::new()));
    }
    let mine = created(&row_ops(conn, &table.name, key)?);
    let mut first = mine.is_some();
    for rival in &found {
        first &= created(&row_ops(conn, &table.name, rival)?) > mine;
    }
    if !first {
        remove(conn, schema, table, key)?;
        return Ok((false, Vec::new()));
    }
    let mut gave_way = Vec::new();
    for rival in found {
        if remove(conn, schema, table, &rival)? {
            gave_way.push(rival);
        }
    }
    Ok((write()?, gave_way))
}
