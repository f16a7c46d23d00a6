//! A failing command leaves a line in the log with its name and its error's
//! kind and field, and nothing of what the person typed.

mod support;

use roundtable_planner::logs;
use serde_json::json;
use support::TestApp;

#[test]
fn a_failed_command_is_logged_with_its_kind_and_without_personal_data() {
    let app = TestApp::new();
    let folder = logs::folder_in(app.dir.path());
    let guard = logs::start(&folder).unwrap();

    let person = json!({
        "honorific": "H.E.", "given_name": "Siti", "family_name": "Rahmawati", "position": "",
        "organisation": "Ministry of Foreign Affairs", "email": "siti.rahmawati@kemlu.go.id", "phone": "",
        "gender": null, "languages": []
    });
    app.invoke("create_person", json!({ "input": person })).unwrap();
    let error = app.invoke("create_person", json!({ "input": person })).unwrap_err();
    assert!(error["message"].as_str().unwrap().contains("Rahmawati"), "the message names the person: {error}");
    drop(guard);

    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let log = std::fs::read_to_string(&files[0]).unwrap();
    let failed: Vec<&str> = log.lines().filter(|line| line.contains("failed")).collect();
    assert_eq!(failed.len(), 1, "{log}");
    assert!(failed[0].contains("create_person"), "{log}");
    assert!(failed[0].contains("kind=Duplicate") && failed[0].contains("field=\"email\""), "{log}");
    assert!(log.lines().filter(|line| line.contains("create_person") && line.contains("close")).count() == 2, "{log}");
    for personal in ["Siti", "Rahmawati", "kemlu", "Ministry"] {
        assert!(!log.contains(personal), "the log holds '{personal}':\n{log}");
    }
}
