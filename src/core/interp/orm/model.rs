//! Declarative models: class body → table + mapper, instance state, attribute get/set,
//! the default constructor and `repr`.

mod declared;
mod inherit;
mod join_strings;
mod setup;
mod state;

pub use state::{
    InstState, RelSnapshots, Status, column_attr, identity_key_value, loaded_attr, present_attr,
    set_column_attr,
};

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
    /// The class whose mapper saves this one's objects in a flush: the base of its
    /// single-table hierarchy (itself when it inherits from no mapped class).
    pub base: Rc<str>,
    /// The discriminator (`polymorphic_on`) column's index: a loaded row's value picks
    /// the class of its object.
    pub poly_on: Option<usize>,
    /// `polymorphic_identity`: the discriminator's value on a new object.
    pub identity: Option<Value>,
    /// `version_id_col`: the column counting an object's versions (1 on INSERT, one more
    /// on each UPDATE, whose WHERE requires the old count).
    pub version_col: Option<usize>,
    /// `Model.query`, made on first use: a query's methods make new queries and never
    /// change one in place, so the same object is handed out each time (a new one per
    /// access cost thousands of instructions: `User.query.get(i)` in a loop).
    pub query: std::cell::OnceCell<Value>,
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
                    "__init__() takes 1 positional argument but {} were given",
                    args.len() + 1
                ),
            );
        }
        // A new object without validators to run (the common case): a column attribute of
        // the class's own dict takes its value straight into its slot, as `model_set`
        // would, without cloning the attribute.
        let fresh = self.orm.validators.is_empty()
            && !self.orm.attr_listeners
            && self.status(inst) == Status::Transient;
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
        let v = if self.orm.attr_listeners {
            self.fire_set_event(inst, attr, v)?
        } else {
            v
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
            // (A column other than the primary key or the version counter, SQLAlchemy's
            // columns with active history, is set without loading the others.)
            // (Nor is a plain many-to-one, whose old value is only what is known.)
            let loads = match attr.column {
                Some(i) => inst
                    .class
                    .model_info()
                    .is_some_and(|m| m.pk.contains(&i) || m.version_col == Some(i)),
                None => !self.is_passive_reference(attr) && !self.is_active_reference(attr),
            };
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
            // `Base.metadata` of a `class Base(DeclarativeBase)` (or an abstract model).
            if name == "metadata" && self.orm.is_model_class(c) {
                return Ok(Some(Value::Native(Rc::new(Native::Metadata))));
            }
            // (`Model.query` of a class that is not mapped: the query of it is refused.)
            if name == "query" && self.orm.is_model_class(c) {
                self.check_app_context()?;
                let r = self.repr(&Value::Class(c.clone()))?;
                return self.raise(
                    "ArgumentError",
                    format!("Column expression, FROM clause, or other columns clause element expected, got {r}."),
                );
            }
            return Ok(None);
        };
        Ok(Some(match name {
            "query" => {
                self.check_app_context()?;
                (m.query.get_or_init(|| {
                    let mut q = super::query::QueryObj::legacy_of(&m.class);
                    q.class = self.query_class_of(c);
                    Value::Native(Rc::new(Native::Query(Box::new(q))))
                }))
                .clone()
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
