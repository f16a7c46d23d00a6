//! Job: start the next stop of a series from a copy of the last one, and see
//! what still needs attention before an event.

use roundtable_core::Field;
use roundtable_core::{
    AgendaDayInput, CopiedTexts, ErrorKind, EventStatus, FundingInput, Gender, NextStopInput, OrganisationInput,
    OrganiserRole, ParticipantFilter, ParticipantRole, ParticipantStatus, ReadinessKind, ReadinessTab, SessionInput,
};
use roundtable_tests::*;

fn next_stop(copy_participants: bool) -> NextStopInput {
    NextStopInput {
        title: "MIEUX Regional Round-table: Latin America and the Caribbean".into(),
        host_city: "Mexico City".into(),
        host_country: "MX".into(),
        venue: String::new(),
        time_zone: "America/Mexico_City".into(),
        start_date: "2018-05-29".into(),
        copy_agenda: true,
        copy_delegations: true,
        copy_participants,
        copy_organisers: true,
        copied_texts: CopiedTexts::MarkForReview,
        allow_same_stop: false,
    }
}

#[test]
fn the_next_stop_copies_the_agenda_skeleton_delegations_and_organisers_but_not_statuses() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", Some(4));
    let head = register(
        &mut plan,
        event.id,
        thailand.id,
        ("Somchai", "W", Gender::Male),
        ParticipantRole::Head,
        ParticipantStatus::Attended,
    );
    let first_day = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, first_day.id, ("09:00", "10:00"), "Opening", &[head.participant.id]);
    let iom = plan
        .create_organisation(&OrganisationInput { name: "IOM Thailand".into(), ..OrganisationInput::default() })
        .unwrap();
    plan.assign_organiser(event.id, iom.id, OrganiserRole::LeadOrganiser).unwrap();
    plan.add_funding(event.id, &FundingInput { funder_id: iom.id, ..FundingInput::default() }).unwrap();

    let copy = plan.duplicate_event(event.id, &next_stop(true)).unwrap();
    assert_eq!(copy.status, EventStatus::Draft);
    assert_eq!((copy.start_date.to_string(), copy.end_date.to_string()), ("2018-05-29".into(), "2018-05-31".into()));
    assert_eq!(copy.time_zone, "America/Mexico_City");
    assert_eq!(copy.priorities, event.priorities);

    let days = plan.days(copy.id).unwrap();
    assert_eq!(days.iter().map(|d| d.date.to_string()).collect::<Vec<_>>(), ["2018-05-29", "2018-05-30", "2018-05-31"]);
    let agenda = plan.agenda(copy.id).unwrap();
    let opening = &agenda.days[0].sessions[0];
    assert_eq!((opening.title.as_str(), opening.start_time.to_string().as_str()), ("Opening", "09:00:00"));
    assert_eq!(opening.people.len(), 1, "the copied speaker stays on the copied session");

    let tracker = plan.delegation_tracker(copy.id).unwrap();
    assert_eq!(tracker.rows.len(), 1);
    assert_eq!(tracker.rows[0].quota, Some(4));
    assert_eq!((tracker.rows[0].counts.invited, tracker.rows[0].counts.attended), (1, 0), "people are invited afresh");
    assert_eq!(plan.event_organisers(copy.id).unwrap().len(), 1);
    assert_eq!(plan.event_fundings(copy.id).unwrap().len(), 1);
    // The original is untouched.
    assert_eq!(plan.delegation_tracker(event.id).unwrap().rows[0].counts.attended, 1);
}

