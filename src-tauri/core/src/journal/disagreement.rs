//! Disagreements: where two organisers changed the same field differently, or
//! one deleted what another edited, and the records a merge holds back. Every
//! laptop lists the same ones and shows the same value meanwhile; a person
//! decides (keep one value, or type another; keep or delete the row), and the
//! decision is an operation naming every value it replaces, so it clears the
//! disagreement on every laptop it reaches.

use super::heads::{OpId, Register, RowOp, heads, row_ops};
use super::resolve::{ROW, resolve, resolve_keeping};
use super::schema::Table;
use crate::error::{Error, Result};
use crate::field::Field;
use crate::store::Store;
use crate::vocabulary::ChangeKind;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use specta::Type;
use uuid::Uuid;

/// What choosing an option does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// Keeps this value (or the record, as edited).
    Keep,
    /// Deletes the record (or lets a held-back record go).
    Delete,
    /// Merges a held-back record into the record of the same name (`value`).
    MergeInto,
}

/// One value a disagreement offers.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct DisagreementOption {
    pub kind: OptionKind,
    /// The value, as shown; `None`: the record deleted. For `MergeInto`, the other record.
    pub value: Option<String>,
    /// Who wrote it, and when.
    pub who: String,
    pub at: Option<DateTime<Utc>>,
}

/// A field (or a record) organisers disagree on, or a record held back.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Disagreement {
    /// Names it for `resolve_disagreement`: table, record key and field.
    pub id: String,
    pub record_kind: String,
    pub record: Option<Uuid>,
    pub record_label: String,
    /// The field; `None` when it is the record itself (deleted against edited, or held back).
    pub field: Option<String>,
    /// What every laptop shows meanwhile; `None`: the record is not shown.
    pub shown: Option<String>,
    /// The values to choose from, the one shown first.
    pub options: Vec<DisagreementOption>,
    /// Why a held-back record could not be written; empty for a disagreement.
    pub held_because: String,
    /// For a record held back because another has the same name: the field
    /// to give it another name in, to keep both, and a name to suggest.
    pub rename: Option<Rename>,
    /// Whether a typed value can decide it: a field that is no link to
    /// another record (a link is one of the options), or a new name.
    pub takes_typed_value: bool,
}

/// Keeping both records of one name, the held-back one renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Rename {
    pub field: String,
    pub suggested: String,
}

/// A person's decision on a disagreement.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// The option at this position (0: the one shown).
    Keep(usize),
    /// A value the person typed.
    Value(String),
}

/// How `column` of `table` is declared.
struct Declared {
    /// Its type, upper-case.
    kind: String,
    not_null: bool,
    /// Whether it has a default (an optional text defaults to ''; a text
    /// a record cannot do without, a title or a name, has none).
    defaulted: bool,
}

