//! The programme of an event as one plain model that every format renders:
//! the facts, the organisers, day by day the sessions in venue time with their
//! chair and speakers, breaks set apart, the funders' acknowledgement, and
//! whether this is the provisional or the final programme, with its date.
//!
//! Building the model once keeps the PDF, DOCX, ICS and HTML in agreement;
//! dates and times are formatted here, in English, the way programmes of
//! intergovernmental meetings print them ("Wednesday 21 September 2022",
//! "09:00–10:30").

use crate::error::Result;
use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use roundtable_core::{Event, EventStatus, OrganiserRole, Session, SessionRole, Store};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Provisional or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Provisional,
    Final,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Provisional => "Provisional",
            Stage::Final => "Final",
        }
    }
}

/// Choices of a programme export.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct ProgrammeOptions {
    /// Default: final once the event is held or reported, else provisional.
    pub stage: Option<Stage>,
    /// The version date printed with the stage; default today.
    pub version_date: Option<NaiveDate>,
}

/// A chair, moderator, speaker or rapporteur as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammePerson {
    /// "Chair", "Speaker"…
    pub role: String,
    pub name: String,
    pub position: String,
    pub delegation: String,
}

impl ProgrammePerson {
    /// "H.E. Mr X, Deputy Director-General (Thailand)".
    pub fn line(&self) -> String {
        let mut line = self.name.clone();
        if !self.position.is_empty() {
            line.push_str(", ");
            line.push_str(&self.position);
        }
        if !self.delegation.is_empty() {
            line.push_str(&format!(" ({})", self.delegation));
        }
        line
    }
}

/// One session as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeSession {
    pub id: Uuid,
    /// "09:00".
    pub start: String,
    pub end: String,
    pub title: String,
    /// "Opening", "Panel"…
    pub kind: String,
    pub room: String,
    pub description: String,
    /// A break or a meal: set apart, no speakers.
    pub pause: bool,
    /// "Parallel session 1 of 2" when other sessions of the day run at the same time.
    pub parallel: Option<String>,
    /// Chair and moderators first, then speakers, then rapporteurs.
    pub people: Vec<ProgrammePerson>,
    /// Start and end in UTC, for calendars.
    #[serde(skip)]
    pub start_utc: chrono::DateTime<Utc>,
    #[serde(skip)]
    pub end_utc: chrono::DateTime<Utc>,
    /// When the session, or anything its calendar entry is made from, last
    /// changed (the change journal); `None` when nothing did since it began.
    #[serde(skip)]
    pub revised: Option<chrono::DateTime<Utc>>,
}

/// One day as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeDay {
    /// "Day 1".
    pub label: String,
    /// "Wednesday 21 September 2022".
    pub date: String,
    pub theme: String,
    pub sessions: Vec<ProgrammeSession>,
}

/// The whole programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programme {
    pub event_id: Uuid,
    pub title: String,
    pub format: String,
    pub series: Option<String>,
    /// "21–23 September 2022".
    pub dates: String,
    pub venue: String,
    /// "Bangkok, Thailand".
    pub place: String,
    /// IANA name, "Asia/Bangkok".
    pub time_zone: String,
    /// "All times are local time in Bangkok (Asia/Bangkok, UTC+07:00)."
    pub time_note: String,
    /// "Organised by …", "Hosted by …", "In partnership with …".
    pub organiser_lines: Vec<String>,
    /// Who the document is by: the organising organisations' names (the
    /// author a DOCX names), empty when the event has no organiser yet.
    pub author: String,
    pub acknowledgement: Option<String>,
    pub stage: Stage,
    pub stage_label: String,
    /// "22 November 2026".
    pub version_date: String,
    pub days: Vec<ProgrammeDay>,
}

/// "12 May 2018".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "21–23 September 2022", "30 September – 2 October 2022", "30 December 2022 – 2 January 2023".
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    use chrono::Datelike;
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.year() != end.year() {
        format!("{} – {}", start.format("%-d %B %Y"), end.format("%-d %B %Y"))
    } else if start.month() != end.month() {
        format!("{} – {}", start.format("%-d %B"), end.format("%-d %B %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %B %Y"))
    }
}

/// "A, B and C".
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn utc_offset_label(tz: Tz, at: NaiveDateTime) -> String {
    let seconds = tz.offset_from_utc_datetime(&at).fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.abs();
    format!("UTC{sign}{:02}:{:02}", seconds / 3600, (seconds % 3600) / 60)
}

/// The local time at the venue in UTC (the earlier instant when a clock change makes it ambiguous,
/// the first valid instant after a gap).
pub fn to_utc(tz: Tz, local: NaiveDateTime) -> chrono::DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
        chrono::LocalResult::None => tz
            .from_local_datetime(&(local + chrono::Duration::hours(1)))
            .earliest()
            .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc)),
    }
}

fn session_people(session: &Session) -> Vec<ProgrammePerson> {
    let rank = |role: SessionRole| match role {
        SessionRole::Chair => 0,
        SessionRole::Moderator => 1,
        SessionRole::Speaker => 2,
        SessionRole::Rapporteur => 3,
    };
    let mut people = session.people.clone();
    people.sort_by_key(|p| rank(p.role));
    people
        .into_iter()
        .map(|p| ProgrammePerson {
            role: p.role.label().to_owned(),
            name: p.name,
            position: p.position,
            delegation: p.delegation_name,
        })
        .collect()
}

