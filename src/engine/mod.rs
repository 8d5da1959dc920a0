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
use crate::json::{ParseFloat, RawJson, Reader, parse_float};

/// Decodes rows sent as raw JSON (see [`Value::write_json`]); no rows when the text
/// is not an array of arrays.
pub fn decode_rows(rows: &RawJson) -> Vec<Vec<Value>> {
    decode_rows_with(rows, parse_float)
}

/// [`decode_rows`], reading floats with `parse_float`.
pub fn decode_rows_with(rows: &RawJson, parse_float: ParseFloat) -> Vec<Vec<Value>> {
    let mut r = Reader::with_float_parser(rows.get(), parse_float);
    let mut out = Vec::new();
    let read = r.array(&mut |r| {
        let mut row = Vec::new();
        r.array(&mut |r| {
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
