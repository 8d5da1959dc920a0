//! Object identities: primary-key values ([`Ident`]) and the identity map's keys
//! ([`IdentityKey`]).

use std::rc::Rc;

use crate::core::interp::value::{HKey, Value};

/// An object's identity: its primary-key values (one column's without a vector).
#[derive(Clone)]
pub enum Ident {
    /// A one-column key.
    One(Value),
    /// A composite key.
    Many(Vec<Value>),
}

impl Ident {
    /// The identity of primary-key values in key order (one value: [`Ident::One`]).
    pub fn from_values(mut values: Vec<Value>) -> Self {
        match values.len() {
            1 => Ident::One(values.pop().unwrap_or(Value::None)),
            _ => Ident::Many(values),
        }
    }

    /// The values, in primary-key column order.
    pub fn values(&self) -> &[Value] {
        match self {
            Ident::One(v) => std::slice::from_ref(v),
            Ident::Many(v) => v,
        }
    }

    /// The values, owned.
    pub fn into_values(self) -> Vec<Value> {
        match self {
            Ident::One(v) => vec![v],
            Ident::Many(v) => v,
        }
    }
}

/// An identity-map key: a table and primary-key values. Hashed by the values alone (a
/// run has few tables, and the table name is compared, by address first, only when two
/// keys' values meet), so a lookup does not hash the table's name.
#[derive(Clone, Debug)]
pub struct IdentityKey {
    /// The table's name.
    pub table: Rc<str>,
    /// The primary-key values (see [`identity_key`]).
    pub key: HKey,
}

impl IdentityKey {
    /// The key of `key` in `table`.
    pub fn new(table: &Rc<str>, key: HKey) -> Self {
        IdentityKey {
            table: table.clone(),
            key,
        }
    }
}

impl PartialEq for IdentityKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
            && (Rc::ptr_eq(&self.table, &other.table) || self.table == other.table)
    }
}

impl Eq for IdentityKey {}

impl std::hash::Hash for IdentityKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

/// The identity-map key of primary-key values: the value's own key for a one-column
/// key (no allocation), a tuple for composite keys.
pub fn identity_key(ids: &[Value]) -> HKey {
    match ids {
        [one] => one.hkey().unwrap_or(HKey::Tuple(vec![])),
        many => HKey::Tuple(many.iter().filter_map(|v| v.hkey()).collect()),
    }
}
