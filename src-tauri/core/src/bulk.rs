//! Writing many rows in few statements.
//!
//! SQLite runs each statement that can fail part-way inside a statement
//! savepoint, and the people's full-text index (FTS5, migration 0002) writes
//! its pending terms to disk at every savepoint. One `INSERT` per imported
//! person therefore made one index segment per person and kept the index
//! merging them: most of the 13 s a 100,000-row import took. Here rows go in
//! as multi-row `VALUES` lists, as many per statement as SQLite binds, so the
//! index collects its terms in memory and writes them in large segments.
//!
//! The same lists serve single-row writes, so the column order of a table is
//! written once, by the caller's `values` function.

use crate::error::Result;
use rusqlite::Connection;
use rusqlite::types::ToSqlOutput;

/// Parameters one statement binds at most (SQLite's `SQLITE_MAX_VARIABLE_NUMBER`).
pub(crate) const MAX_PARAMETERS: usize = 32_766;

/// The start and the end of a statement around its `VALUES` rows.
pub(crate) type Around = (&'static str, &'static str);

/// Runs `{start} (?, …), (?, …), … {end}` over `rows`: `values` gives each
/// row's `N` parameters, in the order the statement names them. An insert is
/// `("INSERT INTO t (a, b) VALUES", "")`; a change of many rows by key is
/// `("UPDATE t SET b = v.column2 FROM (VALUES", ") AS v WHERE t.a = v.column1")`.
pub(crate) fn execute<'a, T: 'a, const N: usize>(
    conn: &Connection,
    around: Around,
    rows: impl IntoIterator<Item = &'a T>,
    values: impl Fn(&'a T) -> rusqlite::Result<[ToSqlOutput<'a>; N]>,
) -> Result<()> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk = rows.by_ref().take(MAX_PARAMETERS / N).map(&values).collect::<rusqlite::Result<Vec<_>>>()?;
        let sql = statement(around, chunk.len(), N);
        conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(chunk.iter().flatten()))?;
    }
    Ok(())
}

/// The statement [`execute`] runs for `rows` rows of `columns` values.
pub(crate) fn statement((start, end): (&str, &str), rows: usize, columns: usize) -> String {
    let tuple = format!("({})", vec!["?"; columns].join(", "));
    format!("{start} {} {end}", vec![tuple.as_str(); rows].join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ToSql;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL)").unwrap();
        conn
    }

    const INSERT: Around = ("INSERT INTO t (a, b) VALUES", "");
    const UPDATE: Around = ("UPDATE t SET b = v.column2 FROM (VALUES", ") AS v WHERE t.a = v.column1");

    fn pair(row: &(i64, String)) -> rusqlite::Result<[ToSqlOutput<'_>; 2]> {
        Ok([row.0.to_sql()?, row.1.to_sql()?])
    }

    #[test]
    fn rows_beyond_one_statements_parameters_are_all_written_and_changed() {
        let conn = table();
        let rows: Vec<(i64, String)> = (0..40_000).map(|i| (i, format!("row {i}"))).collect();
        execute(&conn, INSERT, &rows, pair).unwrap();
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 40_000);
        let changed: Vec<(i64, String)> = (0..20_000).map(|i| (i * 2, format!("even {i}"))).collect();
        execute(&conn, UPDATE, &changed, pair).unwrap();
        let b = |a: i64| conn.query_row("SELECT b FROM t WHERE a = ?1", [a], |r| r.get::<_, String>(0)).unwrap();
        assert_eq!((b(39_998), b(39_999), b(0)), ("even 19999".into(), "row 39999".into(), "even 0".into()));
    }

    #[test]
    fn a_refused_row_fails_its_statement() {
        let conn = table();
        let rows = vec![(1, "one".to_owned()), (1, "again".to_owned())];
        assert!(execute(&conn, INSERT, &rows, pair).is_err());
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 0, "a statement is all or nothing");
    }
}
