//! Relationship attributes: lazy loading, assignment, collections and their change
//! tracking. Backref bookkeeping is in `relationship/backref.rs`, foreign-key
//! synchronisation at flush in `relationship/sync.rs`, many-to-many association rows in
//! `relationship/association.rs`, delete cascades in `relationship/cascade.rs`, the
//! instrumented collection lists (their edits, validators and events) in
//! `relationship/collection.rs`.

mod association;
mod backref;
mod cascade;
mod collection;
mod eager;
mod sync;

use std::rc::Rc;

use crate::core::orm::mapper::{Lazy, RelKind, Relationship, ResolvedRel};
use crate::core::orm::relations::lazy_load_query;
use crate::core::sql::SqlValue;

use super::super::value::{Instance, Value};
use super::super::{Interp, R};
use super::model::Status;
use super::{Instrumented, Native};

pub use eager::{EagerState, LoadedWith};
pub use sync::Links;

/// A class's relationships with their resolution.
type ClassRels = Rc<Vec<(Relationship, ResolvedRel)>>;

/// Each class's resolved relationships during one pass over many objects, by the class
/// object's address (the objects passed keep their classes alive meanwhile). A pass
/// meets few classes: they are looked up in a short list, the last one found first.
#[derive(Default)]
pub struct RelsByClass(Vec<(usize, ClassRels)>);

/// A change made to a relationship collection as to a plain list: a list method,
/// `collection[key] = v` or `del collection[key]`.
pub(crate) enum ListEdit<'a> {
    /// A list method by name, with its arguments.
    Call(&'a str, Vec<Value>, super::super::call::Kw),
    /// Item or slice assignment.
    Set(Value, Value),
    /// Item or slice deletion.
    Del(Value),
}

