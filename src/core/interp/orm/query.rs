//! `Model.query` / `db.session.query(...)` (legacy `Query`) and `select(...)` (2.0): building,
//! executing, and turning rows into instances or `Row`s; `paginate()`.

use std::rc::Rc;

use crate::core::orm::query::{Entity, JoinTarget, Query};
use crate::core::sql::{Expr, LabelStyle, Select, SqlType, SqlValue, Statement};

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::result::{ResultObj, RowObj};

/// `values(...)` of an UPDATE: (column key, value).
pub type SetValues = Vec<(Rc<str>, Value)>;

/// What a columns-clause entry produces in a result row.
#[derive(Clone)]
pub enum Ent {
    /// A model instance.
    Class(Rc<str>),
    /// A column value.
    Col {
        /// Row key.
        key: Rc<str>,
        /// Type for result processing.
        ty: Option<SqlType>,
    },
}

/// A query value.
#[derive(Clone)]
pub struct QueryObj {
    /// The query state.
    pub q: Query,
    /// Legacy `Query` (true) or `Select` (false).
    pub legacy: bool,
    /// Entities for result building.
    pub ents: Vec<Ent>,
    /// `update(Model)` / `delete(Model)` statements: the SET values (`None` for delete).
    pub dml: Option<Option<SetValues>>,
}

/// Flask-SQLAlchemy's `Pagination`.
#[derive(Clone)]
pub struct Pagination {
    /// The query (for next/prev).
    pub query: QueryObj,
    /// Page number.
    pub page: i64,
    /// Items per page.
    pub per_page: i64,
    /// Total count.
    pub total: i64,
    /// Items of this page.
    pub items: Vec<Value>,
    /// error_out used.
    pub error_out: bool,
}

impl Pagination {
    /// Number of pages.
    pub fn pages(&self) -> i64 {
        if self.total == 0 || self.per_page == 0 {
            0
        } else {
            (self.total + self.per_page - 1) / self.per_page
        }
    }
}

impl QueryObj {
    /// `Model.query`.
    pub fn legacy_of(class: &str) -> Self {
        QueryObj {
            dml: None,
            q: Query::of(class),
            legacy: true,
            ents: vec![Ent::Class(Rc::from(class))],
        }
    }

    /// The query as a scalar subquery expression.
    pub fn scalar_subquery(&self, it: &mut Interp<'_>) -> R<Expr> {
        match self.q.scalar_subquery(&it.orm.reg) {
            Ok(e) => Ok(e),
            Err(e) => it.raise("InvalidRequestError", e.0),
        }
    }

    /// The query compiled for `IN (subquery)`.
    pub fn compile_scalar(&self, it: &mut Interp<'_>) -> R<Select> {
        match self.q.compile(&it.orm.reg) {
            Ok(mut s) => {
                s.label_style = LabelStyle::DisambiguateOnly;
                Ok(s)
            }
            Err(e) => it.raise("InvalidRequestError", e.0),
        }
    }
}

