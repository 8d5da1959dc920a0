//! The import machinery: `import x`, `from m import name`, and the attributes of builtin
//! callables used as namespaces (`datetime.utcnow`, `json.dumps`).

use crate::core::interp::orm::sqla_names;
use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

use super::is_sqla_exc;

impl Interp<'_> {
    /// `import x`.
    pub fn import_module(&mut self, name: &str) -> R<Value> {
        match name {
            "json" | "math" | "random" | "time" | "functools" | "re" => {
                Ok(Value::Builtin(Rc::from(name)))
            }
            "typing" => Ok(Value::Native(Rc::new(Native::Module(Rc::from(name))))),
            "datetime" => Ok(Value::Builtin(Rc::from("datetime_module"))),
            "enum"
            | "hashlib"
            | "decimal"
            | "flask"
            | "flask_sqlalchemy"
            | "flask_sqlalchemy.query"
            | "flask_migrate"
            | "sqlalchemy"
            | "sqlalchemy.orm"
            | "sqlalchemy.exc"
            | "sqlalchemy.orm.exc"
            | "sqlalchemy.orm.attributes"
            | "sqlalchemy.dialects"
            | "sqlalchemy.dialects.sqlite"
            | "os"
            | "os.path"
            | "secrets"
            | "sys" => Ok(Value::Native(Rc::new(Native::Module(Rc::from(name))))),
            _ => self.raise("ModuleNotFoundError", format!("No module named '{name}'")),
        }
    }

    /// `from m import name`.
    pub fn import_from(&mut self, module: &str, name: &str) -> R<Value> {
        let v = match (module, name) {
            ("datetime", "datetime" | "date" | "timedelta" | "timezone") => {
                Value::Builtin(Rc::from(name))
            }
            ("datetime", "UTC") => Value::Builtin(Rc::from("timezone.utc")),
            ("functools", "wraps" | "cache" | "lru_cache" | "reduce") => {
                Value::Builtin(Rc::from(format!("functools.{name}").as_str()))
            }
            ("datetime", "time") => Value::Builtin(Rc::from("datetime.time")),
            ("decimal", "Decimal") => Value::Builtin(Rc::from("Decimal")),
            (
                "decimal",
                "InvalidOperation" | "DivisionByZero" | "DecimalException" | "Overflow",
            ) => Value::Class(self.exc[name].clone()),
            ("enum", "Enum") => Value::Class(self.enum_class.clone()),
            ("enum", "IntEnum" | "StrEnum") => self.mixed_enum_class(name),
            ("enum", "auto") => Value::Builtin(Rc::from("enum.auto")),
            // (The rounding modes are strings in Python too.)
            ("decimal", n) if crate::core::py::decimal_ops::Rounding::from_name(n).is_some() => {
                Value::str(n)
            }
            ("json", "dumps" | "loads") => {
                Value::Builtin(Rc::from(format!("json.{name}").as_str()))
            }
            ("json", "JSONDecodeError") => Value::Class(self.exc["JSONDecodeError"].clone()),
            ("json", "JSONEncoder") => Value::Class(self.json_encoder_class()),
            ("flask", "Flask") => Value::Native(Rc::new(Native::SqlaFn(Rc::from("Flask")))),
            ("flask", "request") => Value::Native(Rc::new(Native::Flask(Rc::new(
                crate::core::interp::orm::flask_web::FlaskObj::Request,
            )))),
            (
                "flask",
                "abort"
                | "jsonify"
                | "render_template"
                | "redirect"
                | "url_for"
                | "flash"
                | "session"
                | "g"
                | "make_response"
                | "current_app"
                | "Blueprint"
                | "send_from_directory"
                | "Response"
                | "render_template_string",
            ) => Value::Native(Rc::new(Native::SqlaFn(Rc::from(name)))),
            ("flask_sqlalchemy", "SQLAlchemy") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("SQLAlchemy"))))
            }
            // (The base of a script's query class: `class GetOrQuery(Query)`.)
            ("flask_sqlalchemy.query", "Query") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("db.Query"))))
            }
            ("flask_migrate", "Migrate") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("Migrate"))))
            }
            ("sqlalchemy.exc" | "sqlalchemy.orm.exc", n)
                if self.exc.contains_key(n) && is_sqla_exc(n) =>
            {
                Value::Class(self.exc[n].clone())
            }
            ("hashlib", "md5" | "sha256") => {
                Value::Builtin(Rc::from(format!("hashlib.{name}").as_str()))
            }
            ("werkzeug.security", "generate_password_hash" | "check_password_hash") => {
                Value::Builtin(Rc::from(format!("werkzeug.{name}").as_str()))
            }
            // The reason phrases by status code (the Mega-Tutorial's API errors use them).
            ("werkzeug.http", "HTTP_STATUS_CODES") => {
                let mut items = vec![];
                for entry in HTTP_STATUS_CODES.split('|') {
                    if let Some((code, phrase)) = entry.split_once(':') {
                        items.push((Value::int(code.parse().unwrap_or(0)), Value::str(phrase)));
                    }
                }
                Value::dict_of(items)
            }
            ("werkzeug.exceptions", _)
                if name == "HTTPException"
                    || crate::core::interp::exceptions::http_error(name).is_some() =>
            {
                Value::Class(self.exc[name].clone())
            }
            ("sqlalchemy.orm", "attributes") => Value::Native(Rc::new(Native::Module(Rc::from(
                "sqlalchemy.orm.attributes",
            )))),
            ("sqlalchemy.orm.attributes", n)
                if crate::core::interp::orm::attributes::NAMES.contains(&n) =>
            {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from(
                    format!("attributes.{n}").as_str(),
                ))))
            }
            ("sqlalchemy.dialects.sqlite", "insert") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("sqlite.insert"))))
            }
            // (The engine class, for class-level engine events: the SQLite foreign-keys
            // recipe's `@event.listens_for(Engine, 'connect')`.)
            ("sqlalchemy.engine", "Engine") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from("Engine"))))
            }
            ("sqlalchemy.dialects", "sqlite") => Value::Native(Rc::new(Native::Module(Rc::from(
                "sqlalchemy.dialects.sqlite",
            )))),
            ("sqlalchemy" | "sqlalchemy.orm", "exc") => Value::Native(Rc::new(Native::Module(
                Rc::from(format!("{module}.exc").as_str()),
            ))),
            ("sqlalchemy.sql", "expression") => Value::Native(Rc::new(Native::Module(Rc::from(
                "sqlalchemy.sql.expression",
            )))),
            ("sqlalchemy", _) if !sqla_names::has(name, sqla_names::IN_SQLALCHEMY) => {
                return self.raise(
                    "ImportError",
                    format!("cannot import name '{name}' from 'sqlalchemy'"),
                );
            }
            ("sqlalchemy.orm", _) if !sqla_names::has(name, sqla_names::IN_ORM) => {
                return self.raise(
                    "ImportError",
                    format!("cannot import name '{name}' from 'sqlalchemy.orm'"),
                );
            }
            (
                "sqlalchemy"
                | "sqlalchemy.orm"
                | "sqlalchemy.sql"
                | "sqlalchemy.sql.expression"
                | "sqlalchemy.types"
                | "sqlalchemy.schema",
                _,
            )
            | ("sqlalchemy.ext.hybrid", "hybrid_property" | "hybrid_method") => {
                Value::Native(Rc::new(Native::SqlaFn(Rc::from(name))))
            }
            ("typing", _) => Value::Native(Rc::new(Native::SqlaFn(Rc::from(name)))),
            ("time", "perf_counter" | "perf_counter_ns" | "monotonic" | "time") => {
                Value::Builtin(Rc::from(format!("time.{name}").as_str()))
            }
            // Tutorials build the database path from `os.path` and read settings from
            // the environment; the page has no file system and an empty environment.
            ("os", "path") => Value::Native(Rc::new(Native::Module(Rc::from("os.path")))),
            ("os", "environ") => Value::Dict(Default::default()),
            ("os", "getenv" | "getcwd" | "urandom")
            | ("secrets", "token_bytes" | "token_hex" | "token_urlsafe") => {
                Value::Builtin(Rc::from(format!("{module}.{name}").as_str()))
            }
            ("os", "sep") => Value::str("/"),
            (
                "os.path",
                "join" | "dirname" | "basename" | "abspath" | "normpath" | "exists" | "isfile"
                | "isdir" | "splitext",
            ) => Value::Builtin(Rc::from(format!("os.path.{name}").as_str())),
            ("re", _) => match self.builtin_attr("re", name)? {
                Some(v) => v,
                None => {
                    return self.raise(
                        "ImportError",
                        format!("cannot import name '{name}' from 're'"),
                    );
                }
            },
            ("math", "pi" | "e" | "inf" | "nan") => {
                self.builtin_attr("math", name)?.unwrap_or(Value::None)
            }
            (
                "math",
                "sqrt" | "floor" | "ceil" | "isclose" | "log10" | "log" | "gcd" | "trunc" | "isnan"
                | "isinf" | "fabs",
            ) => Value::Builtin(Rc::from(format!("math.{name}").as_str())),
            _ => {
                let known = [
                    "datetime",
                    "enum",
                    "decimal",
                    "json",
                    "flask",
                    "flask_sqlalchemy",
                    "flask_migrate",
                    "sqlalchemy",
                    "sqlalchemy.exc",
                    "sqlalchemy.orm.exc",
                    "sqlalchemy.orm",
                    "sqlalchemy.orm.attributes",
                    "sqlalchemy.ext.hybrid",
                    "sqlalchemy.engine",
                    "sqlalchemy.dialects",
                    "sqlalchemy.dialects.sqlite",
                    "werkzeug.exceptions",
                    "werkzeug.security",
                    "werkzeug.http",
                    "functools",
                    "hashlib",
                    "math",
                    "time",
                    "os",
                    "os.path",
                    "re",
                    "secrets",
                ];
                if known.contains(&module) {
                    return self.raise(
                        "ImportError",
                        format!("cannot import name '{name}' from '{module}'"),
                    );
                }
                return self.raise("ModuleNotFoundError", format!("No module named '{module}'"));
            }
        };
        Ok(v)
    }

    /// Attributes of builtin callables used as namespaces (`datetime.utcnow`, `json.dumps`).
    pub fn builtin_attr(&mut self, owner: &str, name: &str) -> R<Option<Value>> {
        let full = match (owner, name) {
            ("datetime", "utcnow" | "now" | "strptime" | "fromisoformat" | "combine" | "today") => {
                format!("datetime.{name}")
            }
            ("date", "today" | "fromisoformat") => format!("date.{name}"),
            ("Decimal", "from_float") => "Decimal.from_float".to_string(),
            ("object", "__init__") => "object.__init__".to_string(),
            ("date" | "datetime", "fromordinal" | "fromtimestamp" | "fromisocalendar")
            | ("datetime", "utcfromtimestamp") => format!("{owner}.{name}"),
            // (The smallest difference between two values, and timedelta's bounds.)
            ("date" | "datetime" | "timedelta", "resolution") => {
                use crate::core::py::timedelta::TimeDelta;
                let us: i128 = if owner == "date" { 86_400_000_000 } else { 1 };
                return Ok(Some(Value::timedelta(self.py(TimeDelta::from_micros(us))?)));
            }
            ("timedelta", "max" | "min") => {
                use crate::core::py::timedelta::TimeDelta;
                let td = match name {
                    "max" => TimeDelta::new(999_999_999, 86_399, 999_999),
                    _ => TimeDelta::new(-999_999_999, 0, 0),
                };
                return Ok(Some(Value::timedelta(self.py(td)?)));
            }
            ("datetime" | "date", "min" | "max") => {
                use crate::core::py::datetime::{Date, DateTime};
                let big = name == "max";
                let (y, mo, d) = if big { (9999, 12, 31) } else { (1, 1, 1) };
                let day = self.py(Date::new(y, mo, d))?;
                return Ok(Some(if owner == "date" {
                    Value::Date(day)
                } else if big {
                    Value::datetime(self.py(DateTime::new(y, mo, d, 23, 59, 59, 999_999))?)
                } else {
                    Value::datetime(DateTime::from_date(day))
                }));
            }
            ("dict", "fromkeys") => "dict.fromkeys".to_string(),
            ("str", "maketrans") => "str.maketrans".to_string(),
            ("re", "error") => return Ok(Some(Value::Class(self.exc["re.error"].clone()))),
            ("re", f) if crate::core::words::has(super::re_module::FUNCTIONS, f) => {
                format!("re.{f}")
            }
            ("re", f) => {
                return Ok(super::re_module::flag_value(f).map(Value::int));
            }
            ("json", "dumps" | "loads") => format!("json.{name}"),
            ("json", "JSONDecodeError") => {
                return Ok(Some(Value::Class(self.exc["JSONDecodeError"].clone())));
            }
            ("json", "JSONEncoder") => return Ok(Some(Value::Class(self.json_encoder_class()))),
            (
                "math",
                "sqrt" | "floor" | "ceil" | "isclose" | "log10" | "log" | "gcd" | "trunc" | "isnan"
                | "isinf" | "fabs",
            ) => format!("math.{name}"),
            ("math", "e") => return Ok(Some(Value::Float(std::f64::consts::E))),
            ("math", "inf") => return Ok(Some(Value::Float(f64::INFINITY))),
            ("math", "nan") => return Ok(Some(Value::Float(f64::NAN))),
            ("functools", "wraps" | "cache" | "lru_cache" | "reduce") => {
                format!("functools.{name}")
            }
            ("math", "pi") => return Ok(Some(Value::Float(std::f64::consts::PI))),
            ("time", "perf_counter" | "perf_counter_ns" | "monotonic" | "time") => {
                format!("time.{name}")
            }
            ("datetime_module", "datetime" | "date" | "timedelta" | "timezone") => name.to_string(),
            ("datetime_module" | "timezone", "UTC" | "utc") => "timezone.utc".to_string(),
            ("datetime_module", "time") => "datetime.time".to_string(),
            ("str" | "list" | "dict" | "set" | "tuple" | "int" | "float", _) => {
                // `str.lower`: the method unbound, called with the receiver first.
                let sample = match owner {
                    "str" => Value::str(""),
                    "list" => Value::list(vec![]),
                    "dict" => Value::dict_of(vec![]),
                    "set" => self.call_builtin("set", vec![], vec![])?,
                    "tuple" => Value::tuple(vec![]),
                    "int" => Value::int(0),
                    _ => Value::Float(0.0),
                };
                if name.starts_with('_') || self.getattr(&sample, name).is_err() {
                    return Ok(None);
                }
                format!("unbound:{owner}.{name}")
            }
            // `date.isoformat`, `Decimal.quantize`: a method looked up on its type (as a
            // sort key or json's `default`), called with the receiver first.
            ("date" | "datetime" | "timedelta" | "Decimal", _) if !name.starts_with('_') => {
                use crate::core::py::datetime::{Date, DateTime};
                let sample = match owner {
                    "date" => Value::Date(self.py(Date::new(2000, 1, 1))?),
                    "datetime" => {
                        Value::DateTime(Rc::new(self.py(DateTime::new(2000, 1, 1, 0, 0, 0, 0))?))
                    }
                    "timedelta" => Value::timedelta(
                        self.py(crate::core::py::timedelta::TimeDelta::from_micros(0))?,
                    ),
                    _ => Value::Decimal(Rc::new(
                        self.py(crate::core::py::decimal::Decimal::parse("0"))?,
                    )),
                };
                match self.getattr(&sample, name) {
                    Ok(Value::BuiltinMethod(_)) => format!("unbound:{owner}.{name}"),
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Builtin(Rc::from(full.as_str()))))
    }
}