impl Interp<'_> {
    /// `Model.rel.property.direction` (SQLAlchemy's `RelationshipDirection` member:
    /// `ONETOMANY`, `MANYTOONE`, `MANYTOMANY`), `.uselist`, `.cascade`, and `.mapper` /
    /// `.entity` (the target's mapper).
    pub(super) fn rel_property_attr(&mut self, a: &Instrumented, name: &str) -> R<Value> {
        // A relationship's target mapper (`rel.mapper.class_`).
        if matches!(name, "mapper" | "entity") {
            let r = match self.orm.reg.relationship(&a.class, &a.key) {
                Ok(r) => r,
                Err(e) => return self.raise(e.class(), e.0),
            };
            return Ok(match self.orm.classes.get(r.target.as_str()).cloned() {
                Some(tc) => {
                    super::dispatch::nv(Native::Inspected(super::inspect::Inspected::Mapper(tc)))
                }
                None => Value::None,
            });
        }
        let (r, declared) = match self.orm.reg.resolve(&a.class, &a.key) {
            Ok(r) => (r, self.orm.reg.relationship(&a.class, &a.key).ok()),
            Err(e) => return self.raise(e.class(), e.0),
        };
        if name == "uselist" {
            let u = declared.and_then(|d| d.uselist).unwrap_or(r.uselist());
            return Ok(Value::Bool(u));
        }
        // (SQLAlchemy's `CascadeOptions` is a frozenset of the names in effect.)
        if name == "cascade" {
            let mut names = declared.map(|d| d.cascade_set()).unwrap_or_default();
            names.sort();
            names.dedup();
            let names: Rc<[Rc<str>]> = names.iter().map(|c| Rc::from(c.as_str())).collect();
            return Ok(super::dispatch::nv(Native::Cascade(names)));
        }
        let kind = r.kind;
        let cls = match &self.orm.direction_enum {
            Some(c) => c.clone(),
            None => {
                let base = self.enum_class.clone();
                let c = super::super::exceptions::make_class(
                    "RelationshipDirection",
                    vec![base],
                    false,
                );
                self.note_cycle_root(super::super::teardown::CycleRoot::Class(Rc::downgrade(&c)));
                *c.dict.borrow_mut() = ["ONETOMANY", "MANYTOONE", "MANYTOMANY"]
                    .iter()
                    .zip(1..)
                    .map(|(n, i)| (Rc::from(*n), Value::int(i)))
                    .collect();
                self.setup_enum(&c)?;
                self.orm.direction_enum = Some(c.clone());
                c
            }
        };
        let n = match kind {
            RelKind::OneToMany => 1,
            RelKind::ManyToOne => 2,
            RelKind::ManyToMany => 3,
        };
        self.enum_by_value(&cls, &Value::int(n))
    }

    /// The relationships of `inst`'s class (those that resolve), in declaration order,
    /// resolved once per class for a pass (`memo`).
    fn rels_of(&self, memo: &mut RelsByClass, inst: &Instance) -> ClassRels {
        let key = Rc::as_ptr(&inst.class) as usize;
        let memo = &mut memo.0;
        if let Some(i) = memo.iter().position(|e| e.0 == key) {
            memo.swap(0, i);
        } else {
            let r = Rc::new(match inst.class.model_info() {
                Some(m) => self.resolved_rels(&m.class),
                None => Vec::new(),
            });
            memo.push((key, r));
            let last = memo.len() - 1;
            memo.swap(0, last);
        }
        memo[0].1.clone()
    }

    /// Whether an object's class has relationships (answers cached in `cache` by class
    /// name, for one flush: most passes over every object only concern those that do;
    /// 1 or 0, in the map type other code uses: one copy of it in the wasm).
    pub fn has_relationships(
        &self,
        cache: &mut super::super::value::FxMap<usize, usize>,
        inst: &Instance,
    ) -> bool {
        // Keyed by the address of the class (cheap to hash; the objects of the flush
        // keep their classes alive).
        let key = Rc::as_ptr(&inst.class) as usize;
        if let Some(&b) = cache.get(&key) {
            return b == 1;
        }
        let Some(m) = inst.class.model_info() else {
            cache.insert(key, 0);
            return false;
        };
        let b = self
            .orm
            .reg
            .mapper(&m.class)
            .is_ok_and(|mp| !mp.relationships.is_empty());
        cache.insert(key, usize::from(b));
        b
    }

    /// The relationships of model `class` with their resolution (those that resolve), in
    /// declaration order: what the flush, cascade and association-row passes walk.
    fn resolved_rels(&self, class: &str) -> Vec<(Relationship, ResolvedRel)> {
        let Ok(mp) = self.orm.reg.mapper(class) else {
            return Vec::new();
        };
        // (A view-only relationship takes no part in a flush.)
        mp.relationships
            .iter()
            .filter(|rel| !rel.viewonly)
            .filter_map(|rel| {
                self.orm
                    .reg
                    .resolve(class, &rel.name)
                    .ok()
                    .map(|r| (rel.clone(), r))
            })
            .collect()
    }

    fn rel_info(&self, class: &str, key: &str) -> R<(Relationship, ResolvedRel)> {
        let rel = match self.orm.reg.relationship(class, key) {
            Ok(r) => r.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        match self.orm.reg.resolve(class, key) {
            Ok(r) => Ok((rel, r)),
            Err(e) => self.raise("NoForeignKeysError", e.0),
        }
    }

    /// Whether relationship attribute `attr` holds one object and is not a many-to-one:
    /// SQLAlchemy sets it loading the old value with "active history", without autoflush.
    pub(crate) fn is_active_reference(&self, attr: &Instrumented) -> bool {
        match (
            self.orm.reg.relationship(&attr.class, &attr.key),
            self.orm.reg.resolve(&attr.class, &attr.key),
        ) {
            (Ok(rel), Ok(r)) => !rel.uselist.unwrap_or(r.uselist()) && r.kind != RelKind::ManyToOne,
            _ => false,
        }
    }

    /// True for a many-to-one whose foreign key refers to its target's whole primary key
    /// (SQLAlchemy's `use_get`), without `single_parent` (whose validator asks for the
    /// active history): setting it neither loads the old value nor refreshes an expired
    /// object, the old value being whatever is known without SQL.
    pub(crate) fn is_passive_reference(&self, attr: &Instrumented) -> bool {
        let (Ok(rel), Ok(r)) = (
            self.orm.reg.relationship(&attr.class, &attr.key),
            self.orm.reg.resolve(&attr.class, &attr.key),
        ) else {
            return false;
        };
        if r.kind != RelKind::ManyToOne || !r.extra.is_empty() || rel.single_parent {
            return false;
        }
        let Some(target) = self.orm.reg.metadata.table(&r.target) else {
            return false;
        };
        let mut referred: Vec<&str> = r.primary.iter().map(|p| p.referred.1.as_str()).collect();
        let mut pk = target.primary_key();
        referred.sort_unstable();
        pk.sort_unstable();
        !pk.is_empty() && referred == pk
    }

    /// The one-to-one references set on expired objects since the last flush, their old
    /// values loaded now (SQLAlchemy's deferred history) and left as a set leaves them.
    pub(crate) fn load_deferred_references(&mut self) -> R<()> {
        for (inst, attr) in std::mem::take(&mut self.orm.deferred_references) {
            let known = (inst.orm.borrow().as_ref())
                .is_some_and(|s| s.rel_committed.get(&attr.key).is_some());
            if known || self.status(&inst) != Status::Persistent {
                continue;
            }
            let cur = inst.dict.borrow_mut().remove(&attr.key);
            let old = self.load_relationship(&inst, &attr)?;
            if let Some(cur) = cur.clone() {
                inst.dict.borrow_mut().insert(attr.key.clone(), cur);
            }
            if let Value::Instance(oi) = &old
                && !matches!(&cur, Some(Value::Instance(x)) if Rc::ptr_eq(x, oi))
            {
                let (rel, r) = self.rel_info(&attr.class, &attr.key)?;
                let rev = self.reverse_name(&attr.class, &rel);
                self.leave_old_reference(&inst, oi, &rel, r.kind, rev.as_deref());
            }
        }
        Ok(())
    }

    /// The object a reference held (`old`) leaves `inst`, as SQLAlchemy's replace event
    /// makes it: the backref's side lets go of `inst`, and a pending object left this way
    /// by a `delete-orphan` relationship (either side) is expunged.
    fn leave_old_reference(
        &mut self,
        inst: &Rc<Instance>,
        old: &Rc<Instance>,
        rel: &Relationship,
        kind: RelKind,
        rev: Option<&str>,
    ) {
        if let Some(rev) = rev {
            self.backref_remove(old, rev, inst, kind);
            // (A pending child taken from a `delete-orphan` collection this way is an
            // orphan: expunged, and the new parent's backref append does not cascade it
            // back.)
            if let Some(m) = old.class.model_info()
                && let Ok(rev_rel) = self.orm.reg.relationship(&m.class, rev).cloned()
            {
                self.expunge_pending_orphan(&rev_rel, inst);
            }
        }
        self.expunge_pending_orphan(rel, old);
    }

    /// Value of a parent column (by SQL name) as a bind value.
    pub(crate) fn col_value(&mut self, inst: &Rc<Instance>, col: &str) -> R<SqlValue> {
        let Some(m) = inst.class.model_info() else {
            return Ok(SqlValue::Null);
        };
        let Some(i) = m.columns.iter().position(|(_, n)| &**n == col) else {
            return Ok(SqlValue::Null);
        };
        let v = super::model::column_attr(inst, i).unwrap_or(Value::None);
        Ok(self.to_sql(&v, None).unwrap_or(SqlValue::Null))
    }

    /// Loads `inst.<attr>` (lazy load).
    pub fn load_relationship(&mut self, inst: &Rc<Instance>, attr: &Instrumented) -> R<Value> {
        let (rel, r) = self.rel_info(&attr.class, &attr.key)?;
        if matches!(rel.lazy, Lazy::Dynamic | Lazy::WriteOnly) {
            return Ok(Value::Native(Rc::new(Native::Dynamic(
                inst.clone(),
                attr.key.clone(),
                rel.lazy == Lazy::WriteOnly,
            ))));
        }
        let uselist = rel.uselist.unwrap_or(r.uselist());
        let st = self.status(inst);
        // (A deleted object keeps its identity and session until the commit: it loads as
        // a persistent one does.)
        if !matches!(st, Status::Persistent | Status::Deleted | Status::Detached) {
            let v = if uselist {
                Value::list(vec![])
            } else {
                Value::None
            };
            if uselist {
                // the fresh empty collection is instrumented like a loaded one
                self.register_collection(&v, inst, &attr.key);
                inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
            }
            // (A scalar reads as None without being set, as SQLAlchemy's `initialize`
            // leaves it: once flushed, the object loads it.)
            return Ok(v);
        }
        // A many-to-one's foreign key left unloaded (`load_only()`, `defer()`) is loaded
        // first, as reading the attribute loads it.
        if r.kind == RelKind::ManyToOne
            && st == Status::Persistent
            && let Some(m) = inst.class.model_info()
        {
            for p in &r.primary {
                let Some(i) = m.columns.iter().position(|(_, n)| **n == *p.foreign.1) else {
                    continue;
                };
                let unloaded = (inst.orm.borrow().as_ref()).is_some_and(|s| s.value(i).is_none());
                if unloaded {
                    let key = m.columns[i].0.clone();
                    self.getattr(&Value::Instance(inst.clone()), &key)?;
                }
            }
        }
        if let Some(v) = self.load_without_sql(inst, attr, &rel, uselist)? {
            return Ok(v);
        }
        if st == Status::Detached {
            return self.raise(
                "DetachedInstanceError",
                format!("Parent instance <{} at 0x7f0000000000> is not bound to a Session; lazy load operation of attribute '{}' cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)", attr.class, attr.key),
            );
        }
        // parent column values
        self.ensure_loaded(inst)?;
        let mut vals = crate::core::fxhash::FxMap::default();
        let Some(m) = inst.class.model_info() else {
            return Ok(Value::None);
        };
        for (_, name) in m.columns.iter() {
            let v = self.col_value(inst, name)?;
            vals.insert(name.to_string(), v);
        }
        if r.kind == RelKind::ManyToOne {
            let fk_vals: Vec<SqlValue> = r
                .primary
                .iter()
                .map(|p| vals.get(&p.foreign.1).cloned().unwrap_or(SqlValue::Null))
                .collect();
            if fk_vals.iter().all(|v| *v == SqlValue::Null) {
                self.set_loaded_relationship(inst, &attr.key, Value::None);
                return Ok(Value::None);
            }
            // identity map first
            if r.primary.len() == 1 && r.extra.is_empty() {
                let v = self.from_sql(&fk_vals[0], None)?;
                if let Some(found) = self.identity_by_pk(&rel.target, &v) {
                    // An expired object is loaded first, as SQLAlchemy's `get_from_identity`
                    // does (the load autoflushes): gone by then, the reference is None.
                    let expired = found.orm.borrow().as_ref().is_some_and(|s| s.expired);
                    let v = if expired && self.status(&found) == Status::Persistent {
                        match self.refresh_instance(&found) {
                            Ok(()) => Value::Instance(found),
                            Err(e)
                                if self.exc_matches(
                                    &e.value,
                                    &self.exc["ObjectDeletedError"].clone(),
                                ) =>
                            {
                                Value::None
                            }
                            Err(e) => return Err(e),
                        }
                    } else {
                        Value::Instance(found)
                    };
                    self.set_loaded_relationship(inst, &attr.key, v.clone());
                    return Ok(v);
                }
            }
        }
        self.check_raise_on_sql(inst, attr, &rel)?;
        let q = match lazy_load_query(&self.orm.reg, &attr.class, &attr.key, &|c| {
            vals.get(c).cloned().unwrap_or(SqlValue::Null)
        }) {
            Ok(q) => q,
            Err(e) => return self.raise(e.class(), e.0),
        };
        let (base, extra) = self.lazy_load_paths(inst, attr, &rel, &r);
        let items = self.run_entity_query(&q, &rel.target, &base, &extra)?;
        let v = if uselist {
            Value::list(items)
        } else {
            items.into_iter().next().unwrap_or(Value::None)
        };
        self.set_loaded_relationship(inst, &attr.key, v.clone());
        Ok(v)
    }

    /// Sets a relationship attribute to a value loaded from the database: a list becomes
    /// the instrumented collection, and the value is the committed state change tracking
    /// compares with.
    pub fn set_loaded_relationship(&mut self, inst: &Rc<Instance>, key: &Rc<str>, v: Value) {
        if matches!(v, Value::List(_)) {
            self.register_collection(&v, inst, key);
        }
        inst.dict.borrow_mut().insert(key.clone(), v.clone());
        let snap = snapshot(&v);
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.rel_committed.insert(key.clone(), snap);
        }
    }

    /// True when relationship (or column) `key` of `inst` holds a value.
    pub fn attr_loaded(&self, inst: &Instance, key: &str) -> bool {
        super::model::loaded_attr(inst, key).is_some()
    }

    /// Reverse attribute name of a relationship.
    pub(crate) fn reverse_name(&self, class: &str, rel: &Relationship) -> Option<String> {
        if let Some(b) = &rel.back_populates {
            return Some(b.clone());
        }
        if let Some(b) = &rel.backref {
            return Some(b.clone());
        }
        let _ = class;
        None
    }

    /// `inst.<rel> = v`.
    pub fn set_relationship(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        v: Value,
    ) -> R<()> {
        let (rel, r) = self.rel_info(&attr.class, &attr.key)?;
        let rev = self.reverse_name(&attr.class, &rel);
        let uselist = rel.uselist.unwrap_or(r.uselist());
        // A write-only collection of an object with an identity is never replaced: that
        // would load it whole.
        if rel.lazy == crate::core::orm::mapper::Lazy::WriteOnly
            && matches!(
                self.status(inst),
                Status::Persistent | Status::Detached | Status::Deleted
            )
        {
            return self.raise(
                "InvalidRequestError",
                format!("Collection \"{}.{}\" does not support implicit iteration; collection replacement operations can't be used", attr.class, attr.key),
            );
        }
        // A dynamic collection of an object with an identity: its rows are loaded, and
        // what the new list adds is appended, then what it leaves out removed, as
        // SQLAlchemy's dynamic attribute sets an iterable.
        if rel.lazy == crate::core::orm::mapper::Lazy::Dynamic
            && self.status(inst) == Status::Persistent
            && !matches!(v, Value::None | Value::Str(_) | Value::Instance(_))
        {
            let new_items = self.iterate(&v)?;
            let q = self.dynamic_query(inst, &attr.key)?;
            let mut old = self.query_all(&q)?;
            let has = |list: &[Value], x: &Value| {
                (list.iter()).any(|y| matches!((x, y), (Value::Instance(a), Value::Instance(b)) if Rc::ptr_eq(a, b)))
            };
            // (The old members: the rows, and the appends not flushed yet.)
            for (p, k, c, added) in &self.orm.dynamic_links {
                let c = Value::Instance(c.clone());
                if *added && Rc::ptr_eq(p, inst) && **k == *attr.key && !has(&old, &c) {
                    old.push(c);
                }
            }
            let mut appended: Vec<Value> = vec![];
            for n in &new_items {
                if !has(&old, n) && !has(&appended, n) {
                    self.dynamic_method(inst, &attr.key, "append", vec![n.clone()], vec![])?;
                    appended.push(n.clone());
                }
            }
            for o in &old {
                if !has(&new_items, o) {
                    self.dynamic_method(inst, &attr.key, "remove", vec![o.clone()], vec![])?;
                }
            }
            return Ok(());
        }
        if uselist {
            if !matches!(v, Value::List(_)) {
                // (A dynamic relationship takes any iterable; so does one declared with a
                // `collection_class`, which ormlab holds as a list.)
                let lenient =
                    rel.lazy == crate::core::orm::mapper::Lazy::Dynamic || rel.custom_collection;
                if lenient && !matches!(v, Value::None | Value::Str(_) | Value::Instance(_)) {
                    let items = self.iterate(&v)?;
                    return self.set_relationship(inst, attr, Value::list(items));
                }
                // (Only a list is list-like: a tuple, a set or one object is refused.)
                let t = match v {
                    Value::None => "None".to_owned(),
                    _ => self.type_name(&v),
                };
                return self.raise(
                    "TypeError",
                    format!("Incompatible collection type: {t} is not list-like"),
                );
            }
            // (Only mapped objects (or None) join a collection: SQLAlchemy's bulk replace
            // has put a new collection in place and appended the values before the first
            // that has no `_sa_instance_state` when it fails on that one.)
            if let Value::List(l) = &v {
                let bad = l.borrow().iter().position(|x| !relatable(x));
                if let Some(at) = bad {
                    let (bad, before) = {
                        let items = l.borrow();
                        (items[at].clone(), items[..at].to_vec())
                    };
                    self.set_relationship(inst, attr, Value::list(before))?;
                    return self.no_instance_state(&bad);
                }
            }
            // make sure the old collection is known for change tracking
            if self.status(inst) == Status::Persistent
                && !inst.dict.borrow().contains_key(&attr.key)
            {
                self.load_relationship(inst, attr)?;
            }
            // assigning a list: the old members lose their backref
            let old = inst.dict.borrow().get(&attr.key).cloned();
            // (Members of the old list and the new are kept without events, as
            // SQLAlchemy's bulk replace keeps them.)
            let kept: Vec<Value> = match &old {
                Some(Value::List(o)) if !matches!(&v, Value::List(n) if Rc::ptr_eq(n, o)) => {
                    o.borrow().clone()
                }
                _ => vec![],
            };
            if self.status(inst) == Status::Persistent {
                self.mark_modified(inst);
            }
            if let Some(Value::List(old)) = old {
                let new_items = self.iterate(&v)?;
                for o in old.borrow().clone() {
                    if let Value::Instance(oi) = &o
                        && !new_items
                            .iter()
                            .any(|n| matches!(n, Value::Instance(x) if Rc::ptr_eq(x, oi)))
                    {
                        if let Some(rev) = rev.as_ref() {
                            self.backref_remove(oi, rev, inst, r.kind);
                        }
                        self.expunge_pending_orphan(&rel, oi);
                    }
                }
            }
            inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
            self.register_collection(&v, inst, &attr.key);
            for c in self.iterate(&v)? {
                if let Value::Instance(ci) = &c {
                    if kept
                        .iter()
                        .any(|k| matches!(k, Value::Instance(x) if Rc::ptr_eq(x, ci)))
                    {
                        continue;
                    }
                    if let Some(rev) = &rev {
                        self.backref_set(ci, rev, inst, r.kind, &attr.key);
                    }
                    self.cascade_on_event(inst, &rel, ci)?;
                }
            }
        } else {
            // A reference takes a mapped object or None (SQLAlchemy reads the value's
            // instance state).
            if !relatable(&v) {
                return self.no_instance_state(&v);
            }
            // (The other side's `@validates` sees the change first: its error leaves
            // both sides as they were.)
            if let (Value::Instance(target), Some(rev)) = (&v, rev.as_ref()) {
                self.validate_backref(target, rev, inst)?;
            }
            // (The old value of a plain many-to-one is what is known without SQL: loaded,
            // or in the identity map under a loaded foreign key; the backref leaves only
            // that one.)
            let loaded = inst.dict.borrow().get(&attr.key).cloned();
            let old = match loaded {
                Some(o) => o,
                None if self.status(inst) != Status::Persistent => Value::None,
                // (Found, it is the committed value the change is told from.)
                None if self.is_passive_reference(attr) => {
                    match self.reference_in_identity_map(inst, &attr.key) {
                        Some(o) => {
                            let o = Value::Instance(o);
                            self.set_loaded_relationship(inst, &attr.key, o.clone());
                            o
                        }
                        None => Value::None,
                    }
                }
                // (A one-to-one of an expired object: its old value waits for the flush.)
                None if self.is_active_reference(attr)
                    && (inst.orm.borrow().as_ref()).is_some_and(|s| s.expired) =>
                {
                    (self.orm.deferred_references).push((inst.clone(), attr.clone()));
                    Value::None
                }
                None => self.load_relationship(inst, attr)?,
            };
            if let Value::Instance(oi) = &old
                && !matches!(&v, Value::Instance(x) if Rc::ptr_eq(x, oi))
            {
                self.leave_old_reference(inst, oi, &rel, r.kind, rev.as_deref());
            }
            if self.status(inst) == Status::Persistent {
                // a changed reference makes the object dirty (compared with its loaded value)
                self.mark_modified(inst);
            }
            inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
            if let Value::Instance(target) = &v {
                if let Some(rev) = rev {
                    self.backref_set(target, &rev, inst, r.kind, &attr.key);
                }
                self.cascade_on_event(inst, &rel, target)?;
            }
            if matches!(v, Value::None)
                && r.kind == RelKind::ManyToOne
                && let Some(s) = inst.orm.borrow_mut().as_mut()
            {
                s.note_cleared(&attr.key);
            }
        }
        Ok(())
    }

    /// The save-update cascade of an append or set event on `parent.<rel>` (not a
    /// backref's): an object joining the relationship of an object in the session enters
    /// the session at once, as SQLAlchemy's `track_cascade_events` does.
    fn cascade_on_event(
        &mut self,
        parent: &Rc<Instance>,
        rel: &Relationship,
        child: &Rc<Instance>,
    ) -> R<()> {
        if matches!(self.status(parent), Status::Pending | Status::Persistent)
            // (A deleted object refuses, as `add()` does: "has been deleted".)
            && matches!(
                self.status(child),
                Status::Transient | Status::Detached | Status::Deleted
            )
            && rel.cascade_set().iter().any(|c| c == "save-update")
        {
            self.session_add(&Value::Instance(child.clone()))?;
        }
        Ok(())
    }

    /// A pending object leaving a `delete-orphan` relationship is an orphan: it leaves
    /// the session (SQLAlchemy's remove event expunges pending orphans).
    pub(crate) fn expunge_pending_orphan(&mut self, rel: &Relationship, child: &Rc<Instance>) {
        if self.status(child) == Status::Pending
            && rel.cascade_set().iter().any(|c| c == "delete-orphan")
        {
            self.orm.new.retain(|x| !Rc::ptr_eq(x, child));
            if let Some(s) = child.orm.borrow_mut().as_mut() {
                s.status = Status::Transient;
            }
        }
    }

    /// True when a loaded collection differs from its snapshot.
    pub fn relationship_dirty(&mut self, inst: &Rc<Instance>) -> bool {
        let Some(m) = inst.class.model_info() else {
            return false;
        };
        let Ok(mp) = self.orm.reg.mapper(&m.class) else {
            return false;
        };
        let st = inst.orm.borrow();
        let Some(s) = st.as_ref() else { return false };
        let d = inst.dict.borrow();
        for r in &mp.relationships {
            if let Some(Value::List(cur)) = d.get(r.name.as_str()) {
                match s.rel_committed.get(r.name.as_str()) {
                    Some(Value::List(old)) => {
                        let (a, b) = (cur.borrow(), old.borrow());
                        if a.len() != b.len()
                            || a.iter()
                                .zip(b.iter())
                                .any(|(x, y)| !super::super::ops::is_same(x, y))
                        {
                            return true;
                        }
                    }
                    _ => {
                        if !cur.borrow().is_empty() {
                            return true;
                        }
                    }
                }
            } else if let Some(cur) = d.get(r.name.as_str())
                && let Some(old) = s.rel_committed.get(r.name.as_str())
                && !matches!(old, Value::List(_))
                && !super::super::ops::is_same(cur, old)
            {
                // a scalar reference changed since it was loaded
                return true;
            } else if let Some(cur) = d.get(r.name.as_str())
                && !matches!(cur, Value::List(_))
                && s.rel_committed.get(r.name.as_str()).is_none()
                && s.status == super::model::Status::Persistent
            {
                // a scalar reference set (by a backref too) before it was ever loaded
                return true;
            }
        }
        false
    }

    pub(crate) fn attr_by_col(&mut self, inst: &Rc<Instance>, col: &str) -> Value {
        let Some(m) = inst.class.model_info() else {
            return Value::None;
        };
        let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
        if expired && self.status(inst) == Status::Persistent {
            let _ = self.refresh_columns(inst);
        }
        match m.columns.iter().position(|(_, n)| &**n == col) {
            Some(i) => super::model::column_attr(inst, i).unwrap_or(Value::None),
            None => Value::None,
        }
    }

    pub(crate) fn set_by_col(&mut self, inst: &Rc<Instance>, col: &str, v: Value) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        if let Some(i) = m.columns.iter().position(|(_, n)| &**n == col) {
            let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
            // (An expired object is not loaded for it: the flush's UPDATE loads what else
            // it needs, its primary key, as setting a column attribute leaves it.)
            if expired && self.status(inst) != Status::Persistent {
                return;
            }
            if self.status(inst) == Status::Persistent {
                self.mark_modified(inst);
            }
            super::model::set_column_attr(inst, i, v);
        }
    }
}

/// A shallow copy of a collection (for change tracking).
pub fn snapshot(v: &Value) -> Value {
    match v {
        Value::List(l) => Value::list(l.borrow().clone()),
        other => other.clone(),
    }
}

/// True for what a relationship can hold: a mapped object, or None (which SQLAlchemy
/// lets into a collection too).
pub(crate) fn relatable(v: &Value) -> bool {
    match v {
        Value::None => true,
        Value::Instance(i) => i.class.model_info().is_some(),
        _ => false,
    }
}

impl Interp<'_> {
    /// The `AttributeError` SQLAlchemy's `instance_state()` raises for `v`, which is not
    /// a mapped object.
    pub(crate) fn no_instance_state<T>(&self, v: &Value) -> R<T> {
        let t = self.type_name(v);
        self.raise(
            "AttributeError",
            format!("'{t}' object has no attribute '_sa_instance_state'"),
        )
    }
}
