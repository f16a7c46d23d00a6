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

/// Where the backup's copy is kept beside `plan` while it is restored.
fn copy_beside(plan: &Path) -> Copy {
    let name = plan.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    Copy(plan.with_file_name(format!(".{name}.restoring")))
}

/// Removes a copy a restore killed midway left beside `plan` (it holds the
/// backup's personal data): called when the plan opens.
pub(crate) fn remove_leftover_copy(plan: &Path) {
    copy_beside(plan).clear();
}

/// Copies the backup on `source` beside `plan`, at the current schema.
fn migrated_copy(source: &Connection, plan: &Path) -> Result<Copy> {
    let copy = copy_beside(plan);
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
/// (inserts, changes, deletes). A row whose personal data was erased since
/// the backup keeps its erased values: the backup's would come back as a
/// new change, over the erasure, on every laptop.
fn statements(table: &Table) -> (String, String, String) {
    let (name, columns) = (&table.name, table.column_list());
    let not_erased = match (table.raw_key, table.key.first()) {
        (true, Some(&key)) => format!(
            "AND r.\"{}\" NOT IN (SELECT row FROM main.journal_erased WHERE tbl = '{name}')",
            table.columns[key]
        ),
        _ => String::new(),
    };
    let insert = format!(
        "INSERT INTO main.\"{name}\" ({columns}) SELECT {columns} FROM restored.\"{name}\" r
         WHERE NOT EXISTS (SELECT 1 FROM main.\"{name}\" m WHERE {}) {not_erased}",
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
            "UPDATE main.\"{name}\" SET {} FROM restored.\"{name}\" r WHERE {} AND ({}) {not_erased}",
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
            // What goes first, children first (a name it held is free again),
            // then what comes back and what changed, parents first.
            let people_going: i64 = conn.query_row(
                "SELECT COUNT(*) FROM main.person p WHERE NOT EXISTS (SELECT 1 FROM restored.person r WHERE r.id = p.id)",
                [],
                |r| r.get(0),
            )?;
            crate::person::deleting_people(conn, usize::try_from(people_going).unwrap_or(0), || {
                for (_, _, delete) in statements.iter().rev() {
                    conn.execute(delete, [])?;
                }
                Ok(())
            })?;
            for (insert, change, _) in &statements {
                conn.execute(insert, [])?;
                if !change.is_empty() {
                    conn.execute(change, [])?;
                }
            }
            Ok(())
        });
        self.conn.execute("DETACH DATABASE restored", [])?;
        restored
    }
}
