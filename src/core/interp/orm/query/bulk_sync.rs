//! `synchronize_session` of a bulk `Query.update()` / `Query.delete()` (and of
//! `session.execute(update(...))`), as SQLAlchemy 2.0's `BulkUDCompileState` does it:
//!
//! - `'evaluate'`: the WHERE criteria are evaluated in Python against the objects of the
//!   identity map (SQLAlchemy's `_EvaluatorCompiler`: columns of the target class, bound
//!   values, `and_`/`or_`/`not_`, comparisons, `IS`, `IN` a list, `startswith`/`endswith`,
//!   arithmetic on numbers, string concatenation; anything else is "unevaluatable");
//! - `'fetch'`: the statement gets `RETURNING <primary key>` (SQLite has it) and the
//!   returned keys name the objects;
//! - `'auto'` (the default): `'evaluate'` when the criteria can be evaluated, else `'fetch'`;
//! - `False`: the session is left alone.
//!
//! A matched object of an UPDATE takes the new values (those that evaluate; the others
//! expire it), committed; a matched object of a DELETE leaves the session as deleted.
//! Evaluation runs on the values as stored (`SqlValue`s), which compare as the Python
//! values do for the types SQLite stores.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::dispatch::kwget;
use crate::core::interp::orm::model::{IdentityKey, ModelInfo, Status, identity_key};
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::schema::Table;
use crate::core::sql::{Expr, Op, SqlType, SqlValue, TableRef};

/// How a bulk statement synchronizes the session.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum SyncMode {
    /// Evaluate the criteria in Python.
    Evaluate,
    /// `RETURNING` the primary keys.
    Fetch,
    /// Leave the session alone (`synchronize_session=False`).
    Off,
}

/// A criterion's value for one object: a stored value (`Null` for `None`), or "an
/// attribute it needs is not loaded" (SQLAlchemy's `_EXPIRED_OBJECT`).
#[derive(Clone, Debug)]
enum Ev {
    V(SqlValue),
    Expired,
}

impl Ev {
    fn truthy(&self) -> bool {
        match self {
            Ev::V(SqlValue::Null) => false,
            Ev::V(SqlValue::Integer(i)) => *i != 0,
            Ev::V(SqlValue::Real(f)) => *f != 0.0,
            Ev::V(SqlValue::Text(t)) => !t.is_empty(),
            Ev::V(SqlValue::Blob(b)) => !b.is_empty(),
            Ev::V(SqlValue::Refused(_)) => true,
            Ev::Expired => true,
        }
    }
}

fn bool_ev(b: bool) -> Ev {
    Ev::V(SqlValue::Integer(b as i64))
}

fn numeric(ty: &SqlType) -> bool {
    matches!(
        ty,
        SqlType::Integer
            | SqlType::BigInteger
            | SqlType::SmallInteger
            | SqlType::Float
            | SqlType::Numeric(..)
            | SqlType::NumericFloat(..)
    )
}

fn textual(ty: &SqlType) -> bool {
    matches!(
        ty,
        SqlType::String(_) | SqlType::Unicode(_) | SqlType::Text(_) | SqlType::UnicodeText(_)
    )
}

