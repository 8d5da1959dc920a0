//! The `request` proxy during a test client's request, and werkzeug's `MultiDict`
//! (`request.args`, `request.form`).

use std::rc::Rc;

use super::{FlaskObj, flask};
use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::orm::dispatch::{kwget, nv};
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    pub(super) fn multidict_method(
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
                return self.no_attr("ImmutableMultiDict", name);
            }
        })
    }

    pub(super) fn multidict_keys(&self, items: &[(Rc<str>, Rc<str>)]) -> Vec<Rc<str>> {
        let mut keys: Vec<Rc<str>> = vec![];
        for (k, _) in items {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
        keys
    }

    /// True when the exception `e` is (a subclass of) the builtin class `class`.
    pub(crate) fn exc_is(&self, e: &crate::core::interp::Exc, class: &str) -> bool {
        self.exc
            .get(class)
            .is_some_and(|c| self.exc_matches(&e.value, c))
    }

    /// `request.<name>` during a test client's request.
    pub(super) fn request_attr(&mut self, this: &Value, name: &str) -> R<Value> {
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
                return self.no_attr("Request", name);
            }
        })
    }

    /// `request.json` / `get_json()`: the body parsed, or werkzeug's 415 for a body that is
    /// not JSON (`None` when `silent`).
    pub(super) fn request_json(&mut self, silent: bool) -> R<Value> {
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
}