impl Interp<'_> {
    /// Entities of `select(...)` / `session.query(...)` arguments.
    pub fn entities_from(&mut self, args: &[Value]) -> R<(Vec<Entity>, Vec<Ent>)> {
        let mut es = vec![];
        let mut ents = vec![];
        for a in args {
            match a {
                Value::Class(c) if c.model_info().is_some() => {
                    es.push(Entity::Class(c.name.to_string()));
                    ents.push(Ent::Class(c.name.clone()));
                }
                Value::Class(c) => {
                    return self.raise("ArgumentError", format!("Column expression, FROM clause, or other columns clause element expected, got <class '__main__.{}'>.", c.name));
                }
                _ => {
                    let s = self.to_expr(a, None)?;
                    let key: Rc<str> = match (&s.key, &s.expr) {
                        (Some(k), _) => k.clone(),
                        (None, Expr::Func { name, .. }) => Rc::from(name.as_str()),
                        (None, Expr::Label { name, .. }) => Rc::from(name.as_str()),
                        (None, Expr::Column { name, .. }) => Rc::from(name.as_str()),
                        _ => Rc::from("anon_1"),
                    };
                    es.push(Entity::Expr(s.expr.clone()));
                    ents.push(Ent::Col {
                        key,
                        ty: s.ty.clone(),
                    });
                }
            }
        }
        Ok((es, ents))
    }

    /// Compiles a query.
    pub fn compile_query(&mut self, q: &Query) -> R<Select> {
        match q.compile(&self.orm.reg) {
            Ok(s) => Ok(s),
            Err(e) => self.raise("InvalidRequestError", e.0),
        }
    }

    /// Runs a SELECT (after autoflush).
    pub fn run_select(&mut self, sel: Select) -> R<Vec<Vec<SqlValue>>> {
        self.autoflush()?;
        let r = self.run_stmt(&Statement::Select(sel), true)?;
        Ok(r.rows)
    }

    /// Runs a query of one class and returns instances.
    pub fn run_entity_query(&mut self, q: &Query, class: &str, _legacy: bool) -> R<Vec<Value>> {
        let sel = self.compile_query(q)?;
        let rows = self.run_select(sel)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(self.instance_from_row(class, r, 0)?);
        }
        Ok(out)
    }

    /// Converts result rows according to entities: one class → instances, otherwise `Row`s.
    pub fn build_rows(&mut self, ents: &[Ent], rows: Vec<Vec<SqlValue>>) -> R<Vec<Vec<Value>>> {
        let mut out = Vec::with_capacity(rows.len());
        let widths: Vec<usize> = ents
            .iter()
            .map(|e| match e {
                Ent::Class(c) => self
                    .orm
                    .reg
                    .table_of(c)
                    .map(|t| t.columns.len())
                    .unwrap_or(0),
                Ent::Col { .. } => 1,
            })
            .collect();
        for r in &rows {
            let mut off = 0;
            let mut vals = Vec::with_capacity(ents.len());
            for (e, w) in ents.iter().zip(&widths) {
                match e {
                    Ent::Class(c) => vals.push(self.instance_from_row(c, r, off)?),
                    Ent::Col { ty, .. } => {
                        let v = r.get(off).cloned().unwrap_or(SqlValue::Null);
                        vals.push(self.from_sql(&v, ty.as_ref())?);
                    }
                }
                off += w;
            }
            out.push(vals);
        }
        Ok(out)
    }

    /// Row keys of entities.
    pub fn ent_keys(&self, ents: &[Ent]) -> Rc<Vec<Rc<str>>> {
        Rc::new(
            ents.iter()
                .map(|e| match e {
                    Ent::Class(c) => c.clone(),
                    Ent::Col { key, .. } => key.clone(),
                })
                .collect(),
        )
    }

    /// Executes a query: legacy queries of one class give instances, others `Row`s.
    pub fn query_all(&mut self, qo: &QueryObj) -> R<Vec<Value>> {
        let sel = self.compile_query(&qo.q)?;
        let rows = self.run_select(sel)?;
        let built = self.build_rows(&qo.ents, rows)?;
        if qo.ents.len() == 1 && matches!(qo.ents[0], Ent::Class(_)) {
            return Ok(built.into_iter().map(|mut r| r.remove(0)).collect());
        }
        let keys = self.ent_keys(&qo.ents);
        Ok(built
            .into_iter()
            .map(|r| {
                Value::Native(Rc::new(Native::Row(RowObj {
                    keys: keys.clone(),
                    values: Rc::new(r),
                })))
            })
            .collect())
    }

    /// `session.execute(select)` → Result.
    pub fn execute_select(&mut self, qo: &QueryObj) -> R<Value> {
        let sel = self.compile_query(&qo.q)?;
        let rows = self.run_select(sel)?;
        let built = self.build_rows(&qo.ents, rows)?;
        let keys = self.ent_keys(&qo.ents);
        Ok(Value::Native(Rc::new(Native::Result(
            std::cell::RefCell::new(ResultObj::rows(keys, built)),
        ))))
    }

    fn one_value(&mut self, qo: &QueryObj, kind: &str) -> R<Value> {
        let mut q = qo.clone();
        if kind != "one" && kind != "one_or_none" {
            q.q.limit = Some(1);
        }
        let items = self.query_all(&q)?;
        match kind {
            "first" => Ok(items.into_iter().next().unwrap_or(Value::None)),
            _ => match items.len() {
                0 if kind == "one_or_none" => Ok(Value::None),
                0 => self.raise("NoResultFound", "No row was found when one was required"),
                1 => Ok(items.into_iter().next().unwrap_or(Value::None)),
                _ => self.raise(
                    "MultipleResultsFound",
                    "Multiple rows were found when exactly one was required",
                ),
            },
        }
    }

    /// Count of a query.
    pub fn query_count(&mut self, qo: &QueryObj) -> R<i64> {
        let sel = match qo.q.count_statement(&self.orm.reg) {
            Ok(s) => s,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let rows = self.run_select(sel)?;
        Ok(match rows.first().and_then(|r| r.first()) {
            Some(SqlValue::Integer(i)) => *i,
            _ => 0,
        })
    }

    /// Primary-key lookup through the identity map, then the database.
    pub fn get_by_pk(&mut self, class: &str, pk: &Value) -> R<Value> {
        let Some(cls) = self.orm.classes.get(class).cloned() else {
            return Ok(Value::None);
        };
        let Some(m) = cls.model_info() else {
            return Ok(Value::None);
        };
        let ids: Vec<Value> = match pk {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            Value::Dict(_) => {
                let mut v = vec![];
                for &pi in &m.pk {
                    let k = m.columns[pi].0.clone();
                    v.push(self.getitem(pk, &Value::Str(k))?);
                }
                v
            }
            other => vec![other.clone()],
        };
        if ids.len() != m.pk.len() {
            return self.raise(
                "InvalidRequestError",
                format!("Incorrect number of values in identifier formed from argument to get(); primary key columns are {}", m.pk.iter().map(|&i| format!("'{}.{}'", m.table, m.columns[i].1)).collect::<Vec<_>>().join(", ")),
            );
        }
        let tys: Vec<crate::core::sql::SqlType> = match self.orm.reg.table_of(class) {
            Ok(t) => m.pk.iter().map(|&pi| t.columns[pi].ty.clone()).collect(),
            Err(_) => return Ok(Value::None),
        };
        let mut conv = vec![];
        for (i, ty) in tys.iter().enumerate() {
            let sv = self.to_sql(&ids[i], Some(ty))?;
            conv.push(sv);
        }
        let mut hk_vals = vec![];
        for (sv, ty) in conv.iter().zip(&tys) {
            hk_vals.push(self.from_sql(sv, Some(ty))?);
        }
        let hk =
            super::super::value::HKey::Tuple(hk_vals.iter().filter_map(|v| v.hkey()).collect());
        if let Some(found) = self.orm.identity.get(&(m.table.clone(), hk)).cloned() {
            let deleted = found.orm.borrow().as_ref().is_some_and(|s| s.to_delete);
            if !deleted {
                let expired = found.orm.borrow().as_ref().is_some_and(|s| s.expired);
                if expired {
                    match self.refresh_instance(&found) {
                        Ok(()) => {}
                        Err(e)
                            if self
                                .exc_matches(&e.value, &self.exc["ObjectDeletedError"].clone()) =>
                        {
                            return Ok(Value::None);
                        }
                        Err(e) => return Err(e),
                    }
                }
                return Ok(Value::Instance(found));
            }
            return Ok(Value::None);
        }
        // The SELECT depends only on the class: rendered once, then reused with new
        // parameters (cached only when its parameters are exactly the key's values).
        let cache_key = Rc::as_ptr(&m) as usize;
        let sql = match self.orm.get_sql.get(&cache_key) {
            Some((_, sql)) => sql.clone(),
            None => {
                let sel = match crate::core::orm::query::get_statement(
                    &self.orm.reg,
                    class,
                    conv.clone(),
                ) {
                    Ok(s) => s,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                let r = crate::core::sql::render(&crate::core::sql::Statement::Select(sel));
                let sql: Rc<str> = Rc::from(r.sql.as_str());
                if r.params == conv {
                    // (The model info is kept alive with it: its address stays unique.)
                    self.orm.get_sql.insert(cache_key, (m.clone(), sql.clone()));
                }
                sql
            }
        };
        self.autoflush()?;
        let rows = self.run_sql(&sql, &conv, true)?.rows;
        match rows.first() {
            Some(r) => {
                let r = r.clone();
                self.instance_from_row(class, &r, 0)
            }
            None => Ok(Value::None),
        }
    }

    /// Raises werkzeug's `NotFound` (404) with an optional description.
    pub fn not_found<T>(&mut self, description: Option<Value>) -> R<T> {
        let desc = description.unwrap_or(Value::str("The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."));
        let ds = self.to_str(&desc)?;
        let v = self.new_exc("NotFound", "");
        if let Value::Instance(i) = &v {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("code"), Value::int(404));
            d.insert(Rc::from("description"), desc);
            d.insert(Rc::from("name"), Value::str("Not Found"));
            d.insert(
                Rc::from("_message"),
                Value::str(&format!("404 Not Found: {ds}")),
            );
        }
        self.raise_value(v)
    }

    fn order_exprs(&mut self, args: &[Value]) -> R<Vec<Expr>> {
        let mut out = vec![];
        for a in args {
            match a {
                Value::None => {}
                Value::Str(s) => out.push(Expr::LabelRef(s.to_string())),
                _ => out.push(self.to_expr(a, None)?.expr),
            }
        }
        Ok(out)
    }

    fn filter_by_pairs(&mut self, q: &QueryObj, kw: &Kw) -> R<Vec<(String, Expr)>> {
        let class = q.q.filter_by_class(&self.orm.reg);
        let Some(class) = class else {
            return self.raise("InvalidRequestError", "filter_by() needs an entity");
        };
        let table = match self.orm.reg.table_of(&class) {
            Ok(t) => t.clone(),
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let mut pairs = vec![];
        for (k, v) in kw {
            // relationship comparison: filter_by(author=user)
            if table.col_by_key(k).is_none() {
                let is_rel = self.orm.reg.relationship(&class, k).is_ok();
                if is_rel {
                    let attr = Value::Native(Rc::new(Native::Instrumented(super::Instrumented {
                        class: Rc::from(class.as_str()),
                        key: k.clone(),
                        column: None,
                    })));
                    let e = self.compare(crate::core::lang::ast::CmpOp::Eq, &attr, v)?;
                    if let Some(s) = self.as_sql(&e) {
                        pairs.push((String::new(), s.expr));
                    }
                    continue;
                }
                return self.raise(
                    "InvalidRequestError",
                    format!(
                        "Entity namespace for \"{}\" has no property \"{k}\"",
                        table.name
                    ),
                );
            }
            let col = table.col_by_key(k).cloned();
            let Some(col) = col else { continue };
            let e = match v {
                Value::None => Expr::Null,
                Value::Bool(b) => {
                    if *b {
                        Expr::true_()
                    } else {
                        Expr::false_()
                    }
                }
                _ => self.to_expr(v, Some(&col.ty))?.expr,
            };
            pairs.push((k.to_string(), e));
        }
        Ok(pairs)
    }

    /// Methods of Query / Select objects.
    pub fn query_method(
        &mut self,
        qo: &QueryObj,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let wrap = |q: QueryObj| Ok(Value::Native(Rc::new(Native::Query(q))));
        let mut q = qo.clone();
        match name {
            "filter" | "where" => {
                for a in &args {
                    let e = match a {
                        Value::Bool(true) => Expr::true_(),
                        Value::Bool(false) => Expr::false_(),
                        _ => {
                            match self.as_sql(a) {
                                Some(s) => s.expr,
                                None => {
                                    let r = self.repr(a)?;
                                    return self.raise("ArgumentError", format!("SQL expression for WHERE/HAVING role expected, got {r}."));
                                }
                            }
                        }
                    };
                    q.q.where_.push(e);
                }
                wrap(q)
            }
            "filter_by" => {
                let pairs = self.filter_by_pairs(qo, &kw)?;
                let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
                let table = self.orm.reg.table_of(&class).cloned();
                for (k, e) in pairs {
                    if k.is_empty() {
                        q.q.where_.push(e);
                        continue;
                    }
                    if let Ok(t) = &table
                        && let Some(c) = t.col_by_key(&k)
                    {
                        let col = Expr::col(&t.name, c.name.clone());
                        q.q.where_.push(if matches!(e, Expr::Null) {
                            col.is_null()
                        } else {
                            col.eq(e)
                        });
                    }
                }
                wrap(q)
            }
            "order_by" => {
                if args.iter().any(|a| matches!(a, Value::None)) {
                    q.q.order_by.clear();
                }
                let o = self.order_exprs(&args)?;
                q.q.order_by.extend(o);
                wrap(q)
            }
            "group_by" => {
                let o = self.order_exprs(&args)?;
                q.q.group_by.extend(o);
                wrap(q)
            }
            "having" => {
                for a in &args {
                    let e = self.to_expr(a, None)?.expr;
                    q.q.having.push(e);
                }
                wrap(q)
            }
            "limit" | "offset" => {
                let n = match args.first() {
                    Some(Value::None) => None,
                    Some(v) => Some(self.as_index(v)?),
                    None => None,
                };
                if name == "limit" {
                    q.q.limit = n;
                } else {
                    q.q.offset = n;
                }
                wrap(q)
            }
            "distinct" => {
                q.q.distinct = true;
                wrap(q)
            }
            "with_entities" | "with_only_columns" => {
                let (es, ents) = self.entities_from(&args)?;
                q.q.entities = es;
                q.ents = ents;
                wrap(q)
            }
            "add_columns" => {
                let (es, ents) = self.entities_from(&args)?;
                q.q.entities.extend(es);
                q.ents.extend(ents);
                wrap(q)
            }
            "select_from" => {
                for a in &args {
                    if let Value::Class(c) = a {
                        q.q.select_from.push(c.name.to_string());
                    }
                }
                wrap(q)
            }
            "join" | "outerjoin" => {
                let outer = name == "outerjoin"
                    || kw
                        .iter()
                        .any(|(k, v)| &**k == "isouter" && matches!(v, Value::Bool(true)));
                let target = match args.first() {
                    Some(Value::Class(c)) => JoinTarget::Class(c.name.to_string()),
                    Some(Value::Native(n)) => match &**n {
                        Native::Instrumented(a) if a.column.is_none() => JoinTarget::Relationship {
                            class: a.class.to_string(),
                            name: a.key.to_string(),
                        },
                        _ => return self.unsupported("this join target"),
                    },
                    _ => return self.raise("ArgumentError", "join() needs a target"),
                };
                let on = match args.get(1) {
                    Some(v) => Some(self.to_expr(v, None)?.expr),
                    None => None,
                };
                if outer {
                    q.q = q.q.outerjoin(target, on);
                } else {
                    q.q = q.q.join(target, on);
                }
                wrap(q)
            }
            "values" if qo.dml.is_some() => {
                let mut vals: Vec<(Rc<str>, Value)> = match &qo.dml {
                    Some(Some(v)) => v.clone(),
                    _ => vec![],
                };
                if let Some(d) = args.first() {
                    for (k, v) in self.mapping_items(d)? {
                        let key: Rc<str> = match &k {
                            Value::Str(s) => s.clone(),
                            other => match self.as_sql(other).and_then(|s| s.key) {
                                Some(k) => k,
                                None => {
                                    return self.raise(
                                        "ArgumentError",
                                        "values() keys must be column names",
                                    );
                                }
                            },
                        };
                        vals.push((key, v));
                    }
                }
                vals.extend(kw.iter().cloned());
                q.dml = Some(Some(vals));
                wrap(q)
            }
            "options" | "execution_options" | "enable_eagerloads" | "populate_existing"
            | "autoflush" => wrap(q),
            "with_parent" => {
                let Some(Value::Instance(parent)) = args.first() else {
                    return self.raise("ArgumentError", "with_parent() needs an instance");
                };
                let target = match &qo.ents.first() {
                    Some(Ent::Class(c)) => c.to_string(),
                    _ => String::new(),
                };
                let pm = parent.class.model_info();
                let Some(pm) = pm else { return wrap(q) };
                let rel = self.orm.reg.mapper(&pm.class).ok().and_then(|m| {
                    m.relationships
                        .iter()
                        .find(|r| r.target == target)
                        .map(|r| r.name.clone())
                });
                let Some(rel) = rel else {
                    return self.raise("InvalidRequestError", format!("Could not locate a property which relates instances of class '{target}' to instances of class '{}'", pm.class));
                };
                let mut vals = std::collections::HashMap::new();
                self.ensure_loaded(parent)?;
                for (k, n) in &pm.columns {
                    let v = parent.dict.borrow().get(k).cloned().unwrap_or(Value::None);
                    vals.insert(
                        n.to_string(),
                        self.to_sql(&v, None).unwrap_or(SqlValue::Null),
                    );
                }
                let lq = match crate::core::orm::relations::lazy_load_query(
                    &self.orm.reg,
                    &pm.class,
                    &rel,
                    &|c| vals.get(c).cloned().unwrap_or(SqlValue::Null),
                ) {
                    Ok(x) => x,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                q.q.where_.extend(lq.where_);
                wrap(q)
            }
            "all" => Ok(Value::list(self.query_all(qo)?)),
            "first" | "one" | "one_or_none" => self.one_value(qo, name),
            "scalar" => {
                let items = self.query_all(qo)?;
                if items.len() > 1 {
                    return self.raise(
                        "MultipleResultsFound",
                        "Multiple rows were found when exactly one was required",
                    );
                }
                Ok(match items.into_iter().next() {
                    Some(Value::Native(n)) => match &*n {
                        Native::Row(r) => r.values.first().cloned().unwrap_or(Value::None),
                        _ => Value::Native(n.clone()),
                    },
                    Some(v) => v,
                    None => Value::None,
                })
            }
            "count" => Ok(Value::int(self.query_count(qo)?)),
            "get" => {
                self.warn("LegacyAPIWarning", "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)");
                let class = match qo.ents.first() {
                    Some(Ent::Class(c)) => c.to_string(),
                    _ => return self.raise("InvalidRequestError", "get() needs a single entity"),
                };
                self.get_by_pk(&class, args.first().unwrap_or(&Value::None))
            }
            "get_or_404" => {
                let class = match qo.ents.first() {
                    Some(Ent::Class(c)) => c.to_string(),
                    _ => return self.raise("InvalidRequestError", "get() needs a single entity"),
                };
                let v = self.get_by_pk(&class, args.first().unwrap_or(&Value::None))?;
                if matches!(v, Value::None) {
                    let d = kw
                        .iter()
                        .find(|k| &*k.0 == "description")
                        .map(|k| k.1.clone());
                    return self.not_found(d);
                }
                Ok(v)
            }
            "first_or_404" | "one_or_404" => {
                let v = self.one_value(
                    qo,
                    if name == "first_or_404" {
                        "first"
                    } else {
                        "one_or_none"
                    },
                )?;
                if matches!(v, Value::None) {
                    let d = kw
                        .iter()
                        .find(|k| &*k.0 == "description")
                        .map(|k| k.1.clone());
                    return self.not_found(d);
                }
                Ok(v)
            }
            "paginate" => self.paginate(qo, &args, &kw),
            "exists" => {
                let sel = match qo.q.exists_statement(&self.orm.reg) {
                    Ok(s) => s,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                let Some(Expr::Unary { .. }) = sel.columns.first().cloned() else {
                    return Ok(Value::None);
                };
                Ok(super::sqlexpr::sql_value(super::SqlObj::typed(
                    sel.columns[0].clone(),
                    Some(SqlType::Boolean),
                )))
            }
            "update" => {
                let Some(vals) = args.first() else {
                    return self.raise("TypeError", "update() missing values");
                };
                let items = self.mapping_items(vals)?;
                let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
                let table = self.orm.reg.table_of(&class).cloned();
                let Ok(table) = table else {
                    return Ok(Value::int(0));
                };
                let mut pairs: Vec<(String, Expr)> = vec![];
                for (k, v) in items {
                    let key = match &k {
                        Value::Str(s) => s.to_string(),
                        other => match self.as_sql(other) {
                            Some(s) => s.key.map(|k| k.to_string()).unwrap_or_default(),
                            None => String::new(),
                        },
                    };
                    let ty = table.col_by_key(&key).map(|c| c.ty.clone());
                    let e = self.to_expr(&v, ty.as_ref())?.expr;
                    pairs.push((key, e));
                }
                let refs: Vec<(&str, Expr)> =
                    pairs.iter().map(|(k, e)| (k.as_str(), e.clone())).collect();
                let up = match qo.q.update_statement(&self.orm.reg, refs) {
                    Ok(u) => u,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                self.autoflush()?;
                let r = self.run_stmt(&Statement::Update(up), true)?;
                // synchronize_session='auto': evaluate on loaded objects (expire them here)
                let loaded: Vec<_> = self.orm.identity_order.clone();
                for inst in loaded {
                    if inst.class.model_info().is_some_and(|m| *m.class == *class) {
                        self.expire(&inst);
                    }
                }
                Ok(Value::int(r.rowcount))
            }
            "delete" => {
                let class = q.q.filter_by_class(&self.orm.reg).unwrap_or_default();
                let del = match qo.q.delete_statement(&self.orm.reg) {
                    Ok(d) => d,
                    Err(e) => return self.raise("InvalidRequestError", e.0),
                };
                self.autoflush()?;
                // find matching loaded objects first (synchronize_session)
                let matching = if self
                    .orm
                    .identity_order
                    .iter()
                    .any(|i| i.class.model_info().is_some_and(|m| *m.class == *class))
                {
                    self.query_all(qo)?
                } else {
                    vec![]
                };
                let r = self.run_stmt(&Statement::Delete(del), true)?;
                for m in matching {
                    if let Value::Instance(i) = m {
                        if let Some(k) = i.class.model_info().and_then(|mi| {
                            self.identity_hkey(&i, &mi).map(|h| (mi.table.clone(), h))
                        }) {
                            self.orm.identity.remove(&k);
                        }
                        self.orm.identity_order.retain(|x| !Rc::ptr_eq(x, &i));
                        if let Some(s) = i.orm.borrow_mut().as_mut() {
                            s.status = super::model::Status::Deleted;
                        }
                    }
                }
                Ok(Value::int(r.rowcount))
            }
            "subquery" | "scalar_subquery" | "as_scalar" => {
                let e = qo.scalar_subquery(self)?;
                Ok(super::sqlexpr::sql_value(super::SqlObj::of(e)))
            }
            "label" => {
                let e = qo.scalar_subquery(self)?;
                let n = match args.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "anon_1".into(),
                };
                Ok(super::sqlexpr::sql_value(super::SqlObj {
                    expr: e.label(n.clone()),
                    ty: None,
                    key: Some(Rc::from(n.as_str())),
                    class: None,
                }))
            }
            "statement" => wrap(q),
            _ => {
                let t = if qo.legacy { "Query" } else { "Select" };
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    /// `query.paginate(page=, per_page=, error_out=)` / `db.paginate(select, ...)`.
    pub fn paginate(&mut self, qo: &QueryObj, args: &[Value], kw: &Kw) -> R<Value> {
        let mut page = 1;
        let mut per_page = 20;
        let mut error_out = true;
        let mut max_per_page = None;
        if let Some((i, a)) = args.iter().enumerate().next() {
            let _ = (i, a);
            return self.raise("TypeError", "paginate() takes 1 positional argument");
        }
        for (k, v) in kw {
            match &**k {
                "page" => {
                    page = if matches!(v, Value::None) {
                        1
                    } else {
                        self.as_index(v)?
                    }
                }
                "per_page" => {
                    per_page = if matches!(v, Value::None) {
                        20
                    } else {
                        self.as_index(v)?
                    }
                }
                "error_out" => error_out = self.truthy(v)?,
                "max_per_page" => max_per_page = Some(self.as_index(v)?),
                "count" => {}
                _ => {
                    return self.raise(
                        "TypeError",
                        format!("paginate() got an unexpected keyword argument '{k}'"),
                    );
                }
            }
        }
        if let Some(m) = max_per_page {
            per_page = per_page.min(m);
        }
        if page < 1 {
            if error_out {
                return self.not_found(None);
            }
            page = 1;
        }
        if per_page < 1 {
            if error_out {
                return self.not_found(None);
            }
            per_page = 20;
        }
        let mut items_q = qo.clone();
        items_q.q.limit = Some(per_page);
        items_q.q.offset = Some((page - 1) * per_page);
        let items = self.query_all(&items_q)?;
        let items: Vec<Value> = items
            .into_iter()
            .map(|v| match &v {
                Value::Native(n) if !qo.legacy => match &**n {
                    Native::Row(r) if r.values.len() == 1 => r.values[0].clone(),
                    _ => v,
                },
                _ => v,
            })
            .collect();
        if items.is_empty() && page != 1 && error_out {
            return self.not_found(None);
        }
        let (_, total_sel) = match qo.q.paginate_statements(&self.orm.reg, page, per_page) {
            Ok(x) => x,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let rows = self.run_select(total_sel)?;
        let total = match rows.first().and_then(|r| r.first()) {
            Some(SqlValue::Integer(i)) => *i,
            _ => 0,
        };
        Ok(Value::Native(Rc::new(Native::Pagination(Pagination {
            query: qo.clone(),
            page,
            per_page,
            total,
            items,
            error_out,
        }))))
    }

    /// Attributes of a Pagination.
    pub fn pagination_attr(&mut self, p: &Pagination, name: &str, this: &Value) -> R<Value> {
        let pages = p.pages();
        Ok(match name {
            "items" => Value::list(p.items.clone()),
            "page" => Value::int(p.page),
            "per_page" => Value::int(p.per_page),
            "total" => Value::int(p.total),
            "pages" => Value::int(pages),
            "has_prev" => Value::Bool(p.page > 1),
            "has_next" => Value::Bool(p.page < pages),
            "prev_num" => {
                if p.page > 1 {
                    Value::int(p.page - 1)
                } else {
                    Value::None
                }
            }
            "next_num" => {
                if p.page < pages {
                    Value::int(p.page + 1)
                } else {
                    Value::None
                }
            }
            "first" => {
                if p.total == 0 {
                    Value::int(0)
                } else {
                    Value::int((p.page - 1) * p.per_page + 1)
                }
            }
            "last" => {
                if p.total == 0 {
                    Value::int(0)
                } else {
                    Value::int(((p.page - 1) * p.per_page + p.items.len() as i64).min(p.total))
                }
            }
            "next" | "prev" | "iter_pages" => {
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name))))
            }
            _ => {
                return self.raise(
                    "AttributeError",
                    format!("'QueryPagination' object has no attribute '{name}'"),
                );
            }
        })
    }

    /// Methods of a Pagination.
    pub fn pagination_method(&mut self, p: &Pagination, name: &str, kw: Kw) -> R<Value> {
        match name {
            "next" | "prev" => {
                let page = if name == "next" {
                    p.page + 1
                } else {
                    p.page - 1
                };
                let kw: Kw = vec![
                    (Rc::from("page"), Value::int(page)),
                    (Rc::from("per_page"), Value::int(p.per_page)),
                    (Rc::from("error_out"), Value::Bool(p.error_out)),
                ];
                self.paginate(&p.query.clone(), &[], &kw)
            }
            _ => {
                let mut le = 2;
                let mut lc = 2;
                let mut rc = 4;
                let mut re = 2;
                for (k, v) in &kw {
                    let n = self.as_index(v)?;
                    match &**k {
                        "left_edge" => le = n,
                        "left_current" => lc = n,
                        "right_current" => rc = n,
                        "right_edge" => re = n,
                        _ => {}
                    }
                }
                let pages_end = p.pages() + 1;
                let mut out = vec![];
                if pages_end == 1 {
                    return Ok(Value::list(out));
                }
                let left_end = (1 + le).min(pages_end);
                out.extend((1..left_end).map(Value::int));
                if left_end == pages_end {
                    return Ok(Value::list(out));
                }
                let mid_start = left_end.max(p.page - lc);
                let mid_end = (p.page + rc + 1).min(pages_end);
                if mid_start - left_end > 0 {
                    out.push(Value::None);
                }
                out.extend((mid_start..mid_end).map(Value::int));
                if mid_end == pages_end {
                    return Ok(Value::list(out));
                }
                let right_start = mid_end.max(pages_end - re);
                if right_start - mid_end > 0 {
                    out.push(Value::None);
                }
                out.extend((right_start..pages_end).map(Value::int));
                Ok(Value::list(out))
            }
        }
    }
}
