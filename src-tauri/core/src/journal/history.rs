//! Who changed what and when, read from the journal: a record's history with
//! the earlier values, and the plan's activity by person and day.

use super::image::decode;
use super::schema::{Schema, Table};
use crate::error::Result;
use crate::store::Store;
use crate::vocabulary::{ChangeKind, StepKind};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// One change to one record.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Change {
    /// The operation: its actor's id and its sequence number.
    pub id: String,
    /// When it was made; `None` for what the plan held when the journal began.
    pub at: Option<DateTime<Utc>>,
    /// Who made it: the name, with the organisation in brackets.
    pub who: String,
    pub kind: ChangeKind,
    /// The kind of record, in words ("agenda day").
    pub record_kind: String,
    pub record: Option<Uuid>,
    /// What the record is called ("Bangkok dialogue"), when it has a name.
    pub record_label: String,
    /// The change in words: "Changed quota of delegation Viet Nam", "Added event Bangkok dialogue".
    pub summary: String,
    /// The field changed, in words ("start date"), for a change of one field.
    pub field: Option<String>,
    pub value: Option<String>,
    /// The value it replaced.
    pub earlier: Option<String>,
}

/// Which changes to list: one record's, one person's, one day's; the latest first.
#[derive(Debug, Clone, Default, Deserialize, Type)]
pub struct HistoryFilter {
    pub record: Option<Uuid>,
    /// Part of the name of who made the changes.
    pub who: Option<String>,
    pub day: Option<NaiveDate>,
    /// At most this many (200 when not given).
    pub limit: Option<u32>,
}

/// A table or column name in words.
pub(crate) fn words(name: &str) -> String {
    // A link is named after what it links to: "series", not "series id".
    name.strip_suffix("_id").unwrap_or(name).replace('_', " ")
}

/// A change in words: "Changed quota of delegation Viet Nam", "Deleted session Opening".
fn summarise(kind: ChangeKind, table: &str, label: &str, column: Option<&str>) -> String {
    let record = format!("{} {label}", words(table)).trim().to_owned();
    match (kind, column) {
        (ChangeKind::Set, Some(column)) => format!("Changed {} of {record}", words(column)),
        _ => format!("{} {record}", kind.label()),
    }
}

/// A stored value as a person reads it.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(text) => text.clone(),
        Value::Blob(bytes) => {
            Uuid::from_slice(bytes).map_or_else(|_| format!("{} bytes", bytes.len()), |id| id.to_string())
        }
    }
}

/// A field's value as history and disagreements show it: a link to another
/// record by what that record is called (an event's series by its title),
/// so that no one has to choose between two ids; any other value as it is.
pub(crate) fn shown_in(
    conn: &Connection,
    schema: &Schema,
    table: &Table,
    column: &str,
    value: &Value,
) -> Result<String> {
    let Value::Blob(key) = value else { return Ok(shown(value)) };
    let Some(target) = linked(conn, schema, table, column)? else { return Ok(shown(value)) };
    // A record deleted since is called what it was called last.
    let values = match target.current_row(conn, key)? {
        Some(values) => Some(values),
        None => super::resolve::resolve_keeping(conn, target, key, true)?.values,
    };
    let fields: Vec<(String, Value)> = target.columns.iter().cloned().zip(values.unwrap_or_default()).collect();
    let named = label(conn, &fields)?;
    Ok(if named.is_empty() { shown(value) } else { named })
}

/// The table keyed by an id whose id `column` of `table` holds, by its foreign key.
fn linked<'s>(conn: &Connection, schema: &'s Schema, table: &Table, column: &str) -> Result<Option<&'s Table>> {
    let targets: Vec<(String, Option<String>)> = conn
        .prepare_cached("SELECT \"table\", \"to\" FROM pragma_foreign_key_list(?1) WHERE \"from\" = ?2")?
        .query_map([&table.name, column], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(targets.into_iter().find_map(|(name, to)| {
        let (_, target) = schema.table(&name)?;
        let key = &target.columns[*target.key.first()?];
        (target.raw_key && to.is_none_or(|to| to == *key)).then_some(target)
    }))
}

/// What a record is called, from its fields (a participant by their person's name).
pub(crate) fn label(conn: &Connection, fields: &[(String, Value)]) -> Result<String> {
    let field = |name: &str| fields.iter().find(|(c, _)| c == name).map(|(_, v)| shown(v)).filter(|s| !s.is_empty());
    if let Some(named) = ["title", "name", "summary", "action", "date", "key"].iter().find_map(|c| field(c)) {
        return Ok(named);
    }
    if let Some(family) = field("family_name") {
        return Ok(format!("{} {family}", field("given_name").unwrap_or_default()).trim().to_owned());
    }
    if let Some((_, Value::Blob(person))) = fields.iter().find(|(c, _)| c == "person_id") {
        let name = conn.query_row("SELECT full_name FROM person WHERE id = ?1", [person], |r| r.get(0)).optional()?;
        return Ok(name.unwrap_or_default());
    }
    Ok(String::new())
}

