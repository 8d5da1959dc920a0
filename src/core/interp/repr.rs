//! `repr()`, `str()` and type names.

use std::rc::Rc;

use crate::core::py::float::float_repr;
use crate::core::py::strings::str_repr;

use super::value::{Instance, Value};
use super::{Interp, R};

impl Interp<'_> {
    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(l) => {
                if self.is_collection(l) {
                    "InstrumentedList".into()
                } else {
                    "list".into()
                }
            }
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Decimal(_) => "Decimal".into(),
            Value::Date(_) => "date".into(),
            Value::DateTime(_) => "datetime".into(),
            Value::TimeDelta(_) => "timedelta".into(),
            Value::Time(_) => "time".into(),
            Value::Func(_) => "function".into(),
            Value::Builtin(n) if &**n == "timezone.utc" => "timezone".into(),
            Value::Builtin(n) if &**n == "Ellipsis" => "ellipsis".into(),
            Value::Builtin(n) if matches!(&**n, "NO_VALUE" | "PASSIVE_NO_RESULT") => {
                "LoaderCallableStatus".into()
            }
            Value::Builtin(n) if n.starts_with("unbound:") => {
                let (ty, m) = n["unbound:".len()..].split_once('.').unwrap_or(("", ""));
                format!("<method '{m}' of '{ty}' objects>")
            }
            Value::Builtin(n) => {
                if super::builtins::is_type_name(n) {
                    "type".into()
                } else {
                    "builtin_function_or_method".into()
                }
            }
            // A library object's method is a Python method; a builtin type's is not.
            Value::BuiltinMethod(m) => match &m.0 {
                Value::Native(n)
                    if !matches!(
                        &**n,
                        super::orm::Native::Bytes(_)
                            | super::orm::Native::Hasher(..)
                            | super::orm::Native::Iter(_)
                            | super::orm::Native::Enumerate(_)
                            | super::orm::Native::Generator(_)
                    ) =>
                {
                    "method".into()
                }
                _ => "builtin_function_or_method".into(),
            },
            Value::Method(_) => "method".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.to_string(),
            Value::Property(_) => "property".into(),
            Value::ClassMethod(_) => "classmethod".into(),
            Value::StaticMethod(_) => "staticmethod".into(),
            Value::Super(_) => "super".into(),
            Value::Native(n) => n.type_name().into(),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> R<String> {
        self.depth += 1;
        if self.depth > super::MAX_DEPTH
            || self.stack_base.abs_diff(super::stack_probe()) > self.stack_budget()
        {
            self.depth -= 1;
            return self.raise(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            );
        }
        // A container met again inside its own repr: `[...]`, as CPython shows it.
        let container = match v {
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => v.ptr(),
            _ => None,
        };
        let r = match container {
            Some(p) if self.repr_active.contains(&p) => Ok(match v {
                Value::List(_) => "[...]".into(),
                Value::Tuple(_) => "(...)".into(),
                Value::Dict(_) => "{...}".into(),
                _ => "set(...)".into(),
            }),
            Some(p) => {
                self.repr_active.push(p);
                let r = self.repr_inner(v);
                self.repr_active.pop();
                r
            }
            None => self.repr_inner(v),
        };
        self.depth -= 1;
        r
    }

    fn repr_inner(&mut self, v: &Value) -> R<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => self.py(i.to_py_str())?,
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", self.join_repr(&items)?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    format!("({})", self.join_repr(t)?)
                }
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                let mut parts = vec![];
                for (k, v) in items {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let items = super::set_order::ordered_members(&d.borrow());
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_repr(&items)?)
                }
            }
            Value::Decimal(d) => d.repr(),
            Value::Date(d) => d.repr(),
            Value::DateTime(d) => d.repr(),
            Value::TimeDelta(t) => t.repr(),
            Value::Time(t) => t.repr(),
            Value::Func(f) => format!("<function {} at 0x7f0000000000>", f.qualname()),
            Value::Builtin(n) if &**n == "timezone.utc" => "datetime.timezone.utc".into(),
            Value::Builtin(n) if &**n == "Ellipsis" => "Ellipsis".into(),
            Value::Builtin(n) if &**n == "NO_VALUE" => "<LoaderCallableStatus.NO_VALUE: 4>".into(),
            Value::Builtin(n) if &**n == "PASSIVE_NO_RESULT" => {
                "<LoaderCallableStatus.PASSIVE_NO_RESULT: 0>".into()
            }
            Value::Builtin(n)
                if matches!(
                    &**n,
                    "timezone" | "date" | "datetime" | "time" | "timedelta"
                ) =>
            {
                format!("<class 'datetime.{n}'>")
            }
            Value::Builtin(n) if &**n == "Decimal" => "<class 'decimal.Decimal'>".into(),
            Value::Builtin(n) if n.starts_with("unbound:") => {
                let (ty, m) = n["unbound:".len()..].split_once('.').unwrap_or(("", ""));
                format!("<method '{m}' of '{ty}' objects>")
            }
            Value::Builtin(n) => {
                if super::builtins::is_type_name(n) || n.starts_with("decimal.") {
                    format!("<class '{n}'>")
                } else {
                    format!("<built-in function {n}>")
                }
            }
            Value::BuiltinMethod(m) => format!("<built-in method {}>", m.1),
            Value::Method(m) => {
                let name = match &m.1 {
                    Value::Func(f) => f.name.to_string(),
                    _ => "?".into(),
                };
                format!("<bound method {name}>")
            }
            // (An enum class's metaclass, `EnumType`, shows it so.)
            Value::Class(c) if self.is_enum_class(c) || Rc::ptr_eq(c, &self.enum_class) => {
                format!("<enum '{}'>", c.name)
            }
            Value::Class(c) => match self.class_module(c) {
                "builtins" => format!("<class '{}'>", c.name),
                m => format!("<class '{m}.{}'>", c.name),
            },
            Value::Instance(i) if self.is_enum_member(i) && i.class.own("__repr__").is_none() => {
                self.enum_member_text(i, true)?
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__repr__") {
                    let m = Value::Method(Rc::new((v.clone(), f)));
                    let r = self.call(&m, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => self.raise(
                            "TypeError",
                            format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&other)
                            ),
                        ),
                    };
                }
                return self.base_repr(i);
            }
            Value::Property(_) => "<property object>".into(),
            Value::ClassMethod(_) => "<classmethod object>".into(),
            Value::StaticMethod(_) => "<staticmethod object>".into(),
            Value::Super(_) => "<super object>".into(),
            Value::Native(n) => return self.native_repr(n.clone()),
        })
    }

    /// The repr an instance gets without a `__repr__` of its own class: an exception's
    /// (`ValueError('x')`), a model's (Flask-SQLAlchemy's `<User 1>`), else `object`'s.
    pub fn base_repr(&mut self, i: &Rc<Instance>) -> R<String> {
        if self.is_enum_member(i) {
            return self.enum_member_text(i, true);
        }
        if i.class.lookup_is_exception() {
            // werkzeug's HTTPException: `<NotFound '404: Not Found'>`.
            if i.class.inherits_named("HTTPException") {
                let (code, name) = {
                    let d = i.dict.borrow();
                    (d.get("code").cloned(), d.get("name").cloned())
                };
                let code = match code {
                    Some(Value::None) | None => "???".to_string(),
                    Some(c) => self.to_str(&c)?,
                };
                let name = match name {
                    Some(n) => self.to_str(&n)?,
                    None => "Unknown Error".to_string(),
                };
                return Ok(format!("<{} '{code}: {name}'>", i.class.name));
            }
            let args = i
                .dict
                .borrow()
                .get("args")
                .cloned()
                .unwrap_or(Value::tuple(vec![]));
            // `args` is a tuple (see `setattr`): its repr without the parentheses (and the
            // one-tuple's comma).
            let inner = match &args {
                Value::Tuple(t) => self.join_repr(t)?,
                other => self.repr(other)?,
            };
            return Ok(format!("{}({inner})", i.class.name));
        }
        if let Some(m) = i.class.model_info() {
            return self.model_repr(i, &m);
        }
        Ok(format!(
            "<__main__.{} object at 0x7f0000000000>",
            i.class.name
        ))
    }

    fn join_repr(&mut self, items: &[Value]) -> R<String> {
        let mut out = String::new();
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(v)?);
        }
        Ok(out)
    }

    /// `Enum.__str__` of member `i` (`v`): `Color.RED`; `IntEnum` and `StrEnum` members
    /// print as their values.
    pub fn enum_str(&mut self, i: &Rc<Instance>, v: &Value) -> R<String> {
        if i.class.lookup("_str_value_").is_some()
            && let Some(x) = self.mixin_value(v)
        {
            return self.to_str(&x);
        }
        self.enum_member_text(i, false)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Date(d) => Ok(d.isoformat()),
            Value::DateTime(d) => Ok(d.to_str()),
            Value::Builtin(n) if &**n == "timezone.utc" => Ok("UTC".into()),
            // (SQLAlchemy's loader sentinels are Enum members: `str()` is their name.)
            Value::Builtin(n) if matches!(&**n, "NO_VALUE" | "PASSIVE_NO_RESULT") => {
                Ok(format!("LoaderCallableStatus.{n}"))
            }
            Value::TimeDelta(t) => Ok(t.to_str()),
            Value::Time(t) => Ok(self.py(t.isoformat("auto"))?),
            Value::Decimal(d) => Ok(d.to_str()),
            Value::Instance(i) if self.is_enum_member(i) && i.class.own("__str__").is_none() => {
                self.enum_str(i, v)
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__str__") {
                    let m = Value::Method(Rc::new((v.clone(), f)));
                    let r = self.call(&m, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => self.raise(
                            "TypeError",
                            format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ),
                        ),
                    };
                }
                if i.class.lookup_is_exception() {
                    return super::exceptions::exc_default_str(self, i);
                }
                // (`object.__str__` calls the `__repr__` slot itself: what it returns is
                // checked as `str()`'s result.)
                if let Some(f) = i.class.lookup("__repr__") {
                    let m = Value::Method(Rc::new((v.clone(), f)));
                    return match self.call(&m, vec![], vec![])? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            self.raise(
                                "TypeError",
                                format!("__str__ returned non-string (type {t})"),
                            )
                        }
                    };
                }
                self.repr(v)
            }
            Value::Native(n) => self.native_str(n.clone()),
            _ => self.repr(v),
        }
    }
}
