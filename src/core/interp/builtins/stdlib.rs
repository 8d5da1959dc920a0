//! Functions of the standard-library modules scripts use: the `datetime`/`date`/`timedelta`
//! and `Decimal` constructors, `datetime.*`/`date.*`, `json.dumps`/`json.loads` (the value
//! conversion is in `json_convert.rs`), `time.*` and `math.*`.

use std::rc::Rc;

use crate::core::py::Int;
use crate::core::py::datetime::{Date, DateTime};
use crate::core::py::decimal::Decimal;
use crate::core::py::timedelta::{TdNum, TimeDelta, TimeDeltaArgs};

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// `datetime`'s fields in constructor order (`date` uses the first three).
pub(crate) const DATETIME_FIELDS: [&str; 7] = [
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "microsecond",
];

impl Interp<'_> {
    /// Now, from the backend's wall clock (UTC; the page's and the CLI's local time zone is
    /// UTC too), or a fixed 2024-01-01 12:00 without one.
    fn wall_clock(&self) -> crate::core::py::PyResult<DateTime> {
        match self.backend.unix_time_us() {
            Some(us) => DateTime::from_date(Date::new(1970, 1, 1)?).add(
                &crate::core::py::timedelta::TimeDelta::from_micros(us as i128)?,
            ),
            None => DateTime::new(2024, 1, 1, 12, 0, 0, 0),
        }
    }

    /// `json.JSONEncoder`, made on first use: a class a script subclasses for
    /// `json.dumps(..., cls=...)`, its `default()` refusing what it is given.
    pub(crate) fn json_encoder_class(&mut self) -> std::rc::Rc<crate::core::interp::value::Class> {
        if let Some(c) = self.exc.get("json.JSONEncoder") {
            return c.clone();
        }
        let c = crate::core::interp::exceptions::make_class(
            "JSONEncoder",
            vec![self.object_class.clone()],
            false,
        );
        for m in ["default", "__init__", "encode"] {
            let name = format!("json.JSONEncoder.{m}");
            c.set(m, Value::Builtin(std::rc::Rc::from(name.as_str())));
        }
        self.exc.insert("json.JSONEncoder", c.clone());
        c
    }

    /// The standard-library module functions (`datetime(...)`, `json.dumps`, `math.sqrt`...).
    pub(super) fn call_stdlib_builtin(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        match name {
            "datetime" => {
                let mut kw = kw;
                let mut utc = false;
                if let Some(i) = kw.iter().position(|(k, _)| &**k == "tzinfo") {
                    utc = match kw.remove(i).1 {
                        Value::None => false,
                        v if crate::core::interp::methods::is_utc(&v) => true,
                        _ => return self.unsupported("time zones other than `timezone.utc`"),
                    };
                }
                let mut n = [0i64; 7];
                let names = DATETIME_FIELDS;
                if args.len() < 3 && kw.is_empty() {
                    return self.raise(
                        "TypeError",
                        format!(
                            "function missing required argument '{}' (pos {})",
                            names[args.len()],
                            args.len() + 1
                        ),
                    );
                }
                for (i, a) in args.iter().enumerate().take(7) {
                    n[i] = self.int_arg(a)?;
                }
                for (k, v) in &kw {
                    match names.iter().position(|x| *x == &**k) {
                        Some(p) => n[p] = self.int_arg(v)?,
                        None => {
                            return self.raise(
                                "TypeError",
                                format!("'{k}' is an invalid keyword argument for this function"),
                            );
                        }
                    }
                }
                Ok(Value::datetime(
                    self.py(DateTime::new(n[0], n[1], n[2], n[3], n[4], n[5], n[6]))?
                        .with_utc(utc),
                ))
            }
            "datetime.time" => {
                let mut n = [0i64; 4];
                let names = &DATETIME_FIELDS[3..];
                if args.len() > 4 {
                    return self.unsupported("`time()` with a tzinfo");
                }
                for (i, a) in args.iter().enumerate() {
                    n[i] = self.int_arg(a)?;
                }
                for (k, v) in &kw {
                    match names.iter().position(|x| *x == &**k) {
                        Some(p) => n[p] = self.int_arg(v)?,
                        None if &**k == "tzinfo" => {
                            return self.unsupported("`time()` with a tzinfo");
                        }
                        None => {
                            return self.raise(
                                "TypeError",
                                format!("'{k}' is an invalid keyword argument for this function"),
                            );
                        }
                    }
                }
                Ok(Value::Time(self.py(
                    crate::core::py::time_of_day::Time::new(n[0], n[1], n[2], n[3]),
                )?))
            }
            "date" => {
                let names = ["year", "month", "day"];
                // (Positional, then by keyword: `date(2024, month=7, day=1)`.)
                let mut given: Vec<Option<Value>> = vec![None; 3];
                for (i, a) in args.iter().enumerate() {
                    if i >= 3 {
                        return self.raise(
                            "TypeError",
                            format!("function takes at most 3 arguments ({} given)", args.len()),
                        );
                    }
                    given[i] = Some(a.clone());
                }
                // (A missing argument is reported before a repeated or unknown keyword.)
                let mut misplaced = None;
                for (k, v) in &kw {
                    match names.iter().position(|n| **n == **k) {
                        Some(i) if given[i].is_none() => given[i] = Some(v.clone()),
                        Some(i) => {
                            misplaced.get_or_insert(format!(
                                "argument for function given by name ('{k}') and position ({})",
                                i + 1
                            ));
                        }
                        None => {
                            misplaced.get_or_insert(format!(
                                "'{k}' is an invalid keyword argument for this function"
                            ));
                        }
                    }
                }
                let mut n = [0i64; 3];
                if let Some(missing) = given.iter().position(Option::is_none) {
                    return self.raise(
                        "TypeError",
                        format!(
                            "function missing required argument '{}' (pos {})",
                            names[missing],
                            missing + 1
                        ),
                    );
                }
                if let Some(m) = misplaced {
                    return self.raise("TypeError", m);
                }
                for (i, a) in given.iter().flatten().enumerate() {
                    n[i] = self.int_arg(a)?;
                }
                Ok(Value::Date(self.py(Date::new(n[0], n[1], n[2]))?))
            }
            "timedelta" => {
                let mut a = TimeDeltaArgs::default();
                let names = [
                    "days",
                    "seconds",
                    "microseconds",
                    "milliseconds",
                    "minutes",
                    "hours",
                    "weeks",
                ];
                let mut set = |k: &str, v: TdNum| match k {
                    "days" => a.days = v,
                    "seconds" => a.seconds = v,
                    "microseconds" => a.microseconds = v,
                    "milliseconds" => a.milliseconds = v,
                    "minutes" => a.minutes = v,
                    "hours" => a.hours = v,
                    _ => a.weeks = v,
                };
                for (i, v) in args.iter().enumerate() {
                    let t = self.td_num(v)?;
                    set(names[i.min(6)], t);
                }
                for (k, v) in &kw {
                    if !names.contains(&&**k) {
                        return self.raise(
                            "TypeError",
                            format!("'{k}' is an invalid keyword argument for __new__()"),
                        );
                    }
                    let t = self.td_num(v)?;
                    set(k, t);
                }
                Ok(Value::timedelta(self.py(TimeDelta::from_args(&a))?))
            }
            "Decimal" => match args.first() {
                None => Ok(Value::Decimal(Rc::new(self.py(Decimal::parse("0"))?))),
                Some(Value::Str(s)) => match Decimal::parse(s) {
                    Ok(d) => Ok(Value::Decimal(Rc::new(d))),
                    Err(_) => self.py(Err(crate::core::py::PyErr::new(
                        crate::core::py::error::PyErrKind::InvalidOperation,
                        "[<class 'decimal.ConversionSyntax'>]",
                    ))),
                },
                Some(Value::Int(i)) => Ok(Value::Decimal(Rc::new(Decimal::from_int(i)))),
                Some(Value::Float(f)) => Ok(Value::Decimal(Rc::new(Decimal::from_f64(*f)))),
                Some(Value::Decimal(d)) => Ok(Value::Decimal(d.clone())),
                Some(v) => {
                    let t = self.type_name(v);
                    self.raise(
                        "TypeError",
                        format!("conversion from {t} to Decimal is not supported"),
                    )
                }
            },
            // (A float's exact binary value, every digit of it.)
            "Decimal.from_float" => match &args[0] {
                Value::Float(f) => Ok(Value::Decimal(Rc::new(Decimal::from_f64(*f)))),
                Value::Int(i) => Ok(Value::Decimal(Rc::new(Decimal::from_int(i)))),
                Value::Bool(b) => Ok(Value::Decimal(Rc::new(Decimal::from_int(&Int::from(
                    i64::from(*b),
                ))))),
                _ => self.raise("TypeError", "argument must be int or float"),
            },
            "datetime.utcnow" | "datetime.now" | "datetime.today" => {
                let utc = match args
                    .first()
                    .or(kw.iter().find(|(k, _)| &**k == "tz").map(|(_, v)| v))
                {
                    None | Some(Value::None) => false,
                    Some(v) if crate::core::interp::methods::is_utc(v) => true,
                    Some(_) => return self.unsupported("time zones other than `timezone.utc`"),
                };
                Ok(Value::datetime(self.py(self.wall_clock())?.with_utc(utc)))
            }
            "date.today" => Ok(Value::Date(self.py(self.wall_clock())?.date())),
            "datetime.fromisoformat" => match args.first() {
                Some(Value::Str(s)) => Ok(Value::datetime(self.py(DateTime::fromisoformat(s))?)),
                _ => self.raise("TypeError", "fromisoformat: argument must be str"),
            },
            "date.fromisoformat" => match args.first() {
                Some(Value::Str(s)) => Ok(Value::Date(self.py(Date::fromisoformat(s))?)),
                _ => self.raise("TypeError", "fromisoformat: argument must be str"),
            },
            "date.fromordinal" | "datetime.fromordinal" => {
                let n = match &args[0] {
                    Value::Int(i) => i.to_i64().unwrap_or(i64::MAX),
                    Value::Bool(b) => *b as i64,
                    v => {
                        let t = self.type_name(v);
                        let m = format!("'{t}' object cannot be interpreted as an integer");
                        return self.raise("TypeError", m);
                    }
                };
                if n < 1 {
                    return self.raise("ValueError", "ordinal must be >= 1");
                }
                if n > 3_652_059 {
                    let y = ordinal_year(n);
                    return self.raise("ValueError", format!("year {y} is out of range"));
                }
                let d = self.py(Date::fromordinal(n))?;
                Ok(match name {
                    "date.fromordinal" => Value::Date(d),
                    _ => Value::datetime(DateTime::from_date(d)),
                })
            }
            // (The local time zone is UTC here, as `now()` has it.)
            "date.fromtimestamp" | "datetime.fromtimestamp" | "datetime.utcfromtimestamp" => {
                let us: i128 = match &args[0] {
                    Value::Int(i) => i128::from(i.to_i64().unwrap_or(i64::MAX)) * 1_000_000,
                    Value::Bool(b) => i128::from(*b as i64) * 1_000_000,
                    Value::Float(f) if f.is_finite() && f.abs() < 1e14 => {
                        (f * 1e6).round_ties_even() as i128
                    }
                    Value::Float(f) if f.is_nan() => {
                        return self.raise("ValueError", "Invalid value NaN (not a number)");
                    }
                    Value::Float(_) => {
                        return self.raise(
                            "OverflowError",
                            "timestamp out of range for platform time_t",
                        );
                    }
                    v => {
                        let t = self.type_name(v);
                        let m = format!("'{t}' object cannot be interpreted as an integer");
                        return self.raise("TypeError", m);
                    }
                };
                let epoch = DateTime::from_date(self.py(Date::new(1970, 1, 1))?);
                let td = self.py(TimeDelta::from_micros(us))?;
                let dt = match epoch.add(&td) {
                    Ok(dt) => dt,
                    Err(_) => return self.raise("ValueError", "year is out of range"),
                };
                Ok(match name {
                    "date.fromtimestamp" => Value::Date(dt.date()),
                    _ => Value::datetime(dt),
                })
            }
            "date.fromisocalendar" | "datetime.fromisocalendar" => {
                let mut n = [0i64; 3];
                for (i, a) in args.iter().enumerate().take(3) {
                    n[i] = match a {
                        Value::Int(x) => x.to_i64().unwrap_or(i64::MAX),
                        Value::Bool(b) => *b as i64,
                        v => {
                            let t = self.type_name(v);
                            let m = format!("'{t}' object cannot be interpreted as an integer");
                            return self.raise("TypeError", m);
                        }
                    };
                }
                let [year, week, day] = n;
                if !(1..=9999).contains(&year) {
                    return self.raise("ValueError", format!("Year is out of range: {year}"));
                }
                // (Week 1 holds the year's first Thursday; a year has week 53 when it
                // starts on a Thursday, or on a Wednesday in a leap year.)
                let jan1 = self.py(Date::new(year, 1, 1))?;
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                let weeks = if jan1.weekday() == 3 || (jan1.weekday() == 2 && leap) {
                    53
                } else {
                    52
                };
                if !(1..=weeks).contains(&week) {
                    return self.raise("ValueError", format!("Invalid week: {week}"));
                }
                if !(1..=7).contains(&day) {
                    return self.raise(
                        "ValueError",
                        format!("Invalid day: {day} (range is [1, 7])"),
                    );
                }
                let jan4 = self.py(Date::new(year, 1, 4))?;
                let monday = jan4.toordinal() - i64::from(jan4.weekday());
                let ordinal = monday + (week - 1) * 7 + (day - 1);
                if !(1..=3_652_059).contains(&ordinal) {
                    let y = ordinal_year(ordinal.max(1));
                    return self.raise("ValueError", format!("year {y} is out of range"));
                }
                let d = self.py(Date::fromordinal(ordinal))?;
                Ok(match name {
                    "date.fromisocalendar" => Value::Date(d),
                    _ => Value::datetime(DateTime::from_date(d)),
                })
            }
            "str.maketrans" => self.str_maketrans(&args),
            "dict.fromkeys" => {
                let keys = self.iterate(&args[0])?;
                let v = args.get(1).cloned().unwrap_or(Value::None);
                let d = Value::dict_of(vec![]);
                for k in keys {
                    self.setitem(&d, k, v.clone())?;
                }
                Ok(d)
            }
            "datetime.combine" => {
                let day = match args.first() {
                    Some(Value::Date(d)) => *d,
                    Some(Value::DateTime(d)) => d.date(),
                    Some(v) => {
                        let t = self.type_name(v);
                        let m = format!("combine() argument 1 must be datetime.date, not {t}");
                        return self.raise("TypeError", m);
                    }
                    None => return self.raise("TypeError", "combine() missing argument 'date'"),
                };
                match args.get(1) {
                    Some(Value::Time(t)) => {
                        Ok(Value::datetime(self.py(DateTime::combine(day, t))?))
                    }
                    v => {
                        let t = v.map_or("NoneType".into(), |v| self.type_name(v));
                        let m = format!("combine() argument 2 must be datetime.time, not {t}");
                        self.raise("TypeError", m)
                    }
                }
            }
            "datetime.strptime" => match (args.first(), args.get(1)) {
                (Some(Value::Str(s)), Some(Value::Str(f))) => {
                    Ok(Value::datetime(self.py(DateTime::strptime(s, f))?))
                }
                _ => self.raise("TypeError", "strptime() argument 1 must be str"),
            },
            // `JSONEncoder.default(o)`: what a subclass's `super().default(o)` reaches.
            "json.JSONEncoder.default" => {
                let t = match args.last() {
                    Some(o) => self.type_name(o),
                    None => "NoneType".into(),
                };
                self.raise(
                    "TypeError",
                    format!("Object of type {t} is not JSON serializable"),
                )
            }
            // `JSONEncoder(sort_keys=..., indent=...)`: the options, kept on the encoder.
            "json.JSONEncoder.__init__" => {
                if let Some(this) = args.first() {
                    for (k, v) in &kw {
                        self.setattr(this, k, v.clone())?;
                    }
                }
                Ok(Value::None)
            }
            // `encoder.encode(o)`: `json.dumps(o)` with the encoder's options and `default`.
            "json.JSONEncoder.encode" => {
                let (Some(this), Some(o)) = (args.first(), args.get(1)) else {
                    return self.raise(
                        "TypeError",
                        "encode() missing 1 required positional argument: 'o'",
                    );
                };
                let mut opts: Kw = vec![];
                for k in ["sort_keys", "indent", "separators", "ensure_ascii"] {
                    if let Value::Instance(i) = this
                        && let Some(v) = i.dict.borrow().get(k).cloned()
                    {
                        opts.push((std::rc::Rc::from(k), v));
                    }
                }
                let default = self.getattr(this, "default")?;
                opts.push((std::rc::Rc::from("default"), default));
                self.call_builtin("json.dumps", vec![o.clone()], opts)
            }
            "json.dumps" => {
                let mut default = kw
                    .iter()
                    .find(|(k, _)| &**k == "default")
                    .map(|(_, v)| v.clone())
                    .filter(|v| !matches!(v, Value::None));
                // `cls=MyEncoder`: an encoder made with the keywords, its `default`
                // method serializing what JSON has no form for.
                if let Some((_, c @ Value::Class(_))) = kw.iter().find(|(k, _)| &**k == "cls")
                    && default.is_none()
                {
                    let enc = self.call(c, vec![], vec![])?;
                    default = Some(self.getattr(&enc, "default")?);
                }
                let sort = match kw.iter().find(|(k, _)| &**k == "sort_keys") {
                    Some((_, v)) => self.truthy(v)?,
                    None => false,
                };
                let skip = match kw.iter().find(|(k, _)| &**k == "skipkeys") {
                    Some((_, v)) => self.truthy(v)?,
                    None => false,
                };
                let saved = std::mem::replace(&mut self.json_skip_keys, skip);
                let j = self.to_json_with(&args[0], default, sort);
                self.json_skip_keys = saved;
                let j = j?;
                let mut opts = crate::core::py::json::DumpOptions::default();
                for (k, v) in &kw {
                    match (&**k, v) {
                        ("indent", Value::Int(i)) => {
                            opts.indent = Some(crate::core::py::json::Indent::Spaces(
                                i.to_i64().unwrap_or(0),
                            ))
                        }
                        ("indent", Value::Str(i)) => {
                            opts.indent = Some(crate::core::py::json::Indent::Str(i.to_string()))
                        }
                        ("indent", Value::None) => {}
                        // (Sorted as the dicts were encoded.)
                        ("sort_keys", _) => {}
                        ("ensure_ascii", b) => opts.ensure_ascii = self.truthy(b)?,
                        ("allow_nan", b) => opts.allow_nan = self.truthy(b)?,
                        ("default" | "cls", _) => {}
                        ("separators", Value::Tuple(t)) if t.len() == 2 => {
                            if let (Value::Str(a), Value::Str(b)) = (&t[0], &t[1]) {
                                opts.separators = Some((a.to_string(), b.to_string()));
                            }
                        }
                        _ => {}
                    }
                }
                Ok(Value::str(
                    &self.py(crate::core::py::json::dumps(&j, &opts))?,
                ))
            }
            "json.loads" => {
                // (Bytes are decoded as UTF-8 first, as `json.loads` detects it.)
                let text: Option<Rc<str>> = match args.first() {
                    Some(Value::Str(s)) => Some(s.clone()),
                    Some(Value::Native(n)) if let super::super::orm::Native::Bytes(b) = &**n => {
                        match std::str::from_utf8(b) {
                            Ok(s) => Some(Rc::from(s.trim_start_matches('\u{feff}'))),
                            Err(_) => None,
                        }
                    }
                    _ => None,
                };
                match (text, args.first()) {
                    (Some(s), _) => {
                        // The hooks: `parse_float=Decimal` gets each float's text,
                        // `parse_int=` each int's, `object_hook=`/`object_pairs_hook=` each
                        // object (as a dict / a list of pairs).
                        let hook = |name: &str| {
                            kw.iter()
                                .find(|(k, _)| &**k == name)
                                .map(|(_, v)| v.clone())
                                .filter(|v| !matches!(v, Value::None))
                        };
                        let hooks = super::json_convert::JsonHooks {
                            parse_float: hook("parse_float"),
                            parse_int: hook("parse_int"),
                            object: hook("object_hook"),
                            pairs: hook("object_pairs_hook"),
                        };
                        let j = match hooks.parse_float {
                            Some(_) => self.py(crate::core::py::json::loads_raw_floats(&s))?,
                            None => self.py(crate::core::py::json::loads(&s))?,
                        };
                        self.from_json_hooked(&j, &hooks)
                    }
                    (None, Some(v)) => {
                        let t = self.type_name(v);
                        self.raise(
                            "TypeError",
                            format!("the JSON object must be str, bytes or bytearray, not {t}"),
                        )
                    }
                    (None, None) => self.raise(
                        "TypeError",
                        "loads() missing 1 required positional argument: 's'",
                    ),
                }
            }
            // Seconds from the backend's monotonic clock (the SQL log's clock).
            "time.perf_counter" | "time.monotonic" => {
                Ok(Value::Float(self.backend.now_ms() / 1000.0))
            }
            "time.perf_counter_ns" => Ok(Value::int((self.backend.now_ms() * 1e6) as i64)),
            // Seconds since the epoch, from the clock `datetime.now()` reads.
            "time.time" => {
                let us = self.backend.unix_time_us().unwrap_or(1_704_110_400_000_000);
                Ok(Value::Float(us as f64 / 1e6))
            }
            // `@wraps(f)`, `@cache`, `@lru_cache(...)`: the function itself (ormlab's
            // functions carry no metadata to copy, and caching would only save time).
            // `@wraps(f)`: a decorator giving the wrapper `f`'s name, qualified name,
            // docstring and `__wrapped__` (see `Interp::copy_wrapped`).
            "functools.wraps" => Ok(match args.first() {
                Some(f @ Value::Func(_)) => {
                    Value::BuiltinMethod(Rc::new((f.clone(), Rc::from("__wraps__"))))
                }
                _ => Value::Builtin(Rc::from("functools.keep")),
            }),
            "functools.keep" | "functools.cache" => Ok(args[0].clone()),
            "functools.lru_cache" => Ok(match args.first() {
                Some(f) if !matches!(f, Value::Int(_) | Value::None) => f.clone(),
                _ => Value::Builtin(Rc::from("functools.keep")),
            }),
            "functools.reduce" => {
                let mut it = args.into_iter();
                let (f, seq, init) = (it.next(), it.next(), it.next());
                let (Some(f), Some(seq)) = (f, seq) else {
                    return self.not_callable(name);
                };
                let mut items = self.iterate(&seq)?.into_iter();
                let Some(mut acc) = init.or_else(|| items.next()) else {
                    return self.raise(
                        "TypeError",
                        "reduce() of empty iterable with no initial value",
                    );
                };
                for x in items {
                    acc = self.call(&f, vec![acc, x], vec![])?;
                }
                Ok(acc)
            }
            "math.sqrt" => {
                let f = self.float_arg(&args[0])?;
                if f < 0.0 {
                    return self.raise("ValueError", "math domain error");
                }
                Ok(Value::Float(f.sqrt()))
            }
            "math.log10" | "math.log" => {
                let f = self.float_arg(&args[0])?;
                let base = match args.get(1) {
                    Some(b) => Some(self.float_arg(b)?),
                    None => None,
                };
                if f <= 0.0 || base.is_some_and(|b| b <= 0.0 || b == 1.0) {
                    return self.raise("ValueError", "math domain error");
                }
                Ok(Value::Float(match (name, base) {
                    ("math.log10", _) => f.log10(),
                    (_, Some(b)) => f.ln() / b.ln(),
                    _ => f.ln(),
                }))
            }
            "math.fabs" => Ok(Value::Float(self.float_arg(&args[0])?.abs())),
            "math.isnan" => Ok(Value::Bool(self.float_arg(&args[0])?.is_nan())),
            "math.isinf" => Ok(Value::Bool(self.float_arg(&args[0])?.is_infinite())),
            // (Python's defaults: rel_tol=1e-09, abs_tol=0.0.)
            "math.isclose" => {
                let (a, b) = (self.float_arg(&args[0])?, self.float_arg(&args[1])?);
                let close = a == b
                    || (a.is_finite()
                        && b.is_finite()
                        && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()));
                Ok(Value::Bool(close))
            }
            "math.gcd" => {
                let mut g = Value::int(0);
                for a in args {
                    if !matches!(a, Value::Int(_) | Value::Bool(_)) {
                        let t = self.type_name(&a);
                        return self.raise(
                            "TypeError",
                            format!("'{t}' object cannot be interpreted as an integer"),
                        );
                    }
                    // Euclid on Python ints (`%` of the interpreter).
                    let (mut p, mut q) = (g, a);
                    while self.truthy(&q)? {
                        let r = self.binop(crate::core::lang::ast::BinOp::Mod, p, q.clone())?;
                        p = q;
                        q = r;
                    }
                    g = self.call_builtin("abs", vec![p], vec![])?;
                }
                Ok(g)
            }
            "math.trunc" => match &args[0] {
                Value::Int(i) => Ok(Value::Int(i.clone())),
                v => {
                    let f = self.float_arg(v)?;
                    Ok(Value::Int(self.py(Int::from_f64(f.trunc()))?))
                }
            },
            "math.floor" | "math.ceil" => {
                let f = self.float_arg(&args[0])?;
                let r = if name == "math.floor" {
                    f.floor()
                } else {
                    f.ceil()
                };
                Ok(Value::Int(self.py(Int::from_f64(r))?))
            }
            _ => self.not_callable(name),
        }
    }

    fn float_arg(&mut self, v: &Value) -> R<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => self.py(i.to_f64()),
            Value::Bool(b) => Ok(*b as i64 as f64),
            _ => {
                let t = self.type_name(v);
                self.raise("TypeError", format!("must be real number, not {t}"))
            }
        }
    }

    pub(crate) fn int_arg(&mut self, v: &Value) -> R<i64> {
        match v {
            Value::Int(_) | Value::Bool(_) => self.as_index(v),
            _ => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("'{t}' object cannot be interpreted as an integer"),
                )
            }
        }
    }

    fn td_num(&mut self, v: &Value) -> R<TdNum> {
        match v {
            Value::Int(i) => Ok(TdNum::Int(i.to_i64().unwrap_or(0))),
            Value::Bool(b) => Ok(TdNum::Int(*b as i64)),
            Value::Float(f) => Ok(TdNum::Float(*f)),
            _ => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("unsupported type for timedelta days component: {t}"),
                )
            }
        }
    }
}

/// The proleptic Gregorian year of day `n` (day 1 is 0001-01-01), as CPython's
/// `_ord2ymd` finds it, for days past `date.max` too.
fn ordinal_year(n: i64) -> i64 {
    let n = n - 1;
    let (n400, n) = (n.div_euclid(146_097), n.rem_euclid(146_097));
    let (n100, n) = (n / 36_524, n % 36_524);
    let (n4, n) = (n / 1_461, n % 1_461);
    let n1 = n / 365;
    let year = n400 * 400 + 1 + n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 { year - 1 } else { year }
}
