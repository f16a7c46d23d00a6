//! Delegations: the group that represents one government (by ISO 3166 code),
//! an organisation, the experts or the organising team at one event, with its
//! quota of seats. Protocol order lists countries alphabetically by English
//! short name, then organisations, experts and the organising team.

use crate::countries::{self, CountryNames, country_names_in};
use crate::error::{Checks, Error, Result};
use crate::event;
use crate::field::Field;
use crate::organisation;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::DelegationKind;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::cmp::Ordering;
use uuid::Uuid;

/// Largest quota accepted: a guard against a mistyped number.
pub const MAX_QUOTA: u32 = 10_000;

/// A delegation at an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Delegation {
    pub id: Uuid,
    pub event_id: Uuid,
    pub kind: DelegationKind,
    /// ISO 3166-1 alpha-2, for country delegations.
    pub country_code: Option<String>,
    pub organisation_id: Option<Uuid>,
    pub name: String,
    /// Seats offered; `None` when not limited.
    pub quota: Option<u32>,
    pub notes: String,
}

/// What a person types to create or change a delegation. The name may be left
/// empty for a country or an organisation: it is then the country's English
/// short name or the organisation's name.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct DelegationInput {
    pub kind: Option<DelegationKind>,
    pub country_code: Option<String>,
    pub organisation_id: Option<Uuid>,
    pub name: Option<String>,
    pub quota: Option<u32>,
    pub notes: String,
}

/// The position of a delegation in protocol order: by kind, then by name in
/// the collator's order (Côte d'Ivoire before Curaçao).
pub fn protocol_order(a: (DelegationKind, &str), b: (DelegationKind, &str)) -> Ordering {
    a.0.cmp(&b.0).then_with(|| crate::collation::compare(a.1, b.1))
}

/// The name a delegation is sorted by: the country's English short name (in the plan's naming), else its own.
pub fn sort_name<'a>(names: CountryNames, country_code: Option<&'a str>, name: &'a str) -> &'a str {
    country_code.and_then(countries::by_code).map_or(name, |c| names.of(c))
}

/// The name a delegation is shown by: one named after its country (by the
/// UN's name or ISO's, as it was when the delegation was made) follows the
/// plan's naming; a name the organiser typed otherwise is kept as typed.
pub fn shown_name<'a>(names: CountryNames, country_code: Option<&str>, name: &'a str) -> &'a str {
    match country_code.and_then(countries::by_code) {
        Some(country) if name == country.name || name == country.iso_name => names.of(country),
        _ => name,
    }
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Delegation> {
    Ok(Delegation {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        kind: row.get("kind")?,
        country_code: row.get("country_code")?,
        organisation_id: row.get("organisation_id")?,
        name: row.get("name")?,
        quota: row.get("quota")?,
        notes: row.get("notes")?,
    })
}

/// Fails unless the delegation exists.
pub(crate) fn ensure_exists(conn: &Connection, id: Uuid) -> Result<Delegation> {
    conn.query_row("SELECT * FROM delegation WHERE id = ?1", [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "Delegation" })
}

