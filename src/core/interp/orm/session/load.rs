//! Loading state into instances: expiry, refresh of expired instances, populating
//! column attributes from a row, and building (or finding in the identity map) the
//! instance for a row.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::interp::orm::model::{Ident, InstState, ModelInfo, Status};
use crate::core::interp::value::{Class, Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::sql::{SqlType, SqlValue, Statement};

impl Interp<'_> {
    /// Expires an instance's loaded attributes.
    pub fn expire(&mut self, inst: &Rc<Instance>) {
        let Some(m) = inst.class.model_info() else {
            return;
        };
        // (Loaded relationships live in the instance dict: an empty one has none to drop.)
        if !inst.dict.borrow().is_empty()
            && let Ok(mp) = self.orm.reg.mapper(&m.class)
            && !mp.relationships.is_empty()
        {
            let mut d = inst.dict.borrow_mut();
            for r in &mp.relationships {
                d.remove(r.name.as_str());
            }
        }
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.expired = true;
            // (Not cleared here: a commit expires every object, and dropping each one's
            // values is left to when its slots are next written, see `InstState::stale`.)
            s.expire_values();
            s.committed = None;
            s.rel_committed.clear();
            s.take_cleared();
        }
        // (No longer modified: its changes are dropped.)
        if self.orm.modified_set.remove(&(Rc::as_ptr(inst) as usize)) {
            self.orm.modified.retain(|x| !Rc::ptr_eq(x, inst));
        }
        self.forget_loader_marks(inst);
    }

    /// The slot of a column attribute or of a `column_property` (after the columns').
    pub(crate) fn attr_slot(&self, m: &super::super::model::ModelInfo, n: &str) -> Option<usize> {
        m.columns.iter().position(|(k, _)| **k == *n).or_else(|| {
            let mp = self.orm.reg.mapper(&m.class).ok()?;
            let j = mp.column_props.iter().position(|(k, _)| **k == *n)?;
            Some(m.columns.len() + j)
        })
    }

    /// `session.expire(obj, names)`: only those attributes are unloaded (the expired
    /// columns are loaded again together when one is next read, a relationship lazily);
    /// their pending changes are dropped.
    pub fn expire_attributes(&mut self, inst: &Rc<Instance>, names: &[Value]) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        for n in names {
            let Value::Str(n) = n else {
                return self.raise("TypeError", "attribute names must be strings");
            };
            if let Some(i) = self.attr_slot(&m, n) {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.expire_column(i);
                }
                continue;
            }
            let is_rel = self
                .orm
                .reg
                .mapper(&m.class)
                .is_ok_and(|mp| mp.relationships.iter().any(|r| *r.name == **n));
            if !is_rel {
                return self.key_error(&Value::Str(n.clone()));
            }
            inst.dict.borrow_mut().remove(n);
            if let Some(s) = inst.orm.borrow_mut().as_mut() {
                s.rel_committed.remove(n);
            }
        }
        Ok(())
    }

    /// Refreshes an expired persistent instance (no-op otherwise).
    pub fn ensure_loaded(&mut self, inst: &Rc<Instance>) -> R<()> {
        let expired = inst.orm.borrow().as_ref().is_some_and(|s| s.expired);
        // (A deleted object, its row gone, refreshes too: it raises ObjectDeletedError.)
        if expired && matches!(self.status(inst), Status::Persistent | Status::Deleted) {
            self.refresh_instance(inst)?;
        }
        Ok(())
    }

    /// Reloads an expired instance from the database.
    pub fn refresh_instance(&mut self, inst: &Rc<Instance>) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        match self.status(inst) {
            Status::Persistent | Status::Deleted => {}
            Status::Detached => {
                return self.raise(
                    "DetachedInstanceError",
                    format!("Instance <{} at 0x7f0000000000> is not bound to a Session; attribute refresh operation cannot proceed (Background on this error at: https://sqlalche.me/e/20/bhk3)", m.class),
                );
            }
            _ => {
                if let Some(s) = inst.orm.borrow_mut().as_mut() {
                    s.expired = false;
                }
                return Ok(());
            }
        }
        // The columns set since the expiry are not loaded (decided before the autoflush,
        // which may load the object itself to write them).
        let keep = inst
            .orm
            .borrow()
            .as_ref()
            .map_or(Vec::new(), |s| s.set_since_expiry());
        // Like SQLAlchemy's refresh of expired attributes: pending changes go first.
        self.autoflush()?;
        let pk = self.identity_params(inst)?;
        let (mut sel, eager) = self.refresh_statement(inst, &m.class, pk)?;
        if self.orm.plain_refresh && eager.is_none() {
            sel.label_style = crate::core::sql::LabelStyle::DisambiguateOnly;
        }
        // (The class's deferred columns not set meanwhile are left unloaded, to load
        // when read, as SQLAlchemy's refresh of expired attributes leaves them.)
        let deferred: Vec<usize> = match (self.orm.reg.mapper(&m.class), m.props.is_empty()) {
            (Ok(mp), true) if !mp.deferred.is_empty() => (m.columns.iter().enumerate())
                .filter(|(i, (k, _))| mp.deferred.iter().any(|d| **d == **k) && !keep.contains(i))
                .map(|(i, _)| i)
                .collect(),
            _ => Vec::new(),
        };
        let keep = [keep, deferred.clone()].concat();
        // (Not with `column_property`s: their cells sit around the columns.)
        let narrow = !keep.is_empty() && eager.is_none() && m.props.is_empty();
        if narrow {
            let mut i = 0;
            sel.columns.retain(|_| {
                i += 1;
                !keep.contains(&(i - 1))
            });
        }
        let res = self.run_stmt(&Statement::Select(sel), true)?;
        let Some(row) = res.rows.first() else {
            return self.raise(
                "ObjectDeletedError",
                format!("Instance '<{} at 0x7f0000000000>' has been deleted, or its row is otherwise not present.", m.class),
            );
        };
        if narrow {
            let mut cells = row.iter();
            let wide: Vec<SqlValue> = (0..m.columns.len())
                .map(|i| match keep.contains(&i) {
                    true => SqlValue::Null,
                    false => cells.next().cloned().unwrap_or(SqlValue::Null),
                })
                .collect();
            self.populate_keeping(inst, &m, &wide, 0, &keep, false)?;
            if let Some(s) = inst.orm.borrow_mut().as_mut() {
                for &j in &deferred {
                    if let Some(slot) = s.slots_mut().get_mut(j) {
                        *slot = None;
                    }
                }
            }
            return Ok(());
        }
        self.populate_keeping(inst, &m, row, 0, &keep, true)?;
        if let Some(eager) = eager {
            self.after_refresh(inst, eager, &res.rows)?;
        }
        Ok(())
    }

    /// A model's column values from a row slice starting at `off` (Python values of the
    /// columns' types; missing cells are `None`); with `props`, the row is a SELECT of the
    /// class, its `column_property`s around the columns (see `Registry::entity_columns`).
    fn row_values(
        &mut self,
        m: &ModelInfo,
        mut row: impl Cells,
        off: usize,
        props: bool,
    ) -> R<Vec<Option<Value>>> {
        let ncols = m.columns.len();
        let (first, n) = match props {
            true => (m.props_first, ncols + m.props.len()),
            false => (0, ncols),
        };
        let mut values = Vec::with_capacity(n);
        for i in 0..n {
            let (ty, at) = match i.checked_sub(ncols) {
                None => (m.types.get(i), off + first + i),
                Some(j) if j < first => (m.props[j].as_ref(), off + j),
                Some(j) => (m.props[j].as_ref(), off + i),
            };
            let i = at;
            // (The common cells, as `from_sql` converts them, without its call.)
            if let Some(SqlType::Text(_) | SqlType::String(_)) = ty
                && let Some(s) = row.text(i)
            {
                values.push(Some(Value::Str(s)));
                continue;
            }
            values.push(Some(match (row.cells().get(i), ty) {
                (Some(SqlValue::Integer(v)), Some(SqlType::Integer)) => Value::int(*v),
                (Some(sv), _) => self.from_sql(sv, ty)?,
                (None, _) => Value::None,
            }));
        }
        Ok(values)
    }

    /// Fills an instance's column attributes from a row slice starting at `off` (see
    /// `row_values` for `props`).
    pub fn populate(
        &mut self,
        inst: &Rc<Instance>,
        m: &ModelInfo,
        row: &[SqlValue],
        off: usize,
        props: bool,
    ) -> R<()> {
        let keep = inst
            .orm
            .borrow()
            .as_ref()
            .map_or(Vec::new(), |s| s.set_since_expiry());
        self.populate_keeping(inst, m, row, off, &keep, props)
    }

    /// [`Self::populate`] but for the columns `keep`, which keep their values.
    fn populate_keeping(
        &mut self,
        inst: &Rc<Instance>,
        m: &ModelInfo,
        row: &[SqlValue],
        off: usize,
        keep: &[usize],
        props: bool,
    ) -> R<()> {
        let values = self.row_values(m, row, off, props)?;
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.load_row(values, keep);
        }
        Ok(())
    }

    /// Builds (or finds in the identity map) the instance for a row (see `row_values` for
    /// `props`).
    pub fn instance_from_row(
        &mut self,
        class: &str,
        row: &[SqlValue],
        off: usize,
        props: bool,
    ) -> R<Value> {
        let Some(cls) = self.orm.classes.get(class).cloned() else {
            return Ok(Value::None);
        };
        let Some(m) = cls.model_info() else {
            return Ok(Value::None);
        };
        self.instance_of_class(&cls, &m, row, off, props)
    }

    /// [`Self::instance_from_row`] for a model class already resolved (a query's
    /// loop resolves it once for all its rows). With a `&mut` row, a new instance takes
    /// the row's texts (see [`Cells`]); `props`: the row is a SELECT of the class (see
    /// `row_values`).
    pub fn instance_of_class(
        &mut self,
        cls: &Rc<Class>,
        m: &ModelInfo,
        row: impl Cells,
        off: usize,
        props: bool,
    ) -> R<Value> {
        let key_off = off + if props { m.props_first } else { 0 };
        // (A one-column key, the common case, without a vector.)
        let mut ident = Ident::Many(Vec::new());
        for &pi in &m.pk {
            let v = match row.cells().get(key_off + pi) {
                None | Some(SqlValue::Null) => return Ok(Value::None),
                Some(sv) => self.from_sql(sv, m.types.get(pi))?,
            };
            match &mut ident {
                Ident::Many(vals) if m.pk.len() > 1 => vals.push(v),
                _ => ident = Ident::One(v),
            }
        }
        let key = crate::core::interp::orm::model::IdentityKey::new(
            &m.table,
            crate::core::interp::orm::model::identity_key(ident.values()),
        );
        // (The columns this load leaves out, deferred: unloaded, never the row's NULL.)
        let deferred = match &self.orm.eager.deferred_root {
            Some((class, cols)) if **class == *m.class => Some(cols.clone()),
            _ => None,
        };
        if let Some(existing) = self.identity_get(&key) {
            if self.orm.populate_existing {
                self.populate_keeping(&existing, m, row.cells(), off, &[], props)?;
                // (Its lazy relationships are unloaded, to load again when read: the
                // lazy loader's reset of SQLAlchemy's populate_existing.)
                if let Ok(mp) = self.orm.reg.mapper(&m.class) {
                    for r in &mp.relationships {
                        if r.lazy == crate::core::orm::mapper::Lazy::Select
                            && existing.dict.borrow_mut().remove(r.name.as_str()).is_some()
                            && let Some(s) = existing.orm.borrow_mut().as_mut()
                        {
                            s.rel_committed.remove(r.name.as_str());
                        }
                    }
                }
                if let Some(cols) = &deferred {
                    crate::core::interp::orm::query::unload_columns(cols, &existing);
                }
            } else if existing.orm.borrow().as_ref().is_some_and(|s| s.expired) {
                self.populate(&existing, m, row.cells(), off, props)?;
                if let Some(cols) = &deferred {
                    crate::core::interp::orm::query::unload_columns(cols, &existing);
                }
            } else if Rc::ptr_eq(&existing.class, cls)
                && existing
                    .orm
                    .borrow()
                    .as_ref()
                    .is_some_and(|s| s.any_column_expired() || s.slots().any(|v| v.is_none()))
            {
                // (Its unloaded columns the row has, as SQLAlchemy's partial populate:
                // expired ones, deferred ones a load undefers, a subclass's own columns
                // left unloaded by a load of its base class. A deferred column the load
                // leaves out too is unloaded again after it.)
                let values = self.row_values(m, row, off, props)?;
                if let Some(s) = existing.orm.borrow_mut().as_mut() {
                    for (j, v) in values.into_iter().enumerate() {
                        if s.value(j).is_none()
                            && !deferred.as_ref().is_some_and(|d| d.contains(&j))
                        {
                            s.load_column(j, v);
                        }
                    }
                }
            }
            return Ok(Value::Instance(existing));
        }
        // A polymorphic load: the row's discriminator picks the class.
        let sub = match m.poly_on.and_then(|d| row.cells().get(key_off + d)) {
            Some(cell) => (self.orm.reg.class_for_identity(&m.class, cell))
                .filter(|c| **c != *m.class)
                .and_then(|c| self.orm.classes.get(c).cloned()),
            None => None,
        };
        // The state in one go: the row's values and their committed snapshot.
        let mut values = self.row_values(m, row, off, props)?;
        for &c in deferred.iter().flat_map(|d| d.iter()) {
            if let Some(slot) = values.get_mut(c) {
                *slot = None;
            }
        }
        let (cls, state) = match sub.as_ref().and_then(|c| Some((c, c.model_info()?))) {
            Some((sub, sm)) => (sub, subclass_state(m, &sm, values, ident)),
            None => (cls, InstState::loaded(values, ident)),
        };
        let inst = Rc::new(Instance {
            class: cls.clone(),
            dict: Default::default(),
            orm: RefCell::new(Some(state)),
        });
        self.note_cycle_root(crate::core::interp::teardown::CycleRoot::Instance(
            Rc::downgrade(&inst),
        ));
        self.add_identity_keyed(key, &inst);
        self.fire_load_event(&inst)?;
        Ok(Value::Instance(inst))
    }
}

