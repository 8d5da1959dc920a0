//! Relationship-driven SQL: lazy loads, `has()` / `any()` EXISTS criteria, `==` / `contains`
//! comparisons against objects, `with_parent`.

use crate::core::sql::expr::{Expr, TableRef, and, exists};
use crate::core::sql::{FromItem, LabelStyle, Select, SqlValue};

use super::mapper::{OrmError, Registry, RelKind, ResolvedRel, anon_alias, pairs_expr};
use super::query::{Entity, Query};

fn named(t: &str) -> TableRef {
    TableRef::Named(t.to_string())
}

/// The lazy-load criterion of `parent.rel`: the parent-side columns become bound values
/// (`? = post.user_id`; many-to-many adds `tag.id = post_tags.tag_id`).
/// `parent_value(column)` gives the parent object's value of one of its table's columns.
pub fn lazy_clause(r: &ResolvedRel, parent_value: &dyn Fn(&str) -> SqlValue) -> Expr {
    let mut parts = Vec::new();
    for p in &r.primary {
        // the side that belongs to the parent table is replaced by its value
        let (pcol, other) = if p.referred.0 == r.parent && (r.kind != RelKind::ManyToOne) {
            (&p.referred.1, &p.foreign)
        } else {
            (&p.foreign.1, &p.referred)
        };
        parts.push(Expr::Bind(parent_value(pcol)).eq(Expr::col(&other.0, other.1.clone())));
    }
    if r.kind == RelKind::ManyToMany {
        parts.push(pairs_expr(&r.secondary_pairs, &named));
    }
    and(parts)
}

/// The query that loads `parent.rel` lazily (or backs a `lazy='dynamic'` `AppenderQuery`, or
/// `Target.query.with_parent(parent)`): target entity, lazy clause, the relationship's `order_by`.
/// Many-to-one loads by primary key instead (`WHERE user.id = ?`).
pub fn lazy_load_query(
    reg: &Registry,
    class: &str,
    rel: &str,
    parent_value: &dyn Fn(&str) -> SqlValue,
) -> Result<Query, OrmError> {
    let r = reg.resolve(class, rel)?;
    let relationship = reg.relationship(class, rel)?;
    let mut q = Query::of(&relationship.target);
    if r.kind == RelKind::ManyToOne {
        for p in &r.primary {
            q.where_.push(
                Expr::col(&p.referred.0, p.referred.1.clone())
                    .eq(Expr::Bind(parent_value(&p.foreign.1))),
            );
        }
    } else {
        q.where_.push(lazy_clause(&r, parent_value));
        q.order_by.extend(relationship.order_by.iter().cloned());
    }
    Ok(q)
}

/// `Parent.rel.any(*criteria)` (one-to-many, many-to-many) and `Parent.rel.has(*criteria)`
/// (many-to-one): `EXISTS (SELECT 1 FROM target[, secondary] WHERE <join> AND <criteria>)`.
pub fn exists_criterion(
    reg: &Registry,
    class: &str,
    rel: &str,
    criteria: Vec<Expr>,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    let mut parts = vec![pairs_expr(&r.primary, &named)];
    let mut from = vec![FromItem::Table(r.target.clone())];
    if let Some(sec) = &r.secondary {
        parts.push(pairs_expr(&r.secondary_pairs, &named));
        from.push(FromItem::Table(sec.clone()));
    }
    parts.extend(criteria);
    let sel = Select {
        columns: vec![Expr::raw("1")],
        label_style: LabelStyle::DisambiguateOnly,
        from,
        where_: vec![and(parts)],
        ..Default::default()
    };
    Ok(exists(sel))
}

/// `Child.rel == obj` for many-to-one (`? = post.user_id`), or `Child.rel == None`
/// (`post.user_id IS NULL`) when `target_value` is `None`.
pub fn compare_many_to_one(
    reg: &Registry,
    class: &str,
    rel: &str,
    target_value: Option<&dyn Fn(&str) -> SqlValue>,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    if r.kind != RelKind::ManyToOne {
        return Err(OrmError(format!(
            "{class}.{rel}: comparison with == requires a many-to-one relationship"
        )));
    }
    let parts = r
        .primary
        .iter()
        .map(|p| {
            let fk = Expr::col(&p.foreign.0, p.foreign.1.clone());
            match target_value {
                Some(v) => Expr::Bind(v(&p.referred.1)).eq(fk),
                None => fk.is_null(),
            }
        })
        .collect();
    Ok(and(parts))
}

/// `Parent.rel.contains(obj)` for many-to-many: joins an aliased secondary table
/// (`post.id = post_tags_1.post_id AND ? = post_tags_1.tag_id`); the alias lands in FROM.
pub fn many_to_many_contains(
    reg: &Registry,
    class: &str,
    rel: &str,
    target_value: &dyn Fn(&str) -> SqlValue,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    let Some(sec) = &r.secondary else {
        return Err(OrmError(format!("{class}.{rel} is not many-to-many")));
    };
    let alias = anon_alias(sec);
    let via = |t: &str| if t == sec { alias.clone() } else { named(t) };
    let mut parts = vec![pairs_expr(&r.primary, &via)];
    for p in &r.secondary_pairs {
        parts.push(
            Expr::Bind(target_value(&p.referred.1)).eq(Expr::col_of(&alias, p.foreign.1.clone())),
        );
    }
    Ok(and(parts))
}

