//! The write side of the participant import: rows already read from a file
//! (by `roundtable-documents`) are checked with the same rules as a person
//! typing them, matched to the event's delegations and people, and written in
//! one transaction. This is the only place that writes imports.
//!
//! Each row becomes a new participant (`created`), changes the participant
//! with the same e-mail address in this event (`updated`: person and
//! membership fields the file gives), or is `rejected` with the reason.
//! Preview and commit run the very same checks, which read the plan but write
//! nothing of a row; the commit then writes every accepted row in bulk inside
//! [`Store::write`], and refuses — so writes nothing at all — when any row is
//! rejected.

use crate::countries;
use crate::delegation::{self, Delegation, DelegationInput};
use crate::error::{Error, Result};
use crate::event;
use crate::field::Field;
use crate::participant::{self, CheckedParticipation, MembershipInput, Participant};
use crate::person::{self, Person, PersonInput};
use crate::store::Store;
use crate::text::fold;
use crate::vocabulary::DelegationKind;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::cell::RefCell;
use std::collections::HashMap;
use uuid::Uuid;
use values::{nothing_or, parse_gender, parse_role, parse_status, parse_yes_no};

mod values;

/// One row of a participant list, as text from the file, already split into fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportRow {
    /// The line (CSV) or row (spreadsheet) number in the file, for the report.
    pub line: u32,
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    pub position: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub gender: String,
    /// A country name or ISO code.
    pub country: String,
    /// A delegation's name (or a country).
    pub delegation: String,
    pub role: String,
    pub status: String,
    /// Yes/no.
    pub visa_letter_needed: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub accommodation: String,
    pub arrival: String,
    pub departure: String,
    pub notes: String,
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Reject,
}

/// The outcome of one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RowOutcome {
    pub line: u32,
    pub action: RowAction,
    /// The person's name as read.
    pub name: String,
    /// The delegation the row joins, when known.
    pub delegation: String,
    /// Why the row is rejected.
    pub reason: Option<String>,
}

/// What an import does (dry run) or did (commit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ImportReport {
    pub rows: Vec<RowOutcome>,
    /// Delegations the import creates, by name.
    pub new_delegations: Vec<String>,
    pub created: u32,
    pub updated: u32,
    pub rejected: u32,
    /// True once written.
    pub committed: bool,
}

/// The delegation a row's texts name: one of the event's, or one to create.
#[derive(Debug, Clone)]
enum Target {
    Existing { id: Uuid, name: String },
    New(DelegationInput),
}

