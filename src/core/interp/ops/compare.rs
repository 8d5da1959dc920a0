//! Comparison with Python semantics: `==`, ordering (`<`, `sorted`), `is`, `in`.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::core::lang::ast::CmpOp;

use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

use super::{as_int, num_f};

impl Interp<'_> {
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
        if !matches!(op, CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn) {
            if let Some(x) = self.mixin_value(a) {
                return self.compare(op, &x, b);
            }
            if let Some(y) = self.mixin_value(b) {
                return self.compare(op, a, &y);
            }
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
            // (A dict's keys or items view orders as its set, with a set or another view.)
            _ if let Some((x, y)) = self.view_as_set_operands(a, b)? => {
                return self.compare(op, &x, &y);
            }
            // Sets order by inclusion: `a <= b` is `a.issubset(b)`.
            _ if matches!((a, b), (Value::Set(_), Value::Set(_))) => {
                let (Value::Set(x), Value::Set(y)) = (a, b) else {
                    unreachable!()
                };
                let (nx, ny) = (x.borrow().len(), y.borrow().len());
                let (small, big, strict) = match op {
                    CmpOp::Lt => (a, b, nx < ny),
                    CmpOp::LtE => (a, b, true),
                    CmpOp::Gt => (b, a, ny < nx),
                    _ => (b, a, true),
                };
                let sub = self.call_method(small, "issubset", vec![big.clone()], vec![])?;
                strict && self.truthy(&sub)?
            }
            // A class's own comparison (`__le__`...), else the reflected one of the other
            // operand's class (`a <= b` tries `b.__ge__(a)`), as Python does.
            _ if let Some(r) = self.rich_compare(op, a, b)? => return Ok(r),
            // (Neither class answers: `<=` is not made of `<` and `==`.)
            _ if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) => {
                return self.unorderable(op, a, b);
            }
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

    /// Python's `TypeError` for an ordering the operands' types do not have.
    fn unorderable<T>(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<T> {
        let msg = format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.as_str(),
            self.qual_type_name(a),
            self.qual_type_name(b)
        );
        self.raise("TypeError", msg)
    }

    /// `a op b` by the operands' dunder methods (`None` when neither class has one that
    /// answers: it is missing or returns `NotImplemented`).
    fn rich_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<Option<Value>> {
        let (own, reflected) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => return Ok(None),
        };
        for (x, y, name) in [(a, b, own), (b, a, reflected)] {
            if let Value::Instance(i) = x
                && let Some(f) = i.class.lookup(name)
            {
                let m = Value::Method(Rc::new((x.clone(), f)));
                let r = self.call(&m, vec![y.clone()], vec![])?;
                // (`NotImplemented` evaluates to `None` here.)
                if !matches!(r, Value::None) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// Ordering for `<` and `sorted`.
    pub fn order(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<Ordering> {
        if let Some(x) = self.mixin_value(a) {
            return self.order(op, &x, b);
        }
        if let Some(y) = self.mixin_value(b) {
            return self.order(op, a, &y);
        }
        // A `Row` orders as its tuple (SQLAlchemy's `Row._op`).
        if let Some((a, b)) = rows_as_tuples(a, b) {
            return self.order(op, &a, &b);
        }
        let r = match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
            (Value::DateTime(x), Value::DateTime(y)) if x.is_utc() != y.is_utc() => {
                return self.raise(
                    "TypeError",
                    "can't compare offset-naive and offset-aware datetimes",
                );
            }
            (Value::DateTime(x), Value::DateTime(y)) => Some(x.cmp(y)),
            (Value::TimeDelta(x), Value::TimeDelta(y)) => {
                Some(x.total_micros().cmp(&y.total_micros()))
            }
            (Value::Time(x), Value::Time(y)) => Some(x.cmp(y)),
            (Value::Decimal(x), Value::Decimal(y)) => x.compare(y),
            (Value::Decimal(x), Value::Int(y)) => x.compare_int(y),
            (Value::Int(x), Value::Decimal(y)) => y.compare_int(x).map(Ordering::reverse),
            (Value::Decimal(x), Value::Bool(y)) => x.compare_int(&(*y as i64).into()),
            (Value::Bool(x), Value::Decimal(y)) => {
                y.compare_int(&(*x as i64).into()).map(Ordering::reverse)
            }
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
                } else if matches!(
                    (a, b),
                    (Value::Date(_), Value::DateTime(_)) | (Value::DateTime(_), Value::Date(_))
                ) {
                    // (The datetime's own comparison refuses, whichever side it is on.)
                    return self.raise(
                        "TypeError",
                        "can't compare datetime.datetime to datetime.date",
                    );
                } else {
                    return self.unorderable(op, a, b);
                }
            }
        };
        // NaN comparisons are false both ways; map to a non-matching ordering.
        Ok(r.unwrap_or(Ordering::Equal))
    }

    /// `a == b`.
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        // A member of an enum mixing in `str`/`int` equals its value.
        if let Some(x) = self.mixin_value(a) {
            return self.eq(&x, b);
        }
        if let Some(y) = self.mixin_value(b) {
            return self.eq(a, &y);
        }
        // A `Row` compares as its tuple (SQLAlchemy's `Row._op`): equal to a tuple of
        // the same values, never to a list.
        if let Some((a, b)) = rows_as_tuples(a, b) {
            return self.eq(&a, &b);
        }
        for (v, other) in [(a, b), (b, a)] {
            if let Value::Native(n) = v
                && let Native::DictView(k, src) = &**n
                && let Some(r) = self.view_eq(*k, &src.clone(), other)?
            {
                return Ok(r);
            }
        }
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
                if xs.len() != y.borrow().len() {
                    return Ok(false);
                }
                for (k, v) in xs {
                    let h = self.key_in(y, &k)?;
                    let w = y.borrow().get(&h).cloned();
                    match w {
                        Some(w) => {
                            if !self.eq(&v, &w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(x), Value::Set(y)) => {
                let xs: Vec<Value> = x.borrow().keys();
                if xs.len() != y.borrow().len() {
                    return Ok(false);
                }
                for k in xs {
                    let h = self.key_in(y, &k)?;
                    if y.borrow().get(&h).is_none() {
                        return Ok(false);
                    }
                }
                true
            }
            (Value::Decimal(x), Value::Decimal(y)) => x.num_eq(y),
            (Value::Decimal(x), Value::Int(y)) | (Value::Int(y), Value::Decimal(x)) => {
                x.compare_int(y) == Some(Ordering::Equal)
            }
            (Value::Decimal(x), Value::Bool(y)) | (Value::Bool(y), Value::Decimal(x)) => {
                x.compare_int(&(*y as i64).into()) == Some(Ordering::Equal)
            }
            (Value::Decimal(x), Value::Float(y)) | (Value::Float(y), Value::Decimal(x)) => {
                x.compare_f64(*y) == Some(Ordering::Equal)
            }
            (Value::Date(x), Value::Date(y)) => x == y,
            (Value::DateTime(x), Value::DateTime(y)) => x == y,
            (Value::TimeDelta(x), Value::TimeDelta(y)) => x.total_micros() == y.total_micros(),
            (Value::Time(x), Value::Time(y)) => x == y,
            (Value::Instance(i), _) if i.class.lookup("__eq__").is_some() => {
                let f = i.class.lookup("__eq__").unwrap_or(Value::None);
                let m = Value::Method(Rc::new((a.clone(), f)));
                let r = self.call(&m, vec![b.clone()], vec![])?;
                self.truthy(&r)?
            }
            // (The left operand's type does not know the object: the reflected
            // `__eq__`, as `5 == obj` asks `obj.__eq__(5)`.)
            (_, Value::Instance(j)) if j.class.lookup("__eq__").is_some() => {
                let f = j.class.lookup("__eq__").unwrap_or(Value::None);
                let m = Value::Method(Rc::new((b.clone(), f)));
                let r = self.call(&m, vec![a.clone()], vec![])?;
                self.truthy(&r)?
            }
            // (A relationship's cascade compares as the set of its names.)
            (c @ Value::Native(_), other @ Value::Set(_))
            | (other @ Value::Set(_), c @ Value::Native(_))
                if let Some(set) = self.cascade_as_set(c)? =>
            {
                return self.eq(&set, other);
            }
            // (A RowMapping compares as the dict of its items.)
            (Value::Native(n), other @ Value::Dict(_))
            | (other @ Value::Dict(_), Value::Native(n))
                if matches!(&**n, crate::core::interp::orm::Native::Mapping(_)) =>
            {
                let items = self.native_mapping_items(n.clone())?;
                return self.eq(&Value::dict_of(items), other);
            }
            (Value::Native(x), Value::Native(y))
                if matches!(&**x, crate::core::interp::orm::Native::Mapping(_))
                    && matches!(&**y, crate::core::interp::orm::Native::Mapping(_)) =>
            {
                let xs = self.native_mapping_items(x.clone())?;
                let ys = self.native_mapping_items(y.clone())?;
                return self.eq(&Value::dict_of(xs), &Value::dict_of(ys));
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
                let h = self.key_in(d, item)?;
                Ok(d.borrow().get(&h).is_some())
            }
            // An iterator is read until the item is found (the rest stays in it).
            Value::Native(n) if crate::core::interp::builtins::enumerate::is_iterator(n) => {
                let n = n.clone();
                while let Some(v) = self.next_of(&n)? {
                    if is_same(&v, item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Native(n) => self.native_contains(n.clone(), item),
            Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
                let f = i.class.lookup("__contains__").unwrap_or(Value::None);
                let m = Value::Method(Rc::new((container.clone(), f)));
                let r = self.call(&m, vec![item.clone()], vec![])?;
                self.truthy(&r)
            }
            _ if self.surely_not_iterable(container) => {
                let t = self.qual_type_name(container);
                self.raise(
                    "TypeError",
                    format!("argument of type '{t}' is not iterable"),
                )
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
}

/// `a` and `b` with any `Row` among them as its tuple, when there is one.
fn rows_as_tuples(a: &Value, b: &Value) -> Option<(Value, Value)> {
    let tuple = |v: &Value| match v {
        Value::Native(n) => match &**n {
            crate::core::interp::orm::Native::Row(r)
            | crate::core::interp::orm::Native::Named(_, r) => {
                Some(Value::tuple((*r.values).clone()))
            }
            _ => None,
        },
        _ => None,
    };
    match (tuple(a), tuple(b)) {
        (None, None) => None,
        (x, y) => Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        )),
    }
}

/// `is` between library objects that stand for one object however they were reached: a
/// column (the same table and position), the session, a type, the engine (`None`: compared
/// by address).
fn same_native(x: &Native, y: &Native) -> Option<bool> {
    Some(match (x, y) {
        // One table (one column of it) however it was reached (`Model.__table__ is
        // db.metadata.tables['t']`).
        (Native::ColumnObj(t, i), Native::ColumnObj(u, j)) => t == u && i == j,
        (Native::Table(s), Native::Table(t)) => s == t,
        (Native::Session(p), Native::Session(q)) => p == q,
        // A class's one mapper; the one property behind an attribute.
        (
            Native::Inspected(crate::core::interp::orm::inspect::Inspected::Mapper(c)),
            Native::Inspected(crate::core::interp::orm::inspect::Inspected::Mapper(d)),
        ) => Rc::ptr_eq(c, d),
        (Native::Property(a), Native::Property(b)) => a.class == b.class && a.key == b.key,
        // The extension and its metadata are one object each.
        (Native::Db, Native::Db) | (Native::Metadata, Native::Metadata) => true,
        (Native::TypeObj(p), Native::TypeObj(q)) | (Native::Module(p), Native::Module(q)) => p == q,
        _ => return None,
    })
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
        // One library callable however it was reached (`db.validates is validates`).
        (Value::Native(x), Value::Native(y))
            if let (Native::SqlaFn(f), Native::SqlaFn(g)) = (&**x, &**y) =>
        {
            f.trim_start_matches("db.") == g.trim_start_matches("db.")
        }
        (Value::Native(x), Value::Native(y)) if let Some(same) = same_native(x, y) => same,
        _ => match (a.ptr(), b.ptr()) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}
