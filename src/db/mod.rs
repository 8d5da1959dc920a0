//! The SQLite connection: native (bundled SQLite) and wasm32 (sqlite-wasm-rs) alike.
//!
//! Everything that touches rusqlite lives here (behind the `db` feature, so the UI's
//! wasm does not carry SQLite); the engine and the ORM see [`Database`], [`Value`] and
//! [`DbError`] only. The plain data types ([`Value`], [`ResultColumn`], [`TableInfo`])
//! are always available, for the page that displays them.

#[cfg(feature = "db")]
mod backend;
mod cell;
#[cfg(feature = "db")]
mod connection;
#[cfg(feature = "db")]
mod error;
pub mod exchange;
#[cfg(feature = "db")]
mod functions;
#[cfg(feature = "db")]
mod regexp;
#[cfg(feature = "db")]
mod round;
mod schema;
mod value;

#[cfg(feature = "db")]
pub use backend::ScriptBackend;
pub use cell::Cell;
#[cfg(feature = "db")]
pub use connection::{Database, InterruptCheck, Result};
#[cfg(feature = "db")]
pub use error::DbError;
pub use schema::{ColumnInfo, TableInfo};
pub use value::{Param, Value, blob_display, format_real};

/// A column of a result set: its name and declared type (empty for expressions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct ResultColumn {
    /// Name as SQLite reports it (alias or column name).
    pub name: String,
    /// Declared type of the source column, e.g. `VARCHAR(80)`; empty for expressions.
    pub decltype: String,
}

crate::json::json_struct!(ResultColumn { name, decltype });

/// What one statement produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A statement that returns rows (SELECT, PRAGMA, RETURNING...).
    Rows {
        /// The result columns.
        columns: Vec<ResultColumn>,
        /// Every row.
        rows: Vec<Vec<Value>>,
    },
    /// A statement that returns no rows.
    Done {
        /// Rows inserted, updated or deleted (0 for DDL).
        changes: u64,
        /// True for statements that change the schema or transaction state rather than rows.
        ddl: bool,
    },
}
