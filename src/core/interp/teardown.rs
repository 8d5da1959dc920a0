//! Freeing what a run made. Python objects are `Rc`s, and scripts make cycles all the
//! time: a function and the module scope that holds it, a class and its MRO (which starts
//! with itself), parent and child objects linked by a backref. Reference counting never
//! frees a cycle, so without this every run would leave its whole object graph behind
//! (in the page: every Run script, for as long as the tab lives).
//!
//! When a run ends nothing of it is used again (its outcome is plain text), so the
//! teardown walks everything reachable from the roots and empties every mutable container
//! it meets, pushing the contents on to be emptied in turn. An emptied container is
//! empty when met again, so the walk ends, and no cycle survives it.

use std::rc::{Rc, Weak};

use super::Interp;
use super::orm::Native;
use super::value::{Class, FxMap, Scope, Value};

/// Something that may end up in a cycle no root reaches: a class (its MRO starts with
/// itself) or a function scope captured by a closure defined in it (the scope holds the
/// function, the function the scope). Recorded weakly when made.
pub enum CycleRoot {
    /// A class made by a `class` statement.
    Class(Weak<Class>),
    /// A non-module scope captured by a function or lambda.
    Scope(Weak<super::value::ScopeData>),
    /// An object of a Python class or a model (objects linked both ways, such as
    /// backrefs, may be reachable from nothing else once the session forgets them).
    Instance(Weak<super::value::Instance>),
}

impl CycleRoot {
    /// True while what it names exists.
    fn is_alive(&self) -> bool {
        match self {
            CycleRoot::Class(c) => c.strong_count() > 0,
            CycleRoot::Scope(s) => s.strong_count() > 0,
            CycleRoot::Instance(i) => i.strong_count() > 0,
        }
    }
}

/// The least length of `Interp::cycle_roots` at which it is pruned.
pub const MIN_PRUNE_AT: usize = 4096;

impl Interp<'_> {
    /// Records a cycle root for the teardown. Whenever the list has grown to four times
    /// what was alive at the last pruning, the roots already gone are dropped first (the
    /// pruning reads every root's count: a factor of 4, not 2, keeps that to a third of
    /// the roots made when they all stay alive, as a session's objects do, at most three
    /// dead ones per live one kept meanwhile): a dead `Weak` keeps its
    /// object's allocation (not its contents) until it is dropped, so a script that makes
    /// and lets go of objects by the hundred thousand kept them all allocated until the
    /// run ended, fragmenting the allocator (each loop of 100,000 rows or objects
    /// slower than the one before: 85 → 274 ms over five).
    pub fn note_cycle_root(&mut self, root: CycleRoot) {
        if self.cycle_roots.len() >= self.cycle_prune_at {
            self.prune_cycle_roots();
        }
        self.cycle_roots.push(root);
    }

    /// Makes room for `n` more cycle roots, the objects a query is about to load (pruning
    /// first when they would reach the mark, and then setting the mark past them, so that
    /// no pruning reads them while they are made).
    pub fn reserve_cycle_roots(&mut self, n: usize) {
        if self.cycle_roots.len() + n >= self.cycle_prune_at {
            self.prune_cycle_roots();
            self.cycle_prune_at = self.cycle_prune_at.max((self.cycle_roots.len() + n) * 4);
        }
        self.cycle_roots.reserve(n);
    }

    fn prune_cycle_roots(&mut self) {
        self.cycle_roots.retain(CycleRoot::is_alive);
        self.cycle_prune_at = (self.cycle_roots.len() * 4).max(MIN_PRUNE_AT);
    }
}

/// Empties a scope's variables onto the stack (and its parents').
fn drain_scope(scope: &Scope, stack: &mut Vec<Value>) {
    let mut s = Some(scope.clone());
    while let Some(sc) = s {
        stack.extend(std::mem::take(&mut *sc.0.vars.borrow_mut()).into_values());
        s = sc.0.parent.clone();
    }
}

fn drain_class(c: &Class, stack: &mut Vec<Value>) {
    let dict = std::mem::take(&mut *c.dict.borrow_mut());
    stack.extend(dict.into_iter().map(|(_, v)| v));
    let mro = std::mem::take(&mut *c.mro.borrow_mut());
    stack.extend(mro.into_iter().map(Value::Class));
}

