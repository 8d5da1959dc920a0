//! Builtin functions: the names scripts see (`builtin_value`, the prelude), the argument-count
//! check, and `call_builtin`, which routes each builtin to the family that implements it.
//! The families live in `builtins/`; the import machinery in `builtins/modules.rs`.

mod containers;
pub mod enumerate;
pub(crate) mod hashing;
mod introspection;
mod json_convert;
mod modules;
pub use modules::status_phrase;
mod numeric;
mod os;
pub mod re_module;
mod stdlib;
pub(crate) use stdlib::DATETIME_FIELDS;
mod text;

use std::rc::Rc;

use super::call::Kw;
use super::orm::Native;
use super::value::Value;
use super::{Interp, R};

const BUILTINS: &str = "abs all any ascii bin bool callable chr classmethod delattr dict divmod \
    enumerate eval exec filter float format frozenset getattr globals hasattr hash hex id input \
    int isinstance issubclass iter len list locals map max min next object oct open ord pow print \
    property range repr reversed round set setattr sorted staticmethod str sum super tuple type \
    vars zip";

/// Names that are types (repr `<class 'x'>`).
pub fn is_type_name(n: &str) -> bool {
    matches!(
        n,
        "str"
            | "int"
            | "float"
            | "bool"
            | "dict"
            | "list"
            | "set"
            | "tuple"
            | "type"
            | "object"
            | "range"
            | "enumerate"
            | "zip"
            | "reversed"
            | "map"
            | "filter"
            | "property"
            | "classmethod"
            | "staticmethod"
            | "super"
            | "frozenset"
            | "datetime"
            | "date"
            | "timedelta"
            | "Decimal"
    )
}

/// Module objects.
pub fn is_module_like(n: &str) -> bool {
    matches!(n, "json" | "math" | "datetime_module" | "random" | "time")
}

