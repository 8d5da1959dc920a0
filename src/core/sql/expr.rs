//! SQL expressions as values.
//!
//! Constructors apply SQLAlchemy's `self_group()` rules at construction time (operator precedence,
//! `NOT (...)`, `(x NOT IN (...))`, grouped `startswith`...), so the renderer only prints.

use super::stmt::Select;
use super::types::SqlType;
use super::value::SqlValue;

/// A table reference in an expression or FROM clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TableRef {
    /// A table by name (`user`, rendered `"order"` when it needs quotes).
    Named(String),
    /// An anonymous alias rendered `<base>_<n>` (`anon_1`, `tags_1`); `n` is assigned by the renderer
    /// in order of first appearance, per `base`, like SQLAlchemy's anonymous names. `id` only
    /// distinguishes aliases inside one statement.
    Anon {
        /// Name stem: `anon` for subqueries, the table name for aliased tables.
        base: String,
        /// Identity of this alias within the statement.
        id: u32,
    },
}

impl TableRef {
    /// A named table reference.
    pub fn named(name: impl Into<String>) -> Self {
        TableRef::Named(name.into())
    }
}

pub use super::op::{Op, is_precedent};

/// The identity of a bound parameter, as SQLAlchemy's `BindParameter` object has one: an
/// expression used twice in a statement (`select(m).group_by(m)`) names its parameters
/// once (`:strftime_1` both times). Never part of an expression's equality or hash.
#[derive(Clone, Copy)]
pub struct BindId(u32);

impl BindId {
    /// A new parameter's identity.
    pub fn fresh() -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(1);
        BindId(NEXT.fetch_add(1, Ordering::Relaxed))
    }

    /// The identity as a number (distinct parameters, distinct numbers).
    pub fn get(self) -> u32 {
        self.0
    }
}

impl PartialEq for BindId {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for BindId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("_")
    }
}

