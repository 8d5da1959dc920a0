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
            // (`deferred(Column(...))`.)
            "deferred" if a.column.is_some() => {
                let deferred = self.orm.reg.mapper(&a.class).is_ok_and(|m| {
                    let key: &str = &a.key;
                    m.deferred.iter().any(|k| k == key)
                });
                return Ok(Value::Bool(deferred));
            }
            // A relationship's columns on the parent's side of its join condition.
            "local_columns" if a.column.is_none() => {
                let found = (self.orm.reg.resolve(&a.class, &a.key))
                    .and_then(|r| Ok((r, self.orm.reg.table_of(&a.class)?.name.clone())));
                let (r, parent) = match found {
                    Ok(x) => x,
                    Err(e) => return self.raise(e.class(), e.0),
                };
                // (A many-to-one's foreign key columns; the referred ones otherwise.)
                let m2o = r.kind == crate::core::orm::mapper::RelKind::ManyToOne;
                let names: Vec<String> = (r.primary.iter())
                    .map(|p| if m2o { &p.foreign } else { &p.referred })
                    .filter(|(t, _)| *t == parent)
                    .map(|(_, c)| c.clone())
                    .collect();
                let t: Rc<str> = Rc::from(parent.as_str());
                let tb = self.orm.reg.metadata.table(&parent).cloned();
                let mut d = super::super::super::value::Dict::new();
                for n in names {
                    let Some(i) = tb
                        .as_ref()
                        .and_then(|tb| tb.columns.iter().position(|c| c.name == n))
                    else {
                        continue;
                    };
                    let v = nv(Native::ColumnObj(t.clone(), i));
                    if let Some(h) = v.hkey() {
                        d.insert(h, v, Value::None);
                    }
                }
                return Ok(Value::Set(Rc::new(std::cell::RefCell::new(d))));
            }
            _ => {}
        }
        // (The relationship's flags.)
        if a.column.is_none() && matches!(name, "single_parent" | "viewonly" | "passive_deletes") {
            return match self.orm.reg.relationship(&a.class, &a.key) {
                Ok(r) => Ok(match name {
                    "single_parent" => Value::Bool(r.single_parent),
                    "viewonly" => Value::Bool(r.viewonly),
                    _ if r.passive_deletes_all => Value::str("all"),
                    _ => Value::Bool(r.passive_deletes),
                }),
                Err(e) => self.raise(e.class(), e.0),
            };
        }
        let own = matches!(
            name,
            "lazy" | "secondary" | "target" | "argument" | "back_populates" | "backref"
        );
        if a.column.is_some() || !own {
            return self.getattr(&attr, name);
        }
        // (`lazy=True` / `False` reads back as given.)
        if name == "lazy"
            && let Ok(Some(flag)) =
                (self.orm.reg.relationship(&a.class, &a.key)).map(|r| r.lazy_flag)
        {
            return Ok(Value::Bool(flag));
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
            Err(e) => return self.raise(e.class(), e.0),
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
