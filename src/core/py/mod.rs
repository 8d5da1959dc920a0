//! Semantics of Python's primitive types (int, float, str, Decimal, datetime, json,
//! formatting) as a pure Rust library, matching CPython 3.11 output byte for byte.
//!
//! Nothing here knows about an AST or an interpreter: the interpreter calls these
//! functions with already-evaluated values and gets back values or a [`PyErr`].

pub mod datetime;
pub mod datetime_text;
pub mod decimal;
pub mod decimal_format;
pub mod decimal_ops;
pub mod error;
pub mod float;
pub mod format_spec;
pub mod int;
pub mod int_str;
pub mod json;
pub mod percent;
pub mod slice;
pub mod str_case;
pub mod str_format;
pub mod strings;
pub mod strptime;
pub mod timedelta;
pub mod unicode_tables;

#[cfg(test)]
mod golden_format_tests;
#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod golden_text_tests;
#[cfg(test)]
mod robustness_tests;

pub use error::{PyErr, PyErrKind, PyResult};
pub use int::Int;
