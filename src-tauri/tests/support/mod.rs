// Each test file uses the part of this module it needs.
#![allow(dead_code)]

//! The app on Tauri's mock runtime over a plan store in a temporary folder,
//! driven through real IPC requests as the UI sends them, with what the
//! commands stream over their progress channels recorded.

use roundtable_core::{Backups, Store};
use roundtable_planner::commands::file_dialogs::FileDialogs;
use roundtable_planner::commands::plan_files::{BackupsHome, FileManager, OpenFailure};
use roundtable_planner::recent_plans::RecentPlans;
use roundtable_planner::state::AppState;
use roundtable_planner::{app_builder, start_events};
use serde_json::Value;
use std::sync::{Arc, Mutex};
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponseBody};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

/// The channel id the tests pass as a command's `onProgress`.
pub const PROGRESS: &str = "__CHANNEL__:7";

/// The app, a webview to send requests from, the temporary folder and the progress messages.
pub struct TestApp {
    pub app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    pub dir: tempfile::TempDir,
    progress: Arc<Mutex<Vec<Value>>>,
}

impl TestApp {
    /// The app over a fresh plan file `plan.sqlite3` in a new temporary folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let backups = Backups::at(dir.path().join("backups"));
        let store = Store::open_with_backups(
            &dir.path().join("plan.sqlite3"),
            backups,
            roundtable_core::Installation::unnamed(),
        )
        .unwrap();
        Self::with_state(dir, AppState::new(store))
    }

    /// The app as it starts when its plan (`failed`) did not open with `message`.
    pub fn after_failed_start(dir: tempfile::TempDir, failed: &std::path::Path, message: &str) -> Self {
        let app = Self::with_state(dir, AppState::without_plan());
        app.app.state::<OpenFailure>().set(failed.to_owned(), message.to_owned());
        app
    }

    fn with_state(dir: tempfile::TempDir, state: AppState) -> Self {
        let progress = Arc::new(Mutex::new(Vec::new()));
        let heard = Arc::clone(&progress);
        let base = mock_builder().channel_interceptor(move |_, _, _, body: &InvokeResponseBody| {
            if let InvokeResponseBody::Json(json) = body {
                heard.lock().unwrap().push(serde_json::from_str(json).unwrap());
            }
            true
        });
        let app = app_builder(base, state).build(tauri::generate_context!()).unwrap();
        let answers = dir.path().join("answers");
        std::fs::create_dir(&answers).unwrap();
        app.manage(FileDialogs::answered_from(answers));
        app.manage(RecentPlans::in_folder(dir.path()));
        app.manage(BackupsHome(dir.path().join("backups-home")));
        app.manage(FileManager::recorded());
        start_events(&app);
        let webview = WebviewWindowBuilder::new(&app, "ipc-test", Default::default()).build().unwrap();
        TestApp { app, webview, dir, progress }
    }

    /// The folder the file dialogs answer from.
    pub fn answers(&self) -> std::path::PathBuf {
        self.dir.path().join("answers")
    }

    /// The path the Save dialog gives for `name`, chosen through IPC as the UI does.
    pub fn choose_save(&self, name: &str) -> String {
        let filter =
            serde_json::json!({ "name": "Documents", "extensions": ["pdf", "ics", "csv", "docx", "xlsx", "html"] });
        let args = serde_json::json!({ "suggestedName": name, "filter": filter });
        self.invoke("choose_save_path", args).unwrap().as_str().unwrap().to_owned()
    }

    /// Writes `contents` as `name` among the answers and chooses it in the Open dialog, as the UI does.
    pub fn choose_open(&self, name: &str, contents: &[u8]) -> String {
        std::fs::write(self.answers().join(name), contents).unwrap();
        let filter = serde_json::json!({ "name": "Participant lists", "extensions": ["csv", "xlsx"] });
        let args = serde_json::json!({ "title": "Import participants", "filter": filter });
        let chosen = self.invoke("choose_open_path", args).unwrap().as_str().unwrap().to_owned();
        assert!(chosen.ends_with(name), "the newest list is {chosen}, not {name}");
        chosen
    }

    /// The plan file.
    pub fn plan(&self) -> std::path::PathBuf {
        self.dir.path().join("plan.sqlite3")
    }

    /// Sends one IPC request; `Ok` with the command's value or `Err` with its error.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let result = tauri::test::get_ipc_response(
            &self.webview,
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

    /// Every participant of `event`, as the window gathers them: the first page
    /// answered, the later ones over the channel (checked to end with the last).
    pub fn list_participants(&self, event: &str) -> Vec<Value> {
        self.list_pages(event, None).into_iter().flat_map(|page| page["rows"].as_array().unwrap().clone()).collect()
    }

    /// The pages of `event`'s list of participants: the answer's (of
    /// `first_rows` rows, when given), then the channel's.
    pub fn list_pages(&self, event: &str, first_rows: Option<u32>) -> Vec<Value> {
        self.take_progress();
        let args = serde_json::json!({ "eventId": event, "filter": {}, "firstRows": first_rows, "onPage": PROGRESS });
        let mut pages = vec![self.invoke("list_participants", args).unwrap()];
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while pages.last().unwrap()["last"] != true {
            assert!(std::time::Instant::now() < deadline, "the last page never came: {pages:?}");
            std::thread::sleep(std::time::Duration::from_millis(5));
            pages.extend(self.take_progress());
        }
        let total: usize = pages.iter().map(|page| page["rows"].as_array().unwrap().len()).sum();
        assert!(pages.iter().all(|page| page["total"] == total), "every page tells the whole length: {pages:?}");
        pages
    }

    /// The progress messages sent since the last call.
    pub fn take_progress(&self) -> Vec<Value> {
        std::mem::take(&mut *self.progress.lock().unwrap())
    }

    /// The id of the example event that starts on 2022-09-21 (the examples loaded first).
    pub fn example_event(&self) -> String {
        self.invoke("load_examples", serde_json::json!({})).unwrap();
        let events = self.invoke("list_events", serde_json::json!({})).unwrap();
        let event = events.as_array().unwrap().iter().find(|e| e["start_date"] == "2022-09-21").unwrap();
        event["id"].as_str().unwrap().to_owned()
    }
}
