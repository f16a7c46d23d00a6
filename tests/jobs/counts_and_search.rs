//! The home screen's counts and the people search stay right through every
//! kind of change: the counts are kept by triggers and the search by a
//! trigram index, so each test compares them with what the plan really holds.

use roundtable_core::{
    Gender, MembershipInput, ParticipantFilter, ParticipantRole, ParticipantStatus, PersonInput, Store,
};
use roundtable_tests::*;
use uuid::Uuid;

/// (delegations, seat holders, sessions) as the home list shows them, and as counted from the event's own lists.
fn shown_and_counted(plan: &Store, event_id: Uuid) -> ((u32, u32, u32), (u32, u32, u32)) {
    let summary = plan.list_events().unwrap().into_iter().find(|e| e.id == event_id).unwrap();
    let seats = plan
        .list_participants(event_id, &ParticipantFilter::default())
        .unwrap()
        .iter()
        .filter(|p| p.participant.status.holds_seat())
        .count() as u32;
    let sessions = plan.agenda(event_id).unwrap().days.iter().map(|d| d.sessions.len() as u32).sum();
    (
        (summary.delegations, summary.participants, summary.sessions),
        (plan.list_delegations(event_id).unwrap().len() as u32, seats, sessions),
    )
}

#[test]
fn the_home_counts_follow_every_change_including_cascades() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let other = mieux_round_table(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let malaysia = country(&mut plan, event.id, "MY", Some(3));
    country(&mut plan, other.id, "KH", None);
    let a = register(
        &mut plan,
        event.id,
        indonesia.id,
        ("Siti", "Rahma", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Invited,
    );
    let b = register(
        &mut plan,
        event.id,
        malaysia.id,
        ("Ahmad", "Ismail", Gender::Male),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    register(
        &mut plan,
        event.id,
        malaysia.id,
        ("Nur", "Aziz", Gender::Female),
        ParticipantRole::Member,
        ParticipantStatus::Declined,
    );
    let first_day = day(&plan, event.id, "2022-09-21").id;
    let opening = panel(&mut plan, first_day, ("09:00", "10:00"), "Opening", &[a.participant.id]);
    panel(&mut plan, first_day, ("10:30", "11:30"), "Protection", &[b.participant.id]);
    let (shown, counted) = shown_and_counted(&plan, event.id);
    assert_eq!(shown, (2, 2, 2));
    assert_eq!(shown, counted);

    // A status change in and out of a seat, one by one and in bulk.
    plan.update_participant(
        a.participant.id,
        &member_of(indonesia.id, ParticipantRole::Head, ParticipantStatus::Declined),
    )
    .unwrap();
    assert_eq!(shown_and_counted(&plan, event.id).0.1, 1);
    plan.set_participants_status(&[a.participant.id, b.participant.id], ParticipantStatus::Attended).unwrap();
    assert_eq!(shown_and_counted(&plan, event.id).0.1, 2);
    // Deleting a session, a person (cascading their participation), a delegation (cascading its members).
    plan.delete_session(opening.id).unwrap();
    plan.delete_person(a.person.id).unwrap();
    plan.delete_delegation(malaysia.id).unwrap();
    let (shown, counted) = shown_and_counted(&plan, event.id);
    assert_eq!(shown, (1, 0, 1));
    assert_eq!(shown, counted);
    // The other event's counts were never touched.
    assert_eq!(shown_and_counted(&plan, other.id).0, (1, 0, 0));
    // Deleting a day cascades its sessions.
    plan.delete_day(first_day).unwrap();
    assert_eq!(shown_and_counted(&plan, event.id).0.2, 0);
}

#[test]
fn people_are_found_by_any_part_of_their_names_email_or_organisation_in_any_script() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let add = |plan: &mut TempStore, given: &str, family: &str, email: &str, organisation: &str| {
        plan.register_participant(
            event.id,
            &PersonInput {
                given_name: given.into(),
                family_name: family.into(),
                email: Some(email.into()),
                organisation: organisation.into(),
                ..PersonInput::default()
            },
            &MembershipInput { delegation_id: thailand.id, ..MembershipInput::default() },
        )
        .unwrap()
        .registered
    };
    let phuchphop = add(&mut plan, "Phuchphop", "Mongkolnavin", "p.m@mfa.go.th", "Ministry of Foreign Affairs");
    add(&mut plan, "สมชาย", "วงศ์สวัสดิ์", "somchai@example.org", "กระทรวงแรงงาน");
    add(&mut plan, "Stuart", "Simpson", "ssimpson@iom.int", "IOM");
    let names = |plan: &TempStore, search: &str| -> Vec<String> {
        plan.search_people(search, 20).unwrap().into_iter().map(|p| p.family_name).collect()
    };
    assert_eq!(names(&plan, "kolna"), ["Mongkolnavin"], "a part of a family name, any case");
    assert_eq!(names(&plan, "MFA.GO"), ["Mongkolnavin"], "a part of an e-mail address");
    assert_eq!(names(&plan, "foreign aff"), ["Mongkolnavin"], "a part of an organisation");
    assert_eq!(names(&plan, "สวัสดิ์"), ["วงศ์สวัสดิ์"], "Thai script");
    assert_eq!(names(&plan, "on"), ["Mongkolnavin", "Simpson"], "two letters still search, by family name");
    assert_eq!(names(&plan, "\"; DROP"), Vec::<String>::new(), "quotes are searched for, not obeyed");
    assert_eq!(plan.search_people("", 2).unwrap().len(), 2);

    // The index follows changes and deletions.
    plan.update_person(
        phuchphop.person.id,
        &PersonInput {
            given_name: "Phuchphop".into(),
            family_name: "Mongkolnavin-Rattana".into(),
            ..PersonInput::default()
        },
    )
    .unwrap();
    assert_eq!(names(&plan, "rattana"), ["Mongkolnavin-Rattana"]);
    assert_eq!(names(&plan, "mfa.go"), Vec::<String>::new(), "the old e-mail address is gone from the index");
    plan.delete_person(phuchphop.person.id).unwrap();
    assert_eq!(names(&plan, "kolna"), Vec::<String>::new());
}

/// Defect 1 of issue 9: an accented name typed with its accents found people,
/// the same name without accents or in capitals found nobody.
#[test]
fn people_and_participants_are_found_with_or_without_accents_in_any_case() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let viet_nam = country(&mut plan, event.id, "VN", None);
    let timor = country(&mut plan, event.id, "TL", None);
    let member = |status| member_of(viet_nam.id, ParticipantRole::Member, status);
    plan.register_participant(
        event.id,
        &person("Thị Ánh", "Nguyễn", Gender::Female),
        &member(ParticipantStatus::Invited),
    )
    .unwrap();
    plan.register_participant(
        event.id,
        &person("Văn Minh", "NGUYEN", Gender::Male),
        &member(ParticipantStatus::Confirmed),
    )
    .unwrap();
    plan.register_participant(
        event.id,
        &person("José", "Ramos-Horta", Gender::Male),
        &member_of(timor.id, ParticipantRole::Head, ParticipantStatus::Confirmed),
    )
    .unwrap();
    plan.register_participant(event.id, &person("Jo", "Sen", Gender::Male), &member(ParticipantStatus::Invited))
        .unwrap();

    let people = |search: &str| -> Vec<String> {
        let mut found: Vec<String> =
            plan.search_people(search, 20).unwrap().into_iter().map(|p| p.given_name).collect();
        found.sort();
        found
    };
    let participants = |search: &str| -> Vec<String> {
        let filter = ParticipantFilter { search: Some(search.into()), ..ParticipantFilter::default() };
        let mut found: Vec<String> =
            plan.list_participants(event.id, &filter).unwrap().into_iter().map(|p| p.person.given_name).collect();
        found.sort();
        found
    };
    for spelling in ["Nguyễn", "nguyen", "NGUYEN", "Nguyen", "nguyễn"] {
        assert_eq!(people(spelling), ["Thị Ánh", "Văn Minh"], "people search for {spelling}");
        assert_eq!(participants(spelling), ["Thị Ánh", "Văn Minh"], "participants search for {spelling}");
    }
    for spelling in ["Jose", "JOSÉ", "josé"] {
        assert_eq!(people(spelling), ["José"], "people search for {spelling}");
        assert_eq!(participants(spelling), ["José"], "participants search for {spelling}");
    }
    assert_eq!(people("thi anh nguyen"), ["Thị Ánh"], "given and family name together");
    assert_eq!(participants("ramos horta"), ["José"], "punctuation is a space");
    assert_eq!(people("HỊ"), ["Thị Ánh"], "two letters fold too");
    assert_eq!(participants("timor"), ["José"], "the delegation's name");
}

