//! `roundtable organiser …`: the role an organisation plays at an event
//! (lead organiser, co-organiser, host, funder, partner).

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, WithId, output, parse};
use clap::Subcommand;
use roundtable_core::Field;
use roundtable_core::{EventOrganiser, OrganiserRole, Store};

#[derive(Debug, Subcommand)]
pub enum OrganiserCommand {
    /// The organisations of an event with their roles, lead organisers first.
    ///
    /// Example: roundtable organiser list --event "Round-table: Asia"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Give an organisation a role at an event.
    ///
    /// Example: roundtable organiser add IOM --event "Regional dialogue" --role lead_organiser
    #[command(visible_alias = "create")]
    Add {
        /// The organisation's id, name or short name.
        organisation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// lead_organiser, co_organiser, host, funder, partner.
        #[arg(long)]
        role: String,
    },
    /// Take a role at an event away from an organisation.
    ///
    /// Example: roundtable organiser remove IOM --event "Regional dialogue" --role partner
    #[command(visible_alias = "delete")]
    Remove {
        organisation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[arg(long)]
        role: String,
    },
}

/// The organisers as JSON objects whose `id` is the organisation's.
fn shown(list: &[EventOrganiser]) -> Vec<WithId<'_, uuid::Uuid, EventOrganiser>> {
    list.iter().map(|o| WithId { id: o.organisation_id, record: o }).collect()
}

fn text(list: &[EventOrganiser]) -> String {
    table(
        &["ROLE", "ORGANISATION", "ID"],
        list.iter()
            .map(|o| vec![o.role.label().into(), o.organisation_name.clone(), o.organisation_id.to_string()])
            .collect(),
    )
}

pub fn run(store: &mut Store, command: &OrganiserCommand, json: bool) -> Outcome {
    let (event, organisation, role) = match command {
        OrganiserCommand::List { event } => {
            let list = store.event_organisers(refs::event(store, event)?)?;
            return output(json, &shown(&list), || text(&list));
        }
        OrganiserCommand::Add { organisation, event, role }
        | OrganiserCommand::Remove { organisation, event, role } => (event, organisation, role),
    };
    let event_id = refs::event(store, event)?;
    let organisation_id = refs::organisation(store, organisation)?;
    let role: OrganiserRole = parse(Field::Role, role)?;
    let list = match command {
        OrganiserCommand::Add { .. } => store.assign_organiser(event_id, organisation_id, role)?,
        _ => store.remove_organiser(event_id, organisation_id, role)?,
    };
    output(json, &shown(&list), || text(&list))
}
