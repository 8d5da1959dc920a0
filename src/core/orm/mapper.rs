//! Mapped classes and relationships as plain data (what `class X(db.Model)` and
//! `db.relationship(...)` declare), and relationship resolution from foreign keys.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::core::sql::expr::{Expr, Op, TableRef, and};

use super::schema::{MetaData, Table};

/// `lazy=` loader strategy of a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lazy {
    /// `lazy=True` / `'select'`: load on first access with a separate SELECT.
    #[default]
    Select,
    /// `lazy='dynamic'`: an `AppenderQuery`.
    Dynamic,
    /// `lazy='write_only'` (`WriteOnlyMapped[...]`): a `WriteOnlyCollection`, never loaded;
    /// `add()`/`remove()` and `select()`.
    WriteOnly,
    /// `lazy='joined'`: LEFT OUTER JOIN eager load.
    Joined,
    /// `lazy='subquery'`: subquery eager load.
    Subquery,
    /// `lazy='selectin'`: SELECT ... IN eager load.
    Selectin,
    /// `lazy='immediate'` / `immediateload()`: each loaded object's relationship loaded
    /// at once with the lazy-load SELECT (a many-to-one found in the identity map
    /// needs none).
    Immediate,
    /// `lazy='noload'` (or `lazy=None`): never loaded, an empty collection / `None`.
    NoLoad,
    /// `lazy='raise'`: accessing an unloaded value raises `InvalidRequestError`.
    Raise,
    /// `lazy='raise_on_sql'`: raises only when loading would need SQL.
    RaiseOnSql,
    /// `contains_eager()` (a loader option, never a relationship's own strategy): loaded
    /// from the columns of the target table the query joins itself.
    ContainsEager,
}

/// The direction of a relationship (SQLAlchemy's `MANYTOONE`, `ONETOMANY`, `MANYTOMANY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelKind {
    /// The parent table holds the foreign key (`Post.author`).
    ManyToOne,
    /// The target table holds the foreign key (`User.posts`).
    OneToMany,
    /// Through a `secondary` association table.
    ManyToMany,
}

