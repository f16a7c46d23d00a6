//! Job: check the participants' logistics against the agenda and the funding
//! before the event. A speaker whose flight lands after their panel starts, a
//! chair who leaves before it ends, and a funder paying travel its funding does
//! not cover are readiness items, problems even while the event is planned.

use roundtable_core::{
    FundingCover, FundingInput, Gender, MembershipInput, OrganisationInput, ParticipantRole, ParticipantStatus,
    ReadinessItem, ReadinessKind, ReadinessSeverity, ReadinessTab, SessionPersonInput, SessionRole,
};
use roundtable_tests::*;
use uuid::Uuid;

fn of_kind(items: &[ReadinessItem], kind: ReadinessKind) -> Vec<(Option<Uuid>, String)> {
    items.iter().filter(|i| i.kind == kind).map(|i| (i.target_id, i.message.clone())).collect()
}

#[test]
fn a_speaker_arriving_late_or_a_chair_leaving_early_is_a_problem_until_the_times_fit() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let mut with_times = |given: &str, arrival: &str, departure: &str| {
        let membership = MembershipInput {
            arrival: Some(arrival.into()),
            departure: Some(departure.into()),
            ..member_of(thailand.id, ParticipantRole::Member, ParticipantStatus::Confirmed)
        };
        plan.register_participant(event.id, &person(given, "Suk", Gender::Female), &membership).unwrap().registered
    };
    let late = with_times("Kanya", "2022-09-21 10:30", "2022-09-24 10:00");
    let early = with_times("Dara", "2022-09-20 16:00", "2022-09-21 09:45");
    let on_time = with_times("Malee", "2022-09-20 16:00", "2022-09-24 10:00");
    let first_day = day(&plan, event.id, "2022-09-21").id;
    let mut input = session_input(first_day, "10:00", "11:00", "Labour mobility");
    input.people = vec![
        SessionPersonInput { participant_id: early.participant.id, role: SessionRole::Chair },
        SessionPersonInput { participant_id: late.participant.id, role: SessionRole::Speaker },
        SessionPersonInput { participant_id: on_time.participant.id, role: SessionRole::Speaker },
    ];
    let session = plan.create_session(&input).unwrap();

    let items = plan.event_readiness(event.id).unwrap();
    assert_eq!(
        of_kind(&items, ReadinessKind::ArrivesAfterSession),
        [(
            Some(late.participant.id),
            "Kanya Suk (Thailand) arrives 21 Sep 2022 10:30, after 'Labour mobility' (Wed 21 Sep 2022 10:00) starts"
                .into()
        )]
    );
    assert_eq!(
        of_kind(&items, ReadinessKind::LeavesBeforeSession),
        [(
            Some(early.participant.id),
            "Dara Suk (Thailand) leaves 21 Sep 2022 09:45, before 'Labour mobility' (Wed 21 Sep 2022 10:00) ends at 11:00"
                .into()
        )]
    );
    let late_item = items.iter().find(|i| i.kind == ReadinessKind::ArrivesAfterSession).unwrap();
    assert_eq!((late_item.tab, late_item.severity), (ReadinessTab::Participants, ReadinessSeverity::Problem));

    let mut moved = session_input(first_day, "11:00", "12:00", "Labour mobility");
    moved.people = input.people.clone();
    plan.update_session(session.id, &moved).unwrap();
    let items = plan.event_readiness(event.id).unwrap();
    assert!(of_kind(&items, ReadinessKind::ArrivesAfterSession).is_empty(), "the panel now starts after she lands");
    assert_eq!(of_kind(&items, ReadinessKind::LeavesBeforeSession).len(), 1);

    let declined = MembershipInput {
        status: Some(ParticipantStatus::Declined),
        ..MembershipInput::from(&plan.participant(early.participant.id).unwrap().participant)
    };
    plan.update_participant(early.participant.id, &declined).unwrap();
    let items = plan.event_readiness(event.id).unwrap();
    assert!(of_kind(&items, ReadinessKind::LeavesBeforeSession).is_empty(), "the declined are not coming anyway");
}

