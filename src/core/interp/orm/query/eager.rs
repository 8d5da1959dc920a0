//! Running queries with their eager loads. The SELECT (joined loads included) comes from
//! `core::orm::eager`; each row gives its entities' instances and their joined
//! relationships; then `noload` relationships are set empty, `raiseload` ones marked,
//! `subquery` loads run (right away, as SQLAlchemy runs them while the rows are processed)
//! and `selectin` loads are queued, to run once the top-level load is done (loads inside
//! it, like a refresh's immediate loads, queue theirs there too), breadth first as
//! SQLAlchemy's post loads. A relationship that already holds a value keeps it.

use std::collections::VecDeque;

use crate::core::fxhash::{FxMap, FxSet};
use std::rc::Rc;

use crate::core::orm::eager::{
    EagerError, EntityPlan, LoadStatement, LoaderOption, PathStep, PostPlan, RootLayout,
    compile_loading, option_for, plan_entity, plan_roots,
};
use crate::core::orm::mapper::Lazy;
use crate::core::orm::query::Query;
use crate::core::sql::{Select, SqlValue};

use super::Ent;
use crate::core::interp::orm::relationship::LoadedWith;
use crate::core::interp::orm::result::ResultObj;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

/// A query's rows, loaded.
pub struct Loaded {
    /// One value per entity, per row.
    pub rows: Vec<Vec<Value>>,
    /// A plain load of one class asked for as instances ([`Interp::load_query_as`]): its
    /// instances, one per row, and `rows` left empty.
    pub instances: Option<Vec<Value>>,
    /// A collection was joined: parents repeat across rows (a 2.0 result needs `unique()`).
    pub multi_row: bool,
    /// Rows may repeat an entity (joins, several FROM items, a joined collection).
    pub may_repeat: bool,
}

/// The query a level of entities was loaded by, which `subquery` loads below it wrap.
pub(super) struct Origin {
    pub(super) query: Query,
    /// Length of the path the query was loaded at (paths of its loads are relative to it).
    pub(super) base_len: usize,
}

/// A `selectin` load waiting for its turn: one relationship of the parents found at one
/// place of a load, with the options of the load that found them.
pub struct PendingLoad {
    pub(super) class: String,
    pub(super) plan: PostPlan,
    pub(super) parents: Vec<Rc<Instance>>,
    pub(super) options: Rc<Vec<LoaderOption>>,
}

/// The options of the load being processed.
pub(super) type Options = Rc<Vec<LoaderOption>>;

/// One entity of a statement's rows, from the plan tree flattened in pre-order.
struct Node {
    plan: EntityPlan,
    /// Parent node, relationship name on it, collection or not.
    parent: Option<(usize, Rc<str>, bool)>,
}

fn flatten(mut plan: EntityPlan, parent: Option<(usize, Rc<str>, bool)>, out: &mut Vec<Node>) {
    let joined = std::mem::take(&mut plan.joined);
    let at = out.len();
    out.push(Node { plan, parent });
    for j in joined {
        flatten(
            j.entity,
            Some((at, Rc::from(j.rel.as_str()), j.uselist)),
            out,
        );
    }
}

/// A joined relationship's values collected from the rows for one parent.
struct JoinedValues {
    parent: Rc<Instance>,
    key: Rc<str>,
    uselist: bool,
    items: Vec<Value>,
    seen: FxSet<usize>,
}

/// The instances found at one node, in order of first appearance.
#[derive(Default)]
struct Found {
    items: Vec<Rc<Instance>>,
    seen: FxSet<usize>,
}

impl Found {
    fn add(&mut self, i: &Rc<Instance>) {
        if self.seen.insert(Rc::as_ptr(i) as usize) {
            self.items.push(i.clone());
        }
    }
}

