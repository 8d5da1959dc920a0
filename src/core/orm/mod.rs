//! The ORM's schema layer (models → tables → DDL) and query compilation to [`crate::core::sql`] values.
