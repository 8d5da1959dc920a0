//! Operators with Python semantics: truthiness, unary and binary operators (ints, floats,
//! str/list/tuple/dict/set, datetime, Decimal, user dunders). Comparison is in `ops/compare.rs`,
//! iteration and subscripting in `ops/subscript.rs`, `%` and `format()` in `ops/format.rs`.

mod compare;
mod format;
pub(crate) mod subscript;

pub use compare::is_same;

use std::rc::Rc;

use crate::core::lang::ast::{BinOp, UnaryOp};
use crate::core::py::Int;
use crate::core::py::int::IntOrFloat;

use super::value::Value;
use super::{Interp, R};

fn num_f(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => i.to_f64().ok(),
        Value::Bool(b) => Some(*b as i64 as f64),
        _ => None,
    }
}

fn as_int(v: &Value) -> Option<Int> {
    match v {
        Value::Int(i) => Some(i.clone()),
        Value::Bool(b) => Some(Int::Small(*b as i64)),
        _ => None,
    }
}

impl Interp<'_> {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => !i.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::Decimal(d) => !d.is_zero(),
            Value::TimeDelta(t) => t.total_micros() != 0,
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__bool__") {
                    let m = Value::Method(Rc::new((v.clone(), f)));
                    let r = self.call(&m, vec![], vec![])?;
                    return self.truthy(&r);
                }
                if let Some(f) = i.class.lookup("__len__") {
                    let m = Value::Method(Rc::new((v.clone(), f)));
                    let r = self.call(&m, vec![], vec![])?;
                    return self.truthy(&r);
                }
                true
            }
            Value::Native(n) => return self.native_truthy(n.clone()),
            _ => true,
        })
    }

    /// Unary `-x`, `+x`, `~x`.
    pub fn unary(&mut self, op: UnaryOp, v: Value) -> R<Value> {
        match (op, &v) {
            (UnaryOp::USub, Value::Int(i)) => Ok(Value::Int(i.neg())),
            (UnaryOp::USub, Value::Bool(b)) => Ok(Value::int(-(*b as i64))),
            (UnaryOp::USub, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnaryOp::USub, Value::Decimal(d)) => Ok(Value::Decimal(Rc::new(self.py(d.neg())?))),
            (UnaryOp::USub, Value::TimeDelta(t)) => {
                let t = self.py(crate::core::py::timedelta::TimeDelta::from_micros(
                    -t.total_micros(),
                ))?;
                Ok(Value::timedelta(t))
            }
            (UnaryOp::UAdd, Value::Int(_) | Value::Float(_) | Value::Decimal(_)) => Ok(v),
            (UnaryOp::UAdd, Value::Bool(b)) => Ok(Value::int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(i.invert())),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::int(!(*b as i64))),
            (_, Value::Native(n)) => self.native_unary(n.clone(), op),
            (_, Value::Instance(_)) => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                let f = self.getattr(&v, name)?;
                self.call(&f, vec![], vec![])
            }
            _ => {
                let sym = match op {
                    UnaryOp::USub => "-",
                    UnaryOp::UAdd => "+",
                    _ => "~",
                };
                self.raise(
                    "TypeError",
                    format!("bad operand type for unary {sym}: '{}'", self.type_name(&v)),
                )
            }
        }
    }

    /// `a op= b` (lists extend in place).
    pub fn binop_inplace(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        // (Failing here, not inside a class's operator method, the operator is named as
        // written: `+=`, not `+`.)
        let here = (self.source, self.cur_span);
        match self.binop_inplace_inner(op, a, b) {
            Err(e) if e.at == Some(here) => {
                let sym = if op == BinOp::Pow {
                    "** or pow()"
                } else {
                    op.as_str()
                };
                let prefix = format!("unsupported operand type(s) for {sym}: ");
                match self.exc_text_of(&e, "TypeError") {
                    Some(m) if m.starts_with(&prefix) => {
                        let isym = if op == BinOp::Pow { "**" } else { op.as_str() };
                        let rest = &m[prefix.len()..];
                        self.raise(
                            "TypeError",
                            format!("unsupported operand type(s) for {isym}=: {rest}"),
                        )
                    }
                    _ => Err(e),
                }
            }
            r => r,
        }
    }

    fn binop_inplace_inner(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        if let (BinOp::Add, Value::List(l)) = (op, &a) {
            let items = self.iterate(&b)?;
            l.borrow_mut().extend(items);
            return Ok(a);
        }
        // A list repeated, a dict merged, a set combined: in place (other names of the
        // object see the change), with what the plain operator makes.
        let in_place = matches!(
            (op, &a),
            (BinOp::Mult, Value::List(_))
                | (BinOp::BitOr, Value::Dict(_))
                | (
                    BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                    Value::Set(_)
                )
        );
        // (`d |= x` is `d.update(x)`: any mapping or iterable of pairs.)
        if let (BinOp::BitOr, Value::Dict(d)) = (op, &a)
            && !matches!(b, Value::Dict(_))
        {
            self.dict_method(d.clone(), "update", vec![b], vec![])?;
            return Ok(a);
        }
        if in_place {
            let made = self.binop(op, a.clone(), b)?;
            match (&a, &made) {
                (Value::List(x), Value::List(y)) if !Rc::ptr_eq(x, y) => {
                    let items = std::mem::take(&mut *y.borrow_mut());
                    *x.borrow_mut() = items;
                }
                (Value::Dict(x), Value::Dict(y)) | (Value::Set(x), Value::Set(y))
                    if !Rc::ptr_eq(x, y) =>
                {
                    let items = std::mem::take(&mut *y.borrow_mut());
                    *x.borrow_mut() = items;
                }
                _ => return Ok(made),
            }
            return Ok(a);
        }
        // A class's in-place method (`__iadd__`), when it has one: what it returns is the
        // new value. (`NotImplemented` evaluates to `None` here: a `None` falls back to
        // `a + b` when a class has that operator, else it is the value, as a method that
        // forgot `return self` gives in Python.)
        if let Value::Instance(i) = &a {
            let (plain, reflected) = dunder_names(op);
            let name = plain.replacen("__", "__i", 1);
            if let Some(f) = i.class.lookup(&name) {
                let m = Value::Method(Rc::new((a.clone(), f)));
                let r = self.call(&m, vec![b.clone()], vec![])?;
                let binary = i.class.lookup(plain).is_some()
                    || matches!(&b, Value::Instance(j) if j.class.lookup(reflected).is_some());
                if !matches!(r, Value::None) || !binary {
                    return Ok(r);
                }
            }
        }
        self.binop(op, a, b)
    }

    /// Whether dict or set `d` holds `k` (Python's lookup: equal objects of a class with
    /// its own `__hash__` too).
    pub fn member_of(&mut self, d: &std::cell::RefCell<super::value::Dict>, k: &Value) -> R<bool> {
        let h = self.key_in(d, k)?;
        Ok(d.borrow().get(&h).is_some())
    }

    /// `bytes + bytes` and `bytes * n` (either side), as `str`'s.
    fn bytes_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        use super::orm::Native;
        let bytes = |v: &Value| match v {
            Value::Native(n) if let Native::Bytes(x) = &**n => Some(x.clone()),
            _ => None,
        };
        let out: Vec<u8> = match (op, bytes(a), bytes(b)) {
            (BinOp::Add, Some(x), Some(y)) => x.iter().chain(y.iter()).copied().collect(),
            (BinOp::Mult, Some(x), None) | (BinOp::Mult, None, Some(x)) => {
                let n = if bytes(a).is_some() { b } else { a };
                let Some(n) = as_int(n) else { return Ok(None) };
                let n = usize::try_from(n.to_i64().unwrap_or(0).max(0)).unwrap_or(0);
                if x.len().saturating_mul(n) > 1 << 28 {
                    return self.raise("MemoryError", "");
                }
                x.repeat(n)
            }
            _ => return Ok(None),
        };
        Ok(Some(super::methods::string::bytes_value(&out)))
    }

    /// Binary operators.
    pub fn binop(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        // (An `IntEnum` member computes as its value.)
        if let Some(x) = self.mixin_value(&a) {
            return self.binop(op, x, b);
        }
        // (Not as `%`'s argument: `'%s' % m` formats the member, `str(m)`.)
        if let Some(y) = self.mixin_value(&b)
            && !(op == BinOp::Mod && matches!(a, Value::Str(_)))
        {
            return self.binop(op, a, y);
        }
        if let Some(r) = self.bytes_binop(op, &a, &b)? {
            return Ok(r);
        }
        // (A relationship's `CascadeOptions` computes as the set of its names.)
        if let Some(set) = self.cascade_as_set(&a)? {
            return self.binop(op, set, b);
        }
        if let Some(set) = self.cascade_as_set(&b)? {
            return self.binop(op, a, set);
        }
        if let Value::Native(n) = &a
            && let Some(r) = self.native_binop(n.clone(), op, &b, false)?
        {
            return Ok(r);
        }
        if let Value::Native(n) = &b
            && let Some(r) = self.native_binop(n.clone(), op, &a, true)?
        {
            return Ok(r);
        }
        if let Some(r) = self.view_set_op(op, &a, &b)? {
            return Ok(r);
        }
        // ints
        if let (Some(x), Some(y)) = (as_int(&a), as_int(&b)) {
            return Ok(match op {
                BinOp::Add => Value::Int(x.add(&y)),
                BinOp::Sub => Value::Int(x.sub(&y)),
                BinOp::Mult => Value::Int(x.mul(&y)),
                BinOp::Div => Value::Float(self.py(x.truediv(&y))?),
                BinOp::FloorDiv => Value::Int(self.py(x.floordiv(&y))?),
                BinOp::Mod => Value::Int(self.py(x.modulo(&y))?),
                BinOp::Pow => match self.py(x.pow(&y))? {
                    IntOrFloat::Int(i) => Value::Int(i),
                    IntOrFloat::Float(f) => Value::Float(f),
                },
                BinOp::LShift => Value::Int(self.py(x.shl(&y))?),
                BinOp::RShift => Value::Int(self.py(x.shr(&y))?),
                BinOp::BitAnd if matches!((&a, &b), (Value::Bool(_), Value::Bool(_))) => {
                    Value::Bool(!x.bitand(&y).is_zero())
                }
                BinOp::BitOr if matches!((&a, &b), (Value::Bool(_), Value::Bool(_))) => {
                    Value::Bool(!x.bitor(&y).is_zero())
                }
                BinOp::BitXor if matches!((&a, &b), (Value::Bool(_), Value::Bool(_))) => {
                    Value::Bool(!x.bitxor(&y).is_zero())
                }
                BinOp::BitAnd => Value::Int(x.bitand(&y)),
                BinOp::BitOr => Value::Int(x.bitor(&y)),
                BinOp::BitXor => Value::Int(x.bitxor(&y)),
                BinOp::MatMult => return self.op_error(op, &a, &b),
            });
        }
        // floats
        if matches!(a, Value::Float(_)) && num_f(&b).is_some()
            || matches!(b, Value::Float(_)) && num_f(&a).is_some()
        {
            let (x, y) = (num_f(&a).unwrap_or(0.0), num_f(&b).unwrap_or(0.0));
            use crate::core::py::float as fl;
            return Ok(Value::Float(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mult => x * y,
                BinOp::Div => self.py(fl::float_truediv(x, y))?,
                BinOp::FloorDiv => self.py(fl::float_floordiv(x, y))?,
                BinOp::Mod => self.py(fl::float_mod(x, y))?,
                BinOp::Pow => self.py(fl::float_pow(x, y))?,
                _ => return self.op_error(op, &a, &b),
            }));
        }
        match (&a, &b) {
            (Value::Str(x), Value::Str(y)) if op == BinOp::Add => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                return Ok(Value::str(&s));
            }
            (Value::Str(x), _) if op == BinOp::Mod => return self.percent(x, &b),
            (Value::Str(x), Value::Int(_) | Value::Bool(_)) if op == BinOp::Mult => {
                let n = self.as_index(&b)?;
                return Ok(Value::str(
                    &self.py(crate::core::py::strings::repeat(x, n))?,
                ));
            }
            (Value::Int(_), Value::Str(y)) if op == BinOp::Mult => {
                let n = self.as_index(&a)?;
                return Ok(Value::str(
                    &self.py(crate::core::py::strings::repeat(y, n))?,
                ));
            }
            (Value::List(x), Value::List(y)) if op == BinOp::Add => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (Value::Tuple(x), Value::Tuple(y)) if op == BinOp::Add => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                return Ok(Value::tuple(v));
            }
            // A list or tuple repeated, on either side of the count.
            (Value::List(_) | Value::Tuple(_), Value::Int(_) | Value::Bool(_))
            | (Value::Int(_) | Value::Bool(_), Value::List(_) | Value::Tuple(_))
                if op == BinOp::Mult =>
            {
                let (seq, count) = match &a {
                    Value::List(_) | Value::Tuple(_) => (&a, &b),
                    _ => (&b, &a),
                };
                let n = self.as_index(count)?.max(0) as usize;
                let src = match seq {
                    Value::List(x) => x.borrow().clone(),
                    Value::Tuple(x) => (**x).clone(),
                    _ => Vec::new(),
                };
                if src.len().saturating_mul(n) > 50_000_000 {
                    return self.raise("MemoryError", "");
                }
                let mut v = Vec::with_capacity(src.len() * n);
                for _ in 0..n {
                    v.extend(src.iter().cloned());
                }
                return Ok(match seq {
                    Value::Tuple(_) => Value::tuple(v),
                    _ => Value::list(v),
                });
            }
            (Value::Dict(x), Value::Dict(y)) if op == BinOp::BitOr => {
                let d = std::cell::RefCell::new(x.borrow().clone());
                let items: Vec<(Value, Value)> = y.borrow().iter().cloned().collect();
                for (k, v) in items {
                    let h = self.key_in(&d, &k)?;
                    d.borrow_mut().insert(h, k, v);
                }
                return Ok(Value::Dict(Rc::new(d)));
            }
            (Value::Set(x), Value::Set(y)) => {
                // (Each operand is walked in CPython's slot order, as `setobject.c`
                // walks it, so the result's members go in in CPython's order. Membership
                // is a lookup in the other set, equal objects of a class with its own
                // `__hash__` included.)
                let (x, y) = (x.clone(), y.clone());
                let xs = super::set_order::ordered_members(&x.borrow());
                let ys = super::set_order::ordered_members(&y.borrow());
                let (xs_len, ys_len) = (xs.len(), ys.len());
                let mut r: Vec<Value> = vec![];
                match op {
                    BinOp::BitOr => {
                        r = xs;
                        r.extend(ys);
                    }
                    // (`set_intersection` walks the smaller set, the right one on a tie.)
                    BinOp::BitAnd if ys_len <= xs_len => {
                        for k in ys {
                            if self.member_of(&x, &k)? {
                                r.push(k);
                            }
                        }
                    }
                    BinOp::BitAnd => {
                        for k in xs {
                            if self.member_of(&y, &k)? {
                                r.push(k);
                            }
                        }
                    }
                    BinOp::Sub => {
                        for k in xs {
                            if !self.member_of(&y, &k)? {
                                r.push(k);
                            }
                        }
                    }
                    BinOp::BitXor => {
                        for k in xs {
                            if !self.member_of(&y, &k)? {
                                r.push(k);
                            }
                        }
                        for k in ys {
                            if !self.member_of(&x, &k)? {
                                r.push(k);
                            }
                        }
                    }
                    _ => return self.op_error(op, &a, &b),
                }
                let presize = match op {
                    BinOp::BitOr => super::set_order::union_presize(xs_len, ys_len),
                    _ => 0,
                };
                return self.make_set_sized(r, presize);
            }
            _ => {}
        }
        if let Some(r) = self.datetime_binop(op, &a, &b)? {
            return Ok(r);
        }
        if let Some(r) = self.decimal_binop(op, &a, &b)? {
            return Ok(r);
        }
        // user dunders
        let (name, rname) = dunder_names(op);
        if let Value::Instance(i) = &a
            && let Some(f) = i.class.lookup(name)
        {
            let m = Value::Method(Rc::new((a.clone(), f)));
            return self.call(&m, vec![b], vec![]);
        }
        if let Value::Instance(i) = &b
            && let Some(f) = i.class.lookup(rname)
        {
            let m = Value::Method(Rc::new((b.clone(), f)));
            return self.call(&m, vec![a], vec![]);
        }
        self.op_error(op, &a, &b)
    }

    fn op_error<T>(&self, op: BinOp, a: &Value, b: &Value) -> R<T> {
        if op == BinOp::Add && matches!(a, Value::Str(_)) {
            return self.raise(
                "TypeError",
                format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.qual_type_name(b)
                ),
            );
        }
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        if op == BinOp::Mult && (seq(a) || seq(b)) {
            let other = if seq(a) { b } else { a };
            return self.raise(
                "TypeError",
                format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.qual_type_name(other)
                ),
            );
        }
        if op == BinOp::Add && matches!(a, Value::Tuple(_)) {
            return self.raise(
                "TypeError",
                format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.qual_type_name(b)
                ),
            );
        }
        if op == BinOp::Add && matches!(a, Value::List(_)) {
            return self.raise(
                "TypeError",
                format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.qual_type_name(b)
                ),
            );
        }
        let sym = if op == BinOp::Pow {
            "** or pow()"
        } else {
            op.as_str()
        };
        self.raise(
            "TypeError",
            format!(
                "unsupported operand type(s) for {sym}: '{}' and '{}'",
                self.qual_type_name(a),
                self.qual_type_name(b)
            ),
        )
    }

    fn decimal_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        use crate::core::py::decimal::Decimal;
        let to_d = |v: &Value| -> Option<Decimal> {
            match v {
                Value::Decimal(d) => Some((**d).clone()),
                Value::Int(i) => Some(Decimal::from_int(i)),
                Value::Bool(b) => Some(Decimal::from_int(&Int::Small(*b as i64))),
                _ => None,
            }
        };
        if !matches!(a, Value::Decimal(_)) && !matches!(b, Value::Decimal(_)) {
            return Ok(None);
        }
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            return self.raise(
                "TypeError",
                format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.as_str(),
                    self.qual_type_name(a),
                    self.qual_type_name(b)
                ),
            );
        }
        let (Some(x), Some(y)) = (to_d(a), to_d(b)) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => x.add(&y),
            BinOp::Sub => x.sub(&y),
            BinOp::Mult => x.mul(&y),
            BinOp::Div => x.div(&y),
            BinOp::FloorDiv => x.floordiv(&y),
            BinOp::Mod => x.rem(&y),
            BinOp::Pow => x.pow(&y),
            _ => return Ok(None),
        };
        Ok(Some(Value::Decimal(Rc::new(self.py(r)?))))
    }

    fn datetime_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        use crate::core::py::timedelta::TimeDelta;
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::DateTime(d), Value::TimeDelta(t))
            | (BinOp::Add, Value::TimeDelta(t), Value::DateTime(d)) => {
                Value::datetime(self.py(d.add(t))?)
            }
            (BinOp::Sub, Value::DateTime(d), Value::TimeDelta(t)) => {
                Value::datetime(self.py(d.sub(t))?)
            }
            (BinOp::Sub, Value::DateTime(d), Value::DateTime(e)) => {
                Value::timedelta(self.py(d.sub_datetime(e))?)
            }
            (BinOp::Add, Value::Date(d), Value::TimeDelta(t))
            | (BinOp::Add, Value::TimeDelta(t), Value::Date(d)) => Value::Date(self.py(d.add(t))?),
            (BinOp::Sub, Value::Date(d), Value::TimeDelta(t)) => Value::Date(self.py(d.sub(t))?),
            (BinOp::Sub, Value::Date(d), Value::Date(e)) => {
                Value::timedelta(self.py(d.sub_date(e))?)
            }
            (BinOp::Add, Value::TimeDelta(x), Value::TimeDelta(y)) => Value::timedelta(
                self.py(TimeDelta::from_micros(x.total_micros() + y.total_micros()))?,
            ),
            (BinOp::Sub, Value::TimeDelta(x), Value::TimeDelta(y)) => Value::timedelta(
                self.py(TimeDelta::from_micros(x.total_micros() - y.total_micros()))?,
            ),
            (BinOp::Mult, Value::TimeDelta(x), Value::Int(n))
            | (BinOp::Mult, Value::Int(n), Value::TimeDelta(x)) => {
                Value::timedelta(self.py(x.mul_int(n))?)
            }
            (BinOp::Mult, Value::TimeDelta(x), Value::Float(f))
            | (BinOp::Mult, Value::Float(f), Value::TimeDelta(x)) => {
                Value::timedelta(self.py(x.mul_float(*f))?)
            }
            (BinOp::Div, Value::TimeDelta(x), Value::Int(n)) => {
                Value::timedelta(self.py(x.div_int(n))?)
            }
            (BinOp::Div, Value::TimeDelta(x), Value::Float(f)) => {
                Value::timedelta(self.py(x.div_float(*f))?)
            }
            (BinOp::FloorDiv, Value::TimeDelta(x), Value::Int(n)) => {
                Value::timedelta(self.py(x.floordiv_int(n))?)
            }
            (BinOp::Mod, Value::TimeDelta(x), Value::TimeDelta(y)) => {
                Value::timedelta(self.py(x.mod_td(y))?)
            }
            (BinOp::Div, Value::TimeDelta(x), Value::TimeDelta(y)) => {
                Value::Float(self.py(x.div_td(y))?)
            }
            (BinOp::FloorDiv, Value::TimeDelta(x), Value::TimeDelta(y)) => {
                if y.total_micros() == 0 {
                    return self.raise("ZeroDivisionError", "integer division or modulo by zero");
                }
                Value::int(x.total_micros().div_euclid(y.total_micros()) as i64)
            }
            _ => return Ok(None),
        }))
    }
}

fn dunder_names(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
    }
}

impl Interp<'_> {
    /// CPython's `tp_name` (qualified for C types of modules: `decimal.Decimal`, `datetime.date`).
    pub fn qual_type_name(&self, v: &Value) -> String {
        match v {
            Value::Decimal(_) => "decimal.Decimal".into(),
            Value::Date(_) => "datetime.date".into(),
            Value::DateTime(_) => "datetime.datetime".into(),
            Value::TimeDelta(_) => "datetime.timedelta".into(),
            Value::Time(_) => "datetime.time".into(),
            other => self.type_name(other),
        }
    }
}
