//! Attributes and methods of builtin values (str, list, dict, set, tuple, date, datetime,
//! Decimal...): `value_getattr` and `call_method`, which checks the argument count and routes
//! to `methods/collections.rs` (list/tuple/dict/set) and `methods/string.rs` (str); the
//! small date/datetime/timedelta/int/float methods are here, their date helpers in
//! `methods/dates.rs`, Decimal's in `methods/decimal.rs`.

mod collections;
mod dates;
mod decimal;
pub(crate) mod string;

use std::rc::Rc;

use super::call::Kw;
use super::orm::relationship::ListEdit;
use super::value::Value;
use super::{Interp, R};
pub(crate) use dates::is_utc;
use dates::{iso_calendar, time_tuple};

const STR_METHODS: &str = "capitalize casefold center count encode endswith expandtabs find format \
    format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric \
    isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix \
    replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase \
    title translate upper zfill";
const LIST_METHODS: &str = "append clear copy count extend index insert pop remove reverse sort";
const DICT_METHODS: &str = "clear copy get items keys pop popitem setdefault update values";
const SET_METHODS: &str = "add clear copy difference discard intersection isdisjoint issubset \
    issuperset pop remove symmetric_difference union update";

/// The TypeError of a Decimal method given a rounding mode that is not one.
const ROUNDING_ERR: &str = "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]";

