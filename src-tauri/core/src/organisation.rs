//! Organisations: reusable records (IOM Thailand, OHCHR, a ministry, a
//! funder) and the role each plays at an event.

use crate::error::{Checks, Error, Result};
use crate::event;
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX};
use crate::vocabulary::{OrganisationKind, OrganiserRole};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// An organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: OrganisationKind,
    pub country_code: Option<String>,
    pub website: Option<String>,
}

/// What a person types to create or change an organisation.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct OrganisationInput {
    pub name: String,
    pub short_name: Option<String>,
    pub kind: Option<OrganisationKind>,
    pub country_code: Option<String>,
    pub website: Option<String>,
}

/// An organisation's role at one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct EventOrganiser {
    pub event_id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub short_name: Option<String>,
    pub role: OrganiserRole,
}

impl OrganisationInput {
    fn validated(&self) -> Result<Organisation> {
        let mut checks = Checks::default();
        let organisation = Organisation {
            id: Uuid::nil(),
            name: checks.check(validate::required(Field::Name, "Name", &self.name, LINE_MAX)),
            short_name: checks.check(validate::optional_line(
                Field::ShortName,
                "Short name",
                self.short_name.as_deref(),
            )),
            kind: self.kind.unwrap_or(OrganisationKind::Other),
            country_code: checks.check(validate::optional_country(Field::CountryCode, self.country_code.as_deref())),
            website: checks.check(validate::optional_line(Field::Website, "Website", self.website.as_deref())),
        };
        checks.done()?;
        Ok(organisation)
    }
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: row.get("id")?,
        name: row.get("name")?,
        short_name: row.get("short_name")?,
        kind: row.get("kind")?,
        country_code: row.get("country_code")?,
        website: row.get("website")?,
    })
}

/// Fails unless the organisation exists.
pub(crate) fn ensure_exists(conn: &Connection, id: Uuid, field: Field) -> Result<Organisation> {
    conn.query_row("SELECT * FROM organisation WHERE id = ?1", [id], from_row)
        .optional()?
        .ok_or_else(|| Error::invalid(field, "The chosen organisation no longer exists"))
}

fn ensure_name_free(conn: &Connection, name: &str, except: Option<Uuid>) -> Result<()> {
    let taken: Option<Uuid> = conn
        .query_row(
            "SELECT id FROM organisation WHERE fold(name) = fold(?1) AND id IS NOT ?2",
            params![name, except],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(Error::duplicate(Field::Name, format!("An organisation called '{name}' already exists"))),
        None => Ok(()),
    }
}

impl Store {
    /// Creates an organisation; its name must be new.
    pub fn create_organisation(&mut self, input: &OrganisationInput) -> Result<Organisation> {
        let mut org = input.validated()?;
        org.id = Uuid::now_v7();
        self.write(|tx| {
            ensure_name_free(tx, &org.name, None)?;
            tx.execute(
                "INSERT INTO organisation (id, name, short_name, kind, country_code, website) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![org.id, org.name, org.short_name, org.kind, org.country_code, org.website],
            )?;
            Ok(())
        })?;
        Ok(org)
    }

    /// Changes an organisation.
    pub fn update_organisation(&mut self, id: Uuid, input: &OrganisationInput) -> Result<Organisation> {
        let mut org = input.validated()?;
        org.id = id;
        self.write(|tx| {
            ensure_name_free(tx, &org.name, Some(id))?;
            let changed = tx.execute(
                "UPDATE organisation SET name = ?2, short_name = ?3, kind = ?4, country_code = ?5, website = ?6 WHERE id = ?1",
                params![org.id, org.name, org.short_name, org.kind, org.country_code, org.website],
            )?;
            if changed == 0 {
                return Err(Error::NotFound { what: "Organisation" });
            }
            Ok(())
        })?;
        Ok(org)
    }

