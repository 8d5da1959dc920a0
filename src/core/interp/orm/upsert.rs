//! SQLite's upsert: `sqlalchemy.dialects.sqlite.insert(...)` with
//! `on_conflict_do_nothing()` / `on_conflict_do_update()` and its `excluded` columns.
//! The clause is kept as Python values on the INSERT construct and turned into the SQL
//! layer's [`OnConflict`] when the statement is rendered.

use std::rc::Rc;

use crate::core::orm::schema::Table;
use crate::core::sql::{Expr, OnConflict, TableRef};

use super::super::call::Kw;
use super::super::native_sig::Sig;
use super::super::value::Value;
use super::super::{Interp, R};
use super::dispatch::nv;
use super::insert_stmt::InsertObj;
use super::{Native, SqlObj};

/// An upsert clause as the script gave it.
#[derive(Clone)]
pub struct OnConflictObj {
    /// `index_elements`: column names as written, or columns.
    target: Vec<Value>,
    /// `index_where`.
    target_where: Option<Value>,
    /// `set_`'s `(key, value)` pairs; `None`: `DO NOTHING`.
    set: Option<Vec<(Value, Value)>>,
    /// `where`.
    where_: Option<Value>,
}

/// The message SQLAlchemy gives an `on_conflict_do_update()` without `set_`.
const NEEDS_SET: &str = "set parameter must be a non-empty dictionary or a ColumnCollection such as the `.c.` collection of a Table object";

impl Interp<'_> {
    /// `on_conflict_do_nothing(index_elements=None, index_where=None)` /
    /// `on_conflict_do_update(index_elements=None, index_where=None, set_=None, where=None)`.
    pub(super) fn on_conflict_method(
        &mut self,
        ins: &InsertObj,
        name: &str,
        mut args: Vec<Value>,
        mut kw: Kw,
    ) -> R<Value> {
        let update = name == "on_conflict_do_update";
        let names: &[&str] = if update {
            &["index_elements", "index_where", "set_", "where"]
        } else {
            &["index_elements", "index_where"]
        };
        self.check_sig("Insert", name, Sig::fixed(names, 0), &mut args, &mut kw)?;
        let mut got: Vec<Option<Value>> = vec![None; names.len()];
        for (i, a) in args.into_iter().enumerate() {
            got[i] = Some(a);
        }
        for (k, v) in kw {
            if let Some(i) = names.iter().position(|n| **n == *k) {
                got[i] = Some(v);
            }
        }
        let present = |v: &Option<Value>| v.clone().filter(|v| !matches!(v, Value::None));
        let target = match present(&got[0]) {
            Some(v) => self.iterate(&v)?,
            None => vec![],
        };
        let set = match update {
            false => None,
            true => {
                let items = match present(&got[2]) {
                    Some(v @ Value::Dict(_)) => self.mapping_items(&v)?,
                    _ => vec![],
                };
                if items.is_empty() {
                    return self.raise("ValueError", NEEDS_SET);
                }
                Some(items)
            }
        };
        if ins.on_conflict.is_some() {
            return self.raise(
                "InvalidRequestError",
                "This Insert construct already has an ON CONFLICT clause established",
            );
        }
        let mut out = ins.clone();
        out.on_conflict = Some(Rc::new(OnConflictObj {
            target,
            target_where: present(&got[1]),
            set,
            where_: if update { present(&got[3]) } else { None },
        }));
        Ok(nv(Native::Insert(Rc::new(out))))
    }

    /// The clause in the SQL layer's terms, for `table`: the set values bound with their
    /// column's type, or as the SQL expressions they are.
    pub(super) fn on_conflict_sql(&mut self, oc: &OnConflictObj, table: &Table) -> R<OnConflict> {
        let mut target = vec![];
        for t in &oc.target {
            match t {
                Value::Str(s) => target.push(s.to_string()),
                other => match self.as_sql(other).map(|s| s.expr) {
                    Some(Expr::Column { name, .. }) => target.push(name),
                    _ => {
                        return self.raise(
                            "ArgumentError",
                            "index_elements takes column names or columns",
                        );
                    }
                },
            }
        }
        let target_where = match &oc.target_where {
            Some(w) => Some(self.where_expr(w)?),
            None => None,
        };
        let set = match &oc.set {
            None => None,
            Some(items) => {
                // (In the table's column order, as SQLAlchemy's compiler writes them.)
                let mut keyed = vec![];
                for (k, v) in items {
                    let key = match k {
                        Value::Str(s) => s.clone(),
                        other => match self.as_sql(other).and_then(|s| s.key) {
                            Some(k) => k,
                            None => return self.raise("ArgumentError", NEEDS_SET),
                        },
                    };
                    let Some(i) = table.columns.iter().position(|c| *c.key == *key) else {
                        return self.unsupported(&format!(
                            "`set_` naming `{key}`, which is not a column of table '{}'",
                            table.name
                        ));
                    };
                    keyed.push((i, v.clone()));
                }
                crate::core::sort::sort_by_key(&mut keyed, |k| k.0);
                let mut set = vec![];
                for (i, v) in keyed {
                    let col = &table.columns[i];
                    let e = match self.as_sql(&v) {
                        Some(s) => s.expr,
                        None => Expr::bind(self.to_sql_stored(&v, &col.ty)?),
                    };
                    set.push((col.name.clone(), e));
                }
                Some(set)
            }
        };
        let where_ = match &oc.where_ {
            Some(w) => Some(self.where_expr(w)?),
            None => None,
        };
        Ok(OnConflict {
            target,
            target_where,
            set,
            where_,
        })
    }

    fn where_expr(&mut self, w: &Value) -> R<Expr> {
        match self.as_sql(w) {
            Some(s) => Ok(s.expr),
            None => self.raise(
                "ArgumentError",
                "SQL expression for WHERE/HAVING role expected",
            ),
        }
    }

    /// `stmt.excluded.<column>`: the row proposed for insertion, `excluded.name`.
    pub(super) fn excluded_column(&mut self, table: &str, name: &str) -> R<Value> {
        let col = (self.orm.reg.metadata.table(table))
            .and_then(|t| t.columns.iter().find(|c| c.key == name))
            .map(|c| (c.name.clone(), c.ty.clone()));
        match col {
            Some((col, ty)) => Ok(nv(Native::Sql(SqlObj {
                expr: Expr::col_of(&TableRef::Named("excluded".into()), col.as_str()),
                ty: Some(ty),
                key: Some(Rc::from(col.as_str())),
                class: None,
            }))),
            None => self.raise("AttributeError", name),
        }
    }
}