/// `db.relationship(...)` (or the reverse side created by `backref=`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relationship {
    /// Attribute name on the parent class.
    pub name: String,
    /// Target class name.
    pub target: String,
    /// `secondary=` association table name.
    pub secondary: Option<String>,
    /// `back_populates=`.
    pub back_populates: Option<String>,
    /// `backref=` name (the registry creates the reverse relationship).
    pub backref: Option<String>,
    /// `lazy=` of the backref (`db.backref('pages', lazy=...)`).
    pub backref_lazy: Lazy,
    /// A `lazy=` of the backref that names no loader strategy.
    pub backref_bad_lazy: Option<String>,
    /// `uselist=` of the backref (`db.backref('profile', uselist=False)`: one-to-one).
    pub backref_uselist: Option<bool>,
    /// `cascade=` of the backref (empty: the default).
    pub backref_cascade: String,
    /// `innerjoin=` of the backref (its joined eager load an inner JOIN).
    pub backref_innerjoin: bool,
    /// `backref(..., single_parent=True)`.
    pub backref_single_parent: bool,
    /// `collection_class=` was given (the collection is still held as a list).
    pub custom_collection: bool,
    /// `order_by=` of the backref.
    pub backref_order_by: Vec<Expr>,
    /// Its strings naming a class not mapped yet (see [`Relationship::pending_order_by`]).
    pub backref_pending_order_by: Vec<PendingOrderBy>,
    /// `lazy=`.
    pub lazy: Lazy,
    /// A `lazy=` that names no loader strategy (`'dynamics'`): SQLAlchemy's
    /// `LoaderStrategyException` when the mappers are configured.
    pub bad_lazy: Option<String>,
    /// `lazy=True` / `lazy=False` as given (what `.lazy` reads back), `None` for a name.
    pub lazy_flag: Option<bool>,
    /// `cascade=` as written (`"all, delete-orphan"`); empty means the default `"save-update, merge"`,
    /// `"none"` (also what `cascade=''` is kept as) no cascade at all.
    pub cascade: String,
    /// `order_by=` expressions.
    pub order_by: Vec<Expr>,
    /// `passive_deletes=True`: deleting the parent does not load an unloaded collection
    /// to delete or detach its children (the database's `ON DELETE` does that).
    pub passive_deletes: bool,
    /// `passive_deletes='all'`: not even loaded children are detached (their foreign keys
    /// are left as they are) when the parent is deleted.
    pub passive_deletes_all: bool,
    /// `viewonly=True`: the relationship loads, and a flush writes nothing through it (no
    /// foreign key copied, no association row).
    pub viewonly: bool,
    /// `single_parent=True`: an object is referred to by one parent at a time (what a
    /// `delete-orphan` many-to-one or many-to-many requires).
    pub single_parent: bool,
    /// `innerjoin=True`: its joined eager load is an inner JOIN (parents without a related
    /// row are left out), not a LEFT OUTER JOIN.
    pub innerjoin: bool,
    /// `primaryjoin=` as join pairs (the foreign keys' automatic condition otherwise).
    pub primaryjoin: Option<Vec<JoinPair>>,
    /// The `primaryjoin=` terms besides its foreign-key pairs (`Article.published == True`):
    /// part of the condition wherever it is used.
    pub primaryjoin_extra: Vec<Expr>,
    /// `primaryjoin=`/`secondaryjoin=` strings (`true`: the primaryjoin) not evaluated yet:
    /// they are once the classes they name are mapped.
    pub join_strings: Vec<(bool, String)>,
    /// `secondaryjoin=` as join pairs (target ↔ the `secondary` table).
    pub secondaryjoin: Option<Vec<JoinPair>>,
    /// `order_by=` strings beyond `Class.column` forms (`'func.lower(Tag.name)'`,
    /// `'Result.place.nulls_last()'`), by their entry in `order_by` (a placeholder until
    /// then): evaluated, as SQLAlchemy evaluates them, once the classes they name exist.
    pub order_by_strings: Vec<(usize, String)>,
    /// `order_by=` strings (`'Book.year'`, `'desc(Book.year)'`) whose class was not mapped
    /// yet when the relationship was declared: [`Registry::finalize`] points their
    /// entries in `order_by` at the class's table once it is.
    pub pending_order_by: Vec<PendingOrderBy>,
    /// `uselist=` (`None`: collection unless many-to-one).
    pub uselist: Option<bool>,
    /// `foreign_keys=` column names restricting which FK columns are used (a string's
    /// `Class.attr` is kept whole until [`Registry::finalize`] finds that attribute's
    /// column).
    pub foreign_keys: Vec<String>,
    /// Direction override (for self-referential relationships: `remote_side=`).
    pub direction: Option<RelKind>,
    /// Created by the other side's `backref=` (SQLAlchemy adds those properties after the
    /// class's own columns, which decides where eager-loaded columns go).
    pub from_backref: bool,
}

/// An `order_by=` string naming a class mapped later (SQLAlchemy evaluates these
/// strings when mappers are configured, after every class is declared).
#[derive(Debug, Clone, PartialEq)]
pub struct PendingOrderBy {
    /// Position of its placeholder in [`Relationship::order_by`].
    pub index: usize,
    /// The class the string names.
    pub class: String,
    /// The column (attribute) name.
    pub column: String,
    /// `desc(...)` / `.desc()`.
    pub desc: bool,
    /// The string as given (named by the error when the class never exists).
    pub source: String,
}

