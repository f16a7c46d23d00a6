//! The rules of an event: its own (required facts, real dates in order and
//! at most a year apart, a known country and time zone, texts within
//! bounds) and the moves its status may make.

use super::{EventInput, MAX_EVENT_DAYS};
use crate::error::{Checks, Error, Result};
use crate::field::Field;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::{EventFormat, EventStatus};
use chrono::NaiveDate;
use uuid::Uuid;

/// A date typed as `YYYY-MM-DD`.
pub fn parse_date(field: Field, label: &str, text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        Error::invalid(field, format!("'{text}' is not a valid date; write it as YYYY-MM-DD, e.g. 2022-09-21"))
    })
}

/// Checked values of an [`EventInput`].
pub(super) struct ValidEvent {
    pub(super) series_id: Option<Uuid>,
    pub(super) title: String,
    pub(super) format: EventFormat,
    pub(super) host_city: String,
    pub(super) host_country: String,
    pub(super) venue: String,
    pub(super) time_zone: String,
    pub(super) start_date: NaiveDate,
    pub(super) end_date: NaiveDate,
    pub(super) status: EventStatus,
    pub(super) objectives: String,
    pub(super) priorities: Vec<String>,
    pub(super) sdgs: Vec<u8>,
    pub(super) languages: Vec<String>,
    pub(super) notes: String,
}

impl EventInput {
    /// The checked event, or every problem of the input at once.
    pub(super) fn validated(&self, default_status: EventStatus) -> Result<ValidEvent> {
        let mut checks = Checks::default();
        let title = checks.check(validate::required(Field::Title, "Title", &self.title, LINE_MAX));
        let host_city = checks.check(validate::required(Field::HostCity, "Host city", &self.host_city, LINE_MAX));
        let host_country = checks.check(validate::country(Field::HostCountry, &self.host_country));
        let venue = checks.check(validate::limited(Field::Venue, "Venue", &self.venue, LINE_MAX));
        let time_zone = checks.check(validate::time_zone(Field::TimeZone, &self.time_zone));
        let start_date = checks.check(parse_date(Field::StartDate, "First day", &self.start_date).map(Some));
        let end_date = checks.check(parse_date(Field::EndDate, "Last day", &self.end_date).map(Some));
        if let (Some(start), Some(end)) = (start_date, end_date) {
            checks.check(check_length(start, end));
        }
        if let Some(bad) = self.sdgs.iter().find(|g| !(1..=17).contains(*g)) {
            checks.check::<()>(Err(Error::invalid(
                Field::Sdgs,
                format!("SDG {bad} does not exist; the goals are numbered 1 to 17"),
            )));
        }
        let objectives = checks.check(validate::limited(Field::Objectives, "Objectives", &self.objectives, TEXT_MAX));
        let priorities = checks.check(validate::list(Field::Priorities, "Priority", &self.priorities));
        let languages = checks.check(validate::list(Field::Languages, "Language", &self.languages));
        let notes = checks.check(validate::limited(Field::Notes, "Notes", &self.notes, TEXT_MAX));
        checks.done()?;
        let (Some(start_date), Some(end_date)) = (start_date, end_date) else {
            unreachable!("both dates parsed when no check failed")
        };
        let mut sdgs = self.sdgs.clone();
        sdgs.sort_unstable();
        sdgs.dedup();
        Ok(ValidEvent {
            series_id: self.series_id,
            title,
            format: self.format.unwrap_or(EventFormat::RoundTable),
            host_city,
            host_country,
            venue,
            time_zone,
            start_date,
            end_date,
            status: self.status.unwrap_or(default_status),
            objectives,
            priorities,
            sdgs,
            languages,
            notes,
        })
    }
}

/// The last day comes after the first, and the event is not implausibly long.
fn check_length(start_date: NaiveDate, end_date: NaiveDate) -> Result<()> {
    if end_date < start_date {
        return Err(Error::invalid(
            Field::EndDate,
            format!(
                "The last day ({}) is before the first day ({})",
                crate::shown::date(end_date),
                crate::shown::date(start_date)
            ),
        ));
    }
    let days = (end_date - start_date).num_days() + 1;
    if days > MAX_EVENT_DAYS {
        return Err(Error::invalid(
            Field::EndDate,
            format!("The event would last {days} days; at most {MAX_EVENT_DAYS} are allowed"),
        ));
    }
    Ok(())
}

