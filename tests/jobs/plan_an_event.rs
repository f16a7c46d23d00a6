//! Job 1: plan a series and its events, move an event through its life, and
//! clear away what is no longer wanted.

use chrono::{Days, Local, NaiveDate};
use roundtable_core::Field;
use roundtable_core::{
    ErrorKind, EventInput, EventStatus, FundingInput, Gender, OrganisationInput, OrganiserRole, ParticipantRole,
    ParticipantStatus, SeriesInput,
};
use roundtable_tests::*;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn a_series_gets_its_first_stop_with_one_agenda_day_per_date() {
    let mut plan = store();
    let series = plan
        .create_series(&SeriesInput {
            title: "MIEUX Regional Round-tables 2018".into(),
            description: "A tour of capitals whose results feed one publication".into(),
        })
        .unwrap();
    let event = plan.create_event(&EventInput { series_id: Some(series.id), ..bangkok_input() }).unwrap();
    assert_eq!(event.series_id, Some(series.id));
    assert_eq!(event.status, EventStatus::Draft, "a new event is a draft");
    assert_eq!(event.sdgs, vec![10, 16, 17]);

    let days = plan.fill_days(event.id).unwrap();
    let dates: Vec<String> = days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2022-09-21", "2022-09-22", "2022-09-23"]);
    // Filling again keeps the days it has and adds none.
    let again = plan.fill_days(event.id).unwrap();
    assert_eq!(again.iter().map(|d| d.id).collect::<Vec<_>>(), days.iter().map(|d| d.id).collect::<Vec<_>>());

    let overview = plan.event_overview(event.id).unwrap();
    assert_eq!(overview.series.as_ref().map(|s| s.id), Some(series.id));
    assert_eq!(overview.series_events.len(), 1);
    assert_eq!(overview.days, 3);
    assert_eq!(overview.country_name, "Thailand");
}

#[test]
fn an_event_in_a_series_that_no_longer_exists_is_refused() {
    let mut plan = store();
    let series = plan.create_series(&SeriesInput { title: "Dialogues 2022".into(), ..SeriesInput::default() }).unwrap();
    plan.delete_series(series.id).unwrap();
    let input = EventInput { series_id: Some(series.id), ..bangkok_input() };
    refused(plan.create_event(&input), ErrorKind::Validation, Some(Field::SeriesId));
    assert!(plan.list_events().unwrap().is_empty());
}

#[test]
fn updating_an_event_changes_its_facts_and_keeps_its_status() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    plan.set_event_status(event.id, EventStatus::Planned).unwrap();

    let mut input = EventInput::from(&plan.event(event.id).unwrap());
    input.status = None;
    input.title = "  High-level Regional Dialogue on Migrant Protection  ".into();
    input.venue = "Novotel Bangkok".into();
    input.sdgs = vec![17, 10, 10];
    input.priorities.push("access to protection services".into());
    let updated = plan.update_event(event.id, &input).unwrap();

    assert_eq!(updated.title, "High-level Regional Dialogue on Migrant Protection");
    assert_eq!(updated.venue, "Novotel Bangkok");
    assert_eq!(updated.sdgs, vec![10, 17], "SDGs sorted, without repeats");
    assert_eq!(updated.priorities.len(), 2, "a priority typed twice is kept once");
    assert_eq!(updated.status, EventStatus::Planned, "no status given: it stays");
    assert_eq!(plan.event(event.id).unwrap(), updated);
}

#[test]
fn the_list_of_events_counts_delegations_seat_holders_and_sessions() {
    let mut plan = store();
    let mieux = mieux_round_table(&mut plan);
    let bangkok = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, bangkok.id, "TH", Some(5));
    let malaysia = country(&mut plan, bangkok.id, "MY", Some(5));
    let speaker = register(
        &mut plan,
        bangkok.id,
        thailand.id,
        ("Siriporn", "Chaiyasit", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    register(
        &mut plan,
        bangkok.id,
        malaysia.id,
        ("Ahmad", "Rahman", Gender::Male),
        ParticipantRole::Member,
        ParticipantStatus::Nominated,
    );
    register(
        &mut plan,
        bangkok.id,
        malaysia.id,
        ("Nur", "Aziz", Gender::Female),
        ParticipantRole::Member,
        ParticipantStatus::Declined,
    );
    let first = day(&plan, bangkok.id, "2022-09-21");
    panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[speaker.participant.id]);
    panel(&mut plan, first.id, ("10:30", "12:00"), "Access to protection", &[]);

    let events = plan.list_events().unwrap();
    assert_eq!(events.iter().map(|e| e.id).collect::<Vec<_>>(), [bangkok.id, mieux.id], "latest first");
    let line = &events[0];
    assert_eq!(line.delegations, 2);
    assert_eq!(line.participants, 2, "the one who declined holds no seat");
    assert_eq!(line.sessions, 2);
    assert_eq!(line.country_name, "Thailand");
    assert_eq!((events[1].delegations, events[1].participants, events[1].sessions), (0, 0, 0));
}

