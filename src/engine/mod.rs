//! The engine: one database plus everything that runs against it, driven by typed
//! [`Request`]s. The same engine runs natively (CLI, tests) and inside the Web
//! Worker (see `web::worker`), so the page never blocks on a query.

pub mod clock;
mod codec;
pub mod protocol;

#[cfg(feature = "db")]
mod runner;

pub use codec::request_json;
pub use protocol::{Block, BlockKind, EngineError, Request, Response};
#[cfg(feature = "db")]
pub use runner::Engine;

use crate::db::{Cell, Value};
use crate::json::{JsonError, RawJson, Reader};

/// Decodes rows sent as raw JSON (see [`Value::write_json`]); no rows when the text
/// is not an array of arrays.
pub fn decode_rows(rows: &RawJson) -> Vec<Vec<Value>> {
    read_rows(Reader::new(rows.get()), Value::read_json)
}

/// Decodes rows sent as raw JSON into grid cells (see [`Cell`]): numbers stay text.
pub fn decode_cells(rows: &RawJson) -> Vec<Vec<Cell>> {
    // Nothing here reads a number as a float.
    read_rows(
        Reader::with_float_parser(rows.get(), |_| None),
        Cell::read_json,
    )
}

fn read_rows<T>(
    mut r: Reader<'_>,
    item: fn(&mut Reader<'_>) -> Result<T, JsonError>,
) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let read = r.array(&mut |r| {
        let mut row = Vec::new();
        r.array(&mut |r| {
            row.push(item(r)?);
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
