//! The delegation tracker: per delegation, its quota against invited,
//! nominated, confirmed, attended and declined participants, whether a head
//! is named, the gender split and the visa letters still needed; counted in SQL.

use crate::delegation::{protocol_order, shown_name, sort_name};
use crate::delegation_workflow::{self, DelegationWorkflow, WORKFLOW_COLUMNS};
use crate::error::Result;
use crate::event;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::vocabulary::{DelegationKind, EventStatus};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::LazyLock;
use uuid::Uuid;

/// One row per delegation of an event with its participants counted by status and gender.
pub(crate) static TRACKER_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT d.id, d.name, d.kind, d.country_code, d.quota,
                    COUNT(p.id) FILTER (WHERE p.status = 'invited'),
                    COUNT(p.id) FILTER (WHERE p.status = 'nominated'),
                    COUNT(p.id) FILTER (WHERE p.status = 'confirmed'),
                    COUNT(p.id) FILTER (WHERE p.status = 'attended'),
                    COUNT(p.id) FILTER (WHERE p.status = 'declined'),
                    COUNT(p.id) FILTER (WHERE p.status = 'cancelled'),
                    COUNT(p.id) FILTER (WHERE p.holds_seat),
                    COUNT(p.id) FILTER (WHERE p.holds_seat AND pe.gender = 'female'),
                    COUNT(p.id) FILTER (WHERE p.holds_seat AND pe.gender = 'male'),
                    COUNT(p.id) FILTER (WHERE p.holds_seat AND pe.gender = 'other'),
                    COUNT(p.id) FILTER (WHERE p.holds_seat AND pe.gender = 'undisclosed'),
                    COUNT(p.id) FILTER (WHERE p.holds_seat AND p.visa_letter_needed),
                    MAX(CASE WHEN p.role = 'head' AND p.holds_seat
                        THEN pe.full_name END),
                    {WORKFLOW_COLUMNS}
             FROM delegation d
             LEFT JOIN participant p ON p.delegation_id = d.id
             LEFT JOIN person pe ON pe.id = p.person_id
             WHERE d.event_id = ?1
             GROUP BY d.id"
    )
});

/// Counts of participants by status and gender.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct TrackerCounts {
    pub invited: u32,
    pub nominated: u32,
    pub confirmed: u32,
    pub attended: u32,
    pub declined: u32,
    pub cancelled: u32,
    /// Participants holding a seat: not declined or cancelled.
    pub seats_taken: u32,
    /// Gender split of those holding a seat.
    pub female: u32,
    pub male: u32,
    pub other_gender: u32,
    pub undisclosed_gender: u32,
    /// Seat holders whose visa letter is still needed.
    pub visa_letters_needed: u32,
}

impl TrackerCounts {
    fn add(&mut self, other: &TrackerCounts) {
        self.invited += other.invited;
        self.nominated += other.nominated;
        self.confirmed += other.confirmed;
        self.attended += other.attended;
        self.declined += other.declined;
        self.cancelled += other.cancelled;
        self.seats_taken += other.seats_taken;
        self.female += other.female;
        self.male += other.male;
        self.other_gender += other.other_gender;
        self.undisclosed_gender += other.undisclosed_gender;
        self.visa_letters_needed += other.visa_letters_needed;
    }
}

/// One delegation's line in the tracker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct TrackerRow {
    pub delegation_id: Uuid,
    pub name: String,
    pub kind: DelegationKind,
    pub country_code: Option<String>,
    pub quota: Option<u32>,
    pub counts: TrackerCounts,
    /// The head of delegation's name, when one is named.
    pub head: Option<String>,
    pub over_quota: bool,
    /// While the event is being planned: a government or organisation delegation without a head.
    pub needs_head: bool,
    /// While the event is being planned: seats of the quota still unfilled.
    pub under_quota: bool,
    /// Its invitation, nomination and credentials.
    pub workflow: DelegationWorkflow,
    /// While the event is being planned: the nomination deadline passed without a nomination.
    pub nomination_overdue: bool,
}

/// The tracker of an event: its delegations in protocol order and the totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct DelegationTracker {
    pub event_id: Uuid,
    pub rows: Vec<TrackerRow>,
    pub totals: TrackerCounts,
    /// Sum of the quotas of delegations that have one.
    pub total_quota: u32,
}

impl Store {
    /// The delegation tracker of an event.
    pub fn delegation_tracker(&self, event_id: Uuid) -> Result<DelegationTracker> {
        let event = event::ensure_exists(self.read(), event_id)?;
        let planning = matches!(event.status, EventStatus::Draft | EventStatus::Planned | EventStatus::Confirmed);
        let names = self.country_names()?;
        let today = chrono::Local::now().date_naive();
        let mut stmt = self.read().prepare_cached(&TRACKER_SQL)?;
        let rows = stmt.query_map([event_id], |r| {
            let quota: Option<u32> = r.get(4)?;
            let counts = TrackerCounts {
                invited: r.get(5)?,
                nominated: r.get(6)?,
                confirmed: r.get(7)?,
                attended: r.get(8)?,
                declined: r.get(9)?,
                cancelled: r.get(10)?,
                seats_taken: r.get(11)?,
                female: r.get(12)?,
                male: r.get(13)?,
                other_gender: r.get(14)?,
                undisclosed_gender: r.get(15)?,
                visa_letters_needed: r.get(16)?,
            };
            let kind: DelegationKind = r.get(2)?;
            let head: Option<String> = r.get(17)?;
            let name: String = r.get(1)?;
            let country_code: Option<String> = r.get(3)?;
            let workflow = delegation_workflow::from_row(r)?;
            Ok(TrackerRow {
                delegation_id: r.get(0)?,
                name: shown_name(names, country_code.as_deref(), &name).to_owned(),
                country_code,
                over_quota: quota.is_some_and(|q| counts.seats_taken > q),
                needs_head: planning
                    && head.is_none()
                    && matches!(kind, DelegationKind::Country | DelegationKind::Organisation),
                under_quota: planning && quota.is_some_and(|q| counts.seats_taken < q),
                nomination_overdue: planning && workflow.nomination_overdue(today),
                workflow,
                kind,
                quota,
                counts,
                head,
            })
        })?;
        let mut rows = rows.skip_damaged::<Vec<_>>()?;
        rows.sort_by(|a, b| {
            protocol_order(
                (a.kind, sort_name(names, a.country_code.as_deref(), &a.name)),
                (b.kind, sort_name(names, b.country_code.as_deref(), &b.name)),
            )
        });
        let mut totals = TrackerCounts::default();
        rows.iter().for_each(|row| totals.add(&row.counts));
        let total_quota = rows.iter().filter_map(|r| r.quota).sum();
        Ok(DelegationTracker { event_id, rows, totals, total_quota })
    }
}
