//! `roundtable export …`: whom the list of participants names and how it is
//! marked, and the refusals where a document would be empty.

mod common;
use common::Plan;

fn register(plan: &Plan, given: &str, family: &str, status: &str) {
    let event = ["--event", "Regional dialogue", "--delegation", "Indonesia"];
    let person = ["--given-name", given, "--family-name", family, "--status", status];
    plan.json(&[&["participant", "add"][..], &event, &person].concat());
}

#[test]
fn the_list_names_whom_it_is_asked_for_as_of_its_day() {
    let plan = Plan::with_event();
    register(&plan, "Siti", "Rahma", "confirmed");
    register(&plan, "Budi", "Santoso", "nominated");
    register(&plan, "Dewi", "Lestari", "attended");
    let folder = plan.db.parent().unwrap();
    let families = |status: &str| -> Vec<String> {
        let out = folder.join(format!("{status}.csv"));
        let export = ["export", "participants", "--event", "Regional dialogue", "--format", "csv", "--status", status];
        plan.ok(&[&export[..], &["--out", out.to_str().unwrap()]].concat());
        let text = std::fs::read_to_string(out).unwrap();
        let mut families: Vec<String> = text.lines().skip(1).map(|l| l.split(',').nth(4).unwrap().to_owned()).collect();
        families.sort();
        families
    };
    assert_eq!(families("with-seat"), ["Lestari", "Rahma", "Santoso"]);
    assert_eq!(families("confirmed"), ["Rahma"]);
    assert_eq!(families("confirmed-and-attended"), ["Lestari", "Rahma"]);

    let pdf = ["export", "participants", "--event", "Regional dialogue", "--format", "pdf", "--out", "x.pdf"];
    let error = plan.fails(&[&pdf[..], &["--status", "all-of-them"]].concat());
    assert_eq!(error["kind"], "validation");
    assert!(error["message"].as_str().unwrap().contains("confirmed-and-attended"), "{error}");
    // The logistics columns come in CSV and Excel, not in the PDF.
    let logistics = folder.join("hotel.csv");
    let csv = ["export", "participants", "--event", "Regional dialogue", "--format", "csv", "--logistics"];
    plan.ok(&[&csv[..], &["--out", logistics.to_str().unwrap()]].concat());
    let header = std::fs::read_to_string(&logistics).unwrap().lines().next().unwrap().to_owned();
    assert!(
        header.ends_with(
            "Status,Arrival,Departure,Nights,Accommodation,Dietary needs,Accessibility needs,Visa letter,Travel paid by"
        ),
        "{header}"
    );
    let error = plan.fails(&[&pdf[..], &["--logistics"]].concat());
    assert_eq!((error["kind"].as_str(), error["field"].as_str()), (Some("validation"), Some("format")), "{error}");
    // The date is a date.
    let error = plan.fails(&[&pdf[..], &["--as-of", "12/05/2018"]].concat());
    assert_eq!(error["kind"], "validation");
}

#[test]
fn documents_that_would_be_empty_are_refused_with_the_reason() {
    let plan = Plan::with_event();
    let out = plan.db.parent().unwrap().join("out");
    let out = out.to_str().unwrap();
    for args in [
        &["export", "badges", "--event", "Regional dialogue", "--out", out][..],
        &["export", "name-plates", "--event", "Regional dialogue", "--out", out],
        &["export", "programme", "--event", "Regional dialogue", "--format", "ics", "--out", out],
    ] {
        let error = plan.fails(args);
        assert_eq!(error["kind"], "validation", "{args:?}: {error}");
        assert!(error["message"].as_str().unwrap().contains("Regional dialogue"), "{error}");
    }
    assert!(!std::path::Path::new(out).exists(), "no file written");
}
