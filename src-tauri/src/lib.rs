//! The Tauri 2 shell of Roundtable Planner: it opens the plan store, hosts
//! the web UI and exposes the core through typed commands. The TypeScript
//! bindings the UI uses are generated from [`specta_builder`]'s commands and
//! events.

pub mod commands;
pub mod jobs;
pub mod logs;
pub mod plan_watch;
pub mod recent_plans;
pub mod state;

use commands::file_dialogs::FileDialogs;
use commands::plan_files::{BackupsHome, FileManager, OpenFailure};
use commands::{
    agenda, app, backups, delegations, documents, events, examples, file_dialogs, journal, organisations, participants,
    personal_data, plan_check, plan_files, plan_settings, records, search, team,
};
use plan_watch::PlanChanged;
use recent_plans::RecentPlans;
use state::AppState;
use std::path::PathBuf;
use tauri::{Manager, Runtime};
use tauri_specta::{Builder, collect_commands, collect_events};

/// Where the generated bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

/// Every command the UI may call and every event it may hear, for the invoke handler and the bindings.
pub fn specta_builder<R: Runtime>() -> Builder<R> {
    Builder::<R>::new()
        // One TypeScript type per Rust type, the same for arguments and results.
        .disable_serde_phases()
        .commands(collect_commands![
            events::list_series,
            events::create_series,
            events::update_series,
            events::delete_series,
            events::list_events,
            events::get_event,
            events::event_overview,
            events::create_event,
            events::update_event,
            events::set_event_status,
            events::set_panel_balance_check,
            events::delete_event,
            events::duplicate_event,
            events::event_readiness,
            organisations::list_organisations,
            organisations::create_organisation,
            organisations::update_organisation,
            organisations::delete_organisation,
            organisations::list_event_organisers,
            organisations::assign_organiser,
            organisations::remove_organiser,
            organisations::list_fundings,
            organisations::add_funding,
            organisations::update_funding,
            organisations::delete_funding,
            delegations::list_delegations,
            delegations::create_delegation,
            delegations::update_delegation,
            delegations::delete_delegation,
            delegations::delegation_tracker,
            delegations::delegation_workflow,
            delegations::set_delegation_workflow,
            participants::search_people,
            search::search_plan,
            participants::create_person,
            participants::update_person,
            participants::delete_person,
            personal_data::erase_person,
            personal_data::retention_months,
            personal_data::preview_retention,
            personal_data::set_retention_months,
            participants::list_participants,
            participants::get_participant,
            participants::add_participant,
            participants::register_participant,
            participants::set_participant_role,
            participants::update_participant,
            participants::set_participants_status,
            participants::remove_participant,
            agenda::get_agenda,
            agenda::list_days,
            agenda::add_day,
            agenda::fill_days,
            agenda::update_day,
            agenda::delete_day,
            agenda::create_session,
            agenda::update_session,
            agenda::delete_session,
            records::list_media_contacts,
            records::add_media_contact,
            records::update_media_contact,
            records::delete_media_contact,
            records::list_outcomes,
            records::add_outcome,
            records::update_outcome,
            records::delete_outcome,
            records::list_follow_ups,
            records::add_follow_up,
            records::update_follow_up,
            records::delete_follow_up,
            examples::load_examples,
            examples::list_countries,
            plan_settings::country_names,
            plan_settings::set_country_names,
            plan_settings::visa_letter_weeks,
            plan_settings::set_visa_letter_weeks,
            app::store_location,
            plan_files::plan_status,
            plan_files::recent_plans,
            plan_files::open_plan,
            plan_files::new_plan,
            plan_files::save_plan_copy,
            plan_files::restore_failed_plan,
            plan_files::show_plan_in_folder,
            plan_check::check_plan,
            backups::list_backups,
            backups::back_up_now,
            backups::restore_backup,
            app::report_first_paint,
            documents::export_programme,
            documents::export_participants,
            documents::export_badges,
            documents::export_name_plates,
            documents::import_fields,
            documents::preview_import,
            documents::commit_import,
            file_dialogs::choose_save_path,
            file_dialogs::choose_open_path,
            journal::undo_steps,
            journal::undo,
            journal::redo,
            journal::activity,
            journal::history,
            journal::whoami,
            journal::set_identity,
            team::team_status,
            team::choose_team_folder,
            team::sync_now,
            team::disagreements,
            team::resolve_disagreement,
        ])
        .events(collect_events![PlanChanged])
        // The vocabularies' labels, written once in the core.
        .constant("LABELS", roundtable_core::vocabulary::labels())
}

