//! Job 2: invite delegations and track each one — nominated, confirmed and
//! attended against its quota, the head of delegation, the gender balance and
//! the visa letters still to send.

use roundtable_core::{
    DelegationInput, DelegationKind, DelegationTracker, ErrorKind, Field, Gender, MembershipInput, OrganisationInput,
    ParticipantFilter, ParticipantRole, ParticipantStatus, PersonInput, ReadinessKind, TrackerCounts, TrackerRow,
};
use roundtable_tests::*;
use uuid::Uuid;

use ParticipantRole::{Head, Member};
use ParticipantStatus::{Attended, Cancelled, Confirmed, Declined, Invited, Nominated};

fn row(tracker: &DelegationTracker, delegation: Uuid) -> &TrackerRow {
    tracker.rows.iter().find(|r| r.delegation_id == delegation).expect("the delegation has a line in the tracker")
}

fn with_visa(input: MembershipInput) -> MembershipInput {
    MembershipInput { visa_letter_needed: true, ..input }
}

#[test]
fn the_tracker_follows_each_delegation_as_people_join_change_and_leave() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let malaysia = country(&mut plan, event.id, "MY", Some(2));
    let thailand = country(&mut plan, event.id, "TH", Some(4));

    let empty = plan.delegation_tracker(event.id).unwrap();
    assert_eq!(empty.rows.len(), 3);
    assert_eq!(empty.total_quota, 9);
    assert_eq!(empty.totals, TrackerCounts::default());
    assert!(empty.rows.iter().all(|r| r.head.is_none() && !r.over_quota));

    let head_of_indonesia = plan
        .register_participant(
            event.id,
            &PersonInput { honorific: "H.E.".into(), ..person("Siti", "Rahayu", Gender::Female) },
            &with_visa(member_of(indonesia.id, Head, Confirmed)),
        )
        .unwrap();
    let budi = plan
        .register_participant(
            event.id,
            &person("Budi", "Santoso", Gender::Male),
            &with_visa(member_of(indonesia.id, Member, Nominated)),
        )
        .unwrap();
    let dewi = register(&mut plan, event.id, indonesia.id, ("Dewi", "Lestari", Gender::Female), Member, Invited);
    let ahmad = plan
        .register_participant(
            event.id,
            &person("Ahmad", "Rahman", Gender::Male),
            &with_visa(member_of(malaysia.id, Member, Declined)),
        )
        .unwrap();
    // A head without a given name, as registration forms often have them.
    let thai_head = plan
        .register_participant(
            event.id,
            &PersonInput { honorific: "Dr".into(), ..person("", "Chaiyasit", Gender::Other) },
            &member_of(thailand.id, Head, Attended),
        )
        .unwrap();

    let tracker = plan.delegation_tracker(event.id).unwrap();
    let id_row = row(&tracker, indonesia.id);
    assert_eq!(
        id_row.counts,
        TrackerCounts {
            invited: 1,
            nominated: 1,
            confirmed: 1,
            seats_taken: 3,
            female: 2,
            male: 1,
            visa_letters_needed: 2,
            ..TrackerCounts::default()
        }
    );
    assert_eq!(id_row.head.as_deref(), Some("H.E. Siti Rahayu"));
    assert!(!id_row.over_quota, "three seats of three");
    let my_row = row(&tracker, malaysia.id);
    assert_eq!(
        my_row.counts,
        TrackerCounts { declined: 1, ..TrackerCounts::default() },
        "who declined holds no seat, counts in no gender and needs no visa letter"
    );
    assert_eq!(my_row.head, None);
    let th_row = row(&tracker, thailand.id);
    assert_eq!(th_row.counts.attended, 1);
    assert_eq!(th_row.counts.other_gender, 1);
    assert_eq!(
        th_row.head.as_deref(),
        Some(thai_head.registered.person.full_name.as_str()),
        "the head is named as the person's full name"
    );
    assert_eq!(th_row.head.as_deref(), Some("Dr Chaiyasit"));
    assert_eq!(
        tracker.totals,
        TrackerCounts {
            invited: 1,
            nominated: 1,
            confirmed: 1,
            attended: 1,
            declined: 1,
            seats_taken: 4,
            female: 2,
            male: 1,
            other_gender: 1,
            visa_letters_needed: 2,
            ..TrackerCounts::default()
        }
    );
    assert_eq!(tracker.total_quota, 9);
    let overview = plan.event_overview(event.id).unwrap();
    assert_eq!(overview.participants, tracker.totals);
    assert_eq!(overview.delegations, 3);

    // Dewi confirms and her visa letter is needed; Ahmad comes after all.
    plan.update_participant(dewi.participant.id, &with_visa(member_of(indonesia.id, Member, Confirmed))).unwrap();
    plan.update_participant(ahmad.registered.participant.id, &with_visa(member_of(malaysia.id, Member, Nominated)))
        .unwrap();
    // The letter for Budi has been sent.
    plan.update_participant(budi.registered.participant.id, &member_of(indonesia.id, Member, Nominated)).unwrap();
    let tracker = plan.delegation_tracker(event.id).unwrap();
    let id_row = row(&tracker, indonesia.id);
    assert_eq!((id_row.counts.invited, id_row.counts.confirmed), (0, 2));
    assert_eq!(id_row.counts.visa_letters_needed, 2);
    let my_row = row(&tracker, malaysia.id);
    assert_eq!(
        (my_row.counts.declined, my_row.counts.nominated, my_row.counts.seats_taken, my_row.counts.male),
        (0, 1, 1, 1)
    );
    assert_eq!(tracker.totals.seats_taken, 5);
    assert_eq!(tracker.totals.visa_letters_needed, 3);

    // The head of the Indonesian delegation withdraws; Malaysia gets more seats.
    plan.remove_participant(head_of_indonesia.registered.participant.id).unwrap();
    plan.update_delegation(
        malaysia.id,
        &DelegationInput { country_code: Some("MY".into()), quota: Some(5), ..DelegationInput::default() },
    )
    .unwrap();
    let tracker = plan.delegation_tracker(event.id).unwrap();
    let id_row = row(&tracker, indonesia.id);
    assert_eq!(id_row.head, None, "no head named any more");
    assert_eq!((id_row.counts.seats_taken, id_row.counts.female), (2, 1));
    assert_eq!(tracker.totals.seats_taken, 4);
    assert_eq!(tracker.total_quota, 3 + 5 + 4);
    // The person stays in the plan.
    assert_eq!(plan.person(head_of_indonesia.registered.person.id).unwrap().family_name, "Rahayu");

    // A delegation without a quota adds nothing to the total quota.
    country(&mut plan, event.id, "PH", None);
    assert_eq!(plan.delegation_tracker(event.id).unwrap().total_quota, 12);
}

