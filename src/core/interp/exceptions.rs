//! Python's exception classes (builtins, sqlalchemy.exc, werkzeug) and raising helpers.

use crate::core::fxhash::FxMap;
use std::cell::RefCell;
use std::rc::Rc;

use super::value::{Class, Instance, Value};
use super::{Exc, Interp, R};

/// `name:parents` in definition order, separated by spaces (two bases are written
/// `A,B`; one string: see [`crate::core::words`]).
const HIERARCHY: &str = "BaseException:object Exception:BaseException KeyboardInterrupt:BaseException \
    SystemExit:BaseException ArithmeticError:Exception ZeroDivisionError:ArithmeticError \
    OverflowError:ArithmeticError AssertionError:Exception AttributeError:Exception \
    LookupError:Exception KeyError:LookupError IndexError:LookupError NameError:Exception \
    UnboundLocalError:NameError TypeError:Exception ValueError:Exception \
    RuntimeError:Exception RecursionError:RuntimeError NotImplementedError:RuntimeError \
    StopIteration:Exception ImportError:Exception ModuleNotFoundError:ImportError \
    MemoryError:Exception OSError:Exception FileNotFoundError:OSError \
    FileExistsError:OSError PermissionError:OSError TimeoutError:OSError \
    IsADirectoryError:OSError NotADirectoryError:OSError InterruptedError:OSError \
    ConnectionError:OSError BrokenPipeError:ConnectionError \
    ConnectionRefusedError:ConnectionError ConnectionResetError:ConnectionError \
    ConnectionAbortedError:ConnectionError UnicodeError:ValueError \
    UnicodeDecodeError:UnicodeError UnicodeEncodeError:UnicodeError EOFError:Exception \
    FloatingPointError:ArithmeticError BufferError:Exception ReferenceError:Exception \
    SystemError:Exception SyntaxError:Exception IndentationError:SyntaxError \
    GeneratorExit:BaseException StopAsyncIteration:Exception \
    DecimalException:ArithmeticError InvalidOperation:DecimalException \
    Overflow:DecimalException JSONDecodeError:ValueError re.error:Exception \
    SQLAlchemyError:Exception ArgumentError:SQLAlchemyError \
    NoForeignKeysError:ArgumentError AmbiguousForeignKeysError:ArgumentError \
    DuplicateColumnError:ArgumentError ConstraintColumnNotFoundError:ArgumentError \
    ObjectNotExecutableError:ArgumentError CircularDependencyError:SQLAlchemyError \
    CompileError:SQLAlchemyError StatementError:SQLAlchemyError DBAPIError:StatementError \
    InterfaceError:DBAPIError DatabaseError:DBAPIError DataError:DatabaseError \
    IntegrityError:DatabaseError OperationalError:DatabaseError InternalError:DatabaseError \
    ProgrammingError:DatabaseError NotSupportedError:DatabaseError \
    InvalidRequestError:SQLAlchemyError NoResultFound:InvalidRequestError \
    MultipleResultsFound:InvalidRequestError PendingRollbackError:InvalidRequestError \
    ResourceClosedError:InvalidRequestError UnboundExecutionError:InvalidRequestError \
    NoSuchColumnError:InvalidRequestError,KeyError ObjectDeletedError:InvalidRequestError \
    UnmappedError:InvalidRequestError UnmappedInstanceError:UnmappedError \
    UnmappedClassError:UnmappedError NoSuchTableError:InvalidRequestError \
    NoReferenceError:InvalidRequestError NoReferencedTableError:NoReferenceError \
    NoReferencedColumnError:NoReferenceError NoInspectionAvailable:InvalidRequestError \
    LoaderStrategyException:InvalidRequestError DetachedInstanceError:SQLAlchemyError \
    FlushError:SQLAlchemyError StaleDataError:SQLAlchemyError HTTPException:Exception \
    NotFound:HTTPException BadRequest:HTTPException Unauthorized:HTTPException \
    Forbidden:HTTPException MethodNotAllowed:HTTPException Conflict:HTTPException \
    InternalServerError:HTTPException NotAcceptable:HTTPException \
    RequestTimeout:HTTPException Gone:HTTPException RequestEntityTooLarge:HTTPException \
    UnsupportedMediaType:HTTPException ImATeapot:HTTPException \
    UnprocessableEntity:HTTPException TooManyRequests:HTTPException \
    BadGateway:HTTPException ServiceUnavailable:HTTPException GatewayTimeout:HTTPException \
    Warning:Exception UserWarning:Warning DeprecationWarning:Warning \
    PendingDeprecationWarning:Warning RuntimeWarning:Warning FutureWarning:Warning \
    SyntaxWarning:Warning sqlite3.Error:Exception sqlite3.DatabaseError:sqlite3.Error \
    sqlite3.IntegrityError:sqlite3.DatabaseError \
    sqlite3.OperationalError:sqlite3.DatabaseError \
    sqlite3.ProgrammingError:sqlite3.DatabaseError";

