//! The database layer's error type.

use std::fmt;

/// An error from SQLite, with the byte offset of the offending token when SQLite
/// reports one (relative to the statement's text).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DbError {
    /// SQLite rejected or failed a statement.
    Sqlite {
        /// SQLite's message, e.g. `near "selec": syntax error`.
        message: String,
        /// Byte offset into the statement text, when SQLite knows it.
        offset: Option<usize>,
    },
    /// The statement was interrupted (Stop button, Ctrl-C).
    Interrupted,
    /// A value could not be bound (wrong count or type of parameters).
    Bind(String),
    /// Bytes given to import are not a SQLite database.
    NotADatabase(String),
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite { message, .. } => f.write_str(message),
            DbError::Interrupted => f.write_str("interrupted"),
            DbError::Bind(m) => f.write_str(m),
            DbError::NotADatabase(m) => write!(f, "not a SQLite database: {m}"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::SqlInputError { msg, offset, .. } => DbError::Sqlite {
                message: msg,
                offset: usize::try_from(offset).ok(),
            },
            rusqlite::Error::SqliteFailure(err, msg) => {
                if err.code == rusqlite::ErrorCode::OperationInterrupted {
                    return DbError::Interrupted;
                }
                DbError::Sqlite {
                    message: msg.unwrap_or_else(|| err.to_string()),
                    offset: None,
                }
            }
            rusqlite::Error::InvalidParameterCount(given, expected) => DbError::Bind(format!(
                "statement takes {expected} parameters, {given} were given"
            )),
            other => DbError::Sqlite {
                message: other.to_string(),
                offset: None,
            },
        }
    }
}