#[test]
fn delegations_follow_protocol_order_countries_first_by_their_iso_short_name() {
    let mut plan = store();
    let event = mieux_round_table(&mut plan);
    let asean = plan
        .create_organisation(&OrganisationInput { name: "ASEAN Secretariat".into(), ..OrganisationInput::default() })
        .unwrap();
    // Entered in no particular order, some under the names people use.
    let team = plan
        .create_delegation(
            event.id,
            &DelegationInput {
                kind: Some(DelegationKind::OrganisingTeam),
                name: Some("ICMPD MIEUX team".into()),
                ..DelegationInput::default()
            },
        )
        .unwrap();
    let experts = plan
        .create_delegation(
            event.id,
            &DelegationInput {
                kind: Some(DelegationKind::ExpertGroup),
                name: Some("Past missions' experts".into()),
                ..DelegationInput::default()
            },
        )
        .unwrap();
    let organisation = plan
        .create_delegation(event.id, &DelegationInput { organisation_id: Some(asean.id), ..DelegationInput::default() })
        .unwrap();
    assert_eq!(organisation.kind, DelegationKind::Organisation);
    assert_eq!(organisation.name, "ASEAN Secretariat");
    let mut named = |code: &str, name: Option<&str>| {
        plan.create_delegation(
            event.id,
            &DelegationInput {
                country_code: Some(code.into()),
                name: name.map(Into::into),
                ..DelegationInput::default()
            },
        )
        .unwrap()
    };
    let thailand = named("THA", None);
    let philippines = named("PH", Some("The Philippines"));
    let lao = named("LA", Some("Lao PDR"));
    let timor = named("TL", None);
    let cambodia = named("KH", None);
    let myanmar = named("MM", None);
    let kyrgyzstan = named("KG", None);
    assert_eq!(thailand.name, "Thailand", "a country's name defaults to its short name");
    assert_eq!(thailand.country_code.as_deref(), Some("TH"));
    assert_eq!(lao.name, "Lao PDR");

    let expected = vec![
        cambodia.id,
        kyrgyzstan.id,
        lao.id, // Lao People's Democratic Republic
        myanmar.id,
        philippines.id, // Philippines, not "The Philippines"
        thailand.id,
        timor.id,
        organisation.id, // organisations after every country
        experts.id,      // then the experts
        team.id,         // and the organising team last
    ];
    let listed: Vec<Uuid> = plan.list_delegations(event.id).unwrap().iter().map(|d| d.id).collect();
    assert_eq!(listed, expected);
    let tracked: Vec<Uuid> = plan.delegation_tracker(event.id).unwrap().rows.iter().map(|r| r.delegation_id).collect();
    assert_eq!(tracked, expected);

    // The list of participants follows the same order, head of delegation first.
    register(&mut plan, event.id, team.id, ("Anna", "Adler", Gender::Female), ParticipantRole::Staff, Confirmed);
    register(&mut plan, event.id, thailand.id, ("Anan", "Aree", Gender::Male), Member, Confirmed);
    register(&mut plan, event.id, thailand.id, ("Somchai", "Wongsawat", Gender::Male), Head, Confirmed);
    register(&mut plan, event.id, lao.id, ("Khamla", "Phommavong", Gender::Female), Head, Nominated);
    let names: Vec<String> = plan
        .list_participants(event.id, &ParticipantFilter::default())
        .unwrap()
        .into_iter()
        .map(|p| p.person.family_name)
        .collect();
    assert_eq!(names, ["Phommavong", "Wongsawat", "Aree", "Adler"]);
}

