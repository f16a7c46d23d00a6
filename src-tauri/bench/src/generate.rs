//! A large, realistic plan from a fixed seed: events across series and
//! years, country delegations with quotas and heads, participants, and agendas
//! whose speakers are sometimes double-booked. It goes through the core's
//! public API, so every row obeys the same rules as the organiser's own.

use chrono::{Days, NaiveDate};
use roundtable_core::{
    DelegationInput, DelegationKind, EventFormat, EventInput, EventStatus, Gender, MembershipInput, OrganisationInput,
    ParticipantRole, ParticipantStatus, PersonInput, Result, SeriesInput, SessionInput, SessionKind,
    SessionPersonInput, SessionRole, Store, countries,
};
use uuid::Uuid;

/// How big a plan to make.
#[derive(Debug, Clone, Copy)]
pub struct PlanSpec {
    pub events: usize,
    pub series: usize,
    pub countries: usize,
    pub participants_per_event: usize,
    pub sessions_per_event: usize,
    pub seed: u64,
}

impl PlanSpec {
    /// 1,000 events in 40 series, 200 countries, 100,000 participants, 20,000 sessions.
    pub const LARGE: PlanSpec = PlanSpec {
        events: 1000,
        series: 40,
        countries: 200,
        participants_per_event: 100,
        sessions_per_event: 20,
        seed: 2026,
    };

    /// A twentieth of it, for a quick look.
    pub const QUICK: PlanSpec = PlanSpec {
        events: 50,
        series: 4,
        countries: 60,
        participants_per_event: 100,
        sessions_per_event: 20,
        seed: 2026,
    };
}

/// What was generated: ids to aim the benchmarks at.
#[derive(Debug, Clone)]
pub struct GeneratedPlan {
    pub events: Vec<Uuid>,
    pub participants: usize,
    pub sessions: usize,
}

const CITIES: &[(&str, &str, &str)] = &[
    ("Bangkok", "TH", "Asia/Bangkok"),
    ("Mexico City", "MX", "America/Mexico_City"),
    ("Nairobi", "KE", "Africa/Nairobi"),
    ("Vienna", "AT", "Europe/Vienna"),
    ("Geneva", "CH", "Europe/Zurich"),
    ("Dakar", "SN", "Africa/Dakar"),
    ("Bishkek", "KG", "Asia/Bishkek"),
    ("Jakarta", "ID", "Asia/Jakarta"),
    ("Amman", "JO", "Asia/Amman"),
    ("Lima", "PE", "America/Lima"),
];
const GIVEN: &[&str] = &[
    "Siti", "Ahmad", "Somchai", "Maria", "Nurlan", "Aigerim", "Sophal", "Vilay", "Ana", "Jose", "Fatou", "Amina",
    "Thu", "Minh", "Elena", "Pieter",
];
const FAMILY: &[&str] = &[
    "Rahma",
    "Ismail",
    "Wongsawat",
    "Reyes",
    "Asanbekov",
    "Osmonova",
    "Chea",
    "Phommachanh",
    "Ferreira",
    "Santos",
    "Diallo",
    "Hassan",
    "Nguyen",
    "Tran",
    "Marchetti",
    "Janssens",
];
const ROOMS: &[&str] = &["Plenary", "Room A", "Room B", "Room C"];

