//! Which relationships a load brings in, and how: each relationship's strategy is the
//! loader option for its path, else its `lazy=`; default (option-less) eager loads stop
//! at cycles as SQLAlchemy's do (a joined load whose target is already an entity of the
//! query's path, a selectin/subquery load whose target is already on the load's path).

use crate::core::sql::expr::TableRef;

use super::super::mapper::{Lazy, Registry, RelKind, anon_alias};
use super::super::query::{Entity, Query};
use super::{EagerError, LoaderOption, PathStep, innerjoin_for, option_for};

/// How one entity of a load gets its relationships.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntityPlan {
    /// Mapped class.
    pub class: String,
    /// Path from the root of the whole load to this entity.
    pub path: Vec<PathStep>,
    /// Relationships loaded in the same rows (LEFT OUTER JOIN), in mapper order.
    pub joined: Vec<JoinedPlan>,
    /// Relationships loaded by a second SELECT after the rows (`selectin`, `subquery`).
    pub post: Vec<PostPlan>,
    /// Relationships loaded object by object right after the rows (`immediate`).
    pub immediate: Vec<String>,
    /// Relationships set empty without SQL (`noload`).
    pub noload: Vec<String>,
    /// Relationships whose loader option sets how they load on access: `raiseload`
    /// (`Raise`, `RaiseOnSql`), or `lazyload` of one declared `raise` or `noload` (`Select`).
    pub raise: Vec<(String, Lazy)>,
    /// Row position of each of the entity's table columns (set when the statement is built).
    pub cols: Vec<usize>,
    /// A joined collection left out as a cycle (its target is already on the path): no
    /// join, but the rows count as repeating, as SQLAlchemy's joined loader sets its
    /// multi-row flag before its cycle check (`unique()` is then required).
    pub cycle_collection: bool,
}

impl EntityPlan {
    /// True when the load of this entity is a plain one (nothing eager, nothing special).
    pub fn is_plain(&self) -> bool {
        self.joined.is_empty()
            && self.post.is_empty()
            && self.immediate.is_empty()
            && self.noload.is_empty()
            && self.raise.is_empty()
    }

    /// True when this entity or one below it joins a collection (rows repeat parents).
    pub fn joins_collection(&self) -> bool {
        self.cycle_collection
            || self
                .joined
                .iter()
                .any(|j| j.uselist || j.entity.joins_collection())
    }

    /// True when a joined load below joins a collection itself (not the query's own
    /// join, as `contains_eager()` reads).
    pub fn adds_collection_join(&self) -> bool {
        (self.joined.iter()).any(|j| (j.uselist && !j.existing) || j.entity.adds_collection_join())
    }

    /// True when a joined load below adds a join (`contains_eager()` adds none).
    pub fn adds_join(&self) -> bool {
        (self.joined.iter()).any(|j| !j.existing || j.entity.adds_join())
    }
}

/// A relationship loaded through a LEFT OUTER JOIN on an anonymous alias.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinedPlan {
    /// Relationship name on the parent entity.
    pub rel: String,
    /// A collection (else a scalar).
    pub uselist: bool,
    /// Added by a backref: its columns come after the parent's own columns (SQLAlchemy maps
    /// a class's own relationships before its columns, backrefs after).
    pub after_columns: bool,
    /// The target table's alias (`post_1`); for `contains_eager()`, the table itself.
    pub alias: TableRef,
    /// `contains_eager()`: the query joins the target itself (no join of its own, no
    /// `order_by` of the relationship).
    pub existing: bool,
    /// The association table's alias for many-to-many (`post_tags_1`).
    pub secondary_alias: Option<TableRef>,
    /// An inner JOIN (`innerjoin=True` on the relationship or its loader option).
    pub innerjoin: bool,
    /// The target entity.
    pub entity: EntityPlan,
}

/// A relationship loaded by a second SELECT once the rows are in.
#[derive(Debug, Clone, PartialEq)]
pub struct PostPlan {
    /// Relationship name on the parent entity.
    pub rel: String,
    /// `Lazy::Selectin` or `Lazy::Subquery`.
    pub strategy: Lazy,
    /// Full path including this relationship.
    pub path: Vec<PathStep>,
}

/// True for the strategies that load with the query (`joined`, `selectin`, `subquery`).
fn is_eager(lazy: Lazy) -> bool {
    matches!(
        lazy,
        Lazy::Joined | Lazy::Selectin | Lazy::Subquery | Lazy::Immediate
    )
}