impl Relationship {
    /// `db.relationship(target)` named `name`.
    pub fn new(name: &str, target: &str) -> Self {
        Relationship {
            name: name.into(),
            target: target.into(),
            ..Default::default()
        }
    }
    /// `secondary=`.
    pub fn secondary(mut self, table: &str) -> Self {
        self.secondary = Some(table.into());
        self
    }
    /// `backref=`.
    pub fn backref(mut self, name: &str) -> Self {
        self.backref = Some(name.into());
        self
    }
    /// `back_populates=`.
    pub fn back_populates(mut self, name: &str) -> Self {
        self.back_populates = Some(name.into());
        self
    }
    /// `lazy=`.
    pub fn lazy(mut self, lazy: Lazy) -> Self {
        self.lazy = lazy;
        self
    }
    /// `cascade=`.
    pub fn cascade(mut self, cascade: &str) -> Self {
        self.cascade = cascade.into();
        self
    }
    /// Cascade options in effect (`all` expanded; default `save-update, merge`).
    pub fn cascade_set(&self) -> Vec<String> {
        if self.cascade.trim().is_empty() {
            return vec!["save-update".into(), "merge".into()];
        }
        let mut out = Vec::new();
        for part in self
            .cascade
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            if part == "all" {
                for p in [
                    "save-update",
                    "merge",
                    "refresh-expire",
                    "expunge",
                    "delete",
                ] {
                    out.push(p.to_string());
                }
            } else if part != "none" {
                out.push(part.to_string());
            }
        }
        out
    }
}

/// A mapped class: `class_name` ↔ `table`, plus its relationships.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapper {
    /// Python class name.
    pub class_name: String,
    /// Mapped table name.
    pub table: String,
    /// Relationships (including reverse sides created by backrefs after [`Registry::finalize`]).
    pub relationships: Vec<Relationship>,
    /// `column_property()` attributes: key and expression (anonymously labeled), in
    /// mapping order.
    pub column_props: Vec<(String, crate::core::sql::Expr)>,
    /// How many of `column_props` (the class body's) a SELECT of the class lists before
    /// the table's columns (the others come after them).
    pub props_first: usize,
    /// Single-table inheritance: the mapped class this one inherits from (its table is
    /// the parent's).
    pub inherits: Option<String>,
    /// The table as this class maps it when the class maps only some of its columns (a
    /// class of a single-table hierarchy: its own and its ancestors' columns, not its
    /// siblings'): same name, and what [`Registry::table_of`] gives for the class.
    pub view: Option<Table>,
    /// `__mapper_args__['polymorphic_on']`: the discriminator column's name (the
    /// hierarchy's, inherited).
    pub polymorphic_on: Option<String>,
    /// `__mapper_args__['polymorphic_identity']`: the discriminator value of its rows.
    pub identity: Option<crate::core::sql::SqlValue>,
    /// The attribute keys of its deferred columns (`deferred(Column(...))`), which its
    /// loads leave out unless undeferred.
    pub deferred: Vec<String>,
}

impl Mapper {
    /// A mapper without relationships.
    pub fn new(class_name: &str, table: &str) -> Self {
        Mapper {
            class_name: class_name.into(),
            table: table.into(),
            relationships: vec![],
            column_props: vec![],
            props_first: 0,
            inherits: None,
            view: None,
            polymorphic_on: None,
            identity: None,
            deferred: vec![],
        }
    }
    /// Add a relationship.
    pub fn relationship(mut self, r: Relationship) -> Self {
        self.relationships.push(r);
        self
    }
}

/// An ORM error (unknown class/attribute, no join path...), message like SQLAlchemy's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrmError(pub String);

impl OrmError {
    /// The Python exception class it raises: `CompileError` for an unresolvable
    /// `order_by('name')`, `AmbiguousForeignKeysError` for a join two foreign keys could
    /// make, else `InvalidRequestError`.
    pub fn class(&self) -> &'static str {
        if self.0.starts_with(super::froms::LABEL_REF_ERROR) {
            "CompileError"
        } else if self.0.starts_with(super::join_from::AMBIGUOUS_FK) {
            "AmbiguousForeignKeysError"
        } else if self.0.ends_with(UNSUPPORTED) {
            "NotImplementedError"
        } else {
            "InvalidRequestError"
        }
    }
}

