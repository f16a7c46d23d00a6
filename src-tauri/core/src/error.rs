//! One error type for the whole core, and its serialisable face for the UI.
//!
//! Every failure a person can cause (a bad date, a duplicate, a deleted
//! parent) is a variant with a readable message, so the shell and the CLI show
//! it as it is; [`ApiError`] is what crosses the IPC boundary: a `kind` the UI
//! can switch on, the message, and the field it concerns when there is one.

use crate::field::Field;
use serde::Serialize;
use specta::Type;

/// Result of every core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in words an organiser can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input breaks one rule or more (a date outside the event, an empty
    /// title…): every problem found, the first one as the message.
    #[error("{}", problems[0].message)]
    Validation { problems: Vec<Problem> },
    /// The record asked for does not exist (any more).
    #[error("{what} not found: it may have been deleted")]
    NotFound { what: &'static str },
    /// The input would duplicate an existing record.
    #[error("{message}")]
    Duplicate { field: Option<Field>, message: String },
    /// The record is still used by others and cannot be deleted.
    #[error("{message}")]
    InUse { message: String },
    /// An event cannot move from its status to the one asked for.
    #[error("{message}")]
    InvalidTransition { message: String },
    /// Another writer held the plan for longer than the busy timeout;
    /// `open_in` names the other programs that have it open, when known
    /// ([`crate::holders`]): one of them is the writer, or a program that
    /// leaves no note (the `sqlite3` shell).
    #[error(
        "The plan is busy: another program{which} has been writing to it for over {waited}.{open_in} \
         Wait for it to finish, then try again."
    )]
    Busy { waited: String, which: String, open_in: String },
    /// The database could not do what was asked.
    #[error("plan store error: {0}")]
    Storage(#[from] rusqlite::Error),
    /// The plan store could not be brought to the current schema.
    #[error("plan store migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The plan store's file or folder could not be used.
    #[error("plan store file error: {0}")]
    Io(#[from] std::io::Error),
    /// The file opened as a plan is not one this app can open (empty, another
    /// program's database, a plan of a newer version); it was left as it was.
    #[error("{message}")]
    PlanFile { message: String },
}

impl Error {
    /// A validation error on `field`.
    pub fn invalid(field: Field, message: impl Into<String>) -> Self {
        Error::Validation { problems: vec![Problem { field, message: message.into() }] }
    }

    /// A duplicate on `field`.
    pub fn duplicate(field: Field, message: impl Into<String>) -> Self {
        Error::Duplicate { field: Some(field), message: message.into() }
    }

    /// The kind the UI switches on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation { .. } => ErrorKind::Validation,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Duplicate { .. } => ErrorKind::Duplicate,
            Error::InUse { .. } => ErrorKind::InUse,
            Error::InvalidTransition { .. } => ErrorKind::InvalidTransition,
            Error::Busy { .. } => ErrorKind::Busy,
            Error::Storage(_) | Error::Migration(_) | Error::Io(_) => ErrorKind::Storage,
            Error::PlanFile { .. } => ErrorKind::PlanFile,
        }
    }

    /// The input field the error concerns (the first one), if any.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Validation { problems } => problems.first().map(|p| p.field),
            Error::Duplicate { field, .. } => *field,
            _ => None,
        }
    }

    /// Every field problem of a validation error (none for other errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Validation { problems } => problems,
            _ => &[],
        }
    }
}

/// One rule an input breaks: the field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

/// Checks an input's fields all at once: each field's check gives its value
/// (a default one when it fails) and [`Checks::done`] fails with every problem
/// found, so a form shows all of them on the first try instead of one per try.
#[derive(Default)]
pub struct Checks {
    problems: Vec<Problem>,
    /// A failure that is not the input's (storage), reported instead of the problems.
    other: Option<Error>,
}

impl Checks {
    /// The checked value, or a default one with the problem kept for [`Checks::done`].
    pub fn check<T: Default>(&mut self, result: Result<T>) -> T {
        match result {
            Ok(value) => value,
            Err(Error::Validation { problems }) => {
                self.problems.extend(problems);
                T::default()
            }
            Err(other) => {
                self.other.get_or_insert(other);
                T::default()
            }
        }
    }

    /// Fails with every problem found so far.
    pub fn done(self) -> Result<()> {
        match (self.other, self.problems.is_empty()) {
            (Some(other), _) => Err(other),
            (None, true) => Ok(()),
            (None, false) => Err(Error::Validation { problems: self.problems }),
        }
    }
}

/// The kinds of error the UI distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    Duplicate,
    InUse,
    InvalidTransition,
    /// Another writer holds the plan; trying again later works.
    Busy,
    Storage,
    // A document could not be typeset or encoded (an export failed).
    Export,
    // A file outside the plan store could not be read or written (an export's
    // destination, a folder to list).
    File,
    /// The file opened as a plan is not one (or is a newer version's).
    PlanFile,
}

/// The error as it crosses the IPC boundary and the CLI's `--json` output.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    /// The input field the message belongs next to.
    pub field: Option<Field>,
    /// Every field problem when the input breaks several rules (the first is
    /// `message` and `field`); empty for other errors.
    pub problems: Vec<Problem>,
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError {
            kind: error.kind(),
            field: error.field(),
            problems: error.problems().to_vec(),
            message: error.to_string(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
