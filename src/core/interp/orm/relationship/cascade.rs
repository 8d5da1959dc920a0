//! Delete cascades: children reached through `cascade='delete'` are deleted too; the
//! others have their foreign key set to NULL.

use std::rc::Rc;

use crate::core::interp::orm::Instrumented;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::{JoinPair, Lazy, RelKind};

/// A one-to-many relationship a delete reaches: whether it cascades the delete, its key
/// pairs, and the parent's persistent children in it.
type Reached = (bool, Vec<JoinPair>, Vec<Rc<Instance>>);

impl Interp<'_> {
    /// Adds children reached through `delete` cascades.
    pub fn cascade_deletes(&mut self, list: &mut Vec<Rc<Instance>>) -> R<()> {
        // Children whose key is set to NULL: updated together once all are known (one
        // executemany, as SQLAlchemy's flush sends them).
        let mut nulled: Vec<Rc<Instance>> = Vec::new();
        let mut i = 0;
        while i < list.len() {
            let inst = list[i].clone();
            i += 1;
            for (deletes, pairs, children) in self.one_to_many_children(&inst, false)? {
                for ci in children {
                    if deletes {
                        if !list.iter().any(|x| Rc::ptr_eq(x, &ci)) {
                            list.push(ci);
                        }
                        continue;
                    }
                    // A child deleted in the same flush keeps its key (SQLAlchemy's
                    // `_synchronize` skips `is_deleted` objects).
                    let deleted = list.iter().any(|x| Rc::ptr_eq(x, &ci))
                        || ci.orm.borrow().as_ref().is_some_and(|s| s.to_delete);
                    if deleted {
                        continue;
                    }
                    // nullify the child's foreign key
                    for p in &pairs {
                        self.blank_out(&ci, p)?;
                    }
                    if !nulled.iter().any(|x| Rc::ptr_eq(x, &ci)) {
                        nulled.push(ci);
                    }
                }
            }
        }
        if nulled.is_empty() {
            return Ok(());
        }
        // (The regular flush path, over these objects only.)
        let saved = std::mem::replace(&mut self.orm.identity_order, nulled);
        let r = self.flush_updates_only();
        self.orm.identity_order = saved;
        r
    }

    /// Sets `child`'s side of `pair` to NULL, as the flush does for a child leaving its
    /// parent; SQLAlchemy refuses when that column is part of the child's primary key.
    pub(crate) fn blank_out(&mut self, child: &Rc<Instance>, pair: &JoinPair) -> R<()> {
        if let Some(m) = child.class.model_info()
            && m.pk.iter().any(|&k| *m.columns[k].1 == *pair.foreign.1)
            && !matches!(self.attr_by_col(child, &pair.foreign.1), Value::None)
        {
            return self.raise(
                "AssertionError",
                format!(
                    "Dependency rule on column '{}.{}' tried to blank-out primary key column '{}.{}' on instance '<{} at 0x7f0000000000>'",
                    pair.referred.0, pair.referred.1, pair.foreign.0, pair.foreign.1, m.class
                ),
            );
        }
        self.set_by_col(child, &pair.foreign.1, Value::None);
        Ok(())
    }

    /// `session.delete(obj)`'s cascade, at once as SQLAlchemy's: the children of `delete`
    /// cascades (loaded now) are marked deleted too, theirs in turn.
    pub fn cascade_delete_now(&mut self, inst: &Rc<Instance>) -> R<()> {
        let mut list = vec![inst.clone()];
        let mut i = 0;
        while i < list.len() {
            let parent = list[i].clone();
            i += 1;
            for (_, _, children) in self.one_to_many_children(&parent, true)? {
                for ci in children {
                    if !list.iter().any(|d| Rc::ptr_eq(d, &ci)) {
                        list.push(ci);
                    }
                }
            }
        }
        // (Marked once all are loaded: an object marked for deletion loads nothing.)
        for ci in &list {
            self.mark_deleted(ci);
        }
        Ok(())
    }

    /// Marks `inst` for deletion by the next flush (once), as `session.delete()` does.
    pub(crate) fn mark_deleted(&mut self, inst: &Rc<Instance>) {
        if let Some(s) = inst.orm.borrow_mut().as_mut() {
            s.to_delete = true;
        }
        if !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, inst)) {
            self.orm.deleted.push(inst.clone());
        }
    }

    /// The persistent children of `parent` in each of its one-to-many relationships, and
    /// the objects of its many-to-one and many-to-many ones that cascade deletes (loaded
    /// if they are not; none where `passive_deletes` leaves them to the database), with
    /// whether the relationship cascades deletes and its key pairs. `deleting_only` skips
    /// (and loads nothing of) the relationships that do not cascade deletes.
    fn one_to_many_children(
        &mut self,
        parent: &Rc<Instance>,
        deleting_only: bool,
    ) -> R<Vec<Reached>> {
        let Some(m) = parent.class.model_info() else {
            return Ok(vec![]);
        };
        let mut out = vec![];
        for (rel, r) in self.resolved_rels(&m.class) {
            let deletes = rel.cascade_set().iter().any(|c| c == "delete");
            // (A many-to-one or many-to-many reaches its objects only to delete them: the
            // row's own key, or the association rows, go with the parent anyway.)
            if (deleting_only || r.kind != RelKind::OneToMany || rel.passive_deletes_all)
                && !deletes
            {
                continue;
            }
            let children = parent.dict.borrow().get(rel.name.as_str()).cloned();
            let children = match children {
                Some(v) => v,
                None if rel.passive_deletes => continue,
                None if matches!(rel.lazy, Lazy::Dynamic | Lazy::WriteOnly) => {
                    let q = self.dynamic_query(parent, &rel.name)?;
                    Value::list(self.query_all(&q)?)
                }
                None => {
                    let attr = Instrumented {
                        class: m.class.clone(),
                        key: Rc::from(rel.name.as_str()),
                        column: None,
                        via: None,
                    };
                    self.load_relationship(parent, &attr)?
                }
            };
            let items = match children {
                Value::List(l) => l.borrow().clone(),
                // a one-to-one (`uselist=False`) child
                one @ Value::Instance(_) => vec![one],
                _ => vec![],
            };
            let persistent = items
                .into_iter()
                .filter_map(|c| match c {
                    Value::Instance(ci) if self.status(&ci) == Status::Persistent => Some(ci),
                    _ => None,
                })
                .collect();
            out.push((deletes, r.primary, persistent));
        }
        Ok(out)
    }
}