/// A SQL expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `table.column` (or a bare `column`).
    Column {
        /// Owning table or alias; `None` renders the bare name.
        table: Option<TableRef>,
        /// Column name.
        name: String,
    },
    /// A bound parameter, rendered `?`; its [`BindId`] is which parameter it is (a copy
    /// of an expression shares its parameters, as SQLAlchemy's reused objects do).
    Bind(SqlValue, BindId),
    /// Verbatim SQL text (`literal_column`, `'%'`...).
    Raw(String),
    /// A `text()` fragment: its SQL with `:name` parameters, and the values bound to them
    /// (`bindparams()`, a query's `params()`); SQLite gets `?` for each.
    Text {
        /// The SQL as written.
        sql: String,
        /// Bound values by name.
        binds: Vec<(String, SqlValue)>,
    },
    /// `true()` / `false()` (and `== True`): `1`/`0` on SQLite, `true`/`false` printed
    /// with the default dialect.
    Bool(bool),
    /// SQLAlchemy's `AsBoolean`: a Boolean-typed element (a column, a function...) used as
    /// a condition (`is_true`: in WHERE/HAVING/ON, `and_`/`or_`) or negated (`~col`).
    /// SQLite has no native boolean: `x = 1` / `x = 0`; the default dialect prints `x` /
    /// `NOT x`. Never parenthesized; a select list labels it as its element.
    AsBoolean {
        /// The Boolean element.
        expr: Box<Expr>,
        /// `true`: `x = 1`; `false`: `x = 0`.
        is_true: bool,
    },
    /// `NULL`
    Null,
    /// `*`
    Star,
    /// `left op right`.
    Binary {
        /// Left operand.
        left: Box<Expr>,
        /// Operator.
        op: Op,
        /// Right operand (for IN: an [`Expr::List`] with op [`Op::Comma`] or a subquery).
        right: Box<Expr>,
    },
    /// `a AND b AND c`, `a OR b`, or a comma list (IN items, BETWEEN bounds use `AND`).
    List {
        /// `And`, `Or` or `Comma`.
        op: Op,
        /// Items.
        items: Vec<Expr>,
    },
    /// A unary prefix operator: `NOT x`, `-x`, `DISTINCT x`, `EXISTS (...)`.
    Unary {
        /// `Not`, `Neg`, `Distinct` or `Exists`.
        op: Op,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `x DESC` / `x ASC`.
    Order {
        /// Sorted expression.
        expr: Box<Expr>,
        /// `true` for DESC.
        desc: bool,
    },
    /// `x NULLS FIRST` / `x NULLS LAST` (`x` usually an [`Expr::Order`]).
    Nulls {
        /// Sorted expression.
        expr: Box<Expr>,
        /// `true` for NULLS LAST.
        last: bool,
    },
    /// A SQL function call `name(args)` (with SQLAlchemy's special renderings: `now()` →
    /// `CURRENT_TIMESTAMP`, `count()` → `count(*)`).
    Func {
        /// Function name as written in Python (`count`, `group_concat`...).
        name: String,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// `expr AS name` in a columns clause; its name elsewhere in ORDER BY; its element in WHERE/GROUP BY.
    Label {
        /// Label name.
        name: String,
        /// Labeled expression.
        expr: Box<Expr>,
    },
    /// A reference to a label by name (`order_by(desc('spent'))`).
    LabelRef(String),
    /// Parentheses.
    Grouping(Box<Expr>),
    /// `CASE WHEN c THEN v ... ELSE e END`, or `CASE subject WHEN k THEN v ... END`.
    Case {
        /// `case(..., value=subject)`: compared with each WHEN key.
        subject: Option<Box<Expr>>,
        /// `(condition, value)` pairs.
        whens: Vec<(Expr, Expr)>,
        /// ELSE value.
        else_: Option<Box<Expr>>,
    },
    /// A window function: `rank() OVER (PARTITION BY a ORDER BY b DESC)`.
    Over {
        /// The function call.
        func: Box<Expr>,
        /// `PARTITION BY` expressions.
        partition_by: Box<[Expr]>,
        /// `ORDER BY` expressions (`Expr::Order` for `DESC`).
        order_by: Box<[Expr]>,
        /// The frame's words and bound values (`ROWS BETWEEN`, `?`, `PRECEDING AND CURRENT
        /// ROW`: raw text and binds), written one after the other; empty for none.
        frame: Box<[Expr]>,
    },
    /// An aggregate with a filter: `count(x) FILTER (WHERE cond)` (`func.count(x).filter(cond)`).
    Filter {
        /// The function call.
        func: Box<Expr>,
        /// The WHERE condition (several criteria joined with AND).
        cond: Box<Expr>,
    },
    /// `CAST(x AS TYPE)`; with `coerce`, `type_coerce()`: the operand as it is, read and
    /// bound as the type (no CAST), labelled in a SELECT list as a cast is.
    Cast {
        /// Operand.
        expr: Box<Expr>,
        /// Target type (boxed: keeps `Expr` small).
        ty: Box<SqlType>,
        /// `type_coerce()`: rendered without the CAST.
        coerce: bool,
    },
    /// A subquery used as an expression: `(SELECT ...)` (scalar subquery, IN operand, EXISTS operand).
    Select(Box<Select>),
    /// The pattern of a LIKE-family operator with an escape character: the operator renders
    /// `... LIKE <pattern> ESCAPE '<c>'`.
    Escape {
        /// The pattern.
        pattern: Box<Expr>,
        /// The escape character.
        escape: char,
    },
    /// The right operand of a custom operator (an [`Op::Custom`] binary): renders
    /// `<left> <op> <operand>`.
    CustomOperand {
        /// The operator's text (`GLOB`, `->>`).
        op: String,
        /// The operand.
        operand: Box<Expr>,
    },
}

/// The start of an anonymous label's name (see [`Expr::anon_label`]).
pub const ANON_LABEL: char = '\u{1}';

/// The label column `column` of anonymous alias `alias` has in the SELECT list of a
/// subquery (`anon_2.post_id AS anon_2_post_id`), named when rendered (the alias's number
/// is the renderer's); `None` for a named table.
pub fn anon_column_label(alias: &TableRef, column: &str) -> Option<String> {
    match alias {
        TableRef::Anon { base, id } => Some(format!("{ANON_LABEL}{base}#{id}#_{column}")),
        _ => None,
    }
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Expr {
    /// `table.name` column reference.
    pub fn col(table: impl Into<String>, name: impl Into<String>) -> Expr {
        Expr::Column {
            table: Some(TableRef::Named(table.into())),
            name: name.into(),
        }
    }

    /// Column reference through any table reference (alias).
    pub fn col_of(table: &TableRef, name: impl Into<String>) -> Expr {
        Expr::Column {
            table: Some(table.clone()),
            name: name.into(),
        }
    }

    /// Bound parameter.
    pub fn bind(v: impl Into<SqlValue>) -> Expr {
        Expr::Bind(v.into(), BindId::fresh())
    }

    /// `true()` / a Python `True` compared with `==`: rendered inline as `1` on SQLite.
    pub fn true_() -> Expr {
        Expr::Bool(true)
    }

    /// `false()` / a Python `False` compared with `==`: rendered inline as `0` on SQLite.
    pub fn false_() -> Expr {
        Expr::Bool(false)
    }

    /// Verbatim SQL.
    pub fn raw(s: impl Into<String>) -> Expr {
        Expr::Raw(s.into())
    }

    /// The operator this expression groups as, for [`Expr::self_group`].
    fn group_op(&self) -> Option<Op> {
        match self {
            Expr::Binary { op, .. } => Some(*op),
            Expr::List { op, items } if items.len() > 1 && *op != Op::Comma => Some(*op),
            Expr::Unary { op, .. } => Some(*op),
            _ => None,
        }
    }

    /// SQLAlchemy's `self_group(against)`: wrap in parentheses when this expression's operator
    /// binds no tighter than `against` (`None` = always group an operator expression).
    pub fn self_group(self, against: Option<Op>) -> Expr {
        // `true()`/`false()` as a condition: SQLAlchemy's `AsBoolean` (`1 = 1` on SQLite).
        if let Expr::Bool(_) = self
            && matches!(against, Some(Op::And | Op::Or | Op::AsBool))
        {
            return Expr::AsBoolean {
                expr: bx(self),
                is_true: true,
            };
        }
        // (A label groups its element: SQLAlchemy's `Label._apply_to_inner`.)
        if let Expr::Label { name, expr } = self {
            return Expr::Label {
                name,
                expr: bx(expr.self_group(against)),
            };
        }
        match self.group_op() {
            Some(op) if is_precedent(op, against) => Expr::Grouping(bx(self)),
            _ => self,
        }
    }

    /// `left op right` with both operands grouped against `op`.
    pub fn binary(left: Expr, op: Op, right: Expr) -> Expr {
        Expr::Binary {
            left: bx(left.self_group(Some(op))),
            op,
            right: bx(right.self_group(Some(op))),
        }
    }

    /// `self == other` (`IS NULL` when `other` is NULL).
    pub fn eq(self, other: Expr) -> Expr {
        if other == Expr::Null {
            return Expr::binary(self, Op::Is, Expr::Null);
        }
        Expr::binary(self, Op::Eq, other)
    }
    /// `self != other` (`IS NOT NULL` when `other` is NULL).
    pub fn ne(self, other: Expr) -> Expr {
        if other == Expr::Null {
            return Expr::binary(self, Op::IsNot, Expr::Null);
        }
        Expr::binary(self, Op::Ne, other)
    }
    /// `self < other`
    pub fn lt(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Lt, other)
    }
    /// `self <= other`
    pub fn le(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Le, other)
    }
    /// `self > other`
    pub fn gt(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Gt, other)
    }
    /// `self >= other`
    pub fn ge(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Ge, other)
    }
    /// `self IS NULL`
    pub fn is_null(self) -> Expr {
        Expr::binary(self, Op::Is, Expr::Null)
    }
    /// `self IS NOT NULL`
    pub fn is_not_null(self) -> Expr {
        Expr::binary(self, Op::IsNot, Expr::Null)
    }
    /// `self LIKE pattern`
    pub fn like(self, pattern: Expr) -> Expr {
        Expr::binary(self, Op::Like, pattern)
    }
    /// A row value `(a, b)` (`tuple_()`).
    pub fn row(items: Vec<Expr>) -> Expr {
        Expr::Grouping(Box::new(Expr::List {
            op: Op::Comma,
            items,
        }))
    }
    /// `self NOT LIKE pattern`
    pub fn not_like(self, pattern: Expr) -> Expr {
        Expr::binary(self, Op::NotLike, pattern)
    }
    /// `lower(self) LIKE lower(pattern)` (SQLite `ilike`).
    pub fn ilike(self, pattern: Expr) -> Expr {
        Expr::binary(self, Op::ILike, pattern)
    }
    /// `(self LIKE ? || '%')`, grouped like SQLAlchemy (`startswith` has the lowest precedence).
    pub fn startswith(self, prefix: Expr) -> Expr {
        Expr::binary(self, Op::StartsWith, prefix)
    }
    /// `(self LIKE '%' || ?)`
    pub fn endswith(self, suffix: Expr) -> Expr {
        Expr::binary(self, Op::EndsWith, suffix)
    }
    /// `(self LIKE '%' || ? || '%')`
    pub fn contains(self, part: Expr) -> Expr {
        Expr::binary(self, Op::Contains, part)
    }
    /// `self IN (?, ?, ...)` (an empty list renders SQLAlchemy's empty-set subquery).
    pub fn in_(self, items: Vec<Expr>) -> Expr {
        Expr::binary(
            self,
            Op::In,
            Expr::List {
                op: Op::Comma,
                items,
            },
        )
    }
    /// `(self NOT IN (?, ?, ...))`
    pub fn not_in(self, items: Vec<Expr>) -> Expr {
        Expr::binary(
            self,
            Op::NotIn,
            Expr::List {
                op: Op::Comma,
                items,
            },
        )
    }
    /// `self IN (SELECT ...)`
    pub fn in_select(self, select: Select) -> Expr {
        Expr::binary(self, Op::In, Expr::Select(Box::new(select)))
    }
    /// `self BETWEEN low AND high`
    pub fn between(self, low: Expr, high: Expr) -> Expr {
        let bounds = Expr::List {
            op: Op::And,
            items: vec![
                low.self_group(Some(Op::And)),
                high.self_group(Some(Op::And)),
            ],
        };
        Expr::Binary {
            left: bx(self.self_group(Some(Op::Between))),
            op: Op::Between,
            right: bx(bounds),
        }
    }
    /// `self / other`; when both operands are integers SQLAlchemy renders `self / (other + 0.0)`.
    pub fn div(self, other: Expr, both_integer: bool) -> Expr {
        let other = if both_integer {
            Expr::binary(other, Op::Add, Expr::raw("0.0"))
        } else {
            other
        };
        Expr::binary(self, Op::Div, other)
    }
    /// `self // other` as SQLAlchemy compiles it for SQLite (whose `/` floors
    /// integers): `a / b` when both sides are integers, else `FLOOR(a / b)`.
    pub fn floordiv(self, other: Expr, both_integer: bool) -> Expr {
        let op = if both_integer { Op::Div } else { Op::FloorDiv };
        Expr::binary(self, op, other)
    }
    /// `self % other`
    pub fn modulo(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Mod, other)
    }
    /// `self || other`
    pub fn concat(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Concat, other)
    }
    /// `DISTINCT self` (`column.distinct()`).
    pub fn distinct(self) -> Expr {
        Expr::Unary {
            op: Op::Distinct,
            operand: bx(self.self_group(Some(Op::Distinct))),
        }
    }
    /// `self COLLATE name` (SQLAlchemy's `collate()`).
    pub fn collate(self, name: impl Into<String>) -> Expr {
        Expr::binary(self, Op::Collate, Expr::Raw(name.into()))
    }
    /// `self <op> other` for a custom operator of precedence `prec` (`col.op('GLOB')(x)`).
    pub fn custom_op(self, op: impl Into<String>, prec: i8, other: Expr) -> Expr {
        let operand = bx(other.self_group(Some(Op::Custom(prec))));
        let op = op.into();
        Expr::binary(self, Op::Custom(prec), Expr::CustomOperand { op, operand })
    }
    /// `self DESC`
    pub fn desc(self) -> Expr {
        Expr::Order {
            expr: bx(self),
            desc: true,
        }
    }
    /// `self NULLS LAST` (`last`) or `self NULLS FIRST`.
    pub fn nulls(self, last: bool) -> Expr {
        Expr::Nulls {
            expr: bx(self),
            last,
        }
    }
    /// `self ASC`
    pub fn asc(self) -> Expr {
        Expr::Order {
            expr: bx(self),
            desc: false,
        }
    }
    /// `self AS name`
    pub fn label(self, name: impl Into<String>) -> Expr {
        Expr::Label {
            name: name.into(),
            expr: bx(self),
        }
    }
    /// `self AS <stem>_N`: an anonymous label (SQLAlchemy's `label(None)`, a
    /// `column_property`'s), numbered by the renderer like an anonymous alias `id`; the
    /// stem is a function's name, else `anon`.
    pub fn anon_label(self, id: u32) -> Expr {
        let stem = match &self {
            Expr::Func { name, .. } => name.to_ascii_lowercase(),
            _ => "anon".into(),
        };
        Expr::Label {
            name: format!("{ANON_LABEL}{stem}#{id}"),
            expr: bx(self),
        }
    }
    /// `CAST(self AS ty)`
    pub fn cast(self, ty: SqlType) -> Expr {
        Expr::Cast {
            expr: bx(self),
            ty: Box::new(ty),
            coerce: false,
        }
    }

    /// The bound value inside a `literal()` (a bind coerced to its type), else `self`:
    /// what evaluates and binds as the plain value does.
    pub fn unwrap_literal(&self) -> &Expr {
        match self {
            Expr::Cast {
                expr, coerce: true, ..
            } if matches!(**expr, Expr::Bind(..)) => expr,
            e => e,
        }
    }

    /// `type_coerce(self, ty)`: `self` rendered as it is, typed as `ty`.
    pub fn coerce(self, ty: SqlType) -> Expr {
        Expr::Cast {
            expr: bx(self),
            ty: Box::new(ty),
            coerce: true,
        }
    }
}

