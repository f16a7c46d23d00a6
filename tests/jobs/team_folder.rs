//! Job: plan one round-table together from several laptops, through a shared
//! folder (OneDrive, a network share, a USB stick).
//!
//! Each laptop is a plan file in its own temporary folder; they meet only in
//! the team folder, which may hold duplicated, late or cut-short chunks.
//! After a full exchange every laptop holds the same tables and lists the
//! same disagreements.

use roundtable_core::HistoryFilter;
use roundtable_core::{
    Decision, DelegationInput, Error, EventFormat, EventInput, Field, Gender, OrganisationInput, ParticipantRole,
    ParticipantStatus, SeriesInput, Store,
};
use roundtable_tests::*;
use std::path::{Path, PathBuf};

/// A member of a new Thai delegation of `event`, invited, on `plan`.
fn thai_member(plan: &mut Store, event: uuid::Uuid, who: (&str, &str, Gender)) -> roundtable_core::ParticipantView {
    let thailand = country(plan, event, "TH", None);
    register(plan, event, thailand.id, who, ParticipantRole::Member, ParticipantStatus::Invited)
}

fn renamed(title: &str) -> EventInput {
    EventInput { title: title.into(), ..bangkok_input() }
}

#[test]
fn a_newcomer_gets_the_whole_plan_and_its_id() {
    let (mut team, event) = Team::new(2);
    let indonesia = country(&mut team.laptops[0], event, "ID", Some(3));
    register(
        &mut team.laptops[0],
        event,
        indonesia.id,
        ("Siti", "Rahayu", Gender::Female),
        ParticipantRole::Head,
        ParticipantStatus::Confirmed,
    );
    team.exchange();
    assert_eq!(team.laptops[1].plan_id().unwrap(), team.laptops[0].plan_id().unwrap());
    assert_eq!(team.laptops[1].list_events().unwrap()[0].participants, 1);
    team.assert_same();
    // A sync with nothing new writes nothing.
    assert_eq!(team.sync(1).published, 0);
    assert_eq!(team.sync(0).merged.received, 0);
}

#[test]
fn edits_of_different_fields_of_one_event_both_stay() {
    let (mut team, event) = Team::new(2);
    team.laptops[0].update_event(event, &renamed("Bangkok dialogue")).unwrap();
    team.laptops[1].update_event(event, &EventInput { venue: "UNCC, Room 3".into(), ..bangkok_input() }).unwrap();
    team.exchange();
    let merged = team.laptops[1].event(event).unwrap();
    assert_eq!((merged.title.as_str(), merged.venue.as_str()), ("Bangkok dialogue", "UNCC, Room 3"));
    assert!(team.laptops[0].disagreements().unwrap().is_empty());
    team.assert_same();
}

#[test]
fn the_same_field_changed_twice_is_one_disagreement_a_decision_clears_everywhere() {
    let (mut team, event) = Team::new(3);
    team.laptops[0].update_event(event, &renamed("Dialogue (IOM title)")).unwrap();
    team.laptops[1].update_event(event, &renamed("Dialogue (OHCHR title)")).unwrap();
    team.exchange();
    team.assert_same();
    let listed = team.laptops[2].disagreements().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let title = &listed[0];
    assert_eq!(title.field.as_deref(), Some("title"));
    let values: Vec<Option<&str>> = title.options.iter().map(|o| o.value.as_deref()).collect();
    assert_eq!(values.len(), 2);
    assert!(values.contains(&Some("Dialogue (IOM title)")) && values.contains(&Some("Dialogue (OHCHR title)")));
    assert_eq!(title.shown.as_deref(), values[0], "the value shown meanwhile is the first option");
    assert_eq!(team.laptops[2].event(event).unwrap().title, values[0].unwrap());

    // Decided on the third laptop for the value not shown; gone everywhere after the next syncs.
    team.laptops[2].resolve_disagreement(&title.id, &Decision::Keep(1)).unwrap();
    assert!(team.laptops[2].disagreements().unwrap().is_empty());
    team.exchange();
    team.assert_same();
    assert!(team.laptops[0].disagreements().unwrap().is_empty());
    assert_eq!(team.laptops[0].event(event).unwrap().title, values[1].unwrap());
}

