//! `roundtable participant …`: a person's participation in an event (their
//! delegation, role, status and logistics), the bulk status change and the
//! one-field role change of the participants table.

use super::person::{self, PersonFields};
use crate::refs;
use crate::render;
use crate::run::{Outcome, WithId, deleted, invalid, output, parse, parse_opt, set};
use clap::{Args, Subcommand};
use roundtable_core::shown;
use roundtable_core::{
    ApiError, ErrorKind, Field, MembershipInput, ParticipantFilter, ParticipantRole, ParticipantStatus,
    ParticipantView, PersonInput, Store,
};
use uuid::Uuid;

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// The participants of an event in protocol order, heads first; filters narrow the list.
    ///
    /// Example: roundtable participant list --event "Regional dialogue" --search rahma --status confirmed
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// Part of a name, e-mail, position, organisation or delegation.
        #[arg(long)]
        search: Option<String>,
        /// Only this delegation (id, name or country).
        #[arg(long)]
        delegation: Option<String>,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        status: Option<String>,
        /// Only those who still need a visa letter.
        #[arg(long = "visa-letter")]
        visa_letter: bool,
    },
    /// One participant with person and logistics.
    ///
    /// Example: roundtable participant show Rahma --event "Regional dialogue"
    Show {
        /// The participant's id, or the person's name or e-mail.
        participant: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Register a person with a delegation of the event: a new person from the person's flags (or the one with
    /// the same e-mail), or an existing one with --person.
    ///
    /// Example: roundtable participant add --event "Regional dialogue" --delegation ID --honorific "H.E."
    /// --given-name Siti --family-name Rahma --role head --status confirmed --gender female
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// A person already in the plan (id, name or e-mail), instead of the person's flags.
        #[arg(long)]
        person: Option<String>,
        #[command(flatten)]
        fields: Box<ParticipantFields>,
    },
    /// Change the fields given, keep the others: the participation's and the person's.
    ///
    /// Example: roundtable participant update Rahma --event "Regional dialogue" --arrival "2026-09-20 14:30"
    Update {
        participant: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: Box<ParticipantFields>,
    },
    /// Remove a person from an event (the person stays in the plan).
    ///
    /// Example: roundtable participant remove Rahma --event "Regional dialogue"
    #[command(visible_alias = "delete")]
    Remove {
        participant: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Set the status of several participants at once, all or none: those named, and every member of
    /// --delegation.
    ///
    /// Example: roundtable participant status Rahma Wong confirmed --event "Regional dialogue"
    Status {
        /// Participants (id, name or e-mail), none with --delegation, then the status: invited, nominated,
        /// confirmed, attended, declined, cancelled.
        #[arg(value_name = "REF… STATUS", required = true)]
        words: Vec<String>,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// Every participant of this delegation too.
        #[arg(long)]
        delegation: Option<String>,
    },
    /// Set one participant's role: head, member, speaker, moderator, expert, observer, rapporteur, staff.
    ///
    /// Example: roundtable participant role Rahma head --event "Regional dialogue"
    Role {
        participant: String,
        role: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

/// A participation's fields, and the person's.
#[derive(Debug, Args)]
pub struct ParticipantFields {
    /// The delegation (id, name or country); required to add.
    #[arg(long)]
    pub delegation: Option<String>,
    /// head, member, speaker, moderator, expert, observer, rapporteur, staff.
    #[arg(long)]
    pub role: Option<String>,
    /// invited, nominated, confirmed, attended, declined, cancelled.
    #[arg(long)]
    pub status: Option<String>,
    /// The organisation that pays the travel (id, name or short name; "" for none).
    #[arg(long = "travel-funded-by")]
    pub travel_funded_by: Option<String>,
    /// YYYY-MM-DD HH:MM in the venue's time ("" for none).
    #[arg(long)]
    pub arrival: Option<String>,
    /// YYYY-MM-DD HH:MM in the venue's time ("" for none).
    #[arg(long)]
    pub departure: Option<String>,
    /// A visa letter is still needed (`--visa-letter no` when not).
    #[arg(long = "visa-letter", num_args = 0..=1, default_missing_value = "yes",
          value_parser = clap::builder::BoolishValueParser::new())]
    pub visa_letter: Option<bool>,
    /// Where the person stays.
    #[arg(long)]
    pub accommodation: Option<String>,
    /// Dietary needs, e.g. vegetarian, halal.
    #[arg(long = "dietary-needs")]
    pub dietary_needs: Option<String>,
    /// Accessibility needs.
    #[arg(long = "accessibility-needs")]
    pub accessibility_needs: Option<String>,
    /// The organisers' notes on the participation.
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub person: PersonFields,
}

