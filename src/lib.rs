//! ormlab: Flask-SQLAlchemy and Flask-Migrate in the browser.
pub mod core;
pub mod db;
pub mod engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;