#[test]
fn a_value_typed_to_decide_a_disagreement_must_be_one_the_field_takes() {
    let (mut team, event) = Team::new(2);
    let format = |format| EventInput { format: Some(format), ..bangkok_input() };
    team.laptops[0].update_event(event, &format(EventFormat::Workshop)).unwrap();
    team.laptops[1].update_event(event, &format(EventFormat::Consultation)).unwrap();
    team.exchange();
    let listed = team.laptops[0].disagreements().unwrap();
    let id = &listed.iter().find(|d| d.field.as_deref() == Some("format")).expect("the format disagrees").id;
    let refused = team.laptops[0].resolve_disagreement(id, &Decision::Value("garden party".into())).unwrap_err();
    assert!(refused.to_string().contains("\"garden party\" cannot be kept"), "{refused}");
    assert_eq!(team.laptops[0].disagreements().unwrap(), listed, "nothing decided, nothing lost");
    team.laptops[0].resolve_disagreement(id, &Decision::Value("round_table".into())).unwrap();
    team.exchange();
    team.assert_same();
    assert_eq!(team.laptops[1].event(event).unwrap().format, EventFormat::RoundTable);
}

#[test]
fn a_link_to_another_record_is_chosen_from_the_values_listed_not_typed() {
    let (mut team, event) = Team::new(2);
    let in_series = |plan: &mut Store, title: &str| {
        let series = plan.create_series(&SeriesInput { title: title.into(), description: String::new() }).unwrap();
        plan.update_event(event, &EventInput { series_id: Some(series.id), ..bangkok_input() }).unwrap();
    };
    in_series(&mut team.laptops[0], "MIEUX 2018");
    in_series(&mut team.laptops[1], "Bali Process");
    team.exchange();
    let listed = team.laptops[0].disagreements().unwrap();
    let id = &listed.iter().find(|d| d.field.as_deref() == Some("series")).expect("the series disagrees").id;
    let refused = team.laptops[0].resolve_disagreement(id, &Decision::Value("MIEUX 2018".into())).unwrap_err();
    assert!(matches!(&refused, Error::Validation { problems } if problems[0].field == Field::Value), "{refused:?}");
    assert!(refused.to_string().contains("choose one of the values listed"), "{refused}");
    assert_eq!(team.laptops[0].disagreements().unwrap(), listed, "nothing decided, nothing lost");
}

#[test]
fn a_link_disagreement_offers_the_records_by_name_and_keeps_the_one_chosen() {
    let (mut team, event) = Team::new(2);
    let mut series = Vec::new();
    for (laptop, title) in [(0, "MIEUX 2018"), (1, "Bali Process")] {
        let plan = &mut team.laptops[laptop];
        let made = plan.create_series(&SeriesInput { title: title.into(), description: String::new() }).unwrap();
        plan.update_event(event, &EventInput { series_id: Some(made.id), ..bangkok_input() }).unwrap();
        series.push(made.id);
    }
    team.exchange();
    let listed = team.laptops[1].disagreements().unwrap();
    let series_of_event = listed.iter().find(|d| d.field.as_deref() == Some("series")).expect("the series disagrees");
    let mut offered: Vec<&str> = series_of_event.options.iter().filter_map(|o| o.value.as_deref()).collect();
    offered.sort_unstable();
    assert_eq!(offered, ["Bali Process", "MIEUX 2018"], "by title, not by id: {series_of_event:?}");
    assert!(series_of_event.shown.as_deref().is_some_and(|shown| offered.contains(&shown)), "{series_of_event:?}");
    assert!(!series_of_event.takes_typed_value, "a link is chosen, not typed");
    let mieux = series_of_event.options.iter().position(|o| o.value.as_deref() == Some("MIEUX 2018")).unwrap();
    team.laptops[1].resolve_disagreement(&series_of_event.id, &Decision::Keep(mieux)).unwrap();
    assert_eq!(team.laptops[1].event(event).unwrap().series_id, Some(series[0]));
    // The event's history names the series too.
    let filter = HistoryFilter { record: Some(event), ..HistoryFilter::default() };
    let change = team.laptops[1].history(&filter).unwrap().into_iter().next().unwrap();
    assert_eq!((change.value.as_deref(), change.field.as_deref()), (Some("MIEUX 2018"), Some("series")), "{change:?}");
    team.exchange();
    assert!(team.laptops[0].disagreements().unwrap().is_empty());
    team.assert_same();
}

