//! Whether a plan file is sound, and what the app does when part of it is not.
//!
//! A plan can be damaged from outside the app: a disk or a copy that flips
//! bytes, another program that edits the file. Two kinds of damage matter:
//! - damaged pages, which SQLite's `quick_check` finds; the window runs it in
//!   the background after its first paint (start-up stays fast) and warns;
//! - a damaged row: a value no version of the app writes (an unknown status,
//!   a date that is no date, text that is not UTF-8). Lists and exports leave
//!   such a row out instead of failing as a whole ([`SkipDamaged`]), and the check
//!   names each one, read by the same functions the lists use.

use crate::countries::CountryNames;
use crate::error::Result;
use crate::{Store, agenda, delegation, event, funding, media, organisation, outcome, participant, person, series};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

/// At most this many of `quick_check`'s lines are kept: past a few, more say nothing new.
const MAX_PROBLEMS: usize = 20;

/// What the check found. A sound plan has both lists empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanCheck {
    /// `quick_check`'s findings: damaged pages, indexes that no longer match
    /// their tables, values breaking the schema's constraints.
    pub integrity_problems: Vec<String>,
    /// The rows lists and exports leave out because they cannot be read.
    pub damaged_rows: Vec<DamagedRow>,
}

impl PlanCheck {
    pub fn is_sound(&self) -> bool {
        self.integrity_problems.is_empty() && self.damaged_rows.is_empty()
    }
}

/// One row that cannot be read, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DamagedRow {
    /// What the row is, for the organiser: "participant", "session"…
    pub record: String,
    /// SQLite's row number in its table, to find it again (a number within
    /// JavaScript's safe integers: rowids of a plan stay far below 2^53).
    #[specta(type = f64)]
    pub row: i64,
    /// The event the row belongs to, when it belongs to one and the event can be read.
    pub event_title: Option<String>,
    pub reason: String,
}

/// A table and how the app reads its rows: `select` names each row's
/// `damaged_rowid` and its `event_id` (NULL for rows of no event).
struct Readable {
    table: &'static str,
    record: &'static str,
    select: &'static str,
    read: fn(&Row<'_>) -> rusqlite::Result<()>,
}

/// Every table whose rows a list or an export reads, with the function that reads them.
const TABLES: [Readable; 13] = [
    Readable {
        table: "series",
        record: "series",
        select: "SELECT rowid AS damaged_rowid, NULL AS event_id, * FROM series",
        read: |r| series::from_row(r).map(drop),
    },
    Readable {
        table: "event",
        record: "event",
        select: "SELECT rowid AS damaged_rowid, id AS event_id, * FROM event",
        read: |r| event::from_row(r).map(drop),
    },
    Readable {
        table: "organisation",
        record: "organisation",
        select: "SELECT rowid AS damaged_rowid, NULL AS event_id, * FROM organisation",
        read: |r| organisation::from_row(r).map(drop),
    },
    Readable {
        table: "funding",
        record: "funding",
        select: "SELECT f.rowid AS damaged_rowid, f.*, o.name AS funder_name
                 FROM funding f LEFT JOIN organisation o ON o.id = f.funder_id",
        read: |r| funding::from_row(r).map(drop),
    },
    Readable {
        table: "delegation",
        record: "delegation",
        select: "SELECT rowid AS damaged_rowid, * FROM delegation",
        read: |r| delegation::from_row(r).map(drop),
    },
    Readable {
        table: "person",
        record: "person",
        select: "SELECT rowid AS damaged_rowid, NULL AS event_id, * FROM person",
        read: |r| person::from_row(r).map(drop),
    },
    Readable {
        table: "participant",
        record: "participant",
        select: "SELECT rowid AS damaged_rowid, * FROM participant",
        read: |r| participant::from_row(r).map(drop),
    },
    Readable {
        table: "agenda_day",
        record: "agenda day",
        select: "SELECT rowid AS damaged_rowid, * FROM agenda_day",
        read: |r| agenda::day_from_row(r).map(drop),
    },
    Readable {
        table: "session",
        record: "session",
        select: "SELECT s.rowid AS damaged_rowid, s.*, d.date FROM session s LEFT JOIN agenda_day d ON d.id = s.day_id",
        read: |r| agenda::session_from_row(r).map(drop),
    },
    Readable {
        table: "session_person",
        record: "speaker or chair of a session",
        select: "SELECT sp.rowid AS damaged_rowid, s.event_id, sp.*
                 FROM session_person sp LEFT JOIN session s ON s.id = sp.session_id",
        read: |r| r.get::<_, crate::SessionRole>("role").map(drop),
    },
    Readable {
        table: "media_contact",
        record: "media contact",
        select: "SELECT rowid AS damaged_rowid, * FROM media_contact",
        read: |r| media::from_row(r).map(drop),
    },
    Readable {
        table: "outcome",
        record: "outcome",
        select: "SELECT rowid AS damaged_rowid, * FROM outcome",
        read: |r| outcome::outcome_from_row(CountryNames::Un, r).map(drop),
    },
    Readable {
        table: "follow_up",
        record: "follow-up action",
        select: "SELECT rowid AS damaged_rowid, * FROM follow_up",
        read: |r| outcome::follow_up_from_row(r).map(drop),
    },
];

/// Whether `error` is about one row's values (the row is damaged), not about
/// the file or the query (which must fail the whole read).
fn is_damaged_value(error: &rusqlite::Error) -> bool {
    use rusqlite::Error::{FromSqlConversionFailure, IntegralValueOutOfRange, InvalidColumnType, Utf8Error};
    matches!(error, FromSqlConversionFailure(..) | IntegralValueOutOfRange(..) | Utf8Error(..) | InvalidColumnType(..))
}

/// Collects the rows a query read, leaving out each damaged row; any other
/// failure fails the whole read. Lists and exports read through it.
pub(crate) trait SkipDamaged<T>: Iterator<Item = rusqlite::Result<T>> + Sized {
    fn skip_damaged<C: FromIterator<T>>(self) -> rusqlite::Result<C> {
        self.filter(|row| !matches!(row, Err(error) if is_damaged_value(error))).collect()
    }
}

impl<T, I: Iterator<Item = rusqlite::Result<T>>> SkipDamaged<T> for I {}

impl Store {
    /// Checks the plan's pages and reads every row as the lists do. It only
    /// reads: run it on a reader beside the writer ([`Store::open_reader`]).
    pub fn check_plan(&self) -> Result<PlanCheck> {
        let conn = self.read();
        let mut integrity_problems = Vec::new();
        {
            let mut stmt = conn.prepare(&format!("PRAGMA quick_check({MAX_PROBLEMS})"))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let line: String = row.get(0)?;
                if line != "ok" {
                    integrity_problems.push(line);
                }
            }
        }
        let mut damaged_rows = Vec::new();
        for table in &TABLES {
            damaged_rows.extend(damaged_rows_of(conn, table)?);
        }
        Ok(PlanCheck { integrity_problems, damaged_rows })
    }
}