impl Interp<'_> {
    /// A builtin by name.
    /// (`name` is a name as the script's syntax tree holds it: see [`Interp::intern`].)
    pub fn builtin_value(&mut self, name: &str) -> Option<Value> {
        if crate::core::words::has(BUILTINS, name) {
            // (`name` is the script's text: its shared copy, not a new string per call.)
            return Some(Value::Builtin(self.intern(name)));
        }
        if let Some(c) = self.exc.get(name)
            && !name.contains('.')
            && (!is_sqla_exc(name)
                && super::exceptions::http_error(name).is_none()
                && !matches!(
                    name,
                    "HTTPException" | "InvalidOperation" | "JSONDecodeError"
                ))
        {
            return Some(Value::Class(c.clone()));
        }
        match name {
            "__name__" => Some(Value::str("__main__")),
            "NotImplemented" => Some(Value::None),
            _ => None,
        }
    }

    /// Loads the prelude names into globals.
    pub fn load_prelude(&mut self) {
        let g = self.globals.clone();
        for n in ["datetime", "date", "timedelta"] {
            self.set_var(&g, n, Value::Builtin(Rc::from(n)));
        }
        for n in [
            "or_", "and_", "not_", "desc", "asc", "text", "select", "func",
        ] {
            self.set_var(&g, n, Value::Native(Rc::new(Native::SqlaFn(Rc::from(n)))));
        }
        let app = Value::Native(Rc::new(Native::App(
            std::cell::RefCell::new(Value::None),
            Rc::from("__main__"),
        )));
        self.orm.app = Some(app.clone());
        self.set_var(&g, "app", app);
        let db = Value::Native(Rc::new(Native::Db));
        self.set_var(&g, "db", db);
    }

    /// Calls a builtin: checks its positional argument count, then hands it to the family
    /// that implements it.
    pub fn call_builtin(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let (args, kw) = match name {
            // (Their arity is checked there, with Argument Clinic's messages.)
            "sum" | "round" | "pow" => (self.place_keywords(name, args, kw)?, vec![]),
            "abs" | "divmod" | "hex" | "bin" | "oct" | "float" | "bool" | "len" | "repr"
            | "ascii" | "chr" | "ord" | "list" | "tuple" | "set" | "frozenset" | "range"
            | "reversed" | "iter" | "next" | "map" | "filter" | "any" | "all" | "hash" | "id"
            | "callable" | "isinstance" | "issubclass" | "getattr" | "setattr" | "hasattr"
            | "vars"
                if !kw.is_empty() =>
            {
                return self.raise("TypeError", format!("{name}() takes no keyword arguments"));
            }
            _ => (args, kw),
        };
        if !matches!(name, "sum" | "round" | "pow") {
            self.check_builtin_arity(name, &args)?;
        }
        if let Some(f) = name.strip_prefix("re.") {
            return self.call_re(f, args, kw);
        }
        match name {
            "print" | "repr" | "ascii" | "str" | "format" | "chr" | "ord" => {
                self.call_text_builtin(name, args, kw)
            }
            "int" | "float" | "bool" | "sum" | "min" | "max" | "abs" | "round" | "divmod"
            | "pow" | "hex" | "bin" | "oct" => self.call_numeric_builtin(name, args, kw),
            "len" | "list" | "tuple" | "set" | "frozenset" | "dict" | "range" | "enumerate"
            | "zip" | "reversed" | "iter" | "next" | "map" | "filter" | "sorted" | "any"
            | "all" => self.call_container_builtin(name, args, kw),
            "hash" | "id" | "callable" | "type" | "isinstance" | "issubclass" | "getattr"
            | "setattr" | "hasattr" | "vars" | "property" | "classmethod" | "staticmethod"
            | "super" | "object" => self.call_introspection_builtin(name, args),
            "datetime"
            | "date"
            | "timedelta"
            | "datetime.time"
            | "Decimal"
            | "Decimal.from_float"
            | "datetime.utcnow"
            | "datetime.now"
            | "datetime.today"
            | "date.today"
            | "datetime.fromisoformat"
            | "date.fromisoformat"
            | "datetime.strptime"
            | "datetime.combine"
            | "date.fromordinal"
            | "datetime.fromordinal"
            | "date.fromtimestamp"
            | "datetime.fromtimestamp"
            | "datetime.utcfromtimestamp"
            | "date.fromisocalendar"
            | "datetime.fromisocalendar"
            | "dict.fromkeys"
            | "str.maketrans"
            | "json.dumps"
            | "json.JSONEncoder.default"
            | "json.JSONEncoder.__init__"
            | "json.JSONEncoder.encode"
            | "json.loads"
            | "time.perf_counter"
            | "time.time"
            | "time.monotonic"
            | "time.perf_counter_ns"
            | "math.sqrt"
            | "math.floor"
            | "math.ceil"
            | "math.isclose"
            | "math.log10"
            | "math.log"
            | "math.gcd"
            | "math.trunc"
            | "math.isnan"
            | "math.isinf"
            | "math.fabs"
            | "functools.wraps"
            | "functools.keep"
            | "functools.cache"
            | "functools.lru_cache"
            | "functools.reduce" => self.call_stdlib_builtin(name, args, kw),
            // (`auto()` in an enum body: numbered when the class makes its members.)
            "enum.auto" => Ok(Value::Builtin(Rc::from("enum.auto.value"))),
            "os.urandom" => self.call_hashing(name, args, kw),
            _ if name.starts_with("os.") => self.call_os(name, args, kw),
            // `Base.__init__(self, ...)` where no class along the MRO defines one:
            // `object`'s (or, for a model, the declarative constructor; for an
            // exception, `BaseException`'s).
            "object.__init__" => {
                let mut args = args.into_iter();
                let recv = args.next().unwrap_or(Value::None);
                let rest: Vec<Value> = args.collect();
                match &recv {
                    Value::Instance(i) if i.class.model_info().is_some() => {
                        if !rest.is_empty() {
                            return self.raise(
                                "TypeError",
                                format!(
                                    "_declarative_constructor() takes 1 positional argument but {} were given",
                                    rest.len() + 1
                                ),
                            );
                        }
                        self.model_default_init(i, vec![], kw)?;
                    }
                    Value::Instance(i) if i.class.lookup_is_exception() => {
                        i.dict
                            .borrow_mut()
                            .insert(Rc::from("args"), Value::tuple(rest));
                    }
                    Value::Instance(_) if rest.is_empty() && kw.is_empty() => {}
                    Value::Instance(i) => {
                        return self.raise(
                            "TypeError",
                            format!(
                                "{}.__init__() takes exactly one argument (the instance to initialize)",
                                i.class.name
                            ),
                        );
                    }
                    other => {
                        let t = self.type_name(other);
                        return self.raise(
                            "TypeError",
                            format!("descriptor '__init__' of 'object' object needs an argument, not '{t}'"),
                        );
                    }
                }
                Ok(Value::None)
            }
            _ if name.starts_with("unbound:") => {
                let (ty, method) = name["unbound:".len()..].split_once('.').unwrap_or(("", ""));
                let mut args = args.into_iter();
                let recv = args.next().unwrap_or(Value::None);
                let got = self.type_name(&recv);
                if got != ty && !(ty == "int" && got == "bool") {
                    return self.raise(
                        "TypeError",
                        format!("descriptor '{method}' for '{ty}' objects doesn't apply to a '{got}' object"),
                    );
                }
                self.call_method(&recv, method, args.collect(), kw)
            }
            _ if name.starts_with("hashlib.")
                || name.starts_with("werkzeug.")
                || name.starts_with("secrets.") =>
            {
                self.call_hashing(name, args, kw)
            }
            "input" | "open" | "exec" | "eval" | "globals" | "locals" | "delattr" => {
                self.unsupported(&format!("`{name}()`"))
            }
            _ => self.not_callable(name),
        }
    }

    /// `TypeError: '<name>' is not callable` (a builtin name no family implements).
    fn not_callable(&self, name: &str) -> R<Value> {
        self.raise("TypeError", format!("'{name}' is not callable"))
    }

    /// Raises CPython's `TypeError` when a builtin gets too few or too many positional
    /// arguments.
    fn check_builtin_arity(&self, name: &str, args: &[Value]) -> R<()> {
        let (min, max) = builtin_arity(name);
        if args.len() < min || args.len() > max {
            let n = args.len();
            let msg = if min == 1 && max == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else if n > max && matches!(name, "int" | "float" | "str" | "bool") {
                format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    if max == 1 { "" } else { "s" }
                )
            } else if n < min {
                format!(
                    "{name} expected {}{min} argument{}, got {n}",
                    if max > min { "at least " } else { "" },
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return self.raise("TypeError", msg);
        }
        Ok(())
    }
}

