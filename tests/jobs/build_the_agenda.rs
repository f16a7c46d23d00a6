//! Job 3: build the programme day by day, and be warned of clashes — a speaker
//! in two sessions at once, two sessions in one room, a day outside the event.

use roundtable_core::Field;
use roundtable_core::{
    AgendaDayInput, Conflict, ConflictKind, ErrorKind, EventInput, Gender, ParticipantRole, ParticipantStatus,
    PersonInput, SessionInput, SessionKind, SessionPersonInput, SessionRole,
};
use roundtable_tests::*;
use std::collections::BTreeSet;
use uuid::Uuid;

fn conflicts_of(plan: &TempStore, event_id: Uuid, kind: ConflictKind) -> Vec<Conflict> {
    plan.agenda(event_id).unwrap().conflicts.into_iter().filter(|c| c.kind == kind).collect()
}

fn ids(conflict: &Conflict) -> BTreeSet<Uuid> {
    conflict.session_ids.iter().copied().collect()
}

/// A Thai delegation with two speakers: Dr Arriola (no given name) and Somchai Wongsawat.
fn speakers(plan: &mut TempStore, event_id: Uuid) -> (Uuid, Uuid) {
    let thailand = country(plan, event_id, "TH", None);
    let arriola = plan
        .register_participant(
            event_id,
            &PersonInput {
                honorific: "Dr".into(),
                position: "Deputy Regional Director for Asia and the Pacific".into(),
                ..person("", "Arriola", Gender::Female)
            },
            &member_of(thailand.id, ParticipantRole::Speaker, ParticipantStatus::Confirmed),
        )
        .unwrap();
    let somchai = register(
        plan,
        event_id,
        thailand.id,
        ("Somchai", "Wongsawat", Gender::Male),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    (arriola.registered.participant.id, somchai.participant.id)
}

#[test]
fn a_day_must_be_one_of_the_event_and_each_date_comes_once() {
    let mut plan = store();
    let event = plan.create_event(&bangkok_input()).unwrap();
    assert_eq!(plan.days(event.id).unwrap().len(), 3, "a new event has a day for each of its dates");
    let created = day(&plan, event.id, "2022-09-23").id;
    plan.delete_day(created).unwrap();
    let third = plan
        .add_day(
            event.id,
            &AgendaDayInput { date: "2022-09-23".into(), theme: "  Areas of cooperation and partnerships ".into() },
        )
        .unwrap();
    assert_eq!(third.theme, "Areas of cooperation and partnerships");

    let error = refused(
        plan.add_day(event.id, &AgendaDayInput { date: "2022-09-24".into(), ..AgendaDayInput::default() }),
        ErrorKind::Validation,
        Some(Field::Date),
    );
    assert!(error.to_string().contains("outside the event"), "{error}");
    refused(
        plan.add_day(event.id, &AgendaDayInput { date: "2022-09-20".into(), ..AgendaDayInput::default() }),
        ErrorKind::Validation,
        Some(Field::Date),
    );
    refused(
        plan.add_day(event.id, &AgendaDayInput { date: "2022-09-31".into(), ..AgendaDayInput::default() }),
        ErrorKind::Validation,
        Some(Field::Date),
    );
    refused(
        plan.add_day(event.id, &AgendaDayInput { date: "2022-09-23".into(), theme: "Again".into() }),
        ErrorKind::Duplicate,
        Some(Field::Date),
    );
    assert_eq!(plan.days(event.id).unwrap()[2], third);

    // Filling in the dates again keeps the themed day as it is.
    let days = plan.fill_days(event.id).unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[2], third);

    // Moving a day onto another's date, or out of the event, is refused too.
    refused(
        plan.update_day(third.id, &AgendaDayInput { date: "2022-09-22".into(), theme: third.theme.clone() }),
        ErrorKind::Duplicate,
        Some(Field::Date),
    );
    refused(
        plan.update_day(third.id, &AgendaDayInput { date: "2022-09-30".into(), theme: third.theme.clone() }),
        ErrorKind::Validation,
        Some(Field::Date),
    );
    assert_eq!(plan.days(event.id).unwrap()[2], third);
}

