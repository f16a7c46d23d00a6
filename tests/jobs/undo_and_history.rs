//! Job: take back what was just done, and see who changed what.
//!
//! Every user action is one undo step (an event with its days, a delete with
//! everything it took with it, an import), undo and redo are themselves
//! recorded, and a record's history names each change with its earlier value.

use roundtable_core::{
    ChangeKind, DelegationInput, EventInput, Gender, HistoryFilter, ParticipantRole, ParticipantStatus, Store,
};
use roundtable_tests::*;

fn titles(plan: &Store) -> Vec<String> {
    plan.list_events().unwrap().into_iter().map(|e| e.title).collect()
}

#[test]
fn an_event_with_its_days_is_one_step_and_redo_brings_it_back() {
    let mut plan = store();
    assert_eq!(plan.undo_steps().unwrap(), (None, None), "a new plan has nothing to undo");
    let event = plan.transaction(|s| Ok(bangkok_dialogue(s))).unwrap();
    let (undo, redo) = plan.undo_steps().unwrap();
    let undo = undo.expect("the new event can be undone");
    assert!(undo.summary.starts_with("Added event Regional Dialogue"), "{}", undo.summary);
    assert!(undo.summary.ends_with("and 3 more records"), "its three days: {}", undo.summary);
    assert_eq!(redo, None);

    let undone = plan.undo().unwrap().expect("undone");
    assert_eq!(undone.summary, undo.summary);
    assert!(titles(&plan).is_empty());
    assert!(plan.event(event.id).is_err(), "the event and its days are gone");
    let (_, redo) = plan.undo_steps().unwrap();
    assert_eq!(redo.map(|r| r.summary), Some(undo.summary.clone()), "Redo names what it brings back");

    plan.redo().unwrap().expect("redone");
    assert_eq!(titles(&plan), [bangkok_input().title]);
    assert_eq!(plan.days(event.id).unwrap().len(), 3);
    assert_eq!(plan.event(event.id).unwrap().id, event.id, "the same event, not a copy");
}

#[test]
fn undo_walks_back_edit_by_edit_and_a_new_edit_ends_redo() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    for title in ["Dialogue v2", "Dialogue v3"] {
        plan.update_event(event.id, &EventInput { title: title.into(), ..bangkok_input() }).unwrap();
    }
    plan.undo().unwrap();
    assert_eq!(plan.event(event.id).unwrap().title, "Dialogue v2");
    plan.undo().unwrap();
    assert_eq!(plan.event(event.id).unwrap().title, bangkok_input().title);
    plan.redo().unwrap();
    assert_eq!(plan.event(event.id).unwrap().title, "Dialogue v2");
    plan.update_event(event.id, &EventInput { title: "Dialogue v4".into(), ..bangkok_input() }).unwrap();
    assert_eq!(plan.undo_steps().unwrap().1, None, "a new change ends what could be redone");
    assert_eq!(plan.redo().unwrap(), None);
    plan.undo().unwrap();
    assert_eq!(plan.event(event.id).unwrap().title, "Dialogue v2", "undo takes back the newest change first");
}

