//! Relationship-driven SQL: lazy loads, `has()` / `any()` EXISTS criteria, `==` / `contains`
//! comparisons against objects, `with_parent`.

use crate::core::sql::expr::{Expr, TableRef, and, exists};
use crate::core::sql::{FromItem, LabelStyle, Select, SqlValue};

use super::mapper::{OrmError, Registry, RelKind, ResolvedRel, anon_alias, pairs_expr};
use super::query::Query;

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
        let bind = Expr::bind(parent_value(pcol));
        let col = Expr::col(&other.0, other.1.clone());
        // An explicit condition keeps its written order (`followers.follower_id = ?`).
        let written_first_is_other = p.foreign_first && other == &p.foreign;
        parts.push(if written_first_is_other {
            col.eq(bind)
        } else {
            bind.eq(col)
        });
    }
    parts.extend(parent_bound_extra(r, parent_value));
    if r.kind == RelKind::ManyToMany {
        parts.push(pairs_expr(&r.secondary_pairs, &named));
    }
    and(parts)
}

/// The primaryjoin's other terms with the parent's columns as bound values.
fn parent_bound_extra(r: &ResolvedRel, parent_value: &dyn Fn(&str) -> SqlValue) -> Vec<Expr> {
    let own = |t: &str| t == r.parent && r.parent != r.target;
    r.extra_with(&|t, c| own(t).then(|| Expr::bind(parent_value(c))))
}

/// The query that loads `parent.rel` lazily (or backs a `lazy='dynamic'` `AppenderQuery`, or
/// `Target.query.with_parent(parent)`): target entity, lazy clause, the relationship's `order_by`.
/// Many-to-one loads by primary key instead (`WHERE user.id = ?`); many-to-many selects
/// from the target and the association table explicitly, as SQLAlchemy does.
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
                    .eq(Expr::bind(parent_value(&p.foreign.1))),
            );
        }
        q.where_.extend(parent_bound_extra(&r, parent_value));
    } else {
        q.where_.push(lazy_clause(&r, parent_value));
        q.order_by.extend(relationship.order_by.iter().cloned());
        if let Some(sec) = &r.secondary {
            q.select_from = vec![relationship.target.clone(), sec.clone()];
        }
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
    exists_criterion_from(reg, class, rel, criteria, None)
}

/// [`exists_criterion`] of the relationship reached through an alias of its class
/// (`P = aliased(Person)`, `P.children.any()`): the EXISTS correlates to `parent`.
pub fn exists_criterion_from(
    reg: &Registry,
    class: &str,
    rel: &str,
    criteria: Vec<Expr>,
    parent: Option<&TableRef>,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    let outer = |t: &str| match parent {
        Some(a) if t == r.parent => a.clone(),
        _ => named(t),
    };
    if r.parent == r.target {
        return Ok(self_referential_exists(
            &r,
            criteria,
            &outer,
            parent.is_none(),
        ));
    }
    let mut parts = vec![pairs_expr(&r.primary, &outer)];
    parts.extend(r.extra.iter().cloned());
    let mut from = vec![FromItem::Table(r.target.clone())];
    if let Some(sec) = &r.secondary {
        parts.push(pairs_expr(&r.secondary_pairs, &named));
        from.push(FromItem::Table(sec.clone()));
    }
    // (The parent's table too, as SQLAlchemy finds it in the criteria: correlated away
    // inside a statement selecting from it, listed when the EXISTS is printed alone. As
    // SQLAlchemy's `correlate_except(target, secondary)`: an enclosing join to the target
    // leaves the target in the EXISTS.)
    let mut keep = vec![TableRef::Named(r.target.clone())];
    if let Some(sec) = &r.secondary {
        keep.push(TableRef::Named(sec.clone()));
    }
    from.push(match parent {
        Some(alias) => FromItem::Alias {
            table: r.parent.clone(),
            alias: alias.clone(),
        },
        None => FromItem::Table(r.parent.clone()),
    });
    parts.extend(criteria);
    let sel = Select {
        columns: vec![Expr::raw("1")],
        label_style: LabelStyle::DisambiguateOnly,
        correlate: crate::core::sql::Correlate::Except(keep),
        from,
        where_: vec![and(parts)],
        ..Default::default()
    };
    Ok(exists(sel))
}

