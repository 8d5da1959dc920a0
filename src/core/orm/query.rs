//! Query compilation: the legacy `Query` and 2.0 `select()` state → [`Select`] values.

use crate::core::sql::expr::{Expr, TableRef, count_star, exists};
use crate::core::sql::{Compound, Correlate, FromItem, LabelStyle, Select, SqlValue};

pub use super::froms::collect_tables;
use super::froms::{collect_refs, resolve_label_refs};
use super::join_from::{inferred_on, subquery_on};
use super::mapper::{JoinPair, OrmError, Registry, RelKind, anon_alias, pairs_expr};
use super::query_set::compound_of;
use super::schema::Table;

/// One entry of the columns clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Entity {
    /// A mapped class: all its columns (`User` → `user.id AS user_id, ...`).
    Class(String),
    /// An aliased class (`aliased(Node)`): its columns through the alias.
    Alias {
        /// Class name.
        class: String,
        /// The alias (`TableRef::Anon { base: <table>, .. }`).
        alias: TableRef,
    },
    /// Any column expression (`User.username`, `func.count(Post.id)`, `label(...)`).
    Expr(Expr),
}

/// What `.join(...)` / `.outerjoin(...)` joins to.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinTarget {
    /// `join(Department)`: ON inferred from foreign keys unless given.
    Class(String),
    /// `join(Employee.department)`: ON from the relationship (many-to-many joins the secondary too).
    Relationship {
        /// Parent class.
        class: String,
        /// Relationship name.
        name: String,
        /// Joined from this alias of the parent (`Author.followers`, `Author = aliased(User)`).
        parent_alias: Option<TableRef>,
        /// Joined to this alias of the target (`.of_type(Follower)`).
        target_alias: Option<TableRef>,
    },
    /// `join(followers, on)`: a plain table (`db.Table`); ON inferred from foreign keys
    /// unless given.
    Table(String),
    /// `join(aliased(Node), on)`.
    Alias {
        /// Class name.
        class: String,
        /// The alias.
        alias: TableRef,
    },
    /// `join(subquery, on)`.
    Subquery {
        /// Inner statement.
        select: Box<Select>,
        /// Its alias (`anon_1`).
        alias: TableRef,
        /// `Some(recursive)`: a CTE.
        cte: Option<bool>,
    },
}

/// One `.join()` call.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    /// Target.
    pub target: JoinTarget,
    /// Explicit ON clause.
    pub on: Option<Expr>,
    /// `outerjoin`.
    pub outer: bool,
    /// `join(..., full=True)`: FULL OUTER JOIN.
    pub full: bool,
    /// `join(Parent.rel.and_(criteria))`: more ON criteria for a relationship's join.
    pub criteria: Option<Expr>,
}

/// A column loader option of a class: `load_only(A.x, A.y)` loads only those columns (and
/// the primary key), `defer(A.x)` leaves one out, `undefer(A.x)` takes it back.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnLoad {
    /// `load_only(...)`: the class and the attribute keys it loads.
    Only(String, Vec<String>),
    /// `defer(...)`: the class and the attribute key left unloaded.
    Defer(String, String),
    /// `undefer(...)`: the class and the attribute key loaded after all.
    Undefer(String, String),
}

impl ColumnLoad {
    /// The class the option is about.
    pub fn class(&self) -> &str {
        match self {
            ColumnLoad::Only(c, _) | ColumnLoad::Defer(c, _) | ColumnLoad::Undefer(c, _) => c,
        }
    }
}

