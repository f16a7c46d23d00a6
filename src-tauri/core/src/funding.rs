//! Funding: who pays, through which programme, how much, for what; and the
//! acknowledgement line printed on the programme.

use crate::error::{Checks, Error, Result};
use crate::event;
use crate::field::Field;
use crate::organisation;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::validate::{self, TEXT_MAX};
use crate::vocabulary::FundingCover;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// One funder's support for an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Funding {
    pub id: Uuid,
    pub event_id: Uuid,
    pub funder_id: Uuid,
    pub funder_name: String,
    pub programme: Option<String>,
    /// Whole units of `currency`.
    pub amount: Option<u32>,
    pub currency: Option<String>,
    pub covers: Vec<FundingCover>,
    /// The line printed on the programme; `None` until someone writes it.
    pub acknowledgement: Option<String>,
}

/// What a person types to record a funding.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct FundingInput {
    pub funder_id: Uuid,
    pub programme: Option<String>,
    pub amount: Option<u32>,
    pub currency: Option<String>,
    pub covers: Vec<FundingCover>,
    pub acknowledgement: Option<String>,
}

struct ValidFunding {
    programme: Option<String>,
    currency: Option<String>,
    covers: String,
    acknowledgement: Option<String>,
}

impl FundingInput {
    fn validated(&self) -> Result<ValidFunding> {
        let mut checks = Checks::default();
        let currency =
            checks.check(validate::currency(Field::Currency, self.currency.as_deref()).and_then(|currency| {
                match currency {
                    None if self.amount.is_some() => {
                        Err(Error::invalid(Field::Currency, "Give the currency of the amount (for example USD)"))
                    }
                    currency => Ok(currency),
                }
            }));
        let mut covers = self.covers.clone();
        covers.sort();
        covers.dedup();
        let acknowledgement = self
            .acknowledgement
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|text| checks.check(validate::limited(Field::Acknowledgement, "Acknowledgement", text, TEXT_MAX)));
        let programme = checks.check(validate::optional_line(Field::Programme, "Programme", self.programme.as_deref()));
        checks.done()?;
        Ok(ValidFunding {
            programme,
            currency,
            covers: serde_json::to_string(&covers).expect("a list of names serialises"),
            acknowledgement,
        })
    }
}

/// The programme's line, "made possible with financial support from …",
/// joining every funder (with its programme) of the event in order.
pub fn acknowledgement_line(fundings: &[Funding]) -> Option<String> {
    let parts: Vec<String> = fundings
        .iter()
        .map(|f| match &f.programme {
            Some(programme) => format!("{}, through the {programme}", f.funder_name),
            None => f.funder_name.clone(),
        })
        .collect();
    let joined = match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{}, and {last}", init.join("; ")),
    };
    Some(format!("Made possible with financial support from {joined}."))
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Funding> {
    let covers: String = row.get("covers")?;
    Ok(Funding {
        id: row.get("id")?,
        event_id: row.get("event_id")?,
        funder_id: row.get("funder_id")?,
        funder_name: row.get("funder_name")?,
        programme: row.get("programme")?,
        amount: row.get("amount")?,
        currency: row.get("currency")?,
        covers: serde_json::from_str(&covers)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?,
        acknowledgement: row.get("acknowledgement")?,
    })
}

const SELECT: &str = "SELECT f.*, o.name AS funder_name FROM funding f JOIN organisation o ON o.id = f.funder_id";

impl Store {
    /// Records a funding of an event.
    pub fn add_funding(&mut self, event_id: Uuid, input: &FundingInput) -> Result<Funding> {
        self.transaction(|s| {
            let v = input.validated()?;
            let id = Uuid::now_v7();
            s.write(|tx| {
                event::ensure_exists(tx, event_id)?;
                organisation::ensure_exists(tx, input.funder_id, Field::FunderId)?;
                tx.execute(
                    "INSERT INTO funding (id, event_id, funder_id, programme, amount, currency, covers, acknowledgement, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                        (SELECT COALESCE(MAX(position), 0) + 1 FROM funding WHERE event_id = ?2))",
                    params![id, event_id, input.funder_id, v.programme, input.amount, v.currency, v.covers, v.acknowledgement],
                )?;
                Ok(())
            })?;
            s.funding(id)
        })
    }

    /// Changes a funding.
    pub fn update_funding(&mut self, id: Uuid, input: &FundingInput) -> Result<Funding> {
        self.transaction(|s| {
            let v = input.validated()?;
            s.write(|tx| {
                organisation::ensure_exists(tx, input.funder_id, Field::FunderId)?;
                let changed = tx.execute(
                    "UPDATE funding SET funder_id = ?2, programme = ?3, amount = ?4, currency = ?5, covers = ?6,
                        acknowledgement = ?7 WHERE id = ?1",
                    params![id, input.funder_id, v.programme, input.amount, v.currency, v.covers, v.acknowledgement],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Funding" });
                }
                Ok(())
            })?;
            s.funding(id)
        })
    }

    /// Removes a funding.
    pub fn delete_funding(&mut self, id: Uuid) -> Result<()> {
        let deleted = self.write(|tx| Ok(tx.execute("DELETE FROM funding WHERE id = ?1", [id])?))?;
        if deleted == 0 {
            return Err(Error::NotFound { what: "Funding" });
        }
        Ok(())
    }

    /// One funding.
    pub fn funding(&self, id: Uuid) -> Result<Funding> {
        self.read()
            .query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], from_row)
            .optional()?
            .ok_or(Error::NotFound { what: "Funding" })
    }

    /// The fundings of an event, in the order they were recorded.
    pub fn event_fundings(&self, event_id: Uuid) -> Result<Vec<Funding>> {
        event::ensure_exists(self.read(), event_id)?;
        let mut stmt = self.read().prepare_cached(&format!("{SELECT} WHERE f.event_id = ?1 ORDER BY f.position"))?;
        let rows = stmt.query_map([event_id], from_row)?;
        Ok(rows.skip_damaged()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn funding(name: &str, programme: Option<&str>) -> Funding {
        Funding {
            id: Uuid::nil(),
            event_id: Uuid::nil(),
            funder_id: Uuid::nil(),
            funder_name: name.into(),
            programme: programme.map(Into::into),
            amount: None,
            currency: None,
            covers: vec![],
            acknowledgement: None,
        }
    }

    #[test]
    fn acknowledgement_names_every_funder_and_programme() {
        assert_eq!(acknowledgement_line(&[]), None);
        let line = acknowledgement_line(&[
            funding(
                "the U.S. Department of State Bureau of Population, Refugees and Migration",
                Some("Asia Regional Migration Program"),
            ),
            funding("the Bali Process Regional Support Office", None),
        ])
        .unwrap();
        assert_eq!(
            line,
            "Made possible with financial support from the U.S. Department of State Bureau of Population, Refugees and Migration, \
             through the Asia Regional Migration Program, and the Bali Process Regional Support Office."
        );
    }
}
