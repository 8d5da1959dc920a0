//! Attributes of mapped attributes (`User.name.type`, `User.posts.property`) and of columns
//! not mapped yet (a mixin's `Column`).

use std::cell::RefCell;
use std::rc::Rc;

use super::super::{ColumnSpec, Instrumented, Native};
use super::{column_type, nv, type_value};
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// `Model.attr.<name>`: a mapped column's or relationship's attribute.
    pub(super) fn instrumented_attr(
        &mut self,
        a: &Instrumented,
        this: &Value,
        name: &str,
    ) -> R<Value> {
        match name {
            // (What the mapped column has, through the attribute's comparator.)
            "name" | "nullable" | "primary_key" | "unique" | "index" | "foreign_keys"
            | "comment" | "autoincrement" | "info" | "doc" | "server_onupdate"
                if let Some(i) = a.column
                    && let Ok(t) = self.orm.reg.table_of(&a.class) =>
            {
                let col = nv(Native::ColumnObj(Rc::from(t.name.as_str()), i));
                self.getattr(&col, name)
            }
            // (The attribute's docstring is its column's `doc=`.)
            "__doc__"
                if let Some(i) = a.column
                    && let Ok(t) = self.orm.reg.table_of(&a.class) =>
            {
                let col = nv(Native::ColumnObj(Rc::from(t.name.as_str()), i));
                self.getattr(&col, "doc")
            }
            // (A relationship's attribute has no `name`: `Post.author.name == 'ann'`,
            // a common slip for a join, raises as SQLAlchemy's does.)
            "key" => Ok(Value::Str(a.key.clone())),
            "name" if a.column.is_some() => Ok(Value::Str(a.key.clone())),
            // (Reading the property configures the mappers, as SQLAlchemy's does.)
            "property" | "prop" => {
                self.configure_mappers()?;
                Ok(nv(Native::Property(a.clone())))
            }
            "comparator" => Ok(this.clone()),
            "type" => {
                // (A mapped column's type as its table spells it: `DECIMAL`, a collation.)
                let spelled = a.column.and_then(|i| {
                    let c = self.orm.reg.table_of(&a.class).ok()?.columns.get(i)?;
                    (c.type_ddl.is_some()
                        || c.type_class.is_some()
                        || c.timezone
                        || c.enum_check
                        || c.bool_check.is_some()
                        || c.none_as_null)
                        .then(|| column_type(c))
                });
                if let Some(t) = spelled {
                    return Ok(nv(Native::ColumnType(t)));
                }
                match self.column_sql(a) {
                    Some(s) => Ok(type_value(s.ty)),
                    None => Ok(Value::None),
                }
            }
            "table" => {
                let t = self
                    .orm
                    .reg
                    .table_of(&a.class)
                    .map(|t| t.name.clone())
                    .unwrap_or_default();
                Ok(nv(Native::Table(Rc::from(t.as_str()))))
            }
            _ if let Some(k) = super::super::column_default::default_kind(name)
                && let Some(i) = a.column
                && let Ok(t) = self.orm.reg.table_of(&a.class) =>
            {
                let t: Rc<str> = Rc::from(t.name.as_str());
                Ok(self.column_default(&t, i, k))
            }
            "mapper" | "entity" | "direction" | "uselist" | "cascade" if a.column.is_none() => {
                let a = a.clone();
                self.rel_property_attr(&a, name)
            }
            "expression" => match self.column_sql(a) {
                Some(s) => Ok(super::super::sqlexpr::sql_value(s)),
                None => Ok(this.clone()),
            },
            "class_" => Ok(self
                .orm
                .classes
                .get(&*a.class)
                .map(|c| Value::Class(c.clone()))
                .unwrap_or(Value::None)),
            _ => self.sql_attr_or_method(this, name),
        }
    }

    /// An unmapped `Column`'s attribute (a mixin's, one made outside a class): its name
    /// and key are None until its class names it.
    pub(super) fn column_spec_attr(
        &mut self,
        n: &Rc<Native>,
        c: &RefCell<ColumnSpec>,
        name: &str,
    ) -> R<Value> {
        // (A column not mapped yet: a mixin's, or one made outside a class. Its
        // name and key are None until its class names it.)
        let c = c.borrow();
        let named = |s: &str| {
            if s.is_empty() {
                Value::None
            } else {
                Value::str(s)
            }
        };
        let flag = |b: bool| if b { Value::Bool(true) } else { Value::None };
        match name {
            "name" | "key" => Ok(named(&c.column.name)),
            "type" => Ok(nv(Native::ColumnType(column_type(&c.column)))),
            "nullable" => Ok(Value::Bool(c.column.is_nullable())),
            "primary_key" => Ok(Value::Bool(c.column.primary_key)),
            "unique" => Ok(flag(c.column.unique)),
            "index" => Ok(flag(c.column.index)),
            "comment" => Ok(c.column.comment.as_deref().map_or(Value::None, Value::str)),
            "table" => Ok(Value::None),
            "info" => Ok(c.info_doc[0]
                .clone()
                .unwrap_or_else(|| Value::dict_of(vec![]))),
            "doc" => Ok(c.info_doc[1].clone().unwrap_or(Value::None)),
            // Its operators (`points.desc()` in its class body).
            _ => {
                drop(c);
                self.sql_attr_or_method(&Value::Native(n.clone()), name)
            }
        }
    }
}