/// The columns (by index) of `table` that `options` leave unloaded for `class`: those a
/// `load_only` does not name and those `defer`red, never the primary key; in option order,
/// so a later `undefer` takes a column back.
pub fn deferred_columns(options: &[ColumnLoad], class: &str, table: &Table) -> Vec<usize> {
    let mut deferred = vec![false; table.columns.len()];
    let index = |key: &str| table.columns.iter().position(|c| c.key == key);
    for o in options.iter().filter(|o| o.class() == class) {
        match o {
            ColumnLoad::Only(_, keys) => {
                for (i, c) in table.columns.iter().enumerate() {
                    if !keys.contains(&c.key) {
                        deferred[i] = true;
                    }
                }
            }
            ColumnLoad::Defer(_, key) => {
                if let Some(i) = index(key) {
                    deferred[i] = true;
                }
            }
            ColumnLoad::Undefer(_, key) => {
                if let Some(i) = index(key) {
                    deferred[i] = false;
                }
            }
        }
    }
    (0..table.columns.len())
        .filter(|&i| deferred[i] && !table.columns[i].primary_key)
        .collect()
}

/// The state of a `Query` (legacy) or `select()` (2.0) before compilation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Columns clause entities.
    pub entities: Vec<Entity>,
    /// Label style: `TablenamePlusCol` for `Model.query` / `session.query`, `DisambiguateOnly` for `select()`.
    pub style: LabelStyle,
    /// `select_from(...)` classes (or plain table names, as a lazy load of a many-to-many
    /// relationship selects from its association table).
    pub select_from: Vec<String>,
    /// `select_from(subquery)`: subqueries (and other FROM items) selected from, after
    /// `select_from`'s classes.
    pub select_from_items: Vec<FromItem>,
    /// Joins in call order.
    pub joins: Vec<Join>,
    /// `filter` / `where` criteria.
    pub where_: Vec<Expr>,
    /// `group_by`.
    pub group_by: Vec<Expr>,
    /// `having`.
    pub having: Vec<Expr>,
    /// `order_by`.
    pub order_by: Vec<Expr>,
    /// ORDER BY terms after `order_by` that a loader adds (SQLAlchemy's `eager_order_by`:
    /// a many-to-many `selectin` load's relationship order): kept when a `subquery`
    /// load below wraps the query, which drops `order_by` without a LIMIT.
    pub eager_order_by: Vec<Expr>,
    /// `limit`.
    pub limit: Option<i64>,
    /// `offset`.
    pub offset: Option<i64>,
    /// `distinct()`.
    pub distinct: bool,
    /// `enable_assertions(False)`: a legacy Query takes criteria after LIMIT / OFFSET.
    pub no_assertions: bool,
    /// `options(...)`: loader options (eager loading), applied when the query loads entities.
    pub options: Vec<super::eager::LoaderOption>,
    /// `options(load_only(...), defer(...), undefer(...))`: which columns a load leaves
    /// unloaded (they load on access).
    pub columns: Vec<ColumnLoad>,
    /// `enable_eagerloads(False)`: no joined / selectin / subquery loads, options or not.
    pub no_eager: bool,
    /// `q1.union(q2, ...)` (and `union_all`, `intersect`, `except_`): this query selects
    /// from `(q1 UNION q2 ...) AS anon_1`, its entities and criteria adapted to the
    /// subquery's columns, as SQLAlchemy's `Query.union` does.
    pub set_op: Option<(Compound, Vec<Query>)>,
    /// Made by `union(s1, s2)` (SQLAlchemy's `CompoundSelect`): `set_op` compiles to its
    /// parts joined by the operator (this query's ORDER BY / LIMIT after them), not to a
    /// SELECT from them as a subquery.
    pub compound_top: bool,
    /// `correlate(...)` / `correlate_except(...)` when nested in another query.
    pub correlate: Correlate,
    /// Made by `exists()`: stands for `EXISTS (<this SELECT>)` in an expression.
    pub exists: bool,
    /// `from_statement(text(...))`: the rows come from this SQL (an `Expr::Text`), matched to
    /// the entity's columns by name.
    pub from_text: Option<Expr>,
    /// `populate_existing()` / `execution_options(populate_existing=True)`: the rows
    /// overwrite the objects already in the session.
    pub populate_existing: bool,
    /// Single-table subclasses some column entity belongs to (`select(Engineer.name)`):
    /// their discriminator criterion applies as an entity's does.
    pub poly_classes: Vec<String>,
}

