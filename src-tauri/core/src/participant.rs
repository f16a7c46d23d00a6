//! Participants: a person's membership of one delegation at one event, with a
//! role, a status in the invitation pipeline and the logistics (travel funded
//! by, arrival and departure, visa letter, accommodation, dietary and
//! accessibility needs).

use crate::bulk;
use crate::delegation;
use crate::error::{Checks, Error, Result};
use crate::event;
use crate::field::Field;
use crate::organisation;
use crate::person::{self, Person, PersonInput};
use crate::plan_check::SkipDamaged;
use crate::shown;
use crate::store::Store;
use crate::text::fold;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::{DelegationKind, ParticipantRole, ParticipantStatus};
use chrono::NaiveDateTime;
use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

/// An event's participants with person and delegation, narrowed by the filter.
pub(crate) const PARTICIPANTS_SQL: &str =
    "SELECT p.*, pe.id AS pe_id, pe.honorific, pe.given_name, pe.family_name, pe.position, pe.organisation,
                    pe.email, pe.phone, pe.gender, pe.languages, pe.full_name,
                    d.name AS delegation_name, d.kind AS delegation_kind, d.country_code
             FROM participant p
             JOIN person pe ON pe.id = p.person_id
             JOIN delegation d ON d.id = p.delegation_id
             WHERE p.event_id = ?1
               AND (?2 IS NULL OR p.id = ?2)
               AND (?3 IS NULL OR p.delegation_id = ?3)
               AND (?4 IS NULL OR p.role = ?4)
               AND (?5 IS NULL OR p.status = ?5)
               AND (?6 IS NULL OR p.visa_letter_needed = ?6)
               AND (?7 IS NULL OR fold(pe.given_name || ' ' || pe.family_name) LIKE ?7 ESCAPE '\\'
                    OR fold(pe.email) LIKE ?7 ESCAPE '\\' OR fold(pe.position) LIKE ?7 ESCAPE '\\'
                    OR fold(pe.organisation) LIKE ?7 ESCAPE '\\' OR fold(d.name) LIKE ?7 ESCAPE '\\')";

/// A person's participation in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Participant {
    pub id: Uuid,
    pub event_id: Uuid,
    pub delegation_id: Uuid,
    pub person_id: Uuid,
    pub role: ParticipantRole,
    pub status: ParticipantStatus,
    /// The organisation that pays the person's travel.
    pub travel_funded_by: Option<Uuid>,
    /// Local time at the venue.
    pub arrival: Option<NaiveDateTime>,
    pub departure: Option<NaiveDateTime>,
    pub visa_letter_needed: bool,
    pub accommodation: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub notes: String,
}

/// What a person types for a participation. Arrival and departure are text
/// (`YYYY-MM-DD HH:MM`) so that a mistyped one comes back as a field error.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct MembershipInput {
    pub delegation_id: Uuid,
    pub role: Option<ParticipantRole>,
    pub status: Option<ParticipantStatus>,
    pub travel_funded_by: Option<Uuid>,
    pub arrival: Option<String>,
    pub departure: Option<String>,
    pub visa_letter_needed: bool,
    pub accommodation: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub notes: String,
}

impl From<&Participant> for MembershipInput {
    /// The input that saves a participation unchanged (times as the screens write them).
    fn from(q: &Participant) -> Self {
        let moment = |m: Option<chrono::NaiveDateTime>| m.map(|m| m.format("%Y-%m-%d %H:%M").to_string());
        MembershipInput {
            delegation_id: q.delegation_id,
            role: Some(q.role),
            status: Some(q.status),
            travel_funded_by: q.travel_funded_by,
            arrival: moment(q.arrival),
            departure: moment(q.departure),
            visa_letter_needed: q.visa_letter_needed,
            accommodation: q.accommodation.clone(),
            dietary_needs: q.dietary_needs.clone(),
            accessibility_needs: q.accessibility_needs.clone(),
            notes: q.notes.clone(),
        }
    }
}

/// A participant as lists show them: the participation, the person and the delegation.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ParticipantView {
    pub participant: Participant,
    pub person: Person,
    pub delegation_name: String,
    pub delegation_kind: DelegationKind,
    pub country_code: Option<String>,
}