#[test]
fn a_session_is_checked_as_it_is_typed() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let (arriola, _) = speakers(&mut plan, event.id);
    let first = day(&plan, event.id, "2022-09-21");

    let error = refused(
        plan.create_session(&session_input(first.id, "11:00", "10:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::EndTime),
    );
    assert!(error.to_string().contains("10:00"), "{error}");
    refused(
        plan.create_session(&session_input(first.id, "10:00", "10:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::EndTime),
    );
    refused(
        plan.create_session(&session_input(first.id, "9h30", "10:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::StartTime),
    );
    refused(
        plan.create_session(&session_input(first.id, "09:30", "25:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::EndTime),
    );
    refused(
        plan.create_session(&session_input(first.id, "09:30", "10:00", "  ")),
        ErrorKind::Validation,
        Some(Field::Title),
    );
    refused(
        plan.create_session(&session_input(Uuid::now_v7(), "09:30", "10:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::DayId),
    );
    let coffee_with_speaker = SessionInput {
        kind: Some(SessionKind::Break),
        people: vec![SessionPersonInput { participant_id: arriola, role: SessionRole::Speaker }],
        ..session_input(first.id, "10:30", "11:00", "Coffee break")
    };
    let error = refused(plan.create_session(&coffee_with_speaker), ErrorKind::Validation, Some(Field::People));
    assert!(error.to_string().contains("break"), "{error}");
    let twice = SessionInput {
        people: vec![
            SessionPersonInput { participant_id: arriola, role: SessionRole::Chair },
            SessionPersonInput { participant_id: arriola, role: SessionRole::Speaker },
        ],
        ..session_input(first.id, "09:30", "10:30", "Opening")
    };
    refused(plan.create_session(&twice), ErrorKind::Validation, Some(Field::People));
    assert_eq!(plan.event_overview(event.id).unwrap().sessions, 0, "nothing was written");

    // A break without people, in HH:MM:SS, is fine.
    let coffee = plan
        .create_session(&SessionInput {
            kind: Some(SessionKind::Break),
            ..session_input(first.id, "10:30:00", "11:00", "Coffee break")
        })
        .unwrap();
    assert_eq!(coffee.start_time.to_string(), "10:30:00");
    assert!(coffee.people.is_empty());
}

#[test]
fn a_speaker_in_two_overlapping_sessions_is_double_booked_until_one_moves() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let (arriola, somchai) = speakers(&mut plan, event.id);
    let first = day(&plan, event.id, "2022-09-21");
    let second = day(&plan, event.id, "2022-09-22");

    let opening = panel(&mut plan, first.id, ("10:00", "11:00"), "Opening", &[arriola, somchai]);
    let panel_input = SessionInput {
        people: vec![SessionPersonInput { participant_id: arriola, role: SessionRole::Speaker }],
        ..session_input(first.id, "10:30", "11:30", "Access to protection services")
    };
    let protection = plan.create_session(&panel_input).unwrap();
    // The same hours on another day are no clash.
    panel(&mut plan, second.id, ("10:00", "11:00"), "Legal frameworks", &[arriola, somchai]);

    let double = conflicts_of(&plan, event.id, ConflictKind::PersonDoubleBooked);
    assert_eq!(double.len(), 1, "{double:#?}");
    let conflict = &double[0];
    assert_eq!(conflict.participant_id, Some(arriola));
    assert_eq!(ids(conflict), BTreeSet::from([opening.id, protection.id]));
    assert_eq!(conflict.day_id, Some(first.id));
    assert!(conflict.message.starts_with("Dr Arriola is in two sessions at once"), "{}", conflict.message);
    assert!(conflict.message.contains("'Opening' (10:00–11:00)"), "{}", conflict.message);
    assert!(conflict.message.contains("'Access to protection services' (10:30–11:30)"), "{}", conflict.message);
    assert_eq!(plan.event_overview(event.id).unwrap().conflicts, vec![conflict.clone()]);

    // The panel moves to start when the opening ends: back to back is no clash.
    let moved = plan
        .update_session(
            protection.id,
            &SessionInput { start_time: "11:00".into(), end_time: "12:00".into(), ..panel_input.clone() },
        )
        .unwrap();
    assert_eq!((moved.start_time.to_string(), moved.end_time.to_string()), ("11:00:00".into(), "12:00:00".into()));
    assert!(conflicts_of(&plan, event.id, ConflictKind::PersonDoubleBooked).is_empty());
    assert!(plan.event_overview(event.id).unwrap().conflicts.is_empty());

    // One minute earlier and they overlap again.
    plan.update_session(
        protection.id,
        &SessionInput { start_time: "10:59".into(), end_time: "12:00".into(), ..panel_input.clone() },
    )
    .unwrap();
    assert_eq!(conflicts_of(&plan, event.id, ConflictKind::PersonDoubleBooked).len(), 1);
    // Or another day altogether.
    let last = day(&plan, event.id, "2022-09-23");
    plan.update_session(
        protection.id,
        &SessionInput { day_id: last.id, start_time: "10:30".into(), end_time: "11:30".into(), ..panel_input },
    )
    .unwrap();
    assert!(conflicts_of(&plan, event.id, ConflictKind::PersonDoubleBooked).is_empty());
}

#[test]
fn two_overlapping_sessions_in_one_room_clash_whatever_the_case_or_spaces() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let first = day(&plan, event.id, "2022-09-21");
    let in_room = |start: &str, end: &str, title: &str, room: &str| SessionInput {
        room: room.into(),
        ..session_input(first.id, start, end, title)
    };
    let plenary = plan.create_session(&in_room("09:00", "10:30", "Plenary", "Ballroom A")).unwrap();
    // Another room, or no room at all, at the same time: fine.
    plan.create_session(&in_room("09:00", "10:30", "Side event", "Meeting room 2")).unwrap();
    plan.create_session(&in_room("09:00", "10:30", "Study visit", "")).unwrap();
    plan.create_session(&in_room("09:00", "10:30", "Press briefing", "")).unwrap();
    // The same room right after: fine.
    plan.create_session(&in_room("10:30", "11:00", "Coffee", "BALLROOM A")).unwrap();
    assert!(plan.agenda(event.id).unwrap().conflicts.is_empty());

    let working_group = plan.create_session(&in_room("10:00", "11:00", "Working group", "  ballroom a ")).unwrap();
    assert_eq!(working_group.room, "ballroom a");
    let clashes = conflicts_of(&plan, event.id, ConflictKind::RoomClash);
    assert_eq!(clashes.len(), 2, "{clashes:#?}");
    assert!(clashes.iter().any(|c| ids(c) == BTreeSet::from([plenary.id, working_group.id])));
    assert!(clashes.iter().all(|c| ids(c).contains(&working_group.id) && c.day_id == Some(first.id)));
    assert!(clashes.iter().any(|c| c.message.contains("'Plenary'") && c.message.contains("'Working group'")));

    plan.delete_session(working_group.id).unwrap();
    assert!(conflicts_of(&plan, event.id, ConflictKind::RoomClash).is_empty());
}

#[test]
fn moving_the_event_leaves_a_day_outside_it_as_a_conflict() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let first = day(&plan, event.id, "2022-09-21");
    let opening = panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[]);

    let moved = EventInput { start_date: "2022-09-22".into(), end_date: "2022-09-24".into(), ..bangkok_input() };
    plan.update_event(event.id, &moved).unwrap();

    let agenda = plan.agenda(event.id).unwrap();
    let outside = conflicts_of(&plan, event.id, ConflictKind::DayOutsideEvent);
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].day_id, Some(first.id));
    assert!(outside[0].message.contains("1 session(s)"), "{}", outside[0].message);
    assert_eq!(plan.event_overview(event.id).unwrap().conflicts, outside);
    let within: Vec<(String, bool)> = agenda.days.iter().map(|d| (d.day.date.to_string(), d.within_event)).collect();
    assert_eq!(within, [("2022-09-21".into(), false), ("2022-09-22".into(), true), ("2022-09-23".into(), true)]);
    assert_eq!(agenda.days[0].sessions, vec![opening.clone()], "the day and its sessions are kept");

    // No new session goes on the day outside; the new last day can be filled in.
    refused(
        plan.create_session(&session_input(first.id, "11:00", "12:00", "Panel")),
        ErrorKind::Validation,
        Some(Field::DayId),
    );
    assert_eq!(plan.fill_days(event.id).unwrap().len(), 4);

    // Moving the day into the event clears the conflict.
    let new_last = day(&plan, event.id, "2022-09-24");
    plan.delete_day(new_last.id).unwrap();
    plan.update_day(first.id, &AgendaDayInput { date: "2022-09-24".into(), theme: String::new() }).unwrap();
    assert!(plan.agenda(event.id).unwrap().conflicts.is_empty());
    assert_eq!(plan.session(opening.id).unwrap().date.to_string(), "2022-09-24", "its sessions moved with it");
}

#[test]
fn a_speaker_must_be_a_participant_of_the_event() {
    let mut plan = store();
    let bangkok = bangkok_dialogue(&mut plan);
    let mieux = mieux_round_table(&mut plan);
    let mieux_team = country(&mut plan, mieux.id, "KH", None);
    let elsewhere = register(
        &mut plan,
        mieux.id,
        mieux_team.id,
        ("Sokha", "Chea", Gender::Female),
        ParticipantRole::Speaker,
        ParticipantStatus::Attended,
    );
    let first = day(&plan, bangkok.id, "2022-09-21");

    let error = refused(
        plan.create_session(&SessionInput {
            people: vec![SessionPersonInput { participant_id: elsewhere.participant.id, role: SessionRole::Speaker }],
            ..session_input(first.id, "09:00", "10:00", "Opening")
        }),
        ErrorKind::Validation,
        Some(Field::People),
    );
    assert!(error.to_string().contains("another event"), "{error}");
    refused(
        plan.create_session(&SessionInput {
            people: vec![SessionPersonInput { participant_id: Uuid::now_v7(), role: SessionRole::Speaker }],
            ..session_input(first.id, "09:00", "10:00", "Opening")
        }),
        ErrorKind::Validation,
        Some(Field::People),
    );
    assert!(plan.agenda(bangkok.id).unwrap().days.iter().all(|d| d.sessions.is_empty()));

    // Nor can a session move to a day of another event.
    let opening = panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[]);
    let mieux_day = day(&plan, mieux.id, "2018-03-05");
    refused(
        plan.update_session(opening.id, &session_input(mieux_day.id, "09:00", "10:00", "Opening")),
        ErrorKind::Validation,
        Some(Field::DayId),
    );
    assert_eq!(plan.session(opening.id).unwrap(), opening);
}

#[test]
fn removing_a_participant_takes_them_off_the_programme() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let (arriola, somchai) = speakers(&mut plan, event.id);
    let first = day(&plan, event.id, "2022-09-21");
    let opening = panel(&mut plan, first.id, ("09:00", "10:00"), "Opening", &[arriola, somchai]);
    let keynote = panel(&mut plan, first.id, ("09:30", "10:30"), "Keynote", &[arriola]);
    assert_eq!(conflicts_of(&plan, event.id, ConflictKind::PersonDoubleBooked).len(), 1);

    plan.remove_participant(arriola).unwrap();

    let opening = plan.session(opening.id).unwrap();
    assert_eq!(opening.people.iter().map(|p| p.participant_id).collect::<Vec<_>>(), [somchai]);
    assert!(plan.session(keynote.id).unwrap().people.is_empty(), "the session itself stays");
    assert!(plan.agenda(event.id).unwrap().conflicts.is_empty());
}

#[test]
fn the_agenda_lists_days_in_date_order_and_sessions_by_time() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let (arriola, somchai) = speakers(&mut plan, event.id);
    let first = day(&plan, event.id, "2022-09-21");
    let second = day(&plan, event.id, "2022-09-22");
    let third = day(&plan, event.id, "2022-09-23");
    plan.update_day(
        third.id,
        &AgendaDayInput { date: "2022-09-23".into(), theme: "Areas of cooperation and partnerships".into() },
    )
    .unwrap();

    // Entered out of order.
    panel(&mut plan, third.id, ("09:00", "10:00"), "Areas of cooperation", &[]);
    panel(&mut plan, second.id, ("14:00", "15:30"), "Alternatives to detention", &[]);
    let lunch = plan
        .create_session(&SessionInput {
            kind: Some(SessionKind::Lunch),
            ..session_input(first.id, "12:00", "13:30", "Lunch")
        })
        .unwrap();
    let opening = plan
        .create_session(&SessionInput {
            kind: Some(SessionKind::Opening),
            people: vec![
                SessionPersonInput { participant_id: somchai, role: SessionRole::Chair },
                SessionPersonInput { participant_id: arriola, role: SessionRole::Speaker },
            ],
            ..session_input(first.id, "09:00", "10:00", "Opening")
        })
        .unwrap();
    panel(&mut plan, second.id, ("09:00", "10:30"), "Rescue at sea", &[]);

    let agenda = plan.agenda(event.id).unwrap();
    assert_eq!(agenda.time_zone, "Asia/Bangkok");
    let programme: Vec<(String, Vec<String>)> = agenda
        .days
        .iter()
        .map(|d| {
            (
                d.day.date.to_string(),
                d.sessions.iter().map(|s| format!("{} {}", s.start_time.format("%H:%M"), s.title)).collect(),
            )
        })
        .collect();
    assert_eq!(
        programme,
        [
            ("2022-09-21".to_string(), vec!["09:00 Opening".to_string(), "12:00 Lunch".to_string()]),
            (
                "2022-09-22".to_string(),
                vec!["09:00 Rescue at sea".to_string(), "14:00 Alternatives to detention".to_string()]
            ),
            ("2022-09-23".to_string(), vec!["09:00 Areas of cooperation".to_string()]),
        ]
    );
    assert_eq!(agenda.days[2].day.theme, "Areas of cooperation and partnerships");
    assert!(agenda.days.iter().all(|d| d.within_event && d.sessions.iter().all(|s| s.date == d.day.date)));
    assert_eq!(agenda.days[0].sessions[1], lunch);

    // The people of a session, in the order given, as the programme prints them.
    let people: Vec<(SessionRole, &str, &str)> = agenda.days[0].sessions[0]
        .people
        .iter()
        .map(|p| (p.role, p.name.as_str(), p.delegation_name.as_str()))
        .collect();
    assert_eq!(
        people,
        [(SessionRole::Chair, "Somchai Wongsawat", "Thailand"), (SessionRole::Speaker, "Dr Arriola", "Thailand")]
    );
    assert_eq!(agenda.days[0].sessions[0], opening);
    assert_eq!(opening.people[1].position, "Deputy Regional Director for Asia and the Pacific");
    assert_eq!(plan.event_overview(event.id).unwrap().sessions, 5);
}
