//! Job: follow a delegation from invitation to credentials. The focal point,
//! the note verbale, the nomination deadline and what came are recorded at
//! once; a bad date is refused by its field with nothing written; the
//! readiness reminds of a nomination due within two weeks and calls a late one
//! a problem; the next stop invites afresh; a deleted focal point leaves the
//! delegation without one.

use chrono::NaiveDate;
use roundtable_core::{
    ApiError, DelegationWorkflowInput, ErrorKind, Field, Gender, InvitationChannel, NextStopInput, ReadinessKind,
    ReadinessSeverity, ReadinessTab,
};
use roundtable_tests::*;

fn nominations(plan: &TempStore, event: uuid::Uuid, today: &str) -> Vec<(ReadinessKind, ReadinessSeverity, String)> {
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let items = plan.event_readiness_on(event, today).unwrap();
    let kinds = [ReadinessKind::NominationDue, ReadinessKind::NominationOverdue];
    items.into_iter().filter(|i| kinds.contains(&i.kind)).map(|i| (i.kind, i.severity, i.message)).collect()
}

#[test]
fn a_delegation_is_followed_from_its_invitation_to_its_credentials() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let focal = plan.create_person(&person("Budi", "Santoso", Gender::Male)).unwrap();
    let input = DelegationWorkflowInput {
        focal_point_id: Some(focal.id),
        invitation_sent_on: Some("2022-07-01".into()),
        invitation_channel: Some(InvitationChannel::NoteVerbale),
        nomination_deadline: Some("2022-08-15".into()),
        ..DelegationWorkflowInput::default()
    };
    let workflow = plan.set_delegation_workflow(indonesia.id, &input).unwrap();
    assert_eq!(workflow.focal_point_name.as_deref(), Some("Budi Santoso"));
    assert_eq!(workflow.invitation_channel, Some(InvitationChannel::NoteVerbale));

    assert!(nominations(&plan, event.id, "2022-07-20").is_empty(), "four weeks ahead: nothing yet");
    assert_eq!(
        nominations(&plan, event.id, "2022-08-05"),
        [(
            ReadinessKind::NominationDue,
            ReadinessSeverity::NotYet,
            "Indonesia's nomination is due on 15 Aug 2022".into()
        )]
    );
    let late = nominations(&plan, event.id, "2022-08-20");
    assert_eq!(
        late,
        [(
            ReadinessKind::NominationOverdue,
            ReadinessSeverity::Problem,
            "Indonesia's nomination was due on 15 Aug 2022 and has not come".into()
        )]
    );
    let item = plan.event_readiness_on(event.id, NaiveDate::from_ymd_opt(2022, 8, 20).unwrap()).unwrap();
    let item = item.iter().find(|i| i.kind == ReadinessKind::NominationOverdue).unwrap();
    assert_eq!((item.tab, item.target_id), (ReadinessTab::Delegations, Some(indonesia.id)));

    let bad = DelegationWorkflowInput {
        nomination_received_on: Some("15/08/2022".into()),
        credentials_received_on: Some("yesterday".into()),
        ..input.clone()
    };
    let refused = ApiError::from(plan.set_delegation_workflow(indonesia.id, &bad).unwrap_err());
    assert_eq!(refused.kind, ErrorKind::Validation);
    let fields: Vec<Field> = refused.problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::NominationReceivedOn, Field::CredentialsReceivedOn], "{refused:?}");
    assert_eq!(plan.delegation_workflow(indonesia.id).unwrap(), workflow, "nothing written");

    let received = DelegationWorkflowInput {
        nomination_received_on: Some("2022-08-10".into()),
        credentials_received_on: Some("2022-09-20".into()),
        ..input
    };
    plan.set_delegation_workflow(indonesia.id, &received).unwrap();
    assert!(nominations(&plan, event.id, "2022-08-20").is_empty(), "the nomination came");

    let next = NextStopInput {
        title: "Regional Dialogue, second stop".into(),
        host_city: "Jakarta".into(),
        host_country: "ID".into(),
        venue: String::new(),
        time_zone: "Asia/Jakarta".into(),
        start_date: "2023-09-21".into(),
        copy_agenda: false,
        copy_delegations: true,
        copy_participants: false,
        copy_organisers: false,
        copied_texts: roundtable_core::CopiedTexts::MarkForReview,
        allow_same_stop: false,
    };
    let copy = plan.duplicate_event(event.id, &next).unwrap();
    let copied = &plan.delegation_tracker(copy.id).unwrap().rows[0];
    assert_eq!(copied.workflow, Default::default(), "the next stop invites afresh");

    plan.delete_person(focal.id).unwrap();
    assert_eq!(plan.delegation_workflow(indonesia.id).unwrap().focal_point_id, None, "a deleted focal point is gone");
}
