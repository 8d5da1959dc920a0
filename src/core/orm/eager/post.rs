//! The second SELECTs of post loads. `selectin`: the related rows for a batch of parent
//! keys, `WHERE <key> IN (?, ...)` (many-to-one: the targets by primary key; one-to-many:
//! by foreign key; otherwise through an alias of the parent table), the key columns first.
//! `subquery`: the original query reduced to the parents' key columns, as `anon_1`,
//! joined along the path to the related table, the key columns last.

use crate::core::fxhash::FxMap;

use crate::core::sql::expr::{TableRef, anon_column_label};
use crate::core::sql::{Expr, FromItem, LabelStyle, Select, SqlValue};

use super::super::mapper::{OrmError, Registry, RelKind, ResolvedRel, anon_alias};
use super::super::query::{Entity, Query};
use super::joined::{ColumnsOf, attach, emit_children};
use super::plan::EntityPlan;
use super::{EagerError, PathStep, local_columns, on_clause, unsupported};

/// Parents per `selectin` SELECT (SQLAlchemy's `SelectInLoader._chunksize`).
pub const SELECTIN_CHUNK: usize = 500;

/// A post-load SELECT and how to match its rows to parents.
#[derive(Debug, Clone, PartialEq)]
pub struct PostStatement {
    /// The SELECT.
    pub select: Select,
    /// Row positions of the key a row belongs to.
    pub key_cols: Vec<usize>,
    /// The parent-side columns (of the parent's table) whose values are that key.
    pub parent_cols: Vec<String>,
    /// The related entity, with its columns' row positions.
    pub target: EntityPlan,
    /// Many-to-one: the key is the target's own primary key (distinct sorted keys were asked
    /// for, each parent gets the row of its foreign key value).
    pub by_target_key: bool,
    /// The statement as a query of the related entity, for `subquery` loads below it to
    /// wrap (a `selectin` through the parent table selects from its join).
    pub origin: Option<Query>,
}

/// Whether the relationship's pairs reach exactly `pk` on the side `side` picks.
fn pairs_cover(
    r: &ResolvedRel,
    pk: &[String],
    side: fn(&super::super::mapper::JoinPair) -> &String,
) -> bool {
    let cols: Vec<&String> = r.primary.iter().map(side).collect();
    cols.len() == pk.len() && pk.iter().all(|c| cols.contains(&c))
}

/// How a `selectin` load reaches the related rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SelectinMode {
    /// Many-to-one: the targets by their primary key (the parents' foreign key values).
    ByTargetKey,
    /// One-to-many: the targets by their foreign key (the parents' primary key values).
    ByForeignKey,
    /// Through an alias of the parent table, by the parent's primary key (many-to-many,
    /// joins on other columns).
    ThroughParent,
}

fn selectin_mode(
    reg: &Registry,
    class: &str,
    rel: &str,
) -> Result<(SelectinMode, ResolvedRel, Vec<String>, Vec<String>), EagerError> {
    let r = reg.resolve(class, rel)?;
    let pk_of = |t: &crate::core::orm::schema::Table| -> Vec<String> {
        t.primary_key().into_iter().map(String::from).collect()
    };
    let parent_pk = pk_of(reg.table_of(class)?);
    let target_pk = pk_of(reg.table_of(&reg.relationship(class, rel)?.target)?);
    // (A primaryjoin with other terms always joins from the parents.)
    let simple = r.extra.is_empty();
    let mode = if !simple {
        SelectinMode::ThroughParent
    } else if r.kind == RelKind::ManyToOne && pairs_cover(&r, &target_pk, |p| &p.referred.1) {
        SelectinMode::ByTargetKey
    } else if r.kind == RelKind::OneToMany && pairs_cover(&r, &parent_pk, |p| &p.referred.1) {
        SelectinMode::ByForeignKey
    } else {
        SelectinMode::ThroughParent
    };
    Ok((mode, r, parent_pk, target_pk))
}

/// The parent-side columns whose values a `selectin` load of `class.rel` asks for (one
/// value per parent), and whether they are foreign keys to the targets' primary key
/// (many-to-one: distinct values, sorted, are asked for).
pub fn selectin_key(
    reg: &Registry,
    class: &str,
    rel: &str,
) -> Result<(Vec<String>, bool), EagerError> {
    let (mode, r, parent_pk, target_pk) = selectin_mode(reg, class, rel)?;
    Ok(match mode {
        SelectinMode::ByTargetKey => (
            target_pk
                .iter()
                .filter_map(|c| {
                    r.primary
                        .iter()
                        .find(|p| &p.referred.1 == c)
                        .map(|p| p.foreign.1.clone())
                })
                .collect(),
            true,
        ),
        _ => (parent_pk, false),
    })
}

