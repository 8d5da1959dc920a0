//! What scripts hook into the ORM: `@validates` functions (run when a mapped attribute
//! is set) and mapper event listeners (`before_insert`... fired by the flush).

use std::rc::Rc;

use super::Instrumented;
use super::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

/// The "attribute" a class's `@reconstructor` is kept under among its validators.
pub const RECONSTRUCTOR: &str = "\0load";

/// The listeners' "class" of session events (`event.listen(db.session, 'before_commit', f)`).
pub const SESSION_EVENTS: &str = "<session>";

/// The session events scripts can listen to, and how many arguments after the session
/// each listener gets (`before_flush(session, flush_context, instances)`).
pub const SESSION_EVENT_ARGS: [(&str, usize); 7] = [
    ("before_commit", 0),
    ("after_commit", 0),
    ("after_rollback", 0),
    ("after_soft_rollback", 1),
    ("before_flush", 2),
    ("after_flush", 1),
    ("after_flush_postexec", 1),
];

impl Interp<'_> {
    /// True when some listener listens to session event `event`.
    pub fn listens_to_session(&self, event: &str) -> bool {
        self.orm
            .listeners
            .iter()
            .any(|(c, e, _)| &**c == SESSION_EVENTS && &**e == event)
    }

    /// Calls the listeners of session event `event` with the session (the flush
    /// context and the like are `None` here).
    pub fn fire_session_event(&mut self, event: &str) -> R<()> {
        if !self.listens_to_session(event) {
            return Ok(());
        }
        let extra = SESSION_EVENT_ARGS
            .iter()
            .find(|(e, _)| *e == event)
            .map_or(0, |(_, n)| *n);
        let fs: Vec<Value> = self
            .orm
            .listeners
            .iter()
            .filter(|(c, e, _)| &**c == SESSION_EVENTS && &**e == event)
            .map(|(_, _, f)| f.clone())
            .collect();
        for f in fs {
            let mut args = vec![super::dispatch::nv(super::Native::Session(true))];
            args.extend(std::iter::repeat_n(Value::None, extra));
            self.call(&f, args, vec![])?;
        }
        Ok(())
    }

    /// Calls the class's listeners of a mapper event (`before_insert`...) for `inst`, as
    /// `(mapper, connection, target)` (no mapper object here: `None`; the connection runs
    /// statements in the flush's transaction: `connection.execute(audit.insert()...)`).
    pub fn fire_event(&mut self, event: &str, inst: &Rc<Instance>) -> R<()> {
        if self.orm.listeners.is_empty() {
            return Ok(());
        }
        for f in self.mapper_listeners(event, inst) {
            let conn = super::dispatch::nv(super::Native::Connection(
                std::cell::Cell::new(Some(false)),
                false,
            ));
            let args = vec![Value::None, conn, Value::Instance(inst.clone())];
            self.call(&f, args, vec![])?;
        }
        Ok(())
    }

    /// Calls the class's `load` listeners for an object just made from a row, as
    /// `(target, context)` (no query context object here: `None`).
    pub fn fire_load_event(&mut self, inst: &Rc<Instance>) -> R<()> {
        // (The class's `@reconstructor` first, as the mapper registers it.)
        let recon = (self.orm.validators.iter())
            .find(|(c, k, ..)| *c == inst.class.name && &**k == RECONSTRUCTOR)
            .map(|v| v.2.clone());
        let listeners = match self.orm.listeners.is_empty() {
            true => vec![],
            false => self.mapper_listeners("load", inst),
        };
        if recon.is_none() && listeners.is_empty() {
            return Ok(());
        }
        let obj = Value::Instance(inst.clone());
        if let Some(f) = recon {
            self.call(&f, vec![obj.clone()], vec![])?;
        }
        for f in listeners {
            self.call(&f, vec![obj.clone(), Value::None], vec![])?;
        }
        // What they set is the object as loaded, no change to flush (SQLAlchemy commits
        // the state after the load event).
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.committed = None;
        }
        let at = Rc::as_ptr(inst) as usize;
        if self.orm.modified_set.remove(&at) {
            self.orm.modified.retain(|i| !Rc::ptr_eq(i, inst));
        }
        Ok(())
    }

    /// The listeners of mapper event `event` for `inst`: its class's, and those of its
    /// bases given with `propagate=True` (kept as `+Base`).
    fn mapper_listeners(&self, event: &str, inst: &Rc<Instance>) -> Vec<Value> {
        let class = &inst.class;
        (self.orm.listeners.iter())
            .filter(|(c, e, _)| {
                &**e == event
                    && match c.strip_prefix('+') {
                        Some(base) => class.inherits_named(base),
                        None => *c == class.name,
                    }
            })
            .map(|(_, _, f)| f.clone())
            .collect()
    }

    /// Calls the attribute's `set` listeners as `(target, value, oldvalue, initiator)`
    /// (no initiator object here: `None`; an old value not loaded is `NO_VALUE`); a
    /// `retval=True` listener's result is the value set.
    pub(super) fn fire_set_event(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        mut v: Value,
    ) -> R<Value> {
        let target = format!("{}.{}", attr.class, attr.key);
        let fs: Vec<(bool, Value)> = self
            .orm
            .listeners
            .iter()
            .filter(|(c, e, _)| **c == *target && matches!(&**e, "set" | "set!"))
            .map(|(_, e, f)| (&**e == "set!", f.clone()))
            .collect();
        if fs.is_empty() {
            return Ok(v);
        }
        // (A reference of a persistent object not loaded is not fetched for it.)
        let unloaded = if attr.column.is_none()
            && matches!(self.status(inst), Status::Persistent | Status::Detached)
        {
            "PASSIVE_NO_RESULT"
        } else {
            "NO_VALUE"
        };
        let old = match attr.column {
            Some(i) => super::model::column_attr(inst, i),
            None => inst.dict.borrow().get(&attr.key).cloned(),
        }
        .unwrap_or_else(|| Value::Builtin(Rc::from(unloaded)));
        for (retval, f) in fs {
            let args = vec![
                Value::Instance(inst.clone()),
                v.clone(),
                old.clone(),
                Value::None,
            ];
            let r = self.call(&f, args, vec![])?;
            if retval {
                v = r;
            }
        }
        Ok(v)
    }

    /// The `@validates` function of the attribute `key` of the mapped class `class`, and
    /// its flags ([`super::VALIDATES_REMOVES`]...).
    pub(crate) fn validator_of(&self, class: &str, key: &str) -> Option<(Value, u8)> {
        (self.orm.validators.iter())
            .find(|(c, k, ..)| **c == *class && **k == *key)
            .map(|(_, _, f, flags)| (f.clone(), *flags))
    }

    /// Calls a `@validates` function with `(obj, key, value)`, and `is_remove` when it
    /// was declared with `include_removes=True`.
    pub(crate) fn call_validator(
        &mut self,
        (f, flags): &(Value, u8),
        obj: &Rc<Instance>,
        key: &str,
        v: Value,
        is_remove: bool,
    ) -> R<Value> {
        let mut args = vec![Value::Instance(obj.clone()), Value::str(key), v];
        if flags & super::VALIDATES_REMOVES != 0 {
            args.push(Value::Bool(is_remove));
        }
        self.call(f, args, vec![])
    }

    /// Runs the `@validates` function of `target.<rev>`, the other side of a relationship
    /// a backref is about to join `parent` to (SQLAlchemy's validators default to
    /// `include_backrefs=True`): its error stops the change.
    pub(crate) fn validate_backref(
        &mut self,
        target: &Rc<Instance>,
        rev: &str,
        parent: &Rc<Instance>,
    ) -> R<()> {
        let Some(m) = target.class.model_info() else {
            return Ok(());
        };
        let Some(f) = self.validator_of(&m.class, rev) else {
            return Ok(());
        };
        if f.1 & super::VALIDATES_NO_BACKREFS != 0 {
            return Ok(());
        }
        let v = Value::Instance(parent.clone());
        self.call_validator(&f, target, rev, v, false).map(drop)
    }

    /// `v` as the class's `@validates` function for the attribute returns it (`v` when none).
    pub(super) fn validated(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        v: Value,
    ) -> R<Value> {
        let Some(f) = self.validator_of(&attr.class, &attr.key) else {
            return Ok(v);
        };
        // (A collection set whole: each of its objects, as the appends SQLAlchemy fires.)
        if attr.column.is_none()
            && let Value::List(l) = &v
        {
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(self.call_validator(&f, inst, &attr.key, it, false)?);
            }
            // (With `include_removes=True`, then each loaded member left out.)
            let old = match inst.dict.borrow().get(&attr.key) {
                Some(Value::List(old)) if f.1 & super::VALIDATES_REMOVES != 0 => {
                    old.borrow().clone()
                }
                _ => vec![],
            };
            let same = crate::core::interp::ops::is_same;
            for d in old.into_iter().filter(|d| !out.iter().any(|x| same(x, d))) {
                self.call_validator(&f, inst, &attr.key, d, true)?;
            }
            return Ok(Value::list(out));
        }
        self.call_validator(&f, inst, &attr.key, v, false)
    }
}
