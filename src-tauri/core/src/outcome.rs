//! After the event: outcomes recorded per country (or for the whole event)
//! and the follow-up actions, with owner, due date and status.

use crate::countries::CountryNames;
use crate::error::{Error, Result};
use crate::event::{self, parse_date};
use crate::field::Field;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, LINE_MAX, TEXT_MAX};
use crate::vocabulary::FollowUpStatus;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// An outcome of an event, for one country or for all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Outcome {
    pub id: Uuid,
    pub event_id: Uuid,
    pub country_code: Option<String>,
    pub country_name: Option<String>,
    pub summary: String,
}

/// What a person types for an outcome.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct OutcomeInput {
    pub country_code: Option<String>,
    pub summary: String,
}

/// A follow-up action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct FollowUp {
    pub id: Uuid,
    pub event_id: Uuid,
    pub country_code: Option<String>,
    pub action: String,
    pub owner: String,
    pub due_date: Option<NaiveDate>,
    pub status: FollowUpStatus,
}

/// What a person types for a follow-up.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct FollowUpInput {
    pub country_code: Option<String>,
    pub action: String,
    pub owner: String,
    pub due_date: Option<String>,
    pub status: Option<FollowUpStatus>,
}

pub(crate) fn outcome_from_row(names: CountryNames, row: &Row<'_>) -> rusqlite::Result<Outcome> {
    let country_code: Option<String> = row.get("country_code")?;
    Ok(Outcome {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        country_name: country_code.as_deref().map(|c| names.name_of(c).to_owned()),
        country_code,
        summary: row.get("summary")?,
    })
}

pub(crate) fn follow_up_from_row(row: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        country_code: row.get("country_code")?,
        action: row.get("action")?,
        owner: row.get("owner")?,
        due_date: row.get("due_date")?,
        status: row.get("status")?,
    })
}

impl FollowUpInput {
    fn validated(&self, id: Uuid, event_id: Uuid) -> Result<FollowUp> {
        Ok(FollowUp {
            id,
            event_id,
            country_code: validate::optional_country(Field::CountryCode, self.country_code.as_deref())?,
            action: validate::required(Field::Action, "Action", &self.action, TEXT_MAX)?,
            owner: validate::limited(Field::Owner, "Owner", &self.owner, LINE_MAX)?,
            due_date: match self.due_date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
                None => None,
                Some(text) => Some(parse_date(Field::DueDate, "Due date", text)?),
            },
            status: self.status.unwrap_or(FollowUpStatus::Open),
        })
    }
}

impl Store {
    /// Records an outcome of an event.
    pub fn add_outcome(&mut self, event_id: Uuid, input: &OutcomeInput) -> Result<Outcome> {
        self.transaction(|s| {
            let country_code = validate::optional_country(Field::CountryCode, input.country_code.as_deref())?;
            let summary = validate::required(Field::Summary, "Outcome", &input.summary, TEXT_MAX)?;
            let id = Uuid::now_v7();
            s.write(|tx| {
                event::ensure_exists(tx, event_id)?;
                tx.execute(
                    "INSERT INTO outcome (id, event_id, country_code, summary, position)
                     VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(position), 0) + 1 FROM outcome WHERE event_id = ?2))",
                    params![id, event_id, country_code, summary],
                )?;
                Ok(())
            })?;
            s.outcome(id)
        })
    }

    /// Changes an outcome.
    pub fn update_outcome(&mut self, id: Uuid, input: &OutcomeInput) -> Result<Outcome> {
        self.transaction(|s| {
            let country_code = validate::optional_country(Field::CountryCode, input.country_code.as_deref())?;
            let summary = validate::required(Field::Summary, "Outcome", &input.summary, TEXT_MAX)?;
            let changed = s.write(|tx| {
                Ok(tx.execute(
                    "UPDATE outcome SET country_code = ?2, summary = ?3 WHERE id = ?1",
                    params![id, country_code, summary],
                )?)
            })?;
            if changed == 0 {
                return Err(Error::NotFound { what: "Outcome" });
            }
            s.outcome(id)
        })
    }

    /// Removes an outcome.
    pub fn delete_outcome(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM outcome WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Outcome" });
        }
        Ok(())
    }

    fn outcome(&self, id: Uuid) -> Result<Outcome> {
        let names = self.country_names()?;
        self.read()
            .query_row("SELECT * FROM outcome WHERE id = ?1", [id], |r| outcome_from_row(names, r))
            .optional()?
            .ok_or(Error::NotFound { what: "Outcome" })
    }

    /// The outcomes of an event, in the order recorded.
    pub fn outcomes(&self, event_id: Uuid) -> Result<Vec<Outcome>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached("SELECT * FROM outcome WHERE event_id = ?1 ORDER BY position")?;
        let names = self.country_names()?;
        let rows = stmt.query_map([event_id], |r| outcome_from_row(names, r))?;
        Ok(rows.skip_damaged()?)
    }

    /// Records a follow-up action.
    pub fn add_follow_up(&mut self, event_id: Uuid, input: &FollowUpInput) -> Result<FollowUp> {
        let f = input.validated(Uuid::now_v7(), event_id)?;
        self.write(|tx| {
            event::ensure_exists(tx, event_id)?;
            tx.execute(
                "INSERT INTO follow_up (id, event_id, country_code, action, owner, due_date, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![f.id, f.event_id, f.country_code, f.action, f.owner, f.due_date, f.status],
            )?;
            Ok(())
        })?;
        Ok(f)
    }

    /// Changes a follow-up action.
    pub fn update_follow_up(&mut self, id: Uuid, input: &FollowUpInput) -> Result<FollowUp> {
        self.transaction(|s| {
            let event_id: Uuid = s
                .read()
                .query_row("SELECT event_id FROM follow_up WHERE id = ?1", [id], |r| r.get(0))
                .optional()?
                .ok_or(Error::NotFound { what: "Follow-up" })?;
            let f = input.validated(id, event_id)?;
            s.write(|tx| {
                tx.execute(
                    "UPDATE follow_up SET country_code = ?2, action = ?3, owner = ?4, due_date = ?5, status = ?6 WHERE id = ?1",
                    params![id, f.country_code, f.action, f.owner, f.due_date, f.status],
                )?;
                Ok(())
            })?;
            Ok(f)
        })
    }

    /// Removes a follow-up action.
    pub fn delete_follow_up(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM follow_up WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Follow-up" });
        }
        Ok(())
    }

    /// The follow-ups of an event, soonest due first (undated last).
    pub fn follow_ups(&self, event_id: Uuid) -> Result<Vec<FollowUp>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached(
            "SELECT * FROM follow_up WHERE event_id = ?1 ORDER BY due_date IS NULL, due_date, action",
        )?;
        let rows = stmt.query_map([event_id], follow_up_from_row)?;
        Ok(rows.skip_damaged()?)
    }
}
