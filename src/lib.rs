//! ormlab: Flask-SQLAlchemy and Flask-Migrate in the browser.
pub mod core;
pub mod db;
pub mod engine;
