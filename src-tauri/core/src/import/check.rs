//! Checking an import's rows against the plan without writing them: the
//! same rules as a person typing each row, against the plan as the rows
//! before it leave it.

use super::delegations::{Target, resolve_delegation};
use super::values::{nothing_or, parse_gender, parse_role, parse_status, parse_yes_no};
use super::writes::{Counter, Writes};
use super::{ImportReport, ImportRow, ImportStep, RowAction, RowOutcome};
use crate::delegation::{self, Delegation, DelegationInput};
use crate::error::{Error, Result};
use crate::event;
use crate::participant::{self, CheckedParticipation, MembershipInput, Participant};
use crate::person::{self, Person, PersonInput};
use rusqlite::Connection;
use std::collections::HashMap;
use uuid::Uuid;

/// The display name of a row.
fn row_name(row: &ImportRow) -> String {
    person::full_name(&row.honorific, &row.given_name, &row.family_name)
}

/// `new` where the file gives a value, else what is already recorded.
fn or_kept(new: &str, kept: &str) -> String {
    if new.trim().is_empty() { kept.to_owned() } else { new.trim().to_owned() }
}

/// A time cell as typed, or, when blank, the recorded time as a person would type it.
fn time_or_kept(new: &str, kept: Option<chrono::NaiveDateTime>) -> Option<String> {
    Some(new.trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| kept.map(|t| t.format("%Y-%m-%d %H:%M").to_string()))
}

/// A row that passed every check: what to write for it.
struct CheckedRow {
    delegation_name: String,
    /// The delegation to create first, when the row names a new one.
    new_delegation: Option<Delegation>,
    person: Person,
    /// The person is already in the plan (found by e-mail address).
    known_person: bool,
    participation: CheckedParticipation,
    /// The participation is already recorded.
    known_participation: bool,
}

/// One import's rows against one event, in the open transaction `conn`.
///
/// Each row is checked against the plan as the rows before it leave it,
/// without writing it: what rows share is read once (the plan's people by
/// e-mail address, the event's participations and heads of delegation, the
/// delegation each pair of delegation and country texts names) and kept up to
/// date as rows are accepted, new delegations included. Everything is written
/// together at the end ([`Writes`]); a dry run writes nothing and needs no
/// write lock.
struct Import<'c> {
    conn: &'c Connection,
    event_id: Uuid,
    people: HashMap<String, Uuid>,
    targets: HashMap<(String, String), std::result::Result<Target, String>>,
    /// The event's participations by person, read at the first row of a person already in the plan.
    participations: Option<HashMap<Uuid, Participant>>,
    /// Each delegation's head holding a seat (participation id, name), as the rows so far leave them.
    heads: HashMap<Uuid, (Uuid, String)>,
    writes: Writes,
}

impl<'c> Import<'c> {
    fn new(conn: &'c Connection, event_id: Uuid) -> Result<Self> {
        event::ensure_exists(conn, event_id)?;
        Ok(Import {
            conn,
            event_id,
            people: person::ids_by_email(conn)?,
            targets: HashMap::new(),
            participations: None,
            heads: participant::heads(conn, event_id)?,
            writes: Writes::default(),
        })
    }

    fn target(&mut self, row: &ImportRow) -> std::result::Result<Target, String> {
        let key = (row.delegation.trim().to_owned(), row.country.trim().to_owned());
        let target = match self.targets.get(&key) {
            Some(target) => target.clone(),
            None => {
                let target = resolve_delegation(self.conn, self.event_id, row);
                self.targets.insert(key, target.clone());
                target
            }
        };
        match target {
            Ok(Target::New(input)) => Ok(self.accepted_delegation(&input).unwrap_or(Target::New(input))),
            other => other,
        }
    }

    /// The delegation an earlier row of the file creates that `input` describes
    /// too ("Thailand" on one row, "TH" on the next).
    fn accepted_delegation(&self, input: &DelegationInput) -> Option<Target> {
        self.writes
            .delegations
            .iter()
            .find(|d| {
                Some(d.kind) == input.kind
                    && d.country_code == input.country_code
                    && d.organisation_id == input.organisation_id
            })
            .map(|d| Target::Existing { id: d.id, name: d.name.clone() })
    }

    /// The person's participation in the event before this import.
    fn participation_of(&mut self, person_id: Uuid) -> Result<Option<Participant>> {
        if self.participations.is_none() {
            self.participations = Some(participant::of_event(self.conn, self.event_id)?);
        }
        Ok(self.participations.as_ref().and_then(|all| all.get(&person_id)).cloned())
    }

