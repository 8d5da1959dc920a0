//! Pure Rust core: no browser APIs, no database handle, no I/O.
//!
//! **Architecture invariant:** nothing under `core` depends on `web-sys`, `js-sys`,
//! `leptos` or `rusqlite`; it compiles and tests natively with `cargo test`.

pub mod diag;
pub mod fxhash;
pub mod history;
pub mod interp;
pub mod lang;
pub mod nplus1;
pub mod orm;
pub mod py;
pub mod sort;
pub mod sql;
pub mod sqltext;
pub mod syntax;
pub mod words;
pub mod workspace;
