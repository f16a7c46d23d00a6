//! `roundtable day …`: the days of an event's agenda and their themes.

use crate::refs;
use crate::render::table;
use crate::run::{Outcome, deleted, output, set};
use clap::Subcommand;
use roundtable_core::shown;
use roundtable_core::{AgendaDay, AgendaDayInput, Store};

#[derive(Debug, Subcommand)]
pub enum DayCommand {
    /// The days of an event, in date order.
    ///
    /// Example: roundtable day list --event "Regional dialogue"
    List {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Give every date of the event a day in the agenda, keeping those it has.
    ///
    /// Example: roundtable day fill --event "Regional dialogue"
    Fill {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
    /// Add a day; the date must be one of the event's.
    ///
    /// Example: roundtable day add --event "Regional dialogue" --date 2026-09-22 --theme "Partnerships"
    #[command(visible_alias = "create")]
    Add {
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        /// YYYY-MM-DD.
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        theme: String,
    },
    /// Change a day's date or theme; its sessions move with it.
    ///
    /// Example: roundtable day update 2026-09-22 --event "Regional dialogue" --theme "Areas of cooperation"
    Update {
        /// The day's id, date (YYYY-MM-DD) or theme.
        day: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        theme: Option<String>,
    },
    /// Delete a day with its sessions.
    ///
    /// Example: roundtable day delete 2026-09-23 --event "Regional dialogue"
    #[command(visible_alias = "remove")]
    Delete {
        day: String,
        /// The event: its id, or a part of its title that only it has.
        #[arg(long)]
        event: String,
    },
}

fn list(days: &[AgendaDay]) -> String {
    table(
        &["ID", "DATE", "THEME"],
        days.iter().map(|d| vec![d.id.to_string(), shown::day(d.date), d.theme.clone()]).collect(),
    )
}

fn find(store: &Store, event: &str, day: &str) -> Result<AgendaDay, roundtable_core::ApiError> {
    let event_id = refs::event(store, event)?;
    let id = refs::day(store, event_id, day)?;
    Ok(store.days(event_id)?.into_iter().find(|d| d.id == id).expect("the day was just found"))
}

pub fn run(store: &mut Store, command: &DayCommand, json: bool) -> Outcome {
    match command {
        DayCommand::List { event } => {
            let days = store.days(refs::event(store, event)?)?;
            output(json, &days, || list(&days))
        }
        DayCommand::Fill { event } => {
            let days = store.fill_days(refs::event(store, event)?)?;
            output(json, &days, || list(&days))
        }
        DayCommand::Add { event, date, theme } => {
            let event_id = refs::event(store, event)?;
            let day = store.add_day(event_id, &AgendaDayInput { date: date.clone(), theme: theme.clone() })?;
            output(json, &day, || format!("Added the day {} ({}).", day.date, day.id))
        }
        DayCommand::Update { day, event, date, theme } => {
            let current = find(store, event, day)?;
            let mut input = AgendaDayInput { date: current.date.to_string(), theme: current.theme };
            set(&mut input.date, date);
            set(&mut input.theme, theme);
            let day = store.update_day(current.id, &input)?;
            output(json, &day, || format!("Updated the day {} ({}).", day.date, day.id))
        }
        DayCommand::Delete { day, event } => {
            let day = find(store, event, day)?;
            store.delete_day(day.id)?;
            deleted(json, "day", &day.date.to_string(), day.id)
        }
    }
}
