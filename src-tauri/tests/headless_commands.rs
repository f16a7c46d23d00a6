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
