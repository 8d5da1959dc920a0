//! Joined eager loads added to a query: each relationship a LEFT OUTER JOIN on an anonymous
//! alias of its target (`post AS post_1`; many-to-many `(post_tags AS post_tags_1 JOIN tag
//! AS tag_1 ON ...)`), attached to the FROM item that holds the parent, its columns after
//! the query's own (nested ones before their parent's own columns, except those of
//! backrefs), its `order_by` after the query's ORDER BY. A joined collection combined
//! with LIMIT/OFFSET/DISTINCT/GROUP BY puts the query in a subquery first
//! (`FROM (SELECT ... LIMIT ?) AS anon_1 LEFT OUTER JOIN ...`), so the limit counts parents.

use crate::core::fxhash::FxMap;

use crate::core::sql::expr::{TableRef, anon_column_label};
use crate::core::sql::{Expr, FromItem, Select};

use super::super::mapper::{Registry, anon_alias};
use super::super::query::{Entity, Query, collect_tables, subquery_labels};
use super::plan::EntityPlan;
use super::{EagerError, on_clause, retarget, unsupported};

/// Where one entity of a query is in its rows.
#[derive(Debug, Clone, PartialEq)]
pub enum RootLayout {
    /// A mapped class: its plan, with every column's row position.
    Entity(EntityPlan),
    /// A column expression (or an aliased entity, loaded as plain columns) at this position.
    Columns(usize),
}

/// A query compiled with its joined eager loads.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadStatement {
    /// The SELECT.
    pub select: Select,
    /// Per query entity.
    pub roots: Vec<RootLayout>,
    /// A collection is joined: parents repeat across rows (a 2.0 `Result` then needs `unique()`).
    pub multi_row: bool,
    /// The query is in a subquery (`FROM (SELECT ... LIMIT ?) AS anon_1 LEFT OUTER JOIN
    /// ...`), the leftmost FROM item, whose columns the outer ones re-select in order.
    pub wrapped: bool,
}

/// How the columns of an entity's table are reached in the statement.
pub(super) enum ColumnsOf<'a> {
    /// Directly through a table or alias.
    Table(TableRef),
    /// Through the subquery a limited query was wrapped in: `anon_1.<label>`.
    Wrapped {
        /// The subquery's alias.
        anon: TableRef,
        /// `(table, column)` → label inside the subquery.
        labels: &'a FxMap<(String, String), String>,
    },
}

impl ColumnsOf<'_> {
    /// Column `name` of table `table`.
    pub(super) fn col(&self, table: &str, name: &str) -> Expr {
        match self {
            ColumnsOf::Table(t) => Expr::col_of(t, name.to_string()),
            ColumnsOf::Wrapped { anon, labels } => {
                let label = labels
                    .get(&(table.to_string(), name.to_string()))
                    .cloned()
                    .unwrap_or_else(|| format!("{table}_{name}"));
                Expr::col_of(anon, label)
            }
        }
    }
}

