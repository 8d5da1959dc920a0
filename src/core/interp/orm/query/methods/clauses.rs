//! The `Query` / `Select` methods that build larger parts of a statement: joins, subqueries
//! and CTEs, `filter_by`, `with_parent`; and `Query.scalar()`.

use super::*;

impl Interp<'_> {
    /// `filter_by(**kw)`: equality criteria on the entity last joined (or the primary one).
    pub(super) fn query_filter_by(
        &mut self,
        qo: &QueryObj,
        mut q: QueryObj,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let wrap = |q: QueryObj| Ok(Value::Native(Rc::new(Native::Query(Box::new(q)))));
        if !args.is_empty() {
            let t = if qo.legacy { "Query" } else { "Select" };
            let m = format!(
                "{t}.filter_by() takes 1 positional argument but {} were given",
                args.len() + 1
            );
            return self.raise("TypeError", m);
        }
        let pairs = self.filter_by_pairs(qo, &kw)?;
        let (class, alias) = q.q.filter_by_entity(&self.orm.reg).unwrap_or_default();
        let table = self.orm.reg.table_of(&class).cloned();
        for (k, e) in pairs {
            if k.is_empty() {
                q.q.where_.push(e);
                continue;
            }
            if let Ok(t) = &table
                && let Some(c) = t.col_by_key(&k)
            {
                let col = match &alias {
                    Some(a) => Expr::col_of(a, c.name.clone()),
                    None => Expr::col(&t.name, c.name.clone()),
                };
                q.q.where_.push(if matches!(e, Expr::Null) {
                    col.is_null()
                } else {
                    col.eq(e)
                });
            }
        }
        wrap(q)
    }

    /// `join()` / `outerjoin()` of a Query / Select: the target (a class, table, alias, subquery or relationship) and its ON clause.
    pub(super) fn query_join(
        &mut self,
        mut q: QueryObj,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let wrap = |q: QueryObj| Ok(Value::Native(Rc::new(Native::Query(Box::new(q)))));
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
                    parent_alias: a.via.as_ref().and_then(|v| v.parent.clone()),
                    target_alias: a.via.as_ref().and_then(|v| v.target.clone()),
                },
                Native::Aliased(class, alias) => JoinTarget::Alias {
                    class: class.to_string(),
                    alias: alias.clone(),
                },
                Native::Table(t) => JoinTarget::Table(t.to_string()),
                Native::Subquery(sq) => JoinTarget::Subquery {
                    select: Box::new(sq.select.clone()),
                    alias: sq.alias.clone(),
                    cte: sq.cte,
                },
                _ => return self.unsupported("this join target"),
            },
            // (A relationship's name as a string is the 1.x form, gone in 2.0.)
            Some(v @ Value::Str(_)) => {
                let r = self.repr(v)?;
                return self.raise(
                    "ArgumentError",
                    format!("Join target, typically a FROM expression, or ORM relationship attribute expected, got {r}."),
                );
            }
            _ => return self.raise("ArgumentError", "join() needs a target"),
        };
        // `join(Target, Parent.relationship)`: along the relationship, into the
        // target (an `aliased()` one included), as `join(Parent.rel.of_type(T))`.
        let rel_on = match (args.get(1), &target) {
            (Some(Value::Native(n)), JoinTarget::Alias { .. } | JoinTarget::Class(_)) => match &**n
            {
                Native::Instrumented(a) if a.column.is_none() => Some(a.clone()),
                _ => None,
            },
            _ => None,
        };
        // (`join(Parent.rel.and_(...))`, `join(Target, Parent.rel.and_(...))`: the
        // relationship's ON clause and those criteria.)
        let criteria = match (&rel_on, args.first()) {
            (Some(a), _) => a.via.as_ref().and_then(|v| v.criteria.clone()),
            (None, Some(Value::Native(n))) if let Native::Instrumented(a) = &**n => {
                a.via.as_ref().and_then(|v| v.criteria.clone())
            }
            _ => None,
        };
        let (target, on) = match rel_on {
            Some(a) => {
                let target_alias = match &target {
                    JoinTarget::Alias { alias, .. } => Some(alias.clone()),
                    _ => a.via.as_ref().and_then(|v| v.target.clone()),
                };
                let t = JoinTarget::Relationship {
                    class: a.class.to_string(),
                    name: a.key.to_string(),
                    parent_alias: a.via.as_ref().and_then(|v| v.parent.clone()),
                    target_alias,
                };
                (t, None)
            }
            None => {
                let on = match args.get(1) {
                    Some(_) if matches!(target, JoinTarget::Relationship { .. }) => {
                        return self.raise(
                            "InvalidRequestError",
                            "No 'on clause' argument may be passed when joining to a relationship path as a target",
                        );
                    }
                    Some(v) => Some(self.to_expr(v, None)?.expr),
                    None => None,
                };
                (target, on)
            }
        };
        // A relationship path joined already (a search builder's optional filters each
        // joining `Player.team`) is not joined again, as SQLAlchemy keeps one join per path.
        if matches!(target, JoinTarget::Relationship { .. })
            && on.is_none()
            && criteria.is_none()
            && (q.q.joins.iter())
                .any(|j| j.target == target && j.on.is_none() && j.criteria.is_none())
        {
            return wrap(q);
        }
        let full = kw
            .iter()
            .any(|(k, v)| &**k == "full" && matches!(v, Value::Bool(true)));
        if outer || full {
            q.q = q.q.outerjoin(target, on);
            if let Some(j) = q.q.joins.last_mut() {
                j.full = full;
            }
        } else {
            q.q = q.q.join(target, on);
        }
        if let Some(j) = q.q.joins.last_mut() {
            j.criteria = criteria;
        }
        wrap(q)
    }

    /// `Query.with_parent(instance[, attr])`: the rows related to a parent object.
    pub(super) fn query_with_parent(
        &mut self,
        qo: &QueryObj,
        mut q: QueryObj,
        args: Vec<Value>,
    ) -> R<Value> {
        self.warn("LegacyAPIWarning", "The Query.with_parent() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. Use the with_parent() standalone construct. (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)");
        let wrap = |q: QueryObj| Ok(Value::Native(Rc::new(Native::Query(Box::new(q)))));
        let Some(Value::Instance(parent)) = args.first() else {
            return self.raise("ArgumentError", "with_parent() needs an instance");
        };
        let target = match &qo.ents.first() {
            Some(Ent::Class(c)) => c.to_string(),
            _ => String::new(),
        };
        let rel = match args.get(1) {
            Some(Value::Native(n)) if let Native::Instrumented(a) = &**n => Some(a.key.to_string()),
            Some(Value::Str(_)) => return self.with_parent_string(),
            _ => None,
        };
        let criteria = self.with_parent_criteria(parent, &target, rel)?;
        q.q.where_.extend(criteria);
        wrap(q)
    }

    /// SQLAlchemy 2.0's refusal of `with_parent(obj, 'name')`.
    pub(crate) fn with_parent_string<T>(&mut self) -> R<T> {
        self.raise(
            "ArgumentError",
            "with_parent() accepts class-bound mapped attributes, not strings",
        )
    }

    /// The criteria of `with_parent(parent, rel)`: the rows of `target` that the parent's
    /// relationship `rel` (by default its one relationship to `target`) loads.
    pub(crate) fn with_parent_criteria(
        &mut self,
        parent: &Rc<crate::core::interp::value::Instance>,
        target: &str,
        rel: Option<String>,
    ) -> R<Vec<Expr>> {
        let Some(pm) = parent.class.model_info() else {
            return self.raise("ArgumentError", "with_parent() needs a mapped instance");
        };
        let rel = rel.or_else(|| {
            self.orm.reg.mapper(&pm.class).ok().and_then(|m| {
                m.relationships
                    .iter()
                    .find(|r| r.target == target)
                    .map(|r| r.name.clone())
            })
        });
        let Some(rel) = rel else {
            return self.raise("InvalidRequestError", format!("Could not locate a property which relates instances of class '{target}' to instances of class '{}'", pm.class));
        };
        let vals = self.compared_values(parent)?;
        match crate::core::orm::relations::lazy_load_query(&self.orm.reg, &pm.class, &rel, &|c| {
            vals.get(c).cloned().unwrap_or(SqlValue::Null)
        }) {
            Ok(lq) => Ok(lq.where_),
            Err(e) => self.raise(e.class(), e.0),
        }
    }

    /// `Query.scalar()`: the first column of the first row, or None.
    pub(super) fn query_scalar(&mut self, qo: &QueryObj) -> R<Value> {
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

    /// `subquery()` / `cte()`: the statement as a named FROM item.
    pub(super) fn query_subquery(
        &mut self,
        qo: &QueryObj,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let (mut select, alias) = match qo.q.subquery(&self.orm.reg) {
            Ok(x) => x,
            Err(e) => return self.raise(e.class(), e.0),
        };
        let alias = match args
            .first()
            .or_else(|| kw.iter().find(|(k, _)| &**k == "name").map(|(_, v)| v))
        {
            Some(Value::Str(n)) => crate::core::sql::TableRef::Named(n.to_string()),
            _ => alias,
        };
        let mut columns: Vec<(Rc<str>, Option<SqlType>)> = Vec::with_capacity(select.columns.len());
        for (c, ent) in select.columns.iter().zip(qo.ents.iter().flat_map(|e| {
            // one type per selected column (a class entity spans its columns)
            match e {
                super::super::Ent::Col { ty, .. } => vec![ty.clone()],
                super::super::Ent::Class(c) => self
                    .orm
                    .reg
                    .table_of(c)
                    .map(|t| t.columns.iter().map(|c| Some(c.ty.clone())).collect())
                    .unwrap_or_default(),
            }
        })) {
            let key = match c {
                Expr::Column { name, .. } | Expr::Label { name, .. } => name.clone(),
                // (A cast of a column goes by the column's name: `CAST(x.a AS T) AS a`.)
                Expr::Cast { expr, .. } if let Expr::Column { name, .. } = &**expr => name.clone(),
                // An unlabeled function is keyed by its name (`c.count`).
                Expr::Func { name, .. } => name.to_ascii_lowercase(),
                _ => "anon_1".to_string(),
            };
            // (A key already taken gets a suffix: `count`, `count_1`.)
            let mut unique = key.clone();
            let mut k = 0;
            while columns.iter().any(|(c, _)| **c == *unique) {
                k += 1;
                unique = format!("{key}_{k}");
            }
            columns.push((Rc::from(unique.as_str()), ent));
        }
        // The SQL names: an unlabeled function gets an anonymous label (`count(*) AS
        // count_1`), which the outer query refers to, numbered where the statement's text
        // first shows it (an outer query's column list comes first).
        let mut names = Vec::with_capacity(columns.len());
        for (c, (key, _)) in select.columns.iter_mut().zip(&columns) {
            if let Expr::Func { .. } = c
                && let crate::core::sql::TableRef::Anon { id, .. } =
                    crate::core::orm::mapper::anon_alias("anon")
            {
                *c = c.clone().anon_label(id);
                let Expr::Label { name, .. } = &*c else {
                    continue;
                };
                names.push(Rc::from(name.as_str()));
            } else {
                names.push(key.clone());
            }
        }
        let recursive = kw
            .iter()
            .any(|(k, v)| &**k == "recursive" && matches!(v, Value::Bool(true)));
        let sq = super::super::super::SubqueryObj {
            select,
            alias,
            columns,
            names,
            cte: (name == "cte").then_some(recursive),
        };
        self.orm.reg.subqueries.push(sq.from_item());
        Ok(Value::Native(Rc::new(Native::Subquery(Rc::new(sq)))))
    }
}