#[test]
fn a_title_typed_empty_is_refused_in_words_and_decides_nothing() {
    let (mut team, event) = Team::new(2);
    team.laptops[0].update_event(event, &renamed("Bangkok dialogue (IOM)")).unwrap();
    team.laptops[1].update_event(event, &renamed("Bangkok dialogue (OHCHR)")).unwrap();
    team.exchange();
    let listed = team.laptops[0].disagreements().unwrap();
    let title = listed.iter().find(|d| d.field.as_deref() == Some("title")).expect("the title disagrees");
    for nothing in ["", "   "] {
        let refused = team.laptops[0].resolve_disagreement(&title.id, &Decision::Value(nothing.into())).unwrap_err();
        assert_eq!(refused.to_string(), "The title needs a value", "{nothing:?}");
    }
    assert_eq!(team.laptops[0].disagreements().unwrap(), listed, "nothing decided, nothing lost");
}

#[test]
fn a_typed_name_another_record_has_is_refused_in_words() {
    let (mut team, _) = Team::new(2);
    let named = |name: &str| OrganisationInput { name: name.into(), ..OrganisationInput::default() };
    let iom = team.laptops[0].create_organisation(&named("IOM")).unwrap();
    team.laptops[0].create_organisation(&named("OHCHR")).unwrap();
    team.exchange();
    team.laptops[0].update_organisation(iom.id, &named("IOM Thailand")).unwrap();
    team.laptops[1].update_organisation(iom.id, &named("IOM Bangkok")).unwrap();
    team.exchange();
    let listed = team.laptops[0].disagreements().unwrap();
    let name = listed.iter().find(|d| d.field.as_deref() == Some("name")).expect("the name disagrees");
    assert!(name.takes_typed_value);
    let id = &name.id;
    let refused = team.laptops[0].resolve_disagreement(id, &Decision::Value("OHCHR".into())).unwrap_err();
    assert_eq!(refused.to_string(), "\"OHCHR\" cannot be kept: Another record already has the same name");
    assert_eq!(team.laptops[0].disagreements().unwrap(), listed, "nothing decided, nothing lost");
}

#[test]
fn the_same_value_typed_on_two_laptops_is_no_disagreement() {
    let (mut team, event) = Team::new(2);
    for laptop in 0..2 {
        team.laptops[laptop].update_event(event, &renamed("Bangkok dialogue 2022")).unwrap();
    }
    team.exchange();
    assert!(team.laptops[0].disagreements().unwrap().is_empty());
    team.assert_same();
}

#[test]
fn a_delete_against_an_edit_is_listed_and_kept_when_decided() {
    let (mut team, event) = Team::new(2);
    let viet_nam = country(&mut team.laptops[0], event, "VN", None);
    team.exchange();
    team.laptops[0].delete_delegation(viet_nam.id).unwrap();
    team.laptops[1]
        .update_delegation(
            viet_nam.id,
            &DelegationInput { country_code: Some("VN".into()), quota: Some(5), ..DelegationInput::default() },
        )
        .unwrap();
    team.exchange();
    team.assert_same();
    let listed = team.laptops[0].disagreements().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0].field, None, "the delegation itself: deleted by one, edited by another");
    assert!(listed[0].options.iter().any(|o| o.value.is_none()), "deleting is an option");
    let keep = listed[0].options.iter().position(|o| o.value.is_some()).unwrap();
    team.laptops[0].resolve_disagreement(&listed[0].id, &Decision::Keep(keep)).unwrap();
    team.exchange();
    team.assert_same();
    assert_eq!(team.laptops[1].delegation(viet_nam.id).unwrap().quota, Some(5), "kept, with the edit");
    assert!(team.laptops[1].disagreements().unwrap().is_empty());
}

#[test]
fn a_participant_before_their_delegation_waits_for_it() {
    let (mut team, event) = Team::new(2);
    let thailand = country(&mut team.laptops[0], event, "TH", None);
    team.sync(0);
    let first_chunks: Vec<PathBuf> = chunk_files(&team.folder());
    register(
        &mut team.laptops[0],
        event,
        thailand.id,
        ("Anan", "Srisuk", Gender::Male),
        ParticipantRole::Member,
        ParticipantStatus::Invited,
    );
    team.sync(0);
    // The chunk with the delegation is late: laptop 1 sees the participant first.
    let late = team.dir.path().join("late");
    std::fs::create_dir(&late).unwrap();
    for chunk in &first_chunks {
        std::fs::rename(chunk, late.join(chunk.file_name().unwrap())).unwrap();
    }
    team.sync(1);
    let held = team.laptops[1].disagreements().unwrap();
    assert_eq!(held.len(), 1, "{held:?}");
    assert!(held[0].held_because.contains("belongs to a record"), "{}", held[0].held_because);
    for chunk in &first_chunks {
        std::fs::rename(late.join(chunk.file_name().unwrap()), chunk).unwrap();
    }
    team.exchange();
    assert!(team.laptops[1].disagreements().unwrap().is_empty(), "written once the delegation arrived");
    assert_eq!(team.laptops[1].list_events().unwrap()[0].participants, 1);
    team.assert_same();
}