#[test]
fn a_search_matching_hundreds_still_lists_a_bounded_page_in_name_order() {
    let mut plan = store();
    let candidates = roundtable_core::person::SEARCH_CANDIDATES as usize;
    // Added in reverse name order, so that the order of adding never passes for the name order.
    for i in (0..candidates + 100).rev() {
        let person = PersonInput { family_name: format!("Nguyen {i:04}"), ..PersonInput::default() };
        plan.create_person(&person).unwrap();
    }
    plan.create_person(&PersonInput { family_name: "Anguyo".into(), ..PersonInput::default() }).unwrap();
    let names = |search: &str, limit: u32| -> Vec<String> {
        plan.search_people(search, limit).unwrap().into_iter().map(|p| p.family_name).collect()
    };

    // A narrow search is in exact name order.
    assert_eq!(names("nguyen 00", 3), ["Nguyen 0000", "Nguyen 0001", "Nguyen 0002"]);
    // A broad one is a full page, in name order, of matches only.
    let broad = names("ngu", 20);
    assert_eq!(broad.len(), 20);
    assert!(broad.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()), "{broad:?}");
    assert!(broad.iter().all(|n| n.to_lowercase().contains("ngu")), "{broad:?}");
    // A limit beyond the candidates is still honoured.
    assert_eq!(names("nguyen", 2_000).len(), candidates + 100);
}
