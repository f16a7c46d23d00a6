//! The command handlers run without a desktop: the app is built on Tauri's
//! mock runtime over a temporary plan store and driven through real IPC
//! requests, as the UI would send them (see `support`).

mod support;

use serde_json::{Value, json};
use support::{PROGRESS, TestApp};

#[test]
fn examples_load_and_list_through_ipc() {
    let app = TestApp::new();
    let loaded = app.invoke("load_examples", json!({})).unwrap();
    assert!(loaded["created"].as_u64().unwrap() >= 2, "{loaded}");
    let events = app.invoke("list_events", json!({})).unwrap();
    let titles: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.contains("MIEUX")), "{titles:?}");
    assert!(events.as_array().unwrap().iter().any(|e| e["start_date"] == "2022-09-21"), "{events}");
}

#[test]
fn a_validation_error_crosses_ipc_with_kind_field_and_message() {
    let app = TestApp::new();
    let input = json!({
        "series_id": null, "title": "Regional dialogue", "format": "dialogue", "host_city": "Bangkok",
        "host_country": "TH", "venue": "", "time_zone": "Asia/Bangkok", "start_date": "2022-09-21",
        "end_date": "2022-09-31", "status": null, "objectives": "", "priorities": [], "sdgs": [],
        "languages": [], "notes": ""
    });
    let error = app.invoke("create_event", json!({ "input": input })).unwrap_err();
    assert_eq!(error["kind"], "validation", "{error}");
    assert_eq!(error["field"], "end_date", "{error}");
    assert!(error["message"].as_str().unwrap().contains("2022-09-31"), "{error}");
    // Nothing was written, not even the new series the event was to start.
    let series = json!({ "title": "Dialogues 2022", "description": "" });
    let refused = app.invoke("create_event", json!({ "input": input, "newSeries": series })).unwrap_err();
    assert_eq!(refused["field"], "end_date", "{refused}");
    assert_eq!(app.invoke("list_events", json!({})).unwrap(), json!([]));
    assert_eq!(app.invoke("list_series", json!({})).unwrap(), json!([]));
}

#[test]
fn an_event_is_created_updated_and_deleted_through_ipc() {
    let app = TestApp::new();
    let input = json!({
        "series_id": null, "title": "Round-table", "format": "round_table", "host_city": "Mexico City",
        "host_country": "MX", "venue": "", "time_zone": "America/Mexico_City", "start_date": "2018-05-29",
        "end_date": "2018-05-30", "status": "planned", "objectives": "", "priorities": ["Good practices"],
        "sdgs": [10, 17], "languages": ["Spanish"], "notes": ""
    });
    let event = app.invoke("create_event", json!({ "input": input })).unwrap();
    let id = event["id"].as_str().unwrap().to_owned();
    let days = app.invoke("fill_days", json!({ "eventId": id })).unwrap();
    assert_eq!(days.as_array().unwrap().len(), 2);
    let tracker = app.invoke("delegation_tracker", json!({ "eventId": id })).unwrap();
    assert_eq!(tracker["rows"], json!([]));
    app.invoke("delete_event", json!({ "id": id })).unwrap();
    let missing = app.invoke("event_overview", json!({ "id": id })).unwrap_err();
    assert_eq!(missing["kind"], "not_found", "{missing}");
}

#[test]
fn documents_are_exported_to_the_chosen_path_with_their_progress() {
    let app = TestApp::new();
    let id = app.example_event();

    let ics = app.choose_save("programme.ics");
    let options = json!({ "stage": "final", "version_date": "2022-09-20" });
    let args = json!({ "eventId": id, "format": "ics", "options": options, "path": ics, "onProgress": PROGRESS });
    app.invoke("export_programme", args).unwrap();
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("@roundtable-planner"), "{text}");
    let sessions = text.matches("BEGIN:VEVENT").count() as u64;
    let stages = app.take_progress();
    let names: Vec<&str> = stages.iter().map(|p| p["stage"].as_str().unwrap()).collect();
    assert_eq!(names, ["reading", "rendering", "saving", "finished"], "{stages:?}");
    assert_eq!(stages[1]["total"], sessions, "{stages:?}");
    assert_eq!(stages[3], json!({ "stage": "finished", "done": sessions, "total": sessions }));

    let csv = app.choose_save("participants.csv");
    let options = json!({ "contacts": false, "sheet_per_delegation": false, "statuses": "confirmed_and_attended", "stage": null, "as_of": null, "logistics": true });
    let args = json!({ "eventId": id, "format": "csv", "options": options, "path": csv, "onProgress": PROGRESS });
    app.invoke("export_participants", args).unwrap();
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let finished = app.take_progress().pop().unwrap();
    assert!(finished["total"].as_u64().unwrap() > 0, "{finished}");

    let nowhere = app.choose_save("no/such/folder/badges.pdf");
    let refused =
        app.invoke("export_badges", json!({ "eventId": id, "path": nowhere, "onProgress": PROGRESS })).unwrap_err();
    assert_eq!(refused["kind"], "file", "{refused}");
    assert_ne!(app.take_progress().last().unwrap()["stage"], "finished");
}

