//! What a file is, found out before anything is written to it: a plan of
//! this version or an older one (opened and brought up to date), a new plan
//! (a file the app has just created), or something else, refused untouched
//! with a message that says what it is: an empty file, another program's
//! database, a file that is no database at all, or a plan written by a newer
//! version of the app (naming both versions).
//!
//! A plan carries SQLite's `application_id` [`APPLICATION_ID`] (set on every
//! open, so a plan written before it existed gains it); one without it is
//! known by its tables.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// "RTP1" in SQLite's `application_id` header field.
pub const APPLICATION_ID: i32 = 0x5254_5031;

/// Tables every plan has had since version 1.
const PLAN_TABLES: [&str; 4] = ["event", "delegation", "participant", "agenda_day"];

/// Whether `conn` (just opened on `path`, nothing written yet) holds a plan
/// this app can open. `created` is true when the app has just made the file.
pub fn check(conn: &Connection, path: &Path, created: bool, latest: usize) -> Result<()> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let refused = |what: String| Error::PlanFile { message: what };
    let header = |pragma: &str| conn.query_row(&format!("PRAGMA {pragma}"), [], |r| r.get::<_, i64>(0));
    let (application_id, version) = match (header("application_id"), header("user_version")) {
        (Ok(id), Ok(version)) => (id, version),
        _ => return Err(refused(format!("{name} is not a Roundtable Planner plan: it is not a database file"))),
    };
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|_| refused(format!("{name} is not a Roundtable Planner plan: it is not a database file")))?;
    let plan_tables: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN (?1, ?2, ?3, ?4)",
        PLAN_TABLES,
        |r| r.get(0),
    )?;
    let ours = application_id == i64::from(APPLICATION_ID)
        || (application_id == 0 && version > 0 && plan_tables == PLAN_TABLES.len() as i64);
    if ours {
        let latest = latest as i64;
        if version > latest {
            return Err(refused(format!(
                "{name} was saved by a newer version of Roundtable Planner (plan version {version}; this version \
                 opens plans up to version {latest}). Open it with the newer version, or update this one."
            )));
        }
        return Ok(());
    }
    match (tables, application_id) {
        (0, 0) if created => Ok(()),
        (0, 0) => Err(refused(format!("{name} is empty: it is not a Roundtable Planner plan"))),
        _ => Err(refused(format!(
            "{name} is another program's database, not a Roundtable Planner plan; it was left as it is"
        ))),
    }
}

impl crate::Store {
    /// Writes a copy of the plan to `to` (*Save a copy…*), whole or not at
    /// all; the plan itself stays the open one.
    pub fn save_copy(&self, to: &Path) -> Result<()> {
        let same = |a: &Path| std::fs::canonicalize(a).ok();
        if self.path().is_some_and(|own| same(own).is_some() && same(own) == same(to)) {
            return Err(Error::invalid(
                crate::Field::Path,
                "This is the open plan's own file; choose another name for the copy",
            ));
        }
        crate::backup::copy_plan_into_place(&self.conn, to)
    }
}
