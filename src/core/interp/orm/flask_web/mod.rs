//! Flask's request handling as tutorials exercise it without a server: views registered by
//! `@app.route(...)` (and `app.get`/`post`/`put`/`patch`/`delete`, `add_url_rule`),
//! `app.test_client()` dispatching a request to them (werkzeug's URL rules and
//! converters, 404/405, HTTP errors and `@app.errorhandler`, a view's exception as a 500),
//! the `request` proxy (`method`, `path`, `args`, `form`, `json`/`get_json()`), `jsonify`
//! with Flask's JSON provider (compact, sorted keys, dates as HTTP dates), and the test
//! response (`status_code`, `status`, `json`, `get_json()`, `text`, `data`, `headers`).
//! Blueprints are in `blueprint`.

use std::rc::Rc;

use super::Native;
use super::dispatch::{kwget, nv};
use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

mod blueprint;
mod request;
mod response;
mod url;

pub use blueprint::Blueprint;

use response::error_page;
use url::{match_rule, parse_query};

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

impl RequestData {
    /// The first value of query string argument `name` (`request.args.get(name)`).
    pub fn arg(&self, name: &str) -> Option<Rc<str>> {
        (self.args.iter())
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }
}

/// A response: status code, content type and body.
pub struct ResponseData {
    code: i64,
    mimetype: Rc<str>,
    body: String,
    /// Headers a view returned beside its body (as strings), and whether they come before
    /// `Content-Type` (a response werkzeug made with them) or after (added to one made).
    headers: Vec<(Rc<str>, Rc<str>)>,
    headers_first: bool,
}

/// Flask objects other than the app.
pub enum FlaskObj {
    /// `@app.route(rule, methods=...)` before it gets its function: rule, methods, endpoint.
    RouteDecorator(Rc<str>, Vec<Rc<str>>, Option<Rc<str>>),
    /// `@app.errorhandler(code)` before it gets its function: the code, or 0 and the
    /// exception class (`@app.errorhandler(ValueError)`).
    ErrorHandlerDecorator(i64, Option<Rc<crate::core::interp::value::Class>>),
    /// `app.test_client()`.
    TestClient,
    /// A response (`jsonify(...)`, a test client's answer).
    Response(ResponseData),
    /// `flask.request`.
    Request,
    /// `request.args` / `request.form`: werkzeug's `MultiDict`.
    MultiDict(Vec<(Rc<str>, Rc<str>)>),
    /// `Blueprint(...)`.
    Blueprint(Blueprint),
    /// `@bp.route(rule, ...)` before it gets its function: the blueprint, rule, methods,
    /// endpoint.
    BlueprintRoute(Rc<FlaskObj>, Rc<str>, Vec<Rc<str>>, Option<Rc<str>>),
    /// `app.url_map`.
    UrlMap,
    /// One of `app.url_map.iter_rules()`: its index in the rules (0: `static`).
    Rule(usize),
}

fn flask(o: FlaskObj) -> Value {
    nv(Native::Flask(Rc::new(o)))
}