#[test]
fn an_event_moves_from_draft_to_held_and_reported_once_it_has_taken_place() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    for status in [EventStatus::Planned, EventStatus::Confirmed, EventStatus::Held, EventStatus::Reported] {
        let moved = plan.set_event_status(event.id, status).unwrap();
        assert_eq!(moved.status, status);
    }
    assert_eq!(plan.event(event.id).unwrap().status, EventStatus::Reported);
    assert_eq!(plan.list_events().unwrap()[0].status, EventStatus::Reported);
}

#[test]
fn a_future_event_cannot_be_marked_held() {
    let mut plan = store();
    let start = Local::now().date_naive() + Days::new(200);
    let event = plan
        .create_event(&EventInput {
            title: "MIEUX Regional Round-table: Latin America and the Caribbean".into(),
            host_city: "Mexico City".into(),
            host_country: "MEX".into(),
            time_zone: "America/Mexico_City".into(),
            start_date: start.to_string(),
            end_date: (start + Days::new(1)).to_string(),
            status: Some(EventStatus::Confirmed),
            ..EventInput::default()
        })
        .unwrap();
    assert_eq!(event.host_country, "MX", "alpha-3 is stored as alpha-2");

    let error = refused(plan.set_event_status(event.id, EventStatus::Held), ErrorKind::InvalidTransition, None);
    assert!(error.to_string().contains(&start.to_string()), "the message gives the first day: {error}");
    assert_eq!(plan.event(event.id).unwrap().status, EventStatus::Confirmed);

    // Nor can it be created as held.
    let input =
        EventInput { title: "Another stop".into(), status: Some(EventStatus::Held), ..EventInput::from(&event) };
    refused(plan.create_event(&input), ErrorKind::InvalidTransition, None);
    assert_eq!(plan.list_events().unwrap().len(), 1);
}

#[test]
fn a_draft_cannot_skip_to_reported() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    refused(plan.set_event_status(event.id, EventStatus::Reported), ErrorKind::InvalidTransition, None);
    assert_eq!(plan.event(event.id).unwrap().status, EventStatus::Draft);

    // Through an update of the whole event, too.
    let input = EventInput { status: Some(EventStatus::Reported), ..EventInput::from(&event) };
    refused(plan.update_event(event.id, &input), ErrorKind::InvalidTransition, None);
    assert_eq!(plan.event(event.id).unwrap().status, EventStatus::Draft);
}

#[test]
fn impossible_dates_are_refused_on_the_field_they_belong_to() {
    let mut plan = store();
    let with_dates =
        |start: &str, end: &str| EventInput { start_date: start.into(), end_date: end.into(), ..bangkok_input() };

    let error = refused(
        plan.create_event(&with_dates("2022-02-30", "2022-03-01")),
        ErrorKind::Validation,
        Some(Field::StartDate),
    );
    assert!(error.to_string().contains("2022-02-30"), "{error}");
    refused(plan.create_event(&with_dates("2022-09-21", "21/09/2022")), ErrorKind::Validation, Some(Field::EndDate));
    refused(plan.create_event(&with_dates("2022-09-23", "2022-09-21")), ErrorKind::Validation, Some(Field::EndDate));
    // 1 September to 31 October is 61 days: a mistyped month, most likely.
    let error = refused(
        plan.create_event(&with_dates("2022-09-01", "2022-10-31")),
        ErrorKind::Validation,
        Some(Field::EndDate),
    );
    assert!(error.to_string().contains("61 days"), "{error}");
    assert!(plan.list_events().unwrap().is_empty(), "nothing was written");

    // Sixty days is still an event.
    let long = plan.create_event(&with_dates("2022-09-01", "2022-10-30")).unwrap();
    assert_eq!(plan.fill_days(long.id).unwrap().len(), 60);
    // A single day, too.
    plan.create_event(&EventInput { title: "One-day consultation".into(), ..with_dates("2022-09-21", "2022-09-21") })
        .unwrap();

    // An update with bad dates leaves the event as it was.
    refused(
        plan.update_event(long.id, &with_dates("2022-10-30", "2022-09-01")),
        ErrorKind::Validation,
        Some(Field::EndDate),
    );
    let kept = plan.event(long.id).unwrap();
    assert_eq!((kept.start_date, kept.end_date), (date("2022-09-01"), date("2022-10-30")));
}