/// `pairs_expr` with each pair's foreign-key side read from `foreign` and its referred side
/// from `referred`, whatever tables the pairs name.
fn sided_pairs(pairs: &[JoinPair], foreign: &TableRef, referred: &TableRef) -> Expr {
    crate::core::sql::expr::and(
        pairs
            .iter()
            .map(|p| {
                let r = Expr::col_of(referred, p.referred.1.clone());
                let f = Expr::col_of(foreign, p.foreign.1.clone());
                if p.foreign_first { f.eq(r) } else { r.eq(f) }
            })
            .collect(),
    )
}

/// The name a SELECT's column `table.name` goes by when the SELECT is a subquery:
/// `table_name` in the legacy Query's label style, `name` in 2.0's.
pub fn subquery_label(style: LabelStyle, table: &str, name: &str) -> String {
    match style {
        LabelStyle::TablenamePlusCol => format!("{table}_{name}"),
        LabelStyle::DisambiguateOnly => name.to_string(),
    }
}

/// `(table, column)` → the label each table column of `select` has when `select` is a
/// subquery (the first of a name wins).
pub fn subquery_labels(select: &Select) -> crate::core::fxhash::FxMap<(String, String), String> {
    let mut labels = crate::core::fxhash::FxMap::default();
    for c in &select.columns {
        if let Expr::Column {
            table: Some(TableRef::Named(t)),
            name,
        } = c
        {
            let label = subquery_label(select.label_style, t, name);
            labels.entry((t.clone(), name.clone())).or_insert(label);
        }
    }
    labels
}

/// `e` with the columns `labels` knows (`(table, name)` → label) taken through the
/// subquery `alias` (`post.id` → `anon_1.post_id`).
pub fn through_subquery(
    e: &Expr,
    labels: &crate::core::fxhash::FxMap<(String, String), String>,
    alias: &TableRef,
) -> Expr {
    e.replace_columns(&|t, name| match t {
        Some(TableRef::Named(t)) => labels
            .get(&(t.clone(), name.to_string()))
            .map(|l| Expr::col_of(alias, l.clone())),
        _ => None,
    })
}

impl Query {
    /// `Model.query` / `db.session.query(Model)`.
    pub fn legacy(entities: Vec<Entity>) -> Self {
        Query {
            entities,
            style: LabelStyle::TablenamePlusCol,
            ..Default::default()
        }
    }
    /// `select(...)` (2.0 style).
    pub fn select(entities: Vec<Entity>) -> Self {
        Query {
            entities,
            style: LabelStyle::DisambiguateOnly,
            ..Default::default()
        }
    }
    /// `Model.query`.
    pub fn of(class: &str) -> Self {
        Query::legacy(vec![Entity::Class(class.into())])
    }
    /// `.filter(e)` / `.where(e)`.
    pub fn filter(mut self, e: Expr) -> Self {
        // (An empty `and_()` / `or_()` adds no criterion.)
        if !matches!(&e, Expr::List { op: crate::core::sql::Op::And | crate::core::sql::Op::Or, items } if items.is_empty())
        {
            self.where_.push(e);
        }
        self
    }
    /// `.join(target[, on])`.
    pub fn join(mut self, target: JoinTarget, on: Option<Expr>) -> Self {
        self.joins.push(Join {
            target,
            on,
            outer: false,
            full: false,
            criteria: None,
        });
        self
    }
    /// `.outerjoin(target[, on])`.
    pub fn outerjoin(mut self, target: JoinTarget, on: Option<Expr>) -> Self {
        self.joins.push(Join {
            target,
            on,
            outer: true,
            full: false,
            criteria: None,
        });
        self
    }
    /// `.order_by(...)`.
    pub fn order_by(mut self, e: Vec<Expr>) -> Self {
        self.order_by.extend(e);
        self
    }
    /// `.group_by(...)`.
    pub fn group_by(mut self, e: Vec<Expr>) -> Self {
        self.group_by.extend(e);
        self
    }
    /// `.having(e)`.
    pub fn having(mut self, e: Expr) -> Self {
        self.having.push(e);
        self
    }
    /// `.limit(n)`.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }
    /// `.offset(n)`.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }
    /// `.distinct()`.
    pub fn distinct(mut self) -> Self {
        self.distinct = true;
        self
    }
    /// `.select_from(Class)`.
    pub fn select_from(mut self, class: &str) -> Self {
        self.select_from.push(class.into());
        self
    }
    /// `.with_entities(...)`: replace the columns clause.
    pub fn with_entities(mut self, entities: Vec<Entity>) -> Self {
        self.entities = entities;
        self
    }

