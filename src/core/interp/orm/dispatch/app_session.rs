//! Attributes of the Flask app (its config, and the attributes the config backs) and of the
//! session (its state, the methods `session_method` runs, attributes scripts set on it).

use std::cell::RefCell;

use super::*;

/// The session's methods (`session_method` runs them): other names are no attributes.
const SESSION_METHODS: &str = "add add_all begin begin_nested bulk_insert_mappings \
    bulk_save_objects bulk_update_mappings close commit connection delete execute expire \
    expire_all expunge expunge_all flush get get_nested_transaction get_one get_transaction \
    in_nested_transaction in_transaction is_modified merge query refresh remove rollback scalar \
    scalars";

/// Flask 3.1's default configuration, in its order, as `NAME=value` (`F`/`T`/`N`: False/True/None,
/// numbers as ints, `31d` the session lifetime's timedelta, other values strings).
const FLASK_CONFIG: &str = "DEBUG=F TESTING=F PROPAGATE_EXCEPTIONS=N SECRET_KEY=N SECRET_KEY_FALLBACKS=N \
    PERMANENT_SESSION_LIFETIME=31d USE_X_SENDFILE=F TRUSTED_HOSTS=N SERVER_NAME=N \
    APPLICATION_ROOT=/ SESSION_COOKIE_NAME=session SESSION_COOKIE_DOMAIN=N \
    SESSION_COOKIE_PATH=N SESSION_COOKIE_HTTPONLY=T SESSION_COOKIE_SECURE=F \
    SESSION_COOKIE_PARTITIONED=F SESSION_COOKIE_SAMESITE=N SESSION_REFRESH_EACH_REQUEST=T \
    MAX_CONTENT_LENGTH=N MAX_FORM_MEMORY_SIZE=500000 MAX_FORM_PARTS=1000 \
    SEND_FILE_MAX_AGE_DEFAULT=N TRAP_BAD_REQUEST_ERRORS=N TRAP_HTTP_EXCEPTIONS=F \
    EXPLAIN_TEMPLATE_LOADING=F PREFERRED_URL_SCHEME=http TEMPLATES_AUTO_RELOAD=N \
    MAX_COOKIE_SIZE=4093 PROVIDE_AUTOMATIC_OPTIONS=T";