/// The (name, parents) of [`HIERARCHY`].
fn hierarchy() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::core::words::iter(HIERARCHY).map(|e| e.split_once(':').unwrap_or((e, "object")))
}

/// Makes a class object with the given bases (MRO computed depth-first, C3-compatible for the
/// single-inheritance trees used here).
pub fn make_class(name: &str, bases: Vec<Rc<Class>>, is_exception: bool) -> Rc<Class> {
    let c = Rc::new(Class {
        name: Rc::from(name),
        bases: bases.clone(),
        mro: RefCell::new(vec![]),
        dict: RefCell::new(vec![]),
        model: RefCell::new(None),
        is_exception,
        plain_init: std::cell::Cell::new(0),
        no_query_attr: std::cell::Cell::new(0),
    });
    let mut mro = vec![c.clone()];
    // C3 linearization.
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.clone());
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let mut found = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)))
            {
                found = Some(head.clone());
                break;
            }
        }
        let Some(h) = found else { break };
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &h) {
                s.remove(0);
            }
        }
        mro.push(h);
    }
    *c.mro.borrow_mut() = mro;
    c
}

/// sqlalchemy.exc / sqlalchemy.orm.exc class names.
pub fn is_sqla_exc(n: &str) -> bool {
    hierarchy()
        .map(|(m, _)| m)
        .skip_while(|m| *m != "SQLAlchemyError")
        .take_while(|m| *m != "HTTPException")
        .any(|m| m == n)
}

/// The module an exception class prints with (`<class 'sqlalchemy.exc.IntegrityError'>`).
pub fn exc_module(n: &str) -> &'static str {
    match n {
        "ObjectDeletedError"
        | "UnmappedError"
        | "UnmappedInstanceError"
        | "UnmappedClassError"
        | "DetachedInstanceError"
        | "FlushError"
        | "StaleDataError" => "sqlalchemy.orm.exc.",
        _ if is_sqla_exc(n) => "sqlalchemy.exc.",
        _ if n == "HTTPException" || http_error(n).is_some() => "werkzeug.exceptions.",
        "JSONDecodeError" => "json.decoder.",
        "error" => "re.",
        "DecimalException" | "InvalidOperation" | "Overflow" | "DivisionByZero" => "decimal.",
        _ => "",
    }
}

/// Builds `object` and every exception class.
pub fn builtin_classes() -> (Rc<Class>, FxMap<&'static str, Rc<Class>>) {
    let object = make_class("object", vec![], false);
    let mut map: FxMap<&'static str, Rc<Class>> = FxMap::default();
    for (name, parent) in hierarchy() {
        let bases = if parent == "object" {
            vec![object.clone()]
        } else {
            parent.split(',').map(|p| map[p].clone()).collect()
        };
        let short = name.rsplit('.').next().unwrap_or(name);
        map.insert(name, make_class(short, bases, true));
    }
    // `decimal.DivisionByZero(DecimalException, ZeroDivisionError)`.
    let dz = make_class(
        "DivisionByZero",
        vec![
            map["DecimalException"].clone(),
            map["ZeroDivisionError"].clone(),
        ],
        true,
    );
    map.insert("DivisionByZero", dz);
    // (`IOError` and `EnvironmentError` are `OSError` itself.)
    let os = map["OSError"].clone();
    map.insert("IOError", os.clone());
    map.insert("EnvironmentError", os);
    // (werkzeug's HTTP errors carry their `code` and `description` as class attributes;
    // `HTTPException`'s are None.)
    if let Some(c) = map.get("HTTPException") {
        let mut d = c.dict.borrow_mut();
        d.push((Rc::from("code"), Value::None));
        d.push((Rc::from("description"), Value::None));
    }
    for (code, class, description) in HTTP_ERRORS {
        if let Some(c) = map.get(class) {
            let mut d = c.dict.borrow_mut();
            d.push((Rc::from("code"), Value::int(code)));
            d.push((Rc::from("description"), Value::str(description)));
        }
    }
    (object, map)
}

