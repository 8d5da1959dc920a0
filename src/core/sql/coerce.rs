//! Expression typing as SQLAlchemy's types do it: the type of `a <op> b` (each type's
//! `Comparator._adapt_expression` with its `_expression_adaptations` tables), whether `+`
//! becomes `||`, the type a plain Python value takes beside an expression
//! (`coerce_compared_value`) and the return types of `func.*` functions (the
//! `GenericFunction`s of `sqlalchemy/sql/functions.py`; any other function is untyped).
//!
//! `None` stands for SQLAlchemy's `NullType` (an untyped expression).

use super::SqlType;

/// The arithmetic operators whose result type SQLAlchemy looks up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
}

/// The result of [`adapt`]: `concat` when `+` is string concatenation (`||`), and the type.
#[derive(Debug, Clone, PartialEq)]
pub struct Adapted {
    /// `+` became `concat_op`.
    pub concat: bool,
    /// The expression's type (`None`: `NullType`).
    pub ty: Option<SqlType>,
}

/// A type's `_type_affinity`: the generic class it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aff {
    Integer,
    Numeric,
    String,
    Boolean,
    Date,
    DateTime,
    Time,
    Interval,
    Json,
    Binary,
    Other,
}

fn affinity(t: &SqlType) -> Aff {
    match t {
        SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => Aff::Integer,
        SqlType::Float | SqlType::Numeric(..) | SqlType::NumericFloat(..) => Aff::Numeric,
        SqlType::String(_)
        | SqlType::Unicode(_)
        | SqlType::Text(_)
        | SqlType::UnicodeText(_)
        | SqlType::Enum(..)
        | SqlType::EnumClass(..) => Aff::String,
        SqlType::Boolean | SqlType::CheckedBoolean(_) => Aff::Boolean,
        SqlType::Spelled(base, _) | SqlType::Collated(base, _) | SqlType::CheckedEnum(base) => {
            affinity(base)
        }
        SqlType::JsonNoneAsNull => Aff::Json,
        SqlType::Date => Aff::Date,
        SqlType::DateTime | SqlType::DateTimeTz => Aff::DateTime,
        SqlType::Time => Aff::Time,
        SqlType::Interval => Aff::Interval,
        SqlType::Json => Aff::Json,
        SqlType::LargeBinary => Aff::Binary,
        SqlType::Custom(_) => Aff::Other,
    }
}

/// True when the type's class is its affinity class itself (`Integer`, `Numeric`), not a
/// subclass (`BigInteger`, `Float`): what `lookup is othertype` compares.
fn is_affinity_class(t: &SqlType) -> bool {
    matches!(
        t,
        SqlType::Integer
            | SqlType::Numeric(..)
            | SqlType::NumericFloat(..)
            | SqlType::String(_)
            | SqlType::Date
            | SqlType::DateTime
            | SqlType::DateTimeTz
            | SqlType::Time
            | SqlType::Interval
    )
}

/// An entry of an `_expression_adaptations` table.
#[derive(Clone, Copy)]
enum Class {
    /// `self.__class__`.
    Own,
    /// A named class (`Numeric`, `DateTime`, ...).
    Named(Aff),
}

/// `_expression_adaptations[op][other_affinity]` of a type with affinity `me`.
fn lookup(me: Aff, op: Arith, other: Aff) -> Option<Class> {
    use Aff::*;
    use Arith::*;
    use Class::*;
    Some(match (me, op, other) {
        (Integer, Add, Date) => Named(Date),
        (Integer, Add | Mul | FloorDiv | Sub, Integer) => Own,
        (Integer, Add | Mul | Div | FloorDiv | Sub, Numeric) => Named(Numeric),
        (Integer, Mul, Interval) => Named(Interval),
        (Integer, Div, Integer) => Named(Numeric),
        (Numeric, Mul, Interval) => Named(Interval),
        (Numeric, Mul | Div | Add | Sub, Numeric | Integer) => Own,
        (DateTime, Add | Sub, Interval) => Own,
        (DateTime, Sub, DateTime) => Named(Interval),
        (Date, Add | Sub, Integer) => Own,
        (Date, Add | Sub, Interval) => Named(DateTime),
        (Date, Add, Time) => Named(DateTime),
        (Date, Sub, Date) => Named(Integer),
        (Date, Sub, DateTime) => Named(Interval),
        (Time, Add, Date) => Named(DateTime),
        (Time, Add | Sub, Interval) => Own,
        (Time, Sub, Time) => Named(Interval),
        (Interval, Add, Date | DateTime) => Named(DateTime),
        (Interval, Add | Sub, Interval) => Own,
        (Interval, Add, Time) => Named(Time),
        (Interval, Mul | Div, Numeric) => Own,
        _ => return None,
    })
}

