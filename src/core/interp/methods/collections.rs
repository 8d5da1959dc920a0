//! Methods of the builtin containers: `list`, `tuple`, `dict` and `set`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::value::{Dict, HKey, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// `list.append`, `list.sort`... on the list `l`.
    pub(super) fn list_method(
        &mut self,
        l: Rc<RefCell<Vec<Value>>>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
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
                // (`start`/`stop` clamp as a slice's do.)
                let (from, to) = self.str_bounds(&args)?;
                let n = items.len() as i64;
                let clamp = |b: i64| if b < 0 { (b + n).max(0) } else { b.min(n) } as usize;
                let (from, to) = (from.map_or(0, clamp), to.map_or(items.len(), clamp));
                for (i, v) in items.iter().enumerate() {
                    if i < from || i >= to {
                        continue;
                    }
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
            _ => self.no_attr("list", name),
        }
    }

    /// `tuple.index` / `tuple.count`.
    pub(super) fn tuple_method(
        &mut self,
        t: &Rc<Vec<Value>>,
        name: &str,
        args: Vec<Value>,
    ) -> R<Value> {
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

    /// `dict.get`, `dict.update`... on the dict `d`.
    pub(crate) fn dict_method(
        &mut self,
        d: Rc<RefCell<Dict>>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            // Flask's `app.config.from_object(Config)` / `from_mapping(...)`: the
            // upper-case attributes or keys.
            "from_object" | "from_mapping" => {
                let mut pairs: Vec<(Value, Value)> = vec![];
                match (name, args.first()) {
                    ("from_object", Some(Value::Class(c))) => {
                        let mro = c.mro.borrow().clone();
                        for k in mro.iter().rev() {
                            for (key, v) in k.dict.borrow().iter() {
                                pairs.push((Value::Str(key.clone()), v.clone()));
                            }
                        }
                    }
                    ("from_object", Some(Value::Instance(i))) => {
                        let c = i.class.clone();
                        for (key, v) in c.dict.borrow().iter() {
                            pairs.push((Value::Str(key.clone()), v.clone()));
                        }
                        for (key, v) in i.dict.borrow().iter() {
                            pairs.push((Value::Str(key.clone()), v.clone()));
                        }
                    }
                    ("from_object", _) => {
                        return self.unsupported("`config.from_object()` of an import path");
                    }
                    (_, Some(m)) => pairs = self.mapping_items(m)?,
                    _ => {}
                }
                pairs.extend(kw.into_iter().map(|(k, v)| (Value::Str(k), v)));
                if name == "from_object" {
                    // Flask walks `dir(obj)`: sorted names.
                    crate::core::sort::sort_by(&mut pairs, |a, b| match (&a.0, &b.0) {
                        (Value::Str(x), Value::Str(y)) => x.cmp(y),
                        _ => std::cmp::Ordering::Equal,
                    });
                }
                let mut dm = d.borrow_mut();
                for (k, v) in pairs {
                    if let Value::Str(s) = &k
                        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && !s.chars().any(|c| c.is_ascii_lowercase())
                        && let Some(h) = k.hkey()
                    {
                        dm.insert(h, k, v);
                    }
                }
                Ok(if name == "from_object" {
                    Value::None
                } else {
                    Value::Bool(true)
                })
            }
            // The config files and environment a deployed app reads: a playground has
            // none (`silent=True` answers False, as Flask does for a missing one).
            // `config.get_namespace('CLINIC_')`: the keys under a prefix, trimmed and lower
            // case unless told otherwise.
            "get_namespace" => {
                let mut args = args.into_iter();
                let opt = |k: &str| -> Option<Value> {
                    kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone())
                };
                let Some(Value::Str(ns)) = args.next().or_else(|| opt("namespace")) else {
                    return self.raise(
                        "TypeError",
                        "Config.get_namespace() missing 1 required positional argument: 'namespace'",
                    );
                };
                let lowercase = match args.next().or_else(|| opt("lowercase")) {
                    Some(v) => self.truthy(&v)?,
                    None => true,
                };
                let trim = match args.next().or_else(|| opt("trim_namespace")) {
                    Some(v) => self.truthy(&v)?,
                    None => true,
                };
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                let mut out = vec![];
                for (k, v) in items {
                    let Value::Str(k) = k else { continue };
                    let Some(rest) = k.strip_prefix(&*ns) else {
                        continue;
                    };
                    let key = if trim { rest } else { &k };
                    let key = if lowercase {
                        crate::core::py::case::lower(key)
                    } else {
                        key.to_string()
                    };
                    out.push((Value::str(&key), v));
                }
                Ok(Value::dict_of(out))
            }
            "from_pyfile" | "from_envvar" | "from_file" => {
                let silent = match kw.iter().find(|(k, _)| &**k == "silent") {
                    Some((_, v)) => self.truthy(v)?,
                    None => match name {
                        "from_file" => args.get(2).is_some_and(|v| matches!(v, Value::Bool(true))),
                        _ => args.get(1).is_some_and(|v| matches!(v, Value::Bool(true))),
                    },
                };
                if silent {
                    return Ok(Value::Bool(false));
                }
                let what = match args.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                if name == "from_envvar" {
                    return self.raise(
                        "RuntimeError",
                        format!("The environment variable '{what}' is not set and as such configuration could not be loaded. Set this variable and make it point to a configuration file"),
                    );
                }
                self.raise(
                    "FileNotFoundError",
                    format!("[Errno 2] Unable to load configuration file (No such file or directory): '{what}'"),
                )
            }
            // (No `FLASK_*` variables here.)
            "from_prefixed_env" => Ok(Value::Bool(true)),
            "get" => {
                let h = self.key_in(&d, &args[0])?;
                Ok(d.borrow()
                    .get(&h)
                    .cloned()
                    .unwrap_or(args.get(1).cloned().unwrap_or(Value::None)))
            }
            "keys" | "values" | "items" => {
                use crate::core::interp::dict_view as dv;
                let kind = match name {
                    "keys" => dv::KEYS,
                    "values" => dv::VALUES,
                    _ => dv::ITEMS,
                };
                Ok(dv::view(kind, Value::Dict(d.clone())))
            }
            "pop" => {
                let h = self.key_in(&d, &args[0])?;
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
                let h = self.key_in(&d, &args[0])?;
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
                            for (i, p) in self.iterate(a)?.into_iter().enumerate() {
                                let kv = self.iterate(&p)?;
                                let [k, x] = kv.as_slice() else {
                                    let m = format!(
                                        "dictionary update sequence element #{i} has length {}; 2 is required",
                                        kv.len()
                                    );
                                    return self.raise("ValueError", m);
                                };
                                v.push((k.clone(), x.clone()));
                            }
                            v
                        }
                    };
                    for (k, v) in items {
                        let h = self.key_in(&d, &k)?;
                        d.borrow_mut().insert(h, k, v);
                    }
                }
                for (k, v) in kw {
                    d.borrow_mut()
                        .insert(HKey::Str(k.clone()), Value::Str(k), v);
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
                        self.remove_stored(&d, &k)?;
                        Ok(Value::tuple(vec![k, v]))
                    }
                    None => self.raise("KeyError", "popitem(): dictionary is empty"),
                }
            }
            _ => self.no_attr("dict", name),
        }
    }

    /// `set.add`, `set.union`... on the set `recv` (whose items are `d`).
    pub(super) fn set_method(
        &mut self,
        recv: &Value,
        d: Rc<RefCell<Dict>>,
        name: &str,
        args: Vec<Value>,
    ) -> R<Value> {
        match name {
            "add" => {
                let h = self.key_in(&d, &args[0])?;
                d.borrow_mut().insert(h, args[0].clone(), Value::None);
                Ok(Value::None)
            }
            "discard" | "remove" => {
                let h = self.key_in(&d, &args[0])?;
                if d.borrow_mut().remove(&h).is_none() && name == "remove" {
                    return self.key_error(&args[0]);
                }
                Ok(Value::None)
            }
            "update" => {
                for a in &args {
                    for v in self.iterate(a)? {
                        let h = self.key_in(&d, &v)?;
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
                let op = match name {
                    "union" => crate::core::lang::ast::BinOp::BitOr,
                    "intersection" => crate::core::lang::ast::BinOp::BitAnd,
                    "difference" => crate::core::lang::ast::BinOp::Sub,
                    _ => crate::core::lang::ast::BinOp::BitXor,
                };
                // (Each argument in turn: `s.union(a, b)`.)
                let mut acc = recv.clone();
                for a in &args {
                    let other = self.iterate(a)?;
                    let o = self.make_set(other)?;
                    acc = self.binop(op, acc, o)?;
                }
                Ok(acc)
            }
            "issubset" | "issuperset" | "isdisjoint" => {
                let other = self.iterate(&args[0])?;
                let o = self.make_set(other)?;
                let Value::Set(od) = &o else {
                    return Ok(Value::None);
                };
                let (a, b) = if name == "issuperset" {
                    (od.clone(), d.clone())
                } else {
                    (d.clone(), od.clone())
                };
                let members = a.borrow().keys();
                for k in members {
                    let found = self.member_of(&b, &k)?;
                    if found == (name == "isdisjoint") {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            }
            "pop" => {
                let first = super::super::set_order::ordered_members(&d.borrow())
                    .into_iter()
                    .next();
                match first {
                    Some(k) => {
                        self.remove_stored(&d, &k)?;
                        Ok(k)
                    }
                    None => self.raise("KeyError", "pop from an empty set"),
                }
            }
            _ => self.no_attr("set", name),
        }
    }
}

impl Interp<'_> {
    /// Removes the entry of `d` whose key is the stored object `k` itself: by its key, or,
    /// when an object's own `__hash__` answers differently by now, found among the keys.
    fn remove_stored(&mut self, d: &RefCell<Dict>, k: &Value) -> R<()> {
        let h = self.hash_key(k)?;
        let mut d = d.borrow_mut();
        let stored = |d: &Dict, at: usize| {
            (d.entries.get(at))
                .and_then(|e| e.as_ref())
                .is_some_and(|e| crate::core::interp::ops::is_same(&e.0, k))
        };
        let key = match d.index.get(&h) {
            Some(&at) if stored(&d, at) => Some(h),
            _ => (d.index.iter())
                .find(|(_, at)| stored(&d, **at))
                .map(|(key, _)| key.clone()),
        };
        if let Some(key) = key {
            d.remove(&key);
        }
        Ok(())
    }
}
