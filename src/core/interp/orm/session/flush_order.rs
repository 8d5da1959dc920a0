//! The order of a flush's saves, found as SQLAlchemy's unit of work finds it
//! (`unitofwork.py`, `dependency.py`, `util/topological.py`): a graph of per-mapper
//! actions (each mapper's save and delete, each active relationship's two "process"
//! steps), run in subsets (`sort_as_subsets`: a node's subset is one past its deepest
//! predecessor's). Mappers caught in a cycle (a self-referential relationship) are
//! broken up into per-object actions, linked through each object's related objects.
//! Within a subset mappers go by name (the actions' sort keys), and one mapper's
//! objects are saved together, new ones in session order.

use crate::core::fxhash::FxMap;
use std::rc::Rc;

use crate::core::interp::Interp;
use crate::core::interp::value::{Instance, Value};
use crate::core::orm::mapper::RelKind;

/// An action of the unit of work.
#[derive(Clone, Copy, PartialEq)]
enum Node {
    /// `SaveUpdateAll` of a mapper (an index into the flush's classes).
    Save(usize),
    /// `DeleteAll` of a mapper.
    Delete(usize),
    /// `ProcessAll` of a relationship (an index into its dependencies), for deletes or not.
    Process(usize, bool),
    /// `SaveUpdateState` of one object (an index into the saved objects).
    SaveState,
    /// `ProcessState` of a relationship for one object.
    ProcessState,
}

/// An active relationship (SQLAlchemy's dependency processor).
struct Dep {
    parent: usize,
    target: usize,
    kind: RelKind,
    key: Rc<str>,
}

#[derive(Default)]
struct Graph {
    nodes: Vec<Node>,
    edges: Vec<(usize, usize)>,
}

impl Graph {
    /// A per-mapper node's index (made when new).
    fn id(&mut self, n: Node) -> usize {
        match self.nodes.iter().position(|&m| m == n) {
            Some(i) => i,
            None => self.push(n),
        }
    }
    fn push(&mut self, n: Node) -> usize {
        self.nodes.push(n);
        self.nodes.len() - 1
    }
    fn edge(&mut self, a: Node, b: Node) {
        let e = (self.id(a), self.id(b));
        self.edges.push(e);
    }
    /// Whether node `n` lies on a cycle.
    fn on_cycle(&self, n: usize) -> bool {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack = vec![n];
        while let Some(x) = stack.pop() {
            for &(a, b) in &self.edges {
                if a == x {
                    if b == n {
                        return true;
                    }
                    if !seen[b] {
                        seen[b] = true;
                        stack.push(b);
                    }
                }
            }
        }
        false
    }
    /// Each live node's subset: 0 without predecessors, else one past the deepest one's.
    fn layers(&self, live: &[bool]) -> Vec<usize> {
        let n = self.nodes.len();
        let mut indeg = vec![0usize; n];
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &(a, b) in &self.edges {
            if live[a] && live[b] {
                indeg[b] += 1;
                out[a].push(b);
            }
        }
        let mut layer = vec![0usize; n];
        let mut ready: Vec<usize> = (0..n).filter(|&i| live[i] && indeg[i] == 0).collect();
        while let Some(a) = ready.pop() {
            for &b in &out[a] {
                layer[b] = layer[b].max(layer[a] + 1);
                indeg[b] -= 1;
                if indeg[b] == 0 {
                    ready.push(b);
                }
            }
        }
        layer
    }
}

/// Where each object of a flush goes: objects of equal rank are saved together,
/// lower ranks first.
#[derive(Default)]
pub struct FlushOrder {
    by_state: FxMap<usize, usize>,
    /// Each class's rank, for objects that join the flush later.
    by_class: Vec<(Rc<str>, usize)>,
}