/// `has()` / `any()` of a relationship from a table to itself: the target is aliased
/// inside the EXISTS (`FROM employee AS employee_1`), the join runs between the outer
/// table and the alias, and the criteria's columns of the table point at the alias,
/// as SQLAlchemy adapts them. Reached through an alias of the class (`outer` names it),
/// the EXISTS reads the table itself (`aliased`: false; an association table stays
/// aliased).
fn self_referential_exists(
    r: &ResolvedRel,
    criteria: Vec<Expr>,
    outer: &dyn Fn(&str) -> TableRef,
    aliased: bool,
) -> Expr {
    let inner = |t: &str| if aliased { anon_alias(t) } else { named(t) };
    let from_item = |t: &str, a: &TableRef| match aliased {
        true => FromItem::Alias {
            table: t.to_owned(),
            alias: a.clone(),
        },
        false => FromItem::Table(t.to_owned()),
    };
    let alias = inner(&r.target);
    let mut from = vec![from_item(&r.target, &alias)];
    let mut parts = Vec::new();
    match &r.secondary {
        Some(sec) => {
            // The association table is aliased too (`followers AS followers_1`).
            let sec_alias = anon_alias(sec);
            let via_sec = |t: &str| {
                if t == sec {
                    sec_alias.clone()
                } else {
                    outer(t)
                }
            };
            parts.push(pairs_expr(&r.primary, &via_sec));
            parts.push(pairs_expr(&r.secondary_pairs, &|t| {
                if t == r.target {
                    alias.clone()
                } else {
                    via_sec(t)
                }
            }));
            from.push(FromItem::Alias {
                table: sec.clone(),
                alias: sec_alias.clone(),
            });
        }
        None => {
            // The remote side is the referred one for many-to-one, the foreign one otherwise.
            let remote_is_referred = r.kind == RelKind::ManyToOne;
            parts.push(and(r
                .primary
                .iter()
                .map(|p| {
                    let (referred, foreign) = if remote_is_referred {
                        (&alias, &outer(&p.foreign.0))
                    } else {
                        (&outer(&p.referred.0), &alias)
                    };
                    Expr::col_of(referred, p.referred.1.clone())
                        .eq(Expr::col_of(foreign, p.foreign.1.clone()))
                })
                .collect()));
        }
    }
    parts.extend(
        criteria
            .iter()
            .map(|c| retarget_correlated(c, &r.target, &alias)),
    );
    exists(Select {
        columns: vec![Expr::raw("1")],
        label_style: LabelStyle::DisambiguateOnly,
        from,
        where_: vec![and(parts)],
        ..Default::default()
    })
}

/// `e` with the columns of `table` pointed at `alias`, also inside the subqueries that
/// correlate to it (a nested `has()`/`any()`: `Cat.parent.has(Cat.parent.has(...))`, whose
/// inner EXISTS joins to the outer one's alias), as SQLAlchemy's adapter does; a subquery
/// selecting from `table` itself keeps its own columns.
fn retarget_correlated(e: &Expr, table: &str, alias: &TableRef) -> Expr {
    e.transform(&|x| match x {
        Expr::Column {
            table: Some(TableRef::Named(n)),
            name,
        } if n == table => Some(Expr::col_of(alias, name.clone())),
        Expr::Select(s) if !from_names(&s.from, table) => {
            let mut s = (**s).clone();
            let map = |v: &Vec<Expr>| {
                v.iter()
                    .map(|w| retarget_correlated(w, table, alias))
                    .collect()
            };
            s.where_ = map(&s.where_);
            s.columns = map(&s.columns);
            s.having = map(&s.having);
            Some(Expr::Select(Box::new(s)))
        }
        _ => None,
    })
}

