//! One session per app context, as Flask-SQLAlchemy scopes its session: entering
//! `with app.app_context():` (or `ctx.push()`) inside another context starts a fresh
//! session, and leaving it removes that session (its objects become detached) and makes
//! the outer one current again, with its objects, pending changes and transaction as
//! they were. The database connection is shared, as with SQLAlchemy's `StaticPool` for
//! an in-memory SQLite database.

use std::rc::Rc;

use crate::core::interp::Interp;
use crate::core::interp::value::{FxMap, FxSet, Instance, Value};

use super::super::model::IdentityKey;
use super::super::{DynamicLink, OrmState};
use super::scopes::Savepoint;

/// The state of a session whose app context is not the current one.
#[derive(Default)]
pub struct SessionFrame {
    identity: FxMap<IdentityKey, Rc<Instance>>,
    identity_order: Vec<Rc<Instance>>,
    modified: Vec<Rc<Instance>>,
    modified_set: FxSet<usize>,
    new: Vec<Rc<Instance>>,
    dynamic_links: Vec<DynamicLink>,
    deleted: Vec<Rc<Instance>>,
    inserted_in_tx: Vec<Rc<Instance>>,
    deleted_in_tx: Vec<Rc<Instance>>,
    in_tx: bool,
    autobegun: bool,
    savepoints: Vec<Savepoint>,
    savepoint_seq: u32,
    failed: Option<String>,
    zombies: usize,
}

impl SessionFrame {
    /// Moves the session's state between `orm` and the frame (each gets the other's).
    fn swap(&mut self, orm: &mut OrmState) {
        std::mem::swap(&mut self.identity, &mut orm.identity);
        std::mem::swap(&mut self.identity_order, &mut orm.identity_order);
        std::mem::swap(&mut self.modified, &mut orm.modified);
        std::mem::swap(&mut self.modified_set, &mut orm.modified_set);
        std::mem::swap(&mut self.new, &mut orm.new);
        std::mem::swap(&mut self.dynamic_links, &mut orm.dynamic_links);
        std::mem::swap(&mut self.deleted, &mut orm.deleted);
        std::mem::swap(&mut self.inserted_in_tx, &mut orm.inserted_in_tx);
        std::mem::swap(&mut self.deleted_in_tx, &mut orm.deleted_in_tx);
        std::mem::swap(&mut self.in_tx, &mut orm.in_tx);
        std::mem::swap(&mut self.autobegun, &mut orm.autobegun);
        std::mem::swap(&mut self.savepoints, &mut orm.savepoints);
        std::mem::swap(&mut self.savepoint_seq, &mut orm.savepoint_seq);
        std::mem::swap(&mut self.failed, &mut orm.failed);
        std::mem::swap(&mut self.zombies, &mut orm.zombies);
    }

    /// A change of `inst`, persistent in this (enclosing) session, to flush with it.
    fn note_modified(&mut self, inst: &Rc<Instance>) {
        if self.modified_set.insert(Rc::as_ptr(inst) as usize) {
            self.modified.push(inst.clone());
        }
    }

    /// Every object the frame holds (for the run's teardown).
    pub fn drain_objects(&mut self) -> impl Iterator<Item = Value> + '_ {
        let lists = [
            std::mem::take(&mut self.identity_order),
            std::mem::take(&mut self.modified),
            std::mem::take(&mut self.new),
            std::mem::take(&mut self.deleted),
            std::mem::take(&mut self.inserted_in_tx),
            std::mem::take(&mut self.deleted_in_tx),
        ];
        let links: Vec<Rc<Instance>> = std::mem::take(&mut self.dynamic_links)
            .into_iter()
            .flat_map(|(p, _, c, _)| [p, c])
            .collect();
        let map: Vec<Rc<Instance>> = self.identity.drain().map(|(_, i)| i).collect();
        lists
            .into_iter()
            .flatten()
            .chain(links)
            .chain(map)
            .map(Value::Instance)
    }
}

impl Interp<'_> {
    /// An app context is pushed: a nested one gets a session of its own.
    pub fn push_app_context(&mut self) {
        self.orm.contexts += 1;
        let mut frame = SessionFrame::default();
        frame.swap(&mut self.orm);
        self.orm.outer_sessions.push(frame);
    }

    /// `obj in db.session`: pending or persistent in the current context's session (an
    /// enclosing context's objects are in a session of their own).
    pub fn in_current_session(&self, inst: &Rc<Instance>) -> bool {
        use super::super::model::Status;
        match self.status(inst) {
            Status::Pending => {
                self.orm.outer_sessions.is_empty()
                    || self.orm.new.iter().any(|i| Rc::ptr_eq(i, inst))
            }
            Status::Persistent => {
                self.orm.outer_sessions.is_empty()
                    || self
                        .ident_key(inst)
                        .and_then(|k| self.orm.identity.get(&k))
                        .is_some_and(|i| Rc::ptr_eq(i, inst))
            }
            _ => false,
        }
    }

    /// A change of an object persistent in an enclosing context's session is that
    /// session's to flush (not the current one's): true when `inst` was noted there.
    pub(crate) fn note_modified_in_owner(&mut self, inst: &Rc<Instance>) -> bool {
        if self.orm.outer_sessions.is_empty() || self.in_current_session(inst) {
            return false;
        }
        let Some(key) = self.ident_key(inst) else {
            return false;
        };
        let owner = (self.orm.outer_sessions.iter_mut().rev())
            .find(|f| f.identity.get(&key).is_some_and(|i| Rc::ptr_eq(i, inst)));
        match owner {
            Some(f) => {
                f.note_modified(inst);
                true
            }
            None => false,
        }
    }

    /// An app context is popped: its session is removed (closed: a transaction it left
    /// open is rolled back, its objects are detached), and the enclosing context's
    /// session is current again.
    /// The script's `@app.teardown_appcontext` functions run first (latest registered
    /// first, as Flask calls them), with the exception that ended the block, if any.
    pub fn pop_app_context(&mut self, exc: Option<Value>) -> crate::core::interp::R<()> {
        self.orm.contexts = self.orm.contexts.saturating_sub(1);
        let fs: Vec<Value> = self.orm.teardown_fns.iter().rev().cloned().collect();
        let mut failed = None;
        for f in fs {
            if let Err(e) = self.call(&f, vec![exc.clone().unwrap_or(Value::None)], vec![]) {
                failed = Some(e);
                break;
            }
        }
        self.close_session();
        if let Some(mut frame) = self.orm.outer_sessions.pop() {
            frame.swap(&mut self.orm);
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
