//! The flush: change tracking (modified objects, dirtiness, autoflush), then in the
//! unit of work's order (`flush_order.rs`) the UPDATEs of changed columns and the
//! INSERTs, association rows and DELETEs (children first).

use std::rc::Rc;

use crate::core::interp::ops;
use crate::core::interp::orm::Native;
use crate::core::interp::orm::insert::{Plans, unchanged_since_insert};
use crate::core::interp::orm::model::Status;
use crate::core::interp::orm::relationship::RelsByClass;
use crate::core::interp::orm::session::updates::Updates;
use crate::core::interp::value::{FxMap, Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::persist;
use crate::core::sql::{Statement, render};

impl Interp<'_> {
    /// A deleted object's unloaded many-to-one references to objects the identity map
    /// holds, set as loaded: SQLAlchemy's flush asks each for its history, which finds
    /// the object without SQL and keeps it, so the deleted object still answers it once
    /// detached.
    fn keep_deleted_references(&mut self, deleted: &[Rc<Instance>]) {
        for inst in deleted {
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            let Ok(mapper) = self.orm.reg.mapper(&m.class) else {
                continue;
            };
            let keys: Vec<String> = (mapper.relationships.iter())
                .filter(|r| !r.viewonly && !inst.dict.borrow().contains_key(r.name.as_str()))
                .map(|r| r.name.clone())
                .collect();
            for key in keys {
                if let Some(o) = self.reference_in_identity_map(inst, &key) {
                    inst.dict
                        .borrow_mut()
                        .insert(key.into(), Value::Instance(o));
                }
            }
        }
    }

    /// Flushes pending changes.
    pub fn flush(&mut self) -> R<()> {
        // (A flush with nothing to write does nothing, even after a failed one.)
        if self.orm.failed.is_some() {
            if !self.has_changes() {
                return Ok(());
            }
            self.check_not_failed()?;
        }
        // Loads during the flush (an expired object's refresh) must not flush again.
        let was = std::mem::replace(&mut self.orm.flushing, true);
        // (Session listeners hear of a flush with something to write.)
        let heard = self
            .orm
            .listeners
            .iter()
            .any(|(c, ..)| &**c == super::super::hooks::SESSION_EVENTS)
            && self.has_changes();
        let mut result = Ok(());
        if heard {
            result = self.fire_session_event("before_flush");
        }
        // (`after_flush` listeners still see the flushed objects in `session.new` and
        // `session.deleted`, as SQLAlchemy's do: their states change after it.)
        let before = (heard && self.listens_to_session("after_flush"))
            .then(|| (self.orm.new.clone(), self.orm.deleted.clone()));
        if result.is_ok() {
            self.orm.assoc_deleted.clear();
            result = self.flush_inner();
        }
        if let Some((new, deleted)) = before
            && result.is_ok()
        {
            let now = (
                std::mem::replace(&mut self.orm.new, new),
                std::mem::replace(&mut self.orm.deleted, deleted),
            );
            result = self.fire_session_event("after_flush");
            (self.orm.new, self.orm.deleted) = now;
        }
        if heard && result.is_ok() {
            result = self.fire_session_event("after_flush_postexec");
        }
        self.orm.flushing = was;
        match result {
            Ok(()) => Ok(()),
            // Inside `begin_nested()` only the SAVEPOINT is rolled back, when its block ends.
            Err(e) if !self.orm.savepoints.is_empty() => Err(e),
            Err(e) => {
                // like SQLAlchemy: the transaction is rolled back (its pending objects
                // leave the session, everything expires), the session needs rollback()
                let (_, msg) = self.describe_exc(&e.value);
                self.rollback()?;
                self.orm.failed = Some(msg);
                Err(e)
            }
        }
    }

    /// SQLAlchemy's refusal to delete an object with a write-only collection that is not
    /// `passive_deletes=True`: the flush would have to load the whole collection (to
    /// delete or detach its children), which a write-only one never does.
    fn refuse_write_only_deletes(&mut self) -> R<()> {
        for inst in &self.orm.deleted {
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            let Ok(mp) = self.orm.reg.mapper(&m.class) else {
                continue;
            };
            if let Some(r) = mp
                .relationships
                .iter()
                .find(|r| r.lazy == crate::core::orm::mapper::Lazy::WriteOnly && !r.passive_deletes)
            {
                let (class, key) = (m.class.clone(), r.name.clone());
                return self.write_only_unloadable(&class, &key);
            }
        }
        Ok(())
    }

    /// SQLAlchemy's `InvalidRequestError` for a write-only collection that an operation
    /// would have to load whole (a delete's cascade or detaching of its children).
    pub(crate) fn write_only_unloadable<T>(&self, class: &str, key: &str) -> R<T> {
        self.raise(
            "InvalidRequestError",
            format!("Attribute {class}.{key} can't load the existing state from the database for this operation; full iteration is not permitted.  If this is a delete operation, configure passive_deletes=True on the {class}.{key} relationship in order to resolve this error."),
        )
    }

    fn flush_inner(&mut self) -> R<()> {
        // Without a relationship on any mapped class, the passes that follow
        // relationships (cascades, foreign-key sync, collection links, levels of
        // self-referential rows, association rows) have nothing to do.
        let rels = self
            .orm
            .reg
            .mappers
            .iter()
            .any(|m| !m.relationships.is_empty());
        // (No cascade here: as in SQLAlchemy 2.0, objects enter the session by `add()`
        // and by the save-update cascade of relationship events; a transient object
        // only reachable through a backref is left out, as SQLAlchemy warns.)
        let mut has_rels = FxMap::default();
        if rels {
            self.refuse_write_only_deletes()?;
            self.load_deferred_references()?;
            self.sync_relationships_before_flush()?;
        }
        // inserts and updates in the unit of work's order (`flush_order`)
        let new = self.orm.new.clone();
        let order = self.table_order();
        // (The objects being inserted, by address: made when some modified object must be
        // told apart from them, not for a flush that only inserts.)
        let mut new_set = None;
        let mut cands: Vec<Rc<Instance>> = Vec::new();
        // (Taken again only after a synchronisation, which marks the objects whose keys
        // it set: what `before_update` listeners modify waits for the next flush.)
        self.take_modified(&mut cands, &new, &mut new_set);
        // A modified object opens the transaction even when none of its values changed
        // (an attribute set to what it held): SQLAlchemy's flush takes the connection
        // for every object it saves, before it finds nothing to write.
        if cands.iter().any(|i| self.status(i) == Status::Persistent) {
            self.begin()?;
        }
        let saves: Vec<Rc<Instance>> = new.iter().chain(&cands).cloned().collect();
        let flush_order = self.flush_order(&saves, &self.orm.deleted);
        let rank_of = |i: &Rc<Instance>| flush_order.rank(i);
        let mut new_sorted = new;
        crate::core::sort::sort_by_cached_key(&mut new_sorted, rank_of);
        let links = if rels {
            self.collection_links(&new_sorted, &mut has_rels)
        } else {
            Default::default()
        };
        // (Ranks already keep apart what one INSERT may not group.)
        let levels = FxMap::default();
        let mut plans = Plans::default();
        let mut memo = RelsByClass::default();
        // Rank by rank, as SQLAlchemy's `save_obj` for each: the UPDATEs, then the INSERTs
        // (a unique value can move from an old row to a new one). Foreign keys that depend
        // on rows just inserted are synchronised before the next rank.
        // (The modified objects the flush went through.)
        let mut flushed: Vec<Rc<Instance>> = Vec::new();
        let mut ni = 0;
        let mut inserted_since_sync = false;
        loop {
            let next_update = cands.iter().map(rank_of).min();
            let next_insert = new_sorted.get(ni).map(rank_of);
            let Some(rank) = next_update.into_iter().chain(next_insert).min() else {
                break;
            };
            if rels && inserted_since_sync && next_update.is_some_and(|r| r == rank) {
                inserted_since_sync = false;
                self.sync_relationships_before_flush()?;
                self.take_modified(&mut cands, &new_sorted, &mut new_set);
                continue;
            }
            let (mut batch, rest): (Vec<_>, Vec<_>) =
                cands.drain(..).partition(|i| rank_of(i) == rank);
            cands = rest;
            if !batch.is_empty() {
                sort_by_key_value(&mut batch);
                let mut updates = Updates::default();
                for inst in &batch {
                    if self.status(inst) == Status::Persistent {
                        self.update_instance(&mut plans, &mut updates, inst)?;
                    }
                }
                self.run_updates(updates)?;
                flushed.extend(batch);
            }
            let start = ni;
            while ni < new_sorted.len() && rank_of(&new_sorted[ni]) == rank {
                ni += 1;
            }
            if ni > start {
                let chunk = &new_sorted[start..ni];
                self.flush_inserts(&mut plans, chunk, &levels, |me, inst| {
                    if rels {
                        me.sync_before_insert(inst, &links, &mut memo);
                    }
                    me.fire_event("before_insert", inst)
                })?;
                for inst in chunk {
                    self.fire_event("after_insert", inst)?;
                }
                inserted_since_sync = true;
            }
        }
        self.orm.new.retain(|i| {
            i.orm
                .borrow()
                .as_ref()
                .is_some_and(|s| s.status == Status::Pending)
        });
        // foreign keys that depend on just-inserted parents
        if rels && inserted_since_sync {
            self.sync_relationships_before_flush()?;
            self.take_modified(&mut cands, &new_sorted, &mut new_set);
        }
        sort_by_key_value(&mut cands);
        crate::core::sort::sort_by_cached_key(&mut cands, rank_of);
        let mut updates = Updates::default();
        for inst in &cands {
            if self.status(inst) == Status::Persistent {
                self.update_instance(&mut plans, &mut updates, inst)?;
            }
        }
        for inst in &new_sorted {
            if !unchanged_since_insert(inst) {
                self.update_instance(&mut plans, &mut updates, inst)?;
            }
        }
        self.run_updates(updates)?;
        if rels || !self.orm.dynamic_links.is_empty() {
            self.flush_secondary()?;
        }
        // deletes (their association rows, then children first: reverse dependency order)
        let deleted = std::mem::take(&mut self.orm.deleted);
        let mut del_sorted = deleted.clone();
        self.cascade_deletes(&mut del_sorted, &new_sorted)?;
        self.keep_deleted_references(&del_sorted);
        // (Each class's objects by primary key, as SQLAlchemy's `_sort_states` orders them.)
        sort_by_key_value(&mut del_sorted);
        crate::core::sort::sort_by_cached_key(&mut del_sorted, |i| {
            std::cmp::Reverse(
                i.class
                    .model_info()
                    .and_then(|m| order.iter().position(|t| **t == *m.table))
                    .unwrap_or(0),
            )
        });
        // (Their association rows first, all together: one pass over the session, only
        // when some deleted object left a many-to-many collection.)
        if rels && !del_sorted.is_empty() {
            let mut unlinked = false;
            for inst in &del_sorted {
                unlinked |= self.unlink_secondary(inst)?;
            }
            if unlinked {
                self.flush_secondary()?;
            }
        }
        let mut i = 0;
        while i < del_sorted.len() {
            let class = |x: &Rc<Instance>| x.class.model_info().map(|m| m.class.clone());
            let c = class(&del_sorted[i]);
            let mut end = i + 1;
            while end < del_sorted.len() && class(&del_sorted[end]) == c {
                end += 1;
            }
            self.delete_instances(&del_sorted[i..end])?;
            i = end;
        }
        if rels {
            let all = self.orm.identity_order.clone();
            self.snapshot_relationships(&all);
        }
        // SQLAlchemy ends a flush reading each object's identity from its primary key:
        // a modified object whose key is expired (it had nothing to write) is loaded then.
        flushed.extend(cands);
        for inst in &flushed {
            let pk = inst
                .class
                .model_info()
                .map(|m| m.pk.clone())
                .unwrap_or_default();
            let expired = inst
                .orm
                .borrow()
                .as_ref()
                .is_some_and(|s| s.expired && pk.iter().any(|&i| s.value(i).is_none()));
            if expired && self.status(inst) == Status::Persistent {
                self.refresh_instance(inst)?;
            }
        }
        Ok(())
    }

    /// Moves the objects marked modified (not those being inserted, `new`) to `cands`.
    fn take_modified(
        &mut self,
        cands: &mut Vec<Rc<Instance>>,
        pending: &[Rc<Instance>],
        new_set: &mut Option<crate::core::interp::value::FxSet<usize>>,
    ) {
        self.orm.modified_set.clear();
        let modified = std::mem::take(&mut self.orm.modified);
        if modified.is_empty() {
            return;
        }
        // (Open savepoints remember them: rolling one back expires what it flushed.)
        for sp in &mut self.orm.savepoints {
            sp.flushed.extend(modified.iter().cloned());
        }
        let new =
            new_set.get_or_insert_with(|| pending.iter().map(|i| Rc::as_ptr(i) as usize).collect());
        let mut have: crate::core::interp::value::FxSet<usize> =
            cands.iter().map(|c| Rc::as_ptr(c) as usize).collect();
        for i in modified {
            let p = Rc::as_ptr(&i) as usize;
            if !new.contains(&p) && have.insert(p) {
                cands.push(i);
            }
        }
    }

    /// Table names in dependency order (parents first).
    pub fn table_order(&self) -> Vec<String> {
        let names: Vec<&str> = self
            .orm
            .reg
            .metadata
            .tables
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        crate::core::orm::ddl::sort_tables(&self.orm.reg.metadata, &names)
            .iter()
            .map(|t| t.name.clone())
            .collect()
    }

    /// Runs only the UPDATE part of a flush over `identity_order`.
    pub fn flush_updates_only(&mut self) -> R<()> {
        let mut plans = Plans::default();
        let mut updates = Updates::default();
        for inst in self.orm.identity_order.clone() {
            self.update_instance(&mut plans, &mut updates, &inst)?;
        }
        self.run_updates(updates)
    }

    /// Deletes objects of one class, as SQLAlchemy's `delete_obj` does (their association
    /// rows went before): (each loaded, its `before_delete` fired) one DELETE for all of them
    /// (an executemany when there are several), then `after_delete`.
    fn delete_instances(&mut self, insts: &[Rc<Instance>]) -> R<()> {
        let Some(m) = insts[0].class.model_info() else {
            return Ok(());
        };
        let table = self.orm.reg.table_of(&m.class).cloned();
        let Ok(table) = table else { return Ok(()) };
        // (The statement binds the primary key, in key order: rendered once, each object
        // adds its key's values.)
        let mut sql = None;
        let mut values = Vec::new();
        // (How many objects the statement deletes: a versioned one has its own.)
        let mut plain = 0;
        for inst in insts {
            // An expired object is loaded first, as SQLAlchemy reads its committed state
            // for the DELETE (its listeners see it loaded too).
            self.ensure_loaded(inst)?;
            self.fire_event("before_delete", inst)?;
            let mut pk = self.identity_params(inst)?;
            // (A versioned object's row must still have its version.)
            let version = match m.version_col {
                Some(v) => {
                    let old = (inst.orm.borrow().as_ref())
                        .and_then(|s| s.committed_value(v).or(s.value(v)).cloned())
                        .unwrap_or(Value::None);
                    let col = &table.columns[v];
                    Some((col.name.clone(), self.to_sql_stored(&old, &col.ty)?))
                }
                None => None,
            };
            if let Some((name, old)) = version {
                let mut del = persist::delete_row(&table, &pk);
                let col = crate::core::sql::Expr::col(&table.name, name);
                del.where_
                    .push(col.eq(crate::core::sql::Expr::bind(old.clone())));
                pk.push(old);
                let sql = render(&Statement::Delete(del)).sql;
                let done = self.run_sql(&sql, &pk, true)?;
                if done.rowcount != 1 {
                    return self.raise(
                        "StaleDataError",
                        format!(
                            "DELETE statement on table '{}' expected to delete 1 row(s); {} were matched.  Please set confirm_deleted_rows=False within the mapper configuration to prevent this warning.",
                            table.name,
                            done.rowcount.max(0)
                        ),
                    );
                }
                continue;
            }
            if sql.is_none() {
                sql = Some(render(&Statement::Delete(persist::delete_row(&table, &pk))).sql);
            }
            values.extend(pk);
            plain += 1;
        }
        if let Some(sql) = sql {
            let matched = if plain == 1 {
                self.run_sql(&sql, &values, true)?.rowcount
            } else {
                self.run_sql_many(&sql, plain, &values)?
            };
            // (A row already gone, deleted behind the session's back or by an earlier
            // transaction, is only warned about: `confirm_deleted_rows`.)
            let expected = plain;
            if matched >= 0 && matched != expected as i64 {
                self.warn_text(
                    "SAWarning",
                    &format!(
                        "DELETE statement on table '{}' expected to delete {expected} row(s); {matched} were matched.  Please set confirm_deleted_rows=False within the mapper configuration to prevent this warning.",
                        table.name
                    ),
                );
            }
        }
        for inst in insts {
            self.fire_event("after_delete", inst)?;
            self.remove_identity(inst);
            if let Some(s) = inst.orm.borrow_mut().as_mut() {
                s.status = Status::Deleted;
                s.to_delete = false;
                s.redeleted = false;
            }
            self.orm.deleted_in_tx.push(inst.clone());
        }
        Ok(())
    }

    /// Calls a Python default (callable or constant).
    pub fn eval_default(&mut self, d: &Value) -> R<Value> {
        self.eval_default_ctx(d, &mut |_| Vec::new())
    }

    /// As [`Self::eval_default`]; a callable taking one positional argument is given the
    /// execution context, whose current parameters `params` makes (column key → value).
    pub fn eval_default_ctx(
        &mut self,
        d: &Value,
        params: &mut dyn FnMut(&mut Self) -> Vec<(String, Value)>,
    ) -> R<Value> {
        // (A `@staticmethod` of the class body is its function.)
        let d = match d {
            Value::StaticMethod(f) => &**f,
            d => d,
        };
        if takes_context(d) {
            let dict = crate::core::interp::value::Dict::default();
            let dict = Value::Dict(Rc::new(std::cell::RefCell::new(dict)));
            if let Value::Dict(dd) = &dict {
                let mut dd = dd.borrow_mut();
                for (k, v) in params(self) {
                    let k = Value::str(&k);
                    if let Some(h) = k.hkey() {
                        dd.insert(h, k, v);
                    }
                }
            }
            let ctx = Value::Native(Rc::new(Native::ExecContext(dict)));
            return self.call(d, vec![ctx], vec![]);
        }
        match d {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::BuiltinMethod(_) => {
                self.call(d, vec![], vec![])
            }
            Value::Native(n) if matches!(**n, Native::SqlaFn(_) | Native::FuncRef(_)) => {
                self.call(d, vec![], vec![])
            }
            other => Ok(other.clone()),
        }
    }

    /// Flushes before a query when there is anything pending.
    pub fn autoflush(&mut self) -> R<()> {
        if self.orm.flushing || self.orm.autoflush_off {
            return Ok(());
        }
        self.orm.autoflushing = true;
        let done = self.flush_pending();
        self.orm.autoflushing = false;
        done.inspect_err(|e| {
            // A statement's error gets SQLAlchemy's `add_detail` (the first line of its str).
            if let Value::Instance(i) = &e.value
                && i.dict.borrow().contains_key("statement")
            {
                let mut d = i.dict.borrow_mut();
                if let Some(Value::Str(m)) = d.get("_message").cloned() {
                    let m = format!("(raised as a result of Query-invoked autoflush; consider using a session.no_autoflush block if this flush is occurring prematurely)\n{m}");
                    d.insert(Rc::from("_message"), Value::str(&m));
                }
            }
        })
    }

    /// Flushes when there is anything pending (`begin_nested()` does, whatever the
    /// autoflush setting).
    pub fn flush_pending(&mut self) -> R<()> {
        if self.orm.failed.is_some() {
            return self.begin();
        }
        if self.has_changes() {
            self.flush()?;
        }
        Ok(())
    }

    /// True when a flush would have something to do.
    fn has_changes(&self) -> bool {
        !self.orm.new.is_empty()
            || !self.orm.deleted.is_empty()
            || !self.orm.dynamic_links.is_empty()
            || self.any_flagged()
    }

    /// Remembers a persistent instance whose attributes changed (flush candidates).
    pub fn mark_modified(&mut self, inst: &Rc<Instance>) {
        // (An enclosing app context's object is its own session's to flush.)
        if !self.orm.outer_sessions.is_empty() && self.note_modified_in_owner(inst) {
            return;
        }
        let p = Rc::as_ptr(inst) as usize;
        if self.orm.modified_set.insert(p) {
            self.orm.modified.push(inst.clone());
        }
    }

    /// Whether a persistent object was modified (an attribute set, even to the value it
    /// had): SQLAlchemy flushes then, though the flush may have nothing to write.
    fn any_flagged(&self) -> bool {
        self.orm
            .modified
            .iter()
            .any(|i| self.status(i) == Status::Persistent)
    }

    /// True when a persistent instance has changed attributes.
    pub fn is_dirty(&mut self, inst: &Rc<Instance>) -> bool {
        if inst.class.model.borrow().is_none() {
            return false;
        }
        let st = inst.orm.borrow();
        let Some(s) = st.as_ref() else { return false };
        if s.expired {
            return !s.set_since_expiry().is_empty();
        }
        for (cur, old) in s.slots().zip(s.committed.iter().flatten()) {
            if let Some(cur) = cur {
                match old {
                    Some(old) => {
                        if !ops::is_same(old, cur) && !simple_eq(old, cur) {
                            return true;
                        }
                    }
                    None => return true,
                }
            }
        }
        drop(st);
        self.relationship_dirty(inst)
    }
}

