//! The rules of a participation: its own (times that are times, departure
//! not before arrival, texts within bounds) and those against the plan (a
//! delegation of the event, a travel funder that exists, one head of
//! delegation holding a seat).

use super::MembershipInput;
use crate::delegation;
use crate::error::{Checks, Error, Result};
use crate::field::Field;
use crate::organisation;
use crate::shown;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::{ParticipantRole, ParticipantStatus};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use uuid::Uuid;

fn parse_moment(field: Field, label: &str, text: Option<&str>) -> Result<Option<NaiveDateTime>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(Some)
        .ok_or_else(|| Error::invalid(field, format!("'{text}' is not a valid {label}; write it as YYYY-MM-DD HH:MM")))
}

/// A membership input that passed its own checks (not yet those against the plan).
pub(crate) struct ValidMembership {
    pub(crate) role: ParticipantRole,
    pub(crate) status: ParticipantStatus,
    pub(super) arrival: Option<NaiveDateTime>,
    pub(super) departure: Option<NaiveDateTime>,
    pub(super) accommodation: String,
    pub(super) dietary_needs: String,
    pub(super) accessibility_needs: String,
    pub(super) notes: String,
}

impl MembershipInput {
    pub(crate) fn validated(&self) -> Result<ValidMembership> {
        let mut checks = Checks::default();
        let arrival = checks.check(parse_moment(Field::Arrival, "arrival", self.arrival.as_deref()));
        let departure = checks.check(parse_moment(Field::Departure, "departure", self.departure.as_deref()));
        if let (Some(a), Some(d)) = (arrival, departure)
            && d < a
        {
            checks.check::<()>(Err(Error::invalid(
                Field::Departure,
                format!("Departure ({}) is before arrival ({})", shown::moment(d), shown::moment(a)),
            )));
        }
        let valid = ValidMembership {
            role: self.role.unwrap_or(ParticipantRole::Member),
            status: self.status.unwrap_or(ParticipantStatus::Invited),
            arrival,
            departure,
            accommodation: checks.check(validate::limited(
                Field::Accommodation,
                "Accommodation",
                &self.accommodation,
                LINE_MAX,
            )),
            dietary_needs: checks.check(validate::limited(
                Field::DietaryNeeds,
                "Dietary needs",
                &self.dietary_needs,
                LINE_MAX,
            )),
            accessibility_needs: checks.check(validate::limited(
                Field::AccessibilityNeeds,
                "Accessibility needs",
                &self.accessibility_needs,
                LINE_MAX,
            )),
            notes: checks.check(validate::limited(Field::Notes, "Notes", &self.notes, TEXT_MAX)),
        };
        checks.done()?;
        Ok(valid)
    }
}

/// Checks the delegation, the travel funder and the one-head rule for a participation.
pub(super) fn check_membership(
    conn: &Connection,
    event_id: Uuid,
    id: Uuid,
    input: &MembershipInput,
    v: &ValidMembership,
) -> Result<()> {
    let delegation = delegation::ensure_exists(conn, input.delegation_id)
        .map_err(|_| Error::invalid(Field::DelegationId, "The chosen delegation no longer exists"))?;
    if delegation.event_id != event_id {
        return Err(Error::invalid(
            Field::DelegationId,
            format!("{} is a delegation of another event", delegation.name),
        ));
    }
    if let Some(funder) = input.travel_funded_by {
        organisation::ensure_exists(conn, funder, Field::TravelFundedBy)?;
    }
    check_head(conn, &delegation.name, id, input, v)
}

/// Refuses a second head of delegation holding a seat; `id` is the participation being written.
fn check_head(
    conn: &Connection,
    delegation_name: &str,
    id: Uuid,
    input: &MembershipInput,
    v: &ValidMembership,
) -> Result<()> {
    if v.role == ParticipantRole::Head && v.status.holds_seat() {
        let head: Option<String> = conn
            .prepare_cached(
                "SELECT pe.full_name
                 FROM participant p JOIN person pe ON pe.id = p.person_id
                 WHERE p.delegation_id = ?1 AND p.id <> ?2 AND p.role = 'head' AND p.holds_seat",
            )?
            .query_row(params![input.delegation_id, id], |r| r.get(0))
            .optional()?;
        if let Some(head) = head {
            return Err(second_head(delegation_name, head.trim()));
        }
    }
    Ok(())
}

/// The refusal of a second head of delegation holding a seat.
pub(crate) fn second_head(delegation_name: &str, head: &str) -> Error {
    Error::duplicate(Field::Role, format!("{delegation_name} already has a head of delegation: {head}"))
}

/// The head holding a seat of each of the event's delegations: delegation id → (participation id, name).
pub(crate) fn heads(conn: &Connection, event_id: Uuid) -> Result<HashMap<Uuid, (Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.delegation_id, p.id, pe.full_name
         FROM participant p JOIN person pe ON pe.id = p.person_id
         WHERE p.event_id = ?1 AND p.role = 'head' AND p.holds_seat",
    )?;
    let rows = stmt.query_map([event_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_departure_before_the_arrival_is_told_in_the_screens_date_format() {
        let input = MembershipInput {
            arrival: Some("2018-05-28 19:30".into()),
            departure: Some("2018-05-27 08:00".into()),
            ..MembershipInput::default()
        };
        let error = input.validated().err().unwrap();
        assert_eq!(error.field(), Some(Field::Departure));
        assert_eq!(error.to_string(), "Departure (27 May 2018 08:00) is before arrival (28 May 2018 19:30)");
    }
}