impl Interp<'_> {
    /// Breaks every reference cycle the run made (see the module doc). Call once, after
    /// the outcome has been taken.
    pub fn teardown(&mut self) {
        let mut stack: Vec<Value> = Vec::new();
        drain_scope(&self.globals.clone(), &mut stack);
        stack.extend(self.orm.identity_order.drain(..).map(Value::Instance));
        stack.extend(self.orm.new.drain(..).map(Value::Instance));
        stack.extend(self.orm.deleted.drain(..).map(Value::Instance));
        stack.extend(self.orm.inserted_in_tx.drain(..).map(Value::Instance));
        stack.extend(self.orm.deleted_in_tx.drain(..).map(Value::Instance));
        stack.extend(self.orm.deleted_kept.drain(..).map(Value::Instance));
        stack.extend(self.orm.identity.drain().map(|(_, i)| Value::Instance(i)));
        stack.append(&mut self.orm.teardown_fns);
        for sp in std::mem::take(&mut self.orm.savepoints) {
            stack.extend(sp.flushed.into_iter().map(Value::Instance));
        }
        for mut frame in std::mem::take(&mut self.orm.outer_sessions) {
            stack.extend(frame.drain_objects());
        }
        stack.extend(self.orm.classes.drain().map(|(_, c)| Value::Class(c)));
        stack.extend(self.exc.drain().map(|(_, c)| Value::Class(c)));
        stack.push(Value::Class(self.object_class.clone()));
        if let Some(app) = self.orm.app.take() {
            stack.push(app);
        }
        for root in std::mem::take(&mut self.cycle_roots) {
            match root {
                CycleRoot::Class(c) => {
                    if let Some(c) = c.upgrade() {
                        stack.push(Value::Class(c));
                    }
                }
                CycleRoot::Scope(s) => {
                    if let Some(s) = s.upgrade() {
                        drain_scope(&Scope(s), &mut stack);
                    }
                }
                CycleRoot::Instance(i) => {
                    if let Some(i) = i.upgrade() {
                        stack.push(Value::Instance(i));
                    }
                }
            }
        }
        let mut tuples: FxMap<usize, ()> = FxMap::default();
        while let Some(v) = stack.pop() {
            match v {
                Value::List(l) => stack.append(&mut l.borrow_mut()),
                Value::Dict(d) | Value::Set(d) => {
                    let entries = std::mem::take(&mut d.borrow_mut().entries);
                    d.borrow_mut().index.clear();
                    for (k, v) in entries.into_iter().flatten() {
                        stack.push(k);
                        stack.push(v);
                    }
                }
                // Immutable: only their items can lead back (each tuple walked once).
                Value::Tuple(t) if tuples.insert(Rc::as_ptr(&t) as usize, ()).is_none() => {
                    stack.extend(t.iter().cloned());
                }
                Value::Func(f) => {
                    stack.extend(f.defaults.iter().cloned());
                    stack.extend(f.kw_defaults.iter().map(|(_, v)| v.clone()));
                    if let Some(s) = &f.closure {
                        drain_scope(s, &mut stack);
                    }
                }
                Value::Method(m) => {
                    stack.push(m.0.clone());
                    stack.push(m.1.clone());
                }
                Value::BuiltinMethod(m) => stack.push(m.0.clone()),
                Value::Property(p) | Value::ClassMethod(p) | Value::StaticMethod(p) => {
                    stack.push((*p).clone())
                }
                Value::Super(s) => {
                    stack.push(Value::Class(s.0.clone()));
                    stack.push(s.1.clone());
                }
                Value::Class(c) => drain_class(&c, &mut stack),
                Value::Instance(i) => {
                    {
                        // (A model object's dict is mostly empty: nothing to take.)
                        let mut d = i.dict.borrow_mut();
                        if !d.is_empty() {
                            stack.extend(std::mem::take(&mut *d).into_values());
                        }
                    }
                    if let Some(mut st) = i.orm.borrow_mut().take() {
                        stack.extend(st.take_values().into_iter().flatten());
                        stack.extend(st.committed.into_iter().flatten().flatten());
                        if let Some(rels) = st.rel_committed.into_map() {
                            stack.extend(rels.into_values());
                        }
                        match st.identity {
                            Some(crate::core::interp::orm::identity::Ident::One(v)) => {
                                stack.push(v)
                            }
                            Some(crate::core::interp::orm::identity::Ident::Many(vs)) => {
                                stack.extend(vs)
                            }
                            None => {}
                        }
                    }
                    drain_class(&i.class, &mut stack);
                }
                Value::Native(n) => {
                    if let Native::App(cfg, _) = &*n {
                        stack.push(std::mem::replace(&mut *cfg.borrow_mut(), Value::None));
                    }
                    if let Native::DictView(_, src) = &*n {
                        stack.push(src.clone());
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Backend, BackendError, QueryResult, RunOptions};
    use super::*;
    use crate::core::diag::LineIndex;
    use crate::core::sql::SqlValue;

    struct NoDb;

    impl Backend for NoDb {
        fn execute(&mut self, _: &str, _: &[SqlValue]) -> Result<QueryResult, BackendError> {
            Ok(QueryResult::default())
        }
    }

    /// Runs `src`, keeps weak handles on what it names in `names`, tears down, and
    /// checks that every one of them was freed.
    fn freed_after_teardown(src: &str, names: &[&str]) {
        let parsed = crate::core::lang::parse(src);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let mut db = NoDb;
        let mut it = Interp::new(&mut db, RunOptions::default(), vec![LineIndex::new(src)]);
        let _ = it.exec_module(&parsed.module);
        let vars = it.globals.0.vars.borrow();
        let weak: Vec<(String, Box<dyn Fn() -> bool>)> = names
            .iter()
            .map(|n| {
                let v = vars.get(n).cloned().expect("name bound by the script");
                let alive: Box<dyn Fn() -> bool> = match v {
                    Value::Instance(i) => {
                        let w = Rc::downgrade(&i);
                        Box::new(move || w.upgrade().is_some())
                    }
                    Value::List(l) => {
                        let w = Rc::downgrade(&l);
                        Box::new(move || w.upgrade().is_some())
                    }
                    Value::Class(c) => {
                        let w = Rc::downgrade(&c);
                        Box::new(move || w.upgrade().is_some())
                    }
                    Value::Func(f) => {
                        let w = Rc::downgrade(&f);
                        Box::new(move || w.upgrade().is_some())
                    }
                    _ => panic!("unexpected value for {n}"),
                };
                (n.to_string(), alive)
            })
            .collect();
        drop(vars);
        it.teardown();
        drop(it);
        for (n, alive) in weak {
            assert!(!alive(), "{n} survived the run (a reference cycle)");
        }
    }

    #[test]
    fn cycles_a_run_makes_are_freed() {
        freed_after_teardown(
            "class Node:\n    def __init__(self):\n        self.peer = None\n\
             a = Node()\nb = Node()\na.peer = b\nb.peer = a\n\
             xs = []\nxs.append(xs)\n\
             def outer():\n    def inner(n):\n        return inner(n - 1) if n else 0\n    return inner\n\
             f = outer()\n",
            &["a", "b", "xs", "Node", "f"],
        );
    }

    /// Objects made and let go in a loop do not pile up as cycle roots (each would keep
    /// its allocation until the run ends); the ones still alive, cycles included, stay
    /// roots and are freed by the teardown.
    #[test]
    fn roots_of_objects_let_go_are_pruned() {
        let src = "class P:\n    def __init__(self, x):\n        self.x = x\n\
                   keep = []\n\
                   for i in range(50000):\n    p = P(i)\n    if i % 10000 == 0:\n        keep.append(p)\n\
                   a = P(1)\nb = P(2)\na.x = b\nb.x = a\n";
        let parsed = crate::core::lang::parse(src);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let mut db = NoDb;
        let mut it = Interp::new(&mut db, RunOptions::default(), vec![LineIndex::new(src)]);
        let _ = it.exec_module(&parsed.module);
        assert!(
            it.cycle_roots.len() < 2 * MIN_PRUNE_AT,
            "{} roots",
            it.cycle_roots.len()
        );
        let a = match it.globals.0.vars.borrow().get("a").cloned() {
            Some(Value::Instance(i)) => Rc::downgrade(&i),
            _ => panic!("a is an instance"),
        };
        it.teardown();
        drop(it);
        assert!(
            a.upgrade().is_none(),
            "a cycle made after the pruning survived the run"
        );
    }
}