/// A fresh instance of a named class (`to_instance(Numeric)`).
fn instance_of(a: Aff) -> Option<SqlType> {
    Some(match a {
        Aff::Integer => SqlType::Integer,
        Aff::Numeric => SqlType::Numeric(None, None),
        Aff::Date => SqlType::Date,
        Aff::DateTime => SqlType::DateTime,
        Aff::Time => SqlType::Time,
        Aff::Interval => SqlType::Interval,
        _ => return None,
    })
}

/// A fresh instance of a type's own class (`Float()` for a `Float`, `BigInteger()`).
fn own_instance(t: &SqlType) -> SqlType {
    match t {
        SqlType::Numeric(..) => SqlType::Numeric(None, None),
        SqlType::NumericFloat(..) => SqlType::NumericFloat(None, None),
        other => other.clone(),
    }
}

/// True for the types whose comparator is `Concatenable`'s (strings, and JSON).
fn concatenable(t: &SqlType) -> bool {
    matches!(affinity(t), Aff::String | Aff::Json)
}

/// The type and operator of `l <op> r`, as `l`'s comparator's `_adapt_expression` gives
/// them (`None` is `NullType`, which hands commutative operators to the other side).
pub fn adapt(op: Arith, l: Option<&SqlType>, r: Option<&SqlType>) -> Adapted {
    let plain = |ty: Option<SqlType>| Adapted { concat: false, ty };
    let Some(me) = l else {
        return match r {
            Some(_) if matches!(op, Arith::Add | Arith::Mul) => adapt(op, r, None),
            _ => plain(None),
        };
    };
    if concatenable(me) {
        if op == Arith::Add && r.is_none_or(concatenable) {
            let ty = match me {
                // Enum's comparator: a concatenation is a String of the Enum's length.
                SqlType::Enum(..) | SqlType::EnumClass(..) => {
                    let n = me.ddl();
                    let n = n.trim_start_matches("VARCHAR(").trim_end_matches(')');
                    SqlType::String(n.parse().ok())
                }
                other => other.clone(),
            };
            return Adapted {
                concat: true,
                ty: Some(ty),
            };
        }
        return plain(Some(me.clone()));
    }
    let mine = affinity(me);
    if !matches!(
        mine,
        Aff::Integer | Aff::Numeric | Aff::Date | Aff::DateTime | Aff::Time | Aff::Interval
    ) {
        return plain(Some(me.clone()));
    }
    let other = r.map(affinity);
    let Some(found) = other.and_then(|o| lookup(mine, op, o)) else {
        return plain(Some(me.clone()));
    };
    // The class found, as an affinity when it is one (`None`: a subclass such as Float).
    let class = match found {
        Class::Own => is_affinity_class(me).then_some(mine),
        Class::Named(a) => Some(a),
    };
    if class.is_some() && class == other {
        return plain(r.cloned());
    }
    if class == Some(mine) {
        return plain(Some(me.clone()));
    }
    plain(match found {
        Class::Own => Some(own_instance(me)),
        Class::Named(a) => instance_of(a),
    })
}

/// The type a plain Python value of type `value` takes beside an expression of type
/// `compared` (`TypeEngine.coerce_compared_value`): the expression's own type when the
/// value's type has the same affinity (or none), else the value's type.
pub fn coerce_compared(compared: Option<&SqlType>, value: Option<SqlType>) -> Option<SqlType> {
    let Some(v) = value else {
        return compared.cloned();
    };
    match compared {
        None => Some(v),
        // `_Binary.coerce_compared_value`: a str is compared as binary.
        Some(c @ SqlType::LargeBinary) if matches!(v, SqlType::String(_)) => Some(c.clone()),
        // `Interval` compares as its implementation, DateTime.
        Some(SqlType::Interval) => coerce_compared(Some(&SqlType::DateTime), Some(v)),
        Some(c) if affinity(c) == affinity(&v) => Some(c.clone()),
        Some(_) => Some(v),
    }
}

/// The return type of `func.<name>(args)` with its arguments' types: the typed
/// `GenericFunction`s (`count`, `now`, ...), `coalesce`/`max`/`min`/`sum` taking their first
/// typed argument's type; every other function is untyped (`round`, `abs`, `avg`, `lower`...).
pub fn func_type(name: &str, args: &[Option<SqlType>]) -> Option<SqlType> {
    match name.to_ascii_lowercase().as_str() {
        "coalesce" | "max" | "min" | "sum" => args.iter().flatten().next().cloned(),
        "count" | "char_length" | "rank" | "dense_rank" | "next_value" => Some(SqlType::Integer),
        "now" | "current_timestamp" | "localtime" | "localtimestamp" | "sysdate" => {
            Some(SqlType::DateTime)
        }
        "current_date" => Some(SqlType::Date),
        "current_time" => Some(SqlType::Time),
        "concat" | "current_user" | "session_user" | "user" | "aggregate_strings" => {
            Some(SqlType::String(None))
        }
        "percent_rank" | "cume_dist" => Some(SqlType::Numeric(None, None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
