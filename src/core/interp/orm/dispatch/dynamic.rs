//! `lazy='dynamic'` relationships: the query behind one, and its methods (`append`,
//! `remove`, `extend`, and any query method).

use std::rc::Rc;

use crate::core::sql::SqlValue;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::query::{Ent, QueryObj};
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// The query behind a `lazy='dynamic'` relationship of `inst`.
    #[inline(never)]
    pub fn dynamic_query(&mut self, inst: &Rc<Instance>, key: &str) -> R<QueryObj> {
        let class = inst
            .class
            .model_info()
            .map(|m| m.class.to_string())
            .unwrap_or_default();
        let target = match self.orm.reg.relationship(&class, key) {
            Ok(r) => r.target.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        let m = inst.class.model_info();
        let mut vals = crate::core::fxhash::FxMap::default();
        if let Some(m) = &m {
            self.ensure_loaded(inst)?;
            for (i, (_, n)) in m.columns.iter().enumerate() {
                let v = super::super::model::column_attr(inst, i).unwrap_or(Value::None);
                vals.insert(
                    n.to_string(),
                    self.to_sql(&v, None).unwrap_or(SqlValue::Null),
                );
            }
        }
        let q =
            match crate::core::orm::relations::lazy_load_query(&self.orm.reg, &class, key, &|c| {
                vals.get(c).cloned().unwrap_or(SqlValue::Null)
            }) {
                Ok(q) => q,
                Err(e) => return self.raise(e.class(), e.0),
            };
        Ok(QueryObj {
            dml: None,
            sync: None,
            returning: vec![],
            q,
            legacy: true,
            ents: vec![Ent::Class(Rc::from(target.as_str()))],
            core: false,
            class: None,
        })
    }

    /// The objects appended to dynamic relationship `key` of `inst` since its last flush,
    /// when `inst` is in no session (transient or detached): what SQLAlchemy's
    /// `AppenderQuery` iterates, counts and indexes then. `None` when it is in a session.
    pub(crate) fn dynamic_sessionless(&self, inst: &Rc<Instance>, key: &str) -> Option<Vec<Value>> {
        use crate::core::interp::orm::model::Status;
        if !matches!(self.status(inst), Status::Transient | Status::Detached) {
            return None;
        }
        let mut items: Vec<Rc<Instance>> = vec![];
        for (p, k, c, added) in &self.orm.dynamic_links {
            if !Rc::ptr_eq(p, inst) || &**k != key {
                continue;
            }
            let at = items.iter().position(|x| Rc::ptr_eq(x, c));
            match (added, at) {
                (true, None) => items.push(c.clone()),
                (false, Some(i)) => {
                    items.remove(i);
                }
                _ => {}
            }
        }
        Some(items.into_iter().map(Value::Instance).collect())
    }

    /// The `DetachedInstanceError` of a query method on the dynamic relationship of an
    /// object in no session.
    pub(crate) fn dynamic_detached(&mut self, inst: &Rc<Instance>, key: &str) -> R<Value> {
        let class = inst.class.name.clone();
        self.raise(
            "DetachedInstanceError",
            format!("Parent instance <{class} at 0x7f0000000000> is not bound to a Session, and no contextual session is established; lazy load operation of attribute '{key}' cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)"),
        )
    }

    /// Methods of a `lazy='write_only'` relationship (`WriteOnlyCollection`): `add`,
    /// `add_all` and `remove` change it as an `AppenderQuery`'s `append`, `extend` and
    /// `remove` do; `select()` is its query as a 2.0 `Select`, `delete()`/`update()` its DML.
    pub(crate) fn write_only_method(
        &mut self,
        inst: &Rc<Instance>,
        key: &str,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        // (`dynamic_method` takes `add`/`add_all` as `append`/`extend`.)
        let as_dynamic = match name {
            "add" | "add_all" | "remove" => name,
            // `select()`, `delete()`, `update()`: 2.0 statements of the collection's rows.
            "select" | "delete" | "update" => {
                // (SQLAlchemy reads a pending parent's key when the statement runs, after
                // its autoflush: the parent is flushed now, for the key the statement
                // binds.)
                if self.status(inst) == crate::core::interp::orm::model::Status::Pending {
                    self.autoflush()?;
                }
                let mut q = self.dynamic_query(inst, key)?;
                q.legacy = false;
                q.q.style = crate::core::sql::LabelStyle::DisambiguateOnly;
                q.dml = match name {
                    "delete" => Some(None),
                    "update" => Some(Some(vec![])),
                    _ => None,
                };
                // (The relationship's `order_by` orders its SELECT, not an UPDATE/DELETE.)
                if q.dml.is_some() {
                    q.q.order_by.clear();
                }
                return Ok(Value::Native(Rc::new(super::super::Native::Query(
                    Box::new(q),
                ))));
            }
            _ => {
                return self.no_attr("WriteOnlyCollection", name);
            }
        };
        self.dynamic_method(inst, key, as_dynamic, args, kw)
    }

    pub(crate) fn dynamic_method(
        &mut self,
        inst: &Rc<Instance>,
        key: &str,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        // (2.0's `add` / `add_all`, as on a write-only collection.)
        let name = match name {
            "add" => "append",
            "add_all" => "extend",
            other => other,
        };
        match name {
            "append" | "remove" | "extend" => {
                let [arg] = args.as_slice() else {
                    return self.raise(
                        "TypeError",
                        format!(
                            "AppenderQuery.{name}() takes exactly one argument ({} given)",
                            args.len()
                        ),
                    );
                };
                let items = if name == "extend" {
                    self.iterate(arg)?
                } else {
                    vec![arg.clone()]
                };
                let class = inst
                    .class
                    .model_info()
                    .map(|m| m.class.to_string())
                    .unwrap_or_default();
                let r = match self.orm.reg.resolve(&class, key) {
                    Ok(r) => r,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                if r.kind == crate::core::orm::mapper::RelKind::ManyToMany {
                    let key: Rc<str> = Rc::from(key);
                    for it in items {
                        let Value::Instance(ci) = &it else {
                            continue;
                        };
                        let added = name != "remove";
                        // An append undone by a remove before the flush (or the
                        // reverse) writes nothing.
                        let undo = self.orm.dynamic_links.iter().position(|(p, k, t, a)| {
                            Rc::ptr_eq(p, inst) && *k == key && Rc::ptr_eq(t, ci) && *a != added
                        });
                        match undo {
                            Some(i) => {
                                self.orm.dynamic_links.remove(i);
                            }
                            None => self.orm.dynamic_links.push((
                                inst.clone(),
                                key.clone(),
                                ci.clone(),
                                added,
                            )),
                        }
                        // (The save-update cascade of the append: only from a parent in
                        // the session; a transient one takes it along when added.)
                        if name != "remove"
                            && matches!(
                                self.status(inst),
                                crate::core::interp::orm::model::Status::Pending
                                    | crate::core::interp::orm::model::Status::Persistent
                            )
                        {
                            self.session_add(&it)?;
                        }
                    }
                    return Ok(Value::None);
                }
                let rel = self.orm.reg.relationship(&class, key).ok().cloned();
                // The many-to-one on the other side (`backref=` / `back_populates=`).
                let reverse = rel.as_ref().and_then(|rel| self.reverse_name(&class, rel));
                let orphans =
                    rel.filter(|rel| rel.cascade_set().iter().any(|c| c == "delete-orphan"));
                for it in items {
                    if let Value::Instance(ci) = &it {
                        // A child removed under `delete-orphan`: a pending one leaves the
                        // session, a persistent one is deleted by the flush (its key is
                        // left alone).
                        if name == "remove"
                            && let Some(rel) = &orphans
                        {
                            self.expunge_pending_orphan(rel, ci);
                            if self.status(ci)
                                == crate::core::interp::orm::model::Status::Persistent
                            {
                                self.orm.dynamic_links.push((
                                    inst.clone(),
                                    Rc::from(key),
                                    ci.clone(),
                                    false,
                                ));
                            }
                            continue;
                        }
                        if name != "remove" {
                            self.orm.dynamic_links.push((
                                inst.clone(),
                                Rc::from(key),
                                ci.clone(),
                                true,
                            ));
                        }
                        // (A persistent child is loaded to take the key without an
                        // autoflush: a transient parent's other new children wait for it.)
                        if self.status(ci) == crate::core::interp::orm::model::Status::Persistent {
                            self.without_autoflush(|i| i.ensure_loaded(ci))?;
                        }
                        for p in &r.primary {
                            // (The parent's key is loaded without an autoflush: SQLAlchemy
                            // reads it at the flush.)
                            let pv = if name == "remove" {
                                Value::None
                            } else {
                                self.without_autoflush(|i| i.attr_by_col(inst, &p.referred.1))
                            };
                            self.set_by_col(ci, &p.foreign.1, pv);
                        }
                        if name != "remove" {
                            // A child joins the session with its parent: at once when the
                            // parent is in it, else by the cascade of the parent's add().
                            if matches!(
                                self.status(inst),
                                crate::core::interp::orm::model::Status::Pending
                                    | crate::core::interp::orm::model::Status::Persistent
                            ) {
                                self.session_add(&it)?;
                            }
                            if let Some(rev) = &reverse {
                                self.backref_set(ci, rev, inst, r.kind, key);
                            }
                        } else {
                            // A removal undoes an append not flushed yet, and the child
                            // lets go of the parent on the backref's side.
                            self.orm.dynamic_links.retain(|(p, k, c, added)| {
                                !(*added && Rc::ptr_eq(p, inst) && **k == *key && Rc::ptr_eq(c, ci))
                            });
                            if let Some(rev) = &reverse {
                                self.backref_remove(ci, rev, inst, r.kind);
                            }
                        }
                    }
                }
                Ok(Value::None)
            }
            // A parent in no session (transient, or detached): `all()` and `count()` are
            // what was appended to it (SQLAlchemy's collection history), any other query
            // method has no session to run in.
            _ if let Some(items) = self.dynamic_sessionless(inst, key) => match name {
                "all" => Ok(Value::list(items)),
                "count" => Ok(Value::int(items.len() as i64)),
                _ => self.dynamic_detached(inst, key),
            },
            _ => {
                // A pending parent gets its key from the autoflush the query starts with
                // (SQLAlchemy binds the parent's key when the query runs).
                if self.status(inst) == crate::core::interp::orm::model::Status::Pending {
                    self.autoflush()?;
                }
                let q = self.dynamic_query(inst, key)?;
                self.query_method(&q, name, args, kw)
            }
        }
    }

    /// The flush's deletes of children removed from a dynamic one-to-many `delete-orphan`
    /// collection (recorded by `remove()`), unless appended to a collection since.
    pub(crate) fn delete_dynamic_orphans(&mut self) {
        let links = &self.orm.dynamic_links;
        let reg = &self.orm.reg;
        let orphans: Vec<Rc<Instance>> = (links.iter().enumerate())
            .filter(|(i, (p, key, c, added))| {
                !added
                    && p.class.model_info().is_some_and(|m| {
                        reg.relationship(&m.class, key).is_ok_and(|r| {
                            r.secondary.is_none()
                                && r.cascade_set().iter().any(|c| c == "delete-orphan")
                        })
                    })
                    && !links[i + 1..]
                        .iter()
                        .any(|(_, k, x, a)| *a && k == key && Rc::ptr_eq(x, c))
            })
            .map(|(_, (_, _, c, _))| c.clone())
            .collect();
        for c in orphans {
            if self.status(&c) == crate::core::interp::orm::model::Status::Persistent
                && !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, &c))
            {
                self.orm.deleted.push(c);
            }
        }
    }
}