/// A hint for common errors.
pub fn hint_for(class: &str, message: &str) -> Option<String> {
    if message.contains("not supported in ormlab") {
        return Some(
            "ormlab runs a subset of Python; rewrite this part with supported features".into(),
        );
    }
    match class {
        "NameError" => {
            Some("check the spelling, or define/import the name before this line".into())
        }
        "OperationalError" if message.contains("no such table") => {
            Some("call db.create_all() after defining the models".into())
        }
        _ => None,
    }
}

impl Interp<'_> {
    /// The module a class's `__module__` names: `builtins` for `object` and Python's
    /// exceptions, the library's module for a library exception (`sqlalchemy.exc`,
    /// `sqlite3`...), `__main__` for the script's own classes.
    pub fn class_module(&self, c: &Rc<Class>) -> &'static str {
        if Rc::ptr_eq(c, &self.object_class) {
            return "builtins";
        }
        if !c.is_exception {
            return "__main__";
        }
        let builtin = |k: &str| self.exc.get(k).is_some_and(|b| Rc::ptr_eq(b, c));
        if builtin(&c.name) {
            return match exc_module(&c.name) {
                "" => "builtins",
                m => m.trim_end_matches('.'),
            };
        }
        if builtin(&format!("sqlite3.{}", c.name)) {
            return "sqlite3";
        }
        "__main__"
    }
}