/// Checks an input against the rules and the event's other delegations.
pub(crate) fn validated(conn: &Connection, event_id: Uuid, id: Uuid, input: &DelegationInput) -> Result<Delegation> {
    let kind = input.kind.unwrap_or(if input.organisation_id.is_some() {
        DelegationKind::Organisation
    } else {
        DelegationKind::Country
    });
    let mut checks = Checks::default();
    let country_code = checks.check(match kind {
        DelegationKind::Country => {
            validate::country(Field::CountryCode, input.country_code.as_deref().unwrap_or("")).map(Some)
        }
        _ => validate::optional_country(Field::CountryCode, input.country_code.as_deref()),
    });
    let organisation = checks.check(match (kind, input.organisation_id) {
        (_, Some(org_id)) => organisation::ensure_exists(conn, org_id, Field::OrganisationId).map(Some),
        (DelegationKind::Organisation, None) => {
            Err(Error::invalid(Field::OrganisationId, "Choose the organisation this delegation represents"))
        }
        _ => Ok(None),
    });
    let typed_name = checks.check(validate::optional_line(Field::Name, "Name", input.name.as_deref()));
    let name = match (typed_name, kind) {
        (Some(name), _) => name,
        (None, DelegationKind::Country) => {
            country_names_in(conn)?.name_of(country_code.as_deref().unwrap_or_default()).to_owned()
        }
        (None, DelegationKind::Organisation) => organisation.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
        (None, DelegationKind::ExpertGroup) => "Experts".to_owned(),
        (None, DelegationKind::OrganisingTeam) => "Organising team".to_owned(),
    };
    let name = checks.check(validate::required(Field::Name, "Name", &name, LINE_MAX));
    if let Some(quota) = input.quota.filter(|q| *q > MAX_QUOTA) {
        checks.check::<()>(Err(Error::invalid(
            Field::Quota,
            format!("A quota of {quota} seats is not plausible; at most {MAX_QUOTA}"),
        )));
    }
    let notes = checks.check(validate::limited(Field::Notes, "Notes", &input.notes, TEXT_MAX));
    checks.done()?;
    let clash: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT name, country_code FROM delegation
             WHERE event_id = ?1 AND id <> ?2
               AND (fold(name) = fold(?3) OR (kind = 'country' AND ?4 = 'country' AND country_code = ?5))",
            params![event_id, id, name, kind, country_code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((other, other_country)) = clash {
        return Err(match other_country {
            Some(code) if kind == DelegationKind::Country && country_code.as_deref() == Some(code.as_str()) => {
                Error::duplicate(
                    Field::CountryCode,
                    format!(
                        "{} already has a delegation at this event ({other})",
                        country_names_in(conn)?.name_of(&code)
                    ),
                )
            }
            _ => Error::duplicate(Field::Name, format!("A delegation called '{other}' already exists at this event")),
        });
    }
    Ok(Delegation {
        id,
        event_id,
        kind,
        country_code,
        organisation_id: organisation.map(|o| o.id),
        name,
        quota: input.quota,
        notes,
    })
}

/// Checks and inserts a delegation (the event must exist).
pub(crate) fn insert(conn: &Connection, event_id: Uuid, input: &DelegationInput) -> Result<Delegation> {
    let d = validated(conn, event_id, Uuid::now_v7(), input)?;
    insert_row(conn, &d)?;
    Ok(d)
}

/// Writes a delegation that [`validated`] returned.
pub(crate) fn insert_row(conn: &Connection, d: &Delegation) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO delegation (id, event_id, kind, country_code, organisation_id, name, quota, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![d.id, d.event_id, d.kind, d.country_code, d.organisation_id, d.name, d.quota, d.notes])?;
    Ok(())
}

impl Store {
    /// Adds a delegation to an event.
    pub fn create_delegation(&mut self, event_id: Uuid, input: &DelegationInput) -> Result<Delegation> {
        self.write(|tx| {
            event::ensure_exists(tx, event_id)?;
            insert(tx, event_id, input)
        })
    }

    /// Changes a delegation.
    pub fn update_delegation(&mut self, id: Uuid, input: &DelegationInput) -> Result<Delegation> {
        self.write(|tx| {
            let current = ensure_exists(tx, id)?;
            let d = validated(tx, current.event_id, id, input)?;
            tx.execute(
                "UPDATE delegation SET kind = ?2, country_code = ?3, organisation_id = ?4, name = ?5, quota = ?6, notes = ?7
                 WHERE id = ?1",
                params![id, d.kind, d.country_code, d.organisation_id, d.name, d.quota, d.notes],
            )?;
            Ok(d)
        })
    }

    /// Deletes a delegation and its members' participation in the event (the
    /// people themselves stay in the plan).
    pub fn delete_delegation(&mut self, id: Uuid) -> Result<()> {
        self.back_up(crate::BackupReason::BeforeDelete)?;
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM delegation WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Delegation" });
        }
        Ok(())
    }

    /// One delegation, named as the plan names countries.
    pub fn delegation(&self, id: Uuid) -> Result<Delegation> {
        let mut delegation = ensure_exists(self.read(), id)?;
        delegation.name =
            shown_name(self.country_names()?, delegation.country_code.as_deref(), &delegation.name).into();
        Ok(delegation)
    }

    /// The delegations of an event in protocol order.
    pub fn list_delegations(&self, event_id: Uuid) -> Result<Vec<Delegation>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached("SELECT * FROM delegation WHERE event_id = ?1")?;
        let mut rows = stmt.query_map([event_id], from_row)?.skip_damaged::<Vec<_>>()?;
        let names = self.country_names()?;
        for delegation in &mut rows {
            delegation.name = shown_name(names, delegation.country_code.as_deref(), &delegation.name).into();
        }
        rows.sort_by(|a, b| {
            protocol_order(
                (a.kind, sort_name(names, a.country_code.as_deref(), &a.name)),
                (b.kind, sort_name(names, b.country_code.as_deref(), &b.name)),
            )
        });
        Ok(rows)
    }
}
