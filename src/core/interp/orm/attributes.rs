//! The functions of `sqlalchemy.orm.attributes` that tutorials import: `flag_modified`
//! (the usual way to save an in-place change to a `JSON` column), `flag_dirty`,
//! `get_history`, `set_committed_value` and `instance_state`.

use std::rc::Rc;

use super::model::Status;
use crate::core::interp::call::Kw;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

/// The names this module provides.
pub const NAMES: &[&str] = &[
    "flag_modified",
    "flag_dirty",
    "get_history",
    "set_committed_value",
    "instance_state",
];

impl Interp<'_> {
    /// Calls `sqlalchemy.orm.attributes.<name>(*args)`.
    pub(crate) fn attributes_fn(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        if let Some((k, _)) = kw.first() {
            return self.raise(
                "TypeError",
                format!("{name}() got an unexpected keyword argument '{k}'"),
            );
        }
        let wanted = match name {
            "flag_modified" | "get_history" => 2,
            "set_committed_value" => 3,
            "flag_dirty" | "instance_state" => 1,
            _ => return self.unsupported(&format!("`sqlalchemy.orm.attributes.{name}`")),
        };
        if args.len() != wanted {
            return self.raise(
                "TypeError",
                format!(
                    "{name}() takes {wanted} positional argument{} but {} were given",
                    if wanted == 1 { "" } else { "s" },
                    args.len()
                ),
            );
        }
        let inst = self.mapped_instance(&args[0])?;
        match name {
            "instance_state" => self.sqla_inspect(vec![args[0].clone()]),
            "flag_dirty" => {
                self.flag(&inst);
                Ok(Value::None)
            }
            _ => {
                let Value::Str(key) = &args[1] else {
                    let r = self.repr(&args[1])?;
                    return self.raise("KeyError", r);
                };
                let key = key.clone();
                let Some(m) = inst.class.model_info() else {
                    return self.raise("KeyError", &key);
                };
                let column = m.column_index(&key);
                if column.is_none() && self.orm.reg.relationship(&m.class, &key).is_err() {
                    return self.raise("KeyError", &key);
                }
                match name {
                    "get_history" => {
                        // (Unlike `inspect(obj).attrs.x.history`, it loads an expired
                        // attribute first.)
                        if self.status(&inst) == Status::Persistent {
                            self.getattr(&args[0], &key)?;
                        }
                        let state = self.attr_state(&inst, &key)?;
                        self.getattr(&state, "history")
                    }
                    "flag_modified" => self.flag_modified(&inst, &key, column),
                    _ => self.set_committed_value(&inst, &key, column, args[2].clone()),
                }
            }
        }
    }

    /// The instance an attributes function was given, or the error SQLAlchemy's
    /// `instance_state()` raises for anything else.
    fn mapped_instance(&mut self, v: &Value) -> R<Rc<Instance>> {
        match v {
            Value::Instance(i) if i.class.model_info().is_some() => Ok(i.clone()),
            other => self.no_instance_state(other),
        }
    }

    /// Marks an object modified: a persistent one is in `session.dirty` and flushed.
    fn flag(&mut self, inst: &Rc<Instance>) {
        if self.status(inst) == Status::Persistent {
            self.mark_modified(inst);
        }
    }

    /// `flag_modified(obj, key)`: the attribute counts as changed (its committed value is
    /// forgotten), so the next flush writes it even when it was changed in place.
    fn flag_modified(&mut self, inst: &Rc<Instance>, key: &str, column: Option<usize>) -> R<Value> {
        if let Some(i) = column {
            let present = inst
                .orm
                .borrow()
                .as_ref()
                .is_some_and(|s| s.value(i).is_some());
            if !present {
                return self.raise(
                    "InvalidRequestError",
                    format!(
                        "Can't flag attribute '{key}' modified; it's not present in the object state"
                    ),
                );
            }
            if let Some(s) = inst.orm.borrow_mut().as_mut() {
                s.values_mut();
                if let Some(c) = s.committed.as_mut().and_then(|c| c.get_mut(i)) {
                    *c = None;
                }
            }
        }
        self.flag(inst);
        Ok(Value::None)
    }

    /// `set_committed_value(obj, key, value)`: sets a column attribute as if loaded (no
    /// history, nothing to flush).
    fn set_committed_value(
        &mut self,
        inst: &Rc<Instance>,
        key: &str,
        column: Option<usize>,
        v: Value,
    ) -> R<Value> {
        let Some(i) = column else {
            return self.unsupported(&format!("`set_committed_value()` of relationship '{key}'"));
        };
        // (An expired object is loaded first: the value set must not be counted as a
        // change, nor be overwritten by the load.)
        let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
        if expired && self.status(inst) == Status::Persistent {
            self.refresh_instance(inst)?;
        }
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            if let Some(c) = s.committed.as_mut().and_then(|c| c.get_mut(i)) {
                *c = Some(v.clone());
            }
            if let Some(slot) = s.slots_mut().get_mut(i) {
                *slot = Some(v);
            }
        }
        Ok(Value::None)
    }

    /// `InstanceState.modified`: an attribute was set since the object was last loaded
    /// or flushed (a new object's constructor sets its keywords).
    pub(crate) fn state_modified(&self, inst: &Rc<Instance>) -> bool {
        let st = inst.orm.borrow();
        let Some(s) = st.as_ref() else { return false };
        match s.status {
            Status::Transient | Status::Pending => s.slots().any(|v| v.is_some()),
            Status::Detached => s.committed.is_some(),
            _ => self.orm.modified_set.contains(&(Rc::as_ptr(inst) as usize)),
        }
    }
}