/// werkzeug's `HTTP_STATUS_CODES`, in its order: `code:phrase` entries joined by `|`.
const HTTP_STATUS_CODES: &str = "100:Continue|101:Switching Protocols|102:Processing|103:Early Hints|200:OK|201:Created|202:Accepted|203:Non Authoritative Information|204:No Content|205:Reset Content|206:Partial Content|207:Multi Status|208:Already Reported|226:IM Used|300:Multiple Choices|301:Moved Permanently|302:Found|303:See Other|304:Not Modified|305:Use Proxy|306:Switch Proxy|307:Temporary Redirect|308:Permanent Redirect|400:Bad Request|401:Unauthorized|402:Payment Required|403:Forbidden|404:Not Found|405:Method Not Allowed|406:Not Acceptable|407:Proxy Authentication Required|408:Request Timeout|409:Conflict|410:Gone|411:Length Required|412:Precondition Failed|413:Request Entity Too Large|414:Request URI Too Long|415:Unsupported Media Type|416:Requested Range Not Satisfiable|417:Expectation Failed|418:I'm a teapot|421:Misdirected Request|422:Unprocessable Entity|423:Locked|424:Failed Dependency|425:Too Early|426:Upgrade Required|428:Precondition Required|429:Too Many Requests|431:Request Header Fields Too Large|449:Retry With|451:Unavailable For Legal Reasons|500:Internal Server Error|501:Not Implemented|502:Bad Gateway|503:Service Unavailable|504:Gateway Timeout|505:HTTP Version Not Supported|506:Variant Also Negotiates|507:Insufficient Storage|508:Loop Detected|510:Not Extended|511:Network Authentication Failed";

/// The reason phrase of HTTP status `code` in werkzeug's `HTTP_STATUS_CODES`.
pub fn status_phrase(code: i64) -> Option<&'static str> {
    HTTP_STATUS_CODES.split('|').find_map(|entry| {
        let (c, phrase) = entry.split_once(':')?;
        (c.parse() == Ok(code)).then_some(phrase)
    })
}
