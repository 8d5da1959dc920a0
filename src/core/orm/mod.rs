//! The ORM's schema layer (models → tables → DDL) and query compilation to [`crate::core::sql`] values.
//!
//! - [`naming`]: `__tablename__` derivation, naming conventions.
//! - [`schema`]: `MetaData`, `Table`, `Column`, constraints as plain data.
//! - [`ddl`]: CREATE/DROP statements and `create_all`/`drop_all` ordering.
//! - [`mapper`]: mapped classes, relationships, relationship resolution from foreign keys.
//! - [`inheritance`]: single-table inheritance (a subclass's base, descendants and
//!   discriminator criterion).
//! - [`query`]: `Query` / `select()` state → `Select`, count, exists, pagination, bulk UPDATE/DELETE.
//! - [`join_from`]: a join's implicit left side and its ON clause from foreign keys.
//! - [`froms`]: the tables expressions name (FROM inference), `order_by('name')` label references.
//! - [`relations`]: lazy loads, `has`/`any`, relationship comparisons.
//! - [`eager`]: loader options and eager loading (joined, selectin, subquery) statements.
//! - [`persist`]: flush statements (INSERT/UPDATE/DELETE of single rows and association rows).

pub mod ddl;
pub mod eager;
pub mod froms;
pub mod inheritance;
pub mod join_from;
pub mod mapper;
pub mod naming;
pub mod persist;
pub mod query;
pub mod query_dml;
mod query_set;
pub mod relations;
pub mod schema;

#[cfg(test)]
pub(crate) mod testutil;