/// Equal plain values (an attribute set to the value it had, as change detection sees it).
pub(super) fn simple_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::DateTime(x), Value::DateTime(y)) => x == y,
        (Value::Date(x), Value::Date(y)) => x == y,
        (Value::Decimal(x), Value::Decimal(y)) => x.num_eq(y),
        _ => false,
    }
}

/// SQLAlchemy's `_maybe_wrap_callable`: a default function with exactly one positional
/// parameter without a default receives the execution context.
fn takes_context(d: &Value) -> bool {
    let (f, bound) = match d {
        Value::Func(f) => (f, 0),
        Value::Method(m) => match &m.1 {
            Value::Func(f) => (f, 1),
            _ => return false,
        },
        _ => return false,
    };
    let positional = f.params.posonly.len() + f.params.args.len();
    positional.saturating_sub(f.defaults.len() + bound) == 1
}

/// Sorts objects by the first value of their primary key (integers; others first).
fn sort_by_key_value(v: &mut [Rc<Instance>]) {
    crate::core::sort::sort_by_cached_key(v, |i| {
        i.orm
            .borrow()
            .as_ref()
            .and_then(|s| {
                s.identity
                    .as_ref()
                    .and_then(|v| v.values().first().cloned())
            })
            .and_then(|v| {
                if let Value::Int(n) = v {
                    n.to_i64()
                } else {
                    None
                }
            })
            .unwrap_or(0)
    });
}