/// Fills `store` with a plan of `spec`'s size.
pub fn large_plan(store: &mut Store, spec: &PlanSpec) -> Result<GeneratedPlan> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let series: Vec<Uuid> = (0..spec.series)
        .map(|i| {
            store
                .create_series(&SeriesInput {
                    title: format!("Regional round-tables, series {}", i + 1),
                    description: String::new(),
                })
                .map(|s| s.id)
        })
        .collect::<Result<_>>()?;
    let pool: Vec<&str> = countries::all().iter().take(spec.countries).map(|c| c.alpha2).collect();
    let team = store.create_organisation(&OrganisationInput {
        name: "Organising secretariat".into(),
        ..OrganisationInput::default()
    })?;
    let first_day = NaiveDate::from_ymd_opt(2015, 1, 5).expect("a date");
    let today = chrono::Local::now().date_naive();
    let mut events = Vec::with_capacity(spec.events);
    let (mut participants, mut sessions) = (0, 0);
    for e in 0..spec.events {
        let (city, country, zone) = CITIES[rng.usize(..CITIES.len())];
        let start = first_day + Days::new((e as u64) * 4 + rng.u64(0..3));
        let past = start < today;
        let event = store.create_event(&EventInput {
            series_id: Some(series[e % series.len()]),
            title: format!("Regional round-table {} in {city}", e + 1),
            format: Some(if e % 3 == 0 { EventFormat::Dialogue } else { EventFormat::RoundTable }),
            host_city: city.into(),
            host_country: country.into(),
            venue: "Conference centre".into(),
            time_zone: zone.into(),
            start_date: start.to_string(),
            end_date: (start + Days::new(2)).to_string(),
            status: Some(EventStatus::Confirmed),
            priorities: vec!["Labour migration".into(), "Protection".into()],
            sdgs: vec![10, 16, 17],
            languages: vec!["English".into()],
            ..EventInput::default()
        })?;
        if past {
            store.set_event_status(event.id, EventStatus::Held)?;
        }
        let days = store.fill_days(event.id)?;
        let delegation_count = 8;
        let mut delegations = Vec::with_capacity(delegation_count + 1);
        for d in 0..delegation_count {
            let code = pool[(e * 7 + d * 13 + rng.usize(..3)) % pool.len()];
            match store.create_delegation(
                event.id,
                &DelegationInput { country_code: Some(code.into()), quota: Some(12), ..DelegationInput::default() },
            ) {
                Ok(delegation) => delegations.push(delegation.id),
                Err(roundtable_core::Error::Duplicate { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        delegations.push(
            store
                .create_delegation(
                    event.id,
                    &DelegationInput {
                        kind: Some(DelegationKind::OrganisingTeam),
                        organisation_id: Some(team.id),
                        quota: None,
                        ..DelegationInput::default()
                    },
                )?
                .id,
        );
        let mut members = Vec::with_capacity(spec.participants_per_event);
        for p in 0..spec.participants_per_event {
            let delegation = delegations[p % delegations.len()];
            let head = p < delegations.len() - 1;
            let status = match rng.u8(..10) {
                _ if past => ParticipantStatus::Attended,
                0 => ParticipantStatus::Declined,
                1..=3 => ParticipantStatus::Invited,
                4..=5 => ParticipantStatus::Nominated,
                _ => ParticipantStatus::Confirmed,
            };
            let person = PersonInput {
                honorific: if head { "H.E.".into() } else { ["Ms", "Mr", "Dr"][rng.usize(..3)].into() },
                given_name: GIVEN[rng.usize(..GIVEN.len())].into(),
                family_name: FAMILY[rng.usize(..FAMILY.len())].into(),
                position: "Director".into(),
                organisation: "Ministry of Foreign Affairs".into(),
                email: Some(format!("p{}-{}@example.org", e, p)),
                gender: Some(if rng.bool() { Gender::Female } else { Gender::Male }),
                ..PersonInput::default()
            };
            let membership = MembershipInput {
                delegation_id: delegation,
                role: Some(if head { ParticipantRole::Head } else { ParticipantRole::Member }),
                status: Some(if head && status == ParticipantStatus::Declined {
                    ParticipantStatus::Confirmed
                } else {
                    status
                }),
                visa_letter_needed: rng.u8(..20) == 0,
                ..MembershipInput::default()
            };
            members.push(store.register_participant(event.id, &person, &membership)?.registered.participant.id);
            participants += 1;
        }
        for s in 0..spec.sessions_per_event {
            let day = &days[s % days.len()];
            let slot = (s / days.len()) as u32;
            let pause = slot == 2;
            // One event in twenty double-books the first speaker of its first day, half an hour after it began.
            let clash = e % 20 == 0 && s == days.len();
            let hour = 9 + slot;
            let (start, end) = if clash {
                (format!("{:02}:30", hour - 1), format!("{:02}:30", hour))
            } else {
                (format!("{hour:02}:00"), format!("{hour:02}:55"))
            };
            let speaker = members[(s * 3) % members.len()];
            let people = if pause {
                Vec::new()
            } else {
                vec![
                    SessionPersonInput {
                        participant_id: if clash { members[((s - days.len()) * 3) % members.len()] } else { speaker },
                        role: SessionRole::Speaker,
                    },
                    SessionPersonInput {
                        participant_id: members[(s * 3 + 1) % members.len()],
                        role: SessionRole::Chair,
                    },
                ]
            };
            store.create_session(&SessionInput {
                day_id: day.id,
                start_time: start,
                end_time: end,
                title: if pause {
                    "Coffee break".into()
                } else {
                    format!("Session {} on protection and return", s + 1)
                },
                kind: Some(if pause { SessionKind::Break } else { SessionKind::Panel }),
                room: ROOMS[s % ROOMS.len()].into(),
                description: String::new(),
                people,
                needs_review: false,
            })?;
            sessions += 1;
        }
        events.push(event.id);
    }
    Ok(GeneratedPlan { events, participants, sessions })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_plan_has_the_asked_shape_and_some_conflicts() {
        let mut store = Store::open_in_memory().unwrap();
        let spec = PlanSpec {
            events: 20,
            series: 3,
            countries: 40,
            participants_per_event: 30,
            sessions_per_event: 12,
            seed: 7,
        };
        let plan = large_plan(&mut store, &spec).unwrap();
        assert_eq!((plan.events.len(), plan.participants, plan.sessions), (20, 600, 240));
        assert_eq!(store.list_series().unwrap().len(), 3);
        let clashing = plan.events.iter().filter(|id| !store.agenda(**id).unwrap().conflicts.is_empty()).count();
        assert!(clashing >= 1, "some events double-book a speaker");
        assert_eq!(store.list_events().unwrap().len(), 20);
    }
}
