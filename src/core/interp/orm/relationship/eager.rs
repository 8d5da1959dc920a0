//! Loader strategies at attribute access: `lazy='noload'` (an empty collection or `None`,
//! no SQL), `lazy='raise'` / `'raise_on_sql'` and the `raiseload()` option (SQLAlchemy's
//! `InvalidRequestError`), and what a lazy load's own query brings in (the target's eager
//! relationships, except the many-to-one way back to the parent, which SQLAlchemy loads
//! lazily since the parent is known).

use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use crate::core::interp::orm::Instrumented;
use crate::core::interp::orm::query::PendingLoad;
use crate::core::interp::value::{FxMap, Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::eager::{LoaderOption, PathStep};
use crate::core::orm::mapper::{Lazy, RelKind, Relationship, ResolvedRel};

/// An instance (weakly) and its per-instance strategies: (relationship, strategy).
type RaiseMarks = (Weak<Instance>, Vec<(Rc<str>, Lazy)>);

/// Per-instance loader strategies set by loader options (`raiseload()`, and `lazyload()`
/// of a relationship declared `raise` or `noload`), keyed by the
/// instance's address; forgotten when the instance is expired, as SQLAlchemy resets
/// per-instance loaders then.
///
/// Also the queue of `selectin` loads of the load running at top level, if any.
#[derive(Default)]
pub struct EagerState {
    raise: FxMap<usize, RaiseMarks>,
    /// `selectin` loads waiting for the top-level load to finish.
    pub queue: Option<VecDeque<PendingLoad>>,
    /// A refresh in progress loads columns only (no eager relationships).
    pub columns_only: bool,
    /// The root class of a load with deferred columns and those columns' indices, while
    /// the load makes its objects: they are made with those slots unloaded, and an object
    /// already in the session keeps its own (an immediate many-to-one then loads its
    /// deferred foreign key first).
    pub deferred_root: Option<(Rc<str>, Rc<[usize]>)>,
    /// The loader options and path an instance was first loaded with (SQLAlchemy's
    /// `state.load_options` / `load_path`): its lazy loads and refreshes apply them.
    loaded_with: FxMap<usize, (Weak<Instance>, LoadedWith)>,
}

/// The loader options an instance was loaded with, and where it was on their paths.
#[derive(Clone)]
pub struct LoadedWith {
    /// The options of the load.
    pub options: Rc<Vec<LoaderOption>>,
    /// The path of the entity in that load.
    pub path: Vec<PathStep>,
}

impl EagerState {
    /// The options `inst` was loaded with, if any.
    pub fn loaded_with(&self, inst: &Rc<Instance>) -> Option<&LoadedWith> {
        let (w, l) = self.loaded_with.get(&(Rc::as_ptr(inst) as usize))?;
        w.upgrade()
            .is_some_and(|i| Rc::ptr_eq(&i, inst))
            .then_some(l)
    }

    /// Records the options a new instance was loaded with.
    pub fn record_loaded_with(&mut self, inst: &Rc<Instance>, with: LoadedWith) {
        self.loaded_with
            .insert(Rc::as_ptr(inst) as usize, (Rc::downgrade(inst), with));
    }

    /// The strategy a loader option set for `inst.<key>`.
    fn raise_of(&self, inst: &Rc<Instance>, key: &str) -> Option<Lazy> {
        let (w, keys) = self.raise.get(&(Rc::as_ptr(inst) as usize))?;
        if !w.upgrade().is_some_and(|i| Rc::ptr_eq(&i, inst)) {
            return None;
        }
        keys.iter().find(|(k, _)| &**k == key).map(|(_, s)| *s)
    }
}

impl Interp<'_> {
    /// Sets the strategy `inst.<key>` loads with when accessed unloaded: `Raise`,
    /// `RaiseOnSql` (`raiseload()`), or `Select` (`lazyload()` over `lazy='raise'`).
    pub fn mark_raiseload(&mut self, inst: &Rc<Instance>, key: &str, strategy: Lazy) {
        let entry = self
            .orm
            .eager
            .raise
            .entry(Rc::as_ptr(inst) as usize)
            .or_insert_with(|| (Rc::downgrade(inst), Vec::new()));
        if !entry.0.upgrade().is_some_and(|i| Rc::ptr_eq(&i, inst)) {
            *entry = (Rc::downgrade(inst), Vec::new());
        }
        entry.1.retain(|(k, _)| &**k != key);
        entry.1.push((Rc::from(key), strategy));
    }

    /// Refreshes an expired instance's columns only, as the flush does when it reads a
    /// related object's key (its relationships then hold pending changes, which
    /// SQLAlchemy's refresh leaves alone).
    pub fn refresh_columns(&mut self, inst: &Rc<Instance>) -> R<()> {
        let was = std::mem::replace(&mut self.orm.eager.columns_only, true);
        let out = self.refresh_instance(inst);
        self.orm.eager.columns_only = was;
        out
    }

    /// Forgets the per-instance loader strategies of an expired instance.
    pub fn forget_loader_marks(&mut self, inst: &Rc<Instance>) {
        if !self.orm.eager.raise.is_empty() {
            self.orm.eager.raise.remove(&(Rc::as_ptr(inst) as usize));
        }
    }

    /// The strategy in force for `inst.<rel>`: a per-instance `raiseload()`, else `lazy=`.
    fn access_strategy(&self, inst: &Rc<Instance>, rel: &Relationship) -> Lazy {
        self.orm.eager.raise_of(inst, &rel.name).unwrap_or(rel.lazy)
    }

    fn raise_unavailable<T>(&self, attr: &Instrumented, how: &str) -> R<T> {
        self.raise(
            "InvalidRequestError",
            format!(
                "'{}.{}' is not available due to lazy='{how}'",
                attr.class, attr.key
            ),
        )
    }

    /// Access of an unloaded relationship of a persistent instance that loads without SQL:
    /// `noload` gives (and keeps) an empty collection or `None`; `raise` raises.
    pub(super) fn load_without_sql(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        rel: &Relationship,
        uselist: bool,
    ) -> R<Option<Value>> {
        match self.access_strategy(inst, rel) {
            Lazy::NoLoad => {
                let v = if uselist {
                    Value::list(vec![])
                } else {
                    Value::None
                };
                self.set_loaded_relationship(inst, &attr.key, v.clone());
                Ok(Some(v))
            }
            Lazy::Raise => self.raise_unavailable(attr, "raise"),
            _ => Ok(None),
        }
    }

    /// `raise_on_sql`: raises once a lazy load is about to send SQL.
    pub(super) fn check_raise_on_sql(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        rel: &Relationship,
    ) -> R<()> {
        if self.access_strategy(inst, rel) == Lazy::RaiseOnSql {
            return self.raise_unavailable(attr, "raise_on_sql");
        }
        Ok(())
    }

    /// The path a lazy load of `inst.<attr>` loads at and its options: those `inst` was
    /// loaded with, and for a collection whose reverse is a many-to-one, that reverse
    /// loaded lazily (`lazyload(rev)`).
    pub(super) fn lazy_load_paths(
        &self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        rel: &Relationship,
        r: &ResolvedRel,
    ) -> (Vec<PathStep>, Vec<LoaderOption>) {
        let (mut base, mut extra) = match self.orm.eager.loaded_with(inst) {
            Some(w) => (w.path.clone(), (*w.options).clone()),
            None => (Vec::new(), Vec::new()),
        };
        base.push(PathStep::new(&attr.class, &attr.key));
        if r.kind == RelKind::OneToMany
            && let Some(rev) = rel.back_populates.as_ref().or(rel.backref.as_ref())
            && let Ok(rr) = self.orm.reg.resolve(&rel.target, rev)
            && rr.kind == RelKind::ManyToOne
        {
            let mut path = base.clone();
            path.push(PathStep::new(&rel.target, rev));
            extra.push(LoaderOption {
                path,
                wildcard: false,
                strategy: Some(Lazy::Select),
                innerjoin: None,
            });
        }
        (base, extra)
    }
}
