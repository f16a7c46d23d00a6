//! Visa letters in the readiness. While an event is planned, everyone with a
//! seat who still needs a visa letter is an item; one whose arrival is less
//! than the plan's lead time away (6 weeks unless set: embassies take weeks)
//! is a problem, named with the days left. The lead time is a plan setting, so
//! the whole team is reminded alike.

use super::{ReadinessItem, ReadinessKind, ReadinessTab, item};
use crate::countries::CountryNames;
use crate::delegation::shown_name;
use crate::error::{Error, Result};
use crate::field::Field;
use crate::plan_setting;
use crate::shown;
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime};
use uuid::Uuid;

const KEY: &str = "visa_letter_weeks";

/// How many weeks before an arrival a visa letter still needed becomes a problem, unless set.
const DEFAULT_VISA_LETTER_WEEKS: u32 = 6;

/// The longest lead time accepted: a year.
const MAX_WEEKS: u32 = 52;

/// One item for every participant with a seat who still needs a visa letter, as of `today`.
pub(super) fn still_needed(
    store: &Store,
    event_id: Uuid,
    names: CountryNames,
    today: NaiveDate,
) -> Result<Vec<ReadinessItem>> {
    let weeks = store.visa_letter_weeks()?;
    let mut stmt = store.read().prepare_cached(
        "SELECT p.id, pe.full_name, d.name, d.country_code, p.arrival
         FROM participant p JOIN person pe ON pe.id = p.person_id JOIN delegation d ON d.id = p.delegation_id
         WHERE p.event_id = ?1 AND p.visa_letter_needed AND p.holds_seat
         ORDER BY d.name, pe.family_name, pe.given_name",
    )?;
    let mut rows = stmt.query([event_id])?;
    let mut items = Vec::new();
    while let Some(r) = rows.next()? {
        let (participant, name, delegation): (Uuid, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let code: Option<String> = r.get(3)?;
        let arrival: Option<NaiveDateTime> = r.get(4)?;
        let who = format!("{name} ({})", shown_name(names, code.as_deref(), &delegation));
        let days_left = arrival.map(|a| (a.date() - today).num_days());
        let (kind, message) = match (arrival, days_left) {
            (Some(arrival), Some(days)) if days < i64::from(weeks) * 7 => {
                let when = match days {
                    ..0 => "was due to arrive".to_owned(),
                    0 => "arrives today,".to_owned(),
                    1 => "arrives tomorrow,".to_owned(),
                    n => format!("arrives in {n} days,"),
                };
                let on = shown::date(arrival.date());
                (ReadinessKind::VisaLetterLate, format!("{who} still needs a visa letter and {when} on {on}"))
            }
            _ => (ReadinessKind::VisaLetterNeeded, format!("{who} still needs a visa letter")),
        };
        items.push(item(kind, ReadinessTab::Participants, Some(participant), message));
    }
    Ok(items)
}

impl Store {
    /// How many weeks before an arrival a visa letter still needed is a problem.
    pub fn visa_letter_weeks(&self) -> Result<u32> {
        let value = plan_setting::read(self.read(), KEY)?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_VISA_LETTER_WEEKS))
    }

    /// Sets the lead time for visa letters, 1 to 52 weeks, for the whole plan.
    pub fn set_visa_letter_weeks(&mut self, weeks: u32) -> Result<()> {
        if !(1..=MAX_WEEKS).contains(&weeks) {
            return Err(Error::invalid(
                Field::VisaLetterWeeks,
                format!("Give a lead time of 1 to {MAX_WEEKS} weeks before the arrival, not {weeks}"),
            ));
        }
        self.write(|conn| plan_setting::write(conn, KEY, &weeks.to_string()))
    }
}
