//! The session: pysqlite-style transactions (begin, commit, rollback, close), the
//! identity map, and `add`/`delete` with the save-update cascade. Statement execution
//! and the SQL log are in `session/execute.rs`, the flush and change tracking in
//! `session/flush.rs`, expiry, refresh and instances from rows in `session/load.rs`,
//! value conversion between Python and SQLite in `session/convert.rs`.

mod bulk;
pub mod contexts;
pub(crate) mod convert;
mod execute;
pub use execute::FlatRows;
mod flush;
mod flush_order;
mod load;
pub mod scopes;
mod text;
pub(crate) use text::driver_params_ok;
mod updates;

use std::rc::Rc;

use super::super::value::{Class, Instance, Value};
use super::super::{Interp, R};
use super::model::{IdentityKey, Status};

/// Equal plain values, as change detection compares them.
pub(crate) fn simple_eq_value(a: &Value, b: &Value) -> bool {
    flush::simple_eq(a, b)
}

impl Interp<'_> {
    fn end_sqlite_tx(&mut self, what: &str) {
        if self.orm.sqlite_tx {
            self.orm.sqlite_tx = false;
            let _ = self.backend.execute(what, &[]);
        }
    }

    /// Ends an engine connection's transaction (`COMMIT` or `ROLLBACK`) on the database
    /// connection it shares with the session; the session's own state is left as it is.
    pub(crate) fn end_connection_tx(&mut self, state: &std::cell::Cell<Option<bool>>, what: &str) {
        if state.get() == Some(true) {
            self.log_marker(what);
            self.end_sqlite_tx(what);
            state.set(None);
        }
    }

    /// Raises SQLAlchemy's PendingRollbackError after a failed flush, until `rollback()`.
    pub fn check_not_failed(&mut self) -> R<()> {
        if let Some(orig) = self.orm.failed.clone() {
            let msg = format!(
                "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: {orig} (Background on this error at: https://sqlalche.me/e/20/7s2a)"
            );
            let e = self.new_exc("PendingRollbackError", &msg);
            if let Value::Instance(i) = &e {
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("code"), Value::str("7s2a"));
            }
            return self.raise_value(e);
        }
        Ok(())
    }

    /// Opens the session transaction if needed.
    pub fn begin(&mut self) -> R<()> {
        if self.orm.engine_conn {
            return Ok(());
        }
        self.check_not_failed()?;
        if !self.orm.in_tx {
            self.orm.in_tx = true;
            self.log_marker("BEGIN (implicit)");
        }
        Ok(())
    }

    /// `db.session.commit()`.
    pub fn commit(&mut self) -> R<()> {
        self.check_not_failed()?;
        self.fire_session_event("before_commit")?;
        self.flush()?;
        self.orm.savepoints.clear();
        self.orm.savepoint_seq = 0;
        self.orm.autobegun = false;
        if self.orm.in_tx {
            self.log_marker("COMMIT");
            self.end_sqlite_tx("COMMIT");
            self.orm.in_tx = false;
        }
        self.orm.inserted_in_tx.clear();
        if self.orm.keep_on_commit {
            let gone = std::mem::take(&mut self.orm.deleted_in_tx);
            self.orm.deleted_kept.extend(gone);
        }
        self.orm.deleted_in_tx.clear();
        self.orm.key_switches.clear();
        self.orm.modified.clear();
        self.orm.modified_set.clear();
        self.orm.dynamic_links.clear();
        self.orm.unloaded_appends.clear();
        self.orm.deferred_references.clear();
        // (Listeners see the objects before they expire.)
        self.fire_session_event("after_commit")?;
        // expire everything (unless `expire_on_commit=False`)
        if self.orm.keep_on_commit {
            return Ok(());
        }
        let all: Vec<Rc<Instance>> = self.orm.identity.values().cloned().collect();
        for i in all {
            self.expire(&i);
        }
        Ok(())
    }

    /// `db.session.rollback()`.
    pub fn rollback(&mut self) -> R<()> {
        let had_tx = self.orm.in_tx;
        self.orm.savepoints.clear();
        self.orm.savepoint_seq = 0;
        self.orm.autobegun = false;
        if self.orm.in_tx {
            self.log_marker("ROLLBACK");
            self.end_sqlite_tx("ROLLBACK");
            self.orm.in_tx = false;
        }
        self.orm.failed = None;
        self.orm.modified.clear();
        self.orm.modified_set.clear();
        let new = std::mem::take(&mut self.orm.new);
        for i in new {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.status = Status::Transient;
            }
        }
        // Rows deleted by the transaction come back: their objects are persistent again
        // (those it had also inserted become transient just below).
        let gone = std::mem::take(&mut self.orm.deleted_in_tx);
        for i in gone {
            self.undelete(&i);
        }
        let inserted = std::mem::take(&mut self.orm.inserted_in_tx);
        for i in inserted {
            self.uninsert(&i);
        }
        // Primary keys a flush changed are the old ones again (their rows are).
        let switches = std::mem::take(&mut self.orm.key_switches);
        self.restore_keys(switches);
        let deleted = std::mem::take(&mut self.orm.deleted);
        for i in deleted {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.to_delete = false;
                s.redeleted = false;
                if s.status == Status::Deleted {
                    s.status = Status::Persistent;
                }
            }
            self.add_identity(&i);
        }
        let all: Vec<Rc<Instance>> = self.orm.identity.values().cloned().collect();
        for i in all {
            self.expire(&i);
        }
        if had_tx {
            self.fire_session_event("after_rollback")?;
            self.fire_session_event("after_soft_rollback")?;
        }
        Ok(())
    }

    /// Undoes flushed primary-key changes (`switches`, oldest first): each object's
    /// identity is its key before, in the identity map too.
    pub(super) fn restore_keys(&mut self, switches: Vec<(Rc<Instance>, super::identity::Ident)>) {
        for (i, before) in switches.into_iter().rev() {
            self.remove_identity(&i);
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.identity = Some(before);
            }
            self.add_identity(&i);
        }
    }

    /// An object whose DELETE a rollback undid: persistent again, in the identity map.
    pub(super) fn undelete(&mut self, i: &Rc<Instance>) {
        if let Some(s) = i.orm.borrow_mut().as_mut() {
            if s.status != Status::Deleted {
                return;
            }
            s.status = Status::Persistent;
            s.to_delete = false;
            s.redeleted = false;
        }
        self.add_identity(i);
    }

    /// An object whose INSERT a rollback undid: out of the identity map, transient again.
    pub(super) fn uninsert(&mut self, i: &Rc<Instance>) {
        self.remove_identity(i);
        if let Some(s) = i.orm.borrow_mut().as_mut() {
            s.status = Status::Transient;
            s.identity = None;
            s.expired = false;
        }
    }

    /// `db.session.close()` / app context teardown: detach everything.
    pub fn close_session(&mut self) {
        self.orm.savepoints.clear();
        self.orm.savepoint_seq = 0;
        self.orm.autobegun = false;
        if self.orm.in_tx {
            self.log_marker("ROLLBACK");
            self.end_sqlite_tx("ROLLBACK");
            self.orm.in_tx = false;
        }
        self.orm.failed = None;
        self.orm.key_switches.clear();
        self.expunge_all();
    }

    /// `session.expunge_all()`: every object leaves the session (persistent ones become
    /// detached, pending ones transient); the transaction goes on.
    pub fn expunge_all(&mut self) {
        for i in self.orm.identity.values() {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.status = Status::Detached;
            }
        }
        for i in self.orm.new.iter() {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.status = Status::Transient;
            }
        }
        self.orm.identity.clear();
        self.orm.identity_order.clear();
        self.orm.new.clear();
        self.orm.deleted.clear();
        self.orm.inserted_in_tx.clear();
        self.orm.deleted_in_tx.clear();
        self.orm.deleted_kept.clear();
        self.orm.dynamic_links.clear();
        self.orm.unloaded_appends.clear();
        self.orm.deferred_references.clear();
    }

    fn ident_key(&self, inst: &Instance) -> Option<IdentityKey> {
        let m = inst.class.model_info()?;
        let h = self.identity_hkey(inst, &m)?;
        Some(IdentityKey::new(&m.table, h))
    }

    /// Puts an instance in the identity map.
    pub fn add_identity(&mut self, inst: &Rc<Instance>) {
        if let Some(k) = self.ident_key(inst) {
            self.add_identity_keyed(k, inst);
        }
    }

    /// Runs `f` with autoflush off (SQLAlchemy's `no_autoflush`, or a load it makes
    /// without flushing), restoring the setting after.
    pub fn without_autoflush<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let was = std::mem::replace(&mut self.orm.autoflush_off, true);
        let out = f(self);
        self.orm.autoflush_off = was;
        out
    }

    /// The object the identity map holds under `key`, as SQLAlchemy's weak identity map
    /// has it: an object the script no longer refers to (CPython freed it) is gone, and the
    /// caller makes a new one from the row, with the database's values.
    pub fn identity_get(&mut self, key: &IdentityKey) -> Option<Rc<Instance>> {
        let inst = self.orm.identity.get(key)?;
        if !collectable(inst) {
            return Some(inst.clone());
        }
        let inst = self.orm.identity.remove(key)?;
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.status = Status::Detached;
        }
        // What CPython frees with it goes too: its loaded collections and references
        // (no longer holding their objects in the identity map, as a live parent would).
        let dict = std::mem::take(&mut *inst.dict.borrow_mut());
        drop(dict);
        drop(inst);
        // (Its `identity_order` entry, now the only reference, goes in a batch.)
        self.orm.zombies += 1;
        if self.orm.zombies >= 64 && self.orm.zombies * 2 >= self.orm.identity_order.len() {
            self.orm.identity_order.retain(|i| Rc::strong_count(i) > 1);
            self.orm.zombies = 0;
        }
        None
    }

    /// The object of model `class` the identity map holds under a one-column primary key
    /// `pk` (see [`Interp::identity_get`]).
    pub(crate) fn identity_by_pk(&mut self, class: &str, pk: &Value) -> Option<Rc<Instance>> {
        let m = self.orm.classes.get(class)?.model_info()?;
        let hk = super::model::identity_key(std::slice::from_ref(pk));
        self.identity_get(&IdentityKey::new(&m.table, hk))
    }

    /// The objects of the identity map that the script still refers to, in its order
    /// (what SQLAlchemy's weak identity map lists).
    pub fn live_identities(&self) -> impl Iterator<Item = &Rc<Instance>> {
        self.orm
            .identity_order
            .iter()
            .filter(|i| Rc::strong_count(i) > 1 && !collectable(i))
    }

    /// Puts an instance in the identity map under a key the caller already built.
    pub fn add_identity_keyed(&mut self, key: IdentityKey, inst: &Rc<Instance>) {
        if self.orm.identity.insert(key, inst.clone()).is_none() {
            self.orm.identity_order.push(inst.clone());
        }
    }

    /// The object a function of mapped instances was given, or SQLAlchemy's
    /// `UnmappedInstanceError` for anything else.
    pub(crate) fn mapped_instance_arg(&mut self, v: Option<&Value>) -> R<Rc<Instance>> {
        match v {
            Some(Value::Instance(i)) if i.class.model_info().is_some() => Ok(i.clone()),
            other => {
                let msg = self.unmapped_message(other.unwrap_or(&Value::None));
                self.raise("UnmappedInstanceError", msg)
            }
        }
    }

    /// `make_transient_to_detached(obj)`: a transient object with its primary key set
    /// becomes detached under that key (what it does not hold loads when read).
    pub fn make_transient_to_detached(&mut self, inst: &Rc<Instance>) -> R<()> {
        if self.status(inst) != Status::Transient {
            return self.raise("InvalidRequestError", "Given object must be transient");
        }
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        let values: Vec<Value> = (m.pk.iter())
            .map(|&i| super::model::column_attr(inst, i).unwrap_or(Value::None))
            .collect();
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.identity = Some(super::identity::Ident::from_values(values));
            s.status = Status::Detached;
        }
        Ok(())
    }

    /// `sqlalchemy.orm.make_transient(obj)`: out of the session, without an identity;
    /// its loaded attributes stay, expired ones are gone (not loaded first).
    pub fn make_transient(&mut self, inst: &Rc<Instance>) {
        self.forget(inst);
        self.orm.deleted.retain(|x| !Rc::ptr_eq(x, inst));
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            if s.expired {
                for slot in s.slots_mut() {
                    *slot = None;
                }
                s.expired = false;
            }
            s.status = Status::Transient;
            s.identity = None;
            s.committed = None;
            s.to_delete = false;
            s.redeleted = false;
        }
    }

    /// Takes an object out of the session's pending list and identity map
    /// (`expunge()`, `make_transient()`).
    pub fn forget(&mut self, inst: &Rc<Instance>) {
        self.orm.new.retain(|x| !Rc::ptr_eq(x, inst));
        self.orm.identity_order.retain(|x| !Rc::ptr_eq(x, inst));
        self.orm.identity.retain(|_, x| !Rc::ptr_eq(x, inst));
    }

    pub(crate) fn remove_identity(&mut self, inst: &Rc<Instance>) {
        if let Some(k) = self.ident_key(inst) {
            self.orm.identity.remove(&k);
            self.orm.identity_order.retain(|i| !Rc::ptr_eq(i, inst));
        }
    }

    /// `db.session.add(obj)` (with save-update cascade through loaded relationships).
    pub fn session_add(&mut self, v: &Value) -> R<()> {
        let Value::Instance(inst) = v else {
            return self.unmapped_instance(v);
        };
        if inst.class.model_info().is_none() {
            return self.unmapped_instance(v);
        }
        self.session_add_one(inst)?;
        // (Nothing to cascade to without relationships: models without any, as many
        // scripts' are, skip the walk.)
        if self.orm.dynamic_links.is_empty()
            && self
                .orm
                .reg
                .mappers
                .iter()
                .all(|m| m.relationships.is_empty())
        {
            return Ok(());
        }
        // The save-update cascade, in the order of SQLAlchemy's `cascade_iterator`: depth
        // first, relationship by relationship, each relationship's objects marked as seen
        // before the first of them is followed.
        let mut seen = crate::core::interp::value::FxSet::default();
        let mut stack = vec![(inst.clone(), 0usize, Vec::new(), 0usize)];
        while let Some((obj, next_rel, queue, at)) = stack.last_mut() {
            if let Some(item) = queue.get(*at).cloned() {
                *at += 1;
                self.session_add_one(&item)?;
                stack.push((item, 0, Vec::new(), 0));
                continue;
            }
            let Some(items) = self.related_objects(obj, *next_rel) else {
                stack.pop();
                continue;
            };
            let obj = obj.clone();
            self.check_cascaded(&obj, *next_rel, &items)?;
            let Some((_, next_rel, queue, at)) = stack.last_mut() else {
                break;
            };
            *next_rel += 1;
            *at = 0;
            queue.clear();
            for r in items {
                if matches!(self.status(&r), Status::Transient | Status::Detached)
                    && seen.insert(Rc::as_ptr(&r) as usize)
                {
                    queue.push(r);
                }
            }
        }
        Ok(())
    }

    /// The objects the save-update cascade found in relationship `n` of `obj` are of its
    /// target class (or a subclass): SQLAlchemy's `cascade_iterator` asserts it.
    fn check_cascaded(&mut self, obj: &Rc<Instance>, n: usize, items: &[Rc<Instance>]) -> R<()> {
        let Some(m) = obj.class.model_info() else {
            return Ok(());
        };
        let Some(r) = (self.orm.reg.mapper(&m.class).ok()).and_then(|mp| mp.relationships.get(n))
        else {
            return Ok(());
        };
        let Some(bad) = items.iter().find(|i| !is_a(i, &r.target)) else {
            return Ok(());
        };
        let owner = declaring_class(&obj.class, &r.name);
        let msg = format!(
            "Attribute '{}' on class '<class '__main__.{owner}'>' doesn't handle objects of type '<class '__main__.{}'>'",
            r.name, bad.class.name
        );
        self.raise("AssertionError", msg)
    }

    /// `add()` of one object, without the cascade.
    fn session_add_one(&mut self, inst: &Rc<Instance>) -> R<()> {
        match self.status(inst) {
            Status::Transient => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.status = Status::Pending;
                }
                self.orm.new.push(inst.clone());
            }
            Status::Detached => self.attach_detached(inst)?,
            Status::Persistent if !inst.orm.borrow().as_ref().is_some_and(|s| s.redeleted) => {
                // adding an object marked for deletion cancels the delete
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.to_delete = false;
                }
                self.orm.deleted.retain(|d| !Rc::ptr_eq(d, inst));
            }
            // (So does one deleted again after its delete was committed: still "deleted"
            // to SQLAlchemy.)
            Status::Deleted | Status::Persistent => {
                return self.raise(
                    "InvalidRequestError",
                    format!("Instance '<{} at 0x7f0000000000>' has been deleted.  Use the make_transient() function to send this object back to the transient state.", inst.class.name),
                );
            }
            _ => {}
        }
        Ok(())
    }

    /// A detached object joins the session again (`add()`, `delete()`): persistent, in the
    /// identity map, unless another object holds its key there.
    fn attach_detached(&mut self, inst: &Rc<Instance>) -> R<()> {
        if let Some(key) = self.ident_key(inst)
            && let Some(other) = self.identity_get(&key)
            && !Rc::ptr_eq(&other, inst)
        {
            let k = self.repr(&super::model::identity_key_value(inst))?;
            return self.raise(
                "InvalidRequestError",
                format!(
                    "Can't attach instance <{} at 0x7f0000000000>; another instance with key {k} is already present in this session.",
                    inst.class.name
                ),
            );
        }
        // (Attributes set while detached are changes the next flush writes.)
        let mut changed = false;
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.status = Status::Persistent;
            changed = s.committed.is_some();
        }
        self.add_identity(inst);
        if changed {
            self.mark_modified(inst);
        }
        Ok(())
    }

    /// The loaded objects of `inst`'s relationships whose cascade includes `cascade`.
    pub(crate) fn cascaded(&self, inst: &Rc<Instance>, cascade: &str) -> Vec<Rc<Instance>> {
        let rels = inst
            .class
            .model_info()
            .and_then(|m| self.orm.reg.mapper(&m.class).ok())
            .map_or(&[][..], |mp| &mp.relationships[..]);
        rels.iter()
            .filter(|r| r.cascade_set().iter().any(|c| c == cascade))
            .flat_map(|r| loaded_objects(inst, &r.name))
            .collect()
    }

    /// The objects in relationship `n` of `inst` (in declaration order, then the objects
    /// appended to its dynamic collections), `None` past the last.
    fn related_objects(&self, inst: &Rc<Instance>, n: usize) -> Option<Vec<Rc<Instance>>> {
        let rels = inst
            .class
            .model_info()
            .and_then(|m| self.orm.reg.mapper(&m.class).ok())
            .map_or(&[][..], |mp| &mp.relationships[..]);
        let Some(r) = rels.get(n) else {
            return (n == rels.len()).then(|| {
                let dynamic = self.orm.dynamic_links.iter();
                dynamic
                    .filter(|(p, _, _, added)| *added && Rc::ptr_eq(p, inst))
                    .map(|(_, _, c, _)| c.clone())
                    .collect()
            });
        };
        // (A relationship without the save-update cascade takes nobody along.)
        if !r.cascade_set().iter().any(|c| c == "save-update") {
            return Some(vec![]);
        }
        Some(loaded_objects(inst, &r.name))
    }

    /// `UnmappedInstanceError` for what `add()`/`delete()` got instead of a model
    /// instance (a class itself gets SQLAlchemy's hint).
    pub(crate) fn unmapped_instance(&mut self, v: &Value) -> R<()> {
        let msg = self.unmapped_message(v);
        self.raise("UnmappedInstanceError", msg)
    }

    /// SQLAlchemy's "Class '...' is not mapped" for `v`, its class named by module.
    pub(crate) fn unmapped_message(&mut self, v: &Value) -> String {
        match v {
            Value::Class(c) => format!(
                "Class '{}' is not mapped; was a class (__main__.{}) supplied where an instance was required?",
                if c.model_info().is_some() {
                    "flask_sqlalchemy.model.DefaultMeta"
                } else {
                    "builtins.type"
                },
                c.name
            ),
            // (A script's class: `__main__.Name`; a built-in exception's is `builtins`.)
            Value::Instance(i)
                if !self
                    .exc
                    .get(&*i.class.name)
                    .is_some_and(|c| Rc::ptr_eq(c, &i.class)) =>
            {
                format!("Class '__main__.{}' is not mapped", i.class.name)
            }
            _ => format!(
                "Class '{}' is not mapped",
                crate::core::interp::orm::Native::type_path(&self.type_name(v))
            ),
        }
    }

    /// `db.session.delete(obj)`.
    pub fn session_delete(&mut self, v: &Value) -> R<()> {
        let Value::Instance(inst) = v else {
            return self.unmapped_instance(v);
        };
        if inst.class.model_info().is_none() {
            return self.unmapped_instance(v);
        }
        match self.status(inst) {
            // (The object and what its delete cascades reach are marked together.)
            Status::Persistent => self.cascade_delete_now(inst),
            // (A detached object is attached again, then marked; so is one deleted in an
            // earlier transaction, detached since, or one whose DELETE this transaction
            // flushed: its DELETE then matches no row.)
            Status::Detached => {
                self.attach_detached(inst)?;
                self.cascade_delete_now(inst)
            }
            Status::Deleted => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.status = Status::Detached;
                }
                self.attach_detached(inst)?;
                self.cascade_delete_now(inst)?;
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.redeleted = s.to_delete;
                }
                Ok(())
            }
            // (A pending object is "not persisted" too, and stays pending.)
            _ => {
                // SQLAlchemy names the object by class and address, not by its repr.
                let r = match v {
                    Value::Instance(i) => format!("<{} at 0x7f0000000000>", i.class.name),
                    other => self.repr(other)?,
                };
                self.raise(
                    "InvalidRequestError",
                    format!("Instance '{r}' is not persisted"),
                )
            }
        }
    }

    /// Raises when the app context was popped (Flask's "Working outside of application context").
    pub fn check_app_context(&mut self) -> R<()> {
        self.configure_mappers()
    }
}

