//! Where a `.join()` without an explicit left side joins from, and the ON clause it infers
//! from foreign keys: SQLAlchemy's `_join_determine_implicit_left_side`,
//! `find_left_clause_to_join_from` and `join_condition`.

use crate::core::sql::FromItem;
use crate::core::sql::expr::{Expr, TableRef};

use super::froms::collect_refs;
use super::mapper::{JoinPair, OrmError, Registry};
use super::query::{Entity, Query};
use super::schema::MetaData;

/// The start of an `AmbiguousForeignKeysError`'s message (see [`OrmError::class`]).
pub const AMBIGUOUS_FK: &str = "Can't determine join between";

/// The tables an item's columns come from (an alias's table included), for foreign keys.
fn fk_tables(f: &FromItem, out: &mut Vec<String>) {
    match f {
        FromItem::Table(t) | FromItem::Alias { table: t, .. } => out.push(t.clone()),
        FromItem::Subquery { .. } => {}
        FromItem::Join { left, right, .. } => {
            fk_tables(left, out);
            fk_tables(right, out);
        }
    }
}

/// SQLAlchemy's `join_condition(a, b)` between the tables `lefts` and the table `right`: the
/// pairs of the one foreign key constraint linking them (`right`'s foreign keys to `lefts`
/// first, then theirs to `right`); empty when there is none. Several different constraints
/// are an `AmbiguousForeignKeysError` naming `left_name` and `right`.
pub fn join_condition(
    md: &MetaData,
    lefts: &[String],
    right: &str,
    left_name: &str,
) -> Result<Vec<JoinPair>, OrmError> {
    let mut found: Vec<Vec<JoinPair>> = Vec::new();
    let mut scan = |holder: &str, referred: &[String]| {
        let Some(t) = md.table(holder) else { return };
        for fk in t.foreign_keys() {
            if !referred.contains(&fk.ref_table) {
                continue;
            }
            let pairs: Vec<JoinPair> = (fk.columns.iter().zip(&fk.ref_columns))
                .map(|(c, r)| JoinPair {
                    referred: (fk.ref_table.clone(), r.clone()),
                    foreign: (holder.to_string(), c.clone()),
                    foreign_first: false,
                })
                .collect();
            if !found.contains(&pairs) {
                found.push(pairs);
            }
        }
    };
    scan(right, lefts);
    for l in lefts.iter().filter(|l| *l != right) {
        scan(l, std::slice::from_ref(&right.to_string()));
    }
    if found.len() > 1 {
        return Err(OrmError(format!(
            "{AMBIGUOUS_FK} '{left_name}' and '{right}'; tables have more than one foreign key \
             constraint relationship between them. Please specify the 'onclause' of this join \
             explicitly."
        )));
    }
    Ok(found.pop().unwrap_or_default())
}

/// The ON clause of a join from `item` to `target` inferred from foreign keys, as
/// `Join._match_primaries` does: the right side of a join on the left first, then all of
/// the left's tables. `None` when no foreign key links them.
pub fn inferred_on(
    md: &MetaData,
    item: &FromItem,
    target: &str,
) -> Result<Option<Vec<JoinPair>>, OrmError> {
    if let FromItem::Join { right, .. } = item
        && let FromItem::Table(t) = &**right
    {
        let pairs = join_condition(md, std::slice::from_ref(t), target, t)?;
        if !pairs.is_empty() {
            return Ok(Some(pairs));
        }
    }
    let mut tables = Vec::new();
    fk_tables(item, &mut tables);
    let name = match item {
        FromItem::Table(t) => t.clone(),
        _ => "Join object".to_string(),
    };
    let pairs = join_condition(md, &tables, target, &name)?;
    Ok((!pairs.is_empty()).then_some(pairs))
}

