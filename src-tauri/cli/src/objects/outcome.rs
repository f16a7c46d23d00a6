//! `roundtable outcome …`: what an event achieved, per country or for all.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, set, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::{OutcomeInput, Store};

#[derive(Debug, Subcommand)]
pub enum OutcomeCommand {
    /// The outcomes of an event.
    ///
    /// Example: roundtable outcome list --event "Round-table: Asia"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// One outcome.
    ///
    /// Example: roundtable outcome show KH --event "Round-table: Asia"
    Show {
        /// The outcome's id, country (code or name) or a part of its summary.
        outcome: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Record an outcome, for one country (--country) or for the whole event.
    ///
    /// Example: roundtable outcome add --event "Round-table: Asia" --country KH --summary "A national action plan"
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: OutcomeFields,
    },
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable outcome update KH --event "Round-table: Asia" --summary "A plan adopted in May"
    Update {
        outcome: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: OutcomeFields,
    },
    /// Delete an outcome.
    ///
    /// Example: roundtable outcome delete KH --event "Round-table: Asia"
    #[command(visible_alias = "remove")]
    Delete {
        outcome: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct OutcomeFields {
    /// ISO 3166-1 code ("" for the whole event).
    #[arg(long)]
    pub country: Option<String>,
    /// What was achieved.
    #[arg(long)]
    pub summary: Option<String>,
}

fn find(store: &Store, event: &str, outcome: &str) -> Result<roundtable_core::Outcome, roundtable_core::ApiError> {
    let event_id = refs::event(store, event)?;
    let id = refs::outcome(store, event_id, outcome)?;
    Ok(store.outcomes(event_id)?.into_iter().find(|o| o.id == id).expect("the outcome was just found"))
}

fn line(o: &roundtable_core::Outcome) -> Vec<String> {
    vec![o.id.to_string(), o.country_name.clone().unwrap_or_else(|| "All".into()), o.summary.clone()]
}

pub fn run(store: &mut Store, command: &OutcomeCommand, json: bool) -> Outcome {
    let header = ["ID", "COUNTRY", "SUMMARY"];
    match command {
        OutcomeCommand::List { event } => {
            let all = store.outcomes(refs::event(store, event)?)?;
            output(json, &all, || table(&header, all.iter().map(line).collect()))
        }
        OutcomeCommand::Show { outcome, event } => {
            let o = find(store, event, outcome)?;
            output(json, &o, || table(&header, vec![line(&o)]))
        }
        OutcomeCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let mut input = OutcomeInput::default();
            set_optional(&mut input.country_code, &fields.country);
            set(&mut input.summary, &fields.summary);
            let o = store.add_outcome(event_id, &input)?;
            output(json, &o, || format!("Recorded the outcome ({}).", o.id))
        }
        OutcomeCommand::Update { outcome, event, fields } => {
            let o = find(store, event, outcome)?;
            let mut input = OutcomeInput { country_code: o.country_code, summary: o.summary };
            set_optional(&mut input.country_code, &fields.country);
            set(&mut input.summary, &fields.summary);
            let o = store.update_outcome(o.id, &input)?;
            output(json, &o, || format!("Updated the outcome ({}).", o.id))
        }
        OutcomeCommand::Delete { outcome, event } => {
            let o = find(store, event, outcome)?;
            store.delete_outcome(o.id)?;
            deleted(json, "outcome for", o.country_name.as_deref().unwrap_or("the whole event"), o.id)
        }
    }
}