    /// Deletes an organisation that no event uses any more.
    pub fn delete_organisation(&mut self, id: Uuid) -> Result<()> {
        self.write(|tx| {
            let org = ensure_exists(tx, id, Field::Id).map_err(|_| Error::NotFound { what: "Organisation" })?;
            let uses: i64 = tx.query_row(
                "SELECT (SELECT COUNT(*) FROM event_organiser WHERE organisation_id = ?1)
                      + (SELECT COUNT(*) FROM funding WHERE funder_id = ?1)
                      + (SELECT COUNT(*) FROM delegation WHERE organisation_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if uses > 0 {
                return Err(Error::InUse {
                    message: format!(
                        "{} is still an organiser, funder or delegation at {uses} place(s); remove it there first",
                        org.name
                    ),
                });
            }
            tx.execute("DELETE FROM organisation WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// One organisation.
    pub fn organisation(&self, id: Uuid) -> Result<Organisation> {
        ensure_exists(self.read(), id, Field::Id).map_err(|_| Error::NotFound { what: "Organisation" })
    }

    /// Every organisation, by name.
    pub fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let mut stmt = self.read().prepare_cached("SELECT * FROM organisation ORDER BY name COLLATE unicode")?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.skip_damaged()?)
    }

    /// The organisation with this name or short name (any case), if any.
    pub fn find_organisation(&self, name: &str) -> Result<Option<Organisation>> {
        Ok(self
            .read()
            .query_row(
                "SELECT * FROM organisation WHERE fold(name) = fold(?1) OR fold(short_name) = fold(?1)
                 ORDER BY fold(name) = fold(?1) DESC LIMIT 1",
                [name.trim()],
                from_row,
            )
            .optional()?)
    }

    /// Gives an organisation a role at an event (no effect when it has it already).
    pub fn assign_organiser(
        &mut self,
        event_id: Uuid,
        organisation_id: Uuid,
        role: OrganiserRole,
    ) -> Result<Vec<EventOrganiser>> {
        self.transaction(|s| {
            s.write(|tx| {
                event::ensure_exists(tx, event_id)?;
                ensure_exists(tx, organisation_id, Field::OrganisationId)?;
                tx.execute(
                    "INSERT OR IGNORE INTO event_organiser (event_id, organisation_id, role) VALUES (?1, ?2, ?3)",
                    params![event_id, organisation_id, role],
                )?;
                Ok(())
            })?;
            s.event_organisers(event_id)
        })
    }

    /// Takes a role at an event away from an organisation.
    pub fn remove_organiser(
        &mut self,
        event_id: Uuid,
        organisation_id: Uuid,
        role: OrganiserRole,
    ) -> Result<Vec<EventOrganiser>> {
        self.transaction(|s| {
            let removed = s.write(|tx| {
                Ok(tx.execute(
                    "DELETE FROM event_organiser WHERE event_id = ?1 AND organisation_id = ?2 AND role = ?3",
                    params![event_id, organisation_id, role],
                )?)
            })?;
            if removed == 0 {
                return Err(Error::NotFound { what: "Organiser role" });
            }
            s.event_organisers(event_id)
        })
    }

    /// The organisations of an event with their roles, lead organisers first.
    pub fn event_organisers(&self, event_id: Uuid) -> Result<Vec<EventOrganiser>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached(
            "SELECT eo.event_id, eo.organisation_id, o.name, o.short_name, eo.role
             FROM event_organiser eo JOIN organisation o ON o.id = eo.organisation_id
             WHERE eo.event_id = ?1
             ORDER BY CASE eo.role WHEN 'lead_organiser' THEN 0 WHEN 'co_organiser' THEN 1 WHEN 'host' THEN 2
                      WHEN 'funder' THEN 3 ELSE 4 END, o.name COLLATE unicode",
        )?;
        let rows = stmt.query_map([event_id], |row| {
            Ok(EventOrganiser {
                event_id: row.get(0)?,
                organisation_id: row.get(1)?,
                organisation_name: row.get(2)?,
                short_name: row.get(3)?,
                role: row.get(4)?,
            })
        })?;
        Ok(rows.skip_damaged()?)
    }
}
