//! Participants: a person's membership of one delegation at one event, with a
//! role, a status in the invitation pipeline and the logistics (travel funded
//! by, arrival and departure, visa letter, accommodation, dietary and
//! accessibility needs). Here they are written; their rules are in
//! [`checks`], and reading them as the lists show them in [`list`].

use crate::bulk;
use crate::error::{Error, Result};
use crate::event;
use crate::field::Field;
use crate::person::{self, PersonInput};
use crate::store::Store;
use crate::vocabulary::{ParticipantRole, ParticipantStatus};
use chrono::NaiveDateTime;
use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

mod checks;
mod list;

use checks::check_membership;
pub(crate) use checks::{ValidMembership, heads, second_head};
#[cfg(test)]
pub(crate) use list::PARTICIPANTS_SQL;
pub use list::{ParticipantFilter, ParticipantView};

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

/// What registering someone did: the new participation, and whether the
/// person was already in the plan (same e-mail address) and was reused as
/// they were, so the window can say so instead of guessing.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Registration {
    pub registered: ParticipantView,
    pub person_reused: bool,
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
}
