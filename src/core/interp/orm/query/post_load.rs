//! The loads that follow a query's rows: `subquery` loads (the origin query wrapped,
//! joined along the path) and `selectin` loads (the related rows for the parents' keys,
//! [`SELECTIN_CHUNK`] keys per SELECT), each grouping the related rows by parent key and
//! setting the parents' relationships.

use crate::core::fxhash::{FxMap, FxSet};
use std::rc::Rc;

use crate::core::orm::eager::{
    EntityPlan, PostPlan, RootLayout, SELECTIN_CHUNK, plan_entity, selectin_key,
    selectin_statement, subquery_statement,
};
use crate::core::sql::SqlValue;

use super::Ent;
use super::eager::{Options, Origin, PendingLoad};
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

/// The instances of a post load's rows grouped by the parent key at `key_cols`, in row
/// order, each once per key (the rows of a joined collection below repeat them).
fn group_rows(
    rows: &[Vec<SqlValue>],
    key_cols: &[usize],
    vals: Vec<Vec<Value>>,
) -> FxMap<String, Vec<Value>> {
    let mut groups: FxMap<String, Vec<Value>> = FxMap::default();
    // (Keyed as `(usize, String)`: the set type other code uses, one copy in the wasm.)
    let mut seen: FxSet<(usize, String)> = FxSet::default();
    for (row, v) in rows.iter().zip(vals) {
        let k: Vec<SqlValue> = key_cols
            .iter()
            .map(|&i| row.get(i).cloned().unwrap_or(SqlValue::Null))
            .collect();
        let Some(v) = v.into_iter().next() else {
            continue;
        };
        let Value::Instance(x) = &v else {
            continue;
        };
        let k = key_of(&k);
        if seen.insert((Rc::as_ptr(x) as usize, k.clone())) {
            groups.entry(k).or_default().push(v);
        }
    }
    groups
}

/// A hashable form of a row's key values.
fn key_of(vals: &[SqlValue]) -> String {
    vals.iter()
        .map(SqlValue::py_repr)
        .collect::<Vec<_>>()
        .join("\u{1}")
}

/// Python's ordering of the keys a many-to-one `selectin` asks for (numbers, then text).
fn sort_keys(keys: &mut [SqlValue]) {
    let rank = |v: &SqlValue| match v {
        SqlValue::Integer(_) | SqlValue::Real(_) => 0,
        SqlValue::Text(_) => 1,
        _ => 2,
    };
    crate::core::sort::sort_by(keys, |a, b| {
        rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
            (SqlValue::Integer(x), SqlValue::Integer(y)) => x.cmp(y),
            (SqlValue::Text(x), SqlValue::Text(y)) => x.cmp(y),
            (x, y) => {
                let f = |v: &SqlValue| match v {
                    SqlValue::Integer(i) => *i as f64,
                    SqlValue::Real(r) => *r,
                    _ => 0.0,
                };
                f(x).total_cmp(&f(y))
            }
        })
    });
}