    /// The class `filter_by()` applies to (SQLAlchemy's `_filter_by_zero`): the last joined
    /// class, else the first `select_from()` class, else the first entity's class (a column
    /// expression's: `query(User.name)`, `query(func.count(User.id))`).
    pub fn filter_by_class(&self, reg: &Registry) -> Option<String> {
        self.filter_by_entity(reg).map(|(c, _)| c)
    }

    /// [`Self::filter_by_class`] and the alias it is reached through, when it is one
    /// (`join(Parent, Person.parent)`, `Parent = aliased(Person)`; `query(E.name)`,
    /// `E = aliased(Emp)`): `filter_by()` compares that alias's columns.
    pub fn filter_by_entity(&self, reg: &Registry) -> Option<(String, Option<TableRef>)> {
        for j in self.joins.iter().rev() {
            match &j.target {
                JoinTarget::Class(c) => return Some((c.clone(), None)),
                JoinTarget::Alias { class, alias } => {
                    return Some((class.clone(), Some(alias.clone())));
                }
                JoinTarget::Relationship {
                    class,
                    name,
                    target_alias,
                    ..
                } => {
                    let target = reg.relationship(class, name).ok()?.target.clone();
                    return Some((target, target_alias.clone()));
                }
                _ => {}
            }
        }
        if let Some(c) = self.select_from.first()
            && reg.mapper(c).is_ok()
        {
            return Some((c.clone(), None));
        }
        // (`select_from(aliased(Node))`.)
        if let Some(FromItem::Alias { table, alias }) = self.select_from_items.first()
            && let Some(m) = reg.mappers.iter().find(|m| m.table == *table)
        {
            return Some((m.class_name.clone(), Some(alias.clone())));
        }
        self.entities.iter().find_map(|e| match e {
            Entity::Class(c) => Some((c.clone(), None)),
            Entity::Expr(x) => {
                let mut refs = Vec::new();
                collect_tables(x, &mut refs);
                refs.iter().find_map(|r| {
                    let (TableRef::Named(t) | TableRef::Anon { base: t, .. }) = r;
                    let m = reg.mappers.iter().find(|m| &m.table == t)?;
                    let alias = matches!(r, TableRef::Anon { .. }).then(|| r.clone());
                    Some((m.class_name.clone(), alias))
                })
            }
            Entity::Alias { class, alias } => Some((class.clone(), Some(alias.clone()))),
        })
    }

    /// `.filter_by(key=value, ...)` on column attributes: `table.col = value` per pair, in order.
    pub fn filter_by(mut self, reg: &Registry, pairs: Vec<(&str, Expr)>) -> Result<Self, OrmError> {
        let class = self
            .filter_by_class(reg)
            .ok_or_else(|| OrmError("filter_by() needs an entity".into()))?;
        let table = reg.table_of(&class)?;
        for (key, value) in pairs {
            let col = table.col_by_attr(key).ok_or_else(|| {
                OrmError(format!(
                    "Entity namespace for \"{}\" has no property \"{key}\"",
                    table.name
                ))
            })?;
            self.where_
                .push(Expr::col(&table.name, col.name.clone()).eq(value));
        }
        Ok(self)
    }