impl FlushOrder {
    /// The rank of `inst` (`usize::MAX` for a class not in the flush).
    pub fn rank(&self, inst: &Rc<Instance>) -> usize {
        if !self.by_state.is_empty()
            && let Some(&r) = self.by_state.get(&(Rc::as_ptr(inst) as usize))
        {
            return r;
        }
        // (The name of the model's base class, a single-table hierarchy's mapper, is the
        // one `by_class` holds: found by address first.)
        let model = inst.class.model.borrow();
        model
            .as_ref()
            .and_then(|m| {
                self.by_class
                    .iter()
                    .find(|(c, _)| Rc::ptr_eq(c, &m.base) || **c == *m.base)
            })
            .map_or(usize::MAX, |e| e.1)
    }
}

/// What a relationship attribute holds in an object's dict, as SQLAlchemy's
/// `get_all_pending`: the related objects (`None` for a scalar holding nothing), or
/// nothing when the attribute was never loaded or set.
fn pending(inst: &Instance, key: &str) -> Vec<Option<Rc<Instance>>> {
    match inst.dict.borrow().get(key) {
        Some(Value::List(l)) => l
            .borrow()
            .iter()
            .map(|v| match v {
                Value::Instance(i) => Some(i.clone()),
                _ => None,
            })
            .collect(),
        Some(Value::Instance(i)) => vec![Some(i.clone())],
        Some(_) => vec![None],
        None => Vec::new(),
    }
}

