//! The ORM's schema layer (models → tables → DDL) and query compilation to [`crate::core::sql`] values.
//!
//! - [`naming`]: `__tablename__` derivation, naming conventions.
//! - [`schema`]: `MetaData`, `Table`, `Column`, constraints as plain data.
//! - [`ddl`]: CREATE/DROP statements and `create_all`/`drop_all` ordering.

pub mod ddl;
pub mod naming;
pub mod schema;

#[cfg(test)]
pub(crate) mod testutil;
