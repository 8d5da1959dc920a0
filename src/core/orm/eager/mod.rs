//! Eager loading as data: loader options (`joinedload(User.posts).selectinload(Post.tags)`),
//! the plan of which relationships a load brings in and how (from the options and each
//! relationship's `lazy=`), and the statements SQLAlchemy 2.0 emits for them:
//! - `joined.rs`: LEFT OUTER JOINs on anonymous aliases added to the query itself (wrapped in
//!   a subquery when a joined collection meets LIMIT/OFFSET/DISTINCT/GROUP BY);
//! - `post.rs`: the second SELECTs of `selectin` (`WHERE fk IN (...)`) and `subquery`
//!   (the original query as a subquery joined to the related table) loads.
//!
//! The interpreter runs these statements and populates the relationship attributes.

mod joined;
mod plan;
mod post;

pub use joined::{LoadStatement, RootLayout, compile_loading};
pub use plan::{EntityPlan, JoinedPlan, PostPlan, plan_entity, plan_roots};
pub use post::{
    PostStatement, SELECTIN_CHUNK, selectin_key, selectin_statement, subquery_statement,
};

use crate::core::sql::Expr;
use crate::core::sql::expr::{TableRef, and};

use super::mapper::{Lazy, OrmError, RelKind, ResolvedRel};

/// One step of a loader path: the relationship `class.rel`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PathStep {
    /// Class owning the relationship.
    pub class: String,
    /// Relationship name.
    pub rel: String,
}

impl PathStep {
    /// `class.rel`.
    pub fn new(class: &str, rel: &str) -> Self {
        PathStep {
            class: class.into(),
            rel: rel.into(),
        }
    }
}

/// One loader option: a strategy for the relationship at the end of a path from a root
/// entity. A chained option (`joinedload(A.b).selectinload(B.c)`) is one option per link.
#[derive(Debug, Clone, PartialEq)]
pub struct LoaderOption {
    /// The path from a root entity. With `wildcard`, the path to the entity whose
    /// relationships the option covers (`raiseload('*')`: empty).
    pub path: Vec<PathStep>,
    /// `'*'`: every relationship of the entity `path` reaches.
    pub wildcard: bool,
    /// The strategy; `None` for `defaultload()` (a link of a chain that changes nothing).
    pub strategy: Option<Lazy>,
    /// `joinedload(..., innerjoin=...)`: overrides the relationship's own `innerjoin`.
    pub innerjoin: Option<bool>,
}

/// The `innerjoin=` an option naming `path` exactly gives its joined load (the last one
/// given wins).
pub fn innerjoin_for(options: &[LoaderOption], path: &[PathStep]) -> Option<bool> {
    options
        .iter()
        .rev()
        .find(|o| !o.wildcard && o.strategy.is_some() && o.path == path)
        .and_then(|o| o.innerjoin)
}

/// The strategy options give the relationship at the end of `path` (a full path from the
/// root of the whole load): an option naming that path exactly (the last one given wins),
/// else a wildcard option for the entity the path leaves from.
pub fn option_for(options: &[LoaderOption], path: &[PathStep]) -> Option<Lazy> {
    let exact = options
        .iter()
        .rev()
        .find(|o| !o.wildcard && o.strategy.is_some() && o.path == path);
    if let Some(o) = exact {
        return o.strategy;
    }
    let prefix = &path[..path.len().saturating_sub(1)];
    options
        .iter()
        .rev()
        .find(|o| o.wildcard && o.strategy.is_some() && o.path == prefix)
        .and_then(|o| o.strategy)
}

/// The join condition of a relationship as SQLAlchemy writes it (referred side first),
/// with each side's columns given by `parent`, `target` and `secondary`: the ON clause to
/// the target (or, for many-to-many, to the association table) and the association
/// table's ON clause to the target.
pub fn on_clause(
    r: &ResolvedRel,
    parent: &dyn Fn(&str) -> Expr,
    target: &dyn Fn(&str) -> Expr,
    secondary: &dyn Fn(&str) -> Expr,
) -> (Expr, Option<Expr>) {
    match r.kind {
        RelKind::OneToMany => (
            and(r
                .primary
                .iter()
                .map(|p| parent(&p.referred.1).eq(target(&p.foreign.1)))
                .chain(extra(r, parent, target))
                .collect()),
            None,
        ),
        RelKind::ManyToOne => (
            and(r
                .primary
                .iter()
                .map(|p| target(&p.referred.1).eq(parent(&p.foreign.1)))
                .chain(extra(r, parent, target))
                .collect()),
            None,
        ),
        RelKind::ManyToMany => (
            and(r
                .primary
                .iter()
                .map(|p| parent(&p.referred.1).eq(secondary(&p.foreign.1)))
                .collect()),
            Some(and(r
                .secondary_pairs
                .iter()
                .map(|p| target(&p.referred.1).eq(secondary(&p.foreign.1)))
                .collect())),
        ),
    }
}

/// The primaryjoin's other terms, the target's columns through `target` (the parent's
/// through `parent`, when the target is another table).
fn extra(
    r: &ResolvedRel,
    parent: &dyn Fn(&str) -> Expr,
    target: &dyn Fn(&str) -> Expr,
) -> Vec<Expr> {
    r.extra_with(&|t, c| {
        if t == r.target {
            Some(target(c))
        } else {
            (t == r.parent).then(|| parent(c))
        }
    })
}

/// The parent-side columns of a relationship's join (SQLAlchemy's "local columns"): the
/// referred key for one-to-many and many-to-many, the foreign key for many-to-one.
pub fn local_columns(r: &ResolvedRel) -> Vec<String> {
    r.primary
        .iter()
        .map(|p| match r.kind {
            RelKind::ManyToOne => p.foreign.1.clone(),
            _ => p.referred.1.clone(),
        })
        .collect()
}

/// `e` with the columns of table `table` pointed at `alias` (a relationship's `order_by`
/// for an aliased target).
pub fn retarget(e: &Expr, table: &str, alias: &TableRef) -> Expr {
    e.replace_columns(&|t, name| match t {
        Some(TableRef::Named(n)) if n == table => Some(Expr::col_of(alias, name.to_string())),
        _ => None,
    })
}

/// What can go wrong planning or building eager loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EagerError {
    /// A mapping problem (unknown class or relationship, no join condition).
    Orm(OrmError),
    /// An option whose path does not start at an entity of the query (SQLAlchemy raises
    /// `ArgumentError`); the message is SQLAlchemy's.
    NotARoot(String),
    /// A shape of eager loading ormlab does not build (what, for the message).
    Unsupported(String),
}

impl From<OrmError> for EagerError {
    fn from(e: OrmError) -> Self {
        EagerError::Orm(e)
    }
}

impl std::fmt::Display for EagerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EagerError::Orm(e) => f.write_str(&e.0),
            EagerError::NotARoot(m) => f.write_str(m),
            EagerError::Unsupported(what) => write!(f, "{what} is not supported in ormlab scripts"),
        }
    }
}

/// The error for eager-loading shapes ormlab does not build.
fn unsupported(what: &str) -> EagerError {
    EagerError::Unsupported(what.into())
}

#[cfg(test)]
mod tests;