#[test]
fn a_bad_time_zone_country_code_or_sdg_is_refused_on_its_field() {
    let mut plan = store();
    let error = refused(
        plan.create_event(&EventInput { time_zone: "Bangkok".into(), ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::TimeZone),
    );
    assert!(error.to_string().contains("Asia/Bangkok"), "{error}");
    refused(
        plan.create_event(&EventInput { host_country: "Thailandia".into(), ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::HostCountry),
    );
    refused(
        plan.create_event(&EventInput { host_country: "XX".into(), ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::HostCountry),
    );
    let error = refused(
        plan.create_event(&EventInput { sdgs: vec![10, 18], ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::Sdgs),
    );
    assert!(error.to_string().contains("SDG 18"), "{error}");
    refused(
        plan.create_event(&EventInput { sdgs: vec![0], ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::Sdgs),
    );
    refused(
        plan.create_event(&EventInput { title: "   ".into(), ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::Title),
    );
    assert!(plan.list_events().unwrap().is_empty());

    // The same checks hold for an update.
    let event = bangkok_dialogue(&mut plan);
    refused(
        plan.update_event(event.id, &EventInput { time_zone: "GMT+7".into(), ..bangkok_input() }),
        ErrorKind::Validation,
        Some(Field::TimeZone),
    );
    assert_eq!(plan.event(event.id).unwrap().time_zone, "Asia/Bangkok");
}

#[test]
fn deleting_an_event_removes_its_plan_but_keeps_people_and_organisations() {
    let mut plan = store();
    let mieux = mieux_round_table(&mut plan);
    let bangkok = bangkok_dialogue(&mut plan);

    let iom = plan
        .create_organisation(&OrganisationInput { name: "IOM Thailand".into(), ..OrganisationInput::default() })
        .unwrap();
    plan.assign_organiser(bangkok.id, iom.id, OrganiserRole::LeadOrganiser).unwrap();
    plan.add_funding(bangkok.id, &FundingInput { funder_id: iom.id, ..FundingInput::default() }).unwrap();
    let thailand = country(&mut plan, bangkok.id, "TH", Some(4));
    let head = register(
        &mut plan,
        bangkok.id,
        thailand.id,
        ("Siriporn", "Chaiyasit", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    let first = day(&plan, bangkok.id, "2022-09-21");
    let opening = panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[head.participant.id]);
    // The same person also took part in the MIEUX round-table.
    let mieux_thailand = country(&mut plan, mieux.id, "TH", None);
    let at_mieux = plan
        .add_participant(
            mieux.id,
            head.person.id,
            &member_of(mieux_thailand.id, ParticipantRole::Member, ParticipantStatus::Attended),
        )
        .unwrap();

    let people_before = people_count(&plan);
    let organisations_before = plan.list_organisations().unwrap().len();
    let mieux_before = plan.list_events().unwrap().into_iter().find(|e| e.id == mieux.id).unwrap();

    plan.delete_event(bangkok.id).unwrap();

    let events = plan.list_events().unwrap();
    assert_eq!(events, vec![mieux_before], "the other event is untouched");
    refused(plan.event(bangkok.id), ErrorKind::NotFound, None);
    refused(plan.days(bangkok.id), ErrorKind::NotFound, None);
    refused(plan.delegation(thailand.id), ErrorKind::NotFound, None);
    refused(plan.participant(head.participant.id), ErrorKind::NotFound, None);
    refused(plan.session(opening.id), ErrorKind::NotFound, None);
    refused(plan.delete_day(first.id), ErrorKind::NotFound, None);
    refused(plan.delete_event(bangkok.id), ErrorKind::NotFound, None);

    assert_eq!(people_count(&plan), people_before, "people stay in the plan");
    assert_eq!(plan.person(head.person.id).unwrap().family_name, "Chaiyasit");
    assert_eq!(plan.list_organisations().unwrap().len(), organisations_before, "organisations stay in the plan");
    assert_eq!(plan.participant(at_mieux.participant.id).unwrap().participant.status, ParticipantStatus::Attended);
    // The organisation is no longer used, so it can go now.
    plan.delete_organisation(iom.id).unwrap();
}

#[test]
fn deleting_a_series_keeps_its_events_outside_any_series() {
    let mut plan = store();
    let series = plan
        .create_series(&SeriesInput { title: "MIEUX Regional Round-tables 2018".into(), ..SeriesInput::default() })
        .unwrap();
    let mut ids = Vec::new();
    for (city, country, zone, start) in
        [("Bangkok", "TH", "Asia/Bangkok", "2018-03-05"), ("Mexico City", "MX", "America/Mexico_City", "2018-05-29")]
    {
        let event = plan
            .create_event(&EventInput {
                series_id: Some(series.id),
                title: format!("MIEUX Regional Round-table, {city}"),
                host_city: city.into(),
                host_country: country.into(),
                time_zone: zone.into(),
                start_date: start.into(),
                end_date: start.into(),
                ..EventInput::default()
            })
            .unwrap();
        ids.push(event.id);
    }
    assert_eq!(
        plan.series_stops(series.id).unwrap().iter().map(|e| e.event_id).collect::<Vec<_>>(),
        ids,
        "the stops in date order"
    );
    assert!(
        plan.list_events()
            .unwrap()
            .iter()
            .all(|e| e.series_title.as_deref() == Some("MIEUX Regional Round-tables 2018"))
    );

    plan.delete_series(series.id).unwrap();

    refused(plan.series(series.id), ErrorKind::NotFound, None);
    let events = plan.list_events().unwrap();
    assert_eq!(events.len(), 2, "the events stay");
    for event in &events {
        assert_eq!(event.series_id, None);
        assert_eq!(event.series_title, None);
    }
    for id in ids {
        assert_eq!(plan.event(id).unwrap().series_id, None);
        assert!(plan.event_overview(id).unwrap().series.is_none());
    }
}

/// Every problem of a form is reported at once, each on its field, so the
/// organiser does not fix them one save at a time.
#[test]
fn each_form_reports_every_problem_at_once() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let fields_of = |error: roundtable_core::Error| error.problems().iter().map(|p| p.field).collect::<Vec<_>>();

    let organisation = plan.create_organisation(&OrganisationInput {
        name: " ".into(),
        country_code: Some("Atlantis".into()),
        ..OrganisationInput::default()
    });
    let error = refused(organisation, ErrorKind::Validation, Some(Field::Name));
    assert_eq!(fields_of(error), [Field::Name, Field::CountryCode]);

    let delegation = plan.create_delegation(
        event.id,
        &roundtable_core::DelegationInput {
            country_code: Some("Atlantis".into()),
            quota: Some(1_000_000),
            notes: "n".repeat(100_000),
            ..Default::default()
        },
    );
    let error = refused(delegation, ErrorKind::Validation, Some(Field::CountryCode));
    assert_eq!(fields_of(error), [Field::CountryCode, Field::Name, Field::Quota, Field::Notes]);

    let funder = plan.create_organisation(&OrganisationInput { name: "IOM".into(), ..Default::default() }).unwrap();
    let funding = plan.add_funding(
        event.id,
        &FundingInput {
            funder_id: funder.id,
            amount: Some(5_000),
            programme: Some("p".repeat(10_000)),
            acknowledgement: Some("a".repeat(100_000)),
            ..Default::default()
        },
    );
    let error = refused(funding, ErrorKind::Validation, Some(Field::Currency));
    assert_eq!(fields_of(error), [Field::Currency, Field::Acknowledgement, Field::Programme]);

    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let membership = roundtable_core::MembershipInput {
        arrival: Some("next Tuesday".into()),
        dietary_needs: "d".repeat(10_000),
        ..member_of(indonesia.id, ParticipantRole::Member, ParticipantStatus::Invited)
    };
    let registration = plan.register_participant(event.id, &person("Siti", "Rahma", Gender::Female), &membership);
    let error = refused(registration, ErrorKind::Validation, Some(Field::Arrival));
    assert_eq!(fields_of(error), [Field::Arrival, Field::DietaryNeeds]);
}
