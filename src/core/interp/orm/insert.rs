//! Flush INSERTs the way SQLAlchemy 2.0's unit of work emits them on SQLite.
//!
//! Each pending object becomes a parameter set (`_collect_insert_commands`): attributes
//! set to a value are sent; `None` is skipped (so a Python or server default applies)
//! unless the type evaluates `None` itself (JSON stores `'null'`); Python defaults fill
//! the columns left out; plain columns still missing are sent as `None`
//! (`_insert_cols_as_none`). Consecutive parameter sets of one table with the same keys
//! form a group (`_emit_insert_statements`):
//! - every primary key given, and no server default left to fetch: ONE `executemany`
//!   (one prepared statement, one log entry listing the parameter sets);
//! - otherwise several rows run one by one with `RETURNING` the primary key and the
//!   server-default columns ("insertmanyvalues, batch not supported" on SQLite); a single
//!   row uses `RETURNING` only for server defaults, else `lastrowid`.

use crate::core::fxhash::FxMap;
use std::rc::Rc;

use crate::core::orm::persist;
use crate::core::orm::schema::Table;
use crate::core::sql::{Expr, SqlValue, Statement, render};

use super::super::value::{Instance, Value};
use super::super::{Interp, R};
use super::model::{ModelInfo, Status, column_attr, set_column_attr};
use super::session::convert::{BindFailure, InsertColumn, insert_params};

pub use super::param_repr::{many_repr, param_repr, tuple_repr};

/// What a flush needs to know about one mapped table, built once per flush (so rows do
/// not clone the table).
pub struct TablePlan {
    /// The mapped table.
    pub table: Table,
    /// Per column: sent as `None` when the object has no value (`_insert_cols_as_none`).
    as_none: Vec<bool>,
    /// Per column: `None` is a value of the type (JSON: stored as `'null'`).
    pub eval_none: Vec<bool>,
    /// Per column: has a server default.
    server_default: Vec<bool>,
    /// Per column: the Python insert default.
    insert_default: Vec<Option<Value>>,
    /// Per column: a SQL expression default (`default=func.now()`), rendered into the
    /// INSERT itself and fetched back with `RETURNING`.
    sql_default: Vec<Option<Expr>>,
    /// Per column: the values bound inside its SQL expression default (`'draft'` of
    /// `func.upper('draft')`), sent in its place among the row's parameters.
    sql_default_params: Vec<Vec<SqlValue>>,
    /// Per column: the Python `onupdate` default.
    pub onupdate: Vec<Option<Value>>,
    /// Primary key column indexes.
    pub pk: Vec<usize>,
    /// True when SQLite generates the primary key.
    autoinc: bool,
}

/// Plans by class, for one flush (the last one used answered without hashing: a flush
/// mostly walks long runs of one class).
#[derive(Default)]
pub struct Plans {
    by_class: FxMap<Rc<str>, Rc<TablePlan>>,
    last: Option<(Rc<str>, Rc<TablePlan>)>,
    /// The columns the previous object sent (the next one usually sends the same:
    /// shared, not allocated again).
    last_cols: Option<Rc<[usize]>>,
    /// Room to collect an object's columns in (reused from object to object).
    scratch_cols: Vec<usize>,
}

/// An object of an INSERT group, and where its parameter values lie in the group's buffer.
type Member = (Rc<Instance>, std::ops::Range<usize>);

