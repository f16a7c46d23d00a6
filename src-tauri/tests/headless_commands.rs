//! The command handlers run without a desktop: the app is built on Tauri's
//! mock runtime over a temporary plan store and driven through real IPC
//! requests, as the UI would send them.

use roundtable_core::Store;
use roundtable_planner::app_builder;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The app on the mock runtime over a fresh plan store, and a webview to send requests from.
fn app() -> (App<MockRuntime>, WebviewWindow<MockRuntime>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("plan.sqlite3")).unwrap();
    let app = app_builder(mock_builder(), store).build(tauri::generate_context!()).unwrap();
    let webview = WebviewWindowBuilder::new(&app, "ipc-test", Default::default()).build().unwrap();
    (app, webview, dir)
}

/// Sends one IPC request; `Ok` with the command's value or `Err` with its error.
fn invoke(webview: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let result = tauri::test::get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" }.parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    result.map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn examples_load_and_list_through_ipc() {
    let (_app, app, _dir) = app();
    let loaded = invoke(&app, "load_examples", json!({})).unwrap();
    assert!(loaded["created"].as_u64().unwrap() >= 2, "{loaded}");
    let events = invoke(&app, "list_events", json!({})).unwrap();
    let titles: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.contains("MIEUX")), "{titles:?}");
    assert!(events.as_array().unwrap().iter().any(|e| e["start_date"] == "2022-09-21"), "{events}");
}

#[test]
fn a_validation_error_crosses_ipc_with_kind_field_and_message() {
    let (_app, app, _dir) = app();
    let input = json!({
        "series_id": null, "title": "Regional dialogue", "format": "dialogue", "host_city": "Bangkok",
        "host_country": "TH", "venue": "", "time_zone": "Asia/Bangkok", "start_date": "2022-09-21",
        "end_date": "2022-09-31", "status": null, "objectives": "", "priorities": [], "sdgs": [],
        "languages": [], "notes": ""
    });
    let error = invoke(&app, "create_event", json!({ "input": input })).unwrap_err();
    assert_eq!(error["kind"], "validation", "{error}");
    assert_eq!(error["field"], "end_date", "{error}");
    assert!(error["message"].as_str().unwrap().contains("2022-09-31"), "{error}");
    // Nothing was written.
    assert_eq!(invoke(&app, "list_events", json!({})).unwrap(), json!([]));
}

#[test]
fn an_event_is_created_updated_and_deleted_through_ipc() {
    let (_app, app, _dir) = app();
    let input = json!({
        "series_id": null, "title": "Round-table", "format": "round_table", "host_city": "Mexico City",
        "host_country": "MX", "venue": "", "time_zone": "America/Mexico_City", "start_date": "2018-05-29",
        "end_date": "2018-05-30", "status": "planned", "objectives": "", "priorities": ["Good practices"],
        "sdgs": [10, 17], "languages": ["Spanish"], "notes": ""
    });
    let event = invoke(&app, "create_event", json!({ "input": input })).unwrap();
    let id = event["id"].as_str().unwrap().to_owned();
    let days = invoke(&app, "fill_days", json!({ "eventId": id })).unwrap();
    assert_eq!(days.as_array().unwrap().len(), 2);
    let tracker = invoke(&app, "delegation_tracker", json!({ "eventId": id })).unwrap();
    assert_eq!(tracker["rows"], json!([]));
    invoke(&app, "delete_event", json!({ "id": id })).unwrap();
    let missing = invoke(&app, "event_overview", json!({ "id": id })).unwrap_err();
    assert_eq!(missing["kind"], "not_found", "{missing}");
}

#[test]
fn documents_are_exported_to_the_chosen_path_and_an_import_previews_then_commits() {
    let (_app, app, dir) = app();
    invoke(&app, "load_examples", json!({})).unwrap();
    let events = invoke(&app, "list_events", json!({})).unwrap();
    let event = events.as_array().unwrap().iter().find(|e| e["start_date"] == "2022-09-21").unwrap();
    let id = event["id"].as_str().unwrap().to_owned();

    let ics = dir.path().join("programme.ics");
    let options = json!({ "stage": "final", "version_date": "2022-09-20" });
    invoke(&app, "export_programme", json!({ "eventId": id, "format": "ics", "options": options, "path": ics }))
        .unwrap();
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("@roundtable-planner"), "{text}");
    let csv = dir.path().join("participants.csv");
    let options = json!({ "contacts": false, "sheet_per_delegation": false });
    invoke(&app, "export_participants", json!({ "eventId": id, "format": "csv", "options": options, "path": csv }))
        .unwrap();
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let refused = invoke(&app, "export_badges", json!({ "eventId": id, "path": dir.path().join("no/such/dir.pdf") }))
        .unwrap_err();
    assert_eq!(refused["kind"], "storage", "{refused}");

    let file = dir.path().join("registrations.csv");
    std::fs::write(&file, "Surname;Given name;Country;Email\nSok;Chanthy;Cambodia;sok@interior.gov.kh\n").unwrap();
    let preview =
        invoke(&app, "preview_import", json!({ "eventId": id, "path": file, "mapping": null, "sheet": null })).unwrap();
    assert_eq!(preview["report"]["created"], 1, "{preview}");
    assert_eq!(preview["report"]["new_delegations"], json!(["Cambodia"]));
    assert_eq!(preview["mapping"]["columns"][0], "family_name");
    let done = invoke(
        &app,
        "commit_import",
        json!({ "eventId": id, "path": file, "mapping": preview["mapping"], "sheet": null }),
    )
    .unwrap();
    assert_eq!(done["report"]["committed"], true, "{done}");
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let error = invoke(&app, "preview_import", json!({ "eventId": id, "path": empty, "mapping": null, "sheet": null }))
        .unwrap_err();
    assert_eq!(error["kind"], "validation", "{error}");
    assert!(error["message"].as_str().unwrap().contains("empty"), "{error}");
    let fields = invoke(&app, "import_fields", json!({})).unwrap();
    assert!(fields.as_array().unwrap().iter().any(|f| f["field"] == "family_name" && f["label"] == "Family name"));
}

#[test]
fn file_dialogs_answer_through_ipc_and_a_cancelled_choice_is_none() {
    use roundtable_planner::commands::file_dialogs::FileDialogs;
    use tauri::Manager;
    let (app_handle, app, dir) = app();
    let answers = dir.path().join("answers");
    std::fs::create_dir(&answers).unwrap();
    app_handle.manage(FileDialogs::AnsweredFrom(answers.clone()));

    let pdf = json!({ "name": "PDF document", "extensions": ["pdf"] });
    let saved = invoke(&app, "choose_save_path", json!({ "suggestedName": "Programme.pdf", "filter": pdf })).unwrap();
    assert_eq!(saved, json!(answers.join("Programme.pdf").display().to_string()));

    let lists = json!({ "name": "Participant lists", "extensions": ["csv", "xlsx"] });
    let args = json!({ "title": "Import participants", "filter": lists });
    assert_eq!(invoke(&app, "choose_open_path", args.clone()).unwrap(), Value::Null, "nothing to open yet");
    std::fs::write(answers.join("registrations.csv"), "Surname\nSok\n").unwrap();
    let opened = invoke(&app, "choose_open_path", args).unwrap();
    assert_eq!(opened, json!(answers.join("registrations.csv").display().to_string()));
}
