//! Python values ↔ JSON for `json.dumps`/`json.loads`: circular-reference markers, the
//! recursion limit, `sort_keys=` in Python's own order, `default=` and `parse_float=`.

use crate::core::py::json::Json;

use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// `v` as JSON with `default=` and `sort_keys=`: an encoding of its own (one a
    /// `default=` function starts leaves the one that called it as it was).
    pub fn to_json_with(&mut self, v: &Value, default: Option<Value>, sort: bool) -> R<Json> {
        let markers = std::mem::take(&mut self.json_markers);
        let saved = (
            std::mem::replace(&mut self.json_default, default),
            std::mem::replace(&mut self.json_sort_keys, sort),
        );
        let j = self.to_json(v);
        self.json_markers = markers;
        (self.json_default, self.json_sort_keys) = saved;
        j
    }

    /// Python value → JSON. A list, tuple or dict met again inside itself, or an object
    /// `default=` is given again while its result is encoded, is a circular reference
    /// (`ValueError`, as the encoder's markers find it); nesting past the recursion limit
    /// is a `RecursionError`.
    pub fn to_json(&mut self, v: &Value) -> R<Json> {
        let marked = match v {
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) => v.ptr(),
            _ => None,
        };
        let Some(p) = marked else {
            return self.json_value_of(v);
        };
        self.json_enter(p)?;
        let r = self.json_value_of(v);
        self.json_markers.pop();
        r
    }

    /// Marks `p` as being encoded (see [`Self::to_json`]).
    fn json_enter(&mut self, p: usize) -> R<()> {
        if self.json_markers.contains(&p) {
            return self.raise("ValueError", "Circular reference detected");
        }
        if self.json_markers.len() >= crate::core::interp::MAX_DEPTH
            || self.stack_base.abs_diff(crate::core::interp::stack_probe()) > self.stack_budget()
        {
            return self.raise(
                "RecursionError",
                "maximum recursion depth exceeded while encoding a JSON object",
            );
        }
        self.json_markers.push(p);
        Ok(())
    }

    fn json_value_of(&mut self, v: &Value) -> R<Json> {
        if let Some(x) = self.mixin_value(v) {
            return self.to_json(&x);
        }
        Ok(match v {
            Value::None => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::Int(i.clone()),
            Value::Float(f) => Json::Float(*f),
            Value::Str(s) => Json::Str(s.to_string()),
            Value::List(_) | Value::Tuple(_) => {
                let items = self.iterate(v)?;
                let mut out = vec![];
                for i in &items {
                    out.push(self.to_json(i)?);
                }
                Json::Array(out)
            }
            Value::Dict(d) => {
                let mut items: Vec<(Value, Value)> = d.borrow().iter().cloned().collect();
                if self.json_sort_keys && items.len() > 1 {
                    let pairs = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v]));
                    let sorted =
                        self.call_builtin("sorted", vec![Value::list(pairs.collect())], vec![])?;
                    items = (self.iterate(&sorted)?.into_iter())
                        .filter_map(|t| match t {
                            Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
                            _ => None,
                        })
                        .collect();
                }
                let mut out = vec![];
                for (k, v) in items {
                    let ks = match &k {
                        Value::Str(s) => s.to_string(),
                        Value::Int(i) => i.to_string(),
                        Value::Bool(b) => {
                            if *b {
                                "true".into()
                            } else {
                                "false".into()
                            }
                        }
                        Value::None => "null".into(),
                        Value::Float(f) => crate::core::py::float::float_repr(*f),
                        _ if self.json_skip_keys => continue,
                        _ => {
                            let t = self.qual_type_name(&k);
                            return self.raise(
                                "TypeError",
                                format!("keys must be str, int, float, bool or None, not {t}"),
                            );
                        }
                    };
                    out.push((ks, self.to_json(&v)?));
                }
                Json::Object(out)
            }
            other => {
                if let Some(f) = self.json_default.clone() {
                    // (The object stays marked while what `default=` made of it is
                    // encoded.)
                    let p = other.ptr();
                    if let Some(p) = p {
                        self.json_enter(p)?;
                    }
                    let r = self.call(&f, vec![other.clone()], vec![]);
                    let r = r.and_then(|r| {
                        self.json_default = Some(f);
                        self.to_json(&r)
                    });
                    if p.is_some() {
                        self.json_markers.pop();
                    }
                    return r;
                }
                let t = self.type_name(other);
                return self.raise(
                    "TypeError",
                    format!("Object of type {t} is not JSON serializable"),
                );
            }
        })
    }

    /// JSON → Python value.
    pub fn from_json(&mut self, j: &Json) -> R<Value> {
        self.from_json_hooked(j, &JsonHooks::default())
    }

    /// A parsed JSON value as Python values, through `json.loads`'s hooks (see
    /// `JsonHooks`).
    pub fn from_json_hooked(&mut self, j: &Json, hooks: &JsonHooks) -> R<Value> {
        Ok(match j {
            Json::Null => Value::None,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(i) => match &hooks.parse_int {
                Some(h) => self.call(h, vec![Value::str(&i.to_string())], vec![])?,
                None => Value::Int(i.clone()),
            },
            Json::Float(f) => Value::Float(*f),
            Json::FloatText(t) => match &hooks.parse_float {
                Some(h) => self.call(h, vec![Value::str(t)], vec![])?,
                None => {
                    Value::Float(crate::core::py::float_text::parse_decimal(t).unwrap_or(f64::NAN))
                }
            },
            Json::Str(s) => Value::str(s),
            Json::Array(a) => {
                let mut out = vec![];
                for x in a {
                    out.push(self.from_json_hooked(x, hooks)?);
                }
                Value::list(out)
            }
            Json::Object(o) => {
                let mut pairs = vec![];
                for (k, v) in o {
                    pairs.push((Value::str(k), self.from_json_hooked(v, hooks)?));
                }
                match (&hooks.pairs, &hooks.object) {
                    (Some(h), _) => {
                        let items = pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v]));
                        self.call(h, vec![Value::list(items.collect())], vec![])?
                    }
                    (None, Some(h)) => self.call(h, vec![Value::dict_of(pairs)], vec![])?,
                    (None, None) => Value::dict_of(pairs),
                }
            }
        })
    }
}

/// The hooks of `json.loads(...)`: `parse_float=`, `parse_int=` (called with the number's
/// text), `object_hook=` (with each object as a dict) and `object_pairs_hook=` (with its
/// pairs, which it takes over `object_hook=`).
#[derive(Default)]
pub struct JsonHooks {
    /// `parse_float=`.
    pub parse_float: Option<Value>,
    /// `parse_int=`.
    pub parse_int: Option<Value>,
    /// `object_hook=`.
    pub object: Option<Value>,
    /// `object_pairs_hook=`.
    pub pairs: Option<Value>,
}
