//! The flush's UPDATEs, emitted as SQLAlchemy's `_emit_update_statements` emits them:
//! consecutive rows of one table that set the same columns to plain values go as one
//! executemany; a row whose SET holds a SQL expression (`onupdate=func.now()`) goes
//! alone. `before_update` fires as each object is prepared, `after_update` once all the
//! statements ran.

use std::rc::Rc;

use super::convert::BindFailure;
use crate::core::interp::ops;
use crate::core::interp::orm::insert::{Plans, TablePlan};
use crate::core::interp::orm::model::{column_attr, set_column_attr};
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::persist;
use crate::core::sql::{Rendered, SqlValue, Statement, render};

/// One object's prepared UPDATE.
struct PendingUpdate {
    /// The statement and its parameters.
    stmt: Rendered,
    /// The object.
    inst: Rc<Instance>,
    /// The columns it writes (by index), whose committed state becomes the new value.
    changed_keys: Vec<usize>,
    /// The columns the SET gives SQL expressions (`onupdate=func.now()`, `obj.n =
    /// Model.n + 1`): the statement is sent alone, and these attributes expire.
    sql_columns: Vec<usize>,
    /// A versioned object's (`version_id_col`): the statement is sent alone, and a row
    /// count other than 1 is a `StaleDataError`.
    versioned: bool,
}

/// The UPDATEs a flush prepared, in order, and the objects owed `after_update`.
#[derive(Default)]
pub struct Updates {
    rows: Vec<PendingUpdate>,
    events: Vec<Rc<Instance>>,
}

