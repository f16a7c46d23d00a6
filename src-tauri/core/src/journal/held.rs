//! Deciding on a record held back because another record has the same name
//! (two organisations "IOM" made on two laptops; [`super::rivals`]): the
//! person merges it into the other, keeps both with another name for it, or
//! lets it go. Each is written as operations like any change, so every
//! laptop reaches the same plan at its next sync.
//!
//! Merging moves what belonged to the held record (held back with it: a
//! delegation, an organiser's role at an event) to the other record, and
//! deletes the held one; what the other already has is not doubled.

use super::codec::{decode_key, encode_key};
use super::disagreement::{DisagreementOption, OptionKind, Rename};
use super::heads::row_ops;
use super::resolve::resolve;
use super::schema::{Schema, Table};
use crate::error::{Error, Result};
use crate::field::Field;
use crate::store::Store;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use rusqlite::types::Value;

/// Inserts `values` into `table`; SQLite's refusal, if it refuses.
fn insert(conn: &Connection, table: &Table, values: &[Value]) -> Result<Option<rusqlite::Error>> {
    let mut writes = super::attempt::Writes::default();
    writes.insert_row(table, values.to_vec());
    Ok(super::attempt::attempt_all(conn, &writes)?.pop().flatten())
}

/// The record a held-back record lost its name to, as the disagreements offer it.
pub(crate) struct HeldRival {
    pub key: Vec<u8>,
    /// The column of the name.
    pub column: String,
    pub option: DisagreementOption,
    pub rename: Rename,
}

/// Who made the row under `key` of `table` (name, organisation) and when: its first insert.
fn maker(conn: &Connection, table: &Table, key: &[u8]) -> Result<(String, String, Option<DateTime<Utc>>)> {
    let Some((hlc, actor)) = super::rivals::created(&row_ops(conn, &table.name, key)?) else {
        return Ok((String::new(), String::new(), None));
    };
    let (name, organisation) = conn
        .prepare_cached("SELECT name, organisation FROM journal_actor WHERE id = ?1")?
        .query_row([actor], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((name, organisation, super::history::clock_time(hlc)))
}

impl Store {
    /// The record that holds the name the held-back row under `key` of
    /// `table` claims, if any.
    pub(crate) fn held_rival(&self, table: &Table, key: &[u8]) -> Result<Option<HeldRival>> {
        let conn = self.read();
        let Some(values) = resolve(conn, table, key)?.values else { return Ok(None) };
        if table.current_row(conn, key)?.is_some() {
            return Ok(None);
        }
        let rivals = super::rivals::named_rivals(conn, table, key, &values)?;
        let (Some(rival), Some((column, name))) = (
            rivals.keys.first(),
            rivals.columns.iter().find_map(|c| match table.position(c).map(|i| &values[i]) {
                Some(Value::Text(name)) => Some((c.clone(), name.clone())),
                _ => None,
            }),
        ) else {
            return Ok(None);
        };
        let fields: Vec<(String, Value)> =
            table.columns.iter().cloned().zip(table.current_row(conn, rival)?.unwrap_or_default()).collect();
        let (who, organisation, at) = maker(conn, table, rival)?;
        let (_, own_organisation, _) = maker(conn, table, key)?;
        let suggested = match own_organisation.is_empty() || name.contains(&own_organisation) {
            true => format!("{name} (2)"),
            false => format!("{name} ({own_organisation})"),
        };
        Ok(Some(HeldRival {
            key: rival.clone(),
            option: DisagreementOption {
                kind: OptionKind::MergeInto,
                value: Some(super::history::label(conn, &fields)?),
                who: super::history::named(who, &organisation),
                at,
            },
            rename: Rename { field: super::history::words(&column), suggested },
            column,
        }))
    }

    /// Merges the held row under `key` of `table` (number `number`) into the
    /// row `into`: the held rows that name it name `into` instead, and it is
    /// deleted.
    pub(crate) fn merge_held_into(&self, number: usize, table: &Table, key: &[u8], into: &[u8]) -> Result<()> {
        let conn = &self.conn;
        let schema: &Schema = &self.journal.schema;
        let (Some(from), Some(to)) = (decode_key(table.raw_key, key), decode_key(table.raw_key, into)) else {
            return Err(Error::invalid(Field::Id, "This record cannot be merged: list the disagreements again"));
        };
        let held: Vec<(String, Vec<u8>)> = conn
            .prepare("SELECT tbl, row FROM journal_held ORDER BY tbl, row")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, child_key) in held {
            let Some((child_number, child)) = schema.table(&name) else { continue };
            let Some(before) = resolve(conn, child, &child_key)?.values else { continue };
            let mut after = before.clone();
            for column in super::rivals::naming_columns(conn, child, table)? {
                if after[column] == from[0] {
                    after[column] = to[0].clone();
                }
            }
            if after == before {
                continue;
            }
            let moved_key = encode_key(child.raw_key, &child.key.iter().map(|&i| &after[i]).collect::<Vec<_>>());
            let refused = insert(conn, child, &after)?.is_some();
            if moved_key == child_key && refused {
                // Still not writable (it breaks another rule): it stays held back.
                continue;
            }
            if moved_key != child_key {
                let mut pending = self.journal.capture.pending();
                if refused {
                    // The other record already has it (an organiser's role): not doubled.
                    pending.forget(child_number, &moved_key);
                }
                pending.force_delete(child_number, child_key.clone(), before);
            }
            super::merge::release_held(conn, &name, &child_key)?;
        }
        let row = resolve(conn, table, key)?.values.unwrap_or_default();
        self.journal.capture.pending().force_delete(number, key.to_vec(), row);
        Ok(())
    }

    /// Keeps the held row under `key` of `table` beside its rival, with
    /// `column` (its name) set to `name`.
    pub(crate) fn keep_held_renamed(&self, table: &Table, key: &[u8], column: &str, name: &str) -> Result<()> {
        let conn = &self.conn;
        let name = name.trim();
        let (Some(index), Some(mut values)) = (table.position(column), resolve(conn, table, key)?.values) else {
            return Err(Error::invalid(Field::Value, "This record cannot be renamed: list the disagreements again"));
        };
        if name.is_empty() {
            return Err(Error::invalid(Field::Value, "Give the record another name to keep both"));
        }
        values[index] = Value::Text(name.to_owned());
        if let Some(refused) = insert(conn, table, &values)? {
            let message = match super::merge::held_reason(&refused) == super::merge::SAME_NAME {
                true => {
                    format!("Another {} is named {name} too: choose another name", super::history::words(&table.name))
                }
                false => format!("It cannot be kept: {refused}"),
            };
            return Err(Error::invalid(Field::Value, message));
        }
        Ok(())
    }
}
