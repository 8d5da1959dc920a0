//! Introspection builtins: `type`, `isinstance`, `issubclass`, `getattr`/`setattr`/`hasattr`,
//! `vars`, `callable`, `hash`, `id`, `property`/`classmethod`/`staticmethod`, `super`, `object`.

use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

use super::is_type_name;

impl Interp<'_> {
    /// The introspection builtins (`type`, `isinstance`, `getattr`, `super`...).
    pub(super) fn call_introspection_builtin(&mut self, name: &str, args: Vec<Value>) -> R<Value> {
        match name {
            "hash" => {
                // (A class's own `__hash__`: its result, an int.)
                if let Value::Instance(i) = &args[0]
                    && let Some(f @ Value::Func(_)) = crate::core::interp::eval_expr::own_hash(i)
                {
                    let m = Value::Method(Rc::new((args[0].clone(), f)));
                    return match self.call(&m, vec![], vec![])? {
                        v @ Value::Int(_) => Ok(v),
                        Value::Bool(b) => Ok(Value::int(b as i64)),
                        _ => self.raise("TypeError", "__hash__ method should return an integer"),
                    };
                }
                let k = self.hash_key(&args[0])?;
                Ok(Value::int(match super::super::set_order::python_hash(&k) {
                    Some(h) => h,
                    // (An object's hash is its address's: not the same from run to run.)
                    None => (args[0].ptr().unwrap_or(0) >> 4) as i64,
                }))
            }
            "id" => Ok(Value::int(args[0].ptr().unwrap_or(0) as i64)),
            "callable" => Ok(Value::Bool(match &args[0] {
                Value::Func(_)
                | Value::Builtin(_)
                | Value::BuiltinMethod(_)
                | Value::Method(_)
                | Value::Class(_) => true,
                // (An object whose class defines `__call__`.)
                Value::Instance(i) => i.class.lookup("__call__").is_some(),
                _ => false,
            })),
            "type" => {
                if args.len() != 1 {
                    return self.unsupported("`type()` with three arguments");
                }
                Ok(self.type_of(&args[0]))
            }
            "isinstance" => {
                let r = self.isinstance(&args[0], &args[1])?;
                Ok(Value::Bool(r))
            }
            // (A tuple of classes: a subclass of any of them.)
            "issubclass" if let Value::Tuple(t) = &args[1] => {
                let t = t.clone();
                for c in t.iter() {
                    if let Value::Bool(true) =
                        self.call_builtin("issubclass", vec![args[0].clone(), c.clone()], vec![])?
                    {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }
            "issubclass" => match (&args[0], &args[1]) {
                (Value::Class(a), Value::Class(b)) => Ok(Value::Bool(a.is_subclass(b))),
                (Value::Class(_), Value::Builtin(b)) if &**b == "object" => Ok(Value::Bool(true)),
                // (Of the builtin types here, `bool` derives from `int` and `datetime`
                // from `date`.)
                (Value::Builtin(a), Value::Builtin(b)) => Ok(Value::Bool(
                    a == b
                        || &**b == "object"
                        || matches!((&**a, &**b), ("bool", "int") | ("datetime", "date")),
                )),
                (Value::Class(a), Value::Native(n)) if n.is_model_base() => {
                    Ok(Value::Bool(a.model_info().is_some()))
                }
                _ => Ok(Value::Bool(false)),
            },
            "getattr" => {
                let Value::Str(n) = &args[1] else {
                    let t = self.qual_type_name(&args[1]);
                    return self.raise(
                        "TypeError",
                        format!("attribute name must be string, not '{t}'"),
                    );
                };
                match self.getattr(&args[0], n) {
                    Ok(v) => Ok(v),
                    Err(e)
                        if args.len() > 2
                            && self.exc_matches(&e.value, &self.exc["AttributeError"].clone()) =>
                    {
                        Ok(args[2].clone())
                    }
                    Err(e) => Err(e),
                }
            }
            "setattr" => {
                let Value::Str(n) = &args[1] else {
                    let t = self.qual_type_name(&args[1]);
                    return self.raise(
                        "TypeError",
                        format!("attribute name must be string, not '{t}'"),
                    );
                };
                self.setattr(&args[0], n, args[2].clone())?;
                Ok(Value::None)
            }
            "hasattr" => {
                let Value::Str(n) = &args[1] else {
                    let t = self.qual_type_name(&args[1]);
                    return self.raise(
                        "TypeError",
                        format!("attribute name must be string, not '{t}'"),
                    );
                };
                match self.getattr(&args[0], n) {
                    Ok(_) => Ok(Value::Bool(true)),
                    Err(e) if self.exc_matches(&e.value, &self.exc["AttributeError"].clone()) => {
                        Ok(Value::Bool(false))
                    }
                    Err(e) => Err(e),
                }
            }
            "vars" => self.getattr(&args[0], "__dict__"),
            "property" => Ok(Value::Property(Rc::new(
                crate::core::interp::methods::make_property(
                    args[0].clone(),
                    args.get(1).cloned().unwrap_or(Value::None),
                    args.get(2).cloned().unwrap_or(Value::None),
                ),
            ))),
            "classmethod" => Ok(Value::ClassMethod(Rc::new(args[0].clone()))),
            "staticmethod" => Ok(Value::StaticMethod(Rc::new(args[0].clone()))),
            "super" => {
                if !args.is_empty()
                    && let (Value::Class(c), Some(o)) = (&args[0], args.get(1))
                {
                    return Ok(Value::Super(Rc::new((c.clone(), o.clone()))));
                }
                match self.orm.method_stack.last().cloned() {
                    Some((c, this)) => Ok(Value::Super(Rc::new((c, this)))),
                    None => self.raise("RuntimeError", "super(): no arguments"),
                }
            }
            "object" => Ok(Value::Instance(Rc::new(Instance {
                class: self.object_class.clone(),
                dict: Default::default(),
                orm: Default::default(),
            }))),
            _ => self.not_callable(name),
        }
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => Value::Class(i.class.clone()),
            // (Flask-SQLAlchemy's models' metaclass.)
            Value::Class(c) if self.orm.is_model_class(c) => {
                Value::Native(Rc::new(Native::TypeObj(Rc::from("DefaultMeta"))))
            }
            Value::Class(_) => Value::Builtin(Rc::from("type")),
            // A column type's class: `Integer`, `String`...
            Value::Native(n) if matches!(&**n, Native::ColumnType(_)) => {
                let r = self.str_of_native_type(n);
                Value::Native(Rc::new(Native::TypeObj(Rc::from(r.as_str()))))
            }
            // (A query of the script's query class is one of that class.)
            Value::Native(n)
                if let Native::Query(q) = &**n
                    && let Some(c) = &q.class =>
            {
                Value::Class(c.clone())
            }
            Value::Native(n) => Value::Native(Rc::new(Native::TypeObj(Rc::from(n.type_name())))),
            other => {
                let t = self.type_name(other);
                if is_type_name(&t) {
                    Value::Builtin(Rc::from(t.as_str()))
                } else {
                    Value::Native(Rc::new(Native::TypeObj(Rc::from(t.as_str()))))
                }
            }
        }
    }

    fn str_of_native_type(&self, n: &Native) -> String {
        match n {
            Native::ColumnType(t) => {
                let r = t.py_repr();
                r.split('(').next().unwrap_or("TypeEngine").to_string()
            }
            _ => n.type_name().to_string(),
        }
    }

    /// `isinstance(v, t)`.
    pub fn isinstance(&mut self, v: &Value, t: &Value) -> R<bool> {
        Ok(match t {
            Value::Tuple(ts) => {
                for x in ts.iter() {
                    if self.isinstance(v, x)? {
                        return Ok(true);
                    }
                }
                false
            }
            Value::Class(c) => match v {
                Value::Instance(i) => i.class.is_subclass(c),
                Value::Native(n)
                    if let Native::Query(q) = &**n
                        && let Some(qc) = &q.class =>
                {
                    qc.is_subclass(c)
                }
                _ => Rc::ptr_eq(c, &self.object_class),
            },
            Value::Builtin(n) => {
                let tn = self.type_name(v);
                if *tn == **n
                    || (&**n == "int" && tn == "bool")
                    || (&**n == "date" && tn == "datetime")
                    // (A relationship collection, `InstrumentedList`, is a `list` subclass.)
                    || (&**n == "list" && matches!(v, Value::List(_)))
                    || &**n == "object"
                {
                    return Ok(true);
                }
                // (A member of an enum mixing in `int` or `str` is one.)
                match self.mixin_value(v) {
                    Some(x) => self.isinstance(&x, t)?,
                    None => false,
                }
            }
            // `isinstance(col.type, db.String)`: the column type's class or a base of it.
            Value::Native(n) if let Native::ColumnType(want) = &**n => match v {
                Value::Native(x) => {
                    matches!(&**x, Native::ColumnType(have) if have.is_a(want.class_name()))
                }
                _ => false,
            },
            // `isinstance(obj, db.Model)`: any mapped class's instance.
            Value::Native(n) if n.is_model_base() => {
                matches!(v, Value::Instance(i) if i.class.model_info().is_some())
            }
            // `isinstance(c, db.UniqueConstraint)`, `isinstance(x, type(y))`: SQLAlchemy's
            // schema classes (and any native's own type) by name.
            Value::Native(n)
                if let Native::SqlaFn(name) | Native::TypeObj(name) = &**n
                    && let short = name.strip_prefix("db.").unwrap_or(name)
                    && (matches!(&**n, Native::TypeObj(_))
                        || crate::core::words::has(SCHEMA_CLASSES, short)) =>
            {
                let have = self.type_name(v);
                match short {
                    "Constraint" => have.ends_with("Constraint"),
                    // (`db.Table` is Flask-SQLAlchemy's subclass of `Table`: a model's
                    // `__table__` is a plain one.)
                    "Table" if name.starts_with("db.") => match v {
                        Value::Native(t) if let Native::Table(t) = &**t => {
                            !self.orm.reg.maps_table(t)
                        }
                        _ => false,
                    },
                    _ => have == short,
                }
            }
            _ => {
                return self.raise(
                    "TypeError",
                    "isinstance() arg 2 must be a type, a tuple of types, or a union",
                );
            }
        })
    }
}

/// SQLAlchemy's schema classes and the Flask extension classes that `isinstance` takes
/// (by their objects' type names).
const SCHEMA_CLASSES: &str = "CheckConstraint Column Constraint Flask ForeignKey \
    ForeignKeyConstraint Index MetaData Migrate PrimaryKeyConstraint Query SQLAlchemy Table \
    UniqueConstraint";