/// True when `from` names `table` itself (not through an alias).
fn from_names(from: &[FromItem], table: &str) -> bool {
    from.iter().any(|f| match f {
        FromItem::Table(t) => t == table,
        FromItem::Join { left, right, .. } => {
            from_names(std::slice::from_ref(left), table)
                || from_names(std::slice::from_ref(right), table)
        }
        _ => false,
    })
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
    if reg.relationship(class, rel)?.uselist.unwrap_or(r.uselist()) {
        return Err(OrmError(
            "Can't compare a collection to an object or collection; use contains() to test for membership.".into(),
        ));
    }
    if r.kind != RelKind::ManyToOne {
        // A one-to-one from the side without the foreign key (`User.profile == p`): the
        // parent's key equals the object's foreign key, as `contains()` compares.
        if let (Some(v), None) = (target_value, &r.secondary) {
            return many_to_many_contains(reg, class, rel, v);
        }
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
                Some(v) => Expr::bind(v(&p.referred.1)).eq(fk),
                None => fk.is_null(),
            }
        })
        .collect();
    Ok(and(parts))
}

/// `Child.rel != obj` for many-to-one: `post.user_id != ? OR post.user_id IS NULL` (a row
/// with no parent is not related to `obj` either), as SQLAlchemy renders it.
pub fn compare_many_to_one_ne(
    reg: &Registry,
    class: &str,
    rel: &str,
    target_value: &dyn Fn(&str) -> SqlValue,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    if reg.relationship(class, rel)?.uselist.unwrap_or(r.uselist()) {
        return Err(OrmError(
            "Can't compare a collection to an object or collection; use contains() to test for membership.".into(),
        ));
    }
    if r.kind != RelKind::ManyToOne {
        // A one-to-one from the side without the foreign key: no related row with the
        // object's primary key (`NOT (EXISTS (... AND profile.id = :id_1))`).
        let table = reg.metadata.table(&r.target);
        let pk = table.map(|t| t.primary_key()).unwrap_or_default();
        if r.secondary.is_none() && !pk.is_empty() {
            let crit = pk
                .iter()
                .map(|c| Expr::col(&r.target, c.to_string()).eq(Expr::bind(target_value(c))))
                .collect();
            return Ok(crate::core::sql::expr::not(exists_criterion(
                reg,
                class,
                rel,
                vec![and(crit)],
            )?));
        }
        return Err(OrmError(format!(
            "{class}.{rel}: comparison with != requires a many-to-one relationship"
        )));
    }
    let mut parts = Vec::new();
    for p in &r.primary {
        let fk = Expr::col(&p.foreign.0, p.foreign.1.clone());
        parts.push(fk.clone().ne(Expr::bind(target_value(&p.referred.1))));
        parts.push(fk.is_null());
    }
    Ok(crate::core::sql::expr::or(parts))
}

/// `Parent.rel.contains(obj)`: for one-to-many the parent's key equals the object's foreign
/// key; for many-to-many it joins an aliased secondary table
/// (`post.id = post_tags_1.post_id AND ? = post_tags_1.tag_id`); the alias lands in FROM.
#[inline(never)] // (Two callers: one copy.)
pub fn many_to_many_contains(
    reg: &Registry,
    class: &str,
    rel: &str,
    target_value: &dyn Fn(&str) -> SqlValue,
) -> Result<Expr, OrmError> {
    let r = reg.resolve(class, rel)?;
    let Some(sec) = &r.secondary else {
        // One-to-many: the parent's key equals the object's foreign key
        // (`teacher.id = ?`).
        if r.kind == RelKind::ManyToOne {
            return Err(OrmError(
                "'contains' not implemented for scalar attributes.  Use ==".into(),
            ));
        }
        // (The value is an anonymous bind, `:param_1`, as SQLAlchemy's comparator
        // makes it: coerced to the column's type.)
        let parts = r
            .primary
            .iter()
            .map(|p| {
                let ty = reg
                    .metadata
                    .table(&p.referred.0)
                    .and_then(|t| t.col(&p.referred.1))
                    .map_or(crate::core::sql::SqlType::Integer, |c| c.ty.clone());
                Expr::col(&p.referred.0, p.referred.1.clone())
                    .eq(Expr::bind(target_value(&p.foreign.1)).coerce(ty))
            })
            .collect();
        return Ok(and(parts));
    };
    let alias = anon_alias(sec);
    let via = |t: &str| if t == sec { alias.clone() } else { named(t) };
    let mut parts = vec![pairs_expr(&r.primary, &via)];
    for p in &r.secondary_pairs {
        parts.push(
            Expr::bind(target_value(&p.referred.1)).eq(Expr::col_of(&alias, p.foreign.1.clone())),
        );
    }
    Ok(and(parts))
}