/// Python's ordering of two stored values (`None` when Python could not compare them).
fn compare(a: &SqlValue, b: &SqlValue) -> Option<Ordering> {
    match (a, b) {
        (SqlValue::Integer(x), SqlValue::Integer(y)) => Some(x.cmp(y)),
        (SqlValue::Integer(x), SqlValue::Real(y)) => (*x as f64).partial_cmp(y),
        (SqlValue::Real(x), SqlValue::Integer(y)) => x.partial_cmp(&(*y as f64)),
        (SqlValue::Real(x), SqlValue::Real(y)) => x.partial_cmp(y),
        (SqlValue::Text(x), SqlValue::Text(y)) => Some(x.cmp(y)),
        (SqlValue::Blob(x), SqlValue::Blob(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// Python's `==` of two stored values.
fn equal(a: &SqlValue, b: &SqlValue) -> bool {
    match (a, b) {
        (SqlValue::Null, SqlValue::Null) => true,
        _ => compare(a, b) == Some(Ordering::Equal),
    }
}

/// Python's `a op b` for two numbers (`None` for a division by zero).
fn arith(op: Op, a: &SqlValue, b: &SqlValue) -> Option<SqlValue> {
    use SqlValue::{Integer as I, Real as F};
    let f = |v: &SqlValue| match v {
        I(i) => *i as f64,
        F(x) => *x,
        _ => 0.0,
    };
    Some(match (op, a, b) {
        (Op::Add, I(x), I(y)) => x.checked_add(*y).map_or(F(*x as f64 + *y as f64), I),
        (Op::Sub, I(x), I(y)) => x.checked_sub(*y).map_or(F(*x as f64 - *y as f64), I),
        (Op::Mul, I(x), I(y)) => x.checked_mul(*y).map_or(F(*x as f64 * *y as f64), I),
        (Op::Mod, I(_), I(0)) | (Op::Div, _, I(0)) => return None,
        (Op::Mod, I(x), I(y)) => {
            let r = x.wrapping_rem(*y);
            I(if r != 0 && (r < 0) != (*y < 0) {
                r + y
            } else {
                r
            })
        }
        (Op::Add, ..) => F(f(a) + f(b)),
        (Op::Sub, ..) => F(f(a) - f(b)),
        (Op::Mul, ..) => F(f(a) * f(b)),
        (Op::Div, ..) if f(b) == 0.0 => return None,
        (Op::Div, ..) => F(f(a) / f(b)),
        (Op::Mod, ..) if f(b) == 0.0 => return None,
        (Op::Mod, ..) => {
            let (x, y) = (f(a), f(b));
            let r = x % y;
            F(if r != 0.0 && (r < 0.0) != (y < 0.0) {
                r + y
            } else {
                r
            })
        }
        _ => return None,
    })
}

/// The target of the evaluation: the class's table and its instances' column slots.
struct Target<'a> {
    table: &'a Table,
    /// The classes' mappers, where a column of another class's table is an "alternate
    /// class" (else it is a column that cannot be evaluated).
    reg: Option<&'a crate::core::orm::mapper::Registry>,
}

impl Target<'_> {
    /// The column index of `t.name` when `t` is the target's own table.
    fn column(&self, table: &Option<TableRef>, name: &str) -> Option<usize> {
        match table {
            Some(TableRef::Named(t)) if *t == self.table.name => {
                self.table.columns.iter().position(|c| c.name == name)
            }
            _ => None,
        }
    }

    /// Why `e` cannot be evaluated in Python (SQLAlchemy's `UnevaluatableError`), if so.
    fn check(&self, e: &Expr) -> Result<(), String> {
        match e.unwrap_literal() {
            Expr::Column { table, name } => match self.column(table, name) {
                Some(_) => Ok(()),
                None => Err(match (table, self.reg) {
                    (Some(TableRef::Named(t)), Some(reg))
                        if let Some(m) = reg.mappers.iter().find(|m| m.table == *t) =>
                    {
                        let c = &m.class_name;
                        format!(
                            "Can't evaluate criteria against alternate class <class '__main__.{c}'>"
                        )
                    }
                    _ => format!("Cannot evaluate column: {name}"),
                }),
            },
            Expr::Bind(..) | Expr::Null | Expr::Bool(_) => Ok(()),
            // (The `+ 0.0` SQLite's true division of integers is written with.)
            Expr::Raw(r) if r == "0.0" => Ok(()),
            // (A Boolean column as a condition is the column; its negation, `~col`, is
            // SQLAlchemy's `is_false` unary, which does not evaluate.)
            Expr::Grouping(x)
            | Expr::AsBoolean {
                expr: x,
                is_true: true,
            } => self.check(x),
            Expr::List { op, items } => match op {
                Op::And | Op::Or | Op::Comma => items.iter().try_for_each(|i| self.check(i)),
                o => Err(format!(
                    "Cannot evaluate clauselist with operator <function {} at 0x7f0000000000>",
                    operator_name(*o)
                )),
            },
            Expr::Unary {
                op: Op::Not,
                operand,
            } => self.check(operand),
            Expr::Binary { left, op, right } => {
                self.check(left)?;
                match op {
                    Op::In | Op::NotIn => match &**right {
                        Expr::List { .. } | Expr::Grouping(_) => self.check(right),
                        _ => Err("Cannot evaluate Select".into()),
                    },
                    Op::Eq
                    | Op::Ne
                    | Op::Lt
                    | Op::Le
                    | Op::Gt
                    | Op::Ge
                    | Op::Is
                    | Op::IsNot
                    | Op::StartsWith
                    | Op::EndsWith => self.check(right),
                    // (`//` of two integers is written as SQLite's integer `/`: SQLAlchemy
                    // does not evaluate a floor division.)
                    Op::Div if self.is_integer(left) && self.is_integer(right) => {
                        Err(
                        "Cannot evaluate BinaryExpression with operator <built-in function floordiv>"
                            .into(),
                    )
                    }
                    Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod => {
                        self.check(right)?;
                        if self.is_numeric(left) && self.is_numeric(right) {
                            Ok(())
                        } else {
                            Err(format!(
                                "Cannot evaluate math operator \"{}\"",
                                operator_name(*op)
                            ))
                        }
                    }
                    Op::Concat => {
                        self.check(right)?;
                        if self.is_text(left) && self.is_text(right) {
                            Ok(())
                        } else {
                            Err("Cannot evaluate concatenate operator".into())
                        }
                    }
                    o => Err(format!(
                        "Cannot evaluate BinaryExpression with operator <function {} at 0x7f0000000000>",
                        operator_name(*o)
                    )),
                }
            }
            other => Err(format!("Cannot evaluate {}", expr_kind(other))),
        }
    }

    /// An integer operand: an integer column or bound value, or `+`, `-`, `*` or `%` of
    /// integers.
    fn is_integer(&self, e: &Expr) -> bool {
        match e.unwrap_literal() {
            Expr::Column { table, name } => self
                .column(table, name)
                .is_some_and(|i| self.table.columns[i].ty.is_integer()),
            Expr::Bind(SqlValue::Integer(_), _) => true,
            Expr::Grouping(x) => self.is_integer(x),
            Expr::Binary {
                left,
                op: Op::Add | Op::Sub | Op::Mul | Op::Mod,
                right,
            } => self.is_integer(left) && self.is_integer(right),
            _ => false,
        }
    }

    /// A numeric operand (a bound value takes the type of what it meets).
    fn is_numeric(&self, e: &Expr) -> bool {
        match e.unwrap_literal() {
            Expr::Column { table, name } => self
                .column(table, name)
                .is_some_and(|i| numeric(&self.table.columns[i].ty)),
            Expr::Bind(SqlValue::Integer(_) | SqlValue::Real(_), _) => true,
            Expr::Raw(r) => r == "0.0",
            Expr::Grouping(x) => self.is_numeric(x),
            Expr::Binary { op, .. } => {
                matches!(op, Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod)
            }
            _ => false,
        }
    }

    fn is_text(&self, e: &Expr) -> bool {
        match e.unwrap_literal() {
            Expr::Column { table, name } => self
                .column(table, name)
                .is_some_and(|i| textual(&self.table.columns[i].ty)),
            Expr::Bind(SqlValue::Text(_), _) => true,
            Expr::Grouping(x) => self.is_text(x),
            Expr::Binary { op: Op::Concat, .. } => true,
            _ => false,
        }
    }
}

/// The name of SQLAlchemy's Python function for an operator (in its messages).
fn operator_name(op: Op) -> &'static str {
    match op {
        Op::Like => "like_op",
        Op::NotLike => "not_like_op",
        Op::ILike => "ilike_op",
        Op::NotILike => "not_ilike_op",
        Op::IStartsWith => "istartswith_op",
        Op::NotIStartsWith => "not_istartswith_op",
        Op::IEndsWith => "iendswith_op",
        Op::NotIEndsWith => "not_iendswith_op",
        Op::IContains => "icontains_op",
        Op::NotIContains => "not_icontains_op",
        Op::Between => "between_op",
        Op::NotBetween => "not_between_op",
        Op::Contains => "contains_op",
        Op::NotContains => "not_contains_op",
        Op::NotStartsWith => "not_startswith_op",
        Op::NotEndsWith => "not_endswith_op",
        Op::FloorDiv => "floordiv",
        Op::Add => "add",
        Op::Sub => "sub",
        Op::Mul => "mul",
        Op::Div => "truediv",
        Op::Mod => "mod",
        Op::JsonGet | Op::JsonGetAs => "json_getitem_op",
        _ => "op",
    }
}

/// The name SQLAlchemy's message gives an expression it cannot evaluate.
fn expr_kind(e: &Expr) -> &'static str {
    match e {
        Expr::Func { .. } => "Function",
        Expr::Cast { .. } => "Cast",
        Expr::Case { .. } => "Case",
        Expr::Label { .. } => "Label",
        Expr::Select(_) => "Select",
        Expr::Text { .. } | Expr::Raw(_) => "TextClause",
        _ => "UnaryExpression",
    }
}