#[test]
fn a_country_sends_one_delegation_and_names_are_unique_at_an_event() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", Some(4));

    // The same country by its alpha-3 code and under another name.
    let error = refused(
        plan.create_delegation(
            event.id,
            &DelegationInput {
                country_code: Some("tha".into()),
                name: Some("Royal Thai Government".into()),
                ..DelegationInput::default()
            },
        ),
        ErrorKind::Duplicate,
        Some(Field::CountryCode),
    );
    assert!(error.to_string().contains("Thailand"), "{error}");

    // Another kind of delegation may not take a name already used (any case).
    refused(
        plan.create_delegation(
            event.id,
            &DelegationInput {
                kind: Some(DelegationKind::ExpertGroup),
                name: Some("THAILAND".into()),
                ..DelegationInput::default()
            },
        ),
        ErrorKind::Duplicate,
        Some(Field::Name),
    );
    let experts = DelegationInput { kind: Some(DelegationKind::ExpertGroup), ..DelegationInput::default() };
    plan.create_delegation(event.id, &experts).unwrap();
    refused(plan.create_delegation(event.id, &experts), ErrorKind::Duplicate, Some(Field::Name));
    // Renaming a delegation onto another's name is refused too.
    let malaysia = country(&mut plan, event.id, "MY", None);
    refused(
        plan.update_delegation(
            malaysia.id,
            &DelegationInput {
                country_code: Some("MY".into()),
                name: Some("Experts".into()),
                ..DelegationInput::default()
            },
        ),
        ErrorKind::Duplicate,
        Some(Field::Name),
    );
    assert_eq!(plan.delegation(malaysia.id).unwrap().name, "Malaysia");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 3);

    // Another event may have its own Thai delegation.
    let other = mieux_round_table(&mut plan);
    let other_thailand = country(&mut plan, other.id, "TH", None);
    assert_ne!(other_thailand.id, thailand.id);
}