impl Interp<'_> {
    /// Attribute of a non-instance value.
    pub fn value_getattr(&mut self, obj: &Value, name: &str) -> R<Value> {
        let bm = |n: &str| Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(n)))));
        match obj {
            Value::Str(_) if crate::core::words::has(STR_METHODS, name) => return bm(name),
            Value::List(_) if crate::core::words::has(LIST_METHODS, name) => return bm(name),
            Value::Dict(_) if crate::core::words::has(DICT_METHODS, name) => return bm(name),
            Value::Dict(d)
                if matches!(
                    name,
                    "from_object"
                        | "from_mapping"
                        | "from_pyfile"
                        | "from_envvar"
                        | "from_prefixed_env"
                        | "from_file"
                        | "get_namespace"
                ) && self.is_app_config(d) =>
            {
                return bm(name);
            }
            Value::Set(_) if crate::core::words::has(SET_METHODS, name) => return bm(name),
            Value::Tuple(_) if matches!(name, "index" | "count") => return bm(name),
            Value::Int(i) => match name {
                "real" | "numerator" => return Ok(obj.clone()),
                "bit_length" => return bm(name),
                "imag" => return Ok(Value::int(0)),
                "denominator" => return Ok(Value::int(1)),
                _ => {
                    let _ = i;
                }
            },
            Value::Float(_) if matches!(name, "is_integer" | "hex") => return bm(name),
            // `@prop.setter` / `@prop.getter` make a new property with that function.
            Value::Property(_) if matches!(name, "setter" | "getter" | "deleter") => {
                return bm(name);
            }
            Value::Property(p) if name == "fdel" => return Ok(property_deleter(p)),
            Value::Property(p) if name == "fget" => return Ok(property_parts(p).0),
            Value::Property(p) if name == "fset" => return Ok(property_parts(p).1),
            Value::Date(d) => match name {
                "year" => return Ok(Value::int(d.year() as i64)),
                "month" => return Ok(Value::int(d.month() as i64)),
                "day" => return Ok(Value::int(d.day() as i64)),
                "isoformat" | "strftime" | "weekday" | "isoweekday" | "replace" | "toordinal"
                | "ctime" | "isocalendar" | "timetuple" => {
                    return bm(name);
                }
                _ => {}
            },
            Value::DateTime(d) => match name {
                "year" => return Ok(Value::int(d.year() as i64)),
                "month" => return Ok(Value::int(d.month() as i64)),
                "day" => return Ok(Value::int(d.day() as i64)),
                "hour" => return Ok(Value::int(d.hour() as i64)),
                "minute" => return Ok(Value::int(d.minute() as i64)),
                "second" => return Ok(Value::int(d.second() as i64)),
                "microsecond" => return Ok(Value::int(d.microsecond() as i64)),
                "tzinfo" if d.is_utc() => return Ok(Value::Builtin(Rc::from("timezone.utc"))),
                "tzinfo" => return Ok(Value::None),
                "isoformat" | "strftime" | "date" | "time" | "weekday" | "isoweekday"
                | "replace" | "timestamp" | "astimezone" | "ctime" | "isocalendar"
                | "timetuple" | "toordinal" => {
                    return bm(name);
                }
                _ => {}
            },
            Value::Time(t) => match name {
                "hour" => return Ok(Value::int(t.hour() as i64)),
                "minute" => return Ok(Value::int(t.minute() as i64)),
                "second" => return Ok(Value::int(t.second() as i64)),
                "microsecond" => return Ok(Value::int(t.microsecond() as i64)),
                "tzinfo" => return Ok(Value::None),
                "isoformat" | "strftime" | "replace" => return bm(name),
                _ => {}
            },
            Value::TimeDelta(t) => match name {
                "days" => return Ok(Value::int(t.days())),
                "seconds" => return Ok(Value::int(t.seconds())),
                "microseconds" => return Ok(Value::int(t.microseconds())),
                "total_seconds" => return bm(name),
                _ => {}
            },
            Value::Decimal(_)
                if matches!(
                    name,
                    "quantize"
                        | "normalize"
                        | "sqrt"
                        | "is_zero"
                        | "is_signed"
                        | "is_nan"
                        | "is_infinite"
                        | "is_finite"
                        | "adjusted"
                        | "to_integral_value"
                        | "to_integral"
                        | "as_tuple"
                        | "copy_abs"
                        | "copy_negate"
                        | "compare"
                ) =>
            {
                return bm(name);
            }
            Value::Func(f) => {
                if let Some(v) = f.attr(name) {
                    return Ok(v);
                }
                match name {
                    "__name__" => return Ok(Value::Str(f.name.clone())),
                    "__qualname__" => return Ok(Value::Str(f.qualname())),
                    "__doc__" => return Ok(docstring(f)),
                    // (The defaults evaluated when it was defined: shared, as a mutable
                    // default is.)
                    "__defaults__" => {
                        return Ok(if f.defaults.is_empty() {
                            Value::None
                        } else {
                            Value::tuple(f.defaults.clone())
                        });
                    }
                    "__kwdefaults__" => {
                        return Ok(if f.kw_defaults.is_empty() {
                            Value::None
                        } else {
                            Value::dict_of(
                                (f.kw_defaults.iter())
                                    .map(|(k, v)| (Value::str(k), v.clone()))
                                    .collect(),
                            )
                        });
                    }
                    "__module__" => return Ok(Value::str("__main__")),
                    "__dict__" => {
                        let attrs = f.attrs.borrow();
                        let items = attrs.iter().filter(|(k, _)| !k.starts_with("__"));
                        return Ok(Value::dict_of(
                            items
                                .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                                .collect(),
                        ));
                    }
                    _ => {}
                }
            }
            // A bound method: its function's name and docstring, `__self__`, `__func__`.
            Value::Method(m) => match (name, &m.1) {
                ("__name__", Value::Func(f)) => return Ok(Value::Str(f.name.clone())),
                ("__qualname__", Value::Func(f)) => return Ok(Value::Str(f.qualname())),
                ("__doc__", Value::Func(f)) => return Ok(docstring(f)),
                ("__self__", _) => return Ok(m.0.clone()),
                ("__func__", _) => return Ok(m.1.clone()),
                _ => {}
            },
            Value::Builtin(n) => {
                if name == "__name__" {
                    return Ok(Value::str(n.rsplit('.').next().unwrap_or(n)));
                }
                if let Some(v) = self.builtin_attr(n, name)? {
                    return Ok(v);
                }
            }
            Value::Native(n) => return self.native_getattr(n.clone(), obj, name),
            _ => {}
        }
        let tn = self.type_name(obj);
        match obj {
            Value::Builtin(n)
                if super::builtins::is_type_name(n)
                    || n.contains('.')
                    || super::builtins::is_module_like(n) =>
            {
                if super::builtins::is_module_like(n) {
                    self.raise(
                        "AttributeError",
                        format!("module '{n}' has no attribute '{name}'"),
                    )
                } else {
                    self.raise(
                        "AttributeError",
                        format!("type object '{n}' has no attribute '{name}'"),
                    )
                }
            }
            _ => self.raise(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{name}'",
                    c_type_name(obj, &tn)
                ),
            ),
        }
    }

    fn arg_str(&mut self, args: &[Value], i: usize, what: &str) -> R<Option<String>> {
        match args.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(v) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("{what} arg must be None or str, not {t}"),
                )
            }
        }
    }

    /// Calls a method of a builtin value.
    pub fn call_method(&mut self, recv: &Value, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let min = method_min_args(recv, name);
        if args.len() < min {
            let n = args.len();
            let plural = if min == 1 { "" } else { "s" };
            return self.raise(
                "TypeError",
                if min == 1
                    && matches!(
                        name,
                        "append"
                            | "remove"
                            | "index"
                            | "count"
                            | "add"
                            | "discard"
                            | "extend"
                            | "join"
                    )
                {
                    let owner = match recv {
                        Value::List(_) => "list.",
                        Value::Set(_) => "set.",
                        Value::Str(_) => "str.",
                        _ => "",
                    };
                    format!("{owner}{name}() takes exactly one argument ({n} given)")
                } else {
                    format!("{name} expected at least {min} argument{plural}, got {n}")
                },
            );
        }
        match recv {
            Value::Str(s) => self.str_method(s.clone(), name, args, kw),
            // (A relationship collection's changes reach the ORM: backrefs, cascades.)
            Value::List(l)
                if self.is_collection(l)
                    && matches!(
                        name,
                        "append" | "extend" | "remove" | "insert" | "pop" | "clear"
                    ) =>
            {
                self.collection_edit(l, ListEdit::Call(name, args, kw))
            }
            Value::List(l) => self.list_method(l.clone(), name, args, kw),
            Value::Tuple(t) => self.tuple_method(t, name, args),
            Value::Dict(d) => self.dict_method(d.clone(), name, args, kw),
            Value::Set(d) => self.set_method(recv, d.clone(), name, args),
            Value::Int(i) => Ok(Value::int(i.bit_length() as i64)),
            Value::Float(f) => Ok(Value::Bool(crate::core::py::float::float_is_integer(*f))),
            Value::Date(d) => match name {
                "isoformat" => Ok(Value::str(&d.isoformat())),
                "strftime" => {
                    let f = self.arg_str(&args, 0, "strftime")?.unwrap_or_default();
                    Ok(Value::str(&d.strftime(&f)))
                }
                "weekday" => Ok(Value::int(d.weekday() as i64)),
                "isoweekday" => Ok(Value::int(d.isoweekday() as i64)),
                "isocalendar" => Ok(iso_calendar(d)),
                "timetuple" => Ok(time_tuple(d, [0, 0, 0])),
                "toordinal" => Ok(Value::int(d.toordinal())),
                // C's asctime(): the day of the month padded with a space.
                "ctime" => Ok(Value::str(&format!(
                    "{} {:>2} 00:00:00 {}",
                    d.strftime("%a %b"),
                    d.day(),
                    d.year()
                ))),
                "replace" => {
                    let f = self.replaced_fields(
                        &[d.year() as i64, d.month() as i64, d.day() as i64],
                        &args,
                        &kw,
                    )?;
                    Ok(Value::Date(self.py(
                        crate::core::py::datetime::Date::new(f[0], f[1], f[2]),
                    )?))
                }
                _ => self.unsupported(&format!("`date.{name}`")),
            },
            Value::DateTime(d) => match name {
                "isoformat" => {
                    let kwarg = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v);
                    let sep = match args.first().or_else(|| kwarg("sep")) {
                        None => 'T',
                        Some(Value::Str(s)) if s.chars().count() == 1 => {
                            s.chars().next().unwrap_or('T')
                        }
                        Some(_) => {
                            return self.raise(
                                "TypeError",
                                "isoformat() argument 1 must be a unicode character, not str",
                            );
                        }
                    };
                    let spec = match args.get(1).or_else(|| kwarg("timespec")) {
                        None => "auto".to_string(),
                        Some(Value::Str(s)) => s.to_string(),
                        Some(v) => {
                            let t = self.type_name(v);
                            return self.raise(
                                "TypeError",
                                format!("isoformat() argument 2 must be str, not {t}"),
                            );
                        }
                    };
                    Ok(Value::str(&self.py(d.isoformat(sep, &spec))?))
                }
                "strftime" => {
                    let f = self.arg_str(&args, 0, "strftime")?.unwrap_or_default();
                    Ok(Value::str(&d.strftime(&f)))
                }
                "date" => Ok(Value::Date(d.date())),
                "time" => Ok(Value::Time(self.py(
                    crate::core::py::time_of_day::Time::new(
                        d.hour() as i64,
                        d.minute() as i64,
                        d.second() as i64,
                        d.microsecond() as i64,
                    ),
                )?)),
                "ctime" => Ok(Value::str(&format!(
                    "{} {:>2} {}",
                    d.strftime("%a %b"),
                    d.day(),
                    d.strftime("%H:%M:%S %Y")
                ))),
                "weekday" => Ok(Value::int(d.date().weekday() as i64)),
                "toordinal" => Ok(Value::int(d.date().toordinal())),
                "isoweekday" => Ok(Value::int(d.date().isoweekday() as i64)),
                "isocalendar" => Ok(iso_calendar(&d.date())),
                "timetuple" => Ok(time_tuple(
                    &d.date(),
                    [d.hour() as i64, d.minute() as i64, d.second() as i64],
                )),
                // Seconds since the epoch (a naive value in the page's time zone, UTC), as
                // CPython divides the microseconds: exactly.
                "timestamp" => {
                    let days = d.date().toordinal() - 719_163;
                    let secs = days * 86_400
                        + d.hour() as i64 * 3600
                        + d.minute() as i64 * 60
                        + d.second() as i64;
                    let micros = secs as i128 * 1_000_000 + d.microsecond() as i128;
                    Ok(Value::Float(micros as f64 / 1e6))
                }
                "astimezone" => match args.first() {
                    // The page's local time zone is UTC.
                    None | Some(Value::None) => Ok(Value::datetime(d.with_utc(true))),
                    Some(v) if is_utc(v) => Ok(Value::datetime(d.with_utc(true))),
                    Some(_) => self.unsupported("time zones other than `timezone.utc`"),
                },
                "replace" => {
                    let mut kw = kw;
                    let mut utc = d.is_utc();
                    if let Some(i) = kw.iter().position(|(k, _)| &**k == "tzinfo") {
                        let (_, tz) = kw.remove(i);
                        utc = match tz {
                            Value::None => false,
                            v if is_utc(&v) => true,
                            _ => return self.unsupported("time zones other than `timezone.utc`"),
                        };
                    }
                    let f = self.replaced_fields(
                        &[
                            d.year() as i64,
                            d.month() as i64,
                            d.day() as i64,
                            d.hour() as i64,
                            d.minute() as i64,
                            d.second() as i64,
                            d.microsecond() as i64,
                        ],
                        &args,
                        &kw,
                    )?;
                    Ok(Value::datetime(
                        self.py(crate::core::py::datetime::DateTime::new(
                            f[0], f[1], f[2], f[3], f[4], f[5], f[6],
                        ))?
                        .with_utc(utc),
                    ))
                }
                _ => self.unsupported(&format!("`datetime.{name}`")),
            },
            Value::Property(p) => {
                let [f] = args.as_slice() else {
                    return self.raise(
                        "TypeError",
                        format!("property.{name}() takes exactly one argument"),
                    );
                };
                let (fget, fset) = property_parts(p);
                let fdel = property_deleter(p);
                let (fget, fset, fdel) = match name {
                    "setter" => (fget, f.clone(), fdel),
                    "deleter" => (fget, fset, f.clone()),
                    _ => (f.clone(), fset, fdel),
                };
                Ok(Value::Property(Rc::new(make_property(fget, fset, fdel))))
            }
            Value::TimeDelta(t) => Ok(Value::Float(t.total_seconds())),
            Value::Time(t) => match name {
                "isoformat" => {
                    let spec = args
                        .first()
                        .or_else(|| kw.iter().find(|(k, _)| &**k == "timespec").map(|(_, v)| v));
                    let spec = match spec {
                        Some(Value::Str(s)) => s.to_string(),
                        _ => "auto".to_string(),
                    };
                    Ok(Value::str(&self.py(t.isoformat(&spec))?))
                }
                "strftime" => {
                    let f = self.arg_str(&args, 0, "strftime")?.unwrap_or_default();
                    Ok(Value::str(&t.strftime(&f)))
                }
                "replace" => {
                    let f = self.replaced_fields_named(
                        &[
                            t.hour() as i64,
                            t.minute() as i64,
                            t.second() as i64,
                            t.microsecond() as i64,
                        ],
                        &super::builtins::DATETIME_FIELDS[3..],
                        &args,
                        &kw,
                    )?;
                    Ok(Value::Time(self.py(
                        crate::core::py::time_of_day::Time::new(f[0], f[1], f[2], f[3]),
                    )?))
                }
                _ => self.unsupported(&format!("`time.{name}`")),
            },
            Value::Decimal(d) => self.decimal_method(&d.clone(), name, &args, &kw),
            Value::Instance(_) => match name {
                "__model_init__" => {
                    if let Value::Instance(i) = recv {
                        self.model_default_init(i, args, kw)?;
                    }
                    Ok(Value::None)
                }
                // `<p>description</p>`, HTML-escaped, newlines as `<br>` (werkzeug).
                "get_description" => {
                    let d = self.getattr(recv, "description")?;
                    let d = self.to_str(&d)?;
                    let mut out = String::from("<p>");
                    for c in d.chars() {
                        match c {
                            '&' => out.push_str("&amp;"),
                            '<' => out.push_str("&lt;"),
                            '>' => out.push_str("&gt;"),
                            '"' => out.push_str("&#34;"),
                            '\'' => out.push_str("&#39;"),
                            '\n' => out.push_str("<br>"),
                            c => out.push(c),
                        }
                    }
                    out.push_str("</p>");
                    Ok(Value::str(&out))
                }
                // `super().__str__()` and the like, past every class's own: the base's.
                "__super_str__" => match recv {
                    Value::Instance(i) if i.class.lookup_is_exception() => {
                        Ok(Value::str(&super::exceptions::exc_default_str(self, i)?))
                    }
                    Value::Instance(i) if self.is_enum_member(i) => {
                        Ok(Value::str(&self.enum_str(&i.clone(), &recv.clone())?))
                    }
                    // (`object.__str__` is `repr(self)`, the class's own `__repr__` first.)
                    _ => Ok(Value::str(&self.repr(recv)?)),
                },
                "__super_repr__" => match recv {
                    Value::Instance(i) => Ok(Value::str(&self.base_repr(i)?)),
                    _ => Ok(Value::str(&self.repr(recv)?)),
                },
                "__super_eq__" => {
                    let same = matches!((recv, args.first()), (Value::Instance(a), Some(Value::Instance(b))) if Rc::ptr_eq(a, b));
                    Ok(Value::Bool(same))
                }
                // `object.__ne__` inverts what `==` answers (the class's own `__eq__`).
                "__super_ne__" => {
                    let other = args.first().cloned().unwrap_or(Value::None);
                    Ok(Value::Bool(!self.eq(recv, &other)?))
                }
                "__super_hash__" => match recv {
                    Value::Instance(i) => Ok(Value::int((Rc::as_ptr(i) as usize >> 4) as i64)),
                    _ => Ok(Value::int(0)),
                },
                "__exc_init__" => {
                    if let Value::Instance(i) = recv {
                        i.dict
                            .borrow_mut()
                            .insert(Rc::from("args"), Value::tuple(args));
                    }
                    Ok(Value::None)
                }
                _ => Ok(Value::None),
            },
            Value::Native(n) => self.native_method(n.clone(), name, args, kw),
            // `functools.wraps(f)` (a method of `f`, see stdlib.rs) applied to a wrapper: it
            // takes `f`'s name, qualified name and docstring, and `__wrapped__`.
            Value::Func(wrapped) if name == "__wraps__" => {
                if let Some(Value::Func(f)) = args.first() {
                    f.set_attr("__name__", Value::Str(wrapped.name.clone()));
                    f.set_attr("__qualname__", Value::Str(wrapped.qualname()));
                    let doc = wrapped
                        .attr("__doc__")
                        .unwrap_or_else(|| docstring(wrapped));
                    f.set_attr("__doc__", doc);
                    f.set_attr("__wrapped__", recv.clone());
                }
                Ok(args.into_iter().next().unwrap_or(Value::None))
            }
            _ => {
                let tn = self.type_name(recv);
                self.raise(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute '{name}'",
                        c_type_name(recv, &tn)
                    ),
                )
            }
        }
    }

    /// Checks the positional argument count of a builtin.
    pub fn nargs(&self, name: &str, args: &[Value], min: usize, max: usize) -> R<()> {
        if args.len() < min || args.len() > max {
            if min == max {
                return self.raise(
                    "TypeError",
                    format!("{name}() takes exactly one argument ({} given)", args.len()),
                );
            }
            return self.raise(
                "TypeError",
                format!(
                    "{name} expected at most {max} arguments, got {}",
                    args.len()
                ),
            );
        }
        Ok(())
    }
}