/// One pending object's INSERT parameters.
struct Prepared {
    inst: Rc<Instance>,
    m: Rc<ModelInfo>,
    plan: Rc<TablePlan>,
    /// Column indexes sent, in table order.
    cols: Rc<[usize]>,
    /// Where its parameter values lie in the flush's value buffer (one buffer for a
    /// group's objects: no vector per object).
    values: std::ops::Range<usize>,
    /// Column indexes (among `cols`) whose value is their SQL expression default, not a
    /// bound parameter.
    inline: Vec<usize>,
    /// Columns the object set to a SQL expression (`slug=func.lower(...)`): rendered
    /// into its INSERT (sent alone), the attributes expired afterwards.
    sql_values: Vec<(usize, Expr)>,
    has_all_pks: bool,
    /// Columns (of the first 64) whose value came from their Python-side default: SQLAlchemy
    /// leaves those out of an object's parameters (its Core statement fills them in), so
    /// objects that set such a column and objects that do not go in different batches.
    defaulted: u64,
    /// Some server-default column is not sent: its value must come back.
    server_missing: bool,
    level: usize,
}

impl Prepared {
    fn same_group(&self, other: &Prepared) -> bool {
        // (Classes of one single-table hierarchy that see the same columns batch
        // together, as SQLAlchemy groups a table's rows across its mappers.)
        let (a, b) = (&self.plan.table, &other.plan.table);
        (Rc::ptr_eq(&self.plan, &other.plan)
            || a.name == b.name
                && a.columns.len() == b.columns.len()
                && a.columns
                    .iter()
                    .zip(&b.columns)
                    .all(|(x, y)| x.name == y.name))
            && self.level == other.level
            && (Rc::ptr_eq(&self.cols, &other.cols) || self.cols == other.cols)
            && self.inline == other.inline
            && self.sql_values.is_empty()
            && other.sql_values.is_empty()
            && self.has_all_pks == other.has_all_pks
            && self.defaulted == other.defaulted
            && self.server_missing == other.server_missing
    }
}

/// Unloads the column slots of `mask` (the first 64 columns): the Python defaults an
/// INSERT that failed had written on the object.
fn clear_slots(inst: &Instance, mask: u64) {
    if mask == 0 {
        return;
    }
    if let Some(s) = inst.orm.borrow_mut().as_mut() {
        for (i, slot) in s.slots_mut().iter_mut().enumerate().take(64) {
            if mask & (1u64 << i) != 0 {
                *slot = None;
            }
        }
    }
}

/// The INSERT of `plan`'s table sending columns `cols` (indexes, table order; those in
/// `inline` as their SQL expression default, those of `sql_values` as the object's SQL
/// expression), with `RETURNING` columns `returning` (rendered once per group, run per
/// row).
fn insert_sql(
    plan: &TablePlan,
    cols: &[usize],
    inline: &[usize],
    sql_values: &[(usize, Expr)],
    returning: &[usize],
) -> String {
    let name = |i: &usize| plan.table.columns[*i].name.as_str();
    let template: Vec<(&str, SqlValue)> = cols.iter().map(|i| (name(i), SqlValue::Null)).collect();
    let ret: Vec<&str> = returning.iter().map(name).collect();
    let mut insert = persist::insert_row(&plan.table, &template, &ret);
    if let Some(row) = insert.rows.first_mut() {
        for (slot, i) in row.iter_mut().zip(cols) {
            if inline.contains(i)
                && let Some(e) = &plan.sql_default[*i]
            {
                *slot = e.clone();
            }
            if let Some((_, e)) = sql_values.iter().find(|(c, _)| c == i) {
                *slot = e.clone();
            }
        }
    }
    render(&Statement::Insert(insert)).sql
}

