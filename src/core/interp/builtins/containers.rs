//! Container constructors and iteration builtins: `len`, `list`, `tuple`, `set`, `dict`,
//! `range`, `enumerate`, `zip`, `reversed`, `iter`, `next`, `map`, `filter`, `sorted`,
//! `any`/`all`, and the stable, fallible sort behind `sorted` and `list.sort`.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::{Dict, HKey, Value};
use crate::core::interp::{Exc, Interp, R};

impl Interp<'_> {
    /// The container and iteration builtins (`len`, `list`, `dict`, `range`, `sorted`...).
    pub(super) fn call_container_builtin(
        &mut self,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match name {
            "len" => {
                self.nargs("len", &args, 1, 1)?;
                let n = match &args[0] {
                    Value::Str(s) => s.chars().count(),
                    Value::List(l) => l.borrow().len(),
                    Value::Tuple(t) => t.len(),
                    Value::Dict(d) | Value::Set(d) => d.borrow().len(),
                    Value::Native(n) => return self.native_len(n.clone()),
                    Value::Class(c) if self.is_enum_class(c) => self.enum_members(c).len(),
                    v @ Value::Instance(i) if i.class.lookup("__len__").is_some() => {
                        let f = self.getattr(v, "__len__")?;
                        return self.call(&f, vec![], vec![]);
                    }
                    other => {
                        let t = self.qual_type_name(other);
                        return self
                            .raise("TypeError", format!("object of type '{t}' has no len()"));
                    }
                };
                Ok(Value::int(n as i64))
            }
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
                    // (A set copied from a set is presized as `set_merge` sizes it.)
                    let presize = match v {
                        Value::Set(_) => {
                            crate::core::interp::set_order::union_presize(items.len(), 0)
                        }
                        _ => 0,
                    };
                    self.make_set_sized(items, presize)
                }
            },
            "dict" => {
                let mut d = Dict::new();
                if let Some(a) = args.first() {
                    let items = match a {
                        Value::Dict(_) => self.mapping_items(a)?,
                        Value::Instance(i)
                            if crate::core::interp::ops::subscript::is_user_mapping(i) =>
                        {
                            self.mapping_items(a)?
                        }
                        Value::Native(n)
                            if matches!(**n, super::super::orm::Native::Mapping(_))
                                || (!matches!(
                                    **n,
                                    super::super::orm::Native::Row(_)
                                        | super::super::orm::Native::Query(_)
                                        | super::super::orm::Native::Dynamic(..)
                                ) && self.getattr(a, "keys").is_ok()) =>
                        {
                            self.mapping_items(a)?
                        }
                        _ => {
                            let mut v = vec![];
                            for p in self.iterate(a)? {
                                let row = matches!(&p, Value::Native(n) if matches!(**n, super::super::orm::Native::Row(_)));
                                if !row
                                    && !matches!(
                                        p,
                                        Value::List(_) | Value::Tuple(_) | Value::Str(_)
                                    )
                                {
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
                        let h = self.key_among(&d, &k)?;
                        d.insert(h, k, v);
                    }
                }
                for (k, v) in kw {
                    d.insert(HKey::Str(k.clone()), Value::Str(k), v);
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
                let start = match args
                    .get(1)
                    .or(kw.iter().find(|k| &*k.0 == "start").map(|k| &k.1))
                {
                    Some(v) => v.clone(),
                    None => Value::int(0),
                };
                self.make_enumerate(&args[0], start)
            }
            "zip" => {
                let mut lists = vec![];
                for a in &args {
                    lists.push(self.iterate(a)?);
                }
                let n = lists.iter().map(|l| l.len()).min().unwrap_or(0);
                // `strict=True`: arguments of unequal length are a ValueError (at the
                // end of the shortest, where Python's iteration finds it).
                let strict = match kw.iter().find(|(k, _)| &**k == "strict") {
                    Some((_, v)) => self.truthy(&v.clone())?,
                    None => false,
                };
                // (As CPython words it: the first argument to run out is shorter than those
                // before it; or, the first running out, the first one with more is longer.)
                let ends = |k: usize| match k {
                    1 => " 1".to_string(),
                    _ => format!("s 1-{k}"),
                };
                if strict && let Some(i) = lists.iter().position(|l| l.len() == n) {
                    let msg = match i {
                        0 => (lists.iter().position(|l| l.len() > n)).map(|j| {
                            format!(
                                "zip() argument {} is longer than argument{}",
                                j + 1,
                                ends(j)
                            )
                        }),
                        _ => Some(format!(
                            "zip() argument {} is shorter than argument{}",
                            i + 1,
                            ends(i)
                        )),
                    };
                    if let Some(msg) = msg {
                        return self.raise("ValueError", msg);
                    }
                }
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
            // An iterator, a generator or a result is its own iterator (a result's rows
            // are read as they are asked for).
            "iter" => match &args[0] {
                Value::Native(n) if super::enumerate::is_iterator(n) => Ok(args[0].clone()),
                v => Ok(Value::Native(Rc::new(Native::Iter(
                    std::cell::RefCell::new((self.iterate(v)?, 0)),
                )))),
            },
            "next" => match args.first() {
                Some(Value::Native(n)) if super::enumerate::is_iterator(n) => {
                    let n = n.clone();
                    match self.next_of(&n)? {
                        Some(v) => Ok(v),
                        None => match args.get(1) {
                            Some(d) => Ok(d.clone()),
                            None => self.raise("StopIteration", ""),
                        },
                    }
                }
                // A user iterator: its `__next__`.
                Some(v @ Value::Instance(i)) if i.class.lookup("__next__").is_some() => {
                    match self.user_next(v)? {
                        Some(x) => Ok(x),
                        None => match args.get(1) {
                            Some(d) => Ok(d.clone()),
                            None => self.raise("StopIteration", ""),
                        },
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
            "any" | "all" => {
                let want = name == "any";
                for v in self.iterate(&args[0])? {
                    if self.truthy(&v)? == want {
                        return Ok(Value::Bool(want));
                    }
                }
                Ok(Value::Bool(!want))
            }
            _ => self.not_callable(name),
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
        // CPython's comparisons, fallible: none after the first error
        let mut err: Option<Box<Exc>> = None;
        let idx = crate::core::sort::python_sort_positions(keyed.len(), reverse, &mut |a, b| {
            if err.is_some() {
                return false;
            }
            // (`a < b` as Python evaluates it: the objects' `__lt__`, else the reflected
            // `__gt__`; nothing else is asked.)
            let (x, y) = (&keyed[a].0, &keyed[b].0);
            let lt = match (x, y) {
                (Value::Int(p), Value::Int(q)) => Ok(p < q),
                (Value::Str(p), Value::Str(q)) => Ok(p < q),
                _ => self
                    .compare(crate::core::lang::ast::CmpOp::Lt, x, y)
                    .and_then(|r| self.truthy(&r)),
            };
            match lt {
                Ok(lt) => lt,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        Ok(idx.into_iter().map(|i| keyed[i].1.clone()).collect())
    }
}
