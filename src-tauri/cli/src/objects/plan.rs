//! `roundtable plan …`: the whole plan's settings and health. The retention
//! setting erases the personal data of events that ended more than N months
//! ago, at once and every time the plan is opened; it is off unless set.
//! `plan check` is the window's check after start-up: damaged pages, and the
//! damaged rows lists and exports leave out.

use crate::run::{Outcome, error, output};
use clap::Subcommand;
use roundtable_core::{ErrorKind, PlanCheck, Store};

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Show or set how long personal data of past events is kept (erased that many months after an event ends).
    ///
    /// Example: roundtable plan retention --months 24
    Retention {
        /// Keep personal data this many months after an event ends; older events' data is erased now and on every open.
        #[arg(long, conflicts_with = "off")]
        months: Option<u32>,
        /// Keep personal data until it is erased by hand (the default).
        #[arg(long)]
        off: bool,
    },
    /// Check the plan file: SQLite's quick check, and every row read as the lists read it. Exits 1 when damaged.
    ///
    /// Example: roundtable plan check
    Check,
}

pub fn run(store: &mut Store, command: &PlanCommand, json: bool) -> Outcome {
    match command {
        PlanCommand::Retention { months, off } => retention(store, *months, *off, json),
        PlanCommand::Check => check(store, json),
    }
}

fn retention(store: &mut Store, months: Option<u32>, off: bool, json: bool) -> Outcome {
    let report = match (months, off) {
        (Some(months), _) => store.set_retention_months(Some(months))?,
        (None, true) => store.set_retention_months(None)?,
        (None, false) => None,
    };
    let current = store.retention_months()?;
    let shown = serde_json::json!({ "id": "retention", "months": current, "applied": report });
    output(json, &shown, || {
        let setting = match current {
            Some(months) => format!("Personal data is erased {months} month(s) after an event ends."),
            None => "Personal data is kept until it is erased by hand (retention is off).".to_owned(),
        };
        match report {
            Some(r) => format!(
                "{setting} Erased now: {} person(s), logistics of {} seat(s).",
                r.people_erased, r.seats_cleared
            ),
            None => setting,
        }
    })
}

fn check(store: &Store, json: bool) -> Outcome {
    let check = store.check_plan()?;
    if check.is_sound() {
        let shown = serde_json::json!({ "id": "check", "sound": true });
        return output(json, &shown, || "The plan is sound: no damaged pages or rows.".to_owned());
    }
    Err(error(ErrorKind::PlanFile, damage_described(&check)))
}

/// What is damaged, one line each, and what to do.
fn damage_described(check: &PlanCheck) -> String {
    let mut lines = vec!["The plan is damaged.".to_owned()];
    lines.extend(check.integrity_problems.iter().map(|p| format!("- SQLite's check: {p}")));
    lines.extend(check.damaged_rows.iter().map(|r| {
        let event = r.event_title.as_deref().map(|t| format!(" of {t}")).unwrap_or_default();
        format!(
            "- a {}{event} (row {}) cannot be read and is left out of lists and exports: {}",
            r.record, r.row, r.reason
        )
    }));
    lines.push(
        "Restore a backup from before the damage (roundtable backup list, then backup restore --into NEW_FILE), \
         or keep working: what can be read is shown."
            .to_owned(),
    );
    lines.join("\n")
}
