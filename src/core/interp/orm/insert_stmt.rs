//! `insert(Model)` / `insert(table)` / `table.insert()`: the INSERT construct, its
//! `values()` and `returning()`, and `session.execute()` of it — one row from `values()`,
//! or SQLAlchemy's ORM bulk INSERT from a list of dicts (consecutive rows with the same keys
//! share one statement: an executemany, or one multi-row VALUES with `RETURNING`). Python
//! column defaults fill what a row leaves out, as in a flush.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::sql::{Expr, Insert, SqlValue, Statement};

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::dispatch::nv;
use super::result::{ResultKind, ResultObj};

/// An INSERT construct.
#[derive(Clone)]
pub struct InsertObj {
    /// The model class, for `insert(Model)`.
    pub class: Option<Rc<str>>,
    /// The table.
    pub table: Rc<str>,
    /// `values(...)`: attribute (or column) keys and values.
    pub values: Vec<(Rc<str>, Value)>,
    /// `values([{...}, {...}])`: the rows of one multi-row VALUES.
    pub multi: Vec<Value>,
    /// `prefix_with('OR IGNORE')`.
    pub prefixes: Vec<Rc<str>>,
    /// `returning(...)`: columns or a model class.
    pub returning: Vec<Value>,
    /// Made by `sqlalchemy.dialects.sqlite.insert()`: `str()` uses SQLite's dialect.
    pub sqlite: bool,
    /// `on_conflict_do_nothing()` / `on_conflict_do_update()` (SQLite's upsert).
    pub on_conflict: Option<Rc<super::upsert::OnConflictObj>>,
}

/// A named parameter of a compiled statement (`Compiled.params`).
type Param = (Rc<str>, Value);

/// One row to insert: the given keys (for batching) and the (column index, value) pairs.
struct RowIn {
    keys: Vec<Rc<str>>,
    cells: Vec<(usize, Value)>,
}