    /// Compile to a SELECT.
    pub fn compile(&self, reg: &Registry) -> Result<Select, OrmError> {
        let mut columns = Vec::new();
        for e in &self.entities {
            match e {
                Entity::Class(c) => columns.extend(reg.entity_columns(c, None)?),
                Entity::Alias { class, alias } => {
                    columns.extend(reg.entity_columns(class, Some(alias))?)
                }
                Entity::Expr(x) => columns.push(x.clone()),
            }
        }
        if columns.is_empty() && self.set_op.is_none() && self.style == LabelStyle::TablenamePlusCol
        {
            return Err(OrmError(
                "Query contains no columns with which to SELECT from.".into(),
            ));
        }
        if let Some((op, parts)) = &self.set_op {
            if self.compound_top {
                let mut first = compound_of(reg, *op, parts)?;
                first.order_by = self.order_by.clone();
                first.limit = self.limit.map(|n| Expr::bind(SqlValue::Integer(n)));
                first.offset = self.offset.map(|n| Expr::bind(SqlValue::Integer(n)));
                return Ok(first);
            }
            return self.compile_set(reg, *op, parts, columns);
        }
        let mut froms: Vec<FromItem> = Vec::new();
        for c in &self.select_from {
            let name = match reg.table_of(c) {
                Ok(t) => t.name.clone(),
                Err(_) if reg.metadata.table(c).is_some() => c.clone(),
                Err(e) => return Err(e),
            };
            froms.push(FromItem::Table(name));
        }
        froms.extend(self.select_from_items.iter().cloned());
        for j in &self.joins {
            self.apply_join(reg, &mut froms, j)?;
        }
        // (Tables, aliases, and subqueries made earlier: `select(sub.c.x)` selects from
        // the subquery.)
        let mut refs = Vec::new();
        for e in columns.iter().chain(&self.where_).chain(&self.having) {
            collect_refs(e, &mut refs);
        }
        refs.retain(|r| {
            !matches!(r, TableRef::Anon { base, .. } if base == "anon") || reg.subquery(r).is_some()
        });
        for r in refs {
            if !froms.iter().any(|f| f.provides(&r)) {
                froms.push(reg.from_item_for(&r));
            }
        }
        let group_by = resolve_label_refs(&self.group_by, &columns, &froms, reg)?;
        let mut order_by = resolve_label_refs(&self.order_by, &columns, &froms, reg)?;
        order_by.extend(self.eager_order_by.iter().cloned());
        Ok(Select {
            columns,
            label_style: self.style,
            distinct: self.distinct,
            from: froms,
            where_: self.where_with_polymorphic(reg),
            group_by,
            having: self.having.clone(),
            order_by,
            limit: self.limit.map(|n| Expr::bind(SqlValue::Integer(n))),
            offset: self.offset.map(|n| Expr::bind(SqlValue::Integer(n))),
            compound: vec![],
            correlate: self.correlate.clone(),
        })
    }