impl ParticipantFields {
    fn apply(&self, store: &Store, event_id: Uuid, input: &mut MembershipInput) -> Result<(), ApiError> {
        if let Some(delegation) = &self.delegation {
            input.delegation_id = refs::delegation(store, event_id, delegation)?;
        }
        if self.role.is_some() {
            input.role = parse_opt(Field::Role, self.role.as_deref())?;
        }
        if self.status.is_some() {
            input.status = parse_opt(Field::Status, self.status.as_deref())?;
        }
        if let Some(funder) = &self.travel_funded_by {
            input.travel_funded_by =
                if funder.trim().is_empty() { None } else { Some(refs::organisation(store, funder)?) };
        }
        crate::run::set_optional(&mut input.arrival, &self.arrival);
        crate::run::set_optional(&mut input.departure, &self.departure);
        set(&mut input.visa_letter_needed, &self.visa_letter);
        set(&mut input.accommodation, &self.accommodation);
        set(&mut input.dietary_needs, &self.dietary_needs);
        set(&mut input.accessibility_needs, &self.accessibility_needs);
        set(&mut input.notes, &self.notes);
        Ok(())
    }
}

/// The input that would write the participation back as it is.
/// A participant as JSON: the view with the participation's id on top.
fn shown(p: &ParticipantView) -> WithId<'_, Uuid, ParticipantView> {
    WithId { id: p.participant.id, record: p }
}

fn text(p: &ParticipantView) -> String {
    let q = &p.participant;
    let mut lines = vec![
        person::text(&p.person),
        format!("Participant {} · {} · {} · {}", q.id, p.delegation_name, q.role.label(), q.status.label()),
    ];
    let moment = |m: Option<chrono::NaiveDateTime>| m.map_or("–".to_owned(), shown::moment);
    lines.push(format!("Arrival {} · departure {}", moment(q.arrival), moment(q.departure)));
    if q.visa_letter_needed {
        lines.push("Needs a visa letter".into());
    }
    for (label, value) in [
        ("Accommodation", &q.accommodation),
        ("Dietary needs", &q.dietary_needs),
        ("Accessibility", &q.accessibility_needs),
        ("Notes", &q.notes),
    ] {
        if !value.is_empty() {
            lines.push(format!("{label}: {value}"));
        }
    }
    lines.join("\n")
}

