//! The engine: one database plus everything that runs against it, driven by typed
//! [`Request`]s. The same engine runs natively (CLI, tests) and inside the Web
//! Worker (see `web::worker`), so the page never blocks on a query.

pub mod clock;
mod codec;
pub mod protocol;

#[cfg(feature = "db")]
mod runner;

pub use protocol::{Block, BlockKind, EngineError, Request, Response};
#[cfg(feature = "db")]
pub use runner::Engine;

use crate::db::Value;
use crate::json::{RawJson, Reader};

/// Decodes rows sent as raw JSON (see [`Value::write_json`]); no rows when the text
/// is not an array of arrays.
pub fn decode_rows(rows: &RawJson) -> Vec<Vec<Value>> {
    let mut r = Reader::new(rows.get());
    let mut out = Vec::new();
    let read = r.array(|r| {
        let mut row = Vec::new();
        r.array(|r| {
            row.push(Value::read_json(r)?);
            Ok(())
        })?;
        out.push(row);
        Ok(())
    });
    match read.and_then(|()| r.finish()) {
        Ok(()) => out,
        Err(_) => Vec::new(),
    }
}