    pub(super) fn apply_join(
        &self,
        reg: &Registry,
        froms: &mut Vec<FromItem>,
        j: &Join,
    ) -> Result<(), OrmError> {
        // left side: the relationship's parent (`left`, which its ON clause names), else
        // the FROM (or entity) the join can come from.
        let (left, pos) = match &j.target {
            JoinTarget::Relationship {
                class,
                parent_alias,
                ..
            } => {
                let left = match parent_alias {
                    Some(a) => a.clone(),
                    None => TableRef::Named(reg.table_of(class)?.name.clone()),
                };
                let pos = match froms.iter().position(|f| f.provides(&left)) {
                    Some(p) => p,
                    None => {
                        froms.push(reg.from_item_for(&left));
                        froms.len() - 1
                    }
                };
                (left, pos)
            }
            JoinTarget::Class(c) => {
                let right = TableRef::Named(reg.table_of(c)?.name.clone());
                let what = format!("<Mapper at {c}>");
                let pos = self.implicit_left(reg, froms, &right, j.on.as_ref(), &what)?;
                (right, pos)
            }
            JoinTarget::Table(t) => {
                let right = TableRef::Named(t.clone());
                let what = format!("Table('{t}')");
                let pos = self.implicit_left(reg, froms, &right, j.on.as_ref(), &what)?;
                (right, pos)
            }
            JoinTarget::Alias { alias, .. } | JoinTarget::Subquery { alias, .. } => {
                let pos = self.implicit_left(reg, froms, alias, j.on.as_ref(), "an alias")?;
                (alias.clone(), pos)
            }
        };
        let item = froms.remove(pos);
        let joined = match &j.target {
            JoinTarget::Relationship {
                class,
                name,
                target_alias,
                ..
            } => {
                let r = reg.resolve(class, name)?;
                // (A self-referential relationship joined without an alias would join the
                // table to itself under one name.)
                if target_alias.is_none()
                    && matches!(&left, TableRef::Named(t) if *t == r.target)
                    && let Ok(m) = reg.mapper(class)
                {
                    let m = format!("Mapper[{}({})]", m.class_name, m.table);
                    return Err(OrmError(format!(
                        "Can't construct a join from {m} to {m}, they are the same entity"
                    )));
                }
                // Each side of each pair is the parent, the target or the association
                // table, whatever their names (a self-referential relationship joins one
                // table to itself, under an alias).
                // (An alias over a subquery, `aliased(M, sub)`, joins the subquery.)
                let target_item = match target_alias {
                    Some(a) => match reg.subquery(a) {
                        Some(sub) => sub.clone(),
                        None => FromItem::Alias {
                            table: r.target.clone(),
                            alias: a.clone(),
                        },
                    },
                    None => FromItem::Table(r.target.clone()),
                };
                let target = target_alias
                    .clone()
                    .unwrap_or_else(|| TableRef::Named(r.target.clone()));
                // (To a single-table subclass, its discriminator criterion joins the ON.)
                let with_poly = |on: Expr| reg.with_join_polymorphic(&j.target, on);
                match (&r.kind, &r.secondary) {
                    (RelKind::ManyToMany, Some(sec)) => {
                        let alias = anon_alias(sec);
                        let pj =
                            j.on.clone()
                                .unwrap_or_else(|| sided_pairs(&r.primary, &alias, &left));
                        let mut sj = with_poly(sided_pairs(&r.secondary_pairs, &alias, &target));
                        if let Some(c) = &j.criteria {
                            sj = crate::core::sql::expr::and(vec![sj, c.clone()]);
                        }
                        let sec_item = FromItem::Alias {
                            table: sec.clone(),
                            alias: alias.clone(),
                        };
                        if j.outer {
                            let inner = sec_item.join(target_item, sj, false);
                            item.join(inner, pj, true)
                        } else {
                            item.join(sec_item, pj, false).join(target_item, sj, false)
                        }
                    }
                    _ => {
                        let on = j.on.clone().unwrap_or_else(|| {
                            let pairs = match r.kind {
                                RelKind::ManyToOne => sided_pairs(&r.primary, &left, &target),
                                _ => sided_pairs(&r.primary, &target, &left),
                            };
                            // (the primaryjoin's other terms, on the target's alias too)
                            let mut on = vec![pairs];
                            on.extend(r.extra_with(&|t, c| {
                                (t == r.target).then(|| Expr::col_of(&target, c.to_string()))
                            }));
                            crate::core::sql::expr::and(on)
                        });
                        let on = with_poly(on);
                        let on = match &j.criteria {
                            Some(c) => crate::core::sql::expr::and(vec![on, c.clone()]),
                            None => on,
                        };
                        item.join(target_item, on, j.outer)
                    }
                }
            }
            JoinTarget::Class(_) | JoinTarget::Table(_) => {
                let (target, what) = match &j.target {
                    JoinTarget::Class(c) => {
                        (reg.table_of(c)?.name.clone(), format!("<Mapper at {c}>"))
                    }
                    JoinTarget::Table(t) => (t.clone(), format!("Table('{t}')")),
                    _ => return Err(OrmError("unexpected join target".into())),
                };
                let on = match &j.on {
                    Some(on) => on.clone(),
                    None => {
                        let pairs =
                            inferred_on(&reg.metadata, &item, &target)?.ok_or_else(|| {
                                OrmError(format!(
                                    "Don't know how to join to {what}; please use an ON clause"
                                ))
                            })?;
                        // (A left table under an alias is named by its alias.)
                        let named = |t: &str| TableRef::Named(t.to_string());
                        pairs_expr(&pairs, &|t: &str| match t == target {
                            true => named(t),
                            false => item.ref_of(t).unwrap_or_else(|| named(t)),
                        })
                    }
                };
                // (A single-table subclass joins with its discriminator criterion.)
                let on = reg.with_join_polymorphic(&j.target, on);
                item.join(FromItem::Table(target), on, j.outer)
            }
            JoinTarget::Alias { class, alias } => {
                let table = reg.table_of(class)?.name.clone();
                // (An alias of a class over a subquery, `aliased(M, sub)`, joins the subquery.)
                let target = match reg.from_item_for(alias) {
                    sub @ (FromItem::Subquery { .. } | FromItem::Alias { .. }) => sub,
                    _ => FromItem::Alias {
                        table: table.clone(),
                        alias: alias.clone(),
                    },
                };
                let on = match (&j.on, &target) {
                    (Some(on), _) => on.clone(),
                    (None, FromItem::Alias { .. }) => {
                        let pairs =
                            inferred_on(&reg.metadata, &item, &table)?.ok_or_else(|| {
                                OrmError(format!(
                                    "Don't know how to join to <AliasedClass; {class}>; please use \
                                 an ON clause"
                                ))
                            })?;
                        // (To an alias of a table on the left, SQLAlchemy matches the
                        // foreign key both ways.)
                        let named = |t: &str| TableRef::Named(t.to_string());
                        let self_ref =
                            (pairs.iter()).all(|p| p.referred.0 == table && p.foreign.0 == table);
                        match item.ref_of(&table).filter(|_| self_ref) {
                            Some(left) => crate::core::sql::expr::and(vec![
                                sided_pairs(&pairs, alias, &left),
                                sided_pairs(&pairs, &left, alias),
                            ]),
                            None => pairs_expr(&pairs, &|t: &str| match t == table {
                                true => alias.clone(),
                                false => item.ref_of(t).unwrap_or_else(|| named(t)),
                            }),
                        }
                    }
                    (None, sub) => subquery_on(&reg.metadata, &item, sub)
                        .ok_or_else(|| OrmError("join to an alias needs an ON clause".into()))?,
                };
                item.join(target, on, j.outer)
            }
            JoinTarget::Subquery { select, alias, cte } => {
                let sub = FromItem::Subquery {
                    select: select.clone(),
                    alias: alias.clone(),
                    cte: *cte,
                };
                let on = match &j.on {
                    Some(on) => on.clone(),
                    None => subquery_on(&reg.metadata, &item, &sub)
                        .ok_or_else(|| OrmError("join to a subquery needs an ON clause".into()))?,
                };
                item.join(sub, on, j.outer)
            }
        };
        let joined = if j.full { joined.into_full() } else { joined };
        froms.insert(pos, joined);
        Ok(())
    }

