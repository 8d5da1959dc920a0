//! Value conversion between Python and SQLite for a column type (the bind and
//! result processing of SQLAlchemy's SQLite types).

use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Exc, Interp, R};
use crate::core::py::datetime::{Date, DateTime};
use crate::core::py::decimal::Decimal;
use crate::core::py::decimal_ops::SqliteNumber;
use crate::core::sql::{SqlType, SqlValue};

/// Why a flushed statement's parameters could not all be converted: SQLAlchemy's error
/// first (a type's bind processor refused a value), else the driver's (a value of a
/// type SQLite cannot bind, at a 1-based position, as given).
pub enum BindFailure {
    /// A bind processor's `StatementError`.
    Processor(Box<Exc>),
    /// The driver's refusal, raised when the statement runs.
    Refused(usize, Value),
}

impl Interp<'_> {
    /// Keeps the conversion failure that decides a statement's error (see
    /// [`BindFailure`]): `e` was raised converting `value`, the `position`th parameter.
    fn note_bind_failure(
        &self,
        slot: &mut Option<BindFailure>,
        e: Box<Exc>,
        value: &Value,
        position: usize,
    ) {
        let refused = self.exc_matches(&e.value, &self.exc["ProgrammingError"]);
        match (&slot, refused) {
            (None, true) => *slot = Some(BindFailure::Refused(position, value.clone())),
            (None | Some(BindFailure::Refused(..)), false) => {
                *slot = Some(BindFailure::Processor(e));
            }
            _ => {}
        }
    }

    /// `v` as the flush writes it into column type `ty` ([`Interp::to_sql_stored`]); a
    /// failure is noted in `slot` (for the `position`th parameter) and NULL stands in.
    pub fn stored_or_note(
        &mut self,
        v: &Value,
        ty: &SqlType,
        slot: &mut Option<BindFailure>,
        position: usize,
    ) -> SqlValue {
        match self.to_sql_stored(v, ty) {
            Ok(sv) => sv,
            Err(e) => {
                self.note_bind_failure(slot, e, v, position);
                SqlValue::Null
            }
        }
    }

    /// An object's identity (primary key values) as bind parameters.
    pub fn identity_params(&mut self, inst: &Instance) -> R<Vec<SqlValue>> {
        let ident = inst.orm.borrow().as_ref().and_then(|s| s.identity.clone());
        let ident = ident.as_ref().map_or(&[][..], |i| i.values());
        ident.iter().map(|v| self.to_sql(v, None)).collect()
    }

    /// A value the flush writes into column type `ty` (an INSERT's or UPDATE's parameter):
    /// as [`Interp::to_sql`], with a Python int for a `Float` or `Numeric` column sent as a
    /// float, as SQLAlchemy's `to_float` bind processor sends it (comparisons keep the int).
    ///
    /// The type's bind processor checks the value first, as SQLAlchemy's SQLite `DATE` and
    /// `DATETIME` and its `Boolean` do (a `date` in a `DateTime` column is written at
    /// midnight).
    pub fn to_sql_stored(&mut self, v: &Value, ty: &SqlType) -> R<SqlValue> {
        match (ty, v) {
            (_, Value::None) => {}
            (SqlType::Date, Value::Date(_) | Value::DateTime(_)) => {}
            (SqlType::Date, _) => {
                return self.bind_error(
                    "TypeError",
                    "SQLite Date type only accepts Python date objects as input.",
                );
            }
            (SqlType::DateTime | SqlType::DateTimeTz, Value::DateTime(_)) => {}
            (SqlType::DateTime | SqlType::DateTimeTz, Value::Date(d)) => {
                return Ok(SqlValue::text(format!("{} 00:00:00.000000", d.isoformat())));
            }
            (SqlType::DateTime | SqlType::DateTimeTz, _) => {
                return self.bind_error(
                    "TypeError",
                    "SQLite DateTime type only accepts Python datetime and date objects as input.",
                );
            }
            (SqlType::Time, Value::Time(_)) => {}
            (SqlType::Time, _) => {
                return self.bind_error(
                    "TypeError",
                    "SQLite Time type only accepts Python time objects as input.",
                );
            }
            (SqlType::Boolean, _) => self.check_strict_bool(v)?,
            // (A type without a bind processor hands the value to the driver as it is:
            // sqlite3's adapters write a datetime as `isoformat(' ')`, and it refuses a
            // Decimal or a timedelta when the statement runs.)
            (
                SqlType::Integer
                | SqlType::BigInteger
                | SqlType::SmallInteger
                | SqlType::String(_)
                | SqlType::Text(_)
                | SqlType::Unicode(_)
                | SqlType::UnicodeText(_),
                Value::DateTime(_) | Value::Decimal(_) | Value::TimeDelta(_),
            ) => {
                if let Value::DateTime(d) = v {
                    return Ok(SqlValue::text(self.py(d.isoformat(' ', "auto"))?));
                }
                // (The driver's refusal: the flush raises it with the statement and the
                // parameter's position.)
                return self.refuse_param(v, 1);
            }
            // JSON's bind processor is `json.dumps`: what it cannot serialize is its
            // `TypeError`, wrapped as the other processors' errors are.
            (SqlType::Json, _) => {
                return match self.to_sql(v, Some(ty)) {
                    Err(e) if self.exc_matches(&e.value, &self.exc["TypeError"]) => {
                        let msg = self.to_str(&e.value)?;
                        self.bind_error("TypeError", &msg)
                    }
                    other => other,
                };
            }
            (SqlType::CheckedEnum(base), _) => return self.to_sql_stored(v, base),
            (SqlType::EnumClass(class, names, _), _) => {
                if let Some(sv) = self.enum_db_value(class, names, v)? {
                    return Ok(sv);
                }
            }
            // A string Enum's bind processor looks the value up among its strings: any
            // other string passes unless `validate_strings=True` (a member of an enum
            // mixing in `str` is its value, `class S(str, Enum)`), any other value is a
            // `LookupError`.
            (SqlType::Enum(values, spec), _) => {
                let s = match v {
                    Value::Str(s) => Some(s.clone()),
                    _ => match self.mixin_value(v) {
                        Some(Value::Str(s)) => Some(s),
                        _ => None,
                    },
                };
                if !s.is_some_and(|s| !spec.validate || values.iter().any(|x| **x == *s)) {
                    let shown = self.to_str(v)?;
                    let name = spec.name.as_deref().unwrap_or("None");
                    return self
                        .bind_error("LookupError", &enum_lookup_message(&shown, name, values));
                }
            }
            // SQLite's Float/Numeric bind processor is `float(value)`: a numeric string
            // is stored as a number, any other string refused.
            (SqlType::Float | SqlType::Numeric(..) | SqlType::NumericFloat(..), Value::Str(t)) => {
                return match crate::core::py::float::parse_float(t) {
                    Ok(f) => Ok(SqlValue::Real(f)),
                    Err(e) => self.bind_error("ValueError", &e.message),
                };
            }
            // (`float(value)` takes an int beyond SQLite's 64 bits too.)
            (SqlType::Float | SqlType::Numeric(..) | SqlType::NumericFloat(..), Value::Int(i))
                if i.to_i64().is_none() =>
            {
                return Ok(SqlValue::Real(self.py(i.to_f64())?));
            }
            _ => {}
        }
        Ok(match self.to_sql(v, Some(ty))? {
            SqlValue::Integer(i)
                if matches!(
                    ty,
                    SqlType::Float | SqlType::Numeric(..) | SqlType::NumericFloat(..)
                ) && matches!(v, Value::Int(_)) =>
            {
                SqlValue::Real(i as f64)
            }
            other => other,
        })
    }

    /// Python value → SQLite value for a column type.
    pub fn to_sql(&mut self, v: &Value, ty: Option<&SqlType>) -> R<SqlValue> {
        if let Some(SqlType::Spelled(base, _)) = ty {
            return self.to_sql(v, Some(base));
        }
        Ok(match (v, ty) {
            (Value::None, _) => SqlValue::Null,
            // (A string compared with an enum class's column takes its type's processor:
            // `Task.role == 'admin'` binds the member's name; other values bind as they are.)
            (Value::Str(_), Some(SqlType::EnumClass(class, names, _))) => {
                match self.enum_db_value(class, names, v)? {
                    Some(sv) => sv,
                    None => SqlValue::Null,
                }
            }
            (v, Some(SqlType::Json)) => {
                let j = self.to_json(v)?;
                SqlValue::text(self.py(crate::core::py::json::dumps(&j, &Default::default()))?)
            }
            (Value::Bool(b), _) => SqlValue::Integer(*b as i64),
            // (An int beyond 64 bits in an expression is bound as it is, whatever the
            // column's type: running the statement raises the driver's OverflowError.)
            (Value::Int(i), _) if self.orm.defer_refused && i.to_i64().is_none() => {
                let r = crate::core::sql::value::RefusedParam {
                    type_name: crate::core::sql::value::BIG_INT.into(),
                    repr: i.to_string(),
                };
                SqlValue::Refused(Rc::new(r))
            }
            (Value::Int(i), Some(SqlType::Float)) => match i.to_i64() {
                Some(x) => SqlValue::Integer(x),
                None => SqlValue::Real(self.py(i.to_f64())?),
            },
            (Value::Int(i), _) => match i.to_i64() {
                Some(x) => SqlValue::Integer(x),
                None => {
                    return self.raise(
                        "OverflowError",
                        "Python int too large to convert to SQLite INTEGER",
                    );
                }
            },
            (Value::Float(f), _) => SqlValue::Real(*f),
            (Value::Str(s), _) => SqlValue::Text(s.clone()),
            (Value::DateTime(d), Some(SqlType::Date)) => SqlValue::text(d.date().to_sqlite()),
            (Value::DateTime(d), _) => SqlValue::text(d.to_sqlite()),
            (Value::Date(d), _) => SqlValue::text(d.to_sqlite()),
            (Value::Time(t), _) => SqlValue::text(t.to_sqlite()),
            (Value::Decimal(d), Some(SqlType::String(_) | SqlType::Text(_))) => {
                SqlValue::text(d.to_str())
            }
            (Value::Decimal(d), _) => SqlValue::Real(d.to_f64()),
            (Value::TimeDelta(t), _) => {
                let epoch = self.py(DateTime::new(1970, 1, 1, 0, 0, 0, 0))?;
                SqlValue::text(self.py(epoch.add(t))?.to_sqlite())
            }
            // A member of an enum mixing in `int`/`str` outside an enum class's column:
            // its value, as the driver takes an `int`/`str` subclass (a string Enum's
            // lookup finds it as its value too).
            (Value::Instance(i), t)
                if !matches!(t, Some(SqlType::EnumClass(..)))
                    && let Some(x) = self.mixin_value(&Value::Instance(i.clone())) =>
            {
                return self.to_sql(&x, ty);
            }
            // An enum member is stored by its name (`db.Enum(Color)`), or by the value
            // `values_callable=` gave for it.
            (Value::Instance(i), Some(SqlType::EnumClass(_, names, _)))
                if self.is_enum_member(i)
                    && let Some(stored) = enum_stored(i, names) =>
            {
                SqlValue::Text(stored)
            }
            (Value::Instance(i), _) if self.is_enum_member(i) => {
                crate::core::interp::enums::enum_member_name(i)
                    .map_or(SqlValue::Null, SqlValue::Text)
            }
            (Value::Native(n), _) if matches!(&**n, Native::Bytes(_)) => match &**n {
                Native::Bytes(b) => SqlValue::Blob(b.to_vec()),
                _ => SqlValue::Null,
            },
            (other, _) => {
                let t = self.type_name(other);
                if self.orm.defer_refused {
                    let repr = self.repr(other)?;
                    let r = crate::core::sql::value::RefusedParam { type_name: t, repr };
                    return Ok(SqlValue::Refused(Rc::new(r)));
                }
                return self.raise(
                    "ProgrammingError",
                    format!("(sqlite3.ProgrammingError) Error binding parameter 1: type '{t}' is not supported"),
                );
            }
        })
    }

    /// [`Self::to_sql`] for a bound parameter of a SQL expression: a value the driver
    /// cannot bind (a `list` compared with a column) is kept as [`SqlValue::Refused`],
    /// and running the statement raises sqlite3's `ProgrammingError` with the statement,
    /// as SQLAlchemy does, where building the expression succeeds.
    pub fn to_bind(&mut self, v: &Value, ty: Option<&SqlType>) -> R<SqlValue> {
        let was = std::mem::replace(&mut self.orm.defer_refused, true);
        let r = self.to_sql(v, ty);
        self.orm.defer_refused = was;
        r
    }

    /// A parameter of a textual statement, as pysqlite binds it (no SQLAlchemy type):
    /// datetimes and dates by its default adapters (`isoformat(' ')`, seconds without
    /// zero microseconds), `Decimal` and `timedelta` refused.
    pub fn to_sql_untyped(&mut self, v: &Value, position: usize) -> R<SqlValue> {
        match v {
            Value::DateTime(d) => {
                let s = self.py(d.isoformat(' ', "auto"))?;
                Ok(SqlValue::text(s))
            }
            Value::Date(d) => Ok(SqlValue::text(d.isoformat())),
            Value::Decimal(_) | Value::TimeDelta(_) => self.refuse_param(v, position),
            // (Another value SQLite cannot bind is refused when the statement runs.)
            _ => self.to_bind(v, None),
        }
    }

    /// sqlite3's `ProgrammingError` for a value of a type it cannot bind, the
    /// `position`th parameter (1-based), wrapped as SQLAlchemy wraps it (`e.orig`).
    pub fn refuse_param<T>(&mut self, v: &Value, position: usize) -> R<T> {
        let refused = self.qual_type_name(v);
        let msg = format!("Error binding parameter {position}: type '{refused}' is not supported");
        let orig = self.new_exc("sqlite3.ProgrammingError", &msg);
        let text = format!("(sqlite3.ProgrammingError) {msg}");
        let e = crate::core::interp::exceptions::exc_instance(
            self.exc["ProgrammingError"].clone(),
            vec![Value::str(&text)],
        );
        if let Value::Instance(i) = &e {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("orig"), orig);
            d.insert(Rc::from("_message"), Value::str(&text));
            d.insert(Rc::from("code"), Value::str("f405"));
        }
        self.raise_value(e)
    }

    /// What `db.Enum(SomeEnum)`'s bind processor stores for `v` (`_valid_lookup[v]`;
    /// `names` are the stored strings, in member order: the members' names, or what
    /// `values_callable=` gave): a member's string for a member, or for a value it equals
    /// when the enum mixes in its type (`IntEnum` members hash and compare as their
    /// values: `Task(priority=2)` stores `HIGH`); a stored string given as a string; any
    /// other string as it is; any other value a `LookupError`. `None` for a member of an
    /// enum class not known here (stored by name).
    fn enum_db_value(&mut self, class: &str, names: &[String], v: &Value) -> R<Option<SqlValue>> {
        // (A member of another enum class is none of this one's values.)
        if let Value::Instance(i) = v
            && self.is_enum_member(i)
            && self
                .enum_class_named(class)
                .is_none_or(|c| Rc::ptr_eq(&c, &i.class))
        {
            return Ok(enum_stored(i, names).map(SqlValue::Text));
        }
        if let Value::Str(s) = v
            && names.iter().any(|n| **n == **s)
        {
            return Ok(Some(SqlValue::Text(s.clone())));
        }
        if let Some(c) = self.enum_class_named(class)
            && c.lookup("_member_type_").is_some()
        {
            for (m, stored) in self.enum_members(&c).iter().zip(names) {
                if let Some(x) = self.mixin_value(m)
                    && self.eq(&x, v)?
                {
                    return Ok(Some(SqlValue::text(stored.as_str())));
                }
            }
        }
        if let Value::Str(s) = v {
            return Ok(Some(SqlValue::Text(s.clone())));
        }
        let shown = self.to_str(v)?;
        let msg = enum_lookup_message(&shown, &crate::core::py::case::lower(class), names);
        self.bind_error("LookupError", &msg)
    }

    /// SQLAlchemy's LookupError for a stored value that is none of an Enum's values.
    fn enum_lookup_error(&mut self, s: &str, enum_name: &str, values: &[String]) -> R<Value> {
        self.raise("LookupError", enum_lookup_message(s, enum_name, values))
    }

    /// SQLite value → Python value for a column type.
    pub fn from_sql(&mut self, v: &SqlValue, ty: Option<&SqlType>) -> R<Value> {
        // (A type spelled under another name, `cast(x, BOOLEAN)`: its base's processing.)
        if let Some(SqlType::Spelled(base, _)) = ty {
            return self.from_sql(v, Some(base));
        }
        Ok(match (v, ty) {
            (SqlValue::Null, _) => Value::None,
            (SqlValue::Refused(r), _) => Value::str(&r.repr),
            (SqlValue::Integer(i), Some(SqlType::Boolean)) => Value::Bool(*i != 0),
            // (SQLAlchemy's `int_to_boolean` is `bool(value)`: any other stored value
            // too, a text by its length.)
            (SqlValue::Real(f), Some(SqlType::Boolean)) => Value::Bool(*f != 0.0),
            (SqlValue::Text(t), Some(SqlType::Boolean)) => Value::Bool(!t.is_empty()),
            (SqlValue::Blob(b), Some(SqlType::Boolean)) => Value::Bool(!b.is_empty()),
            (SqlValue::Text(s), Some(SqlType::DateTime | SqlType::DateTimeTz)) => {
                Value::datetime(self.py(DateTime::from_sqlite(s))?)
            }
            // (The dialect's result processors are `fromisoformat()`: `CAST(x AS DATE)`
            // gives SQLite's numeric affinity, a number.)
            (
                SqlValue::Integer(_) | SqlValue::Real(_),
                Some(
                    SqlType::DateTime
                    | SqlType::DateTimeTz
                    | SqlType::Date
                    | SqlType::Time
                    | SqlType::Interval,
                ),
            ) => return self.raise("TypeError", "fromisoformat: argument must be str"),
            (SqlValue::Text(s), Some(SqlType::EnumClass(class, names, _)))
                if !names.iter().any(|n| **n == **s) =>
            {
                return self.enum_lookup_error(s, &crate::core::py::case::lower(class), names);
            }
            (SqlValue::Text(s), Some(SqlType::EnumClass(class, names, _))) => {
                let at = names.iter().position(|n| **n == **s);
                match (self.enum_class_named(class), at) {
                    (Some(c), Some(at)) => match self.enum_members(&c).into_iter().nth(at) {
                        Some(m) => m,
                        None => Value::Str(s.clone()),
                    },
                    _ => Value::Str(s.clone()),
                }
            }
            (SqlValue::Text(s), Some(SqlType::Enum(values, spec)))
                if !values.is_empty() && !values.iter().any(|v| **v == **s) =>
            {
                let name = spec.name.as_deref().unwrap_or("None");
                return self.enum_lookup_error(s, name, values);
            }
            (SqlValue::Text(s), Some(SqlType::Date)) => Value::Date(self.py(Date::from_sqlite(s))?),
            (SqlValue::Text(s), Some(SqlType::Time)) => {
                Value::Time(self.py(crate::core::py::time_of_day::Time::fromisoformat(s))?)
            }
            (SqlValue::Text(s), Some(SqlType::Interval)) => {
                let epoch = self.py(DateTime::new(1970, 1, 1, 0, 0, 0, 0))?;
                let at = self.py(DateTime::from_sqlite(s))?;
                Value::TimeDelta(self.py(at.sub_datetime(&epoch))?.into())
            }
            (SqlValue::Integer(i), Some(SqlType::Numeric(_, s))) => {
                Value::Decimal(Rc::new(self.py(Decimal::from_sqlite_numeric(
                    &SqliteNumber::Int((*i).into()),
                    s.unwrap_or(10),
                ))?))
            }
            (SqlValue::Real(f), Some(SqlType::Numeric(_, s))) => Value::Decimal(Rc::new(self.py(
                Decimal::from_sqlite_numeric(&SqliteNumber::Float(*f), s.unwrap_or(10)),
            )?)),
            (SqlValue::Text(t), Some(SqlType::Json)) => {
                let j = self.py(crate::core::py::json::loads(t))?;
                self.from_json(&j)?
            }
            // (An integer typed Float stays an int: SQLAlchemy's Float has no result
            // processor on SQLite, so `coalesce(x, 0)` or a RETURNING of `2.0` give ints.)
            // A float `//` (FLOOR()): SQLAlchemy's floor is Python's `math.floor`.
            (SqlValue::Real(f), Some(SqlType::Custom(c)))
                if c == crate::core::interp::orm::sqlexpr::FLOOR && f.is_finite() =>
            {
                Value::int(f.floor() as i64)
            }
            (SqlValue::Integer(i), _) => Value::int(*i),
            (SqlValue::Real(f), _) => Value::Float(*f),
            (SqlValue::Text(s), _) => Value::Str(s.clone()),
            (SqlValue::Blob(b), _) => Value::Native(Rc::new(Native::Bytes(Rc::from(&b[..])))),
        })
    }

    /// `Boolean`'s `_strict_as_bool`: only `None`, `True`, `False` (and values equal to
    /// them: `0`, `1`, `1.0`, `Decimal(1)`) are booleans.
    fn check_strict_bool(&mut self, v: &Value) -> R<()> {
        let ok = match v {
            Value::None | Value::Bool(_) => true,
            Value::Int(i) => i.to_i64().is_some_and(|x| x == 0 || x == 1),
            Value::Float(f) => *f == 0.0 || *f == 1.0,
            Value::Decimal(d) => {
                let f = d.to_f64();
                f == 0.0 || f == 1.0
            }
            _ => false,
        };
        if ok {
            return Ok(());
        }
        let r = self.repr(v)?;
        if matches!(v, Value::Int(_)) {
            self.bind_error(
                "ValueError",
                &format!("Value {r} is not None, True, or False"),
            )
        } else {
            self.bind_error("TypeError", &format!("Not a boolean value: {r}"))
        }
    }

    /// A bind processor's error as SQLAlchemy wraps it: a `StatementError` whose `orig` is
    /// the Python exception (`(builtins.TypeError) ...`).
    pub fn bind_error<T>(&mut self, class: &str, msg: &str) -> R<T> {
        let orig = self.new_exc(class, msg);
        let v = self.pending_statement_error(orig, &format!("(builtins.{class}) {msg}"));
        self.raise_value(v)
    }

    /// A `StatementError` wrapping `orig` (its message `text`), its statement and
    /// parameters left for [`Interp::fill_bind_error`] to fill.
    fn pending_statement_error(&self, orig: Value, text: &str) -> Value {
        let v = crate::core::interp::exceptions::exc_instance(
            self.exc["StatementError"].clone(),
            vec![Value::str(text)],
        );
        if let Value::Instance(i) = &v {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("orig"), orig);
            d.insert(Rc::from("statement"), Value::None);
            d.insert(Rc::from("params"), Value::None);
            d.insert(Rc::from("_message"), Value::str(text));
            d.insert(Rc::from("code"), Value::None);
        }
        v
    }

    /// An exception a Python column default raised while its statement was prepared, as
    /// SQLAlchemy wraps it: a `StatementError` (`(builtins.KeyError) 'cost'`) whose `orig`
    /// is the exception, completed by [`Interp::fill_bind_error`]. A SQLAlchemy error and
    /// anything not an `Exception` pass as they are.
    pub fn wrap_default_error(&mut self, e: Box<Exc>) -> Box<Exc> {
        let Value::Instance(i) = &e.value else {
            return e;
        };
        let class = i.class.clone();
        let is_exception = self
            .exc
            .get("Exception")
            .is_some_and(|x| class.is_subclass(x));
        let module = self.class_module(&class);
        if !is_exception || module == "sqlalchemy.exc" {
            return e;
        }
        let msg = self.to_str(&e.value).unwrap_or_default();
        let text = format!("({module}.{}) {msg}", class.name);
        let v = self.pending_statement_error(e.value.clone(), &text);
        Box::new(Exc { value: v, at: e.at })
    }

    /// A bind processor's error (from [`Interp::bind_error`]) completed with the statement
    /// it was raised for and its parameters as the script gave them (one dict, keyed by
    /// column); any other error comes back as it is.
    pub fn fill_bind_error(
        &mut self,
        e: Box<Exc>,
        sql: &str,
        params: Vec<(String, Value)>,
    ) -> Box<Exc> {
        let Value::Instance(i) = e.value.clone() else {
            return e;
        };
        if !matches!(i.dict.borrow().get("statement"), Some(Value::None)) {
            return e;
        }
        let Some(Value::Str(head)) = i.dict.borrow().get("_message").cloned() else {
            return e;
        };
        let d = crate::core::interp::value::Dict::default();
        let dict = Value::Dict(Rc::new(std::cell::RefCell::new(d)));
        if let Value::Dict(d) = &dict {
            let mut d = d.borrow_mut();
            for (k, v) in params {
                let k = Value::str(&k);
                if let Some(h) = k.hkey() {
                    d.insert(h, k, v);
                }
            }
        }
        let list = Value::list(vec![dict]);
        let shown = match self.repr(&list) {
            Ok(s) => s,
            Err(_) => return e,
        };
        let text = format!("{head}\n[SQL: {sql}]\n[parameters: {shown}]");
        let mut d = i.dict.borrow_mut();
        d.insert(Rc::from("statement"), Value::str(sql));
        d.insert(Rc::from("params"), list);
        d.insert(Rc::from("_message"), Value::str(&text));
        drop(d);
        e
    }
}

