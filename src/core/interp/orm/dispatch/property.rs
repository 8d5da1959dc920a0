//! Mapped properties: `Model.attr.property` and the members of `inspect(Model).attrs` /
//! `.column_attrs` / `.relationships` (SQLAlchemy's `ColumnProperty` and
//! `_RelationshipDeclared`). What they share with the attribute (`key`, `mapper`,
//! `direction`, `expression`...) is the attribute's; the rest is theirs.

use super::*;
use crate::core::orm::mapper::Lazy;

impl Interp<'_> {
    /// `prop.<name>` of the property behind attribute `a`.
    pub(super) fn property_attr(&mut self, a: &Instrumented, name: &str) -> R<Value> {
        let attr = nv(Native::Instrumented(a.clone()));
        match name {
            "class_attribute" => return Ok(attr),
            "parent" => {
                return Ok(match self.orm.classes.get(&*a.class).cloned() {
                    Some(c) => nv(Native::Inspected(super::super::inspect::Inspected::Mapper(
                        c,
                    ))),
                    None => Value::None,
                });
            }
            "columns" | "expression" if a.column.is_some() => {
                let table = self.orm.reg.table_of(&a.class).map(|t| t.name.clone());
                let col = match (table, a.column) {
                    (Ok(t), Some(i)) => nv(Native::ColumnObj(Rc::from(t.as_str()), i)),
                    _ => return self.getattr(&attr, name),
                };
                return Ok(if name == "columns" {
                    Value::list(vec![col])
                } else {
                    col
                });
            }
            _ => {}
        }
        let own = matches!(
            name,
            "lazy" | "secondary" | "target" | "argument" | "back_populates" | "backref"
        );
        if a.column.is_some() || !own {
            return self.getattr(&attr, name);
        }
        // (The fields wanted, read under one borrow: a `Relationship` is not cloned.)
        let r = self
            .orm
            .reg
            .relationship(&a.class, &a.key)
            .map(|r| match name {
                "lazy" => Some(lazy_name(r.lazy).to_string()),
                "secondary" => r.secondary.clone(),
                "target" | "argument" => Some(r.target.clone()),
                "backref" => r.backref.clone(),
                // (A `backref=` names the other side's `back_populates` too.)
                _ => r.back_populates.clone().or(r.backref.clone()),
            });
        let text = match r {
            Ok(t) => t,
            Err(e) => return self.raise("InvalidRequestError", e.0),
        };
        let Some(text) = text else {
            return Ok(Value::None);
        };
        Ok(match name {
            "secondary" => nv(Native::Table(Rc::from(text.as_str()))),
            "target" => match self.orm.reg.table_of(&text) {
                Ok(t) => nv(Native::Table(Rc::from(t.name.as_str()))),
                Err(_) => Value::None,
            },
            _ => Value::str(&text),
        })
    }
}

/// The `lazy=` strategy's name, as `relationship().lazy` gives it.
fn lazy_name(l: Lazy) -> &'static str {
    match l {
        Lazy::Select => "select",
        Lazy::Dynamic => "dynamic",
        Lazy::WriteOnly => "write_only",
        Lazy::Joined => "joined",
        Lazy::Subquery => "subquery",
        Lazy::Selectin => "selectin",
        Lazy::Immediate => "immediate",
        Lazy::NoLoad => "noload",
        Lazy::Raise => "raise",
        Lazy::RaiseOnSql => "raise_on_sql",
        Lazy::ContainsEager => "joined",
    }
}