/// The end of an [`OrmError`]'s message for what ormlab does not do (a
/// `NotImplementedError`, as the interpreter's own refusals are).
pub const UNSUPPORTED: &str = " is not supported in ormlab scripts";

/// `db.Model.registry` + `db.metadata`: everything query compilation needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Registry {
    /// Tables.
    pub metadata: MetaData,
    /// Mapped classes in definition order.
    pub mappers: Vec<Mapper>,
    /// The subqueries and CTEs made so far (`.subquery()`, `.cte()`; `FromItem::Subquery`
    /// items): a query selecting a column of one with no FROM item for it selects from it.
    pub subqueries: Vec<crate::core::sql::FromItem>,
    /// Named aliases of tables (`aliased(Model, name='mgr')`: `mgr` → the model's table).
    pub named_aliases: Vec<(String, String)>,
}

/// One `referred = foreign` column pair of a join condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinPair {
    /// Referred (usually primary key) side: `(table, column)`.
    pub referred: (String, String),
    /// Foreign key side: `(table, column)`.
    pub foreign: (String, String),
    /// Written `foreign = referred` in an explicit `primaryjoin=`/`secondaryjoin=`
    /// (SQL keeps the order it was written in; automatic conditions put the
    /// referred side first).
    pub foreign_first: bool,
}

/// A relationship with its join conditions worked out from the foreign keys.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedRel {
    /// Direction.
    pub kind: RelKind,
    /// Parent table.
    pub parent: String,
    /// Target table.
    pub target: String,
    /// Association table (many-to-many).
    pub secondary: Option<String>,
    /// Parent ↔ target (or parent ↔ secondary) pairs: the primaryjoin.
    pub primary: Vec<JoinPair>,
    /// Target ↔ secondary pairs: the secondaryjoin.
    pub secondary_pairs: Vec<JoinPair>,
    /// The primaryjoin's other terms ([`Relationship::primaryjoin_extra`]).
    pub extra: Vec<Expr>,
}

static NEXT_ALIAS: AtomicU32 = AtomicU32::new(1);

/// A fresh anonymous alias (`<base>_N` once rendered).
pub fn anon_alias(base: &str) -> TableRef {
    TableRef::Anon {
        base: base.into(),
        id: NEXT_ALIAS.fetch_add(1, Ordering::Relaxed),
    }
}

/// `e` with table `table` taken as `alias`, inside its subqueries too (SQLAlchemy's
/// `ClauseAdapter`: a correlated subquery correlates to the alias).
pub fn adapt_to_alias(
    e: &crate::core::sql::Expr,
    table: &str,
    alias: &crate::core::sql::TableRef,
) -> crate::core::sql::Expr {
    use crate::core::sql::{Expr, FromItem, TableRef};
    let adapted = std::cell::Cell::new(false);
    let out = e.transform(&|x| match x {
        Expr::Column {
            table: Some(TableRef::Named(t)),
            name,
        } if t == table => {
            adapted.set(true);
            Some(Expr::col_of(alias, name.clone()))
        }
        Expr::Select(s) => {
            let mut s = (**s).clone();
            let clauses = (s.columns.iter_mut().chain(&mut s.where_))
                .chain(s.group_by.iter_mut().chain(&mut s.having));
            for c in clauses.chain(&mut s.order_by) {
                *c = adapt_to_alias(c, table, alias);
            }
            for f in &mut s.from {
                if matches!(f, FromItem::Table(t) if t == table) {
                    *f = FromItem::Alias {
                        table: table.to_string(),
                        alias: alias.clone(),
                    };
                }
            }
            Some(Expr::Select(Box::new(s)))
        }
        _ => None,
    });
    // (An adapted copy is a new expression: its parameters are new ones, named apart
    // from the original's, as SQLAlchemy's adapter clones them.)
    if adapted.get() {
        out.fresh_binds()
    } else {
        out
    }
}

