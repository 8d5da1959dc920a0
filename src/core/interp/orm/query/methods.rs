//! The methods of `Query` / `Select` objects: building (`filter`, `filter_by`, `join`,
//! `order_by`, ...), running (`all`, `first`, `one`, `scalar`, `count`, `get`, ...) and
//! bulk `update()` / `delete()`.

mod bounds;
mod clauses;

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::sqlexpr::sql_value;
use crate::core::interp::orm::{Instrumented, Native, SqlObj};
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::orm::query::JoinTarget;
use crate::core::sql::{Compound, Correlate, Expr, FromItem, SqlType, SqlValue, TableRef};

use super::{Ent, QueryObj};

impl Interp<'_> {
    fn order_exprs(&mut self, args: &[Value], clause: &str) -> R<Vec<Expr>> {
        let mut out = vec![];
        for a in args {
            match a {
                Value::None => {}
                // (A number or a list is no SQL expression: SQLAlchemy's coercion refuses
                // it, where a bool becomes `true()`/`false()`.)
                Value::Int(_) | Value::Float(_) | Value::List(_) | Value::Tuple(_) => {
                    let r = self.repr(a)?;
                    return self.raise(
                        "ArgumentError",
                        format!("{clause} BY expression expected, got {r}."),
                    );
                }
                Value::Str(s) => out.push(Expr::LabelRef(s.to_string())),
                // A mapped class (or an alias of one): each of its columns.
                Value::Class(c) if c.model_info().is_some() => {
                    if let Ok(t) = self.orm.reg.table_of(&c.name) {
                        out.extend(
                            t.columns
                                .iter()
                                .map(|col| Expr::col(&t.name, col.name.clone())),
                        );
                    }
                }
                Value::Native(n) if let Native::Aliased(class, alias) = &**n => {
                    if let Ok(t) = self.orm.reg.table_of(class) {
                        out.extend(
                            t.columns
                                .iter()
                                .map(|col| Expr::col_of(alias, col.name.clone())),
                        );
                    }
                }
                _ => out.push(self.to_expr(a, None)?.expr),
            }
        }
        Ok(out)
    }

    /// A `filter()` / `where()` argument as a condition: a SQL expression, or a Python
    /// bool (`true()` / `false()`).
    fn where_condition(&mut self, a: &Value) -> R<Expr> {
        match a {
            // (`None` is SQL NULL: `WHERE NULL` matches nothing.)
            Value::None => Ok(Expr::Null),
            Value::Bool(true) => Ok(Expr::true_()),
            Value::Bool(false) => Ok(Expr::false_()),
            _ => match self.as_sql(a) {
                Some(s) => Ok(s.into_condition()),
                // (A string is refused with a hint to wrap it in `text()`.)
                None if matches!(a, Value::Str(_)) => {
                    let r = self.repr(a)?;
                    self.raise(
                        "ArgumentError",
                        format!(
                            "Textual SQL expression {r} should be explicitly declared as text({r})"
                        ),
                    )
                }
                // (A column's method not called: `to_expr`'s error names it.)
                None if matches!(a, Value::BuiltinMethod(m) if matches!(&m.0, Value::Native(_))) => {
                    self.to_expr(a, None).map(|s| s.expr)
                }
                None => {
                    let r = self.repr(a)?;
                    self.raise(
                        "ArgumentError",
                        format!("SQL expression for WHERE/HAVING role expected, got {r}."),
                    )
                }
            },
        }
    }

    fn filter_by_pairs(&mut self, q: &QueryObj, kw: &Kw) -> R<Vec<(String, Expr)>> {
        let entity = q.q.filter_by_entity(&self.orm.reg);
        let Some((class, alias)) = entity else {
            return self.raise("InvalidRequestError", "filter_by() needs an entity");
        };
        // (Through an alias, a relationship compares the alias's columns.)
        let via = alias.map(|a| {
            Rc::new(crate::core::interp::orm::AliasVia {
                parent: Some(a),
                ..Default::default()
            })
        });
        let table = match self.orm.reg.table_of(&class) {
            Ok(t) => t.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        let mut pairs = vec![];
        for (k, v) in kw {
            // relationship comparison: filter_by(author=user)
            if table.col_by_attr(k).is_none() {
                let is_rel = self.orm.reg.relationship(&class, k).is_ok();
                if is_rel {
                    let attr = Value::Native(Rc::new(Native::Instrumented(Instrumented {
                        class: Rc::from(class.as_str()),
                        key: k.clone(),
                        column: None,
                        via: via.clone(),
                    })));
                    let e = self.compare(crate::core::lang::ast::CmpOp::Eq, &attr, v)?;
                    if let Some(s) = self.as_sql(&e) {
                        pairs.push((String::new(), s.expr));
                    }
                    continue;
                }
                // Another class attribute (a `@property`...): SQLAlchemy compares the
                // attribute itself, `getattr(Model, k) == v`, and filters on the result.
                // (Through the class's own attribute access: a hybrid gives its
                // expression.)
                let cls = self.orm.classes.get(&class).cloned();
                if let Some(c) = cls
                    && c.lookup(k).is_some()
                {
                    let attr = self.getattr(&Value::Class(c), k)?;
                    let e = self.compare(crate::core::lang::ast::CmpOp::Eq, &attr, v)?;
                    let cond = self.where_condition(&e)?;
                    pairs.push((String::new(), cond));
                    continue;
                }
                // Named after the entity: its table, or the column expression it
                // came from (`team.name`, `count(team.id)`).
                let entity = match (
                    q.q.joins.is_empty() && q.q.select_from.is_empty(),
                    q.q.entities.first(),
                ) {
                    (true, Some(crate::core::orm::query::Entity::Expr(x))) => {
                        let x = match x {
                            Expr::Label { expr, .. } => &**expr,
                            x => x,
                        };
                        crate::core::sql::render::render_expr_generic(x)
                    }
                    _ => table.name.clone(),
                };
                return self.raise(
                    "InvalidRequestError",
                    format!("Entity namespace for \"{entity}\" has no property \"{k}\""),
                );
            }
            let col = table.col_by_attr(k).cloned();
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

    fn warn_legacy_get(&mut self) {
        self.warn("LegacyAPIWarning", "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)");
    }

    /// `Query.get(ident)` of a query over `class`.
    fn legacy_get(
        &mut self,
        class: &str,
        args: &[Value],
        options: &[crate::core::orm::eager::LoaderOption],
        columns: &[crate::core::orm::query::ColumnLoad],
    ) -> R<Value> {
        self.warn_legacy_get();
        self.get_by_pk(
            class,
            args.first().unwrap_or(&Value::None),
            options,
            columns,
        )
    }

    /// `Model.query.get(key)` without the `Query` object.
    pub fn model_query_get(&mut self, class: &str, key: &Value) -> R<Value> {
        if self.orm.query_classes {
            return self.model_query_method(Rc::from(class), "get", vec![key.clone()], vec![]);
        }
        self.legacy_get(class, std::slice::from_ref(key), &[], &[])
    }

    /// `Model.query.name(...)` without the `Query` object: the script never sees it.
    pub fn model_query_method(
        &mut self,
        class: Rc<str>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        // (Only once a script has made a query class: the lookup costs every call.)
        if self.orm.query_classes
            && let Some(c) = self.orm.classes.get(&*class).cloned()
            && let Some(qc) = self.query_class_of(&c)
        {
            let mut qo = QueryObj::legacy_of(&class);
            qo.class = Some(qc);
            let n = Rc::new(super::super::Native::Query(Box::new(qo)));
            return self.native_method(n, name, args, kw);
        }
        if name == "get" && args.len() == 1 && kw.is_empty() {
            return self.legacy_get(&class, &args, &[], &[]);
        }
        let qo = QueryObj::legacy_of(&class);
        self.query_method(&qo, name, args, kw)
    }

    /// The query class of mapped class `c`'s queries: its `query_class`, else the one
    /// given to `SQLAlchemy(query_class=...)`.
    pub(crate) fn query_class_of(
        &self,
        c: &Rc<crate::core::interp::value::Class>,
    ) -> Option<Rc<crate::core::interp::value::Class>> {
        match c.lookup("query_class") {
            Some(Value::Class(q)) => Some(q),
            _ => self.orm.query_class.clone(),
        }
    }

    /// Methods of Query / Select objects.
    pub fn query_method(
        &mut self,
        qo: &QueryObj,
        name: &str,
        mut args: Vec<Value>,
        mut kw: Kw,
    ) -> R<Value> {
        let wrap = |q: QueryObj| Ok(Value::Native(Rc::new(Native::Query(Box::new(q)))));
        if let Some(sig) = super::super::signatures::query_sig(name) {
            match qo.legacy {
                true => self.check_sig("Query", name, sig, &mut args, &mut kw)?,
                // (A `Select`'s methods of the same names take the same parameters.)
                false => sig.bind_required(&mut args, &mut kw),
            }
        }
        self.check_no_limit_offset(qo, name)?;
        // Methods that only read the query come first: the generative ones below
        // work on a copy.
        // A 2.0 `Select` runs only through a session (`session.execute(stmt)`): it has
        // none of the legacy Query's fetching methods.
        if !qo.legacy
            && qo.dml.is_none()
            && matches!(
                name,
                "all"
                    | "first"
                    | "one"
                    | "one_or_none"
                    | "count"
                    | "get"
                    | "scalar"
                    | "paginate"
                    | "with_entities"
                    | "value"
                    | "get_or_404"
                    | "first_or_404"
                    | "one_or_404"
            )
        {
            return self.no_attr("Select", name);
        }
        match name {
            "all" => return Ok(Value::list(self.query_all(qo)?)),
            "first" | "one" | "one_or_none" => return self.one_value(qo, name),
            "count" => return Ok(Value::int(self.query_count(qo)?)),
            "get" => {
                let class = match qo.ents.first() {
                    Some(Ent::Class(c)) => c.clone(),
                    _ => {
                        self.warn_legacy_get();
                        return self.raise("InvalidRequestError", "get() needs a single entity");
                    }
                };
                if has_criterion(&qo.q) {
                    self.warn_legacy_get();
                    return self.raise(
                        "InvalidRequestError",
                        "Query.get() being called on a Query with existing criterion. ",
                    );
                }
                // (`populate_existing()`: the row is loaded and overwrites the object.)
                let outer = self.orm.populate_existing;
                self.orm.populate_existing = outer || qo.q.populate_existing;
                let found = self.legacy_get(&class, &args, &qo.q.options, &qo.q.columns);
                self.orm.populate_existing = outer;
                return found;
            }
            _ => {}
        }
        let mut q = qo.clone();
        // (A Core statement given something of a mapped class becomes an ORM one; an
        // `exists()`'s criteria stay inside it.)
        if q.core && !q.q.exists && args.iter().any(|a| self.orm_element(a)) {
            q.core = false;
        }
        match name {
            "filter" | "where" => {
                // (Keywords are `filter_by()`'s: here they are a mistake Python reports.)
                if let Some((k, _)) = kw.first() {
                    let owner = if qo.legacy { "Query" } else { "Select" };
                    return self.raise(
                        "TypeError",
                        format!("{owner}.{name}() got an unexpected keyword argument '{k}'"),
                    );
                }
                for a in &args {
                    let e = self.where_condition(a)?;
                    q.q = q.q.filter(e);
                }
                wrap(q)
            }
            "filter_by" => self.query_filter_by(qo, q, args, kw),
            "order_by" => {
                if args.iter().any(|a| matches!(a, Value::None)) {
                    q.q.order_by.clear();
                }
                let o = self.order_exprs(&args, "ORDER")?;
                q.q.order_by.extend(o);
                wrap(q)
            }
            "group_by" => {
                if args.iter().any(|a| matches!(a, Value::None)) {
                    q.q.group_by.clear();
                }
                let o = self.order_exprs(&args, "GROUP")?;
                q.q.group_by.extend(o);
                wrap(q)
            }
            "having" => {
                for a in &args {
                    let e = self.to_expr(a, None)?.into_condition();
                    q.q.having.push(e);
                }
                wrap(q)
            }
            "limit" | "offset" | "slice" => {
                self.query_bounds(&mut q, name, &args)?;
                wrap(q)
            }
            "distinct" => {
                q.q.distinct = true;
                wrap(q)
            }
            // Loading hints that change nothing ormlab prints.
            // (`tuples()` only types the rows; `with_labels()` asks for the labels the
            // legacy Query's SELECT already has.)
            "yield_per" | "tuples" => wrap(q),
            "with_labels" | "apply_labels" => {
                self.warn(
                    "LegacyAPIWarning",
                    "The Query.with_labels() and Query.apply_labels() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. Use set_label_style(LABEL_STYLE_TABLENAME_PLUS_COL) instead. (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
                );
                wrap(q)
            }
            "enable_assertions" => {
                q.q.no_assertions = !self.truthy(args.first().unwrap_or(&Value::Bool(true)))?;
                wrap(q)
            }
            "from_statement" => {
                // (`text(...).columns(...)`: its text; the entity's columns type the rows.)
                let arg = match args.first() {
                    Some(Value::Native(n)) if let Native::TextTyped(inner, _) = &**n => {
                        Some(Value::Native(inner.clone()))
                    }
                    a => a.cloned(),
                };
                let t = arg.and_then(|a| self.as_sql(&a)).map(|s| s.expr);
                match t {
                    Some(e @ Expr::Text { .. }) => q.q.from_text = Some(e),
                    _ => return self.unsupported("`from_statement()` of anything but `text()`"),
                }
                wrap(q)
            }
            // `params(name=value)`: values for the `:name` parameters of text() criteria.
            "params" => {
                let mut pairs: Vec<(String, crate::core::sql::SqlValue)> = vec![];
                let mut items: Vec<(Value, Value)> = match args.first() {
                    Some(d) => self.mapping_items(d)?,
                    None => vec![],
                };
                items.extend(kw.iter().map(|(k, v)| (Value::Str(k.clone()), v.clone())));
                for (k, v) in items {
                    if let Value::Str(k) = k {
                        pairs.push((k.to_string(), self.to_sql(&v, None)?));
                    }
                }
                let fill = |e: &Expr| match e {
                    Expr::Text { sql, binds } => {
                        let mut binds = binds.clone();
                        for (k, v) in &pairs {
                            binds.retain(|(n, _)| n != k);
                            binds.push((k.clone(), v.clone()));
                        }
                        Some(Expr::Text {
                            sql: sql.clone(),
                            binds,
                        })
                    }
                    _ => None,
                };
                for e in q.q.where_.iter_mut().chain(q.q.having.iter_mut()) {
                    *e = e.transform(&fill);
                }
                if let Some(e) = &mut q.q.from_text {
                    *e = e.transform(&fill);
                }
                wrap(q)
            }
            "union" | "union_all" | "intersect" | "except_" => {
                let op = match name {
                    "union" => Compound::Union,
                    "union_all" => Compound::UnionAll,
                    "intersect" => Compound::Intersect,
                    _ => Compound::Except,
                };
                let mut parts = vec![q.q.clone()];
                for a in &args {
                    match a {
                        Value::Native(n) if let Native::Query(o) = &**n => parts.push(o.q.clone()),
                        // A dynamic relationship is a Query (`followed.union(self.posts)`).
                        Value::Native(n) if let Native::Dynamic(inst, key, _) = &**n => {
                            let (inst, key) = (inst.clone(), key.clone());
                            parts.push(self.dynamic_query(&inst, &key)?.q);
                        }
                        other => {
                            let t = self.type_name(other);
                            return self.raise(
                                "ArgumentError",
                                format!("{name}() takes Query objects, got {t}"),
                            );
                        }
                    }
                }
                // (A legacy Query selects from the compound as a subquery; a 2.0
                // `select().union(...)` is the compound itself, as `union(...)` makes.)
                q.q = crate::core::orm::query::Query {
                    entities: q.q.entities.clone(),
                    style: match q.legacy {
                        true => q.q.style,
                        false => crate::core::sql::LabelStyle::DisambiguateOnly,
                    },
                    set_op: Some((op, parts)),
                    compound_top: !q.legacy,
                    ..Default::default()
                };
                wrap(q)
            }
            "with_entities" | "with_only_columns" => {
                let (es, mut ents) = self.entities_from(&args)?;
                if q.legacy {
                    super::legacy_row_keys(&es, &mut ents);
                }
                q.q.entities = es;
                q.ents = ents;
                wrap(q)
            }
            "add_columns" | "add_column" | "add_entity" => {
                if name == "add_column" {
                    self.warn(
                        "SADeprecationWarning",
                        "Query.add_column() is deprecated and will be removed in a future release.  Please use Query.add_columns() (deprecated since: 1.4)",
                    );
                }
                let (es, mut ents) = self.entities_from(&args)?;
                if q.legacy {
                    super::legacy_row_keys(&es, &mut ents);
                }
                q.q.entities.extend(es);
                q.ents.extend(ents);
                wrap(q)
            }
            "correlate" | "correlate_except" => {
                let mut tables = vec![];
                for a in &args {
                    match a {
                        Value::None if name == "correlate" => {
                            q.q.correlate = Correlate::Off;
                            return wrap(q);
                        }
                        Value::Class(c) => {
                            if let Ok(t) = self.orm.reg.table_of(&c.name) {
                                tables.push(TableRef::Named(t.name.clone()));
                            }
                        }
                        Value::Native(n) if let Native::Table(t) = &**n => {
                            tables.push(TableRef::Named(t.to_string()))
                        }
                        Value::Native(n) if let Native::Aliased(_, alias) = &**n => {
                            tables.push(alias.clone())
                        }
                        other => {
                            let t = self.type_name(other);
                            return self.raise(
                                "ArgumentError",
                                format!("{name}() takes mapped classes or tables, got {t}"),
                            );
                        }
                    }
                }
                q.q.correlate = if name == "correlate" {
                    Correlate::Only(tables)
                } else {
                    Correlate::Except(tables)
                };
                wrap(q)
            }
            "select_from" => {
                for a in &args {
                    match a {
                        Value::Class(c) => q.q.select_from.push(c.name.to_string()),
                        Value::Native(n) => match &**n {
                            Native::Table(t) => q.q.select_from.push(t.to_string()),
                            Native::Subquery(sq) => q.q.select_from_items.push(sq.from_item()),
                            Native::Aliased(class, alias) => {
                                let table = match self.orm.reg.table_of(class) {
                                    Ok(t) => t.name.clone(),
                                    Err(e) => return self.raise(e.class(), e.0),
                                };
                                (q.q.select_from_items).push(FromItem::Alias {
                                    table,
                                    alias: alias.clone(),
                                })
                            }
                            _ => return self.unsupported("this select_from() argument"),
                        },
                        _ => return self.unsupported("this select_from() argument"),
                    }
                }
                wrap(q)
            }
            // `select(...).join_from(A, B)` (or `outerjoin_from`): the join's left side given, the FROM it starts
            // from when the statement has none yet (else the ON clause must be given).
            "join_from" | "outerjoin_from" if !qo.legacy && args.len() >= 2 => {
                let mut args = args;
                let left = args.remove(0);
                let mut kw = kw;
                if let Some(i) = kw.iter().position(|(k, _)| &**k == "onclause") {
                    args.push(kw.remove(i).1);
                }
                let q = if q.q.select_from.is_empty()
                    && q.q.select_from_items.is_empty()
                    && q.q.joins.is_empty()
                {
                    match &self.query_method(&q, "select_from", vec![left], vec![])? {
                        Value::Native(n) if let Native::Query(q) = &**n => (**q).clone(),
                        _ => q,
                    }
                } else if args.len() > 1 {
                    q
                } else {
                    return self.unsupported("`join_from()` without an ON clause after FROM items");
                };
                let join = if name == "join_from" {
                    "join"
                } else {
                    "outerjoin"
                };
                self.query_method(&q, join, args, kw)
            }
            "join" | "outerjoin" => self.query_join(q, name, args, kw),
            "returning" if qo.dml.is_some() => {
                q.returning.extend(args);
                wrap(q)
            }
            // The deprecated `value(column)` / `values(*columns)` of a legacy Query: its
            // `with_entities()`'s scalar, or an iterator of its rows.
            "value" | "values" if qo.legacy && qo.dml.is_none() => {
                let Value::Native(n) = self.query_method(qo, "with_entities", args, vec![])? else {
                    return Ok(Value::None);
                };
                let Native::Query(sub) = &*n else {
                    return Ok(Value::None);
                };
                let rows = self.query_all(sub)?;
                if name == "value" {
                    // (`next(self.values(column))[0]`: the first row's, not `scalar()`.)
                    return match rows.into_iter().next() {
                        Some(row) => self.getitem(&row, &Value::int(0)),
                        None => Ok(Value::None),
                    };
                }
                let rows = Value::list(rows);
                self.call_builtin("iter", vec![rows], vec![])
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
            "options" => {
                let opts = self.options_of(&args)?;
                q.q.options.extend(opts);
                q.q.columns.extend(self.column_options_of(&args));
                wrap(q)
            }
            "enable_eagerloads" => {
                q.q.no_eager = match args.first() {
                    Some(v) => !self.truthy(v)?,
                    None => false,
                };
                wrap(q)
            }
            // SQLite has no row locks: SQLAlchemy's SQLite compiler renders nothing for it.
            "with_for_update" => wrap(q),
            "execution_options" => {
                if let Some(v) =
                    crate::core::interp::orm::dispatch::kwget(&kw, "synchronize_session")
                {
                    q.sync = Some(v.clone());
                }
                if let Some(v) = crate::core::interp::orm::dispatch::kwget(&kw, "populate_existing")
                {
                    q.q.populate_existing = self.truthy(v)?;
                }
                wrap(q)
            }
            "populate_existing" => {
                q.q.populate_existing = true;
                wrap(q)
            }
            "autoflush" => wrap(q),
            "with_parent" => self.query_with_parent(qo, q, args),
            // `Query.value(col)`: the first row's value of that column (no LIMIT), or None.
            "value" if qo.legacy && args.len() == 1 => {
                self.warn(
                    "SADeprecationWarning",
                    "Query.value() is deprecated and will be removed in a future release.  \
                     Please use Query.with_entities() in combination with Query.scalar() \
                     (deprecated since: 1.4)",
                );
                let (es, ents) = self.entities_from(&args)?;
                let mut q = qo.clone();
                q.q.entities = es;
                q.ents = ents;
                let first = self.query_all(&q)?.into_iter().next();
                Ok(match first {
                    Some(Value::Native(n)) => match &*n {
                        Native::Row(r) => r.values.first().cloned().unwrap_or(Value::None),
                        _ => Value::Native(n.clone()),
                    },
                    Some(v) => v,
                    None => Value::None,
                })
            }
            "scalar" => self.query_scalar(qo),
            "get_or_404" => {
                let class = match qo.ents.first() {
                    Some(Ent::Class(c)) => c.to_string(),
                    _ => return self.raise("InvalidRequestError", "get() needs a single entity"),
                };
                if has_criterion(&qo.q) {
                    self.warn_legacy_get();
                    return self.raise(
                        "InvalidRequestError",
                        "Query.get() being called on a Query with existing criterion. ",
                    );
                }
                let v = self.get_by_pk(
                    &class,
                    args.first().unwrap_or(&Value::None),
                    &qo.q.options,
                    &qo.q.columns,
                )?;
                if matches!(v, Value::None) {
                    // (`get_or_404(ident, description)`: by position or keyword.)
                    let d = kw
                        .iter()
                        .find(|k| &*k.0 == "description")
                        .map(|k| k.1.clone())
                        .or_else(|| args.get(1).cloned());
                    return self.not_found(d);
                }
                Ok(v)
            }
            "first_or_404" | "one_or_404" => {
                let v = if name == "first_or_404" {
                    self.one_value(qo, "first")?
                } else {
                    // Flask-SQLAlchemy's `one_or_404()`: several rows are a 404 too.
                    match self.one_value(qo, "one") {
                        Ok(v) => v,
                        Err(e)
                            if matches!(&e.value, Value::Instance(i)
                                if matches!(&*i.class.name, "NoResultFound" | "MultipleResultsFound")) =>
                        {
                            Value::None
                        }
                        Err(e) => return Err(e),
                    }
                };
                if matches!(v, Value::None) {
                    let d = kw
                        .iter()
                        .find(|k| &*k.0 == "description")
                        .map(|k| k.1.clone())
                        .or_else(|| args.first().cloned());
                    return self.not_found(d);
                }
                Ok(v)
            }
            "paginate" => self.paginate(qo, &kw),
            "exists" => {
                let sel = match qo.q.exists_statement(&self.orm.reg) {
                    Ok(s) => s,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                let Some(Expr::Unary { .. }) = sel.columns.first().cloned() else {
                    return Ok(Value::None);
                };
                Ok(sql_value(SqlObj::typed(
                    sel.columns[0].clone(),
                    Some(SqlType::Boolean),
                )))
            }
            "update" | "delete" => Ok(Value::int(self.bulk_dml(qo, &q, name, args, kw)?.count)),
            // (A CTE is a subquery named in FROM and stated in the WITH clause.)
            "subquery" | "cte" => self.query_subquery(qo, name, args, kw),
            // (Typed as its one column: `x / total` divides as the column's type does.)
            "scalar_subquery" | "as_scalar" => {
                let e = qo.scalar_subquery(self)?;
                Ok(sql_value(SqlObj::typed(e, scalar_type(qo))))
            }
            "label" => {
                // (`exists().label(...)` labels the EXISTS, typed Boolean.)
                let exists = match qo.q.exists {
                    true => {
                        self.as_sql(&Value::Native(Rc::new(Native::Query(Box::new(qo.clone())))))
                    }
                    false => None,
                };
                let (e, ty) = match exists {
                    Some(s) => (s.expr, s.ty),
                    None => (qo.scalar_subquery(self)?, scalar_type(qo)),
                };
                let n = match args.first() {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "anon_1".into(),
                };
                Ok(sql_value(SqlObj {
                    expr: e.label(n.clone()),
                    ty,
                    key: Some(Rc::from(n.as_str())),
                    class: None,
                }))
            }
            "statement" => wrap(q),
            "compile" => self.compile_statement(qo, &args, &kw),
            _ => {
                let t = match &qo.dml {
                    Some(Some(_)) => "Update",
                    Some(None) => "Delete",
                    None if qo.legacy => "Query",
                    None => "Select",
                };
                self.no_attr(t, name)
            }
        }
    }
}

/// SQLAlchemy's `_no_criterion_assertion("get", order_by=False, distinct=False)`: the
/// query has criteria, FROM items, joins, LIMIT/OFFSET or GROUP BY.
fn has_criterion(q: &crate::core::orm::query::Query) -> bool {
    !q.where_.is_empty()
        || !q.select_from.is_empty()
        || !q.select_from_items.is_empty()
        || !q.joins.is_empty()
        || q.limit.is_some()
        || q.offset.is_some()
        || !q.group_by.is_empty()
        || q.from_text.is_some()
}

/// The type of a query's one column, as a scalar subquery of it has.
fn scalar_type(qo: &QueryObj) -> Option<crate::core::sql::SqlType> {
    match qo.ents.as_slice() {
        [Ent::Col { ty, .. }] => ty.clone(),
        _ => None,
    }
}