impl Interp<'_> {
    /// Raises the Python exception for an eager-loading error.
    pub(super) fn eager_error<T>(&self, e: EagerError) -> R<T> {
        match e {
            EagerError::Orm(e) => self.raise(e.class(), e.0),
            EagerError::NotARoot(m) => self.raise("ArgumentError", m),
            EagerError::Unsupported(what) => self.unsupported(&what),
        }
    }

    fn statement_at(
        &mut self,
        q: &Query,
        base: &[PathStep],
        options: &[LoaderOption],
    ) -> R<LoadStatement> {
        let reg = &self.orm.reg;
        match plan_roots(reg, q, base, options).and_then(|p| compile_loading(reg, q, p)) {
            Ok(s) => Ok(s),
            Err(e) => self.eager_error(e),
        }
    }

    /// A query's SELECT with its joined eager loads: what `str(query)` prints and what runs.
    /// A query of one class leaves out the columns it defers, as its load does.
    pub fn loading_select(&mut self, q: &Query) -> R<Select> {
        let st = self.statement_at(q, &[], &q.options)?;
        if let [crate::core::orm::query::Entity::Class(class)] = &q.entities[..]
            && let Some(d) = self.deferred_of_class(q, class)?
        {
            return Ok(match st.wrapped {
                true => d.narrow_wrapped(st.select),
                false => d.narrow(st.select),
            });
        }
        Ok(st.select)
    }

    /// Runs a query with its eager loads (its options plus `extra`), loading at `base`
    /// (the relationship a lazy load serves; empty for a query of the script).
    pub fn load_query(
        &mut self,
        q: &Query,
        ents: &[Ent],
        base: &[PathStep],
        extra: &[LoaderOption],
    ) -> R<Loaded> {
        self.load_query_as(q, ents, base, extra, false)
    }

    /// [`Self::load_query`]; with `single` and one class entity, a plain load (no loader
    /// options, no eager relationships) gives its instances in `instances`, without a
    /// vector per row.
    pub fn load_query_as(
        &mut self,
        q: &Query,
        ents: &[Ent],
        base: &[PathStep],
        extra: &[LoaderOption],
        single: bool,
    ) -> R<Loaded> {
        if !q.populate_existing {
            return self.load_query_rows(q, ents, base, extra, single);
        }
        let outer = std::mem::replace(&mut self.orm.populate_existing, true);
        let loaded = self.load_query_rows(q, ents, base, extra, single);
        self.orm.populate_existing = outer;
        loaded
    }

    /// [`Self::load_query_as`] once `populate_existing` is in effect (or not).
    fn load_query_rows(
        &mut self,
        q: &Query,
        ents: &[Ent],
        base: &[PathStep],
        extra: &[LoaderOption],
        single: bool,
    ) -> R<Loaded> {
        if let Some(text) = &q.from_text {
            return self.load_from_text(text, ents, single);
        }
        let mut options = q.options.clone();
        options.extend_from_slice(extra);
        let st = self.statement_at(q, base, &options)?;
        let may_repeat =
            st.multi_row || !q.joins.is_empty() || st.select.from.len() > 1 || q.set_op.is_some();
        let multi_row = st.multi_row;
        // (Loads with options record them on their instances, for their lazy loads.)
        let plain = options.is_empty()
            && st.roots.iter().all(|r| match r {
                RootLayout::Entity(p) => p.is_plain(),
                RootLayout::Columns(_) => true,
            });
        // (Deferred columns, `load_only()`/`defer()`: left out of a plain load's SELECT.)
        let deferred = self.deferred_of(q, ents)?;
        if plain {
            let rows = match &deferred {
                Some(d) => d.widen(self.run_select_flat(d.narrow(st.select))?),
                None => self.run_select_flat(st.select)?,
            };
            // (The objects are made with the deferred columns unloaded; see
            // `deferred_root`.)
            let saved = self.orm.eager.deferred_root.take();
            if let (Some(d), [Ent::Class(class)]) = (&deferred, ents) {
                self.orm.eager.deferred_root = Some((class.clone(), d.columns.clone().into()));
            }
            let built = match (single, ents) {
                (true, [Ent::Class(class)]) => self.build_instances(class, rows).map(Ok),
                _ => self.build_rows(ents, &rows).map(Err),
            };
            self.orm.eager.deferred_root = saved;
            let rows = match built? {
                Ok(objects) => {
                    return Ok(Loaded {
                        rows: Vec::new(),
                        instances: Some(objects),
                        multi_row,
                        may_repeat,
                    });
                }
                Err(rows) => rows,
            };
            return Ok(Loaded {
                rows,
                instances: None,
                multi_row,
                may_repeat,
            });
        }
        // (The root's deferred columns are left out of the SELECT as in a plain load; the
        // eager loads' columns after them are all kept.)
        let rows = match &deferred {
            Some(d) => {
                let select = match st.wrapped {
                    true => d.narrow_wrapped(st.select),
                    false => d.narrow(st.select),
                };
                (self.run_select(select)?.into_iter())
                    .map(|r| d.widen_row(r))
                    .collect()
            }
            None => self.run_select(st.select)?,
        };
        // (A dynamic or write-only relationship holds no collection to populate: SQLAlchemy
        // refuses to eager load it once the query ran, as its rows are processed.)
        for o in &options {
            use crate::core::orm::mapper::Lazy;
            let Some(step) = o.path.last().filter(|_| !o.wildcard) else {
                continue;
            };
            let rel = self.orm.reg.relationship(&step.class, &step.rel);
            if let Ok(r) = rel
                && matches!(r.lazy, Lazy::Dynamic | Lazy::WriteOnly)
            {
                match o.strategy {
                    Some(Lazy::Joined | Lazy::Selectin | Lazy::Subquery) => {
                        return self.raise("InvalidRequestError", format!("'{}.{}' does not support object population - eager loading cannot be applied.", step.class, step.rel));
                    }
                    Some(Lazy::Immediate) => {
                        return self.raise(
                            "NotImplementedError",
                            "Dynamic attributes don't support collection population.",
                        );
                    }
                    _ => {}
                }
            }
        }
        let origin = Origin {
            query: q.clone(),
            base_len: base.len(),
        };
        let options = Rc::new(options);
        let saved = self.orm.eager.deferred_root.take();
        if let (Some(d), [Ent::Class(class)]) = (&deferred, ents) {
            self.orm.eager.deferred_root = Some((class.clone(), d.columns.clone().into()));
        }
        let out =
            self.top_level(|it| it.process_level(&rows, st.roots, ents, Some(&origin), &options));
        self.orm.eager.deferred_root = saved;
        let out = out?;
        Ok(Loaded {
            rows: out,
            instances: None,
            multi_row,
            may_repeat,
        })
    }

    /// `Query.get()` / `session.get()` with loader options or eager relationships:
    /// `None` when neither applies (the plain cached lookup then runs).
    pub fn get_with_loaders(
        &mut self,
        class: &str,
        pk: &[SqlValue],
        options: &[LoaderOption],
        columns: &[crate::core::orm::query::ColumnLoad],
    ) -> R<Option<Value>> {
        if options.is_empty() && columns.is_empty() {
            // (Every lookup comes here: most classes load all their relationships on
            // access, which a glance at their strategies tells without planning.)
            // (A class with deferred columns loads through the query, which leaves them out.)
            let (all_on_access, deferred) = match self.orm.reg.mapper(class) {
                Ok(m) => (
                    m.relationships
                        .iter()
                        .all(|r| matches!(r.lazy, Lazy::Select | Lazy::Dynamic | Lazy::WriteOnly)),
                    !m.deferred.is_empty(),
                ),
                Err(_) => (false, false),
            };
            if all_on_access && !deferred {
                return Ok(None);
            }
            let plan = match plan_entity(&self.orm.reg, &[], class, vec![], &[class.to_string()]) {
                Ok(p) => p,
                Err(e) => return self.eager_error(e),
            };
            if plan.is_plain() && !deferred {
                return Ok(None);
            }
        }
        let mut q = match crate::core::orm::query::get_query(&self.orm.reg, class, pk.to_vec()) {
            Ok(q) => q,
            Err(e) => return self.raise(e.class(), e.0),
        };
        q.options = options.to_vec();
        q.columns = columns.to_vec();
        let loaded = self.load_query(&q, &[Ent::Class(Rc::from(class))], &[], &[])?;
        Ok(Some(
            loaded
                .rows
                .into_iter()
                .next()
                .and_then(|r| r.into_iter().next())
                .unwrap_or(Value::None),
        ))
    }

    /// The SELECT that refreshes an expired instance: by primary key, with the joined
    /// loads of its relationships not loaded (expired) now; and those relationships'
    /// joined plan, plus the `selectin` / `subquery` ones, which a refresh loads right
    /// after, with lazy-load SELECTs (SQLAlchemy's immediate load).
    pub fn refresh_statement(
        &mut self,
        inst: &Rc<Instance>,
        class: &str,
        pk: Vec<SqlValue>,
    ) -> R<(Select, Option<RefreshLoads>)> {
        let (options, path) = match self.orm.eager.loaded_with(inst) {
            Some(w) => ((*w.options).clone(), w.path.clone()),
            None => (Vec::new(), Vec::new()),
        };
        let mut plan = match plan_entity(
            &self.orm.reg,
            &options,
            class,
            path.clone(),
            &[class.to_string()],
        ) {
            Ok(p) => p,
            Err(e) => return self.eager_error(e),
        };
        // Every `selectin` / `subquery` relationship, cycles or not: SQLAlchemy turns them
        // into immediate loads before its cycle check.
        plan.post.clear();
        let mut immediate: Vec<Rc<str>> = match self.orm.reg.mapper(class) {
            Ok(m) => m
                .relationships
                .iter()
                .filter(|r| {
                    let mut p = path.clone();
                    p.push(PathStep::new(class, &r.name));
                    let strategy = option_for(&options, &p).unwrap_or(r.lazy);
                    matches!(strategy, Lazy::Selectin | Lazy::Subquery | Lazy::Immediate)
                })
                .filter(|r| !self.attr_loaded(inst, &r.name))
                .map(|r| Rc::from(r.name.as_str()))
                .collect(),
            Err(_) => Vec::new(),
        };
        // A refresh loads the expired attributes without pending changes; ormlab does not
        // track those per relationship, so an instance with changes reloads no relationship.
        if self.orm.eager.columns_only
            || self.orm.modified_set.contains(&(Rc::as_ptr(inst) as usize))
        {
            plan = EntityPlan {
                class: plan.class,
                ..Default::default()
            };
            immediate.clear();
        }
        plan.joined.retain(|j| !self.attr_loaded(inst, &j.rel));
        plan.noload.retain(|r| !self.attr_loaded(inst, r));
        plan.raise.clear();
        let q = match crate::core::orm::query::get_query(&self.orm.reg, class, pk) {
            Ok(q) => q,
            Err(e) => return self.raise(e.class(), e.0),
        };
        if plan.is_plain() && immediate.is_empty() {
            return match q.compile(&self.orm.reg) {
                Ok(s) => Ok((s, None)),
                Err(e) => self.raise(e.class(), e.0),
            };
        }
        let st = match compile_loading(&self.orm.reg, &q, vec![Some(plan)]) {
            Ok(s) => s,
            Err(e) => return self.eager_error(e),
        };
        Ok((
            st.select,
            Some(RefreshLoads {
                roots: st.roots,
                immediate,
                options: Rc::new(options),
            }),
        ))
    }

    /// After a refresh's row is in: its joined relationships, then the immediate loads.
    pub fn after_refresh(
        &mut self,
        inst: &Rc<Instance>,
        loads: RefreshLoads,
        rows: &[Vec<SqlValue>],
    ) -> R<()> {
        let Some(m) = inst.class.model_info() else {
            return Ok(());
        };
        let ents = [Ent::Class(m.class.clone())];
        self.top_level(|it| {
            it.process_level(rows, loads.roots, &ents, None, &loads.options)?;
            for key in loads.immediate {
                if it.attr_loaded(inst, &key) {
                    continue;
                }
                let attr = crate::core::interp::orm::Instrumented {
                    class: m.class.clone(),
                    key,
                    column: None,
                    via: None,
                };
                it.load_relationship(inst, &attr)?;
            }
            Ok(())
        })
    }

    /// Runs `f` as a top-level load: the `selectin` loads it queues run after it, in
    /// order, unless a load already running is the top level (they join its queue).
    fn top_level<T>(&mut self, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.orm.eager.queue.is_some() {
            return f(self);
        }
        self.orm.eager.queue = Some(VecDeque::new());
        let out = f(self).and_then(|v| {
            while let Some(p) = self.orm.eager.queue.as_mut().and_then(|q| q.pop_front()) {
                self.selectin_load(p)?;
            }
            Ok(v)
        });
        self.orm.eager.queue = None;
        out
    }

    /// Errors for a 2.0 result of joined collections read without `unique()`.
    pub fn check_unique(&self, r: &ResultObj) -> R<()> {
        if r.unique_required && r.cursor.borrow().remaining() > 0 {
            return self.raise(
                "InvalidRequestError",
                "The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections",
            );
        }
        Ok(())
    }

    /// The instance of `class` whose columns are at `cols` of `row` (`None` for a NULL key).
    /// (`cols`: the entity's columns in a SELECT of its class, its `column_property`s
    /// included when there are more than its table's columns.)
    fn entity_at(&mut self, class: &str, cols: &[usize], row: &[SqlValue]) -> R<Value> {
        let props = self
            .orm
            .reg
            .table_of(class)
            .is_ok_and(|t| cols.len() > t.columns.len());
        let contiguous = cols.windows(2).all(|w| w[1] == w[0] + 1);
        if contiguous {
            let off = cols.first().copied().unwrap_or(0);
            return self.instance_from_row(class, row, off, props);
        }
        let vals: Vec<SqlValue> = cols
            .iter()
            .map(|&i| row.get(i).cloned().unwrap_or(SqlValue::Null))
            .collect();
        self.instance_from_row(class, &vals, 0, props)
    }

    /// Turns one statement's rows into values and runs what its plan asks for.
    pub(super) fn process_level(
        &mut self,
        rows: &[Vec<SqlValue>],
        roots: Vec<RootLayout>,
        ents: &[Ent],
        origin: Option<&Origin>,
        options: &Options,
    ) -> R<Vec<Vec<Value>>> {
        enum Root {
            Nodes(Vec<Node>, Vec<Found>),
            Col(usize),
        }
        let mut layout: Vec<Root> = roots
            .into_iter()
            .map(|r| match r {
                RootLayout::Entity(p) => {
                    let mut nodes = Vec::new();
                    flatten(p, None, &mut nodes);
                    let found = nodes.iter().map(|_| Found::default()).collect();
                    Root::Nodes(nodes, found)
                }
                RootLayout::Columns(at) => Root::Col(at),
            })
            .collect();
        let mut joined: Vec<JoinedValues> = Vec::new();
        let mut joined_at: FxMap<(usize, Rc<str>), usize> = FxMap::default();
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut vals = Vec::with_capacity(layout.len());
            for (root, ent) in layout.iter_mut().zip(ents) {
                match root {
                    Root::Col(at) => {
                        let ty = match ent {
                            Ent::Col { ty, .. } => ty.clone(),
                            Ent::Class(_) => None,
                        };
                        let v = row.get(*at).cloned().unwrap_or(SqlValue::Null);
                        vals.push(self.from_sql(&v, ty.as_ref())?);
                    }
                    Root::Nodes(nodes, found) => {
                        let mut here: Vec<Option<Rc<Instance>>> = Vec::with_capacity(nodes.len());
                        for (i, node) in nodes.iter().enumerate() {
                            let parent = match &node.parent {
                                Some((p, key, uselist)) => match &here[*p] {
                                    Some(pi) => Some((pi.clone(), key.clone(), *uselist)),
                                    None => {
                                        here.push(None);
                                        continue;
                                    }
                                },
                                None => None,
                            };
                            let known = self.orm.identity_order.len();
                            let v = self.entity_at(&node.plan.class, &node.plan.cols, row)?;
                            if !options.is_empty()
                                && self.orm.identity_order.len() > known
                                && let Value::Instance(x) = &v
                            {
                                let with = LoadedWith {
                                    options: options.clone(),
                                    path: node.plan.path.clone(),
                                };
                                self.orm.eager.record_loaded_with(x, with);
                            }
                            let inst = match &v {
                                Value::Instance(x) => Some(x.clone()),
                                _ => None,
                            };
                            if let Some(x) = &inst {
                                found[i].add(x);
                            }
                            if let Some((pi, key, uselist)) = parent {
                                let k = (Rc::as_ptr(&pi) as usize, key.clone());
                                let at = *joined_at.entry(k).or_insert_with(|| {
                                    joined.push(JoinedValues {
                                        parent: pi.clone(),
                                        key,
                                        uselist,
                                        items: Vec::new(),
                                        seen: FxSet::default(),
                                    });
                                    joined.len() - 1
                                });
                                if let Some(x) = &inst
                                    && joined[at].seen.insert(Rc::as_ptr(x) as usize)
                                {
                                    joined[at].items.push(v.clone());
                                }
                            } else {
                                vals.push(v);
                            }
                            here.push(inst);
                        }
                    }
                }
            }
            out.push(vals);
        }
        for j in joined {
            if self.attr_loaded(&j.parent, &j.key) {
                continue;
            }
            let v = if j.uselist {
                Value::list(j.items)
            } else {
                j.items.into_iter().next().unwrap_or(Value::None)
            };
            self.set_loaded_relationship(&j.parent, &j.key, v);
        }
        for root in layout {
            let Root::Nodes(nodes, found) = root else {
                continue;
            };
            for (node, found) in nodes.into_iter().zip(found) {
                self.finish_node(node.plan, found.items, origin, options)?;
            }
        }
        Ok(out)
    }

    /// `noload` / `raiseload` of one node's instances, then its post loads.
    fn finish_node(
        &mut self,
        plan: EntityPlan,
        items: Vec<Rc<Instance>>,
        origin: Option<&Origin>,
        options: &Options,
    ) -> R<()> {
        if items.is_empty() {
            return Ok(());
        }
        for rel in &plan.noload {
            let uselist = self.uselist_of(&plan.class, rel)?;
            let key: Rc<str> = Rc::from(rel.as_str());
            for i in &items {
                if !self.attr_loaded(i, rel) {
                    let v = if uselist {
                        Value::list(vec![])
                    } else {
                        Value::None
                    };
                    self.set_loaded_relationship(i, &key, v);
                }
            }
        }
        for (rel, strategy) in &plan.raise {
            for i in &items {
                if !self.attr_loaded(i, rel) {
                    self.mark_raiseload(i, rel, *strategy);
                }
            }
        }
        // (`immediate`: the lazy load of each object in turn, as its row's delayed
        // populator does.)
        for i in &items {
            for rel in &plan.immediate {
                if !self.attr_loaded(i, rel) {
                    let attr = crate::core::interp::orm::Instrumented {
                        class: Rc::from(plan.class.as_str()),
                        key: Rc::from(rel.as_str()),
                        column: None,
                        via: None,
                    };
                    self.load_relationship(i, &attr)?;
                }
            }
        }
        for post in plan.post {
            if post.strategy == Lazy::Subquery {
                self.subquery_load(&plan.class, &post, &items, origin, options)?;
            } else {
                let p = PendingLoad {
                    class: plan.class.clone(),
                    plan: post,
                    parents: items.clone(),
                    options: options.clone(),
                };
                match self.orm.eager.queue.as_mut() {
                    Some(q) => q.push_back(p),
                    None => self.top_level(|it| it.selectin_load(p))?,
                }
            }
        }
        Ok(())
    }
}

/// What a refresh loads besides the instance's columns.
pub struct RefreshLoads {
    roots: Vec<RootLayout>,
    immediate: Vec<Rc<str>>,
    options: Options,
}
