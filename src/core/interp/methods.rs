//! Attributes and methods of builtin values (str, list, dict, set, tuple, date, datetime,
//! Decimal...).

use std::rc::Rc;

use crate::core::py::Int;
use crate::core::py::strings as ps;

use super::call::Kw;
use super::value::Value;
use super::{Interp, R};

const STR_METHODS: &[&str] = &[
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "join",
    "replace",
    "startswith",
    "endswith",
    "find",
    "rfind",
    "index",
    "count",
    "format",
    "title",
    "capitalize",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "zfill",
    "ljust",
    "rjust",
    "center",
    "splitlines",
    "partition",
    "rpartition",
    "swapcase",
    "casefold",
    "encode",
    "removeprefix",
    "removesuffix",
    "isnumeric",
    "isdecimal",
    "isidentifier",
];
const LIST_METHODS: &[&str] = &[
    "append", "extend", "pop", "insert", "remove", "index", "count", "sort", "reverse", "copy",
    "clear",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "setdefault",
    "update",
    "copy",
    "clear",
    "popitem",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "union",
    "intersection",
    "difference",
    "issubset",
    "issuperset",
    "copy",
    "pop",
    "update",
    "clear",
    "symmetric_difference",
    "isdisjoint",
];

impl Interp<'_> {
    /// Attribute of a non-instance value.
    pub fn value_getattr(&mut self, obj: &Value, name: &str) -> R<Value> {
        let bm = |n: &str| Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(n)))));
        match obj {
            Value::Str(_) if STR_METHODS.contains(&name) => return bm(name),
            Value::List(_) if LIST_METHODS.contains(&name) => return bm(name),
            Value::Dict(_) if DICT_METHODS.contains(&name) => return bm(name),
            Value::Set(_) if SET_METHODS.contains(&name) => return bm(name),
            Value::Tuple(_) if matches!(name, "index" | "count") => return bm(name),
            Value::Int(i) => match name {
                "real" | "numerator" => return Ok(obj.clone()),
                "bit_length" => return bm(name),
                "imag" => return Ok(Value::int(0)),
                "denominator" => return Ok(Value::int(1)),
                _ => {
                    let _ = i;
                }
            },
            Value::Float(_) if matches!(name, "is_integer" | "hex") => return bm(name),
            Value::Date(d) => match name {
                "year" => return Ok(Value::int(d.year() as i64)),
                "month" => return Ok(Value::int(d.month() as i64)),
                "day" => return Ok(Value::int(d.day() as i64)),
                "isoformat" | "strftime" | "weekday" | "isoweekday" | "replace" | "toordinal" => {
                    return bm(name);
                }
                _ => {}
            },
            Value::DateTime(d) => match name {
                "year" => return Ok(Value::int(d.year() as i64)),
                "month" => return Ok(Value::int(d.month() as i64)),
                "day" => return Ok(Value::int(d.day() as i64)),
                "hour" => return Ok(Value::int(d.hour() as i64)),
                "minute" => return Ok(Value::int(d.minute() as i64)),
                "second" => return Ok(Value::int(d.second() as i64)),
                "microsecond" => return Ok(Value::int(d.microsecond() as i64)),
                "isoformat" | "strftime" | "date" | "weekday" | "isoweekday" | "replace"
                | "timestamp" => return bm(name),
                _ => {}
            },
            Value::TimeDelta(t) => match name {
                "days" => return Ok(Value::int(t.days())),
                "seconds" => return Ok(Value::int(t.seconds())),
                "microseconds" => return Ok(Value::int(t.microseconds())),
                "total_seconds" => return bm(name),
                _ => {}
            },
            Value::Decimal(_) if matches!(name, "quantize" | "normalize" | "sqrt" | "is_zero") => {
                return bm(name);
            }
            Value::Func(f) => match name {
                "__name__" | "__qualname__" => return Ok(Value::Str(f.name.clone())),
                _ => {}
            },
            Value::Builtin(n) => {
                if name == "__name__" {
                    return Ok(Value::str(n.rsplit('.').next().unwrap_or(n)));
                }
                if let Some(v) = self.builtin_attr(n, name)? {
                    return Ok(v);
                }
            }
            Value::Native(n) => return self.native_getattr(n.clone(), obj, name),
            _ => {}
        }
        let tn = self.type_name(obj);
        match obj {
            Value::Builtin(n)
                if super::builtins::is_type_name(n)
                    || n.contains('.')
                    || super::builtins::is_module_like(n) =>
            {
                if super::builtins::is_module_like(n) {
                    self.raise(
                        "AttributeError",
                        format!("module '{n}' has no attribute '{name}'"),
                    )
                } else {
                    self.raise(
                        "AttributeError",
                        format!("type object '{n}' has no attribute '{name}'"),
                    )
                }
            }
            _ => self.raise(
                "AttributeError",
                format!("'{tn}' object has no attribute '{name}'"),
            ),
        }
    }

    fn arg_str(&mut self, args: &[Value], i: usize, what: &str) -> R<Option<String>> {
        match args.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(v) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("{what} arg must be None or str, not {t}"),
                )
            }
        }
    }

    /// Calls a method of a builtin value.
    pub fn call_method(&mut self, recv: &Value, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let min = method_min_args(recv, name);
        if args.len() < min {
            let n = args.len();
            let plural = if min == 1 { "" } else { "s" };
            return self.raise(
                "TypeError",
                if min == 1
                    && matches!(
                        name,
                        "append"
                            | "remove"
                            | "index"
                            | "count"
                            | "add"
                            | "discard"
                            | "extend"
                            | "join"
                    )
                {
                    let owner = match recv {
                        Value::List(_) => "list.",
                        Value::Set(_) => "set.",
                        Value::Str(_) => "str.",
                        _ => "",
                    };
                    format!("{owner}{name}() takes exactly one argument ({n} given)")
                } else {
                    format!("{name} expected at least {min} argument{plural}, got {n}")
                },
            );
        }
        match recv {
            Value::Str(s) => self.str_method(s.clone(), name, args, kw),
            Value::List(l)
                if self
                    .orm
                    .collection_owner
                    .contains_key(&(Rc::as_ptr(l) as *const u8 as usize))
                    && matches!(
                        name,
                        "append" | "extend" | "remove" | "insert" | "pop" | "clear"
                    ) =>
            {
                let ptr = Rc::as_ptr(l) as *const u8 as usize;
                let before = l.borrow().clone();
                let plain = Value::List(l.clone());
                // run the plain list operation on the same list object
                self.orm
                    .collection_owner
                    .remove(&ptr)
                    .map(|o| (ptr, o))
                    .map(|(p, o)| {
                        let r = self.call_method(&plain, name, args.clone(), kw.clone());
                        self.orm.collection_owner.insert(p, o);
                        r
                    })
                    .unwrap_or(Ok(Value::None))
                    .and_then(|r| {
                        let after = l.borrow().clone();
                        let added: Vec<Value> = after
                            .iter()
                            .filter(|a| !before.iter().any(|b| super::ops::is_same(a, b)))
                            .cloned()
                            .collect();
                        let removed: Vec<Value> = before
                            .iter()
                            .filter(|b| !after.iter().any(|a| super::ops::is_same(a, b)))
                            .cloned()
                            .collect();
                        self.collection_changed(ptr, &added, &removed)?;
                        Ok(r)
                    })
            }
            Value::List(l) => {
                let l = l.clone();
                match name {
                    "append" => {
                        self.nargs("list.append", &args, 1, 1)?;
                        l.borrow_mut().push(args[0].clone());
                        Ok(Value::None)
                    }
                    "extend" => {
                        let items = self.iterate(&args[0])?;
                        l.borrow_mut().extend(items);
                        Ok(Value::None)
                    }
                    "insert" => {
                        let i = self.as_index(&args[0])?;
                        let len = l.borrow().len() as i64;
                        let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
                        l.borrow_mut().insert(j, args[1].clone());
                        Ok(Value::None)
                    }
                    "pop" => {
                        let len = l.borrow().len();
                        if len == 0 {
                            return self.raise("IndexError", "pop from empty list");
                        }
                        let i = match args.first() {
                            Some(v) => self.as_index(v)?,
                            None => -1,
                        };
                        match crate::core::py::slice::normalize_index(i, len, "pop") {
                            Ok(j) => Ok(l.borrow_mut().remove(j)),
                            Err(e) => self.raise("IndexError", e.message),
                        }
                    }
                    "remove" => {
                        let items = l.borrow().clone();
                        for (i, v) in items.iter().enumerate() {
                            if self.eq(v, &args[0])? {
                                l.borrow_mut().remove(i);
                                return Ok(Value::None);
                            }
                        }
                        self.raise("ValueError", "list.remove(x): x not in list")
                    }
                    "index" => {
                        let items = l.borrow().clone();
                        for (i, v) in items.iter().enumerate() {
                            if self.eq(v, &args[0])? {
                                return Ok(Value::int(i as i64));
                            }
                        }
                        let r = self.repr(&args[0])?;
                        self.raise("ValueError", format!("{r} is not in list"))
                    }
                    "count" => {
                        let items = l.borrow().clone();
                        let mut n = 0;
                        for v in &items {
                            if self.eq(v, &args[0])? {
                                n += 1;
                            }
                        }
                        Ok(Value::int(n))
                    }
                    "sort" => {
                        let items = l.borrow().clone();
                        let sorted = self.sorted(items, kw)?;
                        *l.borrow_mut() = sorted;
                        Ok(Value::None)
                    }
                    "reverse" => {
                        l.borrow_mut().reverse();
                        Ok(Value::None)
                    }
                    "copy" => Ok(Value::list(l.borrow().clone())),
                    "clear" => {
                        l.borrow_mut().clear();
                        Ok(Value::None)
                    }
                    _ => self.raise(
                        "AttributeError",
                        format!("'list' object has no attribute '{name}'"),
                    ),
                }
            }
            Value::Tuple(t) => {
                let items = (**t).clone();
                let mut n = 0;
                for (i, v) in items.iter().enumerate() {
                    if self.eq(v, &args[0])? {
                        if name == "index" {
                            return Ok(Value::int(i as i64));
                        }
                        n += 1;
                    }
                }
                if name == "index" {
                    return self.raise("ValueError", "tuple.index(x): x not in tuple");
                }
                Ok(Value::int(n))
            }
            Value::Dict(d) => {
                let d = d.clone();
                match name {
                    "get" => {
                        let h = self.hash_key(&args[0])?;
                        Ok(d.borrow()
                            .get(&h)
                            .cloned()
                            .unwrap_or(args.get(1).cloned().unwrap_or(Value::None)))
                    }
                    "keys" => Ok(Value::list(d.borrow().keys())),
                    "values" => Ok(Value::list(
                        d.borrow().iter().map(|e| e.1.clone()).collect(),
                    )),
                    "items" => Ok(Value::list(
                        d.borrow()
                            .iter()
                            .map(|e| Value::tuple(vec![e.0.clone(), e.1.clone()]))
                            .collect(),
                    )),
                    "pop" => {
                        let h = self.hash_key(&args[0])?;
                        let r = d.borrow_mut().remove(&h);
                        match r {
                            Some((_, v)) => Ok(v),
                            None => match args.get(1) {
                                Some(dv) => Ok(dv.clone()),
                                None => self.key_error(&args[0]),
                            },
                        }
                    }
                    "setdefault" => {
                        let h = self.hash_key(&args[0])?;
                        let cur = d.borrow().get(&h).cloned();
                        match cur {
                            Some(v) => Ok(v),
                            None => {
                                let v = args.get(1).cloned().unwrap_or(Value::None);
                                d.borrow_mut().insert(h, args[0].clone(), v.clone());
                                Ok(v)
                            }
                        }
                    }
                    "update" => {
                        if let Some(a) = args.first() {
                            let items = match a {
                                Value::Dict(_) | Value::Native(_) => self.mapping_items(a)?,
                                _ => {
                                    let mut v = vec![];
                                    for p in self.iterate(a)? {
                                        let kv = self.iterate(&p)?;
                                        v.push((kv[0].clone(), kv[1].clone()));
                                    }
                                    v
                                }
                            };
                            for (k, v) in items {
                                let h = self.hash_key(&k)?;
                                d.borrow_mut().insert(h, k, v);
                            }
                        }
                        for (k, v) in kw {
                            d.borrow_mut().insert(
                                super::value::HKey::Str(k.clone()),
                                Value::Str(k),
                                v,
                            );
                        }
                        Ok(Value::None)
                    }
                    "copy" => Ok(Value::Dict(Rc::new(std::cell::RefCell::new(
                        d.borrow().clone(),
                    )))),
                    "clear" => {
                        *d.borrow_mut() = Default::default();
                        Ok(Value::None)
                    }
                    "popitem" => {
                        let last = d.borrow().iter().last().cloned();
                        match last {
                            Some((k, v)) => {
                                let h = self.hash_key(&k)?;
                                d.borrow_mut().remove(&h);
                                Ok(Value::tuple(vec![k, v]))
                            }
                            None => self.raise("KeyError", "popitem(): dictionary is empty"),
                        }
                    }
                    _ => self.raise(
                        "AttributeError",
                        format!("'dict' object has no attribute '{name}'"),
                    ),
                }
            }
            Value::Set(d) => {
                let d = d.clone();
                match name {
                    "add" => {
                        let h = self.hash_key(&args[0])?;
                        d.borrow_mut().insert(h, args[0].clone(), Value::None);
                        Ok(Value::None)
                    }
                    "discard" | "remove" => {
                        let h = self.hash_key(&args[0])?;
                        if d.borrow_mut().remove(&h).is_none() && name == "remove" {
                            return self.key_error(&args[0]);
                        }
                        Ok(Value::None)
                    }
                    "update" => {
                        for a in &args {
                            for v in self.iterate(a)? {
                                let h = self.hash_key(&v)?;
                                d.borrow_mut().insert(h, v, Value::None);
                            }
                        }
                        Ok(Value::None)
                    }
                    "copy" => Ok(Value::Set(Rc::new(std::cell::RefCell::new(
                        d.borrow().clone(),
                    )))),
                    "clear" => {
                        *d.borrow_mut() = Default::default();
                        Ok(Value::None)
                    }
                    "union" | "intersection" | "difference" | "symmetric_difference" => {
                        let other = self.iterate(&args[0])?;
                        let o = self.make_set(other)?;
                        let op = match name {
                            "union" => crate::core::lang::ast::BinOp::BitOr,
                            "intersection" => crate::core::lang::ast::BinOp::BitAnd,
                            "difference" => crate::core::lang::ast::BinOp::Sub,
                            _ => crate::core::lang::ast::BinOp::BitXor,
                        };
                        self.binop(op, recv.clone(), o)
                    }
                    "issubset" | "issuperset" | "isdisjoint" => {
                        let other = self.iterate(&args[0])?;
                        let o = self.make_set(other)?;
                        let Value::Set(od) = &o else {
                            return Ok(Value::None);
                        };
                        let (a, b) = if name == "issuperset" {
                            (od.borrow(), d.borrow())
                        } else {
                            (d.borrow(), od.borrow())
                        };
                        let r = if name == "isdisjoint" {
                            a.iter()
                                .all(|(k, _)| k.hkey().is_some_and(|h| b.get(&h).is_none()))
                        } else {
                            a.iter()
                                .all(|(k, _)| k.hkey().is_some_and(|h| b.get(&h).is_some()))
                        };
                        Ok(Value::Bool(r))
                    }
                    "pop" => {
                        let first = d.borrow().iter().next().cloned();
                        match first {
                            Some((k, _)) => {
                                let h = self.hash_key(&k)?;
                                d.borrow_mut().remove(&h);
                                Ok(k)
                            }
                            None => self.raise("KeyError", "pop from an empty set"),
                        }
                    }
                    _ => self.raise(
                        "AttributeError",
                        format!("'set' object has no attribute '{name}'"),
                    ),
                }
            }
            Value::Int(i) => Ok(Value::int(i.bit_length() as i64)),
            Value::Float(f) => Ok(Value::Bool(crate::core::py::float::float_is_integer(*f))),
            Value::Date(d) => match name {
                "isoformat" => Ok(Value::str(&d.isoformat())),
                "strftime" => {
                    let f = self.arg_str(&args, 0, "strftime")?.unwrap_or_default();
                    Ok(Value::str(&d.strftime(&f)))
                }
                "weekday" => Ok(Value::int(d.weekday() as i64)),
                "isoweekday" => Ok(Value::int(d.isoweekday() as i64)),
                "toordinal" => Ok(Value::int(d.toordinal())),
                _ => self.unsupported(&format!("`date.{name}`")),
            },
            Value::DateTime(d) => match name {
                "isoformat" => {
                    let sep = self
                        .arg_str(&args, 0, "isoformat")?
                        .and_then(|s| s.chars().next())
                        .unwrap_or('T');
                    Ok(Value::str(&self.py(d.isoformat(sep, "auto"))?))
                }
                "strftime" => {
                    let f = self.arg_str(&args, 0, "strftime")?.unwrap_or_default();
                    Ok(Value::str(&d.strftime(&f)))
                }
                "date" => Ok(Value::Date(d.date())),
                "weekday" => Ok(Value::int(d.date().weekday() as i64)),
                "isoweekday" => Ok(Value::int(d.date().isoweekday() as i64)),
                _ => self.unsupported(&format!("`datetime.{name}`")),
            },
            Value::TimeDelta(t) => Ok(Value::Float(t.total_seconds())),
            Value::Decimal(d) => match name {
                "quantize" => match args.first() {
                    Some(Value::Decimal(q)) => Ok(Value::Decimal(Rc::new(self.py(d.quantize(q))?))),
                    _ => self.raise("TypeError", "quantize() argument must be a Decimal"),
                },
                "normalize" => Ok(Value::Decimal(Rc::new(self.py(d.normalize())?))),
                "sqrt" => Ok(Value::Decimal(Rc::new(self.py(d.sqrt())?))),
                _ => Ok(Value::Bool(d.is_zero())),
            },
            Value::Instance(_) => match name {
                "__model_init__" => {
                    if let Value::Instance(i) = recv {
                        self.model_default_init(i, args, kw)?;
                    }
                    Ok(Value::None)
                }
                "__exc_init__" => {
                    if let Value::Instance(i) = recv {
                        i.dict
                            .borrow_mut()
                            .insert(Rc::from("args"), Value::tuple(args));
                    }
                    Ok(Value::None)
                }
                _ => Ok(Value::None),
            },
            Value::Native(n) => self.native_method(n.clone(), name, args, kw),
            _ => self.raise(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{name}'",
                    self.type_name(recv)
                ),
            ),
        }
    }

    /// Checks the positional argument count of a builtin.
    pub fn nargs(&self, name: &str, args: &[Value], min: usize, max: usize) -> R<()> {
        if args.len() < min || args.len() > max {
            if min == max {
                return self.raise(
                    "TypeError",
                    format!("{name}() takes exactly one argument ({} given)", args.len()),
                );
            }
            return self.raise(
                "TypeError",
                format!(
                    "{name} expected at most {max} arguments, got {}",
                    args.len()
                ),
            );
        }
        Ok(())
    }

    fn str_method(&mut self, s: Rc<str>, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let st = |x: String| Ok(Value::str(&x));
        let a0 = |it: &mut Self| it.arg_str(&args, 0, name);
        match name {
            "upper" => st(crate::core::py::str_case::upper(&s)),
            "lower" => st(crate::core::py::str_case::lower(&s)),
            "title" => st(crate::core::py::str_case::title(&s)),
            "capitalize" => st(crate::core::py::str_case::capitalize(&s)),
            "swapcase" => st(crate::core::py::str_case::swapcase(&s)),
            "casefold" => st(crate::core::py::str_case::lower(&s)),
            "strip" => {
                let c = a0(self)?;
                st(ps::strip(&s, c.as_deref()))
            }
            "lstrip" => {
                let c = a0(self)?;
                st(ps::lstrip(&s, c.as_deref()))
            }
            "rstrip" => {
                let c = a0(self)?;
                st(ps::rstrip(&s, c.as_deref()))
            }
            "split" | "rsplit" => {
                let sep = match args
                    .first()
                    .or(kw.iter().find(|k| &*k.0 == "sep").map(|k| &k.1))
                {
                    Some(Value::Str(x)) => Some(x.to_string()),
                    _ => None,
                };
                let max = match args
                    .get(1)
                    .or(kw.iter().find(|k| &*k.0 == "maxsplit").map(|k| &k.1))
                {
                    Some(v) => self.as_index(v)?,
                    None => -1,
                };
                let parts = if name == "split" {
                    self.py(ps::split(&s, sep.as_deref(), max))?
                } else {
                    self.py(ps::rsplit(&s, sep.as_deref(), max))?
                };
                Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
            }
            "splitlines" => Ok(Value::list(
                ps::splitlines(&s, false)
                    .iter()
                    .map(|p| Value::str(p))
                    .collect(),
            )),
            "join" => {
                if !matches!(
                    args[0],
                    Value::List(_)
                        | Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::Native(_)
                ) {
                    return self.raise("TypeError", "can only join an iterable");
                }
                let items = self.iterate(&args[0])?;
                let mut out = String::new();
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&s);
                    }
                    match v {
                        Value::Str(x) => out.push_str(x),
                        other => {
                            let t = self.type_name(other);
                            return self.raise(
                                "TypeError",
                                format!("sequence item {i}: expected str instance, {t} found"),
                            );
                        }
                    }
                }
                st(out)
            }
            "replace" => {
                let (Some(Value::Str(a)), Some(Value::Str(b))) = (args.first(), args.get(1)) else {
                    return self.raise("TypeError", "replace() argument must be str");
                };
                let n = match args.get(2) {
                    Some(v) => self.as_index(v)?,
                    None => -1,
                };
                st(self.py(ps::replace(&s, a, b, n))?)
            }
            "startswith" | "endswith" => {
                let pats: Vec<String> = match args.first() {
                    Some(Value::Str(x)) => vec![x.to_string()],
                    Some(Value::Tuple(t)) => t
                        .iter()
                        .filter_map(|v| {
                            if let Value::Str(x) = v {
                                Some(x.to_string())
                            } else {
                                None
                            }
                        })
                        .collect(),
                    _ => {
                        return self.raise(
                            "TypeError",
                            format!("{name} first arg must be str or a tuple of str"),
                        );
                    }
                };
                let refs: Vec<&str> = pats.iter().map(|x| x.as_str()).collect();
                Ok(Value::Bool(if name == "startswith" {
                    ps::startswith(&s, &refs, None, None)
                } else {
                    ps::endswith(&s, &refs, None, None)
                }))
            }
            "find" | "rfind" | "index" | "count" => {
                let Some(Value::Str(sub)) = args.first() else {
                    return self.raise("TypeError", "must be str");
                };
                Ok(Value::int(match name {
                    "find" => ps::find(&s, sub, None, None),
                    "rfind" => ps::rfind(&s, sub, None, None),
                    "index" => self.py(ps::index(&s, sub, None, None))? as i64,
                    _ => ps::count(&s, sub, None, None) as i64,
                }))
            }
            "zfill" => {
                let w = self.as_index(&args[0])?;
                st(self.py(ps::zfill(&s, w))?)
            }
            "ljust" | "rjust" | "center" => {
                let w = self.as_index(&args[0])?;
                let fill = match args.get(1) {
                    Some(Value::Str(f)) => f.chars().next().unwrap_or(' '),
                    _ => ' ',
                };
                st(self.py(match name {
                    "ljust" => ps::ljust(&s, w, fill),
                    "rjust" => ps::rjust(&s, w, fill),
                    _ => ps::center(&s, w, fill),
                })?)
            }
            "partition" | "rpartition" => {
                let Some(Value::Str(sep)) = args.first() else {
                    return self.raise("TypeError", "must be str");
                };
                let (a, b, c) = self.py(if name == "partition" {
                    ps::partition(&s, sep)
                } else {
                    ps::rpartition(&s, sep)
                })?;
                Ok(Value::tuple(vec![
                    Value::str(&a),
                    Value::str(&b),
                    Value::str(&c),
                ]))
            }
            "removeprefix" => {
                let p = a0(self)?.unwrap_or_default();
                st(s.strip_prefix(p.as_str()).unwrap_or(&s).to_string())
            }
            "removesuffix" => {
                let p = a0(self)?.unwrap_or_default();
                st(s.strip_suffix(p.as_str()).unwrap_or(&s).to_string())
            }
            "isdigit" | "isnumeric" | "isdecimal" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_numeric()),
            )),
            "isalpha" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_alphabetic()),
            )),
            "isalnum" => Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_alphanumeric()),
            )),
            "isspace" => Ok(Value::Bool(!s.is_empty() && s.chars().all(ps::is_py_space))),
            "isupper" => Ok(Value::Bool(
                s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()),
            )),
            "islower" => Ok(Value::Bool(
                s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()),
            )),
            "isidentifier" => Ok(Value::Bool(
                !s.is_empty()
                    && !s.starts_with(|c: char| c.is_ascii_digit())
                    && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
            )),
            "format" => self.str_format(&s, args, kw),
            "encode" => self.unsupported("`bytes`"),
            _ => self.raise(
                "AttributeError",
                format!("'str' object has no attribute '{name}'"),
            ),
        }
    }

    fn str_format(&mut self, template: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        use crate::core::py::str_format as sf;
        let parsed = sf::parse_format_string(template);
        let _ = &parsed;
        // Simple implementation: {}, {0}, {name}, {x.attr}, {x[0]} with !r/!s and specs.
        let mut out = String::new();
        let chars: Vec<char> = template.chars().collect();
        let mut i = 0;
        let mut auto = 0usize;
        let mut manual: Option<bool> = None;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() && depth > 0 {
                    if chars[j] == '{' {
                        depth += 1;
                    } else if chars[j] == '}' {
                        depth -= 1;
                    }
                    j += 1;
                }
                if depth > 0 {
                    return self.raise("ValueError", "expected '}' before end of string");
                }
                let field: String = chars[i + 1..j - 1].iter().collect();
                let (head, spec) = match field.find(':') {
                    Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                    None => (field.clone(), String::new()),
                };
                let (head, conv) = match head.find('!') {
                    Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                    None => (head, None),
                };
                let name_end = head.find(['.', '[']).unwrap_or(head.len());
                let first = &head[..name_end];
                if first.is_empty() && manual == Some(true)
                    || first.parse::<usize>().is_ok() && manual == Some(false)
                {
                    return self.raise(
                        "ValueError",
                        if first.is_empty() {
                            "cannot switch from manual field specification to automatic field numbering"
                        } else {
                            "cannot switch from automatic field numbering to manual field specification"
                        },
                    );
                }
                if first.is_empty() {
                    manual = Some(false);
                } else if first.parse::<usize>().is_ok() {
                    manual = Some(true);
                }
                let mut v =
                    if first.is_empty() {
                        let v = args.get(auto).cloned();
                        auto += 1;
                        match v {
                            Some(v) => v,
                            None => return self.raise(
                                "IndexError",
                                format!(
                                    "Replacement index {} out of range for positional args tuple",
                                    auto - 1
                                ),
                            ),
                        }
                    } else if let Ok(n) = first.parse::<usize>() {
                        match args.get(n) {
                            Some(v) => v.clone(),
                            None => return self.raise(
                                "IndexError",
                                format!(
                                    "Replacement index {n} out of range for positional args tuple"
                                ),
                            ),
                        }
                    } else {
                        match kw.iter().find(|k| &*k.0 == first) {
                            Some(k) => k.1.clone(),
                            None => return self.key_error(&Value::str(first)),
                        }
                    };
                let mut rest = &head[name_end..];
                while !rest.is_empty() {
                    if let Some(r) = rest.strip_prefix('.') {
                        let e = r.find(['.', '[']).unwrap_or(r.len());
                        v = self.getattr(&v, &r[..e])?;
                        rest = &r[e..];
                    } else if let Some(r) = rest.strip_prefix('[') {
                        let e = r.find(']').unwrap_or(r.len());
                        let key = &r[..e];
                        let k = match key.parse::<i64>() {
                            Ok(n) => Value::Int(Int::Small(n)),
                            Err(_) => Value::str(key),
                        };
                        v = self.getitem(&v, &k)?;
                        rest = r.get(e + 1..).unwrap_or("");
                    } else {
                        break;
                    }
                }
                let spec = if spec.contains('{') {
                    match self.str_format(&spec, args.clone(), kw.clone())? {
                        Value::Str(s) => s.to_string(),
                        _ => spec,
                    }
                } else {
                    spec
                };
                let v = match conv {
                    Some('r') => Value::str(&self.repr(&v)?),
                    Some('s') => Value::str(&self.to_str(&v)?),
                    _ => v,
                };
                out.push_str(&self.format_value(&v, &spec)?);
                i = j;
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return self.raise("ValueError", "Single '}' encountered in format string");
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(Value::str(&out))
    }
}

/// Minimum positional arguments of builtin-type methods (checked before indexing `args`).
fn method_min_args(recv: &Value, name: &str) -> usize {
    match (recv, name) {
        (Value::List(_), "append" | "extend" | "remove" | "index" | "count") => 1,
        (Value::List(_), "insert") => 2,
        (Value::Tuple(_), _) => 1,
        (Value::Dict(_), "get" | "pop" | "setdefault") => 1,
        (
            Value::Set(_),
            "add"
            | "discard"
            | "remove"
            | "union"
            | "intersection"
            | "difference"
            | "issubset"
            | "issuperset"
            | "symmetric_difference"
            | "isdisjoint",
        ) => 1,
        (
            Value::Str(_),
            "join" | "startswith" | "endswith" | "find" | "rfind" | "index" | "count" | "zfill"
            | "ljust" | "rjust" | "center" | "partition" | "rpartition" | "removeprefix"
            | "removesuffix",
        ) => 1,
        (Value::Str(_), "replace") => 2,
        (Value::Decimal(_), "quantize") => 1,
        _ => 0,
    }
}
