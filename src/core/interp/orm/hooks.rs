//! What scripts hook into the ORM: `@validates` functions (run when a mapped attribute
//! is set) and mapper event listeners (`before_insert`... fired by the flush).

use std::rc::Rc;

use super::Instrumented;
use crate::core::interp::value::{Instance, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// Calls the class's listeners of a mapper event (`before_insert`...) for `inst`, as
    /// `(mapper, connection, target)` (no mapper or connection objects here: `None`).
    pub fn fire_event(&mut self, event: &str, inst: &Rc<Instance>) -> R<()> {
        if self.orm.listeners.is_empty() {
            return Ok(());
        }
        let class = inst.class.name.clone();
        let fs: Vec<Value> = self
            .orm
            .listeners
            .iter()
            .filter(|(c, e, _)| *c == class && &**e == event)
            .map(|(_, _, f)| f.clone())
            .collect();
        for f in fs {
            let args = vec![Value::None, Value::None, Value::Instance(inst.clone())];
            self.call(&f, args, vec![])?;
        }
        Ok(())
    }

    /// `v` as the class's `@validates` function for the attribute returns it (`v` when none).
    pub(super) fn validated(
        &mut self,
        inst: &Rc<Instance>,
        attr: &Instrumented,
        v: Value,
    ) -> R<Value> {
        let f = self
            .orm
            .validators
            .iter()
            .find(|(c, k, _)| *c == attr.class && *k == attr.key)
            .map(|(_, _, f)| f.clone());
        match f {
            Some(f) => self.call(
                &f,
                vec![
                    Value::Instance(inst.clone()),
                    Value::Str(attr.key.clone()),
                    v,
                ],
                vec![],
            ),
            None => Ok(v),
        }
    }
}
