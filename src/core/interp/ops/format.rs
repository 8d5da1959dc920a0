//! Formatting operators: `fmt % args` and `format(v, spec)`.

use crate::core::py::Int;
use crate::core::py::percent::{PercentArgs, PercentNum, SimpleArg};

use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// `fmt % args`.
    pub(super) fn percent(&mut self, fmt: &str, args: &Value) -> R<Value> {
        let mapping = match args {
            Value::Dict(_) => true,
            Value::Native(n) => matches!(&**n, crate::core::interp::orm::Native::Mapping(_)),
            Value::Instance(i) => super::subscript::is_user_mapping(i),
            _ => false,
        };
        if mapping {
            let mut items = vec![];
            for (k, v) in self.mapping_items(args)? {
                if let Value::Str(k) = k {
                    items.push((k.to_string(), self.percent_arg(&v)?));
                }
            }
            let text = self.repr(args)?;
            let m = crate::core::py::percent::MappingArg { items, text };
            let r = crate::core::py::percent::percent_format(fmt, PercentArgs::Single(&m));
            return Ok(Value::str(&self.py(r)?));
        }
        let items: Vec<Value> = match args {
            Value::Tuple(t) => (**t).clone(),
            other => vec![other.clone()],
        };
        let mut simple = vec![];
        for v in &items {
            simple.push(self.percent_arg(v)?);
        }
        let refs: Vec<&dyn crate::core::py::percent::PercentArg> = simple
            .iter()
            .map(|s| s as &dyn crate::core::py::percent::PercentArg)
            .collect();
        let pa = if matches!(args, Value::Tuple(_)) {
            PercentArgs::Tuple(refs)
        } else {
            PercentArgs::Single(refs[0])
        };
        let r = crate::core::py::percent::percent_format(fmt, pa);
        Ok(Value::str(&self.py(r)?))
    }

    fn percent_arg(&mut self, v: &Value) -> R<SimpleArg> {
        // A member of an enum mixing in `int`/`str`: a number as its value, text as
        // itself (`'%d' % Priority.HIGH` is `2`, `'%s' % Role.ADMIN` is `Role.ADMIN`).
        if let Some(x) = self.mixin_value(v) {
            let mut s = self.percent_arg(&x)?;
            s.str_value = self.to_str(v)?;
            s.repr_value = self.repr(v)?;
            return Ok(s);
        }
        Ok(match v {
            Value::Int(i) => SimpleArg::int(i.clone()),
            Value::Bool(b) => {
                let mut s = SimpleArg::int(Int::Small(*b as i64));
                s.str_value = if *b { "True" } else { "False" }.into();
                s.repr_value = s.str_value.clone();
                s.type_name = "bool".into();
                s
            }
            Value::Float(f) => SimpleArg::float(*f),
            Value::Str(s) => SimpleArg::str(s),
            Value::Decimal(d) => {
                let mut s = SimpleArg::other(&d.to_str(), &d.repr(), "decimal.Decimal");
                s.num = PercentNum::Decimal((**d).clone());
                s
            }
            other => {
                let s = self.to_str(other)?;
                let r = self.repr(other)?;
                SimpleArg::other(&s, &r, &self.qual_type_name(other))
            }
        })
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> R<String> {
        use crate::core::py::format_spec as fs;
        match v {
            Value::Str(s) => self.py(fs::format_str(s, spec)),
            Value::Int(i) => self.py(fs::format_int(i, spec)),
            Value::Bool(b) => self.py(fs::format_bool(*b, spec)),
            Value::Float(f) => self.py(fs::format_float(*f, spec)),
            Value::Decimal(d) => self.py(crate::core::py::decimal_format::format_decimal(d, spec)),
            Value::DateTime(d) if !spec.is_empty() => Ok(d.strftime(spec)),
            Value::Date(d) if !spec.is_empty() => Ok(d.strftime(spec)),
            Value::Time(t) if !spec.is_empty() => Ok(t.strftime(spec)),
            Value::Instance(i) if i.class.lookup("__format__").is_some() => {
                let f = self.getattr(v, "__format__")?;
                let r = self.call(&f, vec![Value::str(spec)], vec![])?;
                self.to_str(&r)
            }
            _ => {
                let s = self.to_str(v)?;
                let tn = self.qual_type_name(v);
                self.py(fs::format_object(&s, &tn, spec))
            }
        }
    }
}
