//! Declarative models: class body → table + mapper, instance state, attribute get/set,
//! the default constructor and `repr`.

mod declared;
mod join_strings;

use std::rc::Rc;

use crate::core::orm::mapper::Mapper;
use crate::core::orm::naming::camel_to_snake_case;
use crate::core::orm::schema::Table;
use crate::core::sql::{Expr, SqlValue};

use super::super::value::{Class, HKey, Instance, Value};
use super::super::{Interp, R};
use super::{Instrumented, Native, SqlObj};

pub use super::identity::{Ident, IdentityKey, identity_key};

/// What a model class maps to.
#[derive(Clone)]
pub struct ModelInfo {
    /// Class name.
    pub class: Rc<str>,
    /// Table name.
    pub table: Rc<str>,
    /// (attribute key, column name) in table order.
    pub columns: Vec<(Rc<str>, Rc<str>)>,
    /// Primary key column indexes.
    pub pk: Vec<usize>,
    /// Each column's SQL type, in table order (resolved once, when the class is mapped).
    pub types: Vec<crate::core::sql::SqlType>,
    /// The types of its `column_property`s (their slots follow the columns').
    pub props: Vec<Option<crate::core::sql::SqlType>>,
    /// How many of them a SELECT of the class lists before the table's columns.
    pub props_first: usize,
}

impl ModelInfo {
    /// The index (table order) of the column mapped to attribute `key`.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|(k, _)| &**k == key)
    }
}

/// The column index of `key` when the class's own dict maps it to a column attribute.
fn own_column(class: &Class, key: &str) -> Option<usize> {
    let d = class.dict.borrow();
    match d.iter().rev().find(|(k, _)| &**k == key).map(|(_, v)| v) {
        Some(Value::Native(n)) => match &**n {
            super::Native::Instrumented(attr) => attr.column,
            _ => None,
        },
        _ => None,
    }
}

/// The value of column attribute `i` of a model instance, when set or loaded.
pub fn column_attr(inst: &Instance, i: usize) -> Option<Value> {
    inst.orm.borrow().as_ref().and_then(|s| s.value(i).cloned())
}

/// Sets column attribute `i` of a model instance (no change tracking).
pub fn set_column_attr(inst: &Instance, i: usize, v: Value) {
    if let Some(slot) = inst
        .orm
        .borrow_mut()
        .as_mut()
        .and_then(|s| s.values_mut().get_mut(i))
    {
        *slot = Some(v);
    }
}

/// The loaded or set value of attribute `key` of an instance: a column attribute's slot
/// for model instances, else the instance dict (relationships, plain attributes).
pub fn loaded_attr(inst: &Instance, key: &str) -> Option<Value> {
    if let Some(m) = inst.class.model.borrow().as_ref()
        && let Some(i) = m.column_index(key)
    {
        return column_attr(inst, i);
    }
    inst.dict.borrow().get(key).cloned()
}

impl InstState {
    /// The state of a new (transient) object of model `m`: no column set.
    pub fn transient(m: &ModelInfo) -> Self {
        InstState {
            status: Status::Transient,
            values: std::iter::repeat_with(|| None)
                .take(m.columns.len())
                .collect(),
            committed: None,
            stale: false,
            rel_committed: Default::default(),
            expired: false,
            identity: None,
            to_delete: false,
            order: None,
        }
    }

    /// Column `i` as last loaded or flushed.
    pub fn committed_value(&self, i: usize) -> Option<&Value> {
        match &self.committed {
            Some(c) => c.get(i)?.as_ref(),
            None => self.value(i),
        }
    }

    /// The state of a row just loaded: persistent, `values` its columns' values.
    pub fn loaded(values: Vec<Option<Value>>, identity: Ident) -> Self {
        InstState {
            status: Status::Persistent,
            committed: None,
            values,
            stale: false,
            rel_committed: Default::default(),
            expired: false,
            identity: Some(identity),
            to_delete: false,
            order: None,
        }
    }

    /// Column `i`'s value, when set or loaded.
    pub fn value(&self, i: usize) -> Option<&Value> {
        if self.stale {
            return None;
        }
        self.values.get(i)?.as_ref()
    }

    /// Every column slot in table order (`None`: not set or not loaded).
    pub fn slots(&self) -> impl ExactSizeIterator<Item = Option<&Value>> {
        let stale = self.stale;
        self.values
            .iter()
            .map(move |v| if stale { None } else { v.as_ref() })
    }