/// SQLAlchemy's `join_condition(a, b)`: foreign keys of `b` referring to `a`, else foreign keys of
/// `a` referring to `b`; each pair is `referred = foreign`.
pub fn join_pairs(md: &MetaData, a: &str, b: &str, only: &[String]) -> Vec<JoinPair> {
    let pairs_from = |holder: &Table, referred: &str| -> Vec<JoinPair> {
        let mut out = Vec::new();
        for fk in holder.foreign_keys() {
            if fk.ref_table != referred {
                continue;
            }
            for (c, r) in fk.columns.iter().zip(&fk.ref_columns) {
                if only.is_empty() || only.contains(c) {
                    out.push(JoinPair {
                        referred: (referred.into(), r.clone()),
                        foreign: (holder.name.clone(), c.clone()),
                        foreign_first: false,
                    });
                }
            }
        }
        out
    };
    let (Some(ta), Some(tb)) = (md.table(a), md.table(b)) else {
        return vec![];
    };
    let v = pairs_from(tb, a);
    if !v.is_empty() || a == b {
        return v;
    }
    pairs_from(ta, b)
}

/// The join pairs of an explicit join condition (`primaryjoin=`/`secondaryjoin=`):
/// `a = b [AND ...]` between columns of named tables, each pair oriented by the
/// foreign key one column holds on the other (or, when `declared` names columns, those of
/// `foreign_keys=` and `foreign()`, by which column is declared foreign), and the
/// condition's other terms. `None` without any such pair (the relationship then falls back to the foreign keys).
pub fn pairs_of_condition(
    md: &MetaData,
    e: &Expr,
    declared: &[(String, String)],
) -> Option<(Vec<JoinPair>, Vec<Expr>)> {
    let terms: Vec<&Expr> = match e {
        Expr::List { op: Op::And, items } => items.iter().collect(),
        Expr::Grouping(inner) => return pairs_of_condition(md, inner, declared),
        other => vec![other],
    };
    // (A column declared foreign, `foreign_keys=` or `foreign()`: table and column, or
    // an empty table for a bare column name.)
    let is_declared = |c: &(String, String)| {
        (declared.iter()).any(|(t, n)| *n == c.1 && (t.is_empty() || *t == c.0))
    };
    let column = |e: &Expr| match e {
        Expr::Column {
            table: Some(TableRef::Named(t)),
            name,
        } => Some((t.clone(), name.clone())),
        _ => None,
    };
    let refers = |holder: &(String, String), to: &(String, String)| {
        if !declared.is_empty() {
            return is_declared(holder) && !is_declared(to);
        }
        md.table(&holder.0).is_some_and(|t| {
            t.foreign_keys().iter().any(|fk| {
                fk.ref_table == to.0
                    && fk
                        .columns
                        .iter()
                        .zip(&fk.ref_columns)
                        .any(|(c, r)| *c == holder.1 && *r == to.1)
            })
        })
    };
    let (mut out, mut extra) = (Vec::new(), Vec::new());
    for t in terms {
        let pair = match t {
            Expr::Binary {
                left,
                op: Op::Eq,
                right,
            } => column(left).zip(column(right)),
            _ => None,
        };
        match pair {
            Some((a, b)) if refers(&a, &b) => out.push(JoinPair {
                referred: b,
                foreign: a,
                foreign_first: true,
            }),
            Some((a, b)) if refers(&b, &a) => out.push(JoinPair {
                referred: a,
                foreign: b,
                foreign_first: false,
            }),
            _ => extra.push(t.clone()),
        }
    }
    (!out.is_empty()).then_some((out, extra))
}

