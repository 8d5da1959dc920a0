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
        let (sqlite, literal) = self.compile_options(args, kw)?;
        let stmt = if qo.dml.is_some() {
            self.dml_statement(qo)?
        } else {
            Statement::Select(self.loading_select(&qo.q)?)
        };
        let (sql, named) = crate::core::sql::render::render_compiled_params(&stmt, sqlite, literal);
        let params = self.named_param_values(named)?;
        Ok(Value::Native(Rc::new(Native::Compiled(
            Rc::from(sql),
            sqlite,
            params.into(),
        ))))
    }

    /// A compiled statement's named parameters as `Compiled.params` holds them: each bound
    /// value as Python's, an expanding IN's as its whole list.
    pub(crate) fn named_param_values(
        &mut self,
        named: Vec<crate::core::sql::render::NamedParam>,
    ) -> R<Vec<(Rc<str>, Value)>> {
        let mut params = Vec::with_capacity(named.len());
        for (name, values, expanding) in named {
            let mut vs = Vec::with_capacity(values.len());
            for v in &values {
                vs.push(self.from_sql(v, None)?);
            }
            let v = match expanding {
                true => Value::list(vs),
                false => vs.pop().unwrap_or(Value::None),
            };
            params.push((Rc::from(name.as_str()), v));
        }
        Ok(params)
    }

    /// `compile_statement`'s arguments: SQLite's dialect (given the engine or its dialect),
    /// and `compile_kwargs={'literal_binds': True}`.
    pub(crate) fn compile_options(&mut self, args: &[Value], kw: &Kw) -> R<(bool, bool)> {
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
        Ok((sqlite, literal))
    }
}