pub use super::exceptions::is_sqla_exc;

/// (min, max) positional arguments of builtins.
fn builtin_arity(name: &str) -> (usize, usize) {
    match name {
        "len"
        | "repr"
        | "ascii"
        | "abs"
        | "any"
        | "all"
        | "reversed"
        | "iter"
        | "chr"
        | "ord"
        | "hash"
        | "id"
        | "callable"
        | "vars"
        | "classmethod"
        | "staticmethod"
        | "hex"
        | "bin"
        | "oct"
        | "json.loads"
        | "math.sqrt"
        | "math.floor"
        | "math.ceil"
        | "math.log10"
        | "math.trunc"
        | "math.isnan"
        | "math.isinf"
        | "math.fabs"
        | "datetime.fromisoformat"
        | "date.fromisoformat"
        | "functools.wraps"
        | "functools.keep"
        | "functools.cache" => (1, 1),
        "functools.reduce" => (2, 3),
        "functools.lru_cache" => (0, 1),
        "math.log" => (1, 2),
        "math.isclose" => (2, 2),
        "math.gcd" => (0, usize::MAX),
        "sorted" | "enumerate" | "json.dumps" | "dict.fromkeys" => (1, 2),
        "property" => (1, 4),
        "time.perf_counter"
        | "time.perf_counter_ns"
        | "time.monotonic"
        | "time.time"
        | "enum.auto" => (0, 0),
        "isinstance" | "issubclass" | "divmod" | "datetime.strptime" | "datetime.combine" => (2, 2),
        "date.fromordinal"
        | "datetime.fromordinal"
        | "date.fromtimestamp"
        | "datetime.fromtimestamp"
        | "datetime.utcfromtimestamp" => (1, 1),
        "date.fromisocalendar" | "datetime.fromisocalendar" => (3, 3),
        "getattr" => (2, 3),
        "hasattr" => (2, 2),
        "setattr" => (3, 3),
        "map" | "filter" => (2, usize::MAX),
        "sum" | "round" | "next" | "format" => (1, 2),
        "min" | "max" => (1, usize::MAX),
        "pow" => (2, 3),
        "int" | "str" => (0, 2),
        "float" | "bool" | "list" | "tuple" | "set" | "frozenset" | "dict" | "type" => (0, 1),
        "range" => (1, 3),
        "Decimal" => (0, 2),
        "Decimal.from_float" => (1, 1),
        _ => (0, usize::MAX),
    }
}
