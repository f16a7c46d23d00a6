//! Carries out one command line on the plan store: finds the records named
//! on the line (by id, title, name, code or e-mail), calls the core, and
//! renders the result as text or JSON.

mod export;
mod import;

use crate::args::{
    AddParticipant, AddSession, Cli, Command, CreateEvent, DelegationCommand, EventCommand, ExampleCommand,
    ParticipantCommand, SessionCommand,
};
use crate::render;
use roundtable_core::{
    AgendaDayInput, ApiError, DelegationInput, ErrorKind, EventInput, MembershipInput, ParticipantFilter, PersonInput,
    SeriesInput, SessionInput, SessionPersonInput, SessionRole, Store, examples,
};
use serde::Serialize;
use std::str::FromStr;
use uuid::Uuid;

pub(crate) type Outcome = Result<String, ApiError>;

pub(crate) fn error(kind: ErrorKind, message: impl Into<String>) -> ApiError {
    ApiError { kind, message: message.into(), field: None }
}

/// Runs the command line and returns what to print.
pub fn run(cli: &Cli) -> Outcome {
    let path = match &cli.db {
        Some(path) => path.clone(),
        None => roundtable_core::store::default_path()?,
    };
    let mut store = Store::open(&path)?;
    let json = cli.json;
    match &cli.command {
        Command::Example(ExampleCommand::Load) => {
            let loaded = examples::load(&mut store)?;
            output(json, &loaded, || {
                format!("Loaded {} example event(s); {} already in the plan.", loaded.created, loaded.already_present)
            })
        }
        Command::Event(EventCommand::List) => {
            let events = store.list_events()?;
            output(json, &events, || render::event_list(&events))
        }
        Command::Event(EventCommand::Show { event }) => {
            let id = find_event(&store, event)?;
            let overview = store.event_overview(id)?;
            let tracker = store.delegation_tracker(id)?;
            let agenda = store.agenda(id)?;
            let shown = serde_json::json!({ "overview": overview, "tracker": tracker, "agenda": agenda });
            output(json, &shown, || render::event_show(&overview, &tracker, &agenda))
        }
        Command::Event(EventCommand::Tracker { event }) => {
            let tracker = store.delegation_tracker(find_event(&store, event)?)?;
            output(json, &tracker, || render::tracker(&tracker))
        }
        Command::Event(EventCommand::Create(args)) => create_event(&mut store, args, json),
        Command::Delegation(DelegationCommand::Add { event, country, name, kind, organisation, quota }) => {
            let event_id = find_event(&store, event)?;
            let organisation_id = match organisation {
                Some(name) => Some(
                    store
                        .find_organisation(name)?
                        .ok_or_else(|| {
                            error(ErrorKind::NotFound, format!("No organisation called '{name}' in the plan"))
                        })?
                        .id,
                ),
                None => None,
            };
            let input = DelegationInput {
                kind: parse_opt(kind.as_deref())?,
                country_code: country.clone(),
                organisation_id,
                name: name.clone(),
                quota: *quota,
                notes: String::new(),
            };
            let delegation = store.create_delegation(event_id, &input)?;
            output(json, &delegation, || format!("Added the delegation {} ({}).", delegation.name, delegation.id))
        }
        Command::Participant(ParticipantCommand::Add(args)) => add_participant(&mut store, args, json),
        Command::Participant(ParticipantCommand::List { event }) => {
            let list = store.list_participants(find_event(&store, event)?, &ParticipantFilter::default())?;
            output(json, &list, || render::participants(&list))
        }
        Command::Session(SessionCommand::Add(args)) => add_session(&mut store, args, json),
        Command::Export(command) => export::run(&store, command, json),
        Command::Import(command) => import::run(&mut store, command, json),
    }
}

pub(crate) fn output<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> Outcome {
    if json {
        serde_json::to_string_pretty(value).map_err(|e| error(ErrorKind::Storage, e.to_string()))
    } else {
        Ok(text())
    }
}

pub(crate) fn parse_opt<T: FromStr<Err = String>>(text: Option<&str>) -> Result<Option<T>, ApiError> {
    text.map(|t| t.parse::<T>().map_err(|message| error(ErrorKind::Validation, message))).transpose()
}

