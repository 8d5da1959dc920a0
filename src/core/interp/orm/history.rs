//! `inspect(obj).attrs`: an object's attribute states (`AttributeState`: `value`,
//! `loaded_value`, `history`), and the `History` of a column attribute as SQLAlchemy
//! keeps it (`added`, `unchanged`, `deleted`).

use std::rc::Rc;

use super::Native;
use super::dispatch::nv;
use super::inspect::Inspected;
use super::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

/// The three parts of a `History`, in its field order.
pub const FIELDS: [&str; 3] = ["added", "unchanged", "deleted"];

/// `(added, unchanged, deleted)` of a relationship, as SQLAlchemy's `History.from_collection`
/// and `from_object_attribute` make it: against the value last loaded or flushed, by
/// identity (added and unchanged in the current order, deleted in the old one); a new
/// object's value is all added; an unloaded one has no history.
fn relationship_history(inst: &Rc<Instance>, key: &str) -> [Value; 3] {
    use crate::core::interp::ops::is_same;
    let none = || Value::tuple(vec![]);
    let Some(cur) = inst.dict.borrow().get(key).cloned() else {
        return [none(), none(), none()];
    };
    let st = inst.orm.borrow();
    let (status, old) = match st.as_ref() {
        Some(s) => (s.status, s.rel_committed.get(key).cloned()),
        None => (Status::Transient, None),
    };
    let new = matches!(status, Status::Transient | Status::Pending);
    match cur {
        Value::List(l) => {
            let cur = l.borrow().clone();
            let old = match (new, old) {
                (true, _) => return [Value::list(cur), Value::list(vec![]), Value::list(vec![])],
                (false, Some(Value::List(o))) => o.borrow().clone(),
                (false, _) => return [none(), Value::list(cur), none()],
            };
            let unchanged_order =
                cur.len() == old.len() && cur.iter().zip(old.iter()).all(|(a, b)| is_same(a, b));
            if unchanged_order {
                return [none(), Value::list(cur), none()];
            }
            let held = |xs: &[Value], x: &Value| xs.iter().any(|y| is_same(x, y));
            let added = cur.iter().filter(|x| !held(&old, x)).cloned().collect();
            let unchanged = cur.iter().filter(|x| held(&old, x)).cloned().collect();
            let deleted = old.iter().filter(|x| !held(&cur, x)).cloned().collect();
            [
                Value::list(added),
                Value::list(unchanged),
                Value::list(deleted),
            ]
        }
        cur => {
            let one = |v: Value| Value::list(vec![v]);
            match (new, old) {
                (true, _) => [one(cur), none(), none()],
                (false, Some(old)) if is_same(&old, &cur) => [none(), one(cur), none()],
                (false, Some(old)) => {
                    let deleted = match old {
                        Value::None => none(),
                        old => one(old),
                    };
                    [one(cur), none(), deleted]
                }
                (false, None) => [one(cur), none(), none()],
            }
        }
    }
}

impl Interp<'_> {
    /// `inspect(obj).attrs.<key>` / `attrs[key]`: the attribute's state.
    pub(crate) fn attr_state(&mut self, inst: &Rc<Instance>, key: &str) -> R<Value> {
        let known = inst.class.model_info().is_some_and(|m| {
            m.column_index(key).is_some() || self.orm.reg.relationship(&m.class, key).is_ok()
        });
        if !known {
            return self.raise("AttributeError", key);
        }
        Ok(nv(Native::Inspected(Inspected::Attr(
            inst.clone(),
            Rc::from(key),
        ))))
    }

    /// Attributes of an `AttributeState`.
    pub(crate) fn attr_state_attr(
        &mut self,
        inst: &Rc<Instance>,
        key: &str,
        name: &str,
    ) -> R<Value> {
        match name {
            "key" => Ok(Value::str(key)),
            "value" => self.getattr(&Value::Instance(inst.clone()), key),
            "loaded_value" => {
                // (A column the INSERT sent as NULL without its being set has none.)
                let column = inst.class.model_info().and_then(|m| m.column_index(key));
                Ok(match column {
                    Some(i) => super::model::present_attr(inst, i),
                    None => super::model::loaded_attr(inst, key),
                }
                .unwrap_or_else(|| Value::Builtin(Rc::from("NO_VALUE"))))
            }
            "history" => {
                let [a, u, d] = self.column_history(inst, key)?;
                Ok(nv(Native::Inspected(Inspected::History(Box::new([
                    a, u, d,
                ])))))
            }
            _ => self.no_attr("AttributeState", name),
        }
    }

    /// `(added, unchanged, deleted)` of a column attribute: what was set since the object
    /// was loaded or flushed, and the value it replaced when that was loaded.
    fn column_history(&mut self, inst: &Rc<Instance>, key: &str) -> R<[Value; 3]> {
        let none = || Value::tuple(vec![]);
        let Some(m) = inst.class.model_info() else {
            return Ok([none(), none(), none()]);
        };
        let Some(i) = m.column_index(key) else {
            return Ok(relationship_history(inst, key));
        };
        let st = inst.orm.borrow();
        let Some(s) = st.as_ref() else {
            return Ok([none(), none(), none()]);
        };
        let cur = s.value(i).filter(|_| !s.is_unset(i)).cloned();
        let one = |v: Value| Value::list(vec![v]);
        Ok(match (s.status, cur) {
            (_, None) => [none(), none(), none()],
            (Status::Transient | Status::Pending, Some(v)) => [one(v), none(), none()],
            (_, Some(v)) => match &s.committed {
                None => [none(), one(v), none()],
                Some(c) => match c.get(i).cloned().flatten() {
                    None => [one(v), none(), none()],
                    Some(old) => {
                        if crate::core::interp::ops::is_same(&old, &v)
                            || super::session::simple_eq_value(&old, &v)
                        {
                            [none(), one(v), none()]
                        } else {
                            [one(v), none(), one(old)]
                        }
                    }
                },
            },
        })
    }

    /// Attributes and methods of a `History`.
    pub(crate) fn history_attr(&mut self, this: &Value, h: &[Value; 3], name: &str) -> R<Value> {
        if let Some(i) = FIELDS.iter().position(|f| *f == name) {
            return Ok(h[i].clone());
        }
        match name {
            "has_changes" | "empty" | "non_deleted" | "sum" | "non_added" => Ok(
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name)))),
            ),
            _ => self.no_attr("History", name),
        }
    }

    /// `History` methods.
    pub(crate) fn history_method(&mut self, h: &[Value; 3], name: &str) -> R<Value> {
        let items = |v: &Value| -> Vec<Value> {
            match v {
                Value::List(l) => l.borrow().clone(),
                _ => vec![],
            }
        };
        let [a, u, d] = [items(&h[0]), items(&h[1]), items(&h[2])];
        Ok(match name {
            "has_changes" => Value::Bool(!a.is_empty() || !d.is_empty()),
            "empty" => Value::Bool(a.is_empty() && u.is_empty() && d.is_empty()),
            "non_deleted" => Value::list([a, u].concat()),
            "non_added" => Value::list([u, d].concat()),
            _ => Value::list([a, u, d].concat()),
        })
    }

    /// `repr()` of a `History`.
    pub(crate) fn history_repr(&mut self, h: &[Value; 3]) -> R<String> {
        let mut parts = vec![];
        for (f, v) in FIELDS.iter().zip(h.iter()) {
            parts.push(format!("{f}={}", self.repr(v)?));
        }
        Ok(format!("History({})", parts.join(", ")))
    }
}
