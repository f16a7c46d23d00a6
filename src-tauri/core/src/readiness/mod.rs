//! The readiness panel: what still needs the organiser's attention before
//! the event, each item pointing at the screen (and record) where it is fixed.
//!
//! While an event is being planned, most items are only "not yet" (seats not
//! filled, no head named, a speaker not confirmed, a nomination due soon): the
//! normal state of a plan in progress. Only what is wrong whatever the stage
//! (a delegation over its quota, a clash in the programme, logistics that do
//! not fit the agenda or the funding, a visa letter or a nomination that is
//! late) is a problem from the first minute; once the event is held,
//! everything left is a problem. The logistics, the visa letters and the
//! series' open follow-ups have modules of their own.

mod logistics;
mod series;
mod visa;

use crate::conflicts;
use crate::error::Result;
use crate::shown;
use crate::store::Store;
use crate::tracker::TrackerRow;
use crate::vocabulary::EventStatus;
use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use specta::Type;
use uuid::Uuid;

/// What kind of attention an item needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessKind {
    NoDelegations,
    NoAgenda,
    DelegationWithoutHead,
    DelegationUnderQuota,
    DelegationOverQuota,
    NominationOverdue,
    NominationDue,
    UnconfirmedSpeaker,
    SingleGenderPanel,
    AgendaConflict,
    FunderWithoutAcknowledgement,
    ArrivesAfterSession,
    LeavesBeforeSession,
    TravelNotCovered,
    VisaLetterLate,
    VisaLetterNeeded,
    CopiedTextToReview,
    OpenFollowUp,
}

impl ReadinessKind {
    /// Whether the item is wrong at any stage, not merely not done yet.
    fn is_problem_while_planning(self) -> bool {
        matches!(
            self,
            ReadinessKind::DelegationOverQuota
                | ReadinessKind::AgendaConflict
                | ReadinessKind::ArrivesAfterSession
                | ReadinessKind::LeavesBeforeSession
                | ReadinessKind::TravelNotCovered
                | ReadinessKind::VisaLetterLate
                | ReadinessKind::NominationOverdue
        )
    }
}

/// Whether an item is wrong, or only not done yet while the event is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessSeverity {
    Problem,
    NotYet,
}

/// The screen where an item is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessTab {
    Overview,
    Delegations,
    Participants,
    Agenda,
    Outcomes,
}

/// One thing that needs attention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ReadinessItem {
    pub kind: ReadinessKind,
    pub severity: ReadinessSeverity,
    pub message: String,
    pub tab: ReadinessTab,
    /// The delegation, participant, session, day, funding or follow-up concerned.
    pub target_id: Option<Uuid>,
    /// The event where it is fixed when not this one (an earlier stop of the series).
    pub event_id: Option<Uuid>,
}

fn item(kind: ReadinessKind, tab: ReadinessTab, target_id: Option<Uuid>, message: String) -> ReadinessItem {
    ReadinessItem { kind, severity: ReadinessSeverity::Problem, message, tab, target_id, event_id: None }
}

/// One item for every copied day theme and session text nobody has looked at yet.
fn copied_to_review(store: &Store, event_id: Uuid) -> Result<Option<ReadinessItem>> {
    let (days, sessions, first): (u32, u32, Option<Uuid>) = store.read().query_row(
        "SELECT (SELECT COUNT(*) FROM agenda_day WHERE event_id = ?1 AND needs_review),
                (SELECT COUNT(*) FROM session WHERE event_id = ?1 AND needs_review),
                (SELECT s.id FROM session s JOIN agenda_day d ON d.id = s.day_id
                 WHERE s.event_id = ?1 AND s.needs_review ORDER BY d.date, s.start_time LIMIT 1)",
        [event_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let counted = |n: u32, one: &str, many: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {many}")),
    };
    let parts: Vec<String> = [counted(sessions, "session", "sessions"), counted(days, "day theme", "day themes")]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        return Ok(None);
    }
    Ok(Some(item(
        ReadinessKind::CopiedTextToReview,
        ReadinessTab::Agenda,
        first,
        format!("{} copied from the last stop still to review", parts.join(" and ")),
    )))
}

/// How near a nomination is to its deadline when it has not come: a reminder two weeks ahead, a problem once late.
const NOMINATION_REMINDER_DAYS: i64 = 14;

/// The reminder of a delegation's nomination not yet received, as of `today`, if its deadline is near or past.
fn nomination(row: &TrackerRow, today: NaiveDate) -> Option<ReadinessItem> {
    let workflow = &row.workflow;
    let deadline = workflow.nomination_deadline.filter(|_| workflow.nomination_received_on.is_none())?;
    let due = shown::date(deadline);
    let (kind, message) = if workflow.nomination_overdue(today) {
        (ReadinessKind::NominationOverdue, format!("{}'s nomination was due on {due} and has not come", row.name))
    } else if (deadline - today).num_days() <= NOMINATION_REMINDER_DAYS {
        (ReadinessKind::NominationDue, format!("{}'s nomination is due on {due}", row.name))
    } else {
        return None;
    };
    Some(item(kind, ReadinessTab::Delegations, Some(row.delegation_id), message))
}

