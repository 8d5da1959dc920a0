//! Loader options as Python values: `joinedload(User.posts)`, `selectinload`,
//! `subqueryload`, `lazyload`, `noload`, `raiseload`, `defaultload` (from `sqlalchemy.orm`
//! or `db.`), their chained forms (`.selectinload(Post.tags)`, `.options(...)`), and the
//! arguments of `Query.options()` / `Select.options()`.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::orm::eager::{LoaderOption, PathStep};
use crate::core::orm::mapper::Lazy;
use crate::core::orm::query::ColumnLoad;

/// SQLAlchemy's `Load`: the options one `joinedload(...)` chain stands for.
#[derive(Clone, Debug, Default)]
pub struct LoadOpt {
    /// One option per link of the chain.
    pub options: Vec<LoaderOption>,
    /// The path the next chained call extends.
    pub tip: Vec<PathStep>,
    /// The class of the first attribute given (what `repr()` names).
    pub root: Option<String>,
    /// Column options (`load_only`, `defer`, `undefer`).
    pub columns: Vec<ColumnLoad>,
}

/// The loader function names and the strategy each sets (`None`: `defaultload`).
fn strategy_of(name: &str) -> Option<Option<Lazy>> {
    Some(match name {
        "joinedload" => Some(Lazy::Joined),
        "selectinload" => Some(Lazy::Selectin),
        "subqueryload" => Some(Lazy::Subquery),
        "immediateload" => Some(Lazy::Immediate),
        "lazyload" => Some(Lazy::Select),
        "noload" => Some(Lazy::NoLoad),
        "raiseload" => Some(Lazy::Raise),
        "contains_eager" => Some(Lazy::ContainsEager),
        "defaultload" => None,
        _ => return None,
    })
}

/// True for the names of loader functions and of `Load`'s chaining methods.
pub fn is_loader_fn(name: &str) -> bool {
    strategy_of(name).is_some()
}

