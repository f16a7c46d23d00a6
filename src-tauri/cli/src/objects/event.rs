//! `roundtable event …`: the events of the plan, their status lifecycle,
//! readiness and delegation tracker, and "duplicate as next stop".

use crate::refs;
use crate::render;
use crate::run::{Outcome, WithId, deleted, output, parse, parse_opt, set, set_list};
use clap::{Args, Subcommand};
use roundtable_core::text::fold;
use roundtable_core::{ApiError, EventInput, EventStatus, Field, NextStopInput, SeriesInput, Store};
use uuid::Uuid;

#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Every event, latest first; --search, --status and --series narrow the list as on the home screen.
    ///
    /// Example: roundtable event list --search bangkok --status planned
    List {
        /// Part of the title, city, country or series.
        #[arg(long)]
        search: Option<String>,
        /// draft, planned, confirmed, held, reported, cancelled.
        #[arg(long)]
        status: Option<String>,
        /// The series' id or a part of its title.
        #[arg(long)]
        series: Option<String>,
    },
    /// One event with its organisers, delegations, agenda and conflicts.
    ///
    /// Example: roundtable event show "Round-table: Asia"
    Show {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
    /// Create an event with a day in the agenda for each of its dates.
    ///
    /// Example: roundtable event create --title "Regional dialogue" --city Bangkok --country TH
    /// --time-zone Asia/Bangkok --start 2026-09-21 --end 2026-09-23 --series "Dialogues 2026"
    #[command(visible_alias = "add")]
    Create(Box<EventFields>),
    /// Change the fields given, keep the others.
    ///
    /// Example: roundtable event update "Regional dialogue" --venue "UNCC, Bangkok"
    Update {
        /// The event's id, or a part of its title that only it has.
        event: String,
        #[command(flatten)]
        fields: Box<EventFields>,
    },
    /// Delete an event with its delegations, participations, agenda, funding and outcomes.
    ///
    /// Example: roundtable event delete "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
    /// Move an event along its lifecycle: draft, planned, confirmed, held, reported, cancelled.
    ///
    /// Example: roundtable event status "Regional dialogue" confirmed
    Status {
        /// The event's id, or a part of its title that only it has.
        event: String,
        /// draft, planned, confirmed, held, reported, cancelled.
        status: String,
    },
    /// Flag panels of one gender (all the speakers of a session men, or all women) in the agenda and readiness, or not.
    ///
    /// Example: roundtable event panel-balance "Women in leadership" off
    PanelBalance {
        /// The event's id, or a part of its title that only it has.
        event: String,
        /// `on` (the default for every event) or `off`.
        #[arg(value_parser = ["on", "off"])]
        check: String,
    },
    /// What still needs attention before the event (each item with its `kind`).
    ///
    /// Example: roundtable event readiness "Regional dialogue" --json
    Readiness {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
    /// The delegation tracker: quota, invited, nominated, confirmed, attended, declined, head, gender.
    ///
    /// Example: roundtable event tracker "Regional dialogue"
    Tracker {
        /// The event's id, or a part of its title that only it has.
        event: String,
    },
    /// Duplicate as the series' next stop: facts, agenda skeleton, delegations, organisers and funders
    /// (and the people, invited afresh, with --copy-participants).
    ///
    /// Example: roundtable event duplicate "Round-table: Asia" --title "MIEUX Round-table: Americas"
    /// --city "Mexico City" --country MX --time-zone America/Mexico_City --start 2019-03-05
    Duplicate(Box<DuplicateArgs>),
}

/// An event's fields; on `create`, title, city, country, time zone and dates are required.
#[derive(Debug, Args)]
pub struct EventFields {
    /// The event's title, e.g. "MIEUX Regional Round-table: Asia".
    #[arg(long)]
    pub title: Option<String>,
    /// round_table, dialogue, consultation, workshop, conference, expert_meeting.
    #[arg(long)]
    pub format: Option<String>,
    /// The host city.
    #[arg(long)]
    pub city: Option<String>,
    /// ISO 3166-1 code of the host country.
    #[arg(long)]
    pub country: Option<String>,
    /// The venue, e.g. "United Nations Conference Centre".
    #[arg(long)]
    pub venue: Option<String>,
    /// IANA time zone of the venue, e.g. Asia/Bangkok.
    #[arg(long = "time-zone")]
    pub time_zone: Option<String>,
    /// First day, YYYY-MM-DD.
    #[arg(long)]
    pub start: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[arg(long)]
    pub end: Option<String>,
    /// draft, planned, confirmed, held, reported, cancelled (following the lifecycle).
    #[arg(long)]
    pub status: Option<String>,
    /// The series' title or id (created when new); "" takes the event out of its series.
    #[arg(long)]
    pub series: Option<String>,
    /// What the event sets out to achieve.
    #[arg(long)]
    pub objectives: Option<String>,
    /// A priority; repeat for several ("" for none).
    #[arg(long)]
    pub priority: Option<Vec<String>>,
    /// A Sustainable Development Goal, 1 to 17; repeat for several ("" for none).
    #[arg(long)]
    pub sdg: Option<Vec<String>>,
    /// A working language; repeat for several ("" for none).
    #[arg(long)]
    pub language: Option<Vec<String>>,
    /// The organisers' own notes.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct DuplicateArgs {
    /// The event to copy: its id, or a part of its title that only it has.
    pub event: String,
    /// The next stop's title.
    #[arg(long)]
    pub title: String,
    /// The next stop's host city.
    #[arg(long)]
    pub city: String,
    /// ISO 3166-1 code of the host country.
    #[arg(long)]
    pub country: String,
    /// The next stop's venue.
    #[arg(long, default_value = "")]
    pub venue: String,
    /// IANA time zone of the venue.
    #[arg(long = "time-zone")]
    pub time_zone: String,
    /// First day, YYYY-MM-DD; the stop lasts as many days as the original.
    #[arg(long)]
    pub start: String,
    /// Leave out the agenda (days with their themes, sessions at the same local times).
    #[arg(long = "no-agenda")]
    pub no_agenda: bool,
    /// Leave out the delegations and their quotas.
    #[arg(long = "no-delegations")]
    pub no_delegations: bool,
    /// Leave out the organisers and the funding.
    #[arg(long = "no-organisers")]
    pub no_organisers: bool,
    /// Also copy the delegations' people, invited afresh.
    #[arg(long = "copy-participants")]
    pub copy_participants: bool,
    /// What becomes of the copied day themes, session titles and descriptions:
    /// mark_for_review (copied, each marked until reviewed) or leave_out (left empty,
    /// sessions named after their kind, marked too).
    #[arg(long = "copied-texts", default_value = "mark_for_review")]
    pub copied_texts: String,
    /// Create the stop even when the series already has one in that city on those dates.
    #[arg(long = "allow-same-stop")]
    pub allow_same_stop: bool,
}

pub fn run(store: &mut Store, command: &EventCommand, json: bool) -> Outcome {
    match command {
        EventCommand::List { search, status, series } => {
            let status = parse_opt::<EventStatus>(Field::Status, status.as_deref())?;
            let series = series.as_deref().map(|s| refs::series(store, s)).transpose()?;
            let wanted = search.as_deref().map(fold).filter(|s| !s.is_empty());
            let events: Vec<_> = store
                .list_events()?
                .into_iter()
                .filter(|e| status.is_none_or(|s| e.status == s) && series.is_none_or(|s| e.series_id == Some(s)))
                .filter(|e| {
                    wanted.as_deref().is_none_or(|w| {
                        [Some(&e.title), Some(&e.host_city), Some(&e.country_name), e.series_title.as_ref()]
                            .into_iter()
                            .flatten()
                            .any(|text| fold(text).contains(w))
                    })
                })
                .collect();
            output(json, &events, || render::event_list(&events))
        }
        EventCommand::Show { event } => {
            let id = refs::event(store, event)?;
            let overview = store.event_overview(id)?;
            let tracker = store.delegation_tracker(id)?;
            let agenda = store.agenda(id)?;
            let shown = serde_json::json!({ "id": id, "overview": overview, "tracker": tracker, "agenda": agenda });
            output(json, &shown, || render::event_show(&overview, &tracker, &agenda))
        }
        EventCommand::Create(fields) => {
            let mut input = EventInput::default();
            let new_series = apply(store, fields, &mut input)?;
            // One transaction: a new series is kept only with its event.
            let event = store.transaction(|s| {
                join_new_series(s, new_series.as_ref(), &mut input)?;
                s.create_event(&input)
            })?;
            output(json, &event, || format!("Created the event {} ({}).", event.title, event.id))
        }
        EventCommand::Update { event, fields } => {
            let id = refs::event(store, event)?;
            let mut input = EventInput::from(&store.event(id)?);
            let new_series = apply(store, fields, &mut input)?;
            let event = store.transaction(|s| {
                join_new_series(s, new_series.as_ref(), &mut input)?;
                s.update_event(id, &input)
            })?;
            output(json, &event, || format!("Updated the event {} ({}).", event.title, event.id))
        }
        EventCommand::Delete { event } => {
            let id = refs::event(store, event)?;
            let title = store.event(id)?.title;
            store.delete_event(id)?;
            deleted(json, "event", &title, id)
        }
        EventCommand::Status { event, status } => {
            let id = refs::event(store, event)?;
            let event = store.set_event_status(id, parse::<EventStatus>(Field::Status, status)?)?;
            output(json, &event, || format!("{} is now {}.", event.title, event.status.label().to_lowercase()))
        }
        EventCommand::PanelBalance { event, check } => {
            let id = refs::event(store, event)?;
            let event = store.set_panel_balance_check(id, check == "on")?;
            output(json, &event, || match event.check_panel_balance {
                true => format!("Panels of one gender are flagged at {}.", event.title),
                false => format!("Panels of one gender are not flagged at {}.", event.title),
            })
        }
        EventCommand::Readiness { event } => {
            let id = refs::event(store, event)?;
            let items = store.event_readiness(id)?;
            let shown: Vec<_> = items
                .iter()
                .map(|item| {
                    // Unique within the list: the item's kind and the record it concerns (else the event).
                    let kind = serde_json::to_value(item.kind).ok().and_then(|k| k.as_str().map(str::to_owned));
                    let id = format!("{}:{}", kind.unwrap_or_default(), item.target_id.unwrap_or(id));
                    WithId { id, record: item }
                })
                .collect();
            output(json, &shown, || render::readiness(&items))
        }
        EventCommand::Tracker { event } => {
            let tracker = store.delegation_tracker(refs::event(store, event)?)?;
            output(json, &WithId { id: tracker.event_id, record: &tracker }, || render::tracker(&tracker))
        }
        EventCommand::Duplicate(args) => {
            let id = refs::event(store, &args.event)?;
            let input = NextStopInput {
                title: args.title.clone(),
                host_city: args.city.clone(),
                host_country: args.country.clone(),
                venue: args.venue.clone(),
                time_zone: args.time_zone.clone(),
                start_date: args.start.clone(),
                copy_agenda: !args.no_agenda,
                copy_delegations: !args.no_delegations,
                copy_participants: args.copy_participants,
                copy_organisers: !args.no_organisers,
                copied_texts: parse(Field::CopiedTexts, &args.copied_texts)?,
                allow_same_stop: args.allow_same_stop,
            };
            let event = store.duplicate_event(id, &input)?;
            output(json, &event, || format!("Created the next stop {} ({}).", event.title, event.id))
        }
    }
}

/// Writes the flags given into the input; the series is found by title or id. A new
/// series title is given back, to be created in the action's transaction ([`join_new_series`]).
fn apply(store: &Store, fields: &EventFields, input: &mut EventInput) -> Result<Option<SeriesInput>, ApiError> {
    set(&mut input.title, &fields.title);
    set(&mut input.host_city, &fields.city);
    set(&mut input.host_country, &fields.country);
    set(&mut input.venue, &fields.venue);
    set(&mut input.time_zone, &fields.time_zone);
    set(&mut input.start_date, &fields.start);
    set(&mut input.end_date, &fields.end);
    set(&mut input.objectives, &fields.objectives);
    set(&mut input.notes, &fields.notes);
    set_list(&mut input.priorities, &fields.priority);
    set_list(&mut input.languages, &fields.language);
    if fields.format.is_some() {
        input.format = parse_opt(Field::Format, fields.format.as_deref())?;
    }
    if fields.status.is_some() {
        input.status = parse_opt(Field::Status, fields.status.as_deref())?;
    }
    if let Some(goals) = &fields.sdg {
        input.sdgs = goals
            .iter()
            .filter(|g| !g.trim().is_empty())
            .map(|g| {
                g.trim()
                    .parse::<u8>()
                    .map_err(|_| crate::run::invalid(Field::Sdgs, format!("'{g}' is not a goal number (1 to 17)")))
            })
            .collect::<Result<_, _>>()?;
    }
    let Some(reference) = fields.series.as_deref().map(str::trim) else {
        return Ok(None);
    };
    if reference.is_empty() {
        input.series_id = None;
    } else if let Ok(id) = Uuid::parse_str(reference) {
        input.series_id = Some(store.series(id)?.id);
    } else if let Some(series) = store.find_series(reference)? {
        input.series_id = Some(series.id);
    } else {
        return Ok(Some(SeriesInput { title: reference.to_owned(), description: String::new() }));
    }
    Ok(None)
}

/// Puts the event in the new series `--series` named, created inside the event's transaction
/// (unless another writer has just created it).
fn join_new_series(
    store: &mut Store,
    series: Option<&SeriesInput>,
    input: &mut EventInput,
) -> roundtable_core::Result<()> {
    if let Some(series) = series {
        input.series_id = Some(store.series_titled(series)?.id);
    }
    Ok(())
}
