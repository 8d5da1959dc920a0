//! Instrumented collections: the lists a relationship holds, whose edits (`append`,
//! `remove`, item assignment...) run the collection's `@validates`, backrefs and cascades.

use std::cell::RefCell;
use std::rc::Rc;

use super::ListEdit;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// Marks a list as the collection `inst.<key>` (list methods then keep backrefs in sync).
    pub fn register_collection(&mut self, l: &Value, inst: &Rc<Instance>, key: &str) {
        let Value::List(list) = l else { return };
        // (Entries of dropped lists go once they are as many as the live ones.)
        let n = self.orm.collection_owner.len();
        if n >= 64 && n >= 2 * self.orm.collections_pruned {
            self.orm
                .collection_owner
                .retain(|_, e| e.list.strong_count() > 0);
            self.orm.collections_pruned = self.orm.collection_owner.len();
        }
        self.orm.collection_owner.insert(
            Rc::as_ptr(list) as *const u8 as usize,
            crate::core::interp::orm::CollectionEntry {
                owner: Rc::downgrade(inst),
                key: Rc::from(key),
                list: Rc::downgrade(list),
            },
        );
    }

    /// True when `l` is a relationship collection (an `InstrumentedList`).
    pub(crate) fn is_collection(&self, l: &Rc<RefCell<Vec<Value>>>) -> bool {
        self.orm
            .collection_owner
            .contains_key(&(Rc::as_ptr(l) as *const u8 as usize))
    }

    /// Runs `edit` on a relationship collection as on a plain list, then tells the ORM
    /// which objects joined and left it ([`Self::collection_changed`]).
    pub(crate) fn collection_edit(
        &mut self,
        l: &Rc<RefCell<Vec<Value>>>,
        edit: ListEdit<'_>,
    ) -> R<Value> {
        let ptr = Rc::as_ptr(l) as *const u8 as usize;
        let before = l.borrow().clone();
        // (Without its owner the list is a plain one: the edit does not come back here.)
        let owner = self.orm.collection_owner.remove(&ptr);
        let list = Value::List(l.clone());
        let r = match edit {
            ListEdit::Call(name, args, kw) => self.call_method(&list, name, args, kw),
            ListEdit::Set(key, v) => self.setitem(&list, key, v).map(|_| Value::None),
            ListEdit::Del(key) => self.delitem(&list, key).map(|_| Value::None),
        };
        if let Some(o) = owner {
            self.orm.collection_owner.insert(ptr, o);
        }
        let r = r?;
        let after = l.borrow().clone();
        let same = crate::core::interp::ops::is_same;
        let added = appended(&before, &after);
        // (Only mapped objects join a collection: SQLAlchemy's append event reads the
        // value's `_sa_instance_state` first, so the list is left as it was.)
        // (`None` is let in, as SQLAlchemy lets it.)
        if let Some(bad) = added.iter().find(|a| !super::relatable(a)) {
            *l.borrow_mut() = before;
            return self.no_instance_state(bad);
        }
        // (`@validates` of the collection: each object joining it, before it joins; what
        // the validator returns joins instead, and an error leaves the list as it was.)
        let (mut after, mut added) = (after, added);
        if !added.is_empty()
            && let Some(o) = self.orm.collection_owner.get(&ptr).cloned()
            && let Some(inst) = o.owner.upgrade()
            && let Some(m) = inst.class.model_info()
            && let Some(f) = self.validator_of(&m.class, &o.key)
        {
            let mut joined = after.clone();
            // (Appended at the end, `append()`/`extend()`: the objects joining are the
            // list's tail, told apart by position, copies of held objects included.)
            let tail = tail_at(&before, &after);
            for (k, a) in added.iter().enumerate() {
                // (The validator sees the collection as it is before `a` joins: without
                // it and the objects joining after it.)
                let pending = &added[k..];
                let before_a = |joined: &[Value]| -> Vec<Value> {
                    match tail {
                        Some(b) => joined[..b + k].to_vec(),
                        None => (joined.iter())
                            .filter(|x| !pending.iter().any(|p| same(p, x)))
                            .cloned()
                            .collect(),
                    }
                };
                *l.borrow_mut() = before_a(&joined);
                let r = self.call_validator(&f, &inst, &o.key, a.clone(), false);
                *l.borrow_mut() = joined.clone();
                match r {
                    Ok(v) if !same(&v, a) => {
                        match tail {
                            Some(b) => joined[b + k] = v.clone(),
                            None => {
                                for x in joined.iter_mut().filter(|x| same(x, a)) {
                                    *x = v.clone();
                                }
                            }
                        }
                        *l.borrow_mut() = joined.clone();
                    }
                    Ok(_) => {}
                    // (The objects that joined before it stay, as `extend()` appends one
                    // by one in SQLAlchemy; the others do not join.)
                    Err(e) => {
                        let kept = before_a(&joined);
                        *l.borrow_mut() = kept;
                        let removed: Vec<Value> = (before.iter())
                            .filter(|b| !l.borrow().iter().any(|a| same(a, b)))
                            .cloned()
                            .collect();
                        self.collection_changed(ptr, &added[..k], &removed)?;
                        return Err(e);
                    }
                }
            }
            // (What joined, as the validators made it.)
            after = l.borrow().clone();
            added = appended(&before, &after);
        }
        let removed = left(&before, &after);
        // (`@validates(..., include_removes=True)`: each object leaving, with
        // `is_remove=True`; an error leaves the list as it was.)
        if !removed.is_empty()
            && let Some(o) = self.orm.collection_owner.get(&ptr).cloned()
            && let Some(inst) = o.owner.upgrade()
            && let Some(m) = inst.class.model_info()
            && let Some(f) = self.validator_of(&m.class, &o.key)
            && f.1 & crate::core::interp::orm::VALIDATES_REMOVES != 0
        {
            // (It runs before each object leaves: the list is as it was meanwhile.)
            *l.borrow_mut() = before.clone();
            for d in &removed {
                self.call_validator(&f, &inst, &o.key, d.clone(), true)?;
            }
            *l.borrow_mut() = after.clone();
        }
        self.collection_changed(ptr, &added, &removed)?;
        Ok(r)
    }

    /// `collection.append(x)` / `remove(x)` / `extend(xs)` on a relationship list.
    pub fn collection_changed(
        &mut self,
        list_ptr: usize,
        added: &[Value],
        removed: &[Value],
    ) -> R<()> {
        let Some(crate::core::interp::orm::CollectionEntry { owner, key, .. }) =
            self.orm.collection_owner.get(&list_ptr).cloned()
        else {
            return Ok(());
        };
        let Some(inst) = owner.upgrade() else {
            return Ok(());
        };
        if self.status(&inst) == Status::Persistent {
            self.mark_modified(&inst);
        }
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        let (rel, r) = self.rel_info(&m.class, &key)?;
        for a in added {
            if let Value::Instance(ai) = a {
                self.cascade_on_event(&inst, &rel, ai)?;
            }
        }
        for d in removed {
            if let Value::Instance(di) = d {
                self.expunge_pending_orphan(&rel, di);
            }
        }
        let Some(rev) = self.reverse_name(&m.class, &rel) else {
            return Ok(());
        };
        for a in added {
            // (An object of another class has no such attribute: SQLAlchemy's backref
            // handler fails looking it up.)
            if let Value::Instance(ai) = a
                && ai.class.lookup(&rev).is_none()
            {
                return self.key_error(&Value::str(&rev));
            }
        }
        for a in added {
            if let Value::Instance(ai) = a {
                self.validate_backref(ai, &rev, &inst)?;
                self.backref_set(ai, &rev, &inst, r.kind, &key);
            }
        }
        for d in removed {
            if let Value::Instance(di) = d {
                self.backref_remove(di, &rev, &inst, r.kind);
            }
        }
        Ok(())
    }
}

