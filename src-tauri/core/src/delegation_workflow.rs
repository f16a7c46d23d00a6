//! A delegation's own workflow, as a secretariat follows it: who its focal
//! point is, when and how the invitation went out (note verbale, letter,
//! e-mail), by when the nomination is due, and when the nomination and the
//! credentials came. Kept apart from the delegation's identity (its country,
//! name and quota) and saved on its own, so that recording a note verbale
//! never touches the quota. A next stop's delegations start without it: each
//! stop invites afresh.

use crate::error::{Checks, Error, Result};
use crate::event::parse_date;
use crate::field::Field;
use crate::store::Store;
use crate::vocabulary::InvitationChannel;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// Where a delegation stands with its invitation, nomination and credentials.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct DelegationWorkflow {
    /// The person the secretariat writes to (a person of the plan).
    pub focal_point_id: Option<Uuid>,
    /// Their name, as the lists show it.
    pub focal_point_name: Option<String>,
    pub invitation_sent_on: Option<NaiveDate>,
    pub invitation_channel: Option<InvitationChannel>,
    pub nomination_deadline: Option<NaiveDate>,
    pub nomination_received_on: Option<NaiveDate>,
    pub credentials_received_on: Option<NaiveDate>,
}

impl DelegationWorkflow {
    /// Whether the nomination deadline has passed, as of `today`, without a nomination.
    pub fn nomination_overdue(&self, today: NaiveDate) -> bool {
        self.nomination_received_on.is_none() && self.nomination_deadline.is_some_and(|deadline| deadline < today)
    }
}

/// What a person types for a delegation's workflow; dates as `YYYY-MM-DD`, empty for none.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct DelegationWorkflowInput {
    pub focal_point_id: Option<Uuid>,
    pub invitation_sent_on: Option<String>,
    pub invitation_channel: Option<InvitationChannel>,
    pub nomination_deadline: Option<String>,
    pub nomination_received_on: Option<String>,
    pub credentials_received_on: Option<String>,
}

/// The workflow columns of a delegation row read with [`WORKFLOW_COLUMNS`].
pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<DelegationWorkflow> {
    Ok(DelegationWorkflow {
        focal_point_id: row.get("focal_point_id")?,
        focal_point_name: row.get("focal_point_name")?,
        invitation_sent_on: row.get("invitation_sent_on")?,
        invitation_channel: row.get("invitation_channel")?,
        nomination_deadline: row.get("nomination_deadline")?,
        nomination_received_on: row.get("nomination_received_on")?,
        credentials_received_on: row.get("credentials_received_on")?,
    })
}

/// The columns [`from_row`] reads, for a query on `delegation d`.
pub(crate) const WORKFLOW_COLUMNS: &str = "d.focal_point_id, d.invitation_sent_on, d.invitation_channel,
    d.nomination_deadline, d.nomination_received_on, d.credentials_received_on,
    (SELECT fp.full_name FROM person fp WHERE fp.id = d.focal_point_id) AS focal_point_name";

fn optional_date(checks: &mut Checks, field: Field, label: &str, text: &Option<String>) -> Option<NaiveDate> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    checks.check(parse_date(field, label, text).map(Some))
}

impl Store {
    /// A delegation's workflow.
    pub fn delegation_workflow(&self, delegation_id: Uuid) -> Result<DelegationWorkflow> {
        self.read()
            .query_row(
                &format!("SELECT {WORKFLOW_COLUMNS} FROM delegation d WHERE d.id = ?1"),
                [delegation_id],
                from_row,
            )
            .optional()?
            .ok_or(Error::NotFound { what: "Delegation" })
    }

    /// Records a delegation's workflow, all of it at once (a field left empty is cleared).
    pub fn set_delegation_workflow(
        &mut self,
        delegation_id: Uuid,
        input: &DelegationWorkflowInput,
    ) -> Result<DelegationWorkflow> {
        let mut checks = Checks::default();
        let sent = optional_date(&mut checks, Field::InvitationSentOn, "Invitation sent", &input.invitation_sent_on);
        let deadline =
            optional_date(&mut checks, Field::NominationDeadline, "Nomination due", &input.nomination_deadline);
        let nominated = optional_date(
            &mut checks,
            Field::NominationReceivedOn,
            "Nomination received",
            &input.nomination_received_on,
        );
        let credentials = optional_date(
            &mut checks,
            Field::CredentialsReceivedOn,
            "Credentials received",
            &input.credentials_received_on,
        );
        checks.done()?;
        self.transaction(|s| {
            s.write(|tx| {
                if let Some(person) = input.focal_point_id {
                    let found: Option<i64> =
                        tx.query_row("SELECT 1 FROM person WHERE id = ?1", [person], |r| r.get(0)).optional()?;
                    if found.is_none() {
                        return Err(Error::invalid(
                            Field::FocalPointId,
                            "The chosen focal point is no longer in the plan",
                        ));
                    }
                }
                let changed = tx.execute(
                    "UPDATE delegation SET focal_point_id = ?2, invitation_sent_on = ?3, invitation_channel = ?4,
                        nomination_deadline = ?5, nomination_received_on = ?6, credentials_received_on = ?7
                     WHERE id = ?1",
                    params![
                        delegation_id,
                        input.focal_point_id,
                        sent,
                        input.invitation_channel,
                        deadline,
                        nominated,
                        credentials
                    ],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Delegation" });
                }
                Ok(())
            })?;
            s.delegation_workflow(delegation_id)
        })
    }
}
