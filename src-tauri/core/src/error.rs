//! One error type for the whole core, and its serialisable face for the UI.
//!
//! Every failure a person can cause (a bad date, a duplicate, a deleted
//! parent) is a variant with a readable message, so the shell and the CLI show
//! it as it is; [`ApiError`] is what crosses the IPC boundary: a `kind` the UI
//! can switch on, the message, and the field it concerns when there is one.

use serde::Serialize;
use specta::Type;

/// Result of every core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in words an organiser can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input breaks a rule (a date outside the event, an empty title…).
    #[error("{message}")]
    Validation { field: Option<&'static str>, message: String },
    /// The record asked for does not exist (any more).
    #[error("{what} not found: it may have been deleted")]
    NotFound { what: &'static str },
    /// The input would duplicate an existing record.
    #[error("{message}")]
    Duplicate { field: Option<&'static str>, message: String },
    /// The record is still used by others and cannot be deleted.
    #[error("{message}")]
    InUse { message: String },
    /// An event cannot move from its status to the one asked for.
    #[error("{message}")]
    InvalidTransition { message: String },
    /// The database could not do what was asked.
    #[error("plan store error: {0}")]
    Storage(#[from] rusqlite::Error),
    /// The plan store could not be brought to the current schema.
    #[error("plan store migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// The plan store's file or folder could not be used.
    #[error("plan store file error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// A validation error on `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Validation { field: Some(field), message: message.into() }
    }

    /// A duplicate on `field`.
    pub fn duplicate(field: &'static str, message: impl Into<String>) -> Self {
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
            Error::Storage(_) | Error::Migration(_) | Error::Io(_) => ErrorKind::Storage,
        }
    }

    /// The input field the error concerns, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } | Error::Duplicate { field, .. } => *field,
            _ => None,
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
    Storage,
    // A document could not be typeset or encoded (an export failed).
    Export,
    // A file outside the plan store could not be read or written (an export's
    // destination, a folder to list).
    File,
}

/// The error as it crosses the IPC boundary and the CLI's `--json` output.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    /// The input field the message belongs next to.
    pub field: Option<String>,
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError { kind: error.kind(), field: error.field().map(str::to_owned), message: error.to_string() }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
