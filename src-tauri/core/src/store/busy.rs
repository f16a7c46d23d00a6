//! When another program holds the plan: how long a write waits for it, and
//! what it is told when it waited that long in vain (who has the plan open,
//! [`crate::holders`]).

use crate::error::Error;
use std::time::Duration;

/// How long a write waits for another writer (the app, a CLI script, an
/// import) before it gives up, unless `ROUNDTABLE_BUSY_TIMEOUT` says otherwise.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// The environment variable giving another busy timeout, in whole seconds
/// (a script that would rather fail soon than wait a minute).
pub const BUSY_TIMEOUT_ENV: &str = "ROUNDTABLE_BUSY_TIMEOUT";

/// The busy timeout of this program: [`BUSY_TIMEOUT`], or [`BUSY_TIMEOUT_ENV`]'s.
pub fn busy_timeout() -> Duration {
    std::env::var(BUSY_TIMEOUT_ENV).ok().and_then(|s| s.trim().parse().ok()).map_or(BUSY_TIMEOUT, Duration::from_secs)
}

/// Turns "database is locked" after the busy timeout into a message that says
/// who holds the plan (the programs whose notes are beside `holders`) and
/// what to do; other errors pass through.
pub(super) fn busy(error: rusqlite::Error, holders: Option<&crate::holders::Notes>) -> Error {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            let holders = holders.map(crate::holders::Notes::others).unwrap_or_default();
            let described: Vec<String> = holders.iter().map(crate::holders::Holder::described).collect();
            let (which, open_in) = match described.as_slice() {
                [] => (" (the Roundtable Planner window, a `roundtable` command or an import)".into(), String::new()),
                open => (String::new(), format!(" Open in: {}.", open.join("; "))),
            };
            let waited = match busy_timeout().as_secs() {
                1 => "1 second".to_owned(),
                seconds => format!("{seconds} seconds"),
            };
            Error::Busy { waited, which, open_in }
        }
        _ => Error::Storage(error),
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::store::Store;
    use rusqlite::Connection;
    use std::time::Duration;

    #[test]
    fn a_write_that_waits_out_the_busy_timeout_names_the_program_holding_the_plan() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("plan.rtplan");
        let mut store = Store::open(&path).unwrap();
        store.holders = crate::holders::Notes::leave_in(&folder.path().join("data"), &path);
        let notes = store.holders.as_ref().unwrap().folder().to_owned();
        // Another program's note (process 1 always runs), and that program holding the write lock.
        let import = crate::holders::Holder {
            program: "`roundtable import participants`".into(),
            process: 1,
            since: chrono::Utc::now(),
        };
        std::fs::write(notes.join("1-0.json"), serde_json::to_vec(&import).unwrap()).unwrap();
        let holding = Connection::open(&path).unwrap();
        holding.execute_batch("BEGIN IMMEDIATE").unwrap();
        store.conn.busy_timeout(Duration::from_millis(50)).unwrap();
        let refused = store.create_series(&crate::series::SeriesInput { title: "MIEUX".into(), ..Default::default() });
        let refused = refused.unwrap_err();
        assert!(matches!(refused, Error::Busy { .. }), "{refused:?}");
        let message = refused.to_string();
        assert!(message.starts_with("The plan is busy: another program has been writing to it for over 60 seconds. Open in: `roundtable import participants` (process 1, since "), "{message}");
        assert!(message.ends_with("Wait for it to finish, then try again."), "{message}");
        holding.execute_batch("ROLLBACK").unwrap();
        store.create_series(&crate::series::SeriesInput { title: "MIEUX".into(), ..Default::default() }).unwrap();
        // This store's own note goes with it.
        assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 2);
        drop(store);
        assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 1);
    }
}