impl ResolvedRel {
    /// The primaryjoin's other terms ([`ResolvedRel::extra`]) with their columns of named
    /// tables given by `col(table, column)` (an alias, a bound value).
    pub fn extra_with(&self, col: &dyn Fn(&str, &str) -> Option<Expr>) -> Vec<Expr> {
        let adapted = std::cell::Cell::new(false);
        let f = |x: &Expr| match x {
            Expr::Column {
                table: Some(TableRef::Named(t)),
                name,
            } => {
                let r = col(t, name);
                adapted.set(adapted.get() || r.is_some());
                r
            }
            _ => None,
        };
        // (An adapted copy's parameters are new ones, as SQLAlchemy's adapter clones
        // them; the criterion as it is keeps its own.)
        (self.extra.iter())
            .map(|e| {
                adapted.set(false);
                let out = e.transform(&f);
                if adapted.get() {
                    out.fresh_binds()
                } else {
                    out
                }
            })
            .collect()
    }
}

/// `referred = foreign AND ...` with table references mapped through `r`.
pub fn pairs_expr(pairs: &[JoinPair], r: &dyn Fn(&str) -> TableRef) -> Expr {
    and(pairs
        .iter()
        .map(|p| {
            let referred = Expr::col_of(&r(&p.referred.0), p.referred.1.clone());
            let foreign = Expr::col_of(&r(&p.foreign.0), p.foreign.1.clone());
            if p.foreign_first {
                foreign.eq(referred)
            } else {
                referred.eq(foreign)
            }
        })
        .collect())
}

impl Registry {
    /// Registry over `metadata`.
    pub fn new(metadata: MetaData) -> Self {
        Registry {
            metadata,
            mappers: vec![],
            subqueries: vec![],
            named_aliases: vec![],
        }
    }
    /// The columns a SELECT of `class` lists (through `alias` when given): its class
    /// body's `column_property`s, its table's columns, the `column_property`s added later.
    pub fn entity_columns(
        &self,
        class: &str,
        alias: Option<&crate::core::sql::TableRef>,
    ) -> Result<Vec<crate::core::sql::Expr>, OrmError> {
        use crate::core::sql::{Expr, TableRef};
        let t = self.table_of(class)?;
        let own = TableRef::Named(t.name.clone());
        let tr = alias.unwrap_or(&own);
        let mut cols: Vec<Expr> = (t.columns.iter())
            .map(|c| Expr::col_of(tr, c.name.clone()))
            .collect();
        if let Some(m) = self.mappers.iter().find(|m| m.class_name == class) {
            for (i, (_, e)) in m.column_props.iter().enumerate() {
                let e = match alias {
                    Some(a) => adapt_to_alias(e, &t.name, a),
                    None => e.clone(),
                };
                match i < m.props_first {
                    true => cols.insert(i, e),
                    false => cols.push(e),
                }
            }
        }
        Ok(cols)
    }

    /// Where a SELECT of `class` has its table's columns: after how many of its
    /// `column_property`s, and how many there are in all.
    pub fn props_layout(&self, class: &str) -> (usize, usize) {
        match self.mappers.iter().find(|m| m.class_name == class) {
            Some(m) => (m.props_first, m.column_props.len()),
            None => (0, 0),
        }
    }