impl Interp<'_> {
    /// A bulk UPDATE/DELETE's synchronization strategy (from its `synchronize_session`) and
    /// `RETURNING` list (the primary key, for `'fetch'`), after the autoflush it starts with.
    pub(super) fn bulk_start(
        &mut self,
        kw: &Kw,
        table: &crate::core::orm::schema::Table,
        criteria: &[Expr],
    ) -> R<(SyncMode, Vec<String>)> {
        let given = kwget(kw, "synchronize_session");
        let mode = self.bulk_sync_mode(given, table, criteria)?;
        let returning = if mode == SyncMode::Fetch {
            table
                .columns
                .iter()
                .filter(|c| c.primary_key)
                .map(|c| c.name.clone())
                .collect()
        } else {
            vec![]
        };
        self.autoflush()?;
        Ok((mode, returning))
    }

    /// The strategy a bulk statement on `table` with `criteria` uses, from its
    /// `synchronize_session` (`'auto'` when not given); `'evaluate'` on criteria it cannot
    /// evaluate raises as SQLAlchemy does.
    pub(crate) fn bulk_sync_mode(
        &mut self,
        given: Option<&Value>,
        table: &Table,
        criteria: &[Expr],
    ) -> R<SyncMode> {
        let target = Target {
            table,
            reg: Some(&self.orm.reg),
        };
        let check = criteria.iter().try_for_each(|c| target.check(c));
        match given {
            Some(Value::Bool(false)) => Ok(SyncMode::Off),
            Some(Value::Str(s)) if &**s == "fetch" => Ok(SyncMode::Fetch),
            Some(Value::Str(s)) if &**s == "evaluate" => match check {
                Ok(()) => Ok(SyncMode::Evaluate),
                Err(err) => self.raise(
                    "InvalidRequestError",
                    format!("Could not evaluate current criteria in Python: \"{err}\". Specify 'fetch' or False for the synchronize_session execution option."),
                ),
            },
            None => Ok(match check {
                Ok(()) => SyncMode::Evaluate,
                Err(_) => SyncMode::Fetch,
            }),
            Some(Value::Str(s)) if &**s == "auto" => Ok(match check {
                Ok(()) => SyncMode::Evaluate,
                Err(_) => SyncMode::Fetch,
            }),
            Some(_) => self.raise(
                "ArgumentError",
                "Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False",
            ),
        }
    }

    /// The objects of the identity map the criteria match ('evaluate'), each with
    /// whether an attribute the criteria read was not loaded. Fully expired objects are
    /// skipped, as SQLAlchemy skips them.
    pub(crate) fn bulk_matched_by_criteria(
        &mut self,
        table: &Table,
        m: &ModelInfo,
        criteria: &[Expr],
    ) -> R<Vec<(Rc<Instance>, bool)>> {
        let target = Target { table, reg: None };
        let mut out = vec![];
        for inst in self.orm.identity_order.clone() {
            let of_class = inst
                .class
                .model_info()
                .is_some_and(|mi| mi.table == m.table);
            let expired = inst.orm.borrow().as_ref().is_none_or(|s| s.expired);
            if !of_class || expired || self.status(&inst) != Status::Persistent {
                continue;
            }
            let mut result = bool_ev(true);
            for c in criteria {
                let v = self.eval_criterion(&target, &inst, c)?;
                match v {
                    Ev::Expired => {
                        result = Ev::Expired;
                        break;
                    }
                    v if !v.truthy() => {
                        result = v;
                        break;
                    }
                    _ => {}
                }
            }
            match result {
                Ev::Expired => out.push((inst, true)),
                Ev::V(SqlValue::Integer(1)) => out.push((inst, false)),
                _ => {}
            }
        }
        Ok(out)
    }

    /// The objects of the identity map whose keys a `RETURNING` gave ('fetch').
    pub(crate) fn bulk_matched_by_keys(
        &mut self,
        m: &ModelInfo,
        rows: &[Vec<SqlValue>],
    ) -> R<Vec<Rc<Instance>>> {
        let mut out = vec![];
        for row in rows {
            let mut ids = Vec::with_capacity(row.len());
            for (k, v) in row.iter().enumerate() {
                let ty = m.pk.get(k).and_then(|&pi| m.types.get(pi));
                ids.push(self.from_sql(v, ty)?);
            }
            let key = IdentityKey::new(&m.table, identity_key(&ids));
            if let Some(inst) = self.identity_get(&key) {
                out.push(inst);
            }
        }
        Ok(out)
    }

    /// An UPDATE's new values on the objects it matched: each SET value that evaluates
    /// is computed on the object (in SET order, seeing the values set before it) and
    /// committed; when one does not evaluate, the object expires. A plain value the
    /// script gave (`given`, by column name) is stored as it was given, not as the column
    /// would read it back (`0` stays `0` on a `Float` column, `2.5` on a `Numeric`), as
    /// SQLAlchemy's evaluator returns a bound parameter's own value.
    pub(crate) fn bulk_apply_update(
        &mut self,
        table: &Table,
        set: &[(String, Expr)],
        given: &[(String, Value)],
        objects: &[Rc<Instance>],
    ) -> R<()> {
        let target = Target { table, reg: None };
        let evaluable: Vec<bool> = set.iter().map(|(_, e)| target.check(e).is_ok()).collect();
        for inst in objects {
            if inst.orm.borrow().as_ref().is_none_or(|s| s.expired) {
                self.expire(inst);
                continue;
            }
            // (A loaded attribute whose new value does not evaluate is expired alone, to
            // load again when read.)
            let mut to_expire: Vec<Value> = vec![];
            for ((col, e), evaluable) in set.iter().zip(&evaluable) {
                let Some(i) = table.columns.iter().position(|c| c.name == *col) else {
                    continue;
                };
                let loaded = inst
                    .orm
                    .borrow()
                    .as_ref()
                    .is_some_and(|s| s.value(i).is_some());
                if !loaded {
                    continue;
                }
                if !evaluable {
                    if let Some(m) = inst.class.model_info() {
                        to_expire.push(Value::Str(m.columns[i].0.clone()));
                    }
                    continue;
                }
                // (Arithmetic is Python's on the object's values: `12 / 2` is `6.0`,
                // `12 // 5` is `2`; the other values as stored, read back as the type.)
                let given = given.iter().find(|(c, _)| c == col).map(|(_, v)| v.clone());
                let py = match given {
                    Some(v) => v,
                    None => match self.eval_arith(&target, inst, e)? {
                        Some(py) => py,
                        None => {
                            let v = match self.eval_criterion(&target, inst, e)? {
                                Ev::V(v) => v,
                                Ev::Expired => {
                                    self.expire(inst);
                                    break;
                                }
                            };
                            self.from_sql(&v, Some(&table.columns[i].ty))?
                        }
                    },
                };
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    if let Some(slot) = s.slots_mut().get_mut(i) {
                        *slot = Some(py.clone());
                    }
                    if let Some(c) = s.committed.as_mut().and_then(|c| c.get_mut(i)) {
                        *c = Some(py);
                    }
                }
            }
            if !to_expire.is_empty() {
                self.expire_attributes(inst, &to_expire)?;
            }
        }
        Ok(())
    }

    /// An arithmetic SET value evaluated with Python's operators on the object's values
    /// (SQLAlchemy's evaluator runs the operator itself); `None` when `e` is not
    /// arithmetic, or involves a `Decimal` (whose bound operands are kept as floats
    /// here), or a value not loaded.
    fn eval_arith(&mut self, t: &Target, inst: &Rc<Instance>, e: &Expr) -> R<Option<Value>> {
        use crate::core::lang::ast::BinOp;
        let Expr::Binary { left, op, right } = e else {
            return match e {
                Expr::Grouping(x) if matches!(**x, Expr::Binary { .. }) => {
                    self.eval_arith(t, inst, x)
                }
                _ => Ok(None),
            };
        };
        let operand = |it: &mut Self, x: &Expr| -> R<Option<Value>> {
            Ok(match x.unwrap_literal() {
                Expr::Column { table, name } => {
                    let Some(i) = t.column(table, name) else {
                        return Ok(None);
                    };
                    let v = inst.orm.borrow().as_ref().and_then(|s| s.value(i).cloned());
                    v.filter(|v| !matches!(v, Value::Decimal(_)))
                }
                Expr::Bind(v, _) => Some(it.from_sql(v, None)?),
                Expr::Raw(r) if r == "0.0" => Some(Value::Float(0.0)),
                other => it.eval_arith(t, inst, other)?,
            })
        };
        let py_op = match op {
            Op::Add | Op::Concat => BinOp::Add,
            Op::Sub => BinOp::Sub,
            Op::Mul => BinOp::Mult,
            Op::Mod => BinOp::Mod,
            Op::Div => BinOp::Div,
            _ => return Ok(None),
        };
        // (`a / b` of two integers is written `a / (b + 0.0)`; Python divides `a` by `b`.)
        let right: &Expr = match (op, &**right) {
            (Op::Div, Expr::Grouping(g)) => match &**g {
                Expr::Binary {
                    left: b,
                    op: Op::Add,
                    right: z,
                } if matches!(&**z, Expr::Raw(r) if r == "0.0") => b,
                _ => right,
            },
            _ => right,
        };
        let (Some(a), Some(b)) = (operand(self, left)?, operand(self, right)?) else {
            return Ok(None);
        };
        if matches!(a, Value::None) || matches!(b, Value::None) {
            return Ok(Some(Value::None));
        }
        self.binop(py_op, a, b).map(Some)
    }

    /// Evaluates an (evaluable, see [`Target::check`]) expression on an object.
    fn eval_criterion(&mut self, t: &Target, inst: &Rc<Instance>, e: &Expr) -> R<Ev> {
        Ok(match e.unwrap_literal() {
            Expr::Column { table, name } => {
                let Some(i) = t.column(table, name) else {
                    return Ok(Ev::V(SqlValue::Null));
                };
                let v = inst.orm.borrow().as_ref().and_then(|s| s.value(i).cloned());
                match v {
                    Some(v) => Ev::V(self.to_sql_stored(&v, &t.table.columns[i].ty)?),
                    _ => Ev::Expired,
                }
            }
            Expr::Bind(v, _) => Ev::V(v.clone()),
            Expr::Null => Ev::V(SqlValue::Null),
            Expr::Raw(r) if r == "0.0" => Ev::V(SqlValue::Real(0.0)),
            Expr::Bool(b) => bool_ev(*b),
            Expr::Grouping(x) => self.eval_criterion(t, inst, x)?,
            Expr::List { op: Op::And, items } => {
                for item in items {
                    match self.eval_criterion(t, inst, item)? {
                        Ev::Expired => return Ok(Ev::Expired),
                        Ev::V(SqlValue::Null) => return Ok(Ev::V(SqlValue::Null)),
                        v if !v.truthy() => return Ok(bool_ev(false)),
                        _ => {}
                    }
                }
                bool_ev(true)
            }
            Expr::List { op: Op::Or, items } => {
                let mut has_null = false;
                for item in items {
                    match self.eval_criterion(t, inst, item)? {
                        Ev::Expired => return Ok(Ev::Expired),
                        v if v.truthy() => return Ok(bool_ev(true)),
                        Ev::V(SqlValue::Null) => has_null = true,
                        _ => {}
                    }
                }
                if has_null {
                    Ev::V(SqlValue::Null)
                } else {
                    bool_ev(false)
                }
            }
            Expr::Unary {
                op: Op::Not,
                operand,
            } => match self.eval_criterion(t, inst, operand)? {
                Ev::Expired => Ev::Expired,
                Ev::V(SqlValue::Null) => Ev::V(SqlValue::Null),
                v => bool_ev(!v.truthy()),
            },
            // (A Boolean column as a condition: its value, or its negation.)
            Expr::AsBoolean { expr, is_true } => match self.eval_criterion(t, inst, expr)? {
                Ev::Expired => Ev::Expired,
                Ev::V(SqlValue::Null) => Ev::V(SqlValue::Null),
                v => bool_ev(v.truthy() == *is_true),
            },
            Expr::Binary { left, op, right } => {
                let l = self.eval_criterion(t, inst, left)?;
                let items = match (&**right, op) {
                    (Expr::List { items, .. }, Op::In | Op::NotIn) => Some(items.clone()),
                    (Expr::Grouping(g), Op::In | Op::NotIn) => match &**g {
                        Expr::List { items, .. } => Some(items.clone()),
                        other => Some(vec![other.clone()]),
                    },
                    _ => None,
                };
                if let Some(items) = items {
                    let mut vals = vec![];
                    for i in &items {
                        match self.eval_criterion(t, inst, i)? {
                            Ev::Expired => return Ok(Ev::Expired),
                            Ev::V(v) => vals.push(v),
                        }
                    }
                    let Ev::V(a) = l else { return Ok(Ev::Expired) };
                    if matches!(a, SqlValue::Null) {
                        return Ok(Ev::V(SqlValue::Null));
                    }
                    let found = vals.iter().any(|v| equal(&a, v));
                    return Ok(bool_ev(found == (*op == Op::In)));
                }
                let r = self.eval_criterion(t, inst, right)?;
                let (Ev::V(a), Ev::V(b)) = (l, r) else {
                    return Ok(Ev::Expired);
                };
                match op {
                    Op::Is => return Ok(bool_ev(equal(&a, &b))),
                    Op::IsNot => return Ok(bool_ev(!equal(&a, &b))),
                    _ => {}
                }
                if matches!(a, SqlValue::Null) || matches!(b, SqlValue::Null) {
                    return Ok(Ev::V(SqlValue::Null));
                }
                match op {
                    Op::Eq => bool_ev(equal(&a, &b)),
                    Op::Ne => bool_ev(!equal(&a, &b)),
                    Op::Lt | Op::Le | Op::Gt | Op::Ge => match compare(&a, &b) {
                        Some(o) => bool_ev(match op {
                            Op::Lt => o == Ordering::Less,
                            Op::Le => o != Ordering::Greater,
                            Op::Gt => o == Ordering::Greater,
                            _ => o != Ordering::Less,
                        }),
                        None => {
                            return self.raise(
                                "TypeError",
                                "'<' not supported between instances of these types",
                            );
                        }
                    },
                    Op::StartsWith | Op::EndsWith => match (&a, &b) {
                        (SqlValue::Text(x), SqlValue::Text(y)) => {
                            bool_ev(if *op == Op::StartsWith {
                                x.starts_with(&**y)
                            } else {
                                x.ends_with(&**y)
                            })
                        }
                        _ => bool_ev(false),
                    },
                    Op::Concat => match (&a, &b) {
                        (SqlValue::Text(x), SqlValue::Text(y)) => {
                            Ev::V(SqlValue::Text(Rc::from(format!("{x}{y}").as_str())))
                        }
                        _ => Ev::V(SqlValue::Null),
                    },
                    Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod => match arith(*op, &a, &b) {
                        Some(v) => Ev::V(v),
                        None => {
                            let what = if *op == Op::Mod {
                                "integer modulo by zero"
                            } else {
                                "division by zero"
                            };
                            return self.raise("ZeroDivisionError", what);
                        }
                    },
                    _ => Ev::V(SqlValue::Null),
                }
            }
            _ => Ev::V(SqlValue::Null),
        })
    }
}

/// A bulk statement's rowcount (with `RETURNING`, the rows it returned).
pub(super) fn bulk_rowcount(mode: SyncMode, r: &crate::core::interp::QueryResult) -> i64 {
    if mode == SyncMode::Fetch {
        r.rows.len() as i64
    } else {
        r.rowcount
    }
}
