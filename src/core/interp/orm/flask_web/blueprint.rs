//! Flask's blueprints: `Blueprint(name, import_name, url_prefix=...)` collects views with
//! the app's decorators (`@bp.route`, `bp.get` ..., `bp.add_url_rule`), and
//! `app.register_blueprint(bp, url_prefix=...)` registers them on the app under the
//! prefix, their endpoints named `bp.view`.

use std::cell::RefCell;
use std::rc::Rc;

use super::{FlaskObj, Route, flask};
use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::orm::dispatch::kwget;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// A blueprint and the views recorded on it (endpoints without the blueprint's name).
pub struct Blueprint {
    /// Its name (the endpoints' prefix).
    pub name: Rc<str>,
    /// `url_prefix=`.
    pub url_prefix: Option<Rc<str>>,
    /// The views recorded, in order.
    pub routes: RefCell<Vec<Route>>,
}

/// The rule `rule` under `prefix`, as Flask joins them.
fn join_rule(prefix: Option<&str>, rule: &str) -> Rc<str> {
    match prefix {
        Some(p) if rule.is_empty() => Rc::from(p),
        Some(p) => Rc::from(
            format!(
                "{}/{}",
                p.trim_end_matches('/'),
                rule.trim_start_matches('/')
            )
            .as_str(),
        ),
        None => Rc::from(rule),
    }
}

impl Interp<'_> {
    /// `Blueprint(name, import_name, url_prefix=None, ...)`.
    pub(crate) fn new_blueprint(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        let name = match args.first().or(kwget(kw, "name")) {
            Some(Value::Str(s)) => s.clone(),
            _ => {
                return self.raise(
                    "TypeError",
                    "Blueprint.__init__() missing 2 required positional arguments: 'name' and 'import_name'",
                );
            }
        };
        if name.contains('.') {
            return self.raise("ValueError", "'name' may not contain a dot '.' character.");
        }
        let url_prefix = match kwget(kw, "url_prefix") {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
        Ok(flask(FlaskObj::Blueprint(Blueprint {
            name,
            url_prefix,
            routes: RefCell::new(vec![]),
        })))
    }

    /// Attributes of a blueprint.
    pub(super) fn blueprint_attr(&mut self, bp: &Blueprint, this: &Value, name: &str) -> R<Value> {
        match name {
            "name" => Ok(Value::Str(bp.name.clone())),
            "url_prefix" => Ok(bp.url_prefix.clone().map_or(Value::None, Value::Str)),
            _ if crate::core::words::has(METHODS, name) => Ok(Value::BuiltinMethod(Rc::new((
                this.clone(),
                Rc::from(name),
            )))),
            _ => self.no_attr("Blueprint", name),
        }
    }

    /// Methods of a blueprint (`this` is the blueprint): the route decorators record on
    /// it; error handlers and request hooks are the app's.
    pub(super) fn blueprint_method(
        &mut self,
        this: &Rc<FlaskObj>,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        let FlaskObj::Blueprint(bp) = &**this else {
            return Ok(Value::None);
        };
        match name {
            "route" | "get" | "post" | "put" | "patch" | "delete" | "add_url_rule" => {
                // (The app's own parsing of the rule, methods and endpoint.)
                let real = self.orm.got_first_request;
                self.orm.got_first_request = false;
                let saved = self.orm.routes.len();
                let made = self.flask_app_method(name, &args, &kw);
                self.orm.got_first_request = real;
                // (`add_url_rule` registers at once on the app: moved to the blueprint.)
                let added: Vec<Route> = self.orm.routes.drain(saved..).collect();
                bp.routes.borrow_mut().extend(added);
                match &made? {
                    Some(Value::Native(n))
                        if let Native::Flask(o) = &**n
                            && let FlaskObj::RouteDecorator(rule, methods, endpoint) = &**o =>
                    {
                        Ok(flask(FlaskObj::BlueprintRoute(
                            this.clone(),
                            rule.clone(),
                            methods.clone(),
                            endpoint.clone(),
                        )))
                    }
                    other => Ok(other.clone().unwrap_or(Value::None)),
                }
            }
            "errorhandler" | "app_errorhandler" | "register_error_handler" => {
                let n = if name == "app_errorhandler" {
                    "errorhandler"
                } else {
                    name
                };
                Ok(self.flask_app_method(n, &args, &kw)?.unwrap_or(Value::None))
            }
            // Request hooks and the like: decorators that keep the function.
            _ => match args.as_slice() {
                [f] if kw.is_empty() && !matches!(f, Value::Str(_) | Value::Int(_)) => {
                    Ok(f.clone())
                }
                _ => Ok(Value::Native(Rc::new(Native::SqlaFn(Rc::from(
                    "flask.decorator",
                ))))),
            },
        }
    }

    /// `@bp.route(...)` getting its view.
    pub(super) fn blueprint_route(
        &mut self,
        bp: &Rc<FlaskObj>,
        rule: &Rc<str>,
        methods: &[Rc<str>],
        endpoint: &Option<Rc<str>>,
        view: Value,
    ) -> R<()> {
        let FlaskObj::Blueprint(b) = &**bp else {
            return Ok(());
        };
        let endpoint = match endpoint {
            Some(e) => e.clone(),
            None => {
                let n = self.getattr(&view, "__name__")?;
                Rc::from(self.to_str(&n)?.as_str())
            }
        };
        b.routes.borrow_mut().push(Route {
            rule: rule.clone(),
            methods: methods.to_vec(),
            endpoint,
            view,
        });
        Ok(())
    }

    /// `app.register_blueprint(bp, url_prefix=...)`: the blueprint's views on the app.
    pub(crate) fn register_blueprint(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        let bp = match args.first().or(kwget(kw, "blueprint")) {
            Some(Value::Native(n))
                if let Native::Flask(o) = &**n
                    && let FlaskObj::Blueprint(_) = &**o =>
            {
                o.clone()
            }
            _ => {
                return self.raise("TypeError", "register_blueprint() takes a Blueprint");
            }
        };
        let FlaskObj::Blueprint(b) = &*bp else {
            return Ok(Value::None);
        };
        let prefix = match kwget(kw, "url_prefix") {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => b.url_prefix.clone(),
        };
        let routes = b.routes.borrow().clone();
        for r in routes {
            let rule = join_rule(prefix.as_deref(), &r.rule);
            let endpoint = Rc::from(format!("{}.{}", b.name, r.endpoint).as_str());
            self.add_route(rule, r.methods, Some(endpoint), r.view)?;
        }
        Ok(Value::None)
    }
}

/// The methods a blueprint has here (a packed list, see `core::words`).
const METHODS: &str = "add_url_rule after_app_request after_request app_context_processor \
    app_errorhandler app_template_filter app_template_global before_app_request \
    before_request context_processor delete errorhandler get patch post put record \
    record_once register_error_handler route teardown_app_request teardown_request \
    template_filter";
