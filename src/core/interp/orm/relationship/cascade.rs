//! Delete cascades: children reached through `cascade='delete'` are deleted too; the
//! others have their foreign key set to NULL.

use std::rc::Rc;

use crate::core::interp::orm::Instrumented;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::{JoinPair, Lazy, RelKind, Relationship, ResolvedRel};

/// A one-to-many relationship a delete reaches: whether it cascades the delete, its key
/// pairs, and the parent's persistent children in it.
type Reached = (bool, Vec<JoinPair>, Vec<Rc<Instance>>);

impl Interp<'_> {
    /// Adds children reached through `delete` cascades (of objects found orphaned by the
    /// flush: `session.delete()` marked its own at once). `inserted` are the objects this
    /// flush just inserted: a child added to a deleted parent's collection is left alone
    /// (SQLAlchemy's flush looks at the collection's unchanged members only).
    pub fn cascade_deletes(
        &mut self,
        list: &mut Vec<Rc<Instance>>,
        inserted: &[Rc<Instance>],
    ) -> R<()> {
        // Children whose key is set to NULL: updated together once all are known (one
        // executemany, as SQLAlchemy's flush sends them).
        let mut nulled: Vec<Rc<Instance>> = Vec::new();
        if list.is_empty() {
            return Ok(());
        }
        let inserted: crate::core::interp::value::FxSet<usize> =
            inserted.iter().map(|x| Rc::as_ptr(x) as usize).collect();
        let mut i = 0;
        while i < list.len() {
            let inst = list[i].clone();
            i += 1;
            for (deletes, pairs, children) in self.one_to_many_children(&inst, false)? {
                for ci in children {
                    if inserted.contains(&(Rc::as_ptr(&ci) as usize)) {
                        continue;
                    }
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
    /// cascades (loaded now) are marked deleted too, theirs in turn. The walk is depth
    /// first, as SQLAlchemy's `cascade_iterator`: a relationship's collection is loaded
    /// whole, then each of its members' own relationships before the next member's.
    pub fn cascade_delete_now(&mut self, inst: &Rc<Instance>) -> R<()> {
        /// A step of the walk: an object's relationships from the next one on, or the
        /// members of one collection from the next one on.
        enum Frame {
            Rels(Rc<Instance>, Vec<(Relationship, ResolvedRel)>, usize),
            Members(Vec<Rc<Instance>>, usize),
        }
        let mut list = vec![inst.clone()];
        let rels = self.class_rels(inst);
        let mut stack = vec![Frame::Rels(inst.clone(), rels, 0)];
        while let Some(top) = stack.last_mut() {
            match top {
                Frame::Rels(parent, rels, i) => {
                    let Some((rel, r)) = rels.get(*i).cloned() else {
                        stack.pop();
                        continue;
                    };
                    *i += 1;
                    let parent = parent.clone();
                    if let Some((_, _, members)) = self.reached_by(&parent, &rel, &r, true)? {
                        stack.push(Frame::Members(members, 0));
                    }
                }
                Frame::Members(members, i) => {
                    let Some(ci) = members.get(*i).cloned() else {
                        stack.pop();
                        continue;
                    };
                    *i += 1;
                    // (Whether it is persistent is asked as it is reached: loading an
                    // earlier member's relationships may have flushed it.)
                    if self.status(&ci) == Status::Persistent
                        && !list.iter().any(|d| Rc::ptr_eq(d, &ci))
                    {
                        list.push(ci.clone());
                        let rels = self.class_rels(&ci);
                        stack.push(Frame::Rels(ci, rels, 0));
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

    /// The relationships of `inst`'s class that take part in a flush.
    fn class_rels(&self, inst: &Rc<Instance>) -> Vec<(Relationship, ResolvedRel)> {
        match inst.class.model_info() {
            Some(m) => self.resolved_rels(&m.class),
            None => vec![],
        }
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
        let mut out = vec![];
        for (rel, r) in self.class_rels(parent) {
            if let Some((deletes, pairs, mut members)) =
                self.reached_by(parent, &rel, &r, deleting_only)?
            {
                members.retain(|ci| self.status(ci) == Status::Persistent);
                out.push((deletes, pairs, members));
            }
        }
        Ok(out)
    }

    /// What [`Self::one_to_many_children`] finds through one relationship of `parent`,
    /// pending members included (`None` when the relationship is skipped).
    fn reached_by(
        &mut self,
        parent: &Rc<Instance>,
        rel: &Relationship,
        r: &ResolvedRel,
        deleting_only: bool,
    ) -> R<Option<Reached>> {
        let Some(m) = parent.class.model_info() else {
            return Ok(None);
        };
        let deletes = rel.cascade_set().iter().any(|c| c == "delete");
        // (A many-to-one or many-to-many reaches its objects only to delete them: the
        // row's own key, or the association rows, go with the parent anyway.)
        if (deleting_only || r.kind != RelKind::OneToMany || rel.passive_deletes_all) && !deletes {
            return Ok(None);
        }
        let children = parent.dict.borrow().get(rel.name.as_str()).cloned();
        let children = match children {
            Some(v) => v,
            None if rel.passive_deletes => return Ok(None),
            // (A write-only collection is never loaded whole: its delete cascade is refused.)
            None if rel.lazy == Lazy::WriteOnly && deletes => {
                return self.write_only_unloadable(&m.class, &rel.name);
            }
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
        let members = items
            .into_iter()
            .filter_map(|c| match c {
                Value::Instance(ci) => Some(ci),
                _ => None,
            })
            .collect();
        Ok(Some((deletes, r.primary.clone(), members)))
    }
}
