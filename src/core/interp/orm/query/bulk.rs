//! `Query.update(values)` and `Query.delete()` (and the 2.0 `update()`/`delete()`
//! statements run through them): the statement, its `onupdate=` columns, and the
//! session's synchronization (`bulk_sync.rs`).

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::sql::{Expr, Statement};

use super::QueryObj;
use super::bulk_sync::{SyncMode, bulk_rowcount};
use crate::core::interp::orm::result::ResultObj;

impl Interp<'_> {
    /// `Query.update(values)` / `Query.delete()` on `q` (`qo` as the script holds it):
    /// the rows matched, as SQLAlchemy counts them, and what `q.returning` asked for.
    pub(crate) fn bulk_dml(
        &mut self,
        qo: &QueryObj,
        q: &QueryObj,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<BulkDone> {
        // (SQLAlchemy updates and deletes through an alias, `UPDATE user AS user_1`.)
        if matches!(name, "update" | "delete")
            && matches!(q.q.filter_by_entity(&self.orm.reg), Some((_, Some(_))))
        {
            return self.unsupported("bulk `update()`/`delete()` of an aliased class");
        }
        match name {
            "update" | "delete" if bulk_misuse(&qo.q).is_some() => {
                let which = bulk_misuse(&qo.q).unwrap_or_default();
                self.raise(
                    "InvalidRequestError",
                    format!(
                        "Can't call Query.update() or Query.delete() when {which} has been called"
                    ),
                )
            }
            "update" => {
                let Some(vals) = args.first() else {
                    return self.raise("TypeError", "update() missing values");
                };
                let items = self.mapping_items(vals)?;
                let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
                let table = self.orm.reg.table_of(&class).cloned();
                let Ok(table) = table else {
                    return Ok(BulkDone::default());
                };
                let mut pairs: Vec<(String, Expr)> = vec![];
                // (The plain values as the script gave them, by column name: what the
                // session's synchronization stores on the objects it matched.)
                let mut given: Vec<(String, Value)> = vec![];
                for (k, v) in items {
                    let key = match &k {
                        Value::Str(s) => s.to_string(),
                        other => match self.as_sql(other) {
                            Some(s) => s.key.map(|k| k.to_string()).unwrap_or_default(),
                            None => String::new(),
                        },
                    };
                    if table.col_by_key(&key).is_none() {
                        return self
                            .raise("CompileError", format!("Unconsumed column names: {key}"));
                    }
                    let ty = table.col_by_key(&key).map(|c| c.ty.clone());
                    // A plain value is written as the column stores it (a `Float`
                    // column gets a float), an expression as it is.
                    let e = match (&ty, self.as_sql(&v)) {
                        (Some(t), None) if !matches!(&v, Value::Native(_)) => {
                            if let Some(c) = table.col_by_key(&key) {
                                given.push((c.name.clone(), v.clone()));
                            }
                            Expr::bind(self.to_sql_stored(&v, t)?)
                        }
                        _ => self.to_expr(&v, ty.as_ref())?.expr,
                    };
                    pairs.push((key, e));
                }
                // Columns with an `onupdate=` default not given are set too, after the
                // given ones, as SQLAlchemy's bulk UPDATE does.
                for col in &table.columns {
                    if pairs.iter().any(|(k, _)| *k == col.key || *k == col.name) {
                        continue;
                    }
                    let key = (table.name.clone(), col.name.clone());
                    let Some(d) = self.orm.defaults.get(&key).and_then(|d| d[1].clone()) else {
                        continue;
                    };
                    let e = match self.as_sql(&d) {
                        Some(sql) => sql.expr,
                        // (A context-taking one sees the values the statement sets.)
                        None => {
                            let v = self.eval_default_ctx(&d, &mut |_| {
                                (given.iter())
                                    .filter_map(|(n, v)| {
                                        let c = table.columns.iter().find(|c| c.name == *n)?;
                                        Some((c.key.clone(), v.clone()))
                                    })
                                    .collect()
                            })?;
                            Expr::bind(self.to_sql_stored(&v, &col.ty)?)
                        }
                    };
                    let key = if col.key.is_empty() {
                        &col.name
                    } else {
                        &col.key
                    };
                    pairs.push((key.clone(), e));
                }
                let refs: Vec<(&str, Expr)> =
                    pairs.iter().map(|(k, e)| (k.as_str(), e.clone())).collect();
                let mut up = match qo.q.update_statement(&self.orm.reg, refs) {
                    Ok(u) => u,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                let m = self.orm.classes.get(&*class).and_then(|c| c.model_info());
                let Some(m) = m else {
                    return Ok(BulkDone::default());
                };
                let (ret_cols, ret_class) = self.returning_columns(&q.returning, &table)?;
                let (mode, keys) = self.bulk_start(&kw, &table, &up.where_)?;
                up.returning = with_keys(&ret_cols, &keys);
                let r = self.run_stmt(&Statement::Update(up.clone()), true)?;
                let objects: Vec<Rc<Instance>> = match mode {
                    SyncMode::Evaluate => self
                        .bulk_matched_by_criteria(&table, &m, &up.where_)?
                        .into_iter()
                        .map(|(i, _)| i)
                        .collect(),
                    SyncMode::Fetch => {
                        self.bulk_matched_by_keys(&m, &key_rows(&up.returning, &keys, &r.rows))?
                    }
                    SyncMode::Off => vec![],
                };
                self.bulk_apply_update(&table, &up.set, &given, &objects)?;
                self.bulk_done(mode, &r, &table, &ret_cols, ret_class.as_deref(), q)
            }
            "delete" => {
                let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
                let mut del = match qo.q.delete_statement(&self.orm.reg) {
                    Ok(d) => d,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                let table = self.orm.reg.table_of(&class).cloned();
                let m = self.orm.classes.get(&*class).and_then(|c| c.model_info());
                let (Ok(table), Some(m)) = (table, m) else {
                    return Ok(BulkDone::default());
                };
                let (ret_cols, ret_class) = self.returning_columns(&q.returning, &table)?;
                let (mode, keys) = self.bulk_start(&kw, &table, &del.where_)?;
                // (SQLite has no `DELETE ... USING`: criteria on other tables do not
                // compile.)
                if !del.from.is_empty() {
                    return match mode {
                        SyncMode::Fetch => self.raise("CompileError", "Dialect \"sqlite\" does not support RETURNING with DELETE..USING; for synchronize_session='fetch', please add the additional execution option 'is_delete_using=True' to the statement to indicate that a separate SELECT should be used for this backend."),
                        _ => self.raise("NotImplementedError", "This backend does not support multiple-table criteria within DELETE"),
                    };
                }
                del.returning = with_keys(&ret_cols, &keys);
                let r = self.run_stmt(&Statement::Delete(del.clone()), true)?;
                let deleted: Vec<Rc<Instance>> = match mode {
                    SyncMode::Evaluate => {
                        let mut gone = vec![];
                        for (inst, partly_expired) in
                            self.bulk_matched_by_criteria(&table, &m, &del.where_)?
                        {
                            if partly_expired {
                                self.expire(&inst);
                            } else {
                                gone.push(inst);
                            }
                        }
                        gone
                    }
                    SyncMode::Fetch => {
                        self.bulk_matched_by_keys(&m, &key_rows(&del.returning, &keys, &r.rows))?
                    }
                    SyncMode::Off => vec![],
                };
                for i in deleted {
                    // SQLAlchemy's `_remove_newly_deleted`: out of the identity map, deleted.
                    self.remove_identity(&i);
                    if let Some(s) = i.orm.borrow_mut().as_mut() {
                        s.status = Status::Deleted;
                    }
                    self.orm.deleted_in_tx.push(i);
                }
                self.bulk_done(mode, &r, &table, &ret_cols, ret_class.as_deref(), q)
            }
            _ => Ok(BulkDone::default()),
        }
    }

    /// What a bulk statement did: its count, and the result of the columns `returning()`
    /// asked for (the first `ret_cols.len()` of each row; the primary key columns 'fetch'
    /// added after them are not the script's).
    fn bulk_done(
        &mut self,
        mode: SyncMode,
        r: &crate::core::interp::QueryResult,
        table: &crate::core::orm::schema::Table,
        ret_cols: &[String],
        ret_class: Option<&str>,
        q: &QueryObj,
    ) -> R<BulkDone> {
        let count = bulk_rowcount(mode, r);
        if q.returning.is_empty() {
            return Ok(BulkDone {
                count,
                returned: None,
            });
        }
        let rows: Vec<Vec<crate::core::sql::SqlValue>> = r
            .rows
            .iter()
            .map(|row| row[..ret_cols.len().min(row.len())].to_vec())
            .collect();
        let mut ro = self.returned_result(table, ret_cols, ret_class, &rows)?;
        ro.rowcount = count;
        Ok(BulkDone {
            count,
            returned: Some(ro),
        })
    }
}

/// What a bulk UPDATE/DELETE did (see [`Interp::bulk_dml`]).
#[derive(Default)]
pub(crate) struct BulkDone {
    /// The rows matched, as SQLAlchemy counts them.
    pub count: i64,
    /// The result of the statement's `returning()`, when it has one.
    pub returned: Option<ResultObj>,
}

/// The RETURNING list of a bulk statement: the columns the script asked for, then the
/// primary key columns `keys` ('fetch' synchronization) not among them.
fn with_keys(ret_cols: &[String], keys: &[String]) -> Vec<String> {
    let mut all = ret_cols.to_vec();
    all.extend(keys.iter().filter(|k| !ret_cols.contains(k)).cloned());
    all
}

/// The primary key values (columns `keys`) of each row RETURNING `returning` gave.
fn key_rows(
    returning: &[String],
    keys: &[String],
    rows: &[Vec<crate::core::sql::SqlValue>],
) -> Vec<Vec<crate::core::sql::SqlValue>> {
    let at: Vec<usize> = keys
        .iter()
        .filter_map(|k| returning.iter().position(|c| c == k))
        .collect();
    rows.iter()
        .map(|row| at.iter().filter_map(|&i| row.get(i).cloned()).collect())
        .collect()
}

/// SQLAlchemy's `BulkUD._validate_query_state`: the first method called on `q` that a bulk
/// UPDATE/DELETE cannot carry (`limit()`, ..., `join(), outerjoin(), select_from(), or
/// from_self()`).
fn bulk_misuse(q: &crate::core::orm::query::Query) -> Option<&'static str> {
    // (A plain table's `update()`/`delete()` names its table as its only FROM.)
    let joined = !q.joins.is_empty()
        || (!q.select_from.is_empty() && !q.entities.is_empty())
        || !q.select_from_items.is_empty();
    [
        (q.limit.is_some(), "limit()"),
        (q.offset.is_some(), "offset()"),
        (!q.order_by.is_empty(), "order_by()"),
        (!q.group_by.is_empty(), "group_by()"),
        (q.distinct, "distinct()"),
        (joined, "join(), outerjoin(), select_from(), or from_self()"),
    ]
    .into_iter()
    .find_map(|(set, name)| set.then_some(name))
}
