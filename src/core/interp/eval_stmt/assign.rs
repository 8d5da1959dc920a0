//! Binding names and assigning to targets: `set_var`, `assign` (names, attributes, subscripts,
//! tuple unpacking with a starred target) and `del`.

use std::rc::Rc;

use crate::core::lang::ast::{Expr, ExprKind};

use crate::core::interp::value::{Scope, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// Binds `name` in `scope` (honouring `global`).
    pub fn set_var(&mut self, scope: &Scope, name: &str, v: Value) {
        let v = match self.set_nonlocal(scope, name, v) {
            Some(v) => v,
            None => return,
        };
        let is_global = scope.0.globals.borrow().iter().any(|g| &**g == name);
        let target = if is_global { &self.globals } else { scope };
        if !target.0.is_class
            && let Some(slot) = target.0.vars.borrow_mut().get_mut(name)
        {
            // Rebinding: no new key.
            *slot = v;
            return;
        }
        let k: Rc<str> = Rc::from(name);
        if target.0.is_class && !target.0.order.borrow().iter().any(|o| **o == *name) {
            target.0.order.borrow_mut().push(k.clone());
        }
        target.0.vars.borrow_mut().insert(k, v);
    }

    /// Rebinds a name declared `nonlocal` in `scope` in the nearest enclosing function
    /// scope that binds it; hands the value back when the name is not one.
    fn set_nonlocal(&mut self, scope: &Scope, name: &str, v: Value) -> Option<Value> {
        if !scope.0.nonlocals.borrow().iter().any(|n| &**n == name) {
            return Some(v);
        }
        match self.nonlocal_owner(scope, name) {
            Some(owner) => {
                owner.0.vars.borrow_mut().insert(Rc::from(name), v);
                None
            }
            None => Some(v),
        }
    }

    /// The enclosing function scope (not a class body, not the module) binding `name`.
    pub fn nonlocal_owner(&self, scope: &Scope, name: &str) -> Option<Scope> {
        let mut s = scope.0.parent.as_ref();
        while let Some(sc) = s {
            if !sc.0.is_class
                && !Rc::ptr_eq(&sc.0, &self.globals.0)
                && sc.0.vars.borrow().contains_key(name)
            {
                return Some(sc.clone());
            }
            s = sc.0.parent.as_ref();
        }
        None
    }

    /// Assignment to a target expression.
    pub fn assign(&mut self, t: &Expr, v: Value, scope: &Scope) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.set_var(scope, n, v);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                // (A tuple of the right length, as `for a, b in pairs` unpacks, is read in
                // place: no list of its values.)
                if let Value::Tuple(t) = &v
                    && t.len() == items.len()
                    && !items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
                {
                    for (e, x) in items.iter().zip(t.iter()) {
                        self.assign(e, x.clone(), scope)?;
                    }
                    return Ok(());
                }
                if self.surely_not_iterable(&v) {
                    let t = self.qual_type_name(&v);
                    return self.raise(
                        "TypeError",
                        format!("cannot unpack non-iterable {t} object"),
                    );
                }
                let vals = self.iterate(&v)?;
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        if vals.len() != items.len() {
                            self.cur_span = t.span;
                            return if vals.len() > items.len() {
                                self.raise(
                                    "ValueError",
                                    format!("too many values to unpack (expected {})", items.len()),
                                )
                            } else {
                                self.raise(
                                    "ValueError",
                                    format!(
                                        "not enough values to unpack (expected {}, got {})",
                                        items.len(),
                                        vals.len()
                                    ),
                                )
                            };
                        }
                        for (e, v) in items.iter().zip(vals) {
                            self.assign(e, v, scope)?;
                        }
                    }
                    Some(si) => {
                        let after = items.len() - si - 1;
                        if vals.len() < items.len() - 1 {
                            return self.raise(
                                "ValueError",
                                format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    items.len() - 1,
                                    vals.len()
                                ),
                            );
                        }
                        for (e, v) in items[..si].iter().zip(vals.iter()) {
                            self.assign(e, v.clone(), scope)?;
                        }
                        let mid = vals[si..vals.len() - after].to_vec();
                        if let ExprKind::Starred(inner) = &items[si].kind {
                            self.assign(inner, Value::list(mid), scope)?;
                        }
                        for (e, v) in items[si + 1..]
                            .iter()
                            .zip(vals[vals.len() - after..].iter())
                        {
                            self.assign(e, v.clone(), scope)?;
                        }
                    }
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                self.cur_span = attr.span;
                self.setattr(&obj, &attr.name, v)
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, scope)?;
                let k = self.eval(slice, scope)?;
                self.cur_span = t.span;
                self.setitem(&obj, k, v)
            }
            ExprKind::Starred(_) => self.raise(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            ),
            _ => self.unsupported("this assignment target"),
        }
    }

    pub(super) fn delete(&mut self, t: &Expr, scope: &Scope) -> R<()> {
        self.cur_span = t.span;
        match &t.kind {
            ExprKind::Name(n) => {
                if scope.0.vars.borrow_mut().remove(n.as_str()).is_none() {
                    return self.raise("NameError", format!("name '{n}' is not defined"));
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, scope)?;
                let k = self.eval(slice, scope)?;
                self.cur_span = t.span;
                self.delitem(&obj, k)
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                // (A property: its deleter, or Python's error without one.)
                if let Value::Instance(i) = &obj
                    && let Some(Value::Property(p)) = i.class.lookup(attr.name.as_str())
                {
                    let fdel = crate::core::interp::methods::property_deleter(&p);
                    if matches!(fdel, Value::None) {
                        let msg = format!(
                            "property '{}' of '{}' object has no deleter",
                            attr.name, i.class.name
                        );
                        return self.raise("AttributeError", msg);
                    }
                    self.call(&fdel, vec![obj.clone()], vec![])?;
                    return Ok(());
                }
                if let Value::Instance(i) = &obj
                    && del_instance_attr(i, attr.name.as_str())
                {
                    return Ok(());
                }
                self.raise(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute '{}'",
                        self.type_name(&obj),
                        attr.name
                    ),
                )
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i, scope)?;
                }
                Ok(())
            }
            _ => self.unsupported("this `del` target"),
        }
    }
}

/// `del obj.name` on an instance: a set or loaded column attribute of a model instance
/// is cleared, anything else leaves the instance dict; false when there was nothing.
fn del_instance_attr(inst: &crate::core::interp::value::Instance, name: &str) -> bool {
    if let Some(m) = inst.class.model_info()
        && let Some(i) = m.column_index(name)
    {
        let mut st = inst.orm.borrow_mut();
        return st
            .as_mut()
            .and_then(|s| s.values_mut().get_mut(i))
            .is_some_and(|slot| slot.take().is_some());
    }
    inst.dict.borrow_mut().remove(name).is_some()
}
