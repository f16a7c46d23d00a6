//! `roundtable follow-up …`: the actions agreed at an event, with owner, due date and status.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, parse_opt, set, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::Field;
use roundtable_core::{ApiError, FollowUp, FollowUpInput, Store};

#[derive(Debug, Subcommand)]
pub enum FollowUpCommand {
    /// The follow-ups of an event.
    ///
    /// Example: roundtable follow-up list --event "Round-table: Asia"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// One follow-up.
    ///
    /// Example: roundtable follow-up show "national action plan" --event "Round-table: Asia"
    Show {
        /// The follow-up's id, a part of its action, or its owner.
        follow_up: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Record a follow-up action.
    ///
    /// Example: roundtable follow-up add --event "Round-table: Asia" --action "Share the report" --owner MIEUX
    /// --due 2018-04-30
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: FollowUpFields,
    },
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable follow-up update "Share the report" --event "Round-table: Asia" --status done
    Update {
        follow_up: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: FollowUpFields,
    },
    /// Delete a follow-up.
    ///
    /// Example: roundtable follow-up delete "Share the report" --event "Round-table: Asia"
    #[command(visible_alias = "remove")]
    Delete {
        follow_up: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct FollowUpFields {
    /// What is to be done.
    #[arg(long)]
    pub action: Option<String>,
    /// Who does it.
    #[arg(long)]
    pub owner: Option<String>,
    /// YYYY-MM-DD ("" for none).
    #[arg(long)]
    pub due: Option<String>,
    /// open, in_progress, done.
    #[arg(long)]
    pub status: Option<String>,
    /// ISO 3166-1 code ("" for the whole event).
    #[arg(long)]
    pub country: Option<String>,
}

fn apply(fields: &FollowUpFields, input: &mut FollowUpInput) -> Result<(), ApiError> {
    set(&mut input.action, &fields.action);
    set(&mut input.owner, &fields.owner);
    set_optional(&mut input.due_date, &fields.due);
    set_optional(&mut input.country_code, &fields.country);
    if fields.status.is_some() {
        input.status = parse_opt(Field::Status, fields.status.as_deref())?;
    }
    Ok(())
}

fn find(store: &Store, event: &str, follow_up: &str) -> Result<FollowUp, ApiError> {
    let event_id = refs::event(store, event)?;
    let id = refs::follow_up(store, event_id, follow_up)?;
    Ok(store.follow_ups(event_id)?.into_iter().find(|f| f.id == id).expect("the follow-up was just found"))
}

fn line(f: &FollowUp) -> Vec<String> {
    let due = f.due_date.map(|d| d.to_string()).unwrap_or_default();
    vec![f.id.to_string(), f.status.label().into(), due, f.owner.clone(), f.action.clone()]
}

pub fn run(store: &mut Store, command: &FollowUpCommand, json: bool) -> Outcome {
    let header = ["ID", "STATUS", "DUE", "OWNER", "ACTION"];
    match command {
        FollowUpCommand::List { event } => {
            let all = store.follow_ups(refs::event(store, event)?)?;
            output(json, &all, || table(&header, all.iter().map(line).collect()))
        }
        FollowUpCommand::Show { follow_up, event } => {
            let f = find(store, event, follow_up)?;
            output(json, &f, || table(&header, vec![line(&f)]))
        }
        FollowUpCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let mut input = FollowUpInput::default();
            apply(fields, &mut input)?;
            let f = store.add_follow_up(event_id, &input)?;
            output(json, &f, || format!("Recorded the follow-up ({}).", f.id))
        }
        FollowUpCommand::Update { follow_up, event, fields } => {
            let f = find(store, event, follow_up)?;
            let mut input = FollowUpInput {
                country_code: f.country_code,
                action: f.action,
                owner: f.owner,
                due_date: f.due_date.map(|d| d.to_string()),
                status: Some(f.status),
            };
            apply(fields, &mut input)?;
            let f = store.update_follow_up(f.id, &input)?;
            output(json, &f, || format!("Updated the follow-up ({}).", f.id))
        }
        FollowUpCommand::Delete { follow_up, event } => {
            let f = find(store, event, follow_up)?;
            store.delete_follow_up(f.id)?;
            deleted(json, "follow-up", &format!("'{}'", f.action), f.id)
        }
    }
}