    /// The subquery or CTE made last with the alias `r`.
    pub fn subquery(&self, r: &crate::core::sql::TableRef) -> Option<&crate::core::sql::FromItem> {
        self.subqueries.iter().rev().find(|f| f.provides(r))
    }
    /// The FROM item a column's table reference needs when nothing else provides it: its
    /// table, an alias of a table, or a subquery made earlier.
    pub fn from_item_for(&self, r: &crate::core::sql::TableRef) -> crate::core::sql::FromItem {
        use crate::core::sql::{FromItem, TableRef};
        if let Some(sub) = self.subquery(r) {
            return sub.clone();
        }
        match r {
            TableRef::Named(n) => match self.named_aliases.iter().rev().find(|(a, _)| a == n) {
                Some((_, table)) => FromItem::Alias {
                    table: table.clone(),
                    alias: r.clone(),
                },
                None => FromItem::Table(n.clone()),
            },
            TableRef::Anon { base, .. } => FromItem::Alias {
                table: base.clone(),
                alias: r.clone(),
            },
        }
    }
    /// Add a mapper.
    pub fn add(&mut self, m: Mapper) {
        self.mappers.push(m);
    }
    /// Whether some class maps the table `name`.
    pub fn maps_table(&self, name: &str) -> bool {
        self.mappers.iter().any(|m| m.table == name)
    }
    /// Mapper by class name.
    pub fn mapper(&self, class: &str) -> Result<&Mapper, OrmError> {
        self.mappers
            .iter()
            .find(|m| m.class_name == class)
            .ok_or_else(|| OrmError(format!("unknown class {class}")))
    }
    /// Mapped table of a class.
    pub fn table_of(&self, class: &str) -> Result<&Table, OrmError> {
        let m = self.mapper(class)?;
        if let Some(v) = &m.view {
            return Ok(v);
        }
        self.metadata
            .table(&m.table)
            .ok_or_else(|| OrmError(format!("no table {}", m.table)))
    }
    /// Relationship `class.name`.
    pub fn relationship(&self, class: &str, name: &str) -> Result<&Relationship, OrmError> {
        self.mapper(class)?
            .relationships
            .iter()
            .find(|r| r.name == name)
            .ok_or_else(|| OrmError(format!("type object '{class}' has no attribute '{name}'")))
    }

    /// Create the reverse relationships declared with `backref=`, then resolve
    /// `order_by=` strings whose class is now mapped, theirs included (idempotent).
    pub fn finalize(&mut self) {
        let mut extra: Vec<(String, Relationship)> = Vec::new();
        for m in &self.mappers {
            for r in &m.relationships {
                if let Some(b) = &r.backref {
                    let mut rev = Relationship::new(b, &m.class_name);
                    rev.secondary = r.secondary.clone();
                    rev.back_populates = Some(r.name.clone());
                    rev.lazy = r.backref_lazy;
                    rev.bad_lazy = r.backref_bad_lazy.clone();
                    rev.uselist = r.backref_uselist;
                    rev.cascade = r.backref_cascade.clone();
                    rev.innerjoin = r.backref_innerjoin;
                    rev.single_parent = r.backref_single_parent;
                    rev.foreign_keys = r.foreign_keys.clone();
                    rev.order_by = r.backref_order_by.clone();
                    rev.pending_order_by = r.backref_pending_order_by.clone();
                    // The reverse side joins the same way with the roles swapped.
                    if r.secondary.is_some() {
                        rev.primaryjoin = r.secondaryjoin.clone();
                        rev.secondaryjoin = r.primaryjoin.clone();
                    } else {
                        rev.primaryjoin = r.primaryjoin.clone();
                        rev.primaryjoin_extra = r.primaryjoin_extra.clone();
                    }
                    rev.from_backref = true;
                    extra.push((r.target.clone(), rev));
                }
            }
        }
        for (class, rev) in extra {
            if let Some(m) = self.mappers.iter_mut().find(|m| m.class_name == class)
                && !m.relationships.iter().any(|r| r.name == rev.name)
            {
                m.relationships.push(rev);
            }
        }
        self.inherit_relationships();
        let tables: Vec<(String, String)> = self
            .mappers
            .iter()
            .map(|m| (m.class_name.clone(), m.table.clone()))
            .collect();
        for m in &mut self.mappers {
            for r in &mut m.relationships {
                // `foreign_keys='Order.cust'`: the column of that attribute of the class
                // (or of that table), once it is mapped.
                for fk in &mut r.foreign_keys {
                    let Some((owner, key)) = fk.rsplit_once('.') else {
                        continue;
                    };
                    let owner = owner.rsplit('.').next().unwrap_or(owner);
                    let table = (tables.iter().find(|(c, _)| c == owner))
                        .map_or(owner, |(_, t)| t.as_str());
                    if let Some(t) = self.metadata.table(table) {
                        *fk = t.col_by_key(key).map_or(key, |c| &c.name).to_owned();
                    }
                }
                r.pending_order_by.retain(|p| {
                    let Some((_, table)) = tables.iter().find(|(c, _)| *c == p.class) else {
                        return true;
                    };
                    // (The attribute's column, by its key.)
                    let column = (self
                        .metadata
                        .table(table)
                        .and_then(|t| t.col_by_key(&p.column)))
                    .map_or_else(|| p.column.clone(), |c| c.name.clone());
                    let e = Expr::col(table.clone(), column);
                    if let Some(slot) = r.order_by.get_mut(p.index) {
                        *slot = if p.desc { e.desc() } else { e };
                    }
                    false
                });
            }
        }
    }

