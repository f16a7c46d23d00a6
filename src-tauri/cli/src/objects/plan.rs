//! `roundtable plan …`: settings of the whole plan. The retention setting
//! erases the personal data of events that ended more than N months ago,
//! at once and every time the plan is opened; it is off unless set.

use crate::run::{Outcome, output};
use clap::Subcommand;
use roundtable_core::Store;

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
}

pub fn run(store: &mut Store, command: &PlanCommand, json: bool) -> Outcome {
    let PlanCommand::Retention { months, off } = command;
    let report = match (months, off) {
        (Some(months), _) => store.set_retention_months(Some(*months))?,
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
