//! Responses: a view's return value made one (Flask's `make_response`), `jsonify` through
//! Flask's JSON provider, the test response's JSON, werkzeug's HTML error pages.

use std::rc::Rc;

use super::{FlaskObj, ResponseData, flask};
use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// werkzeug's HTML body of an HTTP error.
pub(super) fn error_page(code: i64, name: &str, description: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=en>\n<title>{code} {name}</title>\n<h1>{name}</h1>\n<p>{description}</p>\n"
    )
}

/// The `Content-Type` a view's headers set, if any (header names are case-insensitive).
pub(super) fn explicit_content_type(r: &ResponseData) -> Option<&Rc<str>> {
    (r.headers.iter())
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v)
}

/// werkzeug's `is_json`: `application/json`, or an `application/...+json` type.
pub(super) fn is_json(r: &ResponseData) -> bool {
    let m = &*r.mimetype;
    m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
}

impl Interp<'_> {
    pub(super) fn content_type(&self, r: &ResponseData) -> String {
        if let Some(v) = explicit_content_type(r) {
            return v.to_string();
        }
        if r.mimetype.starts_with("text/") {
            format!("{}; charset=utf-8", r.mimetype)
        } else {
            r.mimetype.to_string()
        }
    }

    pub(super) fn response_json(&mut self, r: &ResponseData) -> R<Value> {
        if !is_json(r) {
            return Ok(Value::None);
        }
        let j = self.py(crate::core::py::json::loads(&r.body))?;
        self.from_json(&j)
    }

    /// A view's return value as a response (Flask's `make_response`).
    pub(super) fn make_response(&mut self, v: Value, endpoint: Option<&str>) -> R<ResponseData> {
        // (`(body, status)`, `(body, headers)`, `(body, status, headers)`.)
        let (body, status, headers) = match &v {
            Value::Tuple(t) if (2..=3).contains(&t.len()) => {
                let status = match &t[1] {
                    Value::Int(i) => i.to_i64(),
                    _ => None,
                };
                let headers = match (t.len(), &t[1]) {
                    (3, _) => Some(t[2].clone()),
                    (_, Value::Dict(_) | Value::List(_)) => Some(t[1].clone()),
                    _ => None,
                };
                (t[0].clone(), status, headers)
            }
            _ => (v.clone(), None, None),
        };
        let mut extra: Vec<(Rc<str>, Rc<str>)> = vec![];
        if let Some(h) = &headers {
            let pairs = match h {
                Value::Dict(_) => self.mapping_items(h)?,
                other => {
                    let mut out = vec![];
                    for item in self.iterate(other)? {
                        let kv = self.iterate(&item)?;
                        if let [k, v] = &kv[..] {
                            out.push((k.clone(), v.clone()));
                        }
                    }
                    out
                }
            };
            for (k, v) in pairs {
                extra.push((
                    Rc::from(self.to_str(&k)?.as_str()),
                    Rc::from(self.to_str(&v)?.as_str()),
                ));
            }
        }
        let mut r = match &body {
            Value::Native(n)
                if let Native::Flask(o) = &**n
                    && let FlaskObj::Response(r) = &**o =>
            {
                ResponseData {
                    code: r.code,
                    mimetype: r.mimetype.clone(),
                    body: r.body.clone(),
                    headers: r.headers.clone(),
                    headers_first: r.headers_first,
                }
            }
            Value::Str(s) => ResponseData {
                code: 200,
                mimetype: Rc::from("text/html"),
                body: s.to_string(),
                headers: vec![],
                headers_first: true,
            },
            Value::Dict(_) | Value::List(_) => self.json_response(&body)?,
            _ => {
                let t = self.type_name(&body);
                let msg = match (&body, endpoint) {
                    (Value::None, Some(e)) => format!(
                        "The view function for '{e}' did not return a valid response. The function either returned None or ended without a return statement."
                    ),
                    _ => format!(
                        "The view function did not return a valid response. The return type must be a string, dict, list, tuple with headers or status, Response instance, or WSGI callable, but it was a {t}."
                    ),
                };
                return self.raise("TypeError", msg);
            }
        };
        if let Some(s) = status {
            r.code = s;
        }
        r.headers.extend(extra);
        // (A `Content-Type` among the headers is the response's: werkzeug's mimetype is
        // its part before `;`, lowercased.)
        if let Some(v) = explicit_content_type(&r) {
            let m = v
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            r.mimetype = Rc::from(m.as_str());
        }
        Ok(r)
    }

    /// `jsonify(...)`: one argument as it is, several as a list, keywords as a dict.
    pub(crate) fn jsonify(&mut self, args: Vec<Value>, kw: Kw) -> R<Value> {
        if !args.is_empty() && !kw.is_empty() {
            return self.raise(
                "TypeError",
                "app.json.response() takes either args or kwargs, not both",
            );
        }
        let v = match args.len() {
            _ if !kw.is_empty() => {
                Value::dict_of(kw.into_iter().map(|(k, v)| (Value::Str(k), v)).collect())
            }
            0 => Value::None,
            1 => args.into_iter().next().unwrap_or(Value::None),
            _ => Value::list(args),
        };
        Ok(flask(FlaskObj::Response(self.json_response(&v)?)))
    }

    pub(super) fn json_response(&mut self, v: &Value) -> R<ResponseData> {
        let mut body = self.flask_dumps(v)?;
        body.push('\n');
        Ok(ResponseData {
            code: 200,
            mimetype: Rc::from("application/json"),
            body,
            headers: vec![],
            headers_first: false,
        })
    }

    /// Flask's JSON provider: sorted keys, compact, dates as HTTP dates, `Decimal` as str.
    pub(super) fn flask_dumps(&mut self, v: &Value) -> R<String> {
        let v = self.flask_jsonable(v)?;
        // (Keys sorted as Python sorts them, while encoding.)
        let j = self.to_json_with(&v, None, true)?;
        let opts = crate::core::py::json::DumpOptions {
            separators: Some((",".into(), ":".into())),
            ..Default::default()
        };
        self.py(crate::core::py::json::dumps(&j, &opts))
    }

    pub(super) fn flask_jsonable(&mut self, v: &Value) -> R<Value> {
        Ok(match v {
            Value::List(_) | Value::Tuple(_) => {
                let mut out = vec![];
                for x in self.iterate(v)? {
                    out.push(self.flask_jsonable(&x)?);
                }
                Value::list(out)
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                let mut out = vec![];
                for (k, x) in items {
                    out.push((k, self.flask_jsonable(&x)?));
                }
                Value::dict_of(out)
            }
            Value::DateTime(d) => Value::str(&d.strftime("%a, %d %b %Y %H:%M:%S GMT")),
            Value::Date(d) => Value::str(&d.strftime("%a, %d %b %Y 00:00:00 GMT")),
            Value::Decimal(_) => Value::str(&self.to_str(v)?),
            other => other.clone(),
        })
    }
}