#[test]
fn without_people_the_copied_sessions_have_no_speakers_and_nothing_is_copied_on_a_bad_input() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let head = register(
        &mut plan,
        event.id,
        thailand.id,
        ("Somchai", "W", Gender::Male),
        ParticipantRole::Head,
        ParticipantStatus::Attended,
    );
    let first_day = day(&plan, event.id, "2022-09-21").id;
    panel(&mut plan, first_day, ("09:00", "10:00"), "Opening", &[head.participant.id]);

    let copy = plan.duplicate_event(event.id, &next_stop(false)).unwrap();
    assert!(plan.agenda(copy.id).unwrap().days[0].sessions[0].people.is_empty());
    assert!(plan.list_participants(copy.id, &ParticipantFilter::default()).unwrap().is_empty());

    let before = plan.list_events().unwrap().len();
    let bad_date = NextStopInput { start_date: "2018-02-30".into(), ..next_stop(true) };
    refused(plan.duplicate_event(event.id, &bad_date), ErrorKind::Validation, Some(Field::StartDate));
    let people_without_delegations = NextStopInput { copy_delegations: false, ..next_stop(true) };
    refused(
        plan.duplicate_event(event.id, &people_without_delegations),
        ErrorKind::Validation,
        Some(Field::CopyParticipants),
    );
    assert_eq!(plan.list_events().unwrap().len(), before, "a refused copy writes nothing");
}

#[test]
fn a_stop_landing_on_a_stop_of_the_series_is_refused_until_the_person_confirms_it() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let events_before = plan.list_events().unwrap().len();
    // Same city (any case, any spacing), dates overlapping the dialogue's 21–23 September 2022.
    let twin = NextStopInput {
        host_city: " BANGKOK ".into(),
        host_country: "TH".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2022-09-22".into(),
        ..next_stop(false)
    };
    let error = refused(plan.duplicate_event(event.id, &twin), ErrorKind::Duplicate, Some(Field::AllowSameStop));
    assert!(error.to_string().contains("21–23 Sep 2022"), "{error}");
    assert_eq!(plan.list_events().unwrap().len(), events_before, "nothing is written");

    // The day after the dialogue in Bangkok, or another city on its dates, is another stop.
    let after = NextStopInput { start_date: "2022-09-24".into(), ..twin.clone() };
    plan.duplicate_event(event.id, &after).unwrap();
    let mexico = plan.duplicate_event(event.id, &next_stop(false)).unwrap();
    // A sibling stop counts too, not only the event copied from.
    let onto_mexico =
        NextStopInput { host_city: "mexico city".into(), start_date: "2018-05-30".into(), ..next_stop(false) };
    refused(plan.duplicate_event(event.id, &onto_mexico), ErrorKind::Duplicate, Some(Field::AllowSameStop));
    assert_ne!(mexico.id, event.id);

    let confirmed = NextStopInput { allow_same_stop: true, ..twin };
    plan.duplicate_event(event.id, &confirmed).unwrap();
    assert_eq!(plan.list_events().unwrap().len(), events_before + 3);
}

