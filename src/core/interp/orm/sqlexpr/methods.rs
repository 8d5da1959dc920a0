//! Methods of SQL expressions and relationship attributes: the LIKE family (with `escape=`
//! and `autoescape=`), `in_`, `is_`, `between`, `label`, `cast`, window functions (`over()`),
//! JSON element casts (`as_integer()`...), and `has()` / `any()` / `contains()` / `of_type()`.

use std::rc::Rc;

use crate::core::orm::relations::exists_criterion_from;
use crate::core::sql::expr::{func, not};
use crate::core::sql::{Expr, SqlType, SqlValue};

use super::super::super::call::Kw;
use super::super::super::value::Value;
use super::super::super::{Interp, R};
use super::super::{Native, SqlObj};
use super::sql_value;

/// The method name a `col.op('...')` operator is called through: the precedence, `1` for
/// `is_comparison=True`, then the operator's text, `:`-separated.
const OP_CALL: &str = "\0op:";

impl Interp<'_> {
    /// Methods of column expressions (`User.name.like('a%')`).
    pub fn sql_method(&mut self, target: Value, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        if let Some(rel) = self.rel_of(&target) {
            return self.rel_method(rel, name, args, kw);
        }
        // `col.references(other)`: one of its foreign keys points at the other column.
        if name == "references"
            && let Value::Native(n) = &target
            && let Native::ColumnObj(t, i) = &**n
        {
            let other = match args.first() {
                Some(Value::Native(o)) if let Native::ColumnObj(ot, oi) = &**o => {
                    let md = &self.orm.reg.metadata;
                    md.table(ot)
                        .and_then(|tb| tb.columns.get(*oi))
                        .map(|c| (ot.clone(), c.name.clone()))
                }
                _ => None,
            };
            let md = &self.orm.reg.metadata;
            let col = md.table(t).and_then(|tb| tb.columns.get(*i));
            return Ok(Value::Bool(
                matches!((col, other), (Some(c), Some((ot, on)))
                if c.foreign_keys.iter().any(|fk| *fk.table == *ot && fk.column == on)),
            ));
        }
        let Some(s) = self.as_sql(&target) else {
            return self.raise("AttributeError", format!("no attribute '{name}'"));
        };
        if name == "compile" {
            let (sqlite, literal) = self.compile_options(&args, &kw)?;
            let (sql, named) =
                crate::core::sql::render::render_expr_compiled(&s.expr, sqlite, literal);
            let params = self.named_param_values(named)?;
            return Ok(Value::Native(Rc::new(Native::Compiled(
                Rc::from(sql),
                sqlite,
                params.into(),
            ))));
        }
        let ty = s.ty.clone();
        // (The operands given by name, `in_(other=[...])`, `between(1, cright=2)`: moved
        // to their positions.)
        let mut args = args;
        let mut kw = kw;
        for p in ["other", "cleft", "cright", "pattern", "replacement"] {
            if let Some(at) = kw.iter().position(|(k, _)| &**k == p) {
                let (_, v) = kw.remove(at);
                args.push(v);
            }
        }
        let arg = |it: &mut Self, i: usize| -> R<Expr> {
            match args.get(i) {
                Some(v) => Ok(it.to_compared_expr(v, ty.as_ref())?.expr),
                None => it.missing_operand(name, args.len()),
            }
        };
        let b = Some(SqlType::Boolean);
        // `escape='^'`, or `autoescape=True` (the literal's `%`, `_` and `/` escaped with `/`).
        let kwv = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
        let autoescape = matches!(
            name,
            "startswith" | "endswith" | "contains" | "istartswith" | "iendswith" | "icontains"
        ) && matches!(kwv("autoescape"), Some(Value::Bool(true)));
        let escape = match kwv("escape") {
            Some(Value::Str(c)) => c.chars().next(),
            _ if autoescape => Some('/'),
            _ => None,
        };
        let arg = |it: &mut Self, i: usize| -> R<Expr> {
            let e = match (args.get(i), autoescape) {
                (Some(Value::Str(v)), true) => {
                    let v = v.replace('/', "//").replace('%', "/%").replace('_', "/_");
                    it.to_compared_expr(&Value::str(&v), ty.as_ref())?.expr
                }
                _ => arg(it, i)?,
            };
            Ok(match escape {
                Some(c) if i == 0 => Expr::Escape {
                    pattern: Box::new(e),
                    escape: c,
                },
                _ => e,
            })
        };
        // (A pattern operator takes no None/True/False: SQLAlchemy's boolean compare.)
        if matches!(
            name,
            "like"
                | "notlike"
                | "not_like"
                | "ilike"
                | "notilike"
                | "not_ilike"
                | "startswith"
                | "endswith"
                | "contains"
                | "istartswith"
                | "iendswith"
                | "icontains"
        ) && matches!(args.first(), Some(Value::None | Value::Bool(_)))
        {
            return self.raise(
                "ArgumentError",
                "Only '=', '!=', 'is_()', 'is_not()', 'is_distinct_from()', 'is_not_distinct_from()' operators can be used with None/True/False",
            );
        }
        let e = match name {
            "like" => SqlObj::typed(s.expr.like(arg(self, 0)?), b),
            "notlike" | "not_like" => SqlObj::typed(s.expr.not_like(arg(self, 0)?), b),
            // (`flags=` is accepted and, as SQLite's compiler does, left out of the SQL.)
            "regexp_replace" => {
                let items = vec![arg(self, 0)?, arg(self, 1)?];
                let list = Expr::List {
                    op: crate::core::sql::Op::Comma,
                    items,
                };
                SqlObj::typed(
                    Expr::binary(s.expr.clone(), crate::core::sql::Op::RegexpReplace, list),
                    s.ty.clone(),
                )
            }
            "regexp_match" => SqlObj::typed(
                Expr::binary(s.expr.clone(), crate::core::sql::Op::Regexp, arg(self, 0)?),
                b,
            ),
            "ilike" => SqlObj::typed(s.expr.ilike(arg(self, 0)?), b),
            "notilike" | "not_ilike" => SqlObj::typed(not(s.expr.ilike(arg(self, 0)?)), b),
            "startswith" => SqlObj::typed(s.expr.startswith(arg(self, 0)?), b),
            "endswith" => SqlObj::typed(s.expr.endswith(arg(self, 0)?), b),
            "contains" => SqlObj::typed(s.expr.contains(arg(self, 0)?), b),
            "istartswith" | "iendswith" | "icontains" => {
                let op = match name {
                    "istartswith" => crate::core::sql::Op::IStartsWith,
                    "iendswith" => crate::core::sql::Op::IEndsWith,
                    _ => crate::core::sql::Op::IContains,
                };
                SqlObj::typed(Expr::binary(s.expr, op, arg(self, 0)?), b)
            }
            "in_" | "not_in" | "notin_" => {
                if args.len() > 1 {
                    let m = if name == "in_" { name } else { "not_in" };
                    let n = args.len() + 1;
                    return self.raise(
                        "TypeError",
                        format!(
                            "ColumnOperators.{m}() takes 2 positional arguments but {n} were given"
                        ),
                    );
                }
                let items = match args.first() {
                    Some(Value::Native(q)) if matches!(**q, Native::Query(_)) => {
                        let Native::Query(qq) = &**q else {
                            unreachable!()
                        };
                        let sel = qq.compile_scalar(self)?;
                        let e = s.expr.in_select(sel);
                        let e = if name == "in_" { e } else { not(e) };
                        return Ok(sql_value(SqlObj::typed(e, b)));
                    }
                    Some(v) if matches!(self.as_sql(v).map(|s| s.expr), Some(Expr::Select(_))) => {
                        let Some(Expr::Select(sel)) = self.as_sql(v).map(|s| s.expr) else {
                            return Ok(Value::None);
                        };
                        let e = s.expr.in_select(*sel);
                        let e = if name == "in_" { e } else { not(e) };
                        return Ok(sql_value(SqlObj::typed(e, b)));
                    }
                    // (A string or a scalar is not a list of values.)
                    Some(
                        v @ (Value::Str(_)
                        | Value::Int(_)
                        | Value::Float(_)
                        | Value::Bool(_)
                        | Value::None
                        | Value::Decimal(_)
                        | Value::Date(_)
                        | Value::DateTime(_)),
                    ) => {
                        let r = self.repr(v)?;
                        return self.raise(
                            "ArgumentError",
                            format!("IN expression list, SELECT construct, or bound parameter object expected, got {r}."),
                        );
                    }
                    Some(v) => self.iterate(v)?,
                    None => return self.missing_operand(name, 0),
                };
                // An expanding parameter: every value binds as the first one's type
                // beside the column (`coerce_compared_value`).
                let lit = match items.iter().find(|v| self.as_sql(v).is_none()) {
                    Some(first) => crate::core::sql::coerce::coerce_compared(
                        ty.as_ref(),
                        Self::type_of_value(first),
                    ),
                    None => ty.clone(),
                };
                let mut exprs = vec![];
                for it in &items {
                    // (A mapped object in the list: SQLAlchemy's literal check words it so.)
                    if let Value::Instance(i) = it
                        && i.class.model_info().is_some()
                    {
                        let r = self.repr(it)?;
                        return self.raise(
                            "ArgumentError",
                            format!("Object {r} is not legal as a SQL literal value"),
                        );
                    }
                    exprs.push(self.to_expr(it, lit.as_ref())?.expr);
                }
                if name == "in_" {
                    SqlObj::typed(s.expr.in_(exprs), b)
                } else {
                    SqlObj::typed(s.expr.not_in(exprs), b)
                }
            }
            // (SQLite's dialect writes `IS DISTINCT FROM` as `IS NOT`.)
            "is_"
            | "is_not"
            | "isnot"
            | "is_distinct_from"
            | "isnot_distinct_from"
            | "is_not_distinct_from" => {
                let op = if matches!(name, "is_" | "isnot_distinct_from" | "is_not_distinct_from") {
                    crate::core::sql::Op::Is
                } else {
                    crate::core::sql::Op::IsNot
                };
                let other = match args.first() {
                    None => return self.missing_operand(name, 0),
                    Some(Value::None) => Expr::Null,
                    // (`True`/`False` are SQLAlchemy's `true()`/`false()` constants: `IS 1`.)
                    Some(Value::Bool(v)) => Expr::Bool(*v),
                    Some(v) => self.to_expr(v, None)?.expr,
                };
                SqlObj::typed(Expr::binary(s.expr, op, other), b)
            }
            // (Untyped in SQLAlchemy: selected, it gives SQLite's 1/0, not a bool.)
            "between" => SqlObj::of(s.expr.between(arg(self, 0)?, arg(self, 1)?)),
            "desc" => SqlObj::typed(s.expr.desc(), ty),
            "asc" => SqlObj::typed(s.expr.asc(), ty),
            "distinct" => SqlObj::typed(s.expr.distinct(), ty),
            "label" => {
                let named = kw.iter().find(|(k, _)| &**k == "name").map(|(_, v)| v);
                let n = match args.first().or(named) {
                    Some(Value::Str(x)) => x.to_string(),
                    _ => return self.raise("TypeError", "label() needs a name"),
                };
                SqlObj {
                    expr: s.expr.label(n.clone()),
                    ty,
                    key: Some(Rc::from(n.as_str())),
                    class: s.class.clone(),
                }
            }
            "concat" => SqlObj::typed(s.expr.concat(arg(self, 0)?), ty),
            "cast" => {
                let Some(t) = args.first().and_then(|a| self.type_arg(a)) else {
                    return self.raise("ArgumentError", "cast() needs a type");
                };
                SqlObj::typed(s.expr.cast(t.clone()), Some(t))
            }
            "collate" => match args.first() {
                Some(Value::Str(c)) => SqlObj::typed(s.expr.collate(c.to_string()), ty),
                _ => return self.raise("TypeError", "collate() needs a collation name"),
            },
            // `col.op('GLOB')`: the operator, called with its right operand.
            "op" => {
                let (Some(Value::Str(op)), None) = (args.first(), kwv("return_type")) else {
                    return self.unsupported("this `.op()`");
                };
                let prec = match kwv("precedence") {
                    Some(Value::Int(p)) => p.to_i64().unwrap_or(0).clamp(-100, 100),
                    _ => 0,
                };
                let cmp = matches!(kwv("is_comparison"), Some(Value::Bool(true)));
                let name = format!("{OP_CALL}{prec}:{}:{op}", cmp as u8);
                return Ok(Value::BuiltinMethod(Rc::new((target, Rc::from(name)))));
            }
            _ if let Some(spec) = name.strip_prefix(OP_CALL) => {
                let mut it = spec.splitn(3, ':');
                let prec = it.next().and_then(|p| p.parse().ok()).unwrap_or(0);
                let cmp = it.next() == Some("1");
                let op = it.next().unwrap_or("");
                let e = s.expr.custom_op(op, prec, arg(self, 0)?);
                SqlObj::typed(e, if cmp { b } else { ty })
            }
            // `func.rank().over(partition_by=..., order_by=...)`: a window function.
            // `func.count(x).filter(cond, ...)`: an aggregate's FILTER (WHERE ...).
            "filter" if matches!(s.expr, Expr::Func { .. }) => {
                let mut conds = Vec::with_capacity(args.len());
                for a in &args {
                    conds.push(self.to_expr(a, None)?.expr);
                }
                let cond = match conds.len() {
                    0 => return Ok(target),
                    1 => conds.remove(0),
                    _ => Expr::List {
                        op: crate::core::sql::Op::And,
                        items: conds
                            .into_iter()
                            .map(|c| c.self_group(Some(crate::core::sql::Op::And)))
                            .collect(),
                    },
                };
                SqlObj::typed(
                    Expr::Filter {
                        func: Box::new(s.expr),
                        cond: Box::new(cond),
                    },
                    ty,
                )
            }
            "over" => {
                // (Keyword-only parameters, but for an aggregate's FILTER's `over()`.)
                let mut kw = kw.clone();
                if matches!(s.expr, Expr::Filter { .. }) {
                    let names = ["partition_by", "order_by", "rows", "range_"];
                    for (v, n) in args.iter().zip(names) {
                        kw.push((Rc::from(n), v.clone()));
                    }
                } else if !args.is_empty() {
                    let n = args.len() + 1;
                    return self.raise(
                        "TypeError",
                        format!(
                            "FunctionElement.over() takes 1 positional argument but {n} were given"
                        ),
                    );
                }
                let mut lists: [Vec<Expr>; 2] = [vec![], vec![]];
                let mut frame = vec![];
                for (k, v) in &kw {
                    let slot = match &**k {
                        "partition_by" => 0,
                        "order_by" => 1,
                        "rows" | "range_" | "groups" => {
                            if !frame.is_empty() {
                                return self.raise(
                                    "ArgumentError",
                                    "only one of 'rows', 'range_', or 'groups' may be provided",
                                );
                            }
                            let kind = match &**k {
                                "rows" => "ROWS",
                                "range_" => "RANGE",
                                _ => "GROUPS",
                            };
                            frame = self.window_frame(kind, v)?;
                            continue;
                        }
                        _ => return self.unsupported(&format!("`over({k}=...)`")),
                    };
                    let items = match v {
                        Value::List(l) => l.borrow().clone(),
                        Value::Tuple(t) => (**t).clone(),
                        other => vec![other.clone()],
                    };
                    for it in &items {
                        lists[slot].push(self.to_expr(it, None)?.expr);
                    }
                }
                let [partition_by, order_by] = lists;
                SqlObj::typed(
                    Expr::Over {
                        func: Box::new(s.expr),
                        partition_by: partition_by.into(),
                        order_by: order_by.into(),
                        frame: frame.into(),
                    },
                    ty,
                )
            }
            "as_integer" | "as_string" | "as_float" | "as_boolean" | "as_json" | "as_numeric" => {
                let Expr::Binary {
                    left,
                    op: crate::core::sql::Op::JsonGet,
                    right,
                } = s.expr
                else {
                    return self.raise(
                        "InvalidRequestError",
                        format!("The JSON cast operator JSON.{name}() only works with a JSON index expression e.g. col['q'].{name}()"),
                    );
                };
                let (op, t) = match name {
                    "as_integer" => (crate::core::sql::Op::JsonGetAs, SqlType::Integer),
                    "as_string" => (crate::core::sql::Op::JsonGetAs, SqlType::String(None)),
                    // No `to_float` on the result: a JSON number comes back as stored.
                    "as_float" => (
                        crate::core::sql::Op::JsonGetAs,
                        SqlType::Custom("FLOAT".into()),
                    ),
                    "as_boolean" => (crate::core::sql::Op::JsonGetAs, SqlType::Boolean),
                    "as_numeric" => {
                        let n = |i: usize| match args.get(i) {
                            Some(Value::Int(v)) => v.to_i64().map(|v| v as u32),
                            _ => None,
                        };
                        (
                            crate::core::sql::Op::JsonGetAs,
                            SqlType::Numeric(n(0), n(1)),
                        )
                    }
                    _ => (crate::core::sql::Op::JsonGet, SqlType::Json),
                };
                SqlObj::typed(Expr::binary(*left, op, *right), Some(t))
            }
            "nulls_last" | "nullslast" | "nulls_first" | "nullsfirst" => {
                SqlObj::typed(s.expr.nulls(name.ends_with("last")), ty)
            }
            "count" => SqlObj::typed(func("count", vec![s.expr]), Some(SqlType::Integer)),
            _ => {
                let tn = if matches!(&target, Value::Native(n) if matches!(**n, Native::Instrumented(_)))
                {
                    let cls = if let Value::Native(n) = &target
                        && let Native::Instrumented(a) = &**n
                    {
                        a.class.to_string()
                    } else {
                        String::new()
                    };
                    let key = if let Value::Native(n) = &target
                        && let Native::Instrumented(a) = &**n
                    {
                        a.key.to_string()
                    } else {
                        String::new()
                    };
                    return self.raise("AttributeError", format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {cls}.{key} has an attribute '{name}'"));
                } else {
                    self.type_name(&target)
                };
                return self.no_attr(&tn, name);
            }
        };
        Ok(sql_value(e))
    }

    pub(super) fn rel_method(
        &mut self,
        rel: super::super::Instrumented,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        if !matches!(name, "and_" | "of_type")
            && rel.via.as_ref().is_some_and(|v| v.criteria.is_some())
        {
            return self.unsupported(&format!(
                "`{name}()` of a relationship narrowed with `and_()`"
            ));
        }
        match name {
            // `Post.author.of_type(Author)`: the relationship towards an alias of its target.
            "of_type" => match args.first() {
                Some(Value::Native(n)) if let Native::Aliased(_, alias) = &**n => {
                    let parent = rel.via.as_ref().and_then(|v| v.parent.clone());
                    Ok(Value::Native(Rc::new(Native::Instrumented(super::super::Instrumented {
                        via: Some(Rc::new(super::super::AliasVia {
                            parent,
                            target: Some(alias.clone()),
                            criteria: rel.via.as_ref().and_then(|v| v.criteria.clone()),
                        })),
                        ..rel
                    }))))
                }
                Some(Value::Class(_)) => Ok(Value::Native(Rc::new(Native::Instrumented(rel)))),
                _ => self.raise("ArgumentError", "of_type() needs a mapped class or an alias"),
            },
            // `User.posts.and_(Post.published == True)`: the relationship, its joins
            // narrowed by more ON criteria.
            "and_" => {
                let mut terms = vec![];
                if let Some(c) = rel.via.as_ref().and_then(|v| v.criteria.clone()) {
                    terms.push(c);
                }
                for a in &args {
                    terms.push(self.to_expr(a, None)?.expr);
                }
                let via = rel.via.as_deref().cloned().unwrap_or_default();
                Ok(Value::Native(Rc::new(Native::Instrumented(super::super::Instrumented {
                    via: Some(Rc::new(super::super::AliasVia {
                        criteria: Some(crate::core::sql::expr::and(terms)),
                        ..via
                    })),
                    ..rel
                }))))
            }
            "has" | "any" => {
                let found = self
                    .orm
                    .reg
                    .relationship(&rel.class, &rel.key)
                    .and_then(|r| Ok((r, self.orm.reg.resolve(&rel.class, &rel.key)?)));
                let (target, uselist) = match found {
                    Ok((r, rr)) => (r.target.clone(), r.uselist.unwrap_or(rr.uselist())),
                    Err(e) => return self.raise(e.class(), e.0),
                };
                if name == "has" && uselist {
                    return self.raise(
                        "InvalidRequestError",
                        "'has()' not implemented for collections. Use any().",
                    );
                }
                if name == "any" && !uselist {
                    return self.raise(
                        "InvalidRequestError",
                        "'any()' not implemented for scalar attributes. Use has().",
                    );
                }
                let mut crit = vec![];
                for a in &args {
                    crit.push(self.to_expr(a, None)?.expr);
                }
                if !kw.is_empty() {
                    let t = match self.orm.reg.table_of(&target) {
                        Ok(t) => t.clone(),
                        Err(e) => return self.raise(e.class(), e.0),
                    };
                    for (k, v) in &kw {
                        let Some(c) = t.col_by_attr(k) else {
                            return self.raise("InvalidRequestError", format!("Entity namespace for \"{}\" has no property \"{k}\"", t.name));
                        };
                        // (As `filter_by()` compares: booleans as SQL's true/false, None
                        // as IS NULL.)
                        let col = Expr::col(&t.name, c.name.clone());
                        crit.push(match v {
                            Value::None => col.is_null(),
                            Value::Bool(true) => col.eq(Expr::true_()),
                            Value::Bool(false) => col.eq(Expr::false_()),
                            _ => {
                                let ty = c.ty.clone();
                                col.eq(self.to_compared_expr(v, Some(&ty))?.expr)
                            }
                        });
                    }
                }
                let parent = rel.via.as_ref().and_then(|v| v.parent.as_ref());
                match exists_criterion_from(&self.orm.reg, &rel.class, &rel.key, crit, parent) {
                    Ok(e) => Ok(sql_value(SqlObj::typed(e, Some(SqlType::Boolean)))),
                    Err(e) => self.raise(e.class(), e.0),
                }
            }
            "contains" => {
                let scalar = self
                    .orm
                    .reg
                    .resolve(&rel.class, &rel.key)
                    .is_ok_and(|r| r.kind == crate::core::orm::mapper::RelKind::ManyToOne);
                if scalar {
                    return self.raise(
                        "InvalidRequestError",
                        "'contains' not implemented for scalar attributes.  Use ==",
                    );
                }
                let Some(Value::Instance(t)) = args.first() else {
                    return self.raise("ArgumentError", format!("Mapped instance expected for relationship comparison to object.   Classes, queries and other SQL elements are not accepted in this context; for comparison with a subquery, use {}.{}.has(**criteria).", rel.class, rel.key));
                };
                let h = self.compared_values(t)?;
                let f = |c: &str| h.get(c).cloned().unwrap_or(SqlValue::Null);
                let reg = &self.orm.reg;
                let parent = rel.via.as_ref().and_then(|v| v.parent.as_ref());
                let e = match crate::core::orm::relations::many_to_many_contains(reg, &rel.class, &rel.key, &f) {
                    // (Through an alias of the class, its columns are the alias's.)
                    Ok(e) => match (parent, reg.table_of(&rel.class)) {
                        (Some(a), Ok(t)) => crate::core::orm::eager::retarget(&e, &t.name, a),
                        _ => e,
                    },
                    Err(e) => return self.raise(e.class(), e.0),
                };
                let e = SqlObj::typed(e, Some(SqlType::Boolean));
                // (Negated, a many-to-many's is `NOT (EXISTS (...))` of the target's key,
                // as SQLAlchemy negates it: not the association row's condition negated,
                // which the other rows of the cross join meet.)
                let secondary = reg.resolve(&rel.class, &rel.key).is_ok_and(|r| r.secondary.is_some());
                if secondary
                    && let Some(m) = t.class.model_info()
                    && let Ok(table) = reg.table_of(&m.class)
                {
                    let crit = (table.columns.iter())
                        .filter(|c| c.primary_key)
                        .map(|c| Expr::col(&table.name, c.name.clone()).eq(Expr::bind(f(&c.name))))
                        .collect();
                    return match exists_criterion_from(reg, &rel.class, &rel.key, crit, parent) {
                        Ok(x) => Ok(Value::Native(Rc::new(Native::Negatable(Rc::new((e, crate::core::sql::expr::not(x))))))),
                        Err(e) => self.raise(e.class(), e.0),
                    };
                }
                Ok(sql_value(e))
            }
            "in_" => self.raise(
                "NotImplementedError",
                "in_() not yet supported for relationships.  For a simple many-to-one, use in_() against the set of foreign key values.",
            ),
            // (A relationship's comparator refuses the column operators.)
            _ if let Some(op) = column_operator(name) => self.raise(
                "NotImplementedError",
                format!("<function {op} at 0x7f0000000000>"),
            ),
            _ => self.raise(
                "AttributeError",
                format!("Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {}.{} has an attribute '{name}'", rel.class, rel.key),
            ),
        }
    }

    /// The frame of `over(rows=(lower, upper))` (or `range_=`, `groups=`): `None` is
    /// unbounded, 0 the current row, and other offsets bound values, as SQLAlchemy
    /// writes them (`ROWS BETWEEN ? PRECEDING AND CURRENT ROW`).
    fn window_frame(&mut self, kind: &str, v: &Value) -> R<Vec<Expr>> {
        let pair = match v {
            Value::Tuple(t) if t.len() == 2 => [t[0].clone(), t[1].clone()],
            _ => return self.raise("ArgumentError", "2-tuple expected for range/rows"),
        };
        let mut out = vec![Expr::Raw(format!("{kind} BETWEEN"))];
        let mut text = String::new();
        for (i, b) in pair.iter().enumerate() {
            if i == 1 {
                text.push_str(" AND");
            }
            let n = match b {
                Value::None => None,
                Value::Bool(x) => Some(i64::from(*x)),
                Value::Int(n) => match n.to_i64() {
                    Some(n) => Some(n),
                    None => {
                        return self
                            .raise("ArgumentError", "Integer or None expected for range value");
                    }
                },
                _ => {
                    return self.raise("ArgumentError", "Integer or None expected for range value");
                }
            };
            match n {
                None if i == 0 => text.push_str(" UNBOUNDED PRECEDING"),
                None => text.push_str(" UNBOUNDED FOLLOWING"),
                Some(0) => text.push_str(" CURRENT ROW"),
                Some(n) => {
                    out.push(Expr::Raw(std::mem::take(&mut text).trim_start().to_owned()));
                    out.push(Expr::bind(crate::core::sql::SqlValue::Integer(n.abs())));
                    text.push_str(if n < 0 { " PRECEDING" } else { " FOLLOWING" });
                }
            }
        }
        out.push(Expr::Raw(text.trim_start().to_owned()));
        out.retain(|e| !matches!(e, Expr::Raw(t) if t.is_empty()));
        Ok(out)
    }
}