impl Interp<'_> {
    /// The order of the saves of `saves` (new objects in session order, then modified
    /// ones), with the classes of `deleted` also taking part in the flush.
    pub(super) fn flush_order(
        &self,
        saves: &[Rc<Instance>],
        deleted: &[Rc<Instance>],
    ) -> FlushOrder {
        let mut classes: Vec<Rc<str>> = Vec::new();
        let mut class_of: Vec<usize> = Vec::with_capacity(saves.len());
        let index =
            |classes: &mut Vec<Rc<str>>, c: &Rc<str>| match classes.iter().position(|x| x == c) {
                Some(i) => i,
                None => {
                    classes.push(c.clone());
                    classes.len() - 1
                }
            };
        for inst in saves {
            // (Objects of one class in a row, the common case, are indexed without a search.)
            let model = inst.class.model.borrow();
            let ci = match (model.as_ref(), class_of.last()) {
                (Some(m), Some(&last))
                    if classes.get(last).is_some_and(|c| Rc::ptr_eq(c, &m.base)) =>
                {
                    last
                }
                (Some(m), _) => index(&mut classes, &m.base),
                (None, _) => usize::MAX,
            };
            class_of.push(ci);
        }
        for inst in deleted {
            if let Some(m) = inst.class.model_info() {
                index(&mut classes, &m.base);
            }
        }
        // The relationships with flush activity: some object of the mapper has the
        // attribute set or loaded, or (not self-referential) the target mapper takes part.
        let in_flush = classes.len();
        let mut deps: Vec<Dep> = Vec::new();
        for ci in 0..in_flush {
            let class = classes[ci].clone();
            // (A single-table hierarchy saves as its base: its classes' relationships.)
            let mut rels: Vec<(&str, &crate::core::orm::mapper::Relationship)> = Vec::new();
            for mp in self.orm.reg.self_and_descendants(&class) {
                for r in &mp.relationships {
                    if !rels.iter().any(|(_, o)| o.name == r.name) {
                        rels.push((mp.class_name.as_str(), r));
                    }
                }
            }
            for (owner, rel) in rels {
                let Ok(res) = self.orm.reg.resolve(owner, &rel.name) else {
                    continue;
                };
                let target_base = self.orm.reg.base_class(&rel.target);
                let target_in = classes[..in_flush].iter().any(|c| **c == *target_base);
                let active = (target_base != &*class && target_in)
                    || saves
                        .iter()
                        .zip(&class_of)
                        .any(|(s, &c)| c == ci && !pending(s, &rel.name).is_empty());
                if active {
                    let target = index(&mut classes, &Rc::from(target_base));
                    let key = Rc::from(rel.name.as_str());
                    deps.push(Dep {
                        parent: ci,
                        target,
                        kind: res.kind,
                        key,
                    });
                }
            }
        }
        let mut g = Graph::default();
        for ci in 0..classes.len() {
            g.edge(Node::Save(ci), Node::Delete(ci));
        }
        for (di, d) in deps.iter().enumerate() {
            let (after_save, before_delete) = (Node::Process(di, false), Node::Process(di, true));
            g.id(after_save);
            g.id(before_delete);
            let (ps, pd) = (Node::Save(d.parent), Node::Delete(d.parent));
            let (cs, cd) = (Node::Save(d.target), Node::Delete(d.target));
            let edges: &[(Node, Node)] = match d.kind {
                RelKind::OneToMany => &[
                    (ps, after_save),
                    (after_save, cs),
                    (after_save, cd),
                    (cs, pd),
                    (cd, pd),
                    (before_delete, cs),
                    (before_delete, cd),
                ],
                RelKind::ManyToOne => &[(cs, after_save), (after_save, ps), (ps, cd), (pd, cd)],
                RelKind::ManyToMany => &[
                    (ps, after_save),
                    (cs, after_save),
                    (after_save, cd),
                    (before_delete, ps),
                    (before_delete, pd),
                    (before_delete, cd),
                    (before_delete, cs),
                ],
            };
            for &(a, b) in edges {
                g.edge(a, b);
            }
        }
        let mapper_nodes = g.nodes.len();
        let cyc: Vec<bool> = (0..mapper_nodes).map(|i| g.on_cycle(i)).collect();
        let in_cycle = |g: &mut Graph, n: Node| {
            let i = g.id(n);
            cyc.get(i).copied().unwrap_or(false)
        };
        let saves_in_cycle: Vec<bool> = (0..classes.len())
            .map(|ci| in_cycle(&mut g, Node::Save(ci)))
            .collect();
        // Per-object actions of the mappers in a cycle (`per_state_flush_actions`).
        let mut state_node: Vec<Option<usize>> = vec![None; saves.len()];
        let mut disabled = vec![false; g.nodes.len()];
        if saves_in_cycle.contains(&true) {
            for (si, &ci) in class_of.iter().enumerate() {
                if saves_in_cycle.get(ci) == Some(&true) {
                    state_node[si] = Some(g.push(Node::SaveState));
                }
            }
            let pos: FxMap<usize, usize> = saves
                .iter()
                .enumerate()
                .map(|(i, s)| (Rc::as_ptr(s) as usize, i))
                .collect();
            let at = |p: &Rc<Instance>| pos.get(&(Rc::as_ptr(p) as usize)).copied();
            for (di, d) in deps.iter().enumerate() {
                if in_cycle(&mut g, Node::Delete(d.parent)) {
                    disabled[g.id(Node::Process(di, true))] = true;
                }
                if !saves_in_cycle[d.parent] {
                    continue;
                }
                disabled[g.id(Node::Process(di, false))] = true;
                let child_saves = g.id(Node::Save(d.target));
                for (si, s) in saves.iter().enumerate() {
                    let Some(parent) = state_node[si].filter(|_| class_of[si] == d.parent) else {
                        continue;
                    };
                    let items = pending(s, &d.key);
                    if items.is_empty() {
                        continue;
                    }
                    let process = g.push(Node::ProcessState);
                    let children: Vec<usize> = if saves_in_cycle[d.target] {
                        items
                            .iter()
                            .filter_map(|c| c.as_ref().and_then(at).and_then(|i| state_node[i]))
                            .collect()
                    } else {
                        vec![child_saves]
                    };
                    for child in children {
                        match d.kind {
                            RelKind::OneToMany => g.edges.extend([
                                (parent, process),
                                (process, child),
                                (parent, child),
                            ]),
                            RelKind::ManyToOne => {
                                g.edges.extend([(child, process), (process, parent)])
                            }
                            RelKind::ManyToMany => {
                                g.edges.extend([(parent, process), (child, process)])
                            }
                        }
                    }
                }
            }
            disabled.resize(g.nodes.len(), false);
            // The per-mapper edges now point at the per-object actions.
            let cyc_at = |i: usize| cyc.get(i).copied().unwrap_or(false);
            let fan = |i: usize| -> Vec<usize> {
                if !cyc_at(i) {
                    return vec![i];
                }
                match g.nodes[i] {
                    Node::Save(ci) => (0..saves.len())
                        .filter(|&si| class_of[si] == ci)
                        .filter_map(|si| state_node[si])
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let mut edges = Vec::with_capacity(g.edges.len());
            for &(a, b) in &g.edges {
                if disabled[a] || disabled[b] || (cyc_at(a) && cyc_at(b)) {
                    continue;
                }
                let to = fan(b);
                for x in fan(a) {
                    edges.extend(to.iter().map(|&y| (x, y)));
                }
            }
            g.edges = edges;
        }
        let live: Vec<bool> = (0..g.nodes.len())
            .map(|i| {
                !disabled.get(i).copied().unwrap_or(false) && !cyc.get(i).copied().unwrap_or(false)
            })
            .collect();
        let layer = g.layers(&live);
        // Ranks: (subset, per-object before per-mapper actions, mapper name).
        let mut keys: Vec<(usize, bool, Rc<str>)> = Vec::new();
        let mut state_key: Vec<usize> = Vec::with_capacity(saves.len());
        // (A mapper-level action's key, once per class: most flushes have no per-object
        // actions, and a large one saves many objects of a few classes.)
        let mut class_key: Vec<Option<usize>> = vec![None; classes.len()];
        for (si, &ci) in class_of.iter().enumerate() {
            let Some(name) = classes.get(ci) else {
                state_key.push(usize::MAX);
                continue;
            };
            if state_node[si].is_none()
                && let Some(k) = class_key[ci]
            {
                state_key.push(k);
                continue;
            }
            let key = match state_node[si] {
                Some(n) => (layer.get(n).copied().unwrap_or(0), false, name.clone()),
                None => {
                    let n = g.id(Node::Save(ci));
                    (layer.get(n).copied().unwrap_or(0), true, name.clone())
                }
            };
            let k = keys.iter().position(|k| *k == key).unwrap_or(keys.len());
            if k == keys.len() {
                keys.push(key);
            }
            if state_node[si].is_none() {
                class_key[ci] = Some(k);
            }
            state_key.push(k);
        }
        let mut sorted: Vec<usize> = (0..keys.len()).collect();
        crate::core::sort::sort_by(&mut sorted, |&a, &b| keys[a].cmp(&keys[b]));
        let mut rank_of_key = vec![0; keys.len()];
        for (r, &k) in sorted.iter().enumerate() {
            rank_of_key[k] = r;
        }
        let mut order = FlushOrder::default();
        let mut class_rank: Vec<Option<usize>> = vec![None; classes.len()];
        for (si, s) in saves.iter().enumerate() {
            let Some(&r) = state_key.get(si).and_then(|&k| rank_of_key.get(k)) else {
                continue;
            };
            // (Objects of a mapper-level action all have their class's rank: `rank()`
            // finds it by class.)
            if state_node[si].is_some() {
                order.by_state.insert(Rc::as_ptr(s) as usize, r);
            }
            if let Some(c) = class_rank.get_mut(class_of[si]) {
                *c = Some(c.map_or(r, |c| c.max(r)));
            }
        }
        for (ci, r) in class_rank.into_iter().enumerate() {
            if let Some(r) = r {
                order.by_class.push((classes[ci].clone(), r));
            }
        }
        order
    }
}