impl Interp<'_> {
    /// Prepares the UPDATE of one object (none when nothing changed), firing
    /// `before_update` now and queueing `after_update` for after the statements.
    pub(super) fn update_instance(
        &mut self,
        plans: &mut Plans,
        updates: &mut Updates,
        inst: &Rc<Instance>,
    ) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        let (expired, to_delete, set) = match inst.orm.borrow().as_ref() {
            Some(s) => (s.expired, s.to_delete, !s.set_since_expiry().is_empty()),
            None => (false, false, false),
        };
        if to_delete || expired && !set {
            return Ok(());
        }
        // An expired object with columns set is loaded first (its other columns), as
        // SQLAlchemy reads its primary key's history for the UPDATE.
        if expired {
            self.refresh_instance(inst)?;
        }
        if !self.orm.listeners.is_empty() {
            self.fire_event("before_update", inst)?;
            updates.events.push(inst.clone());
        }
        self.update_row(plans, updates, inst, &m)
    }

    /// The UPDATE of one object's changed columns (none when nothing changed), queued.
    fn update_row(
        &mut self,
        plans: &mut Plans,
        updates: &mut Updates,
        inst: &Rc<Instance>,
        m: &crate::core::interp::orm::model::ModelInfo,
    ) -> R<()> {
        let Some(plan) = self.table_plan(plans, m) else {
            return Ok(());
        };
        let table = &plan.table;
        let mut changes: Vec<(String, SqlValue)> = vec![];
        let mut changed_keys = vec![];
        // A value its type's bind processor refused (the first), and the changed values as
        // given, for the error.
        let mut bind_err = None;
        let mut given: Vec<(String, Value)> = vec![];
        // The columns set to SQL expressions (rendered into the SET) and their indexes.
        let mut sql_set: Vec<(String, crate::core::sql::Expr)> = vec![];
        let mut sql_columns = vec![];
        for (i, col) in table.columns.iter().enumerate() {
            let (cur, old) = match inst.orm.borrow().as_ref() {
                Some(s) => (s.value(i).cloned(), s.committed_value(i).cloned()),
                None => (None, None),
            };
            let Some(cur) = cur else { continue };
            if let Some(e) = self.assigned_sql(&cur) {
                sql_set.push((col.name.clone(), e));
                sql_columns.push(i);
                continue;
            }
            let same = match &old {
                Some(o) => {
                    ops::is_same(o, &cur)
                        || self.eq(o, &cur)? && self.type_name(o) == self.type_name(&cur)
                }
                None => false,
            };
            if !same {
                let sv = if plan.eval_none[i] && matches!(cur, Value::None) {
                    SqlValue::Text("null".into())
                } else {
                    self.stored_or_note(&cur, &col.ty, &mut bind_err, changes.len() + 1)
                };
                given.push((col.key.clone(), cur.clone()));
                changes.push((col.name.clone(), sv));
                changed_keys.push(i);
            }
        }
        match bind_err {
            Some(BindFailure::Processor(e)) => {
                return Err(self.update_bind_error(e, inst, table, &changes, given));
            }
            // (The UPDATE it failed in: the changed values, then the primary key.)
            Some(BindFailure::Refused(at, v)) => {
                let pk = self.identity_params(inst)?;
                let set: Vec<(&str, SqlValue)> = (changes.iter())
                    .map(|(n, v)| (n.as_str(), v.clone()))
                    .collect();
                let sql = render(&Statement::Update(persist::update_row(table, &set, &pk))).sql;
                let mut params: Vec<SqlValue> = set.into_iter().map(|(_, v)| v).collect();
                params.extend(pk);
                return self.raise_refused_param(&sql, &params, at, &v);
            }
            None => {}
        }
        if changes.is_empty() && sql_set.is_empty() {
            return Ok(());
        }
        for (i, col) in table.columns.iter().enumerate() {
            if changed_keys.contains(&i) || sql_columns.contains(&i) {
                continue;
            }
            if let Some(d) = plan.onupdate[i].clone() {
                // A SQL expression (`onupdate=func.now()`) goes into the UPDATE itself;
                // the object then reloads on access, as SQLAlchemy expires the attribute.
                if is_sql_default(&d)
                    && let Some(e) = self.as_sql(&d)
                {
                    sql_set.push((col.name.clone(), e.expr));
                    sql_columns.push(i);
                    continue;
                }
                let v = self.eval_default_ctx(&d, &mut |it| {
                    it.update_context_params(inst, &plan, &changed_keys, &sql_columns, i)
                });
                let v = match v {
                    Ok(v) => v,
                    // (SQLAlchemy's `StatementError`, with the UPDATE: the changed columns
                    // and the Python `onupdate` ones, in table order.)
                    Err(e) => {
                        let e = self.wrap_default_error(e);
                        let mut set = vec![];
                        for (j, c) in table.columns.iter().enumerate() {
                            if let Some((_, v)) = changes.iter().find(|(n, _)| *n == c.name) {
                                set.push((c.name.clone(), v.clone()));
                            } else if python_onupdate_pending(&plan, j, i, &sql_columns) {
                                set.push((c.name.clone(), SqlValue::Null));
                            }
                        }
                        return Err(self.update_bind_error(e, inst, table, &set, given));
                    }
                };
                let sv = self.to_sql_stored(&v, &col.ty)?;
                changes.push((col.name.clone(), sv));
                set_column_attr(inst, i, v);
                changed_keys.push(i);
            }
        }
        // A versioned object's next version (unless set by hand), its WHERE requiring the
        // one it had.
        let mut version_where = None;
        if let Some(v) = m.version_col {
            let (cur, old) = match inst.orm.borrow().as_ref() {
                Some(s) => (s.value(v).cloned(), s.committed_value(v).cloned()),
                None => (None, None),
            };
            let old = old.or(cur).unwrap_or(Value::None);
            let col = &table.columns[v];
            if !changed_keys.contains(&v) {
                let next = self.binop(
                    crate::core::lang::ast::BinOp::Add,
                    old.clone(),
                    Value::int(1),
                )?;
                changes.push((col.name.clone(), self.to_sql_stored(&next, &col.ty)?));
                set_column_attr(inst, v, next);
                changed_keys.push(v);
            }
            version_where = Some((col.name.clone(), self.to_sql_stored(&old, &col.ty)?));
        }
        // SET in table column order
        let mut ordered = vec![];
        for col in &table.columns {
            if let Some(c) = changes.iter().find(|(n, _)| *n == col.name) {
                ordered.push((c.0.as_str(), c.1.clone()));
            }
        }
        let pk = self.identity_params(inst)?;
        let mut up = persist::update_row(table, &ordered, &pk);
        if let Some((name, old)) = &version_where {
            let col = crate::core::sql::Expr::col(&table.name, name.clone());
            up.where_
                .push(col.eq(crate::core::sql::Expr::bind(old.clone())));
        }
        if !sql_set.is_empty() {
            // SET stays in table column order.
            let mut set = std::mem::take(&mut up.set);
            set.extend(sql_set.iter().cloned());
            for col in &table.columns {
                if let Some(p) = set.iter().position(|(n, _)| *n == col.name) {
                    up.set.push(set.swap_remove(p));
                }
            }
        }
        updates.rows.push(PendingUpdate {
            stmt: render(&Statement::Update(up)),
            inst: inst.clone(),
            changed_keys,
            sql_columns,
            versioned: version_where.is_some(),
        });
        Ok(())
    }

    /// What a context-taking `onupdate` default's `get_current_parameters()` holds while
    /// column `at` is computed: the SET's bound columns in table order (the changed ones
    /// and the Python `onupdate` ones, `None` until computed; not those set to SQL
    /// expressions, `inline`), then the primary key as the WHERE binds it
    /// (`<table>_<column>`).
    fn update_context_params(
        &mut self,
        inst: &Rc<Instance>,
        plan: &TablePlan,
        changed: &[usize],
        inline: &[usize],
        at: usize,
    ) -> Vec<(String, Value)> {
        let table = &plan.table;
        let mut out = vec![];
        for (i, c) in table.columns.iter().enumerate() {
            if changed.contains(&i) {
                out.push((c.key.clone(), column_attr(inst, i).unwrap_or(Value::None)));
            } else if python_onupdate_pending(plan, i, at, inline) {
                out.push((c.key.clone(), Value::None));
            }
        }
        for &i in &plan.pk {
            let v = match inst.orm.borrow().as_ref() {
                Some(s) => s.committed_value(i).or(s.value(i)).cloned(),
                None => None,
            };
            // (The WHERE binds it as the column's label: `<table>_<column name>`.)
            let key = format!("{}_{}", table.name, table.columns[i].name);
            out.push((key, v.unwrap_or(Value::None)));
        }
        out
    }

    /// Runs the prepared UPDATEs (a run of the same statement with plain values as one
    /// executemany), records the written values as committed, then fires `after_update`.
    pub(super) fn run_updates(&mut self, updates: Updates) -> R<()> {
        let rows = updates.rows;
        let mut i = 0;
        while i < rows.len() {
            let first = &rows[i];
            let mut end = i + 1;
            if first.sql_columns.is_empty() && !first.versioned {
                while end < rows.len()
                    && rows[end].sql_columns.is_empty()
                    && !rows[end].versioned
                    && rows[end].stmt.sql == first.stmt.sql
                {
                    end += 1;
                }
            }
            // (Every UPDATE must match its rows, versioned or not: a row deleted behind
            // the session's back is a StaleDataError, as SQLAlchemy checks the rowcount,
            // an executemany's summed.)
            let matched = if end - i == 1 {
                self.run_sql(&first.stmt.sql, &first.stmt.params, true)?
                    .rowcount
            } else {
                let values: Vec<SqlValue> = rows[i..end]
                    .iter()
                    .flat_map(|r| r.stmt.params.iter().cloned())
                    .collect();
                self.run_sql_many(&first.stmt.sql, end - i, &values)?
            };
            if matched >= 0 && matched != (end - i) as i64 {
                let m = first.inst.class.model_info();
                let table = m.map(|m| m.table.clone()).unwrap_or_else(|| Rc::from(""));
                return self.raise(
                    "StaleDataError",
                    format!(
                        "UPDATE statement on table '{table}' expected to update {} row(s); {matched} were matched.",
                        end - i
                    ),
                );
            }
            for row in &rows[i..end] {
                if let Some(s) = row.inst.orm.borrow_mut().as_mut() {
                    // (What SQL computed is loaded again when next read.)
                    for &k in &row.sql_columns {
                        s.expire_column(k);
                    }
                }
            }
            i = end;
        }
        // (Each object's `column_property` values are stale now: read again, alone, when
        // next accessed, as SQLAlchemy expires read-only properties after a flush, before
        // `after_update`.)
        for row in &rows {
            let columns = (row.inst.class.model_info()).map(|m| (m.columns.len(), m.props.len()));
            if let (Some(s), Some((n, props))) = (row.inst.orm.borrow_mut().as_mut(), columns) {
                for k in n..n + props {
                    s.unload_slot(k);
                }
            }
        }
        // (`after_update` listeners still see the changes' history, as SQLAlchemy resets
        // it only after them.)
        for inst in &updates.events {
            self.fire_event("after_update", inst)?;
        }
        for row in &rows {
            if let Some(s) = row.inst.orm.borrow_mut().as_mut() {
                for &k in &row.changed_keys {
                    let v = s.value(k).cloned().unwrap_or(Value::None);
                    if let Some(c) = s.committed.as_mut().and_then(|c| c.get_mut(k)) {
                        *c = Some(v);
                    }
                }
            }
            self.rekey_identity(&row.inst, &row.changed_keys);
        }
        Ok(())
    }

    /// After an UPDATE that changed primary-key columns (`changed`, column indexes): the
    /// object's identity is its new key, and the identity map finds it there (as
    /// SQLAlchemy's flush re-keys it), no longer under the old one.
    fn rekey_identity(&mut self, inst: &Rc<Instance>, changed: &[usize]) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        let Some(table) = self.orm.reg.metadata.table(&m.table) else {
            return;
        };
        let pk: Vec<usize> = (table.columns.iter().enumerate())
            .filter(|(_, c)| c.primary_key)
            .map(|(i, _)| i)
            .collect();
        if !pk.iter().any(|i| changed.contains(i)) {
            return;
        }
        let Some(old) = self.identity_hkey(inst, &m) else {
            return;
        };
        let values: Vec<Value> = {
            let st = inst.orm.borrow();
            let Some(s) = st.as_ref() else { return };
            pk.iter()
                .map(|&i| s.value(i).cloned().unwrap_or(Value::None))
                .collect()
        };
        let key = super::super::model::identity_key(&values);
        let ident = super::super::identity::Ident::from_values(values);
        if let Some(s) = inst.orm.borrow_mut().as_mut()
            && let Some(before) = s.identity.replace(ident)
        {
            self.orm.key_switches.push((inst.clone(), before));
        }
        let old = super::super::identity::IdentityKey::new(&m.table, old);
        if self
            .orm
            .identity
            .get(&old)
            .is_some_and(|i| Rc::ptr_eq(i, inst))
        {
            self.orm.identity.remove(&old);
        }
        let new = super::super::identity::IdentityKey::new(&m.table, key);
        self.orm.identity.insert(new, inst.clone());
    }

    /// A bind processor's error in an object's UPDATE: with the statement setting its
    /// changed columns and its parameters (the values as given, then the primary key as
    /// `<table>_<column>`).
    fn update_bind_error(
        &mut self,
        e: Box<crate::core::interp::Exc>,
        inst: &Rc<Instance>,
        table: &crate::core::orm::schema::Table,
        changes: &[(String, SqlValue)],
        mut params: Vec<(String, Value)>,
    ) -> Box<crate::core::interp::Exc> {
        let pk = match self.identity_params(inst) {
            Ok(pk) => pk,
            Err(_) => return e,
        };
        let set: Vec<(&str, SqlValue)> = changes
            .iter()
            .map(|(n, v)| (n.as_str(), v.clone()))
            .collect();
        let up = persist::update_row(table, &set, &pk);
        let sql = render(&Statement::Update(up)).sql;
        let ident = inst.orm.borrow().as_ref().and_then(|s| s.identity.clone());
        let ident = ident.as_ref().map_or(&[][..], |i| i.values()).to_vec();
        for (name, v) in table.primary_key().iter().zip(ident) {
            params.push((format!("{}_{name}", table.name), v));
        }
        self.fill_bind_error(e, &sql, params)
    }
}

/// A SQL expression or text default (`onupdate=func.now()`): rendered into the statement.
fn is_sql_default(d: &Value) -> bool {
    matches!(d, Value::Native(n) if matches!(
        &**n,
        crate::core::interp::orm::Native::Sql(_) | crate::core::interp::orm::Native::Text(..)
    ))
}

/// Column `j` has a Python `onupdate` not computed yet while column `at` is (`inline`:
/// the columns set to SQL expressions, which it does not cover).
fn python_onupdate_pending(plan: &TablePlan, j: usize, at: usize, inline: &[usize]) -> bool {
    j >= at
        && !inline.contains(&j)
        && plan.onupdate[j]
            .as_ref()
            .is_some_and(|d| !is_sql_default(d))
}
