//! Flask's request handling as tutorials exercise it without a server: views registered by
//! `@app.route(...)` (and `app.get`/`post`/`put`/`patch`/`delete`, `add_url_rule`),
//! `app.test_client()` dispatching a request to them (werkzeug's URL rules and
//! converters, 404/405, HTTP errors and `@app.errorhandler`, a view's exception as a 500),
//! the `request` proxy (`method`, `path`, `args`, `form`, `json`/`get_json()`), `jsonify`
//! with Flask's JSON provider (compact, sorted keys, dates as HTTP dates), and the test
//! response (`status_code`, `status`, `json`, `get_json()`, `text`, `data`, `headers`).

use std::rc::Rc;

use super::Native;
use super::dispatch::{kwget, nv};
use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// A view registered on the app.
#[derive(Clone)]
pub struct Route {
    /// The URL rule (`/users/<int:id>`).
    pub rule: Rc<str>,
    /// The methods it answers (GET also answers HEAD).
    pub methods: Vec<Rc<str>>,
    /// Its endpoint (the view function's name unless given).
    pub endpoint: Rc<str>,
    /// The view function.
    pub view: Value,
}

/// A request being dispatched (what `request` reads).
pub struct RequestData {
    method: Rc<str>,
    path: Rc<str>,
    args: Vec<(Rc<str>, Rc<str>)>,
    form: Vec<(Rc<str>, Rc<str>)>,
    /// The JSON body, parsed (`json=`).
    json: Option<Value>,
    body: String,
    content_type: Rc<str>,
}

/// A response: status code, content type and body.
pub struct ResponseData {
    code: i64,
    mimetype: Rc<str>,
    body: String,
}

/// Flask objects other than the app.
pub enum FlaskObj {
    /// `@app.route(rule, methods=...)` before it gets its function: rule, methods, endpoint.
    RouteDecorator(Rc<str>, Vec<Rc<str>>, Option<Rc<str>>),
    /// `@app.errorhandler(code)` before it gets its function.
    ErrorHandlerDecorator(i64),
    /// `app.test_client()`.
    TestClient,
    /// A response (`jsonify(...)`, a test client's answer).
    Response(ResponseData),
    /// `flask.request`.
    Request,
    /// `request.args` / `request.form`: werkzeug's `MultiDict`.
    MultiDict(Vec<(Rc<str>, Rc<str>)>),
    /// `app.url_map`.
    UrlMap,
    /// One of `app.url_map.iter_rules()`: its index in the rules (0: `static`).
    Rule(usize),
}

fn flask(o: FlaskObj) -> Value {
    nv(Native::Flask(Rc::new(o)))
}

/// The reason phrase of an HTTP status.
fn reason(code: i64) -> &'static str {
    match code {
        200 => "OK",
        201 => "CREATED",
        202 => "ACCEPTED",
        204 => "NO CONTENT",
        301 => "MOVED PERMANENTLY",
        302 => "FOUND",
        304 => "NOT MODIFIED",
        400 => "BAD REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT FOUND",
        405 => "METHOD NOT ALLOWED",
        409 => "CONFLICT",
        410 => "GONE",
        415 => "UNSUPPORTED MEDIA TYPE",
        422 => "UNPROCESSABLE ENTITY",
        500 => "INTERNAL SERVER ERROR",
        _ => "UNKNOWN",
    }
}

/// `a=1&b=x%20y` as pairs (`+` and `%XX` decoded).
fn parse_query(q: &str) -> Vec<(Rc<str>, Rc<str>)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (Rc::from(unquote(k).as_str()), Rc::from(unquote(v).as_str()))
        })
        .collect()
}

fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Matches `path` against `rule`: the view's keyword arguments, or `None`.
fn match_rule(rule: &str, path: &str) -> Option<Vec<(Rc<str>, Value)>> {
    let mut out = vec![];
    let mut rest = path;
    let mut r = rule;
    while !r.is_empty() {
        match r.find('<') {
            Some(0) => {
                let end = r.find('>')?;
                let spec = &r[1..end];
                r = &r[end + 1..];
                let (conv, name) = spec.split_once(':').unwrap_or(("default", spec));
                // (A converter reads up to the next `/`, `path` to the rule's next literal.)
                let upto = match conv {
                    "path" => match r.split('<').next().filter(|l| !l.is_empty()) {
                        Some(lit) => rest.rfind(lit).unwrap_or(rest.len()),
                        None => rest.len(),
                    },
                    _ => rest.find('/').unwrap_or(rest.len()),
                };
                let text = &rest[..upto];
                if text.is_empty() {
                    return None;
                }
                rest = &rest[upto..];
                let v = match conv {
                    "int" => {
                        if !text.bytes().all(|b| b.is_ascii_digit()) {
                            return None;
                        }
                        Value::int(text.parse::<i64>().ok()?)
                    }
                    "float" => {
                        if !text.contains('.') {
                            return None;
                        }
                        Value::Float(text.parse::<f64>().ok()?)
                    }
                    _ => Value::str(&unquote(text)),
                };
                out.push((Rc::from(name.trim()), v));
            }
            Some(i) => {
                rest = rest.strip_prefix(&r[..i])?;
                r = &r[i..];
            }
            None => {
                rest = rest.strip_prefix(r)?;
                r = "";
            }
        }
    }
    rest.is_empty().then_some(out)
}

/// werkzeug's HTML body of an HTTP error.
fn error_page(code: i64, name: &str, description: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=en>\n<title>{code} {name}</title>\n<h1>{name}</h1>\n<p>{description}</p>\n"
    )
}