#[test]
fn copied_texts_wait_for_review_or_are_left_out_and_readiness_counts_them() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let first_day = day(&plan, event.id, "2022-09-21");
    plan.update_day(
        first_day.id,
        &AgendaDayInput { date: "2022-09-21".into(), theme: "Protection in Thailand".into() },
    )
    .unwrap();
    panel(&mut plan, first_day.id, ("09:00", "10:00"), "Opening by the Thai ministry", &[]);
    assert!(!plan.agenda(event.id).unwrap().days[0].sessions[0].needs_review, "the original is not marked");

    let copy = plan.duplicate_event(event.id, &next_stop(false)).unwrap();
    let agenda = plan.agenda(copy.id).unwrap();
    let (day, opening) = (&agenda.days[0].day, &agenda.days[0].sessions[0]);
    assert_eq!((day.theme.as_str(), day.needs_review), ("Protection in Thailand", true));
    assert_eq!((opening.title.as_str(), opening.needs_review), ("Opening by the Thai ministry", true));
    let to_review = |plan: &TempStore| {
        plan.event_readiness(copy.id).unwrap().into_iter().find(|i| i.kind == ReadinessKind::CopiedTextToReview)
    };
    let item = to_review(&plan).expect("readiness counts the copied texts");
    assert_eq!(item.message, "1 session and 3 day themes copied from the last stop still to review");
    assert_eq!((item.tab, item.target_id), (ReadinessTab::Agenda, Some(opening.id)));

    // Moving the session keeps the mark; saving it reviewed clears it; editing a day clears the day's.
    let mut input = SessionInput {
        needs_review: opening.needs_review,
        ..session_input(opening.day_id, "10:00", "11:00", &opening.title)
    };
    assert!(plan.update_session(opening.id, &input).unwrap().needs_review);
    input.needs_review = false;
    assert!(!plan.update_session(opening.id, &input).unwrap().needs_review);
    for d in plan.days(copy.id).unwrap() {
        plan.update_day(d.id, &AgendaDayInput { date: d.date.to_string(), theme: d.theme.clone() }).unwrap();
    }
    assert_eq!(to_review(&plan), None);

    let bare = plan
        .duplicate_event(
            event.id,
            &NextStopInput { start_date: "2019-05-29".into(), copied_texts: CopiedTexts::LeaveOut, ..next_stop(false) },
        )
        .unwrap();
    let agenda = plan.agenda(bare.id).unwrap();
    let (day, opening) = (&agenda.days[0].day, &agenda.days[0].sessions[0]);
    assert_eq!((day.theme.as_str(), day.needs_review), ("", true));
    assert_eq!((opening.title.as_str(), opening.description.as_str()), ("Panel", ""));
    assert_eq!(opening.start_time.to_string(), "09:00:00", "the time slot stays");
}

#[test]
fn readiness_lists_what_needs_attention_and_where_it_is_fixed() {
    let mut plan = store();
    let event = plan.create_event(&bangkok_input()).unwrap();
    let kinds =
        |plan: &TempStore| plan.event_readiness(event.id).unwrap().into_iter().map(|i| i.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&plan), [ReadinessKind::NoDelegations, ReadinessKind::NoAgenda]);

    plan.fill_days(event.id).unwrap();
    let indonesia = country(&mut plan, event.id, "ID", Some(2));
    let member = plan
        .register_participant(
            event.id,
            &person("Siti", "Rahma", Gender::Female),
            &roundtable_core::MembershipInput {
                visa_letter_needed: true,
                ..member_of(indonesia.id, ParticipantRole::Speaker, ParticipantStatus::Invited)
            },
        )
        .unwrap();
    let first_day = day(&plan, event.id, "2022-09-21").id;
    panel(&mut plan, first_day, ("09:00", "10:00"), "Protection services", &[member.registered.participant.id]);
    let prm =
        plan.create_organisation(&OrganisationInput { name: "PRM".into(), ..OrganisationInput::default() }).unwrap();
    let funding = plan.add_funding(event.id, &FundingInput { funder_id: prm.id, ..FundingInput::default() }).unwrap();

    let items = plan.event_readiness(event.id).unwrap();
    let find = |kind| items.iter().find(|i| i.kind == kind).unwrap_or_else(|| panic!("no {kind:?} in {items:#?}"));
    let no_head = find(ReadinessKind::DelegationWithoutHead);
    assert_eq!((no_head.tab, no_head.target_id), (ReadinessTab::Delegations, Some(indonesia.id)));
    assert!(no_head.message.contains("Indonesia"));
    assert_eq!(find(ReadinessKind::DelegationUnderQuota).message, "Indonesia has filled 1 of its 2 seats");
    let speaker = find(ReadinessKind::UnconfirmedSpeaker);
    assert_eq!(speaker.tab, ReadinessTab::Agenda);
    assert!(speaker.message.contains("Siti Rahma") && speaker.message.contains("invited"), "{}", speaker.message);
    assert_eq!(find(ReadinessKind::FunderWithoutAcknowledgement).target_id, Some(funding.id));
    assert_eq!(find(ReadinessKind::VisaLetterNeeded).target_id, Some(member.registered.participant.id));
    assert!(!items.iter().any(|i| i.kind == ReadinessKind::NoAgenda));

    // Fixing things clears them.
    let mut fixed = member_of(indonesia.id, ParticipantRole::Head, ParticipantStatus::Confirmed);
    fixed.visa_letter_needed = false;
    plan.update_participant(member.registered.participant.id, &fixed).unwrap();
    plan.update_funding(
        funding.id,
        &FundingInput {
            funder_id: prm.id,
            acknowledgement: Some("With support from PRM.".into()),
            ..FundingInput::default()
        },
    )
    .unwrap();
    let left = kinds(&plan);
    for gone in [
        ReadinessKind::DelegationWithoutHead,
        ReadinessKind::UnconfirmedSpeaker,
        ReadinessKind::FunderWithoutAcknowledgement,
        ReadinessKind::VisaLetterNeeded,
    ] {
        assert!(!left.contains(&gone), "{gone:?} still listed: {left:?}");
    }
    assert!(left.contains(&ReadinessKind::DelegationUnderQuota));
}