    /// `Query.count()`: `SELECT count(*) AS count_1 FROM (<query>) AS anon_1`.
    pub fn count_statement(&self, reg: &Registry) -> Result<Select, OrmError> {
        let inner = self.compile(reg)?;
        Ok(Select::new(vec![count_star()]).from(FromItem::Subquery {
            select: Box::new(inner),
            alias: anon_alias("anon"),
            cte: None,
        }))
    }

    /// `.first()`: LIMIT 1.
    pub fn first_statement(&self, reg: &Registry) -> Result<Select, OrmError> {
        self.clone().limit(1).compile(reg)
    }

    /// `Query.exists()` wrapped as `SELECT EXISTS (SELECT 1 FROM ... WHERE ...) AS anon_1`.
    pub fn exists_statement(&self, reg: &Registry) -> Result<Select, OrmError> {
        let mut inner = self.compile(reg)?;
        // (A legacy `Query.exists()` selects `1`; a 2.0 `Select.exists()` keeps its
        // columns.)
        if self.style == LabelStyle::TablenamePlusCol {
            inner.columns = vec![Expr::raw("1")];
        }
        Ok(Select::new(vec![exists(inner)]))
    }

    /// The query as a subquery in an expression (`IN (...)`, `= (...)`): bare column names.
    pub fn scalar_subquery(&self, reg: &Registry) -> Result<Expr, OrmError> {
        let mut s = self.compile(reg)?;
        s.label_style = LabelStyle::DisambiguateOnly;
        Ok(Expr::Select(Box::new(s)))
    }

