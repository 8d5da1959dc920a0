//! Relationship attributes: lazy loading, assignment with backref bookkeeping, foreign-key
//! synchronisation and association rows at flush, delete cascades.

use std::rc::Rc;

use crate::core::orm::mapper::{Lazy, RelKind, Relationship, ResolvedRel};
use crate::core::orm::relations::lazy_load_query;
use crate::core::sql::{Expr, Insert, SqlValue, Statement};

use super::super::value::{Instance, Value};
use super::super::{Interp, R};
use super::model::Status;
use super::{Instrumented, Native};

impl Interp<'_> {
    /// The relationships of model `class` with their resolution (those that resolve), in
    /// declaration order: what the flush, cascade and association-row passes walk.
    /// Whether an object's class has relationships (answers cached in `cache` by class
    /// name, for one flush: most passes over every object only concern those that do).
    pub fn has_relationships(
        &self,
        cache: &mut super::super::value::FxMap<usize, bool>,
        inst: &Instance,
    ) -> bool {
        let Some(m) = inst.class.model_info() else {
            return false;
        };
        // Keyed by the address of the class name (cheap to hash; the model info that
        // owns it outlives the flush).
        let key = Rc::as_ptr(&m.class) as *const u8 as usize;
        if let Some(&b) = cache.get(&key) {
            return b;
        }
        let b = self
            .orm
            .reg
            .mapper(&m.class)
            .is_ok_and(|mp| !mp.relationships.is_empty());
        cache.insert(key, b);
        b
    }

    fn resolved_rels(&self, class: &str) -> Vec<(Relationship, ResolvedRel)> {
        let Ok(mp) = self.orm.reg.mapper(class) else {
            return Vec::new();
        };
        mp.relationships
            .iter()
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
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        match self.orm.reg.resolve(class, key) {
            Ok(r) => Ok((rel, r)),
            Err(e) => self.raise("NoForeignKeysError", e.0),
        }
    }

    /// Value of a parent column (by SQL name) as a bind value.
    fn col_value(&mut self, inst: &Rc<Instance>, col: &str) -> R<SqlValue> {
        let Some(m) = inst.class.model_info() else {
            return Ok(SqlValue::Null);
        };
        let key = m
            .columns
            .iter()
            .find(|(_, n)| &**n == col)
            .map(|(k, _)| k.clone());
        let Some(key) = key else {
            return Ok(SqlValue::Null);
        };
        let v = inst.dict.borrow().get(&key).cloned().unwrap_or(Value::None);
        Ok(self.to_sql(&v, None).unwrap_or(SqlValue::Null))
    }

    /// Loads `inst.<attr>` (lazy load).
    pub fn load_relationship(&mut self, inst: &Rc<Instance>, attr: &Instrumented) -> R<Value> {
        let (rel, r) = self.rel_info(&attr.class, &attr.key)?;
        if rel.lazy == Lazy::Dynamic {
            return Ok(Value::Native(Rc::new(Native::Dynamic(
                inst.clone(),
                attr.key.clone(),
            ))));
        }
        let uselist = rel.uselist.unwrap_or(r.uselist());
        let st = self.status(inst);
        if !matches!(st, Status::Persistent | Status::Detached) {
            let v = if uselist {
                Value::list(vec![])
            } else {
                Value::None
            };
            inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
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
        let mut vals = std::collections::HashMap::new();
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
                inst.dict.borrow_mut().insert(attr.key.clone(), Value::None);
                return Ok(Value::None);
            }
            // identity map first
            if let Some(tcls) = self.orm.classes.get(&rel.target).cloned()
                && let Some(tm) = tcls.model_info()
                && r.primary.len() == 1
            {
                let v = self.from_sql(&fk_vals[0], None)?;
                let hk = super::super::value::HKey::Tuple(vec![
                    v.hkey().unwrap_or(super::super::value::HKey::None),
                ]);
                if let Some(found) = self.orm.identity.get(&(tm.table.clone(), hk)).cloned() {
                    let v = Value::Instance(found);
                    inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
                    return Ok(v);
                }
            }
        }
        let q = match lazy_load_query(&self.orm.reg, &attr.class, &attr.key, &|c| {
            vals.get(c).cloned().unwrap_or(SqlValue::Null)
        }) {
            Ok(q) => q,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let items = self.run_entity_query(&q, &rel.target, false)?;
        let v = if uselist {
            let l = Value::list(items);
            self.register_collection(&l, inst, &attr.key);
            l
        } else {
            items.into_iter().next().unwrap_or(Value::None)
        };
        inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
        let snap = snapshot(&v);
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.committed.insert(attr.key.clone(), snap);
        }
        Ok(v)
    }

    /// Reverse attribute name of a relationship.
    fn reverse_name(&self, class: &str, rel: &Relationship) -> Option<String> {
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
        if uselist {
            if !matches!(v, Value::List(_)) {
                let items = self.iterate(&v)?;
                return self.set_relationship(inst, attr, Value::list(items));
            }
            // make sure the old collection is known for change tracking
            if self.status(inst) == Status::Persistent
                && !inst.dict.borrow().contains_key(&attr.key)
            {
                self.load_relationship(inst, attr)?;
            }
            // assigning a list: the old members lose their backref
            let old = inst.dict.borrow().get(&attr.key).cloned();
            if let (Some(Value::List(old)), Some(rev)) = (old, rev.as_ref()) {
                let new_items = self.iterate(&v)?;
                for o in old.borrow().clone() {
                    if let Value::Instance(oi) = &o
                        && !new_items
                            .iter()
                            .any(|n| matches!(n, Value::Instance(x) if Rc::ptr_eq(x, oi)))
                    {
                        self.backref_remove(oi, rev, inst, r.kind);
                    }
                }
            }
            inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
            self.register_collection(&v, inst, &attr.key);
            if let Some(rev) = rev {
                for c in self.iterate(&v)? {
                    if let Value::Instance(ci) = &c {
                        self.backref_set(ci, &rev, inst, r.kind);
                    }
                }
            }
        } else {
            let old = inst.dict.borrow().get(&attr.key).cloned();
            let old = match old {
                Some(o) => o,
                None if self.status(inst) == Status::Persistent => {
                    self.load_relationship(inst, attr)?
                }
                None => Value::None,
            };
            if let (Some(rev), Value::Instance(oi)) = (rev.as_ref(), &old)
                && !matches!(&v, Value::Instance(x) if Rc::ptr_eq(x, oi))
            {
                self.backref_remove(oi, rev, inst, r.kind);
            }
            inst.dict.borrow_mut().insert(attr.key.clone(), v.clone());
            if let (Some(rev), Value::Instance(target)) = (rev, &v) {
                self.backref_set(target, &rev, inst, r.kind);
            }
            if matches!(v, Value::None) && r.kind == RelKind::ManyToOne {
                // clear the foreign key
                if let Some(m) = inst.class.model_info() {
                    for p in &r.primary {
                        if let Some((k, _)) = m.columns.iter().find(|(_, n)| **n == *p.foreign.1) {
                            inst.dict.borrow_mut().insert(k.clone(), Value::None);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Mirror an assignment on the other side (only when that side is loaded or is scalar).
    fn backref_set(
        &mut self,
        target: &Rc<Instance>,
        rev: &str,
        parent: &Rc<Instance>,
        kind: RelKind,
    ) {
        let pv = Value::Instance(parent.clone());
        if self.status(target) == Status::Persistent {
            self.mark_modified(target);
        }
        let cur = target.dict.borrow().get(rev).cloned();
        match kind {
            RelKind::OneToMany => {
                target.dict.borrow_mut().insert(Rc::from(rev), pv);
            }
            RelKind::ManyToOne | RelKind::ManyToMany => match cur {
                Some(Value::List(l))
                    if !l
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
                _ => {}
            },
        }
    }

    /// Marks a list as the collection `inst.<key>` (list methods then keep backrefs in sync).
    pub fn register_collection(&mut self, l: &Value, inst: &Rc<Instance>, key: &str) {
        if let Some(p) = l.ptr() {
            self.orm.instrumented_lists.insert(p);
            self.orm
                .collection_owner
                .insert(p, (Rc::downgrade(inst), Rc::from(key)));
        }
    }

    /// Undo a backref link when an object leaves a relationship.
    fn backref_remove(
        &mut self,
        target: &Rc<Instance>,
        rev: &str,
        parent: &Rc<Instance>,
        kind: RelKind,
    ) {
        let cur = target.dict.borrow().get(rev).cloned();
        match (kind, cur) {
            (RelKind::OneToMany, Some(Value::Instance(p))) if Rc::ptr_eq(&p, parent) => {
                target.dict.borrow_mut().insert(Rc::from(rev), Value::None);
            }
            (RelKind::ManyToOne | RelKind::ManyToMany, Some(Value::List(l))) => {
                l.borrow_mut()
                    .retain(|x| !matches!(x, Value::Instance(i) if Rc::ptr_eq(i, parent)));
            }
            _ => {}
        }
    }

    /// `collection.append(x)` / `remove(x)` / `extend(xs)` on a relationship list.
    pub fn collection_changed(
        &mut self,
        list_ptr: usize,
        added: &[Value],
        removed: &[Value],
    ) -> R<()> {
        let Some((owner, key)) = self.orm.collection_owner.get(&list_ptr).cloned() else {
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
        let Some(rev) = self.reverse_name(&m.class, &rel) else {
            return Ok(());
        };
        for a in added {
            if let Value::Instance(ai) = a {
                self.backref_set(ai, &rev, &inst, r.kind);
            }
        }
        for d in removed {
            if let Value::Instance(di) = d {
                self.backref_remove(di, &rev, &inst, r.kind);
            }
        }
        Ok(())
    }

    /// For objects about to be inserted: which parents hold them in one-to-many collections.
    pub fn collection_links(
        &mut self,
        new: &[Rc<Instance>],
        has_rels: &mut super::super::value::FxMap<usize, bool>,
    ) -> Links {
        let mut links: Links = std::collections::HashMap::new();
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
                Ok(mp) => mp.relationships.iter().map(|r| r.name.clone()).collect(),
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
        links
    }

    /// Dependency level of new objects whose parent (same class) is also new: 0 for roots.
    pub fn self_ref_levels(
        &mut self,
        new: &[Rc<Instance>],
        links: &Links,
    ) -> std::collections::HashMap<usize, usize> {
        let ptrs: std::collections::HashSet<usize> =
            new.iter().map(|i| Rc::as_ptr(i) as usize).collect();
        let mut parent: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for inst in new {
            let p = Rc::as_ptr(inst) as usize;
            if let Some(ps) = links.get(&p) {
                for (par, _) in ps {
                    let pp = Rc::as_ptr(par) as usize;
                    if ptrs.contains(&pp) && Rc::ptr_eq(&par.class, &inst.class) {
                        parent.insert(p, pp);
                    }
                }
            }
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            let rels: Vec<String> = match self.orm.reg.mapper(&m.class) {
                Ok(mp) => mp
                    .relationships
                    .iter()
                    .filter(|r| r.target == *m.class)
                    .map(|r| r.name.clone())
                    .collect(),
                Err(_) => continue,
            };
            for name in rels {
                let Ok(r) = self.orm.reg.resolve(&m.class, &name) else {
                    continue;
                };
                if r.kind != RelKind::ManyToOne {
                    continue;
                }
                if let Some(Value::Instance(t)) = inst.dict.borrow().get(name.as_str()) {
                    let tp = Rc::as_ptr(t) as usize;
                    if ptrs.contains(&tp) {
                        parent.insert(p, tp);
                    }
                }
            }
        }
        let mut levels = std::collections::HashMap::new();
        if parent.is_empty() {
            return levels;
        }
        for &p in &ptrs {
            let mut depth = 0;
            let mut cur = p;
            while let Some(&up) = parent.get(&cur) {
                depth += 1;
                cur = up;
                if depth > ptrs.len() {
                    break;
                }
            }
            levels.insert(p, depth);
        }
        levels
    }

    /// Sets an object's foreign keys from its many-to-one targets and owning collections.
    pub fn sync_before_insert(&mut self, inst: &Rc<Instance>, links: &Links) {
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
        let Some(m) = inst.class.model_info() else {
            return;
        };
        let rels: Vec<String> = match self.orm.reg.mapper(&m.class) {
            Ok(mp) => mp.relationships.iter().map(|r| r.name.clone()).collect(),
            Err(_) => return,
        };
        for name in rels {
            let cur = inst.dict.borrow().get(name.as_str()).cloned();
            let Some(Value::Instance(target)) = cur else {
                continue;
            };
            let Ok(r) = self.orm.reg.resolve(&m.class, &name) else {
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
        let mut all: Vec<Rc<Instance>> = self.orm.new.clone();
        all.extend(self.orm.identity_order.clone());
        all.extend(self.orm.inserted_in_tx.clone());
        // Resolved once per class, not once per object.
        // (Keyed by the address of the class name: hashing a pointer is cheap.)
        let mut rels_of: super::super::value::FxMap<usize, Rc<Vec<(Relationship, ResolvedRel)>>> =
            Default::default();
        for inst in all {
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            let key = Rc::as_ptr(&m.class) as *const u8 as usize;
            let rels = match rels_of.get(&key) {
                Some(r) => r.clone(),
                None => {
                    let r = Rc::new(self.resolved_rels(&m.class));
                    rels_of.insert(key, r.clone());
                    r
                }
            };
            for (rel, r) in rels.iter() {
                let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
                let Some(cur) = cur else { continue };
                match r.kind {
                    RelKind::ManyToOne => {
                        if let Value::Instance(target) = &cur {
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
                        for c in &children {
                            if let Value::Instance(ci) = c {
                                for p in &r.primary {
                                    let v = self.attr_by_col(&inst, &p.referred.1);
                                    if !matches!(v, Value::None) {
                                        self.set_by_col(ci, &p.foreign.1, v);
                                    }
                                }
                            }
                        }
                        // removed children: orphan handling
                        let old = inst
                            .orm
                            .borrow()
                            .as_ref()
                            .and_then(|s| s.committed.get(rel.name.as_str()).cloned());
                        if let Some(Value::List(old)) = old {
                            let old = old.borrow().clone();
                            for o in old {
                                if let Value::Instance(oi) = &o
                                    && !children.iter().any(
                                        |c| matches!(c, Value::Instance(x) if Rc::ptr_eq(x, oi)),
                                    )
                                {
                                    if rel.cascade_set().iter().any(|c| c == "delete-orphan") {
                                        if self.status(oi) == Status::Persistent
                                            && !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, oi))
                                        {
                                            self.orm.deleted.push(oi.clone());
                                        }
                                    } else {
                                        for p in &r.primary {
                                            self.set_by_col(oi, &p.foreign.1, Value::None);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    RelKind::ManyToMany => {}
                }
            }
        }
        Ok(())
    }

    fn attr_by_col(&mut self, inst: &Rc<Instance>, col: &str) -> Value {
        let Some(m) = inst.class.model_info() else {
            return Value::None;
        };
        let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
        if expired && self.status(inst) == Status::Persistent {
            let _ = self.refresh_instance(inst);
        }
        match m.columns.iter().find(|(_, n)| &**n == col) {
            Some((k, _)) => inst.dict.borrow().get(k).cloned().unwrap_or(Value::None),
            None => Value::None,
        }
    }

    fn set_by_col(&mut self, inst: &Rc<Instance>, col: &str, v: Value) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        if let Some((k, _)) = m.columns.iter().find(|(_, n)| &**n == col) {
            let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
            if expired {
                return;
            }
            if self.status(inst) == Status::Persistent {
                self.mark_modified(inst);
            }
            inst.dict.borrow_mut().insert(k.clone(), v);
        }
    }

    /// Inserts/deletes association rows for changed many-to-many collections.
    pub fn flush_secondary(&mut self) -> R<()> {
        let all: Vec<Rc<Instance>> = self.orm.identity_order.clone();
        let mut inserts: Vec<(String, Vec<(String, SqlValue)>)> = vec![];
        let mut deletes: Vec<(String, Vec<(String, SqlValue)>)> = vec![];
        for inst in &all {
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            for (rel, r) in self.resolved_rels(&m.class) {
                if r.kind != RelKind::ManyToMany {
                    continue;
                }
                let cur = inst.dict.borrow().get(rel.name.as_str()).cloned();
                let Some(Value::List(cur)) = cur else {
                    continue;
                };
                let cur = cur.borrow().clone();
                let old = inst
                    .orm
                    .borrow()
                    .as_ref()
                    .and_then(|s| s.committed.get(rel.name.as_str()).cloned());
                let old: Vec<Value> = match old {
                    Some(Value::List(l)) => l.borrow().clone(),
                    _ => vec![],
                };
                let sec = r.secondary.clone().unwrap_or_default();
                let row_for = |it: &mut Self, target: &Rc<Instance>| -> Vec<(String, SqlValue)> {
                    let mut row = vec![];
                    for p in &r.primary {
                        let v = it.attr_by_col(inst, &p.referred.1);
                        row.push((
                            p.foreign.1.clone(),
                            it.to_sql(&v, None).unwrap_or(SqlValue::Null),
                        ));
                    }
                    for p in &r.secondary_pairs {
                        let v = it.attr_by_col(target, &p.referred.1);
                        row.push((
                            p.foreign.1.clone(),
                            it.to_sql(&v, None).unwrap_or(SqlValue::Null),
                        ));
                    }
                    row
                };
                for c in &cur {
                    if let Value::Instance(ci) = c
                        && !old
                            .iter()
                            .any(|o| matches!(o, Value::Instance(x) if Rc::ptr_eq(x, ci)))
                    {
                        let row = row_for(self, ci);
                        inserts.push((sec.clone(), row));
                    }
                }
                for o in &old {
                    if let Value::Instance(oi) = o
                        && !cur
                            .iter()
                            .any(|c| matches!(c, Value::Instance(x) if Rc::ptr_eq(x, oi)))
                    {
                        let row = row_for(self, oi);
                        deletes.push((sec.clone(), row));
                    }
                }
                let snap = snapshot(&Value::list(cur.clone()));
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.committed.insert(Rc::from(rel.name.as_str()), snap);
                }
            }
        }
        let mut done: Vec<(String, Vec<SqlValue>)> = vec![];
        for (table, row) in deletes {
            let Some(t) = self.orm.reg.metadata.table(&table).cloned() else {
                continue;
            };
            let mut vals: Vec<(String, SqlValue)> = vec![];
            for c in &t.columns {
                if let Some(v) = row.iter().find(|(k, _)| *k == c.name) {
                    vals.push(v.clone());
                }
            }
            let key = (
                table.clone(),
                vals.iter().map(|v| v.1.clone()).collect::<Vec<_>>(),
            );
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            let refs: Vec<(&str, SqlValue)> =
                vals.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let d = crate::core::orm::persist::delete_association(&t, &refs);
            self.run_stmt(&Statement::Delete(d), true)?;
        }
        let mut done: Vec<(String, Vec<SqlValue>)> = vec![];
        for (table, row) in inserts {
            let Some(t) = self.orm.reg.metadata.table(&table).cloned() else {
                continue;
            };
            let mut cols = vec![];
            let mut vals = vec![];
            for c in &t.columns {
                if let Some((_, v)) = row.iter().find(|(k, _)| *k == c.name) {
                    cols.push(c.name.clone());
                    vals.push(v.clone());
                }
            }
            let key = (table.clone(), vals.clone());
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            let ins = Insert {
                table: t.name.clone(),
                columns: cols,
                rows: vec![vals.into_iter().map(Expr::Bind).collect()],
                returning: vec![],
            };
            self.run_stmt(&Statement::Insert(ins), true)?;
        }
        Ok(())
    }

    /// Adds children reached through `delete` cascades.
    pub fn cascade_deletes(&mut self, list: &mut Vec<Rc<Instance>>) -> R<()> {
        let mut i = 0;
        while i < list.len() {
            let inst = list[i].clone();
            i += 1;
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            for (rel, r) in self.resolved_rels(&m.class) {
                if r.kind != RelKind::OneToMany {
                    continue;
                }
                let attr = Instrumented {
                    class: m.class.clone(),
                    key: Rc::from(rel.name.as_str()),
                    column: None,
                };
                let deletes = rel.cascade_set().iter().any(|c| c == "delete");
                let children = inst.dict.borrow().get(rel.name.as_str()).cloned();
                let children = match children {
                    Some(v) => v,
                    None => {
                        if rel.lazy == Lazy::Dynamic {
                            let q = self.dynamic_query(&inst, &rel.name)?;
                            Value::list(self.query_all(&q)?)
                        } else {
                            self.load_relationship(&inst, &attr)?
                        }
                    }
                };
                let items = match &children {
                    Value::List(l) => l.borrow().clone(),
                    _ => vec![],
                };
                for c in items {
                    if let Value::Instance(ci) = c {
                        if deletes {
                            if !list.iter().any(|x| Rc::ptr_eq(x, &ci))
                                && self.status(&ci) == Status::Persistent
                            {
                                list.push(ci);
                            }
                        } else if self.status(&ci) == Status::Persistent {
                            // nullify the child's foreign key
                            for p in &r.primary {
                                self.set_by_col(&ci, &p.foreign.1, Value::None);
                            }
                            self.update_one(&ci)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn update_one(&mut self, inst: &Rc<Instance>) -> R<()> {
        // reuse the regular flush path for a single object
        let saved = std::mem::take(&mut self.orm.identity_order);
        self.orm.identity_order = vec![inst.clone()];
        let r = self.flush_updates_only();
        self.orm.identity_order = saved;
        r
    }

    /// Deletes association rows of an object being deleted.
    pub fn delete_secondary_rows(&mut self, inst: &Rc<Instance>) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        for (rel, r) in self.resolved_rels(&m.class) {
            if r.kind != RelKind::ManyToMany {
                continue;
            }
            let attr = Instrumented {
                class: m.class.clone(),
                key: Rc::from(rel.name.as_str()),
                column: None,
            };
            let items = match inst.dict.borrow().get(rel.name.as_str()).cloned() {
                Some(v) => v,
                None => Value::None,
            };
            let items = if matches!(items, Value::None) {
                self.load_relationship(inst, &attr)?
            } else {
                items
            };
            if let Value::List(l) = &items {
                if l.borrow().is_empty() {
                    continue;
                }
                l.borrow_mut().clear();
            }
            self.flush_secondary()?;
        }
        Ok(())
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
                match s.committed.get(r.name.as_str()) {
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
            }
        }
        false
    }
}

/// Child object address → (parent, join pairs) of the collections holding it.
pub type Links =
    std::collections::HashMap<usize, Vec<(Rc<Instance>, Vec<crate::core::orm::mapper::JoinPair>)>>;

/// A shallow copy of a collection (for change tracking).
pub fn snapshot(v: &Value) -> Value {
    match v {
        Value::List(l) => Value::list(l.borrow().clone()),
        other => other.clone(),
    }
}
