//! Everything that runs in the browser: the Leptos UI, the engine worker's message
//! loop, and the bindings to the page's JavaScript (`www/ormlab.js`, the CodeMirror
//! bundle). **Architecture invariant:** this is the only module that uses `web-sys`,
//! `js-sys` or `leptos`.

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod bridge;
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
#[cfg(feature = "ui")]
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