impl Store {
    /// Everything about an event that still needs attention, most structural first.
    pub fn event_readiness(&self, event_id: Uuid) -> Result<Vec<ReadinessItem>> {
        self.event_readiness_on(event_id, chrono::Local::now().date_naive())
    }

    /// [`Store::event_readiness`] as it stands on `today` (how near an arrival is).
    pub fn event_readiness_on(&self, event_id: Uuid, today: NaiveDate) -> Result<Vec<ReadinessItem>> {
        use ReadinessKind as K;
        use ReadinessTab as T;
        let event = self.event(event_id)?;
        let planning = matches!(event.status, EventStatus::Draft | EventStatus::Planned | EventStatus::Confirmed);
        let mut items = Vec::new();
        let tracker = self.delegation_tracker(event_id)?;
        if tracker.rows.is_empty() {
            items.push(item(K::NoDelegations, T::Delegations, None, "No delegations have been invited yet".into()));
        }
        let (days, sessions): (u32, u32) = self.read().query_row(
            "SELECT (SELECT COUNT(*) FROM agenda_day WHERE event_id = ?1), (SELECT COUNT(*) FROM session WHERE event_id = ?1)",
            [event_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if days == 0 || sessions == 0 {
            items.push(item(K::NoAgenda, T::Agenda, None, "The programme has no sessions yet".into()));
        }
        if let Some(item) = copied_to_review(self, event_id)? {
            items.push(item);
        }
        for row in &tracker.rows {
            if row.needs_head {
                items.push(item(
                    K::DelegationWithoutHead,
                    T::Delegations,
                    Some(row.delegation_id),
                    format!("{} has no head of delegation", row.name),
                ));
            }
            if let Some(item) = planning.then(|| nomination(row, today)).flatten() {
                items.push(item);
            }
            let (seats, quota) = (row.counts.seats_taken, row.quota.unwrap_or_default());
            if row.over_quota {
                items.push(item(
                    K::DelegationOverQuota,
                    T::Delegations,
                    Some(row.delegation_id),
                    format!("{} has {seats} participants for a quota of {quota}", row.name),
                ));
            } else if row.under_quota {
                items.push(item(
                    K::DelegationUnderQuota,
                    T::Delegations,
                    Some(row.delegation_id),
                    format!("{} has filled {seats} of its {quota} seats", row.name),
                ));
            }
        }
        let mut stmt = self.read().prepare_cached(
            "SELECT s.id, s.title, p.status,
                    pe.full_name
             FROM session_person sp
             JOIN session s ON s.id = sp.session_id
             JOIN agenda_day d ON d.id = s.day_id
             JOIN participant p ON p.id = sp.participant_id
             JOIN person pe ON pe.id = p.person_id
             WHERE s.event_id = ?1 AND p.status NOT IN ('confirmed', 'attended')
             ORDER BY d.date, s.start_time, sp.position",
        )?;
        let mut rows = stmt.query(params![event_id])?;
        while let Some(r) = rows.next()? {
            let status: crate::vocabulary::ParticipantStatus = r.get(2)?;
            items.push(item(
                K::UnconfirmedSpeaker,
                T::Agenda,
                Some(r.get(0)?),
                format!(
                    "{} is on '{}' but is {}",
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(1)?,
                    status.label().to_lowercase()
                ),
            ));
        }
        for session in self.sessions(event_id, None)? {
            if let Some(warning) = session.single_gender_warning {
                items.push(item(
                    K::SingleGenderPanel,
                    T::Agenda,
                    Some(session.id),
                    format!("'{}' is a panel of one gender: {}", session.title, warning.to_lowercase()),
                ));
            }
        }
        for conflict in conflicts::of_event(self.read(), event_id)? {
            let target = conflict.session_ids.first().copied().or(conflict.day_id);
            items.push(item(K::AgendaConflict, T::Agenda, target, conflict.message));
        }
        for funding in self.event_fundings(event_id)? {
            if funding.acknowledgement.is_none() {
                items.push(item(
                    K::FunderWithoutAcknowledgement,
                    T::Overview,
                    Some(funding.id),
                    format!("{} has no acknowledgement line for the programme", funding.funder_name),
                ));
            }
        }
        let names = self.country_names()?;
        items.extend(logistics::away_for_sessions(self, event_id, names)?);
        items.extend(logistics::travel_not_covered(self, event_id)?);
        if planning {
            items.extend(visa::still_needed(self, event_id, names, today)?);
        }
        items.extend(series::open_follow_ups(self, &event, names)?);
        if planning {
            for item in items.iter_mut().filter(|i| !i.kind.is_problem_while_planning()) {
                item.severity = ReadinessSeverity::NotYet;
            }
        }
        Ok(items)
    }
}
