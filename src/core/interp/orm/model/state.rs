//! A model instance's ORM state: its lifecycle, its column values as set, loaded or expired,
//! their snapshot for change detection, and its identity.

use super::*;

/// The value of column attribute `i` of a model instance, when set or loaded.
pub fn column_attr(inst: &Instance, i: usize) -> Option<Value> {
    inst.orm.borrow().as_ref().and_then(|s| s.value(i).cloned())
}

/// Column attribute `i` as the object's `__dict__` holds it: [`column_attr`], except a
/// column the INSERT sent as NULL without its being set (see `InstState::note_unset`).
pub fn present_attr(inst: &Instance, i: usize) -> Option<Value> {
    (inst.orm.borrow().as_ref())
        .filter(|s| !s.is_unset(i))
        .and_then(|s| s.value(i).cloned())
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
    if let Some(s) = inst.orm.borrow_mut().as_mut() {
        s.column_set(i);
    }
}

/// An object's identity key as Python sees it: `(Class, (pk, ...), None)`.
pub fn identity_key_value(i: &Instance) -> Value {
    let id = (i.orm.borrow().as_ref())
        .and_then(|s| s.identity.as_ref().map(|id| id.values().to_vec()))
        .unwrap_or_default();
    Value::tuple(vec![
        Value::Class(i.class.clone()),
        Value::tuple(id),
        Value::None,
    ])
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
    /// (A class with a `polymorphic_identity` has its discriminator set: SQLAlchemy sets it
    /// when the object is made, before `__init__` runs.)
    pub fn transient(m: &ModelInfo) -> Self {
        let mut values: Vec<Option<Value>> = std::iter::repeat_with(|| None)
            .take(m.columns.len())
            .collect();
        if let (Some(i), Some(v)) = (m.poly_on, &m.identity)
            && let Some(slot) = values.get_mut(i)
        {
            *slot = Some(v.clone());
        }
        InstState {
            status: Status::Transient,
            values,
            committed: None,
            stale: false,
            rel_committed: Default::default(),
            expired: false,
            identity: None,
            to_delete: false,
            redeleted: false,
            order: None,
            expired_cols: 0,
            unset_cols: 0,
            cleared: None,
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
            redeleted: false,
            order: None,
            expired_cols: 0,
            unset_cols: 0,
            cleared: None,
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
            self.unset_cols = 0;
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
        self.expired_cols = 0;
        self.unset_cols = 0;
    }

    /// Column `i` was sent as NULL by the INSERT without ever being set: it reads as
    /// `None` and stays out of the object's `__dict__` (see `unset_cols`).
    pub fn note_unset(&mut self, i: usize) {
        if let Some(bit) = 1u32.checked_shl(i as u32) {
            self.unset_cols |= bit;
        }
    }

    /// True when column `i` was sent as NULL without being set (see [`Self::note_unset`]).
    pub fn is_unset(&self, i: usize) -> bool {
        !self.stale
            && 1u32
                .checked_shl(i as u32)
                .is_some_and(|bit| self.unset_cols & bit != 0)
    }

    /// Column `i` was given a value (set, or loaded): in `__dict__` from now on.
    pub fn column_set(&mut self, i: usize) {
        if let Some(bit) = 1u32.checked_shl(i as u32) {
            self.unset_cols &= !bit;
        }
    }

    /// Unloads column `i` as expired (not deferred): its value, committed state
    /// included, is loaded again on access, with the other expired columns.
    pub fn expire_column(&mut self, i: usize) {
        if let Some(slot) = self.slots_mut().get_mut(i) {
            *slot = None;
        }
        if let Some(c) = self.committed.as_mut().and_then(|c| c.get_mut(i)) {
            *c = None;
        }
        if let Some(bit) = 1u32.checked_shl(i as u32) {
            self.expired_cols |= bit;
        }
    }

    /// Slot `i` no longer loaded (a read-only property after a flush): read alone on
    /// access, as a deferred column is, not with the expired columns.
    pub fn unload_slot(&mut self, i: usize) {
        if let Some(slot) = self.slots_mut().get_mut(i) {
            *slot = None;
        }
        if let Some(c) = self.committed.as_mut().and_then(|c| c.get_mut(i)) {
            *c = None;
        }
    }

    /// Column `i` loaded with `v` into an object already loaded: its slot, its committed
    /// value when a change was recorded, and no longer expired.
    pub fn load_column(&mut self, i: usize, v: Option<Value>) {
        self.grow_slots(i + 1);
        self.column_loaded(i);
        self.column_set(i);
        if let Some(c) = self.committed.as_mut().and_then(|c| c.get_mut(i)) {
            c.clone_from(&v);
        }
        if let Some(slot) = self.slots_mut().get_mut(i) {
            *slot = v;
        }
    }

    /// True when some column was expired on its own (see [`Self::expire_column`]).
    pub fn any_column_expired(&self) -> bool {
        self.expired_cols != 0
    }

    /// True when column `i` was expired on its own (see [`Self::expire_column`]).
    pub fn column_expired(&self, i: usize) -> bool {
        1u32.checked_shl(i as u32)
            .is_some_and(|bit| self.expired_cols & bit != 0)
    }

    /// Column `i` was loaded: no longer expired.
    pub fn column_loaded(&mut self, i: usize) {
        if let Some(bit) = 1u32.checked_shl(i as u32) {
            self.expired_cols &= !bit;
        }
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

    /// Notes many-to-one reference `key` set to `None` (see `cleared`).
    pub fn note_cleared(&mut self, key: &Rc<str>) {
        let mut list = self.take_cleared();
        if !list.contains(key) {
            list.push(key.clone());
        }
        self.cleared = Some(list.into_boxed_slice());
    }

    /// Takes the many-to-one references set to `None` since the last flush.
    pub fn take_cleared(&mut self) -> Vec<Rc<str>> {
        self.cleared.take().map(Vec::from).unwrap_or_default()
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
pub struct RelSnapshots(Option<Box<super::super::super::value::FxMap<Rc<str>, Value>>>);

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
    pub fn into_map(self) -> Option<Box<super::super::super::value::FxMap<Rc<str>, Value>>> {
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
    /// Deleted by a flush, then marked for deletion again (SQLAlchemy's `_deleted` flag
    /// outlives the transaction): until a flush deletes it again the object reads as
    /// `deleted`, not `persistent`.
    pub redeleted: bool,
    /// The attributes set while transient, in the order first set (the constructor's
    /// keywords...): how `__dict__` lists them, before the loaded columns. Shared by the
    /// objects one constructor call site makes (a new list when one is set afterwards).
    pub order: Option<Rc<[Rc<str>]>>,
    /// Columns (of the first 32) expired one by one (`session.expire(obj, [...])`, a
    /// column a flush set to a SQL expression): read again together on access, where a
    /// deferred column loads alone.
    expired_cols: u32,
    /// Columns (of the first 32) the INSERT sent as NULL without their ever being set
    /// (no value, no default): SQLAlchemy leaves them out of the object's `__dict__`
    /// until they are set or loaded, and reads them as `None` without a load. Their slots
    /// hold `None` values here, so every other reader sees the NULL that was written.
    unset_cols: u32,
    /// Many-to-one references set to `None` since the object was last flushed (their
    /// history's `added`): the flush that saves the object clears their foreign keys if
    /// they are still `None` then, as SQLAlchemy's dependency processor does; until then
    /// the keys read as before.
    cleared: Option<Box<[Rc<str>]>>,
}
