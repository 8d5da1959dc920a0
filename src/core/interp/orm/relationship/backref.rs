//! Backref bookkeeping: an assignment or a collection change mirrored on the other
//! side of a two-way relationship, and what that side held before leaving it, as
//! SQLAlchemy's backref events do.

use std::rc::Rc;

use crate::core::interp::Interp;
use crate::core::interp::orm::Instrumented;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::orm::mapper::{Lazy, RelKind};

impl Interp<'_> {
    /// `inst.<key> = None` for a many-to-one reference, as a backref makes it: the
    /// object is modified and its foreign key is cleared by the next flush.
    fn clear_reference(&mut self, inst: &Rc<Instance>, key: &str) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        let Ok(r) = self.orm.reg.resolve(&m.class, key) else {
            return;
        };
        if r.kind != RelKind::ManyToOne {
            return;
        }
        if self.status(inst) == Status::Persistent {
            self.mark_modified(inst);
        }
        let key: Rc<str> = Rc::from(key);
        inst.dict.borrow_mut().insert(key.clone(), Value::None);
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.note_cleared(&key);
        }
    }

    /// Mirror an assignment of `target` to `parent.<fwd>` on the other side,
    /// `target.<rev>` (only when that side is loaded or is scalar). What the other side
    /// held before leaves it as SQLAlchemy's backref events make it: a child moving from
    /// another parent leaves that parent's loaded collection, and the object a one-to-one
    /// held loses its reference (its foreign key is cleared at the flush).
    pub(crate) fn backref_set(
        &mut self,
        target: &Rc<Instance>,
        rev: &str,
        parent: &Rc<Instance>,
        kind: RelKind,
        fwd: &str,
    ) {
        let pv = Value::Instance(parent.clone());
        if self.status(target) == Status::Persistent {
            self.mark_modified(target);
        }
        // A dynamic collection on the other side holds no list: a transient or pending
        // owner records the append (its `add()` cascades to it, the flush links it).
        if kind != RelKind::OneToMany
            && let Some(m) = target.class.model_info()
            && self
                .orm
                .reg
                .relationship(&m.class, rev)
                .is_ok_and(|r| matches!(r.lazy, Lazy::Dynamic | Lazy::WriteOnly))
        {
            // (A many-to-many's row is the list side's to insert: its link only takes
            // the object along in `add()`'s cascade, in SQLAlchemy's order.)
            if matches!(kind, RelKind::ManyToOne | RelKind::ManyToMany)
                && matches!(self.status(target), Status::Transient | Status::Pending)
            {
                self.orm
                    .dynamic_links
                    .push((target.clone(), Rc::from(rev), parent.clone(), true));
            }
            return;
        }
        let mut cur = target.dict.borrow().get(rev).cloned();
        // A one-to-one (`uselist=False`) on the other side holds the object itself.
        let model = target.class.model_info();
        let scalar = kind == RelKind::ManyToOne
            && model.as_ref().is_some_and(|m| {
                self.orm
                    .reg
                    .relationship(&m.class, rev)
                    .is_ok_and(|r| r.uselist == Some(false))
            });
        // (Its old value is loaded, without an autoflush: SQLAlchemy keeps the active
        // history of a one-to-one.)
        if scalar
            && cur.is_none()
            && self.status(target) == Status::Persistent
            && let Some(m) = model
        {
            let attr = Instrumented {
                class: m.class.clone(),
                key: Rc::from(rev),
                column: None,
                via: None,
            };
            cur = self.without_autoflush(|i| i.load_relationship(target, &attr).ok());
        }
        // (An unloaded many-to-one's old value is what the identity map holds for its
        // foreign key, found without SQL, as SQLAlchemy's passive get finds it.)
        if kind == RelKind::OneToMany && cur.is_none() && self.status(target) == Status::Persistent
        {
            cur = self
                .reference_in_identity_map(target, rev)
                .map(Value::Instance);
        }
        let displaced = match &cur {
            Some(Value::Instance(old)) if !Rc::ptr_eq(old, parent) => Some(old.clone()),
            _ => None,
        };
        match kind {
            RelKind::OneToMany => {
                if let Some(old) = displaced
                    && let Some(Value::List(l)) = old.dict.borrow().get(fwd).cloned()
                {
                    l.borrow_mut()
                        .retain(|x| !matches!(x, Value::Instance(i) if Rc::ptr_eq(i, target)));
                    // (The parent it left has a changed collection.)
                    if self.status(&old) == Status::Persistent {
                        self.mark_modified(&old);
                    }
                }
                target.dict.borrow_mut().insert(Rc::from(rev), pv);
            }
            _ if scalar => {
                if let Some(old) = displaced
                    && matches!(old.dict.borrow().get(fwd), Some(Value::Instance(t)) if Rc::ptr_eq(t, target))
                {
                    self.clear_reference(&old, fwd);
                }
                target.dict.borrow_mut().insert(Rc::from(rev), pv);
            }
            RelKind::ManyToOne | RelKind::ManyToMany => match cur {
                // (A many-to-many's other side takes the object again when it holds it
                // already, as SQLAlchemy's backref appends.)
                Some(Value::List(l))
                    if kind == RelKind::ManyToMany
                        || !l
                            .borrow()
                            .iter()
                            .any(|x| matches!(x, Value::Instance(i) if Rc::ptr_eq(i, parent))) =>
                {
                    l.borrow_mut().push(pv);
                }
                None if !matches!(self.status(target), Status::Persistent) => {
                    let l = Value::list(vec![pv]);
                    target.dict.borrow_mut().insert(Rc::from(rev), l.clone());
                    self.register_collection(&l, target, rev);
                }
                // (A persistent parent's unloaded collection: the append is pending.)
                None if kind == RelKind::ManyToOne => {
                    self.orm
                        .unloaded_appends
                        .push((target.clone(), Rc::from(rev), parent.clone()));
                }
                _ => {}
            },
        }
    }

    /// The object many-to-one `key` of `inst` refers to when the identity map holds it,
    /// found from the loaded foreign key without SQL (`None` when the key is not loaded,
    /// is NULL, or its object is not in the map or is expired).
    pub(crate) fn reference_in_identity_map(
        &mut self,
        inst: &Rc<Instance>,
        key: &str,
    ) -> Option<Rc<Instance>> {
        let m = inst.class.model_info()?;
        let r = self.orm.reg.resolve(&m.class, key).ok()?;
        if r.kind != RelKind::ManyToOne || r.primary.len() != 1 || !r.extra.is_empty() {
            return None;
        }
        let i = m
            .columns
            .iter()
            .position(|(_, n)| **n == *r.primary[0].foreign.1)?;
        let v = super::super::model::column_attr(inst, i)?;
        if matches!(v, Value::None) {
            return None;
        }
        let target = self
            .orm
            .reg
            .relationship(&m.class, key)
            .ok()?
            .target
            .clone();
        // (An expired object is no answer: SQLAlchemy's passive identity lookup leaves it
        // for the flush rather than load it.)
        self.identity_by_pk(&target, &v)
            .filter(|o| !o.orm.borrow().as_ref().is_some_and(|s| s.expired))
    }

    /// Undo a backref link when an object leaves a relationship.
    pub(crate) fn backref_remove(
        &mut self,
        target: &Rc<Instance>,
        rev: &str,
        parent: &Rc<Instance>,
        kind: RelKind,
    ) {
        let cur = target.dict.borrow().get(rev).cloned();
        // (Its many-to-one changes: a persistent child is modified; so is the other side
        // of a many-to-many and the parent a many-to-one leaves, loaded or not: the
        // backref's remove event modifies an unloaded collection too.)
        if self.status(target) == Status::Persistent {
            self.mark_modified(target);
        }
        match (kind, cur) {
            // The many-to-one side is cleared when it held the parent, and also when it
            // was not loaded: SQLAlchemy's backref pops it without fetching (only a
            // loaded reference to another object is left alone).
            (RelKind::OneToMany, Some(Value::Instance(p))) if Rc::ptr_eq(&p, parent) => {
                target.dict.borrow_mut().insert(Rc::from(rev), Value::None);
            }
            (RelKind::OneToMany, None) => {
                target.dict.borrow_mut().insert(Rc::from(rev), Value::None);
                // (The parent it left is its old value, as the backref event tells
                // SQLAlchemy's history.)
                if self.status(target) == Status::Persistent
                    && let Some(s) = target.orm.borrow_mut().as_mut()
                    && s.rel_committed.get(rev).is_none()
                {
                    s.rel_committed
                        .insert(Rc::from(rev), Value::Instance(parent.clone()));
                }
            }
            // A one-to-one's scalar side that held the parent is emptied.
            (RelKind::ManyToOne, Some(Value::Instance(p))) if Rc::ptr_eq(&p, parent) => {
                target.dict.borrow_mut().insert(Rc::from(rev), Value::None);
            }
            (RelKind::ManyToOne, Some(Value::List(l))) => {
                l.borrow_mut()
                    .retain(|x| !matches!(x, Value::Instance(i) if Rc::ptr_eq(i, parent)));
            }
            // (A many-to-many's other side loses one of the copies it may hold, as
            // SQLAlchemy's backref removes it once.)
            (RelKind::ManyToMany, Some(Value::List(l))) => {
                let at = (l.borrow().iter())
                    .position(|x| matches!(x, Value::Instance(i) if Rc::ptr_eq(i, parent)));
                if let Some(at) = at {
                    l.borrow_mut().remove(at);
                }
            }
            _ => {}
        }
    }
}
