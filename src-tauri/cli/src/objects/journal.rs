//! `roundtable undo`, `redo`, `history`, `whoami`, `sync` and `disagreement`:
//! the change journal from the command line. Undo and redo take back this
//! plan file's actions one whole action at a time, as the window's Edit menu
//! does (an action of a script counts like one of the window); history lists
//! who changed what; whoami names the organiser teammates see beside each
//! change; sync merges the plan with a team folder, and disagreement lists
//! and decides what teammates changed differently.

use crate::render::table;
use crate::run::{Outcome, output};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use roundtable_core::{
    Activity, Change, Decision, Disagreement, HistoryFilter, OptionKind, Store, SyncReport, UndoStep,
};
use serde_json::json;
use std::path::PathBuf;
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

/// Flags of `roundtable sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The team folder (OneDrive, SharePoint, a network share, a USB stick); remembered for the next sync.
    #[arg(long, value_name = "DIR")]
    pub folder: Option<PathBuf>,
}

/// `roundtable disagreement …`
#[derive(Debug, Subcommand)]
pub enum DisagreementCommand {
    /// Fields teammates changed differently, records one deleted and another edited, and records held back.
    ///
    /// Example: roundtable disagreement list --json
    List,
    /// Decide one: keep an option (0 is the value shown now) or type the value; the decision reaches every laptop.
    ///
    /// A record held back because another has its name: `--keep` merges it into that one or lets it
    /// go, `--value` keeps both, this one under the name typed.
    ///
    /// Example: roundtable disagreement resolve event:0192…:title --keep 1
    Resolve {
        /// The disagreement's id, as `disagreement list` gives it.
        id: String,
        /// Keep the option at this position.
        #[arg(long, conflicts_with = "value", required_unless_present = "value")]
        keep: Option<usize>,
        /// Type the value to keep instead.
        #[arg(long)]
        value: Option<String>,
    },
}

pub fn sync(store: &mut Store, args: &SyncArgs, json: bool) -> Outcome {
    let folder = match &args.folder {
        Some(folder) => folder.clone(),
        None => match store.team_folder()? {
            Some((folder, _)) => PathBuf::from(folder),
            None => {
                return Err(crate::run::invalid(
                    roundtable_core::Field::Path,
                    "This plan has no team folder yet: give one with --folder DIR",
                ));
            }
        },
    };
    let report: SyncReport = store.sync_folder(&folder)?;
    let shown = serde_json::json!({ "id": report.folder, "sync": report });
    output(json, &shown, || {
        let merged = &report.merged;
        format!(
            "Synced with {}: {} change(s) received, {} record(s) changed here, {} change(s) shared.{}{}",
            report.folder,
            merged.received,
            merged.records_changed,
            report.published,
            if merged.disagreements + merged.held > 0 {
                format!(
                    " {} disagreement(s) to decide: roundtable disagreement list.",
                    merged.disagreements + merged.held
                )
            } else {
                String::new()
            },
            if report.unreadable > 0 {
                format!(
                    " {} chunk file(s) cut short or damaged were skipped (tried again next time).",
                    report.unreadable
                )
            } else {
                String::new()
            }
        )
    })
}

pub fn disagreement(store: &mut Store, command: &DisagreementCommand, json: bool) -> Outcome {
    match command {
        DisagreementCommand::List => {
            let listed = store.disagreements()?;
            output(json, &listed, || {
                if listed.is_empty() {
                    return "No disagreements.".to_owned();
                }
                listed.iter().map(described).collect::<Vec<_>>().join("\n\n")
            })
        }
        DisagreementCommand::Resolve { id, keep, value } => {
            let decision = match (keep, value) {
                (Some(n), _) => Decision::Keep(*n),
                (None, Some(text)) => Decision::Value(text.clone()),
                (None, None) => Decision::Keep(0),
            };
            store.resolve_disagreement(id, &decision)?;
            output(json, &serde_json::json!({ "id": id, "resolved": true }), || format!("Decided {id}."))
        }
    }
}

/// A disagreement and its options, numbered for `--keep`.
fn described(d: &Disagreement) -> String {
    let what = format!("{} {}", d.record_kind, d.record_label).trim().to_owned();
    let head = match (&d.field, d.held_because.is_empty()) {
        (_, false) => format!("{what}: held back. {}", d.held_because),
        (Some(field), true) => format!("{what}, {field}: shown as {}", d.shown.as_deref().unwrap_or("(deleted)")),
        (None, true) => format!("{what}: deleted by one organiser, edited by another"),
    };
    let mut lines = vec![format!("{}  {head}", d.id)];
    for (n, option) in d.options.iter().enumerate() {
        let value = match (option.kind, option.value.as_deref()) {
            (OptionKind::MergeInto, other) => format!("merge into {}", other.unwrap_or_default()),
            (_, Some(value)) => value.to_owned(),
            (_, None) => "delete it".to_owned(),
        };
        let by = if option.who.is_empty() { String::new() } else { format!(" ({}, {})", option.who, when(option.at)) };
        lines.push(format!("  --keep {n}: {value}{by}"));
    }
    if let Some(rename) = &d.rename {
        lines.push(format!(
            "  --value NAME: keep both, this one with another {} (say \"{}\")",
            rename.field, rename.suggested
        ));
    }
    lines.join("\n")
}