/// Minimum positional arguments of builtin-type methods (checked before indexing `args`).
fn method_min_args(recv: &Value, name: &str) -> usize {
    match (recv, name) {
        (Value::List(_), "append" | "extend" | "remove" | "index" | "count") => 1,
        (Value::List(_), "insert") => 2,
        (Value::Tuple(_), _) => 1,
        (Value::Dict(_), "get" | "pop" | "setdefault") => 1,
        (
            Value::Set(_),
            "add"
            | "discard"
            | "remove"
            | "union"
            | "intersection"
            | "difference"
            | "issubset"
            | "issuperset"
            | "symmetric_difference"
            | "isdisjoint",
        ) => 1,
        (
            Value::Str(_),
            "join" | "startswith" | "endswith" | "find" | "rfind" | "index" | "count" | "zfill"
            | "ljust" | "rjust" | "center" | "partition" | "rpartition" | "removeprefix"
            | "removesuffix",
        ) => 1,
        (Value::Str(_), "replace") => 2,
        (Value::Decimal(_), "quantize") => 1,
        _ => 0,
    }
}

/// A property's getter and setter (`None` when it has none). A property is stored as
/// its getter, or as the tuple `(getter, setter)` once `@prop.setter` gave it one.
pub fn property_parts(p: &Value) -> (Value, Value) {
    match p {
        Value::Tuple(t) if t.len() >= 2 => (t[0].clone(), t[1].clone()),
        other => (other.clone(), Value::None),
    }
}

