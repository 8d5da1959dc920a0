//! Builtin functions, the `datetime`/`json`/`decimal` modules and imports.

use std::rc::Rc;

use crate::core::py::Int;
use crate::core::py::datetime::{Date, DateTime};
use crate::core::py::decimal::Decimal;
use crate::core::py::json::Json;
use crate::core::py::timedelta::{TdNum, TimeDelta, TimeDeltaArgs};

use super::call::Kw;
use super::orm::Native;
use super::value::{Dict, Value};
use super::{Interp, R};

const BUILTINS: &[&str] = &[
    "print",
    "len",
    "sorted",
    "sum",
    "range",
    "enumerate",
    "zip",
    "type",
    "isinstance",
    "repr",
    "str",
    "int",
    "float",
    "bool",
    "dict",
    "list",
    "set",
    "tuple",
    "getattr",
    "setattr",
    "hasattr",
    "round",
    "super",
    "min",
    "max",
    "abs",
    "any",
    "all",
    "reversed",
    "map",
    "filter",
    "iter",
    "next",
    "property",
    "classmethod",
    "staticmethod",
    "issubclass",
    "callable",
    "divmod",
    "pow",
    "format",
    "chr",
    "ord",
    "hash",
    "id",
    "object",
    "frozenset",
    "vars",
    "delattr",
    "hex",
    "bin",
    "oct",
    "ascii",
    "input",
    "open",
    "exec",
    "eval",
    "globals",
    "locals",
];

/// Names that are types (repr `<class 'x'>`).
pub fn is_type_name(n: &str) -> bool {
    matches!(
        n,
        "str"
            | "int"
            | "float"
            | "bool"
            | "dict"
            | "list"
            | "set"
            | "tuple"
            | "type"
            | "object"
            | "range"
            | "enumerate"
            | "zip"
            | "reversed"
            | "map"
            | "filter"
            | "property"
            | "classmethod"
            | "staticmethod"
            | "super"
            | "frozenset"
            | "datetime"
            | "date"
            | "timedelta"
            | "Decimal"
    )
}

/// Module objects.
pub fn is_module_like(n: &str) -> bool {
    matches!(n, "json" | "math" | "datetime_module" | "random" | "time")
}