/// The ON clause of a join from `item` to the subquery `sub` (a FROM item of that kind)
/// inferred from foreign keys through the columns it selects, as `join_condition` finds
/// them (`"user".id = anon_1.user_id`). `None` when no foreign key links them.
pub fn subquery_on(md: &MetaData, item: &FromItem, sub: &FromItem) -> Option<Expr> {
    let FromItem::Subquery { select, alias, .. } = sub else {
        return None;
    };
    let labels = super::query::subquery_labels(select);
    let mut lefts = Vec::new();
    fk_tables(item, &mut lefts);
    let mut tables: Vec<&String> = Vec::new();
    for c in &select.columns {
        if let Expr::Column {
            table: Some(TableRef::Named(t)),
            ..
        } = c
            && !tables.contains(&t)
        {
            tables.push(t);
        }
    }
    let mut parts = Vec::new();
    for t in tables {
        // (A column of the subquery's table is read through it: when it selects it.)
        let side = |(tb, c): &(String, String)| match labels.get(&(tb.clone(), c.clone())) {
            Some(l) if tb == t => Some(Expr::col_of(alias, l.clone())),
            _ if tb == t => None,
            _ => Some(Expr::col_of(
                &item
                    .ref_of(tb)
                    .unwrap_or_else(|| TableRef::Named(tb.clone())),
                c.clone(),
            )),
        };
        for p in join_condition(md, &lefts, t, t).unwrap_or_default() {
            if let (Some(r), Some(f)) = (side(&p.referred), side(&p.foreign)) {
                parts.push(r.eq(f));
            }
        }
    }
    (!parts.is_empty()).then(|| crate::core::sql::expr::and(parts))
}

impl Query {
    /// SQLAlchemy's `_join_determine_implicit_left_side`: the index in `froms` of the item a
    /// join to `right` (a class, table, alias or subquery, `what` in messages) joins from.
    /// With nothing selected from yet, the candidates are the entities' tables (the join's
    /// own target left out), and the chosen one is pushed onto `froms`.
    pub(super) fn implicit_left(
        &self,
        reg: &Registry,
        froms: &mut Vec<FromItem>,
        right: &TableRef,
        on: Option<&Expr>,
        what: &str,
    ) -> Result<usize, OrmError> {
        let from_entities = froms.is_empty();
        let candidates: Vec<FromItem> = if from_entities {
            let mut refs: Vec<TableRef> = Vec::new();
            for e in &self.entities {
                let r = match e {
                    Entity::Class(c) => Some(TableRef::Named(reg.table_of(c)?.name.clone())),
                    Entity::Alias { alias, .. } => Some(alias.clone()),
                    Entity::Expr(x) => {
                        let mut v = Vec::new();
                        collect_refs(x, &mut v);
                        v.into_iter().next()
                    }
                };
                if let Some(r) = r
                    && r != *right
                    && !refs.contains(&r)
                {
                    refs.push(r);
                }
            }
            refs.iter().map(|r| reg.from_item_for(r)).collect()
        } else {
            froms.clone()
        };
        let right_item = reg.from_item_for(right);
        let mut right_tables = Vec::new();
        fk_tables(&right_item, &mut right_tables);
        let n = candidates.len();
        let mut idx = Vec::new();
        for (i, f) in candidates.iter().enumerate() {
            if f.table_ref().as_ref() == Some(right) {
                continue;
            }
            let fits = match on {
                Some(on) if n > 1 => {
                    let mut refs = Vec::new();
                    collect_refs(on, &mut refs);
                    refs.iter().all(|r| r == right || f.provides(r))
                }
                Some(_) => true,
                None if matches!(right_item, FromItem::Subquery { .. }) => {
                    subquery_on(&reg.metadata, f, &right_item).is_some()
                }
                None => {
                    let mut tables = Vec::new();
                    fk_tables(f, &mut tables);
                    right_tables.iter().any(|t| {
                        join_condition(&reg.metadata, &tables, t, t).map_or(true, |p| !p.is_empty())
                    })
                }
            };
            if fits {
                idx.push(i);
            }
        }
        if idx.is_empty() && on.is_some() {
            idx = (0..n).collect();
        }
        const HINT: &str = "Please use the .select_from() method to establish an explicit left \
                            side, as well as providing an explicit ON clause if not present \
                            already to help resolve the ambiguity.";
        match idx[..] {
            [i] if from_entities => {
                froms.push(candidates[i].clone());
                Ok(froms.len() - 1)
            }
            [i] => Ok(i),
            [] => Err(OrmError(format!(
                "Don't know how to join to {what}. {HINT}"
            ))),
            _ => Err(OrmError(format!(
                "Can't determine which FROM clause to join from, there are multiple FROMS \
                 which can join to this entity. {HINT}"
            ))),
        }
    }
}