/// A column of an object the flush inserts, as SQLAlchemy's `_collect_insert_commands`
/// sees it: its key, its value when the object's `__dict__` has one (a Python default
/// is not there yet), and whether it is sent as `None` when missing
/// (`_insert_cols_as_none`) or keeps a `None` value (`should_evaluate_none`).
pub struct InsertColumn<'a> {
    /// The column's key.
    pub key: &'a str,
    /// Its value in the object's `__dict__`.
    pub value: Option<Value>,
    /// Sent as `None` when missing.
    pub as_none: bool,
    /// A `None` value is sent (JSON's `null`).
    pub eval_none: bool,
}

/// The parameters dict of an object's INSERT, in the order SQLAlchemy builds it (and a
/// `StatementError` prints it): the set keys in the order of the set
/// `set(propkey_to_col).intersection(state_dict)`, `None` values left out; then the
/// missing `_insert_cols_as_none` keys as `None`, in the order of that frozenset's
/// `.difference(params).difference([])`. (The `__dict__` is taken to have been set in
/// column order.)
pub fn insert_params(cols: &[InsertColumn<'_>]) -> Vec<(String, Value)> {
    use crate::core::interp::set_order::StrSet;
    let set = StrSet::build(cols.iter().filter(|c| c.value.is_some()).map(|c| c.key), 0);
    let mut out: Vec<(String, Value)> = vec![];
    for key in set.members {
        let Some(c) = cols.iter().find(|c| c.key == key) else {
            continue;
        };
        match &c.value {
            Some(Value::None) if !c.eval_none => {}
            Some(v) => out.push((key.to_owned(), v.clone())),
            None => {}
        }
    }
    let frozen = StrSet::build(cols.iter().filter(|c| c.as_none).map(|c| c.key), 0);
    let given = |k: &str| out.iter().any(|(o, _)| o == k);
    // `set_difference` with a dict: a copy minus its keys when the set has more than
    // four times as many members, else the members not in it added to a new set.
    let rest = if frozen.members.len() >> 2 > out.len() {
        frozen.copy_without(given)
    } else {
        StrSet::build(frozen.members.iter().copied().filter(|k| !given(k)), 0)
    };
    // `.difference([])` (the keys set to SQL expressions): another copy.
    let rest = rest.copy_without(|_| false);
    out.extend(
        rest.members
            .into_iter()
            .map(|k| (k.to_owned(), Value::None)),
    );
    out
}

/// The string `db.Enum(SomeEnum)` stores for member `i`: its entry in `names` (the
/// members' names, or what `values_callable=` gave for them, in member order).
fn enum_stored(i: &Rc<Instance>, names: &[String]) -> Option<Rc<str>> {
    let class = i.class.dict.borrow();
    let at = (class.iter())
        .filter_map(|(_, v)| match v {
            Value::Instance(m) if Rc::ptr_eq(&m.class, &i.class) => Some(m),
            _ => None,
        })
        .position(|m| Rc::ptr_eq(m, i))?;
    names.get(at).map(|n| Rc::from(n.as_str()))
}

/// SQLAlchemy's `LookupError` text for a value none of an Enum's (their list trimmed as
/// `repr_tuple_names` trims it).
fn enum_lookup_message(s: &str, enum_name: &str, values: &[String]) -> String {
    let trim = |v: &String| match v.chars().count() > 11 {
        true => format!("{}..", v.chars().take(11).collect::<String>()),
        false => v.clone(),
    };
    let shown = match values.len() {
        0..=4 => values.iter().map(trim).collect::<Vec<_>>().join(", "),
        n => {
            let first: Vec<String> = values[..3].iter().map(trim).collect();
            format!("{}, ..., {}", first.join(", "), trim(&values[n - 1]))
        }
    };
    format!(
        "'{s}' is not among the defined enum values. Enum name: {enum_name}. Possible values: {shown}"
    )
}
