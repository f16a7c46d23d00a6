//! Job 4: the organisations behind an event — organisers and funders reused
//! from one event to the next, the acknowledgement line, the media contacts —
//! and, after the event, its outcomes per country and the follow-ups.

use roundtable_core::Field;
use roundtable_core::{
    DelegationInput, ErrorKind, FollowUpInput, FollowUpStatus, FundingCover, FundingInput, Gender, MediaContactInput,
    MembershipInput, Organisation, OrganisationInput, OrganisationKind, OrganiserRole, OutcomeInput, ParticipantRole,
    ParticipantStatus, SeriesInput,
};
use roundtable_tests::*;

fn organisation(plan: &mut TempStore, name: &str, short_name: Option<&str>, kind: OrganisationKind) -> Organisation {
    plan.create_organisation(&OrganisationInput {
        name: name.into(),
        short_name: short_name.map(Into::into),
        kind: Some(kind),
        ..OrganisationInput::default()
    })
    .unwrap()
}

#[test]
fn an_organisation_is_reused_across_events_in_different_roles() {
    let mut plan = store();
    let bangkok = bangkok_dialogue(&mut plan);
    let mieux = mieux_round_table(&mut plan);
    let iom = organisation(&mut plan, "IOM Thailand", Some("IOM"), OrganisationKind::InternationalOrganisation);
    let ohchr = organisation(
        &mut plan,
        "Office of the United Nations High Commissioner for Human Rights",
        Some("OHCHR"),
        OrganisationKind::InternationalOrganisation,
    );
    let idc = organisation(&mut plan, "International Detention Coalition", None, OrganisationKind::CivilSociety);

    plan.assign_organiser(bangkok.id, idc.id, OrganiserRole::CoOrganiser).unwrap();
    plan.assign_organiser(bangkok.id, ohchr.id, OrganiserRole::CoOrganiser).unwrap();
    plan.assign_organiser(bangkok.id, iom.id, OrganiserRole::LeadOrganiser).unwrap();
    // Giving a role twice changes nothing.
    let organisers = plan.assign_organiser(bangkok.id, iom.id, OrganiserRole::LeadOrganiser).unwrap();
    let roles: Vec<(&str, OrganiserRole)> = organisers.iter().map(|o| (o.organisation_name.as_str(), o.role)).collect();
    assert_eq!(
        roles,
        [
            ("IOM Thailand", OrganiserRole::LeadOrganiser),
            ("International Detention Coalition", OrganiserRole::CoOrganiser),
            ("Office of the United Nations High Commissioner for Human Rights", OrganiserRole::CoOrganiser),
        ],
        "lead organisers first, then by name"
    );
    assert_eq!(organisers[2].short_name.as_deref(), Some("OHCHR"));

    // The same record plays another part at another event.
    let at_mieux = plan.assign_organiser(mieux.id, iom.id, OrganiserRole::Partner).unwrap();
    assert_eq!(at_mieux.len(), 1);
    assert_eq!((at_mieux[0].organisation_id, at_mieux[0].role), (iom.id, OrganiserRole::Partner));
    assert_eq!(plan.list_organisations().unwrap().len(), 3, "no copy was made");
    assert_eq!(plan.find_organisation("ohchr").unwrap().map(|o| o.id), Some(ohchr.id));

    // Taking a role away leaves the others.
    let left = plan.remove_organiser(bangkok.id, idc.id, OrganiserRole::CoOrganiser).unwrap();
    assert_eq!(left.len(), 2);
    refused(plan.remove_organiser(bangkok.id, idc.id, OrganiserRole::CoOrganiser), ErrorKind::NotFound, None);
    assert_eq!(plan.event_overview(bangkok.id).unwrap().organisers, left);
    assert_eq!(plan.event_organisers(mieux.id).unwrap(), at_mieux);
}