#[test]
fn a_delegation_has_one_head_until_that_head_declines() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", Some(4));
    let first = plan
        .register_participant(
            event.id,
            &PersonInput { honorific: "Dr".into(), ..person("", "Chaiyasit", Gender::Female) },
            &member_of(thailand.id, Head, Confirmed),
        )
        .unwrap();

    let error = refused(
        plan.register_participant(
            event.id,
            &person("Somchai", "Wongsawat", Gender::Male),
            &member_of(thailand.id, Head, Nominated),
        ),
        ErrorKind::Duplicate,
        Some(Field::Role),
    );
    assert_eq!(error.to_string(), "Thailand already has a head of delegation: Dr Chaiyasit");
    assert_eq!(people_count(&plan), 1, "the refused person was not kept");

    // A member cannot be made head either while the first head stands.
    let second = register(&mut plan, event.id, thailand.id, ("Somchai", "Wongsawat", Gender::Male), Member, Nominated);
    refused(
        plan.update_participant(second.participant.id, &member_of(thailand.id, Head, Nominated)),
        ErrorKind::Duplicate,
        Some(Field::Role),
    );
    assert_eq!(plan.participant(second.participant.id).unwrap().participant.role, Member);

    // The first head declines: the second can take the role.
    plan.update_participant(first.registered.participant.id, &member_of(thailand.id, Head, Declined)).unwrap();
    plan.update_participant(second.participant.id, &member_of(thailand.id, Head, Confirmed)).unwrap();
    let tracker = plan.delegation_tracker(event.id).unwrap();
    assert_eq!(row(&tracker, thailand.id).head.as_deref(), Some("Somchai Wongsawat"));

    // The first head cannot come back as head while the second stands,
    // neither alone nor in a bulk change of status.
    refused(
        plan.update_participant(first.registered.participant.id, &member_of(thailand.id, Head, Confirmed)),
        ErrorKind::Duplicate,
        Some(Field::Role),
    );
    refused(
        plan.set_participants_status(&[first.registered.participant.id], Confirmed),
        ErrorKind::Duplicate,
        Some(Field::Status),
    );
    assert_eq!(plan.participant(first.registered.participant.id).unwrap().participant.status, Declined);
    // …but as a member, they may.
    plan.update_participant(first.registered.participant.id, &member_of(thailand.id, Member, Confirmed)).unwrap();

    // A new head is also accepted after the head cancelled.
    let malaysia = country(&mut plan, event.id, "MY", None);
    let cancelled = register(&mut plan, event.id, malaysia.id, ("Ahmad", "Rahman", Gender::Male), Head, Invited);
    plan.set_participants_status(&[cancelled.participant.id], Cancelled).unwrap();
    register(&mut plan, event.id, malaysia.id, ("Nur", "Aziz", Gender::Female), Head, Invited);
    let tracker = plan.delegation_tracker(event.id).unwrap();
    assert_eq!(row(&tracker, malaysia.id).head.as_deref(), Some("Nur Aziz"));
}

#[test]
fn a_person_takes_part_in_an_event_once() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let experts = plan
        .create_delegation(
            event.id,
            &DelegationInput { kind: Some(DelegationKind::ExpertGroup), ..DelegationInput::default() },
        )
        .unwrap();
    let somchai = plan
        .register_participant(
            event.id,
            &PersonInput { email: Some("somchai@mfa.go.th".into()), ..person("Somchai", "Wongsawat", Gender::Male) },
            &member_of(thailand.id, Member, Confirmed),
        )
        .unwrap();

    let error = refused(
        plan.add_participant(
            event.id,
            somchai.registered.person.id,
            &member_of(experts.id, ParticipantRole::Expert, Invited),
        ),
        ErrorKind::Duplicate,
        Some(Field::PersonId),
    );
    assert!(error.to_string().contains("Thailand"), "{error}");
    // Registering them again by their e-mail address finds the same person.
    refused(
        plan.register_participant(
            event.id,
            &PersonInput { email: Some("Somchai@MFA.go.th".into()), ..person("S.", "Wongsawat", Gender::Male) },
            &member_of(experts.id, ParticipantRole::Expert, Invited),
        ),
        ErrorKind::Duplicate,
        Some(Field::PersonId),
    );
    let everyone = plan.list_participants(event.id, &ParticipantFilter::default()).unwrap();
    assert_eq!(everyone.len(), 1);
    assert_eq!(people_count(&plan), 1);
}