impl Interp<'_> {
    /// What a context-taking insert default's `get_current_parameters()` holds: the
    /// INSERT's bound columns in table order, each with its value so far (`None` for a
    /// default not computed yet, and for a column sent as `None`); a SQL default is
    /// rendered inline, not bound.
    fn insert_context_params(
        &mut self,
        inst: &Rc<Instance>,
        plan: &TablePlan,
    ) -> Vec<(String, Value)> {
        let mut out = vec![];
        for (i, c) in plan.table.columns.iter().enumerate() {
            let v = match column_attr(inst, i) {
                Some(Value::None) if plan.eval_none[i] => Value::None,
                Some(Value::None) | None => {
                    if plan.sql_default[i].is_some() {
                        continue;
                    }
                    if plan.insert_default[i].is_none() && !plan.as_none[i] {
                        continue;
                    }
                    Value::None
                }
                Some(v) if self.assigned_sql(&v).is_some() => continue,
                Some(v) => v,
            };
            out.push((c.key.clone(), v));
        }
        out
    }

    /// The flush plan of a model's table (built on first use in this flush).
    pub fn table_plan(&mut self, plans: &mut Plans, m: &ModelInfo) -> Option<Rc<TablePlan>> {
        if let Some((c, p)) = &plans.last
            && Rc::ptr_eq(c, &m.class)
        {
            return Some(p.clone());
        }
        if let Some(p) = plans.by_class.get(&m.class) {
            plans.last = Some((m.class.clone(), p.clone()));
            return Some(p.clone());
        }
        let table = self.orm.reg.table_of(&m.class).ok()?.clone();
        let none_cols = persist::insert_cols_as_none(&table);
        let mut plan = TablePlan {
            as_none: table
                .columns
                .iter()
                .map(|c| none_cols.contains(&c.name.as_str()))
                .collect(),
            eval_none: table.columns.iter().map(|c| c.evaluates_none()).collect(),
            server_default: table
                .columns
                .iter()
                .map(|c| c.server_default.is_some())
                .collect(),
            insert_default: Vec::with_capacity(table.columns.len()),
            sql_default: Vec::with_capacity(table.columns.len()),
            sql_default_params: Vec::with_capacity(table.columns.len()),
            onupdate: Vec::with_capacity(table.columns.len()),
            pk: m.pk.clone(),
            autoinc: persist::pk_is_autoincrement(&table),
            table,
        };
        for c in &plan.table.columns {
            let d = self
                .orm
                .defaults
                .get(&(plan.table.name.clone(), c.name.clone()))
                .cloned();
            let default = d.as_ref().and_then(|d| d[0].clone());
            // A SQL expression (`func.now()`) or fragment (`text('6 * 7')`).
            let sql = default.as_ref().and_then(|v| match v {
                Value::Native(n) => match &**n {
                    super::Native::Sql(s) => Some(s.expr.clone()),
                    super::Native::Text(..) => self.as_sql(v).map(|s| s.expr),
                    _ => None,
                },
                _ => None,
            });
            plan.insert_default
                .push(if sql.is_some() { None } else { default });
            plan.sql_default_params.push(
                sql.as_ref()
                    .map(|e| crate::core::sql::render::render_expr(e).params)
                    .unwrap_or_default(),
            );
            plan.sql_default.push(sql);
            plan.onupdate.push(d.and_then(|[_, u, ..]| u));
        }
        let plan = Rc::new(plan);
        plans.by_class.insert(m.class.clone(), plan.clone());
        plans.last = Some((m.class.clone(), plan.clone()));
        Some(plan)
    }

    /// The INSERT parameters of one pending object (Python defaults are evaluated and
    /// stored on the object, as SQLAlchemy's prefetch does).
    fn prepare_insert(
        &mut self,
        plans: &mut Plans,
        inst: &Rc<Instance>,
        level: usize,
        values: &mut Vec<SqlValue>,
    ) -> R<Option<Prepared>> {
        let Some(m) = inst.class.model_info() else {
            return Ok(None);
        };
        let Some(plan) = self.table_plan(plans, &m) else {
            return Ok(None);
        };
        // (A versioned object starts at version 1, SQLAlchemy's first generated value,
        // whatever it was given.)
        if let Some(v) = m.version_col {
            set_column_attr(inst, v, Value::int(1));
        }
        let n = plan.table.columns.len();
        let mut cols = std::mem::take(&mut plans.scratch_cols);
        cols.clear();
        let start = values.len();
        let mut inline = Vec::new();
        let mut sql_values = Vec::new();
        let mut defaulted = 0u64;
        let mut bind_err = None;
        let mut default_failed = false;
        // (Every column set to a value other than `None`, as a constructed object's
        // usually are: each value is converted in place, under one borrow.)
        let all_set = inst.orm.borrow().as_ref().is_some_and(|s| {
            s.slots().len() == n
                && s.slots()
                    .all(|v| v.is_some_and(|v| !matches!(v, Value::None | Value::Native(_))))
        });
        if all_set {
            let st = inst.orm.borrow();
            if let Some(s) = st.as_ref() {
                for (i, v) in s.slots().enumerate() {
                    if let Some(v) = v {
                        let at = values.len() - start + 1;
                        let ty = &plan.table.columns[i].ty;
                        let sv = self.stored_or_note(v, ty, &mut bind_err, at);
                        values.push(sv);
                        cols.push(i);
                    }
                }
            }
        } else {
            for i in 0..n {
                let cur = column_attr(inst, i);
                let v = match cur {
                    Some(Value::None) if plan.eval_none[i] => {
                        cols.push(i);
                        values.push(SqlValue::Text("null".into()));
                        continue;
                    }
                    Some(Value::None) | None if plan.sql_default[i].is_some() => {
                        cols.push(i);
                        inline.push(i);
                        values.extend(plan.sql_default_params[i].iter().cloned());
                        continue;
                    }
                    Some(Value::None) | None => match &plan.insert_default[i] {
                        // (After a default failed, the others are not computed: the
                        // statement is only rendered for the error.)
                        Some(_) if default_failed => {
                            cols.push(i);
                            values.push(SqlValue::Null);
                            continue;
                        }
                        Some(d) => {
                            let v = match self.eval_default_ctx(d, &mut |it| {
                                it.insert_context_params(inst, &plan)
                            }) {
                                Ok(v) => v,
                                Err(e) => {
                                    // (Defaults run before bind processors: this error
                                    // is the one raised.)
                                    let e = self.wrap_default_error(e);
                                    bind_err = Some(BindFailure::Processor(e));
                                    default_failed = true;
                                    cols.push(i);
                                    values.push(SqlValue::Null);
                                    continue;
                                }
                            };
                            defaulted |= 1u64.checked_shl(i as u32).unwrap_or(0);
                            set_column_attr(inst, i, v.clone());
                            Some(v)
                        }
                        None => None,
                    },
                    Some(v @ Value::Native(_)) => match self.assigned_sql(&v) {
                        // A SQL expression: rendered into the INSERT, its binds sent.
                        Some(e) => {
                            cols.push(i);
                            values.extend(crate::core::sql::render::render_expr(&e).params);
                            sql_values.push((i, e));
                            continue;
                        }
                        None => Some(v),
                    },
                    Some(v) => Some(v),
                };
                match v {
                    Some(v) => {
                        let at = values.len() - start + 1;
                        let ty = &plan.table.columns[i].ty;
                        let sv = self.stored_or_note(&v, ty, &mut bind_err, at);
                        cols.push(i);
                        values.push(sv);
                    }
                    None if plan.as_none[i] => {
                        cols.push(i);
                        values.push(SqlValue::Null);
                    }
                    None => {}
                }
            }
        }
        let has_all_pks = plan.pk.iter().all(|p| cols.contains(p));
        let server_missing =
            !inline.is_empty() || (0..n).any(|i| plan.server_default[i] && !cols.contains(&i));
        if let Some(failure) = bind_err {
            // The INSERT it failed in, and the object's values as given.
            let returning = if server_missing {
                returned_columns(&plan, &cols, &inline)
            } else {
                Vec::new()
            };
            let sql = insert_sql(&plan, &cols, &inline, &sql_values, &returning);
            let e = match failure {
                BindFailure::Processor(e) => e,
                BindFailure::Refused(at, v) => {
                    let params = values.split_off(start);
                    plans.scratch_cols = cols;
                    clear_slots(inst, defaulted);
                    return self.raise_refused_param(&sql, &params, at, &v);
                }
            };
            let columns: Vec<InsertColumn> = (plan.table.columns.iter().enumerate())
                .map(|(i, c)| InsertColumn {
                    key: &c.key,
                    value: column_attr(inst, i).filter(|_| defaulted & (1 << i.min(63)) == 0),
                    as_none: plan.as_none[i],
                    eval_none: plan.eval_none[i],
                })
                .collect();
            let params = insert_params(&columns);
            plans.scratch_cols = cols;
            clear_slots(inst, defaulted);
            return Err(self.fill_bind_error(e, &sql, params));
        }
        let shared: Rc<[usize]> = match &plans.last_cols {
            Some(last) if **last == *cols => last.clone(),
            _ => {
                let shared: Rc<[usize]> = Rc::from(&cols[..]);
                plans.last_cols = Some(shared.clone());
                shared
            }
        };
        plans.scratch_cols = cols;
        let cols = shared;
        Ok(Some(Prepared {
            inst: inst.clone(),
            m,
            plan,
            cols,
            values: start..values.len(),
            inline,
            sql_values,
            has_all_pks,
            defaulted,
            server_missing,
            level,
        }))
    }

    /// Inserts the pending objects `new` (already in dependency order), grouping them
    /// as SQLAlchemy does. `before` runs on each object just before its parameters are
    /// collected (foreign keys from parents inserted earlier in this flush).
    pub fn flush_inserts(
        &mut self,
        plans: &mut Plans,
        new: &[Rc<Instance>],
        levels: &FxMap<usize, usize>,
        before: impl FnMut(&mut Self, &Rc<Instance>) -> R<()>,
    ) -> R<()> {
        let mut defaulted = Vec::new();
        let r = self.flush_inserts_noting(plans, new, levels, before, &mut defaulted);
        if r.is_err() {
            // (The objects of the INSERTs that failed or did not run lose the Python
            // defaults written on them: SQLAlchemy sets those once the statement, all of a
            // batch's rows, went through.)
            for (inst, mask) in defaulted {
                clear_slots(&inst, mask);
            }
        }
        r
    }

    /// [`Self::flush_inserts`], noting the objects given Python defaults (`defaulted`).
    fn flush_inserts_noting(
        &mut self,
        plans: &mut Plans,
        new: &[Rc<Instance>],
        levels: &FxMap<usize, usize>,
        mut before: impl FnMut(&mut Self, &Rc<Instance>) -> R<()>,
        defaulted: &mut Vec<(Rc<Instance>, u64)>,
    ) -> R<()> {
        // The group: its first object's parameters (what the others share with it), and
        // each object with where its values lie in `buf`, one object's after the other.
        let mut head: Option<Prepared> = None;
        let mut members: Vec<Member> = Vec::new();
        let mut buf: Vec<SqlValue> = Vec::new();
        for inst in new {
            let level = if levels.is_empty() {
                0
            } else {
                levels
                    .get(&(Rc::as_ptr(inst) as usize))
                    .copied()
                    .unwrap_or(0)
            };
            // Another table or level may hang off the rows collected so far (its foreign
            // keys come from them): insert those first.
            let table = inst.class.model_info().map(|m| m.table.clone());
            let same_table = |g: &Prepared| {
                table
                    .as_ref()
                    .is_some_and(|t| Rc::ptr_eq(t, &g.m.table) || *t == g.m.table)
            };
            if let Some(g) = head.take_if(|g| g.level != level || !same_table(g)) {
                self.insert_group(g, std::mem::take(&mut members), &buf)?;
                defaulted.clear();
                buf.clear();
            }
            before(self, inst)?;
            let Some(mut p) = self.prepare_insert(plans, inst, level, &mut buf)? else {
                continue;
            };
            if let Some(g) = head.take_if(|g| !g.same_group(&p)) {
                // (This object's values, last in the buffer, start the next group's.)
                let next = buf.split_off(p.values.start);
                self.insert_group(g, std::mem::take(&mut members), &buf)?;
                defaulted.clear();
                buf = next;
                p.values = 0..buf.len();
            }
            if p.defaulted != 0 {
                defaulted.push((p.inst.clone(), p.defaulted));
            }
            members.push((p.inst.clone(), p.values.clone()));
            head.get_or_insert(p);
        }
        if let Some(g) = head {
            self.insert_group(g, members, &buf)?;
        }
        Ok(())
    }

    /// INSERTs a group: objects whose parameters `first` describes (see [`Prepared::same_group`]).
    fn insert_group(&mut self, first: Prepared, group: Vec<Member>, buf: &[SqlValue]) -> R<()> {
        let first = &first;
        let plan = first.plan.clone();
        let cols = first.cols.clone();
        let inline = first.inline.clone();
        if first.has_all_pks && !first.server_missing {
            let sql = insert_sql(&plan, &cols, &inline, &first.sql_values, &[]);
            // (The group's values are one run of the buffer.)
            let values = &buf[first.values.start..group[group.len() - 1].1.end];
            if group.len() == 1 {
                self.run_sql(&sql, values, true)?;
            } else {
                self.run_sql_many(&sql, group.len(), values)?;
            }
            // (Room for the group's identities: no rehashing while they go in.)
            self.orm.identity.reserve(group.len());
            self.orm.identity_order.reserve(group.len());
            self.orm.inserted_in_tx.reserve(group.len());
            for (inst, _) in &group {
                self.finish_insert(first, inst, None, 0);
            }
            return Ok(());
        }
        // RETURNING: the primary key, the server defaults not sent and the SQL expression
        // defaults, in table order (a single row with nothing to fetch uses lastrowid,
        // unless versioned: SQLAlchemy asks for the version back).
        let returning = if group.len() > 1 || first.server_missing || first.m.version_col.is_some()
        {
            returned_columns(&plan, &cols, &inline)
        } else {
            Vec::new()
        };
        let sql = insert_sql(&plan, &cols, &inline, &first.sql_values, &returning);
        // (SQLAlchemy applies what a batch returned once all its rows went in: when one
        // fails, none of the batch's objects gets its primary key.)
        let mut done = Vec::with_capacity(group.len());
        for (inst, values) in &group {
            let res = self.run_sql(&sql, &buf[values.clone()], true)?;
            let row = res.rows.into_iter().next();
            let returned = match row {
                Some(row) => {
                    let mut out = Vec::with_capacity(returning.len());
                    for (&i, v) in returning.iter().zip(row) {
                        let py = self.from_sql(&v, Some(&plan.table.columns[i].ty))?;
                        out.push((i, py));
                    }
                    Some(out)
                }
                None => None,
            };
            done.push((inst, returned, res.lastrowid));
        }
        for (inst, returned, rowid) in done {
            self.finish_insert(first, inst, returned, rowid);
            // (A key neither given nor generated, `autoincrement=False`: SQLAlchemy's
            // flush refuses the object once its row is in.)
            let null_key = (inst.orm.borrow().as_ref())
                .and_then(|s| {
                    s.identity
                        .as_ref()
                        .map(|k| k.values().iter().all(|v| matches!(v, Value::None)))
                })
                .unwrap_or(false);
            if null_key {
                let m = format!(
                    "Instance <{} at 0x7f0000000000> has a NULL identity key.  If this is an auto-generated value, check that the database table allows generation of new primary key values, and that the mapped Column object is configured to expect these generated values.  Ensure also that this flush() is not occurring at an inappropriate time, such as within a load() event.",
                    inst.class.name
                );
                return self.raise("FlushError", m);
            }
        }
        Ok(())
    }

    /// After a row is inserted: primary key and fetched server defaults onto the object,
    /// its committed snapshot, the identity map.
    fn finish_insert(
        &mut self,
        p: &Prepared,
        inst: &Rc<Instance>,
        returned: Option<Vec<(usize, Value)>>,
        rowid: i64,
    ) {
        let m = &p.m;
        let plan = &p.plan;
        let fetched = returned.is_some();
        let mut ident = None;
        let mut expired = false;
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            // (The snapshot is reset below: no copy of it here.)
            let slots = s.slots_mut();
            if let Some(vals) = returned {
                for (i, v) in vals {
                    if let Some(slot) = slots.get_mut(i) {
                        *slot = Some(v);
                    }
                }
            } else if plan.autoinc
                && !p.has_all_pks
                && let Some(slot) = slots.get_mut(plan.pk[0])
            {
                *slot = Some(Value::int(rowid));
            }
            // (A one-column key, the common case, without a vector.)
            let mut vals: Vec<Value> = Vec::new();
            for &pi in &plan.pk {
                let v = slots.get(pi).cloned().flatten().unwrap_or(Value::None);
                if plan.pk.len() == 1 {
                    ident = Some(super::model::Ident::One(v));
                } else {
                    vals.push(v);
                }
            }
            if plan.pk.len() != 1 {
                ident = Some(super::model::Ident::Many(vals));
            }
            let mut unset = Vec::new();
            for i in 0..plan.table.columns.len().min(slots.len()) {
                if !p.sql_values.is_empty() && p.sql_values.iter().any(|(c, _)| *c == i) {
                    continue;
                }
                if plan.server_default[i] && !fetched && slots[i].is_none() {
                    // Not fetched: loads on access.
                    expired = true;
                    continue;
                }
                if slots[i].is_none() {
                    slots[i] = Some(Value::None);
                    unset.push(i);
                }
            }
            for i in unset {
                s.note_unset(i);
            }
            // The snapshot is what was just written.
            s.committed = None;
            // (What SQL computed is read again on access.)
            for (i, _) in &p.sql_values {
                s.expire_column(*i);
            }
        }
        let ident = ident.unwrap_or(super::model::Ident::Many(vec![]));
        let key =
            super::model::IdentityKey::new(&m.table, super::model::identity_key(ident.values()));
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.status = Status::Persistent;
            s.identity = Some(ident);
            s.expired = expired;
        }
        self.add_identity_keyed(key, inst);
        self.orm.inserted_in_tx.push(inst.clone());
    }
}

