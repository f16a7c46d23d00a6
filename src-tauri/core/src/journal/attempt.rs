//! Writing rows that SQLite may refuse (a rule, a missing parent) without
//! losing the rest of the action: each refusal is returned for the caller to
//! hold the row back or skip it.
//!
//! A statement per row, each in its own savepoint, would be simplest, but the
//! people's full-text index flushes its pending terms at every statement and
//! savepoint (see `crate::bulk`), and merges its parts as it flushes
//! (`crate::person::deleting_people`): an undo of a 5,000-row import spent
//! 10 s there, of a 100,000-row import minutes. So consecutive rows of one
//! form (inserts into one table, deletes by id from one table) are written
//! by one multi-row statement, a large group of rows in one savepoint, and
//! only a group SQLite refuses is tried again, half by half, down to the
//! rows it refuses.

use super::schema::Table;
use crate::bulk::{MAX_PARAMETERS, statement};
use crate::error::Result;
use rusqlite::Connection;
use rusqlite::types::Value;
use std::collections::HashMap;
use std::rc::Rc;

/// The start and end around the `VALUES` rows of a multi-row statement.
type Together = Rc<(String, String)>;

/// One row's statement and its parameters.
pub(crate) struct RowWrite {
    /// The statement for this row alone.
    sql: Rc<str>,
    values: Vec<Value>,
    /// The start and end around `VALUES` rows of a statement that writes
    /// many such rows at once (`crate::bulk::statement`), if there is one.
    together: Option<Together>,
}

/// Makes [`RowWrite`]s, sharing the text of their statements.
#[derive(Default)]
pub(crate) struct Writes {
    list: Vec<RowWrite>,
    /// People among the rows deleted (`crate::person::deleting_people`).
    people_deleted: usize,
    texts: HashMap<String, Texts>,
    /// The texts of the statements of whole rows, by form and table: built once per table.
    forms: HashMap<&'static str, HashMap<String, Texts>>,
}

/// A row's statement and the multi-row form of it, if any.
type Texts = (Rc<str>, Option<Together>);

impl Writes {
    /// Inserts `values` into `columns` (quoted, comma-separated) of `table`;
    /// a row already there is left as it is when `or_ignore`.
    pub fn insert(&mut self, table: &str, columns: &str, or_ignore: bool, values: Vec<Value>) {
        let verb = if or_ignore { "INSERT OR IGNORE" } else { "INSERT" };
        let start = format!("{verb} INTO \"{table}\" ({columns}) VALUES");
        let sql = statement((&start, ""), 1, values.len());
        self.push(sql, values, Some((start, String::new())));
    }

    /// Inserts a whole row of `table`: `values` of every journalled column.
    pub fn insert_row(&mut self, table: &Table, values: Vec<Value>) {
        let (sql, together) = self.cached("insert", table, || {
            let start = format!("INSERT INTO \"{}\" ({}) VALUES", table.name, table.column_list());
            (statement((&start, ""), 1, table.columns.len()), Some((start, String::new())))
        });
        self.list.push(RowWrite { sql, values, together });
    }

    /// Sets every journalled column of the row of `table` whose key columns
    /// hold `key` to `values`.
    pub fn update_row(&mut self, table: &Table, values: Vec<Value>, key: Vec<Value>) {
        let (sql, together) = self.cached("update", table, || {
            let sets = table.columns.iter().enumerate().map(|(i, c)| format!("\"{c}\" = ?{}", i + 1));
            let sets = sets.collect::<Vec<_>>().join(", ");
            let condition = table.key_condition(table.columns.len() + 1);
            (format!("UPDATE \"{}\" SET {sets} WHERE {condition}", table.name), None)
        });
        self.list.push(RowWrite { sql, values: values.into_iter().chain(key).collect(), together });
    }

    /// Deletes the row of `table` whose key columns hold `key`.
    pub fn delete(&mut self, table: &Table, key: Vec<Value>) {
        if table.name == "person" {
            self.people_deleted += 1;
        }
        let (sql, together) = self.cached("delete", table, || {
            let sql = format!("DELETE FROM \"{}\" WHERE {}", table.name, table.key_condition(1));
            let together = match (table.raw_key, table.key.first()) {
                // Tables keyed by an id: many rows by one `IN (VALUES …)`.
                (true, Some(&column)) => Some((
                    format!("DELETE FROM \"{}\" WHERE \"{}\" IN (VALUES", table.name, table.columns[column]),
                    ")".into(),
                )),
                _ => None,
            };
            (sql, together)
        });
        self.list.push(RowWrite { sql, values: key, together });
    }

    /// The texts of the `form` statement of `table`, made by `make` the first time.
    fn cached(
        &mut self,
        form: &'static str,
        table: &Table,
        make: impl FnOnce() -> (String, Option<(String, String)>),
    ) -> Texts {
        let forms = self.forms.entry(form).or_default();
        if let Some(texts) = forms.get(&table.name) {
            return texts.clone();
        }
        let (sql, together) = make();
        let texts: Texts = (Rc::from(sql.as_str()), together.map(Rc::new));
        forms.insert(table.name.clone(), texts.clone());
        texts
    }

    /// Adds `other`'s writes after these.
    pub fn extend(&mut self, other: Writes) {
        self.list.extend(other.list);
        self.people_deleted += other.people_deleted;
    }

    /// How many writes there are: the position the next one takes.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Tries the write at `index` again, alone; SQLite's refusal, if it refuses.
    pub fn retry(&self, conn: &Connection, index: usize) -> Result<Option<rusqlite::Error>> {
        let write = &self.list[index];
        Ok(attempt(conn, &write.sql, &write.values)?.err())
    }

