//! Everything that runs in the browser: the Leptos UI, the engine worker's message
//! loop, and the bindings to the page's JavaScript (`www/ormlab.js`, the CodeMirror
//! bundle). **Architecture invariant:** this is the only module that uses `web-sys`,
//! `js-sys` or `leptos`.

pub mod app;
pub mod bridge;
pub mod editor;
pub mod grid;
pub mod results;
pub mod worker;