    /// The column slots for writing, without a committed snapshot (the caller keeps
    /// that up to date itself); slots left stale by expiry are emptied first.
    pub fn slots_mut(&mut self) -> &mut [Option<Value>] {
        if self.stale {
            self.stale = false;
            self.values.iter_mut().for_each(|v| *v = None);
        }
        &mut self.values
    }

    /// The column slots, for a change that must be told from the committed state
    /// (which is snapshotted first when it is still shared with `values`).
    pub fn values_mut(&mut self) -> &mut [Option<Value>] {
        self.slots_mut();
        if self.committed.is_none() && !matches!(self.status, Status::Transient | Status::Pending) {
            self.committed = Some(self.values.clone());
        }
        &mut self.values
    }

    /// At least `n` slots (a `column_property` loaded after the columns).
    pub fn grow_slots(&mut self, n: usize) {
        if self.values.len() < n {
            self.values.resize_with(n, || None);
        }
    }

    /// Replaces every slot (a row loaded into the instance).
    pub fn set_values(&mut self, values: Vec<Option<Value>>) {
        self.values = values;
        self.stale = false;
    }

    /// The columns set since the instance expired, without loading it (SQLAlchemy sets a
    /// column, other than the primary key, without loading the expired ones; a load then
    /// brings in the others only): set slots whose committed state is unknown.
    pub fn set_since_expiry(&self) -> Vec<usize> {
        match &self.committed {
            Some(c) if self.expired && !self.stale => (0..self.values.len())
                .filter(|&i| self.values[i].is_some() && c.get(i).is_none_or(|v| v.is_none()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A row loaded into the instance (`values`), except the columns `keep`, which keep
    /// their values and committed state (see [`Self::set_since_expiry`]).
    pub fn load_row(&mut self, mut values: Vec<Option<Value>>, keep: &[usize]) {
        self.committed = if keep.is_empty() {
            None
        } else {
            let mut snap = values.clone();
            for &i in keep {
                let cur = if self.stale {
                    None
                } else {
                    self.values.get_mut(i).and_then(Option::take)
                };
                if let Some(v) = values.get_mut(i) {
                    *v = cur;
                }
                if let Some(c) = snap.get_mut(i) {
                    *c = self
                        .committed
                        .as_ref()
                        .and_then(|c| c.get(i).cloned().flatten());
                }
            }
            Some(snap)
        };
        self.set_values(values);
        self.expired = false;
    }

    /// Unloads every slot: they read as `None` from now on. (The old values stay
    /// until the slots are next written: see `stale`.)
    pub fn expire_values(&mut self) {
        self.stale = true;
    }

    /// Takes the slots' values, stale or not (teardown takes everything a state holds).
    pub fn take_values(&mut self) -> Vec<Option<Value>> {
        std::mem::take(&mut self.values)
    }
}

/// Lifecycle of a model instance.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Not in a session.
    Transient,
    /// Added, not flushed.
    Pending,
    /// In the database and the session.
    Persistent,
    /// Deleted (flushed).
    Deleted,
    /// Was persistent, session gone.
    Detached,
}

/// Relationship snapshots by relationship name, made on the first one: most loaded
/// objects never have one, and an empty map inline took 32 bytes of every instance (the
/// box's pointer takes 8).
#[derive(Default)]
pub struct RelSnapshots(Option<Box<super::super::value::FxMap<Rc<str>, Value>>>);

impl RelSnapshots {
    /// The snapshot of relationship `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.as_ref()?.get(name)
    }
    /// Sets the snapshot of relationship `name`.
    pub fn insert(&mut self, name: Rc<str>, v: Value) -> Option<Value> {
        self.0.get_or_insert_with(Default::default).insert(name, v)
    }
    /// Forgets the snapshot of relationship `name`.
    pub fn remove(&mut self, name: &str) {
        if let Some(m) = self.0.as_mut() {
            m.remove(name);
        }
    }
    /// Forgets every snapshot.
    pub fn clear(&mut self) {
        self.0 = None;
    }
    /// The snapshots' map, if one was made (teardown).
    pub fn into_map(self) -> Option<Box<super::super::value::FxMap<Rc<str>, Value>>> {
        self.0
    }
}

/// Per-instance ORM state.
pub struct InstState {
    /// Lifecycle.
    pub status: Status,
    /// Column attribute values by column index (table order); `None`: not set or not
    /// loaded (the attribute is absent, as from an instance's `__dict__`). Private: while
    /// `stale`, the slots hold what expiry left behind, read as `None` by every accessor.
    values: Vec<Option<Value>>,
    /// The slots were expired and not cleared yet: expiring a whole session (every commit)
    /// only sets this flag, and the old values are dropped when the slots are next
    /// written or replaced (or with the instance), not by the commit. Kept apart from
    /// `expired`, which a rollback's `uninsert` resets while the slots stay empty.
    stale: bool,
    /// The column values as last loaded or flushed, by column index (change detection;
    /// an entry `None`: not in the snapshot). `None` as a whole: the same as `values`
    /// (nothing set since), so loading a row copies nothing; the snapshot is taken when a
    /// column of a persistent or detached instance is first set.
    pub committed: Option<Vec<Option<Value>>>,
    /// Loaded relationship collections and references as last loaded or flushed, by
    /// relationship name (change detection of collections).
    pub rel_committed: RelSnapshots,
    /// Attributes must be reloaded.
    pub expired: bool,
    /// Identity (primary key values).
    pub identity: Option<Ident>,
    /// Marked for deletion.
    pub to_delete: bool,
    /// The attributes set while transient, in the order first set (the constructor's
    /// keywords...): how `__dict__` lists them, before the loaded columns. Shared by the
    /// objects one constructor call site makes (a new list when one is set afterwards).
    pub order: Option<Rc<[Rc<str>]>>,
}

/// How the last model constructor call set its keywords (see `init_by_plan`): its
/// class, the keyword names (the interned names of the call site, compared by address)
/// and the column slot of each.
pub struct InitPlan {
    class: Rc<Class>,
    /// The class epoch it was made in (a class attribute set since may change it).
    epoch: u64,
    order: Rc<[Rc<str>]>,
    cols: Vec<usize>,
}

impl Interp<'_> {
    /// Maps a `db.Model` subclass.
    pub fn setup_model(&mut self, cls: &Rc<Class>) -> R<()> {
        for (key, f) in std::mem::take(&mut self.orm.pending_validators) {
            self.orm.validators.push((cls.name.clone(), key, f));
        }
        let is_abstract = matches!(cls.own("__abstract__"), Some(Value::Bool(true)));
        if is_abstract {
            return Ok(());
        }
        // collect column specs: own first, then from abstract/mixin bases
        let mut specs: Vec<(Rc<str>, super::ColumnSpec)> = vec![];
        let mut rels: Vec<(Rc<str>, super::RelSpec)> = vec![];
        let mut props: Vec<(Rc<str>, SqlObj)> = vec![];
        let mro = cls.mro.borrow().clone();
        for c in mro.iter() {
            if c.model_info().is_some() && !Rc::ptr_eq(c, cls) {
                return self.unsupported("model inheritance from a mapped class");
            }
            for (k, v) in c.dict.borrow().iter() {
                if specs.iter().any(|(n, _)| n == k) || rels.iter().any(|(n, _)| n == k) {
                    continue;
                }
                if let Value::Native(n) = v {
                    match &**n {
                        Native::ColumnSpec(s) => specs.push((k.clone(), s.borrow().clone())),
                        Native::RelSpec(r) => rels.push((k.clone(), r.borrow().clone())),
                        Native::ColumnProperty(e) => props.push((k.clone(), e.clone())),
                        _ => {}
                    }
                }
            }
        }
        let table_name: String = match cls.lookup("__tablename__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => camel_to_snake_case(&cls.name),
        };
        let mut table = Table::new(&table_name);
        let mut cols: Vec<(Rc<str>, Rc<str>)> = vec![];
        for (key, spec) in &specs {
            let mut col = spec.column.clone();
            if !spec.explicit_name {
                col.name = key.to_string();
            }
            if spec.explicit_name && col.own_key.is_none() {
                col.own_key = Some(col.name.clone());
            }
            col.key = key.to_string();
            self.orm.defaults.insert(
                (table_name.clone(), col.name.clone()),
                [
                    spec.default.clone(),
                    spec.onupdate.clone(),
                    spec.server_default.clone(),
                ],
            );
            cols.push((key.clone(), Rc::from(col.name.as_str())));
            self.orm.spec_columns.insert(
                spec.order,
                (Rc::from(table_name.as_str()), Rc::from(col.name.as_str())),
            );
            table = table.column(col);
        }
        if let Some(args) = cls.lookup("__table_args__") {
            let items = match &args {
                Value::Tuple(t) => (**t).clone(),
                other => vec![other.clone()],
            };
            for it in items {
                if let Value::Native(n) = &it
                    && let Native::IndexSpec(ix) = &**n
                {
                    table = table.index(self.resolve_index(ix).0);
                    continue;
                }
                // The options dict (alone, or last in the tuple).
                if let Value::Dict(_) = &it {
                    for (k, v) in self.mapping_items(&it)? {
                        if matches!(&k, Value::Str(s) if &**s == "sqlite_autoincrement") {
                            table.sqlite_autoincrement = self.truthy(&v)?;
                        }
                    }
                    continue;
                }
                if let Some(c) = self.constraint_from(&it)? {
                    table = table.constraint(c);
                }
            }
        }
        if table.primary_key().is_empty() {
            return self.raise(
                "ArgumentError",
                format!(
                    "Mapper Mapper[{}({table_name})] could not assemble any primary key columns for mapped table '{table_name}'",
                    cls.name
                ),
            );
        }
        let pk: Vec<usize> = table
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.primary_key)
            .map(|(i, _)| i)
            .collect();
        // columns in table order
        let columns: Vec<(Rc<str>, Rc<str>)> = table
            .columns
            .iter()
            .map(|c| (Rc::from(c.key.as_str()), Rc::from(c.name.as_str())))
            .collect();
        if self.orm.reg.metadata.table(&table_name).is_some() {
            return self.raise(
                "InvalidRequestError",
                format!("Table '{table_name}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object."),
            );
        }
        self.orm.reg.metadata.add(table);
        let mut mapper = Mapper::new(&cls.name, &table_name);
        for (key, r) in &rels {
            let rel = self.relationship_from(&cls.name, key, r)?;
            mapper = mapper.relationship(rel);
        }
        self.orm.reg.add(mapper);
        self.orm.reg.finalize();
        // directions of self-referential pairs: the side with remote_side is many-to-one,
        // its backref one-to-many (and the reverse for a backref given remote_side)
        let overrides = self.orm.rel_direction.clone();
        for m in &mut self.orm.reg.mappers {
            let fwd: Vec<(
                String,
                Option<String>,
                Option<crate::core::orm::mapper::RelKind>,
            )> = m
                .relationships
                .iter()
                .map(|r| (r.target.clone(), r.backref.clone(), r.direction))
                .collect();
            for r in &mut m.relationships {
                if let Some((_, _, k)) = overrides
                    .iter()
                    .find(|(c, n, _)| *c == m.class_name && *n == r.name)
                {
                    r.direction = Some(*k);
                }
            }
            let _ = fwd;
        }
        let pairs: Vec<(String, String, crate::core::orm::mapper::RelKind)> = self
            .orm
            .reg
            .mappers
            .iter()
            .flat_map(|m| {
                m.relationships.iter().filter_map(move |r| {
                    let b = r.backref.clone()?;
                    if r.target != m.class_name {
                        return None;
                    }
                    let opposite = match r.direction {
                        Some(crate::core::orm::mapper::RelKind::ManyToOne) => {
                            crate::core::orm::mapper::RelKind::OneToMany
                        }
                        _ => crate::core::orm::mapper::RelKind::ManyToOne,
                    };
                    Some((r.target.clone(), b, opposite))
                })
            })
            .collect();
        for (class, name, kind) in pairs {
            if overrides.iter().any(|(c, n, _)| *c == class && *n == name) {
                continue;
            }
            if let Some(m) = self
                .orm
                .reg
                .mappers
                .iter_mut()
                .find(|m| m.class_name == class)
                && let Some(r) = m.relationships.iter_mut().find(|r| r.name == name)
            {
                r.direction = Some(kind);
            }
        }
        let types = match self.orm.reg.table_of(&cls.name) {
            Ok(t) => t.columns.iter().map(|c| c.ty.clone()).collect(),
            Err(_) => vec![],
        };
        let info = Rc::new(ModelInfo {
            class: cls.name.clone(),
            table: Rc::from(table_name.as_str()),
            columns,
            pk,
            types,
            props: vec![],
            props_first: 0,
        });
        *cls.model.borrow_mut() = Some(info.clone());
        self.orm.classes.insert(cls.name.to_string(), cls.clone());
        for (i, (key, _)) in info.columns.iter().enumerate() {
            cls.set(
                key,
                Value::Native(Rc::new(Native::Instrumented(Instrumented {
                    class: cls.name.clone(),
                    key: key.clone(),
                    column: Some(i),
                    via: None,
                }))),
            );
        }
        if !matches!(cls.own("__tablename__"), Some(Value::Str(_))) {
            cls.set("__tablename__", Value::str(&table_name));
        }
        self.install_relationship_attrs();
        self.map_column_props(cls, props, true)?;
        self.resolve_join_strings()
    }

