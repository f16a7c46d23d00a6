//! Job: two records of one name made on two laptops (two organisations
//! "IOM", two series of one title). Every laptop keeps the one made first and
//! holds the other back, with what belongs to it; a person merges it into its
//! namesake, keeps both under another name, or lets it go, and the decision
//! reaches every laptop.

use roundtable_core::{Decision, Disagreement, EventInput, OptionKind, Organisation, OrganisationInput, OrganiserRole};
use roundtable_tests::*;

fn organisation(name: &str) -> OrganisationInput {
    OrganisationInput { name: name.into(), ..OrganisationInput::default() }
}

/// Two laptops each make an organisation of one name (the second also names
/// it an organiser of the event); after a full exchange every laptop shows
/// the one made first and lists the other held back.
fn two_organisations_named_iom() -> (Team, uuid::Uuid, Organisation, Organisation, Disagreement) {
    let (mut team, event) = Team::new(3);
    let first = team.laptops[0].create_organisation(&organisation("IOM")).unwrap();
    let second = team.laptops[1].create_organisation(&organisation("iom")).unwrap();
    team.laptops[1].assign_organiser(event, second.id, OrganiserRole::Partner).unwrap();
    // The second laptop syncs first: its own organisation must still give way to the one made first.
    team.sync(1);
    team.sync(0);
    team.sync(1);
    team.exchange();
    team.assert_same();
    for laptop in &team.laptops {
        let names: Vec<(uuid::Uuid, String)> =
            laptop.list_organisations().unwrap().into_iter().map(|o| (o.id, o.name)).collect();
        assert_eq!(names, [(first.id, "IOM".to_owned())]);
        assert!(laptop.event_organisers(event).unwrap().is_empty(), "held back with its organisation");
    }
    let listed = team.laptops[2].disagreements().unwrap();
    let held = listed.iter().find(|d| d.record == Some(second.id)).expect("the second organisation is listed");
    assert_eq!(held.held_because, "Another record already has the same name");
    assert_eq!(held.shown, None, "held back, it is not shown");
    let kinds: Vec<(OptionKind, Option<&str>)> = held.options.iter().map(|o| (o.kind, o.value.as_deref())).collect();
    assert_eq!(kinds, [(OptionKind::MergeInto, Some("IOM")), (OptionKind::Delete, None)]);
    assert_eq!(held.rename.as_ref().map(|r| r.field.as_str()), Some("name"));
    let held = held.clone();
    (team, event, first, second, held)
}

#[test]
fn an_event_of_a_series_held_back_for_its_name_is_held_back_with_it_everywhere() {
    let (mut team, _) = Team::new(2);
    let series = |title: &str| roundtable_core::SeriesInput { title: title.into(), description: String::new() };
    team.laptops[0].create_series(&series("MIEUX")).unwrap();
    let second = team.laptops[1].create_series(&series("mieux")).unwrap();
    // Deleting a series only empties its events' link: the event must not stay, unlinked, on one laptop only.
    let event = EventInput { title: "MIEUX stop in Accra".into(), series_id: Some(second.id), ..bangkok_input() };
    team.laptops[1].create_event(&event).unwrap();
    team.sync(1);
    team.sync(0);
    team.sync(1);
    team.exchange();
    team.assert_same();
    let titles: Vec<String> = team.laptops[1].list_events().unwrap().into_iter().map(|e| e.title).collect();
    assert!(!titles.contains(&"MIEUX stop in Accra".to_owned()), "held back with its series: {titles:?}");
}

#[test]
fn a_held_back_organisation_merged_into_its_namesake_brings_its_roles_to_it_everywhere() {
    let (mut team, event, first, _, held) = two_organisations_named_iom();
    team.laptops[2].resolve_disagreement(&held.id, &Decision::Keep(0)).unwrap();
    team.exchange();
    team.assert_same();
    for laptop in &team.laptops {
        assert!(laptop.disagreements().unwrap().is_empty(), "{:?}", laptop.disagreements().unwrap());
        let names: Vec<String> = laptop.list_organisations().unwrap().into_iter().map(|o| o.name).collect();
        assert_eq!(names, ["IOM"]);
        let roles: Vec<(uuid::Uuid, OrganiserRole)> =
            laptop.event_organisers(event).unwrap().into_iter().map(|o| (o.organisation_id, o.role)).collect();
        assert_eq!(roles, [(first.id, OrganiserRole::Partner)], "the role moved to the organisation kept");
    }
}

#[test]
fn a_held_back_organisation_kept_under_another_name_stands_beside_its_namesake_everywhere() {
    let (mut team, event, _, second, held) = two_organisations_named_iom();
    let taken = team.laptops[0].resolve_disagreement(&held.id, &Decision::Value("IOM".into()));
    assert!(taken.unwrap_err().to_string().contains("named IOM too"), "a name still taken is refused");
    team.laptops[0].resolve_disagreement(&held.id, &Decision::Value("IOM Thailand".into())).unwrap();
    team.exchange();
    team.assert_same();
    for laptop in &team.laptops {
        assert!(laptop.disagreements().unwrap().is_empty());
        let names: Vec<String> = laptop.list_organisations().unwrap().into_iter().map(|o| o.name).collect();
        assert_eq!(names, ["IOM", "IOM Thailand"]);
        let organisers: Vec<uuid::Uuid> =
            laptop.event_organisers(event).unwrap().into_iter().map(|o| o.organisation_id).collect();
        assert_eq!(organisers, [second.id], "its role came back with it");
    }
}