/// Whether an event may move from `from` to `to`. Planning statuses move
/// freely among themselves; an event is held only once it has begun, reported
/// only after it was held; a cancelled event can be taken up again as a draft
/// or planned event.
pub fn check_transition(from: EventStatus, to: EventStatus, start_date: NaiveDate, today: NaiveDate) -> Result<()> {
    use EventStatus::*;
    let allowed = from == to
        || match from {
            Draft | Planned | Confirmed => matches!(to, Draft | Planned | Confirmed | Held | Cancelled),
            Held => matches!(to, Confirmed | Reported),
            Reported => matches!(to, Held),
            Cancelled => matches!(to, Draft | Planned),
        };
    if !allowed {
        return Err(Error::InvalidTransition {
            message: format!(
                "An event that is {} cannot become {}",
                from.label().to_lowercase(),
                to.label().to_lowercase()
            ),
        });
    }
    if from != to && matches!(to, Held | Reported) && start_date > today {
        return Err(Error::InvalidTransition {
            message: format!(
                "The event begins on {start_date}; it cannot be marked {} before then",
                to.label().to_lowercase()
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use EventStatus::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn dates_in_messages_read_as_the_screens_show_them() {
        let input = EventInput { start_date: "2018-05-29".into(), end_date: "2018-05-28".into(), ..Default::default() };
        let error = input.validated(Draft).err().unwrap();
        let end = error.problems().iter().find(|p| p.field == Field::EndDate).unwrap();
        assert_eq!(end.message, "The last day (28 May 2018) is before the first day (29 May 2018)");
    }

    #[test]
    fn an_empty_event_reports_every_missing_field_at_once() {
        let error = EventInput::default().validated(Draft).err().unwrap();
        let fields: Vec<Field> = error.problems().iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [Field::Title, Field::HostCity, Field::HostCountry, Field::TimeZone, Field::StartDate, Field::EndDate]
        );
        assert_eq!(error.field(), Some(Field::Title), "the first problem is the message");
        assert_eq!(error.to_string(), "Title is required");
        let api = crate::ApiError::from(error);
        assert_eq!(api.problems.len(), 6);
    }

    #[test]
    fn planning_statuses_move_freely_and_held_needs_the_event_to_have_begun() {
        let past = day("2022-09-21");
        let today = day("2026-01-01");
        assert!(check_transition(Draft, Confirmed, past, today).is_ok());
        assert!(check_transition(Confirmed, Planned, past, today).is_ok());
        assert!(check_transition(Confirmed, Held, past, today).is_ok());
        assert!(check_transition(Held, Reported, past, today).is_ok());
        assert!(check_transition(Cancelled, Planned, past, today).is_ok());
        let future = day("2027-03-05");
        let early = check_transition(Confirmed, Held, future, today).unwrap_err();
        assert!(early.to_string().contains("2027-03-05"), "{early}");
    }

    #[test]
    fn lifecycle_refuses_skipping_or_undoing_a_held_event() {
        let past = day("2022-09-21");
        let today = day("2026-01-01");
        for (from, to) in [(Draft, Reported), (Held, Cancelled), (Reported, Draft), (Cancelled, Held)] {
            let error = check_transition(from, to, past, today).unwrap_err();
            assert_eq!(error.kind(), crate::ErrorKind::InvalidTransition, "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn dates_must_be_real_and_in_order() {
        let mut input = EventInput {
            title: "Dialogue".into(),
            host_city: "Bangkok".into(),
            host_country: "TH".into(),
            time_zone: "Asia/Bangkok".into(),
            start_date: "2022-02-30".into(),
            end_date: "2022-03-01".into(),
            ..EventInput::default()
        };
        let error = input.validated(Draft).err().unwrap();
        assert_eq!(error.field(), Some(Field::StartDate));
        assert!(error.to_string().contains("2022-02-30"));
        input.start_date = "2022-03-02".into();
        assert_eq!(input.validated(Draft).err().unwrap().field(), Some(Field::EndDate));
        input.end_date = "2023-03-02".into();
        assert!(input.validated(Draft).err().unwrap().to_string().contains("366 days"));
        input.end_date = "2022-03-03".into();
        input.sdgs = vec![16, 18];
        assert_eq!(input.validated(Draft).err().unwrap().field(), Some(Field::Sdgs));
    }
}