/// What registering someone did: the new participation, and whether the
/// person was already in the plan (same e-mail address) and was reused as
/// they were, so the window can say so instead of guessing.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Registration {
    pub registered: ParticipantView,
    pub person_reused: bool,
}

/// Narrows the list of an event's participants.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct ParticipantFilter {
    /// Part of a name, e-mail, position or organisation.
    pub search: Option<String>,
    pub delegation_id: Option<Uuid>,
    pub role: Option<ParticipantRole>,
    pub status: Option<ParticipantStatus>,
    /// Only those who still need a visa letter.
    pub visa_letter_needed: Option<bool>,
}

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
    arrival: Option<NaiveDateTime>,
    departure: Option<NaiveDateTime>,
    accommodation: String,
    dietary_needs: String,
    accessibility_needs: String,
    notes: String,
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
fn check_membership(
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
pub(crate) fn check_head(
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

pub(crate) fn insert(conn: &Connection, event_id: Uuid, person_id: Uuid, input: &MembershipInput) -> Result<Uuid> {
    let v = input.validated()?;
    let id = Uuid::now_v7();
    check_membership(conn, event_id, id, input, &v)?;
    let existing: Option<String> = conn
        .query_row(
            "SELECT d.name FROM participant p JOIN delegation d ON d.id = p.delegation_id WHERE p.event_id = ?1 AND p.person_id = ?2",
            params![event_id, person_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(delegation) = existing {
        let person = person::ensure_exists(conn, person_id)?;
        return Err(Error::duplicate(
            Field::PersonId,
            format!("{} already takes part in this event, with the delegation of {delegation}", person.full_name),
        ));
    }
    insert_rows(conn, [&CheckedParticipation { id, event_id, person_id, input: input.clone(), valid: v }])?;
    Ok(id)
}

/// A participation that passed every check: what is written for it.
pub(crate) struct CheckedParticipation {
    pub(crate) id: Uuid,
    pub(crate) event_id: Uuid,
    pub(crate) person_id: Uuid,
    pub(crate) input: MembershipInput,
    pub(crate) valid: ValidMembership,
}

impl CheckedParticipation {
    /// Whether it takes the delegation's one seat of head (see the `participant_one_head` index).
    pub(crate) fn heads_delegation(&self) -> bool {
        self.valid.role == ParticipantRole::Head && self.valid.status.holds_seat()
    }
}

/// The start and end of the statement that inserts participant rows (see [`bulk::execute`]).
pub(crate) const INSERT: bulk::Around = (
    "INSERT INTO participant (id, event_id, delegation_id, person_id, role, status, travel_funded_by, arrival,
        departure, visa_letter_needed, accommodation, dietary_needs, accessibility_needs, notes)
     VALUES",
    "",
);
/// The start and end of the statement that changes participant rows by id (see [`bulk::execute`]).
pub(crate) const UPDATE: bulk::Around = (
    "UPDATE participant SET delegation_id = v.column3, role = v.column5, status = v.column6,
        travel_funded_by = v.column7, arrival = v.column8, departure = v.column9, visa_letter_needed = v.column10,
        accommodation = v.column11, dietary_needs = v.column12, accessibility_needs = v.column13, notes = v.column14
     FROM (VALUES",
    ") AS v WHERE participant.id = v.column1",
);

/// Writes new participations that passed every check, in as few statements as SQLite allows.
pub(crate) fn insert_rows<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = &'a CheckedParticipation>,
) -> Result<()> {
    bulk::execute(conn, INSERT, rows, values)
}

/// Writes the changes of participations that passed every check (delegation,
/// role, status, logistics; never the event or the person), in as few statements as SQLite allows.
pub(crate) fn update_rows<'a>(
    conn: &Connection,
    rows: impl IntoIterator<Item = &'a CheckedParticipation>,
) -> Result<()> {
    bulk::execute(conn, UPDATE, rows, values)
}

/// The participation's columns, in table order.
fn values(p: &CheckedParticipation) -> rusqlite::Result<[ToSqlOutput<'_>; 14]> {
    let (input, v) = (&p.input, &p.valid);
    Ok([
        p.id.to_sql()?,
        p.event_id.to_sql()?,
        input.delegation_id.to_sql()?,
        p.person_id.to_sql()?,
        v.role.to_sql()?,
        v.status.to_sql()?,
        input.travel_funded_by.to_sql()?,
        v.arrival.to_sql()?,
        v.departure.to_sql()?,
        input.visa_letter_needed.to_sql()?,
        v.accommodation.to_sql()?,
        v.dietary_needs.to_sql()?,
        v.accessibility_needs.to_sql()?,
        v.notes.to_sql()?,
    ])
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        delegation_id: row.get("delegation_id")?,
        person_id: row.get("person_id")?,
        role: row.get("role")?,
        status: row.get("status")?,
        travel_funded_by: row.get("travel_funded_by")?,
        arrival: row.get("arrival")?,
        departure: row.get("departure")?,
        visa_letter_needed: row.get("visa_letter_needed")?,
        accommodation: row.get("accommodation")?,
        dietary_needs: row.get("dietary_needs")?,
        accessibility_needs: row.get("accessibility_needs")?,
        notes: row.get("notes")?,
    })
}