    /// `.subquery()`: a FROM-able select (columns labeled by name) and its anonymous alias.
    pub fn subquery(&self, reg: &Registry) -> Result<(Select, TableRef), OrmError> {
        let mut s = self.compile(reg)?;
        s.label_style = LabelStyle::DisambiguateOnly;
        Ok((s, anon_alias("anon")))
    }

    /// Flask-SQLAlchemy `paginate()`: the page query (LIMIT per_page OFFSET (page-1)*per_page)
    /// and the total count query (ORDER BY, LIMIT and OFFSET dropped).
    pub fn paginate_statements(
        &self,
        reg: &Registry,
        page: i64,
        per_page: i64,
    ) -> Result<(Select, Select), OrmError> {
        let items = self
            .clone()
            .limit(per_page)
            .offset((page - 1) * per_page)
            .compile(reg)?;
        let mut counted = self.clone();
        counted.order_by.clear();
        // (A `select()`'s own LIMIT / OFFSET stay in the counted subquery, as
        // Flask-SQLAlchemy's `SelectPagination` counts it; so do a legacy Query's when
        // `enable_assertions(False)` let it count them.)
        if self.style != LabelStyle::DisambiguateOnly && !self.no_assertions {
            counted.limit = None;
            counted.offset = None;
        }
        let total = if self.style == LabelStyle::DisambiguateOnly {
            let (inner, alias) = counted.subquery(reg)?;
            Select::new(vec![count_star()]).from(FromItem::Subquery {
                select: Box::new(inner),
                alias,
                cte: None,
            })
        } else {
            counted.count_statement(reg)?
        };
        Ok((items, total))
    }
}

/// `session.get(Class, pk)` / `Query.get(pk)`: `WHERE pk1 = ? AND pk2 = ?`.
pub fn get_statement(reg: &Registry, class: &str, pk: Vec<SqlValue>) -> Result<Select, OrmError> {
    get_query(reg, class, pk)?.compile(reg)
}

/// The query of [`get_statement`] (before compilation, for eager loads to join onto).
pub fn get_query(reg: &Registry, class: &str, pk: Vec<SqlValue>) -> Result<Query, OrmError> {
    let t = reg.table_of(class)?;
    let mut q = Query::of(class);
    for (c, v) in t.primary_key().into_iter().zip(pk) {
        q.where_.push(Expr::col(&t.name, c).eq(Expr::bind(v)));
    }
    Ok(q)
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
