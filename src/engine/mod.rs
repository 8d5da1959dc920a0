//! The engine: one database plus everything that runs against it, driven by typed
//! [`Request`]s. The same engine runs natively (CLI, tests) and inside the Web
//! Worker (see `web::worker`), so the page never blocks on a query.

pub mod clock;
pub mod protocol;

#[cfg(feature = "db")]
mod runner;

pub use protocol::{Block, BlockKind, EngineError, Request, Response};
#[cfg(feature = "db")]
pub use runner::Engine;

use crate::db::Value;
use serde_json::value::RawValue;

/// Decodes rows sent as raw JSON (see [`Value::write_json`]).
pub fn decode_rows(rows: &RawValue) -> Vec<Vec<Value>> {
    let parsed: Vec<Vec<serde_json::Value>> = serde_json::from_str(rows.get()).unwrap_or_default();
    parsed
        .iter()
        .map(|r| r.iter().map(Value::read_json).collect())
        .collect()
}