/// The delegation a row joins, looked up by its delegation text, then its country text: an
/// existing delegation by name, a country (by name, alias or code), the experts or the
/// organising team, or an organisation of the plan. Nothing is written here.
fn resolve_delegation(conn: &Connection, event_id: Uuid, row: &ImportRow) -> std::result::Result<Target, String> {
    let storage = |e: rusqlite::Error| e.to_string();
    let mut by_name = conn
        .prepare_cached("SELECT id, name FROM delegation WHERE event_id = ?1 AND fold(name) = fold(?2)")
        .map_err(storage)?;
    let mut by_country = conn
        .prepare_cached(
            "SELECT id, name FROM delegation WHERE event_id = ?1 AND kind = 'country' AND country_code = ?2",
        )
        .map_err(storage)?;
    let mut by_kind = conn
        .prepare_cached(
            "SELECT id, name FROM delegation WHERE event_id = ?1 AND kind = ?2 AND organisation_id IS ?3 \
             ORDER BY name LIMIT 1",
        )
        .map_err(storage)?;
    let existing = |(id, name): (Uuid, String)| Target::Existing { id, name };
    for text in [row.delegation.trim(), row.country.trim()].into_iter().filter(|t| !t.is_empty()) {
        if let Some(found) =
            by_name.query_row(params![event_id, text], |r| Ok((r.get(0)?, r.get(1)?))).optional().map_err(storage)?
        {
            return Ok(existing(found));
        }
        if let Some(country) = countries::match_country(text) {
            let found = by_country
                .query_row(params![event_id, country.alpha2], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(storage)?;
            return Ok(found.map_or_else(
                || {
                    Target::New(DelegationInput {
                        kind: Some(DelegationKind::Country),
                        country_code: Some(country.alpha2.to_owned()),
                        ..DelegationInput::default()
                    })
                },
                existing,
            ));
        }
        // The event's delegation of that kind (and organisation) when it has one, else a new one:
        // "Secretariat" on three rows is one organising team, whatever it came to be called.
        let kind = match fold(text).as_str() {
            "experts" | "expert" | "expert group" => Some((DelegationKind::ExpertGroup, None)),
            "organising team" | "organizing team" | "secretariat" => Some((DelegationKind::OrganisingTeam, None)),
            _ => find_organisation(conn, text)
                .map_err(|e| e.to_string())?
                .map(|org| (DelegationKind::Organisation, Some(org))),
        };
        if let Some((kind, organisation_id)) = kind {
            let found = by_kind
                .query_row(params![event_id, kind.as_str(), organisation_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(storage)?;
            return Ok(found.map_or_else(
                || Target::New(DelegationInput { kind: Some(kind), organisation_id, ..DelegationInput::default() }),
                existing,
            ));
        }
    }
    match (row.delegation.trim(), row.country.trim()) {
        ("", "") => Err("No country or delegation given".to_owned()),
        (d, "") | ("", d) => Err(format!("'{d}' is neither a country nor a delegation of this event")),
        (d, c) => Err(format!("Neither '{d}' nor '{c}' is a country or a delegation of this event")),
    }
}

fn find_organisation(conn: &Connection, name: &str) -> Result<Option<Uuid>> {
    Ok(conn
        .prepare_cached("SELECT id FROM organisation WHERE fold(name) = fold(?1) OR fold(short_name) = fold(?1)")?
        .query_row([name.trim()], |r| r.get(0))
        .optional()?)
}

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

/// How far an import's check or commit is, for a progress bar: rows checked
/// of the file's rows, then rows written of the accepted ones (a row's person
/// and its participation are written apart: a row is half written after the
/// first). Reported every [`PROGRESS_EVERY`] records and at each end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStep {
    Checking { done: u32, total: u32 },
    Writing { done: u32, total: u32 },
}

/// Rows (or records) between two progress reports: often enough for a bar,
/// rare enough to cost nothing.
pub const PROGRESS_EVERY: u32 = 1_000;

/// Counts work done and reports it every [`PROGRESS_EVERY`] and at the end.
struct Counter<'p> {
    done: u32,
    total: u32,
    step: fn(u32, u32) -> ImportStep,
    report: &'p mut dyn FnMut(ImportStep),
}

impl<'p> Counter<'p> {
    fn new(total: usize, step: fn(u32, u32) -> ImportStep, report: &'p mut dyn FnMut(ImportStep)) -> Self {
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        report(step(0, total));
        Counter { done: 0, total, step, report }
    }

    fn tick(&mut self) {
        self.done = self.done.saturating_add(1);
        if self.done.is_multiple_of(PROGRESS_EVERY) || self.done == self.total {
            (self.report)((self.step)(self.done, self.total));
        }
    }
}

/// What the accepted rows write once every row is checked, in file order.
#[derive(Default)]
struct Writes {
    /// The delegations the rows name that the event does not have yet.
    delegations: Vec<Delegation>,
    /// The person of each accepted row, and whether they are already in the plan.
    people: Vec<(Person, bool)>,
    /// The participation of each accepted row, and whether it is already recorded.
    participations: Vec<(CheckedParticipation, bool)>,
}

impl Writes {
    /// Writes the people, then their participations, in as few statements as
    /// SQLite allows. Only the rows that take a delegation's seat of head are
    /// written one by one, in file order and after every other row, since the
    /// checks freed and took those seats in that order (`participant_one_head`
    /// would refuse a new head written before the old one's change).
    fn write(&self, conn: &Connection, report: &mut dyn FnMut(ImportStep)) -> Result<()> {
        for d in &self.delegations {
            delegation::insert_row(conn, d)?;
        }
        // Each accepted row writes its person, then its participation: two records a row.
        let records = self.people.len() + self.participations.len();
        let rows = |done: u32, total: u32| ImportStep::Writing { done: done / 2, total: total / 2 };
        let written = RefCell::new(Counter::new(records, rows, report));
        let tick = || written.borrow_mut().tick();
        let people = |known: bool| self.people.iter().filter(move |(_, k)| *k == known).map(|(p, _)| p);
        person::insert_rows(conn, people(false).inspect(|_| tick()))?;
        person::update_rows(conn, people(true).inspect(|_| tick()))?;
        let (heads, others): (Vec<_>, Vec<_>) = self.participations.iter().partition(|(p, _)| p.heads_delegation());
        let others = |known: bool| others.iter().filter(move |(_, k)| *k == known).map(|(p, _)| p);
        participant::insert_rows(conn, others(false).inspect(|_| tick()))?;
        participant::update_rows(conn, others(true).inspect(|_| tick()))?;
        for (head, known) in heads {
            tick();
            if *known {
                participant::update_rows(conn, [head])?;
            } else {
                participant::insert_rows(conn, [head])?;
            }
        }
        Ok(())
    }
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
fn check_all(
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
                RowOutcome { line: row.line, action, name, delegation, reason: None }
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
                }
            }
        });
        checked.tick();
    }
    Ok((report, import.writes))
}