/// The operator function SQLAlchemy names when a relationship refuses column method
/// `name` (`B.a.like('x')`: `NotImplementedError: <function like_op at 0x...>`).
pub(crate) fn column_operator(name: &str) -> Option<&'static str> {
    Some(match name {
        "not_in" | "notin_" => "not_in_op",
        "like" => "like_op",
        "ilike" => "ilike_op",
        "not_like" | "notlike" => "not_like_op",
        "not_ilike" | "notilike" => "not_ilike_op",
        "startswith" => "startswith_op",
        "endswith" => "endswith_op",
        "icontains" => "icontains_op",
        "istartswith" => "istartswith_op",
        "iendswith" => "iendswith_op",
        "between" => "between_op",
        "is_" => "is_",
        "is_not" | "isnot" => "is_not",
        "regexp_match" => "regexp_match_op",
        "concat" => "concat_op",
        "collate" => "collate",
        "match" => "match_op",
        _ => return None,
    })
}

/// The methods of a column expression (an attribute access returns them bound).
pub(crate) const COLUMN_METHODS: &str = "and_ any as_boolean as_float as_integer as_json \
    as_numeric as_string asc between cast collate compile concat contains count desc distinct \
    endswith filter has icontains iendswith ilike in_ is_ is_distinct_from is_not \
    is_not_distinct_from isnot isnot_distinct_from istartswith label like not_ilike not_in \
    not_like notilike notin_ notlike nulls_first nulls_last nullsfirst nullslast of_type op over \
    references regexp_match regexp_replace startswith";

impl Interp<'_> {
    /// Python's TypeError for a column operator method (`between`, `like`, `in_`...)
    /// called with `given` of its operands.
    fn missing_operand<T>(&mut self, name: &str, given: usize) -> R<T> {
        let params: &[&str] = match name {
            "between" => &["cleft", "cright"],
            "regexp_replace" => &["pattern", "replacement"],
            "regexp_match" => &["pattern"],
            _ => &["other"],
        };
        // (The aliases are the methods under their new names.)
        let name = match name {
            "notin_" => "not_in",
            "isnot" => "is_not",
            "notlike" => "not_like",
            "notilike" => "not_ilike",
            other => other,
        };
        let missing: Vec<String> = params
            .iter()
            .skip(given)
            .map(|p| format!("'{p}'"))
            .collect();
        let s = if missing.len() == 1 { "" } else { "s" };
        self.raise(
            "TypeError",
            format!(
                "ColumnOperators.{name}() missing {} required positional argument{s}: {}",
                missing.len(),
                missing.join(" and ")
            ),
        )
    }
}