pub fn run(store: &mut Store, command: &ParticipantCommand, json: bool) -> Outcome {
    match command {
        ParticipantCommand::List { event, search, delegation, role, status, visa_letter } => {
            let event_id = refs::event(store, event)?;
            let filter = ParticipantFilter {
                search: search.clone(),
                delegation_id: delegation.as_deref().map(|d| refs::delegation(store, event_id, d)).transpose()?,
                role: parse_opt::<ParticipantRole>(Field::Role, role.as_deref())?,
                status: parse_opt::<ParticipantStatus>(Field::Status, status.as_deref())?,
                visa_letter_needed: visa_letter.then_some(true),
            };
            let list = store.list_participants(event_id, &filter)?;
            output(json, &list.iter().map(shown).collect::<Vec<_>>(), || render::participants(&list))
        }
        ParticipantCommand::Show { participant, event } => {
            let p = store.participant(refs::participant(store, refs::event(store, event)?, participant)?)?;
            output(json, &shown(&p), || text(&p))
        }
        ParticipantCommand::Create { event, person, fields } => {
            let event_id = refs::event(store, event)?;
            if fields.delegation.is_none() {
                return Err(invalid(
                    Field::DelegationId,
                    "Name the delegation with --delegation (id, name or country)",
                ));
            }
            let mut membership = MembershipInput::default();
            fields.apply(store, event_id, &mut membership)?;
            let added = match person {
                Some(reference) if fields.person.any() => {
                    return Err(invalid(
                        Field::PersonId,
                        format!(
                            "--person '{reference}' names someone already in the plan; change their details with `roundtable person update`"
                        ),
                    ));
                }
                Some(reference) => {
                    let person_id = refs::person(store, reference)?;
                    store.add_participant(event_id, person_id, &membership)?
                }
                None => {
                    let mut person = PersonInput::default();
                    fields.person.apply(&mut person)?;
                    store.register_participant(event_id, &person, &membership)?.registered
                }
            };
            output(json, &shown(&added), || {
                format!(
                    "Added {} to the delegation of {} ({}).",
                    added.person.full_name, added.delegation_name, added.participant.id
                )
            })
        }
        ParticipantCommand::Update { participant, event, fields } => {
            let event_id = refs::event(store, event)?;
            let current = store.participant(refs::participant(store, event_id, participant)?)?;
            let mut membership = MembershipInput::from(&current.participant);
            fields.apply(store, event_id, &mut membership)?;
            let mut person = person::input_of(&current.person);
            fields.person.apply(&mut person)?;
            // One transaction: when the participation is refused, the person is left as it was.
            let p = store.transaction(|s| {
                if fields.person.any() {
                    s.update_person(current.person.id, &person)?;
                }
                s.update_participant(current.participant.id, &membership)
            })?;
            output(json, &shown(&p), || format!("Updated {} ({}).", p.person.full_name, p.participant.id))
        }
        ParticipantCommand::Remove { participant, event } => {
            let p = store.participant(refs::participant(store, refs::event(store, event)?, participant)?)?;
            store.remove_participant(p.participant.id)?;
            deleted(json, "participation of", &p.person.full_name, p.participant.id)
        }
        ParticipantCommand::Status { words, event, delegation } => {
            let event_id = refs::event(store, event)?;
            let (status, participants) = words.split_last().expect("clap requires one word");
            let status: ParticipantStatus = parse(Field::Status, status)?;
            let mut ids: Vec<Uuid> =
                participants.iter().map(|p| refs::participant(store, event_id, p)).collect::<Result<_, _>>()?;
            if let Some(delegation) = delegation {
                let filter = ParticipantFilter {
                    delegation_id: Some(refs::delegation(store, event_id, delegation)?),
                    ..Default::default()
                };
                ids.extend(store.list_participants(event_id, &filter)?.into_iter().map(|p| p.participant.id));
            }
            ids.sort();
            ids.dedup();
            if ids.is_empty() {
                return Err(crate::run::error(
                    ErrorKind::Validation,
                    "Name the participants, or a --delegation, whose status to set",
                ));
            }
            let changed = store.set_participants_status(&ids, status)?;
            output(json, &changed.iter().map(shown).collect::<Vec<_>>(), || {
                format!("{} participant(s) now {}.", changed.len(), status.label().to_lowercase())
            })
        }
        ParticipantCommand::Role { participant, role, event } => {
            let id = refs::participant(store, refs::event(store, event)?, participant)?;
            let p = store.set_participant_role(id, parse(Field::Role, role)?)?;
            output(json, &shown(&p), || {
                format!("{} is now {}.", p.person.full_name, p.participant.role.label().to_lowercase())
            })
        }
    }
}