/// A property's deleter (`@x.deleter`), `None` without one.
pub fn property_deleter(p: &Value) -> Value {
    match p {
        Value::Tuple(t) if t.len() == 3 => t[2].clone(),
        _ => Value::None,
    }
}

/// A property's parts as stored: the getter alone, `(getter, setter)`, or `(getter,
/// setter, deleter)`.
pub fn make_property(fget: Value, fset: Value, fdel: Value) -> Value {
    match (&fset, &fdel) {
        (Value::None, Value::None) => fget,
        (_, Value::None) => Value::tuple(vec![fget, fset]),
        _ => Value::tuple(vec![fget, fset, fdel]),
    }
}

/// A standard library named tuple (`DecimalTuple(sign=0, digits=(1,), exponent=0)`).
pub(super) fn named_tuple(name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    Value::Native(Rc::new(crate::core::interp::orm::Native::Named(
        Rc::from(name),
        crate::core::interp::orm::result::RowObj {
            keys: Rc::new(fields.iter().map(|f| Rc::from(*f)).collect()),
            values: Rc::new(values),
            orm: false,
            sources: None,
        },
    )))
}

/// A function's `__doc__`: the string its body starts with, else `None`.
fn docstring(f: &crate::core::interp::value::Function) -> Value {
    use crate::core::lang::ast::{ExprKind, StmtKind};
    if let crate::core::interp::value::FuncBody::Block(b) = &f.body
        && let Some(first) = b.first()
        && let StmtKind::Expr(e) = &first.kind
        && let ExprKind::Str(t) = &e.kind
    {
        return Value::str(t);
    }
    Value::None
}

/// The name an AttributeError gives the type of `v` (`tn`, its `type().__name__`): the
/// module-qualified one for the C types of `datetime` and `decimal` (`'datetime.date'
/// object has no attribute 'hour'`), as their `tp_name` reads.
fn c_type_name<'a>(v: &Value, tn: &'a str) -> std::borrow::Cow<'a, str> {
    match v {
        Value::Date(_) | Value::DateTime(_) | Value::TimeDelta(_) | Value::Time(_) => {
            format!("datetime.{tn}").into()
        }
        Value::Decimal(_) => "decimal.Decimal".into(),
        _ => tn.into(),
    }
}