impl Store {
    /// What importing `rows` into the event would do, row by row; writes nothing.
    ///
    /// The very checks of [`Store::commit_import`] run, in a read transaction:
    /// a dry run takes no write lock, so it never waits for or blocks a writer.
    pub fn preview_import(&self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        self.preview_import_reporting(event_id, rows, &mut |_| {})
    }

    /// [`Store::preview_import`], telling `report` how far the check is.
    pub fn preview_import_reporting(
        &self,
        event_id: Uuid,
        rows: &[ImportRow],
        report: &mut dyn FnMut(ImportStep),
    ) -> Result<ImportReport> {
        self.snapshot(|conn| Ok(check_all(conn, event_id, rows, report)?.0))
    }

    /// Imports `rows` into the event, all or nothing: when any row would be
    /// rejected nothing is written and the error says how many and why.
    pub fn commit_import(&mut self, event_id: Uuid, rows: &[ImportRow]) -> Result<ImportReport> {
        self.commit_import_reporting(event_id, rows, &mut |_| {})
    }

    /// [`Store::commit_import`], telling `report` how far the check, then the writing, is.
    pub fn commit_import_reporting(
        &mut self,
        event_id: Uuid,
        rows: &[ImportRow],
        report: &mut dyn FnMut(ImportStep),
    ) -> Result<ImportReport> {
        if rows.is_empty() {
            return Err(Error::invalid(Field::File, "The file has no participants to import"));
        }
        self.write(|tx| {
            let (mut outcome, writes) = check_all(tx, event_id, rows, &mut *report)?;
            if outcome.rejected > 0 {
                let first = outcome.rows.iter().find(|r| r.action == RowAction::Reject);
                let detail = first
                    .map(|r| format!(" (line {}: {})", r.line, r.reason.as_deref().unwrap_or_default()))
                    .unwrap_or_default();
                return Err(Error::invalid(
                    Field::File,
                    format!(
                        "Nothing was imported: {} of {} rows cannot be taken{detail}. Correct them, or remove them from the file, and import again.",
                        outcome.rejected,
                        rows.len()
                    ),
                ));
            }
            writes.write(tx, report)?;
            outcome.committed = true;
            Ok(outcome)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store in memory with one event to import into.
    fn store_with_event() -> (Store, Uuid) {
        let mut store = Store::open_in_memory().unwrap();
        let event = store
            .create_event(&crate::EventInput {
                title: "Dialogue".into(),
                host_city: "Bangkok".into(),
                host_country: "TH".into(),
                time_zone: "Asia/Bangkok".into(),
                start_date: "2026-03-02".into(),
                end_date: "2026-03-03".into(),
                ..Default::default()
            })
            .unwrap()
            .id;
        (store, event)
    }

    #[test]
    fn a_dry_run_leaves_the_people_search_index_as_it_was() {
        let (mut store, event) = store_with_event();
        let row = |line, family: &str| ImportRow {
            line,
            family_name: family.into(),
            country: "Thailand".into(),
            ..ImportRow::default()
        };
        let preview = store.preview_import(event, &[row(2, "Wongsawat")]).unwrap();
        assert_eq!(preview.created, 1);
        assert!(store.search_people("Wongsawat", 10).unwrap().is_empty(), "nothing of the dry run is kept");
        store.commit_import(event, &[row(2, "Wongsawat"), row(3, "Phommachanh")]).unwrap();
        let found: Vec<String> = store.search_people("ongsa", 10).unwrap().into_iter().map(|p| p.family_name).collect();
        assert_eq!(found, ["Wongsawat"], "people imported after a dry run are found by search");
    }

    #[test]
    fn a_commit_reports_rows_checked_then_records_written() {
        let (mut store, event) = store_with_event();
        let rows: Vec<ImportRow> = (0..2_500)
            .map(|n| ImportRow {
                line: n + 2,
                family_name: format!("Person {n}"),
                country: "Thailand".into(),
                ..ImportRow::default()
            })
            .collect();
        let mut steps = Vec::new();
        store.commit_import_reporting(event, &rows, &mut |step| steps.push(step)).unwrap();
        let checking = |done| ImportStep::Checking { done, total: 2_500 };
        let writing = |done| ImportStep::Writing { done, total: 2_500 };
        let expected: Vec<ImportStep> = [0, 1_000, 2_000, 2_500]
            .map(checking)
            .into_iter()
            .chain([0, 500, 1_000, 1_500, 2_000, 2_500].map(writing))
            .collect();
        assert_eq!(steps, expected);
    }
}
