//! `roundtable undo`, `redo`, `history` and `whoami`: the change journal from
//! the command line. Undo and redo take back this plan file's actions one
//! whole action at a time, as the window's Edit menu does (an action of a
//! script counts like one of the window); history lists who changed what;
//! whoami names the organiser teammates see beside each change.

use crate::render::table;
use crate::run::{Outcome, output};
use chrono::NaiveDate;
use clap::Args;
use roundtable_core::{Activity, Change, HistoryFilter, Store, UndoStep};
use serde_json::json;
use uuid::Uuid;

/// Flags of `roundtable history`: the plan's activity, action by action, or one record's changes.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only the changes to this record (the id of an event, delegation, participant, session…).
    #[arg(long, value_name = "ID")]
    pub record: Option<Uuid>,
    /// Only the changes of this organiser (part of the name or organisation).
    #[arg(long)]
    pub who: Option<String>,
    /// Only the changes of this day (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub day: Option<NaiveDate>,
    /// At most this many changes, the latest first.
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

/// Flags of `roundtable whoami`.
#[derive(Debug, Args)]
pub struct WhoamiArgs {
    /// Your name, as teammates see it beside your changes.
    #[arg(long)]
    pub name: Option<String>,
    /// Your organisation, shown in brackets after your name.
    #[arg(long)]
    pub organisation: Option<String>,
}

/// `undo` (`redo` when `redo`): reverses one whole action.
pub fn undo(store: &mut Store, redo: bool, json: bool) -> Outcome {
    let (verb, done) = if redo { ("Redid", store.redo()?) } else { ("Undid", store.undo()?) };
    let shown = json!({ "id": done.as_ref().map(|s| s.action), "step": done });
    output(json, &shown, || match &done {
        Some(UndoStep { summary, .. }) => format!("{verb}: {summary}."),
        None if redo => "Nothing to redo.".to_owned(),
        None => "Nothing to undo.".to_owned(),
    })
}

/// The plan's activity (one line per action), or with `--record` the record's changes field by field.
pub fn history(store: &Store, args: &HistoryArgs, json: bool) -> Outcome {
    let filter = HistoryFilter { record: args.record, who: args.who.clone(), day: args.day, limit: Some(args.limit) };
    if args.record.is_none() {
        let activity = store.activity(&filter)?;
        return output(json, &activity, || {
            let step = |a: &Activity| a.step.map_or_else(String::new, |s| format!("{}: ", s.label()));
            let rows = activity.iter().map(|a| vec![when(a.at), a.who.clone(), format!("{}{}", step(a), a.summary)]);
            listed(rows.collect())
        });
    }
    let changes = store.history(&filter)?;
    output(json, &changes, || listed(changes.iter().map(|c| vec![when(c.at), c.who.clone(), what(c)]).collect()))
}

/// Changes as a table, or "No changes.".
fn listed(rows: Vec<Vec<String>>) -> String {
    if rows.is_empty() {
        return "No changes.".to_owned();
    }
    table(&["When (UTC)", "Who", "What"], rows)
}

fn when(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map_or_else(|| "before the journal".to_owned(), |at| at.format("%Y-%m-%d %H:%M:%S").to_string())
}

/// A change with its values: "Changed quota of delegation Viet Nam: (empty) → 4".
fn what(change: &Change) -> String {
    let shown = |text: &str| if text.is_empty() { "(empty)".to_owned() } else { text.to_owned() };
    match &change.value {
        Some(value) => {
            format!("{}: {} → {}", change.summary, shown(change.earlier.as_deref().unwrap_or_default()), shown(value))
        }
        None => change.summary.clone(),
    }
}

pub fn whoami(store: &mut Store, args: &WhoamiArgs, json: bool) -> Outcome {
    if args.name.is_some() || args.organisation.is_some() {
        let current = store.whoami().clone();
        let name = args.name.as_deref().unwrap_or(&current.name);
        let organisation = args.organisation.as_deref().unwrap_or(&current.organisation);
        let folder = roundtable_core::store::app_folder()?;
        store.set_identity(name, organisation, Some(&folder))?;
    }
    let me = store.whoami();
    output(json, me, || {
        let organisation = if me.organisation.is_empty() { String::new() } else { format!(" ({})", me.organisation) };
        format!("You are {}{organisation} on this installation ({}).", me.name, me.id)
    })
}
