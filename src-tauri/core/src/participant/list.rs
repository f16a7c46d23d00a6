//! Reading an event's participants as the lists show them: each with the
//! person and the delegation, narrowed by a filter, in protocol order.

use super::{Participant, ensure_exists, from_row};
use crate::collation;
use crate::delegation;
use crate::error::{Error, Result};
use crate::event;
use crate::person::{self, Person};
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::text::fold;
use crate::vocabulary::{DelegationKind, ParticipantRole, ParticipantStatus};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;
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

/// A participant as lists show them: the participation, the person and the delegation.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ParticipantView {
    pub participant: Participant,
    pub person: Person,
    pub delegation_name: String,
    pub delegation_kind: DelegationKind,
    pub country_code: Option<String>,
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

impl Store {
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
        let names = self.country_names()?;
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
                let delegation_name: String = row.get("delegation_name")?;
                let country_code: Option<String> = row.get("country_code")?;
                Ok(ParticipantView {
                    participant: from_row(row)?,
                    person: person::from_row_with_id(row, "pe_id")?,
                    delegation_name: delegation::shown_name(names, country_code.as_deref(), &delegation_name)
                        .to_owned(),
                    delegation_kind: row.get("delegation_kind")?,
                    country_code,
                })
            },
        )?;
        let mut list = rows.skip_damaged::<Vec<_>>()?;
        list.sort_by(|a, b| {
            delegation::protocol_order(
                (a.delegation_kind, delegation::sort_name(names, a.country_code.as_deref(), &a.delegation_name)),
                (b.delegation_kind, delegation::sort_name(names, b.country_code.as_deref(), &b.delegation_name)),
            )
            .then_with(|| {
                (a.participant.role != ParticipantRole::Head).cmp(&(b.participant.role != ParticipantRole::Head))
            })
            .then_with(|| collation::compare(&a.person.family_name, &b.person.family_name))
            .then_with(|| collation::compare(&a.person.given_name, &b.person.given_name))
        });
        Ok(list)
    }
}