impl Interp<'_> {
    /// The Flask app's `config` dict, once made.
    pub(crate) fn app_config(&self) -> Option<Rc<RefCell<crate::core::interp::value::Dict>>> {
        let Some(Value::Native(n)) = &self.orm.app else {
            return None;
        };
        let Native::App(cfg, _) = &**n else {
            return None;
        };
        match &*cfg.borrow() {
            Value::Dict(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// True when `d` is the Flask app's `config` dict.
    pub fn is_app_config(&self, d: &Rc<RefCell<crate::core::interp::value::Dict>>) -> bool {
        self.app_config().is_some_and(|c| Rc::ptr_eq(&c, d))
    }

    /// `method` bound to `this` (run by the dispatch of its type's methods).
    fn bound(this: &Value, name: &str) -> R<Value> {
        Ok(Value::BuiltinMethod(Rc::new((
            this.clone(),
            Rc::from(name),
        ))))
    }

    /// `db.session.<name>` (`own`: `db.session()`, the `Session` itself).
    pub(super) fn session_attr(&mut self, own: bool, this: &Value, name: &str) -> R<Value> {
        Ok(match name {
            "identity_map" => nv(Native::IdentityMap),
            "new" => nv(Native::SessionSet(0)),
            "dirty" => nv(Native::SessionSet(1)),
            "deleted" => nv(Native::SessionSet(2)),
            "autoflush" => Value::Bool(!self.orm.autoflush_off),
            "expire_on_commit" if own => Value::Bool(!self.orm.keep_on_commit),
            "is_active" => Value::Bool(self.orm.failed.is_none()),
            "object_session" => return Self::bound(this, name),
            "no_autoflush" => nv(Native::SessionScope(
                crate::core::interp::orm::session::scopes::SessionScope::NoAutoflush(
                    Default::default(),
                ),
            )),
            _ => {
                let set = self.orm.session_attrs.iter();
                match set.into_iter().find(|(o, k, _)| *o == own && &**k == name) {
                    Some((_, _, v)) => v.clone(),
                    // (`in_transaction()`, `get_transaction()`... are the `Session`'s
                    // only, not proxied.)
                    None if (crate::core::words::has(SESSION_METHODS, name)
                        && (own
                            || !name.starts_with("in_") && !name.ends_with("_transaction")))
                        || name.starts_with("__") =>
                    {
                        return Self::bound(this, name);
                    }
                    None => {
                        let t = if own { "Session" } else { "scoped_session" };
                        return self.no_attr(t, name);
                    }
                }
            }
        })
    }

    /// `db.session.<name> = v`: `autoflush` (the scoped session sets its session's),
    /// `expire_on_commit` of the `Session`, else an attribute of the script's own.
    pub(super) fn session_setattr(&mut self, own: bool, name: &str, v: Value) -> R<()> {
        if name == "autoflush" || (name == "expire_on_commit" && own) {
            let on = self.truthy(&v)?;
            match name {
                "autoflush" => self.orm.autoflush_off = !on,
                _ => self.orm.keep_on_commit = !on,
            }
            return Ok(());
        }
        let attrs = &mut self.orm.session_attrs;
        match attrs.iter_mut().find(|(o, k, _)| *o == own && &**k == name) {
            Some((_, _, slot)) => *slot = v,
            None => attrs.push((own, Rc::from(name), v)),
        }
        Ok(())
    }

    /// `app.logger.<name>`: its records go to stderr in Flask, so nowhere a script's
    /// output shows (its level is NOTSET); its methods do nothing here.
    pub(super) fn logger_attr(&mut self, name: &str) -> R<Value> {
        match name {
            "level" => Ok(Value::int(0)),
            "name" => Ok(Value::str("oracle")),
            "disabled" | "propagate" => Ok(Value::Bool(name == "propagate")),
            "debug" | "info" | "warning" | "warn" | "error" | "critical" | "exception" | "log"
            | "setLevel" | "addHandler" | "removeHandler" => {
                Ok(nv(Native::SqlaFn(Rc::from("flask.logger.call"))))
            }
            _ => self.no_attr("Logger", name),
        }
    }

    /// `app.<name>`: `config` (made at first use: Flask's defaults, then
    /// Flask-SQLAlchemy's), and the attributes the config backs.
    pub(super) fn app_attr(
        &mut self,
        cfg: &RefCell<Value>,
        import: &str,
        this: &Value,
        name: &str,
    ) -> R<Value> {
        Ok(match name {
            "config" => {
                let mut c = cfg.borrow_mut();
                if matches!(*c, Value::None) {
                    *c = Value::dict_of(default_config());
                }
                c.clone()
            }
            "import_name" => Value::str(import),
            "name" => Value::str(app_name(import)),
            "cli" => nv(Native::SqlaFn(Rc::from("flask.cli"))),
            "url_map" => nv(Native::Flask(Rc::new(
                super::super::flask_web::FlaskObj::UrlMap,
            ))),
            "logger" => nv(Native::SqlaFn(Rc::from("flask.logger"))),
            // The endpoints' view functions (`static` serves the static folder).
            "view_functions" => {
                let mut views =
                    vec![(Value::str("static"), Self::bound(this, "send_static_file")?)];
                for r in &self.orm.routes {
                    views.push((Value::Str(r.endpoint.clone()), r.view.clone()));
                }
                Value::dict_of(views)
            }
            "extensions" => {
                let mut exts = vec![(Value::str("sqlalchemy"), nv(Native::Db))];
                if let Some(m) = &self.orm.migrate {
                    exts.push((Value::str("migrate"), m.clone()));
                }
                Value::dict_of(exts)
            }
            "debug" | "testing" | "secret_key" => {
                let cfg = self.getattr(this, "config")?;
                let key = Value::str(&crate::core::py::case::upper(name));
                let v = match (&cfg, key.hkey()) {
                    (Value::Dict(d), Some(h)) => d.borrow().get(&h).cloned(),
                    _ => None,
                };
                v.unwrap_or(Value::None)
            }
            // (Removed in Flask 2.3: older tutorials' `@app.before_first_request` fails.)
            "before_first_request" => {
                return self.raise(
                    "AttributeError",
                    "'Flask' object has no attribute 'before_first_request'",
                );
            }
            _ => return Self::bound(this, name),
        })
    }

    /// `app.<name> = v`: Flask's config-backed attributes write the config; any other
    /// attribute is the script's own (a Flask app is an ordinary object), ignored here.
    pub(super) fn app_setattr(&mut self, app: &Rc<Native>, name: &str, v: Value) -> R<()> {
        if !matches!(name, "secret_key" | "debug" | "testing") {
            return Ok(());
        }
        let cfg = self.getattr(&Value::Native(app.clone()), "config")?;
        if let Value::Dict(d) = &cfg {
            let k = Value::str(&crate::core::py::case::upper(name));
            if let Some(h) = k.hkey() {
                d.borrow_mut().insert(h, k, v);
            }
        }
        Ok(())
    }
}

/// A new app's config: Flask's defaults, then Flask-SQLAlchemy's.
fn default_config() -> Vec<(Value, Value)> {
    let mut items = vec![];
    for (k, v) in crate::core::words::iter(FLASK_CONFIG).filter_map(|e| e.split_once('=')) {
        let v = match v {
            "F" => Value::Bool(false),
            "T" => Value::Bool(true),
            "N" => Value::None,
            "31d" => crate::core::py::timedelta::TimeDelta::new(31, 0, 0)
                .map_or(Value::None, |t| Value::TimeDelta(Rc::new(t))),
            v => match v.parse::<i64>() {
                Ok(i) => Value::int(i),
                Err(_) => Value::str(v),
            },
        };
        items.push((Value::str(k), v));
    }
    items.extend([
        (
            Value::str("SQLALCHEMY_DATABASE_URI"),
            Value::str("sqlite://"),
        ),
        (
            Value::str("SQLALCHEMY_TRACK_MODIFICATIONS"),
            Value::Bool(false),
        ),
        (Value::str("SQLALCHEMY_BINDS"), Value::dict_of(vec![])),
        (Value::str("SQLALCHEMY_ECHO"), Value::Bool(false)),
        (
            Value::str("SQLALCHEMY_ENGINE_OPTIONS"),
            Value::dict_of(vec![]),
        ),
        (Value::str("SQLALCHEMY_RECORD_QUERIES"), Value::Bool(false)),
    ]);
    items
}

/// A Flask app's `name`: its `import_name`, except that an app made in the main module
/// (`Flask(__name__)` in a script run as `__main__`) is named after the main module's
/// file, which is `oracle.py` for the reference outputs.
pub(crate) fn app_name(import: &str) -> &str {
    if import == "__main__" {
        "oracle"
    } else {
        import
    }
}
