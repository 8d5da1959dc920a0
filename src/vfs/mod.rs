//! Persistence below SQLite: the `ormlab` VFS (feature `db`).
//!
//! - [`image`]: pure bookkeeping: a database file in memory, the chunks a
//!   transaction changed, and the group-commit queue that turns commits into
//!   storage writes (tested natively).
//! - [`sqlite`]: the VFS itself on the `rsqlite-vfs` traits, registered with
//!   whichever SQLite is linked (bundled natively, sqlite-wasm-rs on wasm32), with a
//!   commit hook that the browser side (`web::persist`) points at IndexedDB.

pub mod image;
#[cfg(feature = "db")]
pub mod sqlite;

#[cfg(all(test, feature = "db", not(target_arch = "wasm32")))]
mod tests;

/// The IndexedDB schema of the database store (`ormlab-db`), as data: each
/// version and the object stores it adds. Opening runs every step above the
/// stored version, in order, so a user's data survives every future release.
/// Append new versions; never edit old ones.
pub const DB_STORE_SCHEMA: &[(u32, &[&str])] = &[(1, &["chunks", "meta"])];