#[test]
fn a_double_booked_speaker_is_a_readiness_item_pointing_at_the_session() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let head = register(
        &mut plan,
        event.id,
        thailand.id,
        ("Somchai", "W", Gender::Male),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    let first_day = day(&plan, event.id, "2022-09-21").id;
    let a = panel(&mut plan, first_day, ("09:00", "10:00"), "A", &[head.participant.id]);
    panel(&mut plan, first_day, ("09:30", "10:30"), "B", &[head.participant.id]);
    let items = plan.event_readiness(event.id).unwrap();
    let clash = items.iter().find(|i| i.kind == ReadinessKind::AgendaConflict).expect("a conflict item");
    assert_eq!((clash.tab, clash.target_id), (ReadinessTab::Agenda, Some(a.id)));
}

#[test]
fn a_held_event_is_not_asked_for_heads_seats_or_visa_letters_any_more() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    register(
        &mut plan,
        event.id,
        indonesia.id,
        ("Siti", "Rahma", Gender::Female),
        ParticipantRole::Member,
        ParticipantStatus::Attended,
    );
    let planning_kinds: Vec<ReadinessKind> =
        plan.event_readiness(event.id).unwrap().into_iter().map(|i| i.kind).collect();
    assert!(planning_kinds.contains(&ReadinessKind::DelegationWithoutHead), "{planning_kinds:?}");
    let row = &plan.delegation_tracker(event.id).unwrap().rows[0];
    assert!(row.needs_head && row.under_quota, "{row:?}");
    plan.set_event_status(event.id, EventStatus::Held).unwrap();
    let row = &plan.delegation_tracker(event.id).unwrap().rows[0];
    assert!(!row.needs_head && !row.under_quota, "the tracker stops asking too: {row:?}");
    let after: Vec<ReadinessKind> = plan.event_readiness(event.id).unwrap().into_iter().map(|i| i.kind).collect();
    for gone in
        [ReadinessKind::DelegationWithoutHead, ReadinessKind::DelegationUnderQuota, ReadinessKind::VisaLetterNeeded]
    {
        assert!(!after.contains(&gone), "{gone:?} still asked of a held event: {after:?}");
    }
}