/// The objects relationship `name` of `inst` holds loaded (none when it is not loaded).
fn loaded_objects(inst: &Instance, name: &str) -> Vec<Rc<Instance>> {
    match inst.dict.borrow().get(name) {
        Some(Value::Instance(i)) => vec![i.clone()],
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .filter_map(|v| match v {
                Value::Instance(i) => Some(i.clone()),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

/// True when only the identity map (its map and its order) refers to `inst` and it has
/// nothing to flush: a weak identity map would have let CPython free it.
fn collectable(inst: &Rc<Instance>) -> bool {
    Rc::strong_count(inst) == 2
        && inst
            .orm
            .borrow()
            .as_ref()
            .is_some_and(|s| s.status == Status::Persistent && !s.to_delete)
}

/// True when `inst` is an object of class `class` or of a subclass of it.
pub(crate) fn is_a(inst: &Instance, class: &str) -> bool {
    inst.class.mro.borrow().iter().any(|c| *c.name == *class)
}

/// The class of `cls`'s hierarchy that declares relationship `key`: the first of its
/// ancestors (itself last) whose body states it, as SQLAlchemy names a property's parent.
pub(crate) fn declaring_class(cls: &Class, key: &str) -> Rc<str> {
    let mro = cls.mro.borrow();
    (mro.iter().rev())
        .find(|c| c.model_info().is_some() && c.own(key).is_some())
        .map_or_else(|| cls.name.clone(), |c| c.name.clone())
}
