//! Deferred column loading: `options(load_only(...))`, `defer(...)`, `undefer(...)`.
//!
//! A plain load of one class leaves the deferred columns out of its SELECT; the objects it
//! builds have those slots unloaded, and reading one loads that column alone, as
//! SQLAlchemy's deferred column loader does (`SELECT t.col AS t_col FROM t WHERE t.id = ?`).

use std::rc::Rc;

use crate::core::interp::orm::model::{Status, column_attr};
use crate::core::interp::orm::session::FlatRows;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::query::{ColumnLoad, Query, deferred_columns, get_statement};
use crate::core::sql::{Expr, FromItem, Select, SqlValue, Statement};

use super::Ent;

/// The columns a load leaves unloaded: their indices in the class's table, and its width.
pub struct Deferred {
    /// Column indices, ascending.
    pub columns: Vec<usize>,
    /// The table's number of columns.
    pub width: usize,
    /// The class's `column_property`s, which a row lists around the table's columns.
    pub extra: usize,
    /// How many of them come before the table's columns.
    pub lead: usize,
}

impl Deferred {
    /// The SELECT without the deferred columns (a plain load of the class lists its
    /// leading `column_property`s, then the table's columns in order, then the others).
    pub fn narrow(&self, mut select: Select) -> Select {
        let mut i = 0;
        select.columns.retain(|_| {
            let keep = !self.dropped(i);
            i += 1;
            keep
        });
        select
    }

    /// True when a row's cell `pos` is a deferred column's.
    fn dropped(&self, pos: usize) -> bool {
        pos.checked_sub(self.lead)
            .is_some_and(|c| self.columns.contains(&c))
    }

    /// [`Self::narrow`] for a query wrapped in a subquery for its eager loads: the
    /// subquery's columns narrowed too.
    pub fn narrow_wrapped(&self, select: Select) -> Select {
        let mut select = self.narrow(select);
        let mut item = select.from.first_mut();
        while let Some(FromItem::Join { left, .. }) = item {
            item = Some(&mut **left);
        }
        if let Some(FromItem::Subquery { select: inner, .. }) = item {
            let taken = std::mem::take(&mut **inner);
            **inner = self.narrow(taken);
        }
        select
    }

    /// The rows widened back to their full width (the table's columns and the
    /// properties around them), NULL in the deferred columns.
    pub fn widen(&self, rows: FlatRows) -> FlatRows {
        let full = self.width + self.extra;
        let narrow = full - self.columns.len();
        let mut values = Vec::with_capacity(rows.len() * full);
        let n = rows.values.len().checked_div(narrow).unwrap_or(0);
        let mut cells = rows.values.into_iter();
        for _ in 0..n {
            for c in 0..full {
                if self.dropped(c) {
                    values.push(SqlValue::Null);
                } else {
                    values.push(cells.next().unwrap_or(SqlValue::Null));
                }
            }
        }
        FlatRows {
            width: full,
            values,
        }
    }

    /// One row of a SELECT [`Self::narrow`]ed, widened back: NULL in the deferred
    /// columns, the columns after the table's (eager loads') kept as they are.
    pub fn widen_row(&self, row: Vec<SqlValue>) -> Vec<SqlValue> {
        let mut out = Vec::with_capacity(row.len() + self.columns.len());
        let mut cells = row.into_iter();
        for c in 0..self.lead + self.width {
            out.push(match self.dropped(c) {
                true => SqlValue::Null,
                false => cells.next().unwrap_or(SqlValue::Null),
            });
        }
        out.extend(cells);
        out
    }
}

/// Unloads the slots `columns` of `inst` that a load filled with NULL (an object the
/// load refreshed whole: expired, or with `populate_existing`).
pub fn unload_columns(columns: &[usize], inst: &Instance) {
    if let Some(s) = inst.orm.borrow_mut().as_mut() {
        let slots = s.slots_mut();
        for &c in columns {
            if let Some(slot) = slots.get_mut(c)
                && matches!(slot, Some(Value::None))
            {
                *slot = None;
            }
        }
    }
}

