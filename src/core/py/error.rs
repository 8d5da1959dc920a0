//! The Python exception value produced by this layer.

use std::fmt;

/// Which Python exception class an error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PyErrKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `ZeroDivisionError`
    ZeroDivisionError,
    /// `OverflowError`
    OverflowError,
    /// `KeyError`
    KeyError,
    /// `IndexError`
    IndexError,
    /// `MemoryError` (used for results too large to allocate reasonably)
    MemoryError,
    /// `AttributeError`
    AttributeError,
    /// `RecursionError`
    RecursionError,
    /// `decimal.InvalidOperation`
    InvalidOperation,
    /// `decimal.DivisionByZero`
    DivisionByZero,
    /// `decimal.Overflow`
    DecimalOverflow,
    /// `json.decoder.JSONDecodeError`
    JSONDecodeError,
}

/// A Python exception raised by a primitive operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    /// The exception class.
    pub kind: PyErrKind,
    /// `str(exception)`, worded exactly as CPython words it.
    pub message: String,
}

/// Result alias for this layer.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// Builds an error of `kind` with `message`.
    pub fn new(kind: PyErrKind, message: impl Into<String>) -> Self {
        PyErr {
            kind,
            message: message.into(),
        }
    }
    /// `ValueError(message)`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(PyErrKind::ValueError, message)
    }
    /// `TypeError(message)`.
    pub fn type_err(message: impl Into<String>) -> Self {
        Self::new(PyErrKind::TypeError, message)
    }
    /// `ZeroDivisionError(message)`.
    pub fn zero_div(message: impl Into<String>) -> Self {
        Self::new(PyErrKind::ZeroDivisionError, message)
    }
    /// `OverflowError(message)`.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(PyErrKind::OverflowError, message)
    }
    /// `MemoryError()` (empty message, like CPython).
    pub fn memory() -> Self {
        Self::new(PyErrKind::MemoryError, "")
    }
    /// `IndexError(message)`.
    pub fn index(message: impl Into<String>) -> Self {
        Self::new(PyErrKind::IndexError, message)
    }

    /// `type(e).__name__`, e.g. `"ValueError"`, `"InvalidOperation"`.
    pub fn class_name(&self) -> &'static str {
        match self.kind {
            PyErrKind::ValueError => "ValueError",
            PyErrKind::TypeError => "TypeError",
            PyErrKind::ZeroDivisionError => "ZeroDivisionError",
            PyErrKind::OverflowError => "OverflowError",
            PyErrKind::KeyError => "KeyError",
            PyErrKind::IndexError => "IndexError",
            PyErrKind::MemoryError => "MemoryError",
            PyErrKind::AttributeError => "AttributeError",
            PyErrKind::RecursionError => "RecursionError",
            PyErrKind::InvalidOperation => "InvalidOperation",
            PyErrKind::DivisionByZero => "DivisionByZero",
            PyErrKind::DecimalOverflow => "Overflow",
            PyErrKind::JSONDecodeError => "JSONDecodeError",
        }
    }

    /// The class name as a traceback prints it, e.g. `"decimal.InvalidOperation"`,
    /// `"json.decoder.JSONDecodeError"`, `"ValueError"`.
    pub fn qualified_name(&self) -> &'static str {
        match self.kind {
            PyErrKind::InvalidOperation => "decimal.InvalidOperation",
            PyErrKind::DivisionByZero => "decimal.DivisionByZero",
            PyErrKind::DecimalOverflow => "decimal.Overflow",
            PyErrKind::JSONDecodeError => "json.decoder.JSONDecodeError",
            _ => self.class_name(),
        }
    }
}

impl fmt::Display for PyErr {
    /// The last line of a traceback: `ValueError: message` (just the name when empty).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.qualified_name())
        } else {
            write!(f, "{}: {}", self.qualified_name(), self.message)
        }
    }
}

impl std::error::Error for PyErr {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_traceback_line() {
        assert_eq!(
            PyErr::zero_div("division by zero").to_string(),
            "ZeroDivisionError: division by zero"
        );
        assert_eq!(PyErr::memory().to_string(), "MemoryError");
        let e = PyErr::new(
            PyErrKind::InvalidOperation,
            "[<class 'decimal.ConversionSyntax'>]",
        );
        assert_eq!(e.class_name(), "InvalidOperation");
        assert_eq!(
            e.to_string(),
            "decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]"
        );
    }
}