impl Expr {
    /// This expression with column references replaced where `f` gives a replacement
    /// (used to point an expression at an alias or a subquery's columns; subqueries inside
    /// are left alone).
    pub fn replace_columns(&self, f: &dyn Fn(Option<&TableRef>, &str) -> Option<Expr>) -> Expr {
        self.transform(&|e| match e {
            Expr::Column { table, name } => f(table.as_ref(), name),
            _ => None,
        })
    }

    /// A copy whose bound parameters are new ones (a parameter met twice in it stays one).
    pub fn fresh_binds(&self) -> Expr {
        let seen = std::cell::RefCell::new(Vec::<(u32, BindId)>::new());
        self.transform(&|e| match e {
            Expr::Bind(v, id) => {
                let mut seen = seen.borrow_mut();
                let new = match seen.iter().find(|(old, _)| *old == id.get()) {
                    Some((_, n)) => *n,
                    None => {
                        let n = BindId::fresh();
                        seen.push((id.get(), n));
                        n
                    }
                };
                Some(Expr::Bind(v.clone(), new))
            }
            _ => None,
        })
    }

    /// This expression with every node `f` gives a replacement for replaced (the others
    /// rebuilt around their replaced parts; subqueries inside are left alone).
    pub fn transform(&self, f: &dyn Fn(&Expr) -> Option<Expr>) -> Expr {
        if let Some(r) = f(self) {
            return r;
        }
        let map = |e: &Expr| e.transform(f);
        match self {
            Expr::Column { .. } | Expr::Text { .. } => self.clone(),
            Expr::Binary { left, op, right } => Expr::Binary {
                left: bx(map(left)),
                op: *op,
                right: bx(map(right)),
            },
            Expr::List { op, items } => Expr::List {
                op: *op,
                items: items.iter().map(map).collect(),
            },
            Expr::Unary { op, operand } => Expr::Unary {
                op: *op,
                operand: bx(map(operand)),
            },
            Expr::Order { expr, desc } => Expr::Order {
                expr: bx(map(expr)),
                desc: *desc,
            },
            Expr::Nulls { expr, last } => Expr::Nulls {
                expr: bx(map(expr)),
                last: *last,
            },
            Expr::Func { name, args } => Expr::Func {
                name: name.clone(),
                args: args.iter().map(map).collect(),
            },
            Expr::Label { name, expr } => Expr::Label {
                name: name.clone(),
                expr: bx(map(expr)),
            },
            Expr::Grouping(x) => Expr::Grouping(bx(map(x))),
            Expr::Case {
                subject,
                whens,
                else_,
            } => Expr::Case {
                subject: subject.as_ref().map(|x| bx(map(x))),
                whens: whens.iter().map(|(c, v)| (map(c), map(v))).collect(),
                else_: else_.as_ref().map(|x| bx(map(x))),
            },
            Expr::Cast { expr, ty, coerce } => Expr::Cast {
                expr: bx(map(expr)),
                ty: ty.clone(),
                coerce: *coerce,
            },
            Expr::Bind(..)
            | Expr::Raw(_)
            | Expr::Bool(_)
            | Expr::Null
            | Expr::Star
            | Expr::LabelRef(_)
            | Expr::Select(_) => self.clone(),
            Expr::Over {
                func,
                partition_by,
                order_by,
                frame,
            } => Expr::Over {
                func: bx(map(func)),
                partition_by: partition_by.iter().map(map).collect(),
                order_by: order_by.iter().map(map).collect(),
                frame: frame.iter().map(map).collect(),
            },
            Expr::Filter { func, cond } => Expr::Filter {
                func: bx(map(func)),
                cond: bx(map(cond)),
            },
            Expr::Escape { pattern, escape } => Expr::Escape {
                pattern: bx(map(pattern)),
                escape: *escape,
            },
            Expr::CustomOperand { op, operand } => Expr::CustomOperand {
                op: op.clone(),
                operand: bx(map(operand)),
            },
            Expr::AsBoolean { expr, is_true } => Expr::AsBoolean {
                expr: bx(map(expr)),
                is_true: *is_true,
            },
        }
    }
}

