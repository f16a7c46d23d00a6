//! Restoring a backup as one action: the plan's tables are made what the
//! backup holds by inserts, changes and deletes that the journal records
//! like any change. So the restore is one undo step, shows in history, and
//! reaches teammates at the next sync instead of being merged away by it:
//! their changes since the backup are replaced as a new change of this
//! laptop (each naming what it replaces), and a change made at the same
//! time as the restore is a disagreement, as with any edit.
//!
//! The backup is copied beside the plan (owner-only), brought to the
//! current schema there, attached, compared table by table, and removed.

use super::schema::Table;
use crate::error::{Error, Result};
use crate::store::Store;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The backup's copy beside the plan, removed when dropped.
struct Copy(PathBuf);

impl Copy {
    /// Removes the copy (one left behind by a process killed mid-restore too).
    fn clear(&self) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            std::fs::remove_file(format!("{}{suffix}", self.0.display())).ok();
        }
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Copies the backup on `source` beside `plan`, at the current schema.
fn migrated_copy(source: &Connection, plan: &Path) -> Result<Copy> {
    let name = plan.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let copy = Copy(plan.with_file_name(format!(".{name}.restoring")));
    copy.clear();
    crate::owner_only::create_plan_file(&copy.0)?;
    let mut conn = Connection::open(&copy.0)?;
    rusqlite::backup::Backup::new(source, &mut conn)?.run_to_completion(4096, std::time::Duration::ZERO, None)?;
    crate::text::register(&conn)?;
    crate::store::migrations().to_latest(&mut conn)?;
    Ok(copy)
}

/// `a.k1 = b.k1 AND …` over the key of `table`.
fn same_key(table: &Table, a: &str, b: &str) -> String {
    let terms = table.key.iter().map(|&i| format!("{a}.\"{c}\" = {b}.\"{c}\"", c = table.columns[i]));
    terms.collect::<Vec<_>>().join(" AND ")
}

/// The statements that make `main.<table>` what `restored.<table>` holds:
/// (inserts, changes, deletes).
fn statements(table: &Table) -> (String, String, String) {
    let (name, columns) = (&table.name, table.column_list());
    let insert = format!(
        "INSERT INTO main.\"{name}\" ({columns}) SELECT {columns} FROM restored.\"{name}\" r
         WHERE NOT EXISTS (SELECT 1 FROM main.\"{name}\" m WHERE {})",
        same_key(table, "m", "r")
    );
    let fields: Vec<&String> =
        table.columns.iter().enumerate().filter(|(i, _)| !table.is_key(*i)).map(|(_, c)| c).collect();
    let change = if fields.is_empty() {
        String::new()
    } else {
        let set: Vec<String> = fields.iter().map(|c| format!("\"{c}\" = r.\"{c}\"")).collect();
        let differs: Vec<String> = fields.iter().map(|c| format!("r.\"{c}\" IS NOT \"{name}\".\"{c}\"")).collect();
        format!(
            "UPDATE main.\"{name}\" SET {} FROM restored.\"{name}\" r WHERE {} AND ({})",
            set.join(", "),
            same_key(table, "r", &format!("\"{name}\"")),
            differs.join(" OR ")
        )
    };
    let delete = format!(
        "DELETE FROM main.\"{name}\" WHERE NOT EXISTS (SELECT 1 FROM restored.\"{name}\" r WHERE {})",
        same_key(table, "r", &format!("\"{name}\""))
    );
    (insert, change, delete)
}

impl Store {
    /// Makes the plan what the backup on `source` holds, as one recorded action.
    pub(crate) fn restore_as_action(&mut self, source: &Connection) -> Result<()> {
        let plan = self
            .path()
            .map(Path::to_owned)
            .ok_or_else(|| Error::PlanFile { message: "A plan kept in memory has no backups to restore".into() })?;
        let copy = migrated_copy(source, &plan)?;
        self.conn.execute("ATTACH DATABASE ?1 AS restored", [copy.0.display().to_string()])?;
        let mut tables: Vec<Table> = self.journal.schema.tables.clone();
        tables.sort_by_key(|t| t.rank);
        let restored = self.transaction(|store| {
            let conn = &store.conn;
            let statements: Vec<(String, String, String)> = tables.iter().map(statements).collect();
            // Parents first for what comes back, children first for what goes.
            for (insert, change, _) in &statements {
                conn.execute(insert, [])?;
                if !change.is_empty() {
                    conn.execute(change, [])?;
                }
            }
            for (_, _, delete) in statements.iter().rev() {
                conn.execute(delete, [])?;
            }
            Ok(())
        });
        self.conn.execute("DETACH DATABASE restored", [])?;
        restored
    }
}
