//! An instance's `__dict__`: what `vars(obj)` and `obj.__dict__` list, in Python's order
//! for a mapped object (its state first, then its attributes).

use std::rc::Rc;

use super::Interp;
use super::value::{Instance, Value};

impl Interp<'_> {
    /// An instance's `__dict__` entries: a model object's attributes set while it was
    /// transient in the order set, then its other column values in table order, then
    /// the rest of its dict (by name: plain instance dicts keep no order).
    pub(super) fn instance_dict_pairs(&mut self, inst: &Rc<Instance>) -> Vec<(Value, Value)> {
        let model = inst.class.model_info();
        let order = inst
            .orm
            .borrow()
            .as_ref()
            .and_then(|s| s.order.clone())
            .unwrap_or_else(|| Rc::from([]));
        let col = |k: &str| {
            let m = model.as_ref()?;
            let i = m.columns.iter().position(|(c, _)| &**c == k)?;
            crate::core::interp::orm::model::column_attr(inst, i)
        };
        let d = inst.dict.borrow();
        let mut pairs: Vec<(Value, Value)> = vec![];
        // (A mapped object's state is the first entry of its `__dict__`.)
        if model.is_some() {
            pairs.push((
                Value::str("_sa_instance_state"),
                Value::Native(Rc::new(crate::core::interp::orm::Native::Inspected(
                    crate::core::interp::orm::inspect::Inspected::State(inst.clone()),
                ))),
            ));
        }
        for k in order.iter() {
            if let Some(v) = d.get(k).cloned().or_else(|| col(k)) {
                pairs.push((Value::Str(k.clone()), v));
            }
        }
        if let Some(m) = &model {
            for (i, (k, _)) in m.columns.iter().enumerate() {
                if !order.contains(k)
                    && let Some(v) = crate::core::interp::orm::model::present_attr(inst, i)
                {
                    pairs.push((Value::Str(k.clone()), v));
                }
            }
            // (Loaded `column_property` values too, after the columns.)
            if !m.props.is_empty()
                && let Ok(mapper) = self.orm.reg.mapper(&m.class)
            {
                for (j, (k, _)) in mapper.column_props.iter().enumerate() {
                    if let Some(v) =
                        crate::core::interp::orm::model::column_attr(inst, m.columns.len() + j)
                    {
                        pairs.push((Value::str(k), v));
                    }
                }
            }
        }
        pairs.extend(
            (d.iter())
                .filter(|(k, _)| !order.contains(k))
                .map(|(k, v)| (Value::Str(k.clone()), v.clone())),
        );
        pairs
    }
}