#[test]
fn while_planning_what_is_not_done_yet_is_told_apart_from_what_is_wrong() {
    use roundtable_core::ReadinessSeverity::{NotYet, Problem};
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let malaysia = country(&mut plan, event.id, "MY", Some(1));
    let speaker = register(
        &mut plan,
        event.id,
        indonesia.id,
        ("Siti", "Rahma", Gender::Female),
        ParticipantRole::Speaker,
        ParticipantStatus::Invited,
    );
    for family in ["Rahman", "Aziz"] {
        register(
            &mut plan,
            event.id,
            malaysia.id,
            ("A", family, Gender::Male),
            ParticipantRole::Member,
            ParticipantStatus::Invited,
        );
    }
    let first_day = day(&plan, event.id, "2022-09-21").id;
    panel(&mut plan, first_day, ("09:00", "10:00"), "A", &[speaker.participant.id]);
    panel(&mut plan, first_day, ("09:30", "10:30"), "B", &[speaker.participant.id]);

    let severity_of = |plan: &TempStore, kind: ReadinessKind| {
        let items = plan.event_readiness(event.id).unwrap();
        items.iter().find(|i| i.kind == kind).unwrap_or_else(|| panic!("no {kind:?} in {items:#?}")).severity
    };
    // A draft in its first minutes: seats, heads and speakers are still to come.
    assert_eq!(severity_of(&plan, ReadinessKind::DelegationUnderQuota), NotYet);
    assert_eq!(severity_of(&plan, ReadinessKind::DelegationWithoutHead), NotYet);
    assert_eq!(severity_of(&plan, ReadinessKind::UnconfirmedSpeaker), NotYet);
    // What is wrong at any stage is a problem from the start.
    assert_eq!(severity_of(&plan, ReadinessKind::DelegationOverQuota), Problem);
    assert_eq!(severity_of(&plan, ReadinessKind::AgendaConflict), Problem);

    // Once the event is held, a speaker still unconfirmed is a problem.
    plan.set_event_status(event.id, EventStatus::Held).unwrap();
    assert_eq!(severity_of(&plan, ReadinessKind::UnconfirmedSpeaker), Problem);
}

#[test]
fn a_panel_of_one_gender_is_flagged_until_balanced_or_the_event_switches_the_check_off() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let mut speaker = |given: &str, gender: Gender| {
        let who = (given, "Chaiyaporn", gender);
        register(&mut plan, event.id, thailand.id, who, ParticipantRole::Member, ParticipantStatus::Confirmed)
            .participant
            .id
    };
    let (somchai, anan, niran, dara) = (
        speaker("Somchai", Gender::Male),
        speaker("Anan", Gender::Male),
        speaker("Niran", Gender::Male),
        speaker("Dara", Gender::Female),
    );
    let first_day = day(&plan, event.id, "2022-09-21").id;
    let manel = panel(&mut plan, first_day, ("09:00", "10:00"), "Labour mobility", &[somchai, anan, niran]);
    let single = |plan: &roundtable_core::Store| -> Vec<(ReadinessTab, Option<uuid::Uuid>, String)> {
        let items = plan.event_readiness(event.id).unwrap();
        items
            .into_iter()
            .filter(|i| i.kind == ReadinessKind::SingleGenderPanel)
            .map(|i| (i.tab, i.target_id, i.message))
            .collect()
    };
    assert_eq!(
        single(&plan),
        [(
            ReadinessTab::Agenda,
            Some(manel.id),
            "'Labour mobility' is a panel of one gender: all 3 speakers are men".into()
        )]
    );
    let session = plan.session(manel.id).unwrap();
    assert_eq!((session.speaker_genders.male, session.speaker_genders.female), (3, 0));
    assert_eq!(session.single_gender_warning.as_deref(), Some("All 3 speakers are men"));

    let balanced = panel(&mut plan, first_day, ("11:00", "12:00"), "Balanced", &[somchai, dara]);
    assert_eq!(plan.session(balanced.id).unwrap().single_gender_warning, None);
    assert_eq!(single(&plan).len(), 1, "a panel of a man and a woman is not flagged");

    let off = plan.set_panel_balance_check(event.id, false).unwrap();
    assert!(!off.check_panel_balance);
    assert!(single(&plan).is_empty(), "switched off for this event");
    assert_eq!(plan.agenda(event.id).unwrap().days[0].sessions[0].single_gender_warning, None);
    assert_eq!(plan.session(manel.id).unwrap().speaker_genders.male, 3, "the split is still shown");
    let next = plan.duplicate_event(event.id, &next_stop(false)).unwrap();
    assert!(!next.check_panel_balance, "the next stop keeps the event's choice");
    assert!(plan.set_panel_balance_check(event.id, true).unwrap().check_panel_balance);
    assert_eq!(single(&plan).len(), 1);
}
