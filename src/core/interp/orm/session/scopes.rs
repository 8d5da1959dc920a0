//! The session's `with` blocks: `db.session.no_autoflush`, `db.session.begin()` (commit at
//! the end, roll back on an exception) and `db.session.begin_nested()` (a SAVEPOINT released
//! at the end, rolled back to on an exception).

use std::rc::Rc;

use super::super::super::value::Instance;
use super::super::super::{Interp, R};
use super::super::model::Status;

/// A `with` block of the session.
pub enum SessionScope {
    /// `no_autoflush`; holds whether autoflush was already off when the block began.
    NoAutoflush(std::cell::Cell<bool>),
    /// `begin()`.
    Begin,
    /// `begin_nested()`: how many savepoints were open with it (it is open while as many
    /// are).
    Nested(usize),
}

/// An open SAVEPOINT: its name and the objects pending when it began. Like SQLAlchemy's,
/// it reaches SQLite only with the next statement (`name` is empty until then).
pub struct Savepoint {
    /// `sa_savepoint_N`, once emitted.
    pub name: String,
    /// `session.new` when the savepoint began (by address).
    pub pending_before: Vec<usize>,
    /// How many objects the transaction had inserted when the savepoint began.
    pub inserted_before: usize,
    /// How many objects' rows the transaction had deleted when the savepoint began.
    pub deleted_before: usize,
    /// How many objects the transaction had modified when the savepoint began.
    pub modified_before: usize,
    /// How many primary-key changes the transaction had flushed when it began.
    pub switches_before: usize,
    /// Objects whose changes a flush wrote since it began (expired by its rollback).
    pub flushed: Vec<Rc<Instance>>,
    /// SQLite was outside a transaction when it was emitted, so the SAVEPOINT began one
    /// (pysqlite sends no BEGIN before it) and its RELEASE commits.
    pub began_tx: bool,
}