#[test]
fn registering_a_known_email_reuses_the_person_as_recorded() {
    let mut plan = store();
    let mieux = mieux_round_table(&mut plan);
    let bangkok = bangkok_dialogue(&mut plan);
    let at_mieux = country(&mut plan, mieux.id, "LA", None);
    let at_bangkok = country(&mut plan, bangkok.id, "LA", None);
    let first = plan
        .register_participant(
            mieux.id,
            &PersonInput {
                honorific: "Mr".into(),
                email: Some("khamla@mofa.gov.la".into()),
                position: "Director".into(),
                ..person("Khamla", "Phommavong", Gender::Male)
            },
            &member_of(at_mieux.id, Head, Attended),
        )
        .unwrap();

    let again = plan
        .register_participant(
            bangkok.id,
            &PersonInput {
                email: Some("  KHAMLA@mofa.gov.la ".into()),
                position: "Director-General".into(),
                ..person("K.", "Phommavong", Gender::Male)
            },
            &member_of(at_bangkok.id, Member, Invited),
        )
        .unwrap();
    assert_eq!(again.registered.person.id, first.registered.person.id);
    assert!(again.person_reused && !first.person_reused, "registering says whether the person was reused");
    assert_eq!(people_count(&plan), 1);
    let kept = plan.person(first.registered.person.id).unwrap();
    assert_eq!(kept.given_name, "Khamla", "the person's record is kept as it is");
    assert_eq!(kept.position, "Director");
    assert_eq!(again.registered.delegation_name, "Lao People’s Democratic Republic");

    // Without an e-mail address, a namesake is a new person.
    register(&mut plan, bangkok.id, at_bangkok.id, ("Khamla", "Phommavong", Gender::Male), Member, Invited);
    assert_eq!(people_count(&plan), 2);
}

#[test]
fn a_delegation_over_its_quota_needs_attention_but_is_no_clash_of_the_programme() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let malaysia = country(&mut plan, event.id, "MY", Some(1));
    let thailand = country(&mut plan, event.id, "TH", Some(1));
    register(&mut plan, event.id, thailand.id, ("Somchai", "Wongsawat", Gender::Male), Head, Confirmed);
    let first = register(&mut plan, event.id, malaysia.id, ("Ahmad", "Rahman", Gender::Male), Head, Confirmed);
    // Over quota: the tracker's flag and one readiness item, never a conflict of the agenda.
    let over_quota = |plan: &TempStore| {
        assert!(plan.agenda(event.id).unwrap().conflicts.is_empty(), "the programme has no clash");
        assert!(plan.event_overview(event.id).unwrap().conflicts.is_empty());
        let tracker = plan.delegation_tracker(event.id).unwrap();
        assert!(!row(&tracker, thailand.id).over_quota);
        let flagged = row(&tracker, malaysia.id).over_quota;
        let items: Vec<_> = plan
            .event_readiness(event.id)
            .unwrap()
            .into_iter()
            .filter(|i| i.kind == ReadinessKind::DelegationOverQuota)
            .collect();
        assert_eq!(items.len(), usize::from(flagged), "readiness lists it once: {items:?}");
        flagged
    };
    assert!(!over_quota(&plan), "one seat of one is within the quota");

    let second = register(&mut plan, event.id, malaysia.id, ("Nur", "Aziz", Gender::Female), Member, Nominated);
    assert!(over_quota(&plan));

    // One of them declines: the delegation is back within its quota.
    plan.set_participants_status(&[second.participant.id], Declined).unwrap();
    assert!(!over_quota(&plan));

    // Lowering the quota below the seats taken brings it back.
    plan.update_delegation(
        malaysia.id,
        &DelegationInput { country_code: Some("MY".into()), quota: Some(0), ..DelegationInput::default() },
    )
    .unwrap();
    assert!(over_quota(&plan));
    plan.remove_participant(first.participant.id).unwrap();
    assert!(!over_quota(&plan));
}