    /// Any other statement, for this row alone.
    pub fn other(&mut self, sql: String, values: Vec<Value>) {
        self.push(sql, values, None);
    }

    fn push(&mut self, sql: String, values: Vec<Value>, together: Option<(String, String)>) {
        let (sql, together) =
            self.texts.entry(sql).or_insert_with_key(|sql| (Rc::from(sql.as_str()), together.map(Rc::new))).clone();
        self.list.push(RowWrite { sql, values, together });
    }
}

/// Rows tried together in one savepoint at first.
const GROUP: usize = 8192;

/// Runs each write, in order; returns SQLite's refusal of each (`None`: written).
/// A refused write leaves nothing of itself; the others stand.
pub(crate) fn attempt_all(conn: &Connection, writes: &Writes) -> Result<Vec<Option<rusqlite::Error>>> {
    crate::person::deleting_people(conn, writes.people_deleted, || {
        let mut refusals = Vec::with_capacity(writes.list.len());
        for group in writes.list.chunks(GROUP) {
            attempt_group(conn, group, &mut refusals)?;
        }
        Ok(refusals)
    })
}

/// Tries `group` in one savepoint; when SQLite refuses a write of it, tries
/// each half the same way, down to the single rows it refuses.
fn attempt_group(conn: &Connection, group: &[RowWrite], refusals: &mut Vec<Option<rusqlite::Error>>) -> Result<()> {
    if let [write] = group {
        refusals.push(attempt(conn, &write.sql, &write.values)?.err());
        return Ok(());
    }
    conn.prepare_cached("SAVEPOINT journal_rows")?.execute([])?;
    if run_together(conn, group).is_ok() {
        conn.prepare_cached("RELEASE journal_rows")?.execute([])?;
        refusals.extend(group.iter().map(|_| None));
        return Ok(());
    }
    conn.prepare_cached("ROLLBACK TO journal_rows")?.execute([])?;
    conn.prepare_cached("RELEASE journal_rows")?.execute([])?;
    let (first, second) = group.split_at(group.len() / 2);
    attempt_group(conn, first, refusals)?;
    attempt_group(conn, second, refusals)
}

/// Runs `group` in order, consecutive rows of one form in one statement.
fn run_together(conn: &Connection, group: &[RowWrite]) -> rusqlite::Result<()> {
    let mut rest = group;
    while let Some(first) = rest.first() {
        let width = first.values.len().max(1);
        let alike = match &first.together {
            Some(form) => rest
                .iter()
                .take(MAX_PARAMETERS / width)
                .take_while(|w| w.values.len() == first.values.len() && w.together.as_ref() == Some(form))
                .count(),
            None => 1,
        };
        let (run, after) = rest.split_at(alike);
        let values = run.iter().flat_map(|w| w.values.iter());
        match (&first.together, run.len()) {
            (Some(form), rows) if rows > 1 => {
                let sql = statement((&form.0, &form.1), rows, first.values.len());
                conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
            }
            _ => {
                conn.prepare_cached(&first.sql)?.execute(rusqlite::params_from_iter(values))?;
            }
        }
        rest = after;
    }
    Ok(())
}

/// Runs one row's statement in a savepoint: when SQLite refuses it, nothing
/// of it stays and the refusal is returned; the action goes on.
fn attempt<P: rusqlite::ToSql>(
    conn: &Connection,
    sql: &str,
    values: impl IntoIterator<Item = P>,
) -> Result<std::result::Result<usize, rusqlite::Error>> {
    // Cached: preparing a write compiles every trigger and foreign-key action
    // of its table, which costs more than the write itself.
    conn.prepare_cached("SAVEPOINT journal_row")?.execute([])?;
    match conn.prepare_cached(sql).and_then(|mut statement| statement.execute(rusqlite::params_from_iter(values))) {
        Ok(changed) => {
            conn.prepare_cached("RELEASE journal_row")?.execute([])?;
            Ok(Ok(changed))
        }
        Err(refused) => {
            conn.prepare_cached("ROLLBACK TO journal_row")?.execute([])?;
            conn.prepare_cached("RELEASE journal_row")?.execute([])?;
            Ok(Err(refused))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn rows_sqlite_refuses_are_returned_and_every_other_row_is_written() {
        let store = Store::open_in_memory().unwrap();
        let conn = store.read();
        let schema = super::super::schema::Schema::read(conn).unwrap();
        let (_, series) = schema.table("series").unwrap();
        let mut writes = Writes::default();
        let id = |i: u128| Value::Blob(uuid::Uuid::from_u128(i).as_bytes().to_vec());
        // Titles are unique: the third and the seventh repeat the first; a
        // thousand rows make one multi-row statement before SQLite refuses it.
        let titles: Vec<String> =
            (0..1000).map(|i| format!("Series {}", if i == 2 || i == 6 { 0 } else { i })).collect();
        for (i, title) in titles.iter().enumerate() {
            let values = vec![id(i as u128 + 1), Value::Text(title.clone()), Value::Text(String::new())];
            writes.insert("series", "\"id\", \"title\", \"description\"", false, values);
        }
        writes.delete(series, vec![id(4)]);
        let refusals = attempt_all(conn, &writes).unwrap();
        let refused: Vec<usize> = refusals.iter().enumerate().filter(|(_, r)| r.is_some()).map(|(i, _)| i).collect();
        assert_eq!(refused, [2, 6]);
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM series", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 997, "every row but the two refused, less the one deleted");
    }
}
