//! The list of participants as one plain model for the PDF, XLSX and CSV,
//! and for badges and name plates: delegations in protocol order (country
//! delegations alphabetically by English short name, then organisations,
//! experts and the organising team), the head of delegation first.
//!
//! Only people who hold a seat are listed (declined and cancelled
//! participants are not), or only the confirmed (and those who attended)
//! when the export asks. The list says whether it is provisional or final
//! and as of which day, as lists sent to delegations do. Contact details are
//! personal data: they are left out unless the export asks for them; so are
//! the logistics (arrival, departure, accommodation, diet, access needs,
//! visa letter, who pays the travel), which the hotel and transport lists ask for.

use crate::error::Result;
use crate::programme::{Stage, default_stage, long_date};
use chrono::{NaiveDate, Utc};
use roundtable_core::{
    DelegationKind, ParticipantFilter, ParticipantRole, ParticipantStatus, ParticipantView, Store, delegation,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use uuid::Uuid;

/// Whom a list of participants names, by their status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ListedStatuses {
    /// Everyone who holds a seat: invited, nominated, confirmed or attended.
    #[default]
    WithSeat,
    /// The confirmed only.
    Confirmed,
    /// The confirmed and those who attended (a final list after the event).
    ConfirmedAndAttended,
}

impl ListedStatuses {
    /// Whether a participant of `status` is on the list.
    pub fn lists(self, status: ParticipantStatus) -> bool {
        match self {
            ListedStatuses::WithSeat => status.holds_seat(),
            ListedStatuses::Confirmed => status == ParticipantStatus::Confirmed,
            ListedStatuses::ConfirmedAndAttended => {
                matches!(status, ParticipantStatus::Confirmed | ParticipantStatus::Attended)
            }
        }
    }

    /// What the list says of whom it names, when it leaves some seated people out.
    fn note(self) -> Option<&'static str> {
        match self {
            ListedStatuses::WithSeat => None,
            ListedStatuses::Confirmed => Some("Confirmed participants only"),
            ListedStatuses::ConfirmedAndAttended => Some("Confirmed and attending participants only"),
        }
    }
}

impl std::str::FromStr for ListedStatuses {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "with-seat" | "all" => Ok(ListedStatuses::WithSeat),
            "confirmed" => Ok(ListedStatuses::Confirmed),
            "confirmed-and-attended" | "attended" => Ok(ListedStatuses::ConfirmedAndAttended),
            other => Err(format!("unknown list '{other}'; expected with-seat, confirmed or confirmed-and-attended")),
        }
    }
}

/// Choices of a participants export.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
pub struct ParticipantListOptions {
    /// Include e-mail addresses and phone numbers.
    pub contacts: bool,
    /// XLSX only: one sheet per delegation instead of one sheet.
    pub sheet_per_delegation: bool,
    /// Whom the list names.
    #[serde(default)]
    pub statuses: ListedStatuses,
    /// Default: final once the event is held or reported, else provisional.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// The day the list is as of; default today.
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
    /// XLSX and CSV only: the logistics columns, for hotels and transport.
    #[serde(default)]
    pub logistics: bool,
}

/// What hotels and transport need of a participant (the list's logistics columns).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Logistics {
    /// "Confirmed".
    pub status: String,
    /// Local time at the venue, "2022-09-20 14:30".
    pub arrival: String,
    pub departure: String,
    /// Nights between the arrival's and the departure's day, when both are known.
    pub nights: Option<i64>,
    pub accommodation: String,
    pub dietary_needs: String,
    pub accessibility_needs: String,
    pub visa_letter: bool,
    /// The organisation paying the travel, by name.
    pub travel_paid_by: String,
}

/// One participant as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedParticipant {
    pub honorific: String,
    pub given_name: String,
    pub family_name: String,
    /// "H.E. Mr Phuchphop Mongkolnavin".
    pub full_name: String,
    /// Given and family name without the honorific, for name plates.
    pub plain_name: String,
    pub position: String,
    pub organisation: String,
    /// "Head of delegation", "Member"…
    pub role: String,
    pub head: bool,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Only when the export asks for the logistics columns.
    pub logistics: Option<Logistics>,
}

/// One delegation with its members in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedDelegation {
    pub id: Uuid,
    pub name: String,
    /// "Country", "Organisation", "Experts", "Organising team".
    pub kind: String,
    /// The country's English short name, for country delegations.
    pub country: Option<String>,
    pub members: Vec<ListedParticipant>,
}