/// Compiles `q` with the joined eager loads of `plans` (one per entity, from
/// [`super::plan_roots`]), recording where each entity's columns are.
pub fn compile_loading(
    reg: &Registry,
    q: &Query,
    plans: Vec<Option<EntityPlan>>,
) -> Result<LoadStatement, EagerError> {
    let mut sel = q.compile(reg)?;
    let mut roots = Vec::with_capacity(plans.len());
    let mut pos = 0;
    for (e, plan) in q.entities.iter().zip(plans) {
        // (With its `column_property`s: see `Registry::entity_columns`.)
        let width = match e {
            Entity::Class(c) | Entity::Alias { class: c, .. } => {
                reg.table_of(c)?.columns.len() + reg.props_layout(c).1
            }
            Entity::Expr(_) => 1,
        };
        roots.push(match plan {
            Some(mut p) => {
                p.cols = (pos..pos + width).collect();
                RootLayout::Entity(p)
            }
            None => RootLayout::Columns(pos),
        });
        pos += width;
    }
    // (`contains_eager()` loads are among the entity's own columns, where the mapper
    // lists their relationships: own ones before the columns, backrefs after.)
    if roots
        .iter()
        .any(|r| matches!(r, RootLayout::Entity(p) if p.joined.iter().any(|j| j.existing)))
    {
        let own = std::mem::take(&mut sel.columns);
        for root in roots.iter_mut() {
            match root {
                RootLayout::Entity(p) => {
                    let cols: Vec<Expr> =
                        p.cols.iter().filter_map(|&i| own.get(i).cloned()).collect();
                    emit_existing(reg, p, cols, &mut sel.columns)?;
                }
                RootLayout::Columns(pos) => {
                    sel.columns
                        .push(own.get(*pos).cloned().unwrap_or(Expr::Null));
                    *pos = sel.columns.len() - 1;
                }
            }
        }
    }
    let joins = roots
        .iter()
        .any(|r| matches!(r, RootLayout::Entity(p) if !p.joined.is_empty()));
    if !joins {
        return Ok(LoadStatement {
            select: sel,
            roots,
            multi_row: false,
            wrapped: false,
        });
    }
    let multi_row = roots
        .iter()
        .any(|r| matches!(r, RootLayout::Entity(p) if p.joins_collection()));
    let adds_collection = roots
        .iter()
        .any(|r| matches!(r, RootLayout::Entity(p) if p.adds_collection_join()));
    let nest = adds_collection
        && (q.limit.is_some() || q.offset.is_some() || q.distinct || !q.group_by.is_empty());
    if nest {
        sel = wrapped(reg, sel, &mut roots)?;
    } else {
        // SQLAlchemy's FROM list: the query's own FROM clauses (explicit ones, else those
        // of its entities), then the eager joins (each hiding the FROM it starts from), then
        // the tables only the WHERE clause names.
        let mut boundary = from_clause_count(reg, q, &sel);
        let mut order = Vec::new();
        for root in roots.iter_mut() {
            let RootLayout::Entity(p) = root else {
                continue;
            };
            if !p.adds_join() {
                continue;
            }
            let table = TableRef::Named(reg.table_of(&p.class)?.name.clone());
            // (`q1.union(q2)`: the entity's columns come through the set's subquery,
            // `anon_1`, which the joins then start from.)
            if q.set_op.is_some()
                && !q.compound_top
                && let Some(FromItem::Subquery { select, alias, .. }) = sel.from.first()
            {
                let labels = subquery_labels(select);
                let via = ColumnsOf::Wrapped {
                    anon: alias.clone(),
                    labels: &labels,
                };
                let item = sel.from.remove(0);
                let item = attach(reg, item, &via, p, &mut order)?;
                sel.from.insert(0, item);
                boundary = boundary.max(1);
                continue;
            }
            let item = match sel.from.iter().position(|f| f.provides(&table)) {
                Some(i) => {
                    if i < boundary {
                        boundary -= 1;
                    }
                    sel.from.remove(i)
                }
                None => FromItem::Table(reg.table_of(&p.class)?.name.clone()),
            };
            let item = attach(reg, item, &ColumnsOf::Table(table), p, &mut order)?;
            sel.from.insert(boundary.min(sel.from.len()), item);
            boundary += 1;
        }
        sel.order_by.extend(order);
        for root in roots.iter_mut() {
            if let RootLayout::Entity(p) = root {
                emit_children(reg, p, &mut sel.columns)?;
            }
        }
    }
    Ok(LoadStatement {
        select: sel,
        roots,
        multi_row,
        wrapped: nest,
    })
}

/// How many leading FROM items of `sel` are the query's own FROM clauses: the explicit
/// ones (`select_from`, joins), else those the columns clause names.
fn from_clause_count(reg: &Registry, q: &Query, sel: &Select) -> usize {
    let tables: Vec<String> = q
        .select_from
        .iter()
        .map(|c| reg.table_of(c).map(|t| t.name.clone()).unwrap_or(c.clone()))
        .collect();
    let explicit = |f: &FromItem| match f {
        FromItem::Join { .. } => true,
        FromItem::Table(t) => tables.contains(t),
        _ => false,
    };
    if !q.select_from.is_empty() || !q.joins.is_empty() {
        return sel.from.iter().take_while(|f| explicit(f)).count().max(1);
    }
    let mut named = Vec::new();
    for c in &sel.columns {
        collect_tables(c, &mut named);
    }
    sel.from
        .iter()
        .take_while(|f| named.iter().any(|t| f.provides(t)))
        .count()
}