/// The state of an object of the single-table subclass `sm` loaded by a query of its
/// ancestor `m`: the columns both map loaded from `values` (the row as `m` reads it), the
/// subclass's own expired, loaded together on first access as SQLAlchemy loads them.
fn subclass_state(
    m: &ModelInfo,
    sm: &ModelInfo,
    mut values: Vec<Option<Value>>,
    ident: Ident,
) -> InstState {
    let mut own = Vec::new();
    let slots: Vec<Option<Value>> = (sm.columns.iter().enumerate())
        .map(|(j, (key, _))| match m.column_index(key) {
            Some(i) => values.get_mut(i).and_then(Option::take),
            None => {
                own.push(j);
                None
            }
        })
        .collect();
    let mut state = InstState::loaded(slots, ident);
    for j in own {
        state.expire_column(j);
    }
    state
}

/// The cells of a result row that model values are made from: borrowed (`&[SqlValue]`:
/// a text cell's string is shared with the row) or consumed (`&mut [SqlValue]`: a text
/// cell's string is moved out and the cell left NULL). A query whose rows are dropped
/// once its objects are made consumes them: each string is then not touched again
/// (cache misses over a big result) to count the object's reference and, when the rows
/// go, to uncount the row's.
pub trait Cells {
    /// The cells, as they are now.
    fn cells(&self) -> &[SqlValue];
    /// Cell `i`'s string when it is a text.
    fn text(&mut self, i: usize) -> Option<Rc<str>>;
}

impl Cells for &[SqlValue] {
    fn cells(&self) -> &[SqlValue] {
        self
    }
    fn text(&mut self, i: usize) -> Option<Rc<str>> {
        match self.get(i) {
            Some(SqlValue::Text(s)) => Some(s.clone()),
            _ => None,
        }
    }
}

impl Cells for &mut [SqlValue] {
    fn cells(&self) -> &[SqlValue] {
        self
    }
    fn text(&mut self, i: usize) -> Option<Rc<str>> {
        let cell = self.get_mut(i)?;
        if !matches!(cell, SqlValue::Text(_)) {
            return None;
        }
        match std::mem::replace(cell, SqlValue::Null) {
            SqlValue::Text(s) => Some(s),
            _ => None,
        }
    }
}
