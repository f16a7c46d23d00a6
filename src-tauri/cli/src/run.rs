//! Carries out one command line on the plan store: opens it, hands the
//! command to its object's module, and gives back what to print. The helpers
//! here are shared by every object: output as text or JSON, the vocabulary
//! and flag parsers, and the rule that `update` changes only the flags named.

use crate::args::{Cli, Command};
use crate::objects;
use roundtable_core::{ApiError, Backups, ErrorKind, Field, Installation, Store};
use serde::Serialize;
use std::str::FromStr;

pub(crate) type Outcome = Result<String, ApiError>;

pub(crate) fn error(kind: ErrorKind, message: impl Into<String>) -> ApiError {
    ApiError { kind, message: message.into(), field: None, problems: Vec::new() }
}

/// A validation error that belongs to one input field.
pub(crate) fn invalid(field: Field, message: impl Into<String>) -> ApiError {
    roundtable_core::Error::invalid(field, message).into()
}

/// Runs the command line and returns what to print.
pub fn run(cli: &Cli) -> Outcome {
    let open = || -> Result<Store, ApiError> {
        let path = match &cli.db {
            Some(path) => path.clone(),
            None => roundtable_core::store::default_path()?,
        };
        let backups = Backups::at(roundtable_core::backup::folder_for(&path)?);
        let installation = Installation::load(&roundtable_core::store::app_folder()?)?;
        Ok(Store::open_with_backups(&path, backups, installation)?)
    };
    let json = cli.json;
    match &cli.command {
        Command::Country(command) => objects::reference::country(&open()?, command, json),
        Command::Example(command) => objects::reference::example(&mut open()?, command, json),
        Command::Series(command) => objects::series::run(&mut open()?, command, json),
        Command::Event(command) => objects::event::run(&mut open()?, command, json),
        Command::Organisation(command) => objects::organisation::run(&mut open()?, command, json),
        Command::Organiser(command) => objects::organiser::run(&mut open()?, command, json),
        Command::Funding(command) => objects::funding::run(&mut open()?, command, json),
        Command::Delegation(command) => objects::delegation::run(&mut open()?, command, json),
        Command::Person(command) => objects::person::run(&mut open()?, command, json),
        Command::Participant(command) => objects::participant::run(&mut open()?, command, json),
        Command::Day(command) => objects::day::run(&mut open()?, command, json),
        Command::Session(command) => objects::session::run(&mut open()?, command, json),
        Command::MediaContact(command) => objects::media::run(&mut open()?, command, json),
        Command::Outcome(command) => objects::outcome::run(&mut open()?, command, json),
        Command::FollowUp(command) => objects::follow_up::run(&mut open()?, command, json),
        Command::Export(command) => objects::export::run(&open()?, command, json),
        Command::Import(command) => objects::import::run(&mut open()?, command, json),
        Command::Backup(command) => objects::backup::run(&mut open()?, command, json),
        Command::Plan(command) => objects::plan::run(&mut open()?, command, json),
        Command::Undo => objects::journal::undo(&mut open()?, false, json),
        Command::Redo => objects::journal::undo(&mut open()?, true, json),
        Command::History(args) => objects::journal::history(&open()?, args, json),
        Command::Whoami(args) => objects::journal::whoami(&mut open()?, args, json),
        Command::Sync(args) => objects::journal::sync(&mut open()?, args, json),
        Command::Disagreement(command) => objects::journal::disagreement(&mut open()?, command, json),
    }
}

/// The value as JSON, or the text for people.
pub(crate) fn output<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) -> Outcome {
    if json {
        serde_json::to_string_pretty(value).map_err(|e| error(ErrorKind::Storage, e.to_string()))
    } else {
        Ok(text())
    }
}

/// A record whose own fields have no `id`, given one for `--json`.
#[derive(Serialize)]
pub(crate) struct WithId<'a, I: Serialize, T: Serialize> {
    pub id: I,
    #[serde(flatten)]
    pub record: &'a T,
}

/// What `delete` prints: the id of what is gone.
pub(crate) fn deleted(json: bool, what: &str, name: &str, id: impl Serialize + std::fmt::Display) -> Outcome {
    let shown = serde_json::json!({ "id": id, "deleted": true });
    output(json, &shown, || format!("Deleted the {what} {name} ({id})."))
}

/// A closed vocabulary's value typed on the command line (a stored name or
/// its label, any case), as a field error when it is none of them.
pub(crate) fn parse<T: FromStr<Err = String>>(field: Field, text: &str) -> Result<T, ApiError> {
    text.parse::<T>().map_err(|message| invalid(field, message))
}

pub(crate) fn parse_opt<T: FromStr<Err = String>>(field: Field, text: Option<&str>) -> Result<Option<T>, ApiError> {
    text.map(|t| parse(field, t)).transpose()
}

/// `update` changes only the flags named: a flag that was given replaces the
/// field, one left out keeps it.
pub(crate) fn set<T: Clone>(field: &mut T, flag: &Option<T>) {
    if let Some(value) = flag {
        *field = value.clone();
    }
}

/// As [`set`], for a field that may be empty: an empty flag (`--email ""`) clears it.
pub(crate) fn set_optional(field: &mut Option<String>, flag: &Option<String>) {
    if let Some(value) = flag {
        *field = Some(value.trim()).filter(|v| !v.is_empty()).map(str::to_owned);
    }
}

/// As [`set`], for a list given by repeating its flag; `--flag ""` empties it.
pub(crate) fn set_list(field: &mut Vec<String>, flag: &Option<Vec<String>>) {
    if let Some(values) = flag {
        *field = values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::to_owned).collect();
    }
}

/// As [`set_list`], for a list of vocabulary values.
pub(crate) fn set_parsed_list<T: FromStr<Err = String>>(
    field_name: Field,
    field: &mut Vec<T>,
    flag: &Option<Vec<String>>,
) -> Result<(), ApiError> {
    if let Some(values) = flag {
        *field =
            values.iter().filter(|v| !v.trim().is_empty()).map(|v| parse(field_name, v)).collect::<Result<_, _>>()?;
    }
    Ok(())
}
