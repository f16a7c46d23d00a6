//! `roundtable session …`: the sessions of an event's agenda, with their
//! chairs and speakers; adding, changing or moving one reports the clashes
//! it is part of (a person in two places, a room taken).

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, invalid, output, parse_opt, set};
use chrono::NaiveTime;
use clap::{Args, Subcommand};
use roundtable_core::shown;
use roundtable_core::{
    AgendaDayInput, ApiError, Conflict, Field, Session, SessionInput, SessionPersonInput, SessionRole, Store,
};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// The sessions of an event in day and time order (or of one --date).
    ///
    /// Example: roundtable session list --event "Regional dialogue" --date 2026-09-21
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// Only this day, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
    },
    /// One session with its people.
    ///
    /// Example: roundtable session show Opening --event "Regional dialogue"
    Show {
        /// The session's id or title.
        session: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Add a session to a day of the event (the day is added to the agenda when missing).
    ///
    /// Example: roundtable session add --event "Regional dialogue" --date 2026-09-21 --start 09:00 --end 10:00
    /// --title "Opening" --kind opening --room Plenary --speaker Rahma
    #[command(visible_alias = "add")]
    Create {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: SessionFields,
    },
    /// Change the fields given, keep the others; a role's flag replaces the people in that role.
    ///
    /// Example: roundtable session update Opening --event "Regional dialogue" --room "Room B" --chair Wong
    Update {
        session: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[command(flatten)]
        fields: SessionFields,
    },
    /// Move a session to another day or time; without --end it keeps its duration.
    ///
    /// Example: roundtable session move Opening --event "Regional dialogue" --date 2026-09-22 --start 10:30
    Move {
        session: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// The new day, YYYY-MM-DD (default: the same day).
        #[arg(long)]
        date: Option<String>,
        /// The new start, HH:MM.
        #[arg(long)]
        start: String,
        /// The new end, HH:MM (default: the start plus the session's duration).
        #[arg(long)]
        end: Option<String>,
    },
    /// Delete a session.
    ///
    /// Example: roundtable session delete Opening --event "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        session: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

/// A session's fields; on `create`, date, start, end and title are required.
#[derive(Debug, Args)]
pub struct SessionFields {
    /// The day, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Start, HH:MM in the venue's time.
    #[arg(long)]
    pub start: Option<String>,
    /// End, HH:MM in the venue's time.
    #[arg(long)]
    pub end: Option<String>,
    /// The session's title.
    #[arg(long)]
    pub title: Option<String>,
    /// opening, keynote, plenary, panel, working_group, break, lunch, closing, side_event, study_visit.
    #[arg(long)]
    pub kind: Option<String>,
    /// The room, e.g. Plenary.
    #[arg(long)]
    pub room: Option<String>,
    /// What the session is about.
    #[arg(long)]
    pub description: Option<String>,
    /// A participant (id, name or e-mail) who chairs; repeat for several ("" for none).
    #[arg(long)]
    pub chair: Option<Vec<String>>,
    /// A participant who moderates; repeat for several ("" for none).
    #[arg(long)]
    pub moderator: Option<Vec<String>>,
    /// A participant who speaks; repeat for several ("" for none).
    #[arg(long)]
    pub speaker: Option<Vec<String>>,
    /// A participant who reports; repeat for several ("" for none).
    #[arg(long)]
    pub rapporteur: Option<Vec<String>>,
    /// true: the title and description still need review (as copied into a next stop);
    /// false: they have been reviewed.
    #[arg(long = "needs-review")]
    pub needs_review: Option<bool>,
}

/// A session as printed: the session and the clashes it is part of.
#[derive(Serialize)]
struct Placed<'a> {
    #[serde(flatten)]
    session: &'a Session,
    conflicts: Vec<Conflict>,
}

fn hh_mm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// The input that would write the session back as it is.
fn input_of(s: &Session) -> SessionInput {
    SessionInput {
        day_id: s.day_id,
        start_time: hh_mm(s.start_time),
        end_time: hh_mm(s.end_time),
        title: s.title.clone(),
        kind: Some(s.kind),
        room: s.room.clone(),
        description: s.description.clone(),
        people: s
            .people
            .iter()
            .map(|p| SessionPersonInput { participant_id: p.participant_id, role: p.role })
            .collect(),
        needs_review: s.needs_review,
    }
}

/// The day of the event at `date`, and whether it had to be added for it.
fn day_at(store: &mut Store, event_id: Uuid, date: &str) -> roundtable_core::Result<Uuid> {
    let parsed = roundtable_core::event::parse_date(Field::Date, "Date", date)?;
    match store.days(event_id)?.into_iter().find(|d| d.date == parsed) {
        Some(day) => Ok(day.id),
        None => Ok(store.add_day(event_id, &AgendaDayInput { date: date.to_owned(), theme: String::new() })?.id),
    }
}

impl SessionFields {
    fn apply(&self, store: &Store, event_id: Uuid, input: &mut SessionInput) -> Result<(), ApiError> {
        set(&mut input.start_time, &self.start);
        set(&mut input.end_time, &self.end);
        set(&mut input.title, &self.title);
        set(&mut input.room, &self.room);
        set(&mut input.description, &self.description);
        if self.kind.is_some() {
            input.kind = parse_opt(Field::Kind, self.kind.as_deref())?;
        }
        if let Some(needs_review) = self.needs_review {
            input.needs_review = needs_review;
        }
        let roles = [
            (&self.chair, SessionRole::Chair),
            (&self.moderator, SessionRole::Moderator),
            (&self.speaker, SessionRole::Speaker),
            (&self.rapporteur, SessionRole::Rapporteur),
        ];
        for (references, role) in roles {
            let Some(references) = references else { continue };
            input.people.retain(|p| p.role != role);
            for reference in references.iter().filter(|r| !r.trim().is_empty()) {
                input
                    .people
                    .push(SessionPersonInput { participant_id: refs::participant(store, event_id, reference)?, role });
            }
        }
        Ok(())
    }
}

