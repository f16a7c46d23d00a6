//! Drives the real `roundtable` binary on a fresh plan store, as a script would.
#![allow(dead_code)] // each test file uses its own share of the helpers

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Creates "Regional dialogue" (Bangkok, 21–23 September 2026), the event most tests start from.
pub const REGIONAL_DIALOGUE: [&str; 14] = [
    "event",
    "create",
    "--title",
    "Regional dialogue",
    "--city",
    "Bangkok",
    "--country",
    "TH",
    "--time-zone",
    "Asia/Bangkok",
    "--start",
    "2026-09-21",
    "--end",
    "2026-09-23",
];

/// A plan store in a temporary directory, kept for the test's life.
pub struct Plan {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Plan {
    pub fn new() -> Plan {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("plan.sqlite3");
        Plan { _dir: dir, db }
    }

    /// A plan with one event, "Regional dialogue" (Bangkok, 21–23 September 2026), and its Indonesian delegation.
    pub fn with_event() -> Plan {
        let plan = Plan::new();
        plan.json(&REGIONAL_DIALOGUE);
        plan.json(&["delegation", "add", "--event", "Regional dialogue", "--country", "ID", "--quota", "3"]);
        plan
    }

    pub fn run(&self, args: &[&str]) -> Output {
        roundtable_on(&self.db).args(args).output().expect("runs")
    }

    /// The text output of a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// The JSON output of a command that must succeed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// The JSON error of a command that must fail: non-zero exit, nothing on stdout.
    pub fn fails(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert!(!out.status.success(), "{args:?} succeeded: {}", String::from_utf8_lossy(&out.stdout));
        assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
        serde_json::from_slice(&out.stderr).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

/// The `roundtable` binary on the plan at `db`, keeping the backups it takes
/// in the plan's folder, not in the home folder's app data.
pub fn roundtable_on(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    command.env("XDG_DATA_HOME", db.parent().unwrap()).arg("--db").arg(db);
    command
}

/// A `--json` list: an array of objects that each have an `id`.
pub fn list(value: &Value) -> &Vec<Value> {
    let items = value.as_array().unwrap_or_else(|| panic!("not an array: {value}"));
    for item in items {
        assert!(item["id"].is_string(), "an item without an id: {item}");
    }
    items
}

pub fn id(value: &Value) -> String {
    value["id"].as_str().unwrap_or_else(|| panic!("no id: {value}")).to_owned()
}