/// Whether a list reads the rows of the table called `table` (each one by its rowid).
pub(crate) fn is_read(table: &str) -> bool {
    TABLES.iter().any(|t| t.table == table)
}

/// Why the row `rowid` of the table called `table` cannot be read as the
/// lists read it; `None` when it reads (or its table is not read by a list).
pub(crate) fn why_unreadable(conn: &Connection, table: &str, rowid: i64) -> Result<Option<String>> {
    let Some(readable) = TABLES.iter().find(|t| t.table == table) else { return Ok(None) };
    Ok(damaged_rows_where(conn, readable, &format!("WHERE t.damaged_rowid = {rowid}"))?.pop().map(|row| row.reason))
}

fn damaged_rows_of(conn: &Connection, table: &Readable) -> Result<Vec<DamagedRow>> {
    damaged_rows_where(conn, table, "")
}

/// The damaged rows of `table` that `filter` (a `WHERE` on the rows `t`) keeps.
fn damaged_rows_where(conn: &Connection, table: &Readable, filter: &str) -> Result<Vec<DamagedRow>> {
    let sql = format!(
        "SELECT t.*, e.title AS damaged_event_title FROM ({}) t LEFT JOIN event e ON e.id = t.event_id {filter}",
        table.select
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut damaged = Vec::new();
    while let Some(row) = rows.next()? {
        let Err(error) = (table.read)(row) else { continue };
        if !is_damaged_value(&error) {
            return Err(error.into());
        }
        damaged.push(DamagedRow {
            record: table.record.to_owned(),
            row: row.get("damaged_rowid")?,
            event_title: row.get("damaged_event_title").ok().flatten(),
            reason: reason(&error),
        });
    }
    Ok(damaged)
}

/// The error in words, without rusqlite's column numbers.
fn reason(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::FromSqlConversionFailure(_, _, cause) => cause.to_string(),
        rusqlite::Error::Utf8Error(..) => "a text that is not valid UTF-8".to_owned(),
        rusqlite::Error::IntegralValueOutOfRange(_, value) => format!("the number {value} is out of range"),
        rusqlite::Error::InvalidColumnType(_, column, found) => format!("{column} holds a value of type {found}"),
        other => other.to_string(),
    }
}