/// The objects an edit of a collection added: what follows the old list when the new one
/// starts with it (`append`, `extend`: an object it held already is added again, and its
/// append event fires, as SQLAlchemy's does), else those the old list did not hold.
fn appended(before: &[Value], after: &[Value]) -> Vec<Value> {
    let same = crate::core::interp::ops::is_same;
    if let Some(at) = tail_at(before, after) {
        return after[at..].to_vec();
    }
    (after.iter())
        .filter(|a| !before.iter().any(|b| same(a, b)))
        .cloned()
        .collect()
}

/// Where the new list's appended tail starts: the old list's length, when the new one
/// starts with it.
fn tail_at(before: &[Value], after: &[Value]) -> Option<usize> {
    let same = crate::core::interp::ops::is_same;
    (after.len() >= before.len() && before.iter().zip(after).all(|(b, a)| same(a, b)))
        .then_some(before.len())
}

/// The objects an edit of a collection took out: the one a single removal (`remove()`,
/// `pop()`, `del`) took, a copy of an object it still holds included, else those the new
/// list does not hold.
fn left(before: &[Value], after: &[Value]) -> Vec<Value> {
    let same = crate::core::interp::ops::is_same;
    if after.len() + 1 == before.len() {
        let at = (before.iter().zip(after))
            .position(|(b, a)| !same(a, b))
            .unwrap_or(after.len());
        if before[at + 1..]
            .iter()
            .zip(&after[at..])
            .all(|(b, a)| same(a, b))
        {
            return vec![before[at].clone()];
        }
    }
    (before.iter())
        .filter(|b| !after.iter().any(|a| same(a, b)))
        .cloned()
        .collect()
}
