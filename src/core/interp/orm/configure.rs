//! SQLAlchemy's `configure_mappers()` as a model's first use runs it (an object made, a
//! query or select started): the relationships of every mapped class are checked once, and
//! the misconfigurations a tutorial makes raise as SQLAlchemy raises them: a target class
//! name that names no mapped class, an `order_by=` string naming no column, a foreign key
//! to a column its table lacks, and two tables without a foreign key between them (no
//! `secondary`, no `primaryjoin`). After a failure every later use raises
//! "One or more mappers failed to initialize", until another class is mapped.

use crate::core::interp::{Interp, R};
use crate::core::orm::mapper::Registry;
use crate::core::orm::schema::{Constraint, Table};
use crate::core::sql::{Expr, TableRef};

/// A failed configuration: the class and table of the mapper, the exception and message.
#[derive(Clone)]
pub struct ConfigError {
    mapper: String,
    class: &'static str,
    message: String,
}

impl Interp<'_> {
    /// Checks the mappers' relationships once after a class is mapped (see the module docs).
    pub fn configure_mappers(&mut self) -> R<()> {
        if self.orm.configured {
            return Ok(());
        }
        if let Some(e) = self.orm.config_error.clone() {
            return self.raise(
                "InvalidRequestError",
                format!(
                    "One or more mappers failed to initialize - can't proceed with initialization of other mappers. Triggering mapper: '{}'. Original exception was: {}",
                    e.mapper, e.message
                ),
            );
        }
        // (A `primaryjoin=lambda: ...` naming a class defined after its relationship: that
        // class's name is bound by now.)
        // One that fails raises its error, and every later use "failed to initialize".
        if !self.orm.join_calls.is_empty()
            && let Err(e) = self.resolve_join_calls(true)
        {
            let owner = (self.orm.join_calls.first()).map_or(String::new(), |c| c.0.clone());
            return Err(self.callable_failed(&owner, e));
        }
        // (An `order_by=lambda: ...` naming a class defined after its relationship: that
        // class's name is bound by now.)
        // One that still fails raises its error, and every later use SQLAlchemy's
        // "failed to initialize" (as a failed configuration does).
        if !self.orm.order_by_calls.is_empty()
            && let Err(e) = self.resolve_order_by_calls(true)
        {
            let (owner, key) = (self.orm.order_by_calls.first())
                .map(|c| (c.0.clone(), c.1.clone()))
                .unwrap_or_default();
            // (A backref's `order_by` is the class declaring the backref's to blame.)
            let owner = (self.orm.reg.mappers.iter())
                .find(|m| {
                    (m.relationships.iter())
                        .any(|r| r.target == owner && r.backref.as_deref() == Some(key.as_str()))
                })
                .map_or(owner, |m| m.class_name.clone());
            return Err(self.callable_failed(&owner, e));
        }
        for mi in 0..self.orm.reg.mappers.len() {
            for ri in 0..self.orm.reg.mappers[mi].relationships.len() {
                // (Its strings first, as SQLAlchemy evaluates them before the rest.)
                let failed = match self.string_failure(mi, ri) {
                    Some(f) => f,
                    None => match self.relationship_config_error(mi, ri) {
                        Some(e) => Failure::Config(e),
                        None => continue,
                    },
                };
                match failed {
                    Failure::Config(e) => {
                        self.orm.config_error = Some(e.clone());
                        return self.raise(e.class, e.message);
                    }
                    Failure::Raised(mapper, e) => {
                        let message = self.to_str(&e.value).unwrap_or_default();
                        self.orm.config_error = Some(ConfigError {
                            mapper,
                            // (Not raised: later uses raise "failed to initialize".)
                            class: "InvalidRequestError",
                            message,
                        });
                        return Err(e);
                    }
                }
            }
        }
        self.orm.configured = true;
        self.orm.unconfigured_backrefs.clear();
        Ok(())
    }

    /// A deferred callable of `owner`'s relationships (`order_by=`, `primaryjoin=`) failed
    /// as the mappers were configured: the configuration is marked failed (every later use
    /// raises "failed to initialize"), and `e` is handed back to raise.
    fn callable_failed(
        &mut self,
        owner: &str,
        e: Box<crate::core::interp::Exc>,
    ) -> Box<crate::core::interp::Exc> {
        let table = (self.orm.reg.mapper(owner).ok())
            .map(|m| m.table.clone())
            .unwrap_or_default();
        let message = self.to_str(&e.value).unwrap_or_default();
        self.orm.config_error = Some(ConfigError {
            mapper: format!("Mapper[{owner}({table})]"),
            class: "InvalidRequestError",
            message,
        });
        e
    }

    /// The error configuring relationship `ri` of mapper `mi` meets, if any.
    fn relationship_config_error(&self, mi: usize, ri: usize) -> Option<ConfigError> {
        let reg = &self.orm.reg;
        let m = &reg.mappers[mi];
        let r = &m.relationships[ri];
        let mapper = mapper_name(m);
        let Ok(target) = reg.mapper(&r.target) else {
            let t = &r.target;
            return Some(ConfigError {
                mapper: mapper.clone(),
                class: "InvalidRequestError",
                message: format!(
                    "When initializing mapper {mapper}, expression '{t}' failed to locate a name ('{t}'). If this is a class name, consider adding this relationship() to the <class '__main__.{}'> class after both dependent classes have been defined.",
                    m.class_name
                ),
            });
        };
        if let Some(e) = join_error(reg, m, r, target, &mapper) {
            return Some(e);
        }
        // `delete-orphan` on the "many" side needs `single_parent=True`.
        if !r.single_parent
            && r.cascade_set().iter().any(|c| c == "delete-orphan")
            && let Ok(rr) = reg.resolve(&m.class_name, &r.name)
            && let Some(kind) = match rr.kind {
                crate::core::orm::mapper::RelKind::ManyToOne => Some("many-to-one"),
                crate::core::orm::mapper::RelKind::ManyToMany => Some("many-to-many"),
                _ => None,
            }
        {
            let at = format!("{}.{}", m.class_name, r.name);
            return Some(ConfigError {
                mapper: mapper.clone(),
                class: "ArgumentError",
                message: format!(
                    "For {kind} relationship {at}, delete-orphan cascade is normally configured only on the \"one\" side of a one-to-many relationship, and not on the \"many\" side of a many-to-one or many-to-many relationship.  To force this relationship to allow a particular \"{}\" object to be referenced by only a single \"{}\" object at a time via the {at} relationship, which would allow delete-orphan cascade to take place in this direction, set the single_parent=True flag. (Background on this error at: https://sqlalche.me/e/20/bbf0)",
                    target.class_name, m.class_name
                ),
            });
        }
        let target_mapper = mapper_name(target);
        // A backref whose name the target already maps (a column or its own
        // relationship); a `back_populates` naming no relationship of the target.
        if let Some(b) = &r.backref {
            let column = reg
                .metadata
                .table(&target.table)
                .is_some_and(|t| t.col_by_key(b).is_some());
            let own = target
                .relationships
                .iter()
                .any(|x| x.name == *b && !x.from_backref);
            if column || own {
                return Some(ConfigError {
                    mapper: mapper.clone(),
                    class: "ArgumentError",
                    message: format!(
                        "Error creating backref '{b}' on relationship '{}.{}': property of that name exists on mapper '{target_mapper}'",
                        m.class_name, r.name
                    ),
                });
            }
        }
        if let Some(p) = &r.back_populates
            && !r.from_backref
            && !target.relationships.iter().any(|x| x.name == *p)
        {
            return Some(ConfigError {
                mapper: mapper.clone(),
                class: "InvalidRequestError",
                message: format!(
                    "Mapper '{target_mapper}' has no property '{p}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called."
                ),
            });
        }
        // (Last, as SQLAlchemy looks its strategy up after the rest.)
        // A `lazy=` naming no loader strategy (a backref's: raised configuring the mapper
        // that declared it).
        if let Some(l) = &r.bad_lazy {
            return Some(ConfigError {
                mapper: if r.from_backref {
                    mapper_name(target)
                } else {
                    mapper.clone()
                },
                class: "LoaderStrategyException",
                message: format!(
                    "Can't find strategy (('lazy', '{l}'),) for {}.{}",
                    m.class_name, r.name
                ),
            });
        }
        None
    }

    /// Relationship `ri` of mapper `mi`'s strings: an `order_by=` naming a class no mapper
    /// has or a column its class lacks, and the `primaryjoin=` / `order_by=` strings that
    /// never evaluated, evaluated now: the first that fails is the configuration's error
    /// (a name nothing has: SQLAlchemy's "failed to locate a name").
    fn string_failure(&mut self, mi: usize, ri: usize) -> Option<Failure> {
        let reg = &self.orm.reg;
        let m = &reg.mappers[mi];
        let r = &m.relationships[ri];
        let mapper = mapper_name(m);
        let owner = m.class_name.clone();
        let locate = |mapper: String, src: &str, why: &str| {
            Failure::Config(ConfigError {
                class: "InvalidRequestError",
                message: format!(
                    "When initializing mapper {mapper}, expression '{src}' failed to locate a name (\"{why}\"). If this is a class name, consider adding this relationship() to the <class '__main__.{owner}'> class after both dependent classes have been defined."
                ),
                mapper,
            })
        };
        if let Some(p) = r.pending_order_by.first() {
            let why = format!("name '{}' is not defined", p.class);
            return Some(locate(mapper, &p.source, &why));
        }
        if let Some((class, col)) = r.order_by.iter().find_map(|e| missing_column(reg, e)) {
            return Some(Failure::Config(ConfigError {
                mapper,
                class: "AttributeError",
                message: format!(
                    "Class <class '__main__.{class}'> does not have a mapped column named '{col}'"
                ),
            }));
        }
        let sources: Vec<String> = (r.order_by_strings.iter().map(|(_, s)| s.clone()))
            .chain(r.join_strings.iter().map(|(_, s)| s.clone()))
            .collect();
        for src in sources {
            let Err(e) = self.eval_join_string_checked(&src) else {
                continue;
            };
            if self.type_name(&e.value) == "NameError" {
                let why = self.to_str(&e.value).unwrap_or_default();
                return Some(locate(mapper, &src, &why));
            }
            return Some(Failure::Raised(mapper, e));
        }
        None
    }
}