#[test]
fn duplicated_and_cut_short_chunks_change_nothing() {
    let (mut team, event) = Team::new(2);
    country(&mut team.laptops[0], event, "MY", Some(2));
    team.sync(0);
    let chunk = chunk_files(&team.folder()).pop().unwrap();
    let bytes = std::fs::read(&chunk).unwrap();
    std::fs::write(chunk.with_file_name("copy (conflicted).rtops"), &bytes).unwrap();
    std::fs::write(chunk.with_file_name("zz-cut.rtops"), &bytes[..bytes.len() / 2]).unwrap();
    let report = team.sync(1);
    assert_eq!(report.unreadable, 1, "the cut-short chunk is skipped");
    team.exchange();
    team.assert_same();
    assert_eq!(team.laptops[1].list_delegations(event).unwrap().len(), 1);
}

#[test]
fn an_undo_of_a_change_a_teammate_edited_since_puts_the_earlier_value_back_over_theirs() {
    let (mut team, event) = Team::new(2);
    team.laptops[0].update_event(event, &renamed("Title by laptop 0")).unwrap();
    team.exchange();
    team.laptops[1].update_event(event, &renamed("Title by laptop 1")).unwrap();
    team.exchange();
    team.laptops[0].undo().unwrap().expect("laptop 0 undoes its rename");
    team.exchange();
    team.assert_same();
    assert_eq!(
        team.laptops[1].event(event).unwrap().title,
        bangkok_input().title,
        "the value before laptop 0's rename"
    );
    assert!(team.laptops[1].disagreements().unwrap().is_empty(), "laptop 0 had seen laptop 1's title");
}

#[test]
fn an_undo_whose_records_a_teammate_deleted_since_undoes_the_rest_and_says_so() {
    let (mut team, event) = Team::new(2);
    let seat = thai_member(&mut team.laptops[0], event, ("Anan", "Srisuk", Gender::Male));
    team.exchange();
    team.laptops[0].remove_participant(seat.participant.id).unwrap();
    team.laptops[1].delete_event(event).unwrap();
    team.exchange();
    let undone = team.laptops[0].undo().unwrap().expect("the removal is undone as far as it can be");
    assert!(undone.summary.contains("could not come back"), "{}", undone.summary);
    assert!(team.laptops[0].undo_steps().unwrap().0.is_some(), "undo goes on to the earlier actions");
    team.exchange();
    team.assert_same();
}

#[test]
fn a_record_put_back_over_a_teammate_edit_lists_the_same_disagreement_everywhere() {
    let (mut team, event) = Team::new(2);
    let viet_nam = country(&mut team.laptops[0], event, "VN", Some(3));
    team.exchange();
    // The edit first, the delete later: the delete is what every laptop shows.
    team.laptops[1]
        .update_delegation(
            viet_nam.id,
            &DelegationInput { country_code: Some("VN".into()), quota: Some(5), ..DelegationInput::default() },
        )
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    team.laptops[0].delete_delegation(viet_nam.id).unwrap();
    team.exchange();
    assert!(team.laptops[1].delegation(viet_nam.id).is_err(), "the later delete is shown");
    let listed = team.laptops[1].disagreements().unwrap();
    assert_eq!(listed.len(), 1, "deleted against edited: {listed:?}");
    team.laptops[0].undo().unwrap().expect("the delete is undone");
    team.exchange();
    team.assert_same();
}