impl Interp<'_> {
    /// `is_active` of what `begin()` / `begin_nested()` gave: open until it ends, and while
    /// the session has not failed.
    pub(crate) fn scope_is_active(&self, s: &SessionScope) -> bool {
        self.orm.failed.is_none()
            && match s {
                SessionScope::Nested(depth) => self.orm.savepoints.len() >= *depth,
                _ => self.orm.in_tx,
            }
    }

    /// `db.session.begin()`: SQLAlchemy refuses it while a transaction is open (Flask-SQLAlchemy's
    /// session begins one by itself on first use).
    pub fn session_begin(&mut self) -> R<SessionScope> {
        if self.orm.in_tx || self.orm.autobegun {
            return self.raise(
                "InvalidRequestError",
                "A transaction is already begun on this Session.",
            );
        }
        self.begin()?;
        Ok(SessionScope::Begin)
    }

    /// `db.session.begin_nested()`: flushes, then emits `SAVEPOINT sa_savepoint_N`.
    pub fn session_begin_nested(&mut self) -> R<SessionScope> {
        // (It flushes even inside `no_autoflush`.)
        let was = std::mem::replace(&mut self.orm.flushing, false);
        let r = self.flush_pending();
        self.orm.flushing = was;
        r?;
        self.begin()?;
        let pending_before = self
            .orm
            .new
            .iter()
            .map(|i| Rc::as_ptr(i) as usize)
            .collect();
        self.orm.savepoints.push(Savepoint {
            name: String::new(),
            pending_before,
            inserted_before: self.orm.inserted_in_tx.len(),
            deleted_before: self.orm.deleted_in_tx.len(),
            modified_before: self.orm.modified.len(),
            switches_before: self.orm.key_switches.len(),
            flushed: vec![],
            began_tx: false,
        });
        Ok(SessionScope::Nested(self.orm.savepoints.len()))
    }

    /// Emits the SAVEPOINTs begun since the last statement (before the next one runs).
    pub fn emit_savepoints(&mut self) {
        if self.orm.savepoints.iter().all(|s| !s.name.is_empty()) {
            return;
        }
        for i in 0..self.orm.savepoints.len() {
            if self.orm.savepoints[i].name.is_empty() {
                // (pysqlite's legacy transaction control sends no BEGIN before a
                // SAVEPOINT: outside a transaction, the SAVEPOINT itself begins one.)
                self.orm.savepoints[i].began_tx = !std::mem::replace(&mut self.orm.sqlite_tx, true);
                self.orm.savepoint_seq += 1;
                let name = format!("sa_savepoint_{}", self.orm.savepoint_seq);
                self.savepoint_sql(&format!("SAVEPOINT {name}"));
                self.orm.savepoints[i].name = name;
            }
        }
    }

    /// Runs and logs a SAVEPOINT statement (SQLAlchemy's echo shows its empty parameters).
    fn savepoint_sql(&mut self, sql: &str) {
        self.sql_log.push(crate::core::interp::LogEntry {
            sql: sql.into(),
            params: crate::core::interp::LogParams::Text("()".into()),
            elapsed_ms: 0.0,
            rows: 0,
        });
        let _ = self.backend.execute(sql, &[]);
    }

    /// Entering the block.
    pub fn scope_enter(&mut self, s: &SessionScope) {
        if let SessionScope::NoAutoflush(was) = s {
            was.set(std::mem::replace(&mut self.orm.flushing, true));
        }
    }

    /// Leaving the block (`failed`: by an exception).
    pub fn scope_exit(&mut self, s: &SessionScope, failed: bool) -> R<()> {
        match s {
            SessionScope::NoAutoflush(was) => {
                self.orm.flushing = was.get();
                Ok(())
            }
            SessionScope::Begin if failed => self.rollback(),
            // (A commit that fails rolls the whole transaction back: the session is
            // usable again, as after SQLAlchemy's `with session.begin():`.)
            SessionScope::Begin => self.commit().or_else(|e| {
                self.rollback()?;
                Err(e)
            }),
            SessionScope::Nested(_) => {
                if !failed {
                    match self.flush() {
                        Ok(()) => {
                            if let Some(sp) = self.orm.savepoints.pop()
                                && !sp.name.is_empty()
                            {
                                self.savepoint_sql(&format!("RELEASE SAVEPOINT {}", sp.name));
                                if sp.began_tx {
                                    // (Releasing the outermost savepoint committed.)
                                    self.orm.sqlite_tx = false;
                                }
                            }
                            return Ok(());
                        }
                        Err(e) => {
                            self.rollback_savepoint();
                            return Err(e);
                        }
                    }
                }
                self.rollback_savepoint();
                Ok(())
            }
        }
    }

    /// `ROLLBACK TO SAVEPOINT`: objects inserted or added since it began are transient
    /// again, and those changed since are expired (reloaded from the outer transaction).
    fn rollback_savepoint(&mut self) {
        let Some(sp) = self.orm.savepoints.pop() else {
            return;
        };
        if !sp.name.is_empty() {
            self.savepoint_sql(&format!("ROLLBACK TO SAVEPOINT {}", sp.name));
        }
        self.orm.failed = None;
        // (Primary keys changed since it began are the old ones again.)
        let at = sp.switches_before.min(self.orm.key_switches.len());
        let switches: Vec<_> = self.orm.key_switches.drain(at..).collect();
        self.restore_keys(switches);
        let gone: Vec<Rc<Instance>> = self
            .orm
            .deleted_in_tx
            .drain(sp.deleted_before.min(self.orm.deleted_in_tx.len())..)
            .collect();
        for i in gone {
            self.undelete(&i);
        }
        let inserted: Vec<Rc<Instance>> = self
            .orm
            .inserted_in_tx
            .drain(sp.inserted_before.min(self.orm.inserted_in_tx.len())..)
            .collect();
        for i in inserted {
            self.uninsert(&i);
        }
        // (Deletions not flushed are undone too: the savepoint's flush wrote those
        // from before it began.)
        for i in std::mem::take(&mut self.orm.deleted) {
            if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.to_delete = false;
                s.redeleted = false;
            }
        }
        let new = std::mem::take(&mut self.orm.new);
        for i in new {
            if sp.pending_before.contains(&(Rc::as_ptr(&i) as usize)) {
                self.orm.new.push(i);
            } else if let Some(s) = i.orm.borrow_mut().as_mut() {
                s.status = Status::Transient;
            }
        }
        // Objects changed within the savepoint are expired (SQLAlchemy's `_restore_snapshot`
        // with `dirty_only`); the others keep their state.
        let mut changed: Vec<Rc<Instance>> = self
            .orm
            .modified
            .get(sp.modified_before..)
            .unwrap_or_default()
            .to_vec();
        changed.extend(sp.flushed);
        for i in changed {
            self.expire(&i);
        }
    }
}