    /// Work out direction and join pairs of `class.name` from the foreign keys.
    pub fn resolve(&self, class: &str, name: &str) -> Result<ResolvedRel, OrmError> {
        let rel = self.relationship(class, name)?;
        let parent = self.mapper(class)?.table.clone();
        let target = self.mapper(&rel.target)?.table.clone();
        let md = &self.metadata;
        let err = || {
            OrmError(format!(
                "Could not determine join condition between parent/child tables on relationship {class}.{name}"
            ))
        };
        if let Some(sec) = &rel.secondary {
            let primary = rel
                .primaryjoin
                .clone()
                .unwrap_or_else(|| join_pairs(md, &parent, sec, &rel.foreign_keys));
            let secondary_pairs = rel
                .secondaryjoin
                .clone()
                .unwrap_or_else(|| join_pairs(md, &target, sec, &rel.foreign_keys));
            if primary.is_empty() || secondary_pairs.is_empty() {
                return Err(err());
            }
            return Ok(ResolvedRel {
                kind: RelKind::ManyToMany,
                parent,
                target,
                secondary: Some(sec.clone()),
                primary,
                secondary_pairs,
                extra: rel.primaryjoin_extra.clone(),
            });
        }
        if let Some(pairs) = &rel.primaryjoin {
            // The foreign side decides the direction: the parent's own foreign key
            // points at the target (many-to-one), else the target's at the parent.
            let kind = rel.direction.unwrap_or(
                if parent != target && pairs.iter().all(|p| p.foreign.0 == parent) {
                    RelKind::ManyToOne
                } else {
                    RelKind::OneToMany
                },
            );
            return Ok(ResolvedRel {
                kind,
                parent,
                target,
                secondary: None,
                primary: pairs.clone(),
                secondary_pairs: vec![],
                extra: rel.primaryjoin_extra.clone(),
            });
        }
        // (With `foreign_keys=`, only those columns count: two tables referring to each
        // other, `Dept.head_id` and `Person.dept_id`, are told apart by them.)
        let t_refs_p = self
            .metadata
            .table(&target)
            .map(|t| {
                t.foreign_keys().iter().any(|f| {
                    f.ref_table == parent
                        && (rel.foreign_keys.is_empty()
                            || f.columns.iter().any(|c| rel.foreign_keys.contains(c)))
                })
            })
            .unwrap_or(false);
        let kind = match rel.direction {
            Some(k) => k,
            None if parent == target => RelKind::OneToMany,
            None if t_refs_p => RelKind::OneToMany,
            None => RelKind::ManyToOne,
        };
        let primary = match kind {
            RelKind::OneToMany => join_pairs(md, &parent, &target, &rel.foreign_keys),
            _ => join_pairs(md, &target, &parent, &rel.foreign_keys),
        };
        if primary.is_empty() {
            return Err(err());
        }
        Ok(ResolvedRel {
            kind,
            parent,
            target,
            secondary: None,
            primary,
            secondary_pairs: vec![],
            extra: vec![],
        })
    }
}

impl ResolvedRel {
    /// The collection/scalar flag: `uselist` unless many-to-one.
    pub fn uselist(&self) -> bool {
        self.kind != RelKind::ManyToOne
    }
}

#[cfg(test)]
#[path = "mapper_tests.rs"]
mod tests;