impl Interp<'_> {
    /// `app.route(...)` and its kin (`app.get(rule)` ...), `app.errorhandler(code)`,
    /// `app.add_url_rule(...)`, `app.test_client()`: `None` for other names.
    pub(crate) fn flask_app_method(
        &mut self,
        name: &str,
        args: &[Value],
        kw: &Kw,
    ) -> R<Option<Value>> {
        let rule = || match args.first().or(kwget(kw, "rule")) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
        let endpoint = match kwget(kw, "endpoint") {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
        Ok(Some(match name {
            "route" | "add_url_rule" => {
                let Some(rule) = rule() else {
                    return self.raise("TypeError", format!("{name}() missing the URL rule"));
                };
                let methods = match kwget(kw, "methods") {
                    Some(m) => {
                        let mut out = vec![];
                        for v in self.iterate(m)? {
                            let s = self.to_str(&v)?;
                            out.push(Rc::from(s.to_uppercase().as_str()));
                        }
                        out
                    }
                    None => vec![Rc::from("GET")],
                };
                if name == "add_url_rule" {
                    let endpoint = endpoint.or_else(|| match args.get(1) {
                        Some(Value::Str(s)) => Some(s.clone()),
                        _ => None,
                    });
                    if let Some(view) = args.get(2).or(kwget(kw, "view_func")).cloned() {
                        self.add_route(rule, methods, endpoint, view)?;
                    }
                    return Ok(Some(Value::None));
                }
                flask(FlaskObj::RouteDecorator(rule, methods, endpoint))
            }
            "get" | "post" | "put" | "patch" | "delete" => {
                let Some(rule) = rule() else {
                    return self.raise("TypeError", format!("{name}() missing the URL rule"));
                };
                let m = Rc::from(name.to_uppercase().as_str());
                flask(FlaskObj::RouteDecorator(rule, vec![m], endpoint))
            }
            "errorhandler" => match args.first() {
                Some(Value::Int(i)) => {
                    flask(FlaskObj::ErrorHandlerDecorator(i.to_i64().unwrap_or(0)))
                }
                Some(Value::Class(c)) => {
                    let code =
                        crate::core::interp::exceptions::http_error(&c.name).map_or(500, |e| e.0);
                    flask(FlaskObj::ErrorHandlerDecorator(code))
                }
                _ => flask(FlaskObj::ErrorHandlerDecorator(500)),
            },
            "test_client" => flask(FlaskObj::TestClient),
            _ => return Ok(None),
        }))
    }

    fn add_route(
        &mut self,
        rule: Rc<str>,
        methods: Vec<Rc<str>>,
        endpoint: Option<Rc<str>>,
        view: Value,
    ) -> R<()> {
        let endpoint = match endpoint {
            Some(e) => e,
            None => {
                let n = self.getattr(&view, "__name__")?;
                Rc::from(self.to_str(&n)?.as_str())
            }
        };
        if let Some(r) = self.orm.routes.iter().find(|r| r.endpoint == endpoint)
            && !crate::core::interp::ops::is_same(&r.view, &view)
        {
            return self.raise(
                "AssertionError",
                format!(
                    "View function mapping is overwriting an existing endpoint function: {endpoint}"
                ),
            );
        }
        self.orm.routes.push(Route {
            rule,
            methods,
            endpoint,
            view,
        });
        Ok(())
    }

    /// Calling a Flask object (a decorator getting its function).
    pub(crate) fn flask_call(&mut self, o: &FlaskObj, args: Vec<Value>) -> R<Value> {
        let Some(f) = args.into_iter().next() else {
            return self.raise("TypeError", "a decorator takes the view function");
        };
        match o {
            FlaskObj::RouteDecorator(rule, methods, endpoint) => {
                self.add_route(rule.clone(), methods.clone(), endpoint.clone(), f.clone())?;
            }
            FlaskObj::ErrorHandlerDecorator(code) => {
                self.orm.error_handlers.push((*code, f.clone()));
            }
            _ => {
                let t = self.type_name(&nv(Native::Flask(Rc::new(FlaskObj::UrlMap))));
                return self.raise("TypeError", format!("'{t}' object is not callable"));
            }
        }
        Ok(f)
    }

    /// Attributes of Flask objects.
    pub(crate) fn flask_attr(&mut self, o: &Rc<FlaskObj>, this: &Value, name: &str) -> R<Value> {
        let method = || {
            Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            ))))
        };
        match &**o {
            FlaskObj::TestClient
                if matches!(
                    name,
                    "get" | "post" | "put" | "patch" | "delete" | "head" | "open"
                ) =>
            {
                method()
            }
            FlaskObj::Response(r) => Ok(match name {
                "status_code" => Value::int(r.code),
                "status" => Value::str(&format!("{} {}", r.code, reason(r.code))),
                "mimetype" => Value::str(&r.mimetype),
                "content_type" => Value::str(&self.content_type(r)),
                "is_json" => Value::Bool(&*r.mimetype == "application/json"),
                "json" => self.response_json(r)?,
                "text" => Value::str(&r.body),
                "data" => nv(Native::Bytes(Rc::from(r.body.as_bytes()))),
                "headers" => Value::dict_of(vec![
                    (
                        Value::str("Content-Type"),
                        Value::str(&self.content_type(r)),
                    ),
                    (
                        Value::str("Content-Length"),
                        Value::int(r.body.len() as i64),
                    ),
                ]),
                "get_json" | "get_data" => return method(),
                _ => {
                    return self.raise(
                        "AttributeError",
                        format!("'WrapperTestResponse' object has no attribute '{name}'"),
                    );
                }
            }),
            FlaskObj::Request => self.request_attr(this, name),
            FlaskObj::MultiDict(_)
                if matches!(
                    name,
                    "get" | "getlist" | "keys" | "values" | "items" | "to_dict"
                ) =>
            {
                method()
            }
            FlaskObj::UrlMap if name == "iter_rules" => method(),
            FlaskObj::Rule(i) => {
                let (rule, endpoint, methods) = self.rule_at(*i);
                Ok(match name {
                    "rule" => Value::Str(rule),
                    "endpoint" => Value::Str(endpoint),
                    "methods" => {
                        let mut all: Vec<Value> =
                            methods.iter().map(|m| Value::Str(m.clone())).collect();
                        for extra in ["HEAD", "OPTIONS"] {
                            if (extra == "OPTIONS" || methods.iter().any(|m| &**m == "GET"))
                                && !methods.iter().any(|m| &**m == extra)
                            {
                                all.push(Value::str(extra));
                            }
                        }
                        self.call(
                            &Value::Builtin(Rc::from("set")),
                            vec![Value::list(all)],
                            vec![],
                        )?
                    }
                    _ => {
                        return self.raise(
                            "AttributeError",
                            format!("'Rule' object has no attribute '{name}'"),
                        );
                    }
                })
            }
            _ => {
                let t = o.type_name();
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    fn content_type(&self, r: &ResponseData) -> String {
        if r.mimetype.starts_with("text/") {
            format!("{}; charset=utf-8", r.mimetype)
        } else {
            r.mimetype.to_string()
        }
    }

    fn response_json(&mut self, r: &ResponseData) -> R<Value> {
        if &*r.mimetype != "application/json" {
            return Ok(Value::None);
        }
        let j = self.py(crate::core::py::json::loads(&r.body))?;
        self.from_json(&j)
    }

    /// The `(rule, endpoint, methods)` of `app.url_map`'s rule `i` (0: `static`).
    fn rule_at(&self, i: usize) -> (Rc<str>, Rc<str>, Vec<Rc<str>>) {
        match i.checked_sub(1).and_then(|i| self.orm.routes.get(i)) {
            Some(r) => (r.rule.clone(), r.endpoint.clone(), r.methods.clone()),
            None => (
                Rc::from("/static/<path:filename>"),
                Rc::from("static"),
                vec![Rc::from("GET")],
            ),
        }
    }

    /// Methods of Flask objects.
    pub(crate) fn flask_method(
        &mut self,
        o: &Rc<FlaskObj>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        match &**o {
            FlaskObj::TestClient => {
                let method = match name {
                    "open" => match kwget(&kw, "method") {
                        Some(Value::Str(m)) => m.to_uppercase(),
                        _ => "GET".into(),
                    },
                    m => m.to_uppercase(),
                };
                let path = match args.first().or(kwget(&kw, "path")) {
                    Some(Value::Str(s)) => s.to_string(),
                    None => "/".into(),
                    Some(v) => self.to_str(v)?,
                };
                self.test_request(&method, &path, &kw)
            }
            FlaskObj::Response(r) => match name {
                "get_json" => self.response_json(r),
                _ => {
                    let as_text =
                        kwget(&kw, "as_text").is_some_and(|v| matches!(v, Value::Bool(true)));
                    Ok(if as_text {
                        Value::str(&r.body)
                    } else {
                        nv(Native::Bytes(Rc::from(r.body.as_bytes())))
                    })
                }
            },
            FlaskObj::Request if name == "get_json" => {
                let silent = kwget(&kw, "silent").is_some_and(|v| matches!(v, Value::Bool(true)));
                self.request_json(silent)
            }
            FlaskObj::MultiDict(items) => self.multidict_method(items, name, &args, &kw),
            FlaskObj::UrlMap => Ok(Value::list(
                (0..=self.orm.routes.len())
                    .map(|i| flask(FlaskObj::Rule(i)))
                    .collect(),
            )),
            _ => {
                let t = o.type_name();
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    fn multidict_method(
        &mut self,
        items: &[(Rc<str>, Rc<str>)],
        name: &str,
        args: &[Value],
        kw: &Kw,
    ) -> R<Value> {
        let key = match args.first().or(kwget(kw, "key")) {
            Some(v) => Some(self.to_str(v)?),
            None => None,
        };
        let first = |k: &Option<String>| {
            k.as_ref()
                .and_then(|k| items.iter().find(|(n, _)| **n == **k))
                .map(|(_, v)| v.clone())
        };
        Ok(match name {
            "get" => {
                let default = args
                    .get(1)
                    .or(kwget(kw, "default"))
                    .cloned()
                    .unwrap_or(Value::None);
                match (first(&key), kwget(kw, "type")) {
                    (None, _) => default,
                    (Some(v), None) => Value::Str(v),
                    // (A value the type cannot take gives the default, as werkzeug's does.)
                    (Some(v), Some(t)) => {
                        match self.call(&t.clone(), vec![Value::Str(v)], vec![]) {
                            Ok(x) => x,
                            Err(e)
                                if self.exc_is(&e, "ValueError")
                                    || self.exc_is(&e, "TypeError") =>
                            {
                                default
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            "getlist" => Value::list(
                items
                    .iter()
                    .filter(|(n, _)| key.as_deref() == Some(&**n))
                    .map(|(_, v)| Value::Str(v.clone()))
                    .collect(),
            ),
            "keys" => Value::list(
                self.multidict_keys(items)
                    .into_iter()
                    .map(Value::Str)
                    .collect(),
            ),
            "values" => Value::list(
                self.multidict_keys(items)
                    .into_iter()
                    .filter_map(|k| first(&Some(k.to_string())).map(Value::Str))
                    .collect(),
            ),
            "items" | "to_dict" => {
                let pairs: Vec<(Value, Value)> = self
                    .multidict_keys(items)
                    .into_iter()
                    .filter_map(|k| {
                        first(&Some(k.to_string())).map(|v| (Value::Str(k), Value::Str(v)))
                    })
                    .collect();
                if name == "items" {
                    Value::list(
                        pairs
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    )
                } else {
                    Value::dict_of(pairs)
                }
            }
            _ => {
                return self.raise(
                    "AttributeError",
                    format!("'ImmutableMultiDict' object has no attribute '{name}'"),
                );
            }
        })
    }

    fn multidict_keys(&self, items: &[(Rc<str>, Rc<str>)]) -> Vec<Rc<str>> {
        let mut keys: Vec<Rc<str>> = vec![];
        for (k, _) in items {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        keys
    }

    /// True when the exception `e` is (a subclass of) the builtin class `class`.
    fn exc_is(&self, e: &crate::core::interp::Exc, class: &str) -> bool {
        self.exc
            .get(class)
            .is_some_and(|c| self.exc_matches(&e.value, c))
    }

    /// `request.<name>` during a test client's request.
    fn request_attr(&mut self, this: &Value, name: &str) -> R<Value> {
        let Some(req) = self.orm.requests.last().cloned() else {
            return self.raise("RuntimeError", "Working outside of request context.");
        };
        Ok(match name {
            "method" => Value::Str(req.method.clone()),
            "path" => Value::Str(req.path.clone()),
            "args" => flask(FlaskObj::MultiDict(req.args.clone())),
            "form" => flask(FlaskObj::MultiDict(req.form.clone())),
            "values" => {
                let mut all = req.args.clone();
                all.extend(req.form.iter().cloned());
                flask(FlaskObj::MultiDict(all))
            }
            "json" => self.request_json(false)?,
            "is_json" => Value::Bool(&*req.content_type == "application/json"),
            "content_type" | "mimetype" => Value::Str(req.content_type.clone()),
            "data" => nv(Native::Bytes(Rc::from(req.body.as_bytes()))),
            "get_json" | "get_data" => {
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name))))
            }
            _ => {
                return self.raise(
                    "AttributeError",
                    format!("'Request' object has no attribute '{name}'"),
                );
            }
        })
    }

    /// `request.json` / `get_json()`: the body parsed, or werkzeug's 415 for a body that is
    /// not JSON (`None` when `silent`).
    fn request_json(&mut self, silent: bool) -> R<Value> {
        let Some(req) = self.orm.requests.last().cloned() else {
            return self.raise("RuntimeError", "Working outside of request context.");
        };
        match &req.json {
            Some(v) => Ok(v.clone()),
            None if silent => Ok(Value::None),
            None => {
                let v = self.http_exception(
                    "UnsupportedMediaType",
                    Some(Value::str("Did not attempt to load JSON data because the request Content-Type was not 'application/json'.")),
                )?;
                self.raise_value(v)
            }
        }
    }

    /// A test client's request: routed, dispatched, its response made.
    fn test_request(&mut self, method: &str, url: &str, kw: &Kw) -> R<Value> {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let mut args = parse_query(query);
        if let Some(q) = kwget(kw, "query_string") {
            match q {
                Value::Str(s) => args.extend(parse_query(s)),
                q => {
                    for (k, v) in self.mapping_items(q)? {
                        args.push((
                            Rc::from(self.to_str(&k)?.as_str()),
                            Rc::from(self.to_str(&v)?.as_str()),
                        ));
                    }
                }
            }
        }
        let (json, body, form, content_type) = match (kwget(kw, "json"), kwget(kw, "data")) {
            (Some(j), _) => {
                let text = self.flask_dumps(j)?;
                // (The view reads what the JSON text parses back to.)
                let parsed = self.py(crate::core::py::json::loads(&text))?;
                let v = self.from_json(&parsed)?;
                (Some(v), text, vec![], Rc::from("application/json"))
            }
            (None, Some(Value::Str(s))) => (None, s.to_string(), vec![], Rc::from("")),
            (None, Some(d)) => {
                let mut form = vec![];
                for (k, v) in self.mapping_items(d)? {
                    form.push((
                        Rc::from(self.to_str(&k)?.as_str()),
                        Rc::from(self.to_str(&v)?.as_str()),
                    ));
                }
                let body = form
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("&");
                (
                    None,
                    body,
                    form,
                    Rc::from("application/x-www-form-urlencoded"),
                )
            }
            (None, None) => (None, String::new(), vec![], Rc::from("")),
        };
        let req = Rc::new(RequestData {
            method: Rc::from(method),
            path: Rc::from(path),
            args,
            form,
            json,
            body,
            content_type,
        });
        self.orm.requests.push(req);
        let r = self.dispatch(method, path);
        self.orm.requests.pop();
        let mut resp = r?;
        if method == "HEAD" {
            resp.body.clear();
        }
        Ok(flask(FlaskObj::Response(resp)))
    }

    /// Routes and runs the view; HTTP errors (raised, or from the routing) become their
    /// responses, through `@app.errorhandler` when one is registered.
    fn dispatch(&mut self, method: &str, path: &str) -> R<ResponseData> {
        let mut allowed = false;
        let mut found = None;
        // (Rules without variables first, as werkzeug sorts its rules.)
        let mut order: Vec<usize> = (0..self.orm.routes.len()).collect();
        order.sort_by_key(|&i| self.orm.routes[i].rule.contains('<'));
        for i in order {
            let r = &self.orm.routes[i];
            if let Some(kwargs) = match_rule(&r.rule, path) {
                let takes = |m: &str| r.methods.iter().any(|x| &**x == m);
                if takes(method) || (method == "HEAD" && takes("GET")) {
                    found = Some((r.view.clone(), r.endpoint.clone(), kwargs));
                    break;
                }
                allowed = true;
            }
        }
        let result = match found {
            Some((view, endpoint, kwargs)) => {
                let kw: Kw = kwargs.into_iter().collect();
                match self.call(&view, vec![], kw) {
                    Ok(v) => self.make_response(v, Some(&endpoint)),
                    Err(e) => Err(e),
                }
            }
            None => {
                let class = if allowed {
                    "MethodNotAllowed"
                } else {
                    "NotFound"
                };
                let v = self.http_exception(class, None)?;
                self.raise_value(v)
            }
        };
        match result {
            Ok(r) => Ok(r),
            Err(e) => self.handle_exception(e),
        }
    }

    /// An exception from a view: an HTTP error's response (or its handler's), else a 500
    /// (re-raised when the app is testing, as Flask propagates it then).
    fn handle_exception(&mut self, e: Box<crate::core::interp::Exc>) -> R<ResponseData> {
        let code = match &e.value {
            Value::Instance(i) if self.exc_is(&e, "HTTPException") => {
                i.dict.borrow().get("code").and_then(|c| match c {
                    Value::Int(n) => n.to_i64(),
                    _ => None,
                })
            }
            _ => None,
        };
        let code = match code {
            Some(c) => c,
            None => {
                let testing = self
                    .orm
                    .app
                    .clone()
                    .map(|a| self.getattr(&a, "testing"))
                    .transpose()?;
                if testing.is_some_and(|t| matches!(t, Value::Bool(true))) {
                    return Err(e);
                }
                // (Flask logs the exception; the client gets a 500.)
                let (method, path) = match self.orm.requests.last() {
                    Some(r) => (r.method.clone(), r.path.clone()),
                    None => (Rc::from("GET"), Rc::from("/")),
                };
                let t = self.type_name(&e.value);
                let msg = self.to_str(&e.value).unwrap_or_default();
                self.err.push_str(&format!(
                    "ERROR in app: Exception on {path} [{method}]: {t}: {msg}\n"
                ));
                500
            }
        };
        if let Some((_, h)) = self
            .orm
            .error_handlers
            .iter()
            .find(|(c, _)| *c == code)
            .cloned()
        {
            let arg = match code {
                500 if !self.exc_is(&e, "HTTPException") => e.value.clone(),
                _ => e.value.clone(),
            };
            let v = self.call(&h, vec![arg], vec![])?;
            return self.make_response(v, None);
        }
        let (name, desc) = match &e.value {
            Value::Instance(i) if code != 500 || self.exc_is(&e, "HTTPException") => {
                let d = i.dict.borrow();
                let name = d.get("name").cloned().unwrap_or(Value::None);
                let desc = d.get("description").cloned().unwrap_or(Value::None);
                drop(d);
                (self.to_str(&name)?, self.to_str(&desc)?)
            }
            _ => {
                let (_, _, n, d) =
                    crate::core::interp::exceptions::http_error("InternalServerError")
                        .copied()
                        .unwrap_or((500, "", "Internal Server Error", ""));
                (n.to_string(), d.to_string())
            }
        };
        Ok(ResponseData {
            code,
            mimetype: Rc::from("text/html"),
            body: error_page(code, &name, &desc),
        })
    }

    /// A view's return value as a response (Flask's `make_response`).
    fn make_response(&mut self, v: Value, endpoint: Option<&str>) -> R<ResponseData> {
        let (body, status) = match &v {
            Value::Tuple(t) if (2..=3).contains(&t.len()) => {
                let status = match &t[1] {
                    Value::Int(i) => i.to_i64(),
                    _ => None,
                };
                (t[0].clone(), status)
            }
            _ => (v.clone(), None),
        };
        let mut r = match &body {
            Value::Native(n)
                if let Native::Flask(o) = &**n
                    && let FlaskObj::Response(r) = &**o =>
            {
                ResponseData {
                    code: r.code,
                    mimetype: r.mimetype.clone(),
                    body: r.body.clone(),
                }
            }
            Value::Str(s) => ResponseData {
                code: 200,
                mimetype: Rc::from("text/html"),
                body: s.to_string(),
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

    fn json_response(&mut self, v: &Value) -> R<ResponseData> {
        let mut body = self.flask_dumps(v)?;
        body.push('\n');
        Ok(ResponseData {
            code: 200,
            mimetype: Rc::from("application/json"),
            body,
        })
    }

    /// Flask's JSON provider: sorted keys, compact, dates as HTTP dates, `Decimal` as str.
    fn flask_dumps(&mut self, v: &Value) -> R<String> {
        let v = self.flask_jsonable(v)?;
        let j = self.to_json(&v)?;
        let opts = crate::core::py::json::DumpOptions {
            sort_keys: true,
            separators: Some((",".into(), ":".into())),
            ..Default::default()
        };
        self.py(crate::core::py::json::dumps(&j, &opts))
    }

    fn flask_jsonable(&mut self, v: &Value) -> R<Value> {
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

impl Interp<'_> {
    /// `repr()` (and `str()`) of Flask objects.
    pub(crate) fn flask_repr(&mut self, o: &FlaskObj) -> String {
        match o {
            FlaskObj::Response(r) => format!(
                "<WrapperTestResponse {} bytes [{} {}]>",
                r.body.len(),
                r.code,
                reason(r.code)
            ),
            FlaskObj::Rule(i) => self.rule_at(*i).0.to_string(),
            FlaskObj::Request => match self.orm.requests.last() {
                Some(r) => format!("<Request 'http://localhost{}' [{}]>", r.path, r.method),
                None => "<LocalProxy unbound>".into(),
            },
            FlaskObj::MultiDict(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "({}, {})",
                            crate::core::py::strings::str_repr(k),
                            crate::core::py::strings::str_repr(v)
                        )
                    })
                    .collect();
                format!("ImmutableMultiDict([{}])", parts.join(", "))
            }
            o => format!("<{} object at 0x7f0000000000>", o.type_name()),
        }
    }

    /// `args['q']`: the first value, or werkzeug's 400 (`BadRequestKeyError`).
    pub(crate) fn flask_getitem(&mut self, o: &FlaskObj, key: &Value) -> R<Value> {
        if let FlaskObj::MultiDict(items) = o
            && let Value::Str(k) = key
        {
            if let Some((_, v)) = items.iter().find(|(n, _)| n == k) {
                return Ok(Value::Str(v.clone()));
            }
            let v = self.http_exception("BadRequest", None)?;
            return self.raise_value(v);
        }
        let t = o.type_name();
        self.raise("TypeError", format!("'{t}' object is not subscriptable"))
    }

    /// The keys of a `MultiDict` (nothing for other objects).
    pub(crate) fn flask_keys(&self, o: &FlaskObj) -> Vec<Rc<str>> {
        match o {
            FlaskObj::MultiDict(items) => self.multidict_keys(items),
            _ => vec![],
        }
    }
}

impl FlaskObj {
    /// The Python class name.
    pub fn type_name(&self) -> &'static str {
        match self {
            FlaskObj::RouteDecorator(..) | FlaskObj::ErrorHandlerDecorator(_) => "function",
            FlaskObj::TestClient => "FlaskClient",
            FlaskObj::Response(_) => "WrapperTestResponse",
            FlaskObj::Request => "Request",
            FlaskObj::MultiDict(_) => "ImmutableMultiDict",
            FlaskObj::UrlMap => "Map",
            FlaskObj::Rule(_) => "Rule",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_with_converters() {
        let m = |r: &str, p: &str| match_rule(r, p).map(|v| v.len());
        assert_eq!(m("/users", "/users"), Some(0));
        assert_eq!(m("/users", "/users/"), None);
        assert_eq!(m("/users/<int:id>", "/users/12"), Some(1));
        assert_eq!(m("/users/<int:id>", "/users/x"), None);
        assert_eq!(m("/hello/<name>", "/hello/bob"), Some(1));
        assert_eq!(m("/hello/<name>", "/hello/"), None);
        assert_eq!(m("/f/<path:p>/edit", "/f/a/b/edit"), Some(1));
        assert_eq!(m("/p/<float:x>", "/p/1.5"), Some(1));
        assert_eq!(unquote("a%20b+c%zz"), "a b c%zz");
    }
}
