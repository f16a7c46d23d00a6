//! `roundtable delegation …`: the delegations of an event (a country, an
//! organisation, the experts, the organising team) and their quotas.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, parse_opt, set, set_optional};
use clap::{Args, Subcommand};
use roundtable_core::Field;
use roundtable_core::{ApiError, Delegation, DelegationInput, Store};

#[derive(Debug, Subcommand)]
pub enum DelegationCommand {
    /// The delegations of an event in protocol order.
    ///
    /// Example: roundtable delegation list --event "Regional dialogue"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// One delegation.
    ///
    /// Example: roundtable delegation show ID --event "Regional dialogue"
    Show {
        /// The delegation's id, name or country (code or name).
        delegation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Add a delegation: a country (--country) or a named group (--name, --kind).
    ///
    /// Example: roundtable delegation add --event "Regional dialogue" --country ID --quota 12
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: DelegationFields,
    },
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable delegation update Indonesia --event "Regional dialogue" --quota 15
    Update {
        delegation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: DelegationFields,
    },
    /// Delete a delegation with its participations.
    ///
    /// Example: roundtable delegation delete Indonesia --event "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        delegation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

#[derive(Debug, Args)]
pub struct DelegationFields {
    /// ISO 3166-1 code, for a country delegation.
    #[arg(long)]
    pub country: Option<String>,
    /// The delegation's name (default: the country's or the organisation's name).
    #[arg(long)]
    pub name: Option<String>,
    /// country, organisation, expert_group, organising_team.
    #[arg(long)]
    pub kind: Option<String>,
    /// An organisation of the plan (id, name or short name), for an organisation delegation.
    #[arg(long)]
    pub organisation: Option<String>,
    /// Seats offered; 0 for no limit.
    #[arg(long)]
    pub quota: Option<u32>,
    /// The organisers' notes on the delegation.
    #[arg(long)]
    pub notes: Option<String>,
}

fn apply(store: &Store, fields: &DelegationFields, input: &mut DelegationInput) -> Result<(), ApiError> {
    set_optional(&mut input.country_code, &fields.country);
    set_optional(&mut input.name, &fields.name);
    set(&mut input.notes, &fields.notes);
    if let Some(quota) = fields.quota {
        input.quota = Some(quota).filter(|q| *q > 0);
    }
    if fields.kind.is_some() {
        input.kind = parse_opt(Field::Kind, fields.kind.as_deref())?;
    }
    if let Some(organisation) = &fields.organisation {
        input.organisation_id =
            if organisation.trim().is_empty() { None } else { Some(refs::organisation(store, organisation)?) };
    }
    Ok(())
}

fn quota(d: &Delegation) -> String {
    d.quota.map_or("–".to_owned(), |q| q.to_string())
}

pub fn run(store: &mut Store, command: &DelegationCommand, json: bool) -> Outcome {
    match command {
        DelegationCommand::List { event } => {
            let all = store.list_delegations(refs::event(store, event)?)?;
            output(json, &all, || {
                table(
                    &["ID", "KIND", "QUOTA", "NAME"],
                    all.iter()
                        .map(|d| vec![d.id.to_string(), d.kind.label().into(), quota(d), d.name.clone()])
                        .collect(),
                )
            })
        }
        DelegationCommand::Show { delegation, event } => {
            let d = store.delegation(refs::delegation(store, refs::event(store, event)?, delegation)?)?;
            output(json, &d, || {
                let mut lines =
                    vec![d.name.clone(), format!("ID {}", d.id), format!("{} · quota {}", d.kind.label(), quota(&d))];
                if !d.notes.is_empty() {
                    lines.push(d.notes.clone());
                }
                lines.join("\n")
            })
        }
        DelegationCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let mut input = DelegationInput::default();
            apply(store, fields, &mut input)?;
            let d = store.create_delegation(event_id, &input)?;
            output(json, &d, || format!("Added the delegation {} ({}).", d.name, d.id))
        }
        DelegationCommand::Update { delegation, event, fields } => {
            let d = store.delegation(refs::delegation(store, refs::event(store, event)?, delegation)?)?;
            let mut input = DelegationInput {
                kind: Some(d.kind),
                country_code: d.country_code,
                organisation_id: d.organisation_id,
                name: Some(d.name),
                quota: d.quota,
                notes: d.notes,
            };
            apply(store, fields, &mut input)?;
            let d = store.update_delegation(d.id, &input)?;
            output(json, &d, || format!("Updated the delegation {} ({}).", d.name, d.id))
        }
        DelegationCommand::Delete { delegation, event } => {
            let d = store.delegation(refs::delegation(store, refs::event(store, event)?, delegation)?)?;
            store.delete_delegation(d.id)?;
            deleted(json, "delegation", &d.name, d.id)
        }
    }
}