impl Interp<'_> {
    /// The columns a load of one class leaves unloaded: the class's deferred columns
    /// (`deferred(Column(...))`) and what `q`'s column options defer, `undefer` taking
    /// one back (`None` when none are). Column options on any other load are refused;
    /// there the deferred columns load.
    pub(super) fn deferred_of(&mut self, q: &Query, ents: &[Ent]) -> R<Option<Deferred>> {
        let [Ent::Class(class)] = ents else {
            if q.columns.is_empty() {
                return Ok(None);
            }
            return self.unsupported("`load_only()`/`defer()` in a query of several entities");
        };
        self.deferred_of_class(q, class)
    }

    /// [`Self::deferred_of`] for a load of `class` alone.
    pub(crate) fn deferred_of_class(&mut self, q: &Query, class: &str) -> R<Option<Deferred>> {
        let mapped = match self.orm.reg.mapper(class) {
            Ok(m) => m.deferred.clone(),
            Err(_) => vec![],
        };
        if q.columns.is_empty() && mapped.is_empty() {
            return Ok(None);
        }
        // (A class with `column_property`s: its deferred columns are left out, its
        // properties load after the table's columns; column options are refused.)
        let (lead, extra) = self.orm.reg.props_layout(class);
        if extra > 0 && !q.columns.is_empty() {
            return self.unsupported("`load_only()`/`defer()` of a class with a `column_property`");
        }
        let Ok(table) = self.orm.reg.table_of(class) else {
            return Ok(None);
        };
        let options: Vec<ColumnLoad> = (mapped.into_iter())
            .map(|key| ColumnLoad::Defer(class.to_string(), key))
            .chain(q.columns.iter().cloned())
            .collect();
        let columns = deferred_columns(&options, class, table);
        if columns.is_empty() {
            return Ok(None);
        }
        Ok(Some(Deferred {
            columns,
            width: table.columns.len(),
            extra,
            lead,
        }))
    }

    /// Reads an unloaded column of a persistent object: loads that column alone (an
    /// unloaded `column_property`: every unloaded one, as SQLAlchemy loads expired
    /// attributes together).
    pub fn load_deferred_column(&mut self, inst: &Rc<Instance>, i: usize) -> R<Value> {
        let Some(m) = inst.class.model_info() else {
            return Ok(Value::None);
        };
        if self.status(inst) != Status::Persistent {
            return Ok(Value::None);
        }
        let Ok(table) = self.orm.reg.table_of(&m.class).cloned() else {
            return Ok(Value::None);
        };
        let n = table.columns.len();
        // (An expired column loads with the other expired ones; a deferred one alone.)
        let expired: Vec<usize> = match inst.orm.borrow().as_ref() {
            Some(s) if i < n && s.column_expired(i) => (0..n)
                .filter(|&j| j == i || s.column_expired(j) && s.value(j).is_none())
                .collect(),
            _ => vec![],
        };
        let slots: Vec<usize> = match i < n {
            true if !expired.is_empty() => expired,
            true => vec![i],
            false => (n..n + m.props.len())
                .filter(|&j| j == i || column_attr(inst, j).is_none())
                .collect(),
        };
        let mut exprs = Vec::with_capacity(slots.len());
        for &j in &slots {
            exprs.push(match table.columns.get(j) {
                Some(col) => (
                    Expr::col(&table.name, col.name.clone()),
                    Some(col.ty.clone()),
                ),
                None => {
                    let attr = super::super::Instrumented {
                        class: m.class.clone(),
                        key: Rc::from(""),
                        column: Some(j),
                        via: None,
                    };
                    match self.prop_sql(&attr, j - n) {
                        Some(p) => (p.expr, p.ty),
                        None => return Ok(Value::None),
                    }
                }
            });
        }
        self.autoflush()?;
        let pk = self.identity_params(inst)?;
        let mut sel = match get_statement(&self.orm.reg, &m.class, pk) {
            Ok(s) => s,
            Err(e) => return self.raise(e.class(), e.0),
        };
        sel.columns = exprs.iter().map(|(e, _)| e.clone()).collect();
        if self.orm.plain_refresh {
            sel.label_style = crate::core::sql::LabelStyle::DisambiguateOnly;
        }
        let res = self.run_stmt(&Statement::Select(sel), true)?;
        let Some(row) = res.rows.first() else {
            return self.raise(
                "ObjectDeletedError",
                format!("Instance '<{} at 0x7f0000000000>' has been deleted, or its row is otherwise not present.", m.class),
            );
        };
        let mut out = Value::None;
        for ((&j, (_, ty)), cell) in slots.iter().zip(&exprs).zip(row) {
            let v = self.from_sql(cell, ty.as_ref())?;
            if j == i {
                out = v.clone();
            }
            if let Some(s) = inst.orm.borrow_mut().as_mut() {
                s.load_column(j, Some(v));
            }
        }
        Ok(out)
    }
}