/// Writes the session (a new one when `id` is none) on the day at `date`, in
/// one transaction: a day added for a session that is refused is not kept.
fn place(
    store: &mut Store,
    event_id: Uuid,
    id: Option<Uuid>,
    date: Option<&str>,
    mut input: SessionInput,
    json: bool,
) -> Outcome {
    let session = store.transaction(|s| {
        if let Some(date) = date {
            input.day_id = day_at(s, event_id, date)?;
        }
        match id {
            Some(id) => s.update_session(id, &input),
            None => s.create_session(&input),
        }
    })?;
    let conflicts: Vec<_> =
        store.agenda(event_id)?.conflicts.into_iter().filter(|c| c.session_ids.contains(&session.id)).collect();
    let verb = if id.is_some() { "Changed" } else { "Added" };
    output(json, &Placed { session: &session, conflicts: conflicts.clone() }, || {
        let mut text = format!(
            "{verb} '{}' on {} {}–{} ({}).",
            session.title,
            session.date,
            hh_mm(session.start_time),
            hh_mm(session.end_time),
            session.id
        );
        for conflict in &conflicts {
            text.push_str(&format!("\nWarning: {}", conflict.message));
        }
        text
    })
}

fn text(s: &Session) -> String {
    let mut lines = vec![
        s.title.clone(),
        format!("ID {}", s.id),
        format!("{} {}–{} · {}", shown::day(s.date), hh_mm(s.start_time), hh_mm(s.end_time), s.kind.label()),
    ];
    if !s.room.is_empty() {
        lines.push(format!("Room: {}", s.room));
    }
    for p in &s.people {
        lines.push(format!("{}: {} ({})", p.role.label(), p.name, p.delegation_name));
    }
    if !s.description.is_empty() {
        lines.push(s.description.clone());
    }
    lines.join("\n")
}

pub fn run(store: &mut Store, command: &SessionCommand, json: bool) -> Outcome {
    match command {
        SessionCommand::List { event, date } => {
            let agenda = store.agenda(refs::event(store, event)?)?;
            let date =
                date.as_deref().map(|d| roundtable_core::event::parse_date(Field::Date, "Date", d)).transpose()?;
            let sessions: Vec<Session> =
                agenda.days.into_iter().flat_map(|d| d.sessions).filter(|s| date.is_none_or(|d| s.date == d)).collect();
            output(json, &sessions, || {
                table(
                    &["ID", "DATE", "TIME", "KIND", "TITLE"],
                    sessions
                        .iter()
                        .map(|s| {
                            vec![
                                s.id.to_string(),
                                s.date.to_string(),
                                format!("{}–{}", hh_mm(s.start_time), hh_mm(s.end_time)),
                                s.kind.label().into(),
                                s.title.clone(),
                            ]
                        })
                        .collect(),
                )
            })
        }
        SessionCommand::Show { session, event } => {
            let s = store.session(refs::session(store, refs::event(store, event)?, session)?)?;
            output(json, &s, || text(&s))
        }
        SessionCommand::Create { event, fields } => {
            let event_id = refs::event(store, event)?;
            let Some(date) = &fields.date else {
                return Err(invalid(Field::DayId, "Give the session's day with --date YYYY-MM-DD"));
            };
            let mut input = SessionInput::default();
            fields.apply(store, event_id, &mut input)?;
            place(store, event_id, None, Some(date), input, json)
        }
        SessionCommand::Update { session, event, fields } => {
            let event_id = refs::event(store, event)?;
            let current = store.session(refs::session(store, event_id, session)?)?;
            let mut input = input_of(&current);
            fields.apply(store, event_id, &mut input)?;
            place(store, event_id, Some(current.id), fields.date.as_deref(), input, json)
        }
        SessionCommand::Move { session, event, date, start, end } => {
            let event_id = refs::event(store, event)?;
            let current = store.session(refs::session(store, event_id, session)?)?;
            let mut input = input_of(&current);
            input.start_time = start.clone();
            input.end_time = match end {
                Some(end) => end.clone(),
                None => {
                    let start = NaiveTime::parse_from_str(start.trim(), "%H:%M").map_err(|_| {
                        invalid(Field::StartTime, format!("'{start}' is not a time; write it as HH:MM, e.g. 09:30"))
                    })?;
                    let (end, wrapped) = start.overflowing_add_signed(current.end_time - current.start_time);
                    if wrapped != 0 {
                        return Err(invalid(Field::EndTime, "The session would end after midnight; give --end"));
                    }
                    hh_mm(end)
                }
            };
            place(store, event_id, Some(current.id), date.as_deref(), input, json)
        }
        SessionCommand::Delete { session, event } => {
            let s = store.session(refs::session(store, refs::event(store, event)?, session)?)?;
            store.delete_session(s.id)?;
            deleted(json, "session", &format!("'{}'", s.title), s.id)
        }
    }
}