    /// Checks one row with the same rules as a person typing it; writes nothing.
    fn check(&mut self, row: &ImportRow) -> std::result::Result<CheckedRow, String> {
        let text = |e: Error| e.to_string();
        if row.family_name.trim().is_empty() {
            return Err("Family name is missing".to_owned());
        }
        let gender = parse_gender(&row.gender)?;
        let role = parse_role(&row.role)?;
        let status = parse_status(&row.status)?;
        let visa = parse_yes_no(&row.visa_letter_needed)?;
        let email = Some(row.email.trim().to_owned()).filter(|e| !e.is_empty());
        // Validate the person's own fields before anything else is looked up.
        let person_input = PersonInput {
            honorific: row.honorific.clone(),
            given_name: row.given_name.clone(),
            family_name: row.family_name.clone(),
            position: row.position.clone(),
            organisation: row.organisation.clone(),
            email: email.clone(),
            phone: row.phone.clone(),
            gender,
            languages: Vec::new(),
        };
        let mut person = person_input.validated(Uuid::now_v7()).map_err(text)?;
        let (delegation_id, delegation_name, new_delegation) = match self.target(row)? {
            Target::Existing { id, name } => (id, name, None),
            Target::New(input) => {
                let d = delegation::validated(self.conn, self.event_id, Uuid::now_v7(), &input).map_err(text)?;
                (d.id, d.name.clone(), Some(d))
            }
        };
        let known = match &person.email {
            Some(email) => self
                .people
                .get(&email.to_ascii_lowercase())
                .map(|id| person::ensure_exists(self.conn, *id))
                .transpose()
                .map_err(text)?,
            None => None,
        };
        let existing = match &known {
            Some(p) => self.participation_of(p.id).map_err(text)?,
            None => None,
        };
        let current = existing.as_ref();
        let membership = MembershipInput {
            delegation_id,
            role: role.or(current.map(|c| c.role)),
            status: status.or(current.map(|c| c.status)),
            travel_funded_by: current.and_then(|c| c.travel_funded_by),
            arrival: time_or_kept(&row.arrival, current.and_then(|c| c.arrival)),
            departure: time_or_kept(&row.departure, current.and_then(|c| c.departure)),
            visa_letter_needed: if row.visa_letter_needed.trim().is_empty() {
                current.is_some_and(|c| c.visa_letter_needed)
            } else {
                visa
            },
            accommodation: or_kept(&row.accommodation, current.map_or("", |c| &c.accommodation)),
            dietary_needs: or_kept(nothing_or(&row.dietary_needs), current.map_or("", |c| &c.dietary_needs)),
            accessibility_needs: or_kept(
                nothing_or(&row.accessibility_needs),
                current.map_or("", |c| &c.accessibility_needs),
            ),
            notes: or_kept(&row.notes, current.map_or("", |c| &c.notes)),
        };
        let valid = membership.validated().map_err(text)?;
        if let Some(k) = &known {
            // The file's values replace the recorded ones; blank cells keep them.
            person.id = k.id;
            person.honorific = or_kept(&row.honorific, &k.honorific);
            person.given_name = or_kept(&row.given_name, &k.given_name);
            person.position = or_kept(&row.position, &k.position);
            person.organisation = or_kept(&row.organisation, &k.organisation);
            person.phone = or_kept(&row.phone, &k.phone);
            person.gender = gender.unwrap_or(k.gender);
            person.languages = k.languages.clone();
        }
        let participation = CheckedParticipation {
            id: current.map_or_else(Uuid::now_v7, |c| c.id),
            event_id: self.event_id,
            person_id: person.id,
            input: membership,
            valid,
        };
        if participation.heads_delegation()
            && let Some((_, head)) = self.heads.get(&delegation_id).filter(|(id, _)| *id != participation.id)
        {
            return Err(participant::second_head(&delegation_name, head).to_string());
        }
        Ok(CheckedRow {
            delegation_name,
            new_delegation,
            person,
            known_person: known.is_some(),
            participation,
            known_participation: existing.is_some(),
        })
    }

    /// Takes a checked row: what it writes is kept for [`Writes::write`], and a
    /// new delegation's name goes to `created`.
    ///
    /// Rows that repeat an e-mail address are refused before they are checked,
    /// so the people looked up at the start stay the ones that matter.
    fn accept(&mut self, row: CheckedRow, created: &mut Vec<String>) -> (RowAction, String) {
        if let Some(d) = row.new_delegation {
            created.push(d.name.clone());
            self.writes.delegations.push(d);
        }
        let participation = row.participation;
        self.heads.retain(|_, (id, _)| *id != participation.id);
        if participation.heads_delegation() {
            self.heads.insert(participation.input.delegation_id, (participation.id, row.person.full_name.clone()));
        }
        self.writes.people.push((row.person, row.known_person));
        self.writes.participations.push((participation, row.known_participation));
        let action = if row.known_participation { RowAction::Update } else { RowAction::Create };
        (action, row.delegation_name)
    }
}

/// Checks every row inside the open transaction `conn`: the report, and what the accepted rows write.
pub(super) fn check_all(
    conn: &Connection,
    event_id: Uuid,
    rows: &[ImportRow],
    report_step: &mut dyn FnMut(ImportStep),
) -> Result<(ImportReport, Writes)> {
    let mut checked = Counter::new(rows.len(), |done, total| ImportStep::Checking { done, total }, report_step);
    let mut import = Import::new(conn, event_id)?;
    let mut report = ImportReport {
        rows: Vec::with_capacity(rows.len()),
        new_delegations: Vec::new(),
        created: 0,
        updated: 0,
        rejected: 0,
        committed: false,
    };
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in rows {
        let name = row_name(row);
        let email_key = row.email.trim().to_lowercase();
        let outcome = if let Some(first) = seen.get(&email_key).filter(|_| !email_key.is_empty()) {
            Err(format!("The e-mail address {} is also on line {first} of this file", row.email.trim()))
        } else {
            match import.check(row) {
                Ok(checked) => Ok(import.accept(checked, &mut report.new_delegations)),
                Err(reason) => Err(reason),
            }
        };
        if !email_key.is_empty() {
            seen.entry(email_key).or_insert(row.line);
        }
        report.rows.push(match outcome {
            Ok((action, delegation)) => {
                match action {
                    RowAction::Create => report.created += 1,
                    _ => report.updated += 1,
                }
                RowOutcome { line: row.line, action, name, delegation, reason: None, note: None }
            }
            Err(reason) => {
                report.rejected += 1;
                let delegation =
                    if row.delegation.trim().is_empty() { row.country.trim() } else { row.delegation.trim() };
                RowOutcome {
                    line: row.line,
                    action: RowAction::Reject,
                    name,
                    delegation: delegation.to_owned(),
                    reason: Some(reason),
                    note: None,
                }
            }
        });
        checked.tick();
    }
    Ok((report, import.writes))
}