fn declared(conn: &rusqlite::Connection, table: &Table, column: &str) -> Result<Declared> {
    let (kind, not_null, defaulted): (String, bool, bool) = conn
        .prepare_cached("SELECT type, \"notnull\", dflt_value IS NOT NULL FROM pragma_table_info(?1) WHERE name = ?2")?
        .query_row([&table.name, column], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(Declared { kind: kind.to_ascii_uppercase(), not_null, defaulted })
}

/// A column declared BLOB holds an id: a link to another record, which a
/// person chooses from the values listed and never types.
const LINK: &str = "BLOB";

/// A value typed for `column` of `table`, as the column takes it: a number
/// for a column declared INTEGER or REAL, text otherwise; never a link, and
/// never nothing where the record needs a value (a title, a name).
fn typed(conn: &rusqlite::Connection, table: &Table, column: &str, text: &str) -> Result<Value> {
    let declared = declared(conn, table, column)?;
    let field = super::history::words(column);
    let trimmed = text.trim();
    let not_one = |what: &str| Error::invalid(Field::Value, format!("The {field} is {what}: \"{text}\" is not one"));
    let number = matches!(declared.kind.as_str(), "INTEGER" | "REAL");
    if trimmed.is_empty() && declared.not_null && (number || !declared.defaulted) {
        return Err(Error::invalid(Field::Value, format!("The {field} needs a value")));
    }
    Ok(match declared.kind.as_str() {
        "INTEGER" if trimmed.is_empty() => Value::Null,
        "INTEGER" => Value::Integer(trimmed.parse().map_err(|_| not_one("a whole number"))?),
        "REAL" => Value::Real(trimmed.parse().map_err(|_| not_one("a number"))?),
        LINK => {
            return Err(Error::invalid(
                Field::Value,
                format!("The {field} is a link to another record: choose one of the values listed"),
            ));
        }
        _ => Value::Text(text.to_owned()),
    })
}

/// Refuses a typed value the row (under `key_values` of `table`) can no
/// longer be read with, as the lists read it (an unknown status, a date
/// that is no date, a number out of range): the action is rolled back.
fn refuse_unreadable(conn: &rusqlite::Connection, table: &Table, key_values: &[Value], text: &str) -> Result<()> {
    if !crate::plan_check::is_read(&table.name) {
        // No list reads it row by row (a plan setting, a table without rowids).
        return Ok(());
    }
    let sql = format!("SELECT rowid FROM \"{}\" WHERE {}", table.name, table.key_condition(1));
    let rowid: i64 = conn.query_row(&sql, rusqlite::params_from_iter(key_values.iter()), |r| r.get(0))?;
    match crate::plan_check::why_unreadable(conn, &table.name, rowid)? {
        Some(reason) => Err(Error::invalid(Field::Value, format!("\"{text}\" cannot be kept: {reason}"))),
        None => Ok(()),
    }
}

/// The id of a disagreement: table, key in hex, field.
fn disagreement_id(table: &str, key: &[u8], column: &str) -> String {
    format!("{table}:{}:{column}", super::codec::hex(key))
}

impl Store {
    /// The disagreements and held-back records of the plan.
    pub fn disagreements(&self) -> Result<Vec<Disagreement>> {
        let conn = self.read();
        let mut found: Vec<(String, Vec<u8>, String, String)> = conn
            .prepare("SELECT tbl, row, col, '' FROM journal_disagreement UNION ALL SELECT tbl, row, '', reason FROM journal_held ORDER BY 1, 2, 3, 4 DESC")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // A record both held back and deleted against edited is listed once, with the reason first.
        found.dedup_by(|a, b| (&a.0, &a.1, &a.2) == (&b.0, &b.1, &b.2));
        let mut listed = Vec::new();
        for (table_name, key, column, reason) in found {
            let Some((_, table)) = self.journal.schema.table(&table_name) else { continue };
            listed.push(self.describe_disagreement(table, &key, &column, reason)?);
        }
        Ok(listed)
    }

    /// The one disagreement (or held-back record) on `column` of the row under `key`, if listed.
    fn disagreement(&self, table: &Table, key: &[u8], column: &str) -> Result<Option<Disagreement>> {
        let conn = self.read();
        let disagreed: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM journal_disagreement WHERE tbl = ?1 AND row = ?2 AND col = ?3)",
            params![table.name, key, column],
            |r| r.get(0),
        )?;
        let held: Option<String> = match column {
            ROW => conn
                .query_row(
                    "SELECT reason FROM journal_held WHERE tbl = ?1 AND row = ?2",
                    params![table.name, key],
                    |r| r.get(0),
                )
                .optional()?,
            _ => None,
        };
        match (disagreed, held) {
            (false, None) => Ok(None),
            (_, reason) => Ok(Some(self.describe_disagreement(table, key, column, reason.unwrap_or_default())?)),
        }
    }

    fn describe_disagreement(&self, table: &Table, key: &[u8], column: &str, reason: String) -> Result<Disagreement> {
        let conn = self.read();
        let ops = row_ops(conn, &table.name, key)?;
        let resolved = resolve(conn, table, key)?;
        let shown_row = resolved.values.clone().or(resolve_keeping(conn, table, key, true)?.values);
        let position = table.position(column);
        let schema = &self.journal.schema;
        let fields: Vec<(String, Value)> = table.columns.iter().cloned().zip(shown_row.unwrap_or_default()).collect();
        let rival = if reason.is_empty() { None } else { self.held_rival(table, key)? };
        let mut options = match &rival {
            Some(rival) => vec![rival.option.clone()],
            None => self.options(table, &ops, column)?.into_iter().map(|(option, _)| option).collect(),
        };
        if !reason.is_empty() && !options.iter().any(|o| o.value.is_none()) {
            // A record held back can always be let go.
            options.push(DisagreementOption { kind: OptionKind::Delete, value: None, who: String::new(), at: None });
        }
        let shown_now = table.current_row(conn, key)?.is_some();
        let takes_typed_value = match (&rival, position) {
            (Some(_), _) => true,
            (None, Some(_)) => declared(conn, table, column)?.kind != LINK,
            (None, None) => false,
        };
        Ok(Disagreement {
            id: disagreement_id(&table.name, key, column),
            record_kind: super::history::words(&table.name),
            record: if table.raw_key { Uuid::from_slice(key).ok() } else { None },
            record_label: super::history::label(conn, &fields)?,
            field: position.map(|_| super::history::words(column)),
            shown: match (&resolved.values, position) {
                (Some(values), Some(i)) => Some(super::history::shown_in(conn, schema, table, column, &values[i])?),
                (Some(_), None) if shown_now => Some("Kept".into()),
                _ => None,
            },
            options,
            held_because: reason,
            takes_typed_value,
            rename: rival.map(|rival| rival.rename),
        })
    }

    /// The heads a person chooses between, the shown one first, each with
    /// the operation it keeps (one per value shown).
    fn options(&self, table: &Table, ops: &[RowOp], column: &str) -> Result<Vec<(DisagreementOption, OpId)>> {
        let conn = self.read();
        let mut heads: Vec<&RowOp> = if column == ROW {
            let mut all: Vec<&RowOp> = Vec::new();
            for register in
                std::iter::once(Register::Existence).chain(table.columns.iter().map(|c| Register::Field(c.as_str())))
            {
                all.extend(heads(ops, register).into_iter().filter_map(|id| ops.iter().find(|op| op.id == id)));
            }
            // The record's own insert stands for "kept" only when nothing else does.
            if all.len() > 1 {
                all.retain(|op| op.kind != ChangeKind::Insert);
            }
            all
        } else {
            heads(ops, Register::Field(column)).into_iter().filter_map(|id| ops.iter().find(|op| op.id == id)).collect()
        };
        heads.sort_by_key(|op| std::cmp::Reverse((op.hlc, op.actor_id)));
        heads.dedup_by_key(|op| op.id);
        let mut options: Vec<(DisagreementOption, OpId)> = Vec::new();
        let mut values_offered: Vec<Option<Value>> = Vec::new();
        for op in heads {
            let (name, organisation): (String, String) =
                conn.query_row("SELECT name, organisation FROM journal_actor WHERE id = ?1", [op.actor_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let (value, offered) = match (op.kind, column) {
                (ChangeKind::Delete, _) => (None, None),
                (ChangeKind::Set, ROW) => {
                    let edited = format!("Edited {}", super::history::words(op.col.as_deref().unwrap_or_default()));
                    (Some(edited.clone()), Some(Value::Text(edited)))
                }
                _ => match super::resolve::value_in(op, column) {
                    Some(v) => {
                        (Some(super::history::shown_in(conn, &self.journal.schema, table, column, &v)?), Some(v))
                    }
                    None => (None, None),
                },
            };
            // Two heads of one value are one option.
            if values_offered.contains(&offered) {
                continue;
            }
            values_offered.push(offered);
            let option = DisagreementOption {
                kind: if value.is_some() { OptionKind::Keep } else { OptionKind::Delete },
                value,
                who: super::history::named(name, &organisation),
                at: super::history::clock_time(op.hlc),
            };
            options.push((option, op.id));
        }
        Ok(options)
    }

    /// Decides a disagreement: the value kept (or typed) is written over every
    /// value it names, and reaches every laptop at its next sync. A record
    /// held back for its name is merged into the other record of that name
    /// (`Keep` of the `MergeInto` option), kept renamed (`Value`: its new
    /// name) or let go.
    pub fn resolve_disagreement(&mut self, id: &str, decision: &Decision) -> Result<()> {
        let unknown = || Error::invalid(Field::Id, format!("No disagreement {id}: list them again"));
        let mut parts = id.splitn(3, ':');
        let (Some(table_name), Some(hex), Some(column)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(unknown());
        };
        let key = super::codec::unhex(hex).ok_or_else(unknown)?;
        let (number, table) = self.journal.schema.table(table_name).ok_or_else(unknown)?;
        let table = table.clone();
        let listed = self.disagreement(&table, &key, column)?.ok_or_else(unknown)?;
        self.transaction(|store| {
            let conn = &store.conn;
            let key_values = super::codec::decode_key(table.raw_key, &key).ok_or_else(unknown)?;
            match (table.position(column), decision) {
                (Some(index), decision) => {
                    let value = match decision {
                        Decision::Value(text) => typed(conn, &table, column, text)?,
                        Decision::Keep(n) => {
                            // The operation of the option chosen: its value, not what the option shows.
                            let ops = row_ops(conn, &table.name, &key)?;
                            let (_, chosen) = *store.options(&table, &ops, column)?.get(*n).ok_or_else(unknown)?;
                            let head = ops.iter().find(|op| op.id == chosen).ok_or_else(unknown)?;
                            super::resolve::value_in(head, column).unwrap_or(Value::Null)
                        }
                    };
                    let sql =
                        format!("UPDATE \"{}\" SET \"{column}\" = ?1 WHERE {}", table.name, table.key_condition(2));
                    let written = conn
                        .execute(&sql, rusqlite::params_from_iter(std::iter::once(&value).chain(key_values.iter())));
                    match (decision, written) {
                        (Decision::Value(text), Err(refused @ rusqlite::Error::SqliteFailure(..))) => {
                            let reason = super::merge::held_reason(&refused);
                            return Err(Error::invalid(Field::Value, format!("\"{text}\" cannot be kept: {reason}")));
                        }
                        (_, written) => written?,
                    };
                    if let Decision::Value(text) = decision {
                        refuse_unreadable(conn, &table, &key_values, text)?;
                    }
                    let now = table.current_row(conn, &key)?.ok_or_else(unknown)?;
                    store.journal.capture.pending().force_column(number, key.clone(), now, index);
                }
                (None, Decision::Keep(n)) if listed.options.get(*n).map(|o| o.kind) == Some(OptionKind::MergeInto) => {
                    let rival = store.held_rival(&table, &key)?.ok_or_else(unknown)?;
                    store.merge_held_into(number, &table, &key, &rival.key)?;
                }
                (None, Decision::Value(name)) if listed.rename.is_some() => {
                    let rival = store.held_rival(&table, &key)?.ok_or_else(unknown)?;
                    store.keep_held_renamed(&table, &key, &rival.column, name)?;
                }
                (None, Decision::Keep(n)) => {
                    let chosen = listed.options.get(*n).ok_or_else(unknown)?;
                    if chosen.value.is_none() {
                        let sql = format!("DELETE FROM \"{}\" WHERE {}", table.name, table.key_condition(1));
                        if conn.execute(&sql, rusqlite::params_from_iter(key_values.iter()))? == 0 {
                            // Already not shown: the delete is written again over the edits.
                            let row = resolve_keeping(conn, &table, &key, true)?.values.ok_or_else(unknown)?;
                            store.journal.capture.pending().force_delete(number, key.clone(), row);
                        }
                    } else {
                        let row = resolve_keeping(conn, &table, &key, true)?.values.ok_or_else(unknown)?;
                        if table.current_row(conn, &key)?.is_none() {
                            let slots = (1..=row.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ");
                            let sql =
                                format!("INSERT INTO \"{}\" ({}) VALUES ({slots})", table.name, table.column_list());
                            conn.execute(&sql, rusqlite::params_from_iter(row.iter()))?;
                        }
                        store.journal.capture.pending().force_insert(number, key.clone(), row);
                    }
                }
                (None, Decision::Value(_)) => {
                    return Err(Error::invalid(
                        Field::Value,
                        "Choose to keep or delete the record: it has no value to type",
                    ));
                }
            }
            super::merge::release_held(conn, &table.name, &key)?;
            Ok(())
        })?;
        // What was held back with the record (its delegations, say) may be written now.
        self.merge(&[], &[])?;
        Ok(())
    }
}
