//! SQLAlchemy's `configure_mappers()` as a model's first use runs it (an object made, a
//! query or select started): the relationships of every mapped class are checked once, and
//! the two misconfigurations a tutorial makes raise as SQLAlchemy raises them: a target
//! class name that names no mapped class, and two tables without a foreign key between
//! them (no `secondary`, no `primaryjoin`). After a failure every later use raises
//! "One or more mappers failed to initialize", until another class is mapped.

use crate::core::interp::{Interp, R};
use crate::core::orm::schema::{Constraint, Table};

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
        // (An `order_by=lambda: ...` naming a class defined after its relationship: that
        // class's name is bound by now.)
        // One that still fails raises its error, and every later use SQLAlchemy's
        // "failed to initialize" (as a failed configuration does).
        if !self.orm.order_by_calls.is_empty()
            && let Err(e) = self.resolve_order_by_calls(true)
        {
            let owner = self
                .orm
                .order_by_calls
                .first()
                .map(|c| c.0.clone())
                .unwrap_or_default();
            let table = (self.orm.reg.mapper(&owner).ok())
                .map(|m| m.table.clone())
                .unwrap_or_default();
            let message = self.to_str(&e.value).unwrap_or_default();
            self.orm.config_error = Some(ConfigError {
                mapper: format!("Mapper[{owner}({table})]"),
                class: "InvalidRequestError",
                message,
            });
            return Err(e);
        }
        if let Some(e) = self.mapper_config_error() {
            self.orm.config_error = Some(e.clone());
            return self.raise(e.class, e.message);
        }
        self.orm.configured = true;
        self.orm.unconfigured_backrefs.clear();
        Ok(())
    }

    fn mapper_config_error(&self) -> Option<ConfigError> {
        let reg = &self.orm.reg;
        for m in &reg.mappers {
            let mapper = format!("Mapper[{}({})]", m.class_name, m.table);
            for r in &m.relationships {
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
                let target_mapper = format!("Mapper[{}({})]", target.class_name, target.table);
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
                if r.secondary.is_some() || r.primaryjoin.is_some() || !r.join_strings.is_empty() {
                    continue;
                }
                let (Some(a), Some(b)) = (
                    reg.metadata.table(&m.table),
                    reg.metadata.table(&target.table),
                ) else {
                    continue;
                };
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
                    _ => continue,
                };
                return Some(ConfigError {
                    mapper,
                    class,
                    message: format!(
                        "Could not determine join condition between parent/child tables on relationship {}.{} - {why}",
                        m.class_name, r.name
                    ),
                });
            }
        }
        None
    }
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
