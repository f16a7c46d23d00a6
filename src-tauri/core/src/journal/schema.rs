//! Which tables and columns the journal records, read from the plan's own
//! schema, and the capture triggers that watch them.
//!
//! Every planning table is journalled, every column of it, so a column a later
//! migration adds is recorded without anyone remembering to. What is not
//! planning data is named here once: the journal's own tables, the people
//! search index, and the counters triggers keep (an event's delegations, seats
//! and sessions); generated columns (a person's full name, a seat) are
//! computed from journalled ones.
//!
//! The triggers are `TEMP`: they belong to the store's connection, which also
//! holds the `journal_capture` function they call, so another program that
//! opens the file (the sqlite3 shell, a backup reader) writes without them.

use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

/// Tables that are not planning data, by name prefix.
const LOCAL_TABLES: [&str; 3] = ["journal_", "person_search", "sqlite_"];

/// Columns kept by triggers from other rows: derived, so never journalled.
const DERIVED_COLUMNS: [(&str, &str); 3] =
    [("event", "delegation_count"), ("event", "seat_count"), ("event", "session_count")];

/// One journalled table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub name: String,
    /// Its journalled columns, in the table's order.
    pub columns: Vec<String>,
    /// Positions in `columns` of the primary key's columns, in key order.
    pub key: Vec<usize>,
    /// Whether the key is one blob (a UUID), kept as its bytes.
    pub raw_key: bool,
    /// How deep it sits under the tables its foreign keys name (0: none), so
    /// rows are put back parents first.
    pub rank: usize,
    /// The shape of its rows' images ([`super::image::shape_of`]).
    pub shape: i64,
    /// The statement reading one row's journalled values by its key, built once.
    select_row: String,
}

impl Table {
    /// Whether the column at `index` is part of the key.
    pub fn is_key(&self, index: usize) -> bool {
        self.key.contains(&index)
    }

    /// The position of `column` in `columns`.
    pub fn position(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == column)
    }

    /// The journalled columns, quoted, for a `SELECT` or `INSERT`.
    pub fn column_list(&self) -> String {
        self.columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
    }

    /// The journalled values of the row under the journal key `key` as it is
    /// now; `None` when it is gone.
    pub fn current_row(&self, conn: &Connection, key: &[u8]) -> Result<Option<Vec<Value>>> {
        let Some(key) = super::codec::decode_key(self.raw_key, key) else { return Ok(None) };
        let row = conn.prepare_cached(&self.select_row)?.query_row(rusqlite::params_from_iter(key.iter()), |r| {
            (0..self.columns.len()).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
        });
        Ok(row.optional()?)
    }

    /// The row of alias `t` as the image an insert operation keeps, in SQL
    /// (`journal_image`, [`super::image::register`]), for the table numbered
    /// `number`: rows inserted in bulk are recorded by one statement.
    pub fn image_sql(&self, number: usize) -> String {
        let columns: Vec<String> = self.columns.iter().map(|c| format!("t.\"{c}\"")).collect();
        format!("journal_image({number}, {})", columns.join(", "))
    }

    /// `"a" = ?1 AND "b" = ?2` over the key columns, from parameter `first`.
    pub fn key_condition(&self, first: usize) -> String {
        let terms: Vec<String> =
            self.key.iter().enumerate().map(|(n, &i)| format!("\"{}\" = ?{}", self.columns[i], first + n)).collect();
        terms.join(" AND ")
    }
}

/// The journalled tables of a plan, by name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Schema {
    pub tables: Vec<Table>,
}

impl Schema {
    /// Reads the journalled tables and columns from the plan on `conn`.
    pub fn read(conn: &Connection) -> Result<Schema> {
        let names: Vec<String> = conn
            .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tables = Vec::new();
        for name in names.into_iter().filter(|n| !LOCAL_TABLES.iter().any(|p| n.starts_with(p))) {
            // table_xinfo: cid, name, type, notnull, default, pk, hidden (generated columns are hidden).
            let columns: Vec<(String, String, i64, i64)> = conn
                .prepare(&format!("SELECT name, type, pk, hidden FROM pragma_table_xinfo('{name}')"))?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let journalled: Vec<&(String, String, i64, i64)> = columns
                .iter()
                .filter(|(column, _, _, hidden)| *hidden == 0 && !DERIVED_COLUMNS.contains(&(name.as_str(), column)))
                .collect();
            let mut key: Vec<(i64, usize)> =
                journalled.iter().enumerate().filter(|(_, c)| c.2 > 0).map(|(i, c)| (c.2, i)).collect();
            key.sort_unstable();
            let key: Vec<usize> = key.into_iter().map(|(_, i)| i).collect();
            let raw_key = matches!(key.as_slice(), [i] if journalled[*i].1.eq_ignore_ascii_case("BLOB"));
            let parents: Vec<String> = conn
                .prepare(&format!("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('{name}')"))?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let columns: Vec<String> = journalled.iter().map(|c| c.0.clone()).collect();
            let shape = super::image::shape_of(&name, &columns);
            let mut table = Table { columns, name, key, raw_key, rank: 0, shape, select_row: String::new() };
            table.select_row =
                format!("SELECT {} FROM \"{}\" WHERE {}", table.column_list(), table.name, table.key_condition(1));
            tables.push((table, parents));
        }
        // A table sits one below the deepest table it names; a few passes settle it.
        for _ in 0..tables.len() {
            let ranks: Vec<(String, usize)> = tables.iter().map(|(t, _)| (t.name.clone(), t.rank)).collect();
            for (table, parents) in &mut tables {
                let below = ranks.iter().filter(|(n, _)| parents.contains(n) && *n != table.name).map(|(_, r)| r + 1);
                table.rank = below.max().unwrap_or(0);
            }
        }
        Ok(Schema { tables: tables.into_iter().map(|(t, _)| t).collect() })
    }