/// `lazy='joined'` eager load of `class.rel` added to a query of `class`: the target's columns
/// through an anonymous alias and a LEFT OUTER JOIN (`team LEFT OUTER JOIN coach AS coach_1 ON ...`).
/// With LIMIT/OFFSET the query is wrapped in a subquery first, as SQLAlchemy does.
pub fn joined_eager(reg: &Registry, q: &Query, class: &str, rel: &str) -> Result<Select, OrmError> {
    let r = reg.resolve(class, rel)?;
    let target_table = reg
        .metadata
        .table(&r.target)
        .ok_or_else(|| OrmError("no target table".into()))?;
    let alias = anon_alias(&r.target);
    let via = |t: &str| {
        if t == r.target {
            alias.clone()
        } else {
            named(t)
        }
    };
    let target_cols: Vec<Expr> = target_table
        .columns
        .iter()
        .map(|c| Expr::col_of(&alias, c.name.clone()))
        .collect();
    if q.limit.is_none() && q.offset.is_none() {
        let mut s = q.compile(reg)?;
        let on = pairs_expr(&r.primary, &via);
        let pos = s
            .from
            .iter()
            .position(|f| f.provides(&named(&r.parent)))
            .unwrap_or(0);
        let item = s.from.remove(pos);
        s.from.insert(
            pos,
            item.join(
                FromItem::Alias {
                    table: r.target.clone(),
                    alias: alias.clone(),
                },
                on,
                true,
            ),
        );
        s.columns.extend(target_cols);
        return Ok(s);
    }
    let inner = q.compile(reg)?;
    let anon = anon_alias("anon");
    let parent_table = reg
        .metadata
        .table(&r.parent)
        .ok_or_else(|| OrmError("no parent table".into()))?;
    let outer_cols: Vec<Expr> = parent_table
        .columns
        .iter()
        .map(|c| Expr::col_of(&anon, format!("{}_{}", r.parent, c.name)))
        .collect();
    let via_anon = |t: &str| {
        if t == r.target {
            alias.clone()
        } else {
            anon.clone()
        }
    };
    // inside the subquery parent columns are labeled <table>_<col>
    let on = and(r
        .primary
        .iter()
        .map(|p| {
            let side = |(t, c): &(String, String)| {
                if *t == r.parent {
                    Expr::col_of(&via_anon(t), format!("{t}_{c}"))
                } else {
                    Expr::col_of(&via_anon(t), c.clone())
                }
            };
            side(&p.referred).eq(side(&p.foreign))
        })
        .collect());
    let mut columns = outer_cols;
    columns.extend(target_cols);
    Ok(Select {
        columns,
        from: vec![
            FromItem::Subquery {
                select: Box::new(inner),
                alias: anon.clone(),
            }
            .join(
                FromItem::Alias {
                    table: r.target.clone(),
                    alias,
                },
                on,
                true,
            ),
        ],
        ..Default::default()
    })
}

/// `Entity` list helper: `[Entity::Class(class)]`.
pub fn entity(class: &str) -> Vec<Entity> {
    vec![Entity::Class(class.into())]
}

/// `lazy='subquery'` eager load of `class.rel` for the objects of query `q`: the target's columns
/// plus the parent key through the subquery (`anon_1.page_id AS anon_1_page_id`), FROM the
/// parent-key subquery joined to the secondary (aliased) and target tables.
pub fn subquery_eager(
    reg: &Registry,
    q: &Query,
    class: &str,
    rel: &str,
) -> Result<Select, OrmError> {
    let r = reg.resolve(class, rel)?;
    let target_table = reg
        .metadata
        .table(&r.target)
        .ok_or_else(|| OrmError("no target table".into()))?;
    let parent_keys: Vec<String> = r.primary.iter().map(|p| p.referred.1.clone()).collect();
    let mut inner_q = q.clone();
    inner_q.entities = parent_keys
        .iter()
        .map(|k| Entity::Expr(Expr::col(&r.parent, k.clone())))
        .collect();
    inner_q.order_by.clear();
    let inner = inner_q.compile(reg)?;
    let anon = anon_alias("anon");
    let key_of = |k: &str| Expr::col_of(&anon, format!("{}_{k}", r.parent));
    let mut columns: Vec<Expr> = target_table
        .columns
        .iter()
        .map(|c| Expr::col(&r.target, c.name.clone()))
        .collect();
    columns.extend(parent_keys.iter().map(|k| key_of(k)));
    let sub = FromItem::Subquery {
        select: Box::new(inner),
        alias: anon.clone(),
    };
    let from = match &r.secondary {
        Some(sec) => {
            let alias = anon_alias(sec);
            let on1 = and(r
                .primary
                .iter()
                .map(|p| key_of(&p.referred.1).eq(Expr::col_of(&alias, p.foreign.1.clone())))
                .collect());
            let via = |t: &str| if t == sec { alias.clone() } else { named(t) };
            let on2 = pairs_expr(&r.secondary_pairs, &via);
            sub.join(
                FromItem::Alias {
                    table: sec.clone(),
                    alias: alias.clone(),
                },
                on1,
                false,
            )
            .join(FromItem::Table(r.target.clone()), on2, false)
        }
        None => {
            let on = and(r
                .primary
                .iter()
                .map(|p| key_of(&p.referred.1).eq(Expr::col(&p.foreign.0, p.foreign.1.clone())))
                .collect());
            sub.join(FromItem::Table(r.target.clone()), on, false)
        }
    };
    Ok(Select {
        columns,
        from: vec![from],
        ..Default::default()
    })
}