#[test]
fn organisation_names_are_unique_whatever_their_case() {
    let mut plan = store();
    let iom = organisation(&mut plan, "IOM Thailand", None, OrganisationKind::InternationalOrganisation);
    let error = refused(
        plan.create_organisation(&OrganisationInput { name: "  iom THAILAND ".into(), ..OrganisationInput::default() }),
        ErrorKind::Duplicate,
        Some(Field::Name),
    );
    assert!(error.to_string().contains("iom THAILAND"), "{error}");
    let icmpd = organisation(
        &mut plan,
        "International Centre for Migration Policy Development",
        Some("ICMPD"),
        OrganisationKind::InternationalOrganisation,
    );
    refused(
        plan.update_organisation(
            icmpd.id,
            &OrganisationInput { name: "IOM Thailand".into(), ..OrganisationInput::default() },
        ),
        ErrorKind::Duplicate,
        Some(Field::Name),
    );
    refused(
        plan.create_organisation(&OrganisationInput { name: "   ".into(), ..OrganisationInput::default() }),
        ErrorKind::Validation,
        Some(Field::Name),
    );
    refused(
        plan.create_organisation(&OrganisationInput {
            name: "Ministry of Foreign Affairs".into(),
            country_code: Some("Siam".into()),
            ..OrganisationInput::default()
        }),
        ErrorKind::Validation,
        Some(Field::CountryCode),
    );
    // Keeping its own name on an update is fine.
    let renamed = plan
        .update_organisation(
            iom.id,
            &OrganisationInput {
                name: "IOM Thailand".into(),
                short_name: Some("IOM".into()),
                ..OrganisationInput::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.short_name.as_deref(), Some("IOM"));
    let names: Vec<String> = plan.list_organisations().unwrap().into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["International Centre for Migration Policy Development", "IOM Thailand"]);
}

#[test]
fn an_organisation_still_in_use_is_not_deleted_until_every_use_is_removed() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let bali = organisation(
        &mut plan,
        "Bali Process Regional Support Office",
        Some("RSO"),
        OrganisationKind::InternationalOrganisation,
    );
    plan.assign_organiser(event.id, bali.id, OrganiserRole::Partner).unwrap();
    let funding = plan.add_funding(event.id, &FundingInput { funder_id: bali.id, ..FundingInput::default() }).unwrap();
    let delegation = plan
        .create_delegation(event.id, &DelegationInput { organisation_id: Some(bali.id), ..DelegationInput::default() })
        .unwrap();
    let thailand = country(&mut plan, event.id, "TH", None);
    let funded = plan
        .register_participant(
            event.id,
            &person("Somchai", "Wongsawat", Gender::Male),
            &MembershipInput {
                travel_funded_by: Some(bali.id),
                ..member_of(thailand.id, ParticipantRole::Member, ParticipantStatus::Confirmed)
            },
        )
        .unwrap();

    let still_used = |plan: &mut TempStore| {
        let error = refused(plan.delete_organisation(bali.id), ErrorKind::InUse, None);
        assert!(error.to_string().contains("Bali Process Regional Support Office"), "{error}");
        assert_eq!(plan.organisation(bali.id).unwrap(), bali, "nothing deleted");
        error
    };
    let error = still_used(&mut plan);
    assert!(error.to_string().contains("3 place(s)"), "{error}");
    assert_eq!(plan.event_organisers(event.id).unwrap().len(), 1);
    assert_eq!(plan.event_fundings(event.id).unwrap().len(), 1);
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 2);

    plan.remove_organiser(event.id, bali.id, OrganiserRole::Partner).unwrap();
    still_used(&mut plan);
    plan.delete_funding(funding.id).unwrap();
    still_used(&mut plan);
    plan.delete_delegation(delegation.id).unwrap();

    plan.delete_organisation(bali.id).unwrap();
    refused(plan.organisation(bali.id), ErrorKind::NotFound, None);
    refused(plan.delete_organisation(bali.id), ErrorKind::NotFound, None);
    // Whose travel it funded keeps their place, with the funder left blank.
    let kept = plan.participant(funded.registered.participant.id).unwrap();
    assert_eq!(kept.participant.travel_funded_by, None);
}