/// The plan of entity `class` reached by `path`. `local` lists the entity classes of the
/// current statement's path down to (and including) this one, for the joined-load cycle
/// check; the post-load cycle check uses the classes of `path`.
pub fn plan_entity(
    reg: &Registry,
    options: &[LoaderOption],
    class: &str,
    path: Vec<PathStep>,
    local: &[String],
) -> Result<EntityPlan, EagerError> {
    let mut plan = EntityPlan {
        class: class.into(),
        path,
        ..Default::default()
    };
    let mapper = reg.mapper(class)?;
    for rel in &mapper.relationships {
        // (Most relationships load on access and no option names them: no path to build.)
        if options.is_empty() && !is_eager(rel.lazy) && rel.lazy != Lazy::NoLoad {
            continue;
        }
        let mut rel_path = plan.path.clone();
        rel_path.push(PathStep::new(class, &rel.name));
        let chosen = option_for(options, &rel_path);
        match chosen.unwrap_or(rel.lazy) {
            // (`contains_eager()` reads the target from the query's own join of its table.)
            strategy @ (Lazy::Joined | Lazy::ContainsEager) => {
                let existing = strategy == Lazy::ContainsEager;
                if !existing && chosen.is_none() && local.contains(&rel.target) {
                    let uselist = (reg.resolve(class, &rel.name))
                        .is_ok_and(|r| rel.uselist.unwrap_or(r.uselist()));
                    plan.cycle_collection |= uselist;
                    continue;
                }
                let r = reg.resolve(class, &rel.name)?;
                let mut local = local.to_vec();
                local.push(rel.target.clone());
                let innerjoin = innerjoin_for(options, &rel_path).unwrap_or(rel.innerjoin);
                let entity = plan_entity(reg, options, &rel.target, rel_path, &local)?;
                plan.joined.push(JoinedPlan {
                    rel: rel.name.clone(),
                    uselist: rel.uselist.unwrap_or(r.uselist()),
                    after_columns: rel.from_backref,
                    alias: match existing {
                        true => TableRef::Named(r.target.clone()),
                        false => anon_alias(&r.target),
                    },
                    existing,
                    secondary_alias: match (existing, &r.kind, &r.secondary) {
                        (false, RelKind::ManyToMany, Some(s)) => Some(anon_alias(s)),
                        _ => None,
                    },
                    innerjoin,
                    entity,
                });
            }
            strategy @ (Lazy::Selectin | Lazy::Subquery) => {
                let on_path = plan.path.iter().any(|s| s.class == rel.target);
                if chosen.is_none() && (on_path || rel.target == class) {
                    continue;
                }
                plan.post.push(PostPlan {
                    rel: rel.name.clone(),
                    strategy,
                    path: rel_path,
                });
            }
            Lazy::Immediate => plan.immediate.push(rel.name.clone()),
            Lazy::NoLoad => plan.noload.push(rel.name.clone()),
            s @ (Lazy::Raise | Lazy::RaiseOnSql) if chosen.is_some() => {
                plan.raise.push((rel.name.clone(), s))
            }
            Lazy::Select
                if chosen.is_some()
                    && matches!(rel.lazy, Lazy::Raise | Lazy::RaiseOnSql | Lazy::NoLoad) =>
            {
                plan.raise.push((rel.name.clone(), Lazy::Select))
            }
            Lazy::Select | Lazy::Dynamic | Lazy::WriteOnly | Lazy::Raise | Lazy::RaiseOnSql => {}
        }
    }
    Ok(plan)
}

/// The plans of a query's entities (`None` for column expressions), loaded at `base` (the
/// path of the relationship a nested load serves; empty for a top-level query). A
/// top-level query checks that every option starts at one of its entities.
pub fn plan_roots(
    reg: &Registry,
    q: &Query,
    base: &[PathStep],
    options: &[LoaderOption],
) -> Result<Vec<Option<EntityPlan>>, EagerError> {
    let roots: Vec<&str> = q
        .entities
        .iter()
        .filter_map(|e| match e {
            Entity::Class(c) => Some(c.as_str()),
            _ => None,
        })
        .collect();
    let of = |c: &str| {
        let t = reg.mapper(c).map(|m| m.table.clone()).unwrap_or_default();
        format!("Mapper[{c}({t})]")
    };
    if base.is_empty()
        && roots.is_empty()
        && let Some(step) = options.iter().find_map(|o| o.path.first())
    {
        return Err(EagerError::NotARoot(format!(
            "Query has only expression-based entities; attribute loader options for {} can't be applied here.",
            of(&step.class)
        )));
    }
    if base.is_empty()
        && let Some(first) = roots.first()
    {
        for o in options {
            if let Some(step) = o.path.first()
                && !roots.contains(&step.class.as_str())
            {
                return Err(EagerError::NotARoot(format!(
                    "Mapped class {} does not apply to any of the root entities in this query, e.g. {}. Please specify the full path from one of the root entities to the target attribute. ",
                    of(&step.class),
                    of(first)
                )));
            }
        }
    }
    q.entities
        .iter()
        .map(|e| match e {
            Entity::Class(c) => {
                let mut p = plan_entity(reg, options, c, base.to_vec(), std::slice::from_ref(c))?;
                if q.no_eager {
                    p.joined.clear();
                    p.post.clear();
                }
                Ok(Some(p))
            }
            _ => Ok(None),
        })
        .collect()
}