impl Interp<'_> {
    /// `insert(target)`; `sqlite`: `sqlalchemy.dialects.sqlite.insert(target)`.
    pub fn insert_construct(&mut self, target: Option<&Value>, sqlite: bool) -> R<Value> {
        let (class, table) = match target {
            Some(Value::Class(c)) if c.model_info().is_some() => {
                let t = match self.orm.reg.table_of(&c.name) {
                    Ok(t) => Rc::from(t.name.as_str()),
                    Err(e) => return self.raise(e.class(), e.0),
                };
                (Some(c.name.clone()), t)
            }
            Some(Value::Native(n)) if matches!(&**n, Native::Table(_)) => {
                let Native::Table(t) = &**n else {
                    unreachable!()
                };
                (None, t.clone())
            }
            _ => {
                return self.raise("ArgumentError", "insert() needs a mapped class or a Table");
            }
        };
        Ok(nv(Native::Insert(Rc::new(InsertObj {
            class,
            table,
            values: vec![],
            multi: vec![],
            prefixes: vec![],
            returning: vec![],
            sqlite,
            on_conflict: None,
        }))))
    }

    /// `values()` / `returning()` of an INSERT construct.
    pub fn insert_method(
        &mut self,
        ins: &InsertObj,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        if name == "compile" {
            return self.insert_compile(ins, &args, &kw);
        }
        let mut out = ins.clone();
        match name {
            "values" => {
                // (Tuples give values for the table's columns in order.)
                let keys: Vec<Rc<str>> = match self.orm.reg.metadata.table(&ins.table) {
                    Some(t) => t.columns.iter().map(|c| Rc::from(c.table_key())).collect(),
                    None => vec![],
                };
                let positional = |it: &mut Self, row: &Value| -> R<Option<Value>> {
                    let Value::Tuple(items) = row else {
                        return Ok(None);
                    };
                    if items.len() > keys.len() {
                        return it.raise(
                            "ArgumentError",
                            format!(
                                "Too many values for the {} columns of the table",
                                keys.len()
                            ),
                        );
                    }
                    let pairs = (keys.iter().zip(items.iter()))
                        .map(|(k, v)| (Value::Str(k.clone()), v.clone()));
                    Ok(Some(Value::dict_of(pairs.collect())))
                };
                match args.first() {
                    Some(rows @ Value::List(_)) => {
                        let mut multi = vec![];
                        for row in self.iterate(rows)? {
                            multi.push(positional(self, &row)?.unwrap_or(row));
                        }
                        out.multi = multi;
                    }
                    Some(t @ Value::Tuple(_)) => {
                        if let Some(d) = positional(self, t)? {
                            for (k, v) in self.mapping_items(&d)? {
                                let key = self.insert_key(&k)?;
                                out.values.push((key, v));
                            }
                        }
                    }
                    Some(d) => {
                        for (k, v) in self.mapping_items(d)? {
                            let key = self.insert_key(&k)?;
                            out.values.push((key, v));
                        }
                    }
                    None => {}
                }
                out.values.extend(kw);
            }
            "returning" => out.returning.extend(args),
            "prefix_with" => {
                for a in &args {
                    let Value::Str(p) = a else {
                        return self.raise("ArgumentError", "prefix_with() takes strings");
                    };
                    out.prefixes.push(p.clone());
                }
            }
            "on_conflict_do_nothing" | "on_conflict_do_update" if ins.sqlite => {
                return self.on_conflict_method(ins, name, args, kw);
            }
            _ => return self.unsupported(&format!("`Insert.{name}()`")),
        }
        Ok(nv(Native::Insert(Rc::new(out))))
    }

    fn insert_key(&mut self, k: &Value) -> R<Rc<str>> {
        match k {
            Value::Str(s) => Ok(s.clone()),
            other => match self.as_sql(other).and_then(|s| s.key) {
                Some(k) => Ok(k),
                None => self.raise("ArgumentError", "values() keys must be column names"),
            },
        }
    }

    /// The row for one parameter set: `values()` and the set's keys, by column.
    /// `bulk`: `set` is one of the parameter sets given to `execute()` (not a
    /// `values([...])` row).
    fn insert_row(&mut self, ins: &InsertObj, set: Option<&Value>, bulk: bool) -> R<RowIn> {
        let table = match self.orm.reg.metadata.table(&ins.table) {
            Some(t) => t.clone(),
            None => return self.raise("NoSuchTableError", &ins.table),
        };
        let mut given: Vec<(Rc<str>, Value)> = ins.values.clone();
        if let Some(set) = set {
            for (k, v) in self.mapping_items(set)? {
                let key = self.insert_key(&k)?;
                given.retain(|(g, _)| *g != key);
                given.push((key, v));
            }
        }
        let mut cells = vec![];
        let mut skipped: Vec<Rc<str>> = vec![];
        for (key, v) in &given {
            let Some(i) = table.columns.iter().position(|c| *c.key == **key) else {
                return self.raise("CompileError", format!("Unconsumed column names: {key}"));
            };
            // (An ORM insert's parameter sets go through SQLAlchemy's bulk INSERT, which
            // leaves out a `None` (the column's defaults apply) unless its type stores
            // one, as JSON's `null`.)
            if bulk
                && ins.class.is_some()
                && matches!(v, Value::None)
                && !table.columns[i].evaluates_none()
                && !ins.values.iter().any(|(g, _)| g == key)
            {
                skipped.push(key.clone());
                continue;
            }
            cells.push((i, v.clone()));
        }
        // Python defaults for the columns left out, in table order; one taking the
        // execution context sees the row's values so far (`None` for a default not
        // computed yet; a SQL default is rendered inline, not bound).
        let mut pending: Vec<(usize, Value)> = vec![];
        for (i, c) in table.columns.iter().enumerate() {
            if cells.iter().any(|(j, _)| *j == i) {
                continue;
            }
            let d = self
                .orm
                .defaults
                .get(&(ins.table.to_string(), c.name.clone()))
                .and_then(|d| d[0].clone());
            if let Some(d) = d.filter(|d| !matches!(d, Value::None)) {
                pending.push((i, d));
            }
        }
        for n in 0..pending.len() {
            let (i, d) = pending[n].clone();
            let v = self.eval_default_ctx(&d, &mut |it| {
                let mut ps: Vec<(usize, Value)> = (cells.iter())
                    .filter(|&(_, v)| it.as_sql(v).is_none())
                    .cloned()
                    .collect();
                ps.extend(
                    (pending[n..].iter())
                        .filter(|(_, d)| it.as_sql(d).is_none())
                        .map(|(j, _)| (*j, Value::None)),
                );
                crate::core::sort::sort_by_key(&mut ps, |p| p.0);
                (ps.into_iter())
                    .map(|(j, v)| (table.columns[j].key.clone(), v))
                    .collect()
            });
            let v = match v {
                Ok(v) => v,
                // (SQLAlchemy's `StatementError`, with the INSERT and the parameters.)
                Err(e) => {
                    let e = self.wrap_default_error(e);
                    let mut all = cells.clone();
                    for (j, d) in &pending[n..] {
                        let v = if self.as_sql(d).is_some() {
                            d.clone()
                        } else {
                            Value::None
                        };
                        all.push((*j, v));
                    }
                    crate::core::sort::sort_by_key(&mut all, |c| c.0);
                    let sql = self.insert_sql_of_cells(ins, &table, &all)?;
                    let mut params = vec![];
                    if let Some(set) = set {
                        for (k, v) in self.mapping_items(set)? {
                            params.push((self.insert_key(&k)?.to_string(), v));
                        }
                    }
                    return Err(self.fill_bind_error(e, &sql, params));
                }
            };
            cells.push((i, v));
        }
        crate::core::sort::sort_by_key(&mut cells, |c| c.0);
        // (The keys group rows into one executemany: a key left out is not one.)
        let mut keys: Vec<Rc<str>> = (given.into_iter())
            .map(|g| g.0)
            .filter(|k| !skipped.contains(k))
            .collect();
        crate::core::sort::sort(&mut keys);
        Ok(RowIn { keys, cells })
    }

    /// The parameter sets of a Core executemany (`table.insert()` with a list of dicts),
    /// as the statement compiled from the first one takes them: each later set keeps the
    /// first's keys only, and one lacking a key raises SQLAlchemy's `StatementError`.
    fn core_executemany_sets(
        &mut self,
        ins: &InsertObj,
        sets: Vec<Value>,
        params: Option<&Value>,
    ) -> R<Vec<Value>> {
        let mut first: Vec<Rc<str>> = vec![];
        for (k, _) in self.mapping_items(&sets[0])? {
            first.push(self.insert_key(&k)?);
        }
        let mut out = vec![sets[0].clone()];
        for (g, set) in sets.iter().enumerate().skip(1) {
            let (mut kept, mut keys) = (vec![], vec![]);
            for (k, v) in self.mapping_items(set)? {
                let key = self.insert_key(&k)?;
                if first.contains(&key) {
                    kept.push((k, v));
                    keys.push(key);
                }
            }
            if let Some(missing) = first.iter().find(|f| !keys.contains(f)) {
                let sql = self.insert_sql_of_set(ins, &sets[0])?;
                let p = match params {
                    Some(p) => self.repr(p)?,
                    None => String::new(),
                };
                return self.raise(
                    "StatementError",
                    format!(
                        "(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{missing}', in parameter group {g}\n[SQL: {sql}]\n[parameters: {p}]\n(Background on this error at: https://sqlalche.me/e/20/cd3x)"
                    ),
                );
            }
            out.push(Value::dict_of(kept));
        }
        Ok(out)
    }

    /// The INSERT one parameter set compiles to (its columns, defaults included).
    fn insert_sql_of_set(&mut self, ins: &InsertObj, set: &Value) -> R<String> {
        let row = self.insert_row(ins, Some(set), false)?;
        let Some(table) = self.orm.reg.metadata.table(&ins.table).cloned() else {
            return Ok(String::new());
        };
        self.insert_sql_of_cells(ins, &table, &row.cells)
    }

    /// The INSERT of a row's cells (a SQL expression rendered inline, a value bound).
    fn insert_sql_of_cells(
        &mut self,
        ins: &InsertObj,
        table: &crate::core::orm::schema::Table,
        cells: &[(usize, Value)],
    ) -> R<String> {
        let columns = (cells.iter())
            .map(|(i, _)| table.columns[*i].name.clone())
            .collect();
        let binds = (cells.iter())
            .map(|(_, v)| match self.as_sql(v) {
                Some(s) => s.expr,
                None => Expr::bind(SqlValue::Null),
            })
            .collect();
        let stmt = Statement::Insert(Insert {
            table: table.name.clone(),
            columns,
            rows: vec![binds],
            returning: vec![],
            prefixes: ins.prefixes.iter().map(|p| p.to_string()).collect(),
            on_conflict: match &ins.on_conflict {
                Some(oc) => Some(self.on_conflict_sql(oc, table)?),
                None => None,
            },
        });
        Ok(crate::core::sql::render(&stmt).sql)
    }

    /// `session.execute(insert(...)[, [dict, ...]])`.
    pub fn execute_insert(&mut self, ins: &InsertObj, params: Option<&Value>) -> R<Value> {
        if ins.class.is_some() {
            self.autoflush()?;
        }
        let multi = !ins.multi.is_empty();
        let sets: Option<Vec<Value>> = match params {
            Some(Value::List(l)) => Some(l.borrow().clone()),
            Some(d @ Value::Dict(_)) => Some(vec![d.clone()]),
            _ if multi => Some(ins.multi.clone()),
            _ => None,
        };
        let bulk = sets.is_some() && !multi;
        // (A Core executemany compiles its INSERT from the first set: the later sets'
        // other keys are left out, and a key they lack is an error.)
        let sets = match sets {
            Some(sets) if bulk && ins.class.is_none() && sets.len() > 1 => {
                Some(self.core_executemany_sets(ins, sets, params)?)
            }
            other => other,
        };
        let mut rows = vec![];
        match &sets {
            Some(sets) => {
                for s in sets {
                    rows.push(self.insert_row(ins, Some(s), bulk)?);
                }
            }
            None => rows.push(self.insert_row(ins, None, false)?),
        }
        let table = match self.orm.reg.metadata.table(&ins.table) {
            Some(t) => t.clone(),
            None => return self.raise("NoSuchTableError", &ins.table),
        };
        let (ret_cols, ret_class) = self.returning_columns(&ins.returning, &table)?;
        let on_conflict = match &ins.on_conflict {
            Some(oc) => Some(self.on_conflict_sql(oc, &table)?),
            None => None,
        };
        let mut out_rows: Vec<Vec<SqlValue>> = vec![];
        let mut rowcount = 0;
        let mut last_id = None;
        let mut start = 0;
        while start < rows.len() {
            let mut end = start + 1;
            while end < rows.len() && rows[end].keys == rows[start].keys {
                end += 1;
            }
            let group = &rows[start..end];
            let cols: Vec<usize> = group[0].cells.iter().map(|c| c.0).collect();
            let mut values: Vec<Vec<Expr>> = vec![];
            let mut plain = true;
            for r in group {
                let mut row = vec![];
                for (i, v) in &r.cells {
                    match self.as_sql(v) {
                        Some(s) => {
                            plain = false;
                            row.push(s.expr);
                        }
                        // (JSON stores a `None` as `null`, unless `none_as_null`.)
                        None if matches!(v, Value::None) && table.columns[*i].evaluates_none() => {
                            row.push(Expr::bind(SqlValue::Text("null".into())))
                        }
                        None => row.push(Expr::bind(self.to_sql_stored(v, &table.columns[*i].ty)?)),
                    }
                }
                values.push(row);
            }
            let names: Vec<String> = cols
                .iter()
                .map(|&i| table.columns[i].name.clone())
                .collect();
            let stmt = |rows: Vec<Vec<Expr>>| {
                Statement::Insert(Insert {
                    table: table.name.clone(),
                    columns: names.clone(),
                    rows,
                    returning: ret_cols.clone(),
                    prefixes: ins.prefixes.iter().map(|p| p.to_string()).collect(),
                    on_conflict: on_conflict.clone(),
                })
            };
            if !ret_cols.is_empty() || group.len() == 1 || !plain || multi {
                // (A multi-row VALUES, or one with RETURNING, is one statement.)
                let batches: Vec<Vec<Vec<Expr>>> = if ret_cols.is_empty() && !multi {
                    values.into_iter().map(|r| vec![r]).collect()
                } else {
                    vec![values]
                };
                for b in batches {
                    let n = b.len();
                    let res = self.run_stmt(&stmt(b), true)?;
                    // (SQLite's count of rows changed: an upsert's DO NOTHING, or a prefix's
                    // `OR IGNORE`, may change none; with RETURNING, the rows sent.)
                    rowcount += if ret_cols.is_empty() {
                        res.rowcount
                    } else {
                        n as i64
                    };
                    last_id = Some(res.lastrowid);
                    out_rows.extend(res.rows);
                }
            } else {
                let sql = crate::core::sql::render(&stmt(vec![values[0].clone()])).sql;
                let sets = values.len();
                let flat: Vec<SqlValue> = match &on_conflict {
                    // (The upsert clause's own values come after each row's.)
                    Some(_) => (values.into_iter())
                        .flat_map(|row| crate::core::sql::render(&stmt(vec![row])).params)
                        .collect(),
                    None => values
                        .into_iter()
                        .flatten()
                        .map(|e| match e {
                            Expr::Bind(v, _) => v,
                            _ => SqlValue::Null,
                        })
                        .collect(),
                };
                rowcount += self.run_sql_many(&sql, sets, &flat)?;
            }
            start = end;
        }
        let mut ro = self.returned_result(&table, &ret_cols, ret_class.as_deref(), &out_rows)?;
        ro.rowcount = rowcount;
        ro.lastrowid = last_id;
        ro.is_insert = true;
        // A single `values()` row's primary key (`inserted_primary_key`): given, or the rowid.
        if !bulk && !multi && ret_cols.is_empty() {
            let mut pk = vec![];
            for (i, c) in table.columns.iter().enumerate() {
                if !c.primary_key {
                    continue;
                }
                let given = rows[0]
                    .cells
                    .iter()
                    .find(|(j, _)| *j == i)
                    .map(|(_, v)| v.clone());
                pk.push(match (given, last_id) {
                    (Some(v), _) => v,
                    (None, Some(id)) => Value::int(id),
                    (None, None) => Value::None,
                });
            }
            ro.inserted_pk = Some(Rc::new(pk));
        }
        // (A Core executemany is a `CursorResult` with its rowcount.)
        ro.bulk = bulk && ret_cols.is_empty() && ins.class.is_some();
        Ok(nv(Native::Result(RefCell::new(ro))))
    }

    /// The RETURNING of an INSERT, UPDATE or DELETE construct (`returning(...)`'s
    /// arguments): a model class returns its columns (and objects), else the columns
    /// given; their names, and the class.
    pub(crate) fn returning_columns(
        &mut self,
        items: &[Value],
        table: &crate::core::orm::schema::Table,
    ) -> R<(Vec<String>, Option<Rc<str>>)> {
        let mut ret_cols: Vec<String> = vec![];
        let mut ret_class: Option<Rc<str>> = None;
        for r in items {
            match r {
                Value::Class(c) if c.model_info().is_some() => {
                    ret_class = Some(c.name.clone());
                    ret_cols.extend(table.columns.iter().map(|c| c.name.clone()));
                }
                other => match self.as_sql(other) {
                    Some(s) => match s.expr {
                        Expr::Column { name, .. } => ret_cols.push(name),
                        _ => return self.unsupported("`returning()` of an expression"),
                    },
                    None => return self.raise("ArgumentError", "returning() takes columns"),
                },
            }
        }
        Ok((ret_cols, ret_class))
    }

    /// The result of a statement's RETURNING rows (`ret_cols` of `table`, in order): the
    /// objects of `ret_class` when `returning()` named a model class, else rows of the
    /// columns' Python values; a result without rows when nothing was returned.
    pub(crate) fn returned_result(
        &mut self,
        table: &crate::core::orm::schema::Table,
        ret_cols: &[String],
        ret_class: Option<&str>,
        out_rows: &[Vec<SqlValue>],
    ) -> R<ResultObj> {
        if let Some(class) = ret_class {
            let mut objs = vec![];
            for r in out_rows {
                objs.push(vec![self.instance_from_row(class, r, 0, false)?]);
            }
            return Ok(ResultObj::rows(Rc::new(vec![Rc::from(class)]), objs));
        }
        if ret_cols.is_empty() {
            let mut ro = ResultObj::rows(Rc::new(vec![]), vec![]);
            ro.kind = ResultKind::NoRows;
            return Ok(ro);
        }
        let ret_types: Vec<Option<crate::core::sql::SqlType>> = ret_cols
            .iter()
            .map(|n| {
                table
                    .columns
                    .iter()
                    .find(|c| c.name == *n)
                    .map(|c| c.ty.clone())
            })
            .collect();
        let mut vals = vec![];
        for r in out_rows {
            let mut row = vec![];
            for (v, t) in r.iter().zip(&ret_types) {
                row.push(self.from_sql(v, t.as_ref())?);
            }
            vals.push(row);
        }
        let keys = ret_cols.iter().map(|c| Rc::from(c.as_str())).collect();
        Ok(ResultObj::rows(Rc::new(keys), vals))
    }

    /// `str(insert(...))`: SQLAlchemy's default dialect with named parameters.
    pub fn insert_str(&mut self, ins: &InsertObj) -> R<String> {
        Ok(self.insert_text(ins, false, false)?.0)
    }

    /// `insert(...).compile(bind=None, compile_kwargs=...)`: in SQLite's dialect when given
    /// the engine, else the default one; `literal_binds` writes the values in.
    pub fn insert_compile(&mut self, ins: &InsertObj, args: &[Value], kw: &Kw) -> R<Value> {
        let (sqlite, literal) = self.compile_options(args, kw)?;
        let (sql, params) = self.insert_text(ins, sqlite, literal)?;
        Ok(nv(Native::Compiled(Rc::from(sql), sqlite, params.into())))
    }

    /// The INSERT's text (the default dialect's named parameters, SQLite's `?`, or the
    /// values written in) and its named parameters.
    fn insert_text(
        &mut self,
        ins: &InsertObj,
        sqlite: bool,
        literal: bool,
    ) -> R<(String, Vec<Param>)> {
        // (A SQLite dialect construct compiles in its dialect.)
        let sqlite = sqlite || ins.sqlite;
        let row = self.insert_row(ins, ins.multi.first(), false)?;
        let table = self.orm.reg.metadata.table(&ins.table).cloned();
        let Some(table) = table else {
            return Ok((String::new(), vec![]));
        };
        let q = match sqlite {
            true => crate::core::sql::ident::quote,
            false => crate::core::sql::ident::quote_generic,
        };
        let mut params = vec![];
        let mut literals = vec![];
        for (i, v) in &row.cells {
            // (A Python default is computed when the statement runs: `None` until then.)
            let key = table.columns[*i].key.as_str();
            let v = match row.keys.iter().any(|k| **k == *key) {
                true => v.clone(),
                false => Value::None,
            };
            params.push((Rc::from(key), v.clone()));
            if literal {
                let ty = table.columns[*i].ty.clone();
                let sv = self.to_sql(&v, Some(&ty))?;
                literals.push((*i, crate::core::sql::render::literal_value(&sv, !sqlite)));
            }
        }
        let place = |i: &usize, name: String| -> String {
            match (literal, sqlite) {
                (true, _) => (literals.iter())
                    .find(|(j, _)| j == i)
                    .map_or_else(|| "NULL".to_string(), |(_, l)| l.clone()),
                (false, true) => "?".into(),
                (false, false) => format!(":{name}"),
            }
        };
        // (Without `values()` the statement names every column: its parameters come
        // with each execution.)
        let at: Vec<usize> = if ins.values.is_empty() && ins.multi.is_empty() {
            (0..table.columns.len()).collect()
        } else {
            row.cells.iter().map(|(i, _)| *i).collect()
        };
        let cols: Vec<String> = at
            .iter()
            .map(|i| q(&table.columns[*i].name).into_owned())
            .collect();
        // (A multi-row VALUES numbers each row's parameters, `:name_m0`, `:name_m1`, but
        // for the first row's defaults, as SQLAlchemy names them: `:rank`.)
        let tuples: Vec<String> = match ins.multi.len() {
            0 => vec![
                (at.iter())
                    .map(|i| place(i, table.columns[*i].key.clone()))
                    .collect::<Vec<_>>()
                    .join(", "),
            ],
            n => (0..n)
                .map(|m| {
                    (at.iter())
                        .map(|i| {
                            let key = &table.columns[*i].key;
                            match m == 0 && !row.keys.iter().any(|k| **k == **key) {
                                true => place(i, key.clone()),
                                false => place(i, format!("{key}_m{m}")),
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect(),
        };
        let mut s = String::from("INSERT ");
        for p in &ins.prefixes {
            s.push_str(p);
            s.push(' ');
        }
        s.push_str(&format!("INTO {}", q(&table.name)));
        if cols.is_empty() {
            s.push_str(" DEFAULT VALUES");
        } else {
            s.push_str(&format!(
                " ({}) VALUES ({})",
                cols.join(", "),
                tuples.join("), (")
            ));
        }
        if let Some(oc) = &ins.on_conflict {
            let oc = self.on_conflict_sql(oc, &table)?;
            s.push(' ');
            let (sql, named) = crate::core::sql::render::render_on_conflict(&oc, literal);
            s.push_str(&sql);
            params.extend(self.named_param_values(named)?);
        }
        // (The default dialect names each RETURNING column with its table.)
        let (ret_cols, _) = self.returning_columns(&ins.returning, &table)?;
        if !ret_cols.is_empty() {
            let t = q(&table.name);
            let cols: Vec<String> = match sqlite {
                true => ret_cols.iter().map(|c| q(c).into_owned()).collect(),
                false => ret_cols.iter().map(|c| format!("{t}.{}", q(c))).collect(),
            };
            s.push_str(" RETURNING ");
            s.push_str(&cols.join(", "));
        }
        Ok((s, params))
    }
}