/// The value an operation replaced in `column`: its latest predecessor's (a
/// set's value, or the field in an insert's row).
pub(crate) fn replaced_value(conn: &Connection, op: (i64, i64), column: &str) -> Result<Option<Value>> {
    let pred: Option<(Option<String>, Value)> = conn
        .query_row(
            "SELECT o.col, o.value FROM journal_pred p JOIN journal_op o ON o.actor = p.pred_actor AND o.seq = p.pred_seq
             WHERE p.actor = ?1 AND p.seq = ?2 ORDER BY o.hlc DESC LIMIT 1",
            params![op.0, op.1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match pred {
        Some((Some(_), value)) => Some(value),
        Some((None, row)) => {
            decode(&row).and_then(|fields| fields.into_iter().find(|(c, _)| c == column).map(|(_, v)| v))
        }
        _ => None,
    })
}

/// The fields an insert or delete operation holds, or the record's current ones.
fn fields_of(conn: &Connection, table: &Table, key: &[u8], value: &Value) -> Result<Vec<(String, Value)>> {
    if let Some(fields) = decode(value) {
        return Ok(fields);
    }
    let now = table.current_row(conn, key)?.unwrap_or_default();
    Ok(table.columns.iter().cloned().zip(now).collect())
}

/// A clock reading as a time; `None` for clock 0 (the starting state).
pub(crate) fn clock_time(hlc: i64) -> Option<DateTime<Utc>> {
    (hlc > 0).then(|| DateTime::from_timestamp_millis(hlc >> 16)).flatten()
}

/// An action of `actor` in words: its main change (on the record nearest the
/// top of the plan) and how many more records it touched.
pub(crate) fn summarise_action(conn: &Connection, schema: &Schema, actor: i64, action: i64) -> Result<String> {
    // The first operation on each table, and of those the one nearest the top of the plan.
    let firsts: Vec<(String, i64)> = conn
        .prepare_cached("SELECT tbl, MIN(seq) FROM journal_op WHERE actor = ?1 AND action = ?2 GROUP BY tbl")?
        .query_map(params![actor, action], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(&(_, seq)) = firsts.iter().min_by_key(|(table, seq)| (schema.rank(table), *seq)) else {
        return Ok("Nothing".into());
    };
    let op = super::record::one(conn, actor, seq)?;
    let records: i64 = conn
        .prepare_cached(
            "SELECT COUNT(*) FROM (SELECT DISTINCT tbl, row FROM journal_op WHERE actor = ?1 AND action = ?2)",
        )?
        .query_row(params![actor, action], |r| r.get(0))?;
    let named = match schema.table(&op.table) {
        Some((_, table)) => label(conn, &fields_of(conn, table, &op.key, &op.value)?)?,
        None => String::new(),
    };
    let main = summarise(op.kind, &op.table, &named, op.col.as_deref());
    Ok(match records {
        0 | 1 => main,
        2 => format!("{main} and 1 more record"),
        n => format!("{main} and {} more records", n - 1),
    })
}

/// One user action of the plan's activity.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Activity {
    /// The action: its actor's id and its number.
    pub id: String,
    /// When it was made; `None` for what the plan held when the journal began.
    pub at: Option<DateTime<Utc>>,
    /// Who made it: the name, with the organisation in brackets.
    pub who: String,
    /// An undo or redo of an earlier action (known for this plan file's own actions).
    pub step: Option<StepKind>,
    /// What it did ("Deleted event Bangkok dialogue and 40 more records").
    pub summary: String,
}

/// Who an actor is, in words: the name, with the organisation in brackets.
pub(crate) fn named(name: String, organisation: &str) -> String {
    if organisation.is_empty() { name } else { format!("{name} ({organisation})") }
}

/// The `LIKE` pattern for the organiser asked for, folded as the names are.
fn who_pattern(filter: &HistoryFilter) -> Option<String> {
    filter.who.as_deref().map(|who| crate::store::contains_pattern(&crate::text::fold(who)))
}

/// The clock range of `day` (UTC), or every clock.
fn clock_range(day: Option<NaiveDate>) -> (i64, i64) {
    match day {
        Some(day) => {
            let start = day.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
            (start << 16, (start + 86_400_000) << 16)
        }
        None => (i64::MIN, i64::MAX),
    }
}

impl Store {
    /// The plan's user actions, the latest first: one organiser's (`who`), one day's.
    pub fn activity(&self, filter: &HistoryFilter) -> Result<Vec<Activity>> {
        let conn = self.read();
        let (from, to) = clock_range(filter.day);
        let pattern = who_pattern(filter);
        let mut statement = conn.prepare(
            "SELECT o.actor, o.action, MAX(o.hlc), a.id, a.name, a.organisation, s.kind
             FROM journal_op o JOIN journal_actor a ON a.no = o.actor
             LEFT JOIN journal_action s ON s.actor = o.actor AND s.no = o.action
             WHERE o.hlc >= ?1 AND o.hlc < ?2
               AND (?3 IS NULL OR fold(a.name || ' ' || a.organisation) LIKE ?3 ESCAPE '\\')
             GROUP BY o.actor, o.action ORDER BY MAX(o.hlc) DESC, o.actor, o.action DESC LIMIT ?4",
        )?;
        let mut rows = statement.query(params![from, to, pattern, filter.limit.unwrap_or(200)])?;
        let mut found = Vec::new();
        while let Some(r) = rows.next()? {
            let (actor, action, actor_id): (i64, i64, Uuid) = (r.get(0)?, r.get(1)?, r.get(3)?);
            let step: Option<StepKind> = r.get(6)?;
            found.push(Activity {
                id: format!("{actor_id}:{action}"),
                at: clock_time(r.get(2)?),
                who: named(r.get(4)?, &r.get::<_, String>(5)?),
                step: step.filter(|s| *s != StepKind::Do),
                summary: summarise_action(conn, &self.journal.schema, actor, action)?,
            });
        }
        Ok(found)
    }

    /// Changes to the plan, the latest first: one record's (`record`), one
    /// person's, one day's.
    pub fn history(&self, filter: &HistoryFilter) -> Result<Vec<Change>> {
        let conn = self.read();
        let schema = &self.journal.schema;
        let (from, to) = clock_range(filter.day);
        let who = who_pattern(filter);
        // A record's changes are found by its key (the index); the plan's by scanning.
        let row = if filter.record.is_some() { "o.row = ?1" } else { "?1 IS NULL" };
        let mut statement = conn.prepare(&format!(
            "SELECT a.id, o.seq, o.hlc, a.name, a.organisation, o.kind, o.tbl, o.row, o.col, o.value, o.actor
             FROM journal_op o JOIN journal_actor a ON a.no = o.actor
             WHERE {row} AND o.hlc >= ?2 AND o.hlc < ?3
               AND (?4 IS NULL OR fold(a.name || ' ' || a.organisation) LIKE ?4 ESCAPE '\\')
             ORDER BY o.hlc DESC, o.actor, o.seq DESC LIMIT ?5"
        ))?;
        let limit = filter.limit.unwrap_or(200);
        let mut rows = statement.query(params![filter.record, from, to, who, limit])?;
        let mut changes = Vec::new();
        while let Some(r) = rows.next()? {
            let (actor_id, seq, hlc): (Uuid, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (name, organisation): (String, String) = (r.get(3)?, r.get(4)?);
            let (kind, table_name, key): (ChangeKind, String, Vec<u8>) = (r.get(5)?, r.get(6)?, r.get(7)?);
            let (col, value, actor): (Option<String>, Value, i64) = (r.get(8)?, r.get(9)?, r.get(10)?);
            let Some((_, table)) = schema.table(&table_name) else { continue };
            let record_label = label(conn, &fields_of(conn, table, &key, &value)?)?;
            let (shown_value, earlier) = match (&kind, &col) {
                (ChangeKind::Set, Some(column)) => {
                    let earlier = replaced_value(conn, (actor, seq), column)?;
                    let earlier = earlier.map(|v| shown_in(conn, schema, table, column, &v)).transpose()?;
                    (Some(shown_in(conn, schema, table, column, &value)?), earlier)
                }
                _ => (None, None),
            };
            changes.push(Change {
                id: format!("{actor_id}:{seq}"),
                at: clock_time(hlc),
                who: named(name, &organisation),
                kind,
                record_kind: words(&table_name),
                record: if table.raw_key { Uuid::from_slice(&key).ok() } else { None },
                summary: summarise(kind, &table_name, &record_label, col.as_deref()),
                record_label,
                field: col.as_deref().map(words),
                value: shown_value,
                earlier,
            });
        }
        Ok(changes)
    }
}
