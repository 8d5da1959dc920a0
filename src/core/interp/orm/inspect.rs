//! `db.inspect(...)` / `sqlalchemy.inspect(...)`: an instance's `InstanceState` and a
//! model's `Mapper` (the engine's `Inspector` is in `inspector.rs`).

use std::rc::Rc;

use super::super::value::{Class, Instance, Value};
use super::super::{Interp, R};
use super::dispatch::nv;
use super::model::Status;
use super::{Native, PropKind};

/// What `inspect()` returned.
pub enum Inspected {
    /// `inspect(obj)`: the instance's state.
    State(Rc<Instance>),
    /// `inspect(Model)`: its mapper.
    Mapper(Rc<Class>),
    /// `inspect(db.engine)`: a schema inspector.
    Inspector,
    /// `inspect(obj).attrs`: its attribute states.
    Attrs(Rc<Instance>),
    /// `inspect(obj).attrs.<key>`: one attribute's state.
    Attr(Rc<Instance>, Rc<str>),
    /// An attribute's `History`: added, unchanged, deleted.
    History(Box<[Value; 3]>),
}

impl Interp<'_> {
    /// `inspect(x)`.
    pub fn sqla_inspect(&mut self, args: Vec<Value>) -> R<Value> {
        match args.into_iter().next() {
            Some(Value::Instance(i)) if i.class.model_info().is_some() => {
                Ok(nv(Native::Inspected(Inspected::State(i))))
            }
            Some(Value::Class(c)) if c.model_info().is_some() => {
                Ok(nv(Native::Inspected(Inspected::Mapper(c))))
            }
            Some(Value::Native(n)) if matches!(&*n, Native::Module(m) if &**m == "engine") => {
                Ok(nv(Native::Inspected(Inspected::Inspector)))
            }
            Some(v) => {
                let ty = self.type_of(&v);
                let t = self.repr(&ty)?;
                self.raise(
                    "NoInspectionAvailable",
                    format!("No inspection system is available for object of type {t}"),
                )
            }
            None => self.raise(
                "TypeError",
                "inspect() missing 1 required positional argument: 'subject'",
            ),
        }
    }

    /// Attributes of what `inspect()` returned.
    pub fn inspected_attr(&mut self, this: &Value, x: &Inspected, name: &str) -> R<Value> {
        match x {
            Inspected::State(inst) => self.state_attr(inst, name),
            Inspected::Mapper(_)
                if matches!(
                    name,
                    "get_property" | "identity_key_from_instance" | "primary_key_from_instance"
                ) =>
            {
                Ok(Value::BuiltinMethod(Rc::new((
                    this.clone(),
                    Rc::from(name),
                ))))
            }
            Inspected::Mapper(c) => self.mapper_attr(c, name),
            Inspected::Inspector if name.starts_with("get_") || name == "has_table" => Ok(
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name)))),
            ),
            Inspected::Inspector => self.no_attr("Inspector", name),
            // (The mapping's methods, unless an attribute has the name.)
            Inspected::Attrs(inst)
                if matches!(name, "keys" | "values" | "items" | "get")
                    && !self.attrs_keys(inst).iter().any(|k| &**k == name) =>
            {
                Ok(Value::BuiltinMethod(Rc::new((
                    this.clone(),
                    Rc::from(name),
                ))))
            }
            Inspected::Attrs(inst) => self.attr_state(inst, name),
            Inspected::Attr(inst, key) => self.attr_state_attr(inst, key, name),
            Inspected::History(h) => self.history_attr(this, h, name),
        }
    }

    pub(crate) fn state_attr(&mut self, inst: &Rc<Instance>, name: &str) -> R<Value> {
        let (status, expired, identity, redeleted) = {
            let st = inst.orm.borrow();
            match st.as_ref() {
                Some(s) => (
                    s.status,
                    s.expired,
                    s.identity.clone(),
                    s.redeleted && s.status == Status::Persistent,
                ),
                None => (Status::Transient, false, None, false),
            }
        };
        // A flushed DELETE is `deleted` until the transaction ends, then `detached`.
        // (Deleted by this transaction's flush; a commit makes it detached for good, even
        // once a new transaction begins.)
        let deleted = redeleted
            || status == Status::Deleted
                && ((self.orm.in_tx && self.orm.deleted_in_tx.iter().any(|d| Rc::ptr_eq(d, inst)))
                    || self.orm.deleted_kept.iter().any(|d| Rc::ptr_eq(d, inst)));
        let detached = status == Status::Detached || (status == Status::Deleted && !deleted);
        let identity = identity
            .filter(|_| !matches!(status, Status::Transient | Status::Pending))
            .map(|i| Value::tuple(i.values().to_vec()));
        Ok(match name {
            "transient" => Value::Bool(status == Status::Transient),
            "pending" => Value::Bool(status == Status::Pending),
            "persistent" => Value::Bool(status == Status::Persistent && !redeleted),
            "deleted" => Value::Bool(deleted),
            "detached" => Value::Bool(detached),
            "was_deleted" => Value::Bool(status == Status::Deleted || redeleted),
            "has_identity" => Value::Bool(identity.is_some()),
            "identity" => identity.unwrap_or(Value::None),
            "identity_key" | "key" => match identity {
                Some(id) => Value::tuple(vec![Value::Class(inst.class.clone()), id, Value::None]),
                None => Value::None,
            },
            "expired" => Value::Bool(expired),
            "modified" => Value::Bool(self.state_modified(inst)),
            "object" => Value::Instance(inst.clone()),
            "attrs" => nv(Native::Inspected(Inspected::Attrs(inst.clone()))),
            "class_" => Value::Class(inst.class.clone()),
            "mapper" => nv(Native::Inspected(Inspected::Mapper(inst.class.clone()))),
            "session" => match status {
                Status::Pending | Status::Persistent => nv(Native::Session(true)),
                Status::Deleted if deleted => nv(Native::Session(true)),
                _ => Value::None,
            },
            // The mapped attributes with no value loaded: unset or expired columns, and
            // relationships not loaded.
            "unloaded" => {
                let Some(m) = inst.class.model_info() else {
                    return Ok(Value::None);
                };
                let mut keys: Vec<Rc<str>> = {
                    let st = inst.orm.borrow();
                    (m.columns.iter().enumerate())
                        .filter(|(i, _)| {
                            st.as_ref()
                                .is_none_or(|s| s.value(*i).is_none() || s.is_unset(*i))
                        })
                        .map(|(_, (k, _))| k.clone())
                        .collect()
                };
                if let Ok(mp) = self.orm.reg.mapper(&m.class) {
                    let st = inst.orm.borrow();
                    for (j, (k, _)) in mp.column_props.iter().enumerate() {
                        let i = m.columns.len() + j;
                        if st.as_ref().is_none_or(|s| s.value(i).is_none()) {
                            keys.push(Rc::from(k.as_str()));
                        }
                    }
                    let d = inst.dict.borrow();
                    for r in &mp.relationships {
                        if !d.contains_key(r.name.as_str()) {
                            keys.push(Rc::from(r.name.as_str()));
                        }
                    }
                }
                let mut d = super::super::value::Dict::new();
                for k in keys {
                    d.insert(
                        super::super::value::HKey::Str(k.clone()),
                        Value::Str(k),
                        Value::None,
                    );
                }
                Value::Set(Rc::new(std::cell::RefCell::new(d)))
            }
            // The attributes expired and not loaded since: every column and relationship
            // after a whole expiry (a commit's), else the columns expired one by one.
            "expired_attributes" => {
                let Some(m) = inst.class.model_info() else {
                    return Ok(Value::None);
                };
                let (all, one_by_one): (bool, Vec<usize>) = match inst.orm.borrow().as_ref() {
                    Some(s) => (
                        s.expired,
                        (0..m.columns.len())
                            .filter(|&i| s.column_expired(i) && s.value(i).is_none())
                            .collect(),
                    ),
                    None => (false, vec![]),
                };
                let mut keys: Vec<Rc<str>> = vec![];
                if all {
                    keys.extend(m.columns.iter().map(|(k, _)| k.clone()));
                    if let Ok(mp) = self.orm.reg.mapper(&m.class) {
                        keys.extend(mp.relationships.iter().map(|r| Rc::from(r.name.as_str())));
                    }
                } else {
                    keys.extend(one_by_one.iter().map(|&i| m.columns[i].0.clone()));
                }
                let items = keys.into_iter().map(Value::Str).collect();
                self.make_set(items)?
            }
            // (The object's `__dict__`.)
            "dict" => self.getattr(&Value::Instance(inst.clone()), "__dict__")?,
            // The mapped attributes with no change since the object was loaded or flushed.
            "unmodified" => {
                let items = self
                    .unmodified_keys(inst)
                    .into_iter()
                    .map(Value::Str)
                    .collect();
                self.make_set(items)?
            }
            _ => {
                return self.unsupported(&format!("`InstanceState.{name}`"));
            }
        })
    }

    /// The keys of `inst`'s mapped attributes that hold no change: of a new object, those
    /// never set; of a loaded one, the columns equal to their loaded values and the
    /// relationships not changed since.
    fn unmodified_keys(&self, inst: &Rc<Instance>) -> Vec<Rc<str>> {
        let Some(m) = inst.class.model_info() else {
            return vec![];
        };
        let st = inst.orm.borrow();
        let fresh = st
            .as_ref()
            .is_none_or(|s| matches!(s.status, Status::Transient | Status::Pending));
        let mut keys = vec![];
        for (i, (k, _)) in m.columns.iter().enumerate() {
            let changed = match st.as_ref() {
                None => inst.dict.borrow().contains_key(k),
                Some(s) if fresh => s.value(i).is_some(),
                Some(s) => match (s.committed.as_ref(), s.value(i)) {
                    (Some(c), Some(v)) => match c.get(i).cloned().flatten() {
                        Some(old) => {
                            !(crate::core::interp::ops::is_same(&old, v)
                                || super::session::simple_eq_value(&old, v))
                        }
                        None => true,
                    },
                    _ => false,
                },
            };
            if !changed {
                keys.push(k.clone());
            }
        }
        if let Ok(mp) = self.orm.reg.mapper(&m.class) {
            let d = inst.dict.borrow();
            for r in &mp.relationships {
                let changed = match st.as_ref() {
                    Some(s) if !fresh => s.rel_committed.get(&r.name).is_some(),
                    _ => d.contains_key(r.name.as_str()),
                };
                if !changed {
                    keys.push(Rc::from(r.name.as_str()));
                }
            }
        }
        keys
    }

    /// A model's relationship attributes (`User.posts`...), by key, in the mapper's order.
    pub fn mapper_relationships(&mut self, c: &Rc<Class>) -> Vec<(Rc<str>, Value)> {
        let keys: Vec<Rc<str>> = match self.orm.reg.mapper(&c.name) {
            Ok(m) => m
                .relationships
                .iter()
                .map(|r| Rc::from(r.name.as_str()))
                .collect(),
            Err(_) => Vec::new(),
        };
        keys.into_iter()
            .filter_map(|k| c.lookup(&k).map(|v| (k, v)))
            .collect()
    }

    /// A model's mapped attributes of one kind (`inspect(Model).column_attrs`...), by
    /// key, in the mapper's order.
    pub fn mapper_props(&mut self, c: &Rc<Class>, kind: PropKind) -> Vec<(Rc<str>, Value)> {
        if kind == PropKind::MapperColumns {
            let Some(m) = c.model_info() else {
                return vec![];
            };
            let whole = self.orm.reg.metadata.table(&m.table);
            return (m.columns.iter())
                .filter_map(|(k, name)| {
                    let i = whole?.columns.iter().position(|c| c.name == **name)?;
                    Some((k.clone(), nv(Native::ColumnObj(m.table.clone(), i))))
                })
                .collect();
        }
        let mut rels: Vec<(Rc<str>, bool)> = vec![];
        let mut props: Vec<Rc<str>> = vec![];
        if let Ok(m) = self.orm.reg.mapper(&c.name) {
            rels = m
                .relationships
                .iter()
                .map(|r| (Rc::from(r.name.as_str()), r.from_backref))
                .collect();
            props = m
                .column_props
                .iter()
                .map(|(k, _)| Rc::from(k.as_str()))
                .collect();
        }
        let mut keys: Vec<Rc<str>> = vec![];
        let with_rels = kind != PropKind::Columns;
        keys.extend(
            rels.iter()
                .filter(|r| with_rels && !r.1)
                .map(|r| r.0.clone()),
        );
        if kind != PropKind::Relationships {
            if let Some(m) = c.model_info() {
                keys.extend(m.columns.iter().map(|(k, _)| k.clone()));
            }
            keys.extend(props);
        }
        keys.extend(
            rels.iter()
                .filter(|r| with_rels && r.1)
                .map(|r| r.0.clone()),
        );
        keys.into_iter()
            .filter_map(|k| c.lookup(&k).map(|v| (k, property(v))))
            .collect()
    }

    /// The mapped attribute `key` of one kind of model `c` (`inspect(c).relationships[key]`).
    pub fn mapper_prop(&mut self, c: &Rc<Class>, kind: PropKind, key: &str) -> Option<Value> {
        let found = self
            .mapper_props(c, kind)
            .into_iter()
            .find(|(k, _)| **k == *key);
        found.map(|(_, v)| v)
    }

    fn mapper_attr(&mut self, c: &Rc<Class>, name: &str) -> R<Value> {
        let table = match self.orm.reg.table_of(&c.name) {
            Ok(t) => t.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        let t: Rc<str> = Rc::from(table.name.as_str());
        // (Column objects index the whole table, which a single-table subclass's view of
        // it is not.)
        let whole = self.orm.reg.metadata.table(&table.name).cloned();
        let at = |name: &str| match &whole {
            Some(w) => w.columns.iter().position(|c| c.name == name),
            None => None,
        };
        let cols = |pk_only: bool| {
            (table.columns.iter())
                .filter(|col| !pk_only || col.primary_key)
                .filter_map(|col| at(&col.name))
                .map(|i| nv(Native::ColumnObj(t.clone(), i)))
                .collect::<Vec<_>>()
        };
        let mapper_of = |c: &Rc<Class>| nv(Native::Inspected(Inspected::Mapper(c.clone())));
        let (inherits, on, identity) = match self.orm.reg.mapper(&c.name) {
            Ok(m) => (
                m.inherits.clone(),
                m.polymorphic_on.clone(),
                m.identity.clone(),
            ),
            Err(_) => (None, None, None),
        };
        Ok(match name {
            "class_" | "entity" => Value::Class(c.clone()),
            // (Keyed by attribute: a column named apart from its attribute makes them
            // differ from the table's.)
            "columns" | "c"
                if c.model_info().is_some_and(|m| {
                    (m.columns.iter()).any(|(k, name)| {
                        whole.as_ref().is_some_and(|w| {
                            (w.columns.iter()).any(|c| c.name == **name && c.table_key() != &**k)
                        })
                    })
                }) =>
            {
                nv(Native::MapperProps(c.clone(), PropKind::MapperColumns))
            }
            "columns" | "c" => nv(Native::TableColumns(t.clone(), None)),
            "column_attrs" => nv(Native::MapperProps(c.clone(), PropKind::Columns)),
            "attrs" | "all_orm_descriptors" => nv(Native::MapperProps(c.clone(), PropKind::All)),
            "mapper" => nv(Native::Inspected(Inspected::Mapper(c.clone()))),
            "primary_key" => Value::tuple(cols(true)),
            "local_table" | "persist_selectable" | "mapped_table" => nv(Native::Table(t.clone())),
            "tables" => Value::list(vec![nv(Native::Table(t.clone()))]),
            "relationships" => {
                self.configure_mappers()?;
                nv(Native::MapperProps(c.clone(), PropKind::Relationships))
            }
            "polymorphic_identity" => match identity {
                Some(v) => self.from_sql(&v, None)?,
                None => Value::None,
            },
            "polymorphic_on" => match on.as_deref().and_then(at) {
                Some(i) => nv(Native::ColumnObj(t.clone(), i)),
                None => Value::None,
            },
            "inherits" => match inherits.and_then(|p| self.orm.classes.get(&p).cloned()) {
                Some(p) => mapper_of(&p),
                None => Value::None,
            },
            "base_mapper" => match c.model_info() {
                Some(m) => match self.orm.classes.get(&*m.base).cloned() {
                    Some(b) => mapper_of(&b),
                    None => mapper_of(c),
                },
                None => mapper_of(c),
            },
            "single" => Value::Bool(inherits.is_some()),
            "polymorphic_map" => {
                // (The hierarchy's, shared by its classes.)
                let base = c
                    .model_info()
                    .map_or_else(|| c.name.clone(), |m| m.base.clone());
                let pairs: Vec<(crate::core::sql::SqlValue, String)> =
                    (self.orm.reg.self_and_descendants(&base).into_iter())
                        .filter_map(|m| Some((m.identity.clone()?, m.class_name.clone())))
                        .collect();
                let mut items = Vec::with_capacity(pairs.len());
                for (id, class) in pairs {
                    let k = self.from_sql(&id, None)?;
                    if let Some(cls) = self.orm.classes.get(&class).cloned() {
                        items.push((k, mapper_of(&cls)));
                    }
                }
                Value::dict_of(items)
            }
            "self_and_descendants" => {
                let names: Vec<String> = (self.orm.reg.self_and_descendants(&c.name).iter())
                    .map(|m| m.class_name.clone())
                    .collect();
                let ms = (names.iter())
                    .filter_map(|n| self.orm.classes.get(n).cloned())
                    .map(|c| mapper_of(&c))
                    .collect();
                Value::list(ms)
            }
            _ => return self.unsupported(&format!("`Mapper.{name}`")),
        })
    }
}

/// The mapped property behind a class attribute (`Model.attr.property`).
fn property(v: Value) -> Value {
    match &v {
        Value::Native(n) if let Native::Instrumented(a) = &**n => nv(Native::Property(a.clone())),
        _ => v,
    }
}
