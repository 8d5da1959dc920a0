//! Operators, truthiness, comparison, iteration and subscripting with Python semantics.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::core::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::core::py::Int;
use crate::core::py::int::IntOrFloat;
use crate::core::py::percent::{PercentArgs, PercentNum, SimpleArg};

use super::orm::Native;
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
                Ok(Value::TimeDelta(t))
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
        if let (BinOp::Add, Value::List(l)) = (op, &a) {
            let items = self.iterate(&b)?;
            l.borrow_mut().extend(items);
            return Ok(a);
        }
        self.binop(op, a, b)
    }

    /// Binary operators.
    pub fn binop(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
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
            (Value::List(x), Value::Int(_)) if op == BinOp::Mult => {
                let n = self.as_index(&b)?.max(0) as usize;
                let src = x.borrow().clone();
                let mut v = Vec::with_capacity(src.len() * n);
                for _ in 0..n {
                    v.extend(src.iter().cloned());
                }
                return Ok(Value::list(v));
            }
            (Value::Dict(x), Value::Dict(y)) if op == BinOp::BitOr => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    if let Some(h) = k.hkey() {
                        d.insert(h, k.clone(), v.clone());
                    }
                }
                return Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))));
            }
            (Value::Set(x), Value::Set(y)) => {
                let xs = x.borrow().keys();
                let ys = y.borrow();
                let r: Vec<Value> = match op {
                    BinOp::BitOr => {
                        let mut r = xs.clone();
                        r.extend(ys.keys());
                        r
                    }
                    BinOp::BitAnd => xs
                        .into_iter()
                        .filter(|k| k.hkey().is_some_and(|h| ys.get(&h).is_some()))
                        .collect(),
                    BinOp::Sub => xs
                        .into_iter()
                        .filter(|k| k.hkey().is_some_and(|h| ys.get(&h).is_none()))
                        .collect(),
                    BinOp::BitXor => {
                        let xd = x.borrow();
                        let mut r: Vec<Value> = xs
                            .into_iter()
                            .filter(|k| k.hkey().is_some_and(|h| ys.get(&h).is_none()))
                            .collect();
                        r.extend(
                            ys.keys()
                                .into_iter()
                                .filter(|k| k.hkey().is_some_and(|h| xd.get(&h).is_none())),
                        );
                        r
                    }
                    _ => return self.op_error(op, &a, &b),
                };
                drop(ys);
                return self.make_set(r);
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
                Value::DateTime(self.py(d.add(t))?)
            }
            (BinOp::Sub, Value::DateTime(d), Value::TimeDelta(t)) => {
                Value::DateTime(self.py(d.sub(t))?)
            }
            (BinOp::Sub, Value::DateTime(d), Value::DateTime(e)) => {
                Value::TimeDelta(self.py(d.sub_datetime(e))?)
            }
            (BinOp::Add, Value::Date(d), Value::TimeDelta(t))
            | (BinOp::Add, Value::TimeDelta(t), Value::Date(d)) => Value::Date(self.py(d.add(t))?),
            (BinOp::Sub, Value::Date(d), Value::TimeDelta(t)) => Value::Date(self.py(d.sub(t))?),
            (BinOp::Sub, Value::Date(d), Value::Date(e)) => {
                Value::TimeDelta(self.py(d.sub_date(e))?)
            }
            (BinOp::Add, Value::TimeDelta(x), Value::TimeDelta(y)) => Value::TimeDelta(
                self.py(TimeDelta::from_micros(x.total_micros() + y.total_micros()))?,
            ),
            (BinOp::Sub, Value::TimeDelta(x), Value::TimeDelta(y)) => Value::TimeDelta(
                self.py(TimeDelta::from_micros(x.total_micros() - y.total_micros()))?,
            ),
            (BinOp::Mult, Value::TimeDelta(x), Value::Int(n))
            | (BinOp::Mult, Value::Int(n), Value::TimeDelta(x)) => {
                let n = n.to_i64().unwrap_or(0) as i128;
                Value::TimeDelta(self.py(TimeDelta::from_micros(x.total_micros() * n))?)
            }
            (BinOp::Div, Value::TimeDelta(x), Value::TimeDelta(y)) => {
                if y.total_micros() == 0 {
                    return self.raise("ZeroDivisionError", "division by zero");
                }
                Value::Float(x.total_micros() as f64 / y.total_micros() as f64)
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

    /// `fmt % args`.
    fn percent(&mut self, fmt: &str, args: &Value) -> R<Value> {
        if let Value::Dict(_) = args {
            return self.unsupported("`%` formatting with a mapping");
        }
        let items: Vec<Value> = match args {
            Value::Tuple(t) => (**t).clone(),
            other => vec![other.clone()],
        };
        let mut simple = vec![];
        for v in &items {
            simple.push(self.percent_arg(v)?);
        }
        let refs: Vec<&dyn crate::core::py::percent::PercentArg> = simple
            .iter()
            .map(|s| s as &dyn crate::core::py::percent::PercentArg)
            .collect();
        let pa = if matches!(args, Value::Tuple(_)) {
            PercentArgs::Tuple(refs)
        } else {
            PercentArgs::Single(refs[0])
        };
        let r = crate::core::py::percent::percent_format(fmt, pa);
        Ok(Value::str(&self.py(r)?))
    }

    fn percent_arg(&mut self, v: &Value) -> R<SimpleArg> {
        Ok(match v {
            Value::Int(i) => SimpleArg::int(i.clone()),
            Value::Bool(b) => {
                let mut s = SimpleArg::int(Int::Small(*b as i64));
                s.str_value = if *b { "True" } else { "False" }.into();
                s.repr_value = s.str_value.clone();
                s.type_name = "bool".into();
                s
            }
            Value::Float(f) => SimpleArg::float(*f),
            Value::Str(s) => SimpleArg::str(s),
            Value::Decimal(d) => {
                let mut s = SimpleArg::other(&d.to_str(), &d.repr(), "Decimal");
                s.num = PercentNum::Decimal((**d).clone());
                s
            }
            other => {
                let s = self.to_str(other)?;
                let r = self.repr(other)?;
                SimpleArg::other(&s, &r, &self.type_name(other))
            }
        })
    }

    /// Comparison operators.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<Value> {
        if let Value::Native(n) = a
            && let Some(r) = self.native_compare(n.clone(), op, b, false)?
        {
            return Ok(r);
        }
        if let Value::Native(n) = b
            && !matches!(op, CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot)
            && let Some(r) = self.native_compare(n.clone(), op, a, true)?
        {
            return Ok(r);
        }
        let r = match op {
            CmpOp::Eq => self.eq(a, b)?,
            CmpOp::NotEq => {
                if let Value::Instance(i) = a
                    && let Some(f) = i.class.lookup("__ne__")
                {
                    let m = Value::Method(Rc::new((a.clone(), f)));
                    return self.call(&m, vec![b.clone()], vec![]);
                }
                !self.eq(a, b)?
            }
            CmpOp::Is => is_same(a, b),
            CmpOp::IsNot => !is_same(a, b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            _ => {
                let o = self.order(op, a, b)?;
                match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                }
            }
        };
        Ok(Value::Bool(r))
    }

    /// Ordering for `<` and `sorted`.
    pub fn order(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<Ordering> {
        let r = match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
            (Value::DateTime(x), Value::DateTime(y)) => Some(x.cmp(y)),
            (Value::TimeDelta(x), Value::TimeDelta(y)) => {
                Some(x.total_micros().cmp(&y.total_micros()))
            }
            (Value::Decimal(x), Value::Decimal(y)) => x.compare(y),
            (Value::Decimal(x), Value::Int(y)) => x.compare_int(y),
            (Value::Int(x), Value::Decimal(y)) => y.compare_int(x).map(Ordering::reverse),
            (Value::Decimal(x), Value::Float(y)) => x.compare_f64(*y),
            (Value::Float(x), Value::Decimal(y)) => y.compare_f64(*x).map(Ordering::reverse),
            (Value::Int(x), Value::Float(y)) => x.cmp_f64(*y),
            (Value::Float(x), Value::Int(y)) => y.cmp_f64(*x).map(Ordering::reverse),
            (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
                let xs = self.iterate(a)?;
                let ys = self.iterate(b)?;
                for (x, y) in xs.iter().zip(ys.iter()) {
                    if !self.eq(x, y)? {
                        return self.order(op, x, y);
                    }
                }
                Some(xs.len().cmp(&ys.len()))
            }
            _ => {
                if let (Some(x), Some(y)) = (num_f(a), num_f(b)) {
                    x.partial_cmp(&y)
                } else if let Value::Instance(i) = a
                    && let Some(f) = i.class.lookup("__lt__")
                {
                    let m = Value::Method(Rc::new((a.clone(), f)));
                    let lt = self.call(&m, vec![b.clone()], vec![])?;
                    if self.truthy(&lt)? {
                        Some(Ordering::Less)
                    } else if self.eq(a, b)? {
                        Some(Ordering::Equal)
                    } else {
                        Some(Ordering::Greater)
                    }
                } else {
                    return self.raise(
                        "TypeError",
                        format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            op.as_str(),
                            self.qual_type_name(a),
                            self.qual_type_name(b)
                        ),
                    );
                }
            }
        };
        // NaN comparisons are false both ways; map to a non-matching ordering.
        Ok(r.unwrap_or(Ordering::Equal))
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        Ok(match (a, b) {
            (Value::None, Value::None) => true,
            (Value::Str(x), Value::Str(y)) => x == y,
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Float(x), Value::Float(y)) => x == y,
            (Value::Int(_) | Value::Bool(_), Value::Int(_) | Value::Bool(_)) => {
                as_int(a) == as_int(b)
            }
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => x.eq_f64(*y),
            (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
                (*x as i64 as f64) == *y
            }
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (xs, ys) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&xs, &ys)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.seq_eq(x, y)?,
            (Value::Dict(x), Value::Dict(y)) => {
                let xs: Vec<(Value, Value)> = x.borrow().iter().cloned().collect();
                let yd = y.borrow().clone();
                if xs.len() != yd.len() {
                    return Ok(false);
                }
                for (k, v) in xs {
                    let Some(h) = k.hkey() else { return Ok(false) };
                    match yd.get(&h) {
                        Some(w) => {
                            if !self.eq(&v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len()
                    && x.iter()
                        .all(|(k, _)| k.hkey().is_some_and(|h| y.get(&h).is_some()))
            }
            (Value::Decimal(x), Value::Decimal(y)) => x.num_eq(y),
            (Value::Decimal(x), Value::Int(y)) | (Value::Int(y), Value::Decimal(x)) => {
                x.compare_int(y) == Some(Ordering::Equal)
            }
            (Value::Decimal(x), Value::Float(y)) | (Value::Float(y), Value::Decimal(x)) => {
                x.compare_f64(*y) == Some(Ordering::Equal)
            }
            (Value::Date(x), Value::Date(y)) => x == y,
            (Value::DateTime(x), Value::DateTime(y)) => x == y,
            (Value::TimeDelta(x), Value::TimeDelta(y)) => x.total_micros() == y.total_micros(),
            (Value::Instance(i), _) if i.class.lookup("__eq__").is_some() => {
                let f = i.class.lookup("__eq__").unwrap_or(Value::None);
                let m = Value::Method(Rc::new((a.clone(), f)));
                let r = self.call(&m, vec![b.clone()], vec![])?;
                self.truthy(&r)?
            }
            (Value::Native(x), Value::Native(y)) => self.native_eq(x, y),
            _ => is_same(a, b),
        })
    }

    fn seq_eq(&mut self, xs: &[Value], ys: &[Value]) -> R<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        for (x, y) in xs.iter().zip(ys) {
            if !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(x) => Ok(s.contains(&**x)),
                _ => self.raise(
                    "TypeError",
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    ),
                ),
            },
            Value::Dict(d) | Value::Set(d) => {
                let h = self.hash_key(item)?;
                Ok(d.borrow().get(&h).is_some())
            }
            Value::Native(n) => self.native_contains(n.clone(), item),
            Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
                let f = i.class.lookup("__contains__").unwrap_or(Value::None);
                let m = Value::Method(Rc::new((container.clone(), f)));
                let r = self.call(&m, vec![item.clone()], vec![])?;
                self.truthy(&r)
            }
            _ => {
                for v in self.iterate(container)? {
                    if is_same(&v, item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> R<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok((**t).clone()),
            Value::Str(s) => Ok(s
                .chars()
                .map(|c| Value::str(c.encode_utf8(&mut [0; 4])))
                .collect()),
            Value::Dict(d) | Value::Set(d) => Ok(d.borrow().keys()),
            Value::Native(n) => self.native_iter(n.clone()),
            Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                let f = self.getattr(v, "__iter__")?;
                let it = self.call(&f, vec![], vec![])?;
                self.iterate(&it)
            }
            _ => self.raise(
                "TypeError",
                format!("'{}' object is not iterable", self.type_name(v)),
            ),
        }
    }

    /// Key/value pairs of a mapping (`**kw`, `dict(m)`).
    pub fn mapping_items(&mut self, v: &Value) -> R<Vec<(Value, Value)>> {
        match v {
            Value::Dict(d) => Ok(d.borrow().iter().cloned().collect()),
            Value::Native(n) => self.native_mapping_items(n.clone()),
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
                Value::Native(q) => self.native_slice(q.clone(), a, b),
                _ => self.raise(
                    "TypeError",
                    format!("'{}' object is not subscriptable", self.type_name(obj)),
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
                let h = self.hash_key(key)?;
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
            Value::Class(_) => Ok(obj.clone()),
            _ => self.raise(
                "TypeError",
                format!("'{}' object is not subscriptable", self.type_name(obj)),
            ),
        }
    }

    fn index_of(&mut self, key: &Value, what: &str) -> R<i64> {
        match key {
            Value::Int(_) | Value::Bool(_) => self.as_index(key),
            _ => self.raise(
                "TypeError",
                format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(key)
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
                let h = self.hash_key(&key)?;
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
                let h = self.hash_key(&key)?;
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

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> R<String> {
        use crate::core::py::format_spec as fs;
        match v {
            Value::Str(s) => self.py(fs::format_str(s, spec)),
            Value::Int(i) => self.py(fs::format_int(i, spec)),
            Value::Bool(b) => self.py(fs::format_bool(*b, spec)),
            Value::Float(f) => self.py(fs::format_float(*f, spec)),
            Value::Decimal(d) => self.py(crate::core::py::decimal_format::format_decimal(d, spec)),
            Value::DateTime(d) if !spec.is_empty() => Ok(d.strftime(spec)),
            Value::Date(d) if !spec.is_empty() => Ok(d.strftime(spec)),
            Value::Instance(i) if i.class.lookup("__format__").is_some() => {
                let f = self.getattr(v, "__format__")?;
                let r = self.call(&f, vec![Value::str(spec)], vec![])?;
                self.to_str(&r)
            }
            _ => {
                let s = self.to_str(v)?;
                let tn = self.type_name(v);
                self.py(fs::format_object(&s, &tn, spec))
            }
        }
    }
}

/// `a is b`.
pub fn is_same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => {
            x == y && x.to_i64().is_some_and(|v| (-5..=256).contains(&v))
        }
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x == y && x.len() <= 1,
        (Value::Builtin(x), Value::Builtin(y)) => x == y,
        _ => match (a.ptr(), b.ptr()) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
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
            other => self.type_name(other),
        }
    }
}