#[test]
fn a_funding_with_an_amount_needs_its_currency() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let prm = organisation(
        &mut plan,
        "the U.S. Department of State Bureau of Population, Refugees and Migration",
        Some("PRM"),
        OrganisationKind::Donor,
    );
    let input = FundingInput {
        funder_id: prm.id,
        programme: Some("Asia Regional Migration Program".into()),
        amount: Some(120_000),
        covers: vec![FundingCover::Venue, FundingCover::DelegatesTravel, FundingCover::Venue],
        ..FundingInput::default()
    };
    let error = refused(plan.add_funding(event.id, &input), ErrorKind::Validation, Some(Field::Currency));
    assert!(error.to_string().contains("USD"), "{error}");
    refused(
        plan.add_funding(event.id, &FundingInput { currency: Some("US$".into()), ..input.clone() }),
        ErrorKind::Validation,
        Some(Field::Currency),
    );
    refused(
        plan.add_funding(
            event.id,
            &FundingInput { funder_id: uuid::Uuid::now_v7(), currency: Some("USD".into()), ..input.clone() },
        ),
        ErrorKind::Validation,
        Some(Field::FunderId),
    );
    assert!(plan.event_fundings(event.id).unwrap().is_empty(), "nothing was written");

    let funding = plan.add_funding(event.id, &FundingInput { currency: Some("usd".into()), ..input.clone() }).unwrap();
    assert_eq!(funding.currency.as_deref(), Some("USD"));
    assert_eq!(funding.amount, Some(120_000));
    assert_eq!(funding.covers, [FundingCover::DelegatesTravel, FundingCover::Venue]);
    assert_eq!(funding.funder_name, prm.name);

    // Without an amount, no currency is needed; taking the currency off an amount is refused.
    let in_kind = plan
        .add_funding(event.id, &FundingInput { amount: None, currency: None, programme: None, ..input.clone() })
        .unwrap();
    assert_eq!(in_kind.currency, None);
    refused(
        plan.update_funding(funding.id, &FundingInput { currency: None, ..input }),
        ErrorKind::Validation,
        Some(Field::Currency),
    );
    assert_eq!(plan.funding(funding.id).unwrap(), funding);
}

#[test]
fn the_overview_prints_the_acknowledgement_line_of_the_funders() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    assert_eq!(plan.event_overview(event.id).unwrap().acknowledgement, None, "no funder, no line");
    let prm = organisation(
        &mut plan,
        "the U.S. Department of State Bureau of Population, Refugees and Migration",
        None,
        OrganisationKind::Donor,
    );
    let bali = organisation(&mut plan, "the Bali Process Regional Support Office", None, OrganisationKind::Donor);
    let from_prm = FundingInput {
        funder_id: prm.id,
        programme: Some("Asia Regional Migration Program".into()),
        ..FundingInput::default()
    };
    let first = plan.add_funding(event.id, &from_prm).unwrap();
    let from_bali = FundingInput { funder_id: bali.id, ..FundingInput::default() };
    let second = plan.add_funding(event.id, &from_bali).unwrap();

    let overview = plan.event_overview(event.id).unwrap();
    assert_eq!(overview.fundings.iter().map(|f| f.funder_id).collect::<Vec<_>>(), [prm.id, bali.id]);
    assert_eq!(
        overview.acknowledgement.as_deref(),
        Some(
            "Made possible with financial support from the U.S. Department of State Bureau of Population, \
             Refugees and Migration, through the Asia Regional Migration Program, and the Bali Process Regional \
             Support Office."
        )
    );

    // A line written by the organiser comes first; a funder without one is still named.
    let bali_line = "The dialogue was made possible by the Bali Process Regional Support Office.";
    plan.update_funding(second.id, &FundingInput { acknowledgement: Some(format!("  {bali_line} ")), ..from_bali })
        .unwrap();
    assert_eq!(
        plan.event_overview(event.id).unwrap().acknowledgement.as_deref(),
        Some(
            "The dialogue was made possible by the Bali Process Regional Support Office. \
             Made possible with financial support from the U.S. Department of State Bureau of Population, \
             Refugees and Migration, through the Asia Regional Migration Program."
        )
    );
    // When every funder has its own line, those are the acknowledgement, in the order recorded.
    let prm_line = "Funded by PRM through the Asia Regional Migration Program.";
    plan.update_funding(first.id, &FundingInput { acknowledgement: Some(prm_line.into()), ..from_prm }).unwrap();
    assert_eq!(plan.event_overview(event.id).unwrap().acknowledgement, Some(format!("{prm_line} {bali_line}")));
}

