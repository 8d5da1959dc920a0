//! [`JsonError`]: why a JSON text could not be read as the type asked for.

use std::fmt;

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// 1-based line of the offending byte.
    pub line: usize,
    /// 1-based column (in bytes) of the offending byte.
    pub column: usize,
}

/// The kinds of [`JsonError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// Something else was found where this was expected (syntax, or a value of another type).
    Expected(&'static str),
    /// An object lacks this field.
    MissingField(&'static str),
    /// An object gives this field twice.
    DuplicateField(&'static str),
    /// An enum's tag names no variant.
    UnknownVariant(String),
    /// A number does not fit the type asked for.
    OutOfRange,
    /// Arrays and objects nested deeper than [`super::reader::MAX_DEPTH`].
    TooDeep,
    /// Something follows the value.
    TrailingCharacters,
    /// A string holds a lone UTF-16 surrogate (`\ud800`).
    LoneSurrogate,
    /// The value is well-formed but the type rejects it.
    Invalid(String),
}

impl JsonError {
    /// An error of `kind` at byte offset `at` of `src`.
    #[cold]
    pub fn at(kind: ErrorKind, src: &str, at: usize) -> Self {
        let before = src.as_bytes().get(..at).unwrap_or(src.as_bytes());
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
        JsonError { kind, line, column }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Expected(what) => write!(f, "expected {what}"),
            ErrorKind::MissingField(name) => write!(f, "missing field `{name}`"),
            ErrorKind::DuplicateField(name) => write!(f, "duplicate field `{name}`"),
            ErrorKind::UnknownVariant(name) => write!(f, "unknown variant `{name}`"),
            ErrorKind::OutOfRange => f.write_str("number out of range"),
            ErrorKind::TooDeep => f.write_str("nested too deeply"),
            ErrorKind::TrailingCharacters => f.write_str("trailing characters"),
            ErrorKind::LoneSurrogate => f.write_str("lone surrogate in a \\u escape"),
            ErrorKind::Invalid(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.kind, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}
