//! SQL expressions built from Python: column attributes, operators, `func.*`, `and_`/`or_`/`not_`,
//! column methods (`like`, `in_`, `between`, `desc`, `label`...), relationship comparisons.

mod methods;
pub(crate) use methods::{COLUMN_METHODS, column_operator};

use std::rc::Rc;

use crate::core::lang::ast::{BinOp, CmpOp, UnaryOp};
use crate::core::orm::relations::compare_many_to_one;
use crate::core::sql::coerce::{Arith, adapt, coerce_compared, func_type};
use crate::core::sql::expr::{and, func, not, or};
use crate::core::sql::{Expr, SqlType, SqlValue};

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::{Native, SqlObj};

impl SqlObj {
    /// A plain expression without type.
    pub fn of(expr: Expr) -> Self {
        SqlObj {
            expr,
            ty: None,
            key: None,
            class: None,
        }
    }
    /// True for `EXISTS (SELECT ...)` (`select(...).exists()`).
    pub fn is_exists(&self) -> bool {
        matches!(
            &self.expr,
            Expr::Unary {
                op: crate::core::sql::expr::Op::Exists,
                ..
            }
        )
    }

    /// With a type.
    pub fn typed(expr: Expr, ty: Option<SqlType>) -> Self {
        SqlObj {
            expr,
            ty,
            key: None,
            class: None,
        }
    }

    /// True for a Boolean-typed element that is not itself a condition (a column, a
    /// function, a cast...): SQLAlchemy wraps it in `AsBoolean` as a condition and when
    /// negated, since SQLite has no native boolean.
    fn plain_boolean(&self) -> bool {
        matches!(self.ty, Some(SqlType::Boolean))
            && matches!(
                &self.expr,
                Expr::Column { .. }
                    | Expr::Func { .. }
                    | Expr::Cast { .. }
                    | Expr::Case { .. }
                    | Expr::Label { .. }
            )
    }

    /// The expression as a condition (WHERE, HAVING, `and_`/`or_` items): a plain
    /// Boolean element becomes `x = 1` on SQLite (a label, its element).
    pub fn into_condition(self) -> Expr {
        if !self.plain_boolean() {
            return self.expr;
        }
        let expr = match self.expr {
            Expr::Label { expr, .. } => expr,
            e => Box::new(e),
        };
        Expr::AsBoolean {
            expr,
            is_true: true,
        }
    }

    /// `~x` / `not_(x)`: a plain Boolean element becomes `x = 0` on SQLite; anything
    /// else as [`not`] negates it.
    pub fn negated(self) -> Expr {
        if self.plain_boolean() {
            return Expr::AsBoolean {
                expr: Box::new(self.expr),
                is_true: false,
            };
        }
        not(self.expr)
    }
}

/// The type name standing for a float `//` (FLOOR()), whose value comes back as an int;
/// its `.type` is `Float()`.
pub const FLOOR: &str = "FLOOR";

/// Wraps a SQL expression as a Python value.
pub fn sql_value(s: SqlObj) -> Value {
    Value::Native(Rc::new(Native::Sql(s)))
}