/// The query as `anon_1`, its columns re-selected through it, the eager joins outside.
fn wrapped(reg: &Registry, inner: Select, roots: &mut [RootLayout]) -> Result<Select, EagerError> {
    let anon = anon_alias("anon");
    let mut labels = FxMap::default();
    let mut columns = Vec::with_capacity(inner.columns.len());
    let mut used: Vec<String> = Vec::new();
    // (A union's query selects from the set's subquery, `anon_2.post_id`: which table's
    // column each of its labels is, and the label the column then has in `anon_1`,
    // `anon_2_post_id`, named when rendered.)
    let (set_alias, set_columns) = match inner.from.first() {
        Some(FromItem::Subquery { select, alias, .. }) => {
            let by_label: FxMap<String, (String, String)> = (subquery_labels(select).into_iter())
                .map(|(k, v)| (v, k))
                .collect();
            (Some(alias.clone()), by_label)
        }
        _ => (None, FxMap::default()),
    };
    let through_set = |t: &TableRef, name: &str| match &set_alias {
        Some(a) if t == a => anon_column_label(t, name),
        _ => None,
    };
    for c in &inner.columns {
        let label = match c {
            Expr::Column {
                table: Some(TableRef::Named(t)),
                name,
            } => {
                let label = crate::core::orm::query::subquery_label(inner.label_style, t, name);
                labels.insert((t.clone(), name.clone()), label.clone());
                label
            }
            Expr::Column {
                table: Some(t),
                name,
            } if let Some(label) = through_set(t, name) => {
                if let Some(k) = set_columns.get(name) {
                    labels.insert(k.clone(), label.clone());
                }
                label
            }
            Expr::Label { name, .. } => name.clone(),
            _ => {
                return Err(unsupported(
                    "a joined eager load combined with LIMIT and a computed column",
                ));
            }
        };
        if used.contains(&label) {
            return Err(unsupported(
                "a joined eager load combined with LIMIT and two columns of the same name",
            ));
        }
        used.push(label.clone());
        columns.push(Expr::col_of(&anon, label));
    }
    // (A label the inner SELECT has among its columns is its column of the subquery:
    // `ORDER BY anon_1.cnt`.)
    let label_names: Vec<String> = (inner.columns.iter())
        .filter_map(|c| match c {
            Expr::Label { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    let adapt = |e: &Expr| {
        let e = e.transform(&|x| match x {
            Expr::Label { name, .. } if label_names.contains(name) => {
                Some(Expr::col_of(&anon, name.clone()))
            }
            Expr::Column {
                table: Some(t),
                name,
            } => through_set(t, name).map(|l| Expr::col_of(&anon, l)),
            _ => None,
        });
        crate::core::orm::query::through_subquery(&e, &labels, &anon)
    };
    let mut order_by: Vec<Expr> = inner.order_by.iter().map(adapt).collect();
    let style = inner.label_style;
    let mut item = FromItem::Subquery {
        select: Box::new(inner),
        alias: anon.clone(),
        cte: None,
    };
    let via = ColumnsOf::Wrapped {
        anon: anon.clone(),
        labels: &labels,
    };
    let mut eager_order = Vec::new();
    for root in roots.iter_mut() {
        if let RootLayout::Entity(p) = root {
            item = attach(reg, item, &via, p, &mut eager_order)?;
        }
    }
    order_by.extend(eager_order);
    for root in roots.iter_mut() {
        if let RootLayout::Entity(p) = root {
            emit_children(reg, p, &mut columns)?;
        }
    }
    Ok(Select {
        columns,
        label_style: style,
        from: vec![item],
        order_by,
        ..Default::default()
    })
}

/// Joins the joined loads of `plan` (whose columns are reached through `parent`) onto
/// `item`, depth first; their `order_by` goes to `order`.
pub(super) fn attach(
    reg: &Registry,
    item: FromItem,
    parent: &ColumnsOf<'_>,
    plan: &mut EntityPlan,
    order: &mut Vec<Expr>,
) -> Result<FromItem, EagerError> {
    attach_some(reg, item, parent, plan, order, Attach::All)
}

/// Which joined loads [`attach_some`] joins. An inner join below an outer one is nested
/// in the outer join's right side, as SQLAlchemy splices it (`a LEFT OUTER JOIN (b JOIN c
/// ON ...) ON ...`), so that it cannot drop the rows the outer join keeps.
#[derive(Clone, Copy, PartialEq)]
enum Attach {
    /// Every load below.
    All,
    /// Only the inner joins below (and the inner joins below those): the nested ones.
    InnerOnly,
    /// The loads [`Attach::InnerOnly`] left out.
    Rest,
}

fn attach_some(
    reg: &Registry,
    mut item: FromItem,
    parent: &ColumnsOf<'_>,
    plan: &mut EntityPlan,
    order: &mut Vec<Expr>,
    mode: Attach,
) -> Result<FromItem, EagerError> {
    for jp in plan.joined.iter_mut() {
        let alias = jp.alias.clone();
        if jp.existing {
            let via = ColumnsOf::Table(alias);
            item = attach_some(reg, item, &via, &mut jp.entity, order, mode)?;
            continue;
        }
        match (mode, jp.innerjoin) {
            (Attach::InnerOnly, false) => continue,
            (Attach::Rest, true) => {
                let via = ColumnsOf::Table(alias);
                item = attach_some(reg, item, &via, &mut jp.entity, order, Attach::Rest)?;
                continue;
            }
            _ => {}
        }
        let r = reg.resolve(&plan.class, &jp.rel)?;
        let rel = reg.relationship(&plan.class, &jp.rel)?;
        let sec = jp.secondary_alias.clone();
        let (on, sec_on) = on_clause(
            &r,
            &|c| parent.col(&r.parent, c),
            &|c| Expr::col_of(&alias, c.to_string()),
            &|c| match &sec {
                Some(s) => Expr::col_of(s, c.to_string()),
                None => Expr::col(r.secondary.clone().unwrap_or_default(), c.to_string()),
            },
        );
        let mut right = FromItem::Alias {
            table: r.target.clone(),
            alias: alias.clone(),
        };
        if let (Some(s), Some(sec_on), Some(sec_table)) = (&sec, sec_on, &r.secondary) {
            right = FromItem::Alias {
                table: sec_table.clone(),
                alias: s.clone(),
            }
            .join(right, sec_on, false);
        }
        // (An `order_by` on the association table follows it to its alias.)
        order.extend(rel.order_by.iter().map(|e| {
            let e = retarget(e, &r.target, &alias);
            match (&sec, &r.secondary) {
                (Some(s), Some(t)) => retarget(&e, t, s),
                _ => e,
            }
        }));
        let via = ColumnsOf::Table(alias.clone());
        item = match jp.innerjoin {
            true => {
                let below = match mode {
                    Attach::InnerOnly => Attach::InnerOnly,
                    _ => Attach::All,
                };
                let item = item.join(right, on, false);
                attach_some(reg, item, &via, &mut jp.entity, order, below)?
            }
            false => {
                let right =
                    attach_some(reg, right, &via, &mut jp.entity, order, Attach::InnerOnly)?;
                let item = item.join(right, on, true);
                attach_some(reg, item, &via, &mut jp.entity, order, Attach::Rest)?
            }
        };
    }
    Ok(item)
}

/// Appends the columns of the joined loads below `plan` (not its own), recording positions.
pub(super) fn emit_children(
    reg: &Registry,
    plan: &mut EntityPlan,
    columns: &mut Vec<Expr>,
) -> Result<(), EagerError> {
    for jp in plan.joined.iter_mut() {
        match jp.existing {
            true => emit_children(reg, &mut jp.entity, columns)?,
            false => {
                let alias = jp.alias.clone();
                emit_entity(reg, &mut jp.entity, &alias, columns)?;
            }
        }
    }
    Ok(())
}

/// Appends an entity's columns (`own`) with its `contains_eager()` loads' around them
/// (own relationships' before, backrefs' after), recording positions.
fn emit_existing(
    reg: &Registry,
    plan: &mut EntityPlan,
    own: Vec<Expr>,
    columns: &mut Vec<Expr>,
) -> Result<(), EagerError> {
    let existing = |after: bool| {
        move |j: &&mut super::plan::JoinedPlan| j.existing && j.after_columns == after
    };
    for jp in plan.joined.iter_mut().filter(existing(false)) {
        let cols = reg.entity_columns(&jp.entity.class, Some(&jp.alias))?;
        emit_existing(reg, &mut jp.entity, cols, columns)?;
    }
    plan.cols = own
        .into_iter()
        .map(|e| {
            columns.push(e);
            columns.len() - 1
        })
        .collect();
    for jp in plan.joined.iter_mut().filter(existing(true)) {
        let cols = reg.entity_columns(&jp.entity.class, Some(&jp.alias))?;
        emit_existing(reg, &mut jp.entity, cols, columns)?;
    }
    Ok(())
}

/// Appends a joined entity's columns: its own relationships' loads, its columns, its
/// backrefs' loads.
fn emit_entity(
    reg: &Registry,
    plan: &mut EntityPlan,
    alias: &TableRef,
    columns: &mut Vec<Expr>,
) -> Result<(), EagerError> {
    for jp in plan.joined.iter_mut().filter(|j| !j.after_columns) {
        let a = jp.alias.clone();
        emit_entity(reg, &mut jp.entity, &a, columns)?;
    }
    plan.cols = (reg.entity_columns(&plan.class, Some(alias))?.into_iter())
        .map(|e| {
            columns.push(e);
            columns.len() - 1
        })
        .collect();
    for jp in plan.joined.iter_mut().filter(|j| j.after_columns) {
        let a = jp.alias.clone();
        emit_entity(reg, &mut jp.entity, &a, columns)?;
    }
    Ok(())
}