    /// The rank of the table called `name` (0 when unknown).
    pub fn rank(&self, name: &str) -> usize {
        self.table(name).map_or(0, |(_, t)| t.rank)
    }

    /// The table called `name`, with its number (as the triggers pass it).
    pub fn table(&self, name: &str) -> Option<(usize, &Table)> {
        self.tables.iter().enumerate().find(|(_, t)| t.name == name)
    }

    /// Creates the connection's capture triggers: after every delete and
    /// update of a journalled column, `journal_capture(table, kind, …)` with
    /// the row's journalled values (old ones, then new ones for updates).
    /// A row inserted into a table keyed by an id is only noted in the
    /// temporary table `journal_inserted`, once, in the order first inserted
    /// (its operation is written in bulk
    /// when the action commits, from the row as it is then), and its later
    /// updates and delete in the same action need no capture.
    pub fn create_triggers(&self, conn: &Connection) -> Result<()> {
        let mut sql = String::from(
            "CREATE TEMP TABLE IF NOT EXISTS journal_inserted (row BLOB PRIMARY KEY NOT NULL, tbl INTEGER NOT NULL);",
        );
        for (number, table) in self.tables.iter().enumerate() {
            let values = |row: &str| -> String {
                table.columns.iter().map(|c| format!("{row}.\"{c}\"")).collect::<Vec<_>>().join(", ")
            };
            let name = &table.name;
            let columns = table.column_list();
            let (insert, unless_inserted) = match (table.raw_key, table.key.first()) {
                (true, Some(&key)) => {
                    let key = &table.columns[key];
                    (
                        format!(
                            "INSERT OR IGNORE INTO temp.journal_inserted (row, tbl) VALUES (NEW.\"{key}\", {number})"
                        ),
                        format!("WHEN NOT EXISTS (SELECT 1 FROM temp.journal_inserted WHERE row = OLD.\"{key}\")"),
                    )
                }
                _ => (format!("SELECT journal_capture({number}, 'insert', {})", values("NEW")), String::new()),
            };
            sql.push_str(&format!(
                "DROP TRIGGER IF EXISTS temp.journal_{name}_insert;
                 CREATE TEMP TRIGGER journal_{name}_insert AFTER INSERT ON main.\"{name}\" BEGIN
                     {insert}; END;
                 DROP TRIGGER IF EXISTS temp.journal_{name}_delete;
                 CREATE TEMP TRIGGER journal_{name}_delete AFTER DELETE ON main.\"{name}\" {unless_inserted} BEGIN
                     SELECT journal_capture({number}, 'delete', {old}); END;
                 DROP TRIGGER IF EXISTS temp.journal_{name}_update;
                 CREATE TEMP TRIGGER journal_{name}_update AFTER UPDATE OF {columns} ON main.\"{name}\" {unless_inserted} BEGIN
                     SELECT journal_capture({number}, 'update', {old}, {new}); END;",
                new = values("NEW"),
                old = values("OLD"),
            ));
        }
        conn.execute_batch(&sql)?;
        Ok(())
    }
}

/// Drops the connection's capture triggers: the journal records nothing more
/// on it. Only the benchmark does this, to measure what the journal costs.
#[cfg(feature = "benchmark")]
pub(crate) fn drop_triggers(conn: &Connection) -> Result<()> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE 'journal\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER temp.\"{name}\""))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn every_planning_column_is_journalled_and_derived_ones_are_not() {
        let store = Store::open_in_memory().unwrap();
        let schema = Schema::read(store.read()).unwrap();
        let names: Vec<&str> = schema.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "agenda_day",
                "delegation",
                "event",
                "event_organiser",
                "follow_up",
                "funding",
                "media_contact",
                "organisation",
                "outcome",
                "participant",
                "person",
                "plan_setting",
                "series",
                "session",
                "session_person"
            ]
        );
        // Every column of every planning table, less the derived ones.
        for table in &schema.tables {
            let all: Vec<String> = store
                .read()
                .prepare(&format!("SELECT name FROM pragma_table_xinfo('{}')", table.name))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let left_out: Vec<&String> = all.iter().filter(|c| !table.columns.contains(c)).collect();
            let expected: &[&str] = match table.name.as_str() {
                "event" => &["delegation_count", "seat_count", "session_count"],
                "person" => &["full_name"],
                "participant" => &["holds_seat"],
                _ => &[],
            };
            assert_eq!(left_out, expected, "{}", table.name);
        }
        let (_, organisers) = schema.table("event_organiser").unwrap();
        assert_eq!(organisers.key.len(), 3);
        assert!(!organisers.raw_key);
        assert!(schema.table("participant").unwrap().1.raw_key);
        assert!(!schema.table("plan_setting").unwrap().1.raw_key);
        let rank = |name: &str| schema.rank(name);
        assert!(rank("series") < rank("event") && rank("event") < rank("delegation"));
        assert!(rank("delegation") < rank("participant") && rank("participant") < rank("session_person"));
        assert!(rank("session") < rank("session_person") && rank("person") < rank("participant"));
    }
}