#[test]
fn a_funder_paying_travel_its_funding_does_not_cover_is_named_once_with_the_number_of_travellers() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", None);
    let organisation = |plan: &mut TempStore, name: &str| {
        plan.create_organisation(&OrganisationInput { name: name.into(), ..OrganisationInput::default() }).unwrap()
    };
    let (prm, afd, iom) =
        (organisation(&mut plan, "PRM"), organisation(&mut plan, "AFD"), organisation(&mut plan, "IOM"));
    let venue_only = FundingInput { funder_id: prm.id, covers: vec![FundingCover::Venue], ..FundingInput::default() };
    let prm_funding = plan.add_funding(event.id, &venue_only).unwrap();
    let travel =
        FundingInput { funder_id: iom.id, covers: vec![FundingCover::DelegatesTravel], ..FundingInput::default() };
    plan.add_funding(event.id, &travel).unwrap();
    for (given, funder) in [("Siti", prm.id), ("Dewi", prm.id), ("Ayu", afd.id), ("Budi", iom.id)] {
        let membership = MembershipInput {
            travel_funded_by: Some(funder),
            ..member_of(indonesia.id, ParticipantRole::Member, ParticipantStatus::Confirmed)
        };
        plan.register_participant(event.id, &person(given, "Rahma", Gender::Female), &membership).unwrap();
    }

    let items = plan.event_readiness(event.id).unwrap();
    assert_eq!(
        of_kind(&items, ReadinessKind::TravelNotCovered),
        [
            (None, "AFD pays the travel of 1 participant, but it has no funding recorded for this event".into()),
            (
                Some(prm_funding.id),
                "PRM pays the travel of 2 participants, but its funding of this event does not cover delegates' travel"
                    .into()
            ),
        ]
    );
    let covered = FundingInput { covers: vec![FundingCover::Venue, FundingCover::DelegatesTravel], ..venue_only };
    plan.update_funding(prm_funding.id, &covered).unwrap();
    let items = plan.event_readiness(event.id).unwrap();
    assert_eq!(of_kind(&items, ReadinessKind::TravelNotCovered).len(), 1, "only AFD is left");
}

#[test]
fn a_visa_letter_still_needed_close_to_the_arrival_is_a_problem_with_the_days_left() {
    let mut plan = store();
    let event = plan.create_event(&roundtable_tests::bangkok_input()).unwrap();
    let indonesia = country(&mut plan, event.id, "ID", None);
    for (given, arrival) in [("Siti", Some("2022-09-20 16:00")), ("Dewi", Some("2022-11-30 09:00")), ("Ayu", None)] {
        let membership = MembershipInput {
            visa_letter_needed: true,
            arrival: arrival.map(str::to_owned),
            departure: None,
            ..member_of(indonesia.id, ParticipantRole::Member, ParticipantStatus::Confirmed)
        };
        plan.register_participant(event.id, &person(given, "Rahma", Gender::Female), &membership).unwrap();
    }
    let today = chrono::NaiveDate::from_ymd_opt(2022, 8, 30).unwrap();
    let visa = |plan: &TempStore| -> Vec<(ReadinessKind, ReadinessSeverity, String)> {
        let items = plan.event_readiness_on(event.id, today).unwrap();
        let kinds = [ReadinessKind::VisaLetterLate, ReadinessKind::VisaLetterNeeded];
        items.into_iter().filter(|i| kinds.contains(&i.kind)).map(|i| (i.kind, i.severity, i.message)).collect()
    };
    assert_eq!(plan.visa_letter_weeks().unwrap(), 6, "six weeks unless set");
    assert_eq!(
        visa(&plan),
        [
            (
                ReadinessKind::VisaLetterNeeded,
                ReadinessSeverity::NotYet,
                "Ayu Rahma (Indonesia) still needs a visa letter".into()
            ),
            (
                ReadinessKind::VisaLetterNeeded,
                ReadinessSeverity::NotYet,
                "Dewi Rahma (Indonesia) still needs a visa letter".into()
            ),
            (
                ReadinessKind::VisaLetterLate,
                ReadinessSeverity::Problem,
                "Siti Rahma (Indonesia) still needs a visa letter and arrives in 21 days, on 20 Sep 2022".into()
            ),
        ]
    );
    plan.set_visa_letter_weeks(2).unwrap();
    assert!(
        visa(&plan).iter().all(|(kind, ..)| *kind == ReadinessKind::VisaLetterNeeded),
        "three weeks away is in time"
    );
    let refused = plan.set_visa_letter_weeks(0).map_err(roundtable_core::ApiError::from).unwrap_err();
    assert_eq!(refused.field, Some(roundtable_core::Field::VisaLetterWeeks));
    assert_eq!(plan.visa_letter_weeks().unwrap(), 2, "the refused value changed nothing");
}
