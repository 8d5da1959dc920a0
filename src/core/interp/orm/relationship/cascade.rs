//! Delete cascades: children reached through `cascade='delete'` are deleted too; the
//! others have their foreign key set to NULL.

use std::rc::Rc;

use crate::core::interp::orm::Instrumented;
use crate::core::interp::orm::model::Status;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::{Lazy, RelKind};

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
            let Some(m) = inst.class.model_info() else {
                continue;
            };
            for (rel, r) in self.resolved_rels(&m.class) {
                if r.kind != RelKind::OneToMany {
                    continue;
                }
                let attr = Instrumented {
                    class: m.class.clone(),
                    key: Rc::from(rel.name.as_str()),
                    column: None,
                    via: None,
                };
                let deletes = rel.cascade_set().iter().any(|c| c == "delete");
                let Some(items) = self.cascade_children(&inst, &rel, &attr)? else {
                    continue;
                };
                for c in items {
                    if let Value::Instance(ci) = c {
                        if deletes {
                            if !list.iter().any(|x| Rc::ptr_eq(x, &ci))
                                && self.status(&ci) == Status::Persistent
                            {
                                list.push(ci);
                            }
                        } else if self.status(&ci) == Status::Persistent {
                            // nullify the child's foreign key
                            for p in &r.primary {
                                self.set_by_col(&ci, &p.foreign.1, Value::None);
                            }
                            if !nulled.iter().any(|x| Rc::ptr_eq(x, &ci)) {
                                nulled.push(ci);
                            }
                        }
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

    /// `session.delete(obj)`'s cascade, at once as SQLAlchemy's: the children of `delete`
    /// cascades (loaded now) are marked deleted too, theirs in turn.
    pub fn cascade_delete_now(&mut self, inst: &Rc<Instance>) -> R<()> {
        let mut list = vec![inst.clone()];
        let mut i = 0;
        while i < list.len() {
            let parent = list[i].clone();
            i += 1;
            let Some(m) = parent.class.model_info() else {
                continue;
            };
            for (rel, r) in self.resolved_rels(&m.class) {
                if r.kind != RelKind::OneToMany || !rel.cascade_set().iter().any(|c| c == "delete")
                {
                    continue;
                }
                let attr = Instrumented {
                    class: m.class.clone(),
                    key: Rc::from(rel.name.as_str()),
                    column: None,
                    via: None,
                };
                for c in self
                    .cascade_children(&parent, &rel, &attr)?
                    .unwrap_or_default()
                {
                    if let Value::Instance(ci) = c
                        && self.status(&ci) == Status::Persistent
                        && !list.iter().any(|d| Rc::ptr_eq(d, &ci))
                    {
                        list.push(ci);
                    }
                }
            }
        }
        // (Marked once all are loaded: an object marked for deletion loads nothing.)
        for ci in list {
            if let Some(s) = ci.orm.borrow_mut().as_mut() {
                s.to_delete = true;
            }
            if !self.orm.deleted.iter().any(|d| Rc::ptr_eq(d, &ci)) {
                self.orm.deleted.push(ci);
            }
        }
        Ok(())
    }

    /// The children of `inst` in one-to-many `rel` a delete cascade reaches: loaded if
    /// they are not (`None` when `passive_deletes` leaves them to the database).
    fn cascade_children(
        &mut self,
        inst: &Rc<Instance>,
        rel: &crate::core::orm::mapper::Relationship,
        attr: &Instrumented,
    ) -> R<Option<Vec<Value>>> {
        let children = inst.dict.borrow().get(rel.name.as_str()).cloned();
        let children = match children {
            Some(v) => v,
            None if rel.passive_deletes => return Ok(None),
            None => {
                if matches!(rel.lazy, Lazy::Dynamic | Lazy::WriteOnly) {
                    let q = self.dynamic_query(inst, &rel.name)?;
                    Value::list(self.query_all(&q)?)
                } else {
                    self.load_relationship(inst, attr)?
                }
            }
        };
        Ok(Some(match &children {
            Value::List(l) => l.borrow().clone(),
            // a one-to-one (`uselist=False`) child
            Value::Instance(_) => vec![children.clone()],
            _ => vec![],
        }))
    }
}
