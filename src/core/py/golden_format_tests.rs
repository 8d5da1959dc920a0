//! End-to-end `str.format` golden table: a tiny test renderer drives the template parser
//! and the format-spec functions against CPython 3.11's `template.format(*args, **kw)`.

use super::error::{PyErr, PyErrKind, PyResult};
use super::float::float_repr;
use super::format_spec::{format_float, format_int, format_object, format_str};
use super::golden_tests::{check, shown, unesc};
use super::int::Int;
use super::percent::ascii_escape;
use super::str_format::{
    FieldAccessor, FieldArg, FormatPiece, ParsedFormat, check_conversion, missing_key_error,
    parse_format_string, replacement_index_error,
};
use super::strings::str_repr;

#[derive(Clone, Debug)]
enum V {
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<V>),
    Dict(Vec<(String, V)>),
}

impl V {
    fn type_name(&self) -> &'static str {
        match self {
            V::Int(_) => "int",
            V::Float(_) => "float",
            V::Str(_) => "str",
            V::List(_) => "list",
            V::Dict(_) => "dict",
        }
    }
    fn repr(&self) -> String {
        match self {
            V::Int(i) => i.to_string(),
            V::Float(f) => float_repr(*f),
            V::Str(s) => str_repr(s),
            V::List(v) => format!("[{}]", v.iter().map(V::repr).collect::<Vec<_>>().join(", ")),
            V::Dict(v) => format!(
                "{{{}}}",
                v.iter()
                    .map(|(k, x)| format!("{}: {}", str_repr(k), x.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    fn str(&self) -> String {
        match self {
            V::Str(s) => s.clone(),
            other => other.repr(),
        }
    }
    fn format(&self, spec: &str) -> PyResult<String> {
        match self {
            V::Int(i) => format_int(&Int::from(*i), spec),
            V::Float(f) => format_float(*f, spec),
            V::Str(s) => format_str(s, spec),
            other => format_object(&other.str(), other.type_name(), spec),
        }
    }
}

struct Env {
    args: Vec<V>,
    kwargs: Vec<(String, V)>,
}

fn access(v: V, acc: &FieldAccessor) -> PyResult<V> {
    match (v, acc) {
        (V::List(items), FieldAccessor::Index(i)) => items
            .get(*i)
            .cloned()
            .ok_or_else(|| PyErr::index("list index out of range")),
        (V::Str(s), FieldAccessor::Index(i)) => s
            .chars()
            .nth(*i)
            .map(|c| V::Str(c.to_string()))
            .ok_or_else(|| PyErr::index("string index out of range")),
        (V::Dict(items), FieldAccessor::Key(k)) => items
            .iter()
            .find(|(kk, _)| kk == k)
            .map(|(_, x)| x.clone())
            .ok_or_else(|| PyErr::new(PyErrKind::KeyError, str_repr(k))),
        (V::Dict(_), FieldAccessor::Index(i)) => {
            Err(PyErr::new(PyErrKind::KeyError, i.to_string()))
        }
        (V::List(_), FieldAccessor::Key(_)) => Err(PyErr::type_err(
            "list indices must be integers or slices, not str",
        )),
        (V::Str(_), FieldAccessor::Key(_)) => Err(PyErr::type_err(
            "string indices must be integers, not 'str'",
        )),
        (other, FieldAccessor::Attr(a)) => Err(PyErr::new(
            PyErrKind::AttributeError,
            format!("'{}' object has no attribute '{a}'", other.type_name()),
        )),
        (other, _) => Err(PyErr::type_err(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

fn render(p: &ParsedFormat, env: &Env) -> PyResult<String> {
    let mut out = String::new();
    for piece in &p.pieces {
        match piece {
            FormatPiece::Literal(s) => out.push_str(s),
            FormatPiece::Field(f) => {
                let mut v = match &f.arg {
                    FieldArg::Positional(i) => env
                        .args
                        .get(*i)
                        .cloned()
                        .ok_or_else(|| replacement_index_error(*i))?,
                    FieldArg::Keyword(k) => env
                        .kwargs
                        .iter()
                        .find(|(kk, _)| kk == k)
                        .map(|(_, x)| x.clone())
                        .ok_or_else(|| missing_key_error(k))?,
                };
                for a in &f.accessors {
                    v = access(v, a)?;
                }
                if let Some(e) = &f.accessor_error {
                    return Err(e.clone());
                }
                if let Some(c) = f.conversion {
                    check_conversion(c)?;
                    v = V::Str(match c {
                        'r' => v.repr(),
                        'a' => ascii_escape(&v.repr()),
                        _ => v.str(),
                    });
                }
                let spec = render(&f.spec, env)?;
                out.push_str(&v.format(&spec)?);
            }
        }
    }
    if let Some(e) = &p.error {
        return Err(e.clone());
    }
    Ok(out)
}

#[test]
fn str_format_table() {
    let env = Env {
        args: vec![
            V::Int(10),
            V::Str("ab".into()),
            V::List(vec![V::Int(1), V::Int(2), V::Int(3)]),
            V::Dict(vec![("k".into(), V::Str("v".into()))]),
            V::Float(3.25),
        ],
        kwargs: vec![
            ("name".into(), V::Str("Bob".into())),
            ("w".into(), V::Int(6)),
            ("x".into(), V::Float(3.5)),
            ("p".into(), V::Int(2)),
        ],
    };
    check(include_str!("testdata/str_format.tsv"), 2, |c| {
        shown(render(&parse_format_string(&unesc(c[0])), &env))
    });
}
