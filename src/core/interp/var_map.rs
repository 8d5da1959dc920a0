//! [`VarMap`]: a scope's variables (or an object's attributes) by name, found by a scan.
//! Function and comprehension scopes hold a handful of names, and even a module's globals
//! a few dozen: a scan that compares each entry's length-and-first-byte tag before its
//! text finds them faster than hashing the name would (and adds no hash-map instance to
//! the download). Entries keep the order they were bound in, as a Python `__dict__` does.

use std::rc::Rc;

use super::value::Value;

/// Variables by name, in the order they were first bound.
#[derive(Default)]
pub struct VarMap {
    /// Each name's [`tag`], the name, its value.
    entries: Vec<(u32, Rc<str>, Value)>,
}

/// A name's length and first byte: what a scan compares before the text (names mostly
/// differ there; a one-letter name is told by its tag alone).
fn tag(name: &str) -> u32 {
    ((name.len() as u32) << 8) | u32::from(name.as_bytes().first().copied().unwrap_or(0))
}

impl VarMap {
    /// The position of `name`.
    fn find(&self, name: &str) -> Option<usize> {
        let t = tag(name);
        self.entries
            .iter()
            .position(|(kt, k, _)| *kt == t && (name.len() <= 1 || **k == *name))
    }

    /// The value bound to `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name).map(|i| &self.entries[i].2)
    }

    /// The value bound to `name`, to rebind in place.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.find(name).map(|i| &mut self.entries[i].2)
    }

    /// True when `name` is bound.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// Binds `name`; returns the value it replaced.
    pub fn insert(&mut self, name: Rc<str>, v: Value) -> Option<Value> {
        if let Some(i) = self.find(&name) {
            return Some(std::mem::replace(&mut self.entries[i].2, v));
        }
        self.entries.push((tag(&name), name, v));
        None
    }

    /// Unbinds `name`; returns its value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name)?;
        Some(self.entries.remove(i).2)
    }

    /// The number of names bound.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no name is bound.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The bindings, in the order they were bound.
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.entries.iter().map(|(_, k, v)| (k, v))
    }

    /// The names bound.
    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.entries.iter().map(|(_, k, _)| k)
    }

    /// The values, taken.
    pub fn into_values(self) -> impl Iterator<Item = Value> {
        self.entries.into_iter().map(|(_, _, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_finds_rebinds_and_unbinds() {
        let mut m = VarMap::default();
        let names: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            assert!(
                m.insert(Rc::from(n.as_str()), Value::int(i as i64))
                    .is_none()
            );
        }
        assert_eq!(m.len(), 40);
        assert!(m.insert(Rc::from("v3"), Value::int(99)).is_some());
        assert!(matches!(m.get("v3"), Some(Value::Int(_))));
        for n in names.iter().step_by(3) {
            assert!(m.remove(n).is_some());
        }
        for (i, n) in names.iter().enumerate() {
            assert_eq!(m.contains_key(n), i % 3 != 0, "{n}");
        }
        assert!(m.get("missing").is_none());
        let mut small = VarMap::default();
        small.insert(Rc::from("a"), Value::None);
        small.insert(Rc::from("ab"), Value::None);
        assert!(small.remove("a").is_some());
        assert!(small.contains_key("ab") && !small.contains_key("a"));
    }
}
