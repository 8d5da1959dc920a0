//! The legacy bulk methods of `Session`, as SQLAlchemy 2.0 runs them:
//! `bulk_insert_mappings(Model, [dict, ...])`, `bulk_update_mappings(Model, [dict, ...])` and
//! `bulk_save_objects([obj, ...])`. No autoflush, no identity map, no events, no cascades:
//! saved objects stay outside the session (a new object keeps `id` None, a changed one
//! stays dirty). A `None` value is left out of an INSERT, so the column's default applies
//! (`render_nulls=True` sends it). Consecutive rows with the same keys go in one statement:
//! an executemany when there are several.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::ops;
use crate::core::interp::orm::insert_stmt::InsertObj;
use crate::core::interp::orm::model::{ModelInfo, Status};
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::persist;
use crate::core::sql::{SqlValue, Statement, render};

/// One row of a bulk statement: (column index, value) pairs in table order.
type Cells = Vec<(usize, Value)>;

impl Interp<'_> {
    /// `session.bulk_insert_mappings` / `bulk_update_mappings` / `bulk_save_objects`.
    pub fn session_bulk(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let names: &[&str] = match name {
            "bulk_save_objects" => &[
                "objects",
                "return_defaults",
                "update_changed_only",
                "preserve_order",
            ],
            "bulk_insert_mappings" => &["mapper", "mappings", "return_defaults", "render_nulls"],
            _ => &["mapper", "mappings"],
        };
        let mut got: Vec<Option<Value>> = vec![None; names.len()];
        if args.len() > names.len() {
            // (Counting `self`, as CPython does.)
            let takes = match name {
                "bulk_update_mappings" => "3 positional arguments".to_owned(),
                "bulk_save_objects" => "from 2 to 5 positional arguments".to_owned(),
                _ => "from 3 to 5 positional arguments".to_owned(),
            };
            return self.raise(
                "TypeError",
                format!(
                    "scoped_session.{name}() takes {takes} but {} were given",
                    args.len() + 1
                ),
            );
        }
        for (i, a) in args.into_iter().enumerate() {
            got[i] = Some(a);
        }
        for (k, v) in kw {
            match names.iter().position(|n| **n == *k) {
                Some(i) => got[i] = Some(v),
                None => {
                    return self.raise(
                        "TypeError",
                        format!("scoped_session.{name}() got an unexpected keyword argument '{k}'"),
                    );
                }
            }
        }
        let flag = |me: &mut Self, i: usize| -> R<bool> {
            match got.get(i).cloned().flatten() {
                Some(v) => me.truthy(&v),
                None => Ok(false),
            }
        };
        if name != "bulk_update_mappings"
            && (flag(self, if name == "bulk_save_objects" { 1 } else { 2 })?)
        {
            return self.unsupported(&format!("{name}(return_defaults=True)"));
        }
        let first = got[0].clone();
        let Some(first) = first else {
            return self.raise(
                "TypeError",
                format!(
                    "scoped_session.{name}() missing 1 required positional argument: '{}'",
                    names[0]
                ),
            );
        };
        if name == "bulk_save_objects" {
            let objects = self.iterate(&first)?;
            self.bulk_save_objects(&objects)?;
            return Ok(Value::None);
        }
        let Value::Class(class) = &first else {
            let msg = self.unmapped_message(&first);
            return self.raise("UnmappedClassError", msg);
        };
        let Some(m) = class.model_info() else {
            return self.raise(
                "UnmappedClassError",
                format!("Class '__main__.{}' is not mapped", class.name),
            );
        };
        let Some(mappings) = got[1].clone() else {
            return self.raise(
                "TypeError",
                format!(
                    "scoped_session.{name}() missing 1 required positional argument: 'mappings'"
                ),
            );
        };
        let mut rows = Vec::new();
        for mapping in self.iterate(&mappings)? {
            let mut cells = Cells::new();
            for (k, v) in self.mapping_items(&mapping)? {
                // (Keys that name no column attribute are ignored, as SQLAlchemy does.)
                if let Value::Str(k) = &k
                    && let Some(i) = m.column_index(k)
                {
                    cells.push((i, v));
                }
            }
            crate::core::sort::sort_by_key(&mut cells, |c| c.0);
            rows.push(cells);
        }
        if name == "bulk_insert_mappings" {
            let render_nulls = flag(self, 3)?;
            self.bulk_insert(&m, rows, render_nulls)
        } else {
            self.bulk_update(&m, rows)
        }?;
        Ok(Value::None)
    }

    /// `bulk_save_objects`: the objects without an identity are inserted, the others'
    /// changed columns updated, in runs of one class and one kind.
    fn bulk_save_objects(&mut self, objects: &[Value]) -> R<()> {
        let mut run: Vec<Cells> = Vec::new();
        let mut run_of: Option<(Rc<ModelInfo>, bool)> = None;
        for obj in objects {
            let Value::Instance(inst) = obj else {
                return self.unmapped_instance(obj);
            };
            let Some(m) = inst.class.model_info() else {
                return self.unmapped_instance(obj);
            };
            let update = matches!(self.status(inst), Status::Persistent | Status::Detached);
            let cells = if update {
                changed_cells(inst, &m)
            } else {
                set_cells(inst)
            };
            if let Some((rm, ru)) = &run_of
                && !(Rc::ptr_eq(rm, &m) && *ru == update)
            {
                let (rm, ru) = (rm.clone(), *ru);
                self.bulk_run(&rm, ru, std::mem::take(&mut run))?;
            }
            run_of = Some((m, update));
            run.push(cells);
        }
        if let Some((m, update)) = run_of {
            self.bulk_run(&m, update, run)?;
        }
        Ok(())
    }

    fn bulk_run(&mut self, m: &Rc<ModelInfo>, update: bool, rows: Vec<Cells>) -> R<()> {
        if update {
            self.bulk_update(m, rows)
        } else {
            self.bulk_insert(m, rows, false)
        }
    }

    /// INSERTs rows of a model's table through `insert(Model)`'s executemany grouping,
    /// without an autoflush.
    fn bulk_insert(&mut self, m: &ModelInfo, rows: Vec<Cells>, render_nulls: bool) -> R<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let table = match self.orm.reg.table_of(&m.class) {
            Ok(t) => Rc::from(t.name.as_str()),
            Err(e) => return self.raise(e.class(), e.0),
        };
        let dicts: Vec<Value> = rows
            .into_iter()
            .map(|cells| {
                Value::dict_of(
                    cells
                        .into_iter()
                        .filter(|(_, v)| render_nulls || !matches!(v, Value::None))
                        .map(|(i, v)| (Value::Str(m.columns[i].0.clone()), v))
                        .collect(),
                )
            })
            .collect();
        let ins = InsertObj {
            class: Some(m.class.clone()),
            table,
            values: vec![],
            multi: vec![],
            prefixes: vec![],
            returning: vec![],
            sqlite: false,
            on_conflict: None,
        };
        self.without_autoflush(|i| i.execute_insert(&ins, Some(&Value::list(dicts))))
            .map(|_| ())
    }

    /// UPDATEs rows by primary key: each row's key columns pick the row, its other
    /// columns are set; a row without its whole key, or without anything to set, is
    /// skipped.
    pub(crate) fn bulk_update(&mut self, m: &ModelInfo, rows: Vec<Cells>) -> R<()> {
        let table = match self.orm.reg.table_of(&m.class) {
            Ok(t) => t.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        // Per row: the columns it sets (table order) and its parameters, the SET values
        // then the key's (the order of `persist::update_row`'s placeholders).
        let mut updates: Vec<(Vec<usize>, Vec<SqlValue>)> = Vec::new();
        for cells in rows {
            let mut pk = Vec::new();
            for &pi in &m.pk {
                match cells.iter().find(|(i, _)| *i == pi) {
                    Some((_, v)) => pk.push(self.to_sql_stored(v, &table.columns[pi].ty)?),
                    None => break,
                }
            }
            if pk.len() != m.pk.len() {
                continue;
            }
            let mut sets: Vec<(usize, SqlValue)> = Vec::new();
            for (i, v) in &cells {
                if !m.pk.contains(i) {
                    sets.push((*i, self.to_sql_stored(v, &table.columns[*i].ty)?));
                }
            }
            // (A column with a Python `onupdate=` the row does not set gets it, as
            // SQLAlchemy's UPDATE compiles it in; the context sees the row's values.)
            if !sets.is_empty() {
                for (i, col) in table.columns.iter().enumerate() {
                    if m.pk.contains(&i) || cells.iter().any(|(j, _)| *j == i) {
                        continue;
                    }
                    let d = (self
                        .orm
                        .defaults
                        .get(&(table.name.clone(), col.name.clone())))
                    .and_then(|d| d[1].clone());
                    let Some(d) = d.filter(|d| self.as_sql(d).is_none()) else {
                        continue;
                    };
                    let v = self.eval_default_ctx(&d, &mut |_| {
                        (cells.iter())
                            .map(|(j, v)| (table.columns[*j].key.clone(), v.clone()))
                            .collect()
                    })?;
                    sets.push((i, self.to_sql_stored(&v, &col.ty)?));
                }
                crate::core::sort::sort_by_key(&mut sets, |s| s.0);
            }
            let (set, mut params): (Vec<usize>, Vec<SqlValue>) = sets.into_iter().unzip();
            if !set.is_empty() {
                params.extend(pk);
                updates.push((set, params));
            }
        }
        // Consecutive rows setting the same columns run as one statement, rendered once.
        let mut start = 0;
        while start < updates.len() {
            let mut end = start + 1;
            while end < updates.len() && updates[end].0 == updates[start].0 {
                end += 1;
            }
            let (set, params) = &updates[start];
            let changes: Vec<(&str, SqlValue)> = set
                .iter()
                .zip(params)
                .map(|(&i, v)| (table.columns[i].name.as_str(), v.clone()))
                .collect();
            let pk = &params[set.len()..];
            let sql = render(&Statement::Update(persist::update_row(
                &table, &changes, pk,
            )))
            .sql;
            let matched = if end - start == 1 {
                self.run_sql(&sql, params, true)?.rowcount
            } else {
                let flat: Vec<SqlValue> = updates[start..end]
                    .iter()
                    .flat_map(|(_, p)| p.iter().cloned())
                    .collect();
                self.run_sql_many(&sql, end - start, &flat)?
            };
            // (Each statement must match its rows, as a flush's UPDATEs must.)
            if matched >= 0 && matched != (end - start) as i64 {
                return self.raise(
                    "StaleDataError",
                    format!(
                        "UPDATE statement on table '{}' expected to update {} row(s); {matched} were matched.",
                        table.name,
                        end - start
                    ),
                );
            }
            start = end;
        }
        Ok(())
    }
}

/// A new object's column attributes that are set (in table order).
fn set_cells(inst: &Instance) -> Cells {
    let st = inst.orm.borrow();
    st.as_ref()
        .map(|s| {
            s.slots()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// A persistent object's primary key and the columns changed since it was loaded.
fn changed_cells(inst: &Instance, m: &ModelInfo) -> Cells {
    let st = inst.orm.borrow();
    let Some(s) = st.as_ref() else {
        return Cells::new();
    };
    let mut out = Cells::new();
    for (i, cur) in s.slots().enumerate() {
        let Some(cur) = cur else { continue };
        let changed = match s.committed_value(i) {
            Some(old) => !(ops::is_same(old, cur) || super::flush::simple_eq(old, cur)),
            None => false,
        };
        if changed || m.pk.contains(&i) {
            out.push((i, cur.clone()));
        }
    }
    out
}