/// The columns an INSERT's RETURNING fetches, in table order: the primary key, the server
/// defaults not sent and the SQL expression defaults (`inline`).
fn returned_columns(plan: &TablePlan, cols: &[usize], inline: &[usize]) -> Vec<usize> {
    (0..plan.table.columns.len())
        .filter(|i| {
            plan.pk.contains(i)
                || (plan.server_default[*i] && !cols.contains(i))
                || inline.contains(i)
        })
        .collect()
}

/// True when nothing changed on a just-inserted object since its INSERT: every
/// committed value is still the very same value in its dict (so the flush's UPDATE pass
/// has nothing to do and can skip the column-by-column comparison).
pub fn unchanged_since_insert(inst: &Instance) -> bool {
    let orm = inst.orm.borrow();
    let Some(s) = orm.as_ref() else {
        return true;
    };
    let Some(committed) = &s.committed else {
        return true;
    };
    committed.iter().zip(s.slots()).all(|(old, cur)| {
        let Some(old) = old else { return true };
        cur.is_some_and(|cur| match (old, cur) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a == b,
            (Value::DateTime(a), Value::DateTime(b)) => Rc::ptr_eq(a, b),
            (Value::Decimal(a), Value::Decimal(b)) => Rc::ptr_eq(a, b),
            (Value::TimeDelta(a), Value::TimeDelta(b)) => Rc::ptr_eq(a, b),
            (Value::Date(a), Value::Date(b)) => a == b,
            (Value::Time(a), Value::Time(b)) => a == b,
            _ => matches!((old.ptr(), cur.ptr()), (Some(a), Some(b)) if a == b),
        })
    })
}