/// How configuring a relationship failed.
enum Failure {
    /// A configuration error to raise.
    Config(ConfigError),
    /// An exception evaluating one of its strings raised (its mapper's name with it).
    Raised(String, Box<crate::core::interp::Exc>),
}

/// The error finding relationship `r`'s join condition meets (`mapper` its mapper's name):
/// a foreign key between the tables naming a column its target lacks
/// (`ForeignKey('user.user_id')`: SQLAlchemy resolves the keys to find the join, the
/// child's first; a `secondary` table's to both sides), none or several foreign keys.
fn join_error(
    reg: &Registry,
    m: &crate::core::orm::mapper::Mapper,
    r: &crate::core::orm::mapper::Relationship,
    target: &crate::core::orm::mapper::Mapper,
    mapper: &str,
) -> Option<ConfigError> {
    let a = reg.metadata.table(&m.table)?;
    let b = reg.metadata.table(&target.table)?;
    let bad = |message| {
        Some(ConfigError {
            mapper: mapper.to_owned(),
            class: "NoReferencedColumnError",
            message,
        })
    };
    if r.primaryjoin.is_some() || !r.join_strings.is_empty() {
        return None;
    }
    if let Some(sec) = &r.secondary {
        let sec = reg.metadata.table(sec)?;
        if let Some(message) = bad_reference(sec, a).or_else(|| bad_reference(sec, b)) {
            return bad(message);
        }
        return None;
    }
    if let Some(message) = bad_reference(b, a).or_else(|| bad_reference(a, b)) {
        return bad(message);
    }
    let (class, why) = match paths(a, &b.name) + paths(b, &a.name) {
        0 => (
            "NoForeignKeysError",
            "there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.",
        ),
        // (A self-referential table's one key counts from both sides.)
        n if n > if a.name == b.name { 2 } else { 1 } && r.foreign_keys.is_empty() => (
            "AmbiguousForeignKeysError",
            "there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference to the parent table.",
        ),
        _ => return None,
    };
    Some(ConfigError {
        mapper: mapper.to_owned(),
        class,
        message: format!(
            "Could not determine join condition between parent/child tables on relationship {}.{} - {why}",
            m.class_name, r.name
        ),
    })
}