impl Interp<'_> {
    /// A SQL type given as an argument (`db.String`, `String(20)`, `Integer`).
    pub(crate) fn type_arg(&self, v: &Value) -> Option<SqlType> {
        match v {
            Value::Native(n) => match &**n {
                Native::ColumnType(t) => Some(t.base_type()),
                Native::SqlaFn(f) => {
                    let name = f.trim_start_matches("db.");
                    crate::core::words::has(super::dispatch::TYPES, name)
                        .then(|| super::dispatch::type_of_name(name))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The SQL type a Python value binds as (`literal(5)` is an Integer).
    fn type_of_value(v: &Value) -> Option<SqlType> {
        Some(match v {
            Value::Bool(_) => SqlType::Boolean,
            Value::Int(_) => SqlType::Integer,
            Value::Float(_) => SqlType::Float,
            Value::Str(_) => SqlType::String(None),
            Value::Decimal(_) => SqlType::Numeric(None, None),
            Value::DateTime(_) => SqlType::DateTime,
            Value::Date(_) => SqlType::Date,
            Value::TimeDelta(_) => SqlType::Interval,
            _ => return None,
        })
    }

    /// The free-standing SQL constructs: `case()`, `literal()`, `literal_column()`,
    /// `cast()`, `null()` and `exists()`.
    pub(crate) fn sql_construct(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let kwarg = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
        let type_kw = kwarg("type_").and_then(|t| self.type_arg(&t));
        let obj = match name {
            "null" => SqlObj::of(Expr::Null),
            "literal" => {
                let Some(v) = args.first() else {
                    return self.raise("TypeError", "literal() missing required argument 'value'");
                };
                let ty = type_kw.or_else(|| Self::type_of_value(v));
                let sv = self.to_sql(v, ty.as_ref())?;
                // (A bind of its own: SQLAlchemy names it `param_N`, not after the column
                // it meets; held as a coercion to its type, which renders the bind alone.)
                let e = match &ty {
                    Some(t) => Expr::bind(sv).coerce(t.clone()),
                    None => Expr::bind(sv),
                };
                SqlObj::typed(e, ty)
            }
            "literal_column" => match args.first() {
                Some(Value::Str(s)) => SqlObj::typed(Expr::raw(s.to_string()), type_kw),
                _ => return self.raise("TypeError", "literal_column() needs SQL text"),
            },
            "cast" => {
                let (Some(v), Some(t)) = (args.first(), args.get(1).and_then(|a| self.type_arg(a)))
                else {
                    return self.raise("TypeError", "cast() needs an expression and a type");
                };
                let e = self.to_expr(v, None)?.expr;
                SqlObj::typed(e.cast(t.clone()), Some(t))
            }
            // (The expression as it is, read and bound as the type: no CAST.)
            "type_coerce" => {
                let (Some(v), Some(t)) = (args.first(), args.get(1).and_then(|a| self.type_arg(a)))
                else {
                    return self.raise("TypeError", "type_coerce() needs an expression and a type");
                };
                let e = self.to_expr(v, Some(&t))?.expr;
                // (A column keeps its name as its label in a SELECT list, as a cast's.)
                let e = match e {
                    c @ Expr::Column { .. } => c.coerce(t.clone()),
                    e => e,
                };
                SqlObj::typed(e, Some(t))
            }
            "case" => return self.sql_case(args, kw),
            _ => {
                // exists(), exists(column...), exists(select): a query that stands for
                // EXISTS (...) in expressions and takes .where() / .correlate().
                let mut q = match args.first() {
                    Some(Value::Native(n)) if let Native::Query(q) = &**n => (**q).clone(),
                    _ => {
                        let (mut es, ents) = self.entities_from(&args)?;
                        if es.is_empty() {
                            es.push(crate::core::orm::query::Entity::Expr(Expr::Star));
                        }
                        let mut q = super::query::QueryObj::legacy_of(&Rc::from(""));
                        q.q = crate::core::orm::query::Query {
                            entities: es,
                            style: crate::core::sql::LabelStyle::DisambiguateOnly,
                            ..Default::default()
                        };
                        q.ents = ents;
                        q.core = !args.iter().any(|a| self.orm_element(a));
                        q
                    }
                };
                q.legacy = false;
                q.q.exists = true;
                return Ok(Value::Native(Rc::new(Native::Query(Box::new(q)))));
            }
        };
        Ok(sql_value(obj))
    }

    /// `case((cond, value), ..., else_=...)`, or `case({key: value}, value=expr)` comparing
    /// `expr` with each key. Its type is the last THEN value's.
    fn sql_case(&mut self, args: Vec<Value>, kw: Kw) -> R<Value> {
        let kwarg = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
        let subject = match kwarg("value") {
            Some(v) => Some(self.to_expr(&v, None)?),
            None => None,
        };
        let mut whens = vec![];
        let mut ty = None;
        // (`case([(c, v), ...])`, the 1.x form, is refused in 2.0.)
        let items: Vec<Value> = match args.as_slice() {
            [Value::List(_)] => {
                return self.raise(
                    "ArgumentError",
                    "The \"whens\" argument to case(), when referring to a sequence of items, is now passed as a series of positional elements, rather than as a list. ",
                );
            }
            [Value::Dict(_)] => {
                let pairs = self.mapping_items(&args[0])?;
                pairs
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect()
            }
            _ => args,
        };
        for it in &items {
            let pair = self.iterate(it)?;
            let [c, v] = pair.as_slice() else {
                return self.raise("ArgumentError", "case() takes (condition, value) pairs");
            };
            let cond = match &subject {
                Some(s) => self.to_compared_expr(c, s.ty.as_ref())?.expr,
                None => self.to_expr(c, None)?.expr,
            };
            let then = self.to_expr(v, None)?;
            ty = then.ty.clone().or_else(|| Self::type_of_value(v)).or(ty);
            whens.push((cond, then.expr));
        }
        let else_ = match kwarg("else_") {
            Some(v) => Some(self.to_expr(&v, None)?.expr),
            None => None,
        };
        let expr = match subject {
            None => crate::core::sql::expr::case(whens, else_),
            Some(s) => Expr::Case {
                subject: Some(Box::new(s.expr)),
                whens,
                else_: else_.map(Box::new),
            },
        };
        Ok(sql_value(SqlObj::typed(expr, ty)))
    }

    /// The SQL expression of a value if it is one (column attribute, expression).
    pub fn as_sql(&self, v: &Value) -> Option<SqlObj> {
        match v {
            Value::Native(n) => match &**n {
                Native::Sql(s) => Some(s.clone()),
                Native::Negatable(p) => Some(p.0.clone()),
                Native::Instrumented(a) if a.column.is_some() => self.column_sql(a),
                Native::ColumnObj(t, i) => {
                    let t = self.orm.reg.metadata.table(t)?;
                    let c = t.columns.get(*i)?;
                    Some(SqlObj {
                        expr: Expr::col(&t.name, c.name.clone()),
                        ty: Some(c.ty.clone()),
                        key: Some(Rc::from(c.name.as_str())),
                        class: None,
                    })
                }
                Native::Text(s, binds) => {
                    let mut b = Vec::with_capacity(binds.len());
                    for (k, v) in binds {
                        let sv = match v {
                            Value::None => SqlValue::Null,
                            Value::Bool(x) => SqlValue::Integer(*x as i64),
                            Value::Int(i) => SqlValue::Integer(i.to_i64()?),
                            Value::Float(f) => SqlValue::Real(*f),
                            Value::Str(t) => SqlValue::Text(t.clone()),
                            Value::Date(d) => SqlValue::text(d.to_sqlite()),
                            Value::DateTime(d) => SqlValue::text(d.to_sqlite()),
                            Value::Decimal(d) => SqlValue::Real(d.to_f64()),
                            _ => return None,
                        };
                        b.push((k.to_string(), sv));
                    }
                    Some(SqlObj::of(Expr::Text {
                        sql: s.to_string(),
                        binds: b,
                    }))
                }
                // `exists().where(...)`: EXISTS (its SELECT).
                Native::Query(q) if q.q.exists => {
                    let mut s = q.q.compile(&self.orm.reg).ok()?;
                    s.label_style = crate::core::sql::LabelStyle::DisambiguateOnly;
                    Some(SqlObj::typed(
                        crate::core::sql::expr::exists(s),
                        Some(SqlType::Boolean),
                    ))
                }
                // A subquery in an expression (`in_(sub)`): its SELECT.
                Native::Subquery(sq) => Some(SqlObj::of(Expr::Select(Box::new(sq.select.clone())))),
                // A `db.Column` named in its own class body: its column once mapped.
                Native::ColumnSpec(c) => {
                    let c = c.borrow();
                    let expr = match self.orm.spec_columns.get(&c.order) {
                        Some((t, n)) => Expr::col(t.to_string(), n.to_string()),
                        None => super::spec_placeholder(c.order),
                    };
                    Some(SqlObj::typed(expr, Some(c.column.ty.clone())))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The SQL expression an attribute was set to (`post.views = Post.views + 1`), as a
    /// flush writes it into its UPDATE/INSERT: grouped as SQLAlchemy's `self_group()`
    /// groups it (`views=(post.views + ?)`). `None` for a Python value (or a query).
    pub(crate) fn assigned_sql(&self, v: &Value) -> Option<Expr> {
        let Value::Native(n) = v else { return None };
        if matches!(&**n, Native::Query(_)) {
            return None;
        }
        Some(match self.as_sql(v)?.expr {
            b @ Expr::Binary { .. } => Expr::Grouping(Box::new(b)),
            other => other,
        })
    }

    /// Any value as a SQL expression: expressions as they are, Python values as bound parameters
    /// (processed for `ty`).
    pub fn to_expr(&mut self, v: &Value, ty: Option<&SqlType>) -> R<SqlObj> {
        if let Some(s) = self.as_sql(v) {
            return Ok(s);
        }
        if let Value::Native(n) = v
            && let Native::Query(q) = &**n
        {
            let e = q.scalar_subquery(self)?;
            return Ok(SqlObj::of(e));
        }
        if let Value::Native(n) = v
            && let Native::Instrumented(_) = &**n
        {
            return self.raise(
                "ArgumentError",
                "SQL expression element expected, got a relationship attribute",
            );
        }
        // (A mapped object is no literal: SQLAlchemy refuses it as the expression is made.)
        if let Value::Instance(i) = v
            && i.class.model_info().is_some()
        {
            let r = self.repr(v)?;
            return self.raise(
                "ArgumentError",
                format!("SQL expression element or literal value expected, got {r}."),
            );
        }
        // A column's method not called (`order_by(User.age.desc)`): refused as such.
        if let Value::BuiltinMethod(m) = v
            && let Value::Native(n) = &m.0
            && matches!(&**n, Native::Instrumented(_) | Native::Sql(_))
        {
            let owner = match (&**n, &*m.1) {
                (Native::Instrumented(_), "label") => "QueryableAttribute",
                (Native::Sql(_), "label") => "ColumnElement",
                _ => "ColumnOperators",
            };
            let t = self.type_name(&m.0);
            let module = Native::type_module(&t).unwrap_or("sqlalchemy.sql.elements");
            return self.raise(
                "ArgumentError",
                format!(
                    "Method <bound method {owner}.{} of <{module}.{t} object at 0x7f0000000000>> may not be passed as a SQL expression",
                    m.1
                ),
            );
        }
        // `bindparam('x', value)`: a parameter; without a value, a named one that
        // `execute(stmt, {'x': ...})` fills (as the named binds of `text()` parts).
        if let Value::Native(n) = v
            && let Native::BindParam(name, value, _) = &**n
        {
            return match value {
                Some(x) => self.to_expr(x, ty),
                None => Ok(SqlObj::typed(
                    Expr::Text {
                        sql: format!(":{name}"),
                        binds: vec![],
                    },
                    ty.cloned(),
                )),
            };
        }
        // (A Python tuple beside a `tuple_()`, which has no type: a row value of
        // parameters. Beside a column it is one parameter, which the driver refuses.)
        if let Value::Tuple(t) = v
            && ty.is_none()
        {
            let mut items = vec![];
            for x in t.iter() {
                items.push(self.to_expr(x, None)?.expr);
            }
            return Ok(SqlObj::of(Expr::row(items)));
        }
        let sv = self.to_bind(v, ty)?;
        Ok(SqlObj::typed(Expr::bind(sv), ty.cloned()))
    }

    fn rel_of(&self, v: &Value) -> Option<super::Instrumented> {
        if let Value::Native(n) = v
            && let Native::Instrumented(a) = &**n
            && a.column.is_none()
        {
            return Some(a.clone());
        }
        None
    }

    /// `json_col[key]` / `json_col[(k1, 0)]`: a JSON element (SQLAlchemy's JSON path
    /// as a bound `$."key"[0]` string).
    pub fn json_getitem(&mut self, n: Rc<Native>, key: &Value) -> R<Value> {
        let me = Value::Native(n.clone());
        let Some(s) = self.as_sql(&me).filter(|s| s.ty == Some(SqlType::Json)) else {
            let t = n.type_name().to_string();
            return self.raise("TypeError", format!("'{t}' object is not subscriptable"));
        };
        let parts = match key {
            Value::Tuple(t) => (**t).clone(),
            k => vec![k.clone()],
        };
        let mut path = String::from("$");
        for p in &parts {
            match p {
                Value::Str(k) => path.push_str(&format!(".\"{k}\"")),
                Value::Int(i) => path.push_str(&format!("[{i}]")),
                _ => {
                    let t = self.type_name(p);
                    return self.raise(
                        "TypeError",
                        format!("JSON index must be str or int, not {t}"),
                    );
                }
            }
        }
        let e = Expr::binary(
            s.expr,
            crate::core::sql::Op::JsonGet,
            Expr::bind(SqlValue::Text(path.into())),
        );
        Ok(sql_value(SqlObj::typed(e, Some(SqlType::Json))))
    }

    /// Comparison operators on SQL expressions.
    pub fn native_compare(
        &mut self,
        n: Rc<Native>,
        op: CmpOp,
        other: &Value,
        reflected: bool,
    ) -> R<Option<Value>> {
        let me = Value::Native(n.clone());
        if let Some(rel) = self.rel_of(&me) {
            // `Parent.child == None` for a one-to-many / one-to-one: NOT EXISTS (and `!=`
            // EXISTS), as SQLAlchemy renders it.
            let to_many = self
                .orm
                .reg
                .resolve(&rel.class, &rel.key)
                .is_ok_and(|r| r.kind != crate::core::orm::mapper::RelKind::ManyToOne);
            if to_many && matches!(other, Value::None) && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                // (`any()` for a collection, `has()` for a one-to-one.)
                let uselist = (self.orm.reg.relationship(&rel.class, &rel.key))
                    .and_then(|r| Ok((r, self.orm.reg.resolve(&rel.class, &rel.key)?)))
                    .is_ok_and(|(r, rr)| r.uselist.unwrap_or(rr.uselist()));
                let how = if uselist { "any" } else { "has" };
                let has = self.rel_method(rel, how, vec![], vec![])?;
                let Some(h) = self.as_sql(&has) else {
                    return Ok(None);
                };
                let e = if op == CmpOp::Eq { not(h.expr) } else { h.expr };
                return Ok(Some(sql_value(SqlObj::typed(e, Some(SqlType::Boolean)))));
            }
            if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                let target = match other {
                    Value::Instance(i) => Some(i.clone()),
                    Value::None => None,
                    // (A collection is refused first; a many-to-one compares with mapped
                    // instances only.)
                    _ if to_many => {
                        if let Err(e) =
                            compare_many_to_one(&self.orm.reg, &rel.class, &rel.key, None)
                        {
                            return self.raise(e.class(), e.0);
                        }
                        return Ok(None);
                    }
                    _ => {
                        return self.raise(
                            "ArgumentError",
                            format!("Mapped instance expected for relationship comparison to object.   Classes, queries and other SQL elements are not accepted in this context; for comparison with a subquery, use {}.{}.has(**criteria).", rel.class, rel.key),
                        );
                    }
                };
                let vals = match &target {
                    Some(t) => Some(self.compared_values(t)?),
                    None => None,
                };
                let f = |c: &str| {
                    vals.as_ref()
                        .and_then(|h| h.get(c).cloned())
                        .unwrap_or(SqlValue::Null)
                };
                // (Through an alias of the class, its foreign key is the alias's column.)
                let table = self.orm.reg.table_of(&rel.class).map(|t| t.name.clone());
                let alias = rel.via.as_ref().and_then(|v| v.parent.clone());
                let via = |e: Expr| match (&table, &alias) {
                    (Ok(t), Some(a)) => crate::core::orm::eager::retarget(&e, t, a),
                    _ => e,
                };
                if op == CmpOp::NotEq && vals.is_some() {
                    return match crate::core::orm::relations::compare_many_to_one_ne(
                        &self.orm.reg,
                        &rel.class,
                        &rel.key,
                        &f,
                    ) {
                        Ok(e) => Ok(Some(sql_value(SqlObj::of(via(e))))),
                        Err(e) => self.raise(e.class(), e.0),
                    };
                }
                let e = compare_many_to_one(
                    &self.orm.reg,
                    &rel.class,
                    &rel.key,
                    if vals.is_some() { Some(&f) } else { None },
                )
                .map(via);
                return match e {
                    Ok(e) => Ok(Some(sql_value(SqlObj::of(if op == CmpOp::NotEq {
                        not(e)
                    } else {
                        e
                    })))),
                    Err(e) => self.raise(e.class(), e.0),
                };
            }
            return Ok(None);
        }
        let Some(me_sql) = self.as_sql(&me) else {
            return Ok(None);
        };
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            return Ok(None);
        }
        if matches!(op, CmpOp::Is | CmpOp::IsNot) {
            return Ok(None);
        }
        let mut ty = me_sql.ty.clone();
        if matches!(
            &me_sql.expr,
            Expr::Binary {
                op: crate::core::sql::Op::JsonGet,
                ..
            }
        ) {
            // SQLAlchemy binds the compared value with its own type, not as JSON.
            ty = None;
        }
        let other_e = match other {
            Value::None => None,
            Value::Bool(b)
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) && self.as_sql(other).is_none() =>
            {
                Some(if *b { Expr::true_() } else { Expr::false_() })
            }
            _ => Some(self.to_compared_expr(other, ty.as_ref())?.expr),
        };
        let (l, r) = (me_sql.expr, other_e);
        let e = match (op, r) {
            (CmpOp::Eq, None) => l.is_null(),
            (CmpOp::NotEq, None) => l.is_not_null(),
            (_, None) => return self.raise("ArgumentError", "Only '=', '!=', 'is_()', 'is_not()', 'is_distinct_from()', 'is_not_distinct_from()' operators can be used with None/True/False"),
            (op, Some(r)) => {
                let (a, b) = if reflected { (r, l) } else { (l, r) };
                let op = if reflected {
                    match op {
                        CmpOp::Lt => CmpOp::Gt,
                        CmpOp::Gt => CmpOp::Lt,
                        CmpOp::LtE => CmpOp::GtE,
                        CmpOp::GtE => CmpOp::LtE,
                        o => o,
                    }
                } else {
                    op
                };
                let (a, b) = if reflected { (b, a) } else { (a, b) };
                match op {
                    CmpOp::Eq => a.eq(b),
                    CmpOp::NotEq => a.ne(b),
                    CmpOp::Lt => a.lt(b),
                    CmpOp::LtE => a.le(b),
                    CmpOp::Gt => a.gt(b),
                    _ => a.ge(b),
                }
            }
        };
        Ok(Some(sql_value(SqlObj::typed(e, Some(SqlType::Boolean)))))
    }

    /// Arithmetic and `&`/`|` on SQL expressions.
    pub fn native_binop(
        &mut self,
        n: Rc<Native>,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> R<Option<Value>> {
        let me = Value::Native(n.clone());
        let Some(me_sql) = self.as_sql(&me) else {
            return Ok(None);
        };
        // (SQLAlchemy's operators have `__and__`/`__or__` but no reflected forms:
        // `'x' | User.name` is a TypeError, and so is the precedence slip
        // `User.name == 'x' | User.name == 'y'`.)
        if reflected && matches!(op, BinOp::BitAnd | BinOp::BitOr) {
            return Ok(None);
        }
        let ty = me_sql.ty.clone();
        let o = self.to_compared_expr(other, ty.as_ref())?;
        let (a, b) = if reflected { (o, me_sql) } else { (me_sql, o) };
        let arith = match op {
            // (Their operands are conditions, as `and_()`'s: a Boolean column `x = 1`.)
            BinOp::BitAnd | BinOp::BitOr => {
                let items = vec![a.into_condition(), b.into_condition()];
                let e = if op == BinOp::BitAnd {
                    and(items)
                } else {
                    or(items)
                };
                return Ok(Some(sql_value(SqlObj::typed(e, Some(SqlType::Boolean)))));
            }
            BinOp::Add => Arith::Add,
            BinOp::Sub => Arith::Sub,
            BinOp::Mult => Arith::Mul,
            BinOp::Div => Arith::Div,
            BinOp::FloorDiv => Arith::FloorDiv,
            BinOp::Mod => Arith::Mod,
            _ => return Ok(None),
        };
        // The left side's comparator decides the type, and whether `+` is `||`.
        let adapted = adapt(arith, a.ty.as_ref(), b.ty.as_ref());
        let int = |t: &Option<SqlType>| t.as_ref().is_some_and(|t| t.is_integer());
        let both_int = int(&a.ty) && int(&b.ty);
        let e = match arith {
            Arith::Add if adapted.concat => a.expr.concat(b.expr),
            Arith::Add => a.expr + b.expr,
            Arith::Sub => a.expr - b.expr,
            Arith::Mul => a.expr * b.expr,
            // SQLAlchemy's SQLite compiler: always `a / (b + 0.0)`.
            Arith::Div => a.expr.div(b.expr, true),
            // `a / b` only when both sides are integers, else FLOOR(a / b).
            Arith::FloorDiv => a.expr.floordiv(b.expr, both_int),
            Arith::Mod => a.expr.modulo(b.expr),
        };
        let rty = match adapted.ty {
            // FLOOR() comes back as a Python int (SQLAlchemy registers `math.floor` as
            // SQLite's floor), which a Float type leaves as it is.
            Some(SqlType::Float) if arith == Arith::FloorDiv && !both_int => {
                Some(SqlType::Custom(FLOOR.into()))
            }
            t => t,
        };
        Ok(Some(sql_value(SqlObj::typed(e, rty))))
    }

    /// A Python value beside an expression of type `ty` (an operand, a comparison's
    /// other side) as SQLAlchemy binds it: typed by `coerce_compared_value` (its own type
    /// unless it has `ty`'s affinity); an expression as it is.
    pub fn to_compared_expr(&mut self, v: &Value, ty: Option<&SqlType>) -> R<SqlObj> {
        if self.as_sql(v).is_some() {
            return self.to_expr(v, ty);
        }
        let lit = coerce_compared(ty, Self::type_of_value(v));
        self.to_expr(v, lit.as_ref())
    }

    /// `~expr`, `-expr`.
    pub fn native_unary(&mut self, n: Rc<Native>, op: UnaryOp) -> R<Value> {
        let me = Value::Native(n);
        let Some(s) = self.as_sql(&me) else {
            let t = self.type_name(&me);
            return self.raise("TypeError", format!("bad operand type for unary ~: '{t}'"));
        };
        Ok(match op {
            UnaryOp::Invert
                if let Value::Native(n) = &me
                    && let Native::Negatable(p) = &**n =>
            {
                sql_value(SqlObj::typed(p.1.clone(), Some(SqlType::Boolean)))
            }
            UnaryOp::Invert => {
                // (`~x.between(a, b)` stays untyped, as the BETWEEN it negates.)
                let between = matches!(
                    &s.expr,
                    Expr::Binary {
                        op: crate::core::sql::Op::Between,
                        ..
                    }
                );
                let ty = match s.ty.is_none() && between {
                    true => None,
                    false => Some(SqlType::Boolean),
                };
                sql_value(SqlObj::typed(s.negated(), ty))
            }
            UnaryOp::USub => sql_value(SqlObj::typed(-s.expr, s.ty)),
            _ => sql_value(s),
        })
    }

    /// `func.name(args, type_=...)`: typed as SQLAlchemy's `GenericFunction`s are
    /// ([`func_type`]), or by `type_`.
    pub fn call_func(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        // (`func.cast(x, db.String)` is SQLAlchemy's `cast()`.)
        if name == "cast" && args.len() == 2 && self.type_arg(&args[1]).is_some() {
            return self.sql_construct("cast", args, kw);
        }
        let mut exprs = vec![];
        let mut types = vec![];
        let mut class = None;
        for a in &args {
            // (A class, mapped or not, is no SQL expression.)
            if let Value::Class(c) = a {
                return self.raise(
                    "ArgumentError",
                    format!(
                        "SQL expression element expected, got <class '__main__.{}'>.",
                        c.name
                    ),
                );
            }
            // A plain value is a bound parameter of its own type.
            let s = self.to_compared_expr(a, None)?;
            types.push(s.ty);
            exprs.push(s.expr);
            class = class.or(s.class);
        }
        let ty = match kw.iter().find(|(k, _)| &**k == "type_") {
            Some((_, t)) => self.type_arg(t),
            None => func_type(name, &types),
        };
        // (The class of a mapped column among the arguments stays with the function: a
        // single-table subclass's criterion applies to `select(func.max(Bike.wheels))`.)
        let mut out = SqlObj::typed(func(name, exprs), ty);
        out.class = class;
        Ok(sql_value(out))
    }

    /// `and_`, `or_`, `not_`, `desc`, `asc` and friends.
    pub fn sql_combinator(&mut self, name: &str, args: Vec<Value>) -> R<Value> {
        let mut exprs = vec![];
        for a in &args {
            let e = match a {
                Value::Bool(v) if name == "not_" => Expr::Bool(!v),
                Value::Native(n)
                    if name == "not_"
                        && let Native::Negatable(p) = &**n =>
                {
                    p.1.clone()
                }
                Value::Bool(v) => Expr::Bool(*v),
                Value::Str(s) if matches!(name, "desc" | "asc") => Expr::LabelRef(s.to_string()),
                _ => {
                    let s = self.to_expr(a, None)?;
                    match name {
                        "and_" | "or_" => s.into_condition(),
                        "not_" => s.negated(),
                        _ => s.expr,
                    }
                }
            };
            exprs.push(e);
        }
        let b = Some(SqlType::Boolean);
        Ok(sql_value(match name {
            "and_" => SqlObj::typed(and(exprs), b),
            "or_" => SqlObj::typed(or(exprs), b),
            // (Negated above.)
            "not_" => SqlObj::typed(exprs.into_iter().next().unwrap_or(Expr::Null), b),
            "desc" => SqlObj::of(exprs.into_iter().next().unwrap_or(Expr::Null).desc()),
            "asc" => SqlObj::of(exprs.into_iter().next().unwrap_or(Expr::Null).asc()),
            "distinct" => SqlObj::of(exprs.into_iter().next().unwrap_or(Expr::Null).distinct()),
            "nullslast" | "nulls_last" | "nullsfirst" | "nulls_first" => SqlObj::of(
                exprs
                    .into_iter()
                    .next()
                    .unwrap_or(Expr::Null)
                    .nulls(name.ends_with("last")),
            ),
            _ => SqlObj::of(Expr::Null),
        }))
    }
}

impl Interp<'_> {
    /// An object's column values by column name, as a relationship comparison
    /// (`Post.author == u`, `filter_by(author=u)`, `contains()`, `with_parent()`) binds
    /// them. For an object not yet persistent the session autoflushes first (when
    /// autoflush is on): SQLAlchemy binds its key when the query runs, after the
    /// query's autoflush gave it one.
    pub(crate) fn compared_values(
        &mut self,
        t: &Rc<crate::core::interp::value::Instance>,
    ) -> R<crate::core::fxhash::FxMap<String, SqlValue>> {
        if self.status(t) != super::model::Status::Persistent {
            self.autoflush()?;
        }
        let mut h = crate::core::fxhash::FxMap::default();
        if let Some(m) = t.class.model_info() {
            self.ensure_loaded(t)?;
            for (i, (_, name)) in m.columns.iter().enumerate() {
                let v = super::model::column_attr(t, i).unwrap_or(Value::None);
                h.insert(
                    name.to_string(),
                    self.to_sql(&v, None).unwrap_or(SqlValue::Null),
                );
            }
        }
        Ok(h)
    }
}
