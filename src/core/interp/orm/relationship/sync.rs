//! Foreign-key synchronisation at flush: which new objects sit in which parents'
//! collections, and foreign keys copied from related objects before INSERT and UPDATE
//! (with orphan handling).

use std::rc::Rc;

use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{FxMap, Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::{JoinPair, RelKind, Relationship};

/// What a warning raised during autoflush adds.
const AUTOFLUSH_NOTE: &str = " (This warning originated from the Session 'autoflush' process, which was invoked automatically in response to a user-initiated operation. Consider using ``no_autoflush`` context manager if this warning happened while initializing objects.)";

impl Interp<'_> {
    /// SQLAlchemy's warning for an object outside the session that a relationship of
    /// `owner` reaches (only through a backref): the flush leaves it alone.
    pub(crate) fn not_in_session(&mut self, obj: &Instance, owner: &Instance, rel: &str) {
        self.warn_not_in_session(obj, owner, rel, "won't");
    }

    /// The warning (once) for an object outside the session that `owner.<rel>` reaches;
    /// `wont` is the wording of the place SQLAlchemy warns from (the dependency
    /// processors' "won't", the unit of work's `register_object`'s "will not").
    fn warn_not_in_session(&mut self, obj: &Instance, owner: &Instance, rel: &str, wont: &str) {
        let suffix = if self.orm.autoflushing {
            AUTOFLUSH_NOTE
        } else {
            ""
        };
        let msg = format!(
            "Warning: SAWarning: Object of type <{}> not in session, add operation along '{}.{rel}' {wont} proceed{suffix}\n",
            obj.class.name, owner.class.name
        );
        if !self.err.contains(&msg) {
            self.err.push_str(&msg);
        }
    }

    /// For objects about to be inserted: which parents hold them in one-to-many collections.
    pub fn collection_links(
        &mut self,
        new: &[Rc<Instance>],
        has_rels: &mut FxMap<usize, usize>,
    ) -> Links {
        let mut links: Links = crate::core::fxhash::FxMap::default();
        let mut all: Vec<Rc<Instance>> = new.to_vec();
        all.extend(self.orm.identity_order.iter().cloned());
        for inst in all {
            if !self.has_relationships(has_rels, &inst) {
                continue;
            }
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            let rels: Vec<String> = match self.orm.reg.mapper(&m.class) {
                Ok(mp) => (mp.relationships.iter())
                    .filter(|r| !r.viewonly)
                    .map(|r| r.name.clone())
                    .collect(),
                Err(_) => continue,
            };
            for name in rels {
                let cur = inst.dict.borrow().get(name.as_str()).cloned();
                let Some(Value::List(l)) = cur else { continue };
                let Ok(r) = self.orm.reg.resolve(&m.class, &name) else {
                    continue;
                };
                if r.kind != RelKind::OneToMany {
                    continue;
                }
                for c in l.borrow().iter() {
                    if let Value::Instance(ci) = c {
                        let key = Rc::as_ptr(ci) as usize;
                        links
                            .entry(key)
                            .or_default()
                            .push((inst.clone(), r.primary.clone()));
                    }
                }
            }
        }
        // Children added to a dynamic / write-only collection (which holds no list) take
        // the parent's key at its flush too, as the parent may have had none yet.
        for (parent, key, child, added) in &self.orm.dynamic_links {
            let Some(m) = parent.class.model_info().filter(|_| *added) else {
                continue;
            };
            if let Ok(r) = self.orm.reg.resolve(&m.class, key)
                && r.kind == RelKind::OneToMany
            {
                links
                    .entry(Rc::as_ptr(child) as usize)
                    .or_default()
                    .push((parent.clone(), r.primary.clone()));
            }
        }
        links
    }

    /// Sets an object's foreign keys from its many-to-one targets and owning collections.
    pub fn sync_before_insert(
        &mut self,
        inst: &Rc<Instance>,
        links: &Links,
        memo: &mut super::RelsByClass,
    ) {
        if let Some(ps) = links.get(&(Rc::as_ptr(inst) as usize)) {
            for (parent, pairs) in ps {
                for p in pairs {
                    let v = self.attr_by_col(parent, &p.referred.1);
                    if !matches!(v, Value::None) {
                        self.set_by_col(inst, &p.foreign.1, v);
                    }
                }
            }
        }
        // (Resolved once per class for the flush, in `memo`.)
        let rels = self.rels_of(memo, inst);
        for (rel, r) in rels.iter() {
            let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
            let Some(Value::Instance(target)) = cur else {
                continue;
            };
            if r.kind != RelKind::ManyToOne {
                continue;
            }
            for p in &r.primary {
                let v = self.attr_by_col(&target, &p.referred.1);
                if !matches!(v, Value::None) {
                    self.set_by_col(inst, &p.foreign.1, v);
                }
            }
        }
    }

    /// Copy foreign keys from related objects before INSERT/UPDATE.
    pub fn sync_relationships_before_flush(&mut self) -> R<()> {
        if !self.orm.dynamic_links.is_empty() {
            self.delete_dynamic_orphans();
        }
        // An object appended to an unloaded collection and left out of the session still
        // gets its parent's key (the one-to-many's sync), though it is not saved.
        for (parent, key, child) in std::mem::take(&mut self.orm.unloaded_appends) {
            if self.status(&child) != Status::Transient
                || self.status(&parent) != Status::Persistent
            {
                continue;
            }
            let Some(m) = parent.class.model_info() else {
                continue;
            };
            let Ok(r) = self.orm.reg.resolve(&m.class, &key) else {
                continue;
            };
            if r.kind != RelKind::OneToMany {
                continue;
            }
            self.warn_not_in_session(&child, &parent, &key, "will not");
            for p in &r.primary {
                let v = self.attr_by_col(&parent, &p.referred.1);
                if !matches!(v, Value::None) {
                    self.set_by_col(&child, &p.foreign.1, v);
                }
            }
        }
        // Relationships resolved once per class, not once per object; only objects of
        // classes with relationships are visited.
        let mut memo = super::RelsByClass::default();
        let mut all: Vec<Rc<Instance>> = Vec::new();
        for inst in (self.orm.new.iter())
            .chain(&self.orm.identity_order)
            .chain(&self.orm.inserted_in_tx)
        {
            if !self.rels_of(&mut memo, inst).is_empty() {
                all.push(inst.clone());
            }
        }
        for inst in all {
            // Many-to-one references set to None since the last flush and still None:
            // their foreign keys are cleared now (also over a key set by hand meanwhile,
            // as SQLAlchemy's `sync.clear` does).
            let cleared =
                (inst.orm.borrow_mut().as_mut()).map_or_else(Vec::new, |s| s.take_cleared());
            for key in cleared {
                if !matches!(inst.dict.borrow().get(&key), Some(Value::None)) {
                    continue;
                }
                // (An orphan of a `delete-orphan` collection is deleted, not saved: it
                // keeps its key, as SQLAlchemy synchronises only the objects it saves.)
                let old =
                    (inst.orm.borrow().as_ref()).and_then(|s| s.rel_committed.get(&key).cloned());
                if let Some(Value::Instance(parent)) = &old
                    && let Some(m) = inst.class.model_info()
                    && let Ok(rel) = self.orm.reg.relationship(&m.class, &key)
                    && self.reverse_deletes_orphans(rel, parent)
                {
                    continue;
                }
                if let Some(m) = inst.class.model_info()
                    && let Ok(r) = self.orm.reg.resolve(&m.class, &key)
                {
                    for p in &r.primary {
                        self.set_by_col(&inst, &p.foreign.1, Value::None);
                    }
                }
            }
            let rels = self.rels_of(&mut memo, &inst);
            for (rel, r) in rels.iter() {
                let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
                let Some(cur) = cur else { continue };
                // The value as last loaded or flushed: only what was added since is
                // synchronised (SQLAlchemy's dependency processors go by the history's
                // `added`), so a foreign key set directly is not overwritten.
                let old = inst
                    .orm
                    .borrow()
                    .as_ref()
                    .and_then(|s| s.rel_committed.get(rel.name.as_str()).cloned());
                // The object a `delete-orphan` many-to-one (`single_parent=True`) no longer
                // refers to is an orphan: deleted by this flush.
                if r.kind == RelKind::ManyToOne
                    && let Some(Value::Instance(prev)) = &old
                    && !matches!(&cur, Value::Instance(c) if Rc::ptr_eq(c, prev))
                    && rel.cascade_set().iter().any(|c| c == "delete-orphan")
                    && self.status(prev) == Status::Persistent
                {
                    self.mark_deleted(prev);
                }
                match r.kind {
                    // A child taken from its parent (`child.parent = None`) whose parent's
                    // collection has `delete-orphan` is an orphan, loaded collection or not
                    // (SQLAlchemy's `hasparent` flag, which the backref event clears).
                    RelKind::ManyToOne
                        if matches!(cur, Value::None)
                            && let Some(Value::Instance(parent)) = &old
                            && self.reverse_deletes_orphans(rel, parent)
                            && self.status(&inst) == Status::Persistent =>
                    {
                        // (Marked so: its cleared key is not written by an UPDATE first.)
                        self.mark_deleted(&inst);
                    }
                    RelKind::ManyToOne => {
                        if let Value::Instance(target) = &cur
                            && !old
                                .as_ref()
                                .is_some_and(|o| crate::core::interp::ops::is_same(o, &cur))
                        {
                            self.check_flushed(&inst, rel, target)?;
                            // (A parent outside the session, reached only by a backref,
                            // is not saved: SQLAlchemy warns and leaves the key alone.)
                            if self.status(target) == Status::Transient {
                                self.not_in_session(target, &inst, &rel.name);
                                continue;
                            }
                            for p in &r.primary {
                                let v = self.attr_by_col(target, &p.referred.1);
                                if !matches!(v, Value::None) {
                                    self.set_by_col(&inst, &p.foreign.1, v);
                                }
                            }
                        }
                    }
                    RelKind::OneToMany => {
                        let children = match &cur {
                            Value::List(l) => l.borrow().clone(),
                            Value::Instance(_) => vec![cur.clone()],
                            _ => vec![],
                        };
                        if matches!(cur, Value::List(_))
                            && children.iter().any(|c| matches!(c, Value::None))
                        {
                            return self.none_in_collection(&inst, &rel.name);
                        }
                        let held_before = |ci: &Rc<Instance>| match &old {
                            Some(Value::List(l)) => l
                                .borrow()
                                .iter()
                                .any(|x| matches!(x, Value::Instance(i) if Rc::ptr_eq(i, ci))),
                            Some(Value::Instance(i)) => Rc::ptr_eq(i, ci),
                            _ => false,
                        };
                        for c in &children {
                            if let Value::Instance(ci) = c
                                && !held_before(ci)
                            {
                                self.check_flushed(&inst, rel, ci)?;
                                for p in &r.primary {
                                    let v = self.attr_by_col(&inst, &p.referred.1);
                                    if !matches!(v, Value::None) {
                                        self.set_by_col(ci, &p.foreign.1, v);
                                    }
                                }
                            }
                        }
                        // removed children: orphan handling
                        // (a `uselist=False` relationship holds one object, not a list)
                        let old = match old {
                            Some(Value::List(old)) => Some(old.borrow().clone()),
                            Some(o @ Value::Instance(_)) => Some(vec![o]),
                            _ => None,
                        };
                        if let Some(old) = old {
                            for o in old {
                                if let Value::Instance(oi) = &o
                                    && !children.iter().any(
                                        |c| matches!(c, Value::Instance(x) if Rc::ptr_eq(x, oi)),
                                    )
                                {
                                    if rel.cascade_set().iter().any(|c| c == "delete-orphan") {
                                        if self.status(oi) == Status::Persistent
                                            && !self.has_new_parent(oi, &inst, rel)
                                            && !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, oi))
                                        {
                                            self.orm.deleted.push(oi.clone());
                                        }
                                    } else if !self.has_new_parent(oi, &inst, rel) {
                                        for p in &r.primary {
                                            self.blank_out(oi, p)?;
                                        }
                                    }
                                }
                            }
                        }
                    }
                    RelKind::ManyToMany => {
                        if let Value::List(l) = &cur
                            && l.borrow().iter().any(|c| matches!(c, Value::None))
                        {
                            return self.none_in_collection(&inst, &rel.name);
                        }
                        if let Value::List(l) = &cur {
                            for c in l.borrow().clone() {
                                if let Value::Instance(ci) = &c {
                                    self.check_flushed(&inst, rel, ci)?;
                                }
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// SQLAlchemy's `FlushError` for an object of another class than `rel`'s target
    /// (or a subclass) in `inst.<rel>` (its dependency processor's `_verify_canload`).
    fn check_flushed(
        &mut self,
        inst: &Rc<Instance>,
        rel: &crate::core::orm::mapper::Relationship,
        child: &Rc<Instance>,
    ) -> R<()> {
        if crate::core::interp::orm::session::is_a(child, &rel.target) {
            return Ok(());
        }
        let owner = crate::core::interp::orm::session::declaring_class(&inst.class, &rel.name);
        let msg = format!(
            "Attempting to flush an item of type <class '__main__.{}'> as a member of collection \"{owner}.{}\". Expected an object of type <class '__main__.{}'> or a polymorphic subclass of this type.",
            child.class.name, rel.name, rel.target
        );
        self.raise("FlushError", msg)
    }

    /// SQLAlchemy's `FlushError` for a `None` appended to a collection.
    fn none_in_collection(&mut self, inst: &Rc<Instance>, key: &str) -> R<()> {
        self.raise(
            "FlushError",
            format!(
                "Can't flush None value found in collection {}.{key}",
                inst.class.name
            ),
        )
    }
}

impl Interp<'_> {
    /// After a flush: the one-to-many and many-to-one values of `insts` become their
    /// committed state (what the next flush compares with), as the flush resets
    /// SQLAlchemy's attribute history.
    pub fn snapshot_relationships(&mut self, insts: &[Rc<Instance>]) {
        let mut memo = super::RelsByClass::default();
        for inst in insts {
            let rels = self.rels_of(&mut memo, inst);
            for (rel, r) in rels.iter() {
                if r.kind == RelKind::ManyToMany {
                    continue;
                }
                let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
                if let Some(cur) = cur
                    && let Some(s) = inst.orm.borrow_mut().as_mut()
                {
                    s.rel_committed
                        .insert(Rc::from(rel.name.as_str()), super::snapshot(&cur));
                }
            }
        }
    }

    /// Whether the one-to-many on `parent`'s side of the many-to-one `rel` (its backref or
    /// `back_populates`) cascades `delete-orphan`.
    fn reverse_deletes_orphans(&self, rel: &Relationship, parent: &Rc<Instance>) -> bool {
        let Some(m) = parent.class.model_info() else {
            return false;
        };
        let Some(rev) = self.reverse_name(&m.class, rel) else {
            return false;
        };
        (self.orm.reg.relationship(&m.class, &rev))
            .is_ok_and(|r| r.cascade_set().iter().any(|c| c == "delete-orphan"))
    }

    /// Whether `child`, removed from `old.<rel>`, has joined another parent through the
    /// same relationship (SQLAlchemy's `hasparent` flag: then it is no orphan): its
    /// backref names another object, or another loaded collection holds it.
    fn has_new_parent(
        &self,
        child: &Rc<Instance>,
        old: &Rc<Instance>,
        rel: &crate::core::orm::mapper::Relationship,
    ) -> bool {
        let rev = rel.back_populates.as_ref().or(rel.backref.as_ref());
        if let Some(rev) = rev
            && let Some(Value::Instance(p)) = child.dict.borrow().get(rev.as_str())
            && !Rc::ptr_eq(p, old)
        {
            return true;
        }
        self.orm
            .identity_order
            .iter()
            .chain(&self.orm.new)
            .filter(|p| !Rc::ptr_eq(p, old) && Rc::ptr_eq(&p.class, &old.class))
            .any(|p| match p.dict.borrow().get(rel.name.as_str()) {
                Some(Value::List(l)) => l
                    .borrow()
                    .iter()
                    .any(|x| matches!(x, Value::Instance(i) if Rc::ptr_eq(i, child))),
                Some(Value::Instance(i)) => Rc::ptr_eq(i, child),
                _ => false,
            })
    }
}

/// Child object address → (parent, join pairs) of the collections holding it.
pub type Links = crate::core::fxhash::FxMap<usize, Vec<(Rc<Instance>, Vec<JoinPair>)>>;