    /// Every mapper's relationships as class attributes (backrefs included).
    pub fn install_relationship_attrs(&mut self) {
        for m in &self.orm.reg.mappers {
            if let Some(c) = self.orm.classes.get(&m.class_name) {
                for r in &m.relationships {
                    let has =
                        matches!(c.own(&r.name), Some(Value::Native(ref n)) if n.is_instrumented());
                    if !has {
                        c.set(
                            &r.name,
                            Value::Native(Rc::new(Native::Instrumented(Instrumented {
                                class: c.name.clone(),
                                key: Rc::from(r.name.as_str()),
                                column: None,
                                via: None,
                            }))),
                        );
                    }
                }
            }
        }
    }

    /// Fresh state for a new instance.
    pub fn init_model_instance(&mut self, inst: &Rc<Instance>, m: &ModelInfo) {
        *inst.orm.borrow_mut() = Some(InstState::transient(m));
    }

    /// Flask-SQLAlchemy's default constructor: keyword arguments become attributes.
    pub fn model_default_init(
        &mut self,
        inst: &Rc<Instance>,
        args: Vec<Value>,
        kw: super::super::call::Kw,
    ) -> R<()> {
        if !args.is_empty() {
            return self.raise(
                "TypeError",
                format!(
                    "_declarative_constructor() takes 1 positional argument but {} were given",
                    args.len() + 1
                ),
            );
        }
        // A new object without validators to run (the common case): a column attribute of
        // the class's own dict takes its value straight into its slot, as `model_set`
        // would, without cloning the attribute.
        let fresh = self.orm.validators.is_empty() && self.status(inst) == Status::Transient;
        if fresh && self.init_by_plan(inst, &kw) {
            return Ok(());
        }
        let obj = Value::Instance(inst.clone());
        if let Some(st) = inst.orm.borrow_mut().as_mut()
            && st.status == Status::Transient
            && st.order.is_none()
            && !kw.is_empty()
        {
            st.order = Some(kw.iter().map(|(k, _)| k.clone()).collect());
        }
        for (k, v) in kw {
            if fresh && let Some(i) = own_column(&inst.class, &k) {
                set_column_attr(inst, i, v);
                continue;
            }
            match inst.class.lookup(&k) {
                None => {
                    return self.raise(
                        "TypeError",
                        format!(
                            "'{k}' is an invalid keyword argument for {}",
                            inst.class.name
                        ),
                    );
                }
                // A mapped attribute: set it without a second class lookup.
                Some(Value::Native(n)) if n.is_instrumented() => self.model_set(inst, n, v)?,
                Some(_) => self.setattr(&obj, &k, v)?,
            }
        }
        Ok(())
    }