#[test]
fn a_media_contact_needs_an_email_or_a_phone() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let no_way_to_reach = MediaContactInput {
        name: "Miko Alazas".into(),
        organisation: "IOM Asia-Pacific".into(),
        city: "Bangkok".into(),
        ..MediaContactInput::default()
    };
    let error = refused(plan.add_media_contact(event.id, &no_way_to_reach), ErrorKind::Validation, Some(Field::Email));
    assert!(error.to_string().contains("phone"), "{error}");
    refused(
        plan.add_media_contact(
            event.id,
            &MediaContactInput { email: Some("malazas@iom".into()), ..no_way_to_reach.clone() },
        ),
        ErrorKind::Validation,
        Some(Field::Email),
    );
    assert!(plan.media_contacts(event.id).unwrap().is_empty());

    let by_email = plan
        .add_media_contact(
            event.id,
            &MediaContactInput { email: Some("malazas@iom.int".into()), ..no_way_to_reach.clone() },
        )
        .unwrap();
    let by_phone = plan
        .add_media_contact(
            event.id,
            &MediaContactInput {
                name: "Jeremy Laurence".into(),
                organisation: "OHCHR".into(),
                phone: "+66 2 288 1234".into(),
                ..MediaContactInput::default()
            },
        )
        .unwrap();
    refused(
        plan.update_media_contact(by_phone.id, &MediaContactInput { phone: "  ".into(), ..no_way_to_reach }),
        ErrorKind::Validation,
        Some(Field::Email),
    );
    let contacts = plan.media_contacts(event.id).unwrap();
    assert_eq!(contacts, [by_email, by_phone], "in the order added, the refused change not applied");
    assert_eq!(plan.event_overview(event.id).unwrap().media_contacts, contacts);
}