impl std::ops::Add for Expr {
    type Output = Expr;
    /// `self + other`
    fn add(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Add, other)
    }
}

impl std::ops::Sub for Expr {
    type Output = Expr;
    /// `self - other`
    fn sub(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Sub, other)
    }
}

impl std::ops::Mul for Expr {
    type Output = Expr;
    /// `self * other`
    fn mul(self, other: Expr) -> Expr {
        Expr::binary(self, Op::Mul, other)
    }
}

impl std::ops::Neg for Expr {
    type Output = Expr;
    /// `-self`
    fn neg(self) -> Expr {
        Expr::Unary {
            op: Op::Neg,
            operand: bx(self.self_group(Some(Op::Neg))),
        }
    }
}

/// `name(args...)`.
pub fn func(name: impl Into<String>, args: Vec<Expr>) -> Expr {
    Expr::Func {
        name: name.into(),
        args: args
            .into_iter()
            .map(|a| a.self_group(Some(Op::Comma)))
            .collect(),
    }
}

/// `count(*)` (`func.count()`).
pub fn count_star() -> Expr {
    func("count", vec![])
}

/// `EXISTS (SELECT ...)`.
pub fn exists(select: Select) -> Expr {
    Expr::Unary {
        op: Op::Exists,
        operand: bx(Expr::Select(Box::new(select))),
    }
}

/// `CASE WHEN ... END`; conditions are grouped (`WHEN (x < ?) THEN ?`).
pub fn case(whens: Vec<(Expr, Expr)>, else_: Option<Expr>) -> Expr {
    Expr::Case {
        subject: None,
        whens: whens
            .into_iter()
            .map(|(c, v)| (c.self_group(None), v))
            .collect(),
        else_: else_.map(bx),
    }
}

mod boolean;
pub use boolean::{and, boolean_clauses, not, or};

#[cfg(test)]
mod tests;