#[test]
fn a_deleted_event_comes_back_whole_with_its_counts() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let indonesia = country(&mut plan, event.id, "ID", Some(3));
    let head = register(
        &mut plan,
        event.id,
        indonesia.id,
        ("Siti", "Rahayu", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    let day = day(&plan, event.id, "2022-09-21");
    panel(&mut plan, day.id, ("09:00", "10:30"), "Opening", &[head.participant.id]);
    let before = plan.event_overview(event.id).unwrap();
    let counted = |plan: &Store| {
        let summary = plan.list_events().unwrap().into_iter().next().unwrap();
        (summary.delegations, summary.participants)
    };
    let counted_before = counted(&plan);
    assert_eq!(counted_before, (1, 1));

    plan.delete_event(event.id).unwrap();
    assert!(titles(&plan).is_empty());
    let undone = plan.undo().unwrap().expect("the delete can be undone");
    assert!(undone.summary.starts_with("Deleted event Regional Dialogue"), "{}", undone.summary);

    let after = plan.event_overview(event.id).unwrap();
    assert_eq!(after.delegations, before.delegations, "delegations counted again");
    assert_eq!(after.participants, before.participants);
    assert_eq!(counted(&plan), counted_before, "delegations and seats counted again");
    assert_eq!(after.sessions, before.sessions);
    let people = plan.list_participants(event.id, &Default::default()).unwrap();
    assert_eq!(people.iter().map(|p| p.person.full_name.as_str()).collect::<Vec<_>>(), ["Siti Rahayu"]);
    let agenda = plan.agenda(event.id).unwrap();
    let opening = agenda.days.iter().flat_map(|d| &d.sessions).find(|s| s.title == "Opening").unwrap();
    assert_eq!(opening.people.len(), 1, "the speaker is back in the session");
}

#[test]
fn a_record_history_names_each_change_with_its_earlier_value() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let delegation = country(&mut plan, event.id, "VN", None);
    plan.update_delegation(
        delegation.id,
        &DelegationInput { country_code: Some("VN".into()), quota: Some(4), ..DelegationInput::default() },
    )
    .unwrap();
    let history = plan.history(&HistoryFilter { record: Some(delegation.id), ..HistoryFilter::default() }).unwrap();
    let kinds: Vec<ChangeKind> = history.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Set, ChangeKind::Insert], "the latest first");
    assert_eq!(history[0].field.as_deref(), Some("quota"));
    assert_eq!((history[0].value.as_deref(), history[0].earlier.as_deref()), (Some("4"), Some("")));
    assert_eq!(history[0].record_label, "Viet Nam");
    assert!(history[0].at.is_some());
    assert!(!history[0].who.is_empty());

    // Saving the same values again is no change.
    plan.update_delegation(
        delegation.id,
        &DelegationInput { country_code: Some("VN".into()), quota: Some(4), ..DelegationInput::default() },
    )
    .unwrap();
    let again = plan.history(&HistoryFilter { record: Some(delegation.id), ..HistoryFilter::default() }).unwrap();
    assert_eq!(again.len(), 2);
    let everything = plan.history(&HistoryFilter::default()).unwrap();
    assert!(everything.len() > again.len(), "without a record, every record's changes");
}

#[test]
fn counters_kept_by_triggers_are_not_recorded() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let delegation = country(&mut plan, event.id, "TH", None);
    register(
        &mut plan,
        event.id,
        delegation.id,
        ("Anan", "Srisuk", Gender::Male),
        ParticipantRole::Member,
        ParticipantStatus::Invited,
    );
    let event_changes = plan.history(&HistoryFilter { record: Some(event.id), ..HistoryFilter::default() }).unwrap();
    assert_eq!(event_changes.len(), 1, "only the event's insert, not its seat and delegation counts");
}

#[test]
fn the_plan_activity_lists_whole_actions_by_who_made_them_and_when() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    plan.set_identity("Ana Reyes", "IOM Thailand", None).unwrap();
    let indonesia = country(&mut plan, event.id, "ID", None);
    plan.delete_delegation(indonesia.id).unwrap();
    plan.undo().unwrap();

    let activity = plan.activity(&HistoryFilter::default()).unwrap();
    let summaries: Vec<&str> = activity.iter().map(|a| a.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "Added delegation Indonesia",
            "Deleted delegation Indonesia",
            "Added delegation Indonesia",
            "Added event Regional Dialogue on Migrant Protection in South-East Asia and 3 more records",
        ],
        "the latest first; the undo puts the delegation back"
    );
    assert_eq!(activity[0].step, Some(roundtable_core::StepKind::Undo));
    assert_eq!(activity[1].step, None);
    assert_eq!(activity[0].who, "Ana Reyes (IOM Thailand)");

    let by_iom = plan.activity(&HistoryFilter { who: Some("iom".into()), ..HistoryFilter::default() }).unwrap();
    assert_eq!(by_iom.len(), 4, "this plan file's actions, all under the name given since");
    let by_name = plan.activity(&HistoryFilter { who: Some("ana reyes".into()), ..HistoryFilter::default() }).unwrap();
    assert_eq!(by_name, by_iom);
    let nobody = plan.activity(&HistoryFilter { who: Some("no such organiser".into()), ..HistoryFilter::default() });
    assert!(nobody.unwrap().is_empty());
    let today = chrono::Utc::now().date_naive();
    assert_eq!(plan.activity(&HistoryFilter { day: Some(today), ..HistoryFilter::default() }).unwrap().len(), 4);
    let long_ago =
        plan.activity(&HistoryFilter { day: Some("2001-01-01".parse().unwrap()), ..HistoryFilter::default() });
    assert!(long_ago.unwrap().is_empty());
}
