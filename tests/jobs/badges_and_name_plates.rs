//! Job: print the badges and name plates for the meeting room. Read back with
//! poppler, as the printed sheets show them: the badge says which meeting,
//! when and where; every name plate at the table has its name at one size;
//! an event where nobody holds a seat gets a clear refusal, not blank pages.

use roundtable_core::{ApiError, ErrorKind, Gender, ParticipantRole, ParticipantStatus};
use roundtable_documents::export;
use roundtable_tests::readers::*;
use roundtable_tests::*;

#[test]
fn a_badge_names_the_meeting_its_dates_and_its_city() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let who = ("Kanya", "Srisuk", Gender::Female);
    register(&mut plan, event.id, thailand.id, who, ParticipantRole::Head, ParticipantStatus::Confirmed);

    let badges = export::badges(&plan, event.id).unwrap();
    let text = flat(&pdf_text(&badges));
    assert!(text.contains(&event.title), "{text}");
    assert!(text.contains("21–23 September 2022 · Bangkok, Thailand"), "{text}");
    assert!(text.contains("Kanya Srisuk"), "{text}");
    render_page(&badges, "badges", 1);
}

#[test]
fn nobody_with_a_seat_gets_a_refusal_instead_of_a_blank_page() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    for (when, expected) in [("nobody registered", 0), ("one who declined", 1)] {
        if expected == 1 {
            let who = ("Somchai", "Declined", Gender::Male);
            register(&mut plan, event.id, thailand.id, who, ParticipantRole::Member, ParticipantStatus::Declined);
        }
        for (what, made) in
            [("badges", export::badges(&plan, event.id)), ("name plates", export::name_plates(&plan, event.id))]
        {
            let error = ApiError::from(made.err().unwrap_or_else(|| panic!("{when}: {what} made")));
            assert_eq!(error.kind, ErrorKind::Validation, "{when}: {what}");
            assert!(error.message.contains(&format!("no {what} to print")), "{}", error.message);
            assert!(error.message.contains(&event.title), "{}", error.message);
        }
    }
}

#[test]
fn every_name_plate_sets_its_name_at_one_size_that_fits_the_longest() {
    let mut plan = store();
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", None);
    let names = [("Ana", "Li"), ("Phuchphop", "Mongkolnavin-Srisakdiwong"), ("Dewi", "Anggraini")];
    for (given, family) in names {
        let who = (given, family, Gender::Female);
        register(&mut plan, event.id, thailand.id, who, ParticipantRole::Member, ParticipantStatus::Confirmed);
    }

    let plates = export::name_plates(&plan, event.id).unwrap();
    let words = pdf_words(&plates);
    // The face printed upright is the sheet's lower half (A4 landscape: 595 points high).
    let upright = |word: &str| -> Vec<&PlacedWord> {
        words.iter().filter(|w| w.text == word && w.y.0 > 297.6).collect::<Vec<_>>()
    };
    let heights: Vec<f64> = names
        .iter()
        .flat_map(|(given, family)| [*given, *family])
        .map(|word| {
            let found = upright(word);
            assert_eq!(found.len(), 1, "{word} once on its plate's upright face: {found:?}");
            found[0].height()
        })
        .collect();
    assert!(
        heights.iter().all(|h| (h - heights[0]).abs() < 0.5),
        "one size for every name, whatever its length: {heights:?}"
    );
    // The longest name is on one line, inside the sheet (842 points wide).
    let (given, family) = (upright("Phuchphop")[0], upright("Mongkolnavin-Srisakdiwong")[0]);
    assert!((given.y.0 - family.y.0).abs() < 0.5, "on one line: {given:?} {family:?}");
    assert!(given.x.0 > 0.0 && family.x.1 < 842.0, "inside the sheet: {given:?} {family:?}");
    // And the size is the largest at which it fits: the line fills most of the width.
    assert!(family.x.1 - given.x.0 > 600.0, "{given:?} {family:?}");
    render_page(&plates, "name-plate", 2);
}
