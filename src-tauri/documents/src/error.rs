//! The documents' error: a core error, or a file that could not be written or
//! read, in words an organiser can act on. It maps onto the core's
//! [`ApiError`] so the CLI and the shell report it like every other error.

use roundtable_core::{ApiError, ErrorKind, Field};

/// Result of every document operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong while making or reading a file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The plan store refused or failed.
    #[error(transparent)]
    Core(#[from] roundtable_core::Error),
    /// The typesetter could not lay out the document (a bug, never the user's data).
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
    /// A writer library failed.
    #[error("the {format} file could not be written: {message}")]
    Write { format: &'static str, message: String },
    /// The file to import cannot be read as a participant list.
    #[error("{0}")]
    Unreadable(String),
    /// What was asked for holds nothing to put in the document (badges of an
    /// event where nobody holds a seat, a calendar without sessions): said
    /// instead of writing a blank page or a calendar no program opens.
    #[error("{0}")]
    Empty(String),
    /// The file could not be read from or written to disk.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn write(format: &'static str, error: impl std::fmt::Display) -> Self {
        Error::Write { format, message: error.to_string() }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        match error {
            Error::Core(core) => core.into(),
            Error::Unreadable(message) => roundtable_core::Error::invalid(Field::File, message).into(),
            Error::Empty(message) => {
                ApiError { kind: ErrorKind::Validation, message, field: None, problems: Vec::new() }
            }
            Error::Typeset(_) | Error::Write { .. } => {
                ApiError { kind: ErrorKind::Export, message: error.to_string(), field: None, problems: Vec::new() }
            }
            Error::Io(_) => {
                ApiError { kind: ErrorKind::File, message: error.to_string(), field: None, problems: Vec::new() }
            }
        }
    }
}