#[test]
fn five_laptops_editing_at_once_end_with_one_plan() {
    let (mut team, event) = Team::new(5);
    let codes = ["ID", "MY", "TH", "VN", "PH"];
    for (laptop, code) in codes.iter().enumerate() {
        let delegation = country(&mut team.laptops[laptop], event, code, Some(2));
        register(
            &mut team.laptops[laptop],
            event,
            delegation.id,
            ("Head", code, Gender::Female),
            ParticipantRole::Head,
            ParticipantStatus::Confirmed,
        );
        team.laptops[laptop].update_event(event, &renamed(&format!("Dialogue, edited on laptop {laptop}"))).unwrap();
    }
    team.exchange();
    team.assert_same();
    assert_eq!(team.laptops[3].list_delegations(event).unwrap().len(), 5);
    assert_eq!(team.laptops[4].list_events().unwrap()[0].participants, 5, "the seat counter adds up on every laptop");
    let title = team.laptops[2].disagreements().unwrap();
    assert_eq!(title.len(), 1);
    assert_eq!(title[0].options.len(), 5, "every laptop's title is offered");
}

#[test]
fn an_erased_person_leaves_every_laptop_and_the_team_folder() {
    let (mut team, event) = Team::new(2);
    let seat = thai_member(&mut team.laptops[0], event, ("Qzwxyv", "Kjhgfdsa", Gender::Female));
    team.exchange();
    // Laptop 1 edits her too, so her name is in its own chunk files as well.
    let mut edited = team.laptops[1].participant(seat.participant.id).unwrap().person;
    edited.position = "Qzwxyv's adviser".into();
    let input = roundtable_core::PersonInput {
        given_name: edited.given_name.clone(),
        family_name: edited.family_name.clone(),
        position: edited.position.clone(),
        gender: Some(edited.gender),
        ..roundtable_core::PersonInput::default()
    };
    team.laptops[1].update_person(edited.id, &input).unwrap();
    team.exchange();
    assert!(files_holding(team.dir.path(), b"Qzwxyv") > 0, "the name is on both laptops and in the folder");

    team.laptops[0].erase_person(seat.person.id, false).unwrap();
    team.exchange();
    team.assert_same();
    assert_eq!(files_holding(team.dir.path(), b"Qzwxyv"), 0, "no plan, log or chunk file keeps her name");
    assert_eq!(files_holding(team.dir.path(), b"Kjhgfdsa"), 0);
}

#[test]
fn an_edit_made_before_the_erasure_reached_that_laptop_does_not_bring_the_person_back() {
    let (mut team, event) = Team::new(2);
    let seat = thai_member(&mut team.laptops[0], event, ("Qzwxyv", "Kjhgfdsa", Gender::Female));
    team.exchange();
    team.laptops[0].erase_person(seat.person.id, false).unwrap();
    // Meanwhile, before its next sync, laptop 1 corrects her name.
    let input = roundtable_core::PersonInput {
        given_name: "Qzwxyv".into(),
        family_name: "Kjhgfdsa-Vbnm".into(),
        gender: Some(Gender::Female),
        ..roundtable_core::PersonInput::default()
    };
    team.laptops[1].update_person(seat.person.id, &input).unwrap();
    team.exchange();
    team.assert_same();
    for laptop in &team.laptops {
        let shown = laptop.participant(seat.participant.id).unwrap().person;
        assert_eq!(
            shown.full_name,
            roundtable_core::erasure::ERASED_NAME,
            "the erasure stands over the concurrent edit"
        );
    }
    assert!(team.laptops[0].disagreements().unwrap().is_empty(), "an erasure is no value to choose");
    assert_eq!(files_holding(team.dir.path(), b"Kjhgfdsa"), 0, "no plan, log or chunk file keeps her name");
}

/// How many files under `dir` hold `bytes`.
fn files_holding(dir: &Path, bytes: &[u8]) -> usize {
    let mut found = 0;
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            found += files_holding(&path, bytes);
        } else if std::fs::read(&path).unwrap().windows(bytes.len()).any(|w| w == bytes) {
            found += 1;
        }
    }
    found
}

#[test]
fn a_folder_of_another_plan_is_refused_and_an_unreachable_one_says_so() {
    let (team, _) = Team::new(1);
    let mut other = store();
    bangkok_dialogue(&mut other);
    let refused = other.sync_folder(&team.folder()).unwrap_err();
    assert!(refused.to_string().contains("holds another plan"), "{refused}");
    let missing = other.sync_folder(&team.dir.path().join("unplugged USB stick")).unwrap_err();
    assert!(missing.to_string().contains("cannot be reached"), "{missing}");
}