    /// Sets a new object's keyword arguments when every one names a column attribute of
    /// its class's own dict, by the plan of the call before when it was the same class
    /// with the same keywords (a call site passes the same interned names each time);
    /// false (nothing set) when some keyword is something else.
    fn init_by_plan(&mut self, inst: &Rc<Instance>, kw: &super::super::call::Kw) -> bool {
        let epoch = crate::core::interp::value::class_epoch();
        let hit = self.orm.init_plan.as_ref().is_some_and(|p| {
            p.epoch == epoch
                && Rc::ptr_eq(&p.class, &inst.class)
                && p.order.len() == kw.len()
                && p.order.iter().zip(kw).all(|(a, (b, _))| Rc::ptr_eq(a, b))
        });
        if !hit {
            let mut cols = Vec::with_capacity(kw.len());
            for (k, _) in kw {
                match own_column(&inst.class, k) {
                    Some(i) => cols.push(i),
                    None => return false,
                }
            }
            self.orm.init_plan = Some(InitPlan {
                class: inst.class.clone(),
                epoch,
                order: kw.iter().map(|(k, _)| k.clone()).collect(),
                cols,
            });
        }
        let Some(plan) = &self.orm.init_plan else {
            return false;
        };
        let mut st = inst.orm.borrow_mut();
        let Some(s) = st.as_mut() else { return false };
        if !kw.is_empty() {
            s.order = Some(plan.order.clone());
        }
        let slots = s.values_mut();
        for (&i, (_, v)) in plan.cols.iter().zip(kw) {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(v.clone());
            }
        }
        true
    }

    /// The status of a model instance.
    pub fn status(&self, inst: &Instance) -> Status {
        inst.orm
            .borrow()
            .as_ref()
            .map(|s| s.status)
            .unwrap_or(Status::Transient)
    }

    /// Reading a mapped attribute of an instance.
    pub fn model_get(&mut self, inst: &Rc<Instance>, n: Rc<Native>, name: &str) -> R<Value> {
        let Native::Instrumented(attr) = &*n else {
            return Ok(Value::None);
        };
        let expired = match inst.orm.borrow().as_ref() {
            Some(s) if s.expired => match attr.column {
                // (A column set since the instance expired is read without a load.)
                Some(i) => !s.set_since_expiry().contains(&i),
                // A detached object's relationship raises its lazy load's error.
                None => s.status != Status::Detached,
            },
            _ => false,
        };
        // (A dynamic relationship's query loads the object when it runs.)
        let expired = expired
            && (attr.column.is_some()
                || !self
                    .orm
                    .reg
                    .relationship(&attr.class, &attr.key)
                    .is_ok_and(|r| {
                        matches!(
                            r.lazy,
                            crate::core::orm::mapper::Lazy::Dynamic
                                | crate::core::orm::mapper::Lazy::WriteOnly
                        )
                    }));
        if expired {
            self.refresh_instance(inst)?;
        }
        if let Some(i) = attr.column {
            return match column_attr(inst, i) {
                Some(v) => Ok(v),
                // An unloaded column of a loaded object: deferred (`load_only`/`defer`).
                None if !expired => self.load_deferred_column(inst, i),
                None => Ok(Value::None),
            };
        }
        if let Some(v) = inst.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        self.load_relationship(inst, attr)
    }

    /// Writing a mapped attribute.
    pub fn model_set(&mut self, inst: &Rc<Instance>, n: Rc<Native>, v: Value) -> R<()> {
        let Native::Instrumented(attr) = &*n else {
            return Ok(());
        };
        let v = if self.orm.validators.is_empty() {
            v
        } else {
            self.validated(inst, attr, v)?
        };
        let (expired, status) = inst
            .orm
            .borrow()
            .as_ref()
            .map_or((false, Status::Transient), |s| (s.expired, s.status));
        // Setting a one-to-one reference loads what it needs without an autoflush.
        let no_flush = attr.column.is_none() && self.is_active_reference(attr);
        let was = self.orm.autoflush_off;
        self.orm.autoflush_off = was || no_flush;
        let out = self.model_set_loaded(inst, attr, v, expired && status == Status::Persistent);
        self.orm.autoflush_off = was;
        out
    }

    fn model_set_loaded(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        v: Value,
        expired: bool,
    ) -> R<()> {
        if self.status(inst) == Status::Persistent {
            // (A column other than the primary key is set without loading the others.)
            let loads = attr
                .column
                .is_none_or(|i| inst.class.model_info().is_some_and(|m| m.pk.contains(&i)));
            if expired && loads {
                self.refresh_instance(inst)?;
            }
            if self.status(inst) == Status::Persistent {
                self.mark_modified(inst);
            }
        }
        match attr.column {
            Some(i) => {
                set_column_attr(inst, i, v);
                Ok(())
            }
            None => self.set_relationship(inst, attr, v),
        }
    }

    /// `repr()` of a model instance without `__repr__`.
    pub fn model_repr(&mut self, inst: &Rc<Instance>, m: &ModelInfo) -> R<String> {
        let st = self.status(inst);
        let ident = inst.orm.borrow().as_ref().and_then(|s| s.identity.clone());
        match (st, ident) {
            (Status::Persistent | Status::Detached | Status::Deleted, Some(ids)) => {
                let mut parts = vec![];
                for v in ids.values() {
                    parts.push(self.to_str(v)?);
                }
                Ok(format!("<{} {}>", m.class, parts.join(", ")))
            }
            (Status::Pending, _) => Ok(format!("<{} (pending 140000000000000)>", m.class)),
            _ => Ok(format!("<{} (transient 140000000000000)>", m.class)),
        }
    }

    /// `Model.column` on the class: a SQL column expression.
    pub fn class_attr_expr(&mut self, c: &Rc<Class>, n: &Rc<Native>) -> R<Value> {
        let Native::Instrumented(attr) = &**n else {
            return Ok(Value::None);
        };
        let _ = c;
        Ok(Value::Native(n.clone()).clone()).inspect(|_v| {
            let _ = attr;
        })
    }

    /// The model whose `query` attribute `obj.query` is (`obj` a model class that does not
    /// define `query` itself), after the same checks as reading it.
    pub fn model_query_class(&mut self, obj: &Value) -> R<Option<Rc<str>>> {
        let Value::Class(c) = obj else {
            return Ok(None);
        };
        // (Known from the last call while no class attribute was set since.)
        let epoch = crate::core::interp::value::class_epoch() + 1;
        if c.no_query_attr.get() != epoch {
            if c.lookup("query").is_some() {
                return Ok(None);
            }
            c.no_query_attr.set(epoch);
        }
        let Some(m) = c.model_info() else {
            return Ok(None);
        };
        self.check_app_context()?;
        Ok(Some(m.class.clone()))
    }

    /// Extra class attributes of models (`query`, `__table__`).
    pub fn model_class_extra(&mut self, c: &Rc<Class>, name: &str) -> R<Option<Value>> {
        let Some(m) = c.model_info() else {
            return Ok(None);
        };
        Ok(Some(match name {
            "query" => {
                self.check_app_context()?;
                Value::Native(Rc::new(Native::Query(Box::new(
                    super::query::QueryObj::legacy_of(&m.class),
                ))))
            }
            "__table__" => Value::Native(Rc::new(Native::Table(m.table.clone()))),
            "metadata" => Value::Native(Rc::new(Native::Metadata)),
            "__mapper__" => Value::Native(Rc::new(Native::Inspected(
                super::inspect::Inspected::Mapper(c.clone()),
            ))),
            _ => return Ok(None),
        }))
    }

    /// Extra instance attributes of models.
    pub fn model_instance_extra(&mut self, inst: &Rc<Instance>, name: &str) -> R<Option<Value>> {
        if inst.class.model_info().is_none() {
            return Ok(None);
        }
        let cls = Value::Class(inst.class.clone());
        match name {
            "query" | "__table__" | "metadata" | "__mapper__" => {
                let c = inst.class.clone();
                self.model_class_extra(&c, name)
            }
            _ => {
                let _ = cls;
                Ok(None)
            }
        }
    }

    /// The SQL column expression for `Class.attr`.
    pub fn column_sql(&self, attr: &Instrumented) -> Option<SqlObj> {
        let col_idx = attr.column?;
        let t = self.orm.reg.table_of(&attr.class).ok()?;
        let Some(col) = t.columns.get(col_idx) else {
            return self.prop_sql(attr, col_idx - t.columns.len());
        };
        let expr = match attr.via.as_ref().and_then(|v| v.parent.as_ref()) {
            Some(alias) => Expr::col_of(alias, col.name.clone()),
            None => Expr::col(&t.name, col.name.clone()),
        };
        Some(SqlObj {
            expr,
            ty: Some(col.ty.clone()),
            key: Some(attr.key.clone()),
            class: Some(attr.class.clone()),
        })
    }

    /// Identity key of an instance.
    pub fn identity_hkey(&self, inst: &Instance, m: &ModelInfo) -> Option<HKey> {
        let st = inst.orm.borrow();
        let _ = m;
        Some(identity_key(st.as_ref()?.identity.as_ref()?.values()))
    }

    /// Current column values of an instance as bind values (by column name).
    pub fn instance_sql_values(
        &mut self,
        inst: &Rc<Instance>,
        m: &ModelInfo,
    ) -> R<Vec<(Rc<str>, Option<SqlValue>)>> {
        let t = self.orm.reg.table_of(&m.class).cloned();
        let Ok(t) = t else { return Ok(vec![]) };
        let mut out = vec![];
        for (i, (_, name)) in m.columns.iter().enumerate() {
            let v = column_attr(inst, i);
            let sv = match v {
                Some(v) => Some(self.to_sql(&v, Some(&t.columns[i].ty))?),
                None => None,
            };
            out.push((name.clone(), sv));
        }
        Ok(out)
    }
}
