//! `regexp(pattern, value)`, which SQLAlchemy's pysqlite dialect registers on every
//! connection so that `x REGEXP y` (`col.regexp_match(...)`) works on SQLite: Python's
//! `re.search(pattern, value) is not None` (NULL for a NULL value), here with the
//! `re` engine of `core::py::regex`. A bad pattern or a non-text argument fails the
//! statement as a raising Python function does.

use crate::core::py::regex::{Mode, Regex};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Error};

fn raised() -> Error {
    Error::UserFunctionError("user-defined function raised exception".into())
}

/// Registers `regexp()` on `conn`.
pub(super) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("regexp", 2, flags, |ctx| {
        let value = match ctx.get_raw(1) {
            ValueRef::Null => return Ok(None),
            ValueRef::Text(t) => std::str::from_utf8(t).map_err(|_| raised())?,
            _ => return Err(raised()),
        };
        // (The compiled pattern is kept with the statement while its argument is
        // constant.)
        let re = ctx.get_or_create_aux(0, |v| match v {
            ValueRef::Text(p) => {
                let p = std::str::from_utf8(p).map_err(|_| raised())?;
                Regex::new(p, 0).map_err(|_| raised())
            }
            _ => Err(raised()),
        })?;
        let text: Vec<char> = value.chars().collect();
        let found = re
            .find(&text, 0, Mode::Search, None)
            .map_err(|_| raised())?;
        Ok(Some(found.is_some()))
    })
}