impl Interp<'_> {
    pub(super) fn uselist_of(&mut self, class: &str, rel: &str) -> R<bool> {
        let reg = &self.orm.reg;
        match (reg.relationship(class, rel), reg.resolve(class, rel)) {
            (Ok(r), Ok(rr)) => Ok(r.uselist.unwrap_or(rr.uselist())),
            (Err(e), _) | (_, Err(e)) => self.raise(e.class(), e.0),
        }
    }

    fn target_plan(
        &mut self,
        class: &str,
        post: &PostPlan,
        options: &Options,
    ) -> R<(String, EntityPlan)> {
        let target = match self.orm.reg.relationship(class, &post.rel) {
            Ok(r) => r.target.clone(),
            Err(e) => return self.raise(e.class(), e.0),
        };
        match plan_entity(
            &self.orm.reg,
            options,
            &target,
            post.path.clone(),
            std::slice::from_ref(&target),
        ) {
            Ok(p) => Ok((target, p)),
            Err(e) => self.eager_error(e),
        }
    }

    /// Sets `parents.<rel>` from the loaded rows grouped by key (`parent_cols` give each
    /// parent's key), unless it already holds a value.
    fn assign_groups(
        &mut self,
        parents: &[(Rc<Instance>, Vec<SqlValue>)],
        rel: &str,
        uselist: bool,
        groups: &FxMap<String, Vec<Value>>,
    ) {
        let key: Rc<str> = Rc::from(rel);
        for (p, k) in parents {
            if self.attr_loaded(p, rel) {
                continue;
            }
            let items = groups.get(&key_of(k)).cloned().unwrap_or_default();
            let v = if uselist {
                Value::list(items)
            } else {
                items.into_iter().next().unwrap_or(Value::None)
            };
            self.set_loaded_relationship(p, &key, v);
        }
    }

    fn keys_of(
        &mut self,
        parents: &[Rc<Instance>],
        cols: &[String],
    ) -> R<Vec<(Rc<Instance>, Vec<SqlValue>)>> {
        let mut out = Vec::with_capacity(parents.len());
        for p in parents {
            let mut k = Vec::with_capacity(cols.len());
            for c in cols {
                k.push(self.col_value(p, c)?);
            }
            out.push((p.clone(), k));
        }
        Ok(out)
    }

    /// A `subquery` load: the origin query wrapped, joined along the path.
    pub(super) fn subquery_load(
        &mut self,
        class: &str,
        post: &PostPlan,
        parents: &[Rc<Instance>],
        origin: Option<&Origin>,
        options: &Options,
    ) -> R<()> {
        let Some(origin) = origin else {
            return self.unsupported(
                "subqueryload() below a selectinload() of a many-to-many relationship",
            );
        };
        let (target, plan) = self.target_plan(class, post, options)?;
        let rel_path = &post.path[origin.base_len.min(post.path.len())..];
        let st = match subquery_statement(&self.orm.reg, &origin.query, rel_path, plan) {
            Ok(s) => s,
            Err(e) => return self.eager_error(e),
        };
        let rows = self.run_select(st.select)?;
        let ents = [Ent::Class(Rc::from(target.as_str()))];
        let vals = self.process_level(
            &rows,
            vec![RootLayout::Entity(st.target)],
            &ents,
            Some(origin),
            options,
        )?;
        let groups = group_rows(&rows, &st.key_cols, vals);
        let keyed = self.keys_of(parents, &st.parent_cols)?;
        let uselist = self.uselist_of(class, &post.rel)?;
        self.assign_groups(&keyed, &post.rel, uselist, &groups);
        Ok(())
    }

    /// A `selectin` load: the related rows for the parents' keys, 500 keys per SELECT.
    pub(super) fn selectin_load(&mut self, p: PendingLoad) -> R<()> {
        let (parent_cols, by_target_key) = match selectin_key(&self.orm.reg, &p.class, &p.plan.rel)
        {
            Ok(k) => k,
            Err(e) => return self.eager_error(e),
        };
        let uselist = self.uselist_of(&p.class, &p.plan.rel)?;
        let mut keyed = self.keys_of(&p.parents, &parent_cols)?;
        let mut none: Vec<(Rc<Instance>, Vec<SqlValue>)> = Vec::new();
        if by_target_key {
            let (with, without): (Vec<_>, Vec<_>) = keyed
                .into_iter()
                .partition(|(_, k)| k.iter().all(|v| *v != SqlValue::Null));
            keyed = with;
            none = without;
        }
        let mut keys: Vec<SqlValue> = keyed
            .iter()
            .filter_map(|(_, k)| k.first().cloned())
            .collect();
        if by_target_key {
            sort_keys(&mut keys);
            keys.dedup();
        }
        let mut groups: FxMap<String, Vec<Value>> = FxMap::default();
        for chunk in keys.chunks(SELECTIN_CHUNK) {
            let (target, plan) = self.target_plan(&p.class, &p.plan, &p.options)?;
            let st = match selectin_statement(&self.orm.reg, &p.class, &p.plan.rel, chunk, plan) {
                Ok(s) => s,
                Err(e) => return self.eager_error(e),
            };
            let rows = self.run_select(st.select)?;
            let ents = [Ent::Class(Rc::from(target.as_str()))];
            let origin = st.origin.map(|query| Origin {
                query,
                base_len: p.plan.path.len(),
            });
            let vals = self.process_level(
                &rows,
                vec![RootLayout::Entity(st.target)],
                &ents,
                origin.as_ref(),
                &p.options,
            )?;
            for (k, items) in group_rows(&rows, &st.key_cols, vals) {
                groups.entry(k).or_default().extend(items);
            }
        }
        self.assign_groups(&keyed, &p.plan.rel, uselist, &groups);
        self.assign_groups(&none, &p.plan.rel, uselist, &FxMap::default());
        Ok(())
    }
}