impl Interp<'_> {
    /// A builtin by name.
    pub fn builtin_value(&mut self, name: &str) -> Option<Value> {
        if BUILTINS.contains(&name) {
            return Some(Value::Builtin(Rc::from(name)));
        }
        if let Some(c) = self.exc.get(name)
            && !name.contains('.')
            && (!is_sqla_exc(name)
                && !matches!(
                    name,
                    "NotFound" | "HTTPException" | "InvalidOperation" | "JSONDecodeError"
                ))
        {
            return Some(Value::Class(c.clone()));
        }
        match name {
            "__name__" => Some(Value::str("__main__")),
            "NotImplemented" => Some(Value::None),
            _ => None,
        }
    }

    /// Loads the prelude names into globals.
    pub fn load_prelude(&mut self) {
        let g = self.globals.clone();
        for n in ["datetime", "date", "timedelta"] {
            self.set_var(&g, n, Value::Builtin(Rc::from(n)));
        }
        for n in [
            "or_", "and_", "not_", "desc", "asc", "text", "select", "func",
        ] {
            self.set_var(&g, n, Value::Native(Rc::new(Native::SqlaFn(Rc::from(n)))));
        }
        let app = Value::Native(Rc::new(Native::App(std::cell::RefCell::new(Value::None))));
        self.orm.app = Some(app.clone());
        self.set_var(&g, "app", app);
        let db = Value::Native(Rc::new(Native::Db));
        self.set_var(&g, "db", db);
    }

    /// `import x`.
    pub fn import_module(&mut self, name: &str) -> R<Value> {
        match name {
            "json" | "math" | "random" | "time" => Ok(Value::Builtin(Rc::from(name))),
            "typing" => Ok(Value::Native(Rc::new(Native::Module(Rc::from(name))))),
            "datetime" => Ok(Value::Builtin(Rc::from("datetime_module"))),
            "decimal" | "flask" | "flask_sqlalchemy" | "flask_migrate" | "sqlalchemy"
            | "sqlalchemy.orm" | "sqlalchemy.exc" | "os" | "sys" => {
                Ok(Value::Native(Rc::new(Native::Module(Rc::from(name)))))
            }
            _ => self.raise("ModuleNotFoundError", format!("No module named '{name}'")),
        }
    }

    /// `from m import name`.
    pub fn import_from(&mut self, module: &str, name: &str) -> R<Value> {
        let v = match (module, name) {
            ("datetime", "datetime" | "date" | "timedelta") => Value::Builtin(Rc::from(name)),
            ("decimal", "Decimal") => Value::Builtin(Rc::from("Decimal")),
            ("decimal", "InvalidOperation") => Value::Class(self.exc["InvalidOperation"].clone()),
            ("json", "dumps" | "loads") => {
                Value::Builtin(Rc::from(format!("json.{name}").as_str()))
            }
            ("flask", "Flask") => Value::Native(Rc::new(Native::SqlaFn(Rc::from("Flask")))),
            (
                "flask",
                "abort" | "jsonify" | "request" | "render_template" | "redirect" | "url_for",
            ) => Value::Native(Rc::new(Native::SqlaFn(Rc::from(name)))),
            ("flask_sqlalchemy", "SQLAlchemy") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("SQLAlchemy"))))
            }
            ("flask_migrate", "Migrate") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("Migrate"))))
            }
            ("sqlalchemy.exc", n) if self.exc.contains_key(n) && is_sqla_exc(n) => {
                Value::Class(self.exc[n].clone())
            }
            ("werkzeug.exceptions", "NotFound" | "HTTPException") => {
                Value::Class(self.exc[name].clone())
            }
            (
                "sqlalchemy" | "sqlalchemy.orm" | "sqlalchemy.sql" | "sqlalchemy.sql.expression",
                _,
            ) => Value::Native(Rc::new(Native::SqlaFn(Rc::from(name)))),
            ("typing", _) => Value::Native(Rc::new(Native::SqlaFn(Rc::from(name)))),
            ("time", "perf_counter" | "perf_counter_ns" | "monotonic") => {
                Value::Builtin(Rc::from(format!("time.{name}").as_str()))
            }
            ("math", "sqrt" | "floor" | "ceil" | "pi") => {
                Value::Builtin(Rc::from(format!("math.{name}").as_str()))
            }
            _ => {
                let known = [
                    "datetime",
                    "decimal",
                    "json",
                    "flask",
                    "flask_sqlalchemy",
                    "flask_migrate",
                    "sqlalchemy",
                    "sqlalchemy.exc",
                    "sqlalchemy.orm",
                    "werkzeug.exceptions",
                    "math",
                    "time",
                ];
                if known.contains(&module) {
                    return self.raise(
                        "ImportError",
                        format!("cannot import name '{name}' from '{module}'"),
                    );
                }
                return self.raise("ModuleNotFoundError", format!("No module named '{module}'"));
            }
        };
        Ok(v)
    }

    /// Attributes of builtin callables used as namespaces (`datetime.utcnow`, `json.dumps`).
    pub fn builtin_attr(&mut self, owner: &str, name: &str) -> R<Option<Value>> {
        let full = match (owner, name) {
            ("datetime", "utcnow" | "now" | "strptime" | "fromisoformat" | "combine" | "today") => {
                format!("datetime.{name}")
            }
            ("date", "today" | "fromisoformat") => format!("date.{name}"),
            ("json", "dumps" | "loads") => format!("json.{name}"),
            ("math", "sqrt" | "floor" | "ceil") => format!("math.{name}"),
            ("math", "pi") => return Ok(Some(Value::Float(std::f64::consts::PI))),
            ("time", "perf_counter" | "perf_counter_ns" | "monotonic") => format!("time.{name}"),
            ("datetime_module", "datetime" | "date" | "timedelta") => name.to_string(),
            ("str", _) | ("list", _) | ("dict", _) => return Ok(None),
            _ => return Ok(None),
        };
        Ok(Some(Value::Builtin(Rc::from(full.as_str()))))
    }

    /// Calls a builtin.
    pub fn call_builtin(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let (min, max) = builtin_arity(name);
        if args.len() < min || args.len() > max {
            let n = args.len();
            let msg = if min == 1 && max == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else if n > max && matches!(name, "int" | "float" | "str" | "bool") {
                format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    if max == 1 { "" } else { "s" }
                )
            } else if n < min {
                format!(
                    "{name} expected {}{min} argument{}, got {n}",
                    if max > min { "at least " } else { "" },
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return self.raise("TypeError", msg);
        }
        match name {
            "print" => {
                let mut sep = " ".to_string();
                let mut end = "\n".to_string();
                for (k, v) in &kw {
                    match (&**k, v) {
                        ("sep", Value::Str(s)) => sep = s.to_string(),
                        ("end", Value::Str(s)) => end = s.to_string(),
                        ("sep" | "end", Value::None) => {}
                        ("flush" | "file", _) => {}
                        _ => {
                            return self.raise(
                                "TypeError",
                                format!("'{k}' is an invalid keyword argument for print()"),
                            );
                        }
                    }
                }
                let mut parts = Vec::with_capacity(args.len());
                for a in &args {
                    parts.push(self.to_str(a)?);
                }
                for a in &args {
                    self.record_table(a)?;
                }
                self.out.push_str(&parts.join(&sep));
                self.out.push_str(&end);
                Ok(Value::None)
            }
            "len" => {
                self.nargs("len", &args, 1, 1)?;
                let n = match &args[0] {
                    Value::Str(s) => s.chars().count(),
                    Value::List(l) => l.borrow().len(),
                    Value::Tuple(t) => t.len(),
                    Value::Dict(d) | Value::Set(d) => d.borrow().len(),
                    Value::Native(n) => return self.native_len(n.clone()),
                    v @ Value::Instance(i) if i.class.lookup("__len__").is_some() => {
                        let f = self.getattr(v, "__len__")?;
                        return self.call(&f, vec![], vec![]);
                    }
                    other => {
                        let t = self.type_name(other);
                        return self
                            .raise("TypeError", format!("object of type '{t}' has no len()"));
                    }
                };
                Ok(Value::int(n as i64))
            }
            "repr" => Ok(Value::str(&self.repr(&args[0])?)),
            "ascii" => {
                let r = self.repr(&args[0])?;
                Ok(Value::str(&crate::core::py::percent::ascii_escape(&r)))
            }
            "str" => match args.first() {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::str(&self.to_str(v)?)),
            },
            "int" => self.int_builtin(args),
            "float" => match args.first() {
                None => Ok(Value::Float(0.0)),
                Some(Value::Float(f)) => Ok(Value::Float(*f)),
                Some(Value::Int(i)) => Ok(Value::Float(self.py(i.to_f64())?)),
                Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                Some(Value::Str(s)) => Ok(Value::Float(
                    self.py(crate::core::py::float::parse_float(s))?,
                )),
                Some(Value::Decimal(d)) => Ok(Value::Float(d.to_f64())),
                Some(v) => {
                    let t = self.type_name(v);
                    self.raise(
                        "TypeError",
                        format!("float() argument must be a string or a real number, not '{t}'"),
                    )
                }
            },
            "bool" => match args.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(self.truthy(v)?)),
            },
            "list" => match args.first() {
                None => Ok(Value::list(vec![])),
                Some(v) => Ok(Value::list(self.iterate(v)?)),
            },
            "tuple" => match args.first() {
                None => Ok(Value::tuple(vec![])),
                Some(v) => Ok(Value::tuple(self.iterate(v)?)),
            },
            "set" | "frozenset" => match args.first() {
                None => self.make_set(vec![]),
                Some(v) => {
                    let items = self.iterate(v)?;
                    self.make_set(items)
                }
            },
            "dict" => {
                let mut d = Dict::new();
                if let Some(a) = args.first() {
                    let items = match a {
                        Value::Dict(_) | Value::Native(_) => self.mapping_items(a)?,
                        _ => {
                            let mut v = vec![];
                            for p in self.iterate(a)? {
                                if !matches!(p, Value::List(_) | Value::Tuple(_) | Value::Str(_)) {
                                    return self.raise("TypeError", format!("cannot convert dictionary update sequence element #{} to a sequence", v.len()));
                                }
                                let kv = self.iterate(&p)?;
                                if kv.len() != 2 {
                                    return self.raise("ValueError", format!("dictionary update sequence element #{} has length {}; 2 is required", v.len(), kv.len()));
                                }
                                v.push((kv[0].clone(), kv[1].clone()));
                            }
                            v
                        }
                    };
                    for (k, v) in items {
                        let h = self.hash_key(&k)?;
                        d.insert(h, k, v);
                    }
                }
                for (k, v) in kw {
                    d.insert(super::value::HKey::Str(k.clone()), Value::Str(k), v);
                }
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
            }
            "range" => {
                let mut n = vec![];
                for a in &args {
                    n.push(self.as_index(a)?);
                }
                let (start, stop, step) = match n.len() {
                    1 => (0, n[0], 1),
                    2 => (n[0], n[1], 1),
                    3 => (n[0], n[1], n[2]),
                    _ => {
                        return self.raise(
                            "TypeError",
                            format!("range expected at least 1 argument, got {}", n.len()),
                        );
                    }
                };
                if step == 0 {
                    return self.raise("ValueError", "range() arg 3 must not be zero");
                }
                let mut v = vec![];
                let mut i = start;
                while (step > 0 && i < stop) || (step < 0 && i > stop) {
                    if v.len() > 50_000_000 {
                        return self.raise("MemoryError", "");
                    }
                    v.push(Value::int(i));
                    i += step;
                }
                Ok(Value::list(v))
            }
            "enumerate" => {
                let items = self.iterate(&args[0])?;
                let start = match args
                    .get(1)
                    .or(kw.iter().find(|k| &*k.0 == "start").map(|k| &k.1))
                {
                    Some(v) => self.as_index(v)?,
                    None => 0,
                };
                Ok(Value::list(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| Value::tuple(vec![Value::int(i as i64 + start), v]))
                        .collect(),
                ))
            }
            "zip" => {
                let mut lists = vec![];
                for a in &args {
                    lists.push(self.iterate(a)?);
                }
                let n = lists.iter().map(|l| l.len()).min().unwrap_or(0);
                Ok(Value::list(
                    (0..n)
                        .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
                        .collect(),
                ))
            }
            "reversed" => {
                let mut v = self.iterate(&args[0])?;
                v.reverse();
                Ok(Value::list(v))
            }
            "iter" => Ok(Value::Native(Rc::new(Native::Iter(
                std::cell::RefCell::new((self.iterate(&args[0])?, 0)),
            )))),
            "next" => match args.first() {
                Some(Value::Native(n)) if matches!(**n, Native::Iter(_)) => {
                    let Native::Iter(st) = &**n else {
                        unreachable!()
                    };
                    let mut st = st.borrow_mut();
                    if st.1 < st.0.len() {
                        st.1 += 1;
                        Ok(st.0[st.1 - 1].clone())
                    } else if let Some(d) = args.get(1) {
                        Ok(d.clone())
                    } else {
                        drop(st);
                        self.raise("StopIteration", "")
                    }
                }
                Some(v) => {
                    let items = self.iterate(v)?;
                    match items.into_iter().next() {
                        Some(x) => Ok(x),
                        None => match args.get(1) {
                            Some(d) => Ok(d.clone()),
                            None => self.raise("StopIteration", ""),
                        },
                    }
                }
                None => self.raise("TypeError", "next expected at least 1 argument, got 0"),
            },
            "map" => {
                let f = args[0].clone();
                let mut lists = vec![];
                for a in &args[1..] {
                    lists.push(self.iterate(a)?);
                }
                let n = lists.iter().map(|l| l.len()).min().unwrap_or(0);
                let mut out = vec![];
                for i in 0..n {
                    out.push(self.call(
                        &f,
                        lists.iter().map(|l| l[i].clone()).collect(),
                        vec![],
                    )?);
                }
                Ok(Value::list(out))
            }
            "filter" => {
                let f = args[0].clone();
                let mut out = vec![];
                for v in self.iterate(&args[1])? {
                    let keep = if matches!(f, Value::None) {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&f, vec![v.clone()], vec![])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        out.push(v);
                    }
                }
                Ok(Value::list(out))
            }
            "sorted" => {
                self.nargs("sorted", &args, 1, 1)?;
                let items = self.iterate(&args[0])?;
                Ok(Value::list(self.sorted(items, kw)?))
            }
            "sum" => {
                let mut acc = args.get(1).cloned().unwrap_or(Value::int(0));
                for v in self.iterate(&args[0])? {
                    acc = self.binop(crate::core::lang::ast::BinOp::Add, acc, v)?;
                }
                Ok(acc)
            }
            "min" | "max" => {
                let items = if args.len() == 1 {
                    self.iterate(&args[0])?
                } else {
                    args.clone()
                };
                let key = kw.iter().find(|k| &*k.0 == "key").map(|k| k.1.clone());
                let default = kw.iter().find(|k| &*k.0 == "default").map(|k| k.1.clone());
                if items.is_empty() {
                    return match default {
                        Some(d) => Ok(d),
                        None => {
                            self.raise("ValueError", format!("{name}() arg is an empty sequence"))
                        }
                    };
                }
                let mut best = items[0].clone();
                let mut best_k = match &key {
                    Some(k) => self.call(k, vec![best.clone()], vec![])?,
                    None => best.clone(),
                };
                for v in items.into_iter().skip(1) {
                    let k = match &key {
                        Some(kf) => self.call(kf, vec![v.clone()], vec![])?,
                        None => v.clone(),
                    };
                    let op = if name == "min" {
                        crate::core::lang::ast::CmpOp::Lt
                    } else {
                        crate::core::lang::ast::CmpOp::Gt
                    };
                    let better = self.compare(op, &k, &best_k)?;
                    if self.truthy(&better)? {
                        best = v;
                        best_k = k;
                    }
                }
                Ok(best)
            }
            "abs" => match &args[0] {
                Value::Int(i) => Ok(Value::Int(i.abs())),
                Value::Bool(b) => Ok(Value::int(*b as i64)),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                Value::Decimal(d) => Ok(Value::Decimal(Rc::new(self.py(d.abs())?))),
                v => {
                    let t = self.type_name(v);
                    self.raise("TypeError", format!("bad operand type for abs(): '{t}'"))
                }
            },
            "any" | "all" => {
                let want = name == "any";
                for v in self.iterate(&args[0])? {
                    if self.truthy(&v)? == want {
                        return Ok(Value::Bool(want));
                    }
                }
                Ok(Value::Bool(!want))
            }
            "round" => self.round(args),
            "divmod" => {
                let q = self.binop(
                    crate::core::lang::ast::BinOp::FloorDiv,
                    args[0].clone(),
                    args[1].clone(),
                )?;
                let r = self.binop(
                    crate::core::lang::ast::BinOp::Mod,
                    args[0].clone(),
                    args[1].clone(),
                )?;
                Ok(Value::tuple(vec![q, r]))
            }
            "pow" => self.binop(
                crate::core::lang::ast::BinOp::Pow,
                args[0].clone(),
                args[1].clone(),
            ),
            "format" => {
                let spec = match args.get(1) {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                Ok(Value::str(&self.format_value(&args[0], &spec)?))
            }
            "chr" => {
                let i = self.as_index(&args[0])?;
                match char::from_u32(i as u32) {
                    Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
                    None => self.raise("ValueError", "chr() arg not in range(0x110000)"),
                }
            }
            "ord" => match &args[0] {
                Value::Str(s) if s.chars().count() == 1 => {
                    Ok(Value::int(s.chars().next().map(|c| c as i64).unwrap_or(0)))
                }
                _ => self.raise("TypeError", "ord() expected a character"),
            },
            "hash" => {
                let _ = self.hash_key(&args[0])?;
                Ok(Value::int(0))
            }
            "id" => Ok(Value::int(args[0].ptr().unwrap_or(0) as i64)),
            "callable" => Ok(Value::Bool(matches!(
                args[0],
                Value::Func(_)
                    | Value::Builtin(_)
                    | Value::BuiltinMethod(_)
                    | Value::Method(_)
                    | Value::Class(_)
            ))),
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
            "issubclass" => match (&args[0], &args[1]) {
                (Value::Class(a), Value::Class(b)) => Ok(Value::Bool(a.is_subclass(b))),
                _ => Ok(Value::Bool(false)),
            },
            "getattr" => {
                let Value::Str(n) = &args[1] else {
                    return self.raise("TypeError", "attribute name must be string");
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
                    return self.raise("TypeError", "attribute name must be string");
                };
                self.setattr(&args[0], n, args[2].clone())?;
                Ok(Value::None)
            }
            "hasattr" => {
                let Value::Str(n) = &args[1] else {
                    return self.raise("TypeError", "attribute name must be string");
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
            "property" => Ok(Value::Property(Rc::new(args[0].clone()))),
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
            "object" => Ok(Value::Instance(Rc::new(super::value::Instance {
                class: self.object_class.clone(),
                dict: Default::default(),
                orm: Default::default(),
            }))),
            "hex" | "bin" | "oct" => {
                let i = match &args[0] {
                    Value::Int(i) => i.clone(),
                    _ => return self.raise("TypeError", "an integer is required"),
                };
                let (p, r) = match name {
                    "hex" => ("0x", 16),
                    "bin" => ("0b", 2),
                    _ => ("0o", 8),
                };
                let sign = if i.is_negative() { "-" } else { "" };
                Ok(Value::str(&format!("{sign}{p}{}", i.abs_to_str_radix(r))))
            }
            "datetime" => {
                let mut n = [0i64; 7];
                let names = [
                    "year",
                    "month",
                    "day",
                    "hour",
                    "minute",
                    "second",
                    "microsecond",
                ];
                if args.len() < 3 && kw.is_empty() {
                    return self.raise(
                        "TypeError",
                        format!(
                            "function missing required argument '{}' (pos {})",
                            names[args.len()],
                            args.len() + 1
                        ),
                    );
                }
                for (i, a) in args.iter().enumerate().take(7) {
                    n[i] = self.int_arg(a)?;
                }
                for (k, v) in &kw {
                    match names.iter().position(|x| *x == &**k) {
                        Some(p) => n[p] = self.int_arg(v)?,
                        None => {
                            return self.raise(
                                "TypeError",
                                format!("'{k}' is an invalid keyword argument for this function"),
                            );
                        }
                    }
                }
                Ok(Value::DateTime(self.py(DateTime::new(
                    n[0], n[1], n[2], n[3], n[4], n[5], n[6],
                ))?))
            }
            "date" => {
                let mut n = [0i64; 3];
                if args.len() < 3 {
                    let names = ["year", "month", "day"];
                    return self.raise(
                        "TypeError",
                        format!(
                            "function missing required argument '{}' (pos {})",
                            names[args.len()],
                            args.len() + 1
                        ),
                    );
                }
                for (i, a) in args.iter().enumerate().take(3) {
                    n[i] = self.int_arg(a)?;
                }
                Ok(Value::Date(self.py(Date::new(n[0], n[1], n[2]))?))
            }
            "timedelta" => {
                let mut a = TimeDeltaArgs::default();
                let names = [
                    "days",
                    "seconds",
                    "microseconds",
                    "milliseconds",
                    "minutes",
                    "hours",
                    "weeks",
                ];
                let mut set = |k: &str, v: TdNum| match k {
                    "days" => a.days = v,
                    "seconds" => a.seconds = v,
                    "microseconds" => a.microseconds = v,
                    "milliseconds" => a.milliseconds = v,
                    "minutes" => a.minutes = v,
                    "hours" => a.hours = v,
                    _ => a.weeks = v,
                };
                for (i, v) in args.iter().enumerate() {
                    let t = self.td_num(v)?;
                    set(names[i.min(6)], t);
                }
                for (k, v) in &kw {
                    if !names.contains(&&**k) {
                        return self.raise(
                            "TypeError",
                            format!("'{k}' is an invalid keyword argument for __new__()"),
                        );
                    }
                    let t = self.td_num(v)?;
                    set(k, t);
                }
                Ok(Value::TimeDelta(self.py(TimeDelta::from_args(&a))?))
            }
            "Decimal" => match args.first() {
                None => Ok(Value::Decimal(Rc::new(self.py(Decimal::parse("0"))?))),
                Some(Value::Str(s)) => match Decimal::parse(s) {
                    Ok(d) => Ok(Value::Decimal(Rc::new(d))),
                    Err(_) => {
                        self.raise("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]")
                    }
                },
                Some(Value::Int(i)) => Ok(Value::Decimal(Rc::new(Decimal::from_int(i)))),
                Some(Value::Float(f)) => Ok(Value::Decimal(Rc::new(Decimal::from_f64(*f)))),
                Some(Value::Decimal(d)) => Ok(Value::Decimal(d.clone())),
                Some(v) => {
                    let t = self.type_name(v);
                    self.raise(
                        "TypeError",
                        format!("conversion from {t} to Decimal is not supported"),
                    )
                }
            },
            "datetime.utcnow" | "datetime.now" | "datetime.today" => Ok(Value::DateTime(
                self.py(DateTime::new(2024, 1, 1, 12, 0, 0, 0))?,
            )),
            "date.today" => Ok(Value::Date(self.py(Date::new(2024, 1, 1))?)),
            "datetime.fromisoformat" => match args.first() {
                Some(Value::Str(s)) => Ok(Value::DateTime(self.py(DateTime::fromisoformat(s))?)),
                _ => self.raise("TypeError", "fromisoformat: argument must be str"),
            },
            "date.fromisoformat" => match args.first() {
                Some(Value::Str(s)) => Ok(Value::Date(self.py(Date::fromisoformat(s))?)),
                _ => self.raise("TypeError", "fromisoformat: argument must be str"),
            },
            "datetime.strptime" => match (args.first(), args.get(1)) {
                (Some(Value::Str(s)), Some(Value::Str(f))) => {
                    Ok(Value::DateTime(self.py(DateTime::strptime(s, f))?))
                }
                _ => self.raise("TypeError", "strptime() argument 1 must be str"),
            },
            "json.dumps" => {
                let default = kw
                    .iter()
                    .find(|(k, _)| &**k == "default")
                    .map(|(_, v)| v.clone())
                    .filter(|v| !matches!(v, Value::None));
                self.json_default = default;
                let j = self.to_json(&args[0]);
                self.json_default = None;
                let j = j?;
                let mut opts = crate::core::py::json::DumpOptions::default();
                for (k, v) in &kw {
                    match (&**k, v) {
                        ("indent", Value::Int(i)) => {
                            opts.indent = Some(crate::core::py::json::Indent::Spaces(
                                i.to_i64().unwrap_or(0),
                            ))
                        }
                        ("indent", Value::None) => {}
                        ("sort_keys", b) => opts.sort_keys = self.truthy(b)?,
                        ("ensure_ascii", b) => opts.ensure_ascii = self.truthy(b)?,
                        ("default", _) => {}
                        ("separators", Value::Tuple(t)) if t.len() == 2 => {
                            if let (Value::Str(a), Value::Str(b)) = (&t[0], &t[1]) {
                                opts.separators = Some((a.to_string(), b.to_string()));
                            }
                        }
                        _ => {}
                    }
                }
                Ok(Value::str(
                    &self.py(crate::core::py::json::dumps(&j, &opts))?,
                ))
            }
            "json.loads" => match args.first() {
                Some(Value::Str(s)) => {
                    let j = self.py(crate::core::py::json::loads(s))?;
                    self.from_json(&j)
                }
                Some(v) => {
                    let t = self.type_name(v);
                    self.raise(
                        "TypeError",
                        format!("the JSON object must be str, bytes or bytearray, not {t}"),
                    )
                }
                None => self.raise(
                    "TypeError",
                    "loads() missing 1 required positional argument: 's'",
                ),
            },
            // Seconds from the backend's monotonic clock (the SQL log's clock).
            "time.perf_counter" | "time.monotonic" => {
                Ok(Value::Float(self.backend.now_ms() / 1000.0))
            }
            "time.perf_counter_ns" => Ok(Value::int((self.backend.now_ms() * 1e6) as i64)),
            "math.sqrt" => {
                let f = self.float_arg(&args[0])?;
                if f < 0.0 {
                    return self.raise("ValueError", "math domain error");
                }
                Ok(Value::Float(f.sqrt()))
            }
            "math.floor" | "math.ceil" => {
                let f = self.float_arg(&args[0])?;
                let r = if name == "math.floor" {
                    f.floor()
                } else {
                    f.ceil()
                };
                Ok(Value::Int(self.py(Int::from_f64(r))?))
            }
            "input" | "open" | "exec" | "eval" | "globals" | "locals" | "delattr" => {
                self.unsupported(&format!("`{name}()`"))
            }
            _ => self.raise("TypeError", format!("'{name}' is not callable")),
        }
    }

    fn float_arg(&mut self, v: &Value) -> R<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => self.py(i.to_f64()),
            Value::Bool(b) => Ok(*b as i64 as f64),
            _ => {
                let t = self.type_name(v);
                self.raise("TypeError", format!("must be real number, not {t}"))
            }
        }
    }

    fn int_arg(&mut self, v: &Value) -> R<i64> {
        match v {
            Value::Int(_) | Value::Bool(_) => self.as_index(v),
            _ => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("'{t}' object cannot be interpreted as an integer"),
                )
            }
        }
    }

    fn td_num(&mut self, v: &Value) -> R<TdNum> {
        match v {
            Value::Int(i) => Ok(TdNum::Int(i.to_i64().unwrap_or(0))),
            Value::Bool(b) => Ok(TdNum::Int(*b as i64)),
            Value::Float(f) => Ok(TdNum::Float(*f)),
            _ => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("unsupported type for timedelta days component: {t}"),
                )
            }
        }
    }

    fn int_builtin(&mut self, args: Vec<Value>) -> R<Value> {
        match args.first() {
            None => Ok(Value::int(0)),
            Some(Value::Int(i)) => Ok(Value::Int(i.clone())),
            Some(Value::Bool(b)) => Ok(Value::int(*b as i64)),
            Some(Value::Float(f)) => {
                if f.is_nan() {
                    return self.raise("ValueError", "cannot convert float NaN to integer");
                }
                if f.is_infinite() {
                    return self.raise("OverflowError", "cannot convert float infinity to integer");
                }
                Ok(Value::Int(self.py(Int::from_f64(f.trunc()))?))
            }
            Some(Value::Decimal(d)) => Ok(Value::Int(self.py(d.to_int())?)),
            Some(Value::Str(s)) => {
                let base = match args.get(1) {
                    Some(v) => self.as_index(v)? as u32,
                    None => 10,
                };
                match Int::from_str_radix(s, base) {
                    Ok(i) => Ok(Value::Int(i)),
                    Err(e) => self.raise("ValueError", e.message),
                }
            }
            Some(v) => {
                let t = self.type_name(v);
                self.raise("TypeError", format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"))
            }
        }
    }

    fn round(&mut self, args: Vec<Value>) -> R<Value> {
        let nd = match args.get(1) {
            None | Some(Value::None) => None,
            Some(v) => Some(self.as_index(v)?),
        };
        match (&args[0], nd) {
            (Value::Float(f), None) => Ok(Value::Int(
                self.py(crate::core::py::float::float_round_to_int(*f))?,
            )),
            (Value::Float(f), Some(n)) => {
                Ok(Value::Float(crate::core::py::float::float_round(*f, n)))
            }
            (Value::Int(i), None) => Ok(Value::Int(i.clone())),
            (Value::Int(i), Some(n)) => Ok(Value::Int(i.round(n))),
            (Value::Bool(b), _) => Ok(Value::int(*b as i64)),
            (Value::Decimal(d), None) => Ok(Value::Int(self.py(d.round_to_int())?)),
            (Value::Decimal(d), Some(n)) => {
                Ok(Value::Decimal(Rc::new(self.py(d.round_ndigits(n))?)))
            }
            (v, _) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("type {t} doesn't define __round__ method"),
                )
            }
        }
    }

    /// `sorted(items, key=, reverse=)` (stable).
    pub fn sorted(&mut self, items: Vec<Value>, kw: Kw) -> R<Vec<Value>> {
        let mut key = None;
        let mut reverse = false;
        for (k, v) in kw {
            match &*k {
                "key" => key = Some(v).filter(|v| !matches!(v, Value::None)),
                "reverse" => reverse = self.truthy(&v)?,
                _ => {
                    return self.raise(
                        "TypeError",
                        format!("'{k}' is an invalid keyword argument for sort()"),
                    );
                }
            }
        }
        let mut keyed = Vec::with_capacity(items.len());
        for v in items {
            let k = match &key {
                Some(f) => self.call(f, vec![v.clone()], vec![])?,
                None => v.clone(),
            };
            keyed.push((k, v));
        }
        // merge sort with fallible comparisons
        let mut err = None;
        let mut idx: Vec<usize> = (0..keyed.len()).collect();
        let keys: Vec<Value> = keyed.iter().map(|k| k.0.clone()).collect();
        let mut tmp = idx.clone();
        self.merge_sort(&keys, &mut idx, &mut tmp, reverse, &mut err);
        if let Some(e) = err {
            return Err(e);
        }
        Ok(idx.into_iter().map(|i| keyed[i].1.clone()).collect())
    }

    fn merge_sort(
        &mut self,
        keys: &[Value],
        v: &mut [usize],
        tmp: &mut [usize],
        rev: bool,
        err: &mut Option<Box<super::Exc>>,
    ) {
        let n = v.len();
        if n <= 1 || err.is_some() {
            return;
        }
        let mid = n / 2;
        {
            let (a, b) = v.split_at_mut(mid);
            let (ta, tb) = tmp.split_at_mut(mid);
            self.merge_sort(keys, a, ta, rev, err);
            self.merge_sort(keys, b, tb, rev, err);
        }
        let (mut i, mut j, mut k) = (0, mid, 0);
        while i < mid && j < n {
            let (x, y) = (&keys[v[i]], &keys[v[j]]);
            // take right first only when right < left (stability)
            let take_right = if rev {
                self.order(crate::core::lang::ast::CmpOp::Lt, x, y)
            } else {
                self.order(crate::core::lang::ast::CmpOp::Lt, y, x)
            };
            let take_right = match take_right {
                Ok(o) => o == std::cmp::Ordering::Less,
                Err(e) => {
                    *err = Some(e);
                    return;
                }
            };
            if take_right {
                tmp[k] = v[j];
                j += 1;
            } else {
                tmp[k] = v[i];
                i += 1;
            }
            k += 1;
        }
        while i < mid {
            tmp[k] = v[i];
            i += 1;
            k += 1;
        }
        while j < n {
            tmp[k] = v[j];
            j += 1;
            k += 1;
        }
        v.copy_from_slice(&tmp[..n]);
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => Value::Class(i.class.clone()),
            Value::Class(_) => Value::Builtin(Rc::from("type")),
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
                _ => Rc::ptr_eq(c, &self.object_class),
            },
            Value::Builtin(n) => {
                let tn = self.type_name(v);
                *tn == **n
                    || (&**n == "int" && tn == "bool")
                    || (&**n == "date" && tn == "datetime")
                    || &**n == "object"
            }
            _ => {
                return self.raise(
                    "TypeError",
                    "isinstance() arg 2 must be a type, a tuple of types, or a union",
                );
            }
        })
    }

    /// Python value → JSON.
    pub fn to_json(&mut self, v: &Value) -> R<Json> {
        Ok(match v {
            Value::None => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::Int(i.clone()),
            Value::Float(f) => Json::Float(*f),
            Value::Str(s) => Json::Str(s.to_string()),
            Value::List(_) | Value::Tuple(_) => {
                let items = self.iterate(v)?;
                let mut out = vec![];
                for i in &items {
                    out.push(self.to_json(i)?);
                }
                Json::Array(out)
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                let mut out = vec![];
                for (k, v) in items {
                    let ks = match &k {
                        Value::Str(s) => s.to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::Bool(b) => {
                            if *b {
                                "true".into()
                            } else {
                                "false".into()
                            }
                        }
                        Value::None => "null".into(),
                        Value::Float(f) => crate::core::py::float::float_repr(*f),
                        _ => {
                            let t = self.type_name(&k);
                            return self.raise(
                                "TypeError",
                                format!("keys must be str, int, float, bool or None, not {t}"),
                            );
                        }
                    };
                    out.push((ks, self.to_json(&v)?));
                }
                Json::Object(out)
            }
            other => {
                if let Some(f) = self.json_default.clone() {
                    let r = self.call(&f, vec![other.clone()], vec![])?;
                    self.json_default = Some(f);
                    return self.to_json(&r);
                }
                let t = self.type_name(other);
                return self.raise(
                    "TypeError",
                    format!("Object of type {t} is not JSON serializable"),
                );
            }
        })
    }

    /// JSON → Python value.
    pub fn from_json(&mut self, j: &Json) -> R<Value> {
        Ok(match j {
            Json::Null => Value::None,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(i) => Value::Int(i.clone()),
            Json::Float(f) => Value::Float(*f),
            Json::Str(s) => Value::str(s),
            Json::Array(a) => {
                let mut out = vec![];
                for x in a {
                    out.push(self.from_json(x)?);
                }
                Value::list(out)
            }
            Json::Object(o) => {
                let mut pairs = vec![];
                for (k, v) in o {
                    pairs.push((Value::str(k), self.from_json(v)?));
                }
                Value::dict_of(pairs)
            }
        })
    }
}