/// The list of participants of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipantList {
    pub event_title: String,
    /// "21–23 September 2022 · Bangkok, Thailand".
    pub subtitle: String,
    /// "Provisional list of participants".
    pub heading: String,
    /// "As of 12 May 2018", with whom it names when not everyone with a seat
    /// ("As of 12 May 2018 · Confirmed participants only").
    pub as_of: String,
    pub contacts: bool,
    pub logistics: bool,
    pub total: usize,
    pub delegations: Vec<ListedDelegation>,
}

fn logistics(view: &ParticipantView, payers: &HashMap<Uuid, String>) -> Logistics {
    let q = &view.participant;
    let moment = |m: Option<chrono::NaiveDateTime>| m.map(|m| m.format("%Y-%m-%d %H:%M").to_string());
    Logistics {
        status: q.status.label().to_owned(),
        arrival: moment(q.arrival).unwrap_or_default(),
        departure: moment(q.departure).unwrap_or_default(),
        nights: q.arrival.zip(q.departure).map(|(a, d)| (d.date() - a.date()).num_days()),
        accommodation: q.accommodation.clone(),
        dietary_needs: q.dietary_needs.clone(),
        accessibility_needs: q.accessibility_needs.clone(),
        visa_letter: q.visa_letter_needed,
        travel_paid_by: q.travel_funded_by.and_then(|id| payers.get(&id).cloned()).unwrap_or_default(),
    }
}

fn listed(view: &ParticipantView, contacts: bool, logistics: Option<Logistics>) -> ListedParticipant {
    let p = &view.person;
    let plain_name = [p.given_name.as_str(), p.family_name.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    ListedParticipant {
        honorific: p.honorific.clone(),
        given_name: p.given_name.clone(),
        family_name: p.family_name.clone(),
        full_name: p.full_name.clone(),
        plain_name,
        position: p.position.clone(),
        organisation: p.organisation.clone(),
        role: view.participant.role.label().to_owned(),
        head: view.participant.role == ParticipantRole::Head,
        email: if contacts { p.email.clone() } else { None },
        phone: if contacts { Some(p.phone.clone()).filter(|s| !s.is_empty()) } else { None },
        logistics,
    }
}

impl ParticipantList {
    /// The list of an event from the plan store (the core already sorts it in protocol order).
    pub fn build(store: &Store, event_id: Uuid, options: &ParticipantListOptions) -> Result<ParticipantList> {
        let event = store.event(event_id)?;
        let views = store.list_participants(event_id, &ParticipantFilter::default())?;
        let payers: HashMap<Uuid, String> = if options.logistics {
            store.list_organisations()?.into_iter().map(|o| (o.id, o.name)).collect()
        } else {
            HashMap::new()
        };
        let names = store.country_names()?;
        let mut delegations: Vec<ListedDelegation> = Vec::new();
        for view in views.iter().filter(|v| options.statuses.lists(v.participant.status)) {
            let same = delegations.last().is_some_and(|d| d.id == view.participant.delegation_id);
            if !same {
                let country = match view.delegation_kind {
                    DelegationKind::Country => view.country_code.as_deref().map(|c| names.name_of(c).to_owned()),
                    _ => None,
                };
                delegations.push(ListedDelegation {
                    id: view.participant.delegation_id,
                    name: delegation::sort_name(names, view.country_code.as_deref(), &view.delegation_name).to_owned(),
                    kind: view.delegation_kind.label().to_owned(),
                    country,
                    members: Vec::new(),
                });
            }
            if let Some(last) = delegations.last_mut() {
                let logistics = options.logistics.then(|| logistics(view, &payers));
                last.members.push(listed(view, options.contacts, logistics));
            }
        }
        let place = [event.host_city.as_str(), names.name_of(&event.host_country)]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let stage = options.stage.unwrap_or_else(|| default_stage(&event));
        let as_of = format!("As of {}", long_date(options.as_of.unwrap_or_else(|| Utc::now().date_naive())));
        Ok(ParticipantList {
            event_title: event.title.clone(),
            subtitle: format!("{} · {place}", crate::programme::date_range(event.start_date, event.end_date)),
            heading: format!("{} list of participants", stage.label()),
            as_of: options.statuses.note().map_or(as_of.clone(), |note| format!("{as_of} · {note}")),
            contacts: options.contacts,
            logistics: options.logistics,
            total: delegations.iter().map(|d| d.members.len()).sum(),
            delegations,
        })
    }

    /// Every participant with their delegation, in order.
    pub fn rows(&self) -> impl Iterator<Item = (&ListedDelegation, &ListedParticipant)> {
        self.delegations.iter().flat_map(|d| d.members.iter().map(move |m| (d, m)))
    }
}
