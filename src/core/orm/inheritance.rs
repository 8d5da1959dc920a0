//! Single-table inheritance in the registry: a subclass's base and descendants, the
//! discriminator criterion its SELECTs add, the class of a loaded row, and the
//! relationships a subclass inherits.

use crate::core::sql::expr::Expr;

use super::mapper::{Mapper, Registry, Relationship};
use super::query::{Entity, JoinTarget, Query};

impl Registry {
    /// The base of `class`'s single-table hierarchy (`class` itself when it inherits
    /// from no mapped class).
    pub fn base_class<'a>(&'a self, class: &'a str) -> &'a str {
        let mut c = class;
        while let Some(p) = self
            .mappers
            .iter()
            .find(|m| m.class_name == c)
            .and_then(|m| m.inherits.as_deref())
        {
            c = p;
        }
        c
    }

    /// `class` and the classes that inherit from it (at any depth), in mapping order.
    pub fn self_and_descendants(&self, class: &str) -> Vec<&Mapper> {
        let mut out: Vec<&Mapper> = Vec::new();
        for m in &self.mappers {
            if m.class_name == class
                || m.inherits
                    .as_deref()
                    .is_some_and(|p| out.iter().any(|o| o.class_name == p))
            {
                out.push(m);
            }
        }
        out
    }

    /// The criterion a SELECT of a single-table subclass adds, as SQLAlchemy does:
    /// `table.discriminator IN (its identity and its descendants')`.
    pub fn polymorphic_criterion(&self, class: &str) -> Option<Expr> {
        let m = self.mappers.iter().find(|m| m.class_name == class)?;
        m.inherits.as_ref()?;
        let on = m.polymorphic_on.as_ref()?;
        let ids: Vec<Expr> = (self.self_and_descendants(class).iter())
            .filter_map(|d| d.identity.clone().map(Expr::bind))
            .collect();
        (!ids.is_empty()).then(|| Expr::col(m.table.clone(), on.clone()).in_(ids))
    }

    /// `on` and, for a join to a single-table subclass, its [`Self::join_polymorphic`]
    /// criterion.
    pub fn with_join_polymorphic(&self, target: &JoinTarget, on: Expr) -> Expr {
        match self.join_polymorphic(target) {
            Some(p) => crate::core::sql::expr::and(vec![on, p]),
            None => on,
        }
    }

    /// The criterion of a join to a single-table subclass (by class, or through a
    /// relationship without an alias), which SQLAlchemy puts in the join's ON.
    pub fn join_polymorphic(&self, target: &JoinTarget) -> Option<Expr> {
        let class = match target {
            JoinTarget::Class(c) => c,
            JoinTarget::Relationship {
                class,
                name,
                target_alias: None,
                ..
            } => &self.relationship(class, name).ok()?.target,
            _ => return None,
        };
        self.polymorphic_criterion(class)
    }

    /// The class among `class` and its descendants whose identity is `value` (the class
    /// of a row a polymorphic load reads).
    pub fn class_for_identity(
        &self,
        class: &str,
        value: &crate::core::sql::SqlValue,
    ) -> Option<&str> {
        (self.self_and_descendants(class).into_iter())
            .find(|m| m.identity.as_ref() == Some(value))
            .map(|m| m.class_name.as_str())
    }

    /// Gives each subclass its parent's relationships (those made after it was mapped
    /// too: a later class's backref to the parent).
    pub(super) fn inherit_relationships(&mut self) {
        for i in 0..self.mappers.len() {
            let Some(parent) = self.mappers[i].inherits.clone() else {
                continue;
            };
            let Some(p) = self.mappers.iter().position(|m| m.class_name == parent) else {
                continue;
            };
            let inherited: Vec<Relationship> = (self.mappers[p].relationships.iter())
                .filter(|r| {
                    !self.mappers[i]
                        .relationships
                        .iter()
                        .any(|o| o.name == r.name)
                })
                .cloned()
                .collect();
            self.mappers[i].relationships.extend(inherited);
        }
    }
}

impl Query {
    /// The WHERE criteria and, after them, the discriminator criterion of each
    /// single-table subclass the query selects (see [`Registry::polymorphic_criterion`]).
    pub(super) fn where_with_polymorphic(&self, reg: &Registry) -> Vec<Expr> {
        let mut w = self.where_.clone();
        let classes = self.entities.iter().filter_map(|e| match e {
            Entity::Class(c) => Some(c),
            _ => None,
        });
        for c in classes.chain(&self.select_from).chain(&self.poly_classes) {
            if let Some(x) = reg.polymorphic_criterion(c)
                && !w.contains(&x)
                // (A subclass joined to has its criterion in the join's ON instead.)
                && !(self.joins.iter()).any(|j| reg.join_polymorphic(&j.target).as_ref() == Some(&x))
            {
                w.push(x);
            }
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::orm::testutil::models;
    use crate::core::sql::SqlValue;

    #[test]
    fn single_table_hierarchy() {
        let md = models(&["Employee id:int:pk name:str type:str"]);
        let mut reg = Registry::new(md);
        let mut base = Mapper::new("Employee", "employee");
        base.polymorphic_on = Some("type".into());
        base.identity = Some(SqlValue::Text("employee".into()));
        reg.add(base);
        for (class, parent, id) in [
            ("Engineer", "Employee", "engineer"),
            ("Senior", "Engineer", "senior"),
        ] {
            let mut m = Mapper::new(class, "employee");
            m.inherits = Some(parent.into());
            m.polymorphic_on = Some("type".into());
            m.identity = Some(SqlValue::Text(id.into()));
            reg.add(m);
        }
        assert_eq!(reg.base_class("Senior"), "Employee");
        let names: Vec<&str> = (reg.self_and_descendants("Engineer").iter())
            .map(|m| m.class_name.as_str())
            .collect();
        assert_eq!(names, ["Engineer", "Senior"]);
        assert_eq!(reg.polymorphic_criterion("Employee"), None);
        let sql =
            crate::core::sql::render::render_expr(&reg.polymorphic_criterion("Engineer").unwrap());
        assert_eq!(sql.sql, "employee.type IN (?, ?)");
        assert_eq!(
            reg.class_for_identity("Employee", &SqlValue::Text("senior".into())),
            Some("Senior")
        );
        assert_eq!(
            reg.class_for_identity("Engineer", &SqlValue::Text("employee".into())),
            None
        );
    }
}
