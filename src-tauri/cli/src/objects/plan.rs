//! `roundtable plan …`: the whole plan's settings and health. `plan
//! country-names` chooses the UN's or ISO's names for countries, `plan
//! visa-weeks` how early a visa letter still needed is a problem. The retention
//! setting erases the personal data of events that ended more than N months
//! ago, at once and every time the plan is opened; it is off unless set.
//! `plan check` is the window's check after start-up: damaged pages, and the
//! damaged rows lists and exports leave out. `plan search` is Home's search
//! across the plan, `plan copy` the File menu's Save a copy…, `plan id` the id
//! every copy of the plan shares, `plan compact` what a sync does to keep the
//! change journal from growing without bound.

use crate::render::table;
use crate::run::{Outcome, error, output};
use clap::Subcommand;
use roundtable_core::countries::CountryNames;
use roundtable_core::shown;
use roundtable_core::{ErrorKind, PlanCheck, PlanSearch, Store};
use serde_json::json;
use std::path::PathBuf;

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
        /// With --months: list what that setting would erase, and change nothing.
        #[arg(long, requires = "months")]
        preview: bool,
    },
    /// Show or set how the plan names countries in every list and document: the UN's short names or ISO's.
    ///
    /// Example: roundtable plan country-names iso
    CountryNames {
        /// `un` ("Bolivia (Plurinational State of)", the default) or `iso` ("Bolivia, Plurinational State of").
        #[arg(value_parser = ["un", "iso"])]
        names: Option<String>,
    },
    /// Show or set how many weeks before an arrival a visa letter still needed is a problem in the readiness.
    ///
    /// Example: roundtable plan visa-weeks 8
    VisaWeeks {
        /// 1 to 52 weeks (6 unless set).
        weeks: Option<u32>,
    },
    /// Find events, people and sessions across the whole plan, as Home's search does (case and accents aside).
    ///
    /// Example: roundtable plan search nguyen
    Search {
        /// Part of an event's title or city, a person's name, e-mail or organisation, or a session's title.
        text: String,
        /// At most this many events, this many people and this many sessions.
        #[arg(long, default_value_t = 10)]
        limit: u32,
    },
    /// Save a copy of the plan as another plan file; the plan itself stays where it is.
    ///
    /// Example: roundtable plan copy ~/Documents/bangkok-dialogue-draft.rtplan
    Copy {
        /// The new plan file (it must not be the plan itself).
        path: PathBuf,
    },
    /// The plan's id: the same in every copy of the plan and in its team folder.
    ///
    /// Example: roundtable plan id
    Id,
    /// Check the plan file: SQLite's quick check, and every row read as the lists read it. Exits 1 when damaged.
    ///
    /// Example: roundtable plan check
    Check,
    /// Fold away the changes later changes replaced, older than the period history and undo reach back.
    ///
    /// The window and every sync do this on their own; every current value and every disagreement stays.
    ///
    /// Example: roundtable plan compact --older-than-days 30
    Compact {
        /// Fold what was replaced more than this many days ago (history and undo reach no further back).
        #[arg(long, value_name = "DAYS", default_value_t = roundtable_core::HISTORY_DAYS)]
        older_than_days: u32,
    },
}

