//! The plan's settings: one text value per key in `plan_setting`, a planning
//! table like the others, so the change journal records each setting and a
//! team folder brings every copy of the plan to the same. No row: the default.

use crate::error::Result;
use rusqlite::{Connection, OptionalExtension};

/// The value of the setting `key`, if it was ever set.
pub(crate) fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM plan_setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Sets `key` to `value` (in the caller's write).
pub(crate) fn write(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO plan_setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// Takes `key` back to its default (in the caller's write).
pub(crate) fn clear(conn: &Connection, key: &str) -> Result<()> {
    conn.execute("DELETE FROM plan_setting WHERE key = ?1", [key])?;
    Ok(())
}