/// The reason phrase of an HTTP status as werkzeug's `Response.status` spells it: the
/// phrase of [`status_phrase`] in capitals, `UNKNOWN` for a code it does not know.
fn reason(code: i64) -> String {
    crate::core::interp::builtins::status_phrase(code)
        .unwrap_or("unknown")
        .to_ascii_uppercase()
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
        if self.orm.got_first_request
            && matches!(
                name,
                "get"
                    | "post"
                    | "put"
                    | "delete"
                    | "patch"
                    | "route"
                    | "add_url_rule"
                    | "errorhandler"
                    | "register_error_handler"
            )
        {
            return self.raise(
                "AssertionError",
                format!(
                    "The setup method '{name}' can no longer be called on the application. It has already handled its first request, any changes will not be applied consistently.\nMake sure all imports, decorators, functions, etc. needed to set up the application are done before running it."
                ),
            );
        }
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
                            out.push(Rc::from(crate::core::py::case::upper(&s).as_str()));
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
                let m = Rc::from(crate::core::py::case::upper(name).as_str());
                flask(FlaskObj::RouteDecorator(rule, vec![m], endpoint))
            }
            // `app.register_error_handler(ValueError, f)`: `@app.errorhandler(ValueError)` on f.
            "register_error_handler" => {
                let Some(f) = args.get(1) else {
                    return self.raise(
                        "TypeError",
                        "App.register_error_handler() missing 1 required positional argument: 'f'",
                    );
                };
                let dec = self.flask_app_method("errorhandler", &args[..1], &vec![])?;
                if let Some(Value::Native(n)) = dec
                    && let Native::Flask(o) = &*n
                {
                    self.flask_call(o, vec![f.clone()])?;
                }
                Value::None
            }
            "errorhandler" => match args.first() {
                Some(Value::Int(i)) => flask(FlaskObj::ErrorHandlerDecorator(
                    i.to_i64().unwrap_or(0),
                    None,
                )),
                Some(Value::Class(c)) => {
                    match crate::core::interp::exceptions::http_error(&c.name) {
                        Some(e) => flask(FlaskObj::ErrorHandlerDecorator(e.0, None)),
                        None => flask(FlaskObj::ErrorHandlerDecorator(0, Some(c.clone()))),
                    }
                }
                _ => flask(FlaskObj::ErrorHandlerDecorator(500, None)),
            },
            "test_client" => flask(FlaskObj::TestClient),
            _ => return Ok(None),
        }))
    }

    pub(super) fn add_route(
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
            FlaskObj::BlueprintRoute(bp, rule, methods, endpoint) => {
                self.blueprint_route(bp, rule, methods, endpoint, f.clone())?;
            }
            FlaskObj::ErrorHandlerDecorator(code, class) => {
                self.orm
                    .error_handlers
                    .push((*code, class.clone(), f.clone()));
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
                "is_json" => Value::Bool(response::is_json(r)),
                "json" => self.response_json(r)?,
                "text" => Value::str(&r.body),
                "content_length" => Value::int(r.body.len() as i64),
                "data" => nv(Native::Bytes(Rc::from(r.body.as_bytes()))),
                "headers" => {
                    // (A `Content-Type` the view set: given to werkzeug's constructor, it
                    // stays where it was given and none is added; added to a response
                    // already made, it replaces that one's in place.)
                    let explicit = response::explicit_content_type(r).is_some();
                    let mut own = vec![(
                        Value::str("Content-Length"),
                        Value::str(&r.body.len().to_string()),
                    )];
                    if !(explicit && r.headers_first) {
                        own.insert(
                            0,
                            (
                                Value::str("Content-Type"),
                                Value::str(&self.content_type(r)),
                            ),
                        );
                    }
                    let extra = (r.headers.iter())
                        .filter(|(k, _)| r.headers_first || !k.eq_ignore_ascii_case("content-type"))
                        .map(|(k, v)| (Value::Str(k.clone()), Value::Str(v.clone())));
                    let mut all: Vec<(Value, Value)> = vec![];
                    if r.headers_first {
                        all.extend(extra);
                        all.extend(own);
                    } else {
                        all.extend(own);
                        all.extend(extra);
                    }
                    Value::dict_of(all)
                }
                "get_json" | "get_data" => return method(),
                _ => {
                    return self.no_attr("WrapperTestResponse", name);
                }
            }),
            FlaskObj::Request => self.request_attr(this, name),
            FlaskObj::Blueprint(bp) => self.blueprint_attr(bp, this, name),
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
                        return self.no_attr("Rule", name);
                    }
                })
            }
            _ => {
                let t = o.type_name();
                self.no_attr(t, name)
            }
        }
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
            FlaskObj::Blueprint(_) => self.blueprint_method(o, name, args, kw),
            FlaskObj::TestClient => {
                let method = match name {
                    "open" => match kwget(&kw, "method") {
                        Some(Value::Str(m)) => crate::core::py::case::upper(m),
                        _ => "GET".into(),
                    },
                    m => crate::core::py::case::upper(m),
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
                self.no_attr(t, name)
            }
        }
    }

    /// A test client's request: routed, dispatched, its response made.
    fn test_request(&mut self, method: &str, url: &str, kw: &Kw) -> R<Value> {
        let req = Rc::new(self.request_data(method, url, kw)?);
        let path = req.path.clone();
        self.orm.requests.push(req);
        let r = self.dispatch(method, &path);
        self.orm.requests.pop();
        let mut resp = r?;
        if method == "HEAD" {
            resp.body.clear();
        }
        Ok(flask(FlaskObj::Response(resp)))
    }

    /// The request a test client's call or `test_request_context()` describes: its URL
    /// with the query string, `query_string=`, and a `json=` or `data=` body.
    pub(crate) fn request_data(&mut self, method: &str, url: &str, kw: &Kw) -> R<RequestData> {
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
        Ok(RequestData {
            method: Rc::from(method),
            path: Rc::from(path),
            args,
            form,
            json,
            body,
            content_type,
        })
    }

    /// Routes and runs the view; HTTP errors (raised, or from the routing) become their
    /// responses, through `@app.errorhandler` when one is registered.
    fn dispatch(&mut self, method: &str, path: &str) -> R<ResponseData> {
        self.orm.got_first_request = true;
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
        // (A handler registered for the exception's class or a base of it, nearest first:
        // Flask's lookup after the code's handlers.)
        let by_class = |it: &Self| -> Option<Value> {
            let Value::Instance(i) = &e.value else {
                return None;
            };
            let mro = i.class.mro.borrow().clone();
            mro.iter().find_map(|k| {
                (it.orm.error_handlers.iter())
                    .find(|(_, c, _)| c.as_ref().is_some_and(|c| Rc::ptr_eq(c, k)))
                    .map(|(_, _, h)| h.clone())
            })
        };
        let code_handler = code.and_then(|c| {
            (self.orm.error_handlers.iter())
                .find(|(k, class, _)| *k == c && class.is_none())
                .map(|(_, _, h)| h.clone())
        });
        if let Some(h) = code_handler.or_else(|| by_class(self)) {
            let v = self.call(&h, vec![e.value.clone()], vec![])?;
            return self.make_response(v, None);
        }
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
        if let Some((_, _, h)) = (self.orm.error_handlers.iter())
            .find(|(c, class, _)| *c == code && class.is_none())
            .cloned()
        {
            // (An unhandled exception reaches a 500 handler as `InternalServerError`,
            // with the exception as its `original_exception`.)
            let arg = if code == 500 && !self.exc_is(&e, "HTTPException") {
                let ise = self.http_exception("InternalServerError", None)?;
                if let Value::Instance(i) = &ise {
                    (i.dict.borrow_mut()).insert(Rc::from("original_exception"), e.value.clone());
                }
                ise
            } else {
                e.value.clone()
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
                let (_, _, d) = crate::core::interp::exceptions::http_error("InternalServerError")
                    .copied()
                    .unwrap_or((500, "", ""));
                ("Internal Server Error".to_string(), d.to_string())
            }
        };
        Ok(ResponseData {
            code,
            mimetype: Rc::from("text/html"),
            body: error_page(code, &name, &desc),
            headers: vec![],
            headers_first: false,
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
            FlaskObj::RouteDecorator(..)
            | FlaskObj::BlueprintRoute(..)
            | FlaskObj::ErrorHandlerDecorator(..) => "function",
            FlaskObj::Blueprint(_) => "Blueprint",
            FlaskObj::TestClient => "FlaskClient",
            FlaskObj::Response(_) => "WrapperTestResponse",
            FlaskObj::Request => "Request",
            FlaskObj::MultiDict(_) => "ImmutableMultiDict",
            FlaskObj::UrlMap => "Map",
            FlaskObj::Rule(_) => "Rule",
        }
    }
}
