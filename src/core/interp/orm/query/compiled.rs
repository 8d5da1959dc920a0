//! `stmt.compile(...)`: a statement's SQL as SQLAlchemy's compilers print it (the default
//! dialect, or SQLite's for the engine), with its values as placeholders or written in
//! (`literal_binds`).

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::orm::dispatch::kwget;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::sql::Statement;

use super::QueryObj;

impl Interp<'_> {
    /// `stmt.compile(bind=None, dialect=None, compile_kwargs={...})`: the statement's SQL
    /// in SQLite's dialect when given the engine or its dialect, else the default one;
    /// `literal_binds` writes the values in.
    pub(super) fn compile_statement(&mut self, qo: &QueryObj, args: &[Value], kw: &Kw) -> R<Value> {
        let engine = |v: &Value| {
            matches!(v, Value::Native(n) if matches!(&**n,
                Native::Module(m) if &**m == "engine" || &**m == "engine.dialect"))
        };
        let sqlite = args.first().is_some_and(engine)
            || kw
                .iter()
                .any(|(k, v)| matches!(&**k, "bind" | "dialect") && engine(v));
        let literal = match kwget(kw, "compile_kwargs") {
            Some(Value::Dict(d)) => {
                let key = Value::str("literal_binds").hkey();
                let v = key.and_then(|k| d.borrow().get(&k).cloned());
                match v {
                    Some(v) => self.truthy(&v)?,
                    None => false,
                }
            }
            _ => false,
        };
        let stmt = if qo.dml.is_some() {
            self.dml_statement(qo)?
        } else {
            Statement::Select(self.loading_select(&qo.q)?)
        };
        let sql = crate::core::sql::render::render_compiled(&stmt, sqlite, literal);
        Ok(Value::Native(Rc::new(Native::Compiled(
            Rc::from(sql),
            sqlite,
        ))))
    }
}