impl Interp<'_> {
    /// An exception instance of a builtin class with `args = (msg,)`.
    pub fn new_exc(&self, class: &str, msg: &str) -> Value {
        let c = self
            .exc
            .get(class)
            .cloned()
            .unwrap_or_else(|| self.exc["Exception"].clone());
        let args = if msg.is_empty() && class != "KeyError" {
            vec![]
        } else {
            vec![Value::str(msg)]
        };
        exc_instance(c, args)
    }

    /// `Err(class(msg))` at the current span.
    pub fn raise<T>(&self, class: &str, msg: impl AsRef<str>) -> R<T> {
        Err(self.exc_at(class, msg.as_ref()))
    }

    /// Raises `AttributeError: 'owner' object has no attribute 'name'`.
    pub fn no_attr<T>(&self, owner: &str, name: &str) -> R<T> {
        Err(self.no_attr_exc(owner, name))
    }

    /// The exception of [`Self::no_attr`], built in one place.
    #[inline(never)]
    fn no_attr_exc(&self, owner: &str, name: &str) -> Box<Exc> {
        let msg = format!("'{owner}' object has no attribute '{name}'");
        self.exc_at("AttributeError", &msg)
    }

    /// `class(msg)` at the current span: the code of `raise`, compiled once (`raise` is
    /// generic over what the caller returns and over the message's type).
    #[inline(never)]
    fn exc_at(&self, class: &str, msg: &str) -> Box<Exc> {
        self.exc_value_at(self.new_exc(class, msg))
    }

    /// `v` raised at the current span.
    #[inline(never)]
    pub(crate) fn exc_value_at(&self, value: Value) -> Box<Exc> {
        Box::new(Exc {
            value,
            at: Some((self.source, self.cur_span)),
        })
    }

    /// The message of `e` when it is exactly a `class` raised with one string (the
    /// interpreter's own errors).
    pub(crate) fn exc_text_of(&self, e: &Exc, class: &str) -> Option<Rc<str>> {
        let Value::Instance(i) = &e.value else {
            return None;
        };
        if &*i.class.name != class || !self.exc.get(class).is_some_and(|c| Rc::ptr_eq(c, &i.class))
        {
            return None;
        }
        match i.dict.borrow().get("args") {
            Some(Value::Tuple(t)) if t.len() == 1 => match &t[0] {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Raise an existing exception value.
    pub fn raise_value<T>(&self, v: Value) -> R<T> {
        Err(self.exc_value_at(v))
    }

    /// KeyError(key).
    pub fn key_error<T>(&self, key: &Value) -> R<T> {
        let c = self.exc["KeyError"].clone();
        self.raise_value(exc_instance(c, vec![key.clone()]))
    }

    /// "`X` is not supported in ormlab scripts".
    pub fn unsupported<T>(&self, what: &str) -> R<T> {
        Err(self.unsupported_exc(what))
    }

    /// The exception of [`Self::unsupported`], built in one place.
    #[inline(never)]
    fn unsupported_exc(&self, what: &str) -> Box<Exc> {
        self.exc_at(
            "NotImplementedError",
            &format!("{what} is not supported in ormlab scripts"),
        )
    }

    /// Converts a `core::py` error.
    pub fn py<T>(&self, r: Result<T, crate::core::py::PyErr>) -> R<T> {
        r.map_err(|e| self.py_exc(&e))
    }

    /// The exception for a `core::py` error (not generic: see `py`).
    #[inline(never)]
    fn py_exc(&self, e: &crate::core::py::PyErr) -> Box<Exc> {
        let name = e.class_name();
        let name = if self.exc.contains_key(name) {
            name
        } else {
            "ValueError"
        };
        // A decimal signal's args: the list of the signals raised (`[<class
        // 'decimal.ConversionSyntax'>]`).
        if let Some(sig) = e
            .message
            .strip_prefix("[<class 'decimal.")
            .and_then(|s| s.strip_suffix("'>]"))
            && self.exc.contains_key("DecimalException")
            && matches!(name, "InvalidOperation" | "DivisionByZero" | "Overflow")
        {
            let sig = Value::Builtin(Rc::from(format!("decimal.{sig}").as_str()));
            let v = exc_instance(self.exc[name].clone(), vec![Value::list(vec![sig])]);
            return self.exc_value_at(v);
        }
        // (A `core::py` KeyError's message is the key's repr, as `str(e)` shows it; the
        // exception's argument is the key.)
        if name == "KeyError"
            && let Some(key) = (e
                .message
                .strip_prefix('\'')
                .and_then(|k| k.strip_suffix('\'')))
            .or_else(|| {
                e.message
                    .strip_prefix('"')
                    .and_then(|k| k.strip_suffix('"'))
            })
            .filter(|k| !k.contains('\\'))
        {
            let v = exc_instance(self.exc[name].clone(), vec![Value::str(key)]);
            return self.exc_value_at(v);
        }
        let v = self.new_exc(name, &e.message);
        // (`json.loads`'s error: its `msg`, `pos`, `lineno` and `colno`, from the message
        // they make: "MSG: line L column C (char P)".)
        if name == "JSONDecodeError"
            && let Value::Instance(inst) = &v
            && let Some((msg, at)) = e.message.rsplit_once(": line ")
            && let Some((line, rest)) = at.split_once(" column ")
            && let Some((col, pos)) = rest.split_once(" (char ")
        {
            let num = |t: &str| t.trim_end_matches(')').parse::<i64>().map(Value::int);
            if let (Ok(line), Ok(col), Ok(pos)) = (num(line), num(col), num(pos)) {
                let mut d = inst.dict.borrow_mut();
                d.insert(Rc::from("msg"), Value::str(msg));
                d.insert(Rc::from("pos"), pos);
                d.insert(Rc::from("lineno"), line);
                d.insert(Rc::from("colno"), col);
            }
        }
        self.exc_value_at(v)
    }

    /// Class name and `str(e)` of an exception value.
    pub fn describe_exc(&mut self, v: &Value) -> (String, String) {
        let class = match v {
            Value::Instance(i) => i.class.name.to_string(),
            _ => "Exception".into(),
        };
        let msg = self.to_str(v).unwrap_or_default();
        (class, msg)
    }

    /// True when exception value `v` is an instance of class `c`.
    pub fn exc_matches(&self, v: &Value, c: &Rc<Class>) -> bool {
        match v {
            Value::Instance(i) => i.class.is_subclass(c),
            _ => false,
        }
    }
}

/// werkzeug's HTTP errors that `abort(code)` raises: code, class, description (the name
/// is the code's phrase in werkzeug's `HTTP_STATUS_CODES`).
pub const HTTP_ERRORS: [(i64, &str, &str); 18] = [
    (
        400,
        "BadRequest",
        "The browser (or proxy) sent a request that this server could not understand.",
    ),
    (
        401,
        "Unauthorized",
        "The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
    ),
    (
        403,
        "Forbidden",
        "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
    ),
    (
        404,
        "NotFound",
        "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.",
    ),
    (
        405,
        "MethodNotAllowed",
        "The method is not allowed for the requested URL.",
    ),
    (
        409,
        "Conflict",
        "A conflict happened while processing the request. The resource might have been modified while the request was being processed.",
    ),
    (
        406,
        "NotAcceptable",
        "The resource identified by the request is only capable of generating response entities which have content characteristics not acceptable according to the accept headers sent in the request.",
    ),
    (
        408,
        "RequestTimeout",
        "The server closed the network connection because the browser didn't finish the request within the specified time.",
    ),
    (
        410,
        "Gone",
        "The requested URL is no longer available on this server and there is no forwarding address. If you followed a link from a foreign page, please contact the author of this page.",
    ),
    (
        413,
        "RequestEntityTooLarge",
        "The data value transmitted exceeds the capacity limit.",
    ),
    (
        415,
        "UnsupportedMediaType",
        "The server does not support the media type transmitted in the request.",
    ),
    (
        418,
        "ImATeapot",
        "This server is a teapot, not a coffee machine",
    ),
    (
        422,
        "UnprocessableEntity",
        "The request was well-formed but was unable to be followed due to semantic errors.",
    ),
    (
        429,
        "TooManyRequests",
        "This user has exceeded an allotted request count. Try again later.",
    ),
    (
        502,
        "BadGateway",
        "The proxy server received an invalid response from an upstream server.",
    ),
    (
        503,
        "ServiceUnavailable",
        "The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.",
    ),
    (
        504,
        "GatewayTimeout",
        "The connection to an upstream server timed out.",
    ),
    (
        500,
        "InternalServerError",
        "The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.",
    ),
];

/// The entry of [`HTTP_ERRORS`] for a class name.
pub fn http_error(class: &str) -> Option<&'static (i64, &'static str, &'static str)> {
    HTTP_ERRORS.iter().find(|e| e.1 == class)
}

impl Interp<'_> {
    /// werkzeug's HTTP error `class` (one of [`HTTP_ERRORS`]): its `code`, `name` and
    /// `description` (the default one unless given), `str()` as `404 Not Found: ...`.
    pub fn http_exception(&mut self, class: &str, description: Option<Value>) -> R<Value> {
        let v = self.new_exc(class, "");
        if let (Value::Instance(i), Some((code, _, default))) = (&v, http_error(class)) {
            let name = super::builtins::status_phrase(*code).unwrap_or_default();
            let desc = match description {
                Some(Value::None) | None => Value::str(default),
                Some(d) => d,
            };
            let ds = self.to_str(&desc)?;
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("code"), Value::int(*code));
            d.insert(Rc::from("description"), desc);
            d.insert(Rc::from("response"), Value::None);
            d.insert(Rc::from("name"), Value::str(name));
            d.insert(
                Rc::from("_message"),
                Value::str(&format!("{code} {name}: {ds}")),
            );
        }
        Ok(v)
    }
}