pub fn run(store: &mut Store, command: &PlanCommand, json: bool) -> Outcome {
    match command {
        PlanCommand::Retention { months: Some(months), preview: true, .. } => retention_preview(store, *months, json),
        PlanCommand::Retention { months, off, .. } => retention(store, *months, *off, json),
        PlanCommand::Check => check(store, json),
        PlanCommand::CountryNames { names } => country_names(store, names.as_deref(), json),
        PlanCommand::VisaWeeks { weeks } => {
            if let Some(weeks) = weeks {
                store.set_visa_letter_weeks(*weeks)?;
            }
            let weeks = store.visa_letter_weeks()?;
            output(json, &json!({ "id": "visa_letter_weeks", "weeks": weeks }), || {
                format!("A visa letter still needed {weeks} week(s) before the arrival is a problem in the readiness.")
            })
        }
        PlanCommand::Compact { older_than_days } => {
            let folded = store.compact_journal(*older_than_days)?;
            let shown = json!({ "id": "journal", "folded": folded, "older_than_days": older_than_days });
            output(json, &shown, || {
                format!("Folded away {folded} change(s) replaced more than {older_than_days} day(s) ago.")
            })
        }
        PlanCommand::Id => {
            let id = store.plan_id()?;
            output(json, &json!({ "id": id }), || id.to_string())
        }
        PlanCommand::Search { text, limit } => search(store, text, *limit, json),
        PlanCommand::Copy { path } => {
            store.save_copy(path)?;
            let shown = json!({ "id": path, "copied": true });
            output(json, &shown, || format!("Saved a copy of the plan as {}.", path.display()))
        }
    }
}

fn country_names(store: &mut Store, names: Option<&str>, json: bool) -> Outcome {
    match names {
        Some("iso") => store.set_country_names(CountryNames::Iso)?,
        Some(_) => store.set_country_names(CountryNames::Un)?,
        None => {}
    }
    let current = store.country_names()?;
    output(json, &json!({ "id": "country_names", "names": current }), || match current {
        CountryNames::Un => {
            "Countries are named as the UN names them (\"Bolivia (Plurinational State of)\").".to_owned()
        }
        CountryNames::Iso => {
            "Countries are named as ISO 3166 names them (\"Bolivia, Plurinational State of\").".to_owned()
        }
    })
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

fn retention_preview(store: &Store, months: u32, json: bool) -> Outcome {
    let preview = store.preview_retention(months, chrono::Utc::now().date_naive())?;
    let shown = json!({ "id": "retention", "preview": preview });
    output(json, &shown, || {
        let mut lines = vec![format!(
            "Keeping personal data {months} month(s) after an event ends would erase now the data of {} person(s) \
             from {} event(s) that ended before {} (nothing was changed):",
            preview.people,
            preview.events.len(),
            shown::date(preview.ended_before)
        )];
        lines.extend(
            preview.events.iter().map(|e| format!("  {}  {} (ended {})", e.id, e.title, shown::date(e.end_date))),
        );
        lines.join("\n")
    })
}

/// Every hit as one list, each with its `id` and `kind`.
fn search(store: &Store, text: &str, limit: u32, json: bool) -> Outcome {
    let found: PlanSearch = store.search_plan(text, limit)?;
    if json {
        let hit = |kind: &str, id: uuid::Uuid, value: serde_json::Value| {
            let mut object = value;
            object["id"] = json!(id);
            object["kind"] = json!(kind);
            object
        };
        let mut hits: Vec<serde_json::Value> = Vec::new();
        hits.extend(found.events.iter().map(|e| hit("event", e.event_id, json!(e))));
        hits.extend(found.people.iter().map(|p| hit("person", p.person_id, json!(p))));
        hits.extend(found.sessions.iter().map(|s| hit("session", s.session_id, json!(s))));
        return output(true, &hits, String::new);
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.extend(found.events.iter().map(|e| {
        vec![
            "event".into(),
            e.event_id.to_string(),
            e.title.clone(),
            format!("{}, {}", e.host_city, shown::date(e.start_date)),
        ]
    }));
    rows.extend(found.people.iter().map(|p| {
        let events: Vec<&str> = p.participations.iter().map(|t| t.event_title.as_str()).collect();
        vec!["person".into(), p.person_id.to_string(), p.full_name.clone(), events.join("; ")]
    }));
    rows.extend(found.sessions.iter().map(|s| {
        let when = format!("{}, {} {}", s.event_title, shown::date(s.date), s.start_time.format("%H:%M"));
        vec!["session".into(), s.session_id.to_string(), s.title.clone(), when]
    }));
    if rows.is_empty() {
        return Ok(format!("Nothing in the plan matches '{}'.", text.trim()));
    }
    Ok(table(&["KIND", "ID", "NAME", "WHERE"], rows))
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
