//! SQL as values, rendered by one renderer into the exact text SQLAlchemy 2.0 sends to SQLite.
//!
//! - [`value`]: bound parameter values ([`SqlValue`]).
//! - [`ident`]: identifier quoting (SQLAlchemy's SQLite reserved words and legal-character rules).
//! - [`types`]: column types and their DDL spelling.
//! - [`coerce`]: expression typing (result types of operators and functions, literal types).
//! - [`expr`]: expressions, with SQLAlchemy's operator precedence and grouping applied at construction.
//! - [`stmt`]: statements (SELECT, INSERT, UPDATE, DELETE and DDL).
//! - [`text`]: `text()` named parameters → `?`.
//! - [`render`]: the single renderer: [`render()`] turns a [`Statement`] into SQL text plus `?` parameters.

mod class_name;
pub mod coerce;
pub mod expr;
pub mod ident;
pub mod op;
pub mod render;
pub mod stmt;
pub mod text;
pub mod types;
pub mod value;

pub use expr::{Expr, Op, TableRef};
pub use render::{Rendered, render};
pub use stmt::{
    ColumnDef, Compound, Correlate, CreateIndex, CreateTable, Delete, DropIndex, DropTable,
    FromItem, Insert, LabelStyle, OnConflict, Select, Statement, TableConstraint, Update,
};
pub use types::SqlType;
pub use value::SqlValue;