/// The `selectin` SELECT of `class.rel` for one batch of parent keys (`keys`: one value
/// per parent, single-column keys only), with the target's own joined loads.
pub fn selectin_statement(
    reg: &Registry,
    class: &str,
    rel: &str,
    keys: &[SqlValue],
    mut target: EntityPlan,
) -> Result<PostStatement, EagerError> {
    let (mode, r, parent_pk, target_pk) = selectin_mode(reg, class, rel)?;
    let (parent_cols, by_target_key) = selectin_key(reg, class, rel)?;
    let relationship = reg.relationship(class, rel)?;
    let named = TableRef::Named(r.target.clone());
    // (The association table's alias, when the statement joins through one.)
    let mut sec_alias = None;
    let (key_exprs, from): (Vec<Expr>, FromItem) = match mode {
        SelectinMode::ByTargetKey => (
            target_pk
                .iter()
                .map(|c| Expr::col(&r.target, c.clone()))
                .collect(),
            FromItem::Table(r.target.clone()),
        ),
        SelectinMode::ByForeignKey => (
            parent_pk
                .iter()
                .filter_map(|c| {
                    r.primary
                        .iter()
                        .find(|p| &p.referred.1 == c)
                        .map(|p| Expr::col(&r.target, p.foreign.1.clone()))
                })
                .collect(),
            FromItem::Table(r.target.clone()),
        ),
        SelectinMode::ThroughParent => {
            let pa = anon_alias(&r.parent);
            let sec = r.secondary.as_ref().map(|s| anon_alias(s));
            sec_alias = sec.clone();
            let (on, sec_on) = on_clause(
                &r,
                &|c| Expr::col_of(&pa, c.to_string()),
                &|c| Expr::col(&r.target, c.to_string()),
                &|c| match &sec {
                    Some(s) => Expr::col_of(s, c.to_string()),
                    None => Expr::col(&r.target, c.to_string()),
                },
            );
            let left = FromItem::Alias {
                table: r.parent.clone(),
                alias: pa.clone(),
            };
            let from = match (&sec, sec_on, &r.secondary) {
                (Some(s), Some(sec_on), Some(sec_table)) => left
                    .join(
                        FromItem::Alias {
                            table: sec_table.clone(),
                            alias: s.clone(),
                        },
                        on,
                        false,
                    )
                    .join(FromItem::Table(r.target.clone()), sec_on, false),
                _ => left.join(FromItem::Table(r.target.clone()), on, false),
            };
            (
                parent_pk
                    .iter()
                    .map(|c| Expr::col_of(&pa, c.clone()))
                    .collect(),
                from,
            )
        }
    };
    if key_exprs.len() != 1 {
        return Err(unsupported(
            "selectinload() of a relationship with a composite key",
        ));
    }
    let mut columns = key_exprs.clone();
    target.cols = (reg.entity_columns(&target.class, None)?.into_iter())
        .map(|e| match columns.iter().position(|k| *k == e) {
            Some(i) => i,
            None => {
                columns.push(e);
                columns.len() - 1
            }
        })
        .collect();
    let mut order: Vec<Expr> = match (&sec_alias, &r.secondary) {
        (Some(s), Some(t)) => (relationship.order_by.iter())
            .map(|e| super::retarget(e, t, s))
            .collect(),
        _ => relationship.order_by.clone(),
    };
    // (Through the parent, the loads below start from this statement's own FROM: the
    // parent alias joined to the target, before the target's joined loads.)
    let through = (mode == SelectinMode::ThroughParent).then(|| from.clone());
    let from = attach(reg, from, &ColumnsOf::Table(named), &mut target, &mut order)?;
    emit_children(reg, &mut target, &mut columns)?;
    let key = key_exprs.into_iter().next().unwrap_or(Expr::Null);
    let in_keys = key
        .clone()
        .in_(keys.iter().cloned().map(Expr::bind).collect());
    let mut origin = Query::of(&relationship.target).filter(in_keys.clone());
    if let Some(from) = through {
        origin.select_from_items.push(from);
        origin.eager_order_by = relationship.order_by.clone();
    }
    let origin = Some(origin);
    Ok(PostStatement {
        select: Select {
            columns,
            label_style: LabelStyle::TablenamePlusCol,
            from: vec![from],
            where_: vec![in_keys],
            order_by: order,
            ..Default::default()
        },
        key_cols: vec![0],
        parent_cols,
        target,
        by_target_key,
        origin,
    })
}