#[test]
fn an_import_previews_then_commits_with_its_progress() {
    let app = TestApp::new();
    let id = app.example_event();
    let file = app.choose_open(
        "registrations.csv",
        b"Surname;Given name;Country;Email\nSok;Chanthy;Cambodia;sok@interior.gov.kh\n",
    );
    let args = json!({ "eventId": id, "path": file, "mapping": null, "sheet": null, "onProgress": PROGRESS });
    let preview = app.invoke("preview_import", args).unwrap();
    assert_eq!(preview["report"]["created"], 1, "{preview}");
    assert_eq!(preview["report"]["new_delegations"], json!(["Cambodia"]));
    assert_eq!(preview["mapping"]["columns"][0], "family_name");
    assert_eq!(
        app.take_progress(),
        [
            json!({ "stage": "reading" }),
            json!({ "stage": "checking", "done": 0, "total": 1 }),
            json!({ "stage": "checking", "done": 1, "total": 1 }),
            json!({ "stage": "finished", "done": 1, "total": 1 })
        ]
    );

    let args =
        json!({ "eventId": id, "path": file, "mapping": preview["mapping"], "sheet": null, "onProgress": PROGRESS });
    let done = app.invoke("commit_import", args).unwrap();
    assert_eq!(done["report"]["committed"], true, "{done}");
    assert_eq!(
        (done["report"]["created"].as_u64(), done["report"]["rows"].as_array().map(Vec::len)),
        (Some(1), Some(0))
    );
    assert_eq!(
        app.take_progress(),
        [
            json!({ "stage": "reading" }),
            json!({ "stage": "checking", "done": 0, "total": 1 }),
            json!({ "stage": "checking", "done": 1, "total": 1 }),
            json!({ "stage": "writing", "done": 0, "total": 1 }),
            json!({ "stage": "writing", "done": 1, "total": 1 }),
            json!({ "stage": "finished", "done": 1, "total": 1 })
        ]
    );
    let found = app.invoke("search_people", json!({ "search": "Chanthy", "limit": 5 })).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");

    let empty = app.choose_open("empty.csv", b"");
    let args = json!({ "eventId": id, "path": empty, "mapping": null, "sheet": null, "onProgress": PROGRESS });
    let error = app.invoke("preview_import", args).unwrap_err();
    assert_eq!(error["kind"], "validation", "{error}");
    assert!(error["message"].as_str().unwrap().contains("empty"), "{error}");
    let fields = app.invoke("import_fields", json!({})).unwrap();
    assert!(fields.as_array().unwrap().iter().any(|f| f["field"] == "family_name" && f["label"] == "Family name"));
}

#[test]
fn file_dialogs_answer_through_ipc_and_a_cancelled_choice_is_none() {
    let app = TestApp::new();
    let answers = app.answers();

    let pdf = json!({ "name": "PDF document", "extensions": ["pdf"] });
    let saved = app.invoke("choose_save_path", json!({ "suggestedName": "Programme.pdf", "filter": pdf })).unwrap();
    assert_eq!(saved, json!(answers.join("Programme.pdf").display().to_string()));

    let lists = json!({ "name": "Participant lists", "extensions": ["csv", "xlsx"] });
    let args = json!({ "title": "Import participants", "filter": lists });
    assert_eq!(app.invoke("choose_open_path", args.clone()).unwrap(), Value::Null, "nothing to open yet");
    std::fs::write(answers.join("registrations.csv"), "Surname\nSok\n").unwrap();
    let opened = app.invoke("choose_open_path", args).unwrap();
    assert_eq!(opened, json!(answers.join("registrations.csv").display().to_string()));
}

#[test]
fn a_backup_is_listed_and_restored_through_ipc_and_only_the_plans_own_backups_are_accepted() {
    let app = TestApp::new();
    let event = app.example_event();
    let taken = app.invoke("back_up_now", json!({})).unwrap();
    assert_eq!(taken["reason"], "requested", "{taken}");
    app.invoke("delete_event", json!({ "id": event })).unwrap();

    let listed = app.invoke("list_backups", json!({})).unwrap();
    let reasons: Vec<&str> =
        listed["backups"].as_array().unwrap().iter().map(|b| b["reason"].as_str().unwrap()).collect();
    assert_eq!(reasons[..2], ["before_delete", "requested"], "{listed}");
    assert!(listed["problem"].is_null(), "{listed}");

    let undo = app.invoke("restore_backup", json!({ "file": taken["file"] })).unwrap();
    assert_eq!(undo["reason"], "before_restore", "{undo}");
    assert!(app.invoke("event_overview", json!({ "id": event })).is_ok(), "the deleted event is back");

    let foreign = app.dir.path().join("elsewhere.plan");
    std::fs::copy(taken["file"].as_str().unwrap(), &foreign).unwrap();
    let refused = app.invoke("restore_backup", json!({ "file": foreign })).unwrap_err();
    assert_eq!((refused["kind"].as_str(), refused["field"].as_str()), (Some("validation"), Some("file")), "{refused}");
}