/// Final once the event is held or reported, else provisional.
pub(crate) fn default_stage(event: &Event) -> Stage {
    match event.status {
        EventStatus::Held | EventStatus::Reported => Stage::Final,
        _ => Stage::Provisional,
    }
}

impl Programme {
    /// The programme of an event, from the plan store.
    pub fn build(store: &Store, event_id: Uuid, options: &ProgrammeOptions) -> Result<Programme> {
        let overview = store.event_overview(event_id)?;
        let agenda = store.agenda(event_id)?;
        let event = &overview.event;
        let tz: Tz = event.time_zone.parse().unwrap_or(chrono_tz::UTC);
        let stage = options.stage.unwrap_or_else(|| default_stage(event));
        let version_date = options.version_date.unwrap_or_else(|| Utc::now().date_naive());
        let revisions = store.session_revisions(event_id)?;

        let names_with = |roles: &[OrganiserRole]| -> Vec<String> {
            overview
                .organisers
                .iter()
                .filter(|o| roles.contains(&o.role))
                .map(|o| match &o.short_name {
                    Some(short) if short != &o.organisation_name => format!("{} ({short})", o.organisation_name),
                    _ => o.organisation_name.clone(),
                })
                .collect()
        };
        let author = names_with(&[OrganiserRole::LeadOrganiser, OrganiserRole::CoOrganiser]).join("; ");
        let mut organiser_lines = Vec::new();
        for (label, roles) in [
            ("Organised by", &[OrganiserRole::LeadOrganiser, OrganiserRole::CoOrganiser][..]),
            ("Hosted by", &[OrganiserRole::Host][..]),
            ("In partnership with", &[OrganiserRole::Partner][..]),
        ] {
            let names = names_with(roles);
            if !names.is_empty() {
                organiser_lines.push(format!("{label} {}", join_and(&names)));
            }
        }

        let first_moment = event.start_date.and_hms_opt(9, 0, 0).unwrap_or_default();
        let time_note = format!(
            "All times are local time in {} ({}, {}).",
            if event.host_city.is_empty() { "the venue" } else { event.host_city.as_str() },
            event.time_zone,
            utc_offset_label(tz, first_moment)
        );
        let place = [event.host_city.as_str(), overview.country_name.as_str()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");

        let days = agenda
            .days
            .iter()
            .enumerate()
            .map(|(i, day)| ProgrammeDay {
                label: format!("Day {}", i + 1),
                date: day.day.date.format("%A %-d %B %Y").to_string(),
                theme: day.day.theme.clone(),
                sessions: marked_parallel(
                    day.sessions
                        .iter()
                        .map(|s| ProgrammeSession {
                            id: s.id,
                            start: s.start_time.format("%H:%M").to_string(),
                            end: s.end_time.format("%H:%M").to_string(),
                            title: s.title.clone(),
                            kind: s.kind.label().to_owned(),
                            room: s.room.clone(),
                            description: s.description.clone(),
                            pause: s.kind.is_pause(),
                            parallel: None,
                            people: session_people(s),
                            start_utc: to_utc(tz, s.date.and_time(s.start_time)),
                            end_utc: to_utc(tz, s.date.and_time(s.end_time)),
                            revised: revisions.get(&s.id).copied(),
                        })
                        .collect(),
                ),
            })
            .collect();

        Ok(Programme {
            event_id,
            title: event.title.clone(),
            format: event.format.label().to_owned(),
            series: overview.series.as_ref().map(|s| s.title.clone()),
            dates: date_range(event.start_date, event.end_date),
            venue: event.venue.clone(),
            place,
            time_zone: event.time_zone.clone(),
            time_note,
            organiser_lines,
            author,
            acknowledgement: overview.acknowledgement.clone(),
            stage,
            stage_label: stage.label().to_owned(),
            version_date: long_date(version_date),
            days,
        })
    }

    /// "Provisional programme, version of 22 November 2026".
    pub fn version_line(&self) -> String {
        format!("{} programme, version of {}", self.stage_label, self.version_date)
    }
}

mod parallel;
use parallel::marked_parallel;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_read_like_a_programme() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(date_range(d("2022-09-21"), d("2022-09-23")), "21–23 September 2022");
        assert_eq!(date_range(d("2022-09-30"), d("2022-10-02")), "30 September – 2 October 2022");
        assert_eq!(date_range(d("2022-12-30"), d("2023-01-02")), "30 December 2022 – 2 January 2023");
        assert_eq!(date_range(d("2018-03-05"), d("2018-03-05")), "5 March 2018");
    }

    #[test]
    fn venue_time_converts_to_utc() {
        let tz: Tz = "Asia/Bangkok".parse().unwrap();
        let local = NaiveDate::from_ymd_opt(2022, 9, 21).unwrap().and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(to_utc(tz, local).format("%H:%M").to_string(), "02:00");
        assert_eq!(utc_offset_label(tz, local), "UTC+07:00");
        let ny: Tz = "America/New_York".parse().unwrap();
        // 02:30 on the spring-forward day does not exist; it is taken as 03:30 EDT.
        let gap = NaiveDate::from_ymd_opt(2024, 3, 10).unwrap().and_hms_opt(2, 30, 0).unwrap();
        assert_eq!(to_utc(ny, gap).format("%H:%M").to_string(), "07:30");
    }
}