/// An exception instance with `args`.
pub fn exc_instance(c: Rc<Class>, args: Vec<Value>) -> Value {
    let inst = Instance {
        class: c,
        dict: RefCell::new(Default::default()),
        orm: RefCell::new(None),
    };
    inst.dict
        .borrow_mut()
        .insert(Rc::from("args"), Value::tuple(args));
    Value::Instance(Rc::new(inst))
}

/// Default `str()` of an exception instance from its args.
pub fn exc_default_str(it: &mut Interp<'_>, inst: &Instance) -> R<String> {
    if let Some(Value::Str(m)) = inst.dict.borrow().get("_message") {
        return Ok(m.to_string());
    }
    let args = inst.dict.borrow().get("args").cloned();
    let Some(Value::Tuple(args)) = args else {
        return Ok(String::new());
    };
    match args.len() {
        0 => Ok(String::new()),
        1 => {
            // (KeyError's `__str__` is a repr, unless SQLAlchemyError's comes first
            // in the MRO, as for `NoSuchColumnError`.)
            let str_owner = inst.class.mro.borrow().iter().find_map(|c| {
                (c.is_exception && matches!(&*c.name, "KeyError" | "SQLAlchemyError"))
                    .then(|| c.name.clone())
            });
            if str_owner.as_deref() == Some("KeyError") {
                it.repr(&args[0])
            } else {
                it.to_str(&args[0])
            }
        }
        _ => it.repr(&Value::Tuple(args.clone())),
    }
}

/// Attach the raise position when an error has none.
pub fn at(e: Box<Exc>, source: usize, span: crate::core::diag::Span) -> Box<Exc> {
    if e.at.is_some() {
        e
    } else {
        Box::new(Exc {
            value: e.value,
            at: Some((source, span)),
        })
    }
}