#[test]
fn a_bulk_change_of_status_is_all_or_nothing() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", None);
    let ids: Vec<Uuid> = [("Siti", "Rahayu"), ("Budi", "Santoso"), ("Dewi", "Lestari")]
        .into_iter()
        .map(|(given, family)| {
            register(&mut plan, event.id, indonesia.id, (given, family, Gender::Undisclosed), Member, Invited)
                .participant
                .id
        })
        .collect();
    let statuses = |plan: &TempStore| -> Vec<ParticipantStatus> {
        ids.iter().map(|id| plan.participant(*id).unwrap().participant.status).collect()
    };

    let unknown = Uuid::now_v7();
    refused(plan.set_participants_status(&[ids[0], ids[1], unknown, ids[2]], Confirmed), ErrorKind::NotFound, None);
    assert_eq!(statuses(&plan), [Invited, Invited, Invited], "nothing changed");
    assert_eq!(plan.delegation_tracker(event.id).unwrap().totals.invited, 3);

    let confirmed = plan.set_participants_status(&ids, Confirmed).unwrap();
    assert_eq!(
        confirmed.iter().map(|p| (p.participant.id, p.participant.status)).collect::<Vec<_>>(),
        ids.iter().map(|id| (*id, Confirmed)).collect::<Vec<_>>(),
        "the participants as they now are, in the order asked"
    );
    assert_eq!(statuses(&plan), [Confirmed, Confirmed, Confirmed]);
    let totals = plan.delegation_tracker(event.id).unwrap().totals;
    assert_eq!((totals.invited, totals.confirmed), (0, 3));
}

#[test]
fn a_deleted_delegation_takes_no_one_and_nothing_is_written() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let malaysia = country(&mut plan, event.id, "MY", None);
    let member = register(&mut plan, event.id, thailand.id, ("Somchai", "Wongsawat", Gender::Male), Member, Confirmed);
    let ahmad = register(&mut plan, event.id, malaysia.id, ("Ahmad", "Rahman", Gender::Male), Member, Confirmed);

    // Someone else deletes the Malaysian delegation while the form is open.
    plan.delete_delegation(malaysia.id).unwrap();
    refused(plan.participant(ahmad.participant.id), ErrorKind::NotFound, None);
    assert_eq!(people_count(&plan), 2, "Ahmad stays in the plan");

    let error = refused(
        plan.register_participant(
            event.id,
            &person("Nur", "Aziz", Gender::Female),
            &member_of(malaysia.id, Member, Invited),
        ),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    assert!(error.to_string().contains("no longer exists"), "{error}");
    assert_eq!(people_count(&plan), 2, "the new person was not written");
    refused(
        plan.add_participant(event.id, ahmad.person.id, &member_of(malaysia.id, Member, Invited)),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    refused(
        plan.update_participant(member.participant.id, &member_of(malaysia.id, Member, Confirmed)),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    assert_eq!(plan.participant(member.participant.id).unwrap().participant.delegation_id, thailand.id);
    let tracker = plan.delegation_tracker(event.id).unwrap();
    assert_eq!(tracker.rows.len(), 1);
    assert_eq!(tracker.totals.seats_taken, 1);
}

#[test]
fn a_delegation_of_another_event_is_refused() {
    let mut plan = store();
    let bangkok = bangkok_dialogue(&mut plan);
    let mieux = mieux_round_table(&mut plan);
    let bangkok_thailand = country(&mut plan, bangkok.id, "TH", None);
    let mieux_thailand = country(&mut plan, mieux.id, "TH", None);

    let error = refused(
        plan.register_participant(
            bangkok.id,
            &person("Somchai", "Wongsawat", Gender::Male),
            &member_of(mieux_thailand.id, Member, Invited),
        ),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    assert!(error.to_string().contains("another event"), "{error}");
    assert_eq!(people_count(&plan), 0);

    let somchai =
        register(&mut plan, bangkok.id, bangkok_thailand.id, ("Somchai", "Wongsawat", Gender::Male), Member, Invited);
    refused(
        plan.update_participant(somchai.participant.id, &member_of(mieux_thailand.id, Member, Invited)),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    refused(
        plan.add_participant(mieux.id, somchai.person.id, &member_of(bangkok_thailand.id, Member, Invited)),
        ErrorKind::Validation,
        Some(Field::DelegationId),
    );
    assert!(plan.list_participants(mieux.id, &ParticipantFilter::default()).unwrap().is_empty());
    assert_eq!(plan.participant(somchai.participant.id).unwrap().participant.delegation_id, bangkok_thailand.id);
}