/// sqlalchemy.exc names.
pub fn is_sqla_exc(n: &str) -> bool {
    matches!(
        n,
        "SQLAlchemyError"
            | "StatementError"
            | "DBAPIError"
            | "IntegrityError"
            | "OperationalError"
            | "ProgrammingError"
            | "InvalidRequestError"
            | "NoResultFound"
            | "MultipleResultsFound"
            | "PendingRollbackError"
            | "ObjectDeletedError"
            | "DetachedInstanceError"
            | "ArgumentError"
            | "NoForeignKeysError"
            | "UnmappedInstanceError"
    )
}

/// (min, max) positional arguments of builtins.
fn builtin_arity(name: &str) -> (usize, usize) {
    match name {
        "len"
        | "repr"
        | "ascii"
        | "abs"
        | "any"
        | "all"
        | "reversed"
        | "iter"
        | "chr"
        | "ord"
        | "hash"
        | "id"
        | "callable"
        | "vars"
        | "property"
        | "classmethod"
        | "staticmethod"
        | "hex"
        | "bin"
        | "oct"
        | "json.loads"
        | "math.sqrt"
        | "math.floor"
        | "math.ceil"
        | "datetime.fromisoformat"
        | "date.fromisoformat" => (1, 1),
        "sorted" | "enumerate" | "json.dumps" => (1, 2),
        "time.perf_counter" | "time.perf_counter_ns" | "time.monotonic" => (0, 0),
        "isinstance" | "issubclass" | "divmod" | "datetime.strptime" => (2, 2),
        "getattr" => (2, 3),
        "hasattr" => (2, 2),
        "setattr" => (3, 3),
        "map" | "filter" => (2, usize::MAX),
        "sum" | "round" | "next" | "format" => (1, 2),
        "min" | "max" => (1, usize::MAX),
        "pow" => (2, 3),
        "int" | "str" => (0, 2),
        "float" | "bool" | "list" | "tuple" | "set" | "frozenset" | "dict" | "type" => (0, 1),
        "range" => (1, 3),
        "Decimal" => (0, 2),
        _ => (0, usize::MAX),
    }
}
