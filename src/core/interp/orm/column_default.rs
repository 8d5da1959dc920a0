//! `Column.default` / `onupdate` / `server_default`: SQLAlchemy's default objects
//! (`ScalarElementColumnDefault`, `CallableColumnDefault`, `ColumnElementColumnDefault`,
//! `DefaultClause`), their attributes and repr.

use std::rc::Rc;

use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::dispatch::nv;

/// The `kind` of `Native::ColumnDefault` for a name (`Column.default`...), if it is one.
pub(super) fn default_kind(name: &str) -> Option<u8> {
    match name {
        "default" => Some(0),
        "onupdate" => Some(1),
        "server_default" => Some(2),
        _ => None,
    }
}

/// The `(TextClause repr)` SQLAlchemy prints, with ormlab's fixed address.
const TEXT_CLAUSE: &str = "<sqlalchemy.sql.elements.TextClause object at 0x7f0000000000>";

impl Interp<'_> {
    /// The Python value a column's `default=` (0), `onupdate=` (1) or `server_default=` (2)
    /// was given (`None` when it was not, or was given `None`).
    fn default_arg(&self, t: &str, i: usize, kind: u8) -> Option<Value> {
        let tb = self.orm.reg.metadata.table(t)?;
        let c = tb.columns.get(i)?;
        let d = self.orm.defaults.get(&(t.to_string(), c.name.clone()))?;
        d.get(kind as usize)?
            .clone()
            .filter(|v| !matches!(v, Value::None))
    }

    /// `Column.default` / `.onupdate` / `.server_default`: the default object, or `None`.
    pub(super) fn column_default(&self, t: &Rc<str>, i: usize, kind: u8) -> Value {
        match self.default_arg(t, i, kind) {
            Some(_) => {
                let class = self.default_class(t, i, kind);
                nv(Native::ColumnDefault(t.clone(), i, kind, class))
            }
            None => Value::None,
        }
    }

    /// The default object's class name.
    fn default_class(&self, t: &str, i: usize, kind: u8) -> &'static str {
        match self.default_arg(t, i, kind) {
            _ if kind == 2 => "DefaultClause",
            Some(
                Value::Func(_)
                | Value::Builtin(_)
                | Value::BuiltinMethod(_)
                | Value::Method(_)
                | Value::Class(_),
            ) => "CallableColumnDefault",
            Some(Value::Native(n)) if matches!(&*n, Native::Sql(_) | Native::Text(..)) => {
                "ColumnElementColumnDefault"
            }
            _ => "ScalarElementColumnDefault",
        }
    }

    /// `repr()` of a default object (`ScalarElementColumnDefault('x')`,
    /// `DefaultClause('draft', for_update=False)`).
    pub(super) fn default_repr(&mut self, t: &str, i: usize, kind: u8) -> R<String> {
        let class = self.default_class(t, i, kind);
        let arg = match self.default_arg(t, i, kind) {
            Some(Value::Native(n)) if matches!(&*n, Native::Text(..)) => TEXT_CLAUSE.into(),
            Some(v) => self.repr(&v)?,
            None => "None".into(),
        };
        Ok(match kind {
            2 => format!("{class}({arg}, for_update=False)"),
            _ => format!("{class}({arg})"),
        })
    }

    /// Attributes of a default object.
    pub(super) fn default_getattr(
        &mut self,
        t: &Rc<str>,
        i: usize,
        kind: u8,
        name: &str,
    ) -> R<Value> {
        let class = self.default_class(t, i, kind);
        let server = kind == 2;
        let b = Value::Bool;
        Ok(match name {
            "arg" => self.default_arg(t, i, kind).unwrap_or(Value::None),
            "column" => nv(Native::ColumnObj(t.clone(), i)),
            "for_update" => b(kind == 1),
            "is_server_default" => b(server),
            "has_argument" if server => b(true),
            "reflected" if server => b(false),
            "is_callable" if !server => b(class == "CallableColumnDefault"),
            "is_scalar" if !server => b(class == "ScalarElementColumnDefault"),
            "is_clause_element" if !server => b(class == "ColumnElementColumnDefault"),
            "is_sequence" if !server => b(false),
            _ => {
                return self.no_attr(class, name);
            }
        })
    }
}