#[test]
fn outcomes_are_recorded_per_country_and_follow_ups_by_due_date() {
    let mut plan = store();
    let event = mieux_round_table(&mut plan);
    for (code, summary) in [
        (Some("TH"), "Thailand will review its national referral mechanism."),
        (Some("LAO"), "Lao PDR asked for support on labour migration statistics."),
        (Some("ph"), "The Philippines will share its pre-departure orientation model."),
        (None, "Participants agreed to meet again in Mexico City."),
    ] {
        plan.add_outcome(event.id, &OutcomeInput { country_code: code.map(Into::into), summary: summary.into() })
            .unwrap();
    }
    refused(
        plan.add_outcome(event.id, &OutcomeInput { country_code: Some("Laos PDR".into()), summary: "x".into() }),
        ErrorKind::Validation,
        Some(Field::CountryCode),
    );
    refused(
        plan.add_outcome(event.id, &OutcomeInput { country_code: None, summary: " ".into() }),
        ErrorKind::Validation,
        Some(Field::Summary),
    );

    let outcomes = plan.outcomes(event.id).unwrap();
    let by_country: Vec<(Option<&str>, Option<&str>)> =
        outcomes.iter().map(|o| (o.country_code.as_deref(), o.country_name.as_deref())).collect();
    assert_eq!(
        by_country,
        [
            (Some("TH"), Some("Thailand")),
            (Some("LA"), Some("Lao People’s Democratic Republic")),
            (Some("PH"), Some("Philippines")),
            (None, None),
        ],
        "in the order recorded"
    );

    let error = refused(
        plan.add_follow_up(
            event.id,
            &FollowUpInput {
                action: "Send the draft publication".into(),
                due_date: Some("2019-02-30".into()),
                ..FollowUpInput::default()
            },
        ),
        ErrorKind::Validation,
        Some(Field::DueDate),
    );
    assert!(error.to_string().contains("2019-02-30"), "{error}");
    refused(
        plan.add_follow_up(event.id, &FollowUpInput { action: "  ".into(), ..FollowUpInput::default() }),
        ErrorKind::Validation,
        Some(Field::Action),
    );
    let undated = plan
        .add_follow_up(
            event.id,
            &FollowUpInput { action: "Plan the Africa round-table".into(), ..FollowUpInput::default() },
        )
        .unwrap();
    let publication = plan
        .add_follow_up(
            event.id,
            &FollowUpInput {
                action: "Publish the results of all round-tables".into(),
                owner: "ICMPD".into(),
                due_date: Some("2019-03-01".into()),
                ..FollowUpInput::default()
            },
        )
        .unwrap();
    let mexico = plan
        .add_follow_up(
            event.id,
            &FollowUpInput {
                country_code: Some("MX".into()),
                action: "Invite delegations to Mexico City".into(),
                due_date: Some("2018-04-15".into()),
                status: Some(FollowUpStatus::InProgress),
                ..FollowUpInput::default()
            },
        )
        .unwrap();
    assert_eq!(publication.status, FollowUpStatus::Open, "a new follow-up is open");
    let order: Vec<_> = plan.follow_ups(event.id).unwrap().into_iter().map(|f| f.id).collect();
    assert_eq!(order, [mexico.id, publication.id, undated.id], "soonest due first, undated last");

    let done = plan
        .update_follow_up(
            mexico.id,
            &FollowUpInput {
                country_code: Some("MX".into()),
                action: "Invite delegations to Mexico City".into(),
                due_date: Some("2018-04-15".into()),
                status: Some(FollowUpStatus::Done),
                ..FollowUpInput::default()
            },
        )
        .unwrap();
    assert_eq!(done.status, FollowUpStatus::Done);
    refused(
        plan.update_follow_up(
            mexico.id,
            &FollowUpInput { action: "x".into(), due_date: Some("15/04/2018".into()), ..FollowUpInput::default() },
        ),
        ErrorKind::Validation,
        Some(Field::DueDate),
    );
    let overview = plan.event_overview(event.id).unwrap();
    assert_eq!(overview.outcomes, outcomes);
    assert_eq!(overview.follow_ups.len(), 3);
    assert_eq!(overview.follow_ups[0], done);
}

#[test]
fn names_that_differ_only_by_accents_or_case_are_one_name() {
    let mut plan = store();
    organisation(&mut plan, "Organização Internacional", None, OrganisationKind::InternationalOrganisation);
    let again = OrganisationInput { name: "ORGANIZACAO internacional".into(), ..OrganisationInput::default() };
    assert_eq!(plan.create_organisation(&again).unwrap_err().kind(), ErrorKind::Duplicate);
    plan.create_series(&SeriesInput { title: "Diálogos Regionales".into(), description: String::new() }).unwrap();
    let twin = SeriesInput { title: "dialogos  regionales".into(), description: String::new() };
    assert_eq!(plan.create_series(&twin).unwrap_err().kind(), ErrorKind::Duplicate);
    assert_eq!(plan.find_series("DIALOGOS REGIONALES").unwrap().map(|s| s.title), Some("Diálogos Regionales".into()));
    let event = bangkok_dialogue(&mut plan);
    let experts = |name: &str| DelegationInput {
        kind: Some(roundtable_core::DelegationKind::ExpertGroup),
        name: Some(name.into()),
        ..DelegationInput::default()
    };
    plan.create_delegation(event.id, &experts("Équipe d'experts")).unwrap();
    assert_eq!(
        plan.create_delegation(event.id, &experts("equipe d experts")).unwrap_err().kind(),
        ErrorKind::Duplicate
    );
}
