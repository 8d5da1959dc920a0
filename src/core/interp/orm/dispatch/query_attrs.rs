//! Attributes of a SELECT and of a legacy Query: `statement`, `session`,
//! `column_descriptions`, `whereclause`, `selected_columns`; other names are its methods.

use std::rc::Rc;

use super::super::query::{Ent, QueryObj};
use super::super::{Native, SqlObj};
use super::nv;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::sql::SqlType;

impl Interp<'_> {
    /// `select(...).<name>` / `Model.query.<name>`.
    pub(super) fn query_attr(&mut self, q: &QueryObj, this: &Value, name: &str) -> R<Value> {
        let method = |n: &str| Ok(Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(n)))));
        // (A method of the script's query class, bound to the query.)
        if let Some(Value::Func(f)) = q.class.as_ref().and_then(|c| c.lookup(name)) {
            return Ok(Value::Method(Rc::new((this.clone(), Value::Func(f)))));
        }
        match name {
            // The 2.0 SELECT a legacy Query stands for: printed without its labels.
            "statement" if q.legacy && q.dml.is_none() => {
                let mut s = q.clone();
                s.legacy = false;
                s.class = None;
                s.q.style = crate::core::sql::LabelStyle::DisambiguateOnly;
                Ok(nv(Native::Query(Box::new(s))))
            }
            "statement" => Ok(this.clone()),
            "session" => Ok(nv(Native::Session(true))),
            // A SELECT's introspection: its WHERE criteria as one expression (None
            // without any), and the columns it selects by key.
            "whereclause" if !q.legacy => Ok(match q.q.where_.len() {
                0 => Value::None,
                1 => super::super::sqlexpr::sql_value(SqlObj::typed(
                    q.q.where_[0].clone(),
                    Some(SqlType::Boolean),
                )),
                _ => super::super::sqlexpr::sql_value(SqlObj::typed(
                    crate::core::sql::expr::and(q.q.where_.clone()),
                    Some(SqlType::Boolean),
                )),
            }),
            "selected_columns" | "exported_columns" if !q.legacy => {
                let q = q.clone();
                self.selected_columns(&q)
            }
            "column_descriptions" => {
                let q = q.clone();
                self.column_descriptions(&q)
            }
            _ => {
                let has = match (&q.dml, q.legacy) {
                    (Some(_), _) => super::api_names::dml_has(name),
                    (None, true) => super::api_names::query_has(name),
                    (None, false) => super::api_names::select_has(name),
                };
                if has {
                    return method(name);
                }
                let t = self.type_name(this);
                // (`exists()` is a column expression: its comparator is asked too.)
                let msg = match t.as_str() {
                    "Exists" => format!(
                        "Neither 'Exists' object nor 'Comparator' object has an attribute '{name}'"
                    ),
                    _ => format!("'{t}' object has no attribute '{name}'"),
                };
                self.raise("AttributeError", msg)
            }
        }
    }

    /// `Query.column_descriptions` / `Select.column_descriptions`: per entity its name,
    /// type (a class, or a column's type), whether it is an alias, the expression and the
    /// class it comes from, as SQLAlchemy lists them.
    fn column_descriptions(&mut self, q: &QueryObj) -> R<Value> {
        use crate::core::orm::query::Entity;
        let class_value = |it: &Self, c: &str| {
            it.orm
                .classes
                .get(c)
                .map_or(Value::None, |c| Value::Class(c.clone()))
        };
        let mut out = vec![];
        for (e, ent) in q.q.entities.iter().zip(q.ents.iter()) {
            let (name, ty, aliased, expr, entity) = match (e, ent) {
                (Entity::Class(c), _) => {
                    let cls = class_value(self, c);
                    (Value::str(c), cls.clone(), false, cls.clone(), cls)
                }
                (Entity::Alias { class, alias }, _) => {
                    let a = nv(Native::Aliased(Rc::from(class.as_str()), alias.clone()));
                    (Value::None, class_value(self, class), true, a.clone(), a)
                }
                (Entity::Expr(x), Ent::Col { key, ty }) => {
                    let mut tables = Vec::new();
                    crate::core::orm::query::collect_tables(x, &mut tables);
                    let owner = tables.iter().find_map(|t| match t {
                        crate::core::sql::TableRef::Named(t) => {
                            (self.orm.reg.mappers.iter().find(|m| m.table == *t))
                                .map(|m| m.class_name.clone())
                        }
                        _ => None,
                    });
                    // (A class's column is its attribute, `Sale.region`.)
                    let attr = match (x, &owner) {
                        (crate::core::sql::Expr::Column { name, .. }, Some(c)) => {
                            (self.orm.reg.table_of(c).ok())
                                .and_then(|t| t.columns.iter().position(|col| col.name == *name))
                                .map(|i| {
                                    nv(Native::Instrumented(super::super::Instrumented {
                                        class: Rc::from(c.as_str()),
                                        key: key.clone(),
                                        column: Some(i),
                                        via: None,
                                    }))
                                })
                        }
                        _ => None,
                    };
                    let expr = attr.unwrap_or_else(|| {
                        let mut s = SqlObj::typed(x.clone(), ty.clone());
                        s.key = Some(key.clone());
                        super::super::sqlexpr::sql_value(s)
                    });
                    let entity = owner.map_or(Value::None, |c| class_value(self, &c));
                    let tv = super::type_value(ty.clone());
                    // (An expression without a name: `None` in a Query, `_no_label` in a
                    // select().)
                    let name = match (key.is_empty(), q.legacy) {
                        (false, _) => Value::Str(key.clone()),
                        (true, true) => Value::None,
                        (true, false) => Value::str("_no_label"),
                    };
                    (name, tv, false, expr, entity)
                }
                (Entity::Expr(_), Ent::Class(_)) => continue,
            };
            out.push(Value::dict_of(vec![
                (Value::str("name"), name),
                (Value::str("type"), ty),
                (Value::str("aliased"), Value::Bool(aliased)),
                (Value::str("expr"), expr),
                (Value::str("entity"), entity),
            ]));
        }
        Ok(Value::list(out))
    }

    /// `Select.selected_columns`: each mapped class's table columns, each column
    /// expression by its row key.
    fn selected_columns(&mut self, q: &super::super::query::QueryObj) -> R<Value> {
        let mut out: Vec<(Rc<str>, Value)> = vec![];
        for (e, ent) in q.q.entities.iter().zip(q.ents.iter()) {
            match (e, ent) {
                (crate::core::orm::query::Entity::Class(c), _) => {
                    let Ok(t) = self.orm.reg.table_of(c.as_str()) else {
                        continue;
                    };
                    let name: Rc<str> = Rc::from(t.name.as_str());
                    for (i, col) in t.columns.iter().enumerate() {
                        out.push((
                            Rc::from(col.table_key()),
                            nv(Native::ColumnObj(name.clone(), i)),
                        ));
                    }
                }
                (crate::core::orm::query::Entity::Expr(x), Ent::Col { key, ty }) => {
                    let mut s = SqlObj::typed(x.clone(), ty.clone());
                    s.key = Some(key.clone());
                    out.push((key.clone(), super::super::sqlexpr::sql_value(s)));
                }
                _ => return self.unsupported("`selected_columns` of an aliased entity"),
            }
        }
        Ok(nv(Native::ColumnList(out.into())))
    }
}