#[test]
fn a_person_is_erased_and_retention_is_set_through_ipc() {
    let app = TestApp::new();
    let event = app.example_event();
    let listed = app.list_participants(&event);
    let person = &listed[0]["person"];
    let erased = app.invoke("erase_person", json!({ "id": person["id"], "withBackups": true })).unwrap();
    assert_eq!(erased["file_cleared"], true, "{erased}");
    assert!(erased["backups_removed"].as_u64().unwrap() >= 1, "the backup taken while loading held them: {erased}");
    let email = person["email"].as_str().unwrap();
    assert!(!String::from_utf8_lossy(&std::fs::read(app.plan()).unwrap()).contains(email));

    assert_eq!(app.invoke("retention_months", json!({})).unwrap(), json!(null));
    let preview = app.invoke("preview_retention", json!({ "months": 12 })).unwrap();
    assert!(preview["people"].as_u64().unwrap() > 0, "{preview}");
    assert!(preview["events"].as_array().unwrap().iter().any(|e| e["end_date"] == "2022-09-23"), "{preview}");
    assert_eq!(app.invoke("retention_months", json!({})).unwrap(), json!(null), "a preview sets nothing");
    let refused = app.invoke("preview_retention", json!({ "months": 0 })).unwrap_err();
    assert_eq!(refused["field"], "retention_months", "{refused}");
    let applied = app.invoke("set_retention_months", json!({ "months": 12 })).unwrap();
    assert!(applied["people_erased"].as_u64().unwrap() > 0, "{applied}");
    assert_eq!(app.invoke("retention_months", json!({})).unwrap(), json!(12));
}

#[test]
fn exports_and_imports_take_only_a_path_the_file_dialog_returned() {
    let app = TestApp::new();
    let id = app.example_event();
    let elsewhere = app.dir.path().join("plan.sqlite3");
    let before = std::fs::read(&elsewhere).unwrap();
    let args = json!({ "eventId": id, "path": elsewhere, "onProgress": PROGRESS });
    let refused = app.invoke("export_badges", args).unwrap_err();
    assert_eq!((refused["kind"].as_str(), refused["field"].as_str()), (Some("validation"), Some("path")), "{refused}");
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before, "the file was not overwritten");

    // A path chosen to open is not one to save to, and the other way round.
    let list = app.choose_open("registrations.csv", b"Surname;Country\nSok;Cambodia\n");
    let args = json!({ "eventId": id, "path": list, "onProgress": PROGRESS });
    assert_eq!(app.invoke("export_badges", args).unwrap_err()["field"], "path");
    let saved = app.choose_save("badges.csv");
    let args = json!({ "eventId": id, "path": saved, "mapping": null, "sheet": null, "onProgress": PROGRESS });
    assert_eq!(app.invoke("preview_import", args).unwrap_err()["field"], "path");
    let secrets = "/etc/passwd";
    let args = json!({ "eventId": id, "path": secrets, "mapping": null, "sheet": null, "onProgress": PROGRESS });
    assert_eq!(app.invoke("preview_import", args).unwrap_err()["field"], "path");
}

