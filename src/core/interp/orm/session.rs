//! The session: statement execution and logging, transactions, flush (INSERT/UPDATE/DELETE),
//! identity map, expiry and refresh, value conversion between Python and SQLite.

use std::rc::Rc;

use crate::core::orm::persist;
use crate::core::orm::query::get_statement;
use crate::core::py::datetime::{Date, DateTime};
use crate::core::py::decimal::Decimal;
use crate::core::py::decimal_ops::SqliteNumber;
use crate::core::sql::{SqlType, SqlValue, Statement, render};

use super::super::exceptions::exc_instance;
use super::super::value::{HKey, Instance, Value};
use super::super::{BackendErrorKind, Exc, Interp, LoggedStatement, QueryResult, R};
use super::insert::{Plans, many_repr, tuple_repr, unchanged_since_insert};
use super::model::{ModelInfo, Status};

impl Interp<'_> {
    /// Renders and runs a statement (opening a transaction first when `tx`).
    pub fn run_stmt(&mut self, stmt: &Statement, tx: bool) -> R<QueryResult> {
        let r = render(stmt);
        self.run_sql(&r.sql, &r.params, tx)
    }

    /// Runs SQL text with parameters; logs it; maps errors to Python exceptions.
    pub fn run_sql(&mut self, sql: &str, params: &[SqlValue], tx: bool) -> R<QueryResult> {
        if tx {
            self.begin()?;
        }
        if tx && !self.orm.sqlite_tx && is_dml(sql) {
            self.orm.sqlite_tx = true;
            let _ = self.backend.execute("BEGIN", &[]);
        }
        let started = self.backend.now_ms();
        let res = self.backend.execute(sql, params);
        let elapsed_ms = self.backend.now_ms() - started;
        let rows = res.as_ref().map(|r| r.rows.len()).unwrap_or(0);
        let shown = tuple_repr(params);
        self.sql_log.push(LoggedStatement {
            sql: sql.to_string(),
            params: shown.clone(),
            elapsed_ms,
            rows,
        });
        match res {
            Ok(r) => Ok(r),
            Err(e) => {
                let value = Value::tuple(params.iter().map(plain_value).collect());
                self.raise_db_error(e, sql, &shown, value)
            }
        }
    }

    /// Runs one DML statement once per parameter set (`executemany`: one prepared
    /// statement, one log entry listing the sets as SQLAlchemy echoes them).
    pub fn run_sql_many(&mut self, sql: &str, rows: &[Vec<SqlValue>]) -> R<()> {
        self.begin()?;
        if !self.orm.sqlite_tx {
            self.orm.sqlite_tx = true;
            let _ = self.backend.execute("BEGIN", &[]);
        }
        let started = self.backend.now_ms();
        let res = self.backend.execute_batch(sql, rows);
        let elapsed_ms = self.backend.now_ms() - started;
        let shown = many_repr(rows);
        self.sql_log.push(LoggedStatement {
            sql: sql.to_string(),
            params: shown.clone(),
            elapsed_ms,
            rows: 0,
        });
        match res {
            Ok(()) => Ok(()),
            Err(e) => {
                let value = Value::list(
                    rows.iter()
                        .map(|r| Value::tuple(r.iter().map(plain_value).collect()))
                        .collect(),
                );
                self.raise_db_error(e, sql, &shown, value)
            }
        }
    }

    /// Raises a driver error as SQLAlchemy wraps it: `IntegrityError` /
    /// `OperationalError` with `orig`, `statement` and `params`.
    fn raise_db_error<T>(
        &mut self,
        e: super::super::BackendError,
        sql: &str,
        shown: &str,
        params: Value,
    ) -> R<T> {
        let (cls, code) = match e.kind {
            BackendErrorKind::Integrity => ("IntegrityError", "gkpj"),
            BackendErrorKind::Operational => ("OperationalError", "e3q8"),
            BackendErrorKind::Interrupted => return self.raise("KeyboardInterrupt", ""),
        };
        let orig = self.new_exc(&format!("sqlite3.{cls}"), &e.message);
        let msg = format!(
            "(sqlite3.{cls}) {}\n[SQL: {sql}]\n[parameters: {shown}]\n(Background on this error at: https://sqlalche.me/e/20/{code})",
            e.message
        );
        let v = exc_instance(self.exc[cls].clone(), vec![Value::str(&msg)]);
        if let Value::Instance(i) = &v {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("orig"), orig);
            d.insert(Rc::from("statement"), Value::str(sql));
            d.insert(Rc::from("params"), params);
            d.insert(Rc::from("_message"), Value::str(&msg));
        }
        self.raise_value(v)
    }

    fn end_sqlite_tx(&mut self, what: &str) {
        if self.orm.sqlite_tx {
            self.orm.sqlite_tx = false;
            let _ = self.backend.execute(what, &[]);
        }
    }

    /// Opens the session transaction if needed.
    pub fn begin(&mut self) -> R<()> {
        if let Some(orig) = self.orm.failed.clone() {
            let msg = format!(
                "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: {orig}"
            );
            return self.raise("PendingRollbackError", msg);
        }
        if !self.orm.in_tx {
            self.orm.in_tx = true;
            self.log_marker("BEGIN (implicit)");
        }
        Ok(())
    }

    fn log_marker(&mut self, s: &str) {
        self.sql_log.push(LoggedStatement {
            sql: s.into(),
            params: String::new(),
            elapsed_ms: 0.0,
            rows: 0,
        });
    }

    /// `db.session.commit()`.
    pub fn commit(&mut self) -> R<()> {
        self.flush()?;
        if self.orm.in_tx {
            self.log_marker("COMMIT");
            self.end_sqlite_tx("COMMIT");
            self.orm.in_tx = false;
        }
        self.orm.inserted_in_tx.clear();
        self.orm.modified.clear();
        self.orm.modified_set.clear();
        // expire everything
        let all: Vec<Rc<Instance>> = self.orm.identity.values().cloned().collect();
        for i in all {
            self.expire(&i);
        }
        Ok(())
    }

    /// Expires an instance's loaded attributes.
    pub fn expire(&mut self, inst: &Rc<Instance>) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        let rels: Vec<String> = self
            .orm
            .reg
            .mapper(&m.class)
            .map(|mp| mp.relationships.iter().map(|r| r.name.clone()).collect())
            .unwrap_or_default();
        let mut d = inst.dict.borrow_mut();
        for (k, _) in &m.columns {
            d.remove(k);
        }
        for r in rels {
            d.remove(r.as_str());
        }
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.expired = true;
            s.committed.clear();
        }
    }

    /// `db.session.rollback()`.
    pub fn rollback(&mut self) -> R<()> {
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
        let inserted = std::mem::take(&mut self.orm.inserted_in_tx);
        for i in inserted {
            self.remove_identity(&i);
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.status = Status::Transient;
                s.identity = None;
                s.expired = false;
            }
        }
        let deleted = std::mem::take(&mut self.orm.deleted);
        for i in deleted {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.to_delete = false;
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
        Ok(())
    }

    /// `db.session.close()` / app context teardown: detach everything.
    pub fn close_session(&mut self) {
        if self.orm.in_tx {
            self.log_marker("ROLLBACK");
            self.end_sqlite_tx("ROLLBACK");
            self.orm.in_tx = false;
        }
        self.orm.failed = None;
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
    }

    fn ident_key(&self, inst: &Instance) -> Option<(Rc<str>, HKey)> {
        let m = inst.class.model_info()?;
        let h = self.identity_hkey(inst, &m)?;
        Some((m.table.clone(), h))
    }

    /// Puts an instance in the identity map.
    pub fn add_identity(&mut self, inst: &Rc<Instance>) {
        if let Some(k) = self.ident_key(inst)
            && self.orm.identity.insert(k, inst.clone()).is_none()
        {
            self.orm.identity_order.push(inst.clone());
        }
    }

    fn remove_identity(&mut self, inst: &Rc<Instance>) {
        if let Some(k) = self.ident_key(inst) {
            self.orm.identity.remove(&k);
            self.orm.identity_order.retain(|i| !Rc::ptr_eq(i, inst));
        }
    }

    /// `db.session.add(obj)` (with save-update cascade through loaded relationships).
    pub fn session_add(&mut self, v: &Value) -> R<()> {
        let Value::Instance(inst) = v else {
            let t = self.type_name(v);
            return self.raise(
                "UnmappedInstanceError",
                format!("Class 'builtins.{t}' is not mapped"),
            );
        };
        if inst.class.model_info().is_none() {
            return self.raise(
                "UnmappedInstanceError",
                format!("Class '__main__.{}' is not mapped", inst.class.name),
            );
        }
        let st = self.status(inst);
        match st {
            Status::Transient => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.status = Status::Pending;
                }
                self.orm.new.push(inst.clone());
            }
            Status::Detached => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.status = Status::Persistent;
                }
                self.add_identity(inst);
            }
            _ => {}
        }
        // cascade to related objects held in relationship attributes
        let related = self.related_objects(inst);
        for r in related {
            if matches!(self.status(&r), Status::Transient | Status::Detached) {
                self.session_add(&Value::Instance(r))?;
            }
        }
        Ok(())
    }

    /// Objects referenced from an instance's loaded relationship attributes.
    pub fn related_objects(&self, inst: &Rc<Instance>) -> Vec<Rc<Instance>> {
        let Some(m) = inst.class.model_info() else {
            return vec![];
        };
        let Ok(mp) = self.orm.reg.mapper(&m.class) else {
            return vec![];
        };
        let mut out = vec![];
        let d = inst.dict.borrow();
        for r in &mp.relationships {
            match d.get(r.name.as_str()) {
                Some(Value::Instance(i)) => out.push(i.clone()),
                Some(Value::List(l)) => {
                    for v in l.borrow().iter() {
                        if let Value::Instance(i) = v {
                            out.push(i.clone());
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// `db.session.delete(obj)`.
    pub fn session_delete(&mut self, v: &Value) -> R<()> {
        let Value::Instance(inst) = v else {
            let t = self.type_name(v);
            return self.raise(
                "UnmappedInstanceError",
                format!("Class 'builtins.{t}' is not mapped"),
            );
        };
        match self.status(inst) {
            Status::Persistent => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.to_delete = true;
                }
                if !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, inst)) {
                    self.orm.deleted.push(inst.clone());
                }
                Ok(())
            }
            Status::Pending => {
                self.orm.new.retain(|n| !Rc::ptr_eq(n, inst));
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.status = Status::Transient;
                }
                Ok(())
            }
            _ => {
                let r = self.repr(v)?;
                self.raise(
                    "InvalidRequestError",
                    format!("Instance '{r}' is not persisted"),
                )
            }
        }
    }

    /// Flushes pending changes.
    pub fn flush(&mut self) -> R<()> {
        if let Some(orig) = self.orm.failed.clone() {
            let msg = format!(
                "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: {orig}"
            );
            return self.raise("PendingRollbackError", msg);
        }
        match self.flush_inner() {
            Ok(()) => Ok(()),
            Err(e) => {
                // like SQLAlchemy: the transaction is rolled back, the session needs rollback()
                let (_, msg) = self.describe_exc(&e.value);
                if self.orm.in_tx {
                    self.log_marker("ROLLBACK");
                    self.end_sqlite_tx("ROLLBACK");
                    self.orm.in_tx = false;
                }
                self.orm.failed = Some(msg);
                Err(e)
            }
        }
    }

    fn flush_inner(&mut self) -> R<()> {
        // cascade: objects reachable from pending/persistent objects' relationships
        let mut i = 0;
        let mut seen: Vec<Rc<Instance>> = self.orm.new.clone();
        seen.extend(self.orm.identity_order.clone());
        let mut has_rels = super::super::value::FxMap::default();
        while i < seen.len() {
            if !self.has_relationships(&mut has_rels, &seen[i]) {
                i += 1;
                continue;
            }
            let rel = self.related_objects(&seen[i]);
            for r in rel {
                if self.status(&r) == Status::Transient {
                    self.session_add(&Value::Instance(r.clone()))?;
                    seen.push(r);
                }
            }
            i += 1;
        }
        self.sync_relationships_before_flush()?;
        // inserts, ordered by table dependency
        let new = self.orm.new.clone();
        let order = self.table_order();
        let mut new_sorted = new.clone();
        new_sorted.sort_by_cached_key(|i| {
            i.class
                .model_info()
                .and_then(|m| order.iter().position(|t| **t == *m.table))
                .unwrap_or(usize::MAX)
        });
        let links = self.collection_links(&new_sorted, &mut has_rels);
        // rows of one self-referential table: parents first, level by level (SQLAlchemy's
        // topological sort in subsets), insertion order within a level
        let levels = self.self_ref_levels(&new_sorted, &links);
        if !levels.is_empty() {
            let pos: std::collections::HashMap<usize, usize> = new_sorted
                .iter()
                .enumerate()
                .map(|(i, x)| (Rc::as_ptr(x) as usize, i))
                .collect();
            new_sorted.sort_by_cached_key(|i| {
                let t = i
                    .class
                    .model_info()
                    .and_then(|m| order.iter().position(|t| **t == *m.table))
                    .unwrap_or(usize::MAX);
                let p = Rc::as_ptr(i) as usize;
                (
                    t,
                    levels.get(&p).copied().unwrap_or(0),
                    pos.get(&p).copied().unwrap_or(0),
                )
            });
        }
        let mut plans = Plans::default();
        self.flush_inserts(&mut plans, &new_sorted, &levels, |me, inst| {
            me.sync_before_insert(inst, &links)
        })?;
        self.orm.new.retain(|i| {
            i.orm
                .borrow()
                .as_ref()
                .is_some_and(|s| s.status == Status::Pending)
        });
        // foreign keys that depend on just-inserted parents
        self.sync_relationships_before_flush()?;
        // updates
        let mut cands = std::mem::take(&mut self.orm.modified);
        self.orm.modified_set.clear();
        let new_set: std::collections::HashSet<usize> =
            new_sorted.iter().map(|i| Rc::as_ptr(i) as usize).collect();
        cands.retain(|i| !new_set.contains(&(Rc::as_ptr(i) as usize)));
        cands.sort_by_cached_key(|i| {
            let t = i
                .class
                .model_info()
                .and_then(|m| order.iter().position(|t| **t == *m.table))
                .unwrap_or(usize::MAX);
            let k = i
                .orm
                .borrow()
                .as_ref()
                .and_then(|s| s.identity.as_ref().and_then(|v| v.first().cloned()))
                .and_then(|v| {
                    if let Value::Int(n) = v {
                        n.to_i64()
                    } else {
                        None
                    }
                })
                .unwrap_or(0);
            (t, k)
        });
        for inst in &cands {
            if self.status(inst) == Status::Persistent {
                self.update_instance(&mut plans, inst)?;
            }
        }
        for inst in &new_sorted {
            if !unchanged_since_insert(inst) {
                self.update_instance(&mut plans, inst)?;
            }
        }
        self.flush_secondary()?;
        // deletes (children first: reverse dependency order)
        let deleted = std::mem::take(&mut self.orm.deleted);
        let mut del_sorted = deleted.clone();
        self.cascade_deletes(&mut del_sorted)?;
        del_sorted.sort_by_cached_key(|i| {
            std::cmp::Reverse(
                i.class
                    .model_info()
                    .and_then(|m| order.iter().position(|t| **t == *m.table))
                    .unwrap_or(0),
            )
        });
        for inst in &del_sorted {
            self.delete_instance(inst)?;
        }
        Ok(())
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
        for inst in self.orm.identity_order.clone() {
            self.update_instance(&mut plans, &inst)?;
        }
        Ok(())
    }

    fn update_instance(&mut self, plans: &mut Plans, inst: &Rc<Instance>) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        if inst
            .orm
            .borrow()
            .as_ref()
            .is_some_and(|s| s.expired || s.to_delete)
        {
            return Ok(());
        }
        let Some(plan) = self.table_plan(plans, &m) else {
            return Ok(());
        };
        let table = &plan.table;
        let mut changes: Vec<(String, SqlValue)> = vec![];
        let mut changed_keys = vec![];
        for (i, col) in table.columns.iter().enumerate() {
            let key = m.columns[i].0.clone();
            let cur = inst.dict.borrow().get(&key).cloned();
            let old = inst
                .orm
                .borrow()
                .as_ref()
                .and_then(|s| s.committed.get(&key).cloned());
            let Some(cur) = cur else { continue };
            let same = match &old {
                Some(o) => {
                    super::super::ops::is_same(o, &cur)
                        || self.eq(o, &cur)? && self.type_name(o) == self.type_name(&cur)
                }
                None => false,
            };
            if !same {
                let sv = if plan.eval_none[i] && matches!(cur, Value::None) {
                    SqlValue::Text("null".into())
                } else {
                    self.to_sql(&cur, Some(&col.ty))?
                };
                changes.push((col.name.clone(), sv));
                changed_keys.push(key);
            }
        }
        if changes.is_empty() {
            return Ok(());
        }
        for (i, col) in table.columns.iter().enumerate() {
            let key = m.columns[i].0.clone();
            if changed_keys.contains(&key) {
                continue;
            }
            if let Some(d) = plan.onupdate[i].clone() {
                let v = self.eval_default(&d)?;
                let sv = self.to_sql(&v, Some(&col.ty))?;
                changes.push((col.name.clone(), sv));
                inst.dict.borrow_mut().insert(key.clone(), v);
                changed_keys.push(key);
            }
        }
        // SET in table column order
        let mut ordered = vec![];
        for col in &table.columns {
            if let Some(c) = changes.iter().find(|(n, _)| *n == col.name) {
                ordered.push((c.0.as_str(), c.1.clone()));
            }
        }
        let ident = inst
            .orm
            .borrow()
            .as_ref()
            .and_then(|s| s.identity.clone())
            .unwrap_or_default();
        let mut pk = vec![];
        for v in &ident {
            pk.push(self.to_sql(v, None)?);
        }
        let up = persist::update_row(table, &ordered, &pk);
        self.run_stmt(&Statement::Update(up), true)?;
        let snapshot: Vec<(Rc<str>, Value)> = changed_keys
            .iter()
            .map(|k| {
                (
                    k.clone(),
                    inst.dict.borrow().get(k).cloned().unwrap_or(Value::None),
                )
            })
            .collect();
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            for (k, v) in snapshot {
                s.committed.insert(k, v);
            }
        }
        Ok(())
    }

    fn delete_instance(&mut self, inst: &Rc<Instance>) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        let table = self.orm.reg.table_of(&m.class).cloned();
        let Ok(table) = table else { return Ok(()) };
        self.delete_secondary_rows(inst)?;
        let ident = inst
            .orm
            .borrow()
            .as_ref()
            .and_then(|s| s.identity.clone())
            .unwrap_or_default();
        let mut pk = vec![];
        for v in &ident {
            pk.push(self.to_sql(v, None)?);
        }
        let del = persist::delete_row(&table, &pk);
        self.run_stmt(&Statement::Delete(del), true)?;
        self.remove_identity(inst);
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.status = Status::Deleted;
            s.to_delete = false;
        }
        Ok(())
    }

    /// Calls a Python default (callable or constant).
    pub fn eval_default(&mut self, d: &Value) -> R<Value> {
        match d {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::BuiltinMethod(_) => {
                self.call(d, vec![], vec![])
            }
            Value::Native(n)
                if matches!(**n, super::Native::SqlaFn(_) | super::Native::FuncRef(_)) =>
            {
                self.call(d, vec![], vec![])
            }
            other => Ok(other.clone()),
        }
    }

    /// Refreshes an expired persistent instance (no-op otherwise).
    pub fn ensure_loaded(&mut self, inst: &Rc<Instance>) -> R<()> {
        let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
        if expired && self.status(inst) == Status::Persistent {
            self.refresh_instance(inst)?;
        }
        Ok(())
    }

    /// Reloads an expired instance from the database.
    pub fn refresh_instance(&mut self, inst: &Rc<Instance>) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        match self.status(inst) {
            Status::Persistent => {}
            Status::Detached => {
                return self.raise(
                    "DetachedInstanceError",
                    format!("Instance <{} at 0x7f0000000000> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)", m.class),
                );
            }
            _ => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.expired = false;
                }
                return Ok(());
            }
        }
        let ident = inst
            .orm
            .borrow()
            .as_ref()
            .and_then(|s| s.identity.clone())
            .unwrap_or_default();
        let mut pk = vec![];
        for v in &ident {
            pk.push(self.to_sql(v, None)?);
        }
        let sel = match get_statement(&self.orm.reg, &m.class, pk) {
            Ok(s) => s,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let res = self.run_stmt(&Statement::Select(sel), true)?;
        let Some(row) = res.rows.first() else {
            return self.raise(
                "ObjectDeletedError",
                format!("Instance '<{} at 0x7f0000000000>' has been deleted, or its row is otherwise not present.", m.class),
            );
        };
        self.populate(inst, &m, row, 0)?;
        Ok(())
    }

    /// Fills an instance's column attributes from a row slice starting at `off`.
    pub fn populate(
        &mut self,
        inst: &Rc<Instance>,
        m: &ModelInfo,
        row: &[SqlValue],
        off: usize,
    ) -> R<()> {
        let types: Vec<SqlType> = match self.orm.reg.table_of(&m.class) {
            Ok(t) => t.columns.iter().map(|c| c.ty.clone()).collect(),
            Err(_) => vec![],
        };
        let mut committed = super::super::value::FxMap::default();
        for (i, (key, _)) in m.columns.iter().enumerate() {
            let sv = row.get(off + i).cloned().unwrap_or(SqlValue::Null);
            let v = self.from_sql(&sv, types.get(i))?;
            inst.dict.borrow_mut().insert(key.clone(), v.clone());
            committed.insert(key.clone(), v);
        }
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.committed = committed;
            s.expired = false;
        }
        Ok(())
    }

    /// Builds (or finds in the identity map) the instance for a row.
    pub fn instance_from_row(&mut self, class: &str, row: &[SqlValue], off: usize) -> R<Value> {
        let Some(cls) = self.orm.classes.get(class).cloned() else {
            return Ok(Value::None);
        };
        let Some(m) = cls.model_info() else {
            return Ok(Value::None);
        };
        let types: Vec<SqlType> = match self.orm.reg.table_of(&m.class) {
            Ok(t) => t.columns.iter().map(|c| c.ty.clone()).collect(),
            Err(_) => vec![],
        };
        let mut ident = vec![];
        for &pi in &m.pk {
            let sv = row.get(off + pi).cloned().unwrap_or(SqlValue::Null);
            if sv == SqlValue::Null {
                return Ok(Value::None);
            }
            ident.push(self.from_sql(&sv, types.get(pi))?);
        }
        let hk = HKey::Tuple(ident.iter().filter_map(|v| v.hkey()).collect());
        if let Some(existing) = self.orm.identity.get(&(m.table.clone(), hk)).cloned() {
            let expired = existing.orm.borrow().as_ref().is_some_and(|s| s.expired);
            if expired {
                self.populate(&existing, &m, row, off)?;
            }
            return Ok(Value::Instance(existing));
        }
        let inst = Rc::new(Instance {
            class: cls.clone(),
            dict: Default::default(),
            orm: Default::default(),
        });
        self.init_model_instance(&inst, &m);
        self.populate(&inst, &m, row, off)?;
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.status = Status::Persistent;
            s.identity = Some(ident);
        }
        self.add_identity(&inst);
        Ok(Value::Instance(inst))
    }

    /// Flushes before a query when there is anything pending.
    pub fn autoflush(&mut self) -> R<()> {
        if self.orm.failed.is_some() {
            return self.begin();
        }
        let dirty = !self.orm.new.is_empty() || !self.orm.deleted.is_empty() || self.any_dirty();
        if dirty {
            self.flush()?;
        }
        Ok(())
    }

    /// Remembers a persistent instance whose attributes changed (flush candidates).
    pub fn mark_modified(&mut self, inst: &Rc<Instance>) {
        let p = Rc::as_ptr(inst) as usize;
        if self.orm.modified_set.insert(p) {
            self.orm.modified.push(inst.clone());
        }
    }

    fn any_dirty(&mut self) -> bool {
        let all = self.orm.modified.clone();
        for inst in all {
            if self.is_dirty(&inst) {
                return true;
            }
        }
        false
    }

    /// True when a persistent instance has changed attributes.
    pub fn is_dirty(&mut self, inst: &Rc<Instance>) -> bool {
        let Some(m) = inst.class.model_info() else {
            return false;
        };
        let st = inst.orm.borrow();
        let Some(s) = st.as_ref() else { return false };
        if s.expired {
            return false;
        }
        let d = inst.dict.borrow();
        for (k, _) in &m.columns {
            if let Some(cur) = d.get(k) {
                match s.committed.get(k) {
                    Some(old) => {
                        if !super::super::ops::is_same(old, cur) && !simple_eq(old, cur) {
                            return true;
                        }
                    }
                    None => return true,
                }
            }
        }
        drop(d);
        drop(st);
        self.relationship_dirty(inst)
    }

    /// Python value → SQLite value for a column type.
    pub fn to_sql(&mut self, v: &Value, ty: Option<&SqlType>) -> R<SqlValue> {
        Ok(match (v, ty) {
            (Value::None, _) => SqlValue::Null,
            (v, Some(SqlType::Json)) => {
                let j = self.to_json(v)?;
                SqlValue::Text(self.py(crate::core::py::json::dumps(&j, &Default::default()))?)
            }
            (Value::Bool(b), _) => SqlValue::Integer(*b as i64),
            (Value::Int(i), Some(SqlType::Float)) => match i.to_i64() {
                Some(x) => SqlValue::Integer(x),
                None => SqlValue::Real(self.py(i.to_f64())?),
            },
            (Value::Int(i), _) => match i.to_i64() {
                Some(x) => SqlValue::Integer(x),
                None => {
                    return self.raise(
                        "OverflowError",
                        "Python int too large to convert to SQLite INTEGER",
                    );
                }
            },
            (Value::Float(f), _) => SqlValue::Real(*f),
            (Value::Str(s), _) => SqlValue::Text(String::from(&**s)),
            (Value::DateTime(d), Some(SqlType::Date)) => SqlValue::Text(d.date().to_sqlite()),
            (Value::DateTime(d), _) => SqlValue::Text(d.to_sqlite()),
            (Value::Date(d), Some(SqlType::DateTime)) => {
                return self.raise(
                    "StatementError",
                    "(builtins.TypeError) SQLite DateTime type only accepts Python datetime and date objects as input.",
                )
                .or_else(|_: Box<Exc>| Ok::<SqlValue, Box<Exc>>(SqlValue::Text(d.to_sqlite())));
            }
            (Value::Date(d), _) => SqlValue::Text(d.to_sqlite()),
            (Value::Decimal(d), Some(SqlType::String(_) | SqlType::Text)) => {
                SqlValue::Text(d.to_str())
            }
            (Value::Decimal(d), _) => SqlValue::Real(d.to_f64()),
            (Value::TimeDelta(t), _) => SqlValue::Text(format!("1970-01-01 {}", t.to_str())),
            (other, _) => {
                let t = self.type_name(other);
                return self.raise(
                    "ProgrammingError",
                    format!("(sqlite3.ProgrammingError) Error binding parameter 1: type '{t}' is not supported"),
                );
            }
        })
    }

    /// SQLite value → Python value for a column type.
    pub fn from_sql(&mut self, v: &SqlValue, ty: Option<&SqlType>) -> R<Value> {
        Ok(match (v, ty) {
            (SqlValue::Null, _) => Value::None,
            (SqlValue::Integer(i), Some(SqlType::Boolean)) => Value::Bool(*i != 0),
            (SqlValue::Text(s), Some(SqlType::DateTime)) => {
                Value::DateTime(self.py(DateTime::from_sqlite(s))?)
            }
            (SqlValue::Text(s), Some(SqlType::Date)) => Value::Date(self.py(Date::from_sqlite(s))?),
            (SqlValue::Integer(i), Some(SqlType::Numeric(_, s))) => {
                Value::Decimal(Rc::new(self.py(Decimal::from_sqlite_numeric(
                    &SqliteNumber::Int((*i).into()),
                    s.unwrap_or(10),
                ))?))
            }
            (SqlValue::Real(f), Some(SqlType::Numeric(_, s))) => Value::Decimal(Rc::new(self.py(
                Decimal::from_sqlite_numeric(&SqliteNumber::Float(*f), s.unwrap_or(10)),
            )?)),
            (SqlValue::Text(t), Some(SqlType::Json)) => {
                let j = self.py(crate::core::py::json::loads(t))?;
                self.from_json(&j)?
            }
            (SqlValue::Integer(i), Some(SqlType::Float)) => Value::Float(*i as f64),
            (SqlValue::Integer(i), _) => Value::int(*i),
            (SqlValue::Real(f), _) => Value::Float(*f),
            (SqlValue::Text(s), _) => Value::str(s),
            (SqlValue::Blob(_), _) => return self.unsupported("`bytes` values"),
        })
    }

    /// Raises when the app context was popped (Flask's "Working outside of application context").
    pub fn check_app_context(&mut self) -> R<()> {
        Ok(())
    }
}

/// A parameter as the Python value the driver was given (for `IntegrityError.params`).
fn plain_value(v: &SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(i) => Value::int(*i),
        SqlValue::Real(f) => Value::Float(*f),
        SqlValue::Text(s) => Value::str(s),
        SqlValue::Blob(b) => Value::str(&String::from_utf8_lossy(b)),
    }
}

fn is_dml(sql: &str) -> bool {
    let head = sql.trim_start().get(..7).unwrap_or("").to_ascii_uppercase();
    head.starts_with("INSERT")
        || head.starts_with("UPDATE")
        || head.starts_with("DELETE")
        || head.starts_with("REPLACE")
}

fn simple_eq(a: &Value, b: &Value) -> bool {
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
