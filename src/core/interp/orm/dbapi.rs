//! The engine's `connect` event and the DBAPI (`sqlite3`) connection its listeners are
//! given: `cursor()`, `execute()` and `close()`, run on the database as they are, outside
//! the SQL log (SQLAlchemy's echo does not see DBAPI calls).

use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::dispatch::nv;

/// The listener target naming the engine (`OrmState.listeners`).
pub const ENGINE_EVENTS: &str = "<engine>";

/// Whether the DBAPI connection (`cursor == false`) or a cursor has method `name` (what
/// [`Interp::dbapi_method`] runs).
pub fn has_method(cursor: bool, name: &str) -> bool {
    matches!(name, "execute" | "close") || (!cursor && matches!(name, "cursor" | "commit"))
}

impl Interp<'_> {
    /// The engine makes its one connection (`sqlite://`'s static pool), before its first
    /// statement: its `connect` listeners run, each once, with the DBAPI connection.
    pub fn engine_connect(&mut self) -> R<()> {
        self.orm.engine_connected = true;
        let fns: Vec<Value> = (self.orm.listeners.iter())
            .filter(|(t, ev, _)| {
                &**t == ENGINE_EVENTS && matches!(&**ev, "connect" | "first_connect")
            })
            .map(|(_, _, f)| f.clone())
            .collect();
        for f in fns {
            self.call(&f, vec![nv(Native::Dbapi(false)), Value::None], vec![])?;
        }
        Ok(())
    }

    /// Methods of the DBAPI connection (`cursor == false`) or of a cursor of it.
    pub fn dbapi_method(&mut self, cursor: bool, name: &str, args: Vec<Value>) -> R<Value> {
        match name {
            "cursor" if !cursor => Ok(nv(Native::Dbapi(true))),
            "execute" => {
                let Some(Value::Str(sql)) = args.first() else {
                    return self.raise("TypeError", "execute() argument 1 must be str");
                };
                let mut params = vec![];
                if let Some(p) = args.get(1) {
                    for v in self.iterate(p)? {
                        params.push(self.to_sql(&v, None)?);
                    }
                }
                if let Err(e) = self.backend.execute(sql, &params) {
                    return self.raise("sqlite3.OperationalError", e.message);
                }
                Ok(nv(Native::Dbapi(true)))
            }
            // (SQLite's own transaction is the session's: nothing to commit here.)
            "close" | "commit" => Ok(Value::None),
            _ => {
                let t = if cursor { "Cursor" } else { "Connection" };
                self.raise(
                    "AttributeError",
                    format!("'sqlite3.{t}' object has no attribute '{name}'"),
                )
            }
        }
    }
}
