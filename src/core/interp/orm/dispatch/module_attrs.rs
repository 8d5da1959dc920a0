//! Attributes of the modules scripts import (`import json`, `db.engine`...): the engine,
//! its URL and dialect (the in-memory SQLite database every app gets here), and the
//! names a module exports.

use super::*;

impl Interp<'_> {
    /// `m.name` for a module object `this` (`engine`, `engine.url`, `engine.dialect`, or
    /// an imported module).
    pub(super) fn module_attr(&mut self, m: &Rc<str>, this: &Value, name: &str) -> R<Value> {
        let method = |name: &str| {
            Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))))
        };
        if name == "__name__" {
            return Ok(Value::Str(m.clone()));
        }
        if let ("engine", "url") = (&**m, name) {
            return Ok(nv(Native::Module(Rc::from("engine.url"))));
        }
        // The URL `sqlite://` (the in-memory database every app gets here).
        if &**m == "engine.url" {
            return match name {
                "drivername" => Ok(Value::str("sqlite")),
                "get_backend_name" | "get_driver_name" | "render_as_string" => method(name),
                "host" | "database" | "username" | "password" | "port" => Ok(Value::None),
                "query" => Ok(Value::dict_of(vec![])),
                _ => self.no_attr("URL", name),
            };
        }
        if let ("engine" | "engine.dialect", "name") = (&**m, name) {
            return Ok(Value::str("sqlite"));
        }
        // (`SQLALCHEMY_ECHO` is forced off: the SQL log shows the statements.)
        if let ("engine", "echo") = (&**m, name) {
            return Ok(Value::Bool(false));
        }
        if let ("engine", "dialect") = (&**m, name) {
            return Ok(nv(Native::Module(Rc::from("engine.dialect"))));
        }
        if let ("engine" | "engine.dialect", "driver") = (&**m, name) {
            return Ok(Value::str("pysqlite"));
        }
        if let ("engine", "connect" | "begin") = (&**m, name) {
            return method(name);
        }
        if let "engine" | "engine.dialect" = &**m {
            let t = if &**m == "engine" {
                "Engine"
            } else {
                "SQLiteDialect_pysqlite"
            };
            return self.no_attr(t, name);
        }
        // (A name a module does not have is an AttributeError here, where `from m import
        // name` raises ImportError: `hasattr(os, 'x')` is False.)
        match self.import_from(m, name) {
            Err(e) if self.exc_matches(&e.value, &self.exc["ImportError"].clone()) => self.raise(
                "AttributeError",
                format!("module '{m}' has no attribute '{name}'"),
            ),
            other => other,
        }
    }
}