/// The event named by an id or by a part of its title that only it has.
pub(crate) fn find_event(store: &Store, reference: &str) -> Result<Uuid, ApiError> {
    if let Ok(id) = Uuid::parse_str(reference.trim()) {
        return Ok(store.event(id)?.id);
    }
    let wanted = reference.trim().to_lowercase();
    let matches: Vec<_> =
        store.list_events()?.into_iter().filter(|e| e.title.to_lowercase().contains(&wanted)).collect();
    match matches.as_slice() {
        [one] => Ok(one.id),
        [] => Err(error(ErrorKind::NotFound, format!("No event's id or title matches '{reference}'"))),
        many => Err(error(
            ErrorKind::Validation,
            format!(
                "'{reference}' matches {} events; give one's id:\n{}",
                many.len(),
                many.iter()
                    .map(|e| format!("  {}  {} ({})", e.id, e.title, e.start_date))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        )),
    }
}

fn create_event(store: &mut Store, args: &CreateEvent, json: bool) -> Outcome {
    let series_id = match &args.series {
        None => None,
        Some(title) => Some(match store.find_series(title)? {
            Some(series) => series.id,
            None => store.create_series(&SeriesInput { title: title.clone(), description: String::new() })?.id,
        }),
    };
    let input = EventInput {
        series_id,
        title: args.title.clone(),
        format: parse_opt(args.format.as_deref())?,
        host_city: args.city.clone(),
        host_country: args.country.clone(),
        venue: args.venue.clone(),
        time_zone: args.time_zone.clone(),
        start_date: args.start.clone(),
        end_date: args.end.clone(),
        status: parse_opt(args.status.as_deref())?,
        ..EventInput::default()
    };
    let event = store.create_event(&input)?;
    store.fill_days(event.id)?;
    output(json, &event, || format!("Created the event {} ({}).", event.title, event.id))
}

/// The delegation named by id, name or country code within the event.
fn find_delegation(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let reference = reference.trim();
    store
        .list_delegations(event_id)?
        .into_iter()
        .find(|d| {
            d.id.to_string() == reference
                || d.name.eq_ignore_ascii_case(reference)
                || d.country_code.as_deref().is_some_and(|c| {
                    roundtable_core::countries::by_code(reference).is_some_and(|found| found.alpha2 == c)
                })
        })
        .map(|d| d.id)
        .ok_or_else(|| error(ErrorKind::NotFound, format!("The event has no delegation '{reference}'")))
}

fn add_participant(store: &mut Store, args: &AddParticipant, json: bool) -> Outcome {
    let event_id = find_event(store, &args.event)?;
    let delegation_id = find_delegation(store, event_id, &args.delegation)?;
    let person = PersonInput {
        honorific: args.honorific.clone(),
        given_name: args.given_name.clone(),
        family_name: args.family_name.clone(),
        position: args.position.clone(),
        organisation: args.organisation.clone(),
        email: args.email.clone(),
        gender: parse_opt(args.gender.as_deref())?,
        ..PersonInput::default()
    };
    let membership = MembershipInput {
        delegation_id,
        role: parse_opt(args.role.as_deref())?,
        status: parse_opt(args.status.as_deref())?,
        visa_letter_needed: args.visa_letter,
        ..MembershipInput::default()
    };
    let added = store.register_participant(event_id, &person, &membership)?;
    output(json, &added, || {
        format!(
            "Added {} to the delegation of {} ({}).",
            added.person.full_name(),
            added.delegation_name,
            added.participant.id
        )
    })
}

/// The participant of the event named by id, e-mail or family name.
fn find_participant(store: &Store, event_id: Uuid, reference: &str) -> Result<Uuid, ApiError> {
    let reference = reference.trim();
    let all = store.list_participants(event_id, &ParticipantFilter::default())?;
    let matches: Vec<_> = all
        .iter()
        .filter(|p| {
            p.participant.id.to_string() == reference
                || p.person.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(reference))
                || p.person.family_name.eq_ignore_ascii_case(reference)
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.participant.id),
        [] => Err(error(ErrorKind::NotFound, format!("No participant of the event is '{reference}'"))),
        _ => Err(error(ErrorKind::Validation, format!("Several participants are '{reference}'; give an id or e-mail"))),
    }
}

fn add_session(store: &mut Store, args: &AddSession, json: bool) -> Outcome {
    let event_id = find_event(store, &args.event)?;
    let date = roundtable_core::event::parse_date("date", "Date", &args.date)?;
    let day_id = match store.days(event_id)?.into_iter().find(|d| d.date == date) {
        Some(day) => day.id,
        None => store.add_day(event_id, &AgendaDayInput { date: args.date.clone(), theme: String::new() })?.id,
    };
    let mut people = Vec::new();
    for (references, role) in [(&args.chair, SessionRole::Chair), (&args.speaker, SessionRole::Speaker)] {
        for reference in references {
            people.push(SessionPersonInput { participant_id: find_participant(store, event_id, reference)?, role });
        }
    }
    let input = SessionInput {
        day_id,
        start_time: args.start.clone(),
        end_time: args.end.clone(),
        title: args.title.clone(),
        kind: parse_opt(args.kind.as_deref())?,
        room: args.room.clone(),
        description: String::new(),
        people,
    };
    let session = store.create_session(&input)?;
    let conflicts: Vec<_> =
        store.agenda(event_id)?.conflicts.into_iter().filter(|c| c.session_ids.contains(&session.id)).collect();
    let added = serde_json::json!({ "session": session, "conflicts": conflicts });
    output(json, &added, || {
        let mut text = format!(
            "Added '{}' on {} {}–{} ({}).",
            session.title,
            session.date,
            session.start_time.format("%H:%M"),
            session.end_time.format("%H:%M"),
            session.id
        );
        for conflict in &conflicts {
            text.push_str(&format!("\nWarning: {}", conflict.message));
        }
        text
    })
}