/// `Mapper[Class(table)]`, as SQLAlchemy names a mapper in messages.
fn mapper_name(m: &crate::core::orm::mapper::Mapper) -> String {
    format!("Mapper[{}({})]", m.class_name, m.table)
}

/// The class and name of a column `e` (an `order_by=` entry) names on a mapped table that
/// has no such column.
fn missing_column(reg: &Registry, e: &Expr) -> Option<(String, String)> {
    let (Expr::Order { expr: e, .. } | Expr::Nulls { expr: e, .. }) = e else {
        return missing_column_of(reg, e);
    };
    missing_column(reg, e)
}

fn missing_column_of(reg: &Registry, e: &Expr) -> Option<(String, String)> {
    let Expr::Column {
        table: Some(TableRef::Named(table)),
        name,
    } = e
    else {
        return None;
    };
    let t = reg.metadata.table(table)?;
    if t.col(name).is_some() || t.col_by_key(name).is_some() {
        return None;
    }
    let m = reg.mappers.iter().find(|m| m.table == *table)?;
    Some((m.class_name.clone(), name.clone()))
}

/// The message for a foreign key of `t` to table `other` naming a column `other` lacks.
fn bad_reference(t: &Table, other: &Table) -> Option<String> {
    t.foreign_keys()
        .into_iter()
        .filter(|fk| *fk.ref_table == *other.name)
        .flat_map(|fk| fk.ref_columns)
        .find(|rc| other.col(rc).is_none())
        .map(|rc| no_referenced_column(&other.name, &rc, &t.name))
}

/// SQLAlchemy's `NoReferencedColumnError` message: a foreign key of `table` to column
/// `column` of `target`, which has none of that name.
pub(crate) fn no_referenced_column(target: &str, column: &str, table: &str) -> String {
    format!(
        "Could not initialize target column for ForeignKey '{target}.{column}' on table '{table}': table '{target}' has no column named '{column}'"
    )
}

/// How many foreign keys of `t` refer to table `other` (column-level or constraints).
fn paths(t: &Table, other: &str) -> usize {
    t.columns
        .iter()
        .map(|c| c.foreign_keys.iter().filter(|fk| fk.table == other).count())
        .sum::<usize>()
        + t.constraints
            .iter()
            .filter(|c| matches!(c, Constraint::ForeignKey { ref_table, .. } if ref_table == other))
            .count()
}