#[test]
fn plans_are_made_copied_opened_and_refused_through_ipc_and_the_open_plan_stays_on_a_refusal() {
    let app = TestApp::new();
    app.example_event();
    let status = app.invoke("plan_status", json!({})).unwrap();
    assert_eq!(status["plan"]["name"], "plan", "{status}");

    let copy = app.choose_save("Bangkok copy.rtplan");
    let saved = app.invoke("save_plan_copy", json!({ "path": copy })).unwrap();
    assert_eq!(saved["name"], "Bangkok copy");
    let copied = rusqlite::Connection::open(&copy).unwrap();
    let events: i64 = copied.query_row("SELECT COUNT(*) FROM event", [], |r| r.get(0)).unwrap();
    assert_eq!(events, 3);
    drop(copied);

    let fresh = app.choose_save("New plan.rtplan");
    app.invoke("new_plan", json!({ "path": fresh })).unwrap();
    assert_eq!(app.invoke("plan_status", json!({})).unwrap()["plan"]["name"], "New plan");
    assert_eq!(app.invoke("list_events", json!({})).unwrap(), json!([]));
    let again = app.invoke("new_plan", json!({ "path": copy })).unwrap_err();
    assert!(again["message"].as_str().unwrap().contains("already exists"), "{again}");

    let recent = app.invoke("recent_plans", json!({})).unwrap();
    let names: Vec<&str> = recent.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["New plan", "Bangkok copy"]);
    let reopened = recent[1]["path"].clone();
    app.invoke("open_plan", json!({ "path": reopened })).unwrap();
    assert_eq!(app.invoke("list_events", json!({})).unwrap().as_array().unwrap().len(), 3, "the copy holds the plan");

    // Another program's database is refused untouched, and the copy stays open.
    let foreign = app.answers().join("accounts.rtplan");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE ledger (id INTEGER);").unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let filter = json!({ "name": "Plans", "extensions": ["rtplan"] });
    let chosen = app.invoke("choose_open_path", json!({ "title": "Open plan", "filter": filter })).unwrap();
    let refused = app.invoke("open_plan", json!({ "path": chosen })).unwrap_err();
    assert_eq!(refused["kind"], "plan_file", "{refused}");
    assert!(refused["message"].as_str().unwrap().contains("another program's database"), "{refused}");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
    assert_eq!(app.invoke("plan_status", json!({})).unwrap()["plan"]["name"], "Bangkok copy");
    let made_up = app.invoke("open_plan", json!({ "path": "/etc/passwd" })).unwrap_err();
    assert_eq!(made_up["field"], "path", "{made_up}");
}

#[test]
fn a_plan_that_did_not_open_is_explained_with_its_backups_and_one_restores_into_a_new_plan() {
    use roundtable_core::BackupReason;
    use roundtable_planner::commands::plan_files::BackupsHome;
    let dir = tempfile::tempdir().unwrap();
    let failed = dir.path().join("Bangkok.rtplan");
    let home = BackupsHome(dir.path().join("backups-home"));
    {
        let mut store = home.open_store(&failed).unwrap();
        roundtable_core::examples::load(&mut store).unwrap();
        store.back_up(BackupReason::Requested).unwrap();
    }
    std::fs::write(&failed, b"no longer a plan").unwrap();
    let app = TestApp::after_failed_start(dir, &failed, "Bangkok.rtplan is not a Roundtable Planner plan");

    let status = app.invoke("plan_status", json!({})).unwrap();
    assert!(status["plan"].is_null(), "{status}");
    assert_eq!(status["problem"]["plan"]["name"], "Bangkok", "{status}");
    let backups = status["problem"]["backups"].as_array().unwrap();
    let requested = backups.iter().find(|b| b["reason"] == "requested").expect("the plan's backups are listed");
    assert_eq!(requested["events"], 3);
    let no_plan = app.invoke("list_events", json!({})).unwrap_err();
    assert_eq!(no_plan["kind"], "plan_file", "{no_plan}");

    let into = app.choose_save("Bangkok restored.rtplan");
    let args = json!({ "backupFile": requested["file"], "path": into });
    let opened = app.invoke("restore_failed_plan", args).unwrap();
    assert_eq!(opened["name"], "Bangkok restored");
    assert_eq!(app.invoke("list_events", json!({})).unwrap().as_array().unwrap().len(), 3);
    assert!(app.invoke("plan_status", json!({})).unwrap()["problem"].is_null());
}

#[test]
fn show_in_folder_shows_the_open_plan_and_only_it() {
    use roundtable_planner::commands::plan_files::FileManager;
    use tauri::Manager;
    let app = TestApp::new();
    // The command takes no path: whatever the webview sends, it shows the open plan.
    let shown = app.invoke("show_plan_in_folder", json!({ "path": "/etc/passwd" })).unwrap();
    assert_eq!(shown["path"], app.plan().display().to_string(), "{shown}");
    let fresh = app.choose_save("New plan.rtplan");
    app.invoke("new_plan", json!({ "path": fresh })).unwrap();
    app.invoke("show_plan_in_folder", json!({})).unwrap();
    let files = app.app.state::<FileManager>().shown();
    assert_eq!(files, [app.plan(), std::path::PathBuf::from(fresh)]);

    let dir = tempfile::tempdir().unwrap();
    let failed = dir.path().join("Bangkok.rtplan");
    let app = TestApp::after_failed_start(dir, &failed, "Bangkok.rtplan is not a Roundtable Planner plan");
    let refused = app.invoke("show_plan_in_folder", json!({})).unwrap_err();
    assert_eq!(refused["kind"], "plan_file", "{refused}");
    assert!(app.app.state::<FileManager>().shown().is_empty());
}
