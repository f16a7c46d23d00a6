//! `roundtable import participants` on files that are not participant lists
//! at all: the script gets a non-zero exit and the reason as JSON, and the
//! plan keeps what it had.

mod common;

use common::Plan;

#[test]
fn a_hostile_file_is_refused_with_its_reason_and_the_plan_keeps_its_participants() {
    let plan = Plan::with_event();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "Family name,Country\nSok,Indonesia\n").unwrap();
    plan.ok(&["import", "participants", "--event", "Regional dialogue", good.to_str().unwrap()]);

    let mut header = String::from("Family name,Country");
    header.push_str(&",x".repeat(1_000_000));
    let wide = dir.path().join("wide.csv");
    std::fs::write(&wide, format!("{header}\nChan,Indonesia\n")).unwrap();
    let error = plan.fails(&["import", "participants", "--event", "Regional dialogue", wide.to_str().unwrap()]);
    assert_eq!(error["kind"], "validation", "{error}");
    assert_eq!(error["field"], "file", "{error}");
    assert!(error["message"].as_str().unwrap().contains("at most 256 columns"), "{error}");

    let xls = dir.path().join("old.xls");
    std::fs::write(&xls, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let error = plan.fails(&["import", "participants", "--event", "Regional dialogue", xls.to_str().unwrap()]);
    assert!(error["message"].as_str().unwrap().contains("save it as .xlsx or .csv"), "{error}");

    let listed = plan.json(&["participant", "list", "--event", "Regional dialogue"]);
    let families: Vec<&str> =
        listed.as_array().unwrap().iter().map(|p| p["person"]["family_name"].as_str().unwrap()).collect();
    assert_eq!(families, ["Sok"]);
}

#[test]
fn words_the_plan_does_not_read_are_listed_once_and_mapped_with_map_value() {
    let plan = Plan::with_event();
    let file = plan.db.parent().unwrap().join("states.csv");
    std::fs::write(
        &file,
        "First Name,Last Name,Country,Registration state\nAna,Peralta,ID,Aprobado\nLuis,Ortega,ID,aprobado\nJune,Joseph,ID,Complete\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let dry = plan.json(&["import", "participants", "--event", "Regional dialogue", path, "--dry-run"]);
    let values = dry["values_read"].as_array().unwrap();
    let unknown: Vec<&serde_json::Value> = values.iter().filter(|v| v["reads_as"].is_null()).collect();
    assert_eq!(unknown.len(), 1, "once for both spellings: {unknown:?}");
    let complete = values.iter().find(|v| v["text"] == "Complete").unwrap();
    assert_eq!(complete["reads_as"], "confirmed", "a word the plan reads shows its reading");
    assert_eq!(
        (unknown[0]["text"].as_str(), unknown[0]["lines"].clone()),
        (Some("Aprobado"), serde_json::json!([2, 3]))
    );
    assert_eq!(dry["report"]["rejected"], 2, "only the rows that carry it stop");

    let map = "Registration state:APROBADO=confirmed";
    let done = plan.json(&["import", "participants", "--event", "Regional dialogue", path, "--map-value", map]);
    assert_eq!((done["report"]["created"].as_u64(), done["report"]["rejected"].as_u64()), (Some(3), Some(0)));
    let listed = plan.json(&["participant", "list", "--event", "Regional dialogue", "--status", "confirmed"]);
    assert_eq!(listed.as_array().unwrap().len(), 3);

    let import = ["import", "participants", "--event", "Regional dialogue", path, "--map-value"];
    let wrong = plan.fails(&[&import[..], &["Registration state:Aprobado=yes"]].concat());
    assert!(wrong["message"].as_str().unwrap().contains("invited, nominated, confirmed"), "{wrong}");
    let nowhere = plan.fails(&[&import[..], &["State:Aprobado=confirmed"]].concat());
    // A header with a colon of its own.
    let quiz = plan.db.parent().unwrap().join("quiz.csv");
    std::fs::write(&quiz, "First Name,Last Name,Country,Q3: Status\nAna,Lima,ID,Aprobado\n").unwrap();
    let quiz = quiz.to_str().unwrap();
    let args = ["import", "participants", "--event", "Regional dialogue", quiz, "--dry-run", "--map-value"];
    let done = plan.json(&[&args[..], &["Q3: Status:Aprobado=confirmed"]].concat());
    assert_eq!(done["report"]["rejected"], 0, "{done}");
    assert!(nowhere["message"].as_str().unwrap().contains("no column 'State'"), "{nowhere}");
}
