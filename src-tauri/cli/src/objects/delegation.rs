//! `roundtable delegation …`: the delegations of an event (a country, an
//! organisation, the experts, the organising team), their quotas, and their
//! workflow (focal point, invitation, nomination, credentials), which
//! `delegation update` changes in the same one action as the rest.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, parse_opt, set, set_optional};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use roundtable_core::Field;
use roundtable_core::{
    ApiError, Delegation, DelegationInput, DelegationWorkflow, DelegationWorkflowInput, Store, shown,
};
use serde::Serialize;

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
    /// --invitation-sent 2026-06-01 --invitation-by note_verbale --nomination-due 2026-07-15
    Update {
        delegation: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: DelegationFields,
        #[command(flatten)]
        workflow: WorkflowFields,
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

/// A delegation's workflow; a date or the focal point given as "" is cleared.
#[derive(Debug, Args)]
pub struct WorkflowFields {
    /// The focal point: a person of the plan (id, e-mail or name).
    #[arg(long)]
    pub focal_point: Option<String>,
    /// The day the invitation went out (YYYY-MM-DD).
    #[arg(long)]
    pub invitation_sent: Option<String>,
    /// How it went: note_verbale, letter, email.
    #[arg(long)]
    pub invitation_by: Option<String>,
    /// The day the nomination is due.
    #[arg(long)]
    pub nomination_due: Option<String>,
    /// The day the nomination came.
    #[arg(long)]
    pub nomination_received: Option<String>,
    /// The day the credentials came.
    #[arg(long)]
    pub credentials_received: Option<String>,
}

impl WorkflowFields {
    fn given(&self) -> bool {
        [
            &self.focal_point,
            &self.invitation_sent,
            &self.invitation_by,
            &self.nomination_due,
            &self.nomination_received,
            &self.credentials_received,
        ]
        .iter()
        .any(|f| f.is_some())
    }

    /// The workflow as it is, with the fields given changed.
    fn applied(&self, store: &Store, current: &DelegationWorkflow) -> Result<DelegationWorkflowInput, ApiError> {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let mut input = DelegationWorkflowInput {
            focal_point_id: current.focal_point_id,
            invitation_sent_on: date(current.invitation_sent_on),
            invitation_channel: current.invitation_channel,
            nomination_deadline: date(current.nomination_deadline),
            nomination_received_on: date(current.nomination_received_on),
            credentials_received_on: date(current.credentials_received_on),
        };
        if let Some(person) = &self.focal_point {
            input.focal_point_id = if person.trim().is_empty() { None } else { Some(refs::person(store, person)?) };
        }
        if self.invitation_by.is_some() {
            input.invitation_channel = parse_opt(Field::InvitationChannel, self.invitation_by.as_deref())?;
        }
        set_optional(&mut input.invitation_sent_on, &self.invitation_sent);
        set_optional(&mut input.nomination_deadline, &self.nomination_due);
        set_optional(&mut input.nomination_received_on, &self.nomination_received);
        set_optional(&mut input.credentials_received_on, &self.credentials_received);
        Ok(input)
    }
}

/// A delegation with its workflow, as `show` and `update` print it.
#[derive(Serialize)]
struct WithWorkflow {
    #[serde(flatten)]
    delegation: Delegation,
    workflow: DelegationWorkflow,
}

fn workflow_lines(w: &DelegationWorkflow) -> Vec<String> {
    let date = |d: Option<NaiveDate>| d.map_or("–".to_owned(), shown::date);
    let by = w.invitation_channel.map(|c| format!(" by {}", c.label().to_lowercase())).unwrap_or_default();
    vec![
        format!("Focal point: {}", w.focal_point_name.as_deref().unwrap_or("–")),
        format!("Invitation sent: {}{by}", date(w.invitation_sent_on)),
        format!("Nomination due: {} · received: {}", date(w.nomination_deadline), date(w.nomination_received_on)),
        format!("Credentials received: {}", date(w.credentials_received_on)),
    ]
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
            let shown = WithWorkflow { workflow: store.delegation_workflow(d.id)?, delegation: d };
            output(json, &shown, || {
                let d = &shown.delegation;
                let mut lines =
                    vec![d.name.clone(), format!("ID {}", d.id), format!("{} · quota {}", d.kind.label(), quota(d))];
                lines.extend(workflow_lines(&shown.workflow));
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
        DelegationCommand::Update { delegation, event, fields, workflow } => {
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
            let changes =
                workflow.given().then(|| workflow.applied(store, &store.delegation_workflow(d.id)?)).transpose()?;
            let shown = store.transaction(|s| {
                let delegation = s.update_delegation(d.id, &input)?;
                let workflow = match &changes {
                    Some(changes) => s.set_delegation_workflow(d.id, changes)?,
                    None => s.delegation_workflow(d.id)?,
                };
                Ok(WithWorkflow { delegation, workflow })
            })?;
            let d = &shown.delegation;
            output(json, &shown, || format!("Updated the delegation {} ({}).", d.name, d.id))
        }
        DelegationCommand::Delete { delegation, event } => {
            let d = store.delegation(refs::delegation(store, refs::event(store, event)?, delegation)?)?;
            store.delete_delegation(d.id)?;
            deleted(json, "delegation", &d.name, d.id)
        }
    }
}