impl Interp<'_> {
    /// `joinedload(*attrs, **kw)` and friends; as a method of `base` they extend its path.
    pub fn loader_option(
        &mut self,
        base: Option<&LoadOpt>,
        name: &str,
        args: &[Value],
        kw: &Kw,
    ) -> R<Value> {
        let Some(mut strategy) = strategy_of(name) else {
            return self.no_attr("Load", name);
        };
        let mut innerjoin = None;
        for (k, v) in kw {
            match (&**k, v) {
                ("sql_only", v) if name == "raiseload" => {
                    if self.truthy(v)? {
                        strategy = Some(Lazy::RaiseOnSql);
                    }
                }
                ("innerjoin", Value::Bool(b)) if name == "joinedload" => innerjoin = Some(*b),
                _ => return self.unsupported(&format!("`{name}(..., {k}=...)`")),
            }
        }
        if args.is_empty() {
            return self.raise("AssertionError", "");
        }
        let mut load = base.cloned().unwrap_or_default();
        for (i, a) in args.iter().enumerate() {
            match a {
                Value::Str(s) if &**s == "*" && i + 1 == args.len() => {
                    load.options.push(LoaderOption {
                        path: load.tip.clone(),
                        wildcard: true,
                        strategy,
                        innerjoin,
                    });
                }
                Value::Str(_) => {
                    return self.raise(
                        "ArgumentError",
                        "Strings are not accepted for attribute names in loader options; please use class-bound attributes directly.",
                    );
                }
                Value::Native(n) if matches!(&**n, Native::Instrumented(_)) => {
                    let Native::Instrumented(attr) = &**n else {
                        continue;
                    };
                    if attr.via.as_ref().is_some_and(|v| v.criteria.is_some()) {
                        return self.unsupported(&format!(
                            "`{name}()` of a relationship narrowed with `and_()`"
                        ));
                    }
                    if load.root.is_none() {
                        load.root = Some(attr.class.to_string());
                    }
                    if attr.column.is_some() {
                        // A column attribute: a column loader option, nothing to eager load.
                        continue;
                    }
                    self.link_check(&load.tip, &attr.class, &attr.key)?;
                    load.tip.push(PathStep::new(&attr.class, &attr.key));
                    load.options.push(LoaderOption {
                        path: load.tip.clone(),
                        wildcard: false,
                        strategy,
                        innerjoin,
                    });
                }
                Value::Native(_) => {
                    // `User.posts.and_(...)`, `.of_type(...)`, aliases...
                    return self.unsupported(&format!("this argument of `{name}()`"));
                }
                other => {
                    let r = self.repr(other)?;
                    return self.raise(
                        "ArgumentError",
                        format!("mapped attribute expected for a loader option, got {r}"),
                    );
                }
            }
        }
        Ok(Value::Native(Rc::new(Native::Loader(load))))
    }

    /// Checks that `class.rel` continues `tip` (its class is the target of tip's last step).
    fn link_check(&mut self, tip: &[PathStep], class: &str, rel: &str) -> R<()> {
        let Some(last) = tip.last() else {
            return Ok(());
        };
        let target = self
            .orm
            .reg
            .relationship(&last.class, &last.rel)
            .map(|r| r.target.clone())
            .unwrap_or_default();
        if target != class {
            return self.raise(
                "ArgumentError",
                format!(
                    "ORM mapped entity or attribute \"{class}.{rel}\" does not link from relationship \"{}.{}\".",
                    last.class, last.rel
                ),
            );
        }
        Ok(())
    }

    /// Methods of a `Load`: chained loader calls and `.options(*subopts)`.
    pub fn load_method(
        &mut self,
        load: &LoadOpt,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        if name != "options" {
            return self.loader_option(Some(load), name, &args, &kw);
        }
        let mut out = load.clone();
        for sub in self.options_of(&args)? {
            if let Some(first) = sub.path.first() {
                self.link_check(&load.tip, &first.class, &first.rel)?;
            }
            let mut path = load.tip.clone();
            path.extend(sub.path);
            out.options.push(LoaderOption { path, ..sub });
        }
        Ok(Value::Native(Rc::new(Native::Loader(out))))
    }

    /// `load_only(A.x, A.y)`, `defer(A.x)`, `undefer(A.x)`: a `Load` carrying the column
    /// option (column attributes of one class; `raiseload=` and strings are refused).
    pub fn column_option(&mut self, name: &str, args: &[Value], kw: &Kw) -> R<Value> {
        if let Some((k, _)) = kw.first() {
            return self.unsupported(&format!("`{name}(..., {k}=...)`"));
        }
        let mut attrs = vec![];
        for a in args {
            match a {
                Value::Native(n) => match &**n {
                    Native::Instrumented(attr) if attr.column.is_some() && attr.via.is_none() => {
                        attrs.push(attr.clone())
                    }
                    Native::Instrumented(attr) if attr.column.is_none() => {
                        return self.raise(
                            "ArgumentError",
                            format!("Can't apply \"column loader\" strategy to property \"{}.{}\", which is a \"_RelationshipDeclared\"; this loader strategy is intended to be used with a \"ColumnProperty\".", attr.class, attr.key),
                        );
                    }
                    _ => return self.unsupported(&format!("this argument of `{name}()`")),
                },
                Value::Str(_) => {
                    return self.raise(
                        "ArgumentError",
                        "expected ORM mapped attribute for loader strategy argument",
                    );
                }
                _ => return self.unsupported(&format!("this argument of `{name}()`")),
            }
        }
        let Some(first) = attrs.first() else {
            return self.raise("AssertionError", "");
        };
        let class = first.class.to_string();
        if attrs.iter().any(|a| *a.class != *class) {
            return self.unsupported(&format!("`{name}()` over attributes of several classes"));
        }
        let keys: Vec<String> = attrs.iter().map(|a| a.key.to_string()).collect();
        let columns = match name {
            "load_only" => vec![ColumnLoad::Only(class.clone(), keys)],
            "defer" if keys.len() == 1 => vec![ColumnLoad::Defer(class.clone(), keys[0].clone())],
            "undefer" if keys.len() == 1 => {
                vec![ColumnLoad::Undefer(class.clone(), keys[0].clone())]
            }
            _ => {
                return self.raise(
                    "TypeError",
                    format!(
                        "{name}() takes 1 positional argument but {} were given",
                        keys.len()
                    ),
                );
            }
        };
        Ok(Value::Native(Rc::new(Native::Loader(LoadOpt {
            root: Some(class),
            columns,
            ..LoadOpt::default()
        }))))
    }

    /// The column options (`load_only`, `defer`, `undefer`) among `options(*args)`.
    pub fn column_options_of(&self, args: &[Value]) -> Vec<ColumnLoad> {
        args.iter()
            .filter_map(|a| match a {
                Value::Native(n) => match &**n {
                    Native::Loader(l) => Some(l.columns.clone()),
                    _ => None,
                },
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The loader options of `options(*args)`.
    pub fn options_of(&mut self, args: &[Value]) -> R<Vec<LoaderOption>> {
        let mut out = Vec::new();
        for a in args {
            match a {
                Value::Native(n) => match &**n {
                    Native::Loader(l) => out.extend(l.options.iter().cloned()),
                    Native::Instrumented(attr) => {
                        return self.raise(
                            "AttributeError",
                            format!(
                                "Neither 'InstrumentedAttribute' object nor 'Comparator' object associated with {}.{} has an attribute '_is_core'",
                                attr.class, attr.key
                            ),
                        );
                    }
                    _ => return self.unsupported("this query option"),
                },
                other => {
                    let r = self.repr(other)?;
                    return self.raise(
                        "ArgumentError",
                        format!("ExecutableOption object expected, got {r}."),
                    );
                }
            }
        }
        Ok(out)
    }

    /// `repr()` of a `Load`: `Load(Mapper[User(user)])`.
    pub fn load_repr(&self, load: &LoadOpt) -> String {
        match &load.root {
            Some(c) => {
                let t = self
                    .orm
                    .reg
                    .mapper(c)
                    .map(|m| m.table.clone())
                    .unwrap_or_default();
                format!("Load(Mapper[{c}({t})])")
            }
            None => "Load()".into(),
        }
    }
}
