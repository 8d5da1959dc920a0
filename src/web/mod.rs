//! Everything that runs in the browser: the Leptos UI, the engine worker's message
//! loop, and the bindings to the page's JavaScript (`www/ormlab.js`, the CodeMirror
//! bundle). **Architecture invariant:** this is the only module that uses `web-sys`,
//! `js-sys` or `leptos`.

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod bridge;
pub mod case;
#[cfg(feature = "ui")]
pub mod editor;
#[cfg(feature = "ui")]
pub mod examples;
#[cfg(feature = "ui")]
pub mod grid;
#[cfg(feature = "ui")]
pub mod history;
#[cfg(feature = "ui")]
pub mod history_view;
pub mod idb;
pub mod numbers;
#[cfg(feature = "db")]
pub mod persist;
#[cfg(feature = "ui")]
pub mod results;
#[cfg(feature = "ui")]
pub mod script_view;
#[cfg(feature = "ui")]
pub mod storage;
#[cfg(feature = "db")]
pub mod worker;
#[cfg(feature = "ui")]
pub mod workspace;
#[cfg(feature = "ui")]
pub mod workspaces;

/// Gives the crate's pure code what it asks the browser for: float parsing
/// ([`numbers::parse_decimal`]) and case mapping ([`case::map`]). The engine worker and
/// the page call this first.
pub fn install_core_hooks() {
    crate::core::py::float_text::set_parser(numbers::parse_decimal);
    crate::core::py::case::set_mapper(case::map);
}
