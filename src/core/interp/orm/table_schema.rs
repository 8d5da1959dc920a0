//! A table's schema objects as Python sees them: `Table.constraints`, `Table.indexes` and
//! `Table.primary_key`, named as the naming convention names them (the same ones CREATE
//! TABLE / CREATE INDEX state), and a constraint's attributes.

use std::rc::Rc;

use crate::core::interp::value::{Dict, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::ddl::{create_indexes, create_table};
use crate::core::orm::schema::{Constraint, Index};

use super::Native;
use super::dispatch::nv;

impl Interp<'_> {
    /// `Table.constraints` / `.indexes` (sets) / `.primary_key` (its
    /// `PrimaryKeyConstraint`).
    pub(super) fn table_schema_attr(&mut self, t: &Rc<str>, name: &str) -> R<Value> {
        let md = &self.orm.reg.metadata;
        let Some(tb) = md.table(t) else {
            return Ok(Value::None);
        };
        let made = match name {
            "indexes" => create_indexes(md, tb).map(|ixs| {
                (ixs.into_iter())
                    .map(|i| {
                        Native::IndexSpec(
                            Box::new(Index {
                                name: Some(i.name),
                                columns: i.columns,
                                unique: i.unique,
                                exprs: i.exprs,
                                where_clause: i.where_clause,
                            }),
                            Some(t.clone()),
                        )
                    })
                    .collect()
            }),
            _ => create_table(md, tb).map(|ct| {
                (ct.constraints.iter())
                    .map(Constraint::from_ddl)
                    .filter(|c| {
                        name != "foreign_key_constraints"
                            || matches!(c, Constraint::ForeignKey { .. })
                    })
                    .map(|c| Native::ConstraintSpec(Box::new(c), Some(t.clone())))
                    .collect::<Vec<_>>()
            }),
        };
        let pk = Constraint::PrimaryKey {
            name: None,
            columns: tb.primary_key().into_iter().map(str::to_string).collect(),
        };
        let items = match made {
            Ok(items) => items,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        if name == "primary_key" {
            let found = items
                .into_iter()
                .find(|n| matches!(n, Native::ConstraintSpec(c, _) if matches!(**c, Constraint::PrimaryKey { .. })));
            return Ok(nv(
                found.unwrap_or(Native::ConstraintSpec(Box::new(pk), Some(t.clone())))
            ));
        }
        let mut d = Dict::new();
        for n in items {
            let v = nv(n);
            if let Some(h) = v.hkey() {
                d.insert(h, v, Value::None);
            }
        }
        Ok(Value::Set(Rc::new(std::cell::RefCell::new(d))))
    }

    /// `Index('ix_name', Column(...), ..., unique=True)`: its columns as those of the
    /// table that has an index of that name.
    pub(super) fn index_repr(&mut self, ix: &Index) -> R<String> {
        let md = &self.orm.reg.metadata;
        let table = md.tables.iter().find(|tb| {
            create_indexes(md, tb).is_ok_and(|ixs| {
                ixs.iter()
                    .any(|i| Some(&i.name) == ix.name.as_ref() && i.columns == ix.columns)
            })
        });
        let mut parts = vec![crate::core::sql::value::py_str_repr(
            ix.name.as_deref().unwrap_or_default(),
        )];
        if let Some(tb) = table {
            let (t, cols): (Rc<str>, Vec<usize>) = (
                Rc::from(tb.name.as_str()),
                (ix.columns.iter())
                    .filter_map(|n| tb.columns.iter().position(|c| c.name == *n))
                    .collect(),
            );
            for i in cols {
                parts.push(self.column_repr(&t, i)?);
            }
        }
        if ix.unique {
            parts.push("unique=True".into());
        }
        Ok(format!("Index({})", parts.join(", ")))
    }

    /// The indices in table `t` of a constraint's columns.
    pub(super) fn constraint_columns(&self, t: &str, c: &Constraint) -> Rc<[usize]> {
        let Some(tb) = self.orm.reg.metadata.table(t) else {
            return Rc::from([]);
        };
        (c.columns().iter())
            .filter_map(|n| tb.columns.iter().position(|c| c.name == *n))
            .collect()
    }

    /// A constraint's attributes: `name`, and once it is a table's, `table` and `columns`.
    pub(super) fn constraint_attr(
        &mut self,
        c: &Constraint,
        t: &Option<Rc<str>>,
        name: &str,
    ) -> R<Value> {
        match (name, t) {
            ("name", _) => Ok(c.name().map_or(Value::None, Value::str)),
            ("table", Some(t)) => Ok(nv(Native::Table(t.clone()))),
            ("columns", Some(t)) => {
                let only = self.constraint_columns(t, c);
                Ok(nv(Native::TableColumns(t.clone(), Some(only))))
            }
            ("sqltext", _) if let Constraint::Check { sql, .. } = c => {
                Ok(nv(Native::Text(Rc::from(sql.as_str()), vec![])))
            }
            _ => self.raise(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", c.class_name()),
            ),
        }
    }

    /// `create_all` (`create`) or `drop_all` of `tables` only (all of them when `None`):
    /// with `checkfirst`, those that do not exist yet / that exist; else all of them
    /// (SQLite's error for one that does / does not).
    /// Every foreign key of the tables to create (`only`, else all) has its target table
    /// and column, as SQLAlchemy's `create_all()` requires (`NoReferencedTableError`,
    /// `NoReferencedColumnError`).
    fn check_foreign_key_targets(&mut self, only: Option<&[Rc<str>]>) -> R<()> {
        let md = &self.orm.reg.metadata;
        for t in &md.tables {
            if only.is_some_and(|o| !o.iter().any(|n| **n == *t.name)) {
                continue;
            }
            for fk in t.foreign_keys() {
                let target = md.table(&fk.ref_table);
                for (i, rc) in fk.ref_columns.iter().enumerate() {
                    let local = fk.columns.get(i).map_or("", String::as_str);
                    let Some(target) = target else {
                        let msg = format!(
                            "Foreign key associated with column '{}.{local}' could not find table '{}' with which to generate a foreign key to target column '{rc}'",
                            t.name, fk.ref_table
                        );
                        return self.raise("NoReferencedTableError", msg);
                    };
                    if target.col(rc).is_none() {
                        let msg =
                            super::configure::no_referenced_column(&fk.ref_table, rc, &t.name);
                        return self.raise("NoReferencedColumnError", msg);
                    }
                }
            }
        }
        Ok(())
    }

    pub(crate) fn table_ddl(
        &mut self,
        create: bool,
        tables: Option<Vec<Rc<str>>>,
        checkfirst: bool,
    ) -> R<()> {
        if create {
            self.check_foreign_key_targets(tables.as_deref())?;
        }
        let all: Vec<String> = (self.orm.reg.metadata.tables.iter())
            .map(|t| t.name.clone())
            .collect();
        let mut existing = match (checkfirst, create) {
            (true, _) => self.existing_tables(),
            (false, true) => vec![],
            (false, false) => all.clone(),
        };
        // (The others: as if they existed for a create, as if they did not for a drop.)
        if let Some(only) = &tables {
            let listed = |n: &String| only.iter().any(|t| **t == **n);
            match create {
                true => existing.extend(all.into_iter().filter(|n| !listed(n))),
                false => existing.retain(listed),
            }
        }
        let refs: Vec<&str> = existing.iter().map(String::as_str).collect();
        let md = &self.orm.reg.metadata;
        let stmts = match create {
            true => match crate::core::orm::ddl::create_all(md, &refs) {
                Ok(s) => s,
                Err(e) => return self.raise("ArgumentError", e.0),
            },
            false => crate::core::orm::ddl::drop_all(md, &refs),
        };
        self.run_ddl(stmts)
    }

    /// `metadata.create_all(engine, tables=[...], checkfirst=...)` / `drop_all(...)`, and a
    /// table's `create(engine, checkfirst=False)` / `drop(...)` (`table`).
    pub(super) fn ddl_method(
        &mut self,
        create: bool,
        table: Option<&Rc<str>>,
        kw: &crate::core::interp::call::Kw,
    ) -> R<Value> {
        let kwv = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
        let checkfirst = match kwv("checkfirst") {
            Some(v) => self.truthy(&v)?,
            None => table.is_none(),
        };
        let tables = match (table, kwv("tables")) {
            (Some(t), _) => Some(vec![t.clone()]),
            (None, Some(Value::None) | None) => None,
            (None, Some(v)) => {
                let mut out = vec![];
                for t in self.iterate(&v)? {
                    match &t {
                        Value::Native(n) if let Native::Table(name) = &**n => {
                            out.push(name.clone())
                        }
                        _ => return self.unsupported("`tables=` other than of Table objects"),
                    }
                }
                Some(out)
            }
        };
        if kwv("bind_key").is_some() {
            let f = if create { "create_all" } else { "drop_all" };
            return self.raise(
                "TypeError",
                format!("MetaData.{f}() got an unexpected keyword argument 'bind_key'"),
            );
        }
        self.table_ddl(create, tables, checkfirst)?;
        Ok(Value::None)
    }

    /// `db.create_all(bind_key='__all__')` / `db.drop_all(...)`: the tables of the binds
    /// `bind_key` names (`'__all__'`: every table; `None`: the default bind's). The binds
    /// share one database here, so a drop of one bind's tables leaves the others' alone.
    pub(super) fn db_ddl(&mut self, create: bool, bind_key: Option<Value>) -> R<Value> {
        let keys = match bind_key {
            None => return self.table_ddl(create, None, true).map(|()| Value::None),
            Some(Value::Str(k)) if &*k == "__all__" => {
                return self.table_ddl(create, None, true).map(|()| Value::None);
            }
            Some(v @ (Value::None | Value::Str(_))) => vec![v],
            Some(other) => self.iterate(&other)?,
        };
        let binds = self.bind_keys();
        let mut wanted: Vec<Option<Rc<str>>> = Vec::with_capacity(keys.len());
        for k in &keys {
            match k {
                Value::Str(s) if !binds.iter().any(|b| matches!(b, Value::Str(x) if x == s)) => {
                    return self.raise(
                        "UnboundExecutionError",
                        format!("Bind key '{s}' is not in 'SQLALCHEMY_BINDS' config."),
                    );
                }
                Value::Str(s) => wanted.push(Some(s.clone())),
                _ => wanted.push(None),
            }
        }
        let names: Vec<Rc<str>> = (self.orm.reg.metadata.tables.iter())
            .map(|t| Rc::from(t.name.as_str()))
            .filter(|t: &Rc<str>| wanted.contains(&self.table_bind_key(t)))
            .collect();
        self.table_ddl(create, Some(names), true)?;
        Ok(Value::None)
    }

    /// The table an `update()` / `delete()` construct changes: its model's, or a plain
    /// table's (`table.update()`).
    pub(crate) fn dml_table(
        &self,
        q: &super::query::QueryObj,
        class: &str,
    ) -> Option<crate::core::orm::schema::Table> {
        (self.orm.reg.table_of(class).ok())
            .or_else(|| self.orm.reg.metadata.table(q.q.select_from.first()?))
            .cloned()
    }

    /// The bind key of table `name`: its model's `__bind_key__`, or the `bind_key=` it was
    /// made with (`None`: the default bind).
    fn table_bind_key(&self, name: &str) -> Option<Rc<str>> {
        if let Some((_, k)) = self.orm.table_binds.iter().find(|(t, _)| **t == *name) {
            return Some(k.clone());
        }
        self.orm.classes.values().find_map(|c| {
            let m = c.model_info()?;
            if *m.table != *name {
                return None;
            }
            match c.lookup("__bind_key__") {
                Some(Value::Str(k)) => Some(Some(k)),
                _ => Some(None),
            }
        })?
    }
}
