//! Job: carry a series' memory from stop to stop. The follow-ups an earlier
//! stop left open are reminders in the readiness of every later stop of the
//! series, pointing at the stop where they are closed; done ones, other series'
//! and later stops' are not.

use roundtable_core::{
    EventInput, FollowUpInput, FollowUpStatus, ReadinessKind, ReadinessSeverity, ReadinessTab, SeriesInput,
};
use roundtable_tests::*;
use uuid::Uuid;

fn stop(plan: &mut TempStore, series: Option<Uuid>, city: &str, start: &str) -> Uuid {
    let input = EventInput {
        series_id: series,
        title: format!("MIEUX Regional Round-table: {city}"),
        host_city: city.into(),
        start_date: start.into(),
        end_date: start.into(),
        ..bangkok_input()
    };
    plan.create_event(&input).unwrap().id
}

fn follow_up(plan: &mut TempStore, event: Uuid, action: &str, status: FollowUpStatus) -> Uuid {
    let input = FollowUpInput {
        country_code: Some("KG".into()),
        action: action.into(),
        owner: "Kyrgyz authorities".into(),
        due_date: Some("2018-12-31".into()),
        status: Some(status),
    };
    plan.add_follow_up(event, &input).unwrap().id
}

#[test]
fn what_an_earlier_stop_left_open_is_asked_about_at_every_later_stop() {
    let mut plan = store();
    let series =
        plan.create_series(&SeriesInput { title: "MIEUX 2018".into(), description: String::new() }).unwrap().id;
    let asia = stop(&mut plan, Some(series), "Bangkok", "2018-03-05");
    let mexico = stop(&mut plan, Some(series), "Mexico City", "2018-05-29");
    let later = stop(&mut plan, Some(series), "Dakar", "2018-10-02");
    let elsewhere = stop(&mut plan, None, "Geneva", "2018-06-01");
    let open =
        follow_up(&mut plan, asia, "Follow the ratification of the National Migration Policy", FollowUpStatus::Open);
    follow_up(&mut plan, asia, "Share the report", FollowUpStatus::Done);
    follow_up(&mut plan, later, "Publish the good practices", FollowUpStatus::Open);

    let reminders = |plan: &TempStore, event: Uuid| {
        let items = plan.event_readiness(event).unwrap();
        items.into_iter().filter(|i| i.kind == ReadinessKind::OpenFollowUp).collect::<Vec<_>>()
    };
    let at_mexico = reminders(&plan, mexico);
    assert_eq!(at_mexico.len(), 1, "{at_mexico:#?}");
    assert_eq!(
        at_mexico[0].message,
        "Still open from MIEUX Regional Round-table: Bangkok: 'Follow the ratification of the National Migration \
         Policy' (Kyrgyzstan, Kyrgyz authorities, due 31 Dec 2018)"
    );
    assert_eq!(
        (at_mexico[0].tab, at_mexico[0].target_id, at_mexico[0].event_id, at_mexico[0].severity),
        (ReadinessTab::Outcomes, Some(open), Some(asia), ReadinessSeverity::NotYet)
    );
    assert_eq!(reminders(&plan, later).len(), 1, "the later stop is reminded too, not of its own");
    assert!(reminders(&plan, asia).is_empty(), "a stop is not reminded of its own follow-ups");
    assert!(reminders(&plan, elsewhere).is_empty(), "nor an event outside the series");

    let done = FollowUpInput {
        country_code: Some("KG".into()),
        action: "Follow the ratification of the National Migration Policy".into(),
        owner: "Kyrgyz authorities".into(),
        due_date: Some("2018-12-31".into()),
        status: Some(FollowUpStatus::Done),
    };
    plan.update_follow_up(open, &done).unwrap();
    assert!(reminders(&plan, mexico).is_empty(), "closed at the stop where it was promised");
}