/// The `subquery` SELECT for the relationship at the end of `path` (relative to the root
/// entity of `origin`, the query that loaded it): `origin` reduced to the key columns of
/// the path's first relationship, as `anon_1`, joined along the path (intermediate
/// entities aliased) to the target; target columns, then the parent key columns.
pub fn subquery_statement(
    reg: &Registry,
    origin: &Query,
    path: &[PathStep],
    mut target: EntityPlan,
) -> Result<PostStatement, EagerError> {
    let Some(first) = path.first() else {
        return Err(EagerError::Orm(OrmError(
            "subquery load without a relationship".into(),
        )));
    };
    let r0 = reg.resolve(&first.class, &first.rel)?;
    let local0 = local_columns(&r0);
    let root = r0.parent.clone();
    let mut inner_q = origin.clone();
    inner_q.entities = local0
        .iter()
        .map(|c| Entity::Expr(Expr::col(&root, c.clone())))
        .collect();
    inner_q.style = LabelStyle::TablenamePlusCol;
    inner_q.options.clear();
    if inner_q.limit.is_none() && inner_q.offset.is_none() {
        inner_q.order_by.clear();
    }
    let root_pk: Vec<String> = reg
        .metadata
        .table(&root)
        .map(|t| t.primary_key().into_iter().map(String::from).collect())
        .unwrap_or_default();
    if !root_pk.iter().all(|c| local0.contains(c)) {
        inner_q.distinct = true;
    }
    let inner = inner_q.compile(reg)?;
    let anon = anon_alias("anon");
    // (Each key column's label in `anon_1`, as the renderer gives it: through a union's
    // subquery, `anon_2.post_id AS anon_2_post_id`.)
    let labels: FxMap<(String, String), String> = local0
        .iter()
        .zip(
            inner
                .columns
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .map(|(c, col)| {
            let label = match col {
                Some(Expr::Column {
                    table: Some(t),
                    name,
                }) => anon_column_label(t, name),
                _ => None,
            }
            .unwrap_or_else(|| format!("{root}_{c}"));
            ((root.clone(), c.clone()), label)
        })
        .collect();
    let mut item = FromItem::Subquery {
        select: Box::new(inner),
        alias: anon.clone(),
        cte: None,
    };
    let mut parent = ColumnsOf::Wrapped {
        anon,
        labels: &labels,
    };
    let mut keys = Vec::new();
    let mut parent_cols = Vec::new();
    let mut last_rel = None;
    let mut last_sec = None;
    for (i, step) in path.iter().enumerate() {
        let r = reg.resolve(&step.class, &step.rel)?;
        let last = i + 1 == path.len();
        let tref = if last {
            TableRef::Named(r.target.clone())
        } else {
            anon_alias(&r.target)
        };
        let sec = r.secondary.as_ref().map(|s| anon_alias(s));
        let (on, sec_on) = on_clause(
            &r,
            &|c| parent.col(&r.parent, c),
            &|c| Expr::col_of(&tref, c.to_string()),
            &|c| match &sec {
                Some(s) => Expr::col_of(s, c.to_string()),
                None => Expr::col(&r.target, c.to_string()),
            },
        );
        let right = match &tref {
            TableRef::Named(t) => FromItem::Table(t.clone()),
            alias => FromItem::Alias {
                table: r.target.clone(),
                alias: alias.clone(),
            },
        };
        item = match (&sec, sec_on, &r.secondary) {
            (Some(s), Some(sec_on), Some(sec_table)) => item
                .join(
                    FromItem::Alias {
                        table: sec_table.clone(),
                        alias: s.clone(),
                    },
                    on,
                    false,
                )
                .join(right, sec_on, false),
            _ => item.join(right, on, false),
        };
        if last {
            parent_cols = local_columns(&r);
            keys = parent_cols
                .iter()
                .map(|c| parent.col(&r.parent, c))
                .collect();
            last_rel = Some((step.class.clone(), step.rel.clone(), r.target.clone()));
            last_sec = sec.clone().zip(r.secondary.clone());
        }
        parent = ColumnsOf::Table(tref);
    }
    let Some((class, rel, target_table_name)) = last_rel else {
        return Err(EagerError::Orm(OrmError(
            "subquery load without a relationship".into(),
        )));
    };
    let mut columns: Vec<Expr> = Vec::new();
    let target_ref = TableRef::Named(target_table_name.clone());
    target.cols = (reg
        .entity_columns(&target.class, Some(&target_ref))?
        .into_iter())
    .map(|e| {
        columns.push(e);
        columns.len() - 1
    })
    .collect();
    let key_cols = (columns.len()..columns.len() + keys.len()).collect();
    columns.extend(keys);
    let mut order: Vec<Expr> = (reg.relationship(&class, &rel)?.order_by.iter())
        .map(|e| match &last_sec {
            Some((s, t)) => super::retarget(e, t, s),
            None => e.clone(),
        })
        .collect();
    let item = attach(
        reg,
        item,
        &ColumnsOf::Table(TableRef::Named(target_table_name)),
        &mut target,
        &mut order,
    )?;
    emit_children(reg, &mut target, &mut columns)?;
    Ok(PostStatement {
        select: Select {
            columns,
            label_style: LabelStyle::TablenamePlusCol,
            from: vec![item],
            order_by: order,
            ..Default::default()
        },
        key_cols,
        parent_cols,
        target,
        by_target_key: false,
        origin: None,
    })
}
