//! Dict views: `d.keys()`, `d.values()`, `d.items()` (live views of the dict, as
//! CPython's `dict_keys`/`dict_values`/`dict_items`) and a `RowMapping`'s
//! `values()`/`items()` (SQLAlchemy's `ROMappingKeysValuesView`/`ROMappingItemsView`).

use std::rc::Rc;

use super::orm::Native;
use super::value::Value;
use super::{Interp, R};
use crate::core::lang::ast::BinOp;

/// What a view shows: keys, values or `(key, value)` pairs.
pub const KEYS: u8 = 0;
/// See [`KEYS`].
pub const VALUES: u8 = 1;
/// See [`KEYS`].
pub const ITEMS: u8 = 2;

/// A view of `src` (a dict, or a `RowMapping`), as a value.
pub fn view(kind: u8, src: Value) -> Value {
    Value::Native(Rc::new(Native::DictView(kind, src)))
}

/// The class name of a view.
pub fn view_type_name(kind: u8, src: &Value) -> &'static str {
    match (src, kind) {
        (Value::Dict(_), KEYS) => "dict_keys",
        (Value::Dict(_), VALUES) => "dict_values",
        (Value::Dict(_), _) => "dict_items",
        (_, ITEMS) => "ROMappingItemsView",
        _ => "ROMappingKeysValuesView",
    }
}

impl Interp<'_> {
    /// The items of a view, in order.
    pub fn view_items(&mut self, kind: u8, src: &Value) -> R<Vec<Value>> {
        // (A row mapping's values are all its row's, those of unnamed columns too, which
        // have no key.)
        if let (VALUES, Value::Native(n)) = (kind, src)
            && let crate::core::interp::orm::Native::Mapping(r) = &**n
        {
            return Ok((*r.values).clone());
        }
        let pairs: Vec<(Value, Value)> = match src {
            Value::Dict(d) => d.borrow().iter().cloned().collect(),
            // (A row mapping's unnamed columns are left out there.)
            Value::Native(n) => self.native_mapping_items(n.clone())?,
            _ => vec![],
        };
        Ok(pairs
            .into_iter()
            .map(|(k, v)| match kind {
                KEYS => k,
                VALUES => v,
                _ => Value::tuple(vec![k, v]),
            })
            .collect())
    }

    /// `repr()` of a view: `dict_keys([...])`, or SQLAlchemy's `ROMappingItemsView({...})`.
    pub fn view_repr(&mut self, kind: u8, src: &Value) -> R<String> {
        let inner = match src {
            Value::Dict(_) => {
                let items = self.view_items(kind, src)?;
                self.repr(&Value::list(items))?
            }
            _ => self.repr(src)?,
        };
        Ok(format!("{}({inner})", view_type_name(kind, src)))
    }

    /// `x in view`: a dict's keys by hash, else by equality over the items.
    pub fn view_contains(&mut self, kind: u8, src: &Value, item: &Value) -> R<bool> {
        if let (KEYS, Value::Dict(d)) = (kind, src) {
            let h = self.key_in(d, item)?;
            return Ok(d.borrow().get(&h).is_some());
        }
        for v in self.view_items(kind, src)? {
            if super::ops::is_same(&v, item) || self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// A set operator with a dict's keys or items view on either side (`d.keys() & other`):
    /// both sides as sets; `None` when neither side is such a view or `op` is no set operator.
    pub fn view_set_op(&mut self, op: BinOp, a: &Value, b: &Value) -> R<Option<Value>> {
        let setlike = |v: &Value| {
            matches!(v, Value::Native(n) if matches!(&**n,
                Native::DictView(k, Value::Dict(_)) if *k != VALUES))
        };
        if !matches!(
            op,
            BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor
        ) || !(setlike(a) || setlike(b))
        {
            return Ok(None);
        }
        let x = self.iterate(a)?;
        let x = self.make_set(x)?;
        let y = self.iterate(b)?;
        let y = self.make_set(y)?;
        self.binop(op, x, y).map(Some)
    }

    /// Both operands as sets when one is a dict's keys or items view and the other a set
    /// or such a view (their `<`, `<=`... are set inclusion); `None` otherwise.
    pub fn view_as_set_operands(&mut self, a: &Value, b: &Value) -> R<Option<(Value, Value)>> {
        let view = |v: &Value| {
            matches!(v, Value::Native(n) if matches!(&**n,
                Native::DictView(k, Value::Dict(_)) if *k != VALUES))
        };
        let setlike = |v: &Value| view(v) || matches!(v, Value::Set(_));
        if !(view(a) || view(b)) || !setlike(a) || !setlike(b) {
            return Ok(None);
        }
        let x = self.iterate(a)?;
        let x = self.make_set(x)?;
        let y = self.iterate(b)?;
        let y = self.make_set(y)?;
        Ok(Some((x, y)))
    }

    /// `==` of a dict's keys or items view with a set or another such view (as sets);
    /// a `RowMapping` view equals what lists as its items. `None`: not such a comparison.
    pub fn view_eq(&mut self, kind: u8, src: &Value, other: &Value) -> R<Option<bool>> {
        let mine = self.view_items(kind, src)?;
        if !matches!(src, Value::Dict(_)) {
            let theirs = self.iterate(other)?;
            let (a, b) = (Value::list(mine), Value::list(theirs));
            return self.eq(&a, &b).map(Some);
        }
        let comparable = match other {
            Value::Set(_) => kind != VALUES,
            Value::Native(n) => {
                matches!(&**n, Native::DictView(k, Value::Dict(_)) if *k == kind && kind != VALUES)
            }
            _ => false,
        };
        if !comparable {
            return Ok(None);
        }
        let theirs = self.iterate(other)?;
        if theirs.len() != mine.len() {
            return Ok(Some(false));
        }
        let set = self.make_set(theirs)?;
        for v in &mine {
            if !self.contains(&set, v)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }
}
