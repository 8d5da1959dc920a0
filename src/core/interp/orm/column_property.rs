//! `column_property(expr)`: a read-only attribute loaded from a SQL expression with the
//! object's SELECT (anonymously labeled: `person.first || ? || person.last AS anon_1`).
//!
//! The class body's come before the table's columns in that SELECT, those assigned to the
//! mapped class later after them (SQLAlchemy's mapper puts its `properties` first). Their
//! values live in the instance's slots after the columns'; a load that leaves them out
//! (eager loads) leaves them to load on access, alone, as deferred columns do.

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::value::{Class, Value};
use crate::core::interp::{Interp, R};
use crate::core::sql::Expr;

use super::model::ModelInfo;
use super::{Instrumented, Native, SqlObj};

impl Interp<'_> {
    /// `column_property(expr)`.
    pub(super) fn column_property(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        if !kw.is_empty() || args.len() != 1 {
            return self.unsupported("`column_property()` other than of one expression");
        }
        let e = self.to_expr(&args[0], None)?;
        Ok(Value::Native(Rc::new(Native::ColumnProperty(e))))
    }

    /// `deferred(Column(...))`: the column, left out of its class's loads (`group=` and
    /// `raiseload=` are not supported).
    pub(super) fn deferred_column(&mut self, args: &[Value], kw: &Kw) -> R<Value> {
        if !kw.is_empty() || args.len() != 1 {
            return self.unsupported("`deferred()` other than of one column");
        }
        match &args[0] {
            Value::Native(n) if let Native::ColumnSpec(s) = &**n => {
                let mut spec = s.borrow().clone();
                spec.deferred = true;
                Ok(Value::Native(Rc::new(Native::ColumnSpec(Box::new(
                    std::cell::RefCell::new(spec),
                )))))
            }
            _ => self.unsupported("`deferred()` other than of a `Column`"),
        }
    }

    /// Maps `props` (key, expression) on the mapped class `cls`: before its table's columns
    /// in its SELECTs (`first`, the class body's, mapped before any other) or after them.
    pub(crate) fn map_column_props(
        &mut self,
        cls: &Rc<Class>,
        props: Vec<(Rc<str>, SqlObj)>,
        first: bool,
    ) -> R<()> {
        let Some(m) = cls.model_info() else {
            return Ok(());
        };
        // (One expression, wherever it is used: its anonymous labels keep their numbers,
        // a scalar subquery's `count_1` too.)
        let props: Vec<_> = (props.into_iter())
            .map(|(key, e)| {
                let mut expr = self.orm.resolve_specs(&e.expr);
                if let Expr::Select(s) = &mut expr {
                    for c in s.columns.iter_mut() {
                        if let Expr::Func { .. } = c {
                            *c = c.clone().anon_label(anon_id());
                        }
                    }
                }
                (key, expr.anon_label(anon_id()), e.ty)
            })
            .collect();
        let Some(mapper) = self
            .orm
            .reg
            .mappers
            .iter_mut()
            .find(|x| *x.class_name == *m.class)
        else {
            return Ok(());
        };
        let mut info = ModelInfo::clone(&m);
        for (key, expr, ty) in props {
            let j = if first {
                info.props_first
            } else {
                info.props.len()
            };
            mapper.column_props.insert(j, (key.to_string(), expr));
            info.props.insert(j, ty);
            if first {
                mapper.props_first += 1;
                info.props_first += 1;
            }
            cls.set(&key, prop_attr(&m.class, &key, m.columns.len() + j));
        }
        *cls.model.borrow_mut() = Some(Rc::new(info));
        Ok(())
    }

    /// `Model.prop` as a SQL expression (`column_sql` of a `column_property`'s attribute:
    /// slot `i` past the columns).
    pub(crate) fn prop_sql(&self, attr: &Instrumented, i: usize) -> Option<SqlObj> {
        let m = self.orm.classes.get(&*attr.class)?.model_info()?;
        let mapper = self.orm.reg.mapper(&attr.class).ok()?;
        let (_, expr) = mapper.column_props.get(i)?;
        let expr = match attr.via.as_ref().and_then(|v| v.parent.as_ref()) {
            Some(alias) => crate::core::orm::mapper::adapt_to_alias(expr, &m.table, alias),
            None => expr.clone(),
        };
        Some(SqlObj {
            expr,
            ty: m.props.get(i).cloned().flatten(),
            key: Some(attr.key.clone()),
            class: Some(attr.class.clone()),
        })
    }
}

/// A fresh anonymous name's identity.
pub(crate) fn anon_id() -> u32 {
    match crate::core::orm::mapper::anon_alias("anon") {
        crate::core::sql::TableRef::Anon { id, .. } => id,
        crate::core::sql::TableRef::Named(_) => 0,
    }
}

/// The class attribute of a `column_property` in slot `i`.
fn prop_attr(class: &Rc<str>, key: &str, i: usize) -> Value {
    Value::Native(Rc::new(Native::Instrumented(Instrumented {
        class: class.clone(),
        key: Rc::from(key),
        column: Some(i),
        via: None,
    })))
}