/// `base` with the app's commands and state; the window uses
/// `tauri::Builder::default()`, the tests Tauri's mock builder. Once built, the
/// app needs [`start_events`].
pub fn app_builder<R: Runtime>(base: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    base.manage(state).manage(OpenFailure::default()).invoke_handler(specta_builder::<R>().invoke_handler())
}

/// Mounts the app's typed events and starts the watch on the plan file that
/// sends [`PlanChanged`]; right after the app is built (not in Tauri's setup
/// hook, which runs only with the event loop, so the headless tests get it too).
pub fn start_events<R: Runtime>(app: &tauri::App<R>) {
    specta_builder::<R>().mount_events(app);
    plan_watch::start(app.handle().clone(), app.state::<AppState>().inner().clone());
}

/// The plan the window opens: the file given on the command line (a plan
/// file double-clicked in the file manager), else `ROUNDTABLE_DB` when set,
/// else the plan opened last, else the default plan in the OS app-data directory.
fn plan_to_open(given: Option<PathBuf>, recent: &RecentPlans) -> roundtable_core::Result<PathBuf> {
    if let Some(given) = given {
        return Ok(given);
    }
    let default = roundtable_core::store::default_path()?;
    if std::env::var_os(roundtable_core::store::DB_ENV).is_some_and(|p| !p.is_empty()) {
        return Ok(default);
    }
    Ok(recent.list().into_iter().next().unwrap_or(default))
}

/// The plan file named on the command line, if any (options are not files).
fn plan_argument(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    args.into_iter().skip(1).find(|a| !a.is_empty() && !a.to_string_lossy().starts_with('-')).map(PathBuf::from)
}

/// Opens the plan (see [`plan_to_open`]), starts the log in the app's folder and runs
/// the window; a plan that cannot be opened is explained in the window,
/// with the ways on (open another, restore a backup).
pub fn run() {
    roundtable_core::holders::set_program("the Roundtable Planner window");
    let recent = match roundtable_core::store::default_path() {
        Ok(default) => RecentPlans::in_folder(default.parent().unwrap_or(std::path::Path::new("."))),
        Err(error) => fail(&error.to_string()),
    };
    let path = match plan_to_open(plan_argument(std::env::args_os()), &recent) {
        Ok(path) => path,
        Err(error) => fail(&error.to_string()),
    };
    let _log = logs::folder()
        .and_then(|folder| logs::start(&folder))
        .inspect_err(|error| eprintln!("Roundtable Planner runs without a log: {error}"))
        .ok();
    let home = match roundtable_core::backup::home() {
        Ok(home) => BackupsHome(home),
        Err(error) => fail(&error.to_string()),
    };
    let (state, failure) = match home.open_store(&path) {
        Ok(store) => {
            recent.remember(&path);
            (AppState::new(store), None)
        }
        Err(error) => {
            tracing::warn!(%error, "the plan did not open");
            (AppState::without_plan(), Some(error.to_string()))
        }
    };
    let base = tauri::Builder::default().plugin(tauri_plugin_dialog::init());
    let app = match app_builder(base, state).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => fail(&format!("Roundtable Planner cannot start: {error}")),
    };
    // The window of tauri.conf.json, made here for what the configuration cannot say: its
    // script may use the clipboard, for Edit → Cut, Copy and Paste on the field the person is in.
    let window = app.config().app.windows.first().cloned().map(|config| {
        tauri::WebviewWindowBuilder::from_config(app.handle(), &config)
            .and_then(|window| window.enable_clipboard_access().build())
    });
    if let Some(Err(error)) = window {
        fail(&format!("Roundtable Planner cannot open its window: {error}"));
    }
    if let Some(message) = failure {
        app.state::<OpenFailure>().set(path, message);
    }
    app.manage(FileDialogs::for_app(app.handle().clone()));
    app.manage(FileManager::for_app());
    app.manage(recent);
    app.manage(home);
    start_events(&app);
    tracing::info!("started");
    app.run(|_, _| {});
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_file_given_on_the_command_line_is_the_one_opened() {
        let args = |list: &[&str]| list.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        let dir = tempfile::tempdir().unwrap();
        let recent = RecentPlans::in_folder(dir.path());
        let given = plan_argument(args(&["roundtable-planner", "/home/me/Bangkok 2022.rtplan"]));
        assert_eq!(given, Some(PathBuf::from("/home/me/Bangkok 2022.rtplan")));
        assert_eq!(plan_to_open(given, &recent).unwrap(), PathBuf::from("/home/me/Bangkok 2022.rtplan"));
        assert_eq!(plan_argument(args(&["roundtable-planner"])), None);
        assert_eq!(plan_argument(args(&["roundtable-planner", "--some-flag"])), None);
    }
}