/// Fails unless the participation exists.
pub(crate) fn ensure_exists(conn: &Connection, id: Uuid) -> Result<Participant> {
    conn.prepare_cached("SELECT * FROM participant WHERE id = ?1")?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "Participant" })
}

/// The event's participations, by person.
pub(crate) fn of_event(conn: &Connection, event_id: Uuid) -> Result<HashMap<Uuid, Participant>> {
    let mut stmt = conn.prepare_cached("SELECT * FROM participant WHERE event_id = ?1")?;
    let rows = stmt.query_map([event_id], |r| from_row(r).map(|p| (p.person_id, p)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Checks and changes a participation (delegation, role, status, logistics).
pub(crate) fn update(conn: &Connection, id: Uuid, input: &MembershipInput) -> Result<()> {
    let valid = input.validated()?;
    let current = ensure_exists(conn, id)?;
    check_membership(conn, current.event_id, id, input, &valid)?;
    let (event_id, person_id, input) = (current.event_id, current.person_id, input.clone());
    update_rows(conn, [&CheckedParticipation { id, event_id, person_id, input, valid }])
}

impl Store {
    /// Adds an existing person to an event's delegation.
    pub fn add_participant(
        &mut self,
        event_id: Uuid,
        person_id: Uuid,
        input: &MembershipInput,
    ) -> Result<ParticipantView> {
        self.transaction(|s| {
            let id = s.write(|tx| {
                event::ensure_exists(tx, event_id)?;
                person::ensure_exists(tx, person_id)
                    .map_err(|_| Error::invalid(Field::PersonId, "The chosen person no longer exists"))?;
                insert(tx, event_id, person_id, input)
            })?;
            s.participant(id)
        })
    }

    /// Registers a person at an event in one step: a new person, or the
    /// person already in the plan with the same e-mail address (whose record is
    /// kept as it is), joins the delegation.
    pub fn register_participant(
        &mut self,
        event_id: Uuid,
        person: &PersonInput,
        input: &MembershipInput,
    ) -> Result<Registration> {
        self.transaction(|s| {
            let new_person = person.validated(Uuid::now_v7())?;
            let (id, person_reused) = s.write(|tx| {
                event::ensure_exists(tx, event_id)?;
                let known = match &new_person.email {
                    Some(email) => person::by_email(tx, email)?,
                    None => None,
                };
                let person_reused = known.is_some();
                let person_id = match known {
                    Some(known) => known.id,
                    None => {
                        person::insert(tx, &new_person)?;
                        new_person.id
                    }
                };
                Ok((insert(tx, event_id, person_id, input)?, person_reused))
            })?;
            Ok(Registration { registered: s.participant(id)?, person_reused })
        })
    }

    /// Changes one participant's role, keeping the rest of the participation.
    pub fn set_participant_role(&mut self, id: Uuid, role: ParticipantRole) -> Result<ParticipantView> {
        self.transaction(|s| {
            let current = s.participant(id)?;
            let input = MembershipInput { role: Some(role), ..MembershipInput::from(&current.participant) };
            s.update_participant(id, &input)
        })
    }

    /// Changes a participation (delegation, role, status, logistics).
    pub fn update_participant(&mut self, id: Uuid, input: &MembershipInput) -> Result<ParticipantView> {
        self.transaction(|s| {
            s.write(|tx| update(tx, id, input))?;
            s.participant(id)
        })
    }

    /// Sets the status of several participants at once; all or none. Answers
    /// the participants as they now are, in the order of `ids`.
    pub fn set_participants_status(&mut self, ids: &[Uuid], status: ParticipantStatus) -> Result<Vec<ParticipantView>> {
        self.transaction(|s| s.write_statuses(ids, status))
    }

    fn write_statuses(&mut self, ids: &[Uuid], status: ParticipantStatus) -> Result<Vec<ParticipantView>> {
        self.write(|tx| {
            let mut stmt = tx.prepare_cached("UPDATE participant SET status = ?2 WHERE id = ?1")?;
            for id in ids {
                // The one-head index (participant_one_head) is the only constraint a new status can break,
                // and it refuses the UPDATE itself.
                let changed = stmt.execute(params![id, status]).map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
                    {
                        Error::duplicate(Field::Status, "That would give a delegation two heads of delegation")
                    }
                    e => Error::from(e),
                })?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Participant" });
                }
            }
            Ok(())
        })?;
        ids.iter().map(|id| self.participant(*id)).collect()
    }

    /// Removes a person from an event (the person stays in the plan).
    pub fn remove_participant(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM participant WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Participant" });
        }
        Ok(())
    }

    /// One participant with person and delegation.
    pub fn participant(&self, id: Uuid) -> Result<ParticipantView> {
        let event_id = ensure_exists(self.read(), id)?.event_id;
        let filter = ParticipantFilter::default();
        self.query_participants(event_id, &filter, Some(id))?.pop().ok_or(Error::NotFound { what: "Participant" })
    }

    /// The participants of an event, by delegation in protocol order, heads
    /// first, then by family name.
    pub fn list_participants(&self, event_id: Uuid, filter: &ParticipantFilter) -> Result<Vec<ParticipantView>> {
        event::ensure_exists(self.read(), event_id)?;
        self.query_participants(event_id, filter, None)
    }

    fn query_participants(
        &self,
        event_id: Uuid,
        filter: &ParticipantFilter,
        only: Option<Uuid>,
    ) -> Result<Vec<ParticipantView>> {
        let search =
            filter.search.as_deref().map(fold).filter(|s| !s.is_empty()).map(|s| crate::store::contains_pattern(&s));
        let mut stmt = self.read().prepare_cached(PARTICIPANTS_SQL)?;
        let rows = stmt.query_map(
            params![
                event_id,
                only,
                filter.delegation_id,
                filter.role,
                filter.status,
                filter.visa_letter_needed,
                search
            ],
            |row| {
                let participant = from_row(row)?;
                let languages: String = row.get("languages")?;
                let person = Person {
                    id: row.get("pe_id")?,
                    honorific: row.get("honorific")?,
                    given_name: row.get("given_name")?,
                    family_name: row.get("family_name")?,
                    position: row.get("position")?,
                    organisation: row.get("organisation")?,
                    email: row.get("email")?,
                    phone: row.get("phone")?,
                    gender: row.get("gender")?,
                    languages: serde_json::from_str(&languages).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
                    })?,
                    full_name: row.get("full_name")?,
                };
                Ok(ParticipantView {
                    participant,
                    person,
                    delegation_name: row.get("delegation_name")?,
                    delegation_kind: row.get("delegation_kind")?,
                    country_code: row.get("country_code")?,
                })
            },
        )?;
        let mut list = rows.skip_damaged::<Vec<_>>()?;
        list.sort_by(|a, b| {
            delegation::protocol_order(
                (a.delegation_kind, delegation::sort_name(a.country_code.as_deref(), &a.delegation_name)),
                (b.delegation_kind, delegation::sort_name(b.country_code.as_deref(), &b.delegation_name)),
            )
            .then_with(|| {
                (a.participant.role != ParticipantRole::Head).cmp(&(b.participant.role != ParticipantRole::Head))
            })
            .then_with(|| a.person.family_name.to_lowercase().cmp(&b.person.family_name.to_lowercase()))
            .then_with(|| a.person.given_name.to_lowercase().cmp(&b.person.given_name.to_lowercase()))
        });
        Ok(list)
    }
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
