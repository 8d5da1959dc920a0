//! `db.Index(...)`: its elements (column names, columns, expressions such as
//! `func.lower(email)` or `points.desc()`), `unique=`, `sqlite_where=`; an index made on a
//! mapped table's columns joins that table, as SQLAlchemy's does.

use std::cell::RefCell;

use crate::core::orm::schema::Index;
use crate::core::sql::{Expr, TableRef};

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::dispatch::nv;

/// The first column `e` names: its table and name.
fn first_column(e: &Expr) -> Option<(Option<TableRef>, String)> {
    let found = RefCell::new(None);
    e.replace_columns(&|t, name| {
        let mut f = found.borrow_mut();
        if f.is_none() {
            *f = Some((t.cloned(), name.to_string()));
        }
        None
    });
    found.into_inner()
}

impl Interp<'_> {
    /// `db.Index(name, *elements, unique=False, sqlite_where=None)`.
    pub(crate) fn make_index(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        let name = match args.first() {
            Some(Value::Str(s)) => Some(s.to_string()),
            _ => None,
        };
        let mut ix = Index {
            name,
            ..Index::default()
        };
        for a in args.iter().skip(1) {
            match a {
                Value::Str(s) => {
                    ix.columns.push(s.to_string());
                    ix.exprs.push(None);
                }
                other => {
                    let Some(s) = self.as_sql(other) else {
                        let t = self.type_name(other);
                        return self.raise(
                            "ArgumentError",
                            format!("SQL expression for Index element expected, got '{t}'"),
                        );
                    };
                    ix.columns.push(String::new());
                    ix.exprs.push(Some(s.expr));
                }
            }
        }
        for (k, v) in kw {
            match &**k {
                "unique" => ix.unique = self.truthy(v)?,
                "sqlite_where" => match self.as_sql(v) {
                    Some(s) => ix.where_clause = Some(s.expr),
                    None if matches!(v, Value::None) => {}
                    None => return self.unsupported("this sqlite_where="),
                },
                // Other dialects' options do not reach SQLite's DDL.
                k if k.contains('_') && !k.starts_with("sqlite_") => {}
                k => {
                    return self.raise(
                        "TypeError",
                        format!("Additional arguments should be named <dialectname>_<argument>, got '{k}'"),
                    );
                }
            }
        }
        let (ix, table) = self.resolve_index(&ix);
        // Made on a mapped table's columns: the index is that table's from now on.
        if let Some(t) = table
            && let Some(t) = self
                .orm
                .reg
                .metadata
                .tables
                .iter_mut()
                .find(|x| x.name == t)
        {
            t.indexes.push(ix.clone());
        }
        Ok(nv(Native::IndexSpec(Box::new(ix), None)))
    }

    /// `ix` with its class-body columns resolved to their mapped names (a plain column
    /// element becomes its name, an expression keeps its SQL and names its first column),
    /// and the mapped table all its column elements belong to, if any.
    pub(crate) fn resolve_index(&self, ix: &Index) -> (Index, Option<String>) {
        let mut out = ix.clone();
        let mut table: Option<Option<String>> = None;
        for (i, e) in ix.exprs.iter().enumerate() {
            let Some(e) = e else { continue };
            let e = self.orm.resolve_specs(e);
            let first = first_column(&e);
            let t = match &first {
                Some((Some(TableRef::Named(t)), _)) if self.orm.reg.metadata.table(t).is_some() => {
                    Some(t.clone())
                }
                _ => None,
            };
            table = match table {
                None => Some(t),
                Some(prev) if prev == t => Some(prev),
                Some(_) => Some(None),
            };
            match e {
                Expr::Column { name, .. } if !name.is_empty() => {
                    out.columns[i] = name;
                    out.exprs[i] = None;
                }
                e => {
                    if let Some((_, name)) = first {
                        out.columns[i] = name;
                    }
                    out.exprs[i] = Some(e);
                }
            }
        }
        out.where_clause = ix.where_clause.as_ref().map(|w| self.orm.resolve_specs(w));
        (out, table.flatten())
    }
}
