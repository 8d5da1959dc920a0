//! ormlab: Flask-SQLAlchemy and Flask-Migrate in the browser.
#[cfg(all(feature = "db", not(target_arch = "wasm32")))]
pub mod cli;
pub mod core;
pub mod db;
pub mod engine;
pub mod json;
pub mod vfs;
#[cfg(target_arch = "wasm32")]
pub mod web;
