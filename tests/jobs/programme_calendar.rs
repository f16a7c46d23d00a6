//! Job: send the programme to calendars. The ICS is read back with the `ical`
//! parser: one entry per session with a stable UID in UTC, nothing in the
//! plan can end the calendar early, an entry's SEQUENCE grows with every
//! change of what it shows (so calendars take the newer copy, even of a
//! same-day revision), and an event without sessions is refused rather than
//! written as a calendar no program opens.

use roundtable_core::{
    ApiError, ErrorKind, Gender, ParticipantRole, ParticipantStatus, PersonInput, SessionInput, SessionPersonInput,
    SessionRole,
};
use roundtable_documents::ProgrammeOptions;
use roundtable_documents::export::{self, ProgrammeFormat};
use roundtable_tests::*;
use std::collections::HashMap;

/// The calendar of a programme export, as the `ical` parser reads it.
fn read(bytes: Vec<u8>) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(bytes.as_slice()));
    let calendar = parser.next().expect("one calendar").expect("valid iCalendar");
    assert!(parser.next().is_none());
    calendar
}

fn prop(e: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}

#[test]
fn no_text_in_the_plan_can_end_the_calendar_or_add_an_entry() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let sessions: usize = plan.agenda(event).unwrap().days.iter().map(|d| d.sessions.len()).sum();
    // Written past the inputs' cleaning, as a plan from an older version or another program may hold it.
    let raw = rusqlite::Connection::open(plan.path()).unwrap();
    raw.execute(
        "UPDATE session SET title = 'Opening\r\nEND:VCALENDAR\rBEGIN:VEVENT\rUID:evil', description = 'a\rEND:VEVENT\r\nb'
         WHERE event_id = ?1",
        [event],
    )
    .unwrap();
    raw.execute("UPDATE event SET title = 'Dialogue\rEND:VCALENDAR' WHERE id = ?1", [event]).unwrap();
    drop(raw);

    let ics = export::programme(&plan, event, ProgrammeFormat::Ics, &ProgrammeOptions::default()).unwrap();
    let ics = String::from_utf8(ics).unwrap();
    let lines: Vec<&str> = ics.split("\r\n").collect();
    assert!(lines.iter().all(|l| !l.contains('\r') && !l.contains('\n')), "only CRLF ends a line");
    assert_eq!(lines.iter().filter(|l| **l == "END:VCALENDAR").count(), 1);
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), sessions);
    assert!(!lines.iter().any(|l| l.starts_with("UID:evil")), "{ics}");
}

#[test]
fn the_programme_calendar_has_one_entry_per_session_with_stable_uids_in_utc() {
    let mut plan = store();
    let event = example(&mut plan, "Migrant Protection");
    let sessions: usize = plan.agenda(event).unwrap().days.iter().map(|d| d.sessions.len()).sum();
    let opening = plan
        .agenda(event)
        .unwrap()
        .days
        .iter()
        .flat_map(|d| d.sessions.clone())
        .find(|s| s.kind == roundtable_core::SessionKind::Opening)
        .expect("the dialogue has an opening");

    let ics = export::programme(&plan, event, ProgrammeFormat::Ics, &ProgrammeOptions::default()).unwrap();
    assert!(String::from_utf8(ics.clone()).unwrap().contains("\r\n"), "RFC 5545 lines end in CRLF");
    let calendar = read(ics);
    assert_eq!(calendar.events.len(), sessions);
    let uids: Vec<String> = calendar.events.iter().map(|e| prop(e, "UID")).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), sessions, "every UID is unique");
    let opening_entry =
        calendar.events.iter().find(|e| prop(e, "UID") == format!("{}@roundtable-planner", opening.id)).unwrap();
    // The opening at 09:00 in Bangkok (UTC+7) is 02:00 UTC.
    assert_eq!(opening.start_time.format("%H:%M").to_string(), "09:00");
    assert_eq!(prop(opening_entry, "DTSTART"), "20220921T020000Z");
    assert_eq!(prop(opening_entry, "SUMMARY"), opening.title);
    assert!(prop(opening_entry, "DESCRIPTION").contains("Asia/Bangkok"));

    // A second export (say after a change of room) keeps the UIDs, so calendars update.
    let again = read(export::programme(&plan, event, ProgrammeFormat::Ics, &ProgrammeOptions::default()).unwrap());
    let uids_again: Vec<String> = again.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids, uids_again);
}

/// Each entry's SEQUENCE by UID, in a programme exported with one version date.
fn sequences(plan: &roundtable_core::Store, event: uuid::Uuid) -> HashMap<String, u32> {
    let options = ProgrammeOptions { version_date: chrono::NaiveDate::from_ymd_opt(2022, 9, 1), ..Default::default() };
    let calendar = read(export::programme(plan, event, ProgrammeFormat::Ics, &options).unwrap());
    calendar.events.iter().map(|e| (prop(e, "UID"), prop(e, "SEQUENCE").parse().unwrap())).collect()
}

#[test]
fn an_entry_is_newer_after_each_change_of_what_it_shows_even_on_the_same_day() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let who = ("Kanya", "Srisuk", Gender::Female);
    let speaker = register(&mut plan, event.id, thailand.id, who, ParticipantRole::Head, ParticipantStatus::Confirmed);
    let first_day = day(&plan, event.id, "2022-09-21");
    let opening = panel(&mut plan, first_day.id, ("09:00", "10:00"), "Opening", &[speaker.participant.id]);
    let other = panel(&mut plan, first_day.id, ("10:30", "12:00"), "Panel on return", &[]);
    let (opening_uid, other_uid) =
        (format!("{}@roundtable-planner", opening.id), format!("{}@roundtable-planner", other.id));
    let mut before = sequences(&plan, event.id);
    assert_eq!(before.len(), 2);

    let speaking = vec![SessionPersonInput { participant_id: speaker.participant.id, role: SessionRole::Speaker }];
    let opening_with = |people| SessionInput {
        room: "Plenary hall".into(),
        people,
        ..session_input(first_day.id, "09:00", "10:00", "Opening")
    };
    for change in ["a new room", "the speaker's new position", "the speaker taken off"] {
        // A calendar entry's SEQUENCE counts in seconds: the change comes in a later one.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        match change {
            "a new room" => drop(plan.update_session(opening.id, &opening_with(speaking.clone())).unwrap()),
            "the speaker's new position" => {
                let input = PersonInput { position: "Director-General".into(), ..person(who.0, who.1, who.2) };
                plan.update_person(speaker.person.id, &input).unwrap();
            }
            _ => drop(plan.update_session(opening.id, &opening_with(Vec::new())).unwrap()),
        }
        let after = sequences(&plan, event.id);
        assert!(after[&opening_uid] > before[&opening_uid], "{change}: {before:?} -> {after:?}");
        assert_eq!(after[&other_uid], before[&other_uid], "{change} leaves the other session's entry as it was");
        before = after;
    }
}

#[test]
fn an_event_without_sessions_gets_a_refusal_not_an_empty_calendar() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let made = export::programme(&plan, event.id, ProgrammeFormat::Ics, &ProgrammeOptions::default());
    let Err(error) = made.map_err(ApiError::from) else { panic!("a calendar without sessions was written") };
    assert_eq!(error.kind, ErrorKind::Validation);
    assert!(error.message.contains("no sessions yet"), "{}", error.message);
    // The other formats still show the empty programme's frame.
    assert!(export::programme(&plan, event.id, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).is_ok());
}
