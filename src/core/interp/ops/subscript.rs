//! Iteration and subscripting: `iterate`, mapping items, `obj[key]` (indices and slices),
//! item assignment and deletion.

use crate::core::interp::orm::Native;
use crate::core::interp::orm::relationship::ListEdit;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// All items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> R<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok((**t).clone()),
            Value::Str(s) => Ok(s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect()),
            Value::Dict(d) => Ok(d.borrow().keys()),
            Value::Set(d) => Ok(super::super::set_order::ordered_members(&d.borrow())),
            Value::Native(n) => self.native_iter(n.clone()),
            Value::Class(c) if self.is_enum_class(c) => Ok(self.enum_members(c)),
            Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                let it = self.user_iter(v)?;
                if matches!(&it, Value::Instance(_)) {
                    let mut out = vec![];
                    while let Some(x) = self.user_next(&it)? {
                        self.tick()?;
                        out.push(x);
                    }
                    return Ok(out);
                }
                self.iterate(&it)
            }
            _ => self.raise(
                "TypeError",
                format!("'{}' object is not iterable", self.qual_type_name(v)),
            ),
        }
    }

    /// `iter(obj)` of an instance whose class defines `__iter__`: what it returns, which
    /// must be an iterator (an instance with `__next__`) or a builtin iterable.
    pub fn user_iter(&mut self, v: &Value) -> R<Value> {
        let f = self.getattr(v, "__iter__")?;
        let it = self.call(&f, vec![], vec![])?;
        let iterator = match &it {
            Value::Instance(j) => j.class.lookup("__next__").is_some(),
            Value::Native(n) => crate::core::interp::builtins::enumerate::is_iterator(n),
            _ => false,
        };
        if !iterator {
            let t = self.type_name(&it);
            return self.raise(
                "TypeError",
                format!("iter() returned non-iterator of type '{t}'"),
            );
        }
        Ok(it)
    }

    /// The next item of a user iterator (an instance with `__next__`); `None` once it
    /// raises StopIteration.
    pub fn user_next(&mut self, it: &Value) -> R<Option<Value>> {
        let f = self.getattr(it, "__next__")?;
        match self.call(&f, vec![], vec![]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_is(&e, "StopIteration") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// False for values Python surely cannot iterate (numbers, None, dates, functions,
    /// classes, instances without `__iter__`/`__getitem__`): what an unpacking or `in`
    /// reports in its own words before trying.
    pub fn surely_not_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::None
            | Value::Decimal(_)
            | Value::Date(_)
            | Value::DateTime(_)
            | Value::TimeDelta(_)
            | Value::Time(_)
            | Value::Func(_)
            | Value::Method(_)
            | Value::BuiltinMethod(_) => true,
            Value::Class(c) => !self.is_enum_class(c),
            Value::Instance(i) => {
                i.class.lookup("__iter__").is_none() && i.class.lookup("__getitem__").is_none()
            }
            _ => false,
        }
    }

    /// Key/value pairs of a mapping (`**kw`, `dict(m)`).
    pub fn mapping_items(&mut self, v: &Value) -> R<Vec<(Value, Value)>> {
        match v {
            Value::Dict(d) => Ok(d.borrow().iter().cloned().collect()),
            Value::Native(n) => self.native_mapping_items(n.clone()),
            // An object with `keys()` and `__getitem__` is a mapping to Python.
            Value::Instance(i) if is_user_mapping(i) => {
                let f = self.getattr(v, "keys")?;
                let keys = self.call(&f, vec![], vec![])?;
                let mut out = vec![];
                for k in self.iterate(&keys)? {
                    let x = self.getitem(v, &k)?;
                    out.push((k, x));
                }
                Ok(out)
            }
            _ => self.raise(
                "TypeError",
                format!(
                    "argument after ** must be a mapping, not {}",
                    self.type_name(v)
                ),
            ),
        }
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> R<Value> {
        if let Value::Native(n) = key
            && let Native::Slice(a, b, c) = &**n
        {
            let (a, b, c) = (self.opt_i(a)?, self.opt_i(b)?, self.opt_i(c)?);
            return match obj {
                Value::List(l) => {
                    let v = self.py(crate::core::py::slice::slice_vec(&l.borrow(), a, b, c))?;
                    Ok(Value::list(v))
                }
                Value::Tuple(t) => Ok(Value::tuple(
                    self.py(crate::core::py::slice::slice_vec(t, a, b, c))?,
                )),
                Value::Str(s) => {
                    let chars: Vec<char> = s.chars().collect();
                    let v = self.py(crate::core::py::slice::slice_vec(&chars, a, b, c))?;
                    Ok(Value::str(&v.into_iter().collect::<String>()))
                }
                Value::Native(q) if let Native::Bytes(bs) = &**q => {
                    let v = self.py(crate::core::py::slice::slice_vec(bs, a, b, c))?;
                    Ok(crate::core::interp::methods::string::bytes_value(&v))
                }
                // (A Row slices as its tuple, step and all.)
                Value::Native(q) if let Native::Row(r) | Native::Named(_, r) = &**q => {
                    let t = Value::tuple((*r.values).clone());
                    self.getitem(&t, key)
                }
                // (A query's slice with a step: its rows from `slice(start, stop)`, then
                // every step-th, as SQLAlchemy's `_getitem` takes them.)
                Value::Native(q) => {
                    let v = self.native_slice(q.clone(), a, b)?;
                    match (c, &v) {
                        (Some(step), Value::List(l)) if step != 1 => {
                            let items = l.borrow().clone();
                            let v = self.py(crate::core::py::slice::slice_vec(
                                &items,
                                None,
                                None,
                                Some(step),
                            ))?;
                            Ok(Value::list(v))
                        }
                        _ => Ok(v),
                    }
                }
                // (A class's `__getitem__` is given the slice object.)
                Value::Instance(i) if i.class.lookup("__getitem__").is_some() => {
                    let f = self.getattr(obj, "__getitem__")?;
                    self.call(&f, vec![key.clone()], vec![])
                }
                _ => self.raise(
                    "TypeError",
                    format!("'{}' object is not subscriptable", self.qual_type_name(obj)),
                ),
            };
        }
        match obj {
            Value::List(l) => {
                let i = self.index_of(key, "list")?;
                let l = l.borrow();
                match crate::core::py::slice::normalize_index(i, l.len(), "list") {
                    Ok(j) => Ok(l[j].clone()),
                    Err(e) => self.raise("IndexError", e.message),
                }
            }
            Value::Tuple(t) => {
                let i = self.index_of(key, "tuple")?;
                match crate::core::py::slice::normalize_index(i, t.len(), "tuple") {
                    Ok(j) => Ok(t[j].clone()),
                    Err(e) => self.raise("IndexError", e.message),
                }
            }
            Value::Str(s) => {
                let i = self.index_of(key, "string")?;
                let c = self.py(crate::core::py::strings::char_at(s, i))?;
                Ok(Value::str(c.encode_utf8(&mut [0; 4])))
            }
            Value::Dict(d) => {
                let h = self.key_in(d, key)?;
                let r = d.borrow().get(&h).cloned();
                match r {
                    Some(v) => Ok(v),
                    None => self.key_error(key),
                }
            }
            Value::Native(n) => self.native_getitem(n.clone(), key),
            Value::Instance(i) if i.class.lookup("__getitem__").is_some() => {
                let f = self.getattr(obj, "__getitem__")?;
                self.call(&f, vec![key.clone()], vec![])
            }
            Value::Class(c) if self.is_enum_class(c) => {
                let c = c.clone();
                self.enum_by_name(&c, key)
            }
            Value::Class(_) => Ok(obj.clone()),
            _ => self.raise(
                "TypeError",
                format!("'{}' object is not subscriptable", self.qual_type_name(obj)),
            ),
        }
    }

    pub(crate) fn index_of(&mut self, key: &Value, what: &str) -> R<i64> {
        match key {
            Value::Int(_) | Value::Bool(_) => self.as_index(key),
            // (Python 3.11 words a string's own way.)
            _ if what == "string" => self.raise(
                "TypeError",
                format!(
                    "string indices must be integers, not '{}'",
                    self.qual_type_name(key)
                ),
            ),
            _ => self.raise(
                "TypeError",
                format!(
                    "{what} indices must be integers or slices, not {}",
                    self.qual_type_name(key)
                ),
            ),
        }
    }

    fn opt_i(&mut self, v: &Value) -> R<Option<i64>> {
        match v {
            Value::None => Ok(None),
            _ => Ok(Some(self.as_index(v)?)),
        }
    }

    /// `obj[key] = v`.
    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> R<()> {
        match obj {
            Value::List(l) if self.is_collection(l) => {
                self.collection_edit(l, ListEdit::Set(key, v)).map(|_| ())
            }
            Value::List(l) if is_slice(&key) => {
                let items = self.iterate(&v)?;
                let len = l.borrow().len();
                let s = self.slice_of(&key, len)?;
                if s.step == 1 {
                    // (An empty slice inserts at its start.)
                    let start = (s.start.max(0) as usize).min(len);
                    let end = start + s.count;
                    l.borrow_mut().splice(start..end, items);
                    return Ok(());
                }
                if items.len() != s.count {
                    return self.raise(
                        "ValueError",
                        format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            s.count
                        ),
                    );
                }
                let at: Vec<usize> = s.iter().collect();
                let mut list = l.borrow_mut();
                for (i, item) in at.into_iter().zip(items) {
                    list[i] = item;
                }
                Ok(())
            }
            Value::List(l) => {
                let i = self.index_of(&key, "list")?;
                let len = l.borrow().len();
                match crate::core::py::slice::normalize_index(i, len, "list assignment") {
                    Ok(j) => {
                        l.borrow_mut()[j] = v;
                        Ok(())
                    }
                    Err(e) => self.raise("IndexError", e.message),
                }
            }
            Value::Dict(d) => {
                let h = self.key_in(d, &key)?;
                d.borrow_mut().insert(h, key, v);
                Ok(())
            }
            Value::Native(n) => self.native_setitem(n.clone(), key, v),
            _ => self.raise(
                "TypeError",
                format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ),
            ),
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: Value) -> R<()> {
        match obj {
            Value::List(l) if self.is_collection(l) => {
                self.collection_edit(l, ListEdit::Del(key)).map(|_| ())
            }
            Value::List(l) if is_slice(&key) => {
                let len = l.borrow().len();
                let s = self.slice_of(&key, len)?;
                let gone: Vec<usize> = s.iter().collect();
                let mut i = 0;
                l.borrow_mut().retain(|_| {
                    i += 1;
                    !gone.contains(&(i - 1))
                });
                Ok(())
            }
            Value::List(l) => {
                let i = self.index_of(&key, "list")?;
                let len = l.borrow().len();
                match crate::core::py::slice::normalize_index(i, len, "list assignment") {
                    Ok(j) => {
                        l.borrow_mut().remove(j);
                        Ok(())
                    }
                    Err(e) => self.raise("IndexError", e.message),
                }
            }
            Value::Dict(d) => {
                let h = self.key_in(d, &key)?;
                if d.borrow_mut().remove(&h).is_none() {
                    return self.key_error(&key);
                }
                Ok(())
            }
            _ => self.raise(
                "TypeError",
                format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                ),
            ),
        }
    }
}

/// True for a `slice` subscript.
fn is_slice(key: &Value) -> bool {
    matches!(key, Value::Native(n) if matches!(**n, Native::Slice(..)))
}

impl Interp<'_> {
    /// A `slice` subscript's positions in a sequence of `len` items.
    fn slice_of(&mut self, key: &Value, len: usize) -> R<crate::core::py::slice::SliceIndices> {
        let (a, b, c) = match key {
            Value::Native(n) if let Native::Slice(a, b, c) = &**n => (a, b, c),
            _ => (&Value::None, &Value::None, &Value::None),
        };
        let (a, b, c) = (self.opt_i(a)?, self.opt_i(b)?, self.opt_i(c)?);
        self.py(crate::core::py::slice::slice_indices(len, a, b, c))
    }
}

/// Whether instance `i`'s class makes it a mapping (`keys()` and `__getitem__`), as `dict()`,
/// `**` and `%`-formatting take one.
pub(crate) fn is_user_mapping(i: &crate::core::interp::value::Instance) -> bool {
    i.class.lookup("keys").is_some() && i.class.lookup("__getitem__").is_some()
}
